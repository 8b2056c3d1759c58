/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: a customer's personal data, for the rights of access and
 * erasure (GDPR articles 15 and 17), and the anti-money-laundering
 * retention that limits erasure.
 *
 * The access export reads every table that names the customer
 * (tests/core/test-gdpr.c fails when a table with a customer_id column is
 * added and not exported here). Erasure deletes through the foreign keys'
 * cascades, so a table added later with ON DELETE CASCADE is erased too;
 * anonymisation rewrites what identifies the person and keeps what the
 * retention requires (contracts, transactions). */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fid-store-audit.h"
#include "fid-store-gdpr.h"
#include "fid-store-private.h"
#include "fid-text.h"

#define FORMAT_NAME "fidelis-personal-data/1"

void
fid_retention_clear (FidRetention *retention)
{
  g_return_if_fail (retention != NULL);

  g_clear_pointer (&retention->lifecycle_stage, g_free);
  g_clear_pointer (&retention->ended_on, g_free);
  g_clear_pointer (&retention->kept_until, g_free);
  g_clear_pointer (&retention->reason, g_free);
  memset (retention, 0, sizeof *retention);
}

static gboolean
customer_exists (FidStore  *self,
                 gint64     customer_id,
                 GError   **error)
{
  gboolean exists = FALSE;

  if (!fid_store_row_exists (self, "SELECT 1 FROM customers WHERE id = ?1", customer_id, &exists, error))
    return FALSE;
  if (exists)
    return TRUE;
  if (!fid_store_row_exists (self, "SELECT 1 FROM trash WHERE entity = 'customer' AND entity_id = ?1",
                             customer_id, &exists, error))
    return FALSE;
  if (exists)
    g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                 _("Customer %" PRId64 " is in the trash: restore it first, then erase or anonymise it."),
                 customer_id);
  else
    g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                 _("Customer %" PRId64 " does not exist."), customer_id);
  return FALSE;
}

gboolean
fid_store_get_retention (FidStore      *self,
                         gint64         customer_id,
                         const char    *today,
                         FidRetention  *retention,
                         GError       **error)
{
  g_autofree char *today_owned = NULL;
  sqlite3_stmt *stmt;
  const char *last_tx, *last_closed;
  GDate ended, until, now;
  char buffer[16];

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (retention != NULL, FALSE);

  memset (retention, 0, sizeof *retention);
  if (today == NULL)
    today = today_owned = fid_store_today_iso ();
  if (!fid_parse_iso_date (today, &now))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)."), today);
      return FALSE;
    }
  if (!customer_exists (self, customer_id, error))
    return FALSE;

  stmt = fid_store_prepare (self,
                            "SELECT c.lifecycle_stage,"
                            " (SELECT count(*) FROM transactions WHERE customer_id = c.id),"
                            " (SELECT count(*) FROM holdings WHERE customer_id = c.id),"
                            " (SELECT count(*) FROM holdings WHERE customer_id = c.id AND closed_on IS NULL),"
                            " (SELECT substr (max (date), 1, 10) FROM transactions WHERE customer_id = c.id),"
                            " (SELECT substr (max (closed_on), 1, 10) FROM holdings WHERE customer_id = c.id)"
                            " FROM customers c WHERE c.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!fid_store_step_row (self, stmt, _("read the customer"), error,
                           _("Customer %" PRId64 " does not exist."), customer_id))
    return FALSE;
  retention->lifecycle_stage = g_strdup (fid_sqlite_text (stmt, 0));
  retention->n_transactions = sqlite3_column_int64 (stmt, 1);
  retention->n_holdings = sqlite3_column_int64 (stmt, 2);
  retention->n_open_holdings = sqlite3_column_int64 (stmt, 3);
  last_tx = fid_sqlite_text (stmt, 4);
  last_closed = fid_sqlite_text (stmt, 5);
  if (g_strcmp0 (last_closed, last_tx) > 0)
    retention->ended_on = g_strdup (last_closed);
  else
    retention->ended_on = g_strdup (last_tx);
  sqlite3_reset (stmt);

  /* Without transactions or contracts there is nothing the law keeps. */
  if (retention->n_transactions == 0 && retention->n_holdings == 0)
    {
      g_clear_pointer (&retention->ended_on, g_free);
      return TRUE;
    }

  if (g_strcmp0 (retention->lifecycle_stage, "lost") != 0 || retention->n_open_holdings > 0)
    {
      retention->kind = FID_RETENTION_ACTIVE;
      g_clear_pointer (&retention->ended_on, g_free);
      if (retention->n_open_holdings > 0)
        retention->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "the relationship is still active (%" PRId64 " open contract)",
                                                          "the relationship is still active (%" PRId64 " open contracts)",
                                                          retention->n_open_holdings),
                                             retention->n_open_holdings);
      else
        /* The stage's key is not for users' eyes: say what it means here. */
        retention->reason = g_strdup (_("the relationship is still active (the customer is not marked as lost)"));
      return TRUE;
    }

  if (!fid_parse_iso_date (retention->ended_on, &ended))
    {
      /* A lost customer whose dates cannot be read: keep, to be safe. */
      retention->kind = FID_RETENTION_ACTIVE;
      retention->reason = g_strdup (_("the end of the relationship cannot be dated"));
      return TRUE;
    }
  until = ended;
  g_date_add_years (&until, FID_AML_RETENTION_YEARS);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &until);
  retention->kept_until = g_strdup (buffer);
  if (g_date_compare (&now, &until) < 0)
    {
      retention->kind = FID_RETENTION_RECENT;
      retention->reason = g_strdup_printf (_("the relationship ended on %s, so its financial records "
                                             "are kept until %s"),
                                           retention->ended_on, retention->kept_until);
    }
  return TRUE;
}

