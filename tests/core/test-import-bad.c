/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bad-input catalogue (issue 9): every file of tests/data/bad/ is
 * imported into a small demo bank and must be refused with the problem
 * tests/data/bad/EXPECTED names (its line and part of its reason), leaving
 * the bank exactly as it was: the same rows in every table (content
 * digest) and the same row counts, the audit log's included. A few cases
 * too large to keep in git are made here. */

#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "fid-demo.h"
#include "fid-import.h"
#include "fid-test-util.h"

static FidStore *store;

static char *
content (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = fid_store_content_digest (store, &error);
  g_autoptr(GArray) counts = NULL;
  const char * const *names = NULL;
  g_autoptr(GString) out = NULL;

  g_assert_no_error (error);
  counts = fid_store_count_rows (store, &names, &error);
  g_assert_no_error (error);
  out = g_string_new (digest);
  for (guint i = 0; i < counts->len; i++)
    g_string_append_printf (out, " %s=%" G_GINT64_FORMAT, names[i], g_array_index (counts, gint64, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Imports @bytes as @kind and checks it is refused with a problem on
 * @line (-1: any) whose text holds @reason, and that the bank did not
 * change. */
static void
assert_refused (const char    *name,
                FidImportKind  kind,
                GBytes        *bytes,
                int            line,
                const char    *reason)
{
  g_autoptr(FidImport) import = fid_import_new (kind);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = content ();
  g_autofree char *after = NULL;
  gboolean found = FALSE;

  if (fid_import_load_bytes (import, bytes, name, &error))
    g_assert_false (fid_import_run (import, store, FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, FID_IMPORT_ERROR, FID_IMPORT_ERROR_INVALID);
  g_assert_cmpuint (fid_import_get_n_imported (import), ==, 0);

  for (guint i = 0; i < fid_import_get_n_problems (import); i++)
    {
      const FidImportProblem *problem = fid_import_get_problem (import, i);
      g_autofree char *text = fid_import_problem_to_string (problem);

      g_test_message ("%s: %s", name, text);
      if ((line < 0 || problem->line == (guint) line) && strstr (text, reason) != NULL)
        found = TRUE;
    }
  if (!found)
    g_error ("%s: no problem on line %d saying “%s”", name, line, reason);

  after = content ();
  g_assert_cmpstr (before, ==, after);
}

static void
test_catalogue (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autofree char *expected_path = g_build_filename (dir, "EXPECTED", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) d = NULL;
  const char *entry;
  guint n_cases = 0;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, &error));
  lines = g_strsplit (expected, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *path = NULL;
      g_autofree char *data = NULL;
      g_autoptr(GBytes) bytes = NULL;
      FidImportKind kind;
      gsize length;

      if (lines[i][0] == '#' || *g_strstrip (lines[i]) == '\0')
        continue;
      parts = g_strsplit (lines[i], " | ", 4);
      g_assert_cmpuint (g_strv_length (parts), ==, 4);
      g_assert_true (fid_import_kind_from_key (parts[1], &kind));
      path = g_build_filename (dir, parts[0], NULL);
      g_assert_true (g_file_get_contents (path, &data, &length, &error));
      bytes = g_bytes_new_take (g_steal_pointer (&data), length);
      assert_refused (parts[0], kind, bytes, atoi (parts[2]), parts[3]);
      g_hash_table_add (listed, g_strdup (parts[0]));
      n_cases++;
    }

  /* At least forty files, and every file of the folder is listed. */
  g_assert_cmpuint (n_cases, >=, 40);
  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (!g_str_equal (entry, "EXPECTED") && !g_hash_table_contains (listed, entry))
      g_error ("%s is in tests/data/bad/ but not in EXPECTED", entry);
}

/* What is too large for git. */
static void
test_generated (void)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  char *junk;

  /* A 200 KB meeting report: a field longer than the reader takes. */
  text = g_string_new ("N° client;Canal;Date;Compte rendu\n1;téléphone;15/03/2024 10:00;\"");
  for (guint i = 0; i < 200 * 1024 / 16; i++)
    g_string_append (text, "bla bla; bla \"\" ");
  g_string_append (text, "\"\n");
  bytes = g_bytes_new (text->str, text->len);
  assert_refused ("huge-quoted-field.csv", FID_IMPORT_INTERACTIONS, bytes, 2, "too long");
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A 1 MB name without quotes. */
  g_string_assign (text, "Nom;Prénom\nDurand;Anne\n");
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (text, 'A' + i % 26);
  g_string_append (text, ";Paul\n");
  bytes = g_bytes_new (text->str, text->len);
  assert_refused ("huge-unquoted-field.csv", FID_IMPORT_CUSTOMERS, bytes, 3, "too long");
  g_clear_pointer (&bytes, g_bytes_unref);

  /* 600 columns. */
  g_string_assign (text, "Nom");
  for (guint i = 1; i < 600; i++)
    g_string_append_printf (text, ";c%u", i);
  g_string_append (text, "\nDurand\n");
  bytes = g_bytes_new (text->str, text->len);
  assert_refused ("too-many-columns.csv", FID_IMPORT_CUSTOMERS, bytes, 1, "more than 512 fields");
  g_clear_pointer (&bytes, g_bytes_unref);

  /* 5000 bad lines: the report stops at its limit. */
  g_string_assign (text, "N° client;Date;Montant\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "1;02/01/2024;-1\n");
  bytes = g_bytes_new (text->str, text->len);
  assert_refused ("many-bad-lines.csv", FID_IMPORT_TRANSACTIONS, bytes, 0, "too many problems");
  g_clear_pointer (&bytes, g_bytes_unref);

  /* 1 MB of random bytes. */
  junk = g_malloc (1024 * 1024);
  for (guint i = 0; i < 1024 * 1024; i++)
    junk[i] = (char) g_rand_int_range (rand, 0, 256);
  bytes = g_bytes_new_take (junk, 1024 * 1024);
  assert_refused ("random.csv", FID_IMPORT_CUSTOMERS, bytes, -1, "");
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A file truncated at every length: whatever the cut, never a partial
   * import (here the cuts that leave a bad file; the good ones import a
   * prefix of the rows, which is what the file then says). */
  {
    static const char full[] = "N° client;Date;Montant;Notes\n"
                               "1;02/01/2024;12,50;\"deux\nlignes\"\n"
                               "2;03/01/2024;1 000,00;x\n";

    for (gsize cut = 0; cut < sizeof full - 1; cut++)
      {
        g_autoptr(FidImport) import = fid_import_new (FID_IMPORT_TRANSACTIONS);
        g_autoptr(GBytes) part = g_bytes_new (full, cut);
        g_autoptr(GError) error = NULL;
        g_autofree char *before = content ();
        g_autofree char *after = NULL;

        if (fid_import_load_bytes (import, part, "cut.csv", &error))
          fid_import_run (import, store, TRUE, NULL, NULL, NULL, &error);  /* dry run */
        after = content ();
        g_assert_cmpstr (before, ==, after);
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("bad-bank.db");
  g_autoptr(FidDemo) demo = fid_demo_new (60, 9);
  int status;

  g_test_init (&argc, &argv, NULL);

  g_assert_true (fid_demo_write (demo, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_test_add_func ("/import/bad/catalogue", test_catalogue);
  g_test_add_func ("/import/bad/generated", test_generated);
  status = g_test_run ();

  g_clear_object (&store);
  return status;
}
