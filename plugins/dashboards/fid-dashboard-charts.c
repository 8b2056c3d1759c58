/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The dashboards' charts and key figures, made and filled from a
 * FidDashboard. The figures are summed by the core once per refresh; here
 * they are only handed to the charts (which normalise them when set), so
 * a redraw never recomputes anything. Each chart keeps the keys of its
 * elements (stages, channels, months…) as object data, for clicks. */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fid-bar-chart.h"
#include "fid-dashboard-charts-private.h"
#include "fid-format.h"
#include "fid-grid-chart.h"
#include "fid-funnel-chart.h"
#include "fid-kpi-tile.h"
#include "fid-line-chart.h"
#include "fid-pareto-chart.h"
#include "fid-segment-labels.h"
#include "fid-store-dashboard.h"
#include "fid-store-workspace.h"

#define CHART_ID_KEY "fid-dashboard-chart-id"
#define KPI_KEY      "fid-dashboard-kpi"

static const FidDashboardChartId marketing_charts[] = {
  FID_DASHBOARD_CHART_PARETO, FID_DASHBOARD_CHART_FUNNEL, FID_DASHBOARD_CHART_RFM,
  FID_DASHBOARD_CHART_CONTACTS, FID_DASHBOARD_CHART_NPS, FID_DASHBOARD_CHART_COMPLAINTS,
  FID_DASHBOARD_CHART_MIGRATION, FID_DASHBOARD_CHART_CAMPAIGNS, FID_DASHBOARD_CHART_MAP,
};
static const FidDashboardChartId advisor_charts[] = {
  FID_DASHBOARD_CHART_SEGMENTS, FID_DASHBOARD_CHART_STAGES,
  FID_DASHBOARD_CHART_LIFE_EVENTS, FID_DASHBOARD_CHART_OPEN_TICKETS,
};
static const FidKpi marketing_kpis[] = {
  FID_KPI_CUSTOMERS, FID_KPI_ACTIVE_CUSTOMERS, FID_KPI_REVENUE, FID_KPI_TOP10_SHARE,
  FID_KPI_RETENTION, FID_KPI_CHURN, FID_KPI_MEAN_CLV, FID_KPI_NPS, FID_KPI_CSAT,
  FID_KPI_OPEN_COMPLAINTS, FID_KPI_OVERDUE_TICKETS,
};
static const FidKpi advisor_kpis[] = {
  FID_KPI_CUSTOMERS, FID_KPI_ACTIVE_CUSTOMERS, FID_KPI_REVENUE,
  FID_KPI_FOLLOW_UPS_DUE, FID_KPI_LIFE_EVENTS, FID_KPI_OPEN_TICKETS,
};

const FidDashboardChartId *
fid_dashboard_kind_charts (FidDashboardKind  kind,
                           guint            *n_charts)
{
  *n_charts = kind == FID_DASHBOARD_ADVISOR ? G_N_ELEMENTS (advisor_charts) : G_N_ELEMENTS (marketing_charts);
  return kind == FID_DASHBOARD_ADVISOR ? advisor_charts : marketing_charts;
}

const FidKpi *
fid_dashboard_kind_kpis (FidDashboardKind  kind,
                         guint            *n_kpis)
{
  *n_kpis = kind == FID_DASHBOARD_ADVISOR ? G_N_ELEMENTS (advisor_kpis) : G_N_ELEMENTS (marketing_kpis);
  return kind == FID_DASHBOARD_ADVISOR ? advisor_kpis : marketing_kpis;
}

const char *
fid_dashboard_kind_title (FidDashboardKind kind)
{
  return kind == FID_DASHBOARD_ADVISOR ? _("My Dashboard") : _("Marketing Dashboard");
}

const char *
fid_dashboard_kpi_label (FidKpi kpi)
{
  switch (kpi)
    {
    case FID_KPI_CUSTOMERS: return _("Customers");
    case FID_KPI_ACTIVE_CUSTOMERS: return _("Active Customers");
    case FID_KPI_RETENTION: return _("12-Month Retention");
    case FID_KPI_CHURN: return _("Churn");
    case FID_KPI_REVENUE: return _("Revenue");
    /* xgettext:no-c-format */
    case FID_KPI_TOP10_SHARE: return _("Top 10 % Share");
    case FID_KPI_MEAN_CLV: return _("Mean Lifetime Value");
    case FID_KPI_NPS: return _("NPS");
    case FID_KPI_CSAT: return _("CSAT");
    case FID_KPI_OPEN_COMPLAINTS: return _("Open Complaints");
    case FID_KPI_OVERDUE_TICKETS: return _("Overdue Tickets");
    case FID_KPI_FOLLOW_UPS_DUE: return _("Follow-ups Due");
    case FID_KPI_LIFE_EVENTS: return _("Life Events This Month");
    case FID_KPI_OPEN_TICKETS: return _("My Open Tickets");
    case FID_N_KPIS:
    default:
      return "";
    }
}

