/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Segmentation page in a window (needs a display: the "ui" suite):
 * running RFM on a small demo bank fills the 5×5 grid with the customers
 * that SQL counts independently, and activating a cell opens the customer
 * list narrowed to exactly that cell; ABC's bands do the same; a bad date
 * is refused with a message and no result. */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "fid-demo.h"
#include "fid-grid-chart.h"
#include "fid-pareto-chart.h"
#include "fid-plugin-test-util.h"
#include "fid-window-test-fixture.h"
#include "fid-segmentation-page.h"
#include "fid-segmentation-view.h"
#include "fid-window.h"

#define AS_OF "2026-06-30"

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

/* One integer from SQL run on the file directly: an independent count. */
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

static FidSegmentationPage *
run (Fixture    *fixture,
     const char *scheme,
     const char *as_of,
     guint       timeout_s)
{
  FidSegmentationPage *page = FID_SEGMENTATION_PAGE (fid_window_get_page (fixture->window, "segmentation"));
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  g_assert_nonnull (page);
  g_assert_true (fid_window_show_page (fixture->window, "segmentation"));
  g_assert_true (fid_segmentation_page_set_scheme (page, scheme));
  fid_segmentation_page_set_as_of (page, as_of);
  fid_segmentation_page_run (page);
  /* The run ends with a result, or with an error and the Run button
   * sensitive again. */
  while (fid_segmentation_page_get_result (page) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  spin (100);
  return page;
}

static guint
listed_customers (Fixture *fixture)
{
  GtkColumnView *view = fid_window_get_column_view (fixture->window);

  spin (200);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static void
test_rfm_grid_click (Fixture       *fixture,
                     gconstpointer  data)
{
  FidSegmentationPage *page = run (fixture, "rfm", AS_OF, 60);
  FidSegmentationView *view;
  FidChart *chart;
  gint64 active, shown = 0;
  guint busiest = 0, busiest_n = 0;

  g_assert_nonnull (fid_segmentation_page_get_result (page));
  view = FID_SEGMENTATION_VIEW (fid_segmentation_page_get_view (page));
  chart = fid_segmentation_view_get_chart (view);
  g_assert_true (FID_IS_GRID_CHART (chart));
  g_assert_cmpuint (fid_chart_get_n_elements (chart), ==, 25);
  g_assert_false (fid_chart_is_empty (chart));

  /* Every customer with a transaction in the window is in one cell. */
  active = sql_count (fixture->path,
                      "SELECT count (DISTINCT customer_id) FROM transactions"
                      " WHERE date > date ('" AS_OF "', '-365 days') AND date <= '" AS_OF "'");
  g_assert_cmpint (active, >, 0);
  for (guint cell = 0; cell < 25; cell++)
    {
      g_autoptr(GArray) ids = fid_segmentation_view_dup_element_ids (view, cell, NULL);

      shown += ids->len;
      if (ids->len > busiest_n)
        {
          busiest = cell;
          busiest_n = ids->len;
        }
    }
  g_assert_cmpint (shown, ==, active);

  /* Activating the cell opens the list narrowed to its customers. */
  fid_chart_activate_element (chart, busiest);
  spin (200);
  g_assert_cmpstr (fid_window_get_visible_page (fixture->window), ==, "customers");
  g_assert_cmpuint (listed_customers (fixture), ==, busiest_n);
  g_assert_cmpuint (listed_customers (fixture), <,
                    sql_count (fixture->path, "SELECT count (*) FROM customers"));
}

static void
test_abc_band_click (Fixture       *fixture,
                     gconstpointer  data)
{
  FidSegmentationPage *page = run (fixture, "abc", AS_OF, 60);
  FidSegmentationView *view = FID_SEGMENTATION_VIEW (fid_segmentation_page_get_view (page));
  FidChart *chart = fid_segmentation_view_get_chart (view);
  g_autoptr(GArray) a = NULL;
  gint64 with_revenue;

  g_assert_true (FID_IS_PARETO_CHART (chart));
  g_assert_cmpuint (fid_chart_get_n_elements (chart), ==, 3);
  /* The A band's revenue share is larger than its 10 % of customers. */
  g_assert_cmpfloat (fid_pareto_chart_get_band_share (FID_PARETO_CHART (chart), 0), >, 0.10);

  with_revenue = sql_count (fixture->path,
                            "SELECT count (*) FROM (SELECT customer_id FROM transactions"
                            " WHERE date > date ('" AS_OF "', '-365 days') AND date <= '" AS_OF "'"
                            " GROUP BY customer_id HAVING sum (amount_cents) > 0)");
  a = fid_segmentation_view_dup_element_ids (view, 0, NULL);
  /* A: ranks r with 100·r ≤ 10·N. */
  g_assert_cmpint (a->len, ==, with_revenue * 10 / 100);

  fid_chart_activate_element (chart, 0);
  spin (200);
  g_assert_cmpuint (listed_customers (fixture), ==, a->len);
}

static void
test_bad_date (Fixture       *fixture,
               gconstpointer  data)
{
  FidSegmentationPage *page = run (fixture, "rfm", "30/06/2026x", 3);

  g_assert_null (fid_segmentation_page_get_result (page));
  g_assert_null (fid_segmentation_page_get_view (page));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fidelis-segmentation-ui-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  /* Private crash sentinel and column cache (see test-plugin-ui.c for why
   * not G_TEST_OPTION_ISOLATE_DIRS). */
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

  g_test_add ("/segmentation/ui/rfm-grid-click", Fixture, NULL, fixture_set_up, test_rfm_grid_click, fixture_tear_down);
  g_test_add ("/segmentation/ui/abc-band-click", Fixture, NULL, fixture_set_up, test_abc_band_click, fixture_tear_down);
  g_test_add ("/segmentation/ui/bad-date", Fixture, NULL, fixture_set_up, test_bad_date, fixture_tear_down);

  return g_test_run ();
}
