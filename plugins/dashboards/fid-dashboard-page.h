/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-chart.h"
#include "fid-dashboard.h"
#include "fid-dashboard-charts.h"
#include "fid-store.h"

G_BEGIN_DECLS

/* FidDashboardPage: a dashboard in the window — the filters (branch,
 * advisor, period) in a toolbar, the key figures as tiles, the charts in a
 * grid that reflows with the width. A refresh runs in a worker thread
 * (fid_dashboard_compute_async) with a progress bar; the window stays
 * usable, and a newer refresh cancels an older one. A click on a chart's
 * element opens the customer list on its customers. Actions:
 * dashboard.refresh, dashboard.export-pdf, dashboard.print,
 * dashboard.present.
 *
 * The advisor page ("My Dashboard") counts the signed-in advisor's
 * portfolio and hides the branch and advisor filters. */

#define FID_TYPE_DASHBOARD_PAGE (fid_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (FidDashboardPage, fid_dashboard_page, FID, DASHBOARD_PAGE, AdwBin)

GtkWidget    *fid_dashboard_page_new            (FidDashboardKind  kind);
void          fid_dashboard_page_set_store      (FidDashboardPage *self,
                                                 FidStore         *store);
/* The signed-in advisor (the advisor page's portfolio). */
void          fid_dashboard_page_set_advisor_id (FidDashboardPage *self,
                                                 gint64            advisor_id);
/* Starts a refresh with the filters shown (cancelling a running one). */
void          fid_dashboard_page_refresh        (FidDashboardPage *self);
/* The data changed: a shown page refreshes shortly after (changes in a
 * burst make one refresh), a hidden one when it is shown again. */
void          fid_dashboard_page_data_changed   (FidDashboardPage *self);

/* For tests and the CLI's checks. */
gboolean      fid_dashboard_page_get_busy       (FidDashboardPage *self);
FidDashboard *fid_dashboard_page_get_dashboard  (FidDashboardPage *self);
/* Selects the branch filter (0: all); FALSE when there is no such branch. */
gboolean      fid_dashboard_page_set_branch_id  (FidDashboardPage *self,
                                                 gint64            branch_id);
/* Sets the period to @months months ending on @end (NULL: keep it). */
void          fid_dashboard_page_set_period     (FidDashboardPage *self,
                                                 guint             months,
                                                 const char       *end);
FidChart     *fid_dashboard_page_get_tile       (FidDashboardPage *self,
                                                 FidKpi            kpi);
FidChart     *fid_dashboard_page_get_chart      (FidDashboardPage *self,
                                                 FidDashboardChartId id);

/* Whether the map's figures are still being read after a refresh. */
gboolean          fid_dashboard_page_is_reading_map (FidDashboardPage *self);

G_END_DECLS
