/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Export the List as CSV…" (issue 9, item 2): the rows the list shows —
 * filtered, or the search's matches — with formula cells neutralised.
 * The writer needs no display. */

#include "config.h"

#include "fid-csv.h"
#include "fid-customers-export.h"
#include "../core/fid-test-util.h"

static GPtrArray *
export (FidStore                *store,
        const FidCustomerFilter *filter,
        const char              *search,
        guint64                 *n_rows)
{
  g_autoptr(FidCustomersExport) export = fid_customers_export_new (filter, search);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  g_assert_true (fid_customers_export_write (export, store, stream, n_rows, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  records = fid_csv_parse (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                           g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), &error);
  g_assert_no_error (error);
  return records;
}

static void
test_export_list (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) found = NULL;
  FidCustomerFilter filter = { 0 };
  guint64 n = 0;
  FidCsvRecord *record;

  for (guint i = 0; i < 2500; i++)
    {
      g_autofree char *last = g_strdup_printf ("Martin%04u", i);

      fid_test_insert (store, "Jean", last, i % 2 ? "Lyon" : "Paris");
    }
  fid_test_insert (store, "=HYPERLINK(\"http://evil.example\")", "Dupont", "Brest");

  /* Every customer, past one page of the store, with a header. */
  all = export (store, &filter, NULL, &n);
  g_assert_cmpuint (n, ==, 2501);
  g_assert_cmpuint (all->len, ==, 2502);
  record = all->pdata[0];
  g_assert_cmpstr (record->fields[0], ==, "id");
  g_assert_cmpstr (record->fields[1], ==, "last_name");

  /* The search's matches only; the formula arrives as text. */
  found = export (store, &filter, "dupont", &n);
  g_assert_cmpuint (n, ==, 1);
  record = found->pdata[1];
  g_assert_cmpstr (record->fields[1], ==, "Dupont");
  g_assert_cmpstr (record->fields[2], ==, "'=HYPERLINK(\"http://evil.example\")");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/customers-export/list", test_export_list);

  return g_test_run ();
}
