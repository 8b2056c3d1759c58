/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: the loyalty programme (see fid-store-loyalty.h and
 * data/sql/008-loyalty.sql).
 *
 * The ledger is append-only: a balance is never stored, it is the sum of
 * the customer's lines (one index range), so it cannot drift from the
 * lines. Redemption, expiry and years of relationship are in
 * fid-store-loyalty-accrue.c. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "fid-store-audit.h"
#include "fid-store-loyalty.h"
#include "fid-store-loyalty-private.h"
#include "fid-store-private.h"

G_DEFINE_QUARK (fid-loyalty-error-quark, fid_loyalty_error)

static const char * const rule_kinds[FID_LOYALTY_N_RULES] = {
  "referral_converted", "product_opened", "relationship_year", "survey_answered",
};

const char *
fid_loyalty_rule_kind (FidLoyaltyRule rule)
{
  g_return_val_if_fail (rule < FID_LOYALTY_N_RULES, NULL);
  return rule_kinds[rule];
}

const char *
fid_loyalty_rule_label (FidLoyaltyRule rule)
{
  switch (rule)
    {
    case FID_LOYALTY_RULE_REFERRAL_CONVERTED:
      return _("Referral that becomes a customer");
    case FID_LOYALTY_RULE_PRODUCT_OPENED:
      return _("Product opened");
    case FID_LOYALTY_RULE_RELATIONSHIP_YEAR:
      return _("Year of relationship");
    case FID_LOYALTY_RULE_SURVEY_ANSWERED:
      return _("Survey answered");
    case FID_LOYALTY_N_RULES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
fid_ledger_source_label (const char *source_kind)
{
  if (g_strcmp0 (source_kind, "referral") == 0)
    return _("Referral converted");
  if (g_strcmp0 (source_kind, "holding") == 0)
    return _("Product opened");
  if (g_strcmp0 (source_kind, "relationship_year") == 0)
    return _("Year of relationship");
  if (g_strcmp0 (source_kind, "survey_response") == 0)
    return _("Survey answered");
  if (g_strcmp0 (source_kind, "redemption") == 0)
    return _("Reward redeemed");
  if (g_strcmp0 (source_kind, "expiry") == 0)
    return _("Points expired");
  return source_kind;
}

void
fid_referral_free (FidReferral *referral)
{
  if (referral == NULL)
    return;
  g_free (referral->referrer_name);
  g_free (referral->referred_name);
  g_free (referral->referred_on);
  g_free (referral->converted_on);
  g_free (referral);
}

void
fid_ledger_line_free (FidLedgerLine *line)
{
  if (line == NULL)
    return;
  g_free (line->reason);
  g_free (line->source_kind);
  g_free (line->posted_on);
  g_free (line->expires_on);
  g_free (line);
}

void
fid_reward_free (FidReward *reward)
{
  if (reward == NULL)
    return;
  g_free (reward->name);
  g_free (reward);
}

gboolean
fid_loyalty_check_customer (FidStore  *self,
                gint64     customer_id,
                GError   **error)
{
  gboolean exists = FALSE;

  if (!fid_store_row_exists (self, "SELECT 1 FROM customers WHERE id = ?1", customer_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER,
                   _("There is no customer number %" PRId64 "."), customer_id);
      return FALSE;
    }
  return TRUE;
}

/* @date, or today when NULL; FALSE with an error when not YYYY-MM-DD. */
char *
fid_loyalty_date_or_today (const char  *date,
               GError     **error)
{
  if (date == NULL)
    return fid_store_today_iso ();
  if (!fid_parse_iso_date (date, NULL))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)."), date);
      return NULL;
    }
  return g_strdup (date);
}

