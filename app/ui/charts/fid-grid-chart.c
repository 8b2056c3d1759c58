/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidGridChart: a heat map. Setting the data computes each cell's level on
 * the colour ramp (0..1 between the smallest and largest value among the
 * cells with customers) and its count text; drawing only places the cells
 * and looks the levels up on the style's ramp. A colour legend on the
 * right says what the colour means. */

#include "config.h"

#include <string.h>

#include "fid-chart-private.h"
#include "fid-format.h"
#include "fid-grid-chart.h"

#define CELL_GAP 2.0
#define LEGEND_BAR 12.0

struct _FidGridChart
{
  FidChart        parent_instance;

  guint           n_rows;
  guint           n_columns;
  char          **row_labels;
  char          **column_labels;
  guint64        *counts;
  double         *values;        /* NULL: by count */
  char           *value_name;
  FidChartFormat  format;

  /* Prepared on set. */
  double         *levels;        /* 0..1, NAN: empty cell */
  char          **count_texts;
  double          min_value;
  double          max_value;
  char           *min_text;
  char           *max_text;
};

G_DEFINE_FINAL_TYPE (FidGridChart, fid_grid_chart, FID_TYPE_CHART)

typedef struct
{
  graphene_rect_t grid;
  double          cell_width;
  double          cell_height;
  double          label_width;    /* row labels */
  double          legend_x;       /* the colour bar's left edge */
  FidChartFont    count_font;
  gboolean        show_counts;
} Geometry;

static guint
n_cells (FidGridChart *self)
{
  return self->n_rows * self->n_columns;
}

static double
widest (const FidChartStyle *style,
        FidChartFont         font,
        char               **texts,
        guint                n)
{
  double width = 0;

  for (guint i = 0; i < n; i++)
    {
      double w;

      fid_chart_text_size (style, font, texts[i], &w, NULL);
      width = MAX (width, w);
    }

  return width;
}

static void
compute_geometry (FidGridChart        *self,
                  double               width,
                  double               height,
                  const FidChartStyle *style,
                  Geometry            *geometry)
{
  const char *x_label = fid_chart_get_x_label (FID_CHART (self));
  const char *y_label = fid_chart_get_y_label (FID_CHART (self));
  double label_height, name_height, left, bottom, right, count_width, count_height;
  char *legend_texts[] = { self->min_text, self->max_text };

  *geometry = (Geometry) { 0 };
  fid_chart_text_size (style, FID_CHART_FONT_LABEL, "0", NULL, &label_height);
  fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, "Ag", NULL, &name_height);

  geometry->label_width = widest (style, FID_CHART_FONT_LABEL, self->row_labels, self->n_rows);
  left = geometry->label_width + FID_CHART_GAP;
  if (y_label != NULL && y_label[0])
    left += name_height + FID_CHART_GAP;

  bottom = label_height + FID_CHART_GAP;
  if (x_label != NULL && x_label[0])
    bottom += name_height + FID_CHART_GAP;

  /* The legend: a colour bar, its end values, its name turned. */
  right = 2 * FID_CHART_GAP + LEGEND_BAR + 4 +
          widest (style, FID_CHART_FONT_LABEL, legend_texts, 2) + FID_CHART_GAP + name_height;

  graphene_rect_init (&geometry->grid, left, label_height / 2,
                      MAX (width - left - right, 1), MAX (height - bottom - label_height / 2, 1));
  geometry->cell_width = geometry->grid.size.width / MAX (self->n_columns, 1);
  geometry->cell_height = geometry->grid.size.height / MAX (self->n_rows, 1);
  geometry->legend_x = geometry->grid.origin.x + geometry->grid.size.width + 2 * FID_CHART_GAP;

  /* The counts in bold while they fit, smaller, else not at all. */
  geometry->count_font = FID_CHART_FONT_EMPHASIS;
  count_width = widest (style, geometry->count_font, self->count_texts, n_cells (self));
  fid_chart_text_size (style, geometry->count_font, "0", NULL, &count_height);
  if (count_width > geometry->cell_width - 8 || count_height > geometry->cell_height - 4)
    {
      geometry->count_font = FID_CHART_FONT_SMALL;
      count_width = widest (style, geometry->count_font, self->count_texts, n_cells (self));
      fid_chart_text_size (style, geometry->count_font, "0", NULL, &count_height);
    }
  geometry->show_counts = count_width <= geometry->cell_width - 4 &&
                          count_height <= geometry->cell_height - 2;
}

static void
cell_area (FidGridChart    *self,
           const Geometry  *geometry,
           guint            index,
           graphene_rect_t *area)
{
  guint row = index / self->n_columns;
  guint column = index % self->n_columns;

  graphene_rect_init (area,
                      geometry->grid.origin.x + column * geometry->cell_width + CELL_GAP / 2,
                      geometry->grid.origin.y + row * geometry->cell_height + CELL_GAP / 2,
                      geometry->cell_width - CELL_GAP, geometry->cell_height - CELL_GAP);
}

