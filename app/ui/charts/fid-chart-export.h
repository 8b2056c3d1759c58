/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart.h"

G_BEGIN_DECLS

/* Exports and printing of a chart, all through fid_chart_draw_to() with
 * the light paper style: what is on screen is what is exported. @width and
 * @height are in logical units (pixels for PNG, points for SVG and PDF). */

gboolean fid_chart_export_png        (FidChart   *chart,
                                      GFile      *file,
                                      int         width,
                                      int         height,
                                      GError    **error);
/* The PNG at @scale pixels per logical unit (2: sharp on HiDPI). */
gboolean fid_chart_export_png_scaled (FidChart   *chart,
                                      GFile      *file,
                                      int         width,
                                      int         height,
                                      double      scale,
                                      GError    **error);
gboolean fid_chart_export_svg        (FidChart   *chart,
                                      GFile      *file,
                                      int         width,
                                      int         height,
                                      GError    **error);
gboolean fid_chart_export_pdf        (FidChart   *chart,
                                      GFile      *file,
                                      int         width,
                                      int         height,
                                      GError    **error);
/* Opens the print dialog and prints the chart on one page, scaled to the
 * page's printable area. */
void     fid_chart_print             (FidChart   *chart,
                                      GtkWindow  *parent);

G_END_DECLS
