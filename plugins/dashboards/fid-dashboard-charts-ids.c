/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The customers behind an element of a dashboard's chart or tile: from
 * the figures kept in memory (Pareto bands, RFM cells) or through the
 * store (stages, complaints, contacts, campaigns, snapshots, the
 * advisor's day), always for the dashboard's own filter and period. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "fid-dashboard-charts-private.h"
#include "fid-format.h"
#include "fid-kpi-tile.h"
#include "fid-store-dashboard.h"

/* The customers behind an element ----------------------------------------------- */

/* @a without @b (both ascending). */
static GArray *
ids_minus (GArray *a,
           GArray *b)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint j = 0;

  for (guint i = 0; i < a->len; i++)
    {
      gint64 id = g_array_index (a, gint64, i);

      while (j < b->len && g_array_index (b, gint64, j) < id)
        j++;
      if (j >= b->len || g_array_index (b, gint64, j) != id)
        g_array_append_val (result, id);
    }
  return result;
}

/* The days of @month ("YYYY-MM") inside the dashboard's trend months,
 * which end on the period's last day. */
static void
month_days (const char *month,
            const char *end,
            char        first[11],
            char        last[11])
{
  int year = 0, number = 0;
  GDate date;

  sscanf (month, "%d-%d", &year, &number);
  g_snprintf (first, 11, "%04d-%02d-01", year, number);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_get_days_in_month (number, year), number, year);
  g_date_strftime (last, 11, "%Y-%m-%d", &date);
  if (strcmp (last, end) > 0)
    g_strlcpy (last, end, 11);
}

static GArray *
store_ids (FidStore            *store,
           const FidDashboardFilter *filter,
           FidDashboardIds      what,
           const char          *key,
           const char          *start,
           const char          *end,
           GError             **error)
{
  return fid_store_list_dashboard_ids (store, filter->branch_id, filter->advisor_id, what, key, start, end, error);
}

static GArray *
tile_ids (FidChart           *tile,
          FidDashboard       *dashboard,
          FidStore           *store,
          char              **element,
          GError            **error)
{
  const FidDashboardFilter *f = fid_dashboard_get_filter (dashboard);
  FidKpi kpi = fid_dashboard_tile_get_kpi (tile);
  char month_start[11];

  g_snprintf (month_start, sizeof month_start, "%.8s01", f->end);
  *element = g_strdup (fid_dashboard_kpi_label (kpi));
  switch (kpi)
    {
    case FID_KPI_CUSTOMERS:
      /* The whole bank is the customer list itself. */
      if (f->branch_id <= 0 && f->advisor_id <= 0)
        return NULL;
      return fid_store_list_dashboard_customers (store, f->branch_id, f->advisor_id, error);
    case FID_KPI_FOLLOW_UPS_DUE:
      return store_ids (store, f, FID_DASHBOARD_IDS_FOLLOW_UPS, "", f->start, f->end, error);
    case FID_KPI_LIFE_EVENTS:
      return store_ids (store, f, FID_DASHBOARD_IDS_LIFE_EVENTS, "", month_start, f->end, error);
    case FID_KPI_OPEN_TICKETS:
      return store_ids (store, f, FID_DASHBOARD_IDS_OPEN_TICKETS, "", f->start, f->end, error);
    default:
      return NULL;
    }
}

