/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-store.h"

G_BEGIN_DECLS

/* The sales pipeline (issue 10): opportunities move through
 *
 *   lead → qualified → proposal → negotiation → won
 *      ╲________╲__________╲___________╲_____→ lost
 *
 * forwards and backwards between the four open stages, and from any open
 * stage to won or lost, which are final. Winning creates the holding of the
 * product in the same transaction, exactly once. */

#define FID_OPPORTUNITY_N_STAGES 6

/* The stages in board order, NULL-terminated. */
extern const char * const fid_opportunity_stages[FID_OPPORTUNITY_N_STAGES + 1];

typedef struct
{
  gint64  id;
  gint64  customer_id;
  char   *customer_name;
  gint64  product_id;
  char   *product_name;
  char   *product_family;
  char   *stage;
  char   *source;            /* nbo, manual, campaign */
  gint64  amount_cents;
  double  probability;       /* 0 … 1 */
  gint64  advisor_id;        /* 0: none */
  char   *advisor_name;
  gint64  branch_id;         /* the customer's branch, 0: none */
  char   *created_at;
  char   *expected_close_on; /* YYYY-MM-DD or NULL */
  char   *stage_changed_at;
  char   *closed_on;         /* won or lost on, or NULL */
  gint64  holding_id;        /* the holding a won opportunity created, or 0 */
} FidOpportunity;

void            fid_opportunity_free             (FidOpportunity *opportunity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidOpportunity, fid_opportunity_free)

/* The probability a stage starts with (lead 10 %, qualified 25 %, proposal
 * 50 %, negotiation 70 %, won 100 %, lost 0); -1 for an unknown stage. */
double          fid_opportunity_stage_probability (const char *stage);
/* The stage after (@direction 1) or before (-1) @stage among the open
 * stages, or NULL at either end (and for won and lost). */
const char     *fid_opportunity_stage_step        (const char *stage,
                                                   int         direction);
gboolean        fid_opportunity_stage_is_open     (const char *stage);

/* A new opportunity at the lead stage. @source is "nbo", "manual" or
 * "campaign"; @advisor_id 0 takes the customer's advisor; @probability
 * below 0 takes the lead stage's; @expected_close_on NULL: in 60 days.
 * Returns its id, 0 with @error set (nothing written). */
gint64          fid_store_add_opportunity        (FidStore       *self,
                                                  gint64          customer_id,
                                                  gint64          product_id,
                                                  const char     *source,
                                                  gint64          advisor_id,
                                                  gint64          amount_cents,
                                                  double          probability,
                                                  const char     *expected_close_on,
                                                  GError        **error);

FidOpportunity *fid_store_get_opportunity        (FidStore       *self,
                                                  gint64          id,
                                                  GError        **error);

/* Moves the opportunity to @stage, which takes that stage's probability.
 * To "won": the customer's holding of the product is created (opened
 * today, its balance from the amount: positive for savings and
 * investments, negative for loans, 0 otherwise) in the same transaction.
 * Won and lost are final: moving out of them, or to the stage it is in,
 * fails with FID_VALIDATION_ERROR_INVALID_VALUE. */
gboolean        fid_store_move_opportunity       (FidStore       *self,
                                                  gint64          id,
                                                  const char     *stage,
                                                  GError        **error);

/* Amount, probability (0 … 1) and expected close date (YYYY-MM-DD, or
 * NULL / "" to clear it) of an open opportunity. */
gboolean        fid_store_update_opportunity     (FidStore       *self,
                                                  gint64          id,
                                                  gint64          amount_cents,
                                                  double          probability,
                                                  const char     *expected_close_on,
                                                  GError        **error);

/* What a board shows: opportunities of one advisor's and/or one branch's
 * customers (0: any). */
typedef struct
{
  gint64 advisor_id;
  gint64 branch_id;
} FidPipelineFilter;

/* The opportunities at @stage, most valuable (amount × probability) first,
 * at most @limit of them (0: no limit), as FidOpportunity. */
GPtrArray      *fid_store_list_opportunities     (FidStore                 *self,
                                                  const FidPipelineFilter  *filter,
                                                  const char               *stage,
                                                  guint                     limit,
                                                  GError                  **error);

typedef struct
{
  gint64 count;
  gint64 amount_cents;
  gint64 weighted_cents;   /* Σ amount × probability, rounded to the cent */
} FidPipelineTotal;

/* Totals per stage, in the order of fid_opportunity_stages. */
gboolean        fid_store_pipeline_totals        (FidStore                 *self,
                                                  const FidPipelineFilter  *filter,
                                                  FidPipelineTotal          totals[FID_OPPORTUNITY_N_STAGES],
                                                  GError                  **error);

typedef struct
{
  char   month[8];         /* YYYY-MM */
  gint64 count;
  gint64 amount_cents;
  gint64 weighted_cents;   /* Σ amount × probability, rounded to the cent */
} FidForecastMonth;

/* The weighted forecast: the open opportunities (lead … negotiation)
 * grouped by the month of their expected close date, in month order
 * (those without a date are left out). An array of FidForecastMonth. */
GArray         *fid_store_pipeline_forecast      (FidStore                 *self,
                                                  const FidPipelineFilter  *filter,
                                                  GError                  **error);

G_END_DECLS
