/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by fid-import.c (the object: loading, mapping, running),
 * fid-import-fields.c (the kinds' fields, guessing, values) and
 * fid-import-check.c (checking rows). */

#include "fid-import.h"

G_BEGIN_DECLS

struct _FidImport
{
  GObject          parent_instance;

  FidImportKind    kind;
  FidImportFormat  format;
  FidCsvEncoding   encoding;
  char             separator;
  char            *name;

  GPtrArray       *columns;   /* char *, the header's names */
  guint            header_line;
  GPtrArray       *rows;      /* FidCsvRecord, the data rows */
  GArray          *mapping;   /* int per column: field, or -1 */

  GPtrArray       *problems;  /* FidImportProblem */
  gboolean         too_many;  /* checking stopped at FID_IMPORT_MAX_PROBLEMS */
  GPtrArray       *records;   /* FidImportRecord, built by the check */
  guint            n_imported;
  int              fraction;  /* atomic, in 1/10000 */
};

/* Fields of each kind, in the order of fid_import_kind_get_n_fields. */
enum
{
  C_ID, C_KIND, C_TITLE, C_FIRST_NAME, C_LAST_NAME, C_BIRTH_DATE, C_EMAIL, C_PHONE,
  C_ADDRESS, C_POSTCODE, C_CITY, C_ADVISOR, C_BRANCH, C_LIFECYCLE, C_SEGMENT, C_INCOME,
  C_CHANNEL, C_N_FIELDS
};
enum
{
  T_ID, T_CUSTOMER, T_EMAIL, T_DATE, T_AMOUNT, T_MARGIN, T_FAMILY, T_CHANNEL, T_N_FIELDS
};
enum
{
  H_ID, H_CUSTOMER, H_EMAIL, H_PRODUCT, H_OPENED, H_CLOSED, H_BALANCE, H_N_FIELDS
};
enum
{
  I_ID, I_CUSTOMER, I_EMAIL, I_CHANNEL, I_DIRECTION, I_AT, I_ADVISOR, I_SUBJECT, I_NOTES,
  I_OUTCOME, I_NEXT_STEP, I_FOLLOW_UP, I_STATUS, I_N_FIELDS
};

/* A header or a value reduced for comparing: folded to lower-case ASCII,
 * only letters and digits kept ("Date de naissance" → "datedenaissance",
 * "N° client" → "nclient"). */
char      *fid_import_normalize          (const char     *text);

/* The key a normalised value stands for in @table ("key|name|name\n…"
 * lines), NULL when none. */
const char *fid_import_lookup_value      (const char * const *table,
                                          const char     *text);

extern const char * const fid_import_kinds_of_customer[];
extern const char * const fid_import_lifecycle_stages[];
extern const char * const fid_import_product_families[];
extern const char * const fid_import_channels[];
extern const char * const fid_import_directions[];
extern const char * const fid_import_statuses[];

/* Adds a problem on @line about @column (-1: the whole line). */
void       fid_import_add_problem        (FidImport      *self,
                                          guint           line,
                                          int             column,
                                          const char     *format,
                                          ...) G_GNUC_PRINTF (4, 5);
void       fid_import_clear_report       (FidImport      *self);

/* Progress of one phase: its share of the whole is [start, start + span]. */
typedef struct
{
  FidImportProgressFunc func;
  gpointer              data;
  double                start;
  double                span;
} FidImportProgress;

/* Sets the fraction (and calls the callback) at @done of the phase, 0..1. */
void       fid_import_progress           (FidImport               *self,
                                          const FidImportProgress *progress,
                                          double                   done);

/* fid-import-check.c: checks every row into self->records; FALSE only for
 * a store error or a cancel (problems go to the report). */
gboolean   fid_import_check_rows         (FidImport               *self,
                                          FidStore                *store,
                                          const FidImportProgress *progress,
                                          GCancellable            *cancellable,
                                          GError                 **error);

G_END_DECLS
