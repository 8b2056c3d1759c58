/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidGroupedBarChart: series side by side per category. Like FidBarChart,
 * setting the data computes the value axis and each bar's top as a
 * fraction 0..1 of it, with its value text; drawing only scales. It uses
 * the chart library's drawing helpers (fid-chart-private.h) so that its
 * axes, legend and fonts match the other charts. */

#include "config.h"

#include "fid-chart-private.h"
#include "fid-grouped-bar-chart.h"

#define BAR_GAP 2.0

struct _FidGroupedBarChart
{
  FidChart        parent_instance;

  guint           n_categories;
  guint           n_series;
  char          **categories;
  char          **series;
  double         *values;       /* n_series × n_categories */
  double          max;          /* NAN: automatic */
  FidChartFormat  format;

  /* Prepared on set. */
  FidChartScale   scale;
  double         *top;          /* each bar's value as a fraction of the scale */
  double          zero;
  char          **labels;       /* the value over each bar */
};

G_DEFINE_FINAL_TYPE (FidGroupedBarChart, fid_grouped_bar_chart, FID_TYPE_CHART)

typedef struct
{
  FidChartAxes axes;
  double       legend_height;
  gboolean     show_labels;
} Geometry;

static guint
n_elements (FidGroupedBarChart *self)
{
  return self->n_series * self->n_categories;
}

static void
bar_span (FidGroupedBarChart *self,
          const FidChartAxes *axes,
          guint               index,
          double             *x,
          double             *width)
{
  double band_x, band;
  guint series = index / self->n_categories;

  fid_chart_axes_band (axes, index % self->n_categories, &band_x, &band);
  *width = MAX ((band - BAR_GAP * (self->n_series - 1)) / self->n_series, 1);
  *x = band_x + series * (*width + BAR_GAP);
}

static void
compute_geometry (FidGroupedBarChart  *self,
                  double               width,
                  double               height,
                  const FidChartStyle *style,
                  Geometry            *geometry)
{
  FidChartAxes *axes = &geometry->axes;
  double label_height, top;

  *geometry = (Geometry) { 0 };
  axes->y_scale = &self->scale;
  axes->y_format = self->format;
  axes->categories = (const char * const *) self->categories;
  axes->n_categories = self->n_categories;
  axes->x_label = fid_chart_get_x_label (FID_CHART (self));
  axes->y_label = fid_chart_get_y_label (FID_CHART (self));
  axes->band_padding = 0.25;

  geometry->legend_height = fid_chart_legend_height (style, (const char * const *) self->series,
                                                     self->n_series, width);
  top = geometry->legend_height + 2 * FID_CHART_GAP;
  fid_chart_text_size (style, FID_CHART_FONT_LABEL, "0", NULL, &label_height);
  top += label_height;
  fid_chart_axes_layout (axes, style, width, height, top);

  /* Value texts over the bars when each fits its bar. */
  geometry->show_labels = TRUE;
  for (guint i = 0; i < n_elements (self) && geometry->show_labels; i++)
    {
      double x, bar, text_width;

      bar_span (self, axes, i, &x, &bar);
      fid_chart_text_size (style, FID_CHART_FONT_LABEL, self->labels[i], &text_width, NULL);
      geometry->show_labels = text_width <= bar + BAR_GAP;
    }
}

static void
element_area (FidGroupedBarChart *self,
              const Geometry     *geometry,
              guint               index,
              graphene_rect_t    *area)
{
  const FidChartAxes *axes = &geometry->axes;
  double x, width, top, bottom;

  bar_span (self, axes, index, &x, &width);
  top = fid_chart_axes_y (axes, MAX (self->top[index], self->zero));
  bottom = fid_chart_axes_y (axes, MIN (self->top[index], self->zero));
  graphene_rect_init (area, round (x), round (top),
                      round (x + width) - round (x), round (bottom) - round (top));
}