static char *
format_figure (FidKpi kpi,
               double value)
{
  if (isnan (value))
    return g_strdup ("—");
  switch (fid_kpi_get_unit (kpi))
    {
    case FID_KPI_UNIT_SHARE:
      return fid_chart_format_value (value, FID_CHART_FORMAT_PERCENT, TRUE);
    case FID_KPI_UNIT_SCORE:
      /* NPS is signed: +25, −12. */
      return value > 0 ? g_strdup_printf ("+%.0f", value)
             : value < 0 ? g_strdup_printf ("\u2212%.0f", -value) : g_strdup ("0");
    case FID_KPI_UNIT_MONEY:
      return fid_chart_format_value (value / 100.0, FID_CHART_FORMAT_MONEY, TRUE);
    case FID_KPI_UNIT_COUNT:
    default:
      return fid_format_count ((guint64) llround (MAX (value, 0)));
    }
}

char *
fid_dashboard_format_kpi (FidDashboard *dashboard,
                          FidKpi        kpi,
                          gboolean      previous)
{
  return format_figure (kpi, previous ? fid_dashboard_get_kpi_previous (dashboard, kpi)
                                      : fid_dashboard_get_kpi (dashboard, kpi));
}

static gboolean
change_in_points (FidKpi kpi)
{
  FidKpiUnit unit = fid_kpi_get_unit (kpi);

  return unit == FID_KPI_UNIT_SHARE || unit == FID_KPI_UNIT_SCORE;
}

char *
fid_dashboard_format_change (FidDashboard *dashboard,
                             FidKpi        kpi)
{
  double change = fid_dashboard_get_kpi_change (dashboard, kpi);
  g_autofree char *number = NULL;
  const char *sign;

  if (isnan (change))
    return g_strdup ("—");
  sign = change > 0 ? "+" : change < 0 ? "\u2212" : "±";
  if (change_in_points (kpi))
    {
      number = g_strdup_printf ("%.1f", fabs (change) * 100);
      /* Translators: a change in percentage points ("+1.5 pts") */
      return g_strdup_printf (_("%s%s\u202fpts"), sign, number);
    }
  number = fid_chart_format_value (fabs (change), FID_CHART_FORMAT_PERCENT, TRUE);
  return g_strconcat (sign, number, NULL);
}

char *
fid_dashboard_format_period (const char *start,
                             const char *end)
{
  g_autofree char *from = fid_format_date (start);
  g_autofree char *to = fid_format_date (end);

  /* Translators: a period, from its first to its last day */
  return g_strdup_printf (_("%s – %s"), from, to);
}

char *
fid_dashboard_dup_scope (FidStore                 *store,
                         const FidDashboardFilter *filter)
{
  g_autofree char *branch = NULL;
  g_autofree char *advisor = NULL;

  if (filter->branch_id > 0 && store != NULL)
    {
      g_autoptr(GPtrArray) branches = fid_store_list_branches (store, NULL);

      for (guint i = 0; branches != NULL && i < branches->len; i++)
        if (fid_branch_get_id (g_ptr_array_index (branches, i)) == filter->branch_id)
          branch = g_strdup (fid_branch_get_name (g_ptr_array_index (branches, i)));
    }
  if (filter->advisor_id > 0 && store != NULL)
    {
      g_autoptr(FidAdvisor) found = fid_store_get_advisor (store, filter->advisor_id, NULL);

      if (found != NULL)
        advisor = fid_advisor_dup_display_name (found);
    }

  if (filter->kind == FID_DASHBOARD_ADVISOR)
    /* Translators: whose customers the advisor dashboard counts */
    return g_strdup_printf (_("Portfolio of %s"), advisor != NULL ? advisor : "?");
  if (branch != NULL && advisor != NULL)
    /* Translators: whose customers a dashboard counts: branch · advisor */
    return g_strdup_printf (_("%s · %s’s customers"), branch, advisor);
  if (branch != NULL)
    /* Translators: whose customers a dashboard counts */
    return g_strdup_printf (_("%s · every advisor"), branch);
  if (advisor != NULL)
    return g_strdup_printf (_("Customers of %s"), advisor);
  return g_strdup (_("The whole bank"));
}

