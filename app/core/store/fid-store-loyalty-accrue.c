/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: spending and time in the loyalty programme — redemptions,
 * expiry and years of relationship — and the programme's figures (see
 * fid-store-loyalty.h).
 *
 * Spending follows FIFO by expiry: a redemption uses the points that
 * expire first, and when a line's expiry date comes, what is left of it is
 * written off by an 'expiry' line naming it. replay_lines works out "what
 * is left" from the ledger alone, so nothing but the ledger is stored. */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fid-store-audit.h"
#include "fid-store-loyalty-private.h"
#include "fid-store-private.h"

/* An earning line still (partly) unspent while replaying the ledger. */
typedef struct
{
  gint64  id;
  gint64  remaining;
  char   *expires_on;   /* NULL: never */
  gboolean expired;     /* an expiry line names it */
} Lot;

static void
lot_clear (gpointer data)
{
  g_free (((Lot *) data)->expires_on);
}

/* Expiry first (NULL last), then oldest line first. */
static gint
compare_lots (gconstpointer a,
              gconstpointer b)
{
  const Lot *x = a, *y = b;

  if (x->expires_on == NULL || y->expires_on == NULL)
    {
      if (x->expires_on != y->expires_on)
        return x->expires_on == NULL ? 1 : -1;
    }
  else
    {
      int c = strcmp (x->expires_on, y->expires_on);

      if (c != 0)
        return c;
    }
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Replays @lines (one customer, in id order) into @lots: earning lines
 * become lots, a redemption consumes the lots that expire first, an
 * expiry line empties the lot it names. */
static void
replay_lines (GPtrArray *lines,
              GArray    *lots)
{
  for (guint i = 0; i < lines->len; i++)
    {
      FidLedgerLine *line = lines->pdata[i];

      if (line->points > 0)
        {
          Lot lot = { line->id, line->points, g_strdup (line->expires_on), FALSE };

          g_array_append_val (lots, lot);
          g_array_sort (lots, compare_lots);
        }
      else if (g_str_equal (line->source_kind, "expiry"))
        {
          for (guint j = 0; j < lots->len; j++)
            if (g_array_index (lots, Lot, j).id == line->source_id)
              {
                g_array_index (lots, Lot, j).remaining = 0;
                g_array_index (lots, Lot, j).expired = TRUE;
              }
        }
      else
        {
          gint64 to_spend = -line->points;

          for (guint j = 0; j < lots->len && to_spend > 0; j++)
            {
              Lot *lot = &g_array_index (lots, Lot, j);
              gint64 used = MIN (lot->remaining, to_spend);

              lot->remaining -= used;
              to_spend -= used;
            }
        }
    }
}

/* Writes off, for one customer, what is left of every lot expiring on or
 * before @today. Inside the caller's transaction. */
static gboolean
expire_lines (FidStore           *self,
              GPtrArray          *lines,
              const char         *today,
              FidLoyaltyAccrual  *accrual,
              GError            **error)
{
  g_autoptr(GArray) lots = g_array_new (FALSE, FALSE, sizeof (Lot));
  gint64 customer_id;

  if (lines->len == 0)
    return TRUE;
  customer_id = ((FidLedgerLine *) lines->pdata[0])->customer_id;
  g_array_set_clear_func (lots, lot_clear);
  replay_lines (lines, lots);
  for (guint j = 0; j < lots->len; j++)
    {
      Lot *lot = &g_array_index (lots, Lot, j);
      sqlite3_stmt *stmt;

      if (lot->expired || lot->remaining <= 0 || lot->expires_on == NULL || strcmp (lot->expires_on, today) > 0)
        continue;
      stmt = fid_store_prepare (self,
                                "INSERT OR IGNORE INTO points_ledger (customer_id, points, reason, source_kind,"
                                " source_id, posted_on) VALUES (?1, ?2, 'points expired', 'expiry', ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      sqlite3_bind_int64 (stmt, 2, -lot->remaining);
      sqlite3_bind_int64 (stmt, 3, lot->id);
      sqlite3_bind_text (stmt, 4, lot->expires_on, -1, SQLITE_TRANSIENT);
      if (!fid_store_step_write (self, stmt, _("expire points"), error))
        return FALSE;
      if (sqlite3_changes (fid_store_get_db (self)) > 0)
        {
          accrual->expiry_lines++;
          accrual->expired_points += lot->remaining;
        }
    }
  return TRUE;
}

/* Expiry for one customer (@customer_id > 0) or for everyone (0). */
static gboolean
expire_due (FidStore           *self,
            gint64              customer_id,
            const char         *today,
            FidLoyaltyAccrual  *accrual,
            GError            **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) one = NULL;
  sqlite3_stmt *stmt;

  stmt = fid_store_prepare (self,
                            customer_id > 0
                            ? "SELECT " LEDGER_COLUMNS " FROM points_ledger WHERE customer_id = ?1 ORDER BY id"
                            : "SELECT " LEDGER_COLUMNS " FROM points_ledger WHERE customer_id IN"
                              " (SELECT customer_id FROM points_ledger WHERE expires_on <= ?2)"
                              " ORDER BY customer_id, id", error);
  if (stmt == NULL)
    return FALSE;
  if (customer_id > 0)
    sqlite3_bind_int64 (stmt, 1, customer_id);
  else
    sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  if ((all = fid_loyalty_read_lines (self, stmt, error)) == NULL)
    return FALSE;

  /* One customer's lines at a time. */
  one = g_ptr_array_new ();
  for (guint i = 0; i <= all->len; i++)
    {
      FidLedgerLine *line = i < all->len ? all->pdata[i] : NULL;

      if (one->len > 0 &&
          (line == NULL || line->customer_id != ((FidLedgerLine *) one->pdata[0])->customer_id))
        {
          if (!expire_lines (self, one, today, accrual, error))
            return FALSE;
          g_ptr_array_set_size (one, 0);
        }
      if (line != NULL)
        g_ptr_array_add (one, line);
    }
  return TRUE;
}

/* Years of relationship: counted from the first holding (or, without one,
 * from the customer's creation); each anniversary on or after joining and
 * on or before @today earns one line, numbered by the year. */
static gboolean
credit_relationship_years (FidStore           *self,
                           const char         *today,
                           FidLoyaltyAccrual  *accrual,
                           GError            **error)
{
  g_autoptr(GArray) todo = g_array_new (FALSE, FALSE, sizeof (gint64) * 3);
  sqlite3_stmt *stmt, *insert;
  gint64 points = 0;
  GDate limit;
  int rc;

  if (!fid_store_loyalty_get_rule_points (self, FID_LOYALTY_RULE_RELATIONSHIP_YEAR, &points, error))
    return FALSE;
  if (points <= 0)
    return TRUE;
  fid_parse_iso_date (today, &limit);

  stmt = fid_store_prepare (self,
                            "SELECT m.customer_id, m.joined_on,"
                            " coalesce ((SELECT min (opened_on) FROM holdings h WHERE h.customer_id = m.customer_id),"
                            "           substr (c.created_at, 1, 10))"
                            " FROM loyalty_members m JOIN customers c ON c.id = m.customer_id", error);
  if (stmt == NULL)
    return FALSE;
  insert = NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 customer_id = sqlite3_column_int64 (stmt, 0);
      GDate joined, start;

      if (!fid_parse_iso_date (fid_sqlite_text (stmt, 1), &joined) ||
          !fid_parse_iso_date (fid_sqlite_text (stmt, 2), &start))
        continue;
      for (guint n = 1; n < 200; n++)
        {
          GDate anniversary = start;
          gint64 row[3];

          g_date_add_years (&anniversary, n);
          if (g_date_compare (&anniversary, &limit) > 0)
            break;
          if (g_date_compare (&anniversary, &joined) < 0)
            continue;
          row[0] = customer_id;
          row[1] = n;
          row[2] = g_date_get_julian (&anniversary);
          g_array_append_vals (todo, row, 1);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the loyalty programme"));
      return FALSE;
    }

  for (guint i = 0; i < todo->len; i++)
    {
      const gint64 *row = &g_array_index (todo, gint64, i * 3);
      char date[16];
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, (guint32) row[2]);
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &d);
      insert = fid_store_prepare (self,
                                  "INSERT OR IGNORE INTO points_ledger (customer_id, points, reason, source_kind,"
                                  " source_id, posted_on, expires_on)"
                                  " SELECT ?1, ?2, 'year of relationship', 'relationship_year', ?3, ?4,"
                                  " CASE WHEN points_validity_months > 0"
                                  "      THEN date (?4, '+' || points_validity_months || ' months') END"
                                  " FROM loyalty_settings WHERE id = 1", error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, row[0]);
      sqlite3_bind_int64 (insert, 2, points);
      sqlite3_bind_int64 (insert, 3, row[1]);
      sqlite3_bind_text (insert, 4, date, -1, SQLITE_TRANSIENT);
      if (!fid_store_step_write (self, insert, _("credit a year of relationship"), error))
        return FALSE;
      if (sqlite3_changes (fid_store_get_db (self)) > 0)
        {
          accrual->relationship_lines++;
          accrual->relationship_points += points;
        }
    }
  return TRUE;
}

