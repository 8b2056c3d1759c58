/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The map chart, rendered into an image surface: the territory with the
 * highest value is filled with the darkest class and the lowest with the
 * lightest (quantiles and equal steps, classes computed by hand), the
 * pointer finds territories and branches, and the map exports to PDF.
 * Charts need GTK for their fonts: without a display each test skips. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fid-chart-export.h"
#include "fid-chart-private.h"
#include "fid-map-chart.h"

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

/* Five one-degree squares: A (2–3 E, 46–47 N) 10, B east of it 50, C
 * east again 30, D north of A 5, E north of B 20. Sorted 5, 10, 20, 30,
 * 50: the quantile breaks (rank k·5/5) are 10, 20, 30 and 50, so D, A, E,
 * C, B are classes 0 to 4. Equal steps of (50 − 5)/5 = 9: breaks 14, 23,
 * 32, 41, so D and A are 0, E 1, C 2, B 4. */
static FidChart *
five_squares (void)
{
  static const double corners[5][2] = { { 2, 46 }, { 3, 46 }, { 4, 46 }, { 2, 47 }, { 3, 47 } };
  static const double values[] = { 10, 50, 30, 5, 20 };
  static const char * const names[] = { "A", "B", "C", "D", "E" };
  static const double lons[] = { 2.2, 3.8 };
  static const double lats[] = { 46.2, 47.8 };
  static const char * const branch_names[] = { "West", "East" };
  FidChart *chart = g_object_ref_sink (fid_map_chart_new ());
  FidGeometry *outlines[5];

  for (guint i = 0; i < 5; i++)
    {
      FidPoint ring[4] = {
        { corners[i][0], corners[i][1] }, { corners[i][0] + 1, corners[i][1] },
        { corners[i][0] + 1, corners[i][1] + 1 }, { corners[i][0], corners[i][1] + 1 },
      };

      outlines[i] = fid_geometry_new ();
      fid_geometry_add_ring (outlines[i], ring, 4);
    }
  /* No codes: nothing is written over the fills the test reads. */
  fid_map_chart_set_territories (FID_MAP_CHART (chart), 5, outlines, NULL, names, values, NULL);
  fid_map_chart_set_value_name (FID_MAP_CHART (chart), "Customers", FID_CHART_FORMAT_INTEGER);
  fid_map_chart_set_branches (FID_MAP_CHART (chart), 2, lons, lats, branch_names, NULL);
  fid_chart_set_title (chart, "Map");
  for (guint i = 0; i < 5; i++)
    fid_geometry_unref (outlines[i]);
  return chart;
}

static void
inner_area (FidChart        *chart,
            graphene_rect_t *inner)
{
  fid_chart_get_inner_area (chart, fid_chart_get_style (chart), WIDTH, HEIGHT, TRUE, inner);
}

