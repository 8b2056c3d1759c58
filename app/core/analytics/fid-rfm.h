/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fid-segmentation.h"
#include "fid-tx-columns.h"

G_BEGIN_DECLS

/* RFM, FRAT and ABC-Pareto, computed from the transaction columns as issue
 * 5 pins them, so that any SQL engine gives the same rows.
 *
 * Window: transactions with as_of − window_days < day ≤ as_of; later ones
 * are ignored.
 *
 * RFM ("rfm"): customers with at least one transaction in the window;
 * recency_days = as_of − last day, frequency = count, monetary = sum of
 * amount_cents. Scores are SQL NTILE(5) (the first n mod 5 tiles get one
 * row more): r over (recency_days DESC, customer_id), f over (frequency,
 * customer_id), m over (monetary, customer_id). Segment from r and f (see
 * fid-rfm.c); customers with transactions before the window and none in it
 * are "lost" (recency_days, frequency, monetary, scores 0).
 * Columns: recency_days, frequency, monetary, r, f, m.
 * Segment keys, in this order: champions, loyal, potential_loyalists, new,
 * promising, need_attention, about_to_sleep, at_risk, cant_lose_them,
 * hibernating, lost.
 *
 * FRAT ("frat"): RFM plus types = number of distinct product families in
 * the window and t = NTILE(5) over (types, customer_id).
 * Columns: recency_days, frequency, monetary, types, r, f, m, t.
 * Same segments as RFM.
 *
 * ABC ("abc"): customers whose revenue (sum of amount_cents in the window)
 * is > 0, ranked by revenue descending then customer_id (rank from 1);
 * with N customers, A when 100·rank ≤ a_percent·N, B when 100·rank ≤
 * b_percent·N, else C. Columns: revenue, rank. Segment keys: A, B, C.
 * Extras: "a_percent", "b_percent" (u), "total_revenue" (x), and "pareto",
 * an a(dd) of at most 201 points (share of customers, share of revenue),
 * from (0, 0) to (1, 1), for the curve. */

typedef enum
{
  FID_RFM_CHAMPIONS,
  FID_RFM_LOYAL,
  FID_RFM_POTENTIAL_LOYALISTS,
  FID_RFM_NEW,
  FID_RFM_PROMISING,
  FID_RFM_NEED_ATTENTION,
  FID_RFM_ABOUT_TO_SLEEP,
  FID_RFM_AT_RISK,
  FID_RFM_CANT_LOSE_THEM,
  FID_RFM_HIBERNATING,
  FID_RFM_LOST,
  FID_RFM_N_SEGMENTS
} FidRfmSegment;

/* The keys above, NULL-terminated. */
const char * const *fid_rfm_segment_keys   (void);
/* The segment of scores @r and @f (1..5 each). */
FidRfmSegment       fid_rfm_segment_for    (int r,
                                            int f);

/* NTILE(@tiles) of the row at 0-based @position among @n rows. */
static inline int
fid_ntile (gsize position,
           gsize n,
           int   tiles)
{
  gsize base = n / tiles, extra = n % tiles;
  gsize big = extra * (base + 1);

  if (position < big)
    return (int) (position / (base + 1)) + 1;
  return (int) (extra + (position - big) / base) + 1;
}

/* @frat: FALSE for "rfm", TRUE for "frat". NULL with @error set on
 * cancellation (G_IO_ERROR_CANCELLED) or a window_days of 0. */
FidSegmentation    *fid_rfm_compute        (const FidTxColumnsView *columns,
                                            gint32                  as_of_day,
                                            guint                   window_days,
                                            gboolean                frat,
                                            GCancellable           *cancellable,
                                            GError                **error);
/* 0 < a_percent < b_percent ≤ 100. */
FidSegmentation    *fid_abc_compute        (const FidTxColumnsView *columns,
                                            gint32                  as_of_day,
                                            guint                   window_days,
                                            guint                   a_percent,
                                            guint                   b_percent,
                                            GCancellable           *cancellable,
                                            GError                **error);

G_END_DECLS