static gboolean
accrue (FidStore           *self,
        const char         *today,
        FidLoyaltyAccrual  *accrual,
        gboolean            audit,
        GError            **error)
{
  FidLoyaltyAccrual local = { 0 };
  g_autofree char *date = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if ((date = fid_loyalty_date_or_today (today, error)) == NULL)
    return FALSE;
  if (!fid_store_begin (self, error))
    return FALSE;
  /* Credit first: a year completed today is spendable, and an earning line
   * already past its expiry is then written off in the same pass. */
  if (!credit_relationship_years (self, date, &local, error) ||
      !expire_due (self, 0, date, &local, error))
    goto failed;
  if (audit && local.relationship_lines + local.expiry_lines > 0)
    {
      details = g_strdup_printf ("{\"as_of\":\"%s\",\"years\":%" G_GINT64_FORMAT ",\"expired\":%" G_GINT64_FORMAT "}",
                                 date, local.relationship_lines, local.expiry_lines);
      if (!fid_store_audit_append (self, "accrue", "loyalty_programme", 0, details, error))
        goto failed;
    }
  if (!fid_store_commit (self, error))
    goto failed;
  if (accrual != NULL)
    *accrual = local;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_store_loyalty_accrue (FidStore           *self,
                          const char         *today,
                          FidLoyaltyAccrual  *accrual,
                          GError            **error)
{
  return accrue (self, today, accrual, TRUE, error);
}

gint64
fid_store_loyalty_redeem (FidStore    *self,
                          gint64       customer_id,
                          gint64       reward_id,
                          const char  *today,
                          GError     **error)
{
  FidLoyaltyAccrual ignored = { 0 };
  g_autofree char *date = NULL;
  g_autofree char *joined_on = NULL;
  g_autofree char *at = NULL;
  g_autofree char *name = NULL;
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  gint64 cost = 0, balance = 0, id;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), 0);

  if (!fid_loyalty_check_customer (self, customer_id, error) || (date = fid_loyalty_date_or_today (today, error)) == NULL)
    return 0;
  at = today == NULL ? fid_store_now_iso () : g_strconcat (date, "T12:00:00", NULL);

  if (!fid_store_begin (self, error))
    return 0;
  /* Everything below reads inside the write transaction (BEGIN
   * IMMEDIATE): a second redemption from another connection waits for
   * this one to commit and then sees its ledger line. */
  if (!fid_store_loyalty_get_membership (self, customer_id, &joined_on, error))
    goto failed;
  if (joined_on == NULL)
    {
      g_set_error_literal (error, FID_LOYALTY_ERROR, FID_LOYALTY_ERROR_NOT_A_MEMBER,
                           _("This customer is not a member of the loyalty programme."));
      goto failed;
    }
  stmt = fid_store_prepare (self, "SELECT name, cost_points FROM rewards WHERE id = ?1 AND active", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, reward_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      name = g_strdup (fid_sqlite_text (stmt, 0));
      cost = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, FID_LOYALTY_ERROR, FID_LOYALTY_ERROR_UNKNOWN_REWARD,
                     _("There is no reward number %" PRId64 " on offer."), reward_id);
      else
        fid_store_set_sqlite_error (self, error, rc, _("read the rewards"));
      goto failed;
    }
  if (!expire_due (self, customer_id, date, &ignored, error) ||
      !fid_store_loyalty_get_balance (self, customer_id, &balance, error))
    goto failed;
  if (balance < cost)
    {
      g_set_error (error, FID_LOYALTY_ERROR, FID_LOYALTY_ERROR_INSUFFICIENT_POINTS,
                   _("Not enough points: the balance is %" PRId64 " and “%s” costs %" PRId64 "."),
                   balance, name, cost);
      /* The points that expired are gone whether or not the redemption
       * goes through: keep their lines, so the balance shown agrees with
       * the one in this message. */
      if (ignored.expiry_lines > 0 && fid_store_commit (self, NULL))
        return 0;
      goto failed;
    }

  stmt = fid_store_prepare (self, "INSERT INTO redemptions (customer_id, reward_id, points, redeemed_at)"
                                  " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, reward_id);
  sqlite3_bind_int64 (stmt, 3, cost);
  sqlite3_bind_text (stmt, 4, at, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("redeem the reward"), error))
    goto failed;
  id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  stmt = fid_store_prepare (self, "INSERT INTO points_ledger (customer_id, points, reason, source_kind,"
                                  " source_id, posted_on) VALUES (?1, ?2, ?3, 'redemption', ?4, ?5)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, -cost);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, id);
  sqlite3_bind_text (stmt, 5, date, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("redeem the reward"), error))
    goto failed;
  details = g_strdup_printf ("{\"redemption\":%" G_GINT64_FORMAT ",\"reward\":%" G_GINT64_FORMAT
                             ",\"points\":%" G_GINT64_FORMAT "}", id, reward_id, cost);
  if (!fid_store_audit_append (self, "redeem", "customer", customer_id, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return id;

failed:
  fid_store_rollback (self);
  return 0;
}

/* One row of integers from @sql with ?1 = @from and ?2 = @to. */
static gboolean
period_row (FidStore    *self,
            const char  *sql,
            const char  *from,
            const char  *to,
            gint64      *values,
            int          n_values,
            GError     **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_row (self, stmt, _("compute the loyalty programme's figures"), error, _("Nothing found.")))
    return FALSE;
  for (int i = 0; i < n_values; i++)
    values[i] = sqlite3_column_int64 (stmt, i);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
fid_store_loyalty_get_stats (FidStore         *self,
                             const char       *from,
                             const char       *to,
                             FidLoyaltyStats  *stats,
                             GError          **error)
{
  gint64 v[6];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  if (!fid_parse_iso_date (from, NULL) || !fid_parse_iso_date (to, NULL) || strcmp (from, to) > 0)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("“%s” to “%s” is not a period (expected two dates YYYY-MM-DD, the first one first)."),
                   from ? from : "", to ? to : "");
      return FALSE;
    }

  if (!period_row (self,
                   "SELECT (SELECT count(*) FROM loyalty_members WHERE joined_on <= ?2),"
                   " count (DISTINCT customer_id),"
                   " coalesce (sum (CASE WHEN points > 0 THEN points END), 0),"
                   " coalesce (-sum (CASE WHEN source_kind = 'redemption' THEN points END), 0),"
                   " coalesce (-sum (CASE WHEN source_kind = 'expiry' THEN points END), 0),"
                   " (SELECT coalesce (sum (points), 0) FROM points_ledger)"
                   " FROM points_ledger WHERE posted_on BETWEEN ?1 AND ?2",
                   from, to, v, 6, error))
    return FALSE;
  stats->members = v[0];
  stats->active_members = v[1];
  stats->points_issued = v[2];
  stats->points_redeemed = v[3];
  stats->points_expired = v[4];
  stats->outstanding_points = v[5];

  if (!period_row (self,
                   "SELECT count(*), count (converted_on), (SELECT cents_per_100_points FROM loyalty_settings)"
                   " FROM referrals WHERE referred_on BETWEEN ?1 AND ?2",
                   from, to, v, 3, error))
    return FALSE;
  stats->referrals = v[0];
  stats->referrals_converted = v[1];
  stats->conversion_rate = v[0] > 0 ? (double) v[1] / v[0] : 0;
  stats->liability_cents = stats->outstanding_points * v[2] / 100;

  /* Retention: one pass over the holdings open on @from, grouped by
   * customer, then split by membership on @from. */
  stmt = fid_store_prepare (self,
                            "SELECT m.customer_id IS NOT NULL, count(*), sum (h.kept) FROM"
                            " (SELECT customer_id, max (closed_on IS NULL OR closed_on > ?2) AS kept"
                            "  FROM holdings WHERE opened_on <= ?1 AND (closed_on IS NULL OR closed_on > ?1)"
                            "  GROUP BY customer_id) h"
                            " LEFT JOIN loyalty_members m ON m.customer_id = h.customer_id AND m.joined_on <= ?1"
                            " GROUP BY 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 0))
        {
          stats->members_at_start = sqlite3_column_int64 (stmt, 1);
          stats->members_retained = sqlite3_column_int64 (stmt, 2);
        }
      else
        {
          stats->others_at_start = sqlite3_column_int64 (stmt, 1);
          stats->others_retained = sqlite3_column_int64 (stmt, 2);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("compute the loyalty programme's figures"));
      return FALSE;
    }
  stats->member_retention = stats->members_at_start > 0
                            ? (double) stats->members_retained / stats->members_at_start : 0;
  stats->other_retention = stats->others_at_start > 0
                           ? (double) stats->others_retained / stats->others_at_start : 0;
  return TRUE;
}

