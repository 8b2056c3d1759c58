/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>
#include <glib/gi18n.h>

#include "fid-chart.h"
#include "fid-chart-widget.h"

G_BEGIN_DECLS

/* Drawing helpers shared by the charts (fid-chart-draw.c): text placed by
 * alignment, nice axis ticks, the axes frame, a legend. Every measure goes
 * through the style's Pango context, so geometry only depends on size. */

/* Space around the plot and between parts, in logical units. */
#define FID_CHART_PAD 8.0
#define FID_CHART_GAP 6.0

PangoLayout *fid_chart_text_layout     (const FidChartStyle *style,
                                        FidChartFont         font,
                                        const char          *text);
void         fid_chart_text_size       (const FidChartStyle *style,
                                        FidChartFont         font,
                                        const char          *text,
                                        double              *width,
                                        double              *height);
/* Draws @text with its logical box aligned on (@x, @y): @xalign 0 left,
 * 0.5 centre, 1 right, likewise @yalign. @max_width > 0 ellipsizes. */
void         fid_chart_draw_text       (cairo_t             *cr,
                                        const FidChartStyle *style,
                                        FidChartFont         font,
                                        const GdkRGBA       *color,
                                        const char          *text,
                                        double               x,
                                        double               y,
                                        double               xalign,
                                        double               yalign,
                                        double               max_width);
/* The same turned a quarter left (a y axis name), centred on (@x, @y). */
void         fid_chart_draw_text_vertical (cairo_t             *cr,
                                           const FidChartStyle *style,
                                           FidChartFont         font,
                                           const GdkRGBA       *color,
                                           const char          *text,
                                           double               x,
                                           double               y,
                                           double               max_height);
void         fid_chart_rounded_rect    (cairo_t             *cr,
                                        double               x,
                                        double               y,
                                        double               width,
                                        double               height,
                                        double               radius);
/* The outline drawn around the highlighted element. */
void         fid_chart_draw_focus      (cairo_t             *cr,
                                        const FidChartStyle *style,
                                        const graphene_rect_t *area);

/* A "nice" axis over [@min, @max] with at most @max_ticks ticks (1, 2,
 * 2.5, 5 × 10^k steps), its ends rounded out to ticks, always including 0
 * when @from_zero. */
typedef struct
{
  double min;
  double max;
  double first;     /* ticks at first + i * step, i in 0..n_ticks-1 */
  double step;
  guint  n_ticks;
} FidChartScale;

void         fid_chart_scale_init      (FidChartScale       *scale,
                                        double               min,
                                        double               max,
                                        guint                max_ticks,
                                        gboolean             from_zero);
/* Counts have no fractions: ticks at least 1 apart (0, 1, 2 … rather than
 * 0, 0.2, 0.4 for a chart of one or two tickets). */
void         fid_chart_scale_make_integral (FidChartScale    *scale);
/* The same with the ends kept where they are (a histogram's edges). */
void         fid_chart_scale_init_exact (FidChartScale      *scale,
                                         double              min,
                                         double              max,
                                         guint               max_ticks);
/* A tick's label: every tick of @scale in the same unit ("2.5 k"). */
char        *fid_chart_format_tick     (double               value,
                                        FidChartFormat       format,
                                        const FidChartScale *scale);
/* @value on the scale, 0..1. */
double       fid_chart_scale_fraction  (const FidChartScale *scale,
                                        double               value);

/* The frame of a chart with a value (y) axis and a category or value (x)
 * axis: where the plot goes after tick labels and axis names. */
typedef struct
{
  graphene_rect_t     plot;
  const FidChartScale *y_scale;
  FidChartFormat      y_format;
  /* Numeric x axis when x_scale is set, else n_categories bands. */
  const FidChartScale *x_scale;
  FidChartFormat      x_format;
  const char * const *categories;
  guint               n_categories;
  const char         *x_label;
  const char         *y_label;
  double              band_padding; /* share of a band left empty, 0..1 */
} FidChartAxes;

/* Places the plot in @area (after a @top band kept for a legend). */
void         fid_chart_axes_layout     (FidChartAxes        *axes,
                                        const FidChartStyle *style,
                                        double               width,
                                        double               height,
                                        double               top);
