/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidMapChart: the territories are projected once, when set, to
 * Lambert-93 metres (conformal: shapes look right, and the Voronoi cells
 * of the branches are those of real distances); drawing only scales and
 * moves them into the chart. Classes are computed when the values or the
 * method change. */

#include "config.h"

#include <string.h>

#include "fid-map-chart-private.h"

#define MIN_ZOOM 1.0
#define MAX_ZOOM 40.0

/* ColorBrewer "Blues", 5 classes (colour-blind safe, prints in grey in
 * order): written out here as our own constants. */
static const guint32 class_colors[FID_MAP_N_CLASSES] = {
  0xeff3ff, 0xbdd7e7, 0x6baed6, 0x3182bd, 0x08519c,
};

G_DEFINE_FINAL_TYPE (FidMapChart, fid_map_chart, FID_TYPE_CHART)

void
fid_map_chart_get_class_color (guint    klass,
                               GdkRGBA *color)
{
  fid_map_chart_rgb (class_colors[MIN (klass, FID_MAP_N_CLASSES - 1)], color);
}

static void
project (double  lon,
         double  lat,
         double *x,
         double *y)
{
  fid_lambert93_project (lon, lat, x, y);
}

/* The view ---------------------------------------------------------------- */

static void
compute_view (FidMapChart *self,
              double       width,
              double       height,
              View        *view)
{
  double w = MAX (self->extent.max_x - self->extent.min_x, 1);
  double h = MAX (self->extent.max_y - self->extent.min_y, 1);

  view->scale = MIN (width / w, height / h) * 0.96 * self->zoom;
  view->ox = width / 2;
  view->oy = height / 2;
  view->cx = self->centre_x;
  view->cy = self->centre_y;
}


void
fid_map_chart_reset_view (FidMapChart *self)
{
  g_return_if_fail (FID_IS_MAP_CHART (self));
  self->zoom = 1;
  self->centre_x = (self->extent.min_x + self->extent.max_x) / 2;
  self->centre_y = (self->extent.min_y + self->extent.max_y) / 2;
  fid_chart_data_changed (FID_CHART (self));
}

/* Keeps some of the map in sight whatever the panning. */
static void
clamp_centre (FidMapChart *self)
{
  self->centre_x = CLAMP (self->centre_x, self->extent.min_x, self->extent.max_x);
  self->centre_y = CLAMP (self->centre_y, self->extent.min_y, self->extent.max_y);
}

void
fid_map_chart_zoom_at (FidMapChart *self,
                       double       factor,
                       double       x,
                       double       y,
                       double       width,
                       double       height)
{
  View before, after;
  double px, py;

  g_return_if_fail (FID_IS_MAP_CHART (self));
  compute_view (self, width, height, &before);
  /* The point under the pointer stays under it. */
  px = before.cx + (x - before.ox) / before.scale;
  py = before.cy - (y - before.oy) / before.scale;
  self->zoom = CLAMP (self->zoom * factor, MIN_ZOOM, MAX_ZOOM);
  compute_view (self, width, height, &after);
  self->centre_x = px - (x - after.ox) / after.scale;
  self->centre_y = py + (y - after.oy) / after.scale;
  if (self->zoom <= MIN_ZOOM)
    {
      self->centre_x = (self->extent.min_x + self->extent.max_x) / 2;
      self->centre_y = (self->extent.min_y + self->extent.max_y) / 2;
    }
  clamp_centre (self);
  fid_chart_data_changed (FID_CHART (self));
}

void
fid_map_chart_pan (FidMapChart *self,
                   double       dx,
                   double       dy,
                   double       width,
                   double       height)
{
  View view;

  g_return_if_fail (FID_IS_MAP_CHART (self));
  compute_view (self, width, height, &view);
  self->centre_x -= dx / view.scale;
  self->centre_y += dy / view.scale;
  clamp_centre (self);
  fid_chart_data_changed (FID_CHART (self));
}

double
fid_map_chart_get_zoom (FidMapChart *self)
{
  g_return_val_if_fail (FID_IS_MAP_CHART (self), 1);
  return self->zoom;
}

