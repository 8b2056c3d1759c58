/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidHistogram: adjacent bars over a value axis. Setting the bins computes
 * both scales and each bin's left, right and top as fractions 0..1;
 * drawing scales them. */

#include "config.h"

#include <string.h>

#include "fid-chart-private.h"
#include "fid-format.h"
#include "fid-histogram.h"

struct _FidHistogram
{
  FidChart        parent_instance;

  guint           n_bins;
  double         *edges;
  guint64        *counts;
  FidChartFormat  format;

  /* Prepared on set. */
  FidChartScale   x_scale;
  FidChartScale   y_scale;
  double         *fx;      /* n_bins + 1 edges */
  double         *fy;      /* n_bins tops */
};

G_DEFINE_FINAL_TYPE (FidHistogram, fid_histogram, FID_TYPE_CHART)

static void
compute_axes (FidHistogram        *self,
              double               width,
              double               height,
              const FidChartStyle *style,
              FidChartAxes        *axes)
{
  *axes = (FidChartAxes) { 0 };
  axes->x_scale = &self->x_scale;
  axes->y_scale = &self->y_scale;
  axes->x_format = self->format;
  axes->y_format = FID_CHART_FORMAT_INTEGER;
  axes->x_label = fid_chart_get_x_label (FID_CHART (self));
  axes->y_label = fid_chart_get_y_label (FID_CHART (self));
  fid_chart_axes_layout (axes, style, width, height, 0);
}

static void
bin_area (FidHistogram       *self,
          const FidChartAxes *axes,
          guint               i,
          graphene_rect_t    *area)
{
  double left = fid_chart_axes_x (axes, self->fx[i]);
  double right = fid_chart_axes_x (axes, self->fx[i + 1]);
  double top = fid_chart_axes_y (axes, self->fy[i]);
  double bottom = fid_chart_axes_y (axes, 0);

  graphene_rect_init (area, left, top, right - left, bottom - top);
}

