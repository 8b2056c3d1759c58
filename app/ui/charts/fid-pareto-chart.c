/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidParetoChart: revenue concentration. Setting the curve thins it to at
 * most MAX_POINTS points (a million customers draw no better than a
 * thousand points) and setting the bands computes each band's share of
 * revenue from the curve; drawing only scales. The band names and shares
 * sit in a strip above the plot, where the curve cannot cover them. */

#include "config.h"

#include <string.h>

#include "fid-chart-private.h"
#include "fid-pareto-chart.h"

#define MAX_POINTS 1000

struct _FidParetoChart
{
  FidChart       parent_instance;

  guint          n_points;
  double        *px;            /* share of customers, 0..1 */
  double        *py;            /* share of revenue, 0..1 */

  guint          n_bands;
  double        *limits;
  char         **names;

  /* Prepared on set. */
  FidChartScale  scale;         /* 0..100 % on both axes */
  double        *band_shares;
  double        *cumulative;    /* the curve at each limit */
  char         **share_texts;
  char         **long_share_texts;
};

G_DEFINE_FINAL_TYPE (FidParetoChart, fid_pareto_chart, FID_TYPE_CHART)

typedef struct
{
  FidChartAxes axes;
  double       strip_top;       /* the band texts' strip */
  double       name_height;
} Geometry;

/* The revenue share at customer share @x, by linear interpolation. */
static double
curve_at (FidParetoChart *self,
          double          x)
{
  guint lo = 0, hi;

  if (self->n_points == 0)
    return 0;
  hi = self->n_points - 1;
  if (x <= self->px[0])
    return self->py[0];
  if (x >= self->px[hi])
    return self->py[hi];

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->px[mid] <= x)
        lo = mid;
      else
        hi = mid;
    }
  if (self->px[hi] <= self->px[lo])
    return self->py[hi];

  return self->py[lo] + (self->py[hi] - self->py[lo]) * (x - self->px[lo]) / (self->px[hi] - self->px[lo]);
}

static double
band_start (FidParetoChart *self,
            guint           i)
{
  return i == 0 ? 0.0 : self->limits[i - 1];
}

static void
compute_geometry (FidParetoChart      *self,
                  double               width,
                  double               height,
                  const FidChartStyle *style,
                  Geometry            *geometry)
{
  FidChartAxes *axes = &geometry->axes;
  double label_height, top = 0;

  *geometry = (Geometry) { 0 };
  axes->x_scale = &self->scale;
  axes->y_scale = &self->scale;
  axes->x_format = FID_CHART_FORMAT_PERCENT;
  axes->y_format = FID_CHART_FORMAT_PERCENT;
  axes->x_label = fid_chart_get_x_label (FID_CHART (self));
  axes->y_label = fid_chart_get_y_label (FID_CHART (self));

  fid_chart_text_size (style, FID_CHART_FONT_EMPHASIS, "A", NULL, &geometry->name_height);
  fid_chart_text_size (style, FID_CHART_FONT_LABEL, "0", NULL, &label_height);
  if (self->n_bands > 0)
    top = geometry->name_height + label_height + FID_CHART_GAP;
  fid_chart_axes_layout (axes, style, width, height, top);
  geometry->strip_top = axes->plot.origin.y - top - label_height / 2;
}

static void
band_area (FidParetoChart  *self,
           const Geometry  *geometry,
           guint            i,
           gboolean         with_strip,
           graphene_rect_t *area)
{
  const FidChartAxes *axes = &geometry->axes;
  double left = fid_chart_axes_x (axes, fid_chart_scale_fraction (&self->scale, band_start (self, i)));
  double right = fid_chart_axes_x (axes, fid_chart_scale_fraction (&self->scale, self->limits[i]));
  double top = with_strip ? geometry->strip_top : axes->plot.origin.y;

  graphene_rect_init (area, left, top, right - left, axes->plot.origin.y + axes->plot.size.height - top);
}

