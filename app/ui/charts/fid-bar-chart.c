/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidBarChart: bars per category, single, stacked or grouped (series side
 * by side). Setting the data computes a nice value axis and each element's
 * bottom and top as fractions 0..1 of it, with its value texts; drawing
 * only scales those into the plot of the size asked. */

#include "config.h"

#include <math.h>

#include "fid-bar-chart.h"
#include "fid-chart-private.h"

struct _FidBarChart
{
  FidChart        parent_instance;

  guint           n_categories;
  guint           n_series;       /* 1: plain bars */
  gboolean        grouped;        /* series side by side instead of stacked */
  char          **categories;
  char          **series;         /* stacked or grouped only */
  double         *values;         /* n_series × n_categories; grouped: NAN, no bar */
  double          max;            /* a fixed top of the axis; NAN: automatic */
  FidChartFormat  format;

  /* Prepared on set. */
  FidChartScale   scale;
  double         *lo;             /* element bottoms, 0..1 of the scale */
  double         *hi;             /* element tops */
  char          **labels;         /* a text over each bar (the total); grouped: each element's */
};

/* Space between the bars of a group, in pixels. */
#define BAR_GAP 2.0

G_DEFINE_FINAL_TYPE (FidBarChart, fid_bar_chart, FID_TYPE_CHART)

typedef struct
{
  FidChartAxes axes;
  double       legend_height;
  gboolean     show_labels;
} Geometry;

static guint
n_elements (FidBarChart *self)
{
  return self->n_series * self->n_categories;
}

/* Where element @index's bar stands across the axis: its whole band, or
 * its share of it when grouped. */
static void
bar_span (FidBarChart        *self,
          const FidChartAxes *axes,
          guint               index,
          double             *x,
          double             *width)
{
  guint series = index / self->n_categories;
  double band_x, band;

  fid_chart_axes_band (axes, index % self->n_categories, &band_x, &band);
  if (!self->grouped)
    {
      *x = band_x;
      *width = band;
      return;
    }
  *width = MAX ((band - BAR_GAP * (self->n_series - 1)) / self->n_series, 1);
  *x = band_x + series * (*width + BAR_GAP);
}

static void
compute_geometry (FidBarChart         *self,
                  double               width,
                  double               height,
                  const FidChartStyle *style,
                  Geometry            *geometry)
{
  FidChartAxes *axes = &geometry->axes;
  double label_height, top = 0;

  *geometry = (Geometry) { 0 };
  axes->y_scale = &self->scale;
  axes->y_format = self->format;
  axes->categories = (const char * const *) self->categories;
  axes->n_categories = self->n_categories;
  axes->x_label = fid_chart_get_x_label (FID_CHART (self));
  axes->y_label = fid_chart_get_y_label (FID_CHART (self));
  axes->band_padding = self->grouped ? 0.25 : self->n_categories > 1 ? 0.3 : 0.5;

  if (self->n_series > 1)
    {
      geometry->legend_height = fid_chart_legend_height (style, (const char * const *) self->series,
                                                         self->n_series, width);
      top += geometry->legend_height + 2 * FID_CHART_GAP;
    }

  /* Value texts over the bars when each fits its band. */
  fid_chart_text_size (style, FID_CHART_FONT_LABEL, "0", NULL, &label_height);
  top += label_height;
  fid_chart_axes_layout (axes, style, width, height, top);

  geometry->show_labels = TRUE;
  for (guint c = 0; c < self->n_categories && geometry->show_labels && !self->grouped; c++)
    {
      double x, band, text_width;

      fid_chart_axes_band (axes, c, &x, &band);
      fid_chart_text_size (style, FID_CHART_FONT_LABEL, self->labels[c], &text_width, NULL);
      geometry->show_labels = text_width <= band / (1 - axes->band_padding) - 2;
    }
  /* Grouped: one text per bar, which must fit its bar. */
  for (guint i = 0; i < n_elements (self) && geometry->show_labels && self->grouped; i++)
    {
      double x, bar, text_width;

      bar_span (self, axes, i, &x, &bar);
      fid_chart_text_size (style, FID_CHART_FONT_LABEL, self->labels[i], &text_width, NULL);
      geometry->show_labels = text_width <= bar + BAR_GAP;
    }
}