/* Erasure ------------------------------------------------------------------ */

/* ?1 = customer id, ?2 = now, ?3 = replacement name, ?4 its sort key,
 * ?5 = replacement ticket subject. */
static const char * const anonymise_statements[] = {
  "UPDATE customers SET title = NULL, first_name = '', last_name = ?3, sort_name = ?4,"
  " birth_date = NULL, email = NULL, phone = NULL, address = NULL, postcode = NULL, city = '',"
  " latitude = NULL, longitude = NULL, household_id = NULL, household_role = NULL,"
  " annual_income_cents = NULL, preferred_channel = NULL,"
  " updated_at = ?2, version = version + 1 WHERE id = ?1",
  /* Marketing data: no longer any use, and no longer allowed. */
  "DELETE FROM consents WHERE customer_id = ?1",
  "DELETE FROM life_events WHERE customer_id = ?1",
  "DELETE FROM nbo_dismissals WHERE customer_id = ?1",
  /* Derived from the address, which is gone (issue 13). */
  "DELETE FROM customer_territories WHERE customer_id = ?1",
  "UPDATE interactions SET subject = '', notes = '', outcome = NULL, next_step = NULL, details = NULL"
  " WHERE customer_id = ?1",
  "UPDATE tickets SET subject = ?5, description = '', resolution = NULL, version = version + 1"
  " WHERE customer_id = ?1",
  "UPDATE survey_responses SET customer_id = NULL, respondent = NULL WHERE customer_id = ?1",
};

/* ?1 = customer id. The cascades delete the rest. */
static const char * const delete_statements[] = {
  /* Answers stay, for the survey's figures, but no longer say whose. */
  "UPDATE survey_responses SET customer_id = NULL, respondent = NULL WHERE customer_id = ?1",
  "DELETE FROM customers WHERE id = ?1",
};

static gboolean
run_statements (FidStore           *self,
                const char * const *statements,
                guint               n_statements,
                gint64              customer_id,
                const char         *now,
                const char         *name,
                const char         *sort_name,
                const char         *subject,
                GError            **error)
{
  for (guint i = 0; i < n_statements; i++)
    {
      sqlite3_stmt *stmt = fid_store_prepare (self, statements[i], error);
      int n_params;

      if (stmt == NULL)
        return FALSE;
      n_params = sqlite3_bind_parameter_count (stmt);
      sqlite3_bind_int64 (stmt, 1, customer_id);
      if (n_params >= 2)
        sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      if (n_params >= 3)
        sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
      if (n_params >= 4)
        sqlite3_bind_text (stmt, 4, sort_name, -1, SQLITE_TRANSIENT);
      if (n_params >= 5)
        sqlite3_bind_text (stmt, 5, subject, -1, SQLITE_TRANSIENT);
      if (!fid_store_step_write (self, stmt, _("erase the customer"), error))
        return FALSE;
    }
  return TRUE;
}