static void
draw_bands (FidParetoChart      *self,
            cairo_t             *cr,
            const FidChartStyle *style,
            const Geometry      *geometry)
{
  static const double dash[] = { 4, 3 };

  for (guint i = 0; i < self->n_bands; i++)
    {
      graphene_rect_t area;
      GdkRGBA tint;

      /* Palette colours after the curve's own, lightly. */
      band_area (self, geometry, i, FALSE, &area);
      fid_chart_style_get_tint (style, fid_chart_style_get_series_color (style, i + 1),
                                style->dark ? 0.16 : 0.12, &tint);
      cairo_rectangle (cr, area.origin.x, area.origin.y, area.size.width, area.size.height);
      gdk_cairo_set_source_rgba (cr, &tint);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 1);
  gdk_cairo_set_source_rgba (cr, &style->secondary);
  for (guint i = 0; i + 1 < self->n_bands; i++)
    {
      double fraction = fid_chart_scale_fraction (&self->scale, self->limits[i]);
      double x = round (fid_chart_axes_x (&geometry->axes, fraction)) + 0.5;

      cairo_move_to (cr, x, geometry->axes.plot.origin.y);
      cairo_line_to (cr, x, geometry->axes.plot.origin.y + geometry->axes.plot.size.height);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_band_texts (FidParetoChart      *self,
                 cairo_t             *cr,
                 const FidChartStyle *style,
                 const Geometry      *geometry)
{
  for (guint i = 0; i < self->n_bands; i++)
    {
      graphene_rect_t area;
      double centre, long_width;
      const char *share;

      band_area (self, geometry, i, TRUE, &area);
      centre = area.origin.x + area.size.width / 2;
      fid_chart_draw_text (cr, style, FID_CHART_FONT_EMPHASIS, &style->foreground, self->names[i],
                           centre, geometry->strip_top, 0.5, 0, area.size.width - 2);

      /* "62 % of revenue" where the band is wide enough, else "62 %". */
      fid_chart_text_size (style, FID_CHART_FONT_LABEL, self->long_share_texts[i], &long_width, NULL);
      share = long_width <= area.size.width - 4 ? self->long_share_texts[i] : self->share_texts[i];
      fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->secondary, share,
                           centre, geometry->strip_top + geometry->name_height, 0.5, 0, area.size.width - 2);
    }
}

static void
fid_pareto_chart_draw (FidChart            *chart,
                       cairo_t             *cr,
                       double               width,
                       double               height,
                       const FidChartStyle *style)
{
  FidParetoChart *self = FID_PARETO_CHART (chart);
  const GdkRGBA *color = fid_chart_style_get_series_color (style, 0);
  const FidChartAxes *axes;
  static const double dash[] = { 6, 4 };
  Geometry geometry;

  compute_geometry (self, width, height, style, &geometry);
  axes = &geometry.axes;
  draw_bands (self, cr, style, &geometry);
  fid_chart_axes_draw (axes, cr, style, FALSE);

  /* Equality: every customer bringing the same revenue. */
  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, fid_chart_axes_x (axes, 0), fid_chart_axes_y (axes, 0));
  cairo_line_to (cr, fid_chart_axes_x (axes, 1), fid_chart_axes_y (axes, 1));
  gdk_cairo_set_source_rgba (cr, &style->secondary);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The curve. */
  cairo_new_path (cr);
  for (guint i = 0; i < self->n_points; i++)
    cairo_line_to (cr, fid_chart_axes_x (axes, self->px[i]), fid_chart_axes_y (axes, self->py[i]));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 2.5);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_stroke (cr);

  /* Where the curve crosses each band limit: the cumulative share. */
  for (guint i = 0; i + 1 < self->n_bands; i++)
    {
      double x = fid_chart_axes_x (axes, fid_chart_scale_fraction (&self->scale, self->limits[i]));
      double y = fid_chart_axes_y (axes, self->cumulative[i]);
      g_autofree char *text = fid_chart_format_value (self->cumulative[i], FID_CHART_FORMAT_PERCENT, TRUE);

      cairo_new_path (cr);
      cairo_arc (cr, x, y, 4, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &style->background);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, color);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->foreground, text,
                           x + 7, y + 4, 0, 0, 0);
    }

  draw_band_texts (self, cr, style, &geometry);
}

