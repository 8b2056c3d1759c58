/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: writing transactions one at a time (edits and small imports;
 * the demo generator streams through FidBulkLoader). The per-customer
 * aggregates follow in triggers, so they are current the moment the write
 * commits, and fid_store_check_aggregates can prove it. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "fid-store-private.h"

static const char * const product_families[] = {
  "current_account", "savings", "card", "mortgage", "consumer_loan", "student_loan",
  "insurance", "investment", NULL
};

static gboolean
validate (gint64       customer_id,
          const char  *date,
          const char  *family,
          GError     **error)
{
  int y, m, d;

  if (date == NULL || strlen (date) != 10 || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)."), date ? date : "");
      return FALSE;
    }
  if (family != NULL && !g_strv_contains (product_families, family))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a product family."), family);
      return FALSE;
    }
  if (customer_id <= 0)
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                           _("A transaction needs a customer."));
      return FALSE;
    }
  return TRUE;
}

/* Runs one prepared write in its own transaction. */
static gboolean
run_write (FidStore      *self,
           sqlite3_stmt  *stmt,
           const char    *doing,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_set_error_literal (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                           _("The customer of this transaction does not exist."));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, doing);
      return FALSE;
    }
  return TRUE;
}

gint64
fid_store_add_transaction (FidStore    *self,
                           gint64       customer_id,
                           const char  *date,
                           gint64       amount_cents,
                           gint64       margin_cents,
                           const char  *product_family,
                           const char  *channel,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (FID_IS_STORE (self), 0);

  if (!validate (customer_id, date, product_family, error) || !fid_store_begin (self, error))
    return 0;
  stmt = fid_store_prepare (self,
                            "INSERT INTO transactions (customer_id, date, amount_cents, margin_cents,"
                            " product_family, channel) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, amount_cents);
  sqlite3_bind_int64 (stmt, 4, margin_cents);
  sqlite3_bind_text (stmt, 5, product_family ? product_family : "current_account", -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 6, channel);
  if (!run_write (self, stmt, _("save the transaction"), error))
    goto failed;
  id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  if (!fid_store_commit (self, error))
    return 0;
  return id;

failed:
  fid_store_rollback (self);
  return 0;
}

gboolean
fid_store_update_transaction (FidStore    *self,
                              gint64       id,
                              gint64       customer_id,
                              const char  *date,
                              gint64       amount_cents,
                              gint64       margin_cents,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!validate (customer_id, date, NULL, error) || !fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self,
                            "UPDATE transactions SET customer_id = ?, date = ?, amount_cents = ?,"
                            " margin_cents = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, amount_cents);
  sqlite3_bind_int64 (stmt, 4, margin_cents);
  sqlite3_bind_int64 (stmt, 5, id);
  if (!run_write (self, stmt, _("save the transaction"), error))
    goto failed;
  if (sqlite3_changes (fid_store_get_db (self)) == 0)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                   _("Transaction %" PRId64 " does not exist."), id);
      goto failed;
    }
  return fid_store_commit (self, error);

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_store_delete_transaction (FidStore  *self,
                              gint64     id,
                              GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self, "DELETE FROM transactions WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!run_write (self, stmt, _("delete the transaction"), error))
    goto failed;
  if (sqlite3_changes (fid_store_get_db (self)) == 0)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                   _("Transaction %" PRId64 " does not exist."), id);
      goto failed;
    }
  return fid_store_commit (self, error);

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_store_check_aggregates (FidStore  *self,
                            gint64    *n_wrong,
                            GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_wrong != NULL, FALSE);

  /* IS NOT compares NULLs as values: a customer without transactions must
   * have NULL dates and zero sums, not stale ones. */
  stmt = fid_store_prepare (self,
                            "SELECT count(*) FROM customers c"
                            " LEFT JOIN customer_stats s ON s.customer_id = c.id"
                            " LEFT JOIN (SELECT customer_id, count(*) AS n, sum (amount_cents) AS total,"
                            "  sum (margin_cents) AS margin, min (date) AS first, max (date) AS last"
                            "  FROM transactions GROUP BY customer_id) r ON r.customer_id = c.id"
                            " WHERE s.customer_id IS NULL"
                            "  OR s.tx_count IS NOT coalesce (r.n, 0)"
                            "  OR s.tx_sum_cents IS NOT coalesce (r.total, 0)"
                            "  OR s.margin_cents IS NOT coalesce (r.margin, 0)"
                            "  OR s.first_tx_date IS NOT r.first"
                            "  OR s.last_tx_date IS NOT r.last", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      fid_store_set_sqlite_error (self, error, rc, _("check the aggregates"));
      return FALSE;
    }
  *n_wrong = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}
