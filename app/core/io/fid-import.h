/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* FidImport: customers, transactions, holdings and interactions from the
 * files people really have (issue 9).
 *
 *   1. load    a CSV file (UTF-8 with or without BOM, UTF-16, Windows-1252;
 *              ',' ';' or tab detected; quoted fields with separators and
 *              line breaks) or a vCard file (contacts, as customers);
 *   2. map     each column of the file to a field of the kind, or to none:
 *              guessed from the header line, in French or English, and
 *              changed by the user;
 *   3. check   every row: values (French amounts "1 234,56", DD/MM/YYYY
 *              dates…), references (the customer, the advisor, the product
 *              exist), duplicates (in the file and against the database).
 *              Every problem is reported with its line, column and reason;
 *   4. write   a file without problems in one transaction, with progress,
 *              and cancellable: a cancel, an error or a killed process
 *              leaves the database as it was.
 *
 * The object is not thread-safe: while fid_import_run_async runs, only
 * fid_import_get_fraction may be called. */

#include <gio/gio.h>

#include "fid-csv.h"
#include "fid-store.h"
#include "fid-store-import.h"

G_BEGIN_DECLS

#define FID_IMPORT_ERROR (fid_import_error_quark ())

typedef enum
{
  FID_IMPORT_ERROR_INVALID,   /* the file has problems: see the report */
} FidImportError;

GQuark fid_import_error_quark (void);

typedef enum
{
  FID_IMPORT_FORMAT_CSV,
  FID_IMPORT_FORMAT_VCARD,
} FidImportFormat;

/* Files larger than this are refused before they are read. */
#define FID_IMPORT_MAX_FILE_BYTES (256 * 1024 * 1024)
/* Checking stops after this many problems. */
#define FID_IMPORT_MAX_PROBLEMS   1000

/* One line of the validation report. */
typedef struct
{
  guint  line;          /* from 1 (the header is line 1); 0: the whole file */
  guint  column;        /* from 1; 0: the whole line, or a vCard */
  char  *column_name;   /* the column's header (a vCard: the field), NULL when none */
  char  *reason;        /* translated, no final period */
} FidImportProblem;

/* "line 4, column 3 (Montant): reason", "line 12 (Birth date): reason"
 * for a vCard (translated). */
char         *fid_import_problem_to_string  (const FidImportProblem *problem);

/* Kinds and their fields ----------------------------------------------------- */

/* "customers", "transactions", "holdings", "interactions". */
const char   *fid_import_kind_to_key        (FidImportKind   kind);
gboolean      fid_import_kind_from_key      (const char     *key,
                                             FidImportKind  *kind);
/* Translated: "Customers"… */
const char   *fid_import_kind_get_label     (FidImportKind   kind);

guint         fid_import_kind_get_n_fields  (FidImportKind   kind);
/* The field's key ("last_name", "amount"): what --map and exports use. */
const char   *fid_import_field_get_key      (FidImportKind   kind,
                                             guint           field);
/* Translated label ("Last name"). */
const char   *fid_import_field_get_label    (FidImportKind   kind,
                                             guint           field);
gboolean      fid_import_field_is_required  (FidImportKind   kind,
                                             guint           field);
/* The field named @name (its key, its label, or one of the header names
 * it is guessed from); -1 when none. */
int           fid_import_field_find         (FidImportKind   kind,
                                             const char     *name);

/* Values as people type them ----------------------------------------------- */

/* "1 234,56", "1234.56", "-12,5 €", "1.234,56", "(12,50)": cents. At most
 * two decimals. FALSE with a translated reason in @error. */
gboolean      fid_import_parse_amount       (const char     *text,
                                             gint64         *cents,
                                             GError        **error);
/* DD/MM/YYYY (also with '-' or '.') or YYYY-MM-DD, an optional time
 * ignored: YYYY-MM-DD in @iso. 31/02/2024 is refused. */
gboolean      fid_import_parse_date         (const char     *text,
                                             char          **iso,
                                             GError        **error);
/* A date as above with an optional time (HH:MM[:SS], or 14h30):
 * YYYY-MM-DDTHH:MM:SS in @iso (00:00:00 without time). */
gboolean      fid_import_parse_date_time    (const char     *text,
                                             char          **iso,
                                             GError        **error);

/* The importer ------------------------------------------------------------- */

#define FID_TYPE_IMPORT (fid_import_get_type ())

G_DECLARE_FINAL_TYPE (FidImport, fid_import, FID, IMPORT, GObject)

/* Called during fid_import_run with the fraction done, 0..1. */
typedef void (*FidImportProgressFunc) (double   fraction,
                                       gpointer user_data);