/* Classes ----------------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Breaks b0 = min .. b5 = max. Quantiles: b_k is the value at rank
 * k·n/5 of the sorted values; equal steps: min + k·(max − min)/5. A value
 * is in the last class whose lower break it reaches, so the highest
 * value is always in the darkest class. */
static void
compute_classes (FidMapChart *self)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (double));

  g_free (self->classes);
  self->classes = g_new (int, MAX (self->n_territories, 1));
  for (guint i = 0; i < self->n_territories; i++)
    if (!isnan (self->values[i]))
      g_array_append_val (sorted, self->values[i]);
  self->has_breaks = sorted->len > 0;
  if (self->has_breaks)
    {
      double min, max;
      guint n = sorted->len;

      g_array_sort (sorted, compare_doubles);
      min = g_array_index (sorted, double, 0);
      max = g_array_index (sorted, double, n - 1);
      self->breaks[0] = min;
      self->breaks[FID_MAP_N_CLASSES] = max;
      for (guint k = 1; k < FID_MAP_N_CLASSES; k++)
        self->breaks[k] = self->method == FID_MAP_CLASSES_QUANTILES
                            ? g_array_index (sorted, double, MIN (k * n / FID_MAP_N_CLASSES, n - 1))
                            : min + k * (max - min) / FID_MAP_N_CLASSES;
    }
  for (guint i = 0; i < self->n_territories; i++)
    {
      double v = self->values[i];
      int klass = 0;

      if (isnan (v))
        {
          self->classes[i] = -1;
          continue;
        }
      if (self->breaks[0] == self->breaks[FID_MAP_N_CLASSES])
        {
          /* One value everywhere: the middle of the scale, not its end. */
          self->classes[i] = FID_MAP_N_CLASSES / 2;
          continue;
        }
      for (guint k = 1; k < FID_MAP_N_CLASSES; k++)
        if (v >= self->breaks[k] && self->breaks[k] > self->breaks[0])
          klass = (int) k;
      self->classes[i] = klass;
    }
}

int
fid_map_chart_get_class (FidMapChart *self,
                         guint        index)
{
  g_return_val_if_fail (FID_IS_MAP_CHART (self), -1);
  g_return_val_if_fail (index < self->n_territories, -1);
  return self->classes[index];
}

/* Drawing ----------------------------------------------------------------- */

static void
fid_map_chart_draw (FidChart            *chart,
                    cairo_t             *cr,
                    double               width,
                    double               height,
                    const FidChartStyle *style)
{
  FidMapChart *self = FID_MAP_CHART (chart);
  int highlighted = fid_chart_get_highlighted (chart);
  View view;

  compute_view (self, width, height, &view);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->n_territories; i++)
    {
      GdkRGBA fill;

      if (self->classes[i] < 0)
        fill = style->empty_cell;
      else
        fid_map_chart_get_class_color ((guint) self->classes[i], &fill);
      fid_map_chart_path (cr, &view, g_ptr_array_index (self->projected, i));
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, 0.7);
      cairo_stroke (cr);
    }

  /* Codes inside the territories, once a typical one is wide enough on
   * screen for its code (all or none: a few scattered codes read as
   * noise), and then only where they fit. */
  for (guint i = 0; self->median_width * view.scale >= 40 && i < self->n_territories; i++)
    {
      const FidBBox *b = &g_array_index (self->boxes, FidBBox, i);
      const FidPoint *at = &g_array_index (self->labels_at, FidPoint, i);
      GdkRGBA fill, text;

      if ((b->max_x - b->min_x) * view.scale < 36 || self->codes == NULL)
        continue;
      if (self->classes[i] < 0)
        fill = style->empty_cell;
      else
        fid_map_chart_get_class_color ((guint) self->classes[i], &fill);
      fid_chart_style_get_text_color_on (style, &fill, &text);
      fid_chart_draw_text (cr, style, FID_CHART_FONT_SMALL, &text, self->codes[i],
                           to_x (&view, at->x), to_y (&view, at->y), 0.5, 0.5,
                           (b->max_x - b->min_x) * view.scale * 0.8);
    }

  fid_map_chart_draw_catchment (self, cr, &view, style);
  fid_map_chart_draw_branches (self, cr, &view, style);

  if (highlighted >= 0 && (guint) highlighted < self->n_territories)
    {
      fid_map_chart_path (cr, &view, g_ptr_array_index (self->projected, highlighted));
      gdk_cairo_set_source_rgba (cr, &style->focus);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  fid_map_chart_draw_legend (self, cr, style, width, height);
}

