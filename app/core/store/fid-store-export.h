/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fid-customer.h"
#include "fid-holding.h"
#include "fid-store.h"

G_BEGIN_DECLS

/* Tables that can be streamed out row by row (CSV export). */
typedef enum
{
  FID_EXPORT_TABLE_CUSTOMERS,
  FID_EXPORT_TABLE_TRANSACTIONS,
  FID_EXPORT_TABLE_INTERACTIONS,
} FidExportTable;

/* Receives one row: @n_columns names (the same array on every call) and
 * values, NULL for an SQL NULL. Values are ready to print: dates are
 * YYYY-MM-DD or ISO 8601 moments, money is euros with a dot ("-12.50").
 * They are valid only during the call. Return FALSE (with @error set) to
 * stop the export, e.g. when the output cannot be written. */
typedef gboolean (*FidExportRowFunc) (guint               n_columns,
                                      const char * const *names,
                                      const char * const *values,
                                      gpointer            user_data,
                                      GError            **error);

/* Table name ("customers") <-> enum; FALSE for an unknown name. */
gboolean            fid_export_table_from_name      (const char         *name,
                                                     FidExportTable     *table);
const char         *fid_export_table_to_name        (FidExportTable      table);

/* NULL-terminated column names of @table, in the order the rows give them:
 * lets a writer print a header even when the table is empty. */
const char * const *fid_export_table_get_columns    (FidExportTable      table,
                                                     guint              *n_columns);

/* Streams every row of @table in id order through @func. One statement is
 * iterated, so memory stays bounded whatever the table's size, and the rows
 * are one consistent snapshot. @func must not call back into @self. */
gboolean            fid_store_export_table          (FidStore           *self,
                                                     FidExportTable      table,
                                                     FidExportRowFunc    func,
                                                     gpointer            user_data,
                                                     GCancellable       *cancellable,
                                                     GError            **error);

/* The 360 view's pieces. */

/* A customer's marketing consent on one channel (GDPR). */
typedef struct
{
  char     *channel;
  gboolean  marketing;   /* TRUE: may be contacted for marketing */
  char     *given_at;    /* when it was given or withdrawn */
  char     *source;      /* where it was collected (form, branch, web…) */
} FidConsent;

void                fid_consent_free                (FidConsent         *consent);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidConsent, fid_consent_free)

/* The customer's contracts, oldest first, closed ones included: a
 * GPtrArray of FidHolding (empty when none). */
GPtrArray          *fid_store_get_holdings          (FidStore           *self,
                                                     gint64              customer_id,
                                                     GError            **error);

/* Everyone in the customer's household, the customer included, in id order:
 * a GPtrArray of FidCustomer with id, kind, title, names, household-id and
 * household-role filled. Empty when the customer has no household. */
GPtrArray          *fid_store_get_household_members (FidStore           *self,
                                                     gint64              customer_id,
                                                     GError            **error);

/* The household's name; NULL with FID_STORE_ERROR_NOT_FOUND when there is
 * no such household. */
char               *fid_store_dup_household_name    (FidStore           *self,
                                                     gint64              household_id,
                                                     GError            **error);

/* Consents per channel, by channel name: a GPtrArray of FidConsent. */
GPtrArray          *fid_store_get_consents          (FidStore           *self,
                                                     gint64              customer_id,
                                                     GError            **error);

G_END_DECLS
