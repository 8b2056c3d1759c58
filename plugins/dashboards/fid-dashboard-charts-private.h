/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by fid-dashboard-charts*.c only. */

#include "fid-dashboard-charts.h"

G_BEGIN_DECLS

/* Object data on a chart: the keys of its elements or series (stages,
 * channels, campaign ids…) and the months of its categories (GStrv). */
#define KEYS_KEY     "fid-dashboard-keys"
#define MONTHS_KEY   "fid-dashboard-months"

const char *fid_dashboard_chart_get_key    (FidChart   *chart,
                                            const char *name,
                                            guint       index);
/* "Jul 2025" for "2025-07". */
char       *fid_dashboard_format_month     (const char *month);
const char *fid_dashboard_category_label   (const char *category);
/* An RFM segment's name, or "Not in the snapshot" for "". */
const char *fid_dashboard_segment_label    (const char *segment);
/* The name of the funnel's step @index, NULL past the last. */
const char *fid_dashboard_funnel_step_label (guint      index);

/* fid-dashboard-map.c: the map of territories (issue 13). */
FidChart   *fid_dashboard_map_new          (void);
void        fid_dashboard_map_fill         (FidChart      *chart,
                                            FidDashboard  *dashboard);
/* Element @index's customers, what it is in @element. */
/* The map's figures read apart, in a thread (the interactive page);
 * _finish sets them on @dashboard when they are its own. _now reads them
 * at once when @dashboard has none yet (a report, a print). */
void        fid_dashboard_map_read_async   (gpointer             source_object,
                                            const char          *path,
                                            FidDashboard        *dashboard,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    fid_dashboard_map_read_finish  (GAsyncResult        *result,
                                            FidDashboard        *dashboard,
                                            GError             **error);
void        fid_dashboard_map_read_now     (FidDashboard        *dashboard,
                                            FidStore            *store);
GArray     *fid_dashboard_map_dup_ids      (FidChart      *chart,
                                            FidDashboard  *dashboard,
                                            FidStore      *store,
                                            guint          index,
                                            char         **element,
                                            GError       **error);

G_END_DECLS
