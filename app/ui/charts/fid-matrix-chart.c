/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidMatrixChart: four quadrants between two axes that grow from low to
 * high. Setting a quadrant prepares its texts (count, share of the total);
 * drawing places them. Each quadrant is a light tint of its colour with a
 * bar of the full colour at its left edge, so the text keeps its contrast
 * whatever the colour; the axes are arrows with their names. When a
 * quadrant is short the share line, then the detail, then the big count
 * give way. */

#include "config.h"

#include "fid-chart-private.h"
#include "fid-format.h"
#include "fid-matrix-chart.h"

#define QUADRANT_GAP 8.0
#define QUADRANT_PAD 12.0
#define ACCENT 4.0
#define ARROW 6.0

typedef struct
{
  char    *title;
  guint64  count;
  char    *detail;
  guint    color_index;
  gboolean set;
  /* Prepared on set. */
  char    *count_text;
  char    *share_text;
} Quadrant;

struct _FidMatrixChart
{
  FidChart  parent_instance;

  Quadrant  quadrants[4];
  char     *low;
  char     *high;
};

G_DEFINE_FINAL_TYPE (FidMatrixChart, fid_matrix_chart, FID_TYPE_CHART)

static void
compute_grid (FidMatrixChart      *self,
              double               width,
              double               height,
              const FidChartStyle *style,
              graphene_rect_t     *grid)
{
  double name_height;

  fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, "Ag", NULL, &name_height);
  graphene_rect_init (grid, name_height + FID_CHART_GAP + ARROW, 0,
                      MAX (width - name_height - FID_CHART_GAP - ARROW, 1),
                      MAX (height - name_height - FID_CHART_GAP - ARROW, 1));
}

static void
quadrant_area (const graphene_rect_t *grid,
               guint                  quadrant,
               graphene_rect_t       *area)
{
  double w = (grid->size.width - QUADRANT_GAP) / 2;
  double h = (grid->size.height - QUADRANT_GAP) / 2;

  graphene_rect_init (area,
                      grid->origin.x + (quadrant % 2) * (w + QUADRANT_GAP),
                      grid->origin.y + (quadrant / 2) * (h + QUADRANT_GAP),
                      w, h);
}

static void
draw_quadrant (FidMatrixChart        *self,
               cairo_t               *cr,
               const FidChartStyle   *style,
               guint                  q,
               const graphene_rect_t *area)
{
  const Quadrant *quadrant = &self->quadrants[q];
  const GdkRGBA *color = fid_chart_style_get_series_color (style, quadrant->color_index);
  double text_width = area->size.width - ACCENT - 2 * QUADRANT_PAD;
  double x = area->origin.x + ACCENT + QUADRANT_PAD;
  double y = area->origin.y + QUADRANT_PAD;
  double title_h, count_h, detail_h, share_h, room;
  FidChartFont count_font = FID_CHART_FONT_HUGE;
  gboolean show_detail, show_share;
  GdkRGBA tint;

  fid_chart_style_get_tint (style, color, style->dark ? 0.22 : 0.14, &tint);
  fid_chart_rounded_rect (cr, area->origin.x, area->origin.y, area->size.width, area->size.height, 6);
  gdk_cairo_set_source_rgba (cr, &tint);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip (cr);
  cairo_rectangle (cr, area->origin.x, area->origin.y, ACCENT, area->size.height);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill (cr);
  cairo_restore (cr);

  if (!quadrant->set)
    return;

  /* What fits, top down: title, count, detail, share. */
  fid_chart_text_size (style, FID_CHART_FONT_EMPHASIS, quadrant->title, NULL, &title_h);
  fid_chart_text_size (style, count_font, quadrant->count_text, NULL, &count_h);
  fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, quadrant->detail, NULL, &detail_h);
  fid_chart_text_size (style, FID_CHART_FONT_SMALL, quadrant->share_text, NULL, &share_h);
  room = area->size.height - 2 * QUADRANT_PAD - title_h;
  if (count_h + detail_h + share_h > room)
    {
      count_font = FID_CHART_FONT_TITLE;
      fid_chart_text_size (style, count_font, quadrant->count_text, NULL, &count_h);
    }
  show_share = count_h + detail_h + share_h <= room;
  show_detail = quadrant->detail != NULL && count_h + detail_h <= room;

  /* The block centred in the quadrant, its title at the top at worst. */
  y += MAX (0, (room - (count_h <= room ? count_h : 0) - (show_detail ? detail_h : 0) -
                (show_share ? share_h + 2 : 0)) / 2);
  fid_chart_draw_text (cr, style, FID_CHART_FONT_EMPHASIS, &style->foreground, quadrant->title,
                       x, y, 0, 0, text_width);
  y += title_h;
  if (count_h > room)
    return;
  fid_chart_draw_text (cr, style, count_font, &style->foreground, quadrant->count_text,
                       x, y, 0, 0, text_width);
  y += count_h;
  if (show_detail)
    {
      fid_chart_draw_text (cr, style, FID_CHART_FONT_SUBTITLE, &style->foreground, quadrant->detail,
                           x, y, 0, 0, text_width);
      y += detail_h;
    }
  if (show_share)
    fid_chart_draw_text (cr, style, FID_CHART_FONT_SMALL, &style->secondary, quadrant->share_text,
                         x, y + 2, 0, 0, text_width);
}

