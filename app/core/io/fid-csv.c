/* SPDX-License-Identifier: GPL-3.0-or-later */

/* CSV quoting and parsing (RFC 4180). */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fid-csv.h"
#include "fid-csv-guard.h"

void
fid_csv_append_field (GString    *out,
                      const char *field)
{
  if (field == NULL)
    return;

  if (strpbrk (field, ",;\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
fid_csv_write_row (GOutputStream       *stream,
                   const char * const  *fields,
                   guint                n_fields,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (line, ',');
      fid_csv_append_guarded (line, fields[i]);
    }
  g_string_append (line, "\r\n");

  return g_output_stream_write_all (stream, line->str, line->len, NULL, cancellable, error);
}

void
fid_csv_record_free (FidCsvRecord *record)
{
  if (record == NULL)
    return;

  g_strfreev (record->fields);
  g_free (record);
}

static char
guess_separator (const char *text,
                 const char *end)
{
  guint commas = 0, semicolons = 0;

  for (const char *p = text; p < end && *p != '\n'; p++)
    {
      if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
    }

  return semicolons > commas ? ';' : ',';
}

static gboolean
record_is_blank (GPtrArray *fields)
{
  return fields->len == 1 && ((const char *) g_ptr_array_index (fields, 0))[0] == '\0';
}

GPtrArray *
fid_csv_parse (const char  *text,
               gsize        length,
               GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_csv_record_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;
  const char *end = text + length;
  guint line = 1;
  guint record_line = 1;
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;
  char separator;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The file is not valid UTF-8 text."));
      return NULL;
    }

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  separator = guess_separator (p, end);

  while (p <= end)
    {
      char c = p < end ? *p : '\n';
      gboolean at_end = p == end;

      if (quoted)
        {
          if (at_end)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Line %u: a quoted field is never closed."), record_line);
              return NULL;
            }
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
              continue;
            }
          if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          p++;
          continue;
        }

      if (c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = TRUE;
          was_quoted = TRUE;
        }
      else if (c == separator)
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          was_quoted = FALSE;
        }
      else if (c == '\n')
        {
          FidCsvRecord *record;

          if (field->len > 0 && field->str[field->len - 1] == '\r' && !was_quoted)
            g_string_truncate (field, field->len - 1);
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          was_quoted = FALSE;

          if (!record_is_blank (fields))
            {
              record = g_new0 (FidCsvRecord, 1);
              record->line = record_line;
              g_ptr_array_add (fields, NULL);
              record->fields = (char **) g_ptr_array_steal (fields, NULL);
              g_ptr_array_add (records, record);
              g_ptr_array_unref (fields);
              fields = g_ptr_array_new_with_free_func (g_free);
            }
          else
            g_ptr_array_set_size (fields, 0);

          line++;
          record_line = line;
          if (at_end)
            break;
        }
      else if (c != '\r' || was_quoted == FALSE)
        {
          if (!(c == '\r' && was_quoted))
            g_string_append_c (field, c);
        }
      p++;
    }

  return g_steal_pointer (&records);
}
