/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The chart library: charts are rendered into cairo image surfaces and
 * their pixels checked (bar heights, the empty state, heat map colours,
 * light and dark), hit testing finds the element under a point, the
 * exports write valid PNG, SVG and PDF files, and a click emits
 * "element-activated". Needs a display for GTK (run under Xvfb); without
 * one every test is skipped, not passed. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fid-bar-chart.h"
#include "fid-chart-export.h"
#include "fid-chart-view.h"
#include "fid-funnel-chart.h"
#include "fid-grid-chart.h"
#include "fid-kpi-tile.h"
#include "fid-matrix-chart.h"
#include "fid-pareto-chart.h"

#define WIDTH 600
#define HEIGHT 400

static gboolean have_display;

static gboolean
skip_without_display (void)
{
  if (!have_display)
    g_test_skip ("No display: run the ui suite under xvfb-run");

  return !have_display;
}

/* A chart drawn with @style (NULL: the chart's own) at WIDTH × HEIGHT. */
static cairo_surface_t *
render (FidChart            *chart,
        const FidChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  fid_chart_draw_to (chart, cr, WIDTH, HEIGHT, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* The pixel at (@x, @y) as 0..1 channels (surfaces are opaque). */
static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          GdkRGBA         *color)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

  color->alpha = ((pixel >> 24) & 0xff) / 255.0;
  color->red = ((pixel >> 16) & 0xff) / 255.0;
  color->green = ((pixel >> 8) & 0xff) / 255.0;
  color->blue = (pixel & 0xff) / 255.0;
}

static gboolean
same_color (const GdkRGBA *a,
            const GdkRGBA *b)
{
  return fabs (a->red - b->red) < 0.02 && fabs (a->green - b->green) < 0.02 &&
         fabs (a->blue - b->blue) < 0.02;
}

static FidChart *
bar_chart_1_2_4 (void)
{
  static const char * const labels[] = { "One", "Two", "Four" };
  static const double values[] = { 1, 2, 4 };
  FidChart *chart = g_object_ref_sink (fid_bar_chart_new ());

  fid_bar_chart_set_data (FID_BAR_CHART (chart), labels, values, G_N_ELEMENTS (values));
  fid_chart_set_title (chart, "Bars");

  return chart;
}

typedef struct
{
  int centre;   /* the middle column of a bar */
  int top;      /* its first row */
  int height;   /* in pixels */
} Bar;

/* The bars of @color from left to right, found column by column. */
static GArray *
find_bars (cairo_surface_t *surface,
           const GdkRGBA   *color)
{
  GArray *bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  int run_start = -1;

  for (int x = 0; x <= WIDTH; x++)
    {
      gboolean in_bar = FALSE;

      for (int y = 0; y < HEIGHT && x < WIDTH && !in_bar; y++)
        {
          GdkRGBA pixel;

          pixel_at (surface, x, y, &pixel);
          in_bar = same_color (&pixel, color);
        }

      if (in_bar && run_start < 0)
        run_start = x;
      else if (!in_bar && run_start >= 0)
        {
          Bar bar = { (run_start + x - 1) / 2, -1, 0 };

          for (int y = 0; y < HEIGHT; y++)
            {
              GdkRGBA pixel;

              pixel_at (surface, bar.centre, y, &pixel);
              if (same_color (&pixel, color))
                {
                  if (bar.top < 0)
                    bar.top = y;
                  bar.height++;
                }
            }
          g_array_append_val (bars, bar);
          run_start = -1;
        }
    }

  return bars;
}

static void
test_bar_heights (void)
{
  g_autoptr(FidChart) chart = NULL;
  g_autoptr(FidChartStyle) style = NULL;
  g_autoptr(GArray) bars = NULL;
  cairo_surface_t *surface;
  const Bar *b;

  chart = bar_chart_1_2_4 ();
  style = fid_chart_style_new (FALSE, "Sans 11");
  surface = render (chart, style);
  bars = find_bars (surface, fid_chart_style_get_series_color (style, 0));
  cairo_surface_destroy (surface);

  g_assert_cmpuint (bars->len, ==, 3);
  b = (const Bar *) bars->data;
  g_test_message ("bar heights: %d %d %d", b[0].height, b[1].height, b[2].height);
  g_assert_cmpint (b[2].height, >, 100);
  /* 1 : 2 : 4, to the pixel. */
  g_assert_cmpfloat (fabs (b[0].height - b[2].height / 4.0), <=, 1.0);
  g_assert_cmpfloat (fabs (b[1].height - b[2].height / 2.0), <=, 1.0);
  /* They stand on the same line. */
  g_assert_cmpint (b[0].top + b[0].height, ==, b[2].top + b[2].height);
}