static void
draw_axes (FidMatrixChart        *self,
           cairo_t               *cr,
           const FidChartStyle   *style,
           const graphene_rect_t *grid)
{
  const char *x_label = fid_chart_get_x_label (FID_CHART (self));
  const char *y_label = fid_chart_get_y_label (FID_CHART (self));
  double left = grid->origin.x - ARROW;
  double bottom = grid->origin.y + grid->size.height + ARROW;
  double name_height;

  fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, "Ag", NULL, &name_height);

  /* Two arrows from the low corner. */
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &style->secondary);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, left, grid->origin.y + ARROW);
  cairo_line_to (cr, left, bottom);
  cairo_line_to (cr, grid->origin.x + grid->size.width - ARROW, bottom);
  cairo_stroke (cr);
  cairo_move_to (cr, left, grid->origin.y);
  cairo_rel_line_to (cr, -ARROW / 2 - 1, ARROW + 1);
  cairo_rel_line_to (cr, ARROW + 2, 0);
  cairo_close_path (cr);
  cairo_move_to (cr, grid->origin.x + grid->size.width, bottom);
  cairo_rel_line_to (cr, -ARROW - 1, -ARROW / 2 - 1);
  cairo_rel_line_to (cr, 0, ARROW + 2);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);

  /* Names in the middle, low and high at the ends, on the same lines. */
  fid_chart_draw_text (cr, style, FID_CHART_FONT_SUBTITLE, &style->foreground, x_label,
                       grid->origin.x + grid->size.width / 2, bottom + FID_CHART_GAP, 0.5, 0,
                       grid->size.width / 2);
  fid_chart_draw_text (cr, style, FID_CHART_FONT_SMALL, &style->secondary, self->low,
                       grid->origin.x, bottom + FID_CHART_GAP, 0, 0, grid->size.width / 4);
  fid_chart_draw_text (cr, style, FID_CHART_FONT_SMALL, &style->secondary, self->high,
                       grid->origin.x + grid->size.width - ARROW - 2, bottom + FID_CHART_GAP, 1, 0,
                       grid->size.width / 4);

  fid_chart_draw_text_vertical (cr, style, FID_CHART_FONT_SUBTITLE, &style->foreground, y_label,
                                left - FID_CHART_GAP - name_height / 2,
                                grid->origin.y + grid->size.height / 2, grid->size.height / 2);
  cairo_save (cr);
  cairo_translate (cr, left - FID_CHART_GAP - name_height / 2, 0);
  cairo_rotate (cr, -G_PI / 2);
  /* Turned: x runs up the axis (negative y), y runs right. */
  fid_chart_draw_text (cr, style, FID_CHART_FONT_SMALL, &style->secondary, self->low,
                       -grid->origin.y - grid->size.height, 0, 0, 0.5, grid->size.height / 4);
  fid_chart_draw_text (cr, style, FID_CHART_FONT_SMALL, &style->secondary, self->high,
                       -grid->origin.y - ARROW - 2, 0, 1, 0.5, grid->size.height / 4);
  cairo_restore (cr);
}