static void
element_area (FidBarChart     *self,
              const Geometry  *geometry,
              guint            index,
              graphene_rect_t *area)
{
  const FidChartAxes *axes = &geometry->axes;
  double x, width, top, bottom;

  bar_span (self, axes, index, &x, &width);
  top = fid_chart_axes_y (axes, self->hi[index]);
  bottom = fid_chart_axes_y (axes, self->lo[index]);

  /* Whole units: crisp edges on screen, and bar heights that keep their
   * ratios to the pixel. */
  graphene_rect_init (area, round (x), round (top),
                      round (x + width) - round (x), round (bottom) - round (top));
}

static void
fid_bar_chart_draw (FidChart            *chart,
                    cairo_t             *cr,
                    double               width,
                    double               height,
                    const FidChartStyle *style)
{
  FidBarChart *self = FID_BAR_CHART (chart);
  Geometry geometry;
  double zero;

  compute_geometry (self, width, height, style, &geometry);
  fid_chart_axes_draw (&geometry.axes, cr, style, FALSE);

  if (self->n_series > 1)
    fid_chart_legend_draw (cr, style, (const char * const *) self->series, self->n_series,
                           0, 0, width);

  for (guint i = 0; i < n_elements (self); i++)
    {
      graphene_rect_t area;
      guint series = i / self->n_categories;
      double radius;

      if (isnan (self->values[i]))
        continue;
      element_area (self, &geometry, i, &area);
      if (area.size.height <= 0)
        continue;

      /* Only the top of the bar (its last segment) is rounded; grouped
       * bars, read against each other from one zero, stay square. */
      radius = series + 1 == self->n_series && !self->grouped ? MIN (3, area.size.width / 4) : 0;
      cairo_new_path (cr);
      if (radius > 0 && area.size.height > radius)
        {
          double x = area.origin.x, y = area.origin.y;
          double w = area.size.width, h = area.size.height;

          cairo_move_to (cr, x, y + h);
          cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
          cairo_arc (cr, x + w - radius, y + radius, radius, 3 * G_PI / 2, 2 * G_PI);
          cairo_line_to (cr, x + w, y + h);
          cairo_close_path (cr);
        }
      else
        cairo_rectangle (cr, area.origin.x, area.origin.y, area.size.width, area.size.height);
      gdk_cairo_set_source_rgba (cr, fid_chart_style_get_series_color (style, series));
      cairo_fill (cr);

      /* A hairline of background between stacked segments. */
      if (series > 0 && !self->grouped)
        {
          cairo_rectangle (cr, area.origin.x, area.origin.y + area.size.height - 0.5,
                           area.size.width, 1);
          gdk_cairo_set_source_rgba (cr, &style->background);
          cairo_fill (cr);
        }
    }

  /* The axis line at zero goes over the bars' feet. */
  zero = round (fid_chart_axes_y (&geometry.axes, fid_chart_scale_fraction (&self->scale, 0))) + 0.5;
  cairo_move_to (cr, geometry.axes.plot.origin.x, zero);
  cairo_line_to (cr, geometry.axes.plot.origin.x + geometry.axes.plot.size.width, zero);
  gdk_cairo_set_source_rgba (cr, &style->secondary);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  if (geometry.show_labels && self->grouped)
    {
      for (guint i = 0; i < n_elements (self); i++)
        {
          gboolean below = self->values[i] < 0;
          double x, bar;

          if (isnan (self->values[i]))
            continue;
          bar_span (self, &geometry.axes, i, &x, &bar);
          fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->foreground, self->labels[i],
                               x + bar / 2,
                               fid_chart_axes_y (&geometry.axes, below ? self->lo[i] : self->hi[i]) + (below ? 2 : -2),
                               0.5, below ? 0 : 1, 0);
        }
    }
  else if (geometry.show_labels)
    {
      for (guint c = 0; c < self->n_categories; c++)
        {
          guint top_index = (self->n_series - 1) * self->n_categories + c;
          double x, band, top = self->hi[top_index];
          gboolean below = FALSE;

          fid_chart_axes_band (&geometry.axes, c, &x, &band);
          /* Negative bars carry their text under them. */
          if (self->n_series == 1 && self->values[c] < 0)
            {
              top = self->lo[c];
              below = TRUE;
            }
          fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->foreground, self->labels[c],
                               x + band / 2, fid_chart_axes_y (&geometry.axes, top) + (below ? 2 : -2),
                               0.5, below ? 0 : 1, 0);
        }
    }
}

