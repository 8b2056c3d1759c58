/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: delete with undo.
 *
 * Trashing a customer copies the customer's row and every row linked to
 * it into trash_rows (untyped columns, so each value keeps its exact
 * storage class), then deletes the customer; the foreign keys cascade the
 * rest. Restoring inserts the copies back with their ids, parents first:
 * the triggers rebuild the search index and the aggregates as the rows go
 * in, and customer_stats is finally put back exactly as it was (it also
 * holds the 12-month sums, which no trigger computes).
 *
 * Column lists are read from the schema (PRAGMA table_xinfo, generated
 * columns left out) and stored with the rows, so an entry trashed before a
 * migration adds a column still restores, with that column's default. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fid-store-private.h"
#include "fid-store-workspace.h"

#define N_VALUE_COLUMNS 40

/* Tables copied, in the order they are put back (parents first), with
 * which of their rows are the customer's and, where it matters, the order
 * they go back in. customer_stats comes last because the other tables'
 * triggers write to it while they are restored. */
static const struct
{
  const char *table;
  const char *rows;    /* SQL condition on the customer's id, ?2 */
  const char *order;   /* ORDER BY of the copy, or NULL */
} trashed_tables[] = {
  { "customers", "id = ?2", NULL },
  { "consents", "customer_id = ?2", NULL },
  /* Loyalty (issue 14). The ledger goes back before the holdings: putting
   * a holding back fires the earning trigger, whose INSERT OR IGNORE then
   * meets the restored line instead of crediting the points a second
   * time; and in id order, so that no spending line comes back before the
   * points it spent. */
  { "loyalty_members", "customer_id = ?2", NULL },
  { "points_ledger", "customer_id = ?2", "id" },
  { "redemptions", "customer_id = ?2", "id" },
  { "holdings", "customer_id = ?2", NULL },
  { "transactions", "customer_id = ?2", NULL },
  { "campaign_targets", "customer_id = ?2", NULL },
  { "campaign_exclusions", "customer_id = ?2", NULL },   /* issue 10 */
  { "interactions", "customer_id = ?2", NULL },
  { "tickets", "customer_id = ?2", NULL },
  { "life_events", "customer_id = ?2", NULL },
  { "opportunities", "customer_id = ?2", NULL },
  { "nbo_dismissals", "customer_id = ?2", NULL },        /* issue 10 */
  /* Both sides of a referral: whom they referred, and who referred them. */
  { "referrals", "referrer_id = ?2 OR referred_id = ?2", "id" },
  { "segment_snapshots", "customer_id = ?2", NULL },
  { "customer_territories", "customer_id = ?2", NULL },  /* issue 13 */
  { "customer_stats", "customer_id = ?2", NULL },
};

/* Quotes an identifier for SQL ("a""b"). Names come from the schema, but
 * are quoted all the same. */
static void
append_identifier (GString    *sql,
                   const char *name)
{
  g_string_append_c (sql, '"');
  for (const char *p = name; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (sql, '"');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '"');
}

/* The stored (non-generated) columns of @table, in schema order. */
static GStrv
list_columns (FidStore    *self,
              const char  *table,
              GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = fid_store_prepare (self, "SELECT name FROM pragma_table_xinfo (?1) WHERE hidden = 0 ORDER BY cid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, fid_sqlite_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the schema"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static gboolean
copy_table (FidStore    *self,
            gint64       trash_id,
            const char  *table,
            const char  *rows,
            const char  *order,
            gint64       customer_id,
            GError     **error)
{
  g_auto(GStrv) columns = list_columns (self, table, error);
  g_autoptr(GString) sql = NULL;
  g_autofree char *joined = NULL;
  sqlite3_stmt *stmt;
  guint n;

  if (columns == NULL)
    return FALSE;
  n = g_strv_length (columns);
  if (n > N_VALUE_COLUMNS)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_FAILED,
                   _("The table “%s” has too many columns for the trash."), table);
      return FALSE;
    }

  sql = g_string_new ("INSERT INTO trash_rows (trash_id, tbl, cols");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, ", v%u", i);
  g_string_append (sql, ") SELECT ?1, ?3, ?4");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (sql, ", ");
      append_identifier (sql, columns[i]);
    }
  g_string_append (sql, " FROM ");
  append_identifier (sql, table);
  g_string_append_printf (sql, " WHERE %s", rows);
  if (order != NULL)
    g_string_append_printf (sql, " ORDER BY %s", order);

  stmt = fid_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  joined = g_strjoinv (",", columns);
  sqlite3_bind_int64 (stmt, 1, trash_id);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, joined, -1, SQLITE_TRANSIENT);
  return fid_store_step_write (self, stmt, _("move the customer to the trash"), error);
}

