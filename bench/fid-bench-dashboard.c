/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fid-bench-dashboard: the dashboards' speed (issue 7).
 *
 *   fid-bench-dashboard --db FILE [--upgrade] [--branch ID] [--runs N]
 *
 * A refresh is what the Dashboard page does in its worker thread: open a
 * read-only connection to the bank, compute the whole marketing dashboard
 * (fid_dashboard_compute: the transaction column cache, the counts the
 * store maintains, tickets, campaigns, the RFM migration) for the 12
 * months to the bank's last day, close. It is run RUNS times without a
 * filter, then RUNS times for one branch (--branch, default the largest)
 * and once more for the advisor dashboard of that branch's largest
 * portfolio, and prints (DESIGN.md §7)
 *
 *   BENCH dashboard_refresh_first <seconds of the very first refresh> s
 *   BENCH dashboard_refresh <median seconds, no filter> s
 *   BENCH dashboard_refresh_branch <median seconds, one branch> s
 *   BENCH dashboard_refresh_advisor <median seconds, advisor dashboard> s
 *
 * then, when there is a display (GTK cannot make the chart widgets
 * without one: run it under xvfb-run), each chart of the marketing
 * dashboard filled with that result and drawn 20 times into an 800 × 600
 * image surface through fid_chart_draw_to (), the path every redraw and
 * export takes:
 *
 *   BENCH chart_redraw <median milliseconds over every chart's draws> ms
 *   BENCH chart_redraw_max <the slowest chart's median> ms
 *
 * --upgrade first opens the bank for writing, which applies the schema's
 * migrations (version 4 adds the dashboards' counts and fills them once:
 * a bank made by an older Fidelis needs it before a read-only open) and
 * makes sure the column cache is current; it prints BENCH
 * dashboard_upgrade. */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <time.h>

#include "fid-dashboard.h"
#include "fid-dashboard-charts.h"
#include "fid-store.h"
#include "fid-store-geo.h"
#include "fid-store-workspace.h"
#include "fid-tx-columns.h"

#define DEFAULT_RUNS  5
#define DRAWS         20
#define DRAW_WIDTH    800
#define DRAW_HEIGHT   600

static double
now_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len > 0 ? g_array_index (values, double, values->len / 2) : 0;
}

static G_NORETURN void
die (const char   *doing,
     const GError *error)
{
  g_printerr ("fid-bench-dashboard: %s: %s\n", doing, error != NULL ? error->message : "failed");
  exit (1);
}

/* One refresh as the page does it; returns the dashboard when @keep. */
static FidDashboard *
refresh (const char               *path,
         const FidDashboardFilter *filter,
         double                   *seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  FidDashboard *dashboard;
  double start = now_s ();

  store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    die ("open the bank read-only (an old bank needs --upgrade once)", error);
  dashboard = fid_dashboard_compute (store, filter, NULL, NULL, NULL, &error);
  if (dashboard == NULL)
    die ("compute the dashboard", error);
  g_clear_object (&store);
  *seconds = now_s () - start;
  return dashboard;
}

static double
median_refresh (const char               *path,
                const FidDashboardFilter *filter,
                guint                     runs,
                double                   *first)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < runs; r++)
    {
      double seconds;
      g_autoptr(FidDashboard) dashboard = refresh (path, filter, &seconds);

      if (r == 0 && first != NULL)
        *first = seconds;
      g_array_append_val (times, seconds);
    }
  return median (times);
}

