/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fid-analytics.h"
#include "fid-store.h"
#include "fid-store-dashboard.h"

G_BEGIN_DECLS

/* FidDashboard: every figure of one dashboard (issue 7), computed in one
 * call from a FidStore for a filter, immutable afterwards (it crosses
 * from the worker thread to the UI).
 *
 * Filter: the customers of a branch and/or of an advisor (0: all), and a
 * period [start, end], both days included. The previous period has the
 * same number of days and ends the day before start. "Active" means at
 * least one transaction in the window named. Money is in cents.
 *
 * Key figures (FidKpi), each for the period and for the previous period:
 *   CUSTOMERS         customers of the filter created on or before the
 *                     period's last day (created_at; prospects included);
 *   ACTIVE_CUSTOMERS  customers with a transaction in the period;
 *   RETENTION         12-month retention at the period's last day E: of
 *                     the customers active in (E − 730, E − 365], the share
 *                     active in (E − 365, E]; NAN when none was active;
 *   CHURN             1 − RETENTION;
 *   REVENUE           sum of amount_cents of the period's transactions;
 *   TOP10_SHARE       share of revenue of the best 10 %: the customers
 *                     with a revenue > 0 in the period, ranked by revenue
 *                     (then id); the first ⌊N/10⌋ of them (ABC's class A),
 *                     their revenue over that of all N; NAN when N = 0;
 *   MEAN_CLV          the retention form of lifetime value with the
 *                     bank's own figures, cheap enough for every refresh:
 *                     m · r / (1 + d − r), m the mean margin over (E − 365,
 *                     E] of the customers active then, r = RETENTION, d =
 *                     FID_DASHBOARD_DISCOUNT_RATE (fid_clv_compute's per-
 *                     customer course form reads every interaction and
 *                     ticket: seconds on a million customers);
 *   NPS               of the 'score' answers (0–10) to NPS surveys
 *                     answered in the period: 100 × (share of 9–10 − share
 *                     of 0–6), −100..100; NAN without answers;
 *   CSAT              of the 'score' answers (1–5) to CSAT surveys in the
 *                     period: the share of 4 and 5; NAN without answers;
 *   OPEN_COMPLAINTS   complaints open on the period's last day (opened on
 *                     or before it, still open or resolved after it);
 *   OVERDUE_TICKETS   tickets of any kind open on that day and due before it.
 * The advisor dashboard adds, as of the period's last day D (the previous
 * value is NAN):
 *   FOLLOW_UPS_DUE    the advisor's follow-ups not done and due by D;
 *   LIFE_EVENTS       life events of their customers from the first day
 *                     of D's month to D;
 *   OPEN_TICKETS      open tickets assigned to them now.
 * fid_dashboard_get_kpi_change () is relative ((now − before) / |before|)
 * for counts and money, and the difference for shares and scores (NPS
 * divided by 100), so both read as a percentage; NAN when there is
 * nothing to compare with.
 *
 * Series:
 *   stages      customers now in each lifecycle stage (the funnel), in
 *               fid_store_lifecycle_stages () order;
 *   pareto      the Lorenz curve of the period's revenue (as ABC: at most
 *               201 points (share of customers, share of revenue) from
 *               (0, 0) to (1, 1)) with bands A ≤ 10 %, B ≤ 35 %, C;
 *   rfm         a 5 × 5 grid, rows F 5..1, columns R 1..5 (cell = (5 − F)
 *               × 5 + R − 1): the counted customers per score pair and
 *               their mean monetary value. Scores as fid_rfm_compute as of
 *               E over 365 days, ranked among every customer of the bank
 *               (so a branch's cells mean what the bank's do);
 *   migration   between the two latest RFM snapshots, when there are two;
 *   months      the months of the period, or of the 12 months to its end
 *               when it is shorter (whole months, the last one up to E):
 *               NPS per month, contacts (interactions that took place) per
 *               channel and month;
 *   complaints  complaints opened in the period by category;
 *   campaigns   the campaigns running during the period and their test
 *               and control groups (FidDashboardCampaign);
 *   segments    (advisor) the portfolio per segment of the latest RFM
 *               snapshot ("" not in it); advisor day
 *               (FidDashboardAdvisorDay) as of D. */