gint64
fid_store_trash_customer (FidStore  *self,
                          gint64     id,
                          GError   **error)
{
  g_autofree char *now = fid_store_now_iso ();
  g_autofree char *label = NULL;
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  gint64 trash_id;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), 0);

  if (!fid_store_begin (self, error))
    return 0;

  stmt = fid_store_prepare (self, "SELECT " FID_CUSTOMER_NAME_SQL ("c") " FROM customers c WHERE c.id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    label = g_strdup (fid_sqlite_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                   _("Customer %" PRId64 " does not exist."), id);
      goto failed;
    }
  if (rc != SQLITE_ROW)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the customer"));
      goto failed;
    }

  stmt = fid_store_prepare (self,
                            "INSERT INTO trash (entity, entity_id, label, trashed_at, actor)"
                            " VALUES ('customer', ?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, fid_store_get_actor (self), -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("move the customer to the trash"), error))
    goto failed;
  trash_id = sqlite3_last_insert_rowid (fid_store_get_db (self));

  for (guint i = 0; i < G_N_ELEMENTS (trashed_tables); i++)
    if (!copy_table (self, trash_id, trashed_tables[i].table, trashed_tables[i].rows,
                     trashed_tables[i].order, id, error))
      goto failed;

  /* Survey responses outlive the customer (ON DELETE SET NULL): only the
   * link is remembered, and put back on restore. */
  stmt = fid_store_prepare (self,
                            "INSERT INTO trash_rows (trash_id, tbl, cols, v0)"
                            " SELECT ?1, 'survey_responses', 'id', id FROM survey_responses WHERE customer_id = ?2",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, trash_id);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!fid_store_step_write (self, stmt, _("move the customer to the trash"), error))
    goto failed;

  stmt = fid_store_prepare (self, "DELETE FROM customers WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!fid_store_step_write (self, stmt, _("delete the customer"), error))
    goto failed;

  details = g_strdup_printf ("{\"trash\": %" G_GINT64_FORMAT "}", trash_id);
  if (!fid_store_audit (self, "trash", "customer", id, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return trash_id;

failed:
  fid_store_rollback (self);
  return 0;
}

/* Puts back the rows of @table in entry @trash_id: one INSERT per column
 * list the entry holds for it (one, unless a migration came between). */
static gboolean
restore_table (FidStore    *self,
               gint64       trash_id,
               const char  *table,
               GError     **error)
{
  g_auto(GStrv) current = list_columns (self, table, error);
  g_autoptr(GPtrArray) col_lists = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (current == NULL)
    return FALSE;

  stmt = fid_store_prepare (self, "SELECT DISTINCT cols FROM trash_rows WHERE trash_id = ?1 AND tbl = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trash_id);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (col_lists, g_strdup (fid_sqlite_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the trash"));
      return FALSE;
    }

  for (guint l = 0; l < col_lists->len; l++)
    {
      g_auto(GStrv) columns = g_strsplit (g_ptr_array_index (col_lists, l), ",", -1);
      g_autoptr(GString) sql = NULL;
      guint n = g_strv_length (columns);

      if (n > N_VALUE_COLUMNS)
        n = N_VALUE_COLUMNS + 1;  /* refused below */
      for (guint i = 0; i < n; i++)
        if (i >= N_VALUE_COLUMNS || !g_strv_contains ((const char * const *) current, columns[i]))
          {
            g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_FAILED,
                         _("The deleted customer cannot be restored: the column “%s” of “%s” no longer exists."),
                         i < N_VALUE_COLUMNS ? columns[i] : "?", table);
            return FALSE;
          }

      /* The stats row exists already (created with the customer, then
       * updated by the triggers): it is replaced by the saved one. */
      sql = g_string_new (g_str_equal (table, "customer_stats") ? "INSERT OR REPLACE INTO " : "INSERT INTO ");
      append_identifier (sql, table);
      g_string_append (sql, " (");
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (sql, ", ");
          append_identifier (sql, columns[i]);
        }
      g_string_append (sql, ") SELECT ");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, "%sv%u", i > 0 ? ", " : "", i);
      g_string_append (sql, " FROM trash_rows WHERE trash_id = ?1 AND tbl = ?2 AND cols = ?3 ORDER BY rowid");

      stmt = fid_store_prepare (self, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, trash_id);
      sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, g_ptr_array_index (col_lists, l), -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_CONFLICT,
                       _("The deleted customer cannot be restored: some of their records (%s) "
                         "were replaced by new ones since."), table);
          return FALSE;
        }
      if (rc != SQLITE_DONE)
        {
          fid_store_set_sqlite_error (self, error, rc, _("restore the customer"));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
fid_store_restore_customer (FidStore  *self,
                            gint64     trash_id,
                            GError   **error)
{
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  gint64 customer_id = 0;
  gboolean exists;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;

  stmt = fid_store_prepare (self, "SELECT entity_id FROM trash WHERE id = ?1 AND entity = 'customer'", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, trash_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    customer_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                   _("There is nothing to restore: the deleted customer was purged from the trash."));
      goto failed;
    }
  if (rc != SQLITE_ROW)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the trash"));
      goto failed;
    }

  if (!fid_store_row_exists (self, "SELECT 1 FROM customers WHERE id = ?1", customer_id, &exists, error))
    goto failed;
  if (exists)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_CONFLICT,
                   _("The deleted customer cannot be restored: customer number %" PRId64
                     " exists again."), customer_id);
      goto failed;
    }

  for (guint i = 0; i < G_N_ELEMENTS (trashed_tables); i++)
    if (!restore_table (self, trash_id, trashed_tables[i].table, error))
      goto failed;

  stmt = fid_store_prepare (self,
                            "UPDATE survey_responses SET customer_id = ?2 WHERE customer_id IS NULL AND id IN"
                            " (SELECT v0 FROM trash_rows WHERE trash_id = ?1 AND tbl = 'survey_responses')",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, trash_id);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  if (!fid_store_step_write (self, stmt, _("restore the customer"), error))
    goto failed;

  stmt = fid_store_prepare (self, "DELETE FROM trash WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, trash_id);
  if (!fid_store_step_write (self, stmt, _("restore the customer"), error))
    goto failed;

  details = g_strdup_printf ("{\"trash\": %" G_GINT64_FORMAT "}", trash_id);
  if (!fid_store_audit (self, "restore", "customer", customer_id, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_store_purge_trash (FidStore    *self,
                       const char  *before,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int n;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self, "DELETE FROM trash WHERE ?1 IS NULL OR trashed_at < ?1", error);
  if (stmt == NULL)
    goto failed;
  fid_sqlite_bind_text_or_null (stmt, 1, before);
  if (!fid_store_step_write (self, stmt, _("empty the trash"), error))
    goto failed;
  n = sqlite3_changes (fid_store_get_db (self));
  if (n > 0)
    {
      g_autofree char *details = g_strdup_printf ("{\"entries\": %d}", n);

      if (!fid_store_audit (self, "purge", "trash", 0, details, error))
        goto failed;
    }
  if (!fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}
