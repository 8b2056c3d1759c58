/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidLineChart: one line per series across the categories. Setting the
 * data computes the value axis and each point's height as a fraction of
 * it; drawing scales those into the plot. The pointer picks the nearest
 * category, then the nearest series in it, so a trend can be read by
 * sliding along it. */

#include "config.h"

#include <string.h>

#include "fid-chart-private.h"
#include "fid-line-chart.h"

#define POINT_RADIUS 3.5

struct _FidLineChart
{
  FidChart        parent_instance;

  guint           n_categories;
  guint           n_series;
  char          **categories;
  char          **series;
  double         *values;
  FidChartFormat  format;
  gboolean        from_zero;

  /* Prepared on set. */
  FidChartScale   scale;
  double         *fractions;     /* NAN: no value */
};

G_DEFINE_FINAL_TYPE (FidLineChart, fid_line_chart, FID_TYPE_CHART)

typedef struct
{
  FidChartAxes axes;
  double       legend_height;
} Geometry;

static guint
n_elements (FidLineChart *self)
{
  return self->n_series * self->n_categories;
}

static void
compute_geometry (FidLineChart        *self,
                  double               width,
                  double               height,
                  const FidChartStyle *style,
                  Geometry            *geometry)
{
  FidChartAxes *axes = &geometry->axes;
  double top = 0;

  *geometry = (Geometry) { 0 };
  axes->y_scale = &self->scale;
  axes->y_format = self->format;
  axes->categories = (const char * const *) self->categories;
  axes->n_categories = self->n_categories;
  axes->x_label = fid_chart_get_x_label (FID_CHART (self));
  axes->y_label = fid_chart_get_y_label (FID_CHART (self));

  if (self->n_series > 1)
    {
      geometry->legend_height = fid_chart_legend_height (style, (const char * const *) self->series,
                                                         self->n_series, width);
      top = geometry->legend_height + 2 * FID_CHART_GAP;
    }
  fid_chart_axes_layout (axes, style, width, height, top);
}

static gboolean
point_at (FidLineChart   *self,
          const Geometry *geometry,
          guint           index,
          double         *x,
          double         *y)
{
  double left, band;

  if (isnan (self->fractions[index]))
    return FALSE;

  fid_chart_axes_band (&geometry->axes, index % self->n_categories, &left, &band);
  *x = left + band / 2;
  *y = fid_chart_axes_y (&geometry->axes, self->fractions[index]);

  return TRUE;
}

static void
fid_line_chart_draw (FidChart            *chart,
                     cairo_t             *cr,
                     double               width,
                     double               height,
                     const FidChartStyle *style)
{
  FidLineChart *self = FID_LINE_CHART (chart);
  Geometry geometry;
  gboolean markers;

  compute_geometry (self, width, height, style, &geometry);
  fid_chart_axes_draw (&geometry.axes, cr, style, FALSE);
  if (self->n_series > 1)
    fid_chart_legend_draw (cr, style, (const char * const *) self->series, self->n_series,
                           0, 0, width);

  /* Markers while there is room between points. */
  markers = geometry.axes.plot.size.width / MAX (self->n_categories, 1) >= 4 * POINT_RADIUS;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint s = 0; s < self->n_series; s++)
    {
      const GdkRGBA *color = fid_chart_style_get_series_color (style, s);
      gboolean drawing = FALSE;

      cairo_new_path (cr);
      for (guint c = 0; c < self->n_categories; c++)
        {
          double x, y;

          if (!point_at (self, &geometry, s * self->n_categories + c, &x, &y))
            {
              drawing = FALSE;
              continue;
            }
          if (drawing)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          drawing = TRUE;
        }
      gdk_cairo_set_source_rgba (cr, color);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);

      for (guint c = 0; c < self->n_categories && markers; c++)
        {
          double x, y;

          if (!point_at (self, &geometry, s * self->n_categories + c, &x, &y))
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
        }
      gdk_cairo_set_source_rgba (cr, &style->background);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, color);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
