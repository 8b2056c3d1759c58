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


/* Reading ------------------------------------------------------------------ */

static guint
line_at (const char *text,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    line += text[i] == '\n';
  return line;
}

const char *
fid_csv_encoding_get_name (FidCsvEncoding encoding)
{
  switch (encoding)
    {
    case FID_CSV_ENCODING_UTF8:
      return _("UTF-8");
    case FID_CSV_ENCODING_UTF8_BOM:
      return _("UTF-8 with BOM");
    case FID_CSV_ENCODING_UTF16:
      return _("UTF-16");
    case FID_CSV_ENCODING_WINDOWS_1252:
      return _("Windows-1252");
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
is_forbidden_control (guchar c)
{
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
}

/* A binary file, or text with a NUL in it, is not a CSV file. */
static gboolean
check_controls (const char  *text,
                gsize        length,
                guint       *error_line,
                GError     **error)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if (!is_forbidden_control (c))
        continue;
      *error_line = line_at (text, i);
      if (c == 0)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("the file contains a NUL byte: it is not a text file (or it is UTF-16 without its byte order mark)"));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("the file contains the control character 0x%02X: it is not a text file"), c);
      return FALSE;
    }
  return TRUE;
}

char *
fid_csv_decode (const char      *data,
                gsize            length,
                gsize           *out_length,
                FidCsvEncoding  *encoding,
                guint           *error_line,
                GError         **error)
{
  FidCsvEncoding found;
  guint line_dummy = 0;
  const char *end_valid;
  char *text;
  gsize n = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (error_line == NULL)
    error_line = &line_dummy;
  *error_line = 0;
  if (data == NULL)
    data = "";

  /* UTF-16 with a byte order mark (Excel's "Unicode text"). */
  if (length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe) ||
                      ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)))
    {
      g_autoptr(GError) local_error = NULL;
      const char *from = (guchar) data[0] == 0xff ? "UTF-16LE" : "UTF-16BE";

      text = g_convert (data + 2, length - 2, "UTF-8", from, NULL, &n, &local_error);
      if (text == NULL)
        {
          *error_line = 1;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("the file starts like UTF-16 text but is not: %s"), local_error->message);
          return NULL;
        }
      if (!check_controls (text, n, error_line, error))
        {
          g_free (text);
          return NULL;
        }
      found = FID_CSV_ENCODING_UTF16;
      goto done;
    }

  if (!check_controls (data, length, error_line, error))
    return NULL;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      if (!g_utf8_validate_len (data + 3, length - 3, &end_valid))
        {
          *error_line = line_at (data, end_valid - data);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("the file says it is UTF-8 but holds bytes that are not: save it again as “CSV UTF-8”"));
          return NULL;
        }
      found = FID_CSV_ENCODING_UTF8_BOM;
      n = length - 3;
      text = g_strndup (data + 3, n);
      goto done;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      found = FID_CSV_ENCODING_UTF8;
      n = length;
      text = g_strndup (data, n);
      goto done;
    }

  /* Not UTF-8: Windows-1252, what French Excel writes. Five bytes have no
   * character there; a file holding one is neither. */
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) data[i];

      if (c == 0x81 || c == 0x8d || c == 0x8f || c == 0x90 || c == 0x9d)
        {
          *error_line = line_at (data, i);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("the file is neither UTF-8 nor Windows-1252 text (byte 0x%02X): save it as “CSV UTF-8”"), c);
          return NULL;
        }
    }
  {
    g_autoptr(GError) local_error = NULL;

    text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &n, &local_error);
    if (text == NULL)
      {
        *error_line = 1;
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("the file is neither UTF-8 nor Windows-1252 text: %s"), local_error->message);
        return NULL;
      }
  }
  found = FID_CSV_ENCODING_WINDOWS_1252;

done:
  if (encoding != NULL)
    *encoding = found;
  if (out_length != NULL)
    *out_length = n;
  return text;
}