char *
fid_dashboard_format_month (const char *month)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int year, number;

  if (sscanf (month, "%d-%d", &year, &number) != 2)
    return g_strdup (month);
  date = g_date_time_new (utc, year, number, 1, 0, 0, 0);
  /* Translators: a month on a chart's axis, strftime format ("Jul 2025") */
  return date != NULL ? g_date_time_format (date, _("%b %Y")) : g_strdup (month);
}

const char *
fid_dashboard_category_label (const char *category)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "branch", N_("Branch") }, { "card", N_("Cards") }, { "fees", N_("Fees") },
    { "loan", N_("Loans") }, { "service", N_("Service") }, { "transfer", N_("Transfers") },
    { "fraud", N_("Fraud") }, { "online", N_("Online Banking") }, { "insurance", N_("Insurance") },
  };

  if (category == NULL || category[0] == '\0')
    return _("Uncategorised");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, category))
      return _(labels[i].label);
  return category;
}

const char *
fid_dashboard_segment_label (const char *segment)
{
  return segment[0] == '\0' ? _("Not in the snapshot") : fid_segment_label ("rfm", segment);
}

/* Making and filling ---------------------------------------------------------- */

FidChart *
fid_dashboard_chart_new (FidDashboardChartId id)
{
  FidChart *chart = NULL;

  switch (id)
    {
    case FID_DASHBOARD_CHART_FUNNEL:
      chart = fid_funnel_chart_new ();
      fid_chart_set_title (chart, _("Lifecycle Funnel"));
      fid_chart_set_y_label (chart, _("Customers"));
      break;
    case FID_DASHBOARD_CHART_STAGES:
      chart = fid_bar_chart_new ();
      fid_chart_set_title (chart, _("My Portfolio by Lifecycle Stage"));
      fid_chart_set_y_label (chart, _("Customers"));
      fid_bar_chart_set_format (FID_BAR_CHART (chart), FID_CHART_FORMAT_INTEGER);
      break;
    case FID_DASHBOARD_CHART_PARETO:
      chart = fid_pareto_chart_new ();
      fid_chart_set_title (chart, _("Revenue Concentration"));
      fid_chart_set_x_label (chart, _("Share of customers, best first"));
      fid_chart_set_y_label (chart, _("Share of revenue"));
      fid_chart_set_empty_text (chart, _("No revenue in the period"));
      break;
    case FID_DASHBOARD_CHART_RFM:
      chart = fid_grid_chart_new ();
      fid_chart_set_title (chart, _("RFM Heat Map"));
      fid_chart_set_x_label (chart, _("Recency score (5: most recent)"));
      fid_chart_set_y_label (chart, _("Frequency score (5: most frequent)"));
      fid_grid_chart_set_value_name (FID_GRID_CHART (chart), _("Mean monetary value"), FID_CHART_FORMAT_MONEY);
      fid_chart_set_empty_text (chart, _("No transaction in the year to the end of the period"));
      break;
    case FID_DASHBOARD_CHART_MIGRATION:
      chart = fid_grid_chart_new ();
      fid_chart_set_title (chart, _("RFM Segment Migration"));
      fid_chart_set_empty_text (chart, _("Save two RFM snapshots in Segmentation to see how customers move"));
      break;
    case FID_DASHBOARD_CHART_NPS:
      chart = fid_line_chart_new ();
      fid_chart_set_title (chart, _("NPS by Month"));
      fid_chart_set_y_label (chart, _("NPS"));
      fid_line_chart_set_format (FID_LINE_CHART (chart), FID_CHART_FORMAT_NUMBER);
      fid_chart_set_empty_text (chart, _("No NPS answer in these months"));
      break;
    case FID_DASHBOARD_CHART_COMPLAINTS:
      chart = fid_bar_chart_new ();
      fid_chart_set_title (chart, _("Complaints by Category"));
      fid_chart_set_y_label (chart, _("Complaints opened"));
      fid_bar_chart_set_format (FID_BAR_CHART (chart), FID_CHART_FORMAT_INTEGER);
      fid_chart_set_empty_text (chart, _("No complaint in the period"));
      break;
    case FID_DASHBOARD_CHART_CONTACTS:
      chart = fid_bar_chart_new ();
      fid_chart_set_title (chart, _("Contacts by Channel"));
      fid_chart_set_y_label (chart, _("Contacts"));
      fid_bar_chart_set_format (FID_BAR_CHART (chart), FID_CHART_FORMAT_INTEGER);
      fid_chart_set_empty_text (chart, _("No contact in these months"));
      break;
    case FID_DASHBOARD_CHART_CAMPAIGNS:
      chart = fid_bar_chart_new ();
      fid_chart_set_title (chart, _("Campaign Response"));
      fid_chart_set_y_label (chart, _("Customers in the test group"));
      fid_bar_chart_set_format (FID_BAR_CHART (chart), FID_CHART_FORMAT_INTEGER);
      fid_chart_set_empty_text (chart, _("No campaign ran during the period"));
      break;
    case FID_DASHBOARD_CHART_SEGMENTS:
      chart = fid_bar_chart_new ();
      fid_chart_set_title (chart, _("My Portfolio by RFM Segment"));
      fid_chart_set_y_label (chart, _("Customers"));
      fid_bar_chart_set_format (FID_BAR_CHART (chart), FID_CHART_FORMAT_INTEGER);
      fid_chart_set_empty_text (chart, _("Save an RFM snapshot in Segmentation to see your portfolio’s segments"));
      break;
    case FID_DASHBOARD_CHART_LIFE_EVENTS:
      chart = fid_bar_chart_new ();
      fid_chart_set_title (chart, _("Life Events This Month"));
      fid_chart_set_y_label (chart, _("Customers’ events"));
      fid_bar_chart_set_format (FID_BAR_CHART (chart), FID_CHART_FORMAT_INTEGER);
      fid_chart_set_empty_text (chart, _("No life event this month"));
      break;
    case FID_DASHBOARD_CHART_OPEN_TICKETS:
      chart = fid_bar_chart_new ();
      fid_chart_set_title (chart, _("My Open Tickets"));
      fid_chart_set_y_label (chart, _("Tickets"));
      fid_bar_chart_set_format (FID_BAR_CHART (chart), FID_CHART_FORMAT_INTEGER);
      fid_chart_set_empty_text (chart, _("No open ticket"));
      break;
    case FID_DASHBOARD_CHART_MAP:
      chart = fid_dashboard_map_new ();
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  g_object_set_data (G_OBJECT (chart), CHART_ID_KEY, GINT_TO_POINTER (id + 1));
  return chart;
}

FidDashboardChartId
fid_dashboard_chart_get_id (FidChart *chart)
{
  return (FidDashboardChartId) (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chart), CHART_ID_KEY)) - 1);
}