static void
bench_charts (FidDashboard *dashboard)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(FidChartStyle) style = fid_chart_style_for_print ();
  const FidDashboardChartId *ids;
  double slowest = 0;
  guint n_ids;

  ids = fid_dashboard_kind_charts (FID_DASHBOARD_MARKETING, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(FidChart) chart = g_object_ref_sink (fid_dashboard_chart_new (ids[i]));
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, DRAW_WIDTH, DRAW_HEIGHT);
      double chart_median;

      fid_dashboard_chart_fill (chart, dashboard);
      for (guint d = 0; d < DRAWS; d++)
        {
          cairo_t *cr = cairo_create (surface);
          double start = now_s (), ms;

          fid_chart_draw_to (chart, cr, DRAW_WIDTH, DRAW_HEIGHT, style);
          cairo_destroy (cr);
          cairo_surface_flush (surface);
          ms = (now_s () - start) * 1000;
          g_array_append_val (times, ms);
          g_array_append_val (all, ms);
        }
      cairo_surface_destroy (surface);
      chart_median = median (times);
      slowest = MAX (slowest, chart_median);
      g_printerr ("# chart_redraw %-32s %.2f ms\n", fid_chart_get_title (chart), chart_median);
    }
  printf ("BENCH chart_redraw %.2f ms\n", median (all));
  printf ("BENCH chart_redraw_max %.2f ms\n", slowest);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FidDashboard) kept = NULL;
  g_autofree char *path = NULL;
  g_autofree char *end = NULL;
  gboolean upgrade = FALSE;
  gint64 branch_id = 0, advisor_id = 0;
  int runs = DEFAULT_RUNS;
  FidDashboardFilter filter = { 0 };
  double first = 0, seconds;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "The bank", "FILE" },
    { "upgrade", 0, 0, G_OPTION_ARG_NONE, &upgrade, "Open for writing first (migrations, column cache)", NULL },
    { "branch", 0, 0, G_OPTION_ARG_INT64, &branch_id, "The branch of the filtered runs (default: the largest)", "ID" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Refreshes per figure (default 5)", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL || runs < 1)
    {
      g_printerr ("usage: fid-bench-dashboard --db FILE [--upgrade] [--branch ID] [--runs N]\n");
      return 2;
    }

  if (upgrade)
    {
      double start = now_s ();
      g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
      g_autoptr(FidTxColumns) columns = NULL;

      if (store == NULL)
        die ("open the bank for writing", error);
      columns = fid_tx_columns_load (store, NULL, NULL, NULL, &error);
      if (columns == NULL)
        die ("load the column cache", error);
      printf ("BENCH dashboard_upgrade %.2f s\n", now_s () - start);
    }

  /* The default period: the 12 months to the bank's last day; the
   * largest branch and its largest portfolio for the filtered runs
   * (found through the store's own listing, outside the timings). */
  {
    g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(GPtrArray) branches = NULL;
    g_autoptr(GPtrArray) advisors = NULL;
    guint largest = 0;

    if (store == NULL)
      die ("open the bank read-only (an old bank needs --upgrade once)", error);
    end = fid_dashboard_dup_default_end (store, &error);
    if (end == NULL)
      die ("read the last day", error);
    branches = fid_store_list_branches (store, &error);
    if (branches == NULL)
      die ("list the branches", error);
    for (guint i = 0; branch_id == 0 && i < branches->len; i++)
      {
        gint64 id = fid_branch_get_id (g_ptr_array_index (branches, i));
        g_autoptr(GArray) members = fid_store_list_dashboard_customers (store, id, 0, NULL);

        if (members != NULL && members->len > largest)
          {
            largest = members->len;
            filter.branch_id = id;
          }
      }
    if (branch_id == 0)
      branch_id = filter.branch_id;
    advisors = fid_store_list_advisors (store, branch_id, &error);
    largest = 0;
    for (guint i = 0; advisors != NULL && i < advisors->len; i++)
      {
        gint64 id = fid_advisor_get_id (g_ptr_array_index (advisors, i));
        g_autoptr(GArray) members = fid_store_list_dashboard_customers (store, 0, id, NULL);

        if (members != NULL && members->len > largest)
          {
            largest = members->len;
            advisor_id = id;
          }
      }
  }
  if (!fid_dashboard_filter_set_months (&filter, end, 12))
    die ("set the period", NULL);

  filter.kind = FID_DASHBOARD_MARKETING;
  filter.branch_id = 0;
  /* As the page does: the map's figures apart (dashboard_map below). */
  filter.skip_map = TRUE;
  seconds = median_refresh (path, &filter, (guint) runs, &first);
  printf ("BENCH dashboard_refresh_first %.3f s\n", first);
  printf ("BENCH dashboard_refresh %.3f s\n", seconds);
  /* The charts drawn below include the map, with its figures. */
  filter.skip_map = FALSE;
  kept = refresh (path, &filter, &seconds);
  filter.skip_map = TRUE;

  filter.branch_id = branch_id;
  printf ("BENCH dashboard_refresh_branch %.3f s\n", median_refresh (path, &filter, (guint) runs, NULL));

  /* The map's figures (whole bank), timed on their own as the page's
   * thread reads them; next to nothing on a bank without territories. */
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint r = 0; r < (guint) runs; r++)
      {
        g_autoptr(GError) map_error = NULL;
        g_autoptr(FidStore) store = NULL;
        g_autoptr(GPtrArray) territories = NULL;
        g_autoptr(GPtrArray) branches = NULL;
        g_autofree char *set = NULL;
        double start = now_s (), took;

        store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &map_error);
        if (store == NULL)
          die ("open the bank read-only", map_error);
        set = fid_store_geo_dup_current_set (store, &map_error);
        if (set != NULL && ((territories = fid_store_geo_list_territories (store, NULL, &map_error)) == NULL ||
                            (branches = fid_store_geo_list_branches (store, &map_error)) == NULL))
          die ("read the map's figures", map_error);
        took = now_s () - start;
        g_array_append_val (times, took);
        if (set == NULL)
          break;
      }
    printf ("BENCH dashboard_map %.3f s\n", median (times));
  }

  if (advisor_id > 0)
    {
      filter.kind = FID_DASHBOARD_ADVISOR;
      filter.branch_id = 0;
      filter.advisor_id = advisor_id;
      printf ("BENCH dashboard_refresh_advisor %.3f s\n", median_refresh (path, &filter, (guint) runs, NULL));
    }
  fflush (stdout);

  /* Charts draw without a display (they are not widgets): with one, the
   * desktop's font, as on screen; without, the default font. */
  if (gtk_init_check ())
    adw_init ();
  bench_charts (kept);
  return 0;
}