/* Counts of the candidate separators outside quotes, record by record. */
char
fid_csv_detect_separator (const char *text,
                          gsize       length)
{
  static const char candidates[] = { ';', '\t', ',' };
  enum { N_CANDIDATES = G_N_ELEMENTS (candidates), MAX_RECORDS = 20 };
  guint counts[MAX_RECORDS][N_CANDIDATES] = { { 0 } };
  guint n_records = 0;
  gboolean quoted = FALSE;
  gboolean any = FALSE;
  char best = ',';
  guint best_agree = 0, best_count = 0;

  for (gsize i = 0; i < length && n_records < MAX_RECORDS; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n')
        {
          if (any)
            n_records++;
          any = FALSE;
        }
      else
        {
          if (c != '\r')
            any = TRUE;
          for (guint k = 0; k < N_CANDIDATES; k++)
            if (c == candidates[k])
              counts[n_records][k]++;
        }
    }
  if (any && n_records < MAX_RECORDS)
    n_records++;

  /* The separator is on every line the same number of times (the header
   * names every column); a comma in a French amount or a semicolon in a
   * note is not. Ties: the first line's count, then ; tab , in that order. */
  for (guint k = 0; k < N_CANDIDATES; k++)
    {
      guint first = counts[0][k];
      guint agree = 0;

      if (first == 0)
        continue;
      for (guint r = 0; r < n_records; r++)
        agree += counts[r][k] == first;
      if (agree > best_agree || (agree == best_agree && first > best_count))
        {
          best = candidates[k];
          best_agree = agree;
          best_count = first;
        }
    }
  return best;
}

/* The parser ---------------------------------------------------------------- */

typedef enum
{
  FIELD_START,
  UNQUOTED,
  QUOTED,
  QUOTE_IN_QUOTED,   /* a quote inside a quoted field: the end, or "" */
  AFTER_QUOTE,       /* lenient only: text after the closing quote */
} ParseState;

typedef struct
{
  GPtrArray *records;
  GPtrArray *fields;
  GString   *field;
} Parser;

static void
parser_end_field (Parser *parser)
{
  /* An exact copy, and the buffer kept for the next field: a file of a
   * million short fields costs a million small strings, not a million
   * GString buffers. */
  g_ptr_array_add (parser->fields, g_strndup (parser->field->str, parser->field->len));
  g_string_truncate (parser->field, 0);
}

static void
parser_end_record (Parser *parser,
                   guint   line)
{
  GPtrArray *fields = parser->fields;

  parser_end_field (parser);
  if (fields->len == 1 && ((const char *) g_ptr_array_index (fields, 0))[0] == '\0')
    {
      g_ptr_array_set_size (fields, 0);
      return;
    }

  {
    FidCsvRecord *record = g_new0 (FidCsvRecord, 1);

    record->line = line;
    g_ptr_array_add (fields, NULL);
    record->fields = (char **) g_ptr_array_steal (fields, NULL);
    g_ptr_array_add (parser->records, record);
  }
}

/* @strict: the rules of fid_csv_parse_strict; otherwise fid_csv_parse's
 * historical leniency (text after a closing quote kept, CRLF inside quotes
 * kept, no limits) and its message. */