static void
fid_pareto_chart_layout_elements (FidChart            *chart,
                                  double               width,
                                  double               height,
                                  const FidChartStyle *style,
                                  GArray              *areas)
{
  FidParetoChart *self = FID_PARETO_CHART (chart);
  Geometry geometry;

  compute_geometry (self, width, height, style, &geometry);
  for (guint i = 0; i < self->n_bands; i++)
    {
      graphene_rect_t area;

      band_area (self, &geometry, i, TRUE, &area);
      g_array_append_val (areas, area);
    }
}

static char *
fid_pareto_chart_get_element_text (FidChart *chart,
                                   guint     index)
{
  FidParetoChart *self = FID_PARETO_CHART (chart);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *share = NULL;

  if (index >= self->n_bands)
    return NULL;

  from = fid_chart_format_value (band_start (self, index), FID_CHART_FORMAT_PERCENT, FALSE);
  to = fid_chart_format_value (self->limits[index], FID_CHART_FORMAT_PERCENT, FALSE);
  share = fid_chart_format_value (self->band_shares[index], FID_CHART_FORMAT_PERCENT, FALSE);

  /* Translators: a band of the Pareto chart: its name, the customers in it
   * (from one share to another), their share of revenue */
  return g_strdup_printf (_("%s: customers %s to %s\n%s of revenue"), self->names[index], from, to, share);
}

