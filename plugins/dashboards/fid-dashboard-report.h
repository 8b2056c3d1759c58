/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fid-dashboard.h"

G_BEGIN_DECLS

/* A whole dashboard on paper: a title page (title, date, filters, the key
 * figures as a table with the previous period and the change), one page
 * per chart with its text summary, and a last page of definitions. The
 * PDF report and printing draw the same pages through the same function,
 * the charts through fid_chart_draw_to () with the paper style, so what
 * is printed is what is on screen. Pages are A4 landscape.
 *
 * @scope names the customers counted ("Agence Paris Centre · all
 * advisors"); NULL: the whole bank. */

/* The number of pages a report of @dashboard has. */
guint    fid_dashboard_report_get_n_pages (FidDashboard *dashboard);

gboolean fid_dashboard_report_write_pdf   (FidDashboard *dashboard,
                                           const char   *scope,
                                           GFile        *file,
                                           GError      **error);

/* Opens the print dialog (with its preview) for the report. */
void     fid_dashboard_report_print       (FidDashboard *dashboard,
                                           const char   *scope,
                                           GtkWindow    *parent);

/* Runs the same print operation without a dialog, into a PDF at @path
 * (GTK_PRINT_OPERATION_ACTION_EXPORT): what the printer would get. */
gboolean fid_dashboard_report_print_to_file (FidDashboard *dashboard,
                                             const char   *scope,
                                             const char   *path,
                                             GError      **error);

/* `fidelis --report FILE --dashboard marketing|advisor --output FILE.pdf
 * [--branch ID] [--advisor ID] [--months N] [--end YYYY-MM-DD]`: the
 * report without a window, for `fidelis-cli report`. The charts are GTK
 * widgets, which GTK 4 cannot create without a display: this needs one
 * (under a desktop, or `xvfb-run`), and says so when there is none.
 * Returns the exit status (0, 1 on an error, 2 on a usage error). */
int      fid_dashboard_report_main        (int           argc,
                                           char        **argv);

G_END_DECLS
