/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart.h"

G_BEGIN_DECLS

/* FidScatterChart: labelled points (x, y), with optional quadrant lines
 * and quadrant names (the Kano Better/Worse diagram uses it). Elements:
 * the points, in the order given. */

#define FID_TYPE_SCATTER_CHART (fid_scatter_chart_get_type ())

G_DECLARE_FINAL_TYPE (FidScatterChart, fid_scatter_chart, FID, SCATTER_CHART, FidChart)

typedef enum
{
  FID_SCATTER_QUADRANT_TOP_LEFT,
  FID_SCATTER_QUADRANT_TOP_RIGHT,
  FID_SCATTER_QUADRANT_BOTTOM_LEFT,
  FID_SCATTER_QUADRANT_BOTTOM_RIGHT,
} FidScatterQuadrant;

FidChart *fid_scatter_chart_new           (void);
/* @labels may be NULL (no labels). */
void      fid_scatter_chart_set_points    (FidScatterChart    *self,
                                           const double       *x,
                                           const double       *y,
                                           const char * const *labels,
                                           guint               n);
/* Fixed axis ranges; NAN for automatic (nice bounds around the data). */
void      fid_scatter_chart_set_ranges    (FidScatterChart    *self,
                                           double              x_min,
                                           double              x_max,
                                           double              y_min,
                                           double              y_max);
/* Lines at @x_split and @y_split (NAN: none) and the quadrants' names in
 * FidScatterQuadrant order (@names NULL: none). */
void      fid_scatter_chart_set_quadrants (FidScatterChart    *self,
                                           double              x_split,
                                           double              y_split,
                                           const char * const *names);
void      fid_scatter_chart_set_formats   (FidScatterChart    *self,
                                           FidChartFormat      x_format,
                                           FidChartFormat      y_format);

G_END_DECLS