#define FID_TYPE_DASHBOARD (fid_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (FidDashboard, fid_dashboard, FID, DASHBOARD, GObject)

#define FID_DASHBOARD_DISCOUNT_RATE 0.10

typedef enum
{
  FID_DASHBOARD_MARKETING,
  FID_DASHBOARD_ADVISOR,
} FidDashboardKind;

typedef struct
{
  FidDashboardKind kind;
  gint64           branch_id;    /* 0: every branch */
  gint64           advisor_id;   /* 0: every advisor (ADVISOR: required) */
  char             start[11];    /* YYYY-MM-DD */
  char             end[11];
  /* Marketing: leave the map's figures out (the interactive page reads
   * them apart, in a thread of their own: on a million customers they
   * take seconds, the rest of the dashboard well under one). */
  gboolean         skip_map;
} FidDashboardFilter;

typedef enum
{
  FID_KPI_CUSTOMERS,
  FID_KPI_ACTIVE_CUSTOMERS,
  FID_KPI_RETENTION,
  FID_KPI_CHURN,
  FID_KPI_REVENUE,
  FID_KPI_TOP10_SHARE,
  FID_KPI_MEAN_CLV,
  FID_KPI_NPS,
  FID_KPI_CSAT,
  FID_KPI_OPEN_COMPLAINTS,
  FID_KPI_OVERDUE_TICKETS,
  FID_KPI_FOLLOW_UPS_DUE,
  FID_KPI_LIFE_EVENTS,
  FID_KPI_OPEN_TICKETS,
  FID_N_KPIS
} FidKpi;

typedef enum
{
  FID_KPI_UNIT_COUNT,
  FID_KPI_UNIT_SHARE,    /* 0..1 */
  FID_KPI_UNIT_SCORE,    /* NPS, −100..100 */
  FID_KPI_UNIT_MONEY,    /* cents */
} FidKpiUnit;

FidKpiUnit      fid_kpi_get_unit               (FidKpi kpi);
gboolean        fid_kpi_higher_is_better       (FidKpi kpi);

/* The Pareto bands' upper limits (shares of customers): A, B, C. */
#define FID_DASHBOARD_N_BANDS 3
extern const double fid_dashboard_band_limits[FID_DASHBOARD_N_BANDS];

/* Sets @filter's period to the @months months ending on @end (the day
 * after end − @months months, to end). FALSE when @end is not a date. */
gboolean        fid_dashboard_filter_set_months (FidDashboardFilter *filter,
                                                 const char         *end,
                                                 guint               months);
/* FALSE with @error when start or end is not a date or start > end. */
gboolean        fid_dashboard_filter_validate   (const FidDashboardFilter *filter,
                                                 GError            **error);
/* The day a dashboard is as of by default: today, or the bank's last
 * transaction day when that is earlier (a demo bank or an old copy). */
char           *fid_dashboard_dup_default_end   (FidStore           *store,
                                                 GError            **error);

/* Computes the dashboard; runs where it is called (a worker thread for
 * the UI). NULL with @error on failure or cancellation. */
