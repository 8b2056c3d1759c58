/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidScatterChart: labelled points on two value axes, optionally cut into
 * quadrants. Setting the points computes both scales and each point's
 * position as fractions 0..1; drawing scales them. Labels go beside their
 * point where they overlap nothing already placed (right, left, above,
 * below) and are left out otherwise: the tooltip and the table keep them. */

#include "config.h"

#include <string.h>

#include "fid-chart-private.h"
#include "fid-scatter-chart.h"

#define POINT_RADIUS 5.0
#define HIT_RADIUS 10.0

struct _FidScatterChart
{
  FidChart        parent_instance;

  guint           n_points;
  double         *x;
  double         *y;
  char          **labels;
  double          range[4];        /* x min, x max, y min, y max; NAN: auto */
  double          x_split;
  double          y_split;
  char          **quadrant_names;  /* 4 or NULL */
  FidChartFormat  x_format;
  FidChartFormat  y_format;

  /* Prepared on set. */
  FidChartScale   x_scale;
  FidChartScale   y_scale;
  double         *fx;
  double         *fy;
};

G_DEFINE_FINAL_TYPE (FidScatterChart, fid_scatter_chart, FID_TYPE_CHART)

static void
compute_axes (FidScatterChart     *self,
              double               width,
              double               height,
              const FidChartStyle *style,
              FidChartAxes        *axes)
{
  *axes = (FidChartAxes) { 0 };
  axes->x_scale = &self->x_scale;
  axes->y_scale = &self->y_scale;
  axes->x_format = self->x_format;
  axes->y_format = self->y_format;
  axes->x_label = fid_chart_get_x_label (FID_CHART (self));
  axes->y_label = fid_chart_get_y_label (FID_CHART (self));
  fid_chart_axes_layout (axes, style, width, height, 0);
}

static void
point_at (FidScatterChart    *self,
          const FidChartAxes *axes,
          guint               i,
          double             *x,
          double             *y)
{
  *x = fid_chart_axes_x (axes, self->fx[i]);
  *y = fid_chart_axes_y (axes, self->fy[i]);
}

static gboolean
overlaps_any (GArray                *placed,
              const graphene_rect_t *rect)
{
  for (guint i = 0; i < placed->len; i++)
    {
      if (graphene_rect_intersection (&g_array_index (placed, graphene_rect_t, i), rect, NULL))
        return TRUE;
    }

  return FALSE;
}

static void
draw_quadrants (FidScatterChart     *self,
                cairo_t             *cr,
                const FidChartStyle *style,
                const FidChartAxes  *axes,
                GArray              *placed)
{
  const graphene_rect_t *plot = &axes->plot;
  static const double dash[] = { 6, 4 };

  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 1.5);
  gdk_cairo_set_source_rgba (cr, &style->secondary);
  if (!isnan (self->x_split))
    {
      double x = fid_chart_axes_x (axes, fid_chart_scale_fraction (&self->x_scale, self->x_split));

      cairo_move_to (cr, x, plot->origin.y);
      cairo_line_to (cr, x, plot->origin.y + plot->size.height);
    }
  if (!isnan (self->y_split))
    {
      double y = fid_chart_axes_y (axes, fid_chart_scale_fraction (&self->y_scale, self->y_split));

      cairo_move_to (cr, plot->origin.x, y);
      cairo_line_to (cr, plot->origin.x + plot->size.width, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  if (self->quadrant_names == NULL)
    return;

  /* Each name in its quadrant's outer corner. */
  for (guint q = 0; q < 4; q++)
    {
      gboolean right = q == FID_SCATTER_QUADRANT_TOP_RIGHT || q == FID_SCATTER_QUADRANT_BOTTOM_RIGHT;
      gboolean bottom = q >= FID_SCATTER_QUADRANT_BOTTOM_LEFT;
      double x = right ? plot->origin.x + plot->size.width - FID_CHART_GAP : plot->origin.x + FID_CHART_GAP;
      double y = bottom ? plot->origin.y + plot->size.height - FID_CHART_GAP : plot->origin.y + FID_CHART_GAP;
      double w, h;
      graphene_rect_t rect;

      fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, self->quadrant_names[q], &w, &h);
      fid_chart_draw_text (cr, style, FID_CHART_FONT_SUBTITLE, &style->secondary, self->quadrant_names[q],
                           x, y, right ? 1 : 0, bottom ? 1 : 0, plot->size.width / 2 - 2 * FID_CHART_GAP);
      graphene_rect_init (&rect, right ? x - w : x, bottom ? y - h : y, w, h);
      g_array_append_val (placed, rect);
    }
}

