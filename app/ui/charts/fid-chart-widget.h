/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fid-chart.h"

G_BEGIN_DECLS

/* FidChartWidget: a FidChart on screen. It draws the chart through the
 * chart's one drawing path, in the light or dark style of the desktop;
 * hovering an element highlights it and its tooltip gives the exact value;
 * a click activates it. The keyboard moves the highlight (Left/Right,
 * Home/End) and activates it (Enter, Space). Screen readers get the
 * chart's title as the name and its summary as the description.
 *
 * Made by fid_chart_get_widget (); it owns its chart. */

#define FID_TYPE_CHART_WIDGET (fid_chart_widget_get_type ())

G_DECLARE_FINAL_TYPE (FidChartWidget, fid_chart_widget, FID, CHART_WIDGET, GtkWidget)

GtkWidget *fid_chart_widget_new               (FidChart       *chart);
FidChart  *fid_chart_widget_get_chart         (FidChartWidget *self);

/* For FidChart: the title or the summary changed. */
void       fid_chart_widget_sync_accessible   (FidChartWidget *self);

G_END_DECLS
