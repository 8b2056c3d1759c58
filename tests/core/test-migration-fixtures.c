/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Migrations from every earlier schema version (issue 9, item 11).
 *
 * For each version N below the latest, a database is built the way a bank
 * of that release got there — 001, fixture-1, 002, fixture-2, … up to N,
 * through plain sqlite3 (tests/data/schemas/README says why not committed
 * .db files) — then opened with FidStore, which upgrades it. Checked: the
 * version, PRAGMA integrity_check and foreign_key_check, every value written
 * at version N (each table read with its version-N columns), the
 * aggregates, the audit trail (the old rows kept, chained, verified), the
 * schema identical to a freshly created database's, and that the upgraded
 * bank works with today's code. */

#include "config.h"

#include "fid-store-audit.h"
#include "fid-store-workspace.h"
#include "fid-test-util.h"
#include "fid-text.h"

/* The released migrations never change: an upgraded bank and a new one
 * would differ. A change to one of these files must be a new migration. */
static const struct
{
  const char *file;
  const char *sha256;
} released[] = {
  { "001-initial.sql", "7ec2ee610a08fa20a131310d8395d1dbacdcfd2f3770c85faff534ef5085f692" },
  { "002-workspace.sql", "c86e6889e4a25d8576a8e7b88f9411fbf76c11f59fe65dd68d8d292a4d74a654" },
  { "003-analytics.sql", "04c04f1fb45b04aed323857e1a1cb50849537f6b20861f0d287fd1d8adb1b9fe" },
  { "004-dashboard.sql", "2a955f5c19be2fde75d960cabb251c83062b7a7e1703f1224be45f4f07f8cb3d" },
  { "005-audit.sql", "6933381862c10d510e78b898e9cc8a01551f2b1683904bf8823e67e9fa853c22" },
};

static char *
migration_path (int version)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "sql", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf ("%03d-", version);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".sql"))
      return g_build_filename (dir, name, NULL);
  return NULL;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
sql_fold (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *folded = text ? fid_text_fold (text) : NULL;

  if (folded == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, folded, -1, SQLITE_TRANSIENT);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql,
             const char *what)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s failed: %s", what, message);
}

/* Applies fixture-@version.sql to @db. */
static void
apply_fixture (sqlite3 *db,
               int      version)
{
  g_autofree char *name = g_strdup_printf ("fixture-%d.sql", version);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "schemas", name, NULL);
  g_autofree char *fixture = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("%s is missing: every schema version needs its fixture rows (tests/data/schemas/README)", path);
  fixture = read_text (path);
  exec_or_die (db, fixture, path);
}

/* Builds tests/core/schemas/vN.db (in the build folder) as described at
 * the top; returns its path. Versions 1–4 are plain SQL; from 5 on a
 * migration may have a C step (fid-store.c), so FidStore applies them,
 * stopped at each version by FIDELIS_TEST_SCHEMA_LIMIT. */
static char *
build_fixture (int version)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "core", "schemas", NULL);
  g_autofree char *name = g_strdup_printf ("v%d.db", version);
  char *path;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" :
                                                         g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);

      g_unlink (file);
    }

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_create_function (db, "fid_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_fold, NULL, NULL);
  for (int v = 1; v <= MIN (version, 4); v++)
    {
      g_autofree char *schema_path = migration_path (v);
      g_autofree char *schema = read_text (schema_path);
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", v);

      exec_or_die (db, "BEGIN", "BEGIN");
      exec_or_die (db, schema, schema_path);
      exec_or_die (db, bump, "user_version");
      exec_or_die (db, "COMMIT", "COMMIT");
      apply_fixture (db, v);
    }
  sqlite3_close (db);

  for (int v = 5; v <= version; v++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FidStore) store = NULL;
      g_autofree char *limit = g_strdup_printf ("%d", v);

      g_setenv ("FIDELIS_TEST_SCHEMA_LIMIT", limit, TRUE);
      store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
      g_unsetenv ("FIDELIS_TEST_SCHEMA_LIMIT");
      g_assert_no_error (error);
      g_assert_cmpint (fid_store_get_schema_version (store), ==, v);
      g_clear_object (&store);

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      apply_fixture (db, v);
      sqlite3_close (db);
    }
  return path;
}

static GPtrArray *
list_tables (sqlite3 *db)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'customers_fts%'"
                                       " ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return tables;
}

/* Every table's rows, read with the columns @columns holds for it (filled
 * on the first call: the version-N columns). The audit log is compared by
 * check_audit, and the maintained counts follow the data. */