static void
fid_scatter_chart_draw (FidChart            *chart,
                        cairo_t             *cr,
                        double               width,
                        double               height,
                        const FidChartStyle *style)
{
  FidScatterChart *self = FID_SCATTER_CHART (chart);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  const GdkRGBA *color = fid_chart_style_get_series_color (style, 0);
  FidChartAxes axes;

  compute_axes (self, width, height, style, &axes);
  fid_chart_axes_draw (&axes, cr, style, TRUE);
  draw_quadrants (self, cr, style, &axes, placed);

  for (guint i = 0; i < self->n_points; i++)
    {
      double x, y;

      point_at (self, &axes, i, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
    }
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.85);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &style->background);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  if (self->labels == NULL)
    return;

  for (guint i = 0; i < self->n_points; i++)
    {
      /* Right, left, above, below: offsets of the label's box origin. */
      static const double candidates[4][4] = {
        /* dx factor of w, dy factor of h, dx pad, dy pad */
        { 0, -0.5, 1, 0 }, { -1, -0.5, -1, 0 }, { -0.5, -1, 0, -1 }, { -0.5, 0, 0, 1 },
      };
      double x, y, w, h;

      if (self->labels[i][0] == '\0')
        continue;

      point_at (self, &axes, i, &x, &y);
      fid_chart_text_size (style, FID_CHART_FONT_LABEL, self->labels[i], &w, &h);
      for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
        {
          graphene_rect_t rect;

          graphene_rect_init (&rect,
                              x + candidates[c][0] * w + candidates[c][2] * (POINT_RADIUS + 3),
                              y + candidates[c][1] * h + candidates[c][3] * (POINT_RADIUS + 1),
                              w, h);
          if (!graphene_rect_contains_rect (&axes.plot, &rect) || overlaps_any (placed, &rect))
            continue;

          /* A veil of background under the label keeps it readable over lines. */
          cairo_rectangle (cr, rect.origin.x - 1, rect.origin.y, rect.size.width + 2, rect.size.height);
          cairo_set_source_rgba (cr, style->background.red, style->background.green,
                                 style->background.blue, 0.8);
          cairo_fill (cr);
          fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->foreground, self->labels[i],
                               rect.origin.x, rect.origin.y, 0, 0, 0);
          g_array_append_val (placed, rect);
          break;
        }
    }
}

static void
fid_scatter_chart_layout_elements (FidChart            *chart,
                                   double               width,
                                   double               height,
                                   const FidChartStyle *style,
                                   GArray              *areas)
{
  FidScatterChart *self = FID_SCATTER_CHART (chart);
  FidChartAxes axes;

  compute_axes (self, width, height, style, &axes);
  for (guint i = 0; i < self->n_points; i++)
    {
      graphene_rect_t area;
      double x, y;

      point_at (self, &axes, i, &x, &y);
      graphene_rect_init (&area, x - POINT_RADIUS - 2, y - POINT_RADIUS - 2,
                          2 * POINT_RADIUS + 4, 2 * POINT_RADIUS + 4);
      g_array_append_val (areas, area);
    }
}

