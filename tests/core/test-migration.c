/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Migration 001 → 002 on a file written at version 1 by plain SQLite (the
 * way a bank created by the previous release is): FidStore upgrades it on
 * open, every version-1 value is still there, and the new columns are
 * filled (advisor sort keys folded, ticket versions, empty trash). */

#include "config.h"

#include "fid-store-workspace.h"
#include "fid-test-util.h"

static const char fixture_sql[] =
  "INSERT INTO branches (id, code, name, city) VALUES (1, 'LYS', 'Lyon Saxe', 'Lyon');"
  "INSERT INTO advisors (id, branch_id, first_name, last_name) VALUES (1, 1, 'Élodie', 'Martin'),"
  " (2, 1, 'Bruno', 'Adam');"
  "INSERT INTO customers (id, first_name, last_name, sort_name, city, advisor_id, branch_id, segment,"
  " lifecycle_stage, email, created_at, updated_at) VALUES"
  " (1, 'Hélène', 'Dupont', 'dupont helene', 'Lyon', 1, 1, NULL, 'new', 'h@example.fr', '2020-01-01', '2020-01-01'),"
  " (2, 'Paul', 'Roux', 'roux paul', 'Brest', 2, 1, 'gold', 'lost', NULL, '2020-01-01', '2020-01-01'),"
  " (3, '', 'SARL Bois', 'sarl bois', 'Lyon', NULL, NULL, NULL, 'prospect', NULL, '2020-01-01', '2020-01-01');"
  "INSERT INTO transactions (customer_id, date, amount_cents, margin_cents, product_family) VALUES"
  " (1, '2024-05-01', 1000, 10, 'card'), (1, '2025-01-01', 2000, 20, 'card'), (2, '2023-01-01', 5, 1, 'savings');"
  "INSERT INTO interactions (customer_id, channel, direction, at, advisor_id, follow_up_on) VALUES"
  " (1, 'phone', 'outbound', '2025-01-02T10:00:00', 1, '2025-01-09');"
  "INSERT INTO tickets (customer_id, kind, subject, opened_at, advisor_id) VALUES"
  " (2, 'complaint', 'Frais', '2025-01-03T11:00:00', 2);";

static char *
dump (const char  *path,
      GHashTable  *columns)
{
  static const char * const tables[] = {
    "branches", "advisors", "customers", "customer_stats", "transactions", "interactions", "tickets", NULL
  };
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      /* The first time, remember the version-1 columns; afterwards, read
       * only those. */
      if (!g_hash_table_contains (columns, tables[t]))
        {
          g_autoptr(GString) list = g_string_new (NULL);
          g_autofree char *q = g_strdup_printf ("SELECT name FROM pragma_table_xinfo ('%s') WHERE hidden = 0", tables[t]);

          g_assert_cmpint (sqlite3_prepare_v2 (db, q, -1, &stmt, NULL), ==, SQLITE_OK);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            g_string_append_printf (list, "%s%s", list->len ? ", " : "", sqlite3_column_text (stmt, 0));
          sqlite3_finalize (stmt);
          g_hash_table_insert (columns, (char *) tables[t], g_string_free (g_steal_pointer (&list), FALSE));
        }
      sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY 1", (char *) g_hash_table_lookup (columns, tables[t]), tables[t]);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                                ? "∅" : (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_migrate_from_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("v1.db");
  g_autofree char *schema = NULL;
  g_autofree char *v1_sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FidTicket) ticket = NULL;
  gint64 n_wrong = -1;
  const char *schema_path = g_test_get_filename (G_TEST_DIST, "..", "data", "sql", "001-initial.sql", NULL);

  g_assert_true (g_file_get_contents (schema_path, &schema, NULL, &error));
  v1_sql = g_strconcat ("BEGIN;", schema, "PRAGMA user_version = 1;", fixture_sql, "COMMIT;", NULL);
  fid_test_exec_raw (path, v1_sql);
  before = dump (path, columns);

  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fid_store_get_schema_version (store), ==, fid_store_get_latest_schema_version ());
  g_assert_cmpint (fid_store_get_schema_version (store), >=, 2);

  /* Every version-1 value is intact. */
  after = dump (path, columns);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (fid_store_check_aggregates (store, &n_wrong, &error));
  g_assert_cmpint (n_wrong, ==, 0);

  /* The new sort keys are filled: by advisor, folded (Bruno < Élodie). */
  rows = fid_store_list_customers (store, NULL, FID_CUSTOMER_SORT_ADVISOR, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (fid_customer_get_id (rows->pdata[0]), ==, 3);
  g_assert_cmpint (fid_customer_get_id (rows->pdata[1]), ==, 2);
  g_assert_cmpint (fid_customer_get_id (rows->pdata[2]), ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = fid_store_list_customers (store, NULL, FID_CUSTOMER_SORT_LIFECYCLE, NULL, 10, &error);
  g_assert_cmpstr (fid_customer_get_lifecycle_stage (rows->pdata[0]), ==, "prospect");
  g_assert_cmpstr (fid_customer_get_lifecycle_stage (rows->pdata[2]), ==, "lost");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Version-1 rows work with the new code. */
  ticket = fid_store_get_ticket (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fid_ticket_get_version (ticket), ==, 1);
  g_assert_true (fid_store_set_ticket_status (store, 1, "in_progress", NULL, &error));
  g_assert_no_error (error);
  rows = fid_store_list_follow_ups (store, 1, "2025-01-31", &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (fid_store_refresh_revenue_12m (store, "2025-04-30", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fid_store_trash_customer (store, 3, &error), >, 0);
  g_assert_no_error (error);

  /* Opening again migrates nothing more. */
  g_clear_object (&store);
  store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migration/from-1", test_migrate_from_1);

  return g_test_run ();
}
