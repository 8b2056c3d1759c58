/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Campaign results (issue 10): what the campaign changed, measured
 * against its control group.
 *
 *   rate            = responses (or conversions) / group size
 *   uplift          = test rate − control rate (a difference of proportions)
 *   z               = uplift / sqrt (p (1 − p) (1/n_test + 1/n_control)),
 *                     p the pooled rate (x_test + x_control) / (n_test + n_control)
 *   p-value         = erfc (|z| / √2)          (two-sided)
 *   incremental conversions = uplift (conversions) × n_test
 *   incremental margin      = incremental conversions × margin per conversion
 *   cost            = fixed cost + cost per contact × contacts
 *   ROI             = (incremental margin − cost) / cost */

#include <glib.h>

#include "fid-store-campaigns.h"

G_BEGIN_DECLS

typedef struct
{
  double test_rate;
  double control_rate;
  double uplift;            /* test − control */
  double relative_uplift;   /* uplift / control rate; NAN when the control rate is 0 */
  double z;                 /* 0 when a group is empty or both rates are 0 or 1 */
  double p_value;           /* 1 then */
} FidProportionTest;

/* The pooled two-proportion z-test of @x_test / @n_test against
 * @x_control / @n_control. */
void     fid_uplift_test_proportions (guint64            x_test,
                                      guint64            n_test,
                                      guint64            x_control,
                                      guint64            n_control,
                                      FidProportionTest *result);

typedef struct
{
  FidProportionTest response;
  FidProportionTest conversion;
  double            incremental_conversions;
  gint64            incremental_margin_cents;
  gint64            cost_cents;
  double            roi;            /* NAN when the cost is 0 */
} FidUplift;

void     fid_uplift_compute          (const FidCampaignCounts *counts,
                                      FidUplift              *uplift);

/* TRUE when @p_value is below @alpha (0.05 in the pages). */
gboolean fid_uplift_is_significant   (const FidProportionTest *test,
                                      double                   alpha);

G_END_DECLS