static void
fid_bar_chart_layout_elements (FidChart            *chart,
                               double               width,
                               double               height,
                               const FidChartStyle *style,
                               GArray              *areas)
{
  FidBarChart *self = FID_BAR_CHART (chart);
  Geometry geometry;

  compute_geometry (self, width, height, style, &geometry);
  for (guint i = 0; i < n_elements (self); i++)
    {
      graphene_rect_t area;

      element_area (self, &geometry, i, &area);
      /* A bar of nothing can still be pointed at. */
      if (area.size.height < 4)
        {
          area.origin.y -= (4 - area.size.height) / 2;
          area.size.height = 4;
        }
      g_array_append_val (areas, area);
    }
}

static char *
fid_bar_chart_get_element_text (FidChart *chart,
                                guint     index)
{
  FidBarChart *self = FID_BAR_CHART (chart);
  g_autofree char *value = NULL;
  g_autofree char *total_text = NULL;
  guint category = index % self->n_categories;
  double total = 0;

  if (index >= n_elements (self))
    return NULL;

  value = fid_chart_format_value (self->values[index], self->format, FALSE);
  if (self->grouped)
    /* Translators: a bar of a group: category, series, value */
    return g_strdup_printf (_("%s · %s: %s"), self->categories[category],
                            self->series[index / self->n_categories], value);
  if (self->n_series == 1)
    /* Translators: a bar's category and its value */
    return g_strdup_printf (_("%s: %s"), self->categories[category], value);

  for (guint s = 0; s < self->n_series; s++)
    total += self->values[s * self->n_categories + category];
  total_text = fid_chart_format_value (total, self->format, FALSE);

  /* Translators: a stacked bar: category, series, value, the bar's total */
  return g_strdup_printf (_("%s · %s: %s\nTotal: %s"), self->categories[category],
                          self->series[index / self->n_categories], value, total_text);
}

static char *
fid_bar_chart_describe (FidChart *chart)
{
  FidBarChart *self = FID_BAR_CHART (chart);
  g_autoptr(GString) text = g_string_new (NULL);
  guint limit = MIN (self->n_categories, 12);

  if (self->grouped)
    {
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u group of bars", "%u groups of bars",
                                                 self->n_categories), self->n_categories);
      for (guint c = 0; c < limit; c++)
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

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u bar", "%u bars", self->n_categories),
                          self->n_categories);
  if (self->n_series > 1)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u series stacked", ", %u series stacked",
                                               self->n_series), self->n_series);
  g_string_append (text, ": ");

  /* The totals, up to a dozen (the table has them all). */
  for (guint c = 0; c < limit; c++)
    {
      g_autofree char *value = NULL;
      double total = 0;

      for (guint s = 0; s < self->n_series; s++)
        total += self->values[s * self->n_categories + c];
      value = fid_chart_format_value (total, self->format, FALSE);
      g_string_append_printf (text, "%s%s %s", c > 0 ? ", " : "", self->categories[c], value);
    }
  if (limit < self->n_categories)
    g_string_append (text, ", …");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fid_bar_chart_fill_table (FidChart      *chart,
                          GtkStringList *columns,
                          GListStore    *rows)
{
  FidBarChart *self = FID_BAR_CHART (chart);
  const char *x_label = fid_chart_get_x_label (chart);
  const char *y_label = fid_chart_get_y_label (chart);
  g_autofree const char **cells = g_new0 (const char *, self->n_series + 2);

  gtk_string_list_append (columns, x_label != NULL ? x_label : _("Category"));
  if (self->n_series == 1)
    gtk_string_list_append (columns, y_label != NULL ? y_label : _("Value"));
  else
    {
      for (guint s = 0; s < self->n_series; s++)
        gtk_string_list_append (columns, self->series[s]);
      if (!self->grouped)
        gtk_string_list_append (columns, _("Total"));
    }

  for (guint c = 0; c < self->n_categories; c++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      double total = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          double value = self->values[s * self->n_categories + c];

          total += value;
          g_ptr_array_add (texts, fid_chart_format_value (value, self->format, FALSE));
        }
      if (self->n_series > 1 && !self->grouped)
        g_ptr_array_add (texts, fid_chart_format_value (total, self->format, FALSE));

      cells[0] = self->categories[c];
      for (guint i = 0; i < texts->len; i++)
        cells[i + 1] = g_ptr_array_index (texts, i);
      fid_chart_table_add_row (rows, cells, texts->len + 1);
    }
}