static void
draw_legend (FidGridChart        *self,
             cairo_t             *cr,
             const FidChartStyle *style,
             const Geometry      *geometry,
             double               width)
{
  cairo_pattern_t *gradient;
  double top = geometry->grid.origin.y;
  double height = MIN (geometry->grid.size.height, 240);
  double x = geometry->legend_x;
  double texts_width, name_height;
  char *legend_texts[] = { self->min_text, self->max_text };
  const char *name = self->value_name != NULL ? self->value_name : _("Count");

  /* The ramp sampled at its stops, highest value on top. */
  gradient = cairo_pattern_create_linear (0, top + height, 0, top);
  for (guint i = 0; i <= 14; i++)
    {
      GdkRGBA color;

      fid_chart_style_get_ramp_color (style, i / 14.0, &color);
      cairo_pattern_add_color_stop_rgb (gradient, i / 14.0, color.red, color.green, color.blue);
    }
  fid_chart_rounded_rect (cr, x + 0.5, top + 0.5, LEGEND_BAR - 1, height - 1, 2);
  cairo_set_source (cr, gradient);
  cairo_fill_preserve (cr);
  cairo_pattern_destroy (gradient);
  gdk_cairo_set_source_rgba (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->secondary, self->max_text,
                       x + LEGEND_BAR + 4, top, 0, 0, 0);
  fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->secondary, self->min_text,
                       x + LEGEND_BAR + 4, top + height, 0, 1, 0);

  texts_width = widest (style, FID_CHART_FONT_LABEL, legend_texts, 2);
  fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, "Ag", NULL, &name_height);
  fid_chart_draw_text_vertical (cr, style, FID_CHART_FONT_SUBTITLE, &style->secondary, name,
                                x + LEGEND_BAR + 4 + texts_width + FID_CHART_GAP + name_height / 2,
                                top + height / 2, height);
}

static void
fid_grid_chart_draw (FidChart            *chart,
                     cairo_t             *cr,
                     double               width,
                     double               height,
                     const FidChartStyle *style)
{
  FidGridChart *self = FID_GRID_CHART (chart);
  const char *x_label = fid_chart_get_x_label (chart);
  const char *y_label = fid_chart_get_y_label (chart);
  double label_height, bottom;
  Geometry geometry;

  compute_geometry (self, width, height, style, &geometry);

  for (guint i = 0; i < n_cells (self); i++)
    {
      graphene_rect_t area;
      GdkRGBA fill, text;
      gboolean empty = isnan (self->levels[i]);

      cell_area (self, &geometry, i, &area);
      if (empty)
        fill = style->empty_cell;
      else
        fid_chart_style_get_ramp_color (style, self->levels[i], &fill);

      fid_chart_rounded_rect (cr, area.origin.x, area.origin.y, area.size.width, area.size.height, 3);
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_fill_preserve (cr);
      if (empty)
        {
          gdk_cairo_set_source_rgba (cr, &style->grid);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }
      cairo_new_path (cr);

      if (!geometry.show_counts)
        continue;
      if (empty)
        text = style->secondary;
      else
        fid_chart_style_get_text_color_on (style, &fill, &text);
      fid_chart_draw_text (cr, style, geometry.count_font, &text, self->count_texts[i],
                           area.origin.x + area.size.width / 2, area.origin.y + area.size.height / 2,
                           0.5, 0.5, 0);
    }

  /* Row labels right-aligned left of their row, column labels below. */
  for (guint r = 0; r < self->n_rows; r++)
    fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->secondary, self->row_labels[r],
                         geometry.grid.origin.x - FID_CHART_GAP,
                         geometry.grid.origin.y + (r + 0.5) * geometry.cell_height, 1, 0.5, 0);
  bottom = geometry.grid.origin.y + geometry.grid.size.height + FID_CHART_GAP;
  for (guint c = 0; c < self->n_columns; c++)
    fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->secondary, self->column_labels[c],
                         geometry.grid.origin.x + (c + 0.5) * geometry.cell_width, bottom, 0.5, 0,
                         geometry.cell_width);

  fid_chart_text_size (style, FID_CHART_FONT_LABEL, "0", NULL, &label_height);
  if (x_label != NULL && x_label[0])
    fid_chart_draw_text (cr, style, FID_CHART_FONT_SUBTITLE, &style->secondary, x_label,
                         geometry.grid.origin.x + geometry.grid.size.width / 2,
                         bottom + label_height + FID_CHART_GAP, 0.5, 0, geometry.grid.size.width);
  if (y_label != NULL && y_label[0])
    {
      double name_height;

      fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, "Ag", NULL, &name_height);
      fid_chart_draw_text_vertical (cr, style, FID_CHART_FONT_SUBTITLE, &style->secondary, y_label,
                                    geometry.grid.origin.x - FID_CHART_GAP - geometry.label_width -
                                    FID_CHART_GAP - name_height / 2,
                                    geometry.grid.origin.y + geometry.grid.size.height / 2,
                                    geometry.grid.size.height);
    }

  draw_legend (self, cr, style, &geometry, width);
}