static void
fill_at (FidChart *chart,
         guint     territory,
         GdkRGBA  *color)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  graphene_rect_t inner;
  double x, y;
  guint32 pixel;

  fid_chart_draw_to (chart, cr, WIDTH, HEIGHT, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  inner_area (chart, &inner);
  g_assert_true (fid_map_chart_get_territory_point (FID_MAP_CHART (chart), territory, inner.size.width,
                                                    inner.size.height, &x, &y));
  x += inner.origin.x;
  y += inner.origin.y;
  pixel = *(const guint32 *) (cairo_image_surface_get_data (surface)
                              + (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4);
  color->red = ((pixel >> 16) & 0xff) / 255.0;
  color->green = ((pixel >> 8) & 0xff) / 255.0;
  color->blue = (pixel & 0xff) / 255.0;
  color->alpha = 1;
  cairo_surface_destroy (surface);
}

static void
assert_class_color (FidChart *chart,
                    guint     territory,
                    guint     klass)
{
  GdkRGBA got, want;

  fill_at (chart, territory, &got);
  fid_map_chart_get_class_color (klass, &want);
  g_assert_cmpfloat_with_epsilon (got.red, want.red, 0.02);
  g_assert_cmpfloat_with_epsilon (got.green, want.green, 0.02);
  g_assert_cmpfloat_with_epsilon (got.blue, want.blue, 0.02);
}

static double
luminance (guint klass)
{
  GdkRGBA c;

  fid_map_chart_get_class_color (klass, &c);
  return 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue;
}

static void
test_darkest_class (void)
{
  g_autoptr(FidChart) chart = NULL;

  if (skip_without_display ())
    return;
  chart = five_squares ();
  /* The scale darkens class by class. */
  for (guint k = 1; k < FID_MAP_N_CLASSES; k++)
    g_assert_cmpfloat (luminance (k), <, luminance (k - 1));

  g_assert_cmpint (fid_map_chart_get_class (FID_MAP_CHART (chart), 1), ==, 4);
  g_assert_cmpint (fid_map_chart_get_class (FID_MAP_CHART (chart), 3), ==, 0);
  g_assert_cmpint (fid_map_chart_get_class (FID_MAP_CHART (chart), 0), ==, 1);
  g_assert_cmpint (fid_map_chart_get_class (FID_MAP_CHART (chart), 4), ==, 2);
  g_assert_cmpint (fid_map_chart_get_class (FID_MAP_CHART (chart), 2), ==, 3);
  assert_class_color (chart, 1, FID_MAP_N_CLASSES - 1);   /* B, the highest: darkest */
  assert_class_color (chart, 3, 0);                       /* D, the lowest: lightest */
  assert_class_color (chart, 2, 3);

  fid_map_chart_set_class_method (FID_MAP_CHART (chart), FID_MAP_CLASSES_EQUAL_STEPS);
  g_assert_cmpint (fid_map_chart_get_class (FID_MAP_CHART (chart), 0), ==, 0);
  g_assert_cmpint (fid_map_chart_get_class (FID_MAP_CHART (chart), 4), ==, 1);
  g_assert_cmpint (fid_map_chart_get_class (FID_MAP_CHART (chart), 2), ==, 2);
  assert_class_color (chart, 1, FID_MAP_N_CLASSES - 1);
  assert_class_color (chart, 2, 2);

  /* Zoomed in on B, it is still the darkest. */
  fid_map_chart_reset_view (FID_MAP_CHART (chart));
  {
    graphene_rect_t inner;
    double x, y;

    inner_area (chart, &inner);
    fid_map_chart_get_territory_point (FID_MAP_CHART (chart), 1, inner.size.width, inner.size.height, &x, &y);
    fid_map_chart_zoom_at (FID_MAP_CHART (chart), 3, x, y, inner.size.width, inner.size.height);
    g_assert_cmpfloat (fid_map_chart_get_zoom (FID_MAP_CHART (chart)), ==, 3);
    assert_class_color (chart, 1, FID_MAP_N_CLASSES - 1);
  }
}

static void
test_hit_test (void)
{
  g_autoptr(FidChart) chart = NULL;
  g_autofree char *tooltip = NULL;
  graphene_rect_t inner;
  double x, y;

  if (skip_without_display ())
    return;
  chart = five_squares ();
  g_assert_cmpuint (fid_chart_get_n_elements (chart), ==, 7);
  inner_area (chart, &inner);
  /* E's interior point, in the coordinates of the whole chart. */
  fid_map_chart_get_territory_point (FID_MAP_CHART (chart), 4, inner.size.width, inner.size.height, &x, &y);
  g_assert_cmpint (fid_chart_hit_test (chart, WIDTH, HEIGHT, x + inner.origin.x, y + inner.origin.y, &tooltip),
                   ==, 4);
  g_assert_nonnull (strstr (tooltip, "E\nCustomers: 20"));
  /* Far outside the squares: nothing. */
  g_assert_cmpint (fid_chart_hit_test (chart, WIDTH, HEIGHT, inner.origin.x + 2, inner.origin.y + 2, NULL), ==, -1);
}

static void
test_export_pdf (void)
{
  g_autoptr(FidChart) chart = NULL;
  g_autofree char *dir = NULL, *path = NULL, *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (skip_without_display ())
    return;
  chart = five_squares ();
  fid_map_chart_set_show_catchment (FID_MAP_CHART (chart), TRUE);
  dir = g_dir_make_tmp ("fidelis-map-XXXXXX", &error);
  path = g_build_filename (dir, "map.pdf", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (fid_chart_export_pdf (chart, file, 842, 595, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  g_test_add_func ("/ui/map-chart/darkest-class", test_darkest_class);
  g_test_add_func ("/ui/map-chart/hit-test", test_hit_test);
  g_test_add_func ("/ui/map-chart/export-pdf", test_export_pdf);
  return g_test_run ();
}
