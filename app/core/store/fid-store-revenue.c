/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: revenue and margin over the last 12 months, per customer.
 *
 * Unlike the all-time aggregates, a 12-month window moves every day, so
 * triggers cannot keep it current: it is recomputed once a day, from a
 * worker thread, by one aggregate query. Each customer's sum is an index
 * range scan of transactions_customer_date (customer, date), so the query
 * reads only the last year of transactions, not all of them. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fid-store-private.h"
#include "fid-store-workspace.h"

#define AS_OF_KEY "revenue_12m_as_of"

static int
on_progress_cb (gpointer user_data)
{
  /* Non-zero interrupts the statement (SQLITE_INTERRUPT). */
  return g_cancellable_is_cancelled (user_data);
}

static gboolean
run (FidStore      *self,
     sqlite3_stmt  *stmt,
     GCancellable  *cancellable,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("compute the revenue over 12 months"));
      return FALSE;
    }
  return TRUE;
}

gboolean
fid_store_refresh_revenue_12m (FidStore      *self,
                               const char    *as_of,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *today = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  GDate date;
  char from[11];

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (as_of == NULL)
    as_of = today = fid_store_today_iso ();
  if (!fid_parse_iso_date (as_of, &date))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)."), as_of);
      return FALSE;
    }
  /* The window is (as_of − 12 months, as_of]: 29 February clamps to 28. */
  g_date_subtract_months (&date, 12);
  g_date_strftime (from, sizeof from, "%Y-%m-%d", &date);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  db = fid_store_get_db (self);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 100000, on_progress_cb, cancellable);

  /* Two steps, so that the bank stays writable meanwhile: the sums are
   * computed while only reading (seconds on a million customers; other
   * connections write as usual, WAL), into a temporary table that keeps
   * only the customers whose sums change; then one short write
   * transaction applies them. A daily run changes only the customers
   * whose window gained or lost a transaction. */
  if (!fid_store_exec (self,
                       "CREATE TEMP TABLE IF NOT EXISTS revenue_12m_changes ("
                       " customer_id INTEGER PRIMARY KEY, revenue INTEGER NOT NULL, margin INTEGER NOT NULL);"
                       "DELETE FROM temp.revenue_12m_changes", error))
    goto out;
  stmt = fid_store_prepare (self,
                            "INSERT INTO temp.revenue_12m_changes (customer_id, revenue, margin)"
                            " SELECT x.customer_id, coalesce (sum (t.amount_cents), 0) AS revenue,"
                            "  coalesce (sum (t.margin_cents), 0) AS margin"
                            " FROM customer_stats x LEFT JOIN transactions t"
                            "  ON t.customer_id = x.customer_id AND t.date > ?1 AND t.date <= ?2"
                            " GROUP BY x.customer_id"
                            " HAVING revenue <> x.revenue_12m_cents OR margin <> x.margin_12m_cents", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, as_of, -1, SQLITE_TRANSIENT);
  if (!run (self, stmt, cancellable, error))
    goto out;

  if (!fid_store_begin (self, error))
    goto out;
  stmt = fid_store_prepare (self,
                            "UPDATE customer_stats SET revenue_12m_cents = n.revenue, margin_12m_cents = n.margin"
                            " FROM temp.revenue_12m_changes n WHERE customer_stats.customer_id = n.customer_id",
                            error);
  if (stmt == NULL || !run (self, stmt, cancellable, error))
    goto out;
  stmt = fid_store_prepare (self,
                            "INSERT INTO fidelis_meta (key, value) VALUES ('" AS_OF_KEY "', ?1)"
                            " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, as_of, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("compute the revenue over 12 months"), error) ||
      !fid_store_audit (self, "refresh", "revenue_12m", 0, as_of, error))
    goto out;
  ok = fid_store_commit (self, error);

out:
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);
  if (!ok)
    fid_store_rollback (self);
  fid_store_exec (self, "DELETE FROM temp.revenue_12m_changes", NULL);
  return ok;
}

char *
fid_store_dup_revenue_12m_as_of (FidStore  *self,
                                 GError   **error)
{
  sqlite3_stmt *stmt;
  char *as_of = NULL;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self, "SELECT value FROM fidelis_meta WHERE key = '" AS_OF_KEY "'", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    as_of = g_strdup (fid_sqlite_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    fid_store_set_sqlite_error (self, error, rc, _("read the revenue date"));
  return as_of;
}
