/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the value analyses (fid-profitability.c, fid-loyalty.c, fid-clv.c,
 * fid-lifecycle.c) share: their read transaction, the grouped reads of
 * the store, the lookup of a customer's row, PERCENTILE_CONT, and the
 * profitability figures that lifetime value reuses. Internal to
 * app/core/analytics/. */

#include <sqlite3.h>
/* fid-segmentation.h names FILE without including it. */
#include <stdio.h>

#include "fid-store-private.h"
#include "fid-value.h"

G_BEGIN_DECLS

/* One read transaction over every query of an analysis, so that the
 * interactions, tickets and answers it reads are of the same moment, and
 * SQLite interrupted when @cancellable is cancelled. */
typedef struct
{
  FidStore     *store;
  sqlite3      *db;
  GCancellable *cancellable;
  gboolean      began;      /* we opened the transaction (the caller had none) */
} FidValueRead;

gboolean  fid_value_read_begin       (FidValueRead   *read,
                                      FidStore       *store,
                                      GCancellable   *cancellable,
                                      GError        **error);
void      fid_value_read_end         (FidValueRead   *read);
/* Steps @stmt: TRUE with *@has_row set, or FALSE with @error set (and the
 * statement reset), to G_IO_ERROR_CANCELLED when that is why it stopped.
 * Resets the statement when it is done. */
gboolean  fid_value_read_step        (FidValueRead   *read,
                                      sqlite3_stmt   *stmt,
                                      gboolean       *has_row,
                                      const char     *doing,
                                      GError        **error);

/* The as-of date (NULL: today) and window, checked: FALSE with a
 * FID_VALIDATION_ERROR naming what is wrong. @window_days 0 is refused
 * when @need_window. Fills @as_of_day and the text bounds of the window
 * for SQL: a date-time is in the window when @from ≤ it < @to, with
 * @from the window's first day and @to the day after as_of (either may be
 * NULL when not wanted; free them). */
gboolean  fid_value_check_dates      (const char     *as_of,
                                      guint           window_days,
                                      gboolean        need_window,
                                      gint32         *as_of_day,
                                      char          **as_of_iso,
                                      char          **from,
                                      char          **to,
                                      GError        **error);

/* Days since 1970-01-01 of the date that starts @text ("YYYY-MM-DD" or a
 * date-time "YYYY-MM-DDTHH:MM:SS"): G_MININT32 when it is not a date.
 * Faster than fid_day_from_iso on millions of rows, and takes date-times. */
gint32    fid_value_day_of           (const char     *text);

/* The position of @id in @ids (ascending), or -1. */
static inline gssize
fid_value_find_id (const gint64 *ids,
                   gsize         n,
                   gint64        id)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (ids[mid] < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < n && ids[lo] == id ? (gssize) lo : -1;
}

/* PERCENTILE_CONT (@p) of @values, which it sorts in place; NaN when
 * @n is 0. See fid-profitability.c. */
double    fid_value_percentile_cont  (double         *values,
                                      gsize           n,
                                      double          p);

/* The profitability figures of every customer with a transaction on or
 * before as_of (fid-profitability.c). */
typedef struct
{
  char     *as_of;          /* YYYY-MM-DD */
  gint32    as_of_day;
  gsize     n;
  gint64   *ids;            /* ascending */
  guint32  *row;            /* the customer's index in the columns view */
  gint64   *margin;         /* in the window */
  gint64   *revenue;        /* in the window */
  gint64   *cost;           /* cost to serve in the window */
  gint64   *n_tx;           /* transactions in the window */
  gint64   *incidents;      /* incident tickets opened in the window */
  double   *potential;
  guint8   *flags;          /* bit 0 reference, 1 fast-growing, 2 other division */
} FidValueBase;

gboolean  fid_value_base_compute     (FidValueBase                 *base,
                                      FidStore                     *store,
                                      const FidTxColumnsView       *columns,
                                      const FidProfitabilityParams *params,
                                      GCancellable                 *cancellable,
                                      GError                      **error);
void      fid_value_base_clear       (FidValueBase                 *base);

/* The latest answer on or before the as-of date of each customer who
 * answered an NPS or a CSAT survey (fid-loyalty.c). */
typedef struct
{
  gsize    n;
  gint64  *ids;             /* ascending */
  gint8   *value;           /* 0..10 (NPS) or 1..5 (CSAT) */
  guint8  *scale;           /* 10 (NPS) or 5 (CSAT) */
} FidValueAnswers;

gboolean  fid_value_answers_read     (FidValueAnswers *answers,
                                      FidValueRead    *read,
                                      const char      *to,
                                      GError         **error);
void      fid_value_answers_clear    (FidValueAnswers *answers);

/* Checks @cancellable every 65,536 rows of a loop over @i. */
#define FID_VALUE_CANCELLED(i, cancellable, error) \
  (((i) & 0xffff) == 0 && g_cancellable_set_error_if_cancelled ((cancellable), (error)))

G_END_DECLS