static char *
dump (const char *path,
      GHashTable *columns)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = NULL;
  gboolean first = g_hash_table_size (columns) == 0;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  tables = list_tables (db);
  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      if (g_str_equal (table, "audit_log") || g_str_equal (table, "fidelis_meta"))
        continue;
      /* Tables of later versions are not compared. */
      if (!first && !g_hash_table_contains (columns, table))
        continue;
      if (!g_hash_table_contains (columns, table))
        {
          g_autoptr(GString) list = g_string_new (NULL);
          g_autofree char *q = g_strdup_printf ("SELECT name FROM pragma_table_xinfo ('%s') WHERE hidden = 0", table);

          g_assert_cmpint (sqlite3_prepare_v2 (db, q, -1, &stmt, NULL), ==, SQLITE_OK);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            g_string_append_printf (list, "%s\"%s\"", list->len ? ", " : "", sqlite3_column_text (stmt, 0));
          sqlite3_finalize (stmt);
          g_hash_table_insert (columns, g_strdup (table), g_string_free (g_steal_pointer (&list), FALSE));
        }
      {
        /* ORDER BY every column: one order for any table shape. */
        const char *list = g_hash_table_lookup (columns, table);
        g_autoptr(GString) order = g_string_new ("1");
        guint n = 1;

        for (const char *p = list; *p; p++)
          if (*p == ',')
            g_string_append_printf (order, ", %u", ++n);
        sql = g_strdup_printf ("SELECT %s FROM \"%s\" ORDER BY %s", list, table, order->str);
      }
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s: %s", sql, sqlite3_errmsg (db));
      g_string_append_printf (out, "[%s]\n", table);
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

static char *
dump_audit (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, at, actor, action, entity, entity_id FROM audit_log ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 6; c++)
        g_string_append_printf (out, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                            ? "∅" : (const char *) sqlite3_column_text (stmt, c));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static char *
schema_of (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_master"
                                       " ORDER BY type, name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %s\n%s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2),
                            sqlite3_column_text (stmt, 3) ? (const char *) sqlite3_column_text (stmt, 3) : "");
  sqlite3_finalize (stmt);
  g_string_append_printf (out, "user_version %" G_GINT64_FORMAT "\n", query_int (db, "PRAGMA user_version"));
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_released_migrations_unchanged (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (released); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sql", released[i].file, NULL);
      g_autofree char *text = read_text (path);
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

      g_test_message ("%s", released[i].file);
      g_assert_cmpstr (sum, ==, released[i].sha256);
    }
}

static void
test_from_version (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = build_fixture (version);
  g_autofree char *fresh_path = fid_test_tmp_path ("fresh.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *audit_before = NULL;
  g_autofree char *audit_after = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autofree char *note = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(FidStore) fresh = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FidCustomer) customer = NULL;
  FidAuditVerification verification;
  gint64 n_wrong = -1;
  gint64 n_audit;
  sqlite3 *db = NULL;

  before = dump (path, columns);
  audit_before = dump_audit (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  n_audit = query_int (db, "SELECT count(*) FROM audit_log");
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, version);
  sqlite3_close (db);
  g_assert_cmpint (n_audit, >, 0);

  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fid_store_get_schema_version (store), ==, fid_store_get_latest_schema_version ());
  g_clear_object (&store);

  /* Integrity and foreign keys of the upgraded file. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  {
    g_autofree char *integrity = query_text (db, "PRAGMA integrity_check");

    g_assert_cmpstr (integrity, ==, "ok");
  }
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log"), ==, n_audit);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'audit_log_v4'"), ==, 0);
  /* Plain-text details of the old rows are kept as JSON notes. */
  note = query_text (db, "SELECT details FROM audit_log WHERE id = 2");
  g_assert_cmpstr (note, ==, "{\"note\":\"web form\"}");
  /* The customer of an interaction's and a ticket's rows is found. */
  g_assert_cmpint (query_int (db, "SELECT customer_id FROM audit_log WHERE id = 3"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT customer_id FROM audit_log WHERE id = 4"), ==, 1);
  sqlite3_close (db);

  /* Every version-N value is still there, table by table. */
  after = dump (path, columns);
  g_assert_cmpstr (after, ==, before);
  audit_after = dump_audit (path);
  g_assert_cmpstr (audit_after, ==, audit_before);

  /* The same schema as a bank created today. */
  fresh = fid_store_open (fresh_path, FID_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&fresh);
  schema = schema_of (path);
  fresh_schema = schema_of (fresh_path);
  g_assert_cmpstr (schema, ==, fresh_schema);

  /* The upgraded bank works: aggregates exact, the chain holds and grows. */
  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (fid_store_check_aggregates (store, &n_wrong, &error));
  g_assert_cmpint (n_wrong, ==, 0);
  g_assert_true (fid_store_audit_verify (store, &verification, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (verification.broken_id, ==, 0);
  g_assert_cmpint (verification.n_rows, ==, n_audit);
  fid_audit_verification_clear (&verification);

  customer = fid_store_get_customer (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_customer_get_first_name (customer), ==, "Hélène");
  fid_customer_set_city (customer, "Villeurbanne");
  g_assert_true (fid_store_update_customer (store, customer, &error));
  g_assert_no_error (error);
  rows = fid_store_search_customers (store, "villeur", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = fid_store_audit_list (store, 1, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((FidAuditEntry *) rows->pdata[0])->action, ==, "update");
  g_assert_true (fid_store_audit_verify (store, &verification, NULL, &error));
  g_assert_cmpint (verification.broken_id, ==, 0);
  g_assert_cmpint (verification.n_rows, ==, n_audit + 1);
  fid_audit_verification_clear (&verification);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migration-fixtures/released-unchanged", test_released_migrations_unchanged);
  for (int v = 1; v < fid_store_get_latest_schema_version (); v++)
    {
      g_autofree char *name = g_strdup_printf ("/migration-fixtures/from-%d", v);

      g_test_add_data_func (name, GINT_TO_POINTER (v), test_from_version);
    }

  return g_test_run ();
}
