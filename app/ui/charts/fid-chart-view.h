/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fid-chart.h"

G_BEGIN_DECLS

/* FidChartView: one chart under a header row — its title, a "Show as
 * Table" toggle (the chart's data in a GtkColumnView) and an export menu
 * (PNG, SVG, PDF, Print…). Actions: chart.show-table (stateful),
 * chart.export-png, chart.export-svg, chart.export-pdf, chart.print. */

#define FID_TYPE_CHART_VIEW (fid_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (FidChartView, fid_chart_view, FID, CHART_VIEW, GtkWidget)

GtkWidget *fid_chart_view_new            (FidChart     *chart);
FidChart  *fid_chart_view_get_chart      (FidChartView *self);
gboolean   fid_chart_view_get_show_table (FidChartView *self);
void       fid_chart_view_set_show_table (FidChartView *self,
                                          gboolean      show_table);
/* For tests: the table (its model has one GtkStringList per row). */
GtkColumnView *fid_chart_view_get_column_view (FidChartView *self);

G_END_DECLS