/* Grouped bars (the SERVQUAL expectation and perception per dimension):
 * series side by side in each category from one zero, heights in the
 * ratio of their values, no bar for NAN, a fixed axis top. */
typedef struct
{
  int left, right, height;
} Run;

/* The runs of @color along row @y, each with its height upward from @y. */
static GArray *
runs_on_row (cairo_surface_t *surface,
             const GdkRGBA   *color,
             int              y)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  int start = -1;

  for (int x = 0; x <= WIDTH; x++)
    {
      GdkRGBA pixel;
      gboolean in = FALSE;

      if (x < WIDTH)
        {
          pixel_at (surface, x, y, &pixel);
          in = same_color (&pixel, color);
        }
      if (in && start < 0)
        start = x;
      else if (!in && start >= 0)
        {
          Run run = { start, x - 1, 0 };

          for (int yy = y; yy >= 0; yy--)
            {
              pixel_at (surface, (start + x - 1) / 2, yy, &pixel);
              if (!same_color (&pixel, color))
                break;
              run.height++;
            }
          g_array_append_val (runs, run);
          start = -1;
        }
    }
  return runs;
}

static void
test_grouped_bars (void)
{
  const char *categories[] = { "A", "B", "C" };
  const char *series[] = { "Expectation", "Perception" };
  const double values[] = { 6, 4, NAN,    /* expectation */
                            3, 2, 5 };    /* perception */
  const double nothing[] = { NAN, NAN };
  g_autoptr(FidChart) chart = fid_bar_chart_new ();
  g_autoptr(FidChart) empty = fid_bar_chart_new ();
  g_autoptr(GArray) expectation = NULL;
  g_autoptr(GArray) perception = NULL;
  g_autofree char *tooltip = NULL;
  const FidChartStyle *style;
  cairo_surface_t *surface;
  int base = -1;
  const Run *e, *p;

  g_object_ref_sink (chart);
  g_object_ref_sink (empty);
  fid_bar_chart_set_max (FID_BAR_CHART (chart), 7);
  fid_bar_chart_set_grouped (FID_BAR_CHART (chart), categories, 3, series, 2, values);
  g_assert_cmpuint (fid_chart_get_n_elements (chart), ==, 6);
  g_assert_false (fid_chart_is_empty (chart));
  g_assert_true (isnan (fid_bar_chart_get_value (FID_BAR_CHART (chart), 2)));
  style = fid_chart_get_style (chart);
  surface = render (chart, NULL);

  /* The zero line: the lowest row with a perception pixel. */
  for (int y = HEIGHT - 1; y >= 0 && base < 0; y--)
    for (int x = 0; x < WIDTH && base < 0; x++)
      {
        GdkRGBA pixel;

        pixel_at (surface, x, y, &pixel);
        if (same_color (&pixel, fid_chart_style_get_series_color (style, 1)))
          base = y;
      }
  g_assert_cmpint (base, >, HEIGHT / 2);
  expectation = runs_on_row (surface, fid_chart_style_get_series_color (style, 0), base);
  perception = runs_on_row (surface, fid_chart_style_get_series_color (style, 1), base);
  cairo_surface_destroy (surface);

  /* No expectation bar for C. */
  g_assert_cmpuint (expectation->len, ==, 2);
  g_assert_cmpuint (perception->len, ==, 3);
  e = (const Run *) expectation->data;
  p = (const Run *) perception->data;
  /* Side by side: each perception bar just right of its expectation bar,
   * before the next category's. */
  g_assert_cmpint (p[0].left, >, e[0].right);
  g_assert_cmpint (p[0].left - e[0].right, <=, 4);
  g_assert_cmpint (p[0].right, <, e[1].left);
  /* 6 : 3 and 4 : 2, to the pixel; 5 between them. */
  g_test_message ("heights: E %d %d, P %d %d %d", e[0].height, e[1].height, p[0].height, p[1].height, p[2].height);
  g_assert_cmpfloat (fabs (e[0].height - 2.0 * p[0].height), <=, 2.0);
  g_assert_cmpfloat (fabs (e[1].height - 2.0 * p[1].height), <=, 2.0);
  g_assert_cmpfloat (fabs (p[2].height * 6.0 - e[0].height * 5.0), <=, 6.0);

  /* Pointing at a bar names its category and series. */
  g_assert_cmpint (fid_chart_hit_test (chart, WIDTH, HEIGHT, (p[0].left + p[0].right) / 2, base - p[0].height / 2,
                                       &tooltip), ==, 3);
  g_assert_nonnull (strstr (tooltip, "A"));
  g_assert_nonnull (strstr (tooltip, "Perception"));

  /* Nothing but NAN: empty. */
  fid_bar_chart_set_grouped (FID_BAR_CHART (empty), categories, 1, series, 2, nothing);
  g_assert_true (fid_chart_is_empty (empty));
}

