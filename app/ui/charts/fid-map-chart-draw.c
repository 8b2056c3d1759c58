/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidMapChart's drawing beyond the fills: the branches' catchment cells
 * (clipped to the territories), their markers and the legend. */

#include "config.h"

#include "fid-map-chart-private.h"

/* Okabe–Ito vermillion: stands out on every blue. */
static const guint32 marker_color = 0xd55e00;

void
fid_map_chart_rgb (guint32  value,
     GdkRGBA *color)
{
  color->red = ((value >> 16) & 0xff) / 255.0;
  color->green = ((value >> 8) & 0xff) / 255.0;
  color->blue = (value & 0xff) / 255.0;
  color->alpha = 1;
}

void
fid_map_chart_path (cairo_t           *cr,
               const View        *view,
               const FidGeometry *geometry)
{
  for (guint p = 0; p < fid_geometry_get_n_polygons (geometry); p++)
    for (guint r = 0; r < fid_geometry_get_n_rings (geometry, p); r++)
      {
        guint n;
        const FidPoint *pts = fid_geometry_get_ring (geometry, p, r, &n);

        cairo_move_to (cr, to_x (view, pts[0].x), to_y (view, pts[0].y));
        for (guint i = 1; i < n; i++)
          cairo_line_to (cr, to_x (view, pts[i].x), to_y (view, pts[i].y));
        cairo_close_path (cr);
      }
}

void
fid_map_chart_draw_catchment (FidMapChart         *self,
                cairo_t             *cr,
                const View          *view,
                const FidChartStyle *style)
{
  static const double dash[] = { 5, 3 };

  if (!self->show_catchment || self->cells == NULL)
    return;
  cairo_save (cr);
  /* The cells are cut by the map's outline: clip to every territory. */
  for (guint i = 0; i < self->n_territories; i++)
    fid_map_chart_path (cr, view, g_ptr_array_index (self->projected, i));
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_clip (cr);
  for (guint j = 0; j < self->cells->len; j++)
    {
      GArray *cell = g_ptr_array_index (self->cells, j);

      for (guint k = 0; k < cell->len; k++)
        {
          FidPoint *p = &g_array_index (cell, FidPoint, k);

          if (k == 0)
            cairo_move_to (cr, to_x (view, p->x), to_y (view, p->y));
          else
            cairo_line_to (cr, to_x (view, p->x), to_y (view, p->y));
        }
      if (cell->len > 0)
        cairo_close_path (cr);
    }
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 1.6);
  cairo_set_source_rgba (cr, 0.85, 0.37, 0, 0.9);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
fid_map_chart_draw_branches (FidMapChart         *self,
               cairo_t             *cr,
               const View          *view,
               const FidChartStyle *style)
{
  GdkRGBA color;

  fid_map_chart_rgb (marker_color, &color);
  for (guint j = 0; j < self->n_branches; j++)
    {
      FidPoint *p = &g_array_index (self->sites, FidPoint, j);

      cairo_new_sub_path (cr);
      cairo_arc (cr, to_x (view, p->x), to_y (view, p->y), MARKER_RADIUS, 0, 2 * G_PI);
    }
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static char *
class_label (FidMapChart *self,
             guint        k)
{
  g_autofree char *from = fid_chart_format_value (self->breaks[k], self->format, TRUE);
  g_autofree char *to = fid_chart_format_value (self->breaks[k + 1], self->format, TRUE);

  /* Translators: a class of the map's legend, from – to */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/* The legend: a box in the bottom-left corner (the Atlantic, on a map of
 * France), the value's name, five swatches and the markers' meaning. */
void
fid_map_chart_draw_legend (FidMapChart         *self,
             cairo_t             *cr,
             const FidChartStyle *style,
             double               width,
             double               height)
{
  const double swatch = 14, row = 20;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  double text_w = 0, w, h, x, y, tw, th;
  guint n_classes = self->has_breaks ? FID_MAP_N_CLASSES : 0;
  GdkRGBA color;

  for (guint k = 0; k < n_classes; k++)
    g_ptr_array_add (lines, class_label (self, k));
  if (self->n_branches > 0)
    g_ptr_array_add (lines, g_strdup (_("Branch")));
  if (self->n_branches > 0 && self->show_catchment)
    g_ptr_array_add (lines, g_strdup (_("Catchment area")));
  for (guint i = 0; i < lines->len; i++)
    {
      fid_chart_text_size (style, FID_CHART_FONT_LABEL, g_ptr_array_index (lines, i), &tw, &th);
      text_w = MAX (text_w, tw);
    }
  fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, self->value_name ? self->value_name : "", &tw, &th);
  w = MAX (text_w + swatch + 3 * FID_CHART_GAP, tw + 2 * FID_CHART_GAP);
  w = MIN (w, width / 2);
  h = th + 2 * FID_CHART_GAP + lines->len * row;
  x = FID_CHART_PAD;
  y = height - h - FID_CHART_PAD;
  if (y < 0)
    return;

  fid_chart_rounded_rect (cr, x, y, w, h, 4);
  cairo_set_source_rgba (cr, style->background.red, style->background.green, style->background.blue, 0.88);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  fid_chart_draw_text (cr, style, FID_CHART_FONT_SUBTITLE, &style->foreground, self->value_name ? self->value_name : "",
                       x + FID_CHART_GAP, y + FID_CHART_GAP, 0, 0, w - 2 * FID_CHART_GAP);
  y += th + FID_CHART_GAP;
  for (guint i = 0; i < lines->len; i++, y += row)
    {
      double cx = x + FID_CHART_GAP, cy = y + (row - swatch) / 2;

      if (i < n_classes)
        {
          /* Darkest at the top, as "more" reads upwards. */
          fid_map_chart_get_class_color (n_classes - 1 - i, &color);
          g_free (lines->pdata[i]);
          lines->pdata[i] = class_label (self, n_classes - 1 - i);
          cairo_rectangle (cr, cx, cy, swatch, swatch);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_fill_preserve (cr);
          gdk_cairo_set_source_rgba (cr, &style->grid);
          cairo_stroke (cr);
        }
      else if (i == n_classes)
        {
          fid_map_chart_rgb (marker_color, &color);
          cairo_arc (cr, cx + swatch / 2, cy + swatch / 2, MARKER_RADIUS, 0, 2 * G_PI);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_fill (cr);
        }
      else
        {
          static const double dash[] = { 5, 3 };

          cairo_save (cr);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_set_line_width (cr, 1.6);
          cairo_set_source_rgba (cr, 0.85, 0.37, 0, 0.9);
          cairo_move_to (cr, cx, cy + swatch / 2);
          cairo_line_to (cr, cx + swatch, cy + swatch / 2);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->foreground, g_ptr_array_index (lines, i),
                           cx + swatch + FID_CHART_GAP, y + row / 2, 0, 0.5, w - swatch - 3 * FID_CHART_GAP);
    }
}

