/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Map page in a window (needs a display: the "ui" suite), on a demo
 * bank with the French départements imported (../shared/data/geo/, kept
 * outside the project: skipped when absent). The map shows every
 * département and branch; the département with the most customers is in
 * the darkest class; activating it opens the customer list narrowed to
 * exactly its customers (counted by SQL on the file); a branch opens its
 * catchment area; the keys pan and zoom. */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "fid-dashboard-page.h"
#include "fid-geo-page.h"
#include "fid-geojson.h"
#include "fid-store-geo.h"
#include "fid-window-test-fixture.h"

typedef FidWindowFixture Fixture;

#define spin fid_window_fixture_spin

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fid_window_fixture_set_up (fixture, 1500, 7);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fid_window_fixture_tear_down (fixture);
}

static gint64
sql_count (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static guint
listed_customers (Fixture *fixture)
{
  GtkColumnView *view = fid_window_get_column_view (fixture->window);

  spin (200);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

/* The page reads its figures in a thread: wait for them. */
static void
wait_loaded (FidGeoPage *page)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  spin (50);
  while (fid_geo_page_is_loading (page) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (fid_geo_page_is_loading (page));
  spin (50);
}

static gboolean
import_departements (Fixture *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "..", "shared", "data", "geo",
                                                 "departements-france-simplifie.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) territories = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the départements file is not at ../shared/data/geo/ (kept outside the project); skipping");
      return FALSE;
    }
  territories = fid_geojson_load_territories (file, "nom", "code", &error);
  g_assert_no_error (error);
  g_assert_true (fid_store_geo_import (fixture->store, "Départements", "departements-france-simplifie.geojson",
                                       "nom", "code", territories, NULL, &error));
  g_assert_no_error (error);
  /* What the page's own import does once done (fid-geo-import.c). */
  fid_geo_page_reload (FID_GEO_PAGE (fid_window_get_page (fixture->window, "map")));
  spin (200);
  return TRUE;
}

static void
test_map_page (Fixture       *fixture,
               gconstpointer  data)
{
  FidGeoPage *page = FID_GEO_PAGE (fid_window_get_page (fixture->window, "map"));
  gint64 n_branches, busiest_n = -1;
  g_autofree char *sql = NULL;
  FidMapChart *map;
  FidChart *chart;
  guint busiest = 0;
  g_autoptr(GPtrArray) territories = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *widget;

  g_assert_nonnull (page);
  if (!import_departements (fixture))
    return;
  g_assert_true (fid_window_show_page (fixture->window, "map"));
  wait_loaded (page);
  map = fid_geo_page_get_chart (page);
  chart = FID_CHART (map);
  n_branches = sql_count (fixture->path, "SELECT count (*) FROM branches WHERE latitude IS NOT NULL");
  g_assert_cmpuint (fid_chart_get_n_elements (chart), ==, 96 + n_branches);

  /* The page opens on revenue; find the busiest département by customers
   * from the store, then look at it under the Customers measure. */
  territories = fid_store_geo_list_territories (fixture->store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < territories->len; i++)
    {
      FidGeoTerritory *t = g_ptr_array_index (territories, i);

      if (t->customers > busiest_n)
        {
          busiest_n = t->customers;
          busiest = i;
        }
    }
  g_assert_cmpint (busiest_n, >, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_first_child (
    gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (page))))), 0);
  wait_loaded (page);
  g_assert_cmpint (fid_map_chart_get_class (map, busiest), ==, FID_MAP_N_CLASSES - 1);

  /* Its customers, counted on the file by postcode-free SQL. */
  sql = g_strdup_printf ("SELECT count (*) FROM customer_territories WHERE territory_id = %" G_GINT64_FORMAT,
                         ((FidGeoTerritory *) g_ptr_array_index (territories, busiest))->id);
  g_assert_cmpint (sql_count (fixture->path, sql), ==, busiest_n);
  fid_chart_activate_element (chart, busiest);
  spin (200);
  g_assert_cmpstr (fid_window_get_visible_page (fixture->window), ==, "customers");
  g_assert_cmpuint (listed_customers (fixture), ==, (guint) busiest_n);

  /* A branch opens its catchment area. */
  g_assert_true (fid_window_show_page (fixture->window, "map"));
  spin (100);
  fid_chart_activate_element (chart, 96);
  spin (200);
  g_assert_cmpstr (fid_window_get_visible_page (fixture->window), ==, "customers");
  g_assert_cmpuint (listed_customers (fixture), >, 0);

  /* The view: zoom in, then the whole map again. */
  g_assert_true (fid_window_show_page (fixture->window, "map"));
  spin (100);
  widget = fid_chart_get_widget (chart);
  gtk_widget_grab_focus (widget);
  g_assert_cmpfloat (fid_map_chart_get_zoom (map), ==, 1);
  fid_map_chart_zoom_at (map, 2, 100, 100, 600, 400);
  g_assert_cmpfloat (fid_map_chart_get_zoom (map), ==, 2);
  fid_map_chart_reset_view (map);
  g_assert_cmpfloat (fid_map_chart_get_zoom (map), ==, 1);

  /* The marketing dashboard: its figures first, then its map, read in a
   * thread of its own, fills in with every département. */
  {
    FidDashboardPage *dashboard = FID_DASHBOARD_PAGE (fid_window_get_page (fixture->window, "dashboard"));
    gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
    FidChart *dashboard_map;

    g_assert_nonnull (dashboard);
    g_assert_true (fid_window_show_page (fixture->window, "dashboard"));
    fid_dashboard_page_refresh (dashboard);
    while ((fid_dashboard_page_get_busy (dashboard) || fid_dashboard_page_is_reading_map (dashboard) ||
            fid_dashboard_page_get_dashboard (dashboard) == NULL) && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (fid_dashboard_page_is_reading_map (dashboard));
    dashboard_map = fid_dashboard_page_get_chart (dashboard, FID_DASHBOARD_CHART_MAP);
    g_assert_nonnull (dashboard_map);
    g_assert_false (fid_chart_is_empty (dashboard_map));
    g_assert_cmpuint (fid_chart_get_n_elements (dashboard_map), ==, 96 + n_branches);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fidelis-geo-ui-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  /* Private crash sentinel and column cache, as the other page tests. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (fid_test_ignore_libpeas, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("No display: run the ui suite under Xvfb");
      return g_test_run ();
    }
  adw_init ();
  g_test_add ("/geo/ui/map-page", Fixture, NULL, fixture_set_up, test_map_page, fixture_tear_down);
  return g_test_run ();
}