/* The demo bank's programme (fid-demo.c), in a few set-based statements
 * rather than one call per customer, so that a million-customer bank gets
 * it in seconds. Deterministic: every choice is a function of the ids.
 *  - every 6th customer who is not a prospect is a member, joined 30 to
 *    1,030 days before @today;
 *  - customer id + 3 of each member was referred by them: 20 days before
 *    their first holding when that came after the member joined (the
 *    referral converted then, and the member was credited), or lately
 *    when they are still a prospect without any holding;
 *  - members' holdings opened since joining earn, and one member in five
 *    with 500 points spent them on cinema tickets ten days ago.
 * Then the years of relationship and expiry, and the engagement scores,
 * as of @today. Nothing goes to the audit trail: a new bank starts with
 * an empty one. */
gboolean
fid_store_loyalty_seed_demo (FidStore    *self,
                             const char  *today,
                             GError     **error)
{
  static const char * const statements[] = {
    "INSERT OR IGNORE INTO loyalty_members (customer_id, joined_on)"
    " SELECT id, date (?1, '-' || (30 + (id * 7919) % 1000) || ' days') FROM customers"
    " WHERE id % 6 = 0 AND lifecycle_stage NOT IN ('prospect', 'unknown')",
    /* Converted referrals. */
    "INSERT OR IGNORE INTO referrals (referrer_id, referred_id, referred_on, converted_on, created_at)"
    " SELECT m.customer_id, c.id, date (f.first, '-20 days'), f.first, date (f.first, '-20 days') || 'T10:00:00'"
    " FROM loyalty_members m JOIN customers c ON c.id = m.customer_id + 3"
    " JOIN (SELECT customer_id, min (opened_on) AS first FROM holdings GROUP BY customer_id) f"
    "   ON f.customer_id = c.id"
    " WHERE f.first > m.joined_on AND f.first <= ?1",
    /* Prospects referred lately, not customers yet. */
    "INSERT OR IGNORE INTO referrals (referrer_id, referred_id, referred_on, created_at)"
    " SELECT m.customer_id, c.id, date (?1, '-' || (c.id % 90) || ' days'),"
    "        date (?1, '-' || (c.id % 90) || ' days') || 'T10:00:00'"
    " FROM loyalty_members m JOIN customers c ON c.id = m.customer_id + 3"
    " WHERE c.lifecycle_stage = 'prospect' AND NOT EXISTS (SELECT 1 FROM holdings h WHERE h.customer_id = c.id)",
    "INSERT OR IGNORE INTO points_ledger (customer_id, points, reason, source_kind, source_id, posted_on, expires_on)"
    " SELECT r.referrer_id, lr.points, 'referral converted', 'referral', r.id, r.converted_on,"
    "        CASE WHEN s.points_validity_months > 0"
    "             THEN date (r.converted_on, '+' || s.points_validity_months || ' months') END"
    " FROM referrals r JOIN loyalty_rules lr ON lr.kind = 'referral_converted' AND lr.points > 0"
    " JOIN loyalty_settings s ON s.id = 1 WHERE r.converted_on IS NOT NULL",
    "INSERT OR IGNORE INTO points_ledger (customer_id, points, reason, source_kind, source_id, posted_on, expires_on)"
    " SELECT h.customer_id, lr.points, 'product opened', 'holding', h.id, h.opened_on,"
    "        CASE WHEN s.points_validity_months > 0"
    "             THEN date (h.opened_on, '+' || s.points_validity_months || ' months') END"
    " FROM loyalty_members m JOIN holdings h ON h.customer_id = m.customer_id AND h.opened_on >= m.joined_on"
    " JOIN loyalty_rules lr ON lr.kind = 'product_opened' AND lr.points > 0"
    " JOIN loyalty_settings s ON s.id = 1 WHERE h.opened_on <= ?1",
    "INSERT INTO redemptions (customer_id, reward_id, points, redeemed_at)"
    " SELECT l.customer_id, w.id, w.cost_points, date (?1, '-10 days') || 'T10:00:00'"
    " FROM (SELECT customer_id, sum (points) AS balance FROM points_ledger GROUP BY customer_id) l"
    " JOIN rewards w ON w.name = 'Two cinema tickets'"
    " WHERE l.balance >= w.cost_points AND l.customer_id % 5 = 0",
    "INSERT INTO points_ledger (customer_id, points, reason, source_kind, source_id, posted_on)"
    " SELECT r.customer_id, -r.points, w.name, 'redemption', r.id, substr (r.redeemed_at, 1, 10)"
    " FROM redemptions r JOIN rewards w ON w.id = r.reward_id"
    " WHERE NOT EXISTS (SELECT 1 FROM points_ledger l WHERE l.customer_id = r.customer_id"
    "                   AND l.source_kind = 'redemption' AND l.source_id = r.id)",
  };

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_parse_iso_date (today, NULL))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)."), today ? today : "");
      return FALSE;
    }
  if (!fid_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = fid_store_prepare (self, statements[i], error);

      if (stmt == NULL)
        goto failed;
      if (sqlite3_bind_parameter_count (stmt) >= 1)
        sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
      if (!fid_store_step_write (self, stmt, _("fill the demo loyalty programme"), error))
        goto failed;
    }
  if (!fid_store_commit (self, error))
    goto failed;
  return accrue (self, today, NULL, FALSE, error) &&
         fid_loyalty_engagement_refresh (self, today, NULL, NULL, FALSE, error);

failed:
  fid_store_rollback (self);
  return FALSE;
}
