/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The dashboards in a window (needs a display: the "ui" suite): the page
 * refreshes in a worker thread on a small demo bank; filtering to a branch
 * changes the tiles to the branch's own figures; a click on the Pareto
 * chart's A band opens the customer list on exactly the A customers that
 * SQL ranks independently; the advisor's page counts their portfolio; the
 * presentation moves with the keys; the PDF report (in the app and
 * through fidelis-cli report) has its pages and words (pdfinfo and
 * pdftotext, from poppler-utils). */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "fid-dashboard-charts.h"
#include "fid-dashboard-page.h"
#include "fid-dashboard-presentation.h"
#include "fid-dashboard-report.h"
#include "fid-demo.h"
#include "fid-funnel-chart.h"
#include "fid-kpi-tile.h"
#include "fid-plugin-test-util.h"
#include "fid-store-workspace.h"
#include "fid-ticket.h"
#include "fid-window-test-fixture.h"
#include "fid-window.h"

#define END    "2026-06-30"
#define START  "2025-07-01"

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

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
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

/* Waits for the page's refresh to end, with a result. */
static FidDashboard *
wait_for (FidDashboardPage *page)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  spin (20);
  while ((fid_dashboard_page_get_busy (page) || fid_dashboard_page_get_dashboard (page) == NULL) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  spin (50);
  g_assert_false (fid_dashboard_page_get_busy (page));
  g_assert_nonnull (fid_dashboard_page_get_dashboard (page));
  return fid_dashboard_page_get_dashboard (page);
}

static FidDashboardPage *
open_dashboard (Fixture    *fixture,
                const char *id)
{
  FidDashboardPage *page = FID_DASHBOARD_PAGE (fid_window_get_page (fixture->window, id));

  g_assert_nonnull (page);
  g_assert_true (fid_window_show_page (fixture->window, id));
  /* The demo bank's own year, whatever today is. */
  fid_dashboard_page_set_period (page, 12, END);
  wait_for (page);
  return page;
}

static const char *
tile_value (FidDashboardPage *page,
            FidKpi            kpi)
{
  FidChart *tile = fid_dashboard_page_get_tile (page, kpi);

  g_assert_true (FID_IS_KPI_TILE (tile));
  return fid_kpi_tile_get_value (FID_KPI_TILE (tile));
}

static void
test_branch_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  FidDashboardPage *page = open_dashboard (fixture, "dashboard");
  FidDashboard *dashboard = fid_dashboard_page_get_dashboard (page);
  g_autofree char *customers = g_strdup (tile_value (page, FID_KPI_CUSTOMERS));
  g_autofree char *revenue = g_strdup (tile_value (page, FID_KPI_REVENUE));
  g_autofree char *active = g_strdup (tile_value (page, FID_KPI_ACTIVE_CUSTOMERS));
  gint64 branch_customers, branch_revenue;

  g_assert_cmpstr (fid_dashboard_get_filter (dashboard)->start, ==, START);
  g_assert_cmpfloat (fid_dashboard_get_kpi (dashboard, FID_KPI_CUSTOMERS), ==,
                     sql_count (fixture->path, "SELECT count (*) FROM customers"));
  g_assert_false (fid_chart_is_empty (fid_dashboard_page_get_chart (page, FID_DASHBOARD_CHART_PARETO)));

  /* Filtering to branch 1: a refresh in the worker, new tiles. */
  g_assert_true (fid_dashboard_page_set_branch_id (page, 1));
  g_assert_true (fid_dashboard_page_get_busy (page));
  dashboard = wait_for (page);
  g_assert_cmpint (fid_dashboard_get_filter (dashboard)->branch_id, ==, 1);
  branch_customers = sql_count (fixture->path, "SELECT count (*) FROM customers WHERE branch_id = 1");
  branch_revenue = sql_count (fixture->path,
                              "SELECT sum (t.amount_cents) FROM transactions t JOIN customers c ON c.id = t.customer_id"
                              " WHERE c.branch_id = 1 AND t.date BETWEEN '" START "' AND '" END "'");
  g_assert_cmpfloat (fid_dashboard_get_kpi (dashboard, FID_KPI_CUSTOMERS), ==, branch_customers);
  g_assert_cmpfloat (fid_dashboard_get_kpi (dashboard, FID_KPI_REVENUE), ==, branch_revenue);
  g_assert_cmpstr (tile_value (page, FID_KPI_CUSTOMERS), !=, customers);
  g_assert_cmpstr (tile_value (page, FID_KPI_REVENUE), !=, revenue);
  g_assert_cmpstr (tile_value (page, FID_KPI_ACTIVE_CUSTOMERS), !=, active);

  /* Back to every branch: the first figures again. */
  g_assert_true (fid_dashboard_page_set_branch_id (page, 0));
  wait_for (page);
  g_assert_cmpstr (tile_value (page, FID_KPI_CUSTOMERS), ==, customers);
}