static void
test_empty (void)
{
  g_autoptr(FidChart) chart = NULL;
  g_autoptr(FidChartStyle) style = NULL;
  g_autofree char *description = NULL;
  cairo_surface_t *surface;
  guint centre_ink = 0, other_ink = 0;

  chart = g_object_ref_sink (fid_bar_chart_new ());
  fid_bar_chart_set_data (FID_BAR_CHART (chart), NULL, NULL, 0);
  g_assert_true (fid_chart_is_empty (chart));
  g_assert_cmpuint (fid_chart_get_n_elements (chart), ==, 0);

  style = fid_chart_style_new (FALSE, "Sans 11");
  surface = render (chart, style);

  /* Ink only in a band around the middle: the "No data" text. */
  for (int y = 0; y < HEIGHT; y++)
    {
      for (int x = 0; x < WIDTH; x++)
        {
          GdkRGBA pixel;
          gboolean centre = abs (x - WIDTH / 2) < 120 && abs (y - HEIGHT / 2) < 20;

          pixel_at (surface, x, y, &pixel);
          if (same_color (&pixel, &style->background))
            continue;
          if (centre)
            centre_ink++;
          else
            other_ink++;
        }
    }
  cairo_surface_destroy (surface);

  g_assert_cmpuint (centre_ink, >, 20);
  g_assert_cmpuint (other_ink, ==, 0);

  description = fid_chart_describe (chart);
  g_assert_nonnull (strstr (description, fid_chart_get_empty_text (chart)));
  g_assert_cmpint (fid_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2, NULL), ==, -1);
}

static FidChart *
grid_chart (guint n_rows,
            guint n_columns)
{
  static const char * const labels[] = { "1", "2", "3", "4", "5" };
  FidChart *chart = g_object_ref_sink (fid_grid_chart_new ());
  guint64 counts[25];
  double values[25];

  g_assert_cmpuint (n_rows * n_columns, <=, 25);
  for (guint i = 0; i < n_rows * n_columns; i++)
    {
      counts[i] = 10 + i;
      values[i] = 100.0 * (i + 1);
    }
  fid_grid_chart_set_data (FID_GRID_CHART (chart), n_rows, n_columns, labels, labels, counts, values);
  fid_grid_chart_set_value_name (FID_GRID_CHART (chart), "Mean monetary", FID_CHART_FORMAT_MONEY);
  fid_chart_set_x_label (chart, "R");
  fid_chart_set_y_label (chart, "F");

  return chart;
}

/* Walking from (@x, @y) by (@dx, @dy): the elements met, in order, and
 * where each was met first (in @firsts, as the distance walked). */
static GArray *
hits_along (FidChart *chart,
            int       x,
            int       y,
            int       dx,
            int       dy,
            GArray  **firsts)
{
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (int));
  int last = -1;

  *firsts = g_array_new (FALSE, FALSE, sizeof (int));
  for (int step = 0; x >= 0 && x < WIDTH && y >= 0 && y < HEIGHT; step++, x += dx, y += dy)
    {
      int index = fid_chart_hit_test (chart, WIDTH, HEIGHT, x, y, NULL);

      if (index >= 0 && index != last)
        {
          g_array_append_val (indices, index);
          g_array_append_val (*firsts, step);
        }
      if (index >= 0)
        last = index;
    }

  return indices;
}

