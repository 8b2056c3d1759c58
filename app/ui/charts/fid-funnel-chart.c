/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidFunnelChart: setting the data computes each step's width as a
 * fraction of the widest and its texts (count, share of the step above
 * and of the first); drawing lays the steps out in rows: the name on the
 * left, the centred band (joined to the next by a tinted trapezoid, the
 * customers who did not go on), the shares on the right. */

#include "config.h"

#include "fid-chart-private.h"
#include "fid-funnel-chart.h"

struct _FidFunnelChart
{
  FidChart        parent_instance;

  guint           n;
  char          **labels;
  double         *values;
  FidChartFormat  format;

  /* Prepared on set. */
  double         *widths;     /* 0..1 of the widest step */
  char          **counts;     /* the value, compactly */
  char          **step_rates; /* "42.1 %" of the step above ("" for the first) */
  char          **first_rates;/* "12.0 % of the first" */
};

G_DEFINE_FINAL_TYPE (FidFunnelChart, fid_funnel_chart, FID_TYPE_CHART)

/* The band takes this share of its row; the rest joins it to the next. */
#define BAND_SHARE 0.62

typedef struct
{
  double label_width;   /* the names' column */
  double rate_width;    /* the shares' column */
  double band_x;        /* the bands' column */
  double band_width;
  double row_height;
} Geometry;

static void
compute_geometry (FidFunnelChart      *self,
                  double               width,
                  double               height,
                  const FidChartStyle *style,
                  Geometry            *geometry)
{
  *geometry = (Geometry) { 0 };

  for (guint i = 0; i < self->n; i++)
    {
      double w;

      fid_chart_text_size (style, FID_CHART_FONT_LABEL, self->labels[i], &w, NULL);
      geometry->label_width = MAX (geometry->label_width, w);
      fid_chart_text_size (style, FID_CHART_FONT_EMPHASIS, self->step_rates[i], &w, NULL);
      geometry->rate_width = MAX (geometry->rate_width, w);
      fid_chart_text_size (style, FID_CHART_FONT_SMALL, self->first_rates[i], &w, NULL);
      geometry->rate_width = MAX (geometry->rate_width, w);
    }
  /* Long names are ellipsized rather than squeezing the bands. */
  geometry->label_width = MIN (geometry->label_width, width * 0.3);
  geometry->rate_width = MIN (geometry->rate_width, width * 0.25);
  geometry->band_x = geometry->label_width + 2 * FID_CHART_GAP;
  geometry->band_width = MAX (width - geometry->band_x - geometry->rate_width - 2 * FID_CHART_GAP, 1);
  geometry->row_height = self->n > 0 ? height / self->n : height;
}

static void
band_area (FidFunnelChart  *self,
           const Geometry  *geometry,
           guint            index,
           graphene_rect_t *area)
{
  double w = geometry->band_width * self->widths[index];
  double h = geometry->row_height * BAND_SHARE;
  double x = geometry->band_x + (geometry->band_width - w) / 2;
  double y = geometry->row_height * index;

  /* Whole units: crisp edges, widths that keep their ratios. */
  graphene_rect_init (area, round (x), round (y), round (x + w) - round (x), round (y + h) - round (y));
}

static void
fid_funnel_chart_draw (FidChart            *chart,
                       cairo_t             *cr,
                       double               width,
                       double               height,
                       const FidChartStyle *style)
{
  FidFunnelChart *self = FID_FUNNEL_CHART (chart);
  const GdkRGBA *color = fid_chart_style_get_series_color (style, 0);
  GdkRGBA tint, on_band;
  Geometry geometry;

  compute_geometry (self, width, height, style, &geometry);
  fid_chart_style_get_tint (style, color, 0.3, &tint);
  fid_chart_style_get_text_color_on (style, color, &on_band);

  for (guint i = 0; i < self->n; i++)
    {
      graphene_rect_t area, next;
      double middle, text_width;

      band_area (self, &geometry, i, &area);
      middle = area.origin.y + area.size.height / 2;

      /* Those who did not reach the next step: the trapezoid below. */
      if (i + 1 < self->n)
        {
          band_area (self, &geometry, i + 1, &next);
          cairo_move_to (cr, area.origin.x, area.origin.y + area.size.height);
          cairo_line_to (cr, area.origin.x + area.size.width, area.origin.y + area.size.height);
          cairo_line_to (cr, next.origin.x + next.size.width, next.origin.y);
          cairo_line_to (cr, next.origin.x, next.origin.y);
          cairo_close_path (cr);
          gdk_cairo_set_source_rgba (cr, &tint);
          cairo_fill (cr);
        }

      if (area.size.width > 0)
        {
          fid_chart_rounded_rect (cr, area.origin.x, area.origin.y, area.size.width, area.size.height,
                                  MIN (3, area.size.width / 4));
          gdk_cairo_set_source_rgba (cr, color);
          cairo_fill (cr);
        }

      fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->foreground, self->labels[i],
                           geometry.label_width, middle, 1, 0.5, geometry.label_width);

      /* The count inside its band when it fits, else beside it. */
      fid_chart_text_size (style, FID_CHART_FONT_EMPHASIS, self->counts[i], &text_width, NULL);
      if (text_width + 12 <= area.size.width)
        fid_chart_draw_text (cr, style, FID_CHART_FONT_EMPHASIS, &on_band, self->counts[i],
                             area.origin.x + area.size.width / 2, middle, 0.5, 0.5, 0);
      else
        fid_chart_draw_text (cr, style, FID_CHART_FONT_EMPHASIS, &style->foreground, self->counts[i],
                             area.origin.x + area.size.width + 4, middle, 0, 0.5, 0);

      if (i > 0)
        {
          fid_chart_draw_text (cr, style, FID_CHART_FONT_EMPHASIS, &style->foreground, self->step_rates[i],
                               width, middle, 1, 1, geometry.rate_width);
          fid_chart_draw_text (cr, style, FID_CHART_FONT_SMALL, &style->secondary, self->first_rates[i],
                               width, middle, 1, 0, geometry.rate_width);
        }
    }
}