static guint
fid_bar_chart_get_n_elements (FidChart *chart)
{
  return n_elements (FID_BAR_CHART (chart));
}

static gboolean
fid_bar_chart_is_empty (FidChart *chart)
{
  FidBarChart *self = FID_BAR_CHART (chart);

  /* Grouped categories whose every value is NAN have nothing to show. */
  for (guint i = 0; i < n_elements (self); i++)
    if (!isnan (self->values[i]))
      return FALSE;
  return TRUE;
}

static void
clear_data (FidBarChart *self)
{
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->series, g_strfreev);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->lo, g_free);
  g_clear_pointer (&self->hi, g_free);
  self->n_categories = 0;
  self->n_series = 1;
  self->grouped = FALSE;
}

/* Grouped: each bar from zero to its value; NAN, no bar. */
static void
prepare_grouped (FidBarChart *self)
{
  guint n = n_elements (self);
  double min = 0, max = 0, zero;

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
  if (self->format == FID_CHART_FORMAT_INTEGER)
    fid_chart_scale_make_integral (&self->scale);

  zero = fid_chart_scale_fraction (&self->scale, 0);
  for (guint i = 0; i < n; i++)
    {
      double value = isnan (self->values[i]) ? 0 : self->values[i];

      self->lo[i] = MIN (zero, fid_chart_scale_fraction (&self->scale, value));
      self->hi[i] = MAX (zero, fid_chart_scale_fraction (&self->scale, value));
    }
  fid_chart_data_changed (FID_CHART (self));
}

/* The scale, each element's fractions and the texts over the bars. */
static void
prepare (FidBarChart *self)
{
  guint n = n_elements (self);
  double min = 0, max = 0;

  g_clear_pointer (&self->lo, g_free);
  g_clear_pointer (&self->hi, g_free);
  g_clear_pointer (&self->labels, g_strfreev);
  self->lo = g_new0 (double, MAX (n, 1));
  self->hi = g_new0 (double, MAX (n, 1));
  if (self->grouped)
    {
      prepare_grouped (self);
      return;
    }
  self->labels = g_new0 (char *, self->n_categories + 1);

  for (guint c = 0; c < self->n_categories; c++)
    {
      double total = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          double value = self->values[s * self->n_categories + c];

          total += self->n_series > 1 ? MAX (value, 0) : value;
        }
      min = MIN (min, total);
      max = MAX (max, total);
      self->labels[c] = fid_chart_format_value (total, self->format, TRUE);
    }
  if (!isnan (self->max))
    max = MAX (max, self->max);
  fid_chart_scale_init (&self->scale, min, max, 8, TRUE);
  if (self->format == FID_CHART_FORMAT_INTEGER)
    fid_chart_scale_make_integral (&self->scale);

  for (guint c = 0; c < self->n_categories; c++)
    {
      double base = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          guint i = s * self->n_categories + c;
          double value = self->values[i];

          if (self->n_series > 1)
            value = MAX (value, 0);
          self->lo[i] = fid_chart_scale_fraction (&self->scale, MIN (base, base + value));
          self->hi[i] = fid_chart_scale_fraction (&self->scale, MAX (base, base + value));
          if (self->n_series > 1)
            base += value;
        }
    }

  fid_chart_data_changed (FID_CHART (self));
}