static void
test_grid_monotonic (void)
{
  g_autoptr(FidChart) chart = NULL;
  g_autoptr(GArray) indices = NULL;
  g_autoptr(GArray) firsts = NULL;
  cairo_surface_t *surface;
  double previous = 2.0;

  /* One row: the cells are elements 0..4 from left to right. */
  chart = grid_chart (1, 5);
  surface = render (chart, NULL);
  indices = hits_along (chart, 0, HEIGHT / 2, 1, 0, &firsts);
  g_assert_cmpuint (indices->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (g_array_index (indices, int, i), ==, (int) i);

  for (guint i = 0; i < 5; i++)
    {
      GdkRGBA pixel;
      double luminance;

      g_assert_cmpfloat (fid_grid_chart_get_cell_level (FID_GRID_CHART (chart), i), >=, i / 4.0 - 1e-9);
      /* Next to the cell's left edge, away from its text. */
      pixel_at (surface, g_array_index (firsts, int, i) + 4, HEIGHT / 2, &pixel);
      luminance = fid_chart_color_luminance (&pixel);
      g_test_message ("cell %u luminance %.3f", i, luminance);
      /* Light style: a larger value is a darker blue. */
      g_assert_cmpfloat (luminance, <, previous);
      previous = luminance;
    }
  cairo_surface_destroy (surface);
}

static void
test_grid_hit_test (void)
{
  g_autoptr(FidChart) chart = NULL;
  g_autoptr(GArray) row = NULL;
  g_autoptr(GArray) row_firsts = NULL;
  g_autoptr(GArray) column = NULL;
  g_autoptr(GArray) column_firsts = NULL;
  g_autofree char *tooltip = NULL;
  int x, y;

  /* 3 × 3, index = row * 3 + column: across the middle row 3, 4, 5. */
  chart = grid_chart (3, 3);
  row = hits_along (chart, 0, HEIGHT / 2, 1, 0, &row_firsts);
  g_assert_cmpuint (row->len, ==, 3);
  g_assert_cmpint (g_array_index (row, int, 0), ==, 3);
  g_assert_cmpint (g_array_index (row, int, 1), ==, 4);
  g_assert_cmpint (g_array_index (row, int, 2), ==, 5);

  /* Down the middle column: 1, 4, 7. */
  x = g_array_index (row_firsts, int, 1) + 10;
  column = hits_along (chart, x, 0, 0, 1, &column_firsts);
  g_assert_cmpuint (column->len, ==, 3);
  g_assert_cmpint (g_array_index (column, int, 0), ==, 1);
  g_assert_cmpint (g_array_index (column, int, 1), ==, 4);
  g_assert_cmpint (g_array_index (column, int, 2), ==, 7);

  /* Inside cell 7: its tooltip has its exact count (10 + 7). */
  y = g_array_index (column_firsts, int, 2) + 10;
  g_assert_cmpint (fid_chart_hit_test (chart, WIDTH, HEIGHT, x, y, &tooltip), ==, 7);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "17"));
}

static void
test_bar_hit_test (void)
{
  g_autoptr(FidChart) chart = NULL;
  g_autoptr(GArray) bars = NULL;
  cairo_surface_t *surface;

  chart = bar_chart_1_2_4 ();
  surface = render (chart, NULL);
  bars = find_bars (surface, fid_chart_style_get_series_color (fid_chart_get_style (chart), 0));
  cairo_surface_destroy (surface);
  g_assert_cmpuint (bars->len, ==, 3);

  for (guint i = 0; i < bars->len; i++)
    {
      const Bar *bar = &g_array_index (bars, Bar, i);
      g_autofree char *tooltip = NULL;

      g_assert_cmpint (fid_chart_hit_test (chart, WIDTH, HEIGHT, bar->centre, bar->top + bar->height / 2,
                                           &tooltip), ==, (int) i);
      g_assert_nonnull (tooltip);
    }

  /* Above the smallest bar, in the top left corner: nothing. */
  g_assert_cmpint (fid_chart_hit_test (chart, WIDTH, HEIGHT, 2, 2, NULL), ==, -1);
}

