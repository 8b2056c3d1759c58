/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The marketing dashboard's map (issue 13): revenue of the last 12 months
 * per territory, the branches and their catchment areas, from the figures
 * the dashboard read (fid_dashboard_get_territories). Its elements open
 * the customers of a territory or of a branch's catchment area, like the
 * Map page's. The figures are the whole bank's, whatever the filter. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-dashboard-charts-private.h"
#include "fid-format.h"
#include "fid-map-chart.h"
#include "fid-store-geo.h"

FidChart *
fid_dashboard_map_new (void)
{
  FidChart *chart = fid_map_chart_new ();

  fid_chart_set_title (chart, _("Revenue by Territory"));
  fid_map_chart_set_value_name (FID_MAP_CHART (chart), _("Revenue, last 12 months"), FID_CHART_FORMAT_MONEY);
  fid_map_chart_set_show_catchment (FID_MAP_CHART (chart), TRUE);
  fid_chart_set_empty_text (chart, _("No territories yet: import them on the Map page"));
  return chart;
}

void
fid_dashboard_map_fill (FidChart     *chart,
                        FidDashboard *dashboard)
{
  GPtrArray *territories = fid_dashboard_get_territories (dashboard);
  GPtrArray *branches = fid_dashboard_get_geo_branches (dashboard);
  const FidDashboardFilter *f = fid_dashboard_get_filter (dashboard);
  guint n = territories != NULL ? territories->len : 0, m = branches != NULL ? branches->len : 0;
  g_autofree FidGeometry **outlines = g_new0 (FidGeometry *, n + 1);
  g_autofree const char **codes = g_new0 (const char *, n + 1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = g_new0 (double, n + 1);
  g_autofree double *lons = g_new0 (double, m + 1);
  g_autofree double *lats = g_new0 (double, m + 1);
  g_autofree const char **branch_names = g_new0 (const char *, m + 1);

  for (guint i = 0; i < n; i++)
    {
      FidGeoTerritory *t = g_ptr_array_index (territories, i);
      g_autofree char *customers = fid_format_count ((guint64) t->customers);

      outlines[i] = t->geometry;
      codes[i] = t->code;
      values[i] = (double) t->revenue_cents / 100;
      g_ptr_array_add (names, g_strdup_printf ("%s (%s)", t->name, t->code));
      /* Translators: a territory's tooltip on the dashboard's map */
      g_ptr_array_add (details, g_strdup_printf (_("Customers: %s"), customers));
    }
  for (guint j = 0; j < m; j++)
    {
      FidGeoBranch *b = g_ptr_array_index (branches, j);

      lons[j] = b->longitude;
      lats[j] = b->latitude;
      branch_names[j] = b->name;
    }
  /* Not read yet (the page reads the map apart): say so rather than "no
   * territories". */
  fid_chart_set_empty_text (chart, territories == NULL ? _("Reading the territories’ figures…")
                                                       : _("No territories yet: import them on the Map page"));
  fid_map_chart_set_territories (FID_MAP_CHART (chart), n, outlines, codes, (const char * const *) names->pdata,
                                 values, (const char * const *) details->pdata);
  fid_map_chart_set_branches (FID_MAP_CHART (chart), m, lons, lats, branch_names, NULL);
  fid_chart_set_subtitle (chart, f->branch_id > 0 || f->advisor_id > 0
                                   ? _("Whole bank, whatever the filter; dashed: the branches’ catchment areas")
                                   : _("Dashed: the branches’ catchment areas"));
}

GArray *
fid_dashboard_map_dup_ids (FidChart      *chart,
                           FidDashboard  *dashboard,
                           FidStore      *store,
                           guint          index,
                           char         **element,
                           GError       **error)
{
  GPtrArray *territories = fid_dashboard_get_territories (dashboard);
  GPtrArray *branches = fid_dashboard_get_geo_branches (dashboard);
  guint n = territories != NULL ? territories->len : 0;

  if (index < n)
    {
      FidGeoTerritory *t = g_ptr_array_index (territories, index);

      *element = g_strdup_printf ("%s (%s)", t->name, t->code);
      return fid_store_geo_list_customers (store, t->id, error);
    }
  if (branches != NULL && index - n < branches->len)
    {
      FidGeoBranch *b = g_ptr_array_index (branches, index - n);

      /* Translators: the customers nearest to a branch */
      *element = g_strdup_printf (_("catchment area of %s"), b->name);
      return fid_store_geo_list_catchment (store, b->id, error);
    }
  return NULL;
}

/* Reading the figures apart ------------------------------------------------------ */

/* The map's figures are the whole bank's and take seconds on a million
 * customers: the page reads them after the rest of the dashboard, in a
 * thread on a connection of its own, and the map fills in when they
 * arrive. */
typedef struct
{
  char         *path;
  FidDashboard *dashboard;      /* the one they are for */
  GPtrArray    *territories;
  GPtrArray    *branches;
} MapRead;

static void
map_read_free (MapRead *read)
{
  g_free (read->path);
  g_clear_object (&read->dashboard);
  g_clear_pointer (&read->territories, g_ptr_array_unref);
  g_clear_pointer (&read->branches, g_ptr_array_unref);
  g_free (read);
}

/* Both arrays, empty when no territories were imported. */
static gboolean
read_figures (FidStore   *store,
              GPtrArray **territories,
              GPtrArray **branches,
              GError    **error)
{
  g_autofree char *set = fid_store_geo_dup_current_set (store, error);

  if (set == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      *territories = g_ptr_array_new ();
      *branches = g_ptr_array_new ();
      return TRUE;
    }
  if ((*territories = fid_store_geo_list_territories (store, NULL, error)) == NULL)
    return FALSE;
  return (*branches = fid_store_geo_list_branches (store, error)) != NULL;
}

static void
map_read_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  MapRead *read = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_store_open (read->path, FID_STORE_OPEN_READ_ONLY, &error);

  if (store == NULL || !read_figures (store, &read->territories, &read->branches, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
fid_dashboard_map_read_async (gpointer             source_object,
                              const char          *path,
                              FidDashboard        *dashboard,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  MapRead *read = g_new0 (MapRead, 1);

  read->path = g_strdup (path);
  read->dashboard = g_object_ref (dashboard);
  g_task_set_task_data (task, read, (GDestroyNotify) map_read_free);
  g_task_run_in_thread (task, map_read_thread);
}

gboolean
fid_dashboard_map_read_finish (GAsyncResult  *result,
                               FidDashboard  *dashboard,
                               GError       **error)
{
  MapRead *read = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  /* Figures for an older dashboard (a refresh came between) are dropped. */
  if (read->dashboard == dashboard)
    fid_dashboard_set_map (dashboard, read->territories, read->branches);
  return TRUE;
}

void
fid_dashboard_map_read_now (FidDashboard *dashboard,
                            FidStore     *store)
{
  g_autoptr(GPtrArray) territories = NULL;
  g_autoptr(GPtrArray) branches = NULL;

  if (fid_dashboard_get_territories (dashboard) == NULL &&
      read_figures (store, &territories, &branches, NULL))
    fid_dashboard_set_map (dashboard, territories, branches);
}
