/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Geometry on shapes drawn by hand: point in polygon (holes, several
 * polygons, points on edges and vertices, rays through vertices), Voronoi
 * cells of three and four sites computed on paper, the Lambert-93
 * projection at its origin, and the compact storage round trip. */

#include <math.h>

#include "fid-geometry.h"

static FidGeometry *
square_with_hole (void)
{
  static const FidPoint outer[] = { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 } };
  static const FidPoint hole[] = { { 4, 4 }, { 4, 6 }, { 6, 6 }, { 6, 4 } };
  FidGeometry *g = fid_geometry_new ();

  fid_geometry_begin_polygon (g);
  fid_geometry_add_ring (g, outer, 4);
  fid_geometry_add_ring (g, hole, 4);
  return g;
}

static void
test_hole (void)
{
  g_autoptr(FidGeometry) g = square_with_hole ();

  g_assert_cmpint (fid_geometry_locate (g, 2, 2), ==, FID_POINT_INSIDE);
  g_assert_cmpint (fid_geometry_locate (g, 5, 5), ==, FID_POINT_OUTSIDE);   /* in the hole */
  g_assert_cmpint (fid_geometry_locate (g, 8, 5), ==, FID_POINT_INSIDE);    /* ray crosses the hole twice */
  g_assert_cmpint (fid_geometry_locate (g, 11, 5), ==, FID_POINT_OUTSIDE);
  g_assert_cmpint (fid_geometry_locate (g, -1, 5), ==, FID_POINT_OUTSIDE);
  g_assert_false (fid_geometry_contains (g, 5, 5));
  g_assert_true (fid_geometry_contains (g, 1, 9));
}

/* The rule: a polygon is closed; its whole boundary (holes' edges too)
 * is ON_BOUNDARY and counts as contained. */
static void
test_edges (void)
{
  g_autoptr(FidGeometry) g = square_with_hole ();
  static const FidPoint triangle[] = { { 0, 0 }, { 10, 0 }, { 0, 10 } };
  g_autoptr(FidGeometry) t = fid_geometry_new ();

  g_assert_cmpint (fid_geometry_locate (g, 0, 5), ==, FID_POINT_ON_BOUNDARY);   /* left edge */
  g_assert_cmpint (fid_geometry_locate (g, 10, 5), ==, FID_POINT_ON_BOUNDARY);  /* right edge */
  g_assert_cmpint (fid_geometry_locate (g, 5, 0), ==, FID_POINT_ON_BOUNDARY);   /* bottom edge */
  g_assert_cmpint (fid_geometry_locate (g, 5, 10), ==, FID_POINT_ON_BOUNDARY);  /* top edge */
  g_assert_cmpint (fid_geometry_locate (g, 10, 10), ==, FID_POINT_ON_BOUNDARY); /* a vertex */
  g_assert_cmpint (fid_geometry_locate (g, 4, 5), ==, FID_POINT_ON_BOUNDARY);   /* the hole's edge */
  g_assert_cmpint (fid_geometry_locate (g, 6, 6), ==, FID_POINT_ON_BOUNDARY);   /* the hole's corner */
  g_assert_true (fid_geometry_contains (g, 0, 5));
  g_assert_true (fid_geometry_contains (g, 4, 5));
  /* Just off the edge, either way. */
  g_assert_cmpint (fid_geometry_locate (g, 10.000001, 5), ==, FID_POINT_OUTSIDE);
  g_assert_cmpint (fid_geometry_locate (g, 9.999999, 5), ==, FID_POINT_INSIDE);

  fid_geometry_add_ring (t, triangle, 3);
  g_assert_cmpint (fid_geometry_locate (t, 5, 5), ==, FID_POINT_ON_BOUNDARY);   /* on the diagonal */
  g_assert_cmpint (fid_geometry_locate (t, 4, 4), ==, FID_POINT_INSIDE);
  g_assert_cmpint (fid_geometry_locate (t, 6, 6), ==, FID_POINT_OUTSIDE);
  g_assert_cmpint (fid_geometry_locate (t, 12, -2), ==, FID_POINT_OUTSIDE);     /* on the edge's line, past its end */
}

/* A horizontal ray from the point runs exactly through vertices: the
 * half-open rule must count each crossing once. */