fid_line_chart_layout_elements (FidChart            *chart,
                                double               width,
                                double               height,
                                const FidChartStyle *style,
                                GArray              *areas)
{
  FidLineChart *self = FID_LINE_CHART (chart);
  Geometry geometry;

  compute_geometry (self, width, height, style, &geometry);
  for (guint i = 0; i < n_elements (self); i++)
    {
      graphene_rect_t area = GRAPHENE_RECT_INIT (-100, -100, 0, 0);
      double x, y;

      if (point_at (self, &geometry, i, &x, &y))
        graphene_rect_init (&area, x - 2 * POINT_RADIUS, y - 2 * POINT_RADIUS,
                            4 * POINT_RADIUS, 4 * POINT_RADIUS);
      g_array_append_val (areas, area);
    }
}

static int
fid_line_chart_hit_test (FidChart            *chart,
                         double               width,
                         double               height,
                         const FidChartStyle *style,
                         double               x,
                         double               y,
                         char               **tooltip)
{
  FidLineChart *self = FID_LINE_CHART (chart);
  const graphene_rect_t *plot;
  Geometry geometry;
  double best = G_MAXDOUBLE;
  int found = -1;
  guint category;

  compute_geometry (self, width, height, style, &geometry);
  plot = &geometry.axes.plot;
  if (x < plot->origin.x || x >= plot->origin.x + plot->size.width ||
      y < plot->origin.y - 2 * POINT_RADIUS || y > plot->origin.y + plot->size.height + 2 * POINT_RADIUS)
    return -1;

  category = MIN ((guint) ((x - plot->origin.x) / plot->size.width * self->n_categories),
                  self->n_categories - 1);
  for (guint s = 0; s < self->n_series; s++)
    {
      guint index = s * self->n_categories + category;
      double px, py;

      if (point_at (self, &geometry, index, &px, &py) && fabs (py - y) < best)
        {
          best = fabs (py - y);
          found = (int) index;
        }
    }

  if (found >= 0 && tooltip != NULL)
    *tooltip = FID_CHART_GET_CLASS (chart)->get_element_text (chart, found);

  return found;
}

static char *
fid_line_chart_get_element_text (FidChart *chart,
                                 guint     index)
{
  FidLineChart *self = FID_LINE_CHART (chart);
  g_autofree char *value = NULL;

  if (index >= n_elements (self))
    return NULL;

  value = fid_chart_format_value (self->values[index], self->format, FALSE);
  if (self->n_series == 1)
    return g_strdup_printf (_("%s: %s"), self->categories[index % self->n_categories], value);

  /* Translators: a point of a line chart: category, series, value */
  return g_strdup_printf (_("%s · %s: %s"), self->categories[index % self->n_categories],
                          self->series[index / self->n_categories], value);
}