/* The nearest point within reach of the pointer. */
static int
fid_scatter_chart_hit_test (FidChart            *chart,
                            double               width,
                            double               height,
                            const FidChartStyle *style,
                            double               x,
                            double               y,
                            char               **tooltip)
{
  FidScatterChart *self = FID_SCATTER_CHART (chart);
  double best = HIT_RADIUS * HIT_RADIUS;
  FidChartAxes axes;
  int found = -1;

  compute_axes (self, width, height, style, &axes);
  for (guint i = 0; i < self->n_points; i++)
    {
      double px, py, distance;

      point_at (self, &axes, i, &px, &py);
      distance = (px - x) * (px - x) + (py - y) * (py - y);
      if (distance <= best)
        {
          best = distance;
          found = (int) i;
        }
    }

  if (found >= 0 && tooltip != NULL)
    *tooltip = FID_CHART_GET_CLASS (chart)->get_element_text (chart, found);

  return found;
}

static char *
fid_scatter_chart_get_element_text (FidChart *chart,
                                    guint     index)
{
  FidScatterChart *self = FID_SCATTER_CHART (chart);
  const char *x_label = fid_chart_get_x_label (chart);
  const char *y_label = fid_chart_get_y_label (chart);
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (index >= self->n_points)
    return NULL;

  x = fid_chart_format_value (self->x[index], self->x_format, FALSE);
  y = fid_chart_format_value (self->y[index], self->y_format, FALSE);

  /* Translators: a point: its label, then each axis name with its value */
  return g_strdup_printf (_("%s\n%s: %s\n%s: %s"),
                          self->labels != NULL ? self->labels[index] : "",
                          x_label != NULL ? x_label : "x", x,
                          y_label != NULL ? y_label : "y", y);
}

static char *
fid_scatter_chart_describe (FidChart *chart)
{
  FidScatterChart *self = FID_SCATTER_CHART (chart);
  g_autoptr(GString) text = g_string_new (NULL);
  guint limit = MIN (self->n_points, 12);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u point", "%u points", self->n_points),
                          self->n_points);
  for (guint i = 0; i < limit && self->labels != NULL; i++)
    {
      g_autofree char *x = fid_chart_format_value (self->x[i], self->x_format, FALSE);
      g_autofree char *y = fid_chart_format_value (self->y[i], self->y_format, FALSE);

      g_string_append_printf (text, "%s%s (%s, %s)", i == 0 ? ": " : "; ", self->labels[i], x, y);
    }
  if (limit < self->n_points && self->labels != NULL)
    g_string_append (text, "; …");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fid_scatter_chart_fill_table (FidChart      *chart,
                              GtkStringList *columns,
                              GListStore    *rows)
{
  FidScatterChart *self = FID_SCATTER_CHART (chart);
  const char *x_label = fid_chart_get_x_label (chart);
  const char *y_label = fid_chart_get_y_label (chart);

  gtk_string_list_append (columns, _("Label"));
  gtk_string_list_append (columns, x_label != NULL ? x_label : "x");
  gtk_string_list_append (columns, y_label != NULL ? y_label : "y");

  for (guint i = 0; i < self->n_points; i++)
    {
      g_autofree char *x = fid_chart_format_value (self->x[i], self->x_format, FALSE);
      g_autofree char *y = fid_chart_format_value (self->y[i], self->y_format, FALSE);
      const char *cells[] = { self->labels != NULL ? self->labels[i] : "", x, y };

      fid_chart_table_add_row (rows, cells, G_N_ELEMENTS (cells));
    }
}

static guint
fid_scatter_chart_get_n_elements (FidChart *chart)
{
  return FID_SCATTER_CHART (chart)->n_points;
}

static void
init_scale (FidChartScale *scale,
            const double  *values,
            guint          n,
            double         fixed_min,
            double         fixed_max,
            double         split)
{
  double min = G_MAXDOUBLE, max = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      min = MIN (min, values[i]);
      max = MAX (max, values[i]);
    }
  if (!isnan (split))
    {
      min = MIN (min, split);
      max = MAX (max, split);
    }
  if (min > max)
    min = max = 0;
  if (!isnan (fixed_min))
    min = fixed_min;
  if (!isnan (fixed_max))
    max = fixed_max;

  fid_chart_scale_init (scale, min, max, 8, FALSE);
}