static void
test_pareto_click (Fixture       *fixture,
                   gconstpointer  data)
{
  FidDashboardPage *page = open_dashboard (fixture, "dashboard");
  FidDashboard *dashboard = fid_dashboard_page_get_dashboard (page);
  FidChart *pareto = fid_dashboard_page_get_chart (page, FID_DASHBOARD_CHART_PARETO);
  g_autoptr(GArray) a = fid_dashboard_dup_band_ids (dashboard, 0);
  GtkColumnView *view = fid_window_get_column_view (fixture->window);
  GListModel *model;
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint k = 0;

  /* A: the ⌊N / 10⌋ best customers by revenue in the period (then id). */
  g_assert_cmpuint (a->len, ==,
                    sql_count (fixture->path, "SELECT count (*) / 10 FROM (SELECT customer_id FROM transactions"
                                              " WHERE date BETWEEN '" START "' AND '" END "'"
                                              " GROUP BY customer_id HAVING sum (amount_cents) > 0)"));
  g_assert_cmpuint (a->len, >, 0);

  fid_chart_activate_element (pareto, 0);
  spin (300);
  g_assert_cmpstr (fid_window_get_visible_page (fixture->window), ==, "customers");
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, a->len);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FidCustomer) customer = g_list_model_get_item (model, i);
      gint64 id = fid_customer_get_id (customer);

      g_array_append_val (listed, id);
    }

  /* Exactly SQL's A customers, whatever the list's order. */
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT customer_id FROM (SELECT customer_id, sum (amount_cents) AS r FROM transactions"
                                       " WHERE date BETWEEN '" START "' AND '" END "' GROUP BY customer_id HAVING r > 0"
                                       " ORDER BY r DESC, customer_id LIMIT ?) ORDER BY customer_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, a->len);
  g_array_sort (listed, compare_ids);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpuint (k, <, listed->len);
      g_assert_cmpint (g_array_index (listed, gint64, k), ==, sqlite3_column_int64 (stmt, 0));
      k++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (k, ==, listed->len);
}