static char *
fid_pareto_chart_describe (FidChart *chart)
{
  FidParetoChart *self = FID_PARETO_CHART (chart);
  g_autoptr(GString) text = g_string_new (_("Revenue concentration"));

  for (guint i = 0; i < self->n_bands; i++)
    {
      g_autofree char *customers = fid_chart_format_value (self->limits[i] - band_start (self, i),
                                                           FID_CHART_FORMAT_PERCENT, FALSE);
      g_autofree char *share = fid_chart_format_value (self->band_shares[i], FID_CHART_FORMAT_PERCENT, FALSE);

      /* Translators: a band: name, its share of customers, its share of revenue */
      g_string_append_printf (text, _("; %s: %s of customers bring %s of revenue"),
                              self->names[i], customers, share);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fid_pareto_chart_fill_table (FidChart      *chart,
                             GtkStringList *columns,
                             GListStore    *rows)
{
  FidParetoChart *self = FID_PARETO_CHART (chart);

  gtk_string_list_append (columns, _("Band"));
  gtk_string_list_append (columns, _("Share of customers"));
  gtk_string_list_append (columns, _("Share of revenue"));
  gtk_string_list_append (columns, _("Cumulative share of revenue"));

  for (guint i = 0; i < self->n_bands; i++)
    {
      g_autofree char *customers = fid_chart_format_value (self->limits[i] - band_start (self, i),
                                                           FID_CHART_FORMAT_PERCENT, FALSE);
      g_autofree char *share = fid_chart_format_value (self->band_shares[i], FID_CHART_FORMAT_PERCENT, FALSE);
      g_autofree char *cumulative = fid_chart_format_value (self->cumulative[i],
                                                            FID_CHART_FORMAT_PERCENT, FALSE);
      const char *cells[] = { self->names[i], customers, share, cumulative };

      fid_chart_table_add_row (rows, cells, G_N_ELEMENTS (cells));
    }
}

static guint
fid_pareto_chart_get_n_elements (FidChart *chart)
{
  FidParetoChart *self = FID_PARETO_CHART (chart);

  return self->n_points >= 2 ? self->n_bands : 0;
}

static gboolean
fid_pareto_chart_is_empty (FidChart *chart)
{
  return FID_PARETO_CHART (chart)->n_points < 2;
}

static void
prepare_bands (FidParetoChart *self)
{
  g_free (self->band_shares);
  g_free (self->cumulative);
  g_strfreev (self->share_texts);
  g_strfreev (self->long_share_texts);
  self->band_shares = g_new0 (double, MAX (self->n_bands, 1));
  self->cumulative = g_new0 (double, MAX (self->n_bands, 1));
  self->share_texts = g_new0 (char *, self->n_bands + 1);
  self->long_share_texts = g_new0 (char *, self->n_bands + 1);

  for (guint i = 0; i < self->n_bands; i++)
    {
      self->cumulative[i] = curve_at (self, self->limits[i]);
      self->band_shares[i] = self->cumulative[i] - curve_at (self, band_start (self, i));
      self->share_texts[i] = fid_chart_format_value (self->band_shares[i], FID_CHART_FORMAT_PERCENT, TRUE);
      /* Translators: a Pareto band's share of revenue ("62 % of revenue") */
      self->long_share_texts[i] = g_strdup_printf (_("%s of revenue"), self->share_texts[i]);
    }

  fid_chart_data_changed (FID_CHART (self));
}

static void
fid_pareto_chart_finalize (GObject *object)
{
  FidParetoChart *self = FID_PARETO_CHART (object);

  g_free (self->px);
  g_free (self->py);
  g_free (self->limits);
  g_strfreev (self->names);
  g_free (self->band_shares);
  g_free (self->cumulative);
  g_strfreev (self->share_texts);
  g_strfreev (self->long_share_texts);

  G_OBJECT_CLASS (fid_pareto_chart_parent_class)->finalize (object);
}

static void
fid_pareto_chart_class_init (FidParetoChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FidChartClass *chart_class = FID_CHART_CLASS (klass);

  object_class->finalize = fid_pareto_chart_finalize;

  chart_class->draw = fid_pareto_chart_draw;
  chart_class->describe = fid_pareto_chart_describe;
  chart_class->fill_table = fid_pareto_chart_fill_table;
  chart_class->is_empty = fid_pareto_chart_is_empty;
  chart_class->get_n_elements = fid_pareto_chart_get_n_elements;
  chart_class->layout_elements = fid_pareto_chart_layout_elements;
  chart_class->get_element_text = fid_pareto_chart_get_element_text;
}

static void
fid_pareto_chart_init (FidParetoChart *self)
{
  fid_chart_scale_init (&self->scale, 0, 1, 6, TRUE);
}

FidChart *
fid_pareto_chart_new (void)
{
  return g_object_new (FID_TYPE_PARETO_CHART, NULL);
}

void
fid_pareto_chart_set_curve (FidParetoChart *self,
                            const double   *customer_share,
                            const double   *revenue_share,
                            guint           n)
{
  gboolean add_origin;
  guint stride, out = 0;

  g_return_if_fail (FID_IS_PARETO_CHART (self));
  g_return_if_fail (n == 0 || (customer_share != NULL && revenue_share != NULL));

  g_clear_pointer (&self->px, g_free);
  g_clear_pointer (&self->py, g_free);
  self->n_points = 0;

  if (n > 0)
    {
      add_origin = customer_share[0] > 0;
      /* Every stride-th point, and always the last one. */
      stride = (n + MAX_POINTS - 1) / MAX_POINTS;
      self->px = g_new (double, n / stride + 3);
      self->py = g_new (double, n / stride + 3);
      if (add_origin)
        {
          self->px[out] = 0;
          self->py[out++] = 0;
        }
      for (guint i = 0; i < n; i += stride)
        {
          self->px[out] = CLAMP (customer_share[i], 0, 1);
          self->py[out++] = CLAMP (revenue_share[i], 0, 1);
        }
      if ((n - 1) % stride != 0)
        {
          self->px[out] = CLAMP (customer_share[n - 1], 0, 1);
          self->py[out++] = CLAMP (revenue_share[n - 1], 0, 1);
        }
      self->n_points = out;
    }

  prepare_bands (self);
}

void
fid_pareto_chart_set_bands (FidParetoChart     *self,
                            const double       *limits,
                            const char * const *names,
                            guint               n_bands)
{
  g_return_if_fail (FID_IS_PARETO_CHART (self));
  g_return_if_fail (n_bands == 0 || limits != NULL);

  g_free (self->limits);
  g_strfreev (self->names);
  self->n_bands = n_bands;
  self->limits = g_new0 (double, MAX (n_bands, 1));
  if (n_bands > 0)
    memcpy (self->limits, limits, sizeof (double) * n_bands);
  self->names = fid_chart_strv_copy (names, n_bands);
  prepare_bands (self);
}

double
fid_pareto_chart_get_band_share (FidParetoChart *self,
                                 guint           index)
{
  g_return_val_if_fail (FID_IS_PARETO_CHART (self), NAN);
  g_return_val_if_fail (index < self->n_bands, NAN);

  return self->band_shares[index];
}