/* Grid lines (vertical ones too when @x_grid), tick labels, category
 * labels, axis names. */
void         fid_chart_axes_draw       (const FidChartAxes  *axes,
                                        cairo_t             *cr,
                                        const FidChartStyle *style,
                                        gboolean             x_grid);
/* Plot coordinates of a fraction 0..1 along each axis. */
double       fid_chart_axes_x          (const FidChartAxes  *axes,
                                        double               fraction);
double       fid_chart_axes_y          (const FidChartAxes  *axes,
                                        double               fraction);
/* The @index-th category's band: its left edge and width, padding off. */
void         fid_chart_axes_band       (const FidChartAxes  *axes,
                                        guint                index,
                                        double              *x,
                                        double              *width);

/* A legend of coloured swatches: its height when wrapped in @width. */
double       fid_chart_legend_height   (const FidChartStyle *style,
                                        const char * const  *names,
                                        guint                n_names,
                                        double               width);
void         fid_chart_legend_draw     (cairo_t             *cr,
                                        const FidChartStyle *style,
                                        const char * const  *names,
                                        guint                n_names,
                                        double               x,
                                        double               y,
                                        double               width);

/* FidChart internals shared by fid-chart.c and fid-chart-widget.c. */
typedef struct
{
  char          *title;
  char          *subtitle;
  char          *x_label;
  char          *y_label;
  char          *empty_text;
  gboolean       show_title;

  int            highlighted;
  gboolean       highlight_from_keyboard;

  /* The screen's style (its widget's), or paper's without a widget. */
  FidChartStyle *style;
  /* The FidChartWidget showing the chart (it owns the chart), or NULL. */
  GtkWidget     *widget;

  /* The element areas at the last on-screen size, in widget coordinates. */
  GArray        *areas;
  double         areas_width;
  double         areas_height;
} FidChartPrivate;

FidChartPrivate *fid_chart_get_private (FidChart          *self);
/* The data's area inside a chart of @width × @height. */
void         fid_chart_get_inner_area  (FidChart            *self,
                                        const FidChartStyle *style,
                                        double               width,
                                        double               height,
                                        gboolean             with_title,
                                        graphene_rect_t     *inner);
void         fid_chart_forget_areas    (FidChart            *self);
/* The height of the title and subtitle over the data (0 without). */
double       fid_chart_get_header_height (FidChart            *self,
                                          const FidChartStyle *style,
                                          gboolean             with_title);
/* Asks the widget, if any, to draw again. */
void         fid_chart_queue_redraw    (FidChart            *self);
/* The style changed (light/dark, font): made again on the next draw. */
void         fid_chart_reset_style     (FidChart            *self);
/* The chart as its widget draws it: the highlight, no background. */
void         fid_chart_draw_on_screen  (FidChart            *self,
                                        cairo_t             *cr,
                                        double               width,
                                        double               height);
/* Called by FidChartWidget when it takes the chart (@widget) or lets it
 * go (NULL). */
void         fid_chart_set_widget      (FidChart            *self,
                                        GtkWidget           *widget);
/* The elements' areas at @width × @height on screen, in widget
 * coordinates (kept until the size, data or style change). */
GArray      *fid_chart_get_screen_areas (FidChart           *self,
                                         double              width,
                                         double              height);
gboolean     fid_chart_get_keyboard_highlight (FidChart     *self);
void         fid_chart_highlight       (FidChart            *self,
                                        int                  index,
                                        gboolean             from_keyboard);
void         fid_chart_draw_callout    (FidChart            *self,
                                        cairo_t             *cr,
                                        const FidChartStyle *style,
                                        const graphene_rect_t *area,
                                        const graphene_rect_t *bounds);

/* Copies @n strings (NULL entries become ""), NULL-terminated. */
char       **fid_chart_strv_copy       (const char * const  *strings,
                                        guint                n);

/* Appends a row of @n_cells strings to @rows (a GListStore of GtkStringList). */
void         fid_chart_table_add_row   (GListStore          *rows,
                                        const char * const  *cells,
                                        guint                n_cells);

G_END_DECLS