static void
fid_grouped_bar_chart_draw (FidChart            *chart,
                            cairo_t             *cr,
                            double               width,
                            double               height,
                            const FidChartStyle *style)
{
  FidGroupedBarChart *self = FID_GROUPED_BAR_CHART (chart);
  Geometry geometry;
  double zero;

  compute_geometry (self, width, height, style, &geometry);
  fid_chart_axes_draw (&geometry.axes, cr, style, FALSE);
  fid_chart_legend_draw (cr, style, (const char * const *) self->series, self->n_series, 0, 0, width);

  for (guint i = 0; i < n_elements (self); i++)
    {
      graphene_rect_t area;

      if (isnan (self->values[i]))
        continue;
      element_area (self, &geometry, i, &area);
      if (area.size.height <= 0)
        continue;
      cairo_rectangle (cr, area.origin.x, area.origin.y, area.size.width, area.size.height);
      gdk_cairo_set_source_rgba (cr, fid_chart_style_get_series_color (style, i / self->n_categories));
      cairo_fill (cr);
    }

  zero = round (fid_chart_axes_y (&geometry.axes, self->zero)) + 0.5;
  cairo_move_to (cr, geometry.axes.plot.origin.x, zero);
  cairo_line_to (cr, geometry.axes.plot.origin.x + geometry.axes.plot.size.width, zero);
  gdk_cairo_set_source_rgba (cr, &style->secondary);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  if (!geometry.show_labels)
    return;
  for (guint i = 0; i < n_elements (self); i++)
    {
      gboolean below = self->values[i] < 0;
      double x, bar;

      if (isnan (self->values[i]))
        continue;
      bar_span (self, &geometry.axes, i, &x, &bar);
      fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->foreground, self->labels[i],
                           x + bar / 2, fid_chart_axes_y (&geometry.axes, self->top[i]) + (below ? 2 : -2),
                           0.5, below ? 0 : 1, 0);
    }
}

static void
fid_grouped_bar_chart_layout_elements (FidChart            *chart,
                                       double               width,
                                       double               height,
                                       const FidChartStyle *style,
                                       GArray              *areas)
{
  FidGroupedBarChart *self = FID_GROUPED_BAR_CHART (chart);
  Geometry geometry;

  compute_geometry (self, width, height, style, &geometry);
  for (guint i = 0; i < n_elements (self); i++)
    {
      graphene_rect_t area;

      element_area (self, &geometry, i, &area);
      if (area.size.height < 4)
        {
          area.origin.y -= (4 - area.size.height) / 2;
          area.size.height = 4;
        }
      g_array_append_val (areas, area);
    }
}

static char *
fid_grouped_bar_chart_get_element_text (FidChart *chart,
                                        guint     index)
{
  FidGroupedBarChart *self = FID_GROUPED_BAR_CHART (chart);
  g_autofree char *value = NULL;

  if (index >= n_elements (self))
    return NULL;

  value = fid_chart_format_value (self->values[index], self->format, FALSE);
  /* Translators: a bar of a group: category, series, value */
  return g_strdup_printf (_("%s · %s: %s"), self->categories[index % self->n_categories],
                          self->series[index / self->n_categories], value);
}

static char *
fid_grouped_bar_chart_describe (FidChart *chart)
{
  FidGroupedBarChart *self = FID_GROUPED_BAR_CHART (chart);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u group of bars", "%u groups of bars",
                                             self->n_categories), self->n_categories);
  for (guint c = 0; c < MIN (self->n_categories, 12); c++)
    {
      g_string_append_printf (text, "%s%s", c == 0 ? ": " : "; ", self->categories[c]);
      for (guint s = 0; s < self->n_series; s++)
        {
          g_autofree char *value = fid_chart_format_value (self->values[s * self->n_categories + c],
                                                           self->format, FALSE);

          g_string_append_printf (text, "%s%s %s", s == 0 ? " " : ", ", self->series[s], value);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fid_grouped_bar_chart_fill_table (FidChart      *chart,
                                  GtkStringList *columns,
                                  GListStore    *rows)
{
  FidGroupedBarChart *self = FID_GROUPED_BAR_CHART (chart);
  const char *x_label = fid_chart_get_x_label (chart);
  g_autofree const char **cells = g_new0 (const char *, self->n_series + 1);

  gtk_string_list_append (columns, x_label != NULL ? x_label : _("Category"));
  for (guint s = 0; s < self->n_series; s++)
    gtk_string_list_append (columns, self->series[s]);

  for (guint c = 0; c < self->n_categories; c++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

      cells[0] = self->categories[c];
      for (guint s = 0; s < self->n_series; s++)
        {
          g_ptr_array_add (texts, fid_chart_format_value (self->values[s * self->n_categories + c],
                                                          self->format, FALSE));
          cells[s + 1] = g_ptr_array_index (texts, s);
        }
      fid_chart_table_add_row (rows, cells, self->n_series + 1);
    }
}

static guint
fid_grouped_bar_chart_get_n_elements (FidChart *chart)
{
  return n_elements (FID_GROUPED_BAR_CHART (chart));
}

static gboolean
fid_grouped_bar_chart_is_empty (FidChart *chart)
{
  FidGroupedBarChart *self = FID_GROUPED_BAR_CHART (chart);

  /* Categories whose every value is NAN have nothing to show. */
  for (guint i = 0; i < n_elements (self); i++)
    if (!isnan (self->values[i]))
      return FALSE;
  return TRUE;
}

static void
prepare (FidGroupedBarChart *self)
{
  guint n = n_elements (self);
  double min = 0, max = 0;

  g_clear_pointer (&self->top, g_free);
  g_clear_pointer (&self->labels, g_strfreev);
  self->top = g_new0 (double, MAX (n, 1));
  self->labels = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      double value = self->values[i];

      self->labels[i] = isnan (value) ? g_strdup ("") : fid_chart_format_value (value, self->format, TRUE);
      if (isnan (value))
        continue;
      min = MIN (min, value);
      max = MAX (max, value);
    }
  if (!isnan (self->max))
    max = MAX (max, self->max);
  fid_chart_scale_init (&self->scale, min, max, 8, TRUE);

  self->zero = fid_chart_scale_fraction (&self->scale, 0);
  for (guint i = 0; i < n; i++)
    self->top[i] = isnan (self->values[i]) ? self->zero : fid_chart_scale_fraction (&self->scale, self->values[i]);

  fid_chart_data_changed (FID_CHART (self));
}

static void
clear_data (FidGroupedBarChart *self)
{
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->series, g_strfreev);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->top, g_free);
  g_clear_pointer (&self->labels, g_strfreev);
  self->n_categories = 0;
  self->n_series = 0;
}