static void
fid_bar_chart_finalize (GObject *object)
{
  clear_data (FID_BAR_CHART (object));

  G_OBJECT_CLASS (fid_bar_chart_parent_class)->finalize (object);
}

static void
fid_bar_chart_class_init (FidBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FidChartClass *chart_class = FID_CHART_CLASS (klass);

  object_class->finalize = fid_bar_chart_finalize;

  chart_class->draw = fid_bar_chart_draw;
  chart_class->describe = fid_bar_chart_describe;
  chart_class->fill_table = fid_bar_chart_fill_table;
  chart_class->get_n_elements = fid_bar_chart_get_n_elements;
  chart_class->is_empty = fid_bar_chart_is_empty;
  chart_class->layout_elements = fid_bar_chart_layout_elements;
  chart_class->get_element_text = fid_bar_chart_get_element_text;
}

static void
fid_bar_chart_init (FidBarChart *self)
{
  self->n_series = 1;
  self->max = NAN;
  fid_chart_scale_init (&self->scale, 0, 1, 6, TRUE);
}

FidChart *
fid_bar_chart_new (void)
{
  return g_object_new (FID_TYPE_BAR_CHART, NULL);
}

void
fid_bar_chart_set_data (FidBarChart        *self,
                        const char * const *labels,
                        const double       *values,
                        guint               n)
{
  g_return_if_fail (FID_IS_BAR_CHART (self));
  g_return_if_fail (n == 0 || values != NULL);

  clear_data (self);
  self->n_categories = n;
  self->categories = fid_chart_strv_copy (labels, n);
  self->values = g_memdup2 (values, sizeof (double) * MAX (n, 1));
  prepare (self);
}

void
fid_bar_chart_set_stacked (FidBarChart        *self,
                           const char * const *categories,
                           guint               n_categories,
                           const char * const *series,
                           guint               n_series,
                           const double       *values)
{
  g_return_if_fail (FID_IS_BAR_CHART (self));
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
fid_bar_chart_set_grouped (FidBarChart        *self,
                           const char * const *categories,
                           guint               n_categories,
                           const char * const *series,
                           guint               n_series,
                           const double       *values)
{
  g_return_if_fail (FID_IS_BAR_CHART (self));
  g_return_if_fail (n_series > 0);
  g_return_if_fail (n_categories == 0 || values != NULL);

  clear_data (self);
  self->grouped = TRUE;
  self->n_categories = n_categories;
  self->n_series = n_series;
  self->categories = fid_chart_strv_copy (categories, n_categories);
  self->series = fid_chart_strv_copy (series, n_series);
  self->values = g_memdup2 (values, sizeof (double) * MAX (n_series * n_categories, 1));
  prepare (self);
}

void
fid_bar_chart_set_max (FidBarChart *self,
                       double       max)
{
  g_return_if_fail (FID_IS_BAR_CHART (self));

  self->max = max;
  if (self->values != NULL)
    prepare (self);
}

void
fid_bar_chart_set_format (FidBarChart    *self,
                          FidChartFormat  format)
{
  g_return_if_fail (FID_IS_BAR_CHART (self));

  if (self->format == format)
    return;

  self->format = format;
  if (self->values != NULL)
    prepare (self);
}

double
fid_bar_chart_get_value (FidBarChart *self,
                         guint        index)
{
  g_return_val_if_fail (FID_IS_BAR_CHART (self), NAN);
  g_return_val_if_fail (index < n_elements (self), NAN);

  return self->values[index];
}