static void
test_other_clicks (Fixture       *fixture,
                   gconstpointer  data)
{
  FidDashboardPage *page = open_dashboard (fixture, "dashboard");
  FidDashboard *dashboard = fid_dashboard_page_get_dashboard (page);
  FidChart *funnel = fid_dashboard_page_get_chart (page, FID_DASHBOARD_CHART_FUNNEL);
  FidChart *complaints = fid_dashboard_page_get_chart (page, FID_DASHBOARD_CHART_COMPLAINTS);
  FidChart *contacts = fid_dashboard_page_get_chart (page, FID_DASHBOARD_CHART_CONTACTS);
  FidChart *rfm = fid_dashboard_page_get_chart (page, FID_DASHBOARD_CHART_RFM);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) stage = NULL;
  g_autoptr(GArray) category = NULL;
  g_autoptr(GArray) channel = NULL;
  g_autoptr(GArray) cell = NULL;
  g_autofree char *label = NULL;
  g_autofree char *contacted_sql = g_strdup_printf ("SELECT count (DISTINCT customer_id) FROM interactions"
                                                    " WHERE channel = '%s' AND status = 'done'"
                                                    " AND at >= '2026-06-01' AND at < '2026-07-01'",
                                                    fid_dashboard_get_channels (dashboard)[0]);
  guint n_months = fid_dashboard_get_n_months (dashboard);

  /* The funnel: each step within the one above, from everyone known to
   * the satisfied; its fourth step is every active customer. */
  g_assert_true (FID_IS_FUNNEL_CHART (funnel));
  g_assert_cmpuint (fid_chart_get_n_elements (funnel), ==, 5);
  g_assert_cmpfloat (fid_funnel_chart_get_value (FID_FUNNEL_CHART (funnel), 0), ==,
                     sql_count (fixture->path, "SELECT count (*) FROM customers WHERE lifecycle_stage <> 'unknown'"));
  for (guint i = 1; i < 5; i++)
    {
      g_assert_cmpfloat (fid_funnel_chart_get_value (FID_FUNNEL_CHART (funnel), i), <=,
                         fid_funnel_chart_get_value (FID_FUNNEL_CHART (funnel), i - 1));
      g_assert_cmpfloat (fid_funnel_chart_get_step_rate (FID_FUNNEL_CHART (funnel), i), <=, 1.0);
    }
  stage = fid_dashboard_chart_dup_ids (funnel, dashboard, fixture->store, 3, &label, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stage->len, >, 0);
  g_assert_cmpuint (stage->len, ==, sql_count (fixture->path,
                                               "SELECT count (*) FROM customers WHERE lifecycle_stage"
                                               " IN ('new', 'satisfied', 'dissatisfied', 'reactivated')"));
  g_assert_cmpfloat (fid_funnel_chart_get_value (FID_FUNNEL_CHART (funnel), 3), ==, stage->len);
  g_assert_nonnull (label);
  g_clear_pointer (&label, g_free);
  /* The largest complaint category: its customers with such a complaint in the period. */
  category = fid_dashboard_chart_dup_ids (complaints, dashboard, fixture->store, 0, &label, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (category->len, >, 0);
  g_clear_pointer (&label, g_free);
  /* The busiest channel in the last month: its customers contacted then. */
  channel = fid_dashboard_chart_dup_ids (contacts, dashboard, fixture->store, n_months - 1, &label, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (channel->len, ==, sql_count (fixture->path, contacted_sql));
  g_clear_pointer (&label, g_free);
  /* An RFM cell: its count. */
  cell = fid_dashboard_chart_dup_ids (rfm, dashboard, fixture->store, 12, NULL, &error);
  g_assert_cmpuint (cell->len, ==, fid_dashboard_get_rfm_counts (dashboard)[12]);

  /* Activating the funnel's step opens the list on its customers. */
  fid_chart_activate_element (funnel, 3);
  spin (300);
  g_assert_cmpstr (fid_window_get_visible_page (fixture->window), ==, "customers");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (fid_window_get_column_view (fixture->window)))),
                    ==, stage->len);
}

static void
test_advisor_page (Fixture       *fixture,
                   gconstpointer  data)
{
  FidDashboardPage *page;
  FidDashboard *dashboard;
  gint64 advisor = sql_count (fixture->path, "SELECT advisor_id FROM customers GROUP BY advisor_id ORDER BY count (*) DESC LIMIT 1");
  g_autofree char *portfolio_sql = g_strdup_printf ("SELECT count (*) FROM customers WHERE advisor_id = %" G_GINT64_FORMAT,
                                                    advisor);

  fid_window_set_advisor_id (fixture->window, advisor);
  page = open_dashboard (fixture, "my-dashboard");
  dashboard = fid_dashboard_page_get_dashboard (page);
  g_assert_cmpint (fid_dashboard_get_filter (dashboard)->kind, ==, FID_DASHBOARD_ADVISOR);
  g_assert_cmpint (fid_dashboard_get_filter (dashboard)->advisor_id, ==, advisor);
  g_assert_cmpfloat (fid_dashboard_get_kpi (dashboard, FID_KPI_CUSTOMERS), ==, sql_count (fixture->path, portfolio_sql));
  g_assert_nonnull (tile_value (page, FID_KPI_FOLLOW_UPS_DUE));
  g_assert_false (fid_chart_is_empty (fid_dashboard_page_get_chart (page, FID_DASHBOARD_CHART_STAGES)));
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      gboolean this_one = FALSE;

      /* The window has key controllers of its own: ours is the one that
       * handles it. */
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &this_one);
      handled |= this_one;
    }
  return handled;
}