static void
test_matrix_hit_test (void)
{
  g_autoptr(FidChart) chart = NULL;
  g_autofree char *tooltip = NULL;

  chart = g_object_ref_sink (fid_matrix_chart_new ());
  fid_matrix_chart_set_quadrant (FID_MATRIX_CHART (chart), 0, "Develop", 120, "1.2 M€", 1);
  fid_matrix_chart_set_quadrant (FID_MATRIX_CHART (chart), 1, "Retain", 40, "3.4 M€", 2);
  fid_matrix_chart_set_quadrant (FID_MATRIX_CHART (chart), 2, "Serve", 510, "2.0 M€", 4);
  fid_matrix_chart_set_quadrant (FID_MATRIX_CHART (chart), 3, "Maintain", 98, "0.9 M€", 0);
  fid_chart_set_x_label (chart, "Current profitability");
  fid_chart_set_y_label (chart, "Potential");

  g_assert_cmpuint (fid_chart_get_n_elements (chart), ==, 4);
  g_assert_cmpint (fid_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH * 0.3, HEIGHT * 0.3, NULL), ==, 0);
  g_assert_cmpint (fid_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH * 0.75, HEIGHT * 0.3, NULL), ==, 1);
  g_assert_cmpint (fid_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH * 0.3, HEIGHT * 0.75, NULL), ==, 2);
  g_assert_cmpint (fid_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH * 0.75, HEIGHT * 0.75, &tooltip), ==, 3);
  g_assert_nonnull (strstr (tooltip, "Maintain"));
}

