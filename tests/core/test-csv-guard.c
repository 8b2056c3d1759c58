/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Exports never hand a spreadsheet a formula (issue 9, item 2). */

#include "config.h"

#include "fid-csv.h"
#include "fid-csv-guard.h"

static void
test_what_is_a_formula (void)
{
  static const char * const formulas[] = {
    "=1+1", "=HYPERLINK(\"http://evil.example\",\"Click\")", "@SUM(A1:A2)", "+33 6 12 34 56 78",
    "-2+3+cmd|' /C calc'!A0", "+", "-", "\tleading tab", "\rcarriage return", "=", "-1-1", "+A1",
    "-- comment", "-e",
  };
  static const char * const plain[] = {
    "Martin", "", "12.50", "-12.50", "+3", "-1,5", "1e-3", "-2E+4", "0", "a=b", "x@y.fr",
    "Dupont-Durand", " =padded", "'=already quoted",
  };

  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    g_assert_true (fid_csv_cell_is_formula (formulas[i]));
  /* Not a number, but not a formula either: it starts with a digit. */
  g_assert_false (fid_csv_cell_is_formula ("1e5x"));
  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    {
      g_test_message ("%s", plain[i]);
      g_assert_false (fid_csv_cell_is_formula (plain[i]));
    }
  g_assert_false (fid_csv_cell_is_formula (NULL));
}

static void
test_rows_are_guarded (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  const char *row[] = { "=HYPERLINK(\"http://x\",\"y\")", "-12.50", "+33 1 23 45 67 89", "Martin, Jean", "@cmd" };
  FidCsvRecord *record;
  const char *text;
  g_autofree char *written = NULL;

  g_assert_true (fid_csv_write_row (stream, row, G_N_ELEMENTS (row), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  text = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream));
  written = g_strndup (text, g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  g_assert_cmpstr (written, ==,
                   "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-12.50,'+33 1 23 45 67 89,\"Martin, Jean\",'@cmd\r\n");

  /* Read back: the text is all there, behind the apostrophe. */
  records = fid_csv_parse (text, g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), &error);
  g_assert_no_error (error);
  record = records->pdata[0];
  g_assert_cmpstr (record->fields[0], ==, "'=HYPERLINK(\"http://x\",\"y\")");
  g_assert_cmpstr (record->fields[1], ==, "-12.50");
  g_assert_cmpstr (record->fields[3], ==, "Martin, Jean");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-guard/what-is-a-formula", test_what_is_a_formula);
  g_test_add_func ("/csv-guard/rows-are-guarded", test_rows_are_guarded);

  return g_test_run ();
}