/* The household's name is usually the family's: it goes with its last
 * member. */
static gboolean
drop_empty_household (FidStore  *self,
                      gint64     household_id,
                      GError   **error)
{
  sqlite3_stmt *stmt;

  if (household_id <= 0)
    return TRUE;
  stmt = fid_store_prepare (self,
                            "DELETE FROM households WHERE id = ?1"
                            " AND NOT EXISTS (SELECT 1 FROM customers WHERE household_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  return fid_store_step_write (self, stmt, _("erase the customer"), error);
}

static gboolean
read_household (FidStore  *self,
                gint64     customer_id,
                gint64    *household_id,
                GError   **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self, "SELECT household_id FROM customers WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!fid_store_step_row (self, stmt, _("read the customer"), error,
                           _("Customer %" PRId64 " does not exist."), customer_id))
    return FALSE;
  *household_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static int
query_pragma_int (sqlite3    *db,
                  const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

gboolean
fid_store_erase_customer (FidStore        *self,
                          gint64           customer_id,
                          FidErasureMode   mode,
                          GError         **error)
{
  g_autofree char *now = fid_store_now_iso ();
  g_autofree char *name = NULL;
  g_autofree char *sort_name = NULL;
  sqlite3 *db;
  gint64 household_id = 0;
  int secure_delete_before;
  gboolean ok = FALSE;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (mode == FID_ERASURE_DELETE || mode == FID_ERASURE_ANONYMISE, FALSE);

  if (fid_store_is_read_only (self))
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only: no customer can be erased."), fid_store_get_path (self));
      return FALSE;
    }

  db = fid_store_get_db (self);
  /* Pages freed or rewritten from here on are overwritten with zeros, so
   * the erased values do not linger in free pages. */
  secure_delete_before = query_pragma_int (db, "PRAGMA secure_delete");
  if (!fid_store_exec (self, "PRAGMA secure_delete = ON", error))
    return FALSE;

  if (!fid_store_begin (self, error))
    goto out;

  if (mode == FID_ERASURE_DELETE)
    {
      FidRetention retention;

      if (!fid_store_get_retention (self, customer_id, NULL, &retention, error))
        goto failed;
      if (retention.kind != FID_RETENTION_NONE)
        {
          g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_RETENTION,
                       _("Customer %" PRId64 " cannot be erased: anti-money-laundering rules require keeping "
                         "a customer’s transactions and contracts for five years after the relationship ends, "
                         "and %s. Anonymise the customer instead: names, contact details, notes and marketing "
                         "data are removed, and only the financial records are kept."),
                       customer_id, retention.reason);
          fid_retention_clear (&retention);
          goto failed;
        }
      fid_retention_clear (&retention);
    }
  else if (!customer_exists (self, customer_id, error))
    goto failed;

  if (!read_household (self, customer_id, &household_id, error))
    goto failed;

  if (mode == FID_ERASURE_DELETE)
    {
      if (!run_statements (self, delete_statements, G_N_ELEMENTS (delete_statements),
                           customer_id, now, NULL, NULL, NULL, error))
        goto failed;
    }
  else
    {
      /* Stored text, not an interface string: the anonymised record reads
       * the same whatever the language of whoever opens it later. */
      name = g_strdup_printf ("Anonymised customer %" PRId64, customer_id);
      sort_name = fid_text_sort_name (name, "");
      if (!run_statements (self, anonymise_statements, G_N_ELEMENTS (anonymise_statements),
                           customer_id, now, name, sort_name, "(anonymised)", error))
        goto failed;
    }

  if (!drop_empty_household (self, household_id, error))
    goto failed;

  /* The search index keeps a deleted term in its older segments until
   * they are merged: 'optimize' merges them all into one, and secure
   * delete zeroes the pages the old ones held. */
  if (!fid_store_exec (self, "INSERT INTO customers_fts (customers_fts) VALUES ('optimize')", error))
    goto failed;

  if (!fid_store_audit_append (self, mode == FID_ERASURE_DELETE ? "erase" : "anonymise",
                               "customer", customer_id,
                               mode == FID_ERASURE_DELETE ? "{\"mode\": \"delete\"}" : "{\"mode\": \"anonymise\"}",
                               error) ||
      !fid_store_commit (self, error))
    goto failed;

  /* Copies the new pages into the database file and empties the WAL, where
   * the transactions before the erasure may still hold the old values. A
   * reader of an older snapshot can hold this up; the next automatic
   * checkpoint finishes it. */
  if (sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL) != SQLITE_OK)
    g_debug ("The WAL checkpoint after erasing customer %" PRId64 " did not complete: %s",
             customer_id, sqlite3_errmsg (db));
  ok = TRUE;
  goto out;

