/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidDashboard: reading a computed dashboard — key figures, series, and
 * the customers behind the elements kept in memory (Pareto bands, RFM
 * cells). */

#include "config.h"

#include <math.h>

#include "fid-dashboard-private.h"
#include "fid-store-geo.h"

const FidDashboardFilter *
fid_dashboard_get_filter (FidDashboard *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  return &self->filter;
}

const char *
fid_dashboard_get_previous_start (FidDashboard *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  return self->previous_start;
}

const char *
fid_dashboard_get_previous_end (FidDashboard *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  return self->previous_end;
}

double
fid_dashboard_get_kpi (FidDashboard *self,
                       FidKpi        kpi)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NAN);
  g_return_val_if_fail (kpi < FID_N_KPIS, NAN);
  return self->kpis[kpi][0];
}

double
fid_dashboard_get_kpi_previous (FidDashboard *self,
                                FidKpi        kpi)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NAN);
  g_return_val_if_fail (kpi < FID_N_KPIS, NAN);
  return self->kpis[kpi][1];
}

double
fid_dashboard_get_kpi_change (FidDashboard *self,
                              FidKpi        kpi)
{
  double now, before;

  g_return_val_if_fail (FID_IS_DASHBOARD (self), NAN);
  g_return_val_if_fail (kpi < FID_N_KPIS, NAN);

  now = self->kpis[kpi][0];
  before = self->kpis[kpi][1];
  if (isnan (now) || isnan (before))
    return NAN;
  switch (fid_kpi_get_unit (kpi))
    {
    case FID_KPI_UNIT_SHARE:
      return now - before;
    case FID_KPI_UNIT_SCORE:
      return (now - before) / 100.0;
    case FID_KPI_UNIT_COUNT:
    case FID_KPI_UNIT_MONEY:
    default:
      /* From nothing, any change is no percentage at all. */
      return before != 0 ? (now - before) / fabs (before) : NAN;
    }
}

const gint64 *
fid_dashboard_get_stage_counts (FidDashboard *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  return self->stages;
}

guint
fid_dashboard_get_pareto (FidDashboard  *self,
                          const double **customer_share,
                          const double **revenue_share)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), 0);

  if (customer_share != NULL)
    *customer_share = self->figures.pareto_x;
  if (revenue_share != NULL)
    *revenue_share = self->figures.pareto_y;
  return self->figures.n_pareto;
}

double
fid_dashboard_get_band_share (FidDashboard *self,
                              guint         band)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NAN);
  g_return_val_if_fail (band < FID_DASHBOARD_N_BANDS, NAN);
  return self->figures.n_pareto > 0 ? self->figures.band_share[band] : NAN;
}

const guint64 *
fid_dashboard_get_rfm_counts (FidDashboard *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  return self->figures.rfm_counts;
}

const double *
fid_dashboard_get_rfm_means (FidDashboard *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);

  return self->rfm_means;
}

const FidMigration *
fid_dashboard_get_migration (FidDashboard  *self,
                             const char   **from_taken_on,
                             const char   **to_taken_on)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);

  if (from_taken_on != NULL)
    *from_taken_on = self->migration_from;
  if (to_taken_on != NULL)
    *to_taken_on = self->migration_to;
  return self->migration;
}

guint
fid_dashboard_get_n_months (FidDashboard *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), 0);
  return self->months != NULL ? self->months->len : 0;
}

const char *
fid_dashboard_get_month (FidDashboard *self,
                         guint         month)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  g_return_val_if_fail (self->months != NULL && month < self->months->len, NULL);
  return g_ptr_array_index (self->months, month);
}

const double *
fid_dashboard_get_nps_trend (FidDashboard  *self,
                             const gint64 **answers)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);

  if (answers != NULL)
    *answers = self->nps_answers;
  return self->nps_trend;
}

const char * const *
fid_dashboard_get_channels (FidDashboard *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  return (const char * const *) self->channels;
}

const gint64 *
fid_dashboard_get_contacts (FidDashboard *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  return self->contacts;
}

const char * const *
fid_dashboard_get_complaint_categories (FidDashboard  *self,
                                        const gint64 **counts)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);

  if (counts != NULL)
    *counts = self->category_counts;
  return (const char * const *) self->categories;
}

GPtrArray *
fid_dashboard_get_campaigns (FidDashboard *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  return self->campaigns;
}

const char * const *
fid_dashboard_get_segments (FidDashboard  *self,
                            const gint64 **counts,
                            const char   **taken_on)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);

  if (counts != NULL)
    *counts = self->segment_counts;
  if (taken_on != NULL)
    *taken_on = self->segments_taken_on;
  return (const char * const *) self->segments;
}

const FidDashboardAdvisorDay *
fid_dashboard_get_advisor_day (FidDashboard *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  return &self->advisor_day;
}

/* The customers whose cell (in @cells, one per view customer) is @value. */
static GArray *
ids_where (FidDashboard *self,
           const guint8 *cells,
           guint8        value)
{
  const FidTxColumnsView *view;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->columns == NULL || cells == NULL)
    return ids;
  view = fid_tx_columns_get_view (self->columns);
  for (gsize i = 0; i < view->n_customers; i++)
    if (cells[i] == value)
      g_array_append_val (ids, view->customer_id[i]);
  return ids;
}

GArray *
fid_dashboard_dup_band_ids (FidDashboard *self,
                            guint         band)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  g_return_val_if_fail (band < FID_DASHBOARD_N_BANDS, NULL);
  return ids_where (self, self->figures.band, (guint8) band);
}

GArray *
fid_dashboard_dup_rfm_cell_ids (FidDashboard *self,
                                guint         cell)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  g_return_val_if_fail (cell < 25, NULL);
  return ids_where (self, self->figures.rfm_cell, (guint8) cell);
}

/* The map (issue 13) ---------------------------------------------------------- */

gboolean
fid_dashboard_read_map (FidDashboard  *self,
                        FidStore      *store,
                        GError       **error)
{
  g_autofree char *set = fid_store_geo_dup_current_set (store, error);

  /* No territories: nothing to read (and nothing to pay for). */
  if (set == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      self->territories = g_ptr_array_new ();
      self->geo_branches = g_ptr_array_new ();
      return TRUE;
    }
  self->territories = fid_store_geo_list_territories (store, NULL, error);
  if (self->territories != NULL)
    self->geo_branches = fid_store_geo_list_branches (store, error);
  return self->territories != NULL && self->geo_branches != NULL;
}

GPtrArray *
fid_dashboard_get_territories (FidDashboard *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  return self->territories;
}

GPtrArray *
fid_dashboard_get_geo_branches (FidDashboard *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD (self), NULL);
  return self->geo_branches;
}

void
fid_dashboard_set_map (FidDashboard *self,
                       GPtrArray    *territories,
                       GPtrArray    *branches)
{
  g_return_if_fail (FID_IS_DASHBOARD (self));
  g_return_if_fail (territories != NULL && branches != NULL);

  g_clear_pointer (&self->territories, g_ptr_array_unref);
  g_clear_pointer (&self->geo_branches, g_ptr_array_unref);
  self->territories = g_ptr_array_ref (territories);
  self->geo_branches = g_ptr_array_ref (branches);
}
