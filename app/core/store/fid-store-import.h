/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The store's side of importing files (issue 9): the look-ups an importer
 * needs to check a file before it writes anything, and the write of a
 * whole checked file in one transaction. Reading and checking the files
 * is app/core/io/fid-import.c. */

#include <gio/gio.h>

#include "fid-customer.h"
#include "fid-store.h"

G_BEGIN_DECLS

/* What a file holds. */
typedef enum
{
  FID_IMPORT_CUSTOMERS,
  FID_IMPORT_TRANSACTIONS,
  FID_IMPORT_HOLDINGS,
  FID_IMPORT_INTERACTIONS,
  FID_IMPORT_N_KINDS,
} FidImportKind;

/* Tables an import refers to (ids that must exist, or must not yet). */
typedef enum
{
  FID_IMPORT_TABLE_CUSTOMERS,
  FID_IMPORT_TABLE_TRANSACTIONS,
  FID_IMPORT_TABLE_HOLDINGS,
  FID_IMPORT_TABLE_INTERACTIONS,
  FID_IMPORT_TABLE_ADVISORS,
  FID_IMPORT_TABLE_BRANCHES,
  FID_IMPORT_TABLE_HOUSEHOLDS,
} FidImportTable;

/* One checked row, ready to write. Which members count depends on the
 * kind; strings are already in the store's forms (dates YYYY-MM-DD,
 * moments YYYY-MM-DDTHH:MM:SS, money in cents). */
typedef struct
{
  guint        line;           /* in the file, for messages */
  gint64       id;             /* 0: numbered by the store */
  FidCustomer *customer;       /* customers */
  gint64       customer_id;    /* the others */
  char        *date;           /* transactions: date; holdings: opened on; interactions: at */
  char        *end_date;       /* holdings: closed on; interactions: follow-up on */
  gint64       amount_cents;   /* transactions: amount; holdings: balance */
  gint64       margin_cents;   /* transactions */
  gint64       product_id;     /* holdings */
  gint64       advisor_id;     /* interactions (0: none) */
  char        *family;         /* transactions: product family */
  char        *channel;        /* transactions (may be NULL), interactions */
  char        *direction;      /* interactions: inbound, outbound */
  char        *status;         /* interactions: done, failed, planned */
  char        *subject;
  char        *notes;
  char        *outcome;
  char        *next_step;
} FidImportRecord;

FidImportRecord *fid_import_record_new   (guint            line);
void             fid_import_record_free  (FidImportRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidImportRecord, fid_import_record_free)

/* Whether row @id of @table exists. */
gboolean  fid_store_import_lookup_id      (FidStore        *self,
                                           FidImportTable   table,
                                           gint64           id,
                                           gboolean        *exists,
                                           GError         **error);
/* The customers whose e-mail is @email (case ignored): *n_found of them,
 * *id the first (0 when none). */
gboolean  fid_store_import_lookup_email   (FidStore        *self,
                                           const char      *email,
                                           gint64          *id,
                                           guint           *n_found,
                                           GError         **error);
/* The product whose code or name is @text (case and accents ignored):
 * *id 0 when none; @family (may be NULL) its product family. */
gboolean  fid_store_import_lookup_product (FidStore        *self,
                                           const char      *text,
                                           gint64          *id,
                                           char           **family,
                                           GError         **error);

/* Called every few hundred rows while writing, from the writing thread. */
typedef void (*FidImportWriteFunc) (guint    n_written,
                                    guint    n_total,
                                    gpointer user_data);

/* Writes @records (FidImportRecord of @kind) in one transaction, with one
 * row in the audit log naming @source (the file's name). The customers'
 * aggregates, the search index and the dashboards' counts follow in the
 * same transaction (triggers). Stops at the first failure, or when
 * @cancellable is cancelled (G_IO_ERROR_CANCELLED), and then rolls back:
 * either every record is written, or none. */
gboolean  fid_store_import_write          (FidStore        *self,
                                           FidImportKind    kind,
                                           GPtrArray       *records,
                                           const char      *source,
                                           GCancellable    *cancellable,
                                           FidImportWriteFunc progress,
                                           gpointer         user_data,
                                           GError         **error);

G_END_DECLS
