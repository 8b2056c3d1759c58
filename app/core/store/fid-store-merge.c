/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: likely duplicates of a customer, and merging two customers.
 *
 * A merge moves every row that belongs to the merged customer to the kept
 * one with UPDATEs, so the triggers keep the aggregates (transactions,
 * last contact) and the search index exactly as if the rows had always
 * been the kept customer's; then the merged customer is deleted. Tables
 * whose key includes the customer (consents, campaign targets, segment
 * snapshots) keep the kept customer's row where both have one. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "fid-store-private.h"
#include "fid-store-workspace.h"
#include "fid-text.h"

GPtrArray *
fid_store_find_duplicates (FidStore     *self,
                           FidCustomer  *candidate,
                           GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *sort_name = NULL;
  g_autofree char *email = NULL;
  const char *birth_date;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (FID_IS_CUSTOMER (candidate), NULL);

  /* The same normalisation as saving: the keys compare like stored ones. */
  first = g_strstrip (g_strdup (fid_customer_get_first_name (candidate) ?: ""));
  last = g_strstrip (g_strdup (fid_customer_get_last_name (candidate) ?: ""));
  sort_name = fid_text_sort_name (last, first);
  email = g_strstrip (g_strdup (fid_customer_get_email (candidate) ?: ""));
  birth_date = fid_customer_get_birth_date (candidate);

  /* Two index seeks (customers_email is NOCASE, customers_sort_name);
   * UNION removes a customer found both ways. */
  stmt = fid_store_prepare (self,
                            "SELECT " FID_CUSTOMER_COLUMNS " FROM customers c" FID_CUSTOMER_JOINS
                            " WHERE c.id IN (SELECT id FROM customers WHERE ?1 <> '' AND email = ?1 COLLATE NOCASE"
                            "  UNION SELECT id FROM customers WHERE ?2 <> '' AND ?3 IS NOT NULL"
                            "  AND sort_name = ?2 AND birth_date = ?3)"
                            " AND c.id <> ?4 ORDER BY c.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last[0] != '\0' ? sort_name : "", -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 3, fid_text_is_blank (birth_date) ? NULL : birth_date);
  sqlite3_bind_int64 (stmt, 4, fid_customer_get_id (candidate));

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, fid_store_read_customer (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("look for duplicates"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Each statement has ?1 = kept id, ?2 = merged id, and runs in order. */
static const char * const merge_statements[] = {
  /* Contact data the kept customer lacks. */
  "UPDATE customers SET"
  " email = coalesce (nullif (email, ''), (SELECT email FROM customers WHERE id = ?2)),"
  " phone = coalesce (nullif (phone, ''), (SELECT phone FROM customers WHERE id = ?2)),"
  " address = coalesce (nullif (address, ''), (SELECT address FROM customers WHERE id = ?2)),"
  " postcode = coalesce (nullif (postcode, ''), (SELECT postcode FROM customers WHERE id = ?2)),"
  " city = CASE WHEN city = '' THEN (SELECT city FROM customers WHERE id = ?2) ELSE city END,"
  " birth_date = coalesce (birth_date, (SELECT birth_date FROM customers WHERE id = ?2)),"
  " household_id = coalesce (household_id, (SELECT household_id FROM customers WHERE id = ?2)),"
  " household_role = CASE WHEN household_id IS NULL"
  "  THEN (SELECT household_role FROM customers WHERE id = ?2) ELSE household_role END,"
  " version = version + 1, updated_at = ?3"
  " WHERE id = ?1",
  /* The 12-month sums cover the same transactions once moved; the
   * all-time ones follow in the transactions triggers. */
  "UPDATE customer_stats SET"
  " revenue_12m_cents = revenue_12m_cents + (SELECT revenue_12m_cents FROM customer_stats WHERE customer_id = ?2),"
  " margin_12m_cents = margin_12m_cents + (SELECT margin_12m_cents FROM customer_stats WHERE customer_id = ?2)"
  " WHERE customer_id = ?1",
  "UPDATE holdings SET customer_id = ?1 WHERE customer_id = ?2",
  "UPDATE transactions SET customer_id = ?1 WHERE customer_id = ?2",
  "UPDATE interactions SET customer_id = ?1 WHERE customer_id = ?2",
  "UPDATE tickets SET customer_id = ?1 WHERE customer_id = ?2",
  "UPDATE life_events SET customer_id = ?1 WHERE customer_id = ?2",
  "UPDATE opportunities SET customer_id = ?1 WHERE customer_id = ?2",
  "UPDATE survey_responses SET customer_id = ?1 WHERE customer_id = ?2",
  /* Keyed by customer: where both have a row, the kept one stays and the
   * merged one goes with the customer (ON DELETE CASCADE). */
  "UPDATE OR IGNORE campaign_targets SET customer_id = ?1 WHERE customer_id = ?2",
  "UPDATE OR IGNORE campaign_exclusions SET customer_id = ?1 WHERE customer_id = ?2",
  "UPDATE OR IGNORE consents SET customer_id = ?1 WHERE customer_id = ?2",
  "UPDATE OR IGNORE segment_snapshots SET customer_id = ?1 WHERE customer_id = ?2",
  "DELETE FROM customers WHERE id = ?2",
};

gboolean
fid_store_merge_customers (FidStore  *self,
                           gint64     keep_id,
                           gint64     merge_id,
                           GError   **error)
{
  g_autofree char *now = fid_store_now_iso ();
  g_autofree char *details = NULL;
  gboolean exists;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (keep_id == merge_id)
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_SAME_CUSTOMER,
                           _("A customer cannot be merged with itself: choose two different customers."));
      return FALSE;
    }
  if (!fid_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < 2; i++)
    {
      gint64 id = i == 0 ? keep_id : merge_id;

      if (!fid_store_row_exists (self, "SELECT 1 FROM customers WHERE id = ?1", id, &exists, error))
        goto failed;
      if (!exists)
        {
          g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                       _("Customer %" PRId64 " does not exist."), id);
          goto failed;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (merge_statements); i++)
    {
      sqlite3_stmt *stmt = fid_store_prepare (self, merge_statements[i], error);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, keep_id);
      sqlite3_bind_int64 (stmt, 2, merge_id);
      if (sqlite3_bind_parameter_count (stmt) >= 3)
        sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
      if (!fid_store_step_write (self, stmt, _("merge the customers"), error))
        goto failed;
    }

  details = g_strdup_printf ("{\"kept\": %" G_GINT64_FORMAT ", \"merged\": %" G_GINT64_FORMAT "}",
                             keep_id, merge_id);
  /* One row in each customer's trail: the merged one's stays findable by
   * its own id after it is gone. */
  if (!fid_store_audit (self, "merge", "customer", keep_id, details, error) ||
      !fid_store_audit (self, "merge", "customer", merge_id, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}
