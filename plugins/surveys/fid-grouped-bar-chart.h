/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart.h"

G_BEGIN_DECLS

/* FidGroupedBarChart: several series side by side in each category (the
 * SERVQUAL expectation and perception of each dimension). FidBarChart
 * stacks series; comparing two means needs them next to each other, from
 * the same zero. Elements: series s of category c is s * n_categories + c. */

#define FID_TYPE_GROUPED_BAR_CHART (fid_grouped_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (FidGroupedBarChart, fid_grouped_bar_chart, FID, GROUPED_BAR_CHART, FidChart)

FidChart *fid_grouped_bar_chart_new        (void);
/* @values is n_series rows of n_categories values (values[s * n_categories
 * + c]); NAN: no bar. */
void      fid_grouped_bar_chart_set_data   (FidGroupedBarChart *self,
                                            const char * const *categories,
                                            guint               n_categories,
                                            const char * const *series,
                                            guint               n_series,
                                            const double       *values);
/* A fixed top of the value axis (a 1–7 scale: 7); NAN: automatic. */
void      fid_grouped_bar_chart_set_max    (FidGroupedBarChart *self,
                                            double              max);
void      fid_grouped_bar_chart_set_format (FidGroupedBarChart *self,
                                            FidChartFormat      format);
double    fid_grouped_bar_chart_get_value  (FidGroupedBarChart *self,
                                            guint               index);

G_END_DECLS