static void
test_ray_through_vertices (void)
{
  static const FidPoint diamond[] = { { 0, -5 }, { 5, 0 }, { 0, 5 }, { -5, 0 } };
  static const FidPoint zigzag[] = { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 6, 5 }, { 4, 10 }, { 0, 10 } };
  g_autoptr(FidGeometry) d = fid_geometry_new ();
  g_autoptr(FidGeometry) z = fid_geometry_new ();

  fid_geometry_add_ring (d, diamond, 4);
  g_assert_cmpint (fid_geometry_locate (d, -10, 0), ==, FID_POINT_OUTSIDE);
  g_assert_cmpint (fid_geometry_locate (d, 0, 0), ==, FID_POINT_INSIDE);
  g_assert_cmpint (fid_geometry_locate (d, 3, 0), ==, FID_POINT_INSIDE);
  g_assert_cmpint (fid_geometry_locate (d, 5, 0), ==, FID_POINT_ON_BOUNDARY);

  /* A concave shape: the notch between x = 4 and 10 above y = 5. */
  fid_geometry_add_ring (z, zigzag, 6);
  g_assert_cmpint (fid_geometry_locate (z, 6, 8), ==, FID_POINT_OUTSIDE);   /* in the notch */
  g_assert_cmpint (fid_geometry_locate (z, 2, 8), ==, FID_POINT_INSIDE);
  g_assert_cmpint (fid_geometry_locate (z, 9, 9), ==, FID_POINT_OUTSIDE);    /* the notch's edge is at x = 9.2 */
  g_assert_cmpint (fid_geometry_locate (z, 9.5, 9), ==, FID_POINT_INSIDE);
  g_assert_cmpint (fid_geometry_locate (z, 1, 5), ==, FID_POINT_INSIDE);    /* ray through the vertex (6, 5) */
  g_assert_cmpint (fid_geometry_locate (z, 6, 5), ==, FID_POINT_ON_BOUNDARY);
}

static void
test_multipolygon (void)
{
  static const FidPoint a[] = { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 } };
  static const FidPoint b[] = { { 20, 20 }, { 30, 20 }, { 30, 30 }, { 20, 30 } };
  static const FidPoint b_hole[] = { { 24, 24 }, { 26, 24 }, { 26, 26 }, { 24, 26 } };
  g_autoptr(FidGeometry) g = fid_geometry_new ();
  FidBBox box;
  FidPoint inside;

  fid_geometry_begin_polygon (g);
  fid_geometry_add_ring (g, a, 4);
  fid_geometry_begin_polygon (g);
  fid_geometry_add_ring (g, b, 4);
  fid_geometry_add_ring (g, b_hole, 4);
  g_assert_cmpuint (fid_geometry_get_n_polygons (g), ==, 2);
  g_assert_cmpuint (fid_geometry_get_n_rings (g, 1), ==, 2);
  g_assert_cmpint (fid_geometry_locate (g, 5, 5), ==, FID_POINT_INSIDE);
  g_assert_cmpint (fid_geometry_locate (g, 21, 29), ==, FID_POINT_INSIDE);
  g_assert_cmpint (fid_geometry_locate (g, 25, 25), ==, FID_POINT_OUTSIDE);
  g_assert_cmpint (fid_geometry_locate (g, 15, 15), ==, FID_POINT_OUTSIDE);  /* between the two */
  g_assert_cmpint (fid_geometry_locate (g, 20, 25), ==, FID_POINT_ON_BOUNDARY);

  box = fid_geometry_get_bbox (g);
  g_assert_cmpfloat (box.min_x, ==, 0);
  g_assert_cmpfloat (box.max_y, ==, 30);
  g_assert_true (fid_bbox_contains (&box, 15, 15));  /* a box is only a first filter */

  /* Distances to the nearest edge: from the gap between the squares to
   * the corner (10, 10) is √50; inside the hole, 1 to its edges; with x
   * counted double, the point (12, 5) is 4 from x = 10. */
  g_assert_cmpfloat_with_epsilon (fid_geometry_boundary_distance (g, 15, 15, 1, 1), sqrt (50), 1e-12);
  g_assert_cmpfloat_with_epsilon (fid_geometry_boundary_distance (g, 25, 25, 1, 1), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (fid_geometry_boundary_distance (g, 12, 5, 2, 1), 4, 1e-12);

  /* The interior point of the holed square avoids the hole. */
  g_assert_true (fid_geometry_interior_point (g, 1, &inside));
  g_assert_cmpint (fid_geometry_locate (g, inside.x, inside.y), ==, FID_POINT_INSIDE);
}