/* Runs a one-row, one-integer query with ?1 = @id. */
gboolean
fid_loyalty_query_int64 (FidStore    *self,
             const char  *sql,
             gint64       id,
             gint64      *value,
             GError     **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!fid_store_step_row (self, stmt, _("read the loyalty programme"), error, _("Nothing found.")))
    return FALSE;
  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* INSERT OR IGNORE of a member row, inside the caller's transaction. */
static gboolean
enrol_in_transaction (FidStore    *self,
                      gint64       customer_id,
                      const char  *joined_on,
                      GError     **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self,
                                          "INSERT OR IGNORE INTO loyalty_members (customer_id, joined_on)"
                                          " VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, joined_on, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("enrol the customer in the loyalty programme"), error))
    return FALSE;
  if (sqlite3_changes (fid_store_get_db (self)) > 0)
    return fid_store_audit_append (self, "enrol", "customer", customer_id,
                                   "{\"programme\":\"loyalty\"}", error);
  return TRUE;
}

gboolean
fid_store_loyalty_enrol (FidStore    *self,
                         gint64       customer_id,
                         const char  *joined_on,
                         GError     **error)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_loyalty_check_customer (self, customer_id, error) || (date = fid_loyalty_date_or_today (joined_on, error)) == NULL)
    return FALSE;
  if (!fid_store_begin (self, error))
    return FALSE;
  if (!enrol_in_transaction (self, customer_id, date, error) || !fid_store_commit (self, error))
    {
      fid_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
fid_store_loyalty_get_membership (FidStore    *self,
                                  gint64       customer_id,
                                  char       **joined_on,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (joined_on != NULL, FALSE);

  *joined_on = NULL;
  stmt = fid_store_prepare (self, "SELECT joined_on FROM loyalty_members WHERE customer_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *joined_on = g_strdup (fid_sqlite_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the loyalty programme"));
      return FALSE;
    }
  return TRUE;
}