static void
fid_grouped_bar_chart_finalize (GObject *object)
{
  clear_data (FID_GROUPED_BAR_CHART (object));

  G_OBJECT_CLASS (fid_grouped_bar_chart_parent_class)->finalize (object);
}

static void
fid_grouped_bar_chart_class_init (FidGroupedBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FidChartClass *chart_class = FID_CHART_CLASS (klass);

  object_class->finalize = fid_grouped_bar_chart_finalize;

  chart_class->draw = fid_grouped_bar_chart_draw;
  chart_class->describe = fid_grouped_bar_chart_describe;
  chart_class->fill_table = fid_grouped_bar_chart_fill_table;
  chart_class->is_empty = fid_grouped_bar_chart_is_empty;
  chart_class->get_n_elements = fid_grouped_bar_chart_get_n_elements;
  chart_class->layout_elements = fid_grouped_bar_chart_layout_elements;
  chart_class->get_element_text = fid_grouped_bar_chart_get_element_text;
}

static void
fid_grouped_bar_chart_init (FidGroupedBarChart *self)
{
  self->max = NAN;
  self->values = g_new0 (double, 1);
  prepare (self);
}

FidChart *
fid_grouped_bar_chart_new (void)
{
  return g_object_new (FID_TYPE_GROUPED_BAR_CHART, NULL);
}

void
fid_grouped_bar_chart_set_data (FidGroupedBarChart *self,
                                const char * const *categories,
                                guint               n_categories,
                                const char * const *series,
                                guint               n_series,
                                const double       *values)
{
  g_return_if_fail (FID_IS_GROUPED_BAR_CHART (self));
  g_return_if_fail (n_series > 0);
  g_return_if_fail (n_categories == 0 || values != NULL);

  clear_data (self);
  self->n_categories = n_categories;
  self->n_series = n_series;
  self->categories = fid_chart_strv_copy (categories, n_categories);
  self->series = fid_chart_strv_copy (series, n_series);
  self->values = g_memdup2 (values, sizeof (double) * MAX (n_series * n_categories, 1));
  prepare (self);
}

void
fid_grouped_bar_chart_set_max (FidGroupedBarChart *self,
                               double              max)
{
  g_return_if_fail (FID_IS_GROUPED_BAR_CHART (self));

  self->max = max;
  prepare (self);
}

void
fid_grouped_bar_chart_set_format (FidGroupedBarChart *self,
                                  FidChartFormat      format)
{
  g_return_if_fail (FID_IS_GROUPED_BAR_CHART (self));

  self->format = format;
  prepare (self);
}

double
fid_grouped_bar_chart_get_value (FidGroupedBarChart *self,
                                 guint               index)
{
  g_return_val_if_fail (FID_IS_GROUPED_BAR_CHART (self), NAN);
  g_return_val_if_fail (index < n_elements (self), NAN);

  return self->values[index];
}