static void
fid_matrix_chart_draw (FidChart            *chart,
                       cairo_t             *cr,
                       double               width,
                       double               height,
                       const FidChartStyle *style)
{
  FidMatrixChart *self = FID_MATRIX_CHART (chart);
  graphene_rect_t grid;

  compute_grid (self, width, height, style, &grid);
  for (guint q = 0; q < 4; q++)
    {
      graphene_rect_t area;

      quadrant_area (&grid, q, &area);
      draw_quadrant (self, cr, style, q, &area);
    }
  draw_axes (self, cr, style, &grid);
}

static void
fid_matrix_chart_layout_elements (FidChart            *chart,
                                  double               width,
                                  double               height,
                                  const FidChartStyle *style,
                                  GArray              *areas)
{
  graphene_rect_t grid;

  compute_grid (FID_MATRIX_CHART (chart), width, height, style, &grid);
  for (guint q = 0; q < 4; q++)
    {
      graphene_rect_t area;

      quadrant_area (&grid, q, &area);
      g_array_append_val (areas, area);
    }
}

static char *
fid_matrix_chart_get_element_text (FidChart *chart,
                                   guint     index)
{
  FidMatrixChart *self = FID_MATRIX_CHART (chart);
  const Quadrant *quadrant;

  if (index >= 4 || !self->quadrants[index].set)
    return NULL;

  quadrant = &self->quadrants[index];
  if (quadrant->detail == NULL || quadrant->detail[0] == '\0')
    /* Translators: a quadrant: its title, count and share of the total */
    return g_strdup_printf (_("%s\n%s (%s)"), quadrant->title, quadrant->count_text, quadrant->share_text);

  /* Translators: a quadrant: its title, count, share of the total and detail line */
  return g_strdup_printf (_("%s\n%s (%s)\n%s"), quadrant->title, quadrant->count_text,
                          quadrant->share_text, quadrant->detail);
}

