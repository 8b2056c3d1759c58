/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* FidTxColumns' insides, shared by fid-tx-columns.c (the object, the SQL
 * side and the token protocol), fid-tx-columns-arrays.c (the arrays in
 * memory, patching them, families and days) and fid-tx-columns-file.c
 * (the cache file's format). */

#include "fid-tx-columns.h"

G_BEGIN_DECLS

/* The eight families of products.family, then "other" for any other text
 * in transactions.product_family (a free TEXT column). */
#define FID_N_PRODUCT_FAMILIES 9
#define FID_PRODUCT_FAMILY_OTHER 8

/* A token is 32 lowercase hexadecimal digits (a UUID without its dashes).
 * It names a file, so anything else read from the database is refused
 * before it can reach a path. */
#define FID_TX_COLUMNS_TOKEN_LEN 32

/* fid_product_family_index and fid_day_from_iso for text of a known
 * length (as SQLite hands it out), for the rows' loop. */
int           fid_tx_columns_family_index_n   (const char              *family,
                                               gsize                    length);
gint32        fid_tx_columns_day_from_text    (const char              *text,
                                               gsize                    length);

/* Growable arrays, in the view's layout: what a rebuild reads from SQLite
 * and what a patch produces. start has room for one more entry than
 * customer_id; start[n_customers] is set by fid_columns_finish(). */
typedef struct
{
  gsize    n_customers;
  gsize    customers_allocated;
  gsize    n_transactions;
  gsize    transactions_allocated;
  gint64  *customer_id;
  guint32 *start;
  gint32  *day;
  gint64  *amount_cents;
  gint64  *margin_cents;
  guint8  *family;
} FidColumns;

/* The hints only size the first allocation; the arrays grow past them. */
FidColumns   *fid_columns_new                 (gsize                    customers_hint,
                                               gsize                    transactions_hint);
void          fid_columns_free                (FidColumns              *columns);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidColumns, fid_columns_free)

void          fid_columns_grow_customers      (FidColumns              *columns);
void          fid_columns_grow_transactions   (FidColumns              *columns);

/* Appends one transaction; rows must come in customer, then date order.
 * The caller keeps n_transactions below G_MAXUINT32 (start[] is 32-bit). */
static inline void
fid_columns_append (FidColumns *columns,
                    gint64      customer_id,
                    gint32      day,
                    gint64      amount_cents,
                    gint64      margin_cents,
                    guint8      family)
{
  gsize t = columns->n_transactions;

  if (columns->n_customers == 0 || columns->customer_id[columns->n_customers - 1] != customer_id)
    {
      if (G_UNLIKELY (columns->n_customers == columns->customers_allocated))
        fid_columns_grow_customers (columns);
      columns->customer_id[columns->n_customers] = customer_id;
      columns->start[columns->n_customers] = (guint32) t;
      columns->n_customers++;
    }
  if (G_UNLIKELY (t == columns->transactions_allocated))
    fid_columns_grow_transactions (columns);
  columns->day[t] = day;
  columns->amount_cents[t] = amount_cents;
  columns->margin_cents[t] = margin_cents;
  columns->family[t] = family;
  columns->n_transactions = t + 1;
}

/* Closes start[] and fills @view with pointers into @columns. */
void          fid_columns_finish              (FidColumns              *columns,
                                               FidTxColumnsView        *view);

/* @base with the customers in @dirty_ids (ascending) replaced by their
 * rows in @fresh (finished; customers of @dirty_ids absent from it have no
 * transaction left and disappear). */
FidColumns   *fid_columns_merge               (const FidTxColumnsView  *base,
                                               const gint64            *dirty_ids,
                                               gsize                    n_dirty,
                                               const FidTxColumnsView  *fresh);

/* The cache file. */
gboolean      fid_tx_columns_token_is_valid   (const char              *token);
char         *fid_tx_columns_new_token        (void);
char         *fid_tx_columns_file_path        (const char              *token);
/* Writes @view as @token's file: to a temporary name, fsync'd, renamed.
 * @progress gets fractions from @progress_from to 1. */
gboolean      fid_tx_columns_file_write       (const char              *token,
                                               const FidTxColumnsView  *view,
                                               FidProgressFunc          progress,
                                               gpointer                 progress_data,
                                               double                   progress_from,
                                               GCancellable            *cancellable,
                                               GError                 **error);
/* Maps @token's file and checks it from end to end; fills @view with
 * pointers into the mapping. NULL (and @error says why) when the file is
 * missing or is not a sound cache file of that token. */
GMappedFile  *fid_tx_columns_file_map         (const char              *token,
                                               FidTxColumnsView        *view,
                                               GError                 **error);
/* Removes @token's file, if any (nothing for an invalid token). */
void          fid_tx_columns_file_remove      (const char              *token);

G_END_DECLS