static void
fid_funnel_chart_layout_elements (FidChart            *chart,
                                  double               width,
                                  double               height,
                                  const FidChartStyle *style,
                                  GArray              *areas)
{
  FidFunnelChart *self = FID_FUNNEL_CHART (chart);
  Geometry geometry;

  compute_geometry (self, width, height, style, &geometry);
  for (guint i = 0; i < self->n; i++)
    {
      graphene_rect_t area;

      band_area (self, &geometry, i, &area);
      /* A narrow step can still be pointed at. */
      if (area.size.width < 8)
        {
          area.origin.x -= (8 - area.size.width) / 2;
          area.size.width = 8;
        }
      g_array_append_val (areas, area);
    }
}

static double
rate (FidFunnelChart *self,
      guint           index,
      guint           of)
{
  double base = MAX (self->values[of], 0);

  return base > 0 ? MAX (self->values[index], 0) / base : NAN;
}

/* Exactly for tooltips and the table; to a tenth on the chart. */
static char *
format_rate_full (double   value,
                  gboolean compact)
{
  return isnan (value) ? g_strdup ("—") : fid_chart_format_value (value, FID_CHART_FORMAT_PERCENT, compact);
}

static char *
format_rate (double value)
{
  return format_rate_full (value, FALSE);
}

static char *
fid_funnel_chart_get_element_text (FidChart *chart,
                                   guint     index)
{
  FidFunnelChart *self = FID_FUNNEL_CHART (chart);
  g_autofree char *value = NULL;
  g_autofree char *step = NULL;
  g_autofree char *first = NULL;

  if (index >= self->n)
    return NULL;

  value = fid_chart_format_value (self->values[index], self->format, FALSE);
  if (index == 0)
    /* Translators: a funnel's first step and its count */
    return g_strdup_printf (_("%s: %s"), self->labels[index], value);

  step = format_rate (rate (self, index, index - 1));
  first = format_rate (rate (self, index, 0));
  /* Translators: a funnel step: its name, its count, its share of the
   * step above (named) and of the first step */
  return g_strdup_printf (_("%s: %s\n%s of “%s”, %s of “%s”"), self->labels[index], value,
                          step, self->labels[index - 1], first, self->labels[0]);
}

