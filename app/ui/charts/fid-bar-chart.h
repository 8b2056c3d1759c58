/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart.h"

G_BEGIN_DECLS

/* FidBarChart: one value per category, or series × categories stacked or
 * grouped (side by side, from the same zero: comparing two means, such as
 * SERVQUAL's expectation and perception per dimension). Elements: bar i
 * (category i); stacked and grouped: series s of category c is
 * s * n_categories + c. */

#define FID_TYPE_BAR_CHART (fid_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (FidBarChart, fid_bar_chart, FID, BAR_CHART, FidChart)

FidChart *fid_bar_chart_new          (void);
/* One bar per label; @values has @n entries. */
void      fid_bar_chart_set_data     (FidBarChart        *self,
                                      const char * const *labels,
                                      const double       *values,
                                      guint               n);
/* Stacked bars: @values is n_series rows of n_categories values
 * (values[s * n_categories + c]); negative values count as 0. */
void      fid_bar_chart_set_stacked  (FidBarChart        *self,
                                      const char * const *categories,
                                      guint               n_categories,
                                      const char * const *series,
                                      guint               n_series,
                                      const double       *values);
/* Grouped bars: @values as for stacked; NAN: no bar; negative values go
 * below zero. */
void      fid_bar_chart_set_grouped  (FidBarChart        *self,
                                      const char * const *categories,
                                      guint               n_categories,
                                      const char * const *series,
                                      guint               n_series,
                                      const double       *values);
/* A fixed top of the value axis (a 1–7 scale: 7), kept when the data
 * change; NAN: automatic. */
void      fid_bar_chart_set_max      (FidBarChart        *self,
                                      double              max);
void      fid_bar_chart_set_format   (FidBarChart        *self,
                                      FidChartFormat      format);
/* The value of element @index (for tests and pages). */
double    fid_bar_chart_get_value    (FidBarChart        *self,
                                      guint               index);

G_END_DECLS