/* Elements ---------------------------------------------------------------- */

/* A small box at each territory's interior point and around each marker:
 * the keyboard focus and the tooltip's area (the outline itself is
 * hit-tested exactly below). */
static void
fid_map_chart_layout_elements (FidChart            *chart,
                               double               width,
                               double               height,
                               const FidChartStyle *style,
                               GArray              *areas)
{
  FidMapChart *self = FID_MAP_CHART (chart);
  View view;

  compute_view (self, width, height, &view);
  for (guint i = 0; i < self->n_territories; i++)
    {
      const FidPoint *at = &g_array_index (self->labels_at, FidPoint, i);
      graphene_rect_t area = GRAPHENE_RECT_INIT (to_x (&view, at->x) - 4, to_y (&view, at->y) - 4, 8, 8);

      g_array_append_val (areas, area);
    }
  for (guint j = 0; j < self->n_branches; j++)
    {
      const FidPoint *p = &g_array_index (self->sites, FidPoint, j);
      graphene_rect_t area = GRAPHENE_RECT_INIT (to_x (&view, p->x) - HIT_MARKER, to_y (&view, p->y) - HIT_MARKER,
                                                 2 * HIT_MARKER, 2 * HIT_MARKER);

      g_array_append_val (areas, area);
    }
}

static int
fid_map_chart_hit_test (FidChart            *chart,
                        double               width,
                        double               height,
                        const FidChartStyle *style,
                        double               x,
                        double               y,
                        char               **tooltip)
{
  FidMapChart *self = FID_MAP_CHART (chart);
  View view;
  double mx, my;
  int found = -1;

  compute_view (self, width, height, &view);
  /* Markers first: they sit on top. */
  for (guint j = 0; j < self->n_branches && found < 0; j++)
    {
      const FidPoint *p = &g_array_index (self->sites, FidPoint, j);

      if (hypot (to_x (&view, p->x) - x, to_y (&view, p->y) - y) <= HIT_MARKER)
        found = (int) (self->n_territories + j);
    }
  mx = view.cx + (x - view.ox) / view.scale;
  my = view.cy - (y - view.oy) / view.scale;
  for (guint i = 0; i < self->n_territories && found < 0; i++)
    {
      const FidBBox *b = &g_array_index (self->boxes, FidBBox, i);

      if (fid_bbox_contains (b, mx, my) && fid_geometry_contains (g_ptr_array_index (self->projected, i), mx, my))
        found = (int) i;
    }
  if (found >= 0 && tooltip != NULL)
    *tooltip = FID_CHART_GET_CLASS (chart)->get_element_text (chart, (guint) found);
  return found;
}

static char *
fid_map_chart_get_element_text (FidChart *chart,
                                guint     index)
{
  FidMapChart *self = FID_MAP_CHART (chart);
  g_autofree char *value = NULL;

  if (index >= self->n_territories)
    {
      guint j = index - self->n_territories;

      if (j >= self->n_branches)
        return NULL;
      if (self->branch_details != NULL && self->branch_details[j][0] != '\0')
        return g_strdup_printf ("%s\n%s", self->branch_names[j], self->branch_details[j]);
      return g_strdup (self->branch_names[j]);
    }
  value = isnan (self->values[index]) ? g_strdup (_("no data"))
                                      : fid_chart_format_value (self->values[index], self->format, FALSE);
  /* Translators: a territory's tooltip: name, then what is measured and its value */
  return g_strdup_printf (_("%s\n%s: %s%s%s"), self->names[index],
                          self->value_name ? self->value_name : "", value,
                          self->details && self->details[index][0] ? "\n" : "",
                          self->details ? self->details[index] : "");
}