static void
test_pareto_bands (void)
{
  static const double x[] = { 0.1, 0.35, 1.0 };
  static const double y[] = { 0.6, 0.85, 1.0 };
  static const char * const names[] = { "A", "B", "C" };
  g_autoptr(FidChart) chart = NULL;
  g_autofree char *description = NULL;

  chart = g_object_ref_sink (fid_pareto_chart_new ());
  fid_pareto_chart_set_curve (FID_PARETO_CHART (chart), x, y, G_N_ELEMENTS (x));
  fid_pareto_chart_set_bands (FID_PARETO_CHART (chart), x, names, G_N_ELEMENTS (names));

  g_assert_cmpuint (fid_chart_get_n_elements (chart), ==, 3);
  g_assert_cmpfloat_with_epsilon (fid_pareto_chart_get_band_share (FID_PARETO_CHART (chart), 0), 0.60, 1e-9);
  g_assert_cmpfloat_with_epsilon (fid_pareto_chart_get_band_share (FID_PARETO_CHART (chart), 1), 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (fid_pareto_chart_get_band_share (FID_PARETO_CHART (chart), 2), 0.15, 1e-9);
  /* A quarter across is band B; near the right edge, band C. */
  g_assert_cmpint (fid_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH * 0.35, HEIGHT / 2, NULL), ==, 1);
  g_assert_cmpint (fid_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH * 0.9, HEIGHT / 2, NULL), ==, 2);

  description = fid_chart_describe (chart);
  g_assert_nonnull (strstr (description, "A:"));
}

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fid-charts-XXXXXX", &error);

  g_assert_no_error (error);

  return g_build_filename (dir, name, NULL);
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export_png (void)
{
  g_autoptr(FidChart) chart = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("chart.png");
  cairo_surface_t *surface;

  chart = bar_chart_1_2_4 ();
  file = g_file_new_for_path (path);
  fid_chart_export_png (chart, file, 640, 480, &error);
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 480);
  cairo_surface_destroy (surface);

  /* A size that cannot be is an error, not a crash. */
  g_assert_false (fid_chart_export_png (chart, file, 0, 480, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  remove_temp (path);
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              data,
                  GError              **error)
{
  char **root = data;

  if (*root == NULL)
    *root = g_strdup (element);
}

static void
test_export_svg (void)
{
  static const GMarkupParser parser = { on_start_element, NULL, NULL, NULL, NULL };
  g_autoptr(FidChart) chart = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *path = temp_path ("chart.svg");
  g_autofree char *contents = NULL;
  g_autofree char *root = NULL;
  gsize length;

  chart = grid_chart (5, 5);
  fid_chart_set_title (chart, "RFM & co <test>");
  file = g_file_new_for_path (path);
  fid_chart_export_svg (chart, file, 800, 600, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, 0, &root, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (root, ==, "svg");

  remove_temp (path);
}

static guint
count_pages (const char *contents,
             gsize       length)
{
  const char *p = contents;
  const char *end = contents + length;
  guint pages = 0;

  gsize needle = strlen ("/Type /Page");

  /* The file has binary streams: compare bytes, not strings. */
  for (; p + needle <= end; p++)
    {
      if (memcmp (p, "/Type /Page", needle) != 0)
        continue;
      /* "/Type /Pages" is the page tree, not a page. */
      if (p + needle < end && p[needle] != 's')
        pages++;
    }

  return pages;
}

static void
test_export_pdf (void)
{
  g_autoptr(FidChart) chart = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("chart.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  gsize length;

  chart = bar_chart_1_2_4 ();
  file = g_file_new_for_path (path);
  fid_chart_export_pdf (chart, file, 800, 500, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 5);
  g_assert_true (memcmp (contents, "%PDF-", 5) == 0);

  if (pdfinfo != NULL)
    {
      g_autofree char *out = NULL;
      char *argv[] = { pdfinfo, path, NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (out, "Pages:"));
      g_assert_true (g_regex_match_simple ("^Pages:\\s+1$", out, G_REGEX_MULTILINE, 0));
    }
  else
    {
      g_test_message ("pdfinfo not found: counting /Type /Page objects");
      g_assert_cmpuint (count_pages (contents, length), ==, 1);
    }

  remove_temp (path);
}

static void
on_element_activated_cb (FidChart *chart,
                         guint     index,
                         int      *activated)
{
  *activated = (int) index;
}

static void
test_click_activates (void)
{
  g_autoptr(FidChart) chart = NULL;
  g_autoptr(GArray) bars = NULL;
  GtkWidget *window;
  cairo_surface_t *surface;
  int activated = -1;
  const Bar *bar;

  if (skip_without_display ())
    return;

  chart = bar_chart_1_2_4 ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), fid_chart_get_widget (chart));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (fid_chart_get_widget (chart)) == 0 ||
         !gtk_widget_get_mapped (fid_chart_get_widget (chart)))
    g_main_context_iteration (NULL, TRUE);

  /* Find the second bar where the widget draws it, at its own size. */
  {
    int width = gtk_widget_get_width (fid_chart_get_widget (chart));
    int height = gtk_widget_get_height (fid_chart_get_widget (chart));
    cairo_surface_t *full = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
    cairo_t *cr = cairo_create (full);

    g_assert_cmpint (width, <=, WIDTH);
    g_assert_cmpint (height, <=, HEIGHT);
    fid_chart_draw_to (chart, cr, width, height, NULL);
    cairo_destroy (cr);
    surface = full;
  }
  bars = find_bars (surface, fid_chart_style_get_series_color (fid_chart_get_style (chart), 0));
  cairo_surface_destroy (surface);
  g_assert_cmpuint (bars->len, ==, 3);
  bar = &g_array_index (bars, Bar, 1);

  g_signal_connect (chart, "element-activated", G_CALLBACK (on_element_activated_cb), &activated);
  g_assert_false (fid_chart_click_at (chart, 2, 2));
  g_assert_cmpint (activated, ==, -1);
  g_assert_true (fid_chart_click_at (chart, bar->centre, bar->top + bar->height / 2));
  g_assert_cmpint (activated, ==, 1);
  g_assert_cmpint (fid_chart_get_highlighted (chart), ==, 1);

  /* The keyboard path: highlight, then activate. */
  fid_chart_set_highlighted (chart, 2);
  fid_chart_activate_element (chart, fid_chart_get_highlighted (chart));
  g_assert_cmpint (activated, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_dark_background (void)
{
  g_autoptr(FidChart) chart = NULL;
  g_autoptr(FidChartStyle) light = NULL;
  g_autoptr(FidChartStyle) dark = NULL;
  cairo_surface_t *surface;
  GdkRGBA light_pixel, dark_pixel;

  chart = bar_chart_1_2_4 ();
  light = fid_chart_style_new (FALSE, NULL);
  dark = fid_chart_style_new (TRUE, NULL);

  surface = render (chart, light);
  pixel_at (surface, 2, HEIGHT - 2, &light_pixel);
  cairo_surface_destroy (surface);
  surface = render (chart, dark);
  pixel_at (surface, 2, HEIGHT - 2, &dark_pixel);
  cairo_surface_destroy (surface);

  g_assert_true (same_color (&light_pixel, &light->background));
  g_assert_true (same_color (&dark_pixel, &dark->background));
  g_assert_false (same_color (&light_pixel, &dark_pixel));
  g_assert_cmpfloat (fid_chart_color_luminance (&dark_pixel), <, fid_chart_color_luminance (&light_pixel));
}

static void
test_table_and_view (void)
{
  g_autoptr(FidChart) chart = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_auto(GStrv) columns = NULL;
  g_autofree char *description = NULL;
  GtkWidget *view;
  GListModel *model;

  if (skip_without_display ())
    return;

  chart = bar_chart_1_2_4 ();
  fid_chart_set_x_label (chart, "Name");
  fid_chart_set_y_label (chart, "Amount");
  rows = fid_chart_create_table (chart, &columns);
  g_assert_cmpuint (g_strv_length (columns), ==, 2);
  g_assert_cmpstr (columns[0], ==, "Name");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);

  description = fid_chart_describe (chart);
  g_assert_nonnull (strstr (description, "Four"));

  view = g_object_ref_sink (fid_chart_view_new (chart));
  g_assert_false (fid_chart_get_show_title (chart));
  fid_chart_view_set_show_table (FID_CHART_VIEW (view), TRUE);
  model = G_LIST_MODEL (gtk_column_view_get_model (fid_chart_view_get_column_view (FID_CHART_VIEW (view))));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (
                      fid_chart_view_get_column_view (FID_CHART_VIEW (view)))), ==, 2);

  /* New data while the table shows: it follows. */
  {
    static const char * const labels[] = { "A", "B" };
    static const double values[] = { 5, 6 };

    fid_bar_chart_set_data (FID_BAR_CHART (chart), labels, values, 2);
    model = G_LIST_MODEL (gtk_column_view_get_model (fid_chart_view_get_column_view (FID_CHART_VIEW (view))));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  }
  g_object_unref (view);
}

