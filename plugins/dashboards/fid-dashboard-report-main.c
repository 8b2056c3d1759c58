/* SPDX-License-Identifier: GPL-3.0-or-later */

/* `fidelis --report`: a dashboard's PDF report without a window, which
 * `fidelis-cli report` runs (app/cli/fid-cli-report.c).
 *
 * Why in the application's executable: the report is drawn by the app's
 * charts and the dashboards plugin (the same code draws the screen, the
 * PDF and paper), which the core-only CLI does not link. No display is
 * needed: charts are plain objects until a widget shows them, so where
 * GTK cannot open one (a server, CI) the report is drawn all the same, in
 * the default font. The database is opened read-only, as by every CLI
 * command. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "fid-dashboard-charts.h"
#include "fid-dashboard-report.h"

static void
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  fprintf (stderr, "fidelis --report: %s\n\n%s", message, help);
}

int
fid_dashboard_report_main (int    argc,
                           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(FidDashboard) dashboard = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *database = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *output = NULL;
  g_autofree char *end = NULL;
  g_autofree char *scope = NULL;
  gint64 branch_id = 0, advisor_id = 0;
  int months = 12;
  FidDashboardFilter filter = { 0 };
  GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &database, N_("The database to report on"), N_("FILE") },
    { "dashboard", 0, 0, G_OPTION_ARG_STRING, &kind, N_("marketing (default) or advisor"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "branch", 0, 0, G_OPTION_ARG_INT64, &branch_id, N_("Count only this branch’s customers"), N_("ID") },
    { "advisor", 0, 0, G_OPTION_ARG_INT64, &advisor_id, N_("Count only this advisor’s customers"), N_("ID") },
    { "months", 0, 0, G_OPTION_ARG_INT, &months, N_("Length of the period in months (default 12)"), N_("N") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("Last day of the period (default: the last day with data)"),
      N_("YYYY-MM-DD") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Write a dashboard as a PDF report."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      usage_error (context, error->message);
      return 2;
    }
  if (database == NULL || output == NULL)
    {
      usage_error (context, _("--report FILE and --output FILE are needed"));
      return 2;
    }
  filter.kind = kind == NULL || g_str_equal (kind, "marketing") ? FID_DASHBOARD_MARKETING : FID_DASHBOARD_ADVISOR;
  if (kind != NULL && !g_str_equal (kind, "marketing") && !g_str_equal (kind, "advisor"))
    {
      usage_error (context, _("--dashboard is marketing or advisor"));
      return 2;
    }
  if (filter.kind == FID_DASHBOARD_ADVISOR && advisor_id <= 0)
    {
      usage_error (context, _("--dashboard advisor needs --advisor ID: whose portfolio to report on"));
      return 2;
    }
  if (months < 1 || months > 120 || branch_id < 0 || advisor_id < 0)
    {
      usage_error (context, _("--months is 1 to 120; --branch and --advisor are positive ids"));
      return 2;
    }

  /* With a display, the desktop's font; without, the charts draw alike. */
  if (gtk_init_check ())
    adw_init ();

  store = fid_store_open (database, FID_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    goto fail;
  if (end == NULL && (end = fid_dashboard_dup_default_end (store, &error)) == NULL)
    goto fail;
  if (!fid_dashboard_filter_set_months (&filter, end, (guint) months))
    {
      usage_error (context, _("--end expects a date as YYYY-MM-DD"));
      return 2;
    }
  filter.branch_id = branch_id;
  filter.advisor_id = advisor_id;
  dashboard = fid_dashboard_compute (store, &filter, NULL, NULL, NULL, &error);
  if (dashboard == NULL)
    goto fail;

  scope = fid_dashboard_dup_scope (store, &filter);
  file = g_file_new_for_commandline_arg (output);
  if (!fid_dashboard_report_write_pdf (dashboard, scope, file, &error))
    goto fail;
  {
    guint n_pages = fid_dashboard_report_get_n_pages (dashboard);

    /* Translators: after writing the report: its file and its pages */
    printf (ngettext ("%s: %u page\n", "%s: %u pages\n", n_pages), output, n_pages);
  }
  return 0;

fail:
  g_strdelimit (error->message, "\r\n", ' ');
  fprintf (stderr, "fidelis --report: %s\n", error->message);
  return 1;
}