/* The carousel animates to the slide: wait for it (a loaded machine is
 * slow), up to five seconds. */
static guint
wait_for_slide (FidDashboardPresentation *show,
                guint                     slide)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (fid_dashboard_presentation_get_slide (show) != slide && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  return fid_dashboard_presentation_get_slide (show);
}

static void
test_presentation (Fixture       *fixture,
                   gconstpointer  data)
{
  FidDashboardPage *page = open_dashboard (fixture, "dashboard");
  FidDashboard *dashboard = fid_dashboard_page_get_dashboard (page);
  GtkWidget *window = fid_dashboard_presentation_new (GTK_WINDOW (fixture->window), dashboard, "test");
  FidDashboardPresentation *show = FID_DASHBOARD_PRESENTATION (window);
  guint n_charts;

  fid_dashboard_kind_charts (FID_DASHBOARD_MARKETING, &n_charts);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  /* The carousel moves only once it has its size. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while ((!gtk_widget_get_mapped (window) || gtk_widget_get_width (window) == 0) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  spin (300);
  g_assert_cmpuint (fid_dashboard_presentation_get_n_slides (show), ==, n_charts + 1);
  g_assert_cmpuint (fid_dashboard_presentation_get_slide (show), ==, 0);
  g_assert_true (press_key (window, GDK_KEY_Right));
  g_assert_cmpuint (wait_for_slide (show, 1), ==, 1);
  g_assert_true (press_key (window, GDK_KEY_space));
  g_assert_cmpuint (wait_for_slide (show, 2), ==, 2);
  g_assert_true (press_key (window, GDK_KEY_Left));
  g_assert_cmpuint (wait_for_slide (show, 1), ==, 1);
  /* Escape leaves. */
  g_assert_true (press_key (window, GDK_KEY_Escape));
  spin (100);
  g_assert_false (gtk_widget_get_visible (window));
  g_object_unref (window);
}

/* The output of @argv, or NULL when the program is missing. */
static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, status, &error))
    return NULL;
  return out;
}