static void
test_kpi_tile (void)
{
  g_autoptr(FidChart) tile = NULL;
  g_autoptr(FidChartStyle) style = NULL;
  g_autofree char *description = NULL;
  cairo_surface_t *surface;
  gboolean saw_negative = FALSE;

  /* Churn rising is bad news: the change is drawn in the negative colour. */
  tile = g_object_ref_sink (fid_kpi_tile_new ("Churn"));
  fid_kpi_tile_set_value (FID_KPI_TILE (tile), "4.1 %");
  fid_kpi_tile_set_change (FID_KPI_TILE (tile), 0.006);
  fid_kpi_tile_set_higher_is_better (FID_KPI_TILE (tile), FALSE);
  g_assert_false (fid_chart_is_empty (tile));

  style = fid_chart_style_new (FALSE, NULL);
  surface = render (tile, style);
  for (int y = 0; y < HEIGHT && !saw_negative; y++)
    for (int x = 0; x < WIDTH && !saw_negative; x++)
      {
        GdkRGBA pixel;

        pixel_at (surface, x, y, &pixel);
        saw_negative = same_color (&pixel, &style->negative);
      }
  cairo_surface_destroy (surface);
  g_assert_true (saw_negative);

  description = fid_chart_describe (tile);
  g_assert_nonnull (strstr (description, "4.1 %"));

  /* A rate's change is in percentage points, not a relative change. */
  g_clear_pointer (&description, g_free);
  fid_kpi_tile_set_change (FID_KPI_TILE (tile), -0.074);
  fid_kpi_tile_set_change_in_points (FID_KPI_TILE (tile), TRUE);
  description = fid_chart_describe (tile);
  g_assert_nonnull (strstr (description, "7.4\u202fpts"));
  g_assert_null (strstr (description, "7.4\u202f%"));
}

/* A funnel of 100, 50 and 25 draws bands whose pixel widths are 4:2:1,
 * centred on one axis, and says what each step kept of the one above. */
