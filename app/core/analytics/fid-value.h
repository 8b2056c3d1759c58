/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fid-segmentation.h"
#include "fid-store.h"
#include "fid-tx-columns.h"

G_BEGIN_DECLS

/* The value analyses of issue 5: profitability matrix, Dick & Basu
 * loyalty, lifetime value and lifecycle stage. They read the transaction
 * columns for money and the store for everything else (interactions,
 * tickets, survey answers, ages, incomes, flags). Each fills its parameter
 * struct's defaults with *_params_init; the definitions are in the .c
 * file's header comment and in help/C/. Every function runs in a worker
 * thread, checks @cancellable, and returns NULL with @error set on failure
 * or cancellation (G_IO_ERROR_CANCELLED). */

/* Profitability ("profitability"). Population: customers with at least one
 * transaction ever on or before as_of.
 * current = margin in the window − cost to serve (done interactions in the
 * window priced per channel, tickets opened in the window priced per
 * kind); potential = max (0, P75 of margin in the window among look-alikes
 * (same age band and income band) − the customer's margin). Split: high
 * when the value is > the split; the splits default to the medians
 * (NaN in the params: use the median). Segment keys: desirables,
 * underdeveloped, mature, undesirables.
 * Columns: margin, cost_to_serve, current, potential, flags (bit 0
 * reference, bit 1 fast-growing, bit 2 other division).
 * Extras: current_split, potential_split (d), and per quadrant
 * "revenue" a(d) of window revenue in segment order. */
typedef struct
{
  const char *as_of;               /* YYYY-MM-DD */
  guint       window_days;         /* 365 */
  gint64      channel_cost_cents[8]; /* per channel, see fid_value_channels () */
  gint64      ticket_cost_cents[3];  /* request, complaint, incident */
  double      current_split;       /* NaN: the median */
  double      potential_split;     /* NaN: the median */
} FidProfitabilityParams;

/* The channels priced by cost to serve, NULL-terminated, in the order of
 * channel_cost_cents: phone, email, sms, branch, mail, web, chat, other. */
const char * const *fid_value_channels             (void);
void                fid_profitability_params_init  (FidProfitabilityParams *params);
FidSegmentation    *fid_profitability_compute      (FidStore               *store,
                                                    const FidTxColumnsView *columns,
                                                    const FidProfitabilityParams *params,
                                                    GCancellable           *cancellable,
                                                    GError                **error);

/* Dick & Basu loyalty ("loyalty"). Attitude: the customer's latest answer
 * (on or before as_of) to an NPS survey (0–10) or a CSAT survey (1–5);
 * favourable when ≥ nps_threshold / csat_threshold. Repeat purchase: the
 * frequency in the window, high when > the median frequency of the
 * customers with a transaction in the window. Population: customers with a
 * transaction in the window or an answer. Segment keys: true_loyalty,
 * latent_loyalty, spurious_loyalty, no_loyalty, not_measured (no answer).
 * Columns: attitude (the answer, −1 when none), attitude_scale (10 or 5,
 * 0 when none), frequency. Extras: median_frequency (d). */
typedef struct
{
  const char *as_of;
  guint       window_days;         /* 365 */
  int         nps_threshold;       /* 7 */
  int         csat_threshold;      /* 4 */
} FidLoyaltyParams;

void                fid_loyalty_params_init        (FidLoyaltyParams       *params);
FidSegmentation    *fid_loyalty_compute            (FidStore               *store,
                                                    const FidTxColumnsView *columns,
                                                    const FidLoyaltyParams *params,
                                                    GCancellable           *cancellable,
                                                    GError                **error);

/* Lifetime value ("clv"). Population: customers with a transaction in the
 * window.
 * Course form: clv_course = (margin − cost_to_serve + potential) ×
 * reliability, with margin, cost to serve and potential as in the
 * profitability matrix (same prices) and reliability in [0, 1] = 1 −
 * 0.25 × (incident tickets in the window, at most 4), so a customer with
 * repeated incidents counts for less.
 * Retention form: clv_retention = m·r / (1 + d − r), m = margin in the
 * window, r = the retention rate of the customer's RFM segment measured on
 * the previous window (share of the segment's customers of the previous
 * window, computed as of as_of − window_days, who have a transaction in
 * the current window), d = discount_rate.
 * Segment keys: the quintile of clv_course: top_20, second_20, middle_20,
 * fourth_20, bottom_20 (NTILE(5) over clv_course descending, customer_id).
 * Columns: margin, cost_to_serve, potential, reliability, clv_course,
 * retention, clv_retention. Extras: discount_rate (d), and "retention" a(sd)
 * per RFM segment. */
typedef struct
{
  FidProfitabilityParams profitability; /* as_of, window and prices */
  double                 discount_rate; /* 0.10 */
} FidClvParams;

void                fid_clv_params_init            (FidClvParams           *params);
FidSegmentation    *fid_clv_compute                (FidStore               *store,
                                                    const FidTxColumnsView *columns,
                                                    const FidClvParams     *params,
                                                    GCancellable           *cancellable,
                                                    GError                **error);

/* Lifecycle stage ("lifecycle"), every customer, first rule that holds:
 *   prospect      no transaction and no holding on or before as_of;
 *   lost          last transaction more than lost_days (365) before as_of;
 *   inactive      last transaction more than inactive_days (180) before;
 *   reactivated   a gap of more than inactive_days between two transactions
 *                 and the later one within new_days (90) of as_of;
 *   new           first transaction or first holding within new_days;
 *   dissatisfied  an open complaint, or a complaint in the last new_days, or
 *                 the latest NPS answer < 7 / CSAT answer < 4;
 *   satisfied     the latest NPS answer ≥ 9 / CSAT answer ≥ 4;
 *   active        otherwise.
 * Segment keys: prospect, new, active, satisfied, dissatisfied, inactive,
 * lost, reactivated. Columns: days_since_last (−1 when none), tenure_days.
 * fid_lifecycle_action_key () names each stage's action: initiate,
 * establish, develop, develop, stabilise, reactivate, re_initiate,
 * establish. */
typedef struct
{
  const char *as_of;
  guint       new_days;            /* 90 */
  guint       inactive_days;       /* 180 */
  guint       lost_days;           /* 365 */
} FidLifecycleParams;

void                fid_lifecycle_params_init      (FidLifecycleParams     *params);
const char         *fid_lifecycle_action_key       (const char             *stage);
FidSegmentation    *fid_lifecycle_compute          (FidStore               *store,
                                                    const FidTxColumnsView *columns,
                                                    const FidLifecycleParams *params,
                                                    GCancellable           *cancellable,
                                                    GError                **error);

G_END_DECLS
