/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidBulkLoader: what FID_BULK_LOADER_FRESH_FILE changes.
 *
 * A fresh file is thrown away if the load fails, so the load may leave it
 * in any state until the final commit. Two things follow:
 *
 * - Connection settings: no journal, no fsync, no foreign-key checks, a
 *   large page cache (restored on dispose).
 *
 * - Schema work deferred to the end. Keeping customer_stats current row by
 *   row costs, for each of the tens of millions of transactions, an UPDATE
 *   that moves the customer's entries in the customer_stats indexes (by
 *   revenue, by last transaction…) to a random place. So the triggers that
 *   maintain customer_stats from transactions and interactions, and the
 *   customer_stats indexes, are dropped before the load; at the final
 *   commit customer_stats is recomputed in one GROUP BY pass and the
 *   objects are created again from the very SQL sqlite_master had for
 *   them, so the file's schema is exactly what the migrations made, even
 *   after a migration changes those objects.
 *
 * - The analysis cache's triggers (schema 3), which list every customer
 *   whose transactions changed in analytics_dirty: a fresh file has no
 *   cache yet, and listing each of a million customers again for each of
 *   their transactions is pure waste. At the end the list is emptied and
 *   the cache token removed, so the cache is built whole on first use.
 *
 * - The dashboards' counts (schema 4, data/sql/004-dashboard.sql): their
 *   triggers would upsert a count for every customer, interaction and
 *   answer; they are dropped too and the counts rebuilt in one pass at
 *   the end, with interactions_channel_at (built once by one sort).
 *
 * What a dropped trigger did must be redone by
 * fid_bulk_loader_fresh_restore_schema(): a migration that changes what
 * transactions_ai or interactions_ai maintain changes it there too (the
 * demo tests compare a fresh-file load with a row-by-row one). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fid-bulk-loader-private.h"
#include "fid-store-dashboard.h"

/* 256 MiB of page cache: the customer indexes (name, city, e-mail…) take
 * random inserts, which stay in memory at a million customers instead of
 * going back and forth to the OS. */
#define FRESH_FILE_CACHE_KIB 262144

/* The triggers whose work is redone at the end, and the table whose
 * indexes they keep moving. */
#define STATS_TRIGGER_TRANSACTIONS "transactions_ai"
#define STATS_TRIGGER_INTERACTIONS "interactions_ai"
#define STATS_TABLE                "customer_stats"
#define DIRTY_TRIGGER_INSERT       "transactions_dirty_ai"
#define DIRTY_TRIGGER_DELETE       "transactions_dirty_ad"
#define DIRTY_TRIGGER_UPDATE       "transactions_dirty_au"
/* Every trigger of the dashboards' counts is named dashboard_… */
#define DASHBOARD_TRIGGER_LIKE     "dashboard\\_%"
#define DASHBOARD_INDEX            "interactions_channel_at"