static char *
fid_map_chart_describe (FidChart *chart)
{
  FidMapChart *self = FID_MAP_CHART (chart);
  int high = -1, low = -1;
  g_autofree char *high_value = NULL, *low_value = NULL;

  for (guint i = 0; i < self->n_territories; i++)
    {
      if (isnan (self->values[i]))
        continue;
      if (high < 0 || self->values[i] > self->values[high])
        high = (int) i;
      if (low < 0 || self->values[i] < self->values[low])
        low = (int) i;
    }
  if (high < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Map of %u territory", "Map of %u territories",
                                         self->n_territories), self->n_territories);
  high_value = fid_chart_format_value (self->values[high], self->format, FALSE);
  low_value = fid_chart_format_value (self->values[low], self->format, FALSE);
  /* Translators: the map for screen readers: count, measure, highest, lowest, branches */
  return g_strdup_printf (_("Map of %u territories by %s; highest: %s (%s); lowest: %s (%s); %u branches"),
                          self->n_territories, self->value_name ? self->value_name : "",
                          self->names[high], high_value, self->names[low], low_value, self->n_branches);
}

static void
fid_map_chart_fill_table (FidChart      *chart,
                          GtkStringList *columns,
                          GListStore    *rows)
{
  FidMapChart *self = FID_MAP_CHART (chart);

  gtk_string_list_append (columns, _("Territory"));
  gtk_string_list_append (columns, self->value_name ? self->value_name : _("Value"));
  gtk_string_list_append (columns, _("Class"));
  for (guint i = 0; i < self->n_territories; i++)
    {
      g_autofree char *value = isnan (self->values[i]) ? g_strdup ("")
                                                       : fid_chart_format_value (self->values[i], self->format, FALSE);
      g_autofree char *klass = self->classes[i] < 0 ? g_strdup ("") : g_strdup_printf ("%d", self->classes[i] + 1);
      const char *cells[] = { self->names[i], value, klass };

      fid_chart_table_add_row (rows, cells, G_N_ELEMENTS (cells));
    }
}

static guint
fid_map_chart_get_n_elements (FidChart *chart)
{
  FidMapChart *self = FID_MAP_CHART (chart);

  return self->n_territories + self->n_branches;
}

static gboolean
fid_map_chart_is_empty (FidChart *chart)
{
  return FID_MAP_CHART (chart)->n_territories == 0;
}

static void
fid_map_chart_get_size_hint (FidChart       *chart,
                             GtkOrientation  orientation,
                             int            *minimum,
                             int            *natural)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 280 : 280;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 560;
}

/* Setting data ------------------------------------------------------------ */

static void
compute_cells (FidMapChart *self)
{
  FidPoint bounds[4];
  double mx, my;

  g_clear_pointer (&self->cells, g_ptr_array_unref);
  if (self->n_branches == 0 || self->n_territories == 0)
    return;
  /* The outline's box with a margin; the clip to the territories does
   * the rest. Counter-clockwise. */
  mx = (self->extent.max_x - self->extent.min_x) * 0.05;
  my = (self->extent.max_y - self->extent.min_y) * 0.05;
  bounds[0] = (FidPoint) { self->extent.min_x - mx, self->extent.min_y - my };
  bounds[1] = (FidPoint) { self->extent.max_x + mx, self->extent.min_y - my };
  bounds[2] = (FidPoint) { self->extent.max_x + mx, self->extent.max_y + my };
  bounds[3] = (FidPoint) { self->extent.min_x - mx, self->extent.max_y + my };
  self->cells = fid_voronoi_cells ((const FidPoint *) (gpointer) self->sites->data, self->n_branches, bounds, 4);
}

static char **
copy_texts (const char * const *texts,
            guint               n)
{
  return texts != NULL ? fid_chart_strv_copy (texts, n) : NULL;
}

