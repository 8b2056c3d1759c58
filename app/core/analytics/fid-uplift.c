/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The arithmetic of a campaign's results: fid-uplift.h has the formulas. */

#include "config.h"

#include <math.h>

#include "fid-uplift.h"

void
fid_uplift_test_proportions (guint64            x_test,
                             guint64            n_test,
                             guint64            x_control,
                             guint64            n_control,
                             FidProportionTest *r)
{
  double pooled, se;

  g_return_if_fail (r != NULL);

  r->test_rate = n_test > 0 ? (double) x_test / (double) n_test : 0.0;
  r->control_rate = n_control > 0 ? (double) x_control / (double) n_control : 0.0;
  r->uplift = r->test_rate - r->control_rate;
  r->relative_uplift = r->control_rate > 0.0 ? r->uplift / r->control_rate : NAN;
  r->z = 0.0;
  r->p_value = 1.0;
  if (n_test == 0 || n_control == 0)
    return;

  pooled = (double) (x_test + x_control) / (double) (n_test + n_control);
  se = sqrt (pooled * (1.0 - pooled) * (1.0 / (double) n_test + 1.0 / (double) n_control));
  /* Nobody (or everybody) converted in either group: no variance, nothing
   * to test. */
  if (se <= 0.0)
    return;
  r->z = r->uplift / se;
  r->p_value = erfc (fabs (r->z) / M_SQRT2);
}

void
fid_uplift_compute (const FidCampaignCounts *counts,
                    FidUplift              *u)
{
  g_return_if_fail (counts != NULL);
  g_return_if_fail (u != NULL);

  fid_uplift_test_proportions (counts->test_responses, counts->n_test,
                               counts->control_responses, counts->n_control, &u->response);
  fid_uplift_test_proportions (counts->test_conversions, counts->n_test,
                               counts->control_conversions, counts->n_control, &u->conversion);
  u->incremental_conversions = u->conversion.uplift * (double) counts->n_test;
  u->incremental_margin_cents = (gint64) llround (u->incremental_conversions *
                                                  (double) counts->margin_per_conversion_cents);
  u->cost_cents = counts->cost_cents;
  u->roi = counts->cost_cents > 0
           ? (double) (u->incremental_margin_cents - counts->cost_cents) / (double) counts->cost_cents
           : NAN;
}

gboolean
fid_uplift_is_significant (const FidProportionTest *test,
                           double                   alpha)
{
  g_return_val_if_fail (test != NULL, FALSE);

  return test->p_value < alpha;
}
