/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The analysis column cache: after a build, after every kind of write
 * (patched, then folded), after damage, a foreign token, a read-only
 * store or a cancellation, the view is exactly what SQL reads. Each test
 * has a cache directory of its own (G_TEST_OPTION_ISOLATE_DIRS), so
 * counting the files in it is exact. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "fid-demo.h"
#include "fid-test-util.h"
#include "fid-tx-columns.h"

/* Raw reads, through a connection of their own */

static gint64
raw_int (FidStore   *store,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (fid_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
raw_token (FidStore *store)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *token = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fid_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM fidelis_meta WHERE key = 'columns_token'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    token = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return token;
}

static void
exec (FidStore   *store,
      const char *sql)
{
  fid_test_exec_raw (fid_store_get_path (store), sql);
}

static char *
columns_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "fidelis", "columns", NULL);
}

/* Every file in the cache directory: cache files and temporary ones. */
static guint
count_cache_files (void)
{
  g_autofree char *dir = columns_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* The view holds exactly the rows SQL returns in customer, date, id order
 * (without those whose date is not a date), family by family. */
static void
assert_matches_sql (FidStore     *store,
                    FidTxColumns *columns)
{
  const FidTxColumnsView *view = fid_tx_columns_get_view (columns);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize c = 0, t = 0;
  gint64 previous = G_MININT64;

  g_assert_cmpint (sqlite3_open_v2 (fid_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT customer_id, date, amount_cents, margin_cents, product_family"
                                       " FROM transactions ORDER BY customer_id, date, id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint32 day = fid_day_from_iso ((const char *) sqlite3_column_text (stmt, 1));
      int family = fid_product_family_index ((const char *) sqlite3_column_text (stmt, 4));

      if (day == G_MININT32)
        continue;
      if (id != previous)
        {
          g_assert_cmpuint (c, <, view->n_customers);
          g_assert_cmpint (view->customer_id[c], ==, id);
          g_assert_cmpuint (view->start[c], ==, t);
          previous = id;
          c++;
        }
      g_assert_cmpuint (t, <, view->n_transactions);
      g_assert_cmpint (view->day[t], ==, day);
      g_assert_cmpint (view->amount_cents[t], ==, sqlite3_column_int64 (stmt, 2));
      g_assert_cmpint (view->margin_cents[t], ==, sqlite3_column_int64 (stmt, 3));
      g_assert_cmpint (view->family[t], ==, family >= 0 ? family : 8);
      t++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (c, ==, view->n_customers);
  g_assert_cmpuint (t, ==, view->n_transactions);
  g_assert_cmpuint (view->start[c], ==, t);
}

/* A bank of @n_customers customers (ids 10, 20, …) of which every fifth
 * has no transaction and the others 1 to 7, two by two on the same date
 * (so that the id breaks the tie), over every family and an unknown one.
 * Customer 20 also has a transaction on a day that does not exist. */
static FidStore *
new_bank (guint n_customers)
{
  FidStore *store = fid_test_new_store ();
  g_autofree char *sql = g_strdup_printf (
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
    " INSERT INTO customers (id, last_name, sort_name, created_at, updated_at)"
    " SELECT i * 10, 'C' || i, 'c' || i, '2020-01-01', '2020-01-01' FROM n;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u),"
    " k (j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 6)"
    " INSERT INTO transactions (customer_id, date, amount_cents, margin_cents, product_family, channel)"
    " SELECT i * 10, date ('2019-12-25', '+' || ((i * 37 + (j / 2) * 101) %% 2500) || ' days'),"
    "  i * 1000 - j * 7 - 300, j * 3 - 2,"
    "  CASE (i + j) %% 10 WHEN 0 THEN 'current_account' WHEN 1 THEN 'savings' WHEN 2 THEN 'card'"
    "   WHEN 3 THEN 'mortgage' WHEN 4 THEN 'consumer_loan' WHEN 5 THEN 'student_loan'"
    "   WHEN 6 THEN 'insurance' WHEN 7 THEN 'investment' WHEN 8 THEN 'crypto' ELSE 'card' END,"
    "  'branch'"
    " FROM n, k WHERE j <= i %% 7 AND i %% 5 != 0;"
    "INSERT INTO transactions (customer_id, date, amount_cents, product_family)"
    " VALUES (20, '2023-02-30', 999, 'card');",
    n_customers, n_customers);

  exec (store, sql);
  return store;
}

static FidTxColumns *
load (FidStore *store)
{
  g_autoptr(GError) error = NULL;
  FidTxColumns *columns = fid_tx_columns_load (store, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (columns);
  assert_matches_sql (store, columns);
  return columns;
}

/* Product families and days */

static void
test_families (void)
{
  const char * const *families = fid_product_families ();

  g_assert_cmpuint (g_strv_length ((char **) families), ==, 9);
  g_assert_cmpstr (families[0], ==, "current_account");
  g_assert_cmpstr (families[8], ==, "other");
  for (int i = 0; families[i] != NULL; i++)
    g_assert_cmpint (fid_product_family_index (families[i]), ==, i);
  g_assert_cmpint (fid_product_family_index ("crypto"), ==, -1);
  g_assert_cmpint (fid_product_family_index ("savings "), ==, -1);
  g_assert_cmpint (fid_product_family_index (""), ==, -1);
  g_assert_cmpint (fid_product_family_index (NULL), ==, -1);
}

static void
test_days (void)
{
  static const char * const invalid[] = {
    "", "2023-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-04-00", "2026-6-30",
    "2026-06-30T10:00:00", " 2026-06-30", "0000-01-01", "abcd-ef-gh", "2026/06/30",
  };

  g_assert_cmpint (fid_day_from_iso ("1970-01-01"), ==, 0);
  g_assert_cmpint (fid_day_from_iso ("1969-12-31"), ==, -1);
  g_assert_cmpint (fid_day_from_iso ("2000-03-01"), ==, 11017);
  g_assert_cmpint (fid_day_from_iso ("2024-02-29"), ==, 19782);
  g_assert_cmpint (fid_day_from_iso ("2026-06-30"), ==, 20634);
  g_assert_cmpint (fid_day_from_iso ("0001-01-01"), ==, -719162);
  g_assert_cmpint (fid_day_from_iso ("9999-12-31"), ==, 2932896);
  g_assert_cmpint (fid_day_from_iso (NULL), ==, G_MININT32);
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_cmpint (fid_day_from_iso (invalid[i]), ==, G_MININT32);

  /* Back and forth over the whole range, against GDate. */
  for (gint32 day = -719162; day <= 2932896; day += 97)
    {
      g_autofree char *iso = fid_day_to_iso (day);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day + 719163);
      g_assert_cmpint (g_date_get_year (&date), ==, atoi (iso));
      g_assert_cmpint (g_date_get_month (&date), ==, atoi (iso + 5));
      g_assert_cmpint (g_date_get_day (&date), ==, atoi (iso + 8));
      g_assert_cmpint (fid_day_from_iso (iso), ==, day);
    }
  g_assert_null (fid_day_to_iso (G_MININT32));
  g_assert_null (fid_day_to_iso (-719163));
  g_assert_null (fid_day_to_iso (2932897));
}

/* Building and patching */

static void
test_build (void)
{
  g_autoptr(FidStore) store = new_bank (300);
  g_autoptr(FidTxColumns) first = NULL;
  g_autoptr(FidTxColumns) second = NULL;
  g_autofree char *token = NULL;
  g_autofree char *name = NULL;

  g_assert_cmpint (raw_int (store, "SELECT count (*) FROM analytics_dirty"), >, 0);
  first = load (store);
  g_assert_true (fid_tx_columns_was_rebuilt (first));
  g_assert_cmpuint (fid_tx_columns_get_n_patched (first), ==, 0);
  g_assert_cmpuint (fid_tx_columns_get_view (first)->n_customers, ==, 240);

  /* The file is named by the token, and the dirty list is emptied. */
  token = raw_token (store);
  g_assert_nonnull (token);
  g_assert_cmpuint (strlen (token), ==, 32);
  name = g_strconcat (token, ".fidcols", NULL);
  g_assert_true (g_str_has_suffix (fid_tx_columns_get_path (first), name));
  g_assert_true (g_file_test (fid_tx_columns_get_path (first), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (raw_int (store, "SELECT count (*) FROM analytics_dirty"), ==, 0);
  g_assert_cmpuint (count_cache_files (), ==, 1);

  /* Loaded again: mapped, nothing read or copied. */
  second = load (store);
  g_assert_false (fid_tx_columns_was_rebuilt (second));
  g_assert_cmpuint (fid_tx_columns_get_n_patched (second), ==, 0);
  g_assert_cmpuint (fid_tx_columns_get_mapped_size (second), >, 0);
  g_assert_cmpstr (fid_tx_columns_get_path (second), ==, fid_tx_columns_get_path (first));
}

static void
test_patch (void)
{
  g_autoptr(FidStore) store = new_bank (1000);
  g_autoptr(FidTxColumns) built = load (store);
  g_autoptr(FidTxColumns) patched = NULL;
  g_autofree char *token = raw_token (store);
  g_autofree char *after = NULL;

  /* Six customers of 800: under the 1 % that triggers a fold. */
  exec (store,
        "INSERT INTO transactions (customer_id, date, amount_cents, product_family)"
        " VALUES (30, '2021-07-14', 1234, 'savings');"
        "UPDATE transactions SET amount_cents = amount_cents + 1"
        " WHERE id = (SELECT min (id) FROM transactions WHERE customer_id = 40);"
        "UPDATE transactions SET date = '2018-01-01'"
        " WHERE id = (SELECT max (id) FROM transactions WHERE customer_id = 60);"
        "UPDATE transactions SET customer_id = 90"
        " WHERE id = (SELECT max (id) FROM transactions WHERE customer_id = 70);"
        "DELETE FROM transactions WHERE id = (SELECT min (id) FROM transactions WHERE customer_id = 80);");
  g_assert_cmpint (raw_int (store, "SELECT count (*) FROM analytics_dirty"), ==, 6);

  patched = load (store);
  g_assert_false (fid_tx_columns_was_rebuilt (patched));
  g_assert_cmpuint (fid_tx_columns_get_n_patched (patched), ==, 6);
  /* Not folded: the same file, the list kept for the next load. */
  after = raw_token (store);
  g_assert_cmpstr (after, ==, token);
  g_assert_cmpint (raw_int (store, "SELECT count (*) FROM analytics_dirty"), ==, 6);
  g_assert_cmpuint (count_cache_files (), ==, 1);

  /* The old view is still the old rows: views are snapshots. */
  g_assert_cmpuint (fid_tx_columns_get_view (built)->n_transactions, ==,
                    fid_tx_columns_get_view (patched)->n_transactions);
}

static void
test_customers_come_and_go (void)
{
  g_autoptr(FidStore) store = new_bank (1000);
  g_autoptr(FidTxColumns) built = load (store);
  g_autoptr(FidTxColumns) patched = NULL;
  const FidTxColumnsView *view;
  gsize n_before = fid_tx_columns_get_view (built)->n_customers;
  gboolean found_new = FALSE, found_last = FALSE;

  /* Customer 30 loses every transaction; 15 (between 10 and 20) and 50
   * (who had none) get their first; 20000 comes after everyone. */
  exec (store,
        "INSERT INTO customers (id, last_name, sort_name, created_at, updated_at)"
        " VALUES (15, 'New', 'new', '2024-01-01', '2024-01-01'),"
        "        (20000, 'Last', 'last', '2024-01-01', '2024-01-01');"
        "DELETE FROM transactions WHERE customer_id = 30;"
        "INSERT INTO transactions (customer_id, date, amount_cents, product_family) VALUES"
        " (15, '2024-03-01', 500, 'card'), (15, '2024-02-01', 700, 'card'),"
        " (50, '2024-03-01', 100, 'savings'), (20000, '2025-01-01', 1, 'insurance');");

  patched = load (store);
  g_assert_false (fid_tx_columns_was_rebuilt (patched));
  g_assert_cmpuint (fid_tx_columns_get_n_patched (patched), ==, 4);
  view = fid_tx_columns_get_view (patched);
  g_assert_cmpuint (view->n_customers, ==, n_before + 3 - 1);
  for (gsize i = 0; i < view->n_customers; i++)
    {
      g_assert_cmpint (view->customer_id[i], !=, 30);
      if (view->customer_id[i] == 15)
        {
          found_new = TRUE;
          g_assert_cmpint (view->customer_id[i - 1], ==, 10);
          g_assert_cmpuint (view->start[i + 1] - view->start[i], ==, 2);
          g_assert_cmpint (view->day[view->start[i]], ==, fid_day_from_iso ("2024-02-01"));
        }
      found_last |= view->customer_id[i] == 20000 && i == view->n_customers - 1;
    }
  g_assert_true (found_new);
  g_assert_true (found_last);
}

static void
test_fold (void)
{
  g_autoptr(FidStore) store = new_bank (1000);
  g_autoptr(FidTxColumns) built = load (store);
  g_autoptr(FidTxColumns) folded = NULL;
  g_autoptr(FidTxColumns) again = NULL;
  g_autofree char *old_path = g_strdup (fid_tx_columns_get_path (built));
  g_autofree char *token = raw_token (store);
  g_autofree char *new_token = NULL;
  gint64 n_dirty;

  /* Customers 10 to 300: 24 of 800 have transactions, 3 %. */
  exec (store, "UPDATE transactions SET margin_cents = margin_cents + 5 WHERE customer_id <= 300");
  n_dirty = raw_int (store, "SELECT count (*) FROM analytics_dirty");
  g_assert_cmpint (n_dirty, ==, 24);

  folded = load (store);
  g_assert_false (fid_tx_columns_was_rebuilt (folded));
  g_assert_cmpuint (fid_tx_columns_get_n_patched (folded), ==, n_dirty);
  /* A new file under a new token, the old one gone, the list empty, and
   * the view already on the new file. */
  g_assert_cmpint (raw_int (store, "SELECT count (*) FROM analytics_dirty"), ==, 0);
  new_token = raw_token (store);
  g_assert_cmpstr (new_token, !=, token);
  g_assert_false (g_file_test (old_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_cache_files (), ==, 1);
  g_assert_cmpuint (fid_tx_columns_get_mapped_size (folded), >, 0);

  again = load (store);
  g_assert_false (fid_tx_columns_was_rebuilt (again));
  g_assert_cmpuint (fid_tx_columns_get_n_patched (again), ==, 0);
}

/* What is not trusted */

static void
overwrite (const char *path,
           goffset     offset,
           guint8      byte)
{
  FILE *file = fopen (path, "r+b");

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc (byte, file), ==, byte);
  fclose (file);
}

/* Damages the current file with @damage, then checks that the next load
 * rebuilds it and is right. */
static void
assert_rebuilt_after (FidStore   *store,
                      const char *what,
                      void      (*damage) (const char *path, const FidTxColumnsView *view))
{
  g_autoptr(FidTxColumns) before = load (store);
  g_autoptr(FidTxColumns) after = NULL;
  g_autofree char *path = g_strdup (fid_tx_columns_get_path (before));

  g_test_message ("damage: %s", what);
  damage (path, fid_tx_columns_get_view (before));
  g_clear_object (&before);
  after = load (store);
  g_assert_true (fid_tx_columns_was_rebuilt (after));
  g_assert_cmpuint (count_cache_files (), ==, 1);
}

static void
damage_truncate (const char *path, const FidTxColumnsView *view)
{
  g_assert_cmpint (truncate (path, 1000), ==, 0);
}

static void
damage_empty (const char *path, const FidTxColumnsView *view)
{
  g_assert_cmpint (truncate (path, 0), ==, 0);
}

static void
damage_header (const char *path, const FidTxColumnsView *view)
{
  overwrite (path, 64, 0x7f);   /* in n_customers */
}

static void
damage_magic (const char *path, const FidTxColumnsView *view)
{
  overwrite (path, 0, 'X');
}

static void
damage_start (const char *path, const FidTxColumnsView *view)
{
  /* start[] follows the header (256 bytes) and customer_id[]. */
  overwrite (path, 256 + view->n_customers * 8 + 4 * 3 + 3, 0xff);
}

static void
damage_ids (const char *path, const FidTxColumnsView *view)
{
  overwrite (path, 256 + 8 * 5 + 3, 0x70);
}

static void
damage_family (const char *path, const FidTxColumnsView *view)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  gsize length = g_mapped_file_get_length (mapped);

  /* The families are last, padded to 8 bytes. */
  overwrite (path, length - 8 - 1, 200);
}

static void
test_damaged_file (void)
{
  g_autoptr(FidStore) store = new_bank (300);

  assert_rebuilt_after (store, "truncated", damage_truncate);
  assert_rebuilt_after (store, "empty", damage_empty);
  assert_rebuilt_after (store, "header byte", damage_header);
  assert_rebuilt_after (store, "magic", damage_magic);
  assert_rebuilt_after (store, "start[]", damage_start);
  assert_rebuilt_after (store, "customer ids", damage_ids);
  assert_rebuilt_after (store, "family", damage_family);
}

static void
test_token_mismatch (void)
{
  g_autoptr(FidStore) store = new_bank (300);
  g_autoptr(FidTxColumns) built = load (store);
  g_autoptr(FidTxColumns) after = NULL;
  g_autofree char *dir = columns_dir ();
  g_autofree char *copy = g_build_filename (dir, "0123456789abcdef0123456789abcdef.fidcols", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  /* A token whose file does not exist (a restored backup). */
  exec (store, "UPDATE fidelis_meta SET value = 'fedcba9876543210fedcba9876543210'"
               " WHERE key = 'columns_token'");
  after = load (store);
  g_assert_true (fid_tx_columns_was_rebuilt (after));
  g_clear_object (&after);

  /* A file under the database's token whose header names another. */
  g_assert_true (g_file_get_contents (fid_tx_columns_get_path (built), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  exec (store, "UPDATE fidelis_meta SET value = '0123456789abcdef0123456789abcdef'"
               " WHERE key = 'columns_token'");
  after = load (store);
  g_assert_true (fid_tx_columns_was_rebuilt (after));
  g_clear_object (&after);

  /* A token that is not one never becomes a path. */
  exec (store, "UPDATE fidelis_meta SET value = '../../../etc/passwd' WHERE key = 'columns_token'");
  after = load (store);
  g_assert_true (fid_tx_columns_was_rebuilt (after));
}

static void
test_read_only (void)
{
  g_autoptr(FidStore) store = new_bank (1000);
  g_autoptr(FidStore) reader = NULL;
  g_autoptr(FidTxColumns) built = load (store);
  g_autoptr(FidTxColumns) columns = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  exec (store, "DELETE FROM transactions WHERE customer_id = 40");
  reader = fid_store_open (fid_store_get_path (store), FID_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  /* Patched through the read-only connection. */
  columns = load (reader);
  g_assert_false (fid_tx_columns_was_rebuilt (columns));
  g_assert_cmpuint (fid_tx_columns_get_n_patched (columns), ==, 1);
  g_clear_object (&columns);

  /* Rebuilt, and saved through a connection of its own. */
  exec (store, "DELETE FROM fidelis_meta WHERE key = 'columns_token'");
  columns = load (reader);
  g_assert_true (fid_tx_columns_was_rebuilt (columns));
  token = raw_token (store);
  g_assert_nonnull (token);
  g_assert_nonnull (fid_tx_columns_get_path (columns));
  g_assert_cmpint (raw_int (store, "SELECT count (*) FROM analytics_dirty"), ==, 0);

  /* Rebuilding is a write: refused on a read-only store. */
  g_assert_false (fid_tx_columns_rebuild (reader, NULL, NULL, NULL, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_READ_ONLY);
}

static void
test_read_only_file (void)
{
  g_autoptr(FidStore) store = new_bank (300);
  g_autoptr(FidStore) reader = NULL;
  g_autoptr(FidTxColumns) columns = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (fid_store_get_path (store));

  if (geteuid () == 0)
    {
      g_test_skip ("root can write any file");
      return;
    }
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  reader = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  /* Built in memory, for this load only. */
  columns = load (reader);
  g_assert_true (fid_tx_columns_was_rebuilt (columns));
  g_assert_null (fid_tx_columns_get_path (columns));
  g_assert_cmpuint (fid_tx_columns_get_mapped_size (columns), ==, 0);
  g_assert_cmpuint (count_cache_files (), ==, 0);
}

/* Cancellation and progress */

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr(FidStore) store = new_bank (300);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(FidTxColumns) columns = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *after = NULL;

  /* Before anything is built. */
  g_cancellable_cancel (cancellable);
  columns = fid_tx_columns_load (store, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (columns);
  g_assert_null (raw_token (store));
  g_assert_cmpuint (count_cache_files (), ==, 0);
  g_clear_error (&error);

  /* Halfway through a rebuild: the old file and token stay. */
  columns = load (store);
  token = raw_token (store);
  g_cancellable_reset (cancellable);
  g_assert_false (fid_tx_columns_rebuild (store, cancel_on_progress, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = raw_token (store);
  g_assert_cmpstr (after, ==, token);
  g_assert_cmpuint (count_cache_files (), ==, 1);
  g_assert_true (g_file_test (fid_tx_columns_get_path (columns), G_FILE_TEST_IS_REGULAR));
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
}

static void
test_rebuild_progress (void)
{
  g_autoptr(FidStore) store = new_bank (300);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(FidTxColumns) columns = NULL;

  g_assert_true (fid_tx_columns_rebuild (store, record_progress, fractions, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >=, 2);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i - 1), <=, g_array_index (fractions, double, i));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  /* Ready: the next load only maps it. */
  columns = load (store);
  g_assert_false (fid_tx_columns_was_rebuilt (columns));
}

/* Another writer rebuilds while we read: the first progress call runs a
 * whole rebuild through a connection of its own, inside our snapshot. */
static void
rebuild_meanwhile (double   fraction,
                   gpointer user_data)
{
  FidStore *store = user_data;
  g_autoptr(FidStore) other = NULL;
  g_autoptr(GError) error = NULL;

  if (fraction > 0 || g_object_get_data (G_OBJECT (store), "raced") != NULL)
    return;
  g_object_set_data (G_OBJECT (store), "raced", GINT_TO_POINTER (1));
  other = fid_store_open (fid_store_get_path (store), FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (fid_tx_columns_rebuild (other, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_object_set_data_full (G_OBJECT (store), "theirs", raw_token (store), g_free);
}

static void
test_lost_race (void)
{
  g_autoptr(FidStore) store = new_bank (300);
  g_autoptr(FidTxColumns) columns = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *name = NULL;

  /* A rebuild that loses: theirs stays, ours is dropped. */
  g_assert_true (fid_tx_columns_rebuild (store, rebuild_meanwhile, store, NULL, &error));
  g_assert_no_error (error);
  theirs = raw_token (store);
  g_assert_cmpstr (theirs, ==, g_object_get_data (G_OBJECT (store), "theirs"));
  g_assert_cmpuint (count_cache_files (), ==, 1);

  /* A load that loses: it maps theirs. */
  g_object_set_data (G_OBJECT (store), "raced", NULL);
  exec (store, "DELETE FROM fidelis_meta WHERE key = 'columns_token'");
  g_clear_pointer (&theirs, g_free);
  columns = fid_tx_columns_load (store, rebuild_meanwhile, store, NULL, &error);
  g_assert_no_error (error);
  assert_matches_sql (store, columns);
  theirs = raw_token (store);
  g_assert_cmpstr (theirs, ==, g_object_get_data (G_OBJECT (store), "theirs"));
  name = g_strconcat (theirs, ".fidcols", NULL);
  g_assert_true (fid_tx_columns_was_rebuilt (columns));
  g_assert_true (g_str_has_suffix (fid_tx_columns_get_path (columns), name));
  g_assert_cmpuint (fid_tx_columns_get_mapped_size (columns), >, 0);
  g_assert_cmpuint (count_cache_files (), ==, 2);   /* the old token's file is orphaned */
}

/* A demo bank (a fresh-file bulk load) comes with its cache built, and
 * its triggers back. */
static void
test_demo_bank (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("demo.db");
  g_autoptr(FidDemo) demo = fid_demo_new (200, 7);
  g_autoptr(FidStore) store = NULL;
  g_autoptr(FidTxColumns) columns = NULL;
  g_autofree char *token = NULL;

  g_assert_true (fid_demo_write (demo, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  token = raw_token (store);
  g_assert_nonnull (token);
  g_assert_cmpint (raw_int (store, "SELECT count (*) FROM analytics_dirty"), ==, 0);
  g_assert_cmpint (raw_int (store, "SELECT count (*) FROM sqlite_master"
                                   " WHERE type = 'trigger' AND name LIKE 'transactions_dirty_%'"), ==, 3);

  columns = load (store);
  g_assert_false (fid_tx_columns_was_rebuilt (columns));
  g_assert_cmpuint (fid_tx_columns_get_n_patched (columns), ==, 0);
  g_clear_object (&columns);

  fid_store_add_transaction (store, 1, "2026-06-01", 4200, 42, "card", NULL, &error);
  g_assert_no_error (error);
  columns = load (store);
  g_assert_cmpuint (fid_tx_columns_get_n_patched (columns), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tx-columns/families", test_families);
  g_test_add_func ("/tx-columns/days", test_days);
  g_test_add_func ("/tx-columns/build", test_build);
  g_test_add_func ("/tx-columns/patch", test_patch);
  g_test_add_func ("/tx-columns/customers-come-and-go", test_customers_come_and_go);
  g_test_add_func ("/tx-columns/fold", test_fold);
  g_test_add_func ("/tx-columns/damaged-file", test_damaged_file);
  g_test_add_func ("/tx-columns/token-mismatch", test_token_mismatch);
  g_test_add_func ("/tx-columns/read-only", test_read_only);
  g_test_add_func ("/tx-columns/read-only-file", test_read_only_file);
  g_test_add_func ("/tx-columns/cancel", test_cancel);
  g_test_add_func ("/tx-columns/rebuild-progress", test_rebuild_progress);
  g_test_add_func ("/tx-columns/lost-race", test_lost_race);
  g_test_add_func ("/tx-columns/demo-bank", test_demo_bank);

  return g_test_run ();
}