void
fid_map_chart_set_territories (FidMapChart         *self,
                               guint                n,
                               FidGeometry * const *outlines,
                               const char * const  *codes,
                               const char * const  *names,
                               const double        *values,
                               const char * const  *details)
{
  gboolean same_outlines;

  g_return_if_fail (FID_IS_MAP_CHART (self));

  /* Same territories (a new measure): keep the projection and the view. */
  same_outlines = n == self->n_territories && n > 0 && self->names != NULL;
  for (guint i = 0; same_outlines && i < n; i++)
    same_outlines = g_strcmp0 (self->names[i], names[i]) == 0;

  if (!same_outlines)
    {
      g_ptr_array_set_size (self->projected, 0);
      g_array_set_size (self->boxes, 0);
      g_array_set_size (self->labels_at, 0);
      self->extent = (FidBBox) { INFINITY, INFINITY, -INFINITY, -INFINITY };
      for (guint i = 0; i < n; i++)
        {
          FidGeometry *projected = fid_geometry_transform (outlines[i], project);
          FidBBox box = fid_geometry_get_bbox (projected);
          FidPoint at = { (box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2 };
          double best = -1;

          /* The label goes in the largest polygon (the mainland part). */
          for (guint p = 0; p < fid_geometry_get_n_polygons (projected); p++)
            {
              guint np;
              const FidPoint *outer = fid_geometry_get_ring (projected, p, 0, &np);
              double area = fabs (fid_ring_signed_area (outer, np));
              FidPoint candidate;

              if (area > best && fid_geometry_interior_point (projected, p, &candidate))
                {
                  best = area;
                  at = candidate;
                }
            }
          g_ptr_array_add (self->projected, projected);
          g_array_append_val (self->boxes, box);
          g_array_append_val (self->labels_at, at);
          if (!fid_geometry_is_empty (projected))
            fid_bbox_union (&self->extent, &box);
        }
      if (n == 0)
        self->extent = (FidBBox) { 0, 0, 1, 1 };
      {
        g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));

        for (guint i = 0; i < n; i++)
          {
            const FidBBox *b = &g_array_index (self->boxes, FidBBox, i);
            double w = b->max_x - b->min_x;

            g_array_append_val (widths, w);
          }
        g_array_sort (widths, compare_doubles);
        self->median_width = n > 0 ? g_array_index (widths, double, n / 2) : 0;
      }
      self->zoom = 1;
      self->centre_x = (self->extent.min_x + self->extent.max_x) / 2;
      self->centre_y = (self->extent.min_y + self->extent.max_y) / 2;
    }
  g_strfreev (self->codes);
  g_strfreev (self->names);
  g_strfreev (self->details);
  self->codes = copy_texts (codes, n);
  self->names = copy_texts (names, n);
  self->details = copy_texts (details, n);
  g_free (self->values);
  self->values = g_new0 (double, MAX (n, 1));
  if (n > 0)
    memcpy (self->values, values, n * sizeof (double));
  self->n_territories = n;
  compute_classes (self);
  if (!same_outlines)
    compute_cells (self);
  fid_chart_data_changed (FID_CHART (self));
}

void
fid_map_chart_set_value_name (FidMapChart    *self,
                              const char     *value_name,
                              FidChartFormat  format)
{
  g_return_if_fail (FID_IS_MAP_CHART (self));
  g_free (self->value_name);
  self->value_name = g_strdup (value_name);
  self->format = format;
  fid_chart_data_changed (FID_CHART (self));
}

void
fid_map_chart_set_class_method (FidMapChart       *self,
                                FidMapClassMethod  method)
{
  g_return_if_fail (FID_IS_MAP_CHART (self));
  self->method = method;
  compute_classes (self);
  fid_chart_data_changed (FID_CHART (self));
}

FidMapClassMethod
fid_map_chart_get_class_method (FidMapChart *self)
{
  g_return_val_if_fail (FID_IS_MAP_CHART (self), FID_MAP_CLASSES_QUANTILES);
  return self->method;
}

