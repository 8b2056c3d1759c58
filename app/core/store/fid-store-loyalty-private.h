/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the fid-store-loyalty*.c files only. */

#include "fid-store-loyalty.h"
#include "fid-store-private.h"

G_BEGIN_DECLS

#define LEDGER_COLUMNS "id, customer_id, points, reason, source_kind, source_id, posted_on, expires_on"

/* FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER unless the customer exists. */
gboolean   fid_loyalty_check_customer (FidStore      *self,
                                       gint64         customer_id,
                                       GError       **error);
/* A copy of @date, or today when NULL; NULL with an error when @date is
 * not YYYY-MM-DD. */
char      *fid_loyalty_date_or_today  (const char    *date,
                                       GError       **error);
/* A one-row, one-integer query with ?1 = @id. */
gboolean   fid_loyalty_query_int64    (FidStore      *self,
                                       const char    *sql,
                                       gint64         id,
                                       gint64        *value,
                                       GError       **error);
/* Steps @stmt (LEDGER_COLUMNS) to the end: a GPtrArray of FidLedgerLine. */
GPtrArray *fid_loyalty_read_lines     (FidStore      *self,
                                       sqlite3_stmt  *stmt,
                                       GError       **error);

/* fid_store_engagement_refresh, with or without its audit row (the demo
 * bank starts with an empty audit trail). */
gboolean   fid_loyalty_engagement_refresh (FidStore      *self,
                                           const char    *as_of,
                                           GCancellable  *cancellable,
                                           gint64        *n_changed,
                                           gboolean       audit,
                                           GError       **error);

G_END_DECLS
