/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidChannelMixView: stacked bars with Cairo. The result's columns are
 * Month, one per channel, Total. Heights are normalised when the result
 * arrives; drawing only scales them (DESIGN.md §8). */

#include "config.h"

#include <string.h>

#include "fid-channel-mix-view.h"

#define CHART_HEIGHT 220
#define LEGEND_HEIGHT 28
#define AXIS_HEIGHT 22

struct _FidChannelMixView
{
  FidAnalyticsView  parent_instance;

  GtkWidget        *area;
  GArray           *heights;     /* double, month × channel, 0..1 of the tallest total */
  guint             n_months;
  guint             n_channels;
  GPtrArray        *months;      /* "MM" labels */
  GPtrArray        *channels;
};

G_DEFINE_FINAL_TYPE (FidChannelMixView, fid_channel_mix_view, FID_TYPE_ANALYTICS_VIEW)

/* GNOME's palette: blue, green, yellow, orange, red, purple, brown. */
static const double palette[][3] = {
  { 0.21, 0.52, 0.89 }, { 0.20, 0.82, 0.48 }, { 0.96, 0.83, 0.18 }, { 1.00, 0.47, 0.00 },
  { 0.88, 0.11, 0.14 }, { 0.57, 0.25, 0.67 }, { 0.60, 0.45, 0.33 },
};

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  FidChannelMixView *self = user_data;
  double chart_height = height - LEGEND_HEIGHT - AXIS_HEIGHT;
  double slot, bar;
  PangoLayout *layout;
  double x = 0;

  if (self->n_months == 0)
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);

  /* Legend. */
  for (guint c = 0; c < self->n_channels; c++)
    {
      const double *rgb = palette[c % G_N_ELEMENTS (palette)];
      int text_width;

      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, x, 6, 12, 12);
      cairo_fill (cr);
      pango_layout_set_text (layout, g_ptr_array_index (self->channels, c), -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.8);
      cairo_move_to (cr, x + 16, 3);
      pango_cairo_show_layout (cr, layout);
      x += 16 + text_width + 18;
    }

  /* Bars, stacked from the bottom. */
  slot = (double) width / self->n_months;
  bar = MAX (2.0, slot * 0.7);
  for (guint m = 0; m < self->n_months; m++)
    {
      double y = LEGEND_HEIGHT + chart_height;
      double left = m * slot + (slot - bar) / 2;

      for (guint c = 0; c < self->n_channels; c++)
        {
          const double *rgb = palette[c % G_N_ELEMENTS (palette)];
          double h = g_array_index (self->heights, double, m * self->n_channels + c) * chart_height;

          cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
          cairo_rectangle (cr, left, y - h, bar, h);
          cairo_fill (cr);
          y -= h;
        }

      pango_layout_set_text (layout, g_ptr_array_index (self->months, m), -1);
      {
        int text_width;

        pango_layout_get_pixel_size (layout, &text_width, NULL);
        cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
        cairo_move_to (cr, m * slot + (slot - text_width) / 2, LEGEND_HEIGHT + chart_height + 4);
        pango_cairo_show_layout (cr, layout);
      }
    }

  g_object_unref (layout);
}

static void
fid_channel_mix_view_result_changed (FidAnalyticsView   *view,
                                     FidAnalyticsResult *result)
{
  FidChannelMixView *self = FID_CHANNEL_MIX_VIEW (view);
  guint n_columns;
  double tallest = 0;

  /* The table, under the chart. */
  FID_ANALYTICS_VIEW_CLASS (fid_channel_mix_view_parent_class)->result_changed (view, result);

  g_array_set_size (self->heights, 0);
  g_ptr_array_set_size (self->months, 0);
  g_ptr_array_set_size (self->channels, 0);
  self->n_months = self->n_channels = 0;

  if (result != NULL && (n_columns = fid_analytics_result_get_n_columns (result)) >= 2)
    {
      self->n_months = fid_analytics_result_get_n_rows (result);
      self->n_channels = n_columns - 2;   /* without Month and Total */
      for (guint c = 0; c < self->n_channels; c++)
        g_ptr_array_add (self->channels, g_strdup (fid_analytics_result_get_column (result, c + 1)));
      for (guint m = 0; m < self->n_months; m++)
        {
          const char *month = fid_analytics_result_get_cell (result, m, 0);

          g_ptr_array_add (self->months, g_strdup (strlen (month) >= 7 ? month + 5 : month));
          tallest = MAX (tallest, fid_analytics_result_get_number (result, m, n_columns - 1));
        }
      for (guint m = 0; m < self->n_months; m++)
        for (guint c = 0; c < self->n_channels; c++)
          {
            double h = tallest > 0 ? fid_analytics_result_get_number (result, m, c + 1) / tallest : 0;

            g_array_append_val (self->heights, h);
          }
    }

  gtk_widget_queue_draw (self->area);
}

static void
fid_channel_mix_view_finalize (GObject *object)
{
  FidChannelMixView *self = FID_CHANNEL_MIX_VIEW (object);

  g_array_unref (self->heights);
  g_ptr_array_unref (self->months);
  g_ptr_array_unref (self->channels);

  G_OBJECT_CLASS (fid_channel_mix_view_parent_class)->finalize (object);
}

static void
fid_channel_mix_view_class_init (FidChannelMixViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fid_channel_mix_view_finalize;
  FID_ANALYTICS_VIEW_CLASS (klass)->result_changed = fid_channel_mix_view_result_changed;
}

static void
fid_channel_mix_view_init (FidChannelMixView *self)
{
  self->heights = g_array_new (FALSE, FALSE, sizeof (double));
  self->months = g_ptr_array_new_with_free_func (g_free);
  self->channels = g_ptr_array_new_with_free_func (g_free);

  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area),
                                       CHART_HEIGHT + LEGEND_HEIGHT + AXIS_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_box_prepend (fid_analytics_view_get_box (FID_ANALYTICS_VIEW (self)), self->area);
}
