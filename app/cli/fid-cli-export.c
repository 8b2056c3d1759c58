/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli export TABLE FILE: a table as CSV on standard output.
 *
 * Quoting follows RFC 4180: a field is quoted when it holds a comma, a
 * quote, CR or LF, and its quotes are doubled. A field a spreadsheet would
 * run as a formula ("=…", "@…", "+…" that is not a number) gets a leading
 * apostrophe (fid-csv-guard.h). Lines end with LF, as Unix
 * tools expect; CSV readers accept both. SQL NULL and the empty string are
 * both written as an empty field.
 *
 * Memory stays bounded for any table size: the store iterates one
 * statement, each row is assembled in one reused GString and handed to
 * stdio, whose buffer is enlarged so that the kernel sees few large writes. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "fid-cli-admin.h"
#include "fid-cli-private.h"
#include "fid-csv-guard.h"
#include "fid-store-export.h"

#define OUTPUT_BUFFER_SIZE (1 << 20)

typedef struct
{
  FILE    *stream;
  GString *line;
} CsvWriter;

static void
append_field (GString    *line,
              const char *value)
{
  if (value == NULL)
    return;

  /* The fast path: most fields need neither quotes nor a guard. */
  if (strpbrk (value, ",\"\r\n") == NULL && !fid_csv_cell_is_formula (value))
    {
      g_string_append (line, value);
      return;
    }

  fid_csv_append_guarded (line, value);
}

static gboolean
write_line (CsvWriter           *writer,
            guint                n_columns,
            const char * const  *values,
            GError             **error)
{
  g_string_truncate (writer->line, 0);
  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (writer->line, ',');
      append_field (writer->line, values[i]);
    }
  g_string_append_c (writer->line, '\n');

  if (fwrite (writer->line->str, 1, writer->line->len, writer->stream) != writer->line->len)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the CSV output: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
on_export_row_cb (guint                n_columns,
                  const char * const  *names,
                  const char * const  *values,
                  gpointer             user_data,
                  GError             **error)
{
  return write_line (user_data, n_columns, values, error);
}

/* fidelis-cli export customers|transactions|interactions FILE */
int
fid_cli_export (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GString) line = NULL;
  const char * const *columns;
  FidExportTable table;
  CsvWriter writer;
  guint n_columns;

  if (argc != 2)
    return fid_cli_usage_error (_("export takes two arguments, the table and the database file"));
  if (!fid_export_table_from_name (argv[0], &table))
    return fid_cli_usage_error (_("cannot export “%s”: choose customers, transactions or interactions"),
                                argv[0]);

  store = fid_cli_open_audited_store (argv[1]);
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;

  /* Before the first write, as setvbuf requires. */
  setvbuf (stdout, NULL, _IOFBF, OUTPUT_BUFFER_SIZE);

  line = g_string_sized_new (512);
  writer.stream = stdout;
  writer.line = line;

  /* The header comes from the column list, so an empty table still has one. */
  columns = fid_export_table_get_columns (table, &n_columns);
  if (!write_line (&writer, n_columns, columns, &error) ||
      !fid_store_export_table (store, table, on_export_row_cb, &writer, NULL, &error))
    return fid_cli_runtime_error (error);

  if (fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the CSV output: %s"), g_strerror (saved_errno));
      return fid_cli_runtime_error (error);
    }

  return FID_CLI_EXIT_OK;
}
