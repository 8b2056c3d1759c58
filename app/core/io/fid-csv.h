/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* RFC 4180 CSV, both ways: quoting for writers (exports, the SMS batch,
 * analysis results) and a reader that keeps each record's line number so
 * an import can say where a problem is. */

/* Appends @field to @out, quoted when it holds a comma, a quote, CR or LF. */
void       fid_csv_append_field (GString            *out,
                                 const char         *field);
/* Writes one record of @n_fields fields and a CRLF; a field a spreadsheet
 * would evaluate as a formula is neutralised (fid-csv-guard.h). */
gboolean   fid_csv_write_row    (GOutputStream      *stream,
                                 const char * const *fields,
                                 guint               n_fields,
                                 GCancellable       *cancellable,
                                 GError            **error);

typedef struct
{
  guint   line;     /* where the record starts, from 1 */
  char  **fields;
} FidCsvRecord;

void       fid_csv_record_free  (FidCsvRecord       *record);

/* Parses @text (UTF-8; a BOM is skipped) into a GPtrArray of FidCsvRecord.
 * Blank lines are skipped. The separator is ',' or, when the first line
 * has more ';' than ',', ';' (French spreadsheets). NULL with
 * G_IO_ERROR_INVALID_DATA on an unterminated quote or invalid UTF-8. */
GPtrArray *fid_csv_parse        (const char         *text,
                                 gsize               length,
                                 GError            **error);

/* Files as people really have them (issue 9) ----------------------------- */

typedef enum
{
  FID_CSV_ENCODING_UTF8,
  FID_CSV_ENCODING_UTF8_BOM,
  FID_CSV_ENCODING_UTF16,         /* with its BOM: Excel's "Unicode text" */
  FID_CSV_ENCODING_WINDOWS_1252,  /* French Excel's "CSV (separator: semicolon)" */
} FidCsvEncoding;

/* "UTF-8", "UTF-8 with BOM", "UTF-16", "Windows-1252" (translated). */
const char *fid_csv_encoding_get_name (FidCsvEncoding encoding);

/* The reader's limits: beyond them a file is refused, not truncated. */
#define FID_CSV_MAX_FIELD_BYTES  (64 * 1024)
#define FID_CSV_MAX_FIELDS       512

/* Where and why fid_csv_read refused a file. */
typedef struct
{
  FidCsvEncoding encoding;   /* detected */
  char           separator;  /* detected or given: ',', ';' or '\t' */
  guint          error_line;    /* from 1; 0 when not about a line */
  guint          error_column;  /* field number from 1; 0 when not about a field */
} FidCsvInfo;

/* Turns the raw bytes of a file into UTF-8 text without BOM: a UTF-8 or
 * UTF-16 BOM says the encoding; otherwise valid UTF-8 is UTF-8 and
 * anything else is read as Windows-1252. Refuses (G_IO_ERROR_INVALID_DATA,
 * @error_line set) NUL bytes and control characters other than tab, CR,
 * LF and form feed — a binary file — and bytes Windows-1252 leaves
 * undefined. @out_length may be NULL. */
char      *fid_csv_decode       (const char         *data,
                                 gsize               length,
                                 gsize              *out_length,
                                 FidCsvEncoding     *encoding,
                                 guint              *error_line,
                                 GError            **error);

/* The separator of @text among ',', ';' and tab: the one found the same
 * non-zero number of times, outside quotes, on most of the first lines
 * (records). ',' when there is none (a one-column file). */
char       fid_csv_detect_separator (const char     *text,
                                     gsize           length);

/* Strict RFC 4180 over UTF-8 @text: fields enclosed in quotes may hold
 * separators, doubled quotes and line breaks (CRLF inside a field becomes
 * LF); text after a closing quote, an unclosed quote, a field longer than
 * FID_CSV_MAX_FIELD_BYTES and a record of more than FID_CSV_MAX_FIELDS
 * fields are refused with @error_line / @error_column set (either may be
 * NULL). Empty lines are skipped. @separator 0: detected. */
GPtrArray *fid_csv_parse_strict (const char         *text,
                                 gsize               length,
                                 char                separator,
                                 guint              *error_line,
                                 guint              *error_column,
                                 GError            **error);

/* fid_csv_decode then fid_csv_parse_strict on raw file bytes; @info (may
 * be NULL) receives the encoding, separator and where an error is. */
GPtrArray *fid_csv_read         (const char         *data,
                                 gsize               length,
                                 char                separator,
                                 FidCsvInfo         *info,
                                 GError            **error);

G_END_DECLS