FidImport       *fid_import_new               (FidImportKind   kind);

FidImportKind    fid_import_get_kind          (FidImport      *self);
/* Changes the kind and guesses the mapping again. */
void             fid_import_set_kind          (FidImport      *self,
                                               FidImportKind   kind);

/* Reads a file: CSV, or vCard when its name ends in .vcf or .vcard or it
 * starts with BEGIN:VCARD (contacts: only the customers kind takes them).
 * The mapping is guessed. FALSE with @error when the file cannot be read, or
 * with FID_IMPORT_ERROR_INVALID and the reason in the report when it is
 * not a file of that format (broken encoding, NUL bytes, an unclosed
 * quote…). */
gboolean         fid_import_load_file         (FidImport      *self,
                                               GFile          *file,
                                               GCancellable   *cancellable,
                                               GError        **error);
/* The same from bytes; @name is the file's name (for the format and the
 * audit log). */
gboolean         fid_import_load_bytes        (FidImport      *self,
                                               GBytes         *bytes,
                                               const char     *name,
                                               GError        **error);

const char      *fid_import_get_name          (FidImport      *self);
FidImportFormat  fid_import_get_format        (FidImport      *self);
FidCsvEncoding   fid_import_get_encoding      (FidImport      *self);
/* ',', ';' or '\t' (CSV only). */
char             fid_import_get_separator     (FidImport      *self);

/* The table read: its columns (from the header line) and data rows. */
guint            fid_import_get_n_columns     (FidImport      *self);
const char      *fid_import_get_column_name   (FidImport      *self,
                                               guint           column);
guint            fid_import_get_n_rows        (FidImport      *self);
/* NULL when the row has no such column. */
const char      *fid_import_get_cell          (FidImport      *self,
                                               guint           row,
                                               guint           column);
guint            fid_import_get_row_line      (FidImport      *self,
                                               guint           row);

/* The mapping: the field (index of the kind's fields) of each column, -1
 * when the column is not imported. A field has at most one column:
 * mapping it elsewhere unmaps it here. */
int              fid_import_get_mapping       (FidImport      *self,
                                               guint           column);
void             fid_import_set_mapping       (FidImport      *self,
                                               guint           column,
                                               int             field);
void             fid_import_guess_mapping     (FidImport      *self);
/* Labels of the required fields no column is mapped to (for
 * transactions, holdings and interactions the customer counts as one
 * field: their number or their e-mail); empty when nothing is missing. */
char           **fid_import_dup_missing_fields (FidImport     *self);
/* The kind whose fields the header names best: the one whose required
 * fields are all found, with the most columns mapped. The kind and the
 * mapping are left as they were. */
FidImportKind    fid_import_guess_kind        (FidImport      *self);
/* "COLUMN=FIELD" (the command line's --map): COLUMN is a header name or a
 * number from 1, FIELD a field key or label, or "-" for none. */
gboolean         fid_import_map               (FidImport      *self,
                                               const char     *spec,
                                               GError        **error);

/* Checks every row against @store and builds what would be written. FALSE
 * with FID_IMPORT_ERROR_INVALID when the report has problems, with
 * G_IO_ERROR_CANCELLED when cancelled, or with the store's error. */
gboolean         fid_import_check             (FidImport      *self,
                                               FidStore       *store,
                                               GCancellable   *cancellable,
                                               GError        **error);
/* Checks, then (unless @dry_run) writes every row in one transaction.
 * Nothing is written when it returns FALSE. */
gboolean         fid_import_run               (FidImport      *self,
                                               FidStore       *store,
                                               gboolean        dry_run,
                                               GCancellable   *cancellable,
                                               FidImportProgressFunc progress,
                                               gpointer        user_data,
                                               GError        **error);
/* fid_import_run in a worker thread, on a connection of its own to the
 * database at @path. Poll fid_import_get_fraction for the progress. */
void             fid_import_run_async         (FidImport      *self,
                                               const char     *path,
                                               gboolean        dry_run,
                                               GCancellable   *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer        user_data);
gboolean         fid_import_run_finish        (FidImport      *self,
                                               GAsyncResult   *result,
                                               GError        **error);
/* The running import's progress, 0..1; safe from any thread. */
double           fid_import_get_fraction      (FidImport      *self);

/* The report of the last load, check or run. */
guint            fid_import_get_n_problems    (FidImport      *self);
const FidImportProblem *fid_import_get_problem (FidImport     *self,
                                               guint           index);
/* Rows written by the last run (or that would be, for a dry run). */
guint            fid_import_get_n_imported    (FidImport      *self);

G_END_DECLS
