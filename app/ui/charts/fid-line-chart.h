/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart.h"

G_BEGIN_DECLS

/* FidLineChart: series over categories (months, quarters), for trends.
 * Elements: the points, series s at category c is s * n_categories + c.
 * NAN values leave a gap in the line. */

#define FID_TYPE_LINE_CHART (fid_line_chart_get_type ())

G_DECLARE_FINAL_TYPE (FidLineChart, fid_line_chart, FID, LINE_CHART, FidChart)

FidChart *fid_line_chart_new           (void);
/* @values is n_series rows of n_categories values (values[s * n_categories + c]). */
void      fid_line_chart_set_data      (FidLineChart       *self,
                                        const char * const *categories,
                                        guint               n_categories,
                                        const char * const *series,
                                        guint               n_series,
                                        const double       *values);
void      fid_line_chart_set_format    (FidLineChart       *self,
                                        FidChartFormat      format);
/* Whether the value axis starts at zero (default TRUE: honest trends). */
void      fid_line_chart_set_from_zero (FidLineChart       *self,
                                        gboolean            from_zero);

G_END_DECLS
