/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Search and filter text never reaches SQL or FTS5 as syntax (issue 9,
 * item 7). Every payload below goes through the search box's path
 * (fid_store_search_customers*) and the list filters (segment, lifecycle
 * stage, strings a URL or a saved list could carry); afterwards the schema
 * and every row are unchanged, no query failed, and searches for text that
 * is stored in customers' names find exactly those customers. */

#include "config.h"

#include <sqlite3.h>

#include "fid-store.h"
#include "fid-test-util.h"

static const char * const payloads[] = {
  /* SQL */
  "' OR '1'='1", "' OR 1=1 --", "'; DROP TABLE customers; --", "\"; DROP TABLE customers; --",
  "1; DELETE FROM customers", "') OR ('a'='a", "' UNION SELECT sql FROM sqlite_master --",
  "admin'--", "' AND 1=0 UNION ALL SELECT NULL, NULL --", "%' --", "_%", "%", "' || '",
  "x' ; ATTACH DATABASE '/tmp/pwn.db' AS pwn; --", "'; PRAGMA writable_schema = 1; --",
  "1e309", "-1", "0x41", "NULL", "' COLLATE NOCASE --", "?1", ":key", "@p", "$x",
  "' /* comment */ OR 1", "\\'; --", "`", "[customers]", "customers.id", "\x7f",
  /* FTS5 query syntax */
  "\"", "\"\"", "mar\" OR \"", "*", "mar*", "^mar", "-mar", "+mar", "NEAR(a b)", "NEAR(a b, 0)",
  "martin AND", "OR", "NOT martin", "martin NOT dupont", "last_name:martin", "{last_name first_name}: m",
  "(", ")", "((", "a:b:c", "\\", "rank:1", "customers_fts", "* OR *", "\"martin\" * ",
  /* Odd text */
  "", " ", "\t\n", "é", "Ⅻ", "日本", "🙂", "a\xcc\x81", "ǅ", "ß", "ﬁ",
};

/* The schema (every object's SQL) and a digest of every table's rows. */
static char *
database_digest (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, coalesce (sql, '') FROM sqlite_master ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 3; c++)
        g_checksum_update (checksum, sqlite3_column_text (stmt, c), -1);
      /* Virtual tables' shadow tables hold the same rows again: the
       * ordinary tables are enough. */
      if (g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "table") &&
          !g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 1), "sqlite_") &&
          !g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 1), "customers_fts"))
        g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1", (char *) tables->pdata[t]);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const unsigned char *text = sqlite3_column_text (stmt, c);

            g_checksum_update (checksum, text != NULL ? text : (const guchar *) "\1NULL", -1);
            g_checksum_update (checksum, (const guchar *) "\2", 1);
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

static GPtrArray *
search (FidStore                *store,
        const FidCustomerFilter *filter,
        const char              *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = fid_store_search_customers_filtered (store, filter, text, 100, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
test_payloads_change_nothing (void)
{
  g_autofree char *path = fid_test_tmp_path ("injection.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_queries = 0;

  g_assert_no_error (error);
  fid_test_insert (store, "Jean", "Martin", "Lyon");
  fid_test_insert (store, "Anne", "Dupont", "Paris");
  fid_test_insert (store, "Robert", "O'Brien", "Brest");
  g_clear_object (&store);
  before = database_digest (path);
  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      FidCustomerFilter filter = { 0 };
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GPtrArray) listed = NULL;
      gint64 count;

      g_test_message ("payload «%s»", payloads[i]);
      found = search (store, NULL, payloads[i]);
      n_queries++;

      /* As filter values: matched as plain strings, so nobody has them. */
      filter.segment = payloads[i];
      g_clear_pointer (&found, g_ptr_array_unref);
      found = search (store, &filter, payloads[i]);
      count = fid_store_count_customers (store, &filter, &error);
      g_assert_no_error (error);
      g_assert_cmpint (count, ==, 0);
      filter.segment = NULL;
      filter.lifecycle_stage = payloads[i];
      listed = fid_store_list_customers (store, &filter, FID_CUSTOMER_SORT_NAME, NULL, 50, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (listed->len, ==, 0);
      n_queries += 3;
    }
  g_test_message ("%u queries with %" G_GSIZE_FORMAT " payloads", n_queries, G_N_ELEMENTS (payloads));

  g_clear_object (&store);
  after = database_digest (path);
  g_assert_cmpstr (before, ==, after);
}

/* Stored text that looks like syntax is found as text. */
static void
test_literal_matches (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  static const char * const names[] = {
    "Tables", "Drop", "Near", "Or", "Not", "Select", "Union",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    fid_test_insert (store, "Test", names[i], "Lyon");
  fid_test_insert (store, "Zoé", "Martin", "Lyon");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *query = g_ascii_strdown (names[i], -1);
      g_autoptr(GPtrArray) rows = search (store, NULL, query);

      /* "near" finds Near only (and not every customer, as NEAR would). */
      g_test_message ("%s", query);
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_cmpstr (fid_customer_get_last_name (rows->pdata[0]), ==, names[i]);
    }
  {
    /* Operators in upper case are words too: "DROP TABLES" finds nobody
     * with both words, the two customers with one each are not mixed in. */
    g_autoptr(GPtrArray) both = search (store, NULL, "DROP TABLES");
    g_autoptr(GPtrArray) or_query = search (store, NULL, "drop OR tables");

    g_assert_cmpuint (both->len, ==, 0);
    g_assert_cmpuint (or_query->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/injection/payloads-change-nothing", test_payloads_change_nothing);
  g_test_add_func ("/injection/literal-matches", test_literal_matches);

  return g_test_run ();
}