static char *
fid_line_chart_describe (FidChart *chart)
{
  FidLineChart *self = FID_LINE_CHART (chart);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u line over %u points",
                                             "%u lines over %u points", self->n_series),
                          self->n_series, self->n_categories);

  /* Each series from its first to its last value: the trend. */
  for (guint s = 0; s < self->n_series; s++)
    {
      const double *values = self->values + s * self->n_categories;
      g_autofree char *first = fid_chart_format_value (values[0], self->format, FALSE);
      g_autofree char *last = fid_chart_format_value (values[self->n_categories - 1], self->format, FALSE);

      /* Translators: a series of a line chart, from its first to its last value */
      g_string_append_printf (text, _("; %s from %s (%s) to %s (%s)"),
                              self->series[s],
                              first, self->categories[0], last,
                              self->categories[self->n_categories - 1]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fid_line_chart_fill_table (FidChart      *chart,
                           GtkStringList *columns,
                           GListStore    *rows)
{
  FidLineChart *self = FID_LINE_CHART (chart);
  const char *x_label = fid_chart_get_x_label (chart);
  const char *y_label = fid_chart_get_y_label (chart);
  g_autofree const char **cells = g_new0 (const char *, self->n_series + 1);

  gtk_string_list_append (columns, x_label != NULL ? x_label : _("Category"));
  for (guint s = 0; s < self->n_series; s++)
    gtk_string_list_append (columns, self->series[s][0] ? self->series[s]
                                     : y_label != NULL ? y_label : _("Value"));

  for (guint c = 0; c < self->n_categories; c++)
    {
      g_auto(GStrv) texts = g_new0 (char *, self->n_series + 1);

      cells[0] = self->categories[c];
      for (guint s = 0; s < self->n_series; s++)
        cells[s + 1] = texts[s] = fid_chart_format_value (self->values[s * self->n_categories + c],
                                                          self->format, FALSE);
      fid_chart_table_add_row (rows, cells, self->n_series + 1);
    }
}

static guint
fid_line_chart_get_n_elements (FidChart *chart)
{
  return n_elements (FID_LINE_CHART (chart));
}

static void
prepare (FidLineChart *self)
{
  guint n = n_elements (self);
  double min = G_MAXDOUBLE, max = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      if (isnan (self->values[i]))
        continue;
      min = MIN (min, self->values[i]);
      max = MAX (max, self->values[i]);
    }
  if (min > max)
    min = max = 0;
  fid_chart_scale_init (&self->scale, min, max, 8, self->from_zero);
  if (self->format == FID_CHART_FORMAT_INTEGER)
    fid_chart_scale_make_integral (&self->scale);

  g_free (self->fractions);
  self->fractions = g_new0 (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    self->fractions[i] = isnan (self->values[i]) ? NAN
                                                 : fid_chart_scale_fraction (&self->scale, self->values[i]);

  fid_chart_data_changed (FID_CHART (self));
}

static void
clear_data (FidLineChart *self)
{
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->series, g_strfreev);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->fractions, g_free);
  self->n_categories = 0;
  self->n_series = 0;
}

static void
fid_line_chart_finalize (GObject *object)
{
  clear_data (FID_LINE_CHART (object));

  G_OBJECT_CLASS (fid_line_chart_parent_class)->finalize (object);
}

static void
fid_line_chart_class_init (FidLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FidChartClass *chart_class = FID_CHART_CLASS (klass);

  object_class->finalize = fid_line_chart_finalize;

  chart_class->draw = fid_line_chart_draw;
  chart_class->describe = fid_line_chart_describe;
  chart_class->hit_test = fid_line_chart_hit_test;
  chart_class->fill_table = fid_line_chart_fill_table;
  chart_class->get_n_elements = fid_line_chart_get_n_elements;
  chart_class->layout_elements = fid_line_chart_layout_elements;
  chart_class->get_element_text = fid_line_chart_get_element_text;
}

static void
fid_line_chart_init (FidLineChart *self)
{
  self->from_zero = TRUE;
}

FidChart *
fid_line_chart_new (void)
{
  return g_object_new (FID_TYPE_LINE_CHART, NULL);
}

void
fid_line_chart_set_data (FidLineChart       *self,
                         const char * const *categories,
                         guint               n_categories,
                         const char * const *series,
                         guint               n_series,
                         const double       *values)
{
  g_return_if_fail (FID_IS_LINE_CHART (self));
  g_return_if_fail (n_categories * n_series == 0 || values != NULL);

  clear_data (self);
  self->n_categories = n_categories;
  self->n_series = n_series;
  self->categories = fid_chart_strv_copy (categories, n_categories);
  self->series = fid_chart_strv_copy (series, n_series);
  self->values = g_new0 (double, MAX (n_categories * n_series, 1));
  if (n_categories * n_series > 0)
    memcpy (self->values, values, sizeof (double) * n_categories * n_series);
  prepare (self);
}

void
fid_line_chart_set_format (FidLineChart   *self,
                           FidChartFormat  format)
{
  g_return_if_fail (FID_IS_LINE_CHART (self));

  self->format = format;
  if (self->values != NULL)
    prepare (self);
}

void
fid_line_chart_set_from_zero (FidLineChart *self,
                              gboolean      from_zero)
{
  g_return_if_fail (FID_IS_LINE_CHART (self));

  self->from_zero = !!from_zero;
  if (self->values != NULL)
    prepare (self);
}