FidChart *
fid_dashboard_tile_new (FidKpi kpi)
{
  FidChart *tile = fid_kpi_tile_new (fid_dashboard_kpi_label (kpi));

  fid_kpi_tile_set_higher_is_better (FID_KPI_TILE (tile), fid_kpi_higher_is_better (kpi));
  fid_kpi_tile_set_change_in_points (FID_KPI_TILE (tile), change_in_points (kpi));
  g_object_set_data (G_OBJECT (tile), KPI_KEY, GINT_TO_POINTER (kpi + 1));
  return tile;
}

FidKpi
fid_dashboard_tile_get_kpi (FidChart *tile)
{
  return (FidKpi) (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tile), KPI_KEY)) - 1);
}

static void
set_keys (FidChart   *chart,
          const char *name,
          GPtrArray  *keys)
{
  g_ptr_array_add (keys, NULL);
  g_object_set_data_full (G_OBJECT (chart), name, g_ptr_array_steal (keys, NULL), (GDestroyNotify) g_strfreev);
}

const char *
fid_dashboard_chart_get_key (FidChart   *chart,
                             const char *name,
                             guint       index)
{
  GStrv keys = g_object_get_data (G_OBJECT (chart), name);

  return keys != NULL && index < g_strv_length (keys) ? keys[index] : NULL;
}

