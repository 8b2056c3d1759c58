/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart.h"
#include "fid-dashboard.h"

G_BEGIN_DECLS

/* The charts and key figures of a dashboard, made from a FidDashboard the
 * same way for the page, the PDF report, printing and the presentation:
 * each makes its own widgets (a widget has one parent) and fills them with
 * fid_dashboard_chart_fill () whenever a new result arrives.
 *
 * Which customers an element stands for is answered here too, so that the
 * page and the tests open the same list. */

typedef enum
{
  FID_DASHBOARD_CHART_FUNNEL,       /* lifecycle stages */
  FID_DASHBOARD_CHART_PARETO,
  FID_DASHBOARD_CHART_RFM,
  FID_DASHBOARD_CHART_MIGRATION,
  FID_DASHBOARD_CHART_NPS,
  FID_DASHBOARD_CHART_COMPLAINTS,
  FID_DASHBOARD_CHART_CONTACTS,
  FID_DASHBOARD_CHART_CAMPAIGNS,
  FID_DASHBOARD_CHART_SEGMENTS,     /* advisor: portfolio by RFM segment */
  FID_DASHBOARD_CHART_STAGES,       /* advisor: portfolio by lifecycle stage */
  FID_DASHBOARD_CHART_LIFE_EVENTS,  /* advisor */
  FID_DASHBOARD_CHART_OPEN_TICKETS, /* advisor */
  FID_DASHBOARD_CHART_MAP,          /* marketing: revenue by territory (issue 13) */
} FidDashboardChartId;

/* The charts and the key figures of a kind of dashboard, in order. */
const FidDashboardChartId *fid_dashboard_kind_charts (FidDashboardKind     kind,
                                                      guint               *n_charts);
const FidKpi             *fid_dashboard_kind_kpis   (FidDashboardKind     kind,
                                                      guint               *n_kpis);

/* The title of the dashboard ("Marketing Dashboard"). */
const char   *fid_dashboard_kind_title        (FidDashboardKind     kind);
/* The key figure's label ("Active Customers"). */
const char   *fid_dashboard_kpi_label         (FidKpi               kpi);
/* The figure as a tile or table shows it ("1.2 M€", "87.4 %", "+25");
 * @previous: the previous period's. "—" when there is none. */
char         *fid_dashboard_format_kpi        (FidDashboard        *dashboard,
                                               FidKpi               kpi,
                                               gboolean             previous);
/* The change ("+5.2 %", "−3.1 pts"), "—" when there is none. */
char         *fid_dashboard_format_change     (FidDashboard        *dashboard,
                                               FidKpi               kpi);
/* "1 Jul 2025 – 30 Jun 2026" */
char         *fid_dashboard_format_period     (const char          *start,
                                               const char          *end);

/* Whom the dashboard counts, in words ("Agence Paris Centre · every
 * advisor", "Portfolio of Magali Roger", "The whole bank"). */
char         *fid_dashboard_dup_scope         (FidStore            *store,
                                               const FidDashboardFilter *filter);

/* A new, empty chart of @id, with its title and axes. */
FidChart     *fid_dashboard_chart_new         (FidDashboardChartId  id);
FidDashboardChartId fid_dashboard_chart_get_id (FidChart           *chart);
/* A new key-figure tile for @kpi. */
FidChart     *fid_dashboard_tile_new          (FidKpi               kpi);
FidKpi        fid_dashboard_tile_get_kpi      (FidChart            *tile);

/* Fills a chart or a tile made above with @dashboard's figures. */
void          fid_dashboard_chart_fill        (FidChart            *chart,
                                               FidDashboard        *dashboard);

/* The customers behind element @index of @chart (a chart or a tile made
 * above, filled with @dashboard), ascending, and in @label what they are
 * ("Pareto: band A, 1 Jul 2025 – 30 Jun 2026"). NULL without error when
 * the element stands for no list. @store answers what is not in memory. */
GArray       *fid_dashboard_chart_dup_ids     (FidChart            *chart,
                                               FidDashboard        *dashboard,
                                               FidStore            *store,
                                               guint                index,
                                               char               **label,
                                               GError             **error);

G_END_DECLS