static GPtrArray *
parse (const char  *text,
       gsize        length,
       char         separator,
       gboolean     strict,
       guint       *error_line,
       guint       *error_column,
       GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_csv_record_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  Parser parser = { records, fields, g_string_new (NULL) };
  ParseState state = FIELD_START;
  const char *p = text;
  const char *end = text + length;
  guint line = 1;
  guint record_line = 1;
  guint quote_line = 1;

  *error_line = *error_column = 0;

  for (; p < end; p++)
    {
      char c = *p;
      /* LF, CRLF, or a CR that ends the text. */
      gboolean newline = c == '\n' || (c == '\r' && (p + 1 == end || p[1] == '\n'));

      if (strict && parser.field->len > FID_CSV_MAX_FIELD_BYTES)
        {
          *error_line = record_line;
          *error_column = fields->len + 1;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("the field is too long (more than %u KB): is a quote missing?"),
                       FID_CSV_MAX_FIELD_BYTES / 1024);
          goto failed;
        }

      switch (state)
        {
        case FIELD_START:
        case UNQUOTED:
        case AFTER_QUOTE:
          if (c == '"' && state == FIELD_START)
            {
              state = QUOTED;
              quote_line = line;
            }
          else if (c == separator)
            {
              parser_end_field (&parser);
              state = FIELD_START;
              if (strict && fields->len >= FID_CSV_MAX_FIELDS)
                {
                  *error_line = record_line;
                  *error_column = fields->len + 1;
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("the line has more than %u fields"), FID_CSV_MAX_FIELDS);
                  goto failed;
                }
            }
          else if (newline)
            {
              if (c == '\r' && p + 1 < end)
                p++;
              parser_end_record (&parser, record_line);
              state = FIELD_START;
              record_line = ++line;
            }
          else
            {
              g_string_append_c (parser.field, c);
              if (state == FIELD_START)
                state = UNQUOTED;
            }
          break;

        case QUOTED:
          if (c == '"')
            state = QUOTE_IN_QUOTED;
          else
            {
              if (c == '\n')
                line++;
              else if (strict && newline && p + 1 < end)
                {
                  /* CRLF inside a field: the line break is LF. */
                  p++;
                  line++;
                  c = '\n';
                }
              g_string_append_c (parser.field, c);
            }
          break;

        case QUOTE_IN_QUOTED:
          if (c == '"')
            {
              g_string_append_c (parser.field, '"');
              state = QUOTED;
            }
          else if (c == separator || newline)
            {
              state = FIELD_START;
              p--;  /* handled as after any field */
            }
          else if (strict && (c == ' ' || c == '\t'))
            ;  /* "text"   ; spaces after the closing quote */
          else if (strict)
            {
              *error_line = line;
              *error_column = fields->len + 1;
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   _("text after the closing quote of a field: a quote inside a quoted field must be doubled (\"\")"));
              goto failed;
            }
          else
            {
              if (c != '\r')
                g_string_append_c (parser.field, c);
              state = AFTER_QUOTE;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (state == QUOTED)
    {
      *error_line = strict ? quote_line : record_line;
      *error_column = fields->len + 1;
      if (strict)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("a quoted field is never closed: a quote is missing"));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("Line %u: a quoted field is never closed."), record_line);
      goto failed;
    }
  if (strict && parser.field->len > FID_CSV_MAX_FIELD_BYTES)
    {
      *error_line = record_line;
      *error_column = fields->len + 1;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the field is too long (more than %u KB): is a quote missing?"),
                   FID_CSV_MAX_FIELD_BYTES / 1024);
      goto failed;
    }
  /* The last record, when the file does not end with a line break. */
  if (state != FIELD_START || fields->len > 0)
    parser_end_record (&parser, record_line);

  g_string_free (parser.field, TRUE);
  return g_steal_pointer (&records);

failed:
  g_string_free (parser.field, TRUE);
  return NULL;
}

static char
guess_legacy_separator (const char *text,
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

GPtrArray *
fid_csv_parse (const char  *text,
               gsize        length,
               GError     **error)
{
  const char *p = text;
  guint line, column;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The file is not valid UTF-8 text."));
      return NULL;
    }
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3, length -= 3;

  return parse (p, length, guess_legacy_separator (p, p + length), FALSE, &line, &column, error);
}

GPtrArray *
fid_csv_parse_strict (const char  *text,
                      gsize        length,
                      char         separator,
                      guint       *error_line,
                      guint       *error_column,
                      GError     **error)
{
  guint line, column;
  GPtrArray *records;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (separator == 0 || separator == ',' || separator == ';' || separator == '\t', NULL);

  if (text == NULL)
    text = "";
  if (separator == 0)
    separator = fid_csv_detect_separator (text, length);
  records = parse (text, length, separator, TRUE, &line, &column, error);
  if (error_line != NULL)
    *error_line = line;
  if (error_column != NULL)
    *error_column = column;
  return records;
}

GPtrArray *
fid_csv_read (const char  *data,
              gsize        length,
              char         separator,
              FidCsvInfo  *info,
              GError     **error)
{
  FidCsvInfo dummy;
  g_autofree char *text = NULL;
  gsize n = 0;

  if (info == NULL)
    info = &dummy;
  memset (info, 0, sizeof *info);

  text = fid_csv_decode (data, length, &n, &info->encoding, &info->error_line, error);
  if (text == NULL)
    return NULL;
  info->separator = separator != 0 ? separator : fid_csv_detect_separator (text, n);
  return fid_csv_parse_strict (text, n, info->separator, &info->error_line, &info->error_column, error);
}