failed:
  fid_store_rollback (self);
out:
  {
    g_autofree char *restore = g_strdup_printf ("PRAGMA secure_delete = %d", secure_delete_before);

    sqlite3_exec (db, restore, NULL, NULL, NULL);
  }
  return ok;
}

/* Right of access ----------------------------------------------------------- */

static JsonNode *
column_node (sqlite3_stmt *stmt,
             int           column)
{
  const char *name = sqlite3_column_name (stmt, column);

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      return json_node_new (JSON_NODE_NULL);
    case SQLITE_INTEGER:
      return json_node_init_int (json_node_alloc (), sqlite3_column_int64 (stmt, column));
    case SQLITE_FLOAT:
      return json_node_init_double (json_node_alloc (), sqlite3_column_double (stmt, column));
    default:
      {
        const char *text = fid_sqlite_text (stmt, column);

        /* Channel details and audit details are JSON themselves. */
        if (g_str_equal (name, "details"))
          {
            JsonNode *parsed = json_from_string (text, NULL);

            if (parsed != NULL)
              return parsed;
          }
        return json_node_init_string (json_node_alloc (), text);
      }
    }
}

static JsonObject *
row_object (sqlite3_stmt *stmt)
{
  JsonObject *object = json_object_new ();

  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    json_object_set_member (object, sqlite3_column_name (stmt, c), column_node (stmt, c));
  return object;
}

/* The rows of @sql (?1 = the id) as an array of objects named by their
 * columns. */