static void
fid_histogram_draw (FidChart            *chart,
                    cairo_t             *cr,
                    double               width,
                    double               height,
                    const FidChartStyle *style)
{
  FidHistogram *self = FID_HISTOGRAM (chart);
  FidChartAxes axes;

  compute_axes (self, width, height, style, &axes);
  fid_chart_axes_draw (&axes, cr, style, FALSE);

  for (guint i = 0; i < self->n_bins; i++)
    {
      graphene_rect_t area;
      /* A hairline between bins, while they are wide enough for one. */
      double gap;

      bin_area (self, &axes, i, &area);
      gap = area.size.width > 4 ? 1 : 0;
      cairo_rectangle (cr, area.origin.x + gap / 2, area.origin.y,
                       area.size.width - gap, area.size.height);
    }
  gdk_cairo_set_source_rgba (cr, fid_chart_style_get_series_color (style, 0));
  cairo_fill (cr);

  cairo_move_to (cr, axes.plot.origin.x, round (fid_chart_axes_y (&axes, 0)) + 0.5);
  cairo_rel_line_to (cr, axes.plot.size.width, 0);
  gdk_cairo_set_source_rgba (cr, &style->secondary);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
fid_histogram_layout_elements (FidChart            *chart,
                               double               width,
                               double               height,
                               const FidChartStyle *style,
                               GArray              *areas)
{
  FidHistogram *self = FID_HISTOGRAM (chart);
  FidChartAxes axes;

  compute_axes (self, width, height, style, &axes);
  for (guint i = 0; i < self->n_bins; i++)
    {
      graphene_rect_t area;

      bin_area (self, &axes, i, &area);
      if (area.size.height < 4)
        {
          area.origin.y -= 4 - area.size.height;
          area.size.height = 4;
        }
      g_array_append_val (areas, area);
    }
}

static char *
bin_range (FidHistogram *self,
           guint         i)
{
  g_autofree char *from = fid_chart_format_value (self->edges[i], self->format, FALSE);
  g_autofree char *to = fid_chart_format_value (self->edges[i + 1], self->format, FALSE);

  /* Translators: a histogram bin, from a value up to (not including) another */
  return g_strdup_printf (_("%s to under %s"), from, to);
}

static char *
fid_histogram_get_element_text (FidChart *chart,
                                guint     index)
{
  FidHistogram *self = FID_HISTOGRAM (chart);
  g_autofree char *range = NULL;
  g_autofree char *count = NULL;

  if (index >= self->n_bins)
    return NULL;

  range = bin_range (self, index);
  count = fid_format_count (self->counts[index]);

  return g_strdup_printf (_("%s: %s"), range, count);
}

static char *
fid_histogram_describe (FidChart *chart)
{
  FidHistogram *self = FID_HISTOGRAM (chart);
  g_autofree char *peak_range = NULL;
  g_autofree char *total_text = NULL;
  guint64 total = 0;
  guint peak = 0;

  for (guint i = 0; i < self->n_bins; i++)
    {
      total += self->counts[i];
      if (self->counts[i] > self->counts[peak])
        peak = i;
    }
  peak_range = bin_range (self, peak);
  total_text = fid_format_count (total);

  /* Translators: a histogram: the number of bins, the total count, the fullest bin */
  return g_strdup_printf (_("%u bins, %s in all; the most in %s"), self->n_bins, total_text, peak_range);
}

static void
fid_histogram_fill_table (FidChart      *chart,
                          GtkStringList *columns,
                          GListStore    *rows)
{
  FidHistogram *self = FID_HISTOGRAM (chart);
  const char *x_label = fid_chart_get_x_label (chart);
  const char *y_label = fid_chart_get_y_label (chart);

  gtk_string_list_append (columns, x_label != NULL ? x_label : _("Range"));
  gtk_string_list_append (columns, y_label != NULL ? y_label : _("Count"));

  for (guint i = 0; i < self->n_bins; i++)
    {
      g_autofree char *range = bin_range (self, i);
      g_autofree char *count = fid_format_count (self->counts[i]);
      const char *cells[] = { range, count };

      fid_chart_table_add_row (rows, cells, G_N_ELEMENTS (cells));
    }
}

static guint
fid_histogram_get_n_elements (FidChart *chart)
{
  return FID_HISTOGRAM (chart)->n_bins;
}

/* Empty when no bin counts anyone. */
static gboolean
fid_histogram_is_empty (FidChart *chart)
{
  FidHistogram *self = FID_HISTOGRAM (chart);

  for (guint i = 0; i < self->n_bins; i++)
    {
      if (self->counts[i] > 0)
        return FALSE;
    }

  return TRUE;
}

static void
prepare (FidHistogram *self)
{
  guint64 max = 0;

  for (guint i = 0; i < self->n_bins; i++)
    max = MAX (max, self->counts[i]);

  if (self->n_bins > 0)
    fid_chart_scale_init_exact (&self->x_scale, self->edges[0], self->edges[self->n_bins], 10);
  else
    fid_chart_scale_init (&self->x_scale, 0, 1, 8, FALSE);
  fid_chart_scale_init (&self->y_scale, 0, (double) max, 8, TRUE);
  /* Counts: no tick between two integers. */
  if (self->y_scale.step < 1)
    fid_chart_scale_init (&self->y_scale, 0, MAX ((double) max, 5), 8, TRUE);

  g_free (self->fx);
  g_free (self->fy);
  self->fx = g_new0 (double, self->n_bins + 1);
  self->fy = g_new0 (double, MAX (self->n_bins, 1));
  for (guint i = 0; i <= self->n_bins && self->n_bins > 0; i++)
    self->fx[i] = fid_chart_scale_fraction (&self->x_scale, self->edges[i]);
  for (guint i = 0; i < self->n_bins; i++)
    self->fy[i] = fid_chart_scale_fraction (&self->y_scale, (double) self->counts[i]);

  fid_chart_data_changed (FID_CHART (self));
}

static void
fid_histogram_finalize (GObject *object)
{
  FidHistogram *self = FID_HISTOGRAM (object);

  g_free (self->edges);
  g_free (self->counts);
  g_free (self->fx);
  g_free (self->fy);

  G_OBJECT_CLASS (fid_histogram_parent_class)->finalize (object);
}

static void
fid_histogram_class_init (FidHistogramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FidChartClass *chart_class = FID_CHART_CLASS (klass);

  object_class->finalize = fid_histogram_finalize;

  chart_class->draw = fid_histogram_draw;
  chart_class->describe = fid_histogram_describe;
  chart_class->fill_table = fid_histogram_fill_table;
  chart_class->is_empty = fid_histogram_is_empty;
  chart_class->get_n_elements = fid_histogram_get_n_elements;
  chart_class->layout_elements = fid_histogram_layout_elements;
  chart_class->get_element_text = fid_histogram_get_element_text;
}

static void
fid_histogram_init (FidHistogram *self)
{
  self->format = FID_CHART_FORMAT_NUMBER;
}

FidChart *
fid_histogram_new (void)
{
  return g_object_new (FID_TYPE_HISTOGRAM, NULL);
}

void
fid_histogram_set_bins (FidHistogram  *self,
                        const double  *edges,
                        const guint64 *counts,
                        guint          n_bins)
{
  g_return_if_fail (FID_IS_HISTOGRAM (self));
  g_return_if_fail (n_bins == 0 || (edges != NULL && counts != NULL));

  g_free (self->edges);
  g_free (self->counts);
  self->n_bins = n_bins;
  self->edges = g_new0 (double, n_bins + 1);
  self->counts = g_new0 (guint64, MAX (n_bins, 1));
  if (n_bins > 0)
    {
      memcpy (self->edges, edges, sizeof (double) * (n_bins + 1));
      memcpy (self->counts, counts, sizeof (guint64) * n_bins);
    }
  prepare (self);
}

void
fid_histogram_set_format (FidHistogram   *self,
                          FidChartFormat  format)
{
  g_return_if_fail (FID_IS_HISTOGRAM (self));

  self->format = format;
  prepare (self);
}
