/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart.h"

G_BEGIN_DECLS

/* FidFunnelChart: steps from the widest to the narrowest (contacts →
 * customers → active → satisfied), each a centred band whose width is its
 * count against the first step's, with the share kept from the step above
 * and from the first. Element i is step i. Steps are meant to be nested
 * (each within the one above); a step larger than the one above is drawn
 * as it is and its share says so (over 100 %). */

#define FID_TYPE_FUNNEL_CHART (fid_funnel_chart_get_type ())

G_DECLARE_FINAL_TYPE (FidFunnelChart, fid_funnel_chart, FID, FUNNEL_CHART, FidChart)

FidChart *fid_funnel_chart_new       (void);
/* @n steps, top first; negative values count as 0. */
void      fid_funnel_chart_set_data  (FidFunnelChart     *self,
                                      const char * const *labels,
                                      const double       *values,
                                      guint               n);
void      fid_funnel_chart_set_format (FidFunnelChart    *self,
                                       FidChartFormat     format);
double    fid_funnel_chart_get_value (FidFunnelChart     *self,
                                      guint               index);
/* Step @index against the step above (the first: 1), 0..1; NAN when the
 * step above is empty. */
double    fid_funnel_chart_get_step_rate (FidFunnelChart *self,
                                          guint           index);

G_END_DECLS
