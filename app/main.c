/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "fid-application.h"
/* The dashboards' PDF report (issue 7): the built-in plugins are linked
 * into this executable, and only into it. */
#include "dashboards/fid-dashboard-report.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FidApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* FIDELIS_LOCALEDIR lets a run from the build folder (build-aux/run, the
   * tests) use the catalogues meson compiles there, before any install. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FIDELIS_LOCALEDIR") ? g_getenv ("FIDELIS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* fidelis --report FILE …: a dashboard as a PDF, without a window, for
   * fidelis-cli report (it needs the charts, which need GTK and a display:
   * see plugins/dashboards/fid-dashboard-report-main.c). */
  if (argc > 1 && g_str_has_prefix (argv[1], "--report"))
    return fid_dashboard_report_main (argc, argv);

  app = fid_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