GArray *
fid_dashboard_chart_dup_ids (FidChart      *chart,
                             FidDashboard  *dashboard,
                             FidStore      *store,
                             guint          index,
                             char         **label,
                             GError       **error)
{
  const FidDashboardFilter *f = fid_dashboard_get_filter (dashboard);
  g_autofree char *element = NULL;
  g_autofree char *period = fid_dashboard_format_period (f->start, f->end);
  GArray *ids = NULL;
  const char *key;
  char first[11], last[11];

  g_return_val_if_fail (FID_IS_CHART (chart), NULL);
  g_return_val_if_fail (FID_IS_DASHBOARD (dashboard), NULL);

  if (label != NULL)
    *label = NULL;
  if (FID_IS_KPI_TILE (chart))
    ids = tile_ids (chart, dashboard, store, &element, error);
  else
    switch (fid_dashboard_chart_get_id (chart))
      {
      case FID_DASHBOARD_CHART_FUNNEL:
        if ((key = fid_dashboard_chart_get_key (chart, KEYS_KEY, index)) == NULL)
          return NULL;
        element = g_strdup (fid_dashboard_funnel_step_label (index));
        ids = store_ids (store, f, FID_DASHBOARD_IDS_STAGES, key, f->start, f->end, error);
        break;
      case FID_DASHBOARD_CHART_STAGES:
        if ((key = fid_dashboard_chart_get_key (chart, KEYS_KEY, index)) == NULL)
          return NULL;
        element = g_strdup (fid_format_lifecycle_stage (key));
        ids = store_ids (store, f, FID_DASHBOARD_IDS_STAGE, key, f->start, f->end, error);
        break;
      case FID_DASHBOARD_CHART_PARETO:
        if (index >= FID_DASHBOARD_N_BANDS)
          return NULL;
        /* Translators: a Pareto band of customers ("Band A") */
        element = g_strdup_printf (_("Band %s"), index == 0 ? _("A") : index == 1 ? _("B") : _("C"));
        ids = fid_dashboard_dup_band_ids (dashboard, index);
        break;
      case FID_DASHBOARD_CHART_RFM:
        if (index >= 25)
          return NULL;
        element = g_strdup_printf ("R %u · F %u", index % 5 + 1, 5 - index / 5);
        ids = fid_dashboard_dup_rfm_cell_ids (dashboard, index);
        break;
      case FID_DASHBOARD_CHART_MIGRATION:
        if ((key = fid_dashboard_chart_get_key (chart, KEYS_KEY, index)) == NULL)
          return NULL;
        {
          g_auto(GStrv) parts = g_strsplit (key, "/", 5);

          /* Translators: a migration cell: from one segment to another */
          element = g_strdup_printf (_("%s → %s"), fid_dashboard_segment_label (parts[2]), fid_dashboard_segment_label (parts[4]));
        }
        ids = store_ids (store, f, FID_DASHBOARD_IDS_MIGRATION, key, f->start, f->end, error);
        break;
      case FID_DASHBOARD_CHART_NPS:
        if ((key = fid_dashboard_chart_get_key (chart, MONTHS_KEY, index)) == NULL)
          return NULL;
        month_days (key, f->end, first, last);
        element = fid_dashboard_format_month (key);
        g_clear_pointer (&period, g_free);
        ids = store_ids (store, f, FID_DASHBOARD_IDS_SCORES, "nps", first, last, error);
        break;
      case FID_DASHBOARD_CHART_COMPLAINTS:
        if ((key = fid_dashboard_chart_get_key (chart, KEYS_KEY, index)) == NULL)
          return NULL;
        element = g_strdup (fid_dashboard_category_label (key));
        ids = store_ids (store, f, FID_DASHBOARD_IDS_COMPLAINTS, key, f->start, f->end, error);
        break;
      case FID_DASHBOARD_CHART_CONTACTS:
        {
          GStrv months = g_object_get_data (G_OBJECT (chart), MONTHS_KEY);
          guint n_months = months != NULL ? g_strv_length (months) : 0;
          g_autofree char *month = NULL;

          if (n_months == 0 || (key = fid_dashboard_chart_get_key (chart, KEYS_KEY, index / n_months)) == NULL)
            return NULL;
          month_days (months[index % n_months], f->end, first, last);
          month = fid_dashboard_format_month (months[index % n_months]);
          /* Translators: a bar of contacts: the channel and the month */
          element = g_strdup_printf (_("%s, %s"), fid_format_channel (key), month);
          g_clear_pointer (&period, g_free);
          ids = store_ids (store, f, FID_DASHBOARD_IDS_CONTACTS, key, first, last, error);
        }
        break;
      case FID_DASHBOARD_CHART_CAMPAIGNS:
        {
          GStrv keys = g_object_get_data (G_OBJECT (chart), KEYS_KEY);
          guint n = keys != NULL ? g_strv_length (keys) : 0;
          guint series = n > 0 ? index / n : 3;
          g_autoptr(GArray) all = NULL;
          g_autoptr(GArray) responded = NULL;
          g_autoptr(GArray) converted = NULL;
          FidDashboardCampaign *campaign;

          if (series >= 3)
            return NULL;
          key = keys[index % n];
          campaign = g_ptr_array_index (fid_dashboard_get_campaigns (dashboard), index % n);
          converted = store_ids (store, f, FID_DASHBOARD_IDS_CAMPAIGN_CONVERTED, key, NULL, NULL, error);
          if (converted == NULL)
            return NULL;
          if (series > 0 && (responded = store_ids (store, f, FID_DASHBOARD_IDS_CAMPAIGN_RESPONDED, key,
                                                    NULL, NULL, error)) == NULL)
            return NULL;
          if (series > 1 && (all = store_ids (store, f, FID_DASHBOARD_IDS_CAMPAIGN, key, NULL, NULL, error)) == NULL)
            return NULL;
          ids = series == 0 ? g_array_ref (converted)
                : series == 1 ? ids_minus (responded, converted)
                : ids_minus (all, responded);
          /* The converted who never responded are counted as responded. */
          if (series == 2)
            {
              GArray *rest = ids_minus (ids, converted);

              g_array_unref (ids);
              ids = rest;
            }
          element = g_strdup_printf (_("%s, %s"), campaign->name,
                                     series == 0 ? _("Converted") : series == 1 ? _("Responded") : _("No response"));
        }
        break;
      case FID_DASHBOARD_CHART_SEGMENTS:
        {
          const char *taken_on = NULL;

          if ((key = fid_dashboard_chart_get_key (chart, KEYS_KEY, index)) == NULL)
            return NULL;
          fid_dashboard_get_segments (dashboard, NULL, &taken_on);
          element = g_strdup (fid_dashboard_segment_label (key));
          {
            g_autofree char *full = g_strjoin ("/", "rfm", taken_on, key, NULL);

            ids = store_ids (store, f, FID_DASHBOARD_IDS_SEGMENT, full, NULL, NULL, error);
          }
        }
        break;
      case FID_DASHBOARD_CHART_LIFE_EVENTS:
        if ((key = fid_dashboard_chart_get_key (chart, KEYS_KEY, index)) == NULL)
          return NULL;
        g_snprintf (first, sizeof first, "%.8s01", f->end);
        element = g_strdup (fid_format_life_event (key));
        ids = store_ids (store, f, FID_DASHBOARD_IDS_LIFE_EVENTS, key, first, f->end, error);
        break;
      case FID_DASHBOARD_CHART_OPEN_TICKETS:
        if ((key = fid_dashboard_chart_get_key (chart, KEYS_KEY, index)) == NULL)
          return NULL;
        element = g_strdup (fid_format_ticket_kind (key));
        ids = store_ids (store, f, FID_DASHBOARD_IDS_OPEN_TICKETS, key, NULL, NULL, error);
        break;
      case FID_DASHBOARD_CHART_MAP:
        /* Where they live, not a period (issue 13). */
        ids = fid_dashboard_map_dup_ids (chart, dashboard, store, index, &element, error);
        g_clear_pointer (&period, g_free);
        break;
      default:
        return NULL;
      }

  if (ids != NULL && label != NULL)
    {
      /* Whose customers, when not the whole bank's. */
      if (f->branch_id > 0 || f->advisor_id > 0)
        {
          g_autofree char *scope = fid_dashboard_dup_scope (store, f);
          char *with_scope = g_strdup_printf ("%s · %s", element, scope);

          g_free (element);
          element = with_scope;
        }
      /* Translators: the customer list's bar: chart, element, period
       * ("Lifecycle Funnel: Satisfied (1 Jul 2025 – 30 Jun 2026)") */
      *label = period != NULL ? g_strdup_printf (_("%s: %s (%s)"), fid_chart_get_title (chart), element, period)
                              : g_strdup_printf (_("%s: %s"), fid_chart_get_title (chart), element);
    }
  return ids;
}