FidDashboard   *fid_dashboard_compute           (FidStore           *store,
                                                 const FidDashboardFilter *filter,
                                                 FidProgressFunc     progress,
                                                 gpointer            progress_data,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
/* The same in a worker thread on its own read-only connection to
 * @store's file; @progress is called on the caller's main context. */
void            fid_dashboard_compute_async     (FidStore           *store,
                                                 const FidDashboardFilter *filter,
                                                 FidProgressFunc     progress,
                                                 gpointer            progress_data,
                                                 GDestroyNotify      progress_notify,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
FidDashboard   *fid_dashboard_compute_finish    (GAsyncResult       *result,
                                                 GError            **error);

const FidDashboardFilter *fid_dashboard_get_filter (FidDashboard    *self);
/* The previous period. */
const char     *fid_dashboard_get_previous_start (FidDashboard      *self);
const char     *fid_dashboard_get_previous_end  (FidDashboard       *self);

double          fid_dashboard_get_kpi           (FidDashboard       *self,
                                                 FidKpi              kpi);
double          fid_dashboard_get_kpi_previous  (FidDashboard       *self,
                                                 FidKpi              kpi);
double          fid_dashboard_get_kpi_change    (FidDashboard       *self,
                                                 FidKpi              kpi);

/* Series (valid while @self lives). */
const gint64   *fid_dashboard_get_stage_counts  (FidDashboard       *self);
guint           fid_dashboard_get_pareto        (FidDashboard       *self,
                                                 const double      **customer_share,
                                                 const double      **revenue_share);
double          fid_dashboard_get_band_share    (FidDashboard       *self,
                                                 guint               band);
const guint64  *fid_dashboard_get_rfm_counts    (FidDashboard       *self);
/* Mean monetary value per cell in cents, NAN for an empty cell. */
const double   *fid_dashboard_get_rfm_means     (FidDashboard       *self);
/* NULL when there are fewer than two RFM snapshots. */
const FidMigration *fid_dashboard_get_migration (FidDashboard       *self,
                                                 const char        **from_taken_on,
                                                 const char        **to_taken_on);
guint           fid_dashboard_get_n_months      (FidDashboard       *self);
/* YYYY-MM */
const char     *fid_dashboard_get_month         (FidDashboard       *self,
                                                 guint               month);
/* NPS per month (NAN without answers) and the answers counted. */
const double   *fid_dashboard_get_nps_trend     (FidDashboard       *self,
                                                 const gint64      **answers);
/* Channels by contacts, most first; counts[channel * n_months + month]. */
const char * const *fid_dashboard_get_channels  (FidDashboard       *self);
const gint64   *fid_dashboard_get_contacts      (FidDashboard       *self);
/* Complaint categories of the period, most first ("" none), and counts. */
const char * const *fid_dashboard_get_complaint_categories (FidDashboard *self,
                                                 const gint64      **counts);
/* FidDashboardCampaign. */
GPtrArray      *fid_dashboard_get_campaigns     (FidDashboard       *self);
/* Advisor: segment keys of the latest RFM snapshot in rank order then ""
 * (not in it); NULL without a snapshot. */
const char * const *fid_dashboard_get_segments  (FidDashboard       *self,
                                                 const gint64      **counts,
                                                 const char        **taken_on);
const FidDashboardAdvisorDay *fid_dashboard_get_advisor_day (FidDashboard *self);
/* Marketing: the map (issue 13): FidGeoTerritory and FidGeoBranch
 * (fid-store-geo.h) of the whole bank, as of the last assignment; empty
 * when no territories were imported. */
GPtrArray      *fid_dashboard_get_territories   (FidDashboard       *self);
GPtrArray      *fid_dashboard_get_geo_branches  (FidDashboard       *self);
/* Sets the map's figures read apart (skip_map): @territories and
 * @branches as fid_dashboard_get_territories and _get_geo_branches give
 * them; a reference is taken. */
void            fid_dashboard_set_map           (FidDashboard       *self,
                                                 GPtrArray          *territories,
                                                 GPtrArray          *branches);

/* The customers behind an element computed in memory (ascending ids):
 * the band's, the RFM cell's. */
GArray         *fid_dashboard_dup_band_ids      (FidDashboard       *self,
                                                 guint               band);
GArray         *fid_dashboard_dup_rfm_cell_ids  (FidDashboard       *self,
                                                 guint               cell);

G_END_DECLS