static char *
fid_funnel_chart_describe (FidChart *chart)
{
  FidFunnelChart *self = FID_FUNNEL_CHART (chart);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "A funnel of %u step", "A funnel of %u steps",
                                             self->n), self->n);
  g_string_append (text, ": ");
  for (guint i = 0; i < self->n; i++)
    {
      g_autofree char *value = fid_chart_format_value (self->values[i], self->format, FALSE);

      g_string_append_printf (text, "%s%s %s", i > 0 ? ", " : "", self->labels[i], value);
      if (i > 0)
        {
          g_autofree char *step = format_rate (rate (self, i, i - 1));

          /* Translators: in a funnel's summary, the share kept from the step above */
          g_string_append_printf (text, _(" (%s of the step above)"), step);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fid_funnel_chart_fill_table (FidChart      *chart,
                             GtkStringList *columns,
                             GListStore    *rows)
{
  FidFunnelChart *self = FID_FUNNEL_CHART (chart);
  const char *y_label = fid_chart_get_y_label (chart);

  gtk_string_list_append (columns, _("Step"));
  gtk_string_list_append (columns, y_label != NULL ? y_label : _("Value"));
  gtk_string_list_append (columns, _("Share of the step above"));
  gtk_string_list_append (columns, _("Share of the first step"));

  for (guint i = 0; i < self->n; i++)
    {
      g_autofree char *value = fid_chart_format_value (self->values[i], self->format, FALSE);
      g_autofree char *step = i > 0 ? format_rate (rate (self, i, i - 1)) : g_strdup ("—");
      g_autofree char *first = format_rate (rate (self, i, 0));
      const char *cells[] = { self->labels[i], value, step, first };

      fid_chart_table_add_row (rows, cells, G_N_ELEMENTS (cells));
    }
}

static guint
fid_funnel_chart_get_n_elements (FidChart *chart)
{
  return FID_FUNNEL_CHART (chart)->n;
}

static void
clear_data (FidFunnelChart *self)
{
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->widths, g_free);
  g_clear_pointer (&self->counts, g_strfreev);
  g_clear_pointer (&self->step_rates, g_strfreev);
  g_clear_pointer (&self->first_rates, g_strfreev);
  self->n = 0;
}

static void
prepare (FidFunnelChart *self)
{
  double max = 0;

  g_clear_pointer (&self->widths, g_free);
  g_clear_pointer (&self->counts, g_strfreev);
  g_clear_pointer (&self->step_rates, g_strfreev);
  g_clear_pointer (&self->first_rates, g_strfreev);
  self->widths = g_new0 (double, MAX (self->n, 1));
  self->counts = g_new0 (char *, self->n + 1);
  self->step_rates = g_new0 (char *, self->n + 1);
  self->first_rates = g_new0 (char *, self->n + 1);

  for (guint i = 0; i < self->n; i++)
    max = MAX (max, self->values[i]);
  for (guint i = 0; i < self->n; i++)
    {
      self->widths[i] = max > 0 ? MAX (self->values[i], 0) / max : 0;
      self->counts[i] = fid_chart_format_value (self->values[i], self->format, TRUE);
      if (i == 0)
        {
          self->step_rates[i] = g_strdup ("");
          self->first_rates[i] = g_strdup ("");
        }
      else
        {
          g_autofree char *first = format_rate_full (rate (self, i, 0), TRUE);

          self->step_rates[i] = format_rate_full (rate (self, i, i - 1), TRUE);
          /* Translators: under a funnel step's share of the step above */
          self->first_rates[i] = g_strdup_printf (_("%s of the first"), first);
        }
    }

  fid_chart_data_changed (FID_CHART (self));
}

static gboolean
fid_funnel_chart_is_empty (FidChart *chart)
{
  FidFunnelChart *self = FID_FUNNEL_CHART (chart);

  /* A funnel of nothing at all says so rather than drawing bare names. */
  for (guint i = 0; i < self->n; i++)
    if (self->values[i] > 0)
      return FALSE;
  return TRUE;
}

static void
fid_funnel_chart_finalize (GObject *object)
{
  clear_data (FID_FUNNEL_CHART (object));

  G_OBJECT_CLASS (fid_funnel_chart_parent_class)->finalize (object);
}

static void
fid_funnel_chart_class_init (FidFunnelChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FidChartClass *chart_class = FID_CHART_CLASS (klass);

  object_class->finalize = fid_funnel_chart_finalize;

  chart_class->draw = fid_funnel_chart_draw;
  chart_class->describe = fid_funnel_chart_describe;
  chart_class->fill_table = fid_funnel_chart_fill_table;
  chart_class->is_empty = fid_funnel_chart_is_empty;
  chart_class->get_n_elements = fid_funnel_chart_get_n_elements;
  chart_class->layout_elements = fid_funnel_chart_layout_elements;
  chart_class->get_element_text = fid_funnel_chart_get_element_text;
}

static void
fid_funnel_chart_init (FidFunnelChart *self)
{
  self->format = FID_CHART_FORMAT_INTEGER;
}

FidChart *
fid_funnel_chart_new (void)
{
  return g_object_new (FID_TYPE_FUNNEL_CHART, NULL);
}

void
fid_funnel_chart_set_data (FidFunnelChart     *self,
                           const char * const *labels,
                           const double       *values,
                           guint               n)
{
  g_return_if_fail (FID_IS_FUNNEL_CHART (self));
  g_return_if_fail (n == 0 || values != NULL);

  clear_data (self);
  self->n = n;
  self->labels = fid_chart_strv_copy (labels, n);
  self->values = g_memdup2 (values, sizeof (double) * MAX (n, 1));
  prepare (self);
}

void
fid_funnel_chart_set_format (FidFunnelChart *self,
                             FidChartFormat  format)
{
  g_return_if_fail (FID_IS_FUNNEL_CHART (self));

  if (self->format == format)
    return;

  self->format = format;
  if (self->values != NULL)
    prepare (self);
}

double
fid_funnel_chart_get_value (FidFunnelChart *self,
                            guint           index)
{
  g_return_val_if_fail (FID_IS_FUNNEL_CHART (self), NAN);
  g_return_val_if_fail (index < self->n, NAN);

  return self->values[index];
}

double
fid_funnel_chart_get_step_rate (FidFunnelChart *self,
                                guint           index)
{
  g_return_val_if_fail (FID_IS_FUNNEL_CHART (self), NAN);
  g_return_val_if_fail (index < self->n, NAN);

  return index == 0 ? 1.0 : rate (self, index, index - 1);
}
