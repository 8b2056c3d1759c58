/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Lifetime value (issue 5), in its two course forms.
 *
 * Definitions, so that any SQL engine gives the same rows:
 *
 * Population: the customers with a transaction in the window (as_of −
 * window_days < day ≤ as_of).
 *
 * margin, cost_to_serve and potential: exactly as in the profitability
 * matrix (fid-profitability.c), with its prices; in particular the
 * look-alikes' P75 is taken over the profitability population (every
 * customer with a transaction on or before as_of), not over this one.
 * reliability = 1 − 0.25 × min (4, incident tickets opened in the window),
 * so a customer with repeated incidents counts for less (DOMAIN.md: "it
 * can be weighted by a financial-reliability score").
 * clv_course = (margin − cost_to_serve + potential) × reliability.
 *
 * Retention form: RFM (fid-rfm.h) is computed as of as_of − window_days
 * over the same window length: the previous window. For each of its
 * segments s, retention r(s) = the share of the customers of s who have a
 * transaction in the current window (0 for an empty segment). A customer
 * takes r of their segment in the previous window; a customer who is not
 * in it (no transaction on or before as_of − window_days: they arrived in
 * the current window) takes the overall rate, the share of every customer
 * of the previous RFM who has a transaction in the current window.
 * clv_retention = margin × r / (1 + discount_rate − r).
 *
 * Segments: NTILE (5) over (clv_course descending, customer_id): top_20,
 * second_20, middle_20, fourth_20, bottom_20.
 * Extras: discount_rate (d); "retention", a(sd) of (RFM segment key, r)
 * in the RFM segments' order; "overall_retention" (d). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fid-value-private.h"
#include "fid-rfm.h"

static const char * const segment_keys[] = {
  "top_20", "second_20", "middle_20", "fourth_20", "bottom_20", NULL
};

void
fid_clv_params_init (FidClvParams *params)
{
  g_return_if_fail (params != NULL);

  fid_profitability_params_init (&params->profitability);
  params->discount_rate = 0.10;
}

/* Whether the customer at @row of the columns has a transaction in the
 * window ending on @as_of_day. */
static gboolean
bought_in_window (const FidTxColumnsView *columns,
                  gsize                   row,
                  gint32                  as_of_day,
                  guint                   window_days)
{
  gint64 after = (gint64) as_of_day - window_days;

  for (guint32 t = columns->start[row]; t < columns->start[row + 1] && columns->day[t] <= as_of_day; t++)
    if (columns->day[t] > after)
      return TRUE;
  return FALSE;
}

/* r per RFM segment of the previous window, and overall. */
static gboolean
retention_rates (const FidTxColumnsView  *columns,
                 FidSegmentation         *previous,
                 gint32                   as_of_day,
                 guint                    window_days,
                 double                  *rates,
                 double                  *overall,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  const gint64 *ids = fid_segmentation_get_ids (previous);
  const guint8 *segments = fid_segmentation_get_segments (previous);
  gsize n = fid_segmentation_get_size (previous);
  guint64 members[FID_RFM_N_SEGMENTS] = { 0, }, kept[FID_RFM_N_SEGMENTS] = { 0, };
  guint64 all_kept = 0;

  for (gsize k = 0; k < n; k++)
    {
      gssize row = fid_value_find_id (columns->customer_id, columns->n_customers, ids[k]);
      gboolean stayed = row >= 0 && bought_in_window (columns, row, as_of_day, window_days);

      if (FID_VALUE_CANCELLED (k, cancellable, error))
        return FALSE;
      if (segments[k] >= FID_RFM_N_SEGMENTS)
        continue;
      members[segments[k]]++;
      kept[segments[k]] += stayed;
      all_kept += stayed;
    }
  for (int s = 0; s < FID_RFM_N_SEGMENTS; s++)
    rates[s] = members[s] > 0 ? (double) kept[s] / (double) members[s] : 0.0;
  *overall = n > 0 ? (double) all_kept / (double) n : 0.0;
  return TRUE;
}

typedef struct
{
  double value;
  gint64 id;
  gsize  row;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  /* clv_course descending, then customer_id ascending. */
  if (x->value != y->value)
    return x->value < y->value ? 1 : -1;
  return (x->id > y->id) - (x->id < y->id);
}

FidSegmentation *
fid_clv_compute (FidStore                *store,
                 const FidTxColumnsView  *columns,
                 const FidClvParams      *params,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  const FidProfitabilityParams *money;
  g_autoptr(FidSegmentation) previous = NULL;
  g_autoptr(FidSegmentation) result = NULL;
  g_autofree gsize *positions = NULL;
  g_autofree Ranked *ranked = NULL;
  FidValueBase base;
  GVariantBuilder builder;
  double rates[FID_RFM_N_SEGMENTS], overall;
  const gint64 *previous_ids;
  const guint8 *previous_segments;
  gsize n = 0, n_previous;
  gint64 *ids, *margin, *cost;
  double *potential, *reliability, *course, *retention, *clv_retention;
  guint8 *segments;
  double d;

  g_return_val_if_fail (FID_IS_STORE (store), NULL);
  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  money = &params->profitability;
  d = params->discount_rate;
  /* 1 + d − r > 0 for every r in [0, 1] needs d > 0. */
  if (!(d > 0.0 && d <= 10.0))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("The discount rate %g is not possible: choose a rate above 0 (0.10 for 10 %%)."), d);
      return NULL;
    }
  if (!fid_value_base_compute (&base, store, columns, money, cancellable, error))
    {
      fid_value_base_clear (&base);
      return NULL;
    }

  previous = fid_rfm_compute (columns, base.as_of_day - (gint32) money->window_days, money->window_days,
                              FALSE, cancellable, error);
  if (previous == NULL ||
      !retention_rates (columns, previous, base.as_of_day, money->window_days, rates, &overall,
                        cancellable, error))
    {
      fid_value_base_clear (&base);
      return NULL;
    }
  previous_ids = fid_segmentation_get_ids (previous);
  previous_segments = fid_segmentation_get_segments (previous);
  n_previous = fid_segmentation_get_size (previous);

  positions = g_new (gsize, MAX (base.n, 1));
  for (gsize k = 0; k < base.n; k++)
    if (base.n_tx[k] > 0)
      positions[n++] = k;

  result = fid_segmentation_new ("clv", base.as_of, money->window_days, segment_keys);
  fid_segmentation_add_column (result, "margin", FID_COLUMN_INT);
  fid_segmentation_add_column (result, "cost_to_serve", FID_COLUMN_INT);
  fid_segmentation_add_column (result, "potential", FID_COLUMN_DOUBLE);
  fid_segmentation_add_column (result, "reliability", FID_COLUMN_DOUBLE);
  fid_segmentation_add_column (result, "clv_course", FID_COLUMN_DOUBLE);
  fid_segmentation_add_column (result, "retention", FID_COLUMN_DOUBLE);
  fid_segmentation_add_column (result, "clv_retention", FID_COLUMN_DOUBLE);
  fid_segmentation_set_size (result, n);
  ids = fid_segmentation_get_ids_mut (result);
  segments = fid_segmentation_get_segments_mut (result);
  margin = fid_segmentation_get_int_column_mut (result, 0);
  cost = fid_segmentation_get_int_column_mut (result, 1);
  potential = fid_segmentation_get_double_column_mut (result, 2);
  reliability = fid_segmentation_get_double_column_mut (result, 3);
  course = fid_segmentation_get_double_column_mut (result, 4);
  retention = fid_segmentation_get_double_column_mut (result, 5);
  clv_retention = fid_segmentation_get_double_column_mut (result, 6);

  ranked = g_new (Ranked, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    {
      gsize k = positions[i];
      gssize p = fid_value_find_id (previous_ids, n_previous, base.ids[k]);
      double r = p >= 0 && previous_segments[p] < FID_RFM_N_SEGMENTS ? rates[previous_segments[p]] : overall;

      ids[i] = base.ids[k];
      margin[i] = base.margin[k];
      cost[i] = base.cost[k];
      potential[i] = base.potential[k];
      reliability[i] = 1.0 - 0.25 * (double) MIN (base.incidents[k], 4);
      course[i] = ((double) (base.margin[k] - base.cost[k]) + base.potential[k]) * reliability[i];
      retention[i] = r;
      clv_retention[i] = (double) base.margin[k] * r / (1.0 + d - r);
      ranked[i].value = course[i];
      ranked[i].id = ids[i];
      ranked[i].row = i;
    }
  fid_value_base_clear (&base);

  /* The quintiles: rank by clv_course, then give each rank its NTILE at
   * the customer's row. */
  qsort (ranked, n, sizeof (Ranked), compare_ranked);
  for (gsize rank = 0; rank < n; rank++)
    segments[ranked[rank].row] = (guint8) (fid_ntile (rank, n, 5) - 1);

  fid_segmentation_set_extra (result, "discount_rate", g_variant_new_double (d));
  fid_segmentation_set_extra (result, "overall_retention", g_variant_new_double (overall));
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sd)"));
  for (int s = 0; s < FID_RFM_N_SEGMENTS; s++)
    g_variant_builder_add (&builder, "(sd)", fid_rfm_segment_keys ()[s], rates[s]);
  fid_segmentation_set_extra (result, "retention", g_variant_builder_end (&builder));
  return g_steal_pointer (&result);
}
