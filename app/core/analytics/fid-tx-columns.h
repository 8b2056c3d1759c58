/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fid-analytics.h"
#include "fid-store.h"

G_BEGIN_DECLS

/* FidTxColumns: every transaction of the store as compact arrays, in
 * customer then date order, for the analyses (issue 5).
 *
 * Reading 20,000,000 rows out of SQLite takes seconds; scoring them from
 * memory takes a fraction of one. So the arrays are kept in a file of the
 * user's cache directory, named by a random token that the database holds
 * (fidelis_meta 'columns_token'), and kept current on every write: triggers
 * (schema version 3) list in analytics_dirty each customer whose
 * transactions changed since the file was written, and loading re-reads
 * only those customers from SQLite. A missing, foreign or damaged file, or
 * a database whose token is not the file's (restored from a backup, written
 * by a crash between file and token), is rebuilt, never trusted. */

#define FID_TYPE_TX_COLUMNS (fid_tx_columns_get_type ())

G_DECLARE_FINAL_TYPE (FidTxColumns, fid_tx_columns, FID, TX_COLUMNS, GObject)

/* A read-only view of the arrays; valid while the FidTxColumns lives. */
typedef struct
{
  gsize          n_customers;     /* customers with at least one transaction */
  const gint64  *customer_id;     /* ascending */
  const guint32 *start;           /* n_customers + 1 entries: customer i's
                                   * transactions are [start[i], start[i + 1]) */
  gsize          n_transactions;
  const gint32  *day;             /* days since 1970-01-01 (fid_day_from_iso);
                                   * ascending within a customer */
  const gint64  *amount_cents;
  const gint64  *margin_cents;
  const guint8  *family;          /* index into fid_product_families () */
} FidTxColumnsView;

/* The product families of the schema, NULL-terminated, in a fixed order. */
const char * const *fid_product_families      (void);
/* -1 when @family is not one of them. */
int                 fid_product_family_index  (const char *family);

/* Day numbers: days since 1970-01-01 of a YYYY-MM-DD date (G_MININT32
 * when @iso is not a valid date), and back (newly allocated). */
gint32              fid_day_from_iso          (const char *iso);
char               *fid_day_to_iso            (gint32      day);

/* The arrays for @store's file, as of now: maps the cache file, building
 * it first when it is missing or stale, and patches in the customers listed
 * in analytics_dirty. When the dirty list has grown large (more than 1 %
 * of the customers) and the file can be written, it is folded into a new
 * cache file. @store may be read-only: writes then go through a connection
 * of their own, or, when the file itself cannot be written, the arrays are
 * built in memory for this load only. @progress (may be NULL) is called in
 * the caller's thread. */
FidTxColumns       *fid_tx_columns_load       (FidStore         *store,
                                               FidProgressFunc   progress,
                                               gpointer          progress_data,
                                               GCancellable     *cancellable,
                                               GError          **error);
/* Rebuilds the cache file from the store, whatever its state (used at the
 * end of demo generation and by `bench/`). @store must be writable. */
gboolean            fid_tx_columns_rebuild    (FidStore         *store,
                                               FidProgressFunc   progress,
                                               gpointer          progress_data,
                                               GCancellable     *cancellable,
                                               GError          **error);

const FidTxColumnsView *fid_tx_columns_get_view (FidTxColumns   *self);
/* How this load went, for the benchmark and the tests. */
gboolean            fid_tx_columns_was_rebuilt  (FidTxColumns   *self);
guint               fid_tx_columns_get_n_patched (FidTxColumns  *self);
/* Bytes of the mapped file (0 when built in memory). */
gsize               fid_tx_columns_get_mapped_size (FidTxColumns *self);
/* The cache file's path (NULL when built in memory). */
const char         *fid_tx_columns_get_path     (FidTxColumns   *self);

G_END_DECLS