static void
fid_grid_chart_layout_elements (FidChart            *chart,
                                double               width,
                                double               height,
                                const FidChartStyle *style,
                                GArray              *areas)
{
  FidGridChart *self = FID_GRID_CHART (chart);
  Geometry geometry;

  compute_geometry (self, width, height, style, &geometry);
  for (guint i = 0; i < n_cells (self); i++)
    {
      graphene_rect_t area;

      cell_area (self, &geometry, i, &area);
      g_array_append_val (areas, area);
    }
}

static char *
fid_grid_chart_get_element_text (FidChart *chart,
                                 guint     index)
{
  FidGridChart *self = FID_GRID_CHART (chart);
  const char *x_label = fid_chart_get_x_label (chart);
  const char *y_label = fid_chart_get_y_label (chart);
  g_autofree char *count = NULL;
  GString *text;

  if (index >= n_cells (self))
    return NULL;

  text = g_string_new (NULL);
  count = fid_format_count (self->counts[index]);
  /* Translators: a heat map cell: row axis and label, column axis and label */
  g_string_append_printf (text, _("%s %s · %s %s"),
                          y_label != NULL ? y_label : "", self->row_labels[index / self->n_columns],
                          x_label != NULL ? x_label : "", self->column_labels[index % self->n_columns]);
  g_string_append_printf (text, "\n%s: %s", _("Count"), count);
  if (self->values != NULL && self->counts[index] > 0)
    {
      g_autofree char *value = fid_chart_format_value (self->values[index], self->format, FALSE);

      g_string_append_printf (text, "\n%s: %s",
                              self->value_name != NULL ? self->value_name : _("Value"), value);
    }

  return g_string_free (text, FALSE);
}

static char *
fid_grid_chart_describe (FidChart *chart)
{
  FidGridChart *self = FID_GRID_CHART (chart);
  g_autofree char *total_text = NULL;
  g_autofree char *largest_text = NULL;
  guint64 total = 0;
  guint largest = 0;

  for (guint i = 0; i < n_cells (self); i++)
    {
      total += self->counts[i];
      if (self->counts[i] > self->counts[largest])
        largest = i;
    }
  total_text = fid_format_count (total);
  largest_text = fid_format_count (self->counts[largest]);

  /* Translators: a heat map: rows × columns, the total count, the fullest cell */
  return g_strdup_printf (_("Grid of %u × %u cells, %s in all; the largest cell is %s · %s with %s"),
                          self->n_rows, self->n_columns, total_text,
                          self->row_labels[largest / self->n_columns],
                          self->column_labels[largest % self->n_columns], largest_text);
}

static void
fid_grid_chart_fill_table (FidChart      *chart,
                           GtkStringList *columns,
                           GListStore    *rows)
{
  FidGridChart *self = FID_GRID_CHART (chart);
  const char *x_label = fid_chart_get_x_label (chart);
  const char *y_label = fid_chart_get_y_label (chart);

  gtk_string_list_append (columns, y_label != NULL ? y_label : _("Row"));
  gtk_string_list_append (columns, x_label != NULL ? x_label : _("Column"));
  gtk_string_list_append (columns, _("Count"));
  if (self->values != NULL)
    gtk_string_list_append (columns, self->value_name != NULL ? self->value_name : _("Value"));

  for (guint i = 0; i < n_cells (self); i++)
    {
      g_autofree char *count = fid_format_count (self->counts[i]);
      g_autofree char *value = NULL;
      const char *cells[] = {
        self->row_labels[i / self->n_columns], self->column_labels[i % self->n_columns], count, value,
      };

      if (self->values != NULL)
        cells[3] = value = fid_chart_format_value (self->values[i], self->format, FALSE);
      fid_chart_table_add_row (rows, cells, value != NULL ? 4 : 3);
    }
}

static guint
fid_grid_chart_get_n_elements (FidChart *chart)
{
  return n_cells (FID_GRID_CHART (chart));
}

/* Empty when no cell has anyone in it. */
static gboolean
fid_grid_chart_is_empty (FidChart *chart)
{
  FidGridChart *self = FID_GRID_CHART (chart);

  for (guint i = 0; i < n_cells (self); i++)
    {
      if (self->counts[i] > 0)
        return FALSE;
    }

  return TRUE;
}