/* A bar per key with its count; the keys are kept for clicks. */
static void
fill_bars (FidChart           *chart,
           const char * const *keys,
           const gint64       *counts,
           guint               n,
           const char *      (*label_for) (const char *key),
           gboolean            skip_zero)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    {
      double value = (double) counts[i];

      if (skip_zero && counts[i] == 0)
        continue;
      g_ptr_array_add (kept, g_strdup (keys[i]));
      g_ptr_array_add (labels, (gpointer) label_for (keys[i]));
      g_array_append_val (values, value);
    }
  set_keys (chart, KEYS_KEY, kept);
  fid_bar_chart_set_data (FID_BAR_CHART (chart), (const char * const *) labels->pdata,
                          (const double *) (gpointer) values->data, values->len);
}

static void
fill_stages (FidChart     *chart,
             FidDashboard *dashboard)
{
  const char * const *stages = fid_store_lifecycle_stages ();
  const gint64 *counts = fid_dashboard_get_stage_counts (dashboard);
  /* Funnel order: from prospect to lost, the reactivated last; "unknown"
   * only when some customers are in it. */
  static const guint order[] = { 1, 2, 3, 4, 5, 6, 7, 0 };
  const char *keys[G_N_ELEMENTS (order)];
  gint64 values[G_N_ELEMENTS (order)];
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (order[i] == 0 && counts[0] == 0)
        continue;
      keys[n] = stages[order[i]];
      values[n++] = counts[order[i]];
    }
  fill_bars (chart, keys, values, n, fid_format_lifecycle_stage, FALSE);
}

/* The funnel's steps, each within the one above: the lifecycle stages
 * (DOMAIN.md) are states, not steps, so each step counts every stage
 * from which a customer has got at least that far. */
static const struct
{
  const char *label;
  const char *stages;  /* comma-separated lifecycle stages */
} funnel_steps[] = {
  { N_("Prospects and customers"), "prospect,new,satisfied,dissatisfied,inactive,lost,reactivated" },
  { N_("Became customers"), "new,satisfied,dissatisfied,inactive,lost,reactivated" },
  { N_("Still customers"), "new,satisfied,dissatisfied,inactive,reactivated" },
  { N_("Active customers"), "new,satisfied,dissatisfied,reactivated" },
  { N_("Satisfied customers"), "satisfied" },
};

static void
fill_funnel (FidChart     *chart,
             FidDashboard *dashboard)
{
  const char * const *stages = fid_store_lifecycle_stages ();
  const gint64 *counts = fid_dashboard_get_stage_counts (dashboard);
  const char *labels[G_N_ELEMENTS (funnel_steps)];
  double values[G_N_ELEMENTS (funnel_steps)];
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (funnel_steps); i++)
    {
      g_auto(GStrv) members = g_strsplit (funnel_steps[i].stages, ",", -1);

      labels[i] = _(funnel_steps[i].label);
      values[i] = 0;
      for (guint s = 0; stages[s] != NULL; s++)
        if (g_strv_contains ((const char * const *) members, stages[s]))
          values[i] += (double) counts[s];
      g_ptr_array_add (keys, g_strdup (funnel_steps[i].stages));
    }
  set_keys (chart, KEYS_KEY, keys);
  fid_funnel_chart_set_data (FID_FUNNEL_CHART (chart), labels, values, G_N_ELEMENTS (funnel_steps));
}

const char *
fid_dashboard_funnel_step_label (guint index)
{
  return index < G_N_ELEMENTS (funnel_steps) ? _(funnel_steps[index].label) : NULL;
}

static void
fill_pareto (FidChart     *chart,
             FidDashboard *dashboard)
{
  const double *x, *y;
  guint n = fid_dashboard_get_pareto (dashboard, &x, &y);
  const char *names[] = { _("A"), _("B"), _("C") };

  fid_pareto_chart_set_curve (FID_PARETO_CHART (chart), x, y, n);
  fid_pareto_chart_set_bands (FID_PARETO_CHART (chart), fid_dashboard_band_limits, names,
                              n > 0 ? FID_DASHBOARD_N_BANDS : 0);
}

static void
fill_rfm (FidChart     *chart,
          FidDashboard *dashboard)
{
  static const char * const rows[] = { "F 5", "F 4", "F 3", "F 2", "F 1" };
  static const char * const columns[] = { "R 1", "R 2", "R 3", "R 4", "R 5" };
  const guint64 *counts = fid_dashboard_get_rfm_counts (dashboard);
  const double *means = fid_dashboard_get_rfm_means (dashboard);
  double euros[25];
  guint64 total = 0;

  for (guint i = 0; i < 25; i++)
    {
      euros[i] = means[i] / 100.0;
      total += counts[i];
    }
  if (total == 0)
    fid_grid_chart_set_data (FID_GRID_CHART (chart), 0, 0, NULL, NULL, NULL, NULL);
  else
    fid_grid_chart_set_data (FID_GRID_CHART (chart), 5, 5, rows, columns, counts, euros);
}