static void
test_serialize (void)
{
  static const FidPoint ring[] = { { 2.3522, 48.8566 }, { -4.4861, 48.3904 }, { 9.4509, 42.6973 } };
  g_autoptr(FidGeometry) g = square_with_hole ();
  g_autoptr(FidGeometry) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const FidPoint *p;
  gsize size;
  const guint8 *data;
  guint n;

  fid_geometry_begin_polygon (g);
  fid_geometry_add_ring (g, ring, 3);
  bytes = fid_geometry_serialize (g);
  data = g_bytes_get_data (bytes, &size);
  /* header 8, per polygon 4 + 4 per ring, 8 per point */
  g_assert_cmpuint (size, ==, 8 + (4 + 8) + (4 + 4) + 8 * 11);
  back = fid_geometry_deserialize (data, size);
  g_assert_nonnull (back);
  g_assert_cmpuint (fid_geometry_get_n_polygons (back), ==, 2);
  g_assert_cmpuint (fid_geometry_get_n_rings (back, 0), ==, 2);
  p = fid_geometry_get_ring (back, 1, 0, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat_with_epsilon (p[1].x, -4.4861, 1e-7);
  g_assert_cmpfloat_with_epsilon (p[2].y, 42.6973, 1e-7);
  /* Truncated or foreign data is refused, not read past its end. */
  g_assert_null (fid_geometry_deserialize (data, size - 1));
  g_assert_null (fid_geometry_deserialize ((const guint8 *) "XXXX\0\0\0\0", 8));
}

static double
cell_area (GPtrArray *cells,
           guint      i)
{
  GArray *cell = g_ptr_array_index (cells, i);

  return fabs (fid_ring_signed_area ((const FidPoint *) (gpointer) cell->data, cell->len));
}

static gboolean
cell_has_vertex (GPtrArray *cells,
                 guint      i,
                 double     x,
                 double     y)
{
  GArray *cell = g_ptr_array_index (cells, i);

  for (guint k = 0; k < cell->len; k++)
    {
      FidPoint *p = &g_array_index (cell, FidPoint, k);

      if (fabs (p->x - x) < 1e-9 && fabs (p->y - y) < 1e-9)
        return TRUE;
    }
  return FALSE;
}

/* Three sites in the square 0..10: s0 (2, 5), s1 (8, 5), s2 (5, 9).
 * s0|s1 split at x = 5; s0|s2: 2 (3, 4)·p ≤ 106 − 29, i.e. 6x + 8y ≤ 77,
 * which meets x = 0 at y = 9.625 and x = 5 at y = 5.875 (3.125 from s0
 * and from s2). Cell 0: (0,0) (5,0) (5,5.875) (0,9.625), a trapezoid of
 * 5 × (5.875 + 9.625) / 2 = 38.75; cell 1 the same mirrored; cell 2 the
 * remaining 100 − 77.5 = 22.5. */
static void
test_voronoi_three (void)
{
  static const FidPoint square[] = { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 } };
  static const FidPoint sites[] = { { 2, 5 }, { 8, 5 }, { 5, 9 } };
  g_autoptr(GPtrArray) cells = fid_voronoi_cells (sites, 3, square, 4);

  g_assert_cmpuint (cells->len, ==, 3);
  g_assert_cmpuint (((GArray *) g_ptr_array_index (cells, 0))->len, ==, 4);
  g_assert_cmpfloat_with_epsilon (cell_area (cells, 0), 38.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell_area (cells, 1), 38.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell_area (cells, 2), 22.5, 1e-9);
  g_assert_true (cell_has_vertex (cells, 0, 5, 5.875));
  g_assert_true (cell_has_vertex (cells, 0, 0, 9.625));
  g_assert_true (cell_has_vertex (cells, 1, 10, 9.625));
  g_assert_true (cell_has_vertex (cells, 2, 5, 5.875));
  g_assert_false (cell_has_vertex (cells, 2, 5, 10));  /* the top edge is cut at 0 and 10 only */
  g_assert_true (cell_has_vertex (cells, 2, 0, 10));
}

/* Four sites at the centres of the quarters: four 5 × 5 cells; a fifth
 * site on top of the first gets no cell. */
static void
test_voronoi_four (void)
{
  static const FidPoint square[] = { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 } };
  static const FidPoint sites[] = { { 2.5, 2.5 }, { 7.5, 2.5 }, { 2.5, 7.5 }, { 7.5, 7.5 }, { 2.5, 2.5 } };
  g_autoptr(GPtrArray) cells = fid_voronoi_cells (sites, 5, square, 4);

  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (cell_area (cells, i), 25, 1e-9);
  g_assert_true (cell_has_vertex (cells, 0, 5, 5));
  g_assert_true (cell_has_vertex (cells, 3, 10, 10));
  g_assert_cmpuint (((GArray *) g_ptr_array_index (cells, 4))->len, ==, 0);
}

/* Lambert-93's origin is 3° E, 46°30' N at (700 000, 6 600 000); Paris to
 * Marseille is 660.5 km on the ellipsoid, and the projection keeps
 * distances within a few per thousand. */
static void
test_lambert93 (void)
{
  double x, y, x1, y1, x2, y2;

  fid_lambert93_project (3.0, 46.5, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 700000, 0.01);
  g_assert_cmpfloat_with_epsilon (y, 6600000, 0.01);
  fid_lambert93_project (2.3522, 48.8566, &x1, &y1);
  fid_lambert93_project (5.3698, 43.2965, &x2, &y2);
  g_assert_cmpfloat_with_epsilon (hypot (x2 - x1, y2 - y1) / 1000, 660.5, 660.5 * 0.003);
  /* Paris lies west of the central meridian and north of the origin. */
  g_assert_cmpfloat (x1, <, 700000);
  g_assert_cmpfloat (y1, >, 6800000);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/geometry/hole", test_hole);
  g_test_add_func ("/geometry/edges", test_edges);
  g_test_add_func ("/geometry/ray-through-vertices", test_ray_through_vertices);
  g_test_add_func ("/geometry/multipolygon", test_multipolygon);
  g_test_add_func ("/geometry/serialize", test_serialize);
  g_test_add_func ("/geometry/voronoi-three", test_voronoi_three);
  g_test_add_func ("/geometry/voronoi-four", test_voronoi_four);
  g_test_add_func ("/geometry/lambert93", test_lambert93);
  return g_test_run ();
}
