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

G_END_DECLS
