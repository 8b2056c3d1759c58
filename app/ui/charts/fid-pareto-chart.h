/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart.h"

G_BEGIN_DECLS

/* FidParetoChart: the Lorenz/Pareto curve of revenue concentration — the
 * share of revenue (y) brought by the best share of customers (x) — with
 * vertical bands (ABC: A the best 10 %, B up to 35 %, C the rest), each
 * showing its share of revenue. Elements: the bands. */

#define FID_TYPE_PARETO_CHART (fid_pareto_chart_get_type ())

G_DECLARE_FINAL_TYPE (FidParetoChart, fid_pareto_chart, FID, PARETO_CHART, FidChart)

FidChart *fid_pareto_chart_new       (void);
/* Cumulative shares 0..1, increasing in @customer_share; (0, 0) is added
 * when missing. Long curves are thinned to what a page can show. */
void      fid_pareto_chart_set_curve (FidParetoChart     *self,
                                      const double       *customer_share,
                                      const double       *revenue_share,
                                      guint               n);
/* Bands end at @limits (increasing shares of customers, the last one
 * normally 1.0), named @names ("A", "B", "C"). */
void      fid_pareto_chart_set_bands (FidParetoChart     *self,
                                      const double       *limits,
                                      const char * const *names,
                                      guint               n_bands);
/* The share of revenue in band @index (from the curve). */
double    fid_pareto_chart_get_band_share (FidParetoChart *self,
                                           guint           index);

G_END_DECLS