static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      keys)
{
  const char *x = ((GStrv) keys)[*(const guint *) a], *y = ((GStrv) keys)[*(const guint *) b];

  return fid_segment_rank ("rfm", x) - fid_segment_rank ("rfm", y);
}

/* The indexes of @keys in the scheme's order (champions first, "" last). */
static guint *
rank_order (GStrv keys,
            guint n)
{
  guint *order = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_ranks, keys);
  return order;
}

static void
fill_migration (FidChart     *chart,
                FidDashboard *dashboard)
{
  const char *from = NULL, *to = NULL;
  const FidMigration *m = fid_dashboard_get_migration (dashboard, &from, &to);
  g_autoptr(GPtrArray) row_labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) column_labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autofree guint *rows = NULL;
  g_autofree guint *columns = NULL;
  g_autofree guint64 *counts = NULL;
  g_autofree char *from_date = NULL;
  g_autofree char *to_date = NULL;
  g_autofree char *x_label = NULL;
  g_autofree char *y_label = NULL;
  g_autofree char *subtitle = NULL;
  guint n_from, n_to;

  if (m == NULL)
    {
      fid_grid_chart_set_data (FID_GRID_CHART (chart), 0, 0, NULL, NULL, NULL, NULL);
      return;
    }
  /* Rows and columns in the scheme's order, as the Segmentation page
   * shows them: the best segments first. */
  n_from = g_strv_length (m->from_keys);
  n_to = g_strv_length (m->to_keys);
  rows = rank_order (m->from_keys, n_from);
  columns = rank_order (m->to_keys, n_to);
  counts = g_new0 (guint64, MAX (n_from * n_to, 1));
  for (guint i = 0; i < n_from; i++)
    g_ptr_array_add (row_labels, (gpointer) fid_dashboard_segment_label (m->from_keys[rows[i]]));
  for (guint j = 0; j < n_to; j++)
    g_ptr_array_add (column_labels, (gpointer) fid_dashboard_segment_label (m->to_keys[columns[j]]));
  /* Each cell's key: rfm/from/segment/to/segment. */
  for (guint i = 0; i < n_from; i++)
    for (guint j = 0; j < n_to; j++)
      {
        counts[i * n_to + j] = m->counts[rows[i] * n_to + columns[j]];
        g_ptr_array_add (keys, g_strjoin ("/", "rfm", from, m->from_keys[rows[i]], to,
                                          m->to_keys[columns[j]], NULL));
      }
  set_keys (chart, KEYS_KEY, keys);

  from_date = fid_format_date (from);
  to_date = fid_format_date (to);
  /* Translators: the axes of the migration matrix: the snapshot's date */
  x_label = g_strdup_printf (_("Segment on %s"), to_date);
  y_label = g_strdup_printf (_("Segment on %s"), from_date);
  fid_chart_set_x_label (chart, x_label);
  fid_chart_set_y_label (chart, y_label);
  if (m->in_both > 0)
    {
      g_autofree char *share = fid_chart_format_value ((double) m->stayed / (double) m->in_both,
                                                       FID_CHART_FORMAT_PERCENT, TRUE);

      /* Translators: the migration's subtitle: the share of customers in
       * both snapshots who kept their segment */
      subtitle = g_strdup_printf (_("%s kept their segment"), share);
    }
  fid_chart_set_subtitle (chart, subtitle);
  fid_grid_chart_set_data (FID_GRID_CHART (chart), n_from, n_to,
                           (const char * const *) row_labels->pdata, (const char * const *) column_labels->pdata,
                           counts, NULL);
}

/* The month labels of the trends, with the months kept for clicks. */
static GPtrArray *
month_labels (FidChart     *chart,
              FidDashboard *dashboard)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) months = g_ptr_array_new ();

  for (guint m = 0; m < fid_dashboard_get_n_months (dashboard); m++)
    {
      g_ptr_array_add (labels, fid_dashboard_format_month (fid_dashboard_get_month (dashboard, m)));
      g_ptr_array_add (months, g_strdup (fid_dashboard_get_month (dashboard, m)));
    }
  set_keys (chart, MONTHS_KEY, months);
  return labels;
}

