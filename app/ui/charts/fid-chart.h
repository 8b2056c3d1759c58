/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fid-chart-style.h"

G_BEGIN_DECLS

/* FidChart: the base of every chart. A chart draws itself onto a cairo_t
 * of a given size in logical units (fid_chart_draw_to): the widget's
 * snapshot, the PNG/SVG/PDF exports and printing all go through that one
 * function.
 *
 * A chart is not a widget: it is its data, its texts and its drawing, so
 * that a report can be drawn where there is no display (GTK 4.8 cannot
 * create a widget before gtk_init succeeds, and `fidelis-cli report` runs
 * headless). On screen it is shown by its FidChartWidget
 * (fid_chart_get_widget), which owns it, like a floating widget: a new
 * chart is floating and its widget sinks it. Subclasses keep their data normalised (prepared when it is
 * set), so drawing only scales; they call fid_chart_data_changed() after
 * every change, which redraws, updates the screen reader's description and
 * tells the table view.
 *
 * Elements (a bar, a cell, a quadrant, a band) are numbered 0..n-1 by each
 * subclass. The pointer hovering one shows its exact value in a tooltip;
 * Left/Right move the highlight, Enter or a click activates it:
 * "element-activated" (index), so a page can open the customers behind it. */

#define FID_TYPE_CHART (fid_chart_get_type ())

G_DECLARE_DERIVABLE_TYPE (FidChart, fid_chart, FID, CHART, GInitiallyUnowned)

/* How a value is written: on axes compactly ("12 k"), in tooltips and
 * tables exactly, in the user's locale. */
typedef enum
{
  FID_CHART_FORMAT_NUMBER,   /* 1,234.5 */
  FID_CHART_FORMAT_INTEGER,  /* 1,234 */
  FID_CHART_FORMAT_PERCENT,  /* a share 0..1 as 12.5 % */
  FID_CHART_FORMAT_MONEY,    /* euros: 1,234.56 € */
} FidChartFormat;

struct _FidChartClass
{
  GInitiallyUnownedClass parent_class;

  /* Paints the data in 0..@width × 0..@height (the area under the title;
   * exports have painted the background, on screen the container's shows
   * through). Not called when is_empty. */
  void     (*draw)             (FidChart            *self,
                                cairo_t             *cr,
                                double               width,
                                double               height,
                                const FidChartStyle *style);
  /* A sentence or two for screen readers ("4 bars; highest: …"). */
  char    *(*describe)         (FidChart            *self);
  /* The element under (@x, @y) in the same area as draw, or -1; with its
   * exact value in @tooltip. The default looks through layout_elements. */
  int      (*hit_test)         (FidChart            *self,
                                double               width,
                                double               height,
                                const FidChartStyle *style,
                                double               x,
                                double               y,
                                char               **tooltip);
  /* Column titles into @columns; one GtkStringList per row into @rows. */
  void     (*fill_table)       (FidChart            *self,
                                GtkStringList       *columns,
                                GListStore          *rows);

  gboolean (*is_empty)         (FidChart            *self);
  guint    (*get_n_elements)   (FidChart            *self);
  /* Appends each element's area (graphene_rect_t), in element order. */
  void     (*layout_elements)  (FidChart            *self,
                                double               width,
                                double               height,
                                const FidChartStyle *style,
                                GArray              *areas);
  /* The exact value of an element, for tooltips. */
  char    *(*get_element_text) (FidChart            *self,
                                guint                index);

  /* The size the chart asks for on screen, in logical pixels, for
   * @orientation. The default: 200×160 at least, 480×320 ideally. */
  void     (*get_size_hint)    (FidChart            *self,
                                GtkOrientation       orientation,
                                int                 *minimum,
                                int                 *natural);

  /* The subclass draws its own title (a KPI tile's label). */
  gboolean draws_title;

  /*< private >*/
  gpointer padding[7];
};

const char    *fid_chart_get_title        (FidChart            *self);
void           fid_chart_set_title        (FidChart            *self,
                                           const char          *title);
const char    *fid_chart_get_subtitle     (FidChart            *self);
void           fid_chart_set_subtitle     (FidChart            *self,
                                           const char          *subtitle);
const char    *fid_chart_get_x_label      (FidChart            *self);
void           fid_chart_set_x_label      (FidChart            *self,
                                           const char          *x_label);
const char    *fid_chart_get_y_label      (FidChart            *self);
void           fid_chart_set_y_label      (FidChart            *self,
                                           const char          *y_label);
/* What an empty chart says (default: "No data"). */
const char    *fid_chart_get_empty_text   (FidChart            *self);
void           fid_chart_set_empty_text   (FidChart            *self,
                                           const char          *empty_text);
/* The widget that shows the chart on screen: made on the first call,
 * the same one afterwards (a widget has one parent). It owns the chart. */
GtkWidget     *fid_chart_get_widget       (FidChart            *self);

/* Whether the widget draws the title on screen (a FidChartView shows it in
 * its header instead). Exports and print always draw it. */
gboolean       fid_chart_get_show_title   (FidChart            *self);
void           fid_chart_set_show_title   (FidChart            *self,
                                           gboolean             show_title);

/* The one drawing path: background, title, then the data (or the empty
 * text), in @width × @height logical units at the origin of @cr. @style
 * NULL: the widget's own. Exports and print use it; the snapshot uses the
 * same code without the background. */
void           fid_chart_draw_to          (FidChart            *self,
                                           cairo_t             *cr,
                                           double               width,
                                           double               height,
                                           const FidChartStyle *style);
/* The element at (@x, @y) of the chart drawn at @width × @height on
 * screen (with the title if shown), or -1; its exact value in @tooltip. */
int            fid_chart_hit_test         (FidChart            *self,
                                           double               width,
                                           double               height,
                                           double               x,
                                           double               y,
                                           char               **tooltip);
/* What the chart tells screen readers (also its accessible description). */
char          *fid_chart_describe         (FidChart            *self);
gboolean       fid_chart_is_empty         (FidChart            *self);
guint          fid_chart_get_n_elements   (FidChart            *self);
/* The data as a table: a GListModel of GtkStringList rows, @columns the
 * column titles (free with g_strfreev). */
GListModel    *fid_chart_create_table     (FidChart            *self,
                                           char              ***columns);

/* The highlighted element (-1: none), moved by hover and the arrow keys. */
int            fid_chart_get_highlighted  (FidChart            *self);
void           fid_chart_set_highlighted  (FidChart            *self,
                                           int                  index);
/* Emits "element-activated" for @index. */
void           fid_chart_activate_element (FidChart            *self,
                                           guint                index);
/* What a primary click at (@x, @y) in the chart's widget does: activates
 * the element there. TRUE when there was one. */
gboolean       fid_chart_click_at         (FidChart            *self,
                                           double               x,
                                           double               y);
/* The style the chart draws with on screen (its widget's light or dark
 * style); without a widget, the style for paper. */
const FidChartStyle *fid_chart_get_style  (FidChart            *self);

/* For subclasses: the data changed. Redraws, updates the description. */
void           fid_chart_data_changed     (FidChart            *self);

/* A value written for @format: exactly, or compactly for axis ticks. */
char          *fid_chart_format_value     (double               value,
                                           FidChartFormat       format,
                                           gboolean             compact);

G_END_DECLS
