/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli backup, restore, audit and gdpr (issue 9), driven as a user
 * would: exit statuses, what is printed, what the files hold afterwards.
 * The path of the tool is argv[1] (tests/core/meson.build passes it). */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "fid-store.h"
#include "fid-cli-test-util.h"

static char *work_dir;



static char *
new_bank (const char *name)
{
  g_autofree char *err = NULL;
  char *path = g_build_filename (work_dir, name, NULL);

  if (RUN (NULL, &err, "demo", "--customers", "150", "--seed", "3", "--output", path) != 0)
    g_error ("fidelis-cli demo failed: %s", err);
  return path;
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_audit (void)
{
  g_autofree char *bank = new_bank ("audit.db");
  g_autofree char *out = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *user = g_strdup_printf ("cli:%s", g_get_user_name ());

  g_assert_cmpint (RUN (&out, NULL, "audit", "verify", bank), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Audit trail intact: 0 rows"));
  g_clear_pointer (&out, g_free);

  /* Reading a customer's 360 view and exporting a table are recorded. */
  g_assert_cmpint (RUN (&out, NULL, "customer", "show", "12", bank), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (RUN (&csv, NULL, "export", "customers", bank), ==, 0);
  g_assert_cmpint (RUN (&out, NULL, "audit", "list", bank), ==, 0);
  g_assert_true (g_str_has_prefix (out, "id\tat\tactor\taction\tentity\tentity_id\tcustomer_id\tdetails\n2\t"));
  g_assert_nonnull (strstr (out, "\texport\tcustomers\t\t\t{\"table\": \"customers\", \"rows\": 150"));
  g_assert_nonnull (strstr (out, "\tview\tcustomer\t12\t12\t"));
  g_assert_nonnull (strstr (out, user));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (RUN (&out, NULL, "audit", "list", bank, "--customer", "12"), ==, 0);
  g_assert_null (strstr (out, "export"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (RUN (&out, NULL, "audit", "list", bank, "--limit", "1"), ==, 0);
  g_assert_cmpuint (g_strv_length (g_strsplit (out, "\n", -1)), ==, 3);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (RUN (&out, NULL, "audit", "verify", bank), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Audit trail intact: 2 rows, last hash "));
  g_clear_pointer (&out, g_free);

  /* Edited behind Fidelis's back: the row is named, exit status 1. */
  exec_raw (bank, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'nobody' WHERE id = 1");
  g_assert_cmpint (RUN (&out, NULL, "audit", "verify", bank), ==, 1);
  g_assert_true (g_str_has_prefix (out, "Audit trail broken at row 1: Row 1 was changed"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (RUN (NULL, NULL, "audit", "frobnicate", bank), ==, 2);
  g_assert_cmpint (RUN (NULL, NULL, "audit", "list", bank, "--customer", "x"), ==, 2);
}

static void
test_backup_restore (void)
{
  g_autofree char *bank = new_bank ("live.db");
  g_autofree char *backup = g_build_filename (work_dir, "live-copy.db", NULL);
  g_autofree char *auto_dir = g_build_filename (work_dir, "auto", NULL);
  g_autofree char *text = g_build_filename (work_dir, "notes.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *safety_dir = g_build_filename (work_dir, "xdg", "fidelis", "backups", NULL);
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_safety = 0;

  g_assert_cmpint (RUN (&out, NULL, "backup", bank, backup), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Backed up to "));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (query_int (backup, "SELECT count(*) FROM customers"), ==, 150);

  /* Changes after the backup are undone by the restore. */
  exec_raw (bank, "DELETE FROM customers WHERE id <= 10");
  g_assert_cmpint (query_int (bank, "SELECT count(*) FROM customers"), ==, 140);
  g_assert_cmpint (RUN (&out, NULL, "restore", backup, bank), ==, 0);
  {
    /* The backup's schema is today's, whatever its number. */
    g_autofree char *expected = g_strdup_printf ("schema %d, 150 customers", fid_store_get_latest_schema_version ());

    g_assert_nonnull (strstr (out, expected));
  }
  g_assert_nonnull (strstr (out, "The current database was saved to "));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (query_int (bank, "SELECT count(*) FROM customers"), ==, 150);
  g_assert_cmpint (query_int (bank, "SELECT count(*) FROM audit_log WHERE action = 'restore'"), ==, 1);

  /* The data before the restore was saved first. */
  listing = g_dir_open (safety_dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "live-before-restore-"))
      {
        g_autofree char *path = g_build_filename (safety_dir, name, NULL);

        g_assert_cmpint (query_int (path, "SELECT count(*) FROM customers"), ==, 140);
        n_safety++;
      }
  g_assert_cmpuint (n_safety, ==, 1);

  /* Not a database: refused, nothing replaced. */
  g_assert_true (g_file_set_contents (text, "hello", -1, NULL));
  g_assert_cmpint (RUN (NULL, &err, "restore", text, bank, "--no-safety-copy"), ==, 1);
  g_assert_nonnull (strstr (err, "not an SQLite file"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (query_int (bank, "SELECT count(*) FROM customers"), ==, 150);

  /* The daily backup, once a day. */
  g_assert_cmpint (RUN (&out, NULL, "backup", bank, "--auto", "--dir", auto_dir, "--keep", "2"), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Backed up to "));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (RUN (&out, NULL, "backup", bank, "--auto", "--dir", auto_dir), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Today’s backup is already in "));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (RUN (NULL, NULL, "backup", bank), ==, 2);
  g_assert_cmpint (RUN (NULL, NULL, "backup", bank, "--auto", "--keep", "-1"), ==, 2);
  g_assert_cmpint (RUN (NULL, NULL, "restore", backup), ==, 2);
}

static void
test_gdpr (void)
{
  g_autofree char *bank = new_bank ("gdpr.db");
  g_autofree char *pdf = g_build_filename (work_dir, "access.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  gint64 active, prospect;
  JsonObject *root;

  active = query_int (bank, "SELECT min (customer_id) FROM holdings WHERE closed_on IS NULL");
  prospect = query_int (bank, "SELECT min (id) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM transactions"
                              " WHERE customer_id = c.id) AND NOT EXISTS (SELECT 1 FROM holdings WHERE customer_id = c.id)");

  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, active);

    /* JSON on standard output, PDF in a file. */
    g_assert_cmpint (RUN (&out, NULL, "gdpr", "export", id, bank, "--json", "-", "--pdf", pdf), ==, 0);
    g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "customer"), "id"), ==, active);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "holdings")), >, 0);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (length > 1000 && memcmp (contents, "%PDF-", 5) == 0);
    g_clear_pointer (&out, g_free);

    /* Active: erasure refused with the reason and the way out. */
    g_assert_cmpint (RUN (NULL, &err, "gdpr", "erase", id, bank), ==, 1);
    g_assert_nonnull (strstr (err, "still active"));
    g_assert_nonnull (strstr (err, "--anonymise"));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (query_int (bank, "SELECT count(*) FROM customers WHERE id = (SELECT min (customer_id)"
                                      " FROM holdings WHERE closed_on IS NULL)"), ==, 1);

    g_assert_cmpint (RUN (&out, NULL, "gdpr", "erase", id, bank, "--anonymise"), ==, 0);
    g_clear_pointer (&out, g_free);
  }
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, prospect);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM customers WHERE id = %" G_GINT64_FORMAT, prospect);

    g_assert_cmpint (RUN (&out, NULL, "gdpr", "erase", id, bank), ==, 0);
    g_assert_cmpint (query_int (bank, sql), ==, 0);
  }
  g_assert_cmpint (query_int (bank, "SELECT count(*) FROM audit_log WHERE action IN ('erase', 'anonymise', 'export')"),
                   ==, 4);

  g_assert_cmpint (RUN (NULL, NULL, "gdpr", "export", "1", bank), ==, 2);
  g_assert_cmpint (RUN (NULL, NULL, "gdpr", "erase", "x", bank), ==, 2);
  g_assert_cmpint (RUN (NULL, NULL, "gdpr", "forget", "1", bank), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-cli-admin PATH-OF-FIDELIS-CLI");
  cli_path = argv[1];
  work_dir = g_dir_make_tmp ("fidelis-cli-admin-XXXXXX", &error);
  g_assert_no_error (error);
  /* The safety copies of a restore go here, not to the user's folder. */
  xdg = g_build_filename (work_dir, "xdg", NULL);
  g_setenv ("XDG_DATA_HOME", xdg, TRUE);

  g_test_add_func ("/cli-admin/audit", test_audit);
  g_test_add_func ("/cli-admin/backup-restore", test_backup_restore);
  g_test_add_func ("/cli-admin/gdpr", test_gdpr);

  status = g_test_run ();
  g_free (work_dir);
  return status;
}