static void
fill_nps (FidChart     *chart,
          FidDashboard *dashboard)
{
  g_autoptr(GPtrArray) labels = month_labels (chart, dashboard);
  const double *nps = fid_dashboard_get_nps_trend (dashboard, NULL);
  const char *series[] = { _("NPS") };
  gboolean any = FALSE;

  for (guint m = 0; m < labels->len; m++)
    any |= !isnan (nps[m]);
  fid_line_chart_set_data (FID_LINE_CHART (chart), (const char * const *) labels->pdata, any ? labels->len : 0,
                           series, 1, nps);
}

static void
fill_contacts (FidChart     *chart,
               FidDashboard *dashboard)
{
  g_autoptr(GPtrArray) labels = month_labels (chart, dashboard);
  const char * const *channels = fid_dashboard_get_channels (dashboard);
  const gint64 *contacts = fid_dashboard_get_contacts (dashboard);
  guint n_channels = g_strv_length ((char **) channels), n_months = labels->len;
  g_autofree double *values = g_new0 (double, MAX (n_channels * n_months, 1));
  g_autofree const char **names = g_new0 (const char *, n_channels + 1);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint c = 0; c < n_channels; c++)
    {
      names[c] = fid_format_channel (channels[c]);
      g_ptr_array_add (keys, g_strdup (channels[c]));
      for (guint m = 0; m < n_months; m++)
        values[c * n_months + m] = (double) contacts[c * n_months + m];
    }
  set_keys (chart, KEYS_KEY, keys);
  if (n_channels == 0)
    fid_bar_chart_set_data (FID_BAR_CHART (chart), NULL, NULL, 0);
  else
    fid_bar_chart_set_stacked (FID_BAR_CHART (chart), (const char * const *) labels->pdata,
                               n_months, names, n_channels, values);
}

static void
fill_campaigns (FidChart     *chart,
                FidDashboard *dashboard)
{
  GPtrArray *campaigns = fid_dashboard_get_campaigns (dashboard);
  guint n = campaigns != NULL ? campaigns->len : 0;
  const char *series[] = { _("Converted"), _("Responded"), _("No response") };
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree double *values = g_new0 (double, MAX (3 * n, 1));
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint c = 0; c < n; c++)
    {
      FidDashboardCampaign *campaign = g_ptr_array_index (campaigns, c);

      names[c] = campaign->name;
      g_ptr_array_add (keys, g_strdup_printf ("%" PRId64, campaign->id));
      values[0 * n + c] = (double) campaign->test_converted;
      values[1 * n + c] = (double) MAX (campaign->test_responded - campaign->test_converted, 0);
      values[2 * n + c] = (double) MAX (campaign->test - MAX (campaign->test_responded, campaign->test_converted), 0);
    }
  set_keys (chart, KEYS_KEY, keys);
  fid_bar_chart_set_stacked (FID_BAR_CHART (chart), names, n, series, 3, values);
}

static void
fill_advisor_counts (FidChart   *chart,
                     GPtrArray  *rows,
                     const char *(*label_for) (const char *key))
{
  guint n = rows != NULL ? rows->len : 0;
  g_autofree const char **keys = g_new0 (const char *, n + 1);
  g_autofree gint64 *counts = g_new0 (gint64, n + 1);

  for (guint i = 0; i < n; i++)
    {
      FidDashboardCount *row = g_ptr_array_index (rows, i);

      keys[i] = row->key;
      counts[i] = row->n;
    }
  fill_bars (chart, keys, counts, n, label_for, TRUE);
}

static void
fill_tile (FidChart     *tile,
           FidDashboard *dashboard)
{
  FidKpi kpi = fid_dashboard_tile_get_kpi (tile);
  g_autofree char *value = fid_dashboard_format_kpi (dashboard, kpi, FALSE);

  fid_kpi_tile_set_value (FID_KPI_TILE (tile), value);
  fid_kpi_tile_set_change (FID_KPI_TILE (tile), fid_dashboard_get_kpi_change (dashboard, kpi));
}

