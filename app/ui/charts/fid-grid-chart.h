/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart.h"

G_BEGIN_DECLS

/* FidGridChart: a heat map of rows × columns (RFM: F 5..1 × R 1..5; a
 * migration matrix: from × to). Each cell shows a count as text and is
 * coloured on the sequential ramp by a value (mean monetary), or by the
 * count when there is no value. Rows run top to bottom in the order given.
 * Elements: cell (row, column) is row * n_columns + column. The axis names
 * are the chart's x-label (columns) and y-label (rows). */

#define FID_TYPE_GRID_CHART (fid_grid_chart_get_type ())

G_DECLARE_FINAL_TYPE (FidGridChart, fid_grid_chart, FID, GRID_CHART, FidChart)

FidChart *fid_grid_chart_new            (void);
/* @counts and @values (NULL: colour by count; NAN: no value) have
 * n_rows × n_columns entries, row by row. */
void      fid_grid_chart_set_data       (FidGridChart       *self,
                                         guint               n_rows,
                                         guint               n_columns,
                                         const char * const *row_labels,
                                         const char * const *column_labels,
                                         const guint64      *counts,
                                         const double       *values);
/* What the colour means ("Mean monetary") and how it is written: the
 * legend's title and the tooltip's second line. */
void      fid_grid_chart_set_value_name (FidGridChart       *self,
                                         const char         *value_name,
                                         FidChartFormat      format);
/* The cell's colour position on the ramp, 0..1 (NAN: no colour). */
double    fid_grid_chart_get_cell_level (FidGridChart       *self,
                                         guint               index);

G_END_DECLS