static JsonArray *
query_rows (FidStore    *self,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  g_autoptr(JsonArray) rows = json_array_new ();
  sqlite3_stmt *stmt = fid_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_array_add_object_element (rows, row_object (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the customer’s data"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

#define ADVISOR_NAME(alias) "(SELECT first_name || ' ' || last_name FROM advisors WHERE id = " alias ".advisor_id)"

/* Every table that names the customer, under the key the export uses.
 * Ordered as a reader goes through it. */
static const struct
{
  const char *key;
  const char *sql;
} sections[] = {
  { "consents",
    "SELECT channel, marketing, given_at, source FROM consents WHERE customer_id = ?1 ORDER BY channel" },
  { "statistics",
    "SELECT tx_count, tx_sum_cents, margin_cents, first_tx_date, last_tx_date, last_contact_at,"
    " revenue_12m_cents, margin_12m_cents FROM customer_stats WHERE customer_id = ?1" },
  { "holdings",
    "SELECT h.id, p.code AS product_code, p.name AS product, p.family, h.opened_on, h.closed_on,"
    " h.balance_cents FROM holdings h JOIN products p ON p.id = h.product_id"
    " WHERE h.customer_id = ?1 ORDER BY h.opened_on, h.id" },
  { "transactions",
    "SELECT id, date, amount_cents, margin_cents, product_family, channel FROM transactions"
    " WHERE customer_id = ?1 ORDER BY date, id" },
  { "interactions",
    "SELECT i.id, i.at, i.channel, i.direction, i.status, i.subject, i.notes, i.outcome, i.next_step,"
    " i.follow_up_on, i.follow_up_done, " ADVISOR_NAME ("i") " AS advisor,"
    " (SELECT name FROM campaigns WHERE id = i.campaign_id) AS campaign, i.details"
    " FROM interactions i WHERE i.customer_id = ?1 ORDER BY i.at, i.id" },
  { "tickets",
    "SELECT t.id, t.kind, t.category, t.subject, t.description, t.status, t.priority, t.opened_at,"
    " t.due_on, t.resolved_at, t.resolution, t.critical_incident, " ADVISOR_NAME ("t") " AS advisor"
    " FROM tickets t WHERE t.customer_id = ?1 ORDER BY t.opened_at, t.id" },
  { "life_events",
    "SELECT id, kind, occurred_on, notes FROM life_events WHERE customer_id = ?1 ORDER BY occurred_on, id" },
  { "opportunities",
    "SELECT o.id, p.name AS product, o.stage, o.amount_cents, o.probability, o.created_at,"
    " o.expected_close_on, " ADVISOR_NAME ("o") " AS advisor"
    " FROM opportunities o JOIN products p ON p.id = o.product_id WHERE o.customer_id = ?1"
    " ORDER BY o.created_at, o.id" },
  /* Next best offer (issue 10): the products the customer turned down. */
  { "dismissed_offers",
    "SELECT p.name AS product, d.dismissed_at, d.actor AS dismissed_by FROM nbo_dismissals d"
    " JOIN products p ON p.id = d.product_id WHERE d.customer_id = ?1 ORDER BY d.dismissed_at, p.id" },
  { "campaigns",
    "SELECT c.name AS campaign, c.objective, c.channel, t.grp AS target_group, t.contacted_at,"
    " t.responded_at, t.converted_at FROM campaign_targets t JOIN campaigns c ON c.id = t.campaign_id"
    " WHERE t.customer_id = ?1 ORDER BY c.starts_on, c.id" },
  /* Campaigns (issue 10): the campaigns that left the customer out, and why. */
  { "campaign_exclusions",
    "SELECT c.name AS campaign, x.reason FROM campaign_exclusions x JOIN campaigns c ON c.id = x.campaign_id"
    " WHERE x.customer_id = ?1 ORDER BY c.id" },
  { "survey_responses",
    "SELECT r.id, s.title AS survey, s.kind AS survey_kind, r.respondent, r.answered_at"
    " FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE r.customer_id = ?1"
    " ORDER BY r.answered_at, r.id" },
  { "segments",
    "SELECT scheme, taken_on, segment FROM segment_snapshots WHERE customer_id = ?1 ORDER BY scheme, taken_on" },
  /* Géomarketing (issue 13): where the address places them, and the
   * nearest branch. */
  { "territory",
    "SELECT t.code, t.name AS territory, ts.name AS territory_set, b.name AS nearest_branch,"
    " ct.branch_distance_m FROM customer_territories ct LEFT JOIN territories t ON t.id = ct.territory_id"
    " LEFT JOIN territory_sets ts ON ts.id = t.set_id LEFT JOIN branches b ON b.id = ct.nearest_branch_id"
    " WHERE ct.customer_id = ?1" },
  /* Loyalty programme (issue 14): membership, points, rewards, referrals. */
  { "loyalty_membership",
    "SELECT joined_on FROM loyalty_members WHERE customer_id = ?1" },
  { "points_ledger",
    "SELECT posted_on, points, reason, source_kind, expires_on FROM points_ledger WHERE customer_id = ?1"
    " ORDER BY posted_on, id" },
  { "rewards_redeemed",
    "SELECT w.name AS reward, r.points, r.redeemed_at FROM redemptions r JOIN rewards w ON w.id = r.reward_id"
    " WHERE r.customer_id = ?1 ORDER BY r.redeemed_at, r.id" },
  { "referrals",
    "SELECT CASE WHEN r.referrer_id = ?1 THEN 'referred' ELSE 'referred_by' END AS role,"
    " CASE WHEN r.referrer_id = ?1 THEN r.referred_id ELSE r.referrer_id END AS other_customer_id,"
    " r.referred_on, r.converted_on FROM referrals r WHERE r.referrer_id = ?1 OR r.referred_id = ?1"
    " ORDER BY r.referred_on, r.id" },
  { "audit",
    "SELECT id, at, actor, action, entity, entity_id, details FROM audit_log WHERE customer_id = ?1 ORDER BY id" },
};

static const char customer_sql[] =
  "SELECT c.id, c.kind, c.title, c.first_name, c.last_name, c.birth_date, c.email, c.phone, c.address,"
  " c.postcode, c.city, c.latitude, c.longitude, " ADVISOR_NAME ("c") " AS advisor,"
  " (SELECT name FROM branches WHERE id = c.branch_id) AS branch, c.lifecycle_stage, c.segment,"
  " c.annual_income_cents, c.preferred_channel, c.is_reference, c.is_fast_growing, c.other_division,"
  " c.created_at, c.updated_at"
  " FROM customers c WHERE c.id = ?1";

static const char household_sql[] =
  "SELECT h.name, c.household_role AS role, h.created_at,"
  " (SELECT count(*) FROM customers WHERE household_id = h.id) AS members"
  " FROM customers c JOIN households h ON h.id = c.household_id WHERE c.id = ?1";

static const char answers_sql[] =
  "SELECT i.position, i.label AS item, i.dimension, a.part, a.value"
  " FROM survey_answers a JOIN survey_items i ON i.id = a.item_id"
  " WHERE a.response_id = ?1 ORDER BY i.position, a.part";

JsonNode *
fid_store_build_customer_data (FidStore  *self,
                               gint64     customer_id,
                               GError   **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonArray) rows = NULL;
  g_autofree char *now = NULL;
  gboolean own_read;
  JsonNode *node = NULL;
  JsonArray *responses;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  /* One snapshot for every section. */
  own_read = sqlite3_get_autocommit (fid_store_get_db (self));
  if (own_read && !fid_store_exec (self, "BEGIN", error))
    return NULL;

  if (!customer_exists (self, customer_id, error))
    goto out;

  {
    g_autoptr(GDateTime) date_time = g_date_time_new_now_local ();

    now = g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S%:z");
  }
  json_object_set_string_member (root, "format", FORMAT_NAME);
  json_object_set_string_member (root, "generated_at", now);
  json_object_set_string_member (root, "generated_by", fid_store_get_actor (self));
  json_object_set_string_member (root, "money", "integer cents (EUR)");

  rows = query_rows (self, customer_sql, customer_id, error);
  if (rows == NULL)
    goto out;
  json_object_set_member (root, "customer", json_node_copy (json_array_get_element (rows, 0)));
  g_clear_pointer (&rows, json_array_unref);

  /* The household, not its other members: their data is theirs. */
  rows = query_rows (self, household_sql, customer_id, error);
  if (rows == NULL)
    goto out;
  if (json_array_get_length (rows) > 0)
    json_object_set_member (root, "household", json_node_copy (json_array_get_element (rows, 0)));
  else
    json_object_set_null_member (root, "household");
  g_clear_pointer (&rows, json_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      rows = query_rows (self, sections[i].sql, customer_id, error);
      if (rows == NULL)
        goto out;
      if (g_str_equal (sections[i].key, "statistics"))
        {
          if (json_array_get_length (rows) > 0)
            json_object_set_member (root, "statistics", json_node_copy (json_array_get_element (rows, 0)));
          else
            json_object_set_null_member (root, "statistics");
          g_clear_pointer (&rows, json_array_unref);
        }
      else
        json_object_set_array_member (root, sections[i].key, g_steal_pointer (&rows));
    }

  /* Each survey response with its answers. */
  responses = json_object_get_array_member (root, "survey_responses");
  for (guint i = 0; i < json_array_get_length (responses); i++)
    {
      JsonObject *response = json_array_get_object_element (responses, i);
      JsonArray *answers = query_rows (self, answers_sql, json_object_get_int_member (response, "id"), error);

      if (answers == NULL)
        goto out;
      json_object_set_array_member (response, "answers", answers);
    }

  node = json_node_init_object (json_node_alloc (), root);

out:
  if (own_read)
    fid_store_exec (self, "COMMIT", NULL);
  return node;
}

gboolean
fid_store_export_customer_json (FidStore       *self,
                                gint64          customer_id,
                                GOutputStream  *stream,
                                GCancellable   *cancellable,
                                GError        **error)
{
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(JsonGenerator) generator = NULL;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  data = fid_store_build_customer_data (self, customer_id, error);
  if (data == NULL)
    return FALSE;

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, data);
  if (!json_generator_to_stream (generator, stream, cancellable, error) ||
      !g_output_stream_write_all (stream, "\n", 1, NULL, cancellable, error))
    return FALSE;

  if (fid_store_is_read_only (self))
    return TRUE;
  return fid_store_audit_append (self, "export", "customer", customer_id, "{\"format\": \"json\"}", error);
}