static void
test_funnel_widths (void)
{
  static const char * const labels[] = { "Contacts", "Customers", "Active" };
  static const double values[] = { 100, 50, 25 };
  g_autoptr(FidChart) chart = g_object_ref_sink (fid_funnel_chart_new ());
  g_autoptr(FidChartStyle) style = fid_chart_style_new (FALSE, NULL);
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) centres = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *text = NULL;
  cairo_surface_t *surface;

  fid_funnel_chart_set_data (FID_FUNNEL_CHART (chart), labels, values, 3);
  g_assert_cmpuint (fid_chart_get_n_elements (chart), ==, 3);
  g_assert_cmpfloat (fid_funnel_chart_get_step_rate (FID_FUNNEL_CHART (chart), 1), ==, 0.5);

  surface = render (chart, style);
  /* Along the row through each step's middle (where the hit test finds
   * it), the band's colour spans the band's width. */
  for (int y = 0; y < HEIGHT; y++)
    {
      int index = fid_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH / 2.0, y, NULL);
      int first = -1, last = -1;

      if (index != (int) widths->len || fid_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH / 2.0, y + 8, NULL) != index)
        continue;
      for (int x = 0; x < WIDTH; x++)
        {
          GdkRGBA pixel;

          pixel_at (surface, x, y + 8, &pixel);
          if (same_color (&pixel, fid_chart_style_get_series_color (style, 0)))
            {
              if (first < 0)
                first = x;
              last = x;
            }
        }
      g_assert_cmpint (first, >=, 0);
      {
        int width = last - first + 1;
        double centre = (first + last) / 2.0;

        g_array_append_val (widths, width);
        g_array_append_val (centres, centre);
      }
    }
  cairo_surface_destroy (surface);

  g_assert_cmpuint (widths->len, ==, 3);
  g_assert_cmpfloat (fabs ((double) g_array_index (widths, int, 0) / g_array_index (widths, int, 1) - 2), <, 0.05);
  g_assert_cmpfloat (fabs ((double) g_array_index (widths, int, 1) / g_array_index (widths, int, 2) - 2), <, 0.1);
  g_assert_cmpfloat (fabs (g_array_index (centres, double, 0) - g_array_index (centres, double, 2)), <=, 1.5);

  text = fid_chart_describe (chart);
  g_assert_nonnull (strstr (text, "Active"));
  g_assert_nonnull (strstr (text, "50"));

  /* Nothing in any step: the empty text, not bare names. */
  {
    static const double zeros[] = { 0, 0, 0 };

    fid_funnel_chart_set_data (FID_FUNNEL_CHART (chart), labels, zeros, 3);
    g_assert_true (fid_chart_is_empty (chart));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  /* The headless run proves that charts draw, hit-test and export where
   * GTK cannot open a display (fidelis-cli report): it must not have one. */
  if (g_getenv ("FIDELIS_TEST_HEADLESS") != NULL && have_display)
    g_error ("FIDELIS_TEST_HEADLESS is set but a display was opened");

  g_test_add_func ("/ui/charts/bar-heights", test_bar_heights);
  g_test_add_func ("/ui/charts/grouped-bars", test_grouped_bars);
  g_test_add_func ("/ui/charts/empty", test_empty);
  g_test_add_func ("/ui/charts/grid-monotonic", test_grid_monotonic);
  g_test_add_func ("/ui/charts/hit-test/bar", test_bar_hit_test);
  g_test_add_func ("/ui/charts/hit-test/grid", test_grid_hit_test);
  g_test_add_func ("/ui/charts/hit-test/matrix", test_matrix_hit_test);
  g_test_add_func ("/ui/charts/pareto-bands", test_pareto_bands);
  g_test_add_func ("/ui/charts/export/png", test_export_png);
  g_test_add_func ("/ui/charts/export/svg", test_export_svg);
  g_test_add_func ("/ui/charts/export/pdf", test_export_pdf);
  g_test_add_func ("/ui/charts/click-activates", test_click_activates);
  g_test_add_func ("/ui/charts/dark-background", test_dark_background);
  g_test_add_func ("/ui/charts/table-and-view", test_table_and_view);
  g_test_add_func ("/ui/charts/kpi-tile", test_kpi_tile);
  g_test_add_func ("/ui/charts/funnel-widths", test_funnel_widths);

  return g_test_run ();
}
