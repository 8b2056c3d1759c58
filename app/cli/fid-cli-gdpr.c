/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli gdpr export ID DB [--json FILE] [--pdf FILE]: a customer's
 * personal data (right of access); "-" writes the JSON on standard output.
 * fidelis-cli gdpr erase ID DB [--anonymise]: right to erasure; refused
 * with the reason while anti-money-laundering rules keep the records. */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>

#include "fid-cli-admin.h"
#include "fid-gdpr-report.h"
#include "fid-store-gdpr.h"

static GOutputStream *
open_output (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = NULL;

  /* Standard output: written from memory once complete (see write_stdout). */
  if (g_str_equal (path, "-"))
    return g_memory_output_stream_new_resizable ();
  file = g_file_new_for_commandline_arg (path);
  /* Replaced whole or not at all. */
  return G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                          NULL, error));
}

static int
gdpr_export (gint64       id,
             const char  *db,
             const char  *json_path,
             const char  *pdf_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;

  store = fid_cli_open_audited_store (db);
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;

  if (json_path != NULL)
    {
      g_autoptr(GOutputStream) stream = open_output (json_path, &error);

      if (stream == NULL ||
          !fid_store_export_customer_json (store, id, stream, NULL, &error) ||
          !g_output_stream_close (stream, NULL, &error))
        return fid_cli_runtime_error (error);
      if (G_IS_MEMORY_OUTPUT_STREAM (stream))
        fwrite (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), 1,
                g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), stdout);
    }
  if (pdf_path != NULL)
    {
      g_autoptr(GOutputStream) stream = open_output (pdf_path, &error);

      if (stream == NULL ||
          !fid_gdpr_report_write (store, id, stream, NULL, &error) ||
          !g_output_stream_close (stream, NULL, &error))
        return fid_cli_runtime_error (error);
      if (G_IS_MEMORY_OUTPUT_STREAM (stream))
        fwrite (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), 1,
                g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), stdout);
    }
  return FID_CLI_EXIT_OK;
}

static int
gdpr_erase (gint64      id,
            const char *db,
            gboolean    anonymise)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;

  store = fid_cli_open_writable_store (db);
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;
  if (!fid_store_erase_customer (store, id, anonymise ? FID_ERASURE_ANONYMISE : FID_ERASURE_DELETE, &error))
    {
      if (g_error_matches (error, FID_STORE_ERROR, FID_STORE_ERROR_RETENTION))
        {
          fprintf (stderr, "fidelis-cli: %s\n", error->message);
          fprintf (stderr, "%s\n", _("Run again with --anonymise to anonymise the customer."));
          return FID_CLI_EXIT_FAILURE;
        }
      return fid_cli_runtime_error (error);
    }
  if (anonymise)
    printf (_("Customer %" PRId64 " anonymised.\n"), id);
  else
    printf (_("Customer %" PRId64 " erased.\n"), id);
  return FID_CLI_EXIT_OK;
}

/* fidelis-cli gdpr export|erase … */
int
fid_cli_gdpr (int    argc,
              char **argv)
{
  const char *positional[2] = { NULL, NULL };
  const char *json_path = NULL;
  const char *pdf_path = NULL;
  gboolean anonymise = FALSE;
  guint n_positional = 0;
  gboolean export;
  gint64 id;

  if (argc < 1)
    return fid_cli_usage_error (_("gdpr needs a subcommand: export or erase"));
  if (!g_str_equal (argv[0], "export") && !g_str_equal (argv[0], "erase"))
    return fid_cli_usage_error (_("unknown gdpr subcommand “%s”"), argv[0]);
  export = g_str_equal (argv[0], "export");

  for (int i = 1; i < argc; i++)
    {
      gboolean matched;
      const char *value;

      if (export)
        {
          value = fid_cli_take_option_value (argc, argv, &i, "--json", &matched);
          if (matched)
            {
              if (value == NULL)
                return fid_cli_usage_error (_("--json takes a file name (or - for standard output)"));
              json_path = value;
              continue;
            }
          value = fid_cli_take_option_value (argc, argv, &i, "--pdf", &matched);
          if (matched)
            {
              if (value == NULL)
                return fid_cli_usage_error (_("--pdf takes a file name (or - for standard output)"));
              pdf_path = value;
              continue;
            }
        }
      else if (g_str_equal (argv[i], "--anonymise") || g_str_equal (argv[i], "--anonymize"))
        {
          anonymise = TRUE;
          continue;
        }
      if ((argv[i][0] == '-' && argv[i][1] != '\0') || n_positional == 2)
        return fid_cli_usage_error (_("unexpected argument “%s”"), argv[i]);
      positional[n_positional++] = argv[i];
    }
  if (n_positional != 2)
    return fid_cli_usage_error (_("gdpr %s takes the customer id and the database file"), argv[0]);
  if (!fid_cli_parse_id (positional[0], &id))
    return fid_cli_usage_error (_("“%s” is not a customer id (a positive whole number)"), positional[0]);
  if (export && json_path == NULL && pdf_path == NULL)
    return fid_cli_usage_error (_("gdpr export needs --json FILE, --pdf FILE or both"));

  if (export)
    return gdpr_export (id, positional[1], json_path, pdf_path);
  return gdpr_erase (id, positional[1], anonymise);
}