void
fid_dashboard_chart_fill (FidChart     *chart,
                          FidDashboard *dashboard)
{
  const FidDashboardFilter *filter = fid_dashboard_get_filter (dashboard);
  g_autofree char *period = fid_dashboard_format_period (filter->start, filter->end);
  g_autofree char *as_of = NULL;
  g_autofree char *months = NULL;
  const FidDashboardAdvisorDay *day = fid_dashboard_get_advisor_day (dashboard);

  g_return_if_fail (FID_IS_CHART (chart));
  g_return_if_fail (FID_IS_DASHBOARD (dashboard));

  if (FID_IS_KPI_TILE (chart))
    {
      fill_tile (chart, dashboard);
      return;
    }

  {
    g_autofree char *date = fid_format_date (filter->end);

    /* Translators: a chart's subtitle: the day its figures are as of */
    as_of = g_strdup_printf (_("As of %s"), date);
  }
  if (fid_dashboard_get_n_months (dashboard) > 0)
    {
      guint n_months = fid_dashboard_get_n_months (dashboard);
      g_autofree char *first = fid_dashboard_format_month (fid_dashboard_get_month (dashboard, 0));
      g_autofree char *last = fid_dashboard_format_month (fid_dashboard_get_month (dashboard, n_months - 1));

      /* Translators: the months a trend covers ("Jul 2025 – Jun 2026") */
      months = g_strdup_printf (_("%s – %s"), first, last);
    }
  switch (fid_dashboard_chart_get_id (chart))
    {
    case FID_DASHBOARD_CHART_FUNNEL:
      fill_funnel (chart, dashboard);
      fid_chart_set_subtitle (chart, _("Customers today; each step within the one above"));
      break;
    case FID_DASHBOARD_CHART_STAGES:
      fill_stages (chart, dashboard);
      fid_chart_set_subtitle (chart, _("Customers in each stage today"));
      break;
    case FID_DASHBOARD_CHART_PARETO:
      fill_pareto (chart, dashboard);
      fid_chart_set_subtitle (chart, period);
      break;
    case FID_DASHBOARD_CHART_RFM:
      fill_rfm (chart, dashboard);
      fid_chart_set_subtitle (chart, as_of);
      break;
    case FID_DASHBOARD_CHART_MIGRATION:
      fill_migration (chart, dashboard);
      break;
    case FID_DASHBOARD_CHART_NPS:
      fill_nps (chart, dashboard);
      fid_chart_set_subtitle (chart, months);
      break;
    case FID_DASHBOARD_CHART_COMPLAINTS:
      {
        const gint64 *counts = NULL;
        const char * const *keys = fid_dashboard_get_complaint_categories (dashboard, &counts);

        fill_bars (chart, keys, counts, g_strv_length ((char **) keys), fid_dashboard_category_label, FALSE);
        fid_chart_set_subtitle (chart, period);
      }
      break;
    case FID_DASHBOARD_CHART_CONTACTS:
      fill_contacts (chart, dashboard);
      fid_chart_set_subtitle (chart, months);
      break;
    case FID_DASHBOARD_CHART_CAMPAIGNS:
      fill_campaigns (chart, dashboard);
      fid_chart_set_subtitle (chart, period);
      break;
    case FID_DASHBOARD_CHART_SEGMENTS:
      {
        const gint64 *counts = NULL;
        const char *taken_on = NULL;
        const char * const *keys = fid_dashboard_get_segments (dashboard, &counts, &taken_on);

        if (keys == NULL)
          fid_bar_chart_set_data (FID_BAR_CHART (chart), NULL, NULL, 0);
        else
          {
            g_autofree char *date = fid_format_date (taken_on);
            /* Translators: the subtitle of a chart of segments: the snapshot's date */
            g_autofree char *subtitle = g_strdup_printf (_("Snapshot of %s"), date);

            fill_bars (chart, keys, counts, g_strv_length ((char **) keys), fid_dashboard_segment_label, TRUE);
            fid_chart_set_subtitle (chart, subtitle);
          }
      }
      break;
    case FID_DASHBOARD_CHART_LIFE_EVENTS:
      fill_advisor_counts (chart, day->life_event_kinds, fid_format_life_event);
      fid_chart_set_subtitle (chart, as_of);
      break;
    case FID_DASHBOARD_CHART_OPEN_TICKETS:
      fill_advisor_counts (chart, day->open_ticket_kinds, fid_format_ticket_kind);
      break;
    case FID_DASHBOARD_CHART_MAP:
      fid_dashboard_map_fill (chart, dashboard);
      break;
    default:
      g_return_if_reached ();
    }
}
