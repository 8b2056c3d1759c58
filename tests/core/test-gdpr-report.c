/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The right-of-access PDF (issue 9): a PDF of several pages for a customer
 * with a long history, its text extractable, and the export audited. */

#include "config.h"

#include "fid-gdpr-report.h"
#include "fid-store-audit.h"
#include "fid-test-util.h"

static guint
count_occurrences (const char *haystack,
                   gsize       length,
                   const char *needle)
{
  gsize needle_len = strlen (needle);
  guint n = 0;

  for (gsize i = 0; i + needle_len <= length; i++)
    if (memcmp (haystack + i, needle, needle_len) == 0)
      n++;
  return n;
}

static void
test_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path = NULL;
  gint64 id = fid_test_insert (store, "Hélène", "Dupont", "Lyon");
  const char *data;
  gsize length;

  /* Three hundred transactions: several pages of tables. */
  path = g_strdup_printf ("WITH RECURSIVE n (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300)"
                          " INSERT INTO transactions (customer_id, date, amount_cents, margin_cents, product_family,"
                          " channel) SELECT %" G_GINT64_FORMAT ", date ('2020-01-01', '+' || x || ' days'),"
                          " x * 137, x, 'card', 'web' FROM n;"
                          "INSERT INTO consents VALUES (%" G_GINT64_FORMAT ", 'email', 1, '2021-01-01T10:00:00', 'branch');",
                          id, id);
  fid_test_exec_raw (fid_store_get_path (store), path);

  g_assert_true (fid_gdpr_report_write (store, id, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  data = g_bytes_get_data (bytes, &length);

  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
  g_test_message ("%" G_GSIZE_FORMAT " bytes, %u pages", length, count_occurrences (data, length, "/Type /Page\n"));
  g_assert_cmpuint (count_occurrences (data, length, "/Type /Page\n") + count_occurrences (data, length, "/Type /Page "),
                    >=, 4);

  rows = fid_store_audit_list (store, id, 0, 1, &error);
  g_assert_cmpstr (((FidAuditEntry *) rows->pdata[0])->action, ==, "export");
  g_assert_cmpstr (((FidAuditEntry *) rows->pdata[0])->details, ==, "{\"format\": \"pdf\"}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gdpr-report/pdf", test_pdf);

  return g_test_run ();
}