static char *
fid_matrix_chart_describe (FidChart *chart)
{
  FidMatrixChart *self = FID_MATRIX_CHART (chart);
  g_autoptr(GString) text = g_string_new (_("Four quadrants"));

  for (guint q = 0; q < 4; q++)
    {
      if (self->quadrants[q].set)
        g_string_append_printf (text, "; %s: %s", self->quadrants[q].title, self->quadrants[q].count_text);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fid_matrix_chart_fill_table (FidChart      *chart,
                             GtkStringList *columns,
                             GListStore    *rows)
{
  FidMatrixChart *self = FID_MATRIX_CHART (chart);

  gtk_string_list_append (columns, _("Quadrant"));
  gtk_string_list_append (columns, _("Count"));
  gtk_string_list_append (columns, _("Share"));
  gtk_string_list_append (columns, _("Detail"));

  for (guint q = 0; q < 4; q++)
    {
      const Quadrant *quadrant = &self->quadrants[q];
      const char *cells[] = { quadrant->title, quadrant->count_text, quadrant->share_text, quadrant->detail };

      if (quadrant->set)
        fid_chart_table_add_row (rows, cells, G_N_ELEMENTS (cells));
    }
}

static guint
fid_matrix_chart_get_n_elements (FidChart *chart)
{
  FidMatrixChart *self = FID_MATRIX_CHART (chart);

  for (guint q = 0; q < 4; q++)
    {
      if (self->quadrants[q].set)
        return 4;
    }

  return 0;
}

static void
prepare (FidMatrixChart *self)
{
  guint64 total = 0;

  for (guint q = 0; q < 4; q++)
    total += self->quadrants[q].count;

  for (guint q = 0; q < 4; q++)
    {
      Quadrant *quadrant = &self->quadrants[q];
      g_autofree char *share = NULL;

      g_free (quadrant->count_text);
      g_free (quadrant->share_text);
      quadrant->count_text = fid_format_count (quadrant->count);
      share = fid_chart_format_value (total > 0 ? (double) quadrant->count / total : 0,
                                      FID_CHART_FORMAT_PERCENT, TRUE);
      /* Translators: a quadrant's share of everyone in the matrix */
      quadrant->share_text = g_strdup_printf (_("%s of the total"), share);
    }

  fid_chart_data_changed (FID_CHART (self));
}

static void
clear_quadrant (Quadrant *quadrant)
{
  g_clear_pointer (&quadrant->title, g_free);
  g_clear_pointer (&quadrant->detail, g_free);
  g_clear_pointer (&quadrant->count_text, g_free);
  g_clear_pointer (&quadrant->share_text, g_free);
  quadrant->count = 0;
  quadrant->set = FALSE;
}

static void
fid_matrix_chart_finalize (GObject *object)
{
  FidMatrixChart *self = FID_MATRIX_CHART (object);

  for (guint q = 0; q < 4; q++)
    clear_quadrant (&self->quadrants[q]);
  g_free (self->low);
  g_free (self->high);

  G_OBJECT_CLASS (fid_matrix_chart_parent_class)->finalize (object);
}

static void
fid_matrix_chart_class_init (FidMatrixChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FidChartClass *chart_class = FID_CHART_CLASS (klass);

  object_class->finalize = fid_matrix_chart_finalize;

  chart_class->draw = fid_matrix_chart_draw;
  chart_class->describe = fid_matrix_chart_describe;
  chart_class->fill_table = fid_matrix_chart_fill_table;
  chart_class->get_n_elements = fid_matrix_chart_get_n_elements;
  chart_class->layout_elements = fid_matrix_chart_layout_elements;
  chart_class->get_element_text = fid_matrix_chart_get_element_text;
}

static void
fid_matrix_chart_init (FidMatrixChart *self)
{
  for (guint q = 0; q < 4; q++)
    self->quadrants[q].color_index = q;
  self->low = g_strdup (C_("axis end", "Low"));
  self->high = g_strdup (C_("axis end", "High"));
}

FidChart *
fid_matrix_chart_new (void)
{
  return g_object_new (FID_TYPE_MATRIX_CHART, NULL);
}

void
fid_matrix_chart_set_quadrant (FidMatrixChart *self,
                               guint           quadrant,
                               const char     *title,
                               guint64         count,
                               const char     *detail,
                               guint           color_index)
{
  Quadrant *q;

  g_return_if_fail (FID_IS_MATRIX_CHART (self));
  g_return_if_fail (quadrant < 4);

  q = &self->quadrants[quadrant];
  clear_quadrant (q);
  q->title = g_strdup (title != NULL ? title : "");
  q->count = count;
  q->detail = g_strdup (detail);
  q->color_index = color_index;
  q->set = TRUE;
  prepare (self);
}

void
fid_matrix_chart_set_ends (FidMatrixChart *self,
                           const char     *low,
                           const char     *high)
{
  g_return_if_fail (FID_IS_MATRIX_CHART (self));

  g_free (self->low);
  g_free (self->high);
  self->low = g_strdup (low != NULL ? low : C_("axis end", "Low"));
  self->high = g_strdup (high != NULL ? high : C_("axis end", "High"));
  fid_chart_data_changed (FID_CHART (self));
}

void
fid_matrix_chart_clear (FidMatrixChart *self)
{
  g_return_if_fail (FID_IS_MATRIX_CHART (self));

  for (guint q = 0; q < 4; q++)
    clear_quadrant (&self->quadrants[q]);
  fid_chart_data_changed (FID_CHART (self));
}