static void
check_pdf (const char *pdf,
           guint       pages)
{
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  const char *text_argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = g_strdup_printf ("Pages:           %u\n", pages);
  int status = 0;

  if (g_find_program_in_path ("pdfinfo") == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }
  info = run (info_argv, &status);
  g_assert_nonnull (info);
  g_assert_nonnull (strstr (info, expected));
  text = run (text_argv, &status);
  g_assert_nonnull (text);
  /* The title page with its key figures, each chart, the definitions. */
  g_assert_nonnull (strstr (text, "Marketing Dashboard"));
  g_assert_nonnull (strstr (text, "Active Customers"));
  g_assert_nonnull (strstr (text, "12-Month Retention"));
  g_assert_nonnull (strstr (text, "Revenue Concentration"));
  g_assert_nonnull (strstr (text, "RFM Heat Map"));
  g_assert_nonnull (strstr (text, "Campaign Response"));
  g_assert_nonnull (strstr (text, "Definitions"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
}

static void
test_pdf_report (Fixture       *fixture,
                 gconstpointer  data)
{
  FidDashboardPage *page = open_dashboard (fixture, "dashboard");
  FidDashboard *dashboard = fid_dashboard_page_get_dashboard (page);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  guint n_charts;

  fid_dashboard_kind_charts (FID_DASHBOARD_MARKETING, &n_charts);
  g_assert_cmpuint (fid_dashboard_report_get_n_pages (dashboard), ==, n_charts + 2);
  g_assert_true (fid_dashboard_report_write_pdf (dashboard, "Test", file, &error));
  g_assert_no_error (error);
  check_pdf (pdf, n_charts + 2);

  /* Printing draws the same pages (through GtkPrintOperation). */
  {
    g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);

    g_assert_true (fid_dashboard_report_print_to_file (dashboard, "Test", printed, &error));
    g_assert_no_error (error);
    check_pdf (printed, n_charts + 2);
  }
}

static void
test_cli_report (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *cli = g_getenv ("FIDELIS_TEST_CLI");
  g_autofree char *pdf = g_build_filename (fixture->dir, "cli.pdf", NULL);
  const char *argv[] = { cli, "report", fixture->path, "--output", pdf, "--end", END, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  guint n_charts;
  int status = -1;

  if (cli == NULL)
    {
      g_test_skip ("FIDELIS_TEST_CLI is not set");
      return;
    }
  /* Headless: through the app executable (FIDELIS_APP), with no display
   * at all, as on a server. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  fid_dashboard_kind_charts (FID_DASHBOARD_MARKETING, &n_charts);
  check_pdf (pdf, n_charts + 2);
}

/* Waits for a refresh that replaces @old with a new result. */
static FidDashboard *
wait_for_new (FidDashboardPage *page,
              FidDashboard     *old)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while ((fid_dashboard_page_get_dashboard (page) == old || fid_dashboard_page_get_busy (page)) &&
         g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  g_assert_true (fid_dashboard_page_get_dashboard (page) != old);
  return wait_for (page);
}

static void
add_complaint (Fixture *fixture)
{
  g_autoptr(FidTicket) ticket = fid_ticket_new ();
  g_autoptr(GError) error = NULL;

  fid_ticket_set_customer_id (ticket, 1);
  fid_ticket_set_kind (ticket, "complaint");
  fid_ticket_set_subject (ticket, "Frais de tenue de compte contestés");
  fid_ticket_set_opened_at (ticket, END "T09:00:00");
  g_assert_true (fid_store_add_ticket (fid_window_get_store (fixture->window), ticket, &error));
  g_assert_no_error (error);
}

/* A complaint recorded in the window shows in the open dashboard without
 * pressing Refresh; one recorded while it is hidden, when it is shown. */
static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  FidDashboardPage *page = open_dashboard (fixture, "dashboard");
  g_autoptr(FidDashboard) before = g_object_ref (fid_dashboard_page_get_dashboard (page));
  double open = fid_dashboard_get_kpi (before, FID_KPI_OPEN_COMPLAINTS);
  FidDashboard *after;

  add_complaint (fixture);
  fid_window_data_changed (fixture->window);
  after = wait_for_new (page, before);
  g_assert_cmpfloat (fid_dashboard_get_kpi (after, FID_KPI_OPEN_COMPLAINTS), ==, open + 1);

  /* Hidden: nothing is computed until the page is shown again. */
  g_clear_object (&before);
  before = g_object_ref (after);
  g_assert_true (fid_window_show_page (fixture->window, "customers"));
  spin (100);
  add_complaint (fixture);
  fid_window_data_changed (fixture->window);
  spin (600);
  g_assert_true (fid_dashboard_page_get_dashboard (page) == before);
  g_assert_true (fid_window_show_page (fixture->window, "dashboard"));
  after = wait_for_new (page, before);
  g_assert_cmpfloat (fid_dashboard_get_kpi (after, FID_KPI_OPEN_COMPLAINTS), ==, open + 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fidelis-dashboard-ui-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  /* Private crash sentinel and column cache (see test-plugin-ui.c). */
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

  g_test_add ("/dashboard/ui/branch-filter", Fixture, NULL, fixture_set_up, test_branch_filter, fixture_tear_down);
  g_test_add ("/dashboard/ui/pareto-click", Fixture, NULL, fixture_set_up, test_pareto_click, fixture_tear_down);
  g_test_add ("/dashboard/ui/other-clicks", Fixture, NULL, fixture_set_up, test_other_clicks, fixture_tear_down);
  g_test_add ("/dashboard/ui/advisor-page", Fixture, NULL, fixture_set_up, test_advisor_page, fixture_tear_down);
  g_test_add ("/dashboard/ui/follows-changes", Fixture, NULL, fixture_set_up, test_follows_changes, fixture_tear_down);
  g_test_add ("/dashboard/ui/presentation", Fixture, NULL, fixture_set_up, test_presentation, fixture_tear_down);
  g_test_add ("/dashboard/ui/pdf-report", Fixture, NULL, fixture_set_up, test_pdf_report, fixture_tear_down);
  g_test_add ("/dashboard/ui/cli-report", Fixture, NULL, fixture_set_up, test_cli_report, fixture_tear_down);

  return g_test_run ();
}