static double
cell_value (FidGridChart *self,
            guint         i)
{
  return self->values != NULL ? self->values[i] : (double) self->counts[i];
}

static void
prepare (FidGridChart *self)
{
  guint n = n_cells (self);
  FidChartFormat format = self->values != NULL ? self->format : FID_CHART_FORMAT_INTEGER;

  self->min_value = G_MAXDOUBLE;
  self->max_value = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      double value = cell_value (self, i);

      if (self->counts[i] == 0 || isnan (value))
        continue;
      self->min_value = MIN (self->min_value, value);
      self->max_value = MAX (self->max_value, value);
    }
  if (self->min_value > self->max_value)
    self->min_value = self->max_value = 0;

  g_free (self->levels);
  g_strfreev (self->count_texts);
  self->levels = g_new0 (double, MAX (n, 1));
  self->count_texts = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      double value = cell_value (self, i);

      self->count_texts[i] = fid_format_count (self->counts[i]);
      if (self->counts[i] == 0 || isnan (value))
        self->levels[i] = NAN;
      else if (self->max_value > self->min_value)
        self->levels[i] = (value - self->min_value) / (self->max_value - self->min_value);
      else
        self->levels[i] = 0.5;
    }

  g_free (self->min_text);
  g_free (self->max_text);
  self->min_text = fid_chart_format_value (self->min_value, format, TRUE);
  self->max_text = fid_chart_format_value (self->max_value, format, TRUE);

  fid_chart_data_changed (FID_CHART (self));
}

static void
fid_grid_chart_finalize (GObject *object)
{
  FidGridChart *self = FID_GRID_CHART (object);

  g_strfreev (self->row_labels);
  g_strfreev (self->column_labels);
  g_strfreev (self->count_texts);
  g_free (self->counts);
  g_free (self->values);
  g_free (self->levels);
  g_free (self->value_name);
  g_free (self->min_text);
  g_free (self->max_text);

  G_OBJECT_CLASS (fid_grid_chart_parent_class)->finalize (object);
}

static void
fid_grid_chart_class_init (FidGridChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FidChartClass *chart_class = FID_CHART_CLASS (klass);

  object_class->finalize = fid_grid_chart_finalize;

  chart_class->draw = fid_grid_chart_draw;
  chart_class->describe = fid_grid_chart_describe;
  chart_class->fill_table = fid_grid_chart_fill_table;
  chart_class->is_empty = fid_grid_chart_is_empty;
  chart_class->get_n_elements = fid_grid_chart_get_n_elements;
  chart_class->layout_elements = fid_grid_chart_layout_elements;
  chart_class->get_element_text = fid_grid_chart_get_element_text;
}

static void
fid_grid_chart_init (FidGridChart *self)
{
  self->format = FID_CHART_FORMAT_NUMBER;
  self->counts = g_new0 (guint64, 1);
  prepare (self);
}

FidChart *
fid_grid_chart_new (void)
{
  return g_object_new (FID_TYPE_GRID_CHART, NULL);
}

void
fid_grid_chart_set_data (FidGridChart       *self,
                         guint               n_rows,
                         guint               n_columns,
                         const char * const *row_labels,
                         const char * const *column_labels,
                         const guint64      *counts,
                         const double       *values)
{
  guint n = n_rows * n_columns;

  g_return_if_fail (FID_IS_GRID_CHART (self));
  g_return_if_fail (n == 0 || counts != NULL);

  g_strfreev (self->row_labels);
  g_strfreev (self->column_labels);
  g_free (self->counts);
  g_clear_pointer (&self->values, g_free);

  self->n_rows = n_rows;
  self->n_columns = n_columns;
  self->row_labels = fid_chart_strv_copy (row_labels, n_rows);
  self->column_labels = fid_chart_strv_copy (column_labels, n_columns);
  self->counts = g_new0 (guint64, MAX (n, 1));
  if (n > 0)
    memcpy (self->counts, counts, sizeof (guint64) * n);
  if (values != NULL && n > 0)
    self->values = g_memdup2 (values, sizeof (double) * n);
  prepare (self);
}

void
fid_grid_chart_set_value_name (FidGridChart   *self,
                               const char     *value_name,
                               FidChartFormat  format)
{
  g_return_if_fail (FID_IS_GRID_CHART (self));

  g_free (self->value_name);
  self->value_name = g_strdup (value_name);
  self->format = format;
  prepare (self);
}

double
fid_grid_chart_get_cell_level (FidGridChart *self,
                               guint         index)
{
  g_return_val_if_fail (FID_IS_GRID_CHART (self), NAN);
  g_return_val_if_fail (index < n_cells (self), NAN);

  return self->levels[index];
}
