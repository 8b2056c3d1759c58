/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart.h"

G_BEGIN_DECLS

/* FidMatrixChart: a 2×2 matrix (profitability × potential, value ×
 * loyalty). The x-label names the horizontal axis, the y-label the
 * vertical one, both growing from low (left, bottom) to high. Each
 * quadrant has a title, a count, a second line (revenue) and a palette
 * colour. Elements: quadrants 0 top left, 1 top right, 2 bottom left,
 * 3 bottom right. */

#define FID_TYPE_MATRIX_CHART (fid_matrix_chart_get_type ())

G_DECLARE_FINAL_TYPE (FidMatrixChart, fid_matrix_chart, FID, MATRIX_CHART, FidChart)

FidChart *fid_matrix_chart_new          (void);
/* @color_index: a series colour of the style (wraps around). */
void      fid_matrix_chart_set_quadrant (FidMatrixChart *self,
                                         guint           quadrant,
                                         const char     *title,
                                         guint64         count,
                                         const char     *detail,
                                         guint           color_index);
/* Words at the axes' ends (default "Low" and "High"). */
void      fid_matrix_chart_set_ends     (FidMatrixChart *self,
                                         const char     *low,
                                         const char     *high);
/* Forgets the quadrants (the chart shows its empty text). */
void      fid_matrix_chart_clear        (FidMatrixChart *self);

G_END_DECLS
