/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli import FILE.csv|FILE.vcf DB --kind KIND [--map COLUMN=FIELD]…
 *                    [--dry-run]
 *
 * Imports customers, transactions, holdings or interactions from a CSV
 * file, or contacts from a vCard file, all or nothing (issue 9). The
 * detected format and mapping go to standard output; every problem of the
 * validation report goes to standard error as "line N, column C (Name):
 * reason", and then nothing is written and the exit status is 1. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fid-cli-private.h"
#include "fid-import.h"

static const char *
separator_name (char separator)
{
  switch (separator)
    {
    case ';':
      return _("semicolon");
    case '\t':
      return _("tab");
    default:
      return _("comma");
    }
}

static void
print_summary (FidImport *self)
{
  FidImportKind kind = fid_import_get_kind (self);
  guint n_rows = fid_import_get_n_rows (self);

  if (fid_import_get_format (self) == FID_IMPORT_FORMAT_VCARD)
    printf (g_dngettext (GETTEXT_PACKAGE, "%s: vCard, %s, %u contact\n", "%s: vCard, %s, %u contacts\n", n_rows),
            fid_import_get_name (self), fid_csv_encoding_get_name (fid_import_get_encoding (self)), n_rows);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "%s: CSV, %s, %s separator, %u row\n",
                         "%s: CSV, %s, %s separator, %u rows\n", n_rows),
            fid_import_get_name (self), fid_csv_encoding_get_name (fid_import_get_encoding (self)),
            separator_name (fid_import_get_separator (self)), n_rows);

  for (guint i = 0; i < fid_import_get_n_columns (self); i++)
    {
      int field = fid_import_get_mapping (self, i);

      printf ("  %s → %s\n", fid_import_get_column_name (self, i),
              field >= 0 ? fid_import_field_get_key (kind, field) : _("(not imported)"));
    }
}

static int
report (FidImport    *self,
        const GError *error)
{
  for (guint i = 0; i < fid_import_get_n_problems (self); i++)
    {
      g_autofree char *text = fid_import_problem_to_string (fid_import_get_problem (self, i));

      g_strdelimit (text, "\r\n", ' ');
      fprintf (stderr, "%s\n", text);
    }
  return fid_cli_runtime_error (error);
}

int
fid_cli_import (int    argc,
                char **argv)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(GPtrArray) maps = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidImport) import = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  const char *kind_key = NULL;
  FidImportKind kind = FID_IMPORT_CUSTOMERS;
  gboolean dry_run = FALSE;
  guint n;

  for (int i = 0; i < argc; i++)
    {
      gboolean matched;
      const char *value;

      if ((value = fid_cli_take_option_value (argc, argv, &i, "--kind", &matched)) || matched)
        {
          if (value == NULL || !fid_import_kind_from_key (value, &kind))
            return fid_cli_usage_error (_("--kind expects customers, transactions, holdings or interactions, not “%s”"),
                                        value ? value : "");
          kind_key = value;
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--map", &matched)) || matched)
        {
          if (value == NULL || *value == '\0')
            return fid_cli_usage_error (_("--map needs COLUMN=FIELD"));
          g_ptr_array_add (maps, (gpointer) value);
        }
      else if (g_str_equal (argv[i], "--dry-run"))
        dry_run = TRUE;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return fid_cli_usage_error (_("unknown option “%s”"), argv[i]);
      else
        g_ptr_array_add (positional, argv[i]);
    }
  if (positional->len != 2)
    return fid_cli_usage_error (_("import takes a file to import and a database file"));

  import = fid_import_new (kind);
  file = g_file_new_for_commandline_arg (g_ptr_array_index (positional, 0));
  if (!fid_import_load_file (import, file, NULL, &error))
    return report (import, error);
  if (kind_key == NULL && fid_import_get_format (import) != FID_IMPORT_FORMAT_VCARD)
    return fid_cli_usage_error (_("import needs --kind customers, transactions, holdings or interactions"));
  for (guint i = 0; i < maps->len; i++)
    if (!fid_import_map (import, g_ptr_array_index (maps, i), &error))
      return fid_cli_usage_error ("%s", error->message);
  print_summary (import);

  store = fid_store_open (g_ptr_array_index (positional, 1), FID_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fid_cli_runtime_error (error);
  if (!fid_import_run (import, store, dry_run, NULL, NULL, NULL, &error))
    {
      if (g_error_matches (error, FID_IMPORT_ERROR, FID_IMPORT_ERROR_INVALID))
        return report (import, error);
      return fid_cli_runtime_error (error);
    }

  n = fid_import_get_n_imported (import);
  if (dry_run)
    printf (g_dngettext (GETTEXT_PACKAGE, "The file is good: %u row would be imported (dry run: nothing written).\n",
                         "The file is good: %u rows would be imported (dry run: nothing written).\n", n), n);
  else
    switch (fid_import_get_kind (import))
      {
      case FID_IMPORT_CUSTOMERS:
        printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u customer.\n", "Imported %u customers.\n", n), n);
        break;
      case FID_IMPORT_TRANSACTIONS:
        printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u transaction.\n", "Imported %u transactions.\n", n), n);
        break;
      case FID_IMPORT_HOLDINGS:
        printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u holding.\n", "Imported %u holdings.\n", n), n);
        break;
      case FID_IMPORT_INTERACTIONS:
        printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u interaction.\n", "Imported %u interactions.\n", n), n);
        break;
      case FID_IMPORT_N_KINDS:
      default:
        g_assert_not_reached ();
      }
  return FID_CLI_EXIT_OK;
}