static void
prepare (FidScatterChart *self)
{
  init_scale (&self->x_scale, self->x, self->n_points, self->range[0], self->range[1], self->x_split);
  init_scale (&self->y_scale, self->y, self->n_points, self->range[2], self->range[3], self->y_split);

  g_free (self->fx);
  g_free (self->fy);
  self->fx = g_new0 (double, MAX (self->n_points, 1));
  self->fy = g_new0 (double, MAX (self->n_points, 1));
  for (guint i = 0; i < self->n_points; i++)
    {
      self->fx[i] = fid_chart_scale_fraction (&self->x_scale, self->x[i]);
      self->fy[i] = fid_chart_scale_fraction (&self->y_scale, self->y[i]);
    }

  fid_chart_data_changed (FID_CHART (self));
}

static void
fid_scatter_chart_finalize (GObject *object)
{
  FidScatterChart *self = FID_SCATTER_CHART (object);

  g_free (self->x);
  g_free (self->y);
  g_free (self->fx);
  g_free (self->fy);
  g_strfreev (self->labels);
  g_strfreev (self->quadrant_names);

  G_OBJECT_CLASS (fid_scatter_chart_parent_class)->finalize (object);
}

static void
fid_scatter_chart_class_init (FidScatterChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FidChartClass *chart_class = FID_CHART_CLASS (klass);

  object_class->finalize = fid_scatter_chart_finalize;

  chart_class->draw = fid_scatter_chart_draw;
  chart_class->describe = fid_scatter_chart_describe;
  chart_class->hit_test = fid_scatter_chart_hit_test;
  chart_class->fill_table = fid_scatter_chart_fill_table;
  chart_class->get_n_elements = fid_scatter_chart_get_n_elements;
  chart_class->layout_elements = fid_scatter_chart_layout_elements;
  chart_class->get_element_text = fid_scatter_chart_get_element_text;
}

static void
fid_scatter_chart_init (FidScatterChart *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->range); i++)
    self->range[i] = NAN;
  self->x_split = NAN;
  self->y_split = NAN;
  prepare (self);
}

FidChart *
fid_scatter_chart_new (void)
{
  return g_object_new (FID_TYPE_SCATTER_CHART, NULL);
}

void
fid_scatter_chart_set_points (FidScatterChart    *self,
                              const double       *x,
                              const double       *y,
                              const char * const *labels,
                              guint               n)
{
  g_return_if_fail (FID_IS_SCATTER_CHART (self));
  g_return_if_fail (n == 0 || (x != NULL && y != NULL));

  g_free (self->x);
  g_free (self->y);
  g_clear_pointer (&self->labels, g_strfreev);
  self->n_points = n;
  self->x = g_new0 (double, MAX (n, 1));
  self->y = g_new0 (double, MAX (n, 1));
  if (n > 0)
    {
      memcpy (self->x, x, sizeof (double) * n);
      memcpy (self->y, y, sizeof (double) * n);
    }
  if (labels != NULL)
    self->labels = fid_chart_strv_copy (labels, n);
  prepare (self);
}

void
fid_scatter_chart_set_ranges (FidScatterChart *self,
                              double           x_min,
                              double           x_max,
                              double           y_min,
                              double           y_max)
{
  g_return_if_fail (FID_IS_SCATTER_CHART (self));

  self->range[0] = x_min;
  self->range[1] = x_max;
  self->range[2] = y_min;
  self->range[3] = y_max;
  prepare (self);
}

void
fid_scatter_chart_set_quadrants (FidScatterChart    *self,
                                 double              x_split,
                                 double              y_split,
                                 const char * const *names)
{
  g_return_if_fail (FID_IS_SCATTER_CHART (self));

  self->x_split = x_split;
  self->y_split = y_split;
  g_clear_pointer (&self->quadrant_names, g_strfreev);
  if (names != NULL)
    self->quadrant_names = fid_chart_strv_copy (names, 4);
  prepare (self);
}

void
fid_scatter_chart_set_formats (FidScatterChart *self,
                               FidChartFormat   x_format,
                               FidChartFormat   y_format)
{
  g_return_if_fail (FID_IS_SCATTER_CHART (self));

  self->x_format = x_format;
  self->y_format = y_format;
  prepare (self);
}