gint64
fid_store_loyalty_record_referral (FidStore    *self,
                                   gint64       referrer_id,
                                   gint64       referred_id,
                                   const char  *referred_on,
                                   GError     **error)
{
  g_autofree char *date = NULL;
  g_autofree char *today = fid_store_today_iso ();
  g_autofree char *now = fid_store_now_iso ();
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  gint64 existing = 0, n_holdings = 0, id;

  g_return_val_if_fail (FID_IS_STORE (self), 0);

  if (!fid_loyalty_check_customer (self, referrer_id, error) || !fid_loyalty_check_customer (self, referred_id, error))
    return 0;
  if (referrer_id == referred_id)
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_SAME_CUSTOMER,
                           _("A customer cannot refer themselves."));
      return 0;
    }
  if ((date = fid_loyalty_date_or_today (referred_on, error)) == NULL)
    return 0;
  if (g_strcmp0 (date, today) > 0)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("The referral date %s is in the future."), date);
      return 0;
    }

  if (!fid_store_begin (self, error))
    return 0;
  /* Checked inside the write transaction: nobody can refer the same
   * person between the check and the insert. */
  if (!fid_loyalty_query_int64 (self, "SELECT coalesce (max (referrer_id), 0) FROM referrals WHERE referred_id = ?1",
                    referred_id, &existing, error) ||
      !fid_loyalty_query_int64 (self, "SELECT count(*) FROM holdings WHERE customer_id = ?1",
                    referred_id, &n_holdings, error))
    goto failed;
  if (existing != 0)
    {
      g_set_error (error, FID_LOYALTY_ERROR, FID_LOYALTY_ERROR_ALREADY_REFERRED,
                   _("This person was already referred by customer number %" PRId64 "."), existing);
      goto failed;
    }
  if (n_holdings > 0)
    {
      g_set_error_literal (error, FID_LOYALTY_ERROR, FID_LOYALTY_ERROR_ALREADY_CUSTOMER,
                           _("This person already holds a product: only a prospect can be referred."));
      goto failed;
    }
  if (!enrol_in_transaction (self, referrer_id, date, error))
    goto failed;
  stmt = fid_store_prepare (self,
                            "INSERT INTO referrals (referrer_id, referred_id, referred_on, created_at)"
                            " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, referrer_id);
  sqlite3_bind_int64 (stmt, 2, referred_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("record the referral"), error))
    goto failed;
  id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  details = g_strdup_printf ("{\"referral\":%" G_GINT64_FORMAT ",\"referred\":%" G_GINT64_FORMAT "}",
                             id, referred_id);
  if (!fid_store_audit_append (self, "refer", "customer", referrer_id, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return id;

failed:
  fid_store_rollback (self);
  return 0;
}

GPtrArray *
fid_store_loyalty_list_referrals (FidStore  *self,
                                  gint64     customer_id,
                                  GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_referral_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT r.id, r.referrer_id, " FID_CUSTOMER_NAME_SQL ("a") ", r.referred_id, "
                            FID_CUSTOMER_NAME_SQL ("b") ", r.referred_on, r.converted_on,"
                            " coalesce ((SELECT points FROM points_ledger l WHERE l.customer_id = r.referrer_id"
                            "            AND l.source_kind = 'referral' AND l.source_id = r.id), 0)"
                            " FROM referrals r JOIN customers a ON a.id = r.referrer_id"
                            " JOIN customers b ON b.id = r.referred_id"
                            " WHERE r.referrer_id = ?1 OR r.referred_id = ?1"
                            " ORDER BY r.referred_on, r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidReferral *r = g_new0 (FidReferral, 1);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->referrer_id = sqlite3_column_int64 (stmt, 1);
      r->referrer_name = g_strdup (fid_sqlite_text (stmt, 2));
      r->referred_id = sqlite3_column_int64 (stmt, 3);
      r->referred_name = g_strdup (fid_sqlite_text (stmt, 4));
      r->referred_on = g_strdup (fid_sqlite_text (stmt, 5));
      r->converted_on = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      r->points = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (rows, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the referrals"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
fid_store_loyalty_get_balance (FidStore  *self,
                               gint64     customer_id,
                               gint64    *balance,
                               GError   **error)
{
  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (balance != NULL, FALSE);

  return fid_loyalty_query_int64 (self, "SELECT coalesce (sum (points), 0) FROM points_ledger WHERE customer_id = ?1",
                      customer_id, balance, error);
}

static FidLedgerLine *
read_line (sqlite3_stmt *stmt)
{
  FidLedgerLine *line = g_new0 (FidLedgerLine, 1);

  line->id = sqlite3_column_int64 (stmt, 0);
  line->customer_id = sqlite3_column_int64 (stmt, 1);
  line->points = sqlite3_column_int64 (stmt, 2);
  line->reason = g_strdup (fid_sqlite_text (stmt, 3));
  line->source_kind = g_strdup (fid_sqlite_text (stmt, 4));
  line->source_id = sqlite3_column_int64 (stmt, 5);
  line->posted_on = g_strdup (fid_sqlite_text (stmt, 6));
  line->expires_on = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  return line;
}

GPtrArray *
fid_loyalty_read_lines (FidStore     *self,
            sqlite3_stmt *stmt,
            GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_ledger_line_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_line (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the points ledger"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
fid_store_loyalty_list_ledger (FidStore  *self,
                               gint64     customer_id,
                               guint      limit,
                               GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self, "SELECT " LEDGER_COLUMNS " FROM points_ledger WHERE customer_id = ?1"
                                  " ORDER BY posted_on DESC, id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64) limit);
  return fid_loyalty_read_lines (self, stmt, error);
}

gboolean
fid_store_loyalty_get_rule_points (FidStore        *self,
                                   FidLoyaltyRule   rule,
                                   gint64          *points,
                                   GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (rule < FID_LOYALTY_N_RULES, FALSE);

  stmt = fid_store_prepare (self, "SELECT coalesce ((SELECT points FROM loyalty_rules WHERE kind = ?1), 0)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rule_kinds[rule], -1, SQLITE_STATIC);
  if (!fid_store_step_row (self, stmt, _("read the loyalty programme"), error, _("Nothing found.")))
    return FALSE;
  *points = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Runs one parameterised settings write with its audit row. */
static gboolean
write_setting (FidStore    *self,
               const char  *sql,
               const char  *text,
               gint64       value,
               const char  *details,
               GError     **error)
{
  sqlite3_stmt *stmt;

  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto failed;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, value);
  if (!fid_store_step_write (self, stmt, _("change the loyalty programme"), error) ||
      !fid_store_audit_append (self, "update", "loyalty_programme", 0, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_store_loyalty_set_rule_points (FidStore        *self,
                                   FidLoyaltyRule   rule,
                                   gint64           points,
                                   GError         **error)
{
  g_autofree char *details = NULL;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (rule < FID_LOYALTY_N_RULES, FALSE);

  if (points < 0 || points > 1000000)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("%" PRId64 " points is not possible: use 0 (rule off) to 1,000,000."), points);
      return FALSE;
    }
  details = g_strdup_printf ("{\"rule\":\"%s\",\"points\":%" G_GINT64_FORMAT "}", rule_kinds[rule], points);
  return write_setting (self, "INSERT INTO loyalty_rules (kind, points) VALUES (?1, ?2)"
                              " ON CONFLICT (kind) DO UPDATE SET points = excluded.points",
                        rule_kinds[rule], points, details, error);
}

gboolean
fid_store_loyalty_get_validity_months (FidStore  *self,
                                       int       *months,
                                       GError   **error)
{
  gint64 value = 0;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_loyalty_query_int64 (self, "SELECT points_validity_months FROM loyalty_settings WHERE id = ?1", 1, &value, error))
    return FALSE;
  *months = (int) value;
  return TRUE;
}

gboolean
fid_store_loyalty_set_validity_months (FidStore  *self,
                                       int        months,
                                       GError   **error)
{
  g_autofree char *details = NULL;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (months < 0 || months > 600)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("Points cannot stay valid %d months: use 0 (never expire) to 600."), months);
      return FALSE;
    }
  details = g_strdup_printf ("{\"points_validity_months\":%d}", months);
  return write_setting (self, "UPDATE loyalty_settings SET points_validity_months = ?2 WHERE id = 1",
                        NULL, months, details, error);
}

GPtrArray *
fid_store_loyalty_list_rewards (FidStore  *self,
                                gboolean   all,
                                GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_reward_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self, "SELECT id, name, cost_points, active FROM rewards"
                                  " WHERE active OR ?1 ORDER BY cost_points, name, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, all ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidReward *reward = g_new0 (FidReward, 1);

      reward->id = sqlite3_column_int64 (stmt, 0);
      reward->name = g_strdup (fid_sqlite_text (stmt, 1));
      reward->cost_points = sqlite3_column_int64 (stmt, 2);
      reward->active = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (rows, reward);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the rewards"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gint64
fid_store_loyalty_add_reward (FidStore    *self,
                              const char  *name,
                              gint64       cost_points,
                              GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (FID_IS_STORE (self), 0);

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_EMPTY_NAME,
                           _("The reward needs a name."));
      return 0;
    }
  if (cost_points <= 0)
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                           _("A reward costs at least one point."));
      return 0;
    }
  if (!fid_store_begin (self, error))
    return 0;
  stmt = fid_store_prepare (self, "INSERT INTO rewards (name, cost_points) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, cost_points);
  if (!fid_store_step_write (self, stmt, _("add the reward"), error))
    goto failed;
  id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  details = g_strdup_printf ("{\"cost_points\":%" G_GINT64_FORMAT "}", cost_points);
  if (!fid_store_audit_append (self, "create", "reward", id, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return id;

failed:
  fid_store_rollback (self);
  return 0;
}

