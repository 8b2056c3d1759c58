/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli import, driven as a user would (issue 9): the summary and
 * the report, the exit statuses, --dry-run, --map, and nothing written
 * when a file is refused. The first argument is the fidelis-cli program. */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "fid-test-util.h"

static const char *cli;
static char *dir;
static char *db;

static int
run (char      **out,
     char      **err,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  int status = -1;

  g_ptr_array_add (args, (char *) cli);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static char *
write_file (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  return path;
}

static gint64
count (const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_store_open (db, FID_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(GArray) counts = NULL;
  const char * const *names = NULL;

  g_assert_no_error (error);
  counts = fid_store_count_rows (store, &names, &error);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], table))
      return g_array_index (counts, gint64, i);
  return -1;
}

static void
test_import (void)
{
  g_autofree char *customers = write_file ("clients.csv",
                                           "Nom;Prénom;Date de naissance;Revenu annuel\r\n"
                                           "Château;Hélène;14/07/1985;\"42 500,00\"\r\n"
                                           "Lefèvre;François;03/02/1970;\r\n");
  g_autofree char *sales = write_file ("ventes.csv",
                                       "Client,Date,Montant,Remarque\n"
                                       "1,02/01/2024,\"1 234,56\",x\n"
                                       "2,31/02/2024,10,y\n"
                                       "3,03/01/2024,-4,z\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* A dry run checks and writes nothing. */
  g_assert_cmpint (run (&out, &err, "import", customers, db, "--kind", "customers", "--dry-run", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "clients.csv: CSV, UTF-8, semicolon separator, 2 rows"));
  g_assert_nonnull (strstr (out, "Date de naissance → birth_date"));
  g_assert_nonnull (strstr (out, "dry run"));
  g_assert_cmpint (count ("customers"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "import", customers, db, "--kind=customers", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Imported 2 customers."));
  g_assert_cmpint (count ("customers"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A bad file: every problem on standard error, status 1, nothing written. */
  g_assert_cmpint (run (&out, &err, "import", sales, db, "--kind", "transactions", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Remarque → (not imported)"));
  g_assert_nonnull (strstr (err, "line 3, column 2 (Date): “31/02/2024” is not a date: 02/2024 has 29 days\n"));
  g_assert_nonnull (strstr (err, "line 4, column 1 (Client): unknown customer: there is no customer number 3\n"));
  g_assert_nonnull (strstr (err, "line 4, column 3 (Montant): negative amount"));
  g_assert_nonnull (strstr (err, "fidelis-cli: 3 problems in the file: nothing was imported"));
  g_assert_cmpint (count ("transactions"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --map: the column "Date" not imported makes a required field missing. */
  g_assert_cmpint (run (&out, &err, "import", sales, db, "--kind", "transactions", "--map", "Date=-", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "line 1: no column is mapped to the required field “Date”"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A vCard file needs no --kind. */
  {
    g_autofree char *vcf = write_file ("contacts.vcf",
                                       "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Durand;Anne;;;\r\nEND:VCARD\r\n");

    g_assert_cmpint (run (&out, &err, "import", vcf, db, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "Imported 1 customer."));
    g_assert_cmpint (count ("customers"), ==, 3);
  }
}

static void
test_usage (void)
{
  g_autofree char *file = write_file ("u.csv", "Nom\nDurand\n");
  g_autofree char *missing = g_build_filename (dir, "absent.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (&out, &err, "import", file, db, NULL), ==, 2);  /* no --kind for a CSV file */
  g_assert_nonnull (strstr (err, "--kind"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "import", file, db, "--kind", "shoes", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "import", file, "--kind", "customers", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "import", file, db, "--kind", "customers", "--map", "Nom=shoe_size", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "last_name"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "import", missing, db, "--kind", "customers", NULL), ==, 1);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "fidelis-cli import FILE.csv|FILE.vcf DB --kind KIND"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  cli = argv[1];

  dir = g_dir_make_tmp ("fidelis-import-cli-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "bank.db", NULL);
  store = fid_store_open (db, FID_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_test_add_func ("/import-cli/import", test_import);
  g_test_add_func ("/import-cli/usage", test_usage);
  status = g_test_run ();
  g_free (db);
  g_free (dir);
  return status;
}