void
fid_map_chart_set_branches (FidMapChart        *self,
                            guint               n,
                            const double       *longitudes,
                            const double       *latitudes,
                            const char * const *names,
                            const char * const *details)
{
  g_return_if_fail (FID_IS_MAP_CHART (self));
  g_array_set_size (self->sites, 0);
  for (guint j = 0; j < n; j++)
    {
      FidPoint p;

      project (longitudes[j], latitudes[j], &p.x, &p.y);
      g_array_append_val (self->sites, p);
    }
  g_strfreev (self->branch_names);
  g_strfreev (self->branch_details);
  self->branch_names = fid_chart_strv_copy (names, n);
  self->branch_details = copy_texts (details, n);
  self->n_branches = n;
  compute_cells (self);
  fid_chart_data_changed (FID_CHART (self));
}

void
fid_map_chart_set_show_catchment (FidMapChart *self,
                                  gboolean     show)
{
  g_return_if_fail (FID_IS_MAP_CHART (self));
  self->show_catchment = show;
  fid_chart_data_changed (FID_CHART (self));
}

gboolean
fid_map_chart_get_show_catchment (FidMapChart *self)
{
  g_return_val_if_fail (FID_IS_MAP_CHART (self), FALSE);
  return self->show_catchment;
}

gboolean
fid_map_chart_get_territory_point (FidMapChart *self,
                                   guint        index,
                                   double       width,
                                   double       height,
                                   double      *x,
                                   double      *y)
{
  View view;
  const FidPoint *at;

  g_return_val_if_fail (FID_IS_MAP_CHART (self), FALSE);
  if (index >= self->n_territories)
    return FALSE;
  compute_view (self, width, height, &view);
  at = &g_array_index (self->labels_at, FidPoint, index);
  *x = to_x (&view, at->x);
  *y = to_y (&view, at->y);
  return TRUE;
}

static void
fid_map_chart_finalize (GObject *object)
{
  FidMapChart *self = FID_MAP_CHART (object);

  g_ptr_array_unref (self->projected);
  g_array_unref (self->boxes);
  g_array_unref (self->labels_at);
  g_array_unref (self->sites);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_strfreev (self->codes);
  g_strfreev (self->names);
  g_strfreev (self->details);
  g_strfreev (self->branch_names);
  g_strfreev (self->branch_details);
  g_free (self->values);
  g_free (self->classes);
  g_free (self->value_name);
  G_OBJECT_CLASS (fid_map_chart_parent_class)->finalize (object);
}

static void
fid_map_chart_class_init (FidMapChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FidChartClass *chart_class = FID_CHART_CLASS (klass);

  object_class->finalize = fid_map_chart_finalize;
  chart_class->draw = fid_map_chart_draw;
  chart_class->describe = fid_map_chart_describe;
  chart_class->hit_test = fid_map_chart_hit_test;
  chart_class->fill_table = fid_map_chart_fill_table;
  chart_class->get_n_elements = fid_map_chart_get_n_elements;
  chart_class->is_empty = fid_map_chart_is_empty;
  chart_class->layout_elements = fid_map_chart_layout_elements;
  chart_class->get_element_text = fid_map_chart_get_element_text;
  chart_class->get_size_hint = fid_map_chart_get_size_hint;
}

static void
fid_map_chart_init (FidMapChart *self)
{
  self->projected = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_geometry_unref);
  self->boxes = g_array_new (FALSE, FALSE, sizeof (FidBBox));
  self->labels_at = g_array_new (FALSE, FALSE, sizeof (FidPoint));
  self->sites = g_array_new (FALSE, FALSE, sizeof (FidPoint));
  self->classes = g_new0 (int, 1);
  self->zoom = 1;
  self->extent = (FidBBox) { 0, 0, 1, 1 };
  fid_chart_set_empty_text (FID_CHART (self), _("No territories yet: import a GeoJSON file of territories"));
}

FidChart *
fid_map_chart_new (void)
{
  return g_object_new (FID_TYPE_MAP_CHART, NULL);
}