gint64
fid_bulk_loader_query_int (FidStore   *store,
                           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (fid_store_get_db (store), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (FidStore   *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (fid_store_get_db (store), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

gboolean
fid_bulk_loader_fresh_apply_pragmas (FidBulkLoader  *self,
                                     GError        **error)
{
  g_autofree char *sql = NULL;

  self->saved_synchronous = fid_bulk_loader_query_int (self->store, "PRAGMA synchronous");
  self->saved_cache_size = fid_bulk_loader_query_int (self->store, "PRAGMA cache_size");
  self->saved_foreign_keys = fid_bulk_loader_query_int (self->store, "PRAGMA foreign_keys");
  self->saved_temp_store = fid_bulk_loader_query_int (self->store, "PRAGMA temp_store");
  self->saved_journal_mode = query_text (self->store, "PRAGMA journal_mode");

  /* All of these must be set outside a transaction, so before BEGIN.
   * - No journal: pages go straight to the file, written once instead of
   *   into the WAL and again at the checkpoint. A failed load leaves the
   *   file damaged, which is why this is only for files thrown away then.
   * - No foreign-key checks: the rows of a generator reference each other
   *   by construction.
   * - Temporary data (statement journals) in memory. */
  sql = g_strdup_printf ("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                         " PRAGMA cache_size = -%d; PRAGMA foreign_keys = OFF;"
                         " PRAGMA temp_store = MEMORY",
                         FRESH_FILE_CACHE_KIB);
  self->pragmas_changed = TRUE;
  return fid_store_exec (self->store, sql, error);
}

void
fid_bulk_loader_fresh_restore_pragmas (FidBulkLoader *self)
{
  g_autofree char *sql = NULL;

  if (!self->pragmas_changed)
    return;
  self->pragmas_changed = FALSE;
  sql = g_strdup_printf ("PRAGMA journal_mode = %s; PRAGMA synchronous = %" G_GINT64_FORMAT ";"
                         " PRAGMA cache_size = %" G_GINT64_FORMAT ";"
                         " PRAGMA foreign_keys = %" G_GINT64_FORMAT ";"
                         " PRAGMA temp_store = %" G_GINT64_FORMAT,
                         self->saved_journal_mode != NULL ? self->saved_journal_mode : "DELETE",
                         self->saved_synchronous, self->saved_cache_size,
                         self->saved_foreign_keys, self->saved_temp_store);
  fid_store_exec (self->store, sql, NULL);
}

/* The objects to defer, in creation order: the five triggers (the three
 * analysis ones exist from schema 3 on), and every index of
 * customer_stats (whatever later migrations add). Indexes SQLite makes
 * itself for UNIQUE and PRIMARY KEY constraints have no SQL: they are
 * never dropped. */
static const char deferred_objects_sql[] =
  "SELECT type, name, sql FROM sqlite_master"
  " WHERE sql IS NOT NULL"
  "  AND ((type = 'trigger' AND name IN ('" STATS_TRIGGER_TRANSACTIONS "', '" STATS_TRIGGER_INTERACTIONS "',"
  "                                      '" DIRTY_TRIGGER_INSERT "', '" DIRTY_TRIGGER_DELETE "',"
  "                                      '" DIRTY_TRIGGER_UPDATE "'))"
  "   OR (type = 'index' AND tbl_name = '" STATS_TABLE "')"
  "   OR (type = 'trigger' AND name LIKE '" DASHBOARD_TRIGGER_LIKE "' ESCAPE '\\')"
  "   OR (type = 'index' AND name = '" DASHBOARD_INDEX "'))"
  " ORDER BY rowid";

/* "DROP INDEX name" for an object read from sqlite_master. */
static char *
drop_statement (const char *type,
                const char *name)
{
  g_autoptr(GString) quoted = g_string_new (name);

  g_string_replace (quoted, "\"", "\"\"", 0);
  return g_strdup_printf ("DROP %s \"%s\"", g_str_equal (type, "trigger") ? "TRIGGER" : "INDEX",
                          quoted->str);
}

gboolean
fid_bulk_loader_fresh_defer_schema (FidBulkLoader  *self,
                                    GError        **error)
{
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = fid_store_prepare (self->store, deferred_objects_sql, error);
  if (stmt == NULL)
    return FALSE;

  self->deferred_names = g_ptr_array_new_with_free_func (g_free);
  self->deferred_sql = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      g_ptr_array_add (self->deferred_names, g_strdup (name));
      g_ptr_array_add (self->deferred_sql, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      g_ptr_array_add (drops, drop_statement (type, name));
    }
  /* The message is read before the reset, which may replace it. */
  if (rc != SQLITE_DONE)
    fid_store_set_sqlite_error (self->store, error, rc, _("read the schema"));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < drops->len; i++)
    if (!fid_store_exec (self->store, g_ptr_array_index (drops, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
deferred (FidBulkLoader *self,
          const char    *name)
{
  return g_ptr_array_find_with_equal_func (self->deferred_names, name, g_str_equal, NULL);
}

gboolean
fid_bulk_loader_fresh_restore_schema (FidBulkLoader  *self,
                                      GError        **error)
{
  /* transactions_ai: the count, sums and first and last dates of every
   * customer's transactions, through transactions_customer_date (already
   * in customer order). Customers without any keep the defaults the
   * trigger never touched. */
  if (deferred (self, STATS_TRIGGER_TRANSACTIONS) &&
      !fid_store_exec (self->store,
                       "UPDATE customer_stats SET tx_count = t.n, tx_sum_cents = t.total,"
                       " margin_cents = t.margin, first_tx_date = t.first, last_tx_date = t.last"
                       " FROM (SELECT customer_id, count (*) AS n, sum (amount_cents) AS total,"
                       "        sum (margin_cents) AS margin, min (date) AS first, max (date) AS last"
                       "       FROM transactions GROUP BY customer_id) AS t"
                       " WHERE customer_stats.customer_id = t.customer_id", error))
    return FALSE;
  /* interactions_ai: the newest contact that took place (status 'done'),
   * never moved back, as the trigger only ever raises it. */
  if (deferred (self, STATS_TRIGGER_INTERACTIONS) &&
      !fid_store_exec (self->store,
                       "UPDATE customer_stats SET last_contact_at = i.last"
                       " FROM (SELECT customer_id, max (at) AS last FROM interactions"
                       "       WHERE status = 'done' GROUP BY customer_id) AS i"
                       " WHERE customer_stats.customer_id = i.customer_id"
                       "  AND customer_stats.last_contact_at < i.last", error))
    return FALSE;

  /* The analysis triggers: whatever was listed before the load (or by
   * rows written without them) is moot once the cache is gone, and the
   * cache goes because it lacks every row of this load. The next
   * analysis rebuilds it whole (fid-tx-columns.c). */
  if ((deferred (self, DIRTY_TRIGGER_INSERT) || deferred (self, DIRTY_TRIGGER_DELETE) ||
       deferred (self, DIRTY_TRIGGER_UPDATE)) &&
      !fid_store_exec (self->store,
                       "DELETE FROM analytics_dirty;"
                       " DELETE FROM fidelis_meta WHERE key = 'columns_token'", error))
    return FALSE;

  /* The dashboards' counts, from the rows, in one pass per measure. */
  if (deferred (self, "dashboard_customers_ai") &&
      !fid_store_rebuild_dashboard_counts (self->store, error))
    return FALSE;

  /* Indexes after the updates: each is built once, by one sort. */
  for (guint i = 0; i < self->deferred_sql->len; i++)
    if (!fid_store_exec (self->store, g_ptr_array_index (self->deferred_sql, i), error))
      return FALSE;
  g_clear_pointer (&self->deferred_names, g_ptr_array_unref);
  g_clear_pointer (&self->deferred_sql, g_ptr_array_unref);
  return TRUE;
}
