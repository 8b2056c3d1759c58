/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Opening files: migrations from empty, and every kind of bad file refused
 * with a message that names it, leaving its bytes untouched. */

#include "config.h"

#include <unistd.h>

#include "fid-test-util.h"

static void
test_store_create_migrates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("new.db");
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GArray) counts = NULL;
  const char * const *names = NULL;

  store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fid_store_get_schema_version (store), ==, fid_store_get_latest_schema_version ());
  g_assert_cmpint (fid_store_get_schema_version (store), >=, 1);

  counts = fid_store_count_rows (store, &names, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains (names, "customers"));
  g_assert_true (g_strv_contains (names, "transactions"));
  g_assert_true (g_strv_contains (names, "survey_answers"));
  g_assert_true (g_strv_contains (names, "audit_log"));
  g_assert_cmpuint (counts->len, ==, g_strv_length ((char **) names));
  for (guint i = 0; i < counts->len; i++)
    g_assert_cmpint (g_array_index (counts, gint64, i), ==, 0);
  g_clear_object (&store);

  /* Reopening an up-to-date file applies nothing and keeps the version. */
  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fid_store_get_schema_version (store), ==, fid_store_get_latest_schema_version ());
}

static void
test_store_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("absent.db");
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_store_missing_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("no/such/dir/bank.db");
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);

  g_assert_null (store);
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NO_DIRECTORY);
  g_assert_nonnull (strstr (error->message, path));
}

/* Opens @path expecting @code and checks the file did not change. */
static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fid_test_file_digest (path);
  g_autofree char *after = NULL;
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);

  g_assert_null (store);
  g_assert_error (error, FID_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = fid_test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (g_strconcat (path, "-wal", NULL), G_FILE_TEST_EXISTS));
}

static void
test_store_not_sqlite (void)
{
  g_autofree char *path = fid_test_tmp_path ("notes.db");
  g_autofree char *empty = fid_test_tmp_path ("empty.db");

  g_assert_true (g_file_set_contents (path, "name;city\nMartin;Lyon\n", -1, NULL));
  assert_refused_untouched (path, FID_STORE_ERROR_NOT_A_DATABASE);

  /* An empty file is not a Fidelis database either: never write into it. */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused_untouched (empty, FID_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_store_foreign_sqlite (void)
{
  g_autofree char *path = fid_test_tmp_path ("other.db");

  fid_test_exec_raw (path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('crêpes');");
  assert_refused_untouched (path, FID_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_store_newer_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("future.db");
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  fid_test_exec_raw (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999;");
  assert_refused_untouched (path, FID_STORE_ERROR_NEWER_SCHEMA);
}

static void
test_store_truncated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("cut.db");
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    fid_test_insert (store, "Zoé", "Lefèvre", "Nantes");
  g_clear_object (&store);
  fid_test_exec_raw (path, "PRAGMA journal_mode = DELETE;");

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
  assert_refused_untouched (path, FID_STORE_ERROR_CORRUPT);
}

static void
test_store_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("locked.db");
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_clear_object (&store);

  /* Opening read-only works on any file and writes nothing. */
  store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (fid_store_is_read_only (store));
  g_clear_object (&store);

  if (geteuid () == 0)
    {
      g_test_skip ("root can write to read-only files; the permission check is untestable as root");
      return;
    }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  assert_refused_untouched (path, FID_STORE_ERROR_READ_ONLY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create-migrates", test_store_create_migrates);
  g_test_add_func ("/store/missing-file", test_store_missing_file);
  g_test_add_func ("/store/missing-directory", test_store_missing_directory);
  g_test_add_func ("/store/not-sqlite", test_store_not_sqlite);
  g_test_add_func ("/store/foreign-sqlite", test_store_foreign_sqlite);
  g_test_add_func ("/store/newer-schema", test_store_newer_schema);
  g_test_add_func ("/store/truncated", test_store_truncated);
  g_test_add_func ("/store/read-only", test_store_read_only);

  return g_test_run ();
}
