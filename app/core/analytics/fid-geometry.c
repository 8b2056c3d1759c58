/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidGeometry: multipolygons, point location, Voronoi cells by half-plane
 * clipping, and the Lambert-93 projection. Plain arithmetic, no I/O: the
 * GeoJSON parser (fid-geojson.c) builds geometries, the store
 * (fid-store-geo.c) keeps them serialized and the map chart draws them. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fid-geometry.h"

typedef struct
{
  guint first_ring;   /* index into rings */
  guint n_rings;
} Polygon;

typedef struct
{
  guint first_point;  /* index into points */
  guint n_points;
} Ring;

struct _FidGeometry
{
  gatomicrefcount ref_count;
  GArray *points;    /* FidPoint */
  GArray *rings;     /* Ring */
  GArray *polygons;  /* Polygon */
};

G_DEFINE_BOXED_TYPE (FidGeometry, fid_geometry, fid_geometry_ref, fid_geometry_unref)

FidGeometry *
fid_geometry_new (void)
{
  FidGeometry *self = g_new0 (FidGeometry, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->points = g_array_new (FALSE, FALSE, sizeof (FidPoint));
  self->rings = g_array_new (FALSE, FALSE, sizeof (Ring));
  self->polygons = g_array_new (FALSE, FALSE, sizeof (Polygon));
  return self;
}

FidGeometry *
fid_geometry_ref (FidGeometry *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
fid_geometry_unref (FidGeometry *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->points);
  g_array_unref (self->rings);
  g_array_unref (self->polygons);
  g_free (self);
}

void
fid_geometry_begin_polygon (FidGeometry *self)
{
  Polygon polygon = { self->rings->len, 0 };

  g_array_append_val (self->polygons, polygon);
}

void
fid_geometry_add_ring (FidGeometry    *self,
                       const FidPoint *points,
                       guint           n_points)
{
  Ring ring = { self->points->len, n_points };

  g_return_if_fail (n_points >= 3);
  if (self->polygons->len == 0)
    fid_geometry_begin_polygon (self);
  g_array_append_vals (self->points, points, n_points);
  g_array_append_val (self->rings, ring);
  g_array_index (self->polygons, Polygon, self->polygons->len - 1).n_rings++;
}

guint
fid_geometry_get_n_polygons (const FidGeometry *self)
{
  return self->polygons->len;
}

guint
fid_geometry_get_n_rings (const FidGeometry *self,
                          guint              polygon)
{
  g_return_val_if_fail (polygon < self->polygons->len, 0);
  return g_array_index (self->polygons, Polygon, polygon).n_rings;
}

const FidPoint *
fid_geometry_get_ring (const FidGeometry *self,
                       guint              polygon,
                       guint              ring,
                       guint             *n_points)
{
  const Polygon *p;
  const Ring *r;

  g_return_val_if_fail (polygon < self->polygons->len, NULL);
  p = &g_array_index (self->polygons, Polygon, polygon);
  g_return_val_if_fail (ring < p->n_rings, NULL);
  r = &g_array_index (self->rings, Ring, p->first_ring + ring);
  *n_points = r->n_points;
  return &g_array_index (self->points, FidPoint, r->first_point);
}

guint
fid_geometry_get_n_points (const FidGeometry *self)
{
  return self->points->len;
}

gboolean
fid_geometry_is_empty (const FidGeometry *self)
{
  return self->points->len == 0;
}

FidBBox
fid_geometry_get_bbox (const FidGeometry *self)
{
  FidBBox box = { INFINITY, INFINITY, -INFINITY, -INFINITY };

  for (guint i = 0; i < self->points->len; i++)
    {
      const FidPoint *p = &g_array_index (self->points, FidPoint, i);

      box.min_x = MIN (box.min_x, p->x);
      box.min_y = MIN (box.min_y, p->y);
      box.max_x = MAX (box.max_x, p->x);
      box.max_y = MAX (box.max_y, p->y);
    }
  return box;
}

gboolean
fid_bbox_contains (const FidBBox *box,
                   double         x,
                   double         y)
{
  return x >= box->min_x && x <= box->max_x && y >= box->min_y && y <= box->max_y;
}

void
fid_bbox_union (FidBBox       *box,
                const FidBBox *other)
{
  box->min_x = MIN (box->min_x, other->min_x);
  box->min_y = MIN (box->min_y, other->min_y);
  box->max_x = MAX (box->max_x, other->max_x);
  box->max_y = MAX (box->max_y, other->max_y);
}

/* Crossing number with the half-open rule (an edge counts when one end is
 * strictly above y and the other not), after an exact on-segment test: the
 * boundary is reported as such rather than falling to either side by
 * rounding. */
FidPointLocation
fid_ring_locate (const FidPoint *points,
                 guint           n_points,
                 double          x,
                 double          y)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
    {
      const FidPoint *a = &points[j];
      const FidPoint *b = &points[i];
      double cross = (b->x - a->x) * (y - a->y) - (b->y - a->y) * (x - a->x);

      if (cross == 0.0
          && x >= MIN (a->x, b->x) && x <= MAX (a->x, b->x)
          && y >= MIN (a->y, b->y) && y <= MAX (a->y, b->y))
        return FID_POINT_ON_BOUNDARY;
      if ((a->y > y) != (b->y > y))
        {
          double cx = a->x + (y - a->y) * (b->x - a->x) / (b->y - a->y);

          if (x < cx)
            inside = !inside;
        }
    }
  return inside ? FID_POINT_INSIDE : FID_POINT_OUTSIDE;
}

static FidPointLocation
polygon_locate (const FidGeometry *self,
                const Polygon     *polygon,
                double             x,
                double             y)
{
  FidPointLocation where = FID_POINT_OUTSIDE;

  for (guint r = 0; r < polygon->n_rings; r++)
    {
      const Ring *ring = &g_array_index (self->rings, Ring, polygon->first_ring + r);
      const FidPoint *points = &g_array_index (self->points, FidPoint, ring->first_point);
      FidPointLocation in_ring = fid_ring_locate (points, ring->n_points, x, y);

      if (in_ring == FID_POINT_ON_BOUNDARY)
        return FID_POINT_ON_BOUNDARY;
      if (r == 0)
        {
          if (in_ring == FID_POINT_OUTSIDE)
            return FID_POINT_OUTSIDE;
          where = FID_POINT_INSIDE;
        }
      else if (in_ring == FID_POINT_INSIDE)
        where = FID_POINT_OUTSIDE;  /* in a hole; keep looking for its edge */
    }
  return where;
}

FidPointLocation
fid_geometry_locate (const FidGeometry *self,
                     double             x,
                     double             y)
{
  FidPointLocation where = FID_POINT_OUTSIDE;

  for (guint p = 0; p < self->polygons->len; p++)
    {
      FidPointLocation in_polygon = polygon_locate (self, &g_array_index (self->polygons, Polygon, p), x, y);

      if (in_polygon == FID_POINT_ON_BOUNDARY)
        return FID_POINT_ON_BOUNDARY;
      if (in_polygon == FID_POINT_INSIDE)
        where = FID_POINT_INSIDE;
    }
  return where;
}

gboolean
fid_geometry_contains (const FidGeometry *self,
                       double             x,
                       double             y)
{
  return fid_geometry_locate (self, x, y) != FID_POINT_OUTSIDE;
}

double
fid_geometry_boundary_distance (const FidGeometry *self,
                                double             x,
                                double             y,
                                double             x_scale,
                                double             y_scale)
{
  double best = INFINITY;

  for (guint r = 0; r < self->rings->len; r++)
    {
      const Ring *ring = &g_array_index (self->rings, Ring, r);
      const FidPoint *pts = &g_array_index (self->points, FidPoint, ring->first_point);

      for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
        {
          /* In the scaled plane, with the point at the origin. */
          double ax = (pts[j].x - x) * x_scale, ay = (pts[j].y - y) * y_scale;
          double bx = (pts[i].x - x) * x_scale, by = (pts[i].y - y) * y_scale;
          double dx = bx - ax, dy = by - ay;
          double len2 = dx * dx + dy * dy;
          double t = len2 > 0 ? CLAMP (-(ax * dx + ay * dy) / len2, 0, 1) : 0;

          best = MIN (best, hypot (ax + t * dx, ay + t * dy));
        }
    }
  return best;
}

double
fid_ring_signed_area (const FidPoint *points,
                      guint           n_points)
{
  double sum = 0;

  for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
    sum += points[j].x * points[i].y - points[i].x * points[j].y;
  return sum / 2;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

gboolean
fid_geometry_interior_point (const FidGeometry *self,
                             guint              polygon,
                             FidPoint          *point)
{
  const Polygon *p;
  double min_y = INFINITY, max_y = -INFINITY, y, best = -1;
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  guint n;
  const FidPoint *outer;

  g_return_val_if_fail (polygon < self->polygons->len, FALSE);
  p = &g_array_index (self->polygons, Polygon, polygon);
  outer = fid_geometry_get_ring (self, polygon, 0, &n);
  for (guint i = 0; i < n; i++)
    {
      min_y = MIN (min_y, outer[i].y);
      max_y = MAX (max_y, outer[i].y);
    }
  /* Slightly off the middle, so the line rarely runs through a vertex. */
  y = min_y + (max_y - min_y) * 0.5001;
  for (guint r = 0; r < p->n_rings; r++)
    {
      const FidPoint *pts = fid_geometry_get_ring (self, polygon, r, &n);

      for (guint i = 0, j = n - 1; i < n; j = i++)
        if ((pts[j].y > y) != (pts[i].y > y))
          {
            double x = pts[j].x + (y - pts[j].y) * (pts[i].x - pts[j].x) / (pts[i].y - pts[j].y);

            g_array_append_val (xs, x);
          }
    }
  g_array_sort (xs, compare_doubles);
  for (guint i = 0; i + 1 < xs->len; i += 2)
    {
      double x0 = g_array_index (xs, double, i), x1 = g_array_index (xs, double, i + 1);

      if (x1 - x0 > best)
        {
          best = x1 - x0;
          point->x = (x0 + x1) / 2;
          point->y = y;
        }
    }
  return best > 0;
}

FidGeometry *
fid_geometry_transform (const FidGeometry *self,
                        FidPointFunc       func)
{
  FidGeometry *copy = fid_geometry_new ();

  g_array_append_vals (copy->rings, self->rings->data, self->rings->len);
  g_array_append_vals (copy->polygons, self->polygons->data, self->polygons->len);
  g_array_set_size (copy->points, self->points->len);
  for (guint i = 0; i < self->points->len; i++)
    {
      const FidPoint *p = &g_array_index (self->points, FidPoint, i);
      FidPoint *q = &g_array_index (copy->points, FidPoint, i);

      func (p->x, p->y, &q->x, &q->y);
    }
  return copy;
}

/* Serialization ---------------------------------------------------------- */

#define MAGIC "FGE1"
#define SCALE 1e7

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  guint32 le = GUINT32_TO_LE (value);

  g_byte_array_append (out, (const guint8 *) &le, 4);
}

GBytes *
fid_geometry_serialize (const FidGeometry *self)
{
  GByteArray *out = g_byte_array_sized_new (16 + self->rings->len * 4 + self->points->len * 8);

  g_byte_array_append (out, (const guint8 *) MAGIC, 4);
  put_u32 (out, self->polygons->len);
  for (guint p = 0; p < self->polygons->len; p++)
    {
      const Polygon *polygon = &g_array_index (self->polygons, Polygon, p);

      put_u32 (out, polygon->n_rings);
      for (guint r = 0; r < polygon->n_rings; r++)
        put_u32 (out, g_array_index (self->rings, Ring, polygon->first_ring + r).n_points);
    }
  for (guint i = 0; i < self->points->len; i++)
    {
      const FidPoint *pt = &g_array_index (self->points, FidPoint, i);

      put_u32 (out, (guint32) (gint32) lround (pt->x * SCALE));
      put_u32 (out, (guint32) (gint32) lround (pt->y * SCALE));
    }
  return g_byte_array_free_to_bytes (out);
}

typedef struct
{
  const guint8 *data;
  gsize size;
  gsize at;
} Reader;

static gboolean
get_u32 (Reader  *reader,
         guint32 *value)
{
  guint32 le;

  if (reader->size - reader->at < 4)
    return FALSE;
  memcpy (&le, reader->data + reader->at, 4);
  reader->at += 4;
  *value = GUINT32_FROM_LE (le);
  return TRUE;
}

FidGeometry *
fid_geometry_deserialize (const guint8 *data,
                          gsize         size)
{
  Reader reader = { data, size, 4 };
  g_autoptr(FidGeometry) self = fid_geometry_new ();
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 n_polygons, total = 0;
  guint c = 0;

  if (data == NULL || size < 8 || memcmp (data, MAGIC, 4) != 0 || !get_u32 (&reader, &n_polygons))
    return NULL;
  for (guint32 p = 0; p < n_polygons; p++)
    {
      guint32 n_rings;

      if (!get_u32 (&reader, &n_rings) || n_rings == 0)
        return NULL;
      for (guint32 r = 0; r < n_rings; r++)
        {
          guint32 n;

          if (!get_u32 (&reader, &n) || n < 3 || n > (size / 8))
            return NULL;
          g_array_append_val (counts, n);
          total += n;
        }
      g_array_append_val (counts, (guint32) { 0 });  /* end of polygon */
    }
  if ((reader.size - reader.at) != (gsize) total * 8)
    return NULL;
  for (guint32 p = 0; p < n_polygons; p++)
    {
      fid_geometry_begin_polygon (self);
      for (guint32 n; (n = g_array_index (counts, guint32, c++)) != 0;)
        {
          g_autofree FidPoint *points = g_new (FidPoint, n);

          for (guint32 i = 0; i < n; i++)
            {
              guint32 x = 0, y = 0;

              get_u32 (&reader, &x);
              get_u32 (&reader, &y);
              points[i].x = (gint32) x / SCALE;
              points[i].y = (gint32) y / SCALE;
            }
          fid_geometry_add_ring (self, points, n);
        }
    }
  return g_steal_pointer (&self);
}

/* Voronoi ---------------------------------------------------------------- */

GArray *
fid_clip_half_plane (const FidPoint *poly,
                     guint           n,
                     double          a,
                     double          b,
                     double          c)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (FidPoint), n + 1);

  for (guint i = 0; i < n; i++)
    {
      const FidPoint *p = &poly[i];
      const FidPoint *q = &poly[(i + 1) % n];
      double fp = a * p->x + b * p->y - c;
      double fq = a * q->x + b * q->y - c;

      if (fp <= 0)
        g_array_append_val (out, *p);
      if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0))
        {
          double t = fp / (fp - fq);
          FidPoint cut = { p->x + t * (q->x - p->x), p->y + t * (q->y - p->y) };

          g_array_append_val (out, cut);
        }
    }
  return out;
}

GPtrArray *
fid_voronoi_cells (const FidPoint *sites,
                   guint           n_sites,
                   const FidPoint *bounds,
                   guint           n_bounds)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n_sites; i++)
    {
      GArray *cell = g_array_new (FALSE, FALSE, sizeof (FidPoint));
      const FidPoint *si = &sites[i];

      g_array_append_vals (cell, bounds, n_bounds);
      for (guint j = 0; j < n_sites && cell->len > 0; j++)
        {
          const FidPoint *sj = &sites[j];
          GArray *clipped;

          if (j == i)
            continue;
          if (sj->x == si->x && sj->y == si->y)
            {
              /* A second branch at the same place: the first one keeps the
               * cell, the later one gets none. */
              if (j < i)
                g_array_set_size (cell, 0);
              continue;
            }
          /* |p − si|² ≤ |p − sj|²  ⇔  2 (sj − si)·p ≤ |sj|² − |si|² */
          clipped = fid_clip_half_plane ((const FidPoint *) (gpointer) cell->data, cell->len,
                                         2 * (sj->x - si->x), 2 * (sj->y - si->y),
                                         sj->x * sj->x + sj->y * sj->y - si->x * si->x - si->y * si->y);
          g_array_unref (cell);
          cell = clipped;
        }
      if (cell->len < 3)
        g_array_set_size (cell, 0);
      g_ptr_array_add (cells, cell);
    }
  return cells;
}

/* Lambert-93 ------------------------------------------------------------- */

/* IGN's constants for Lambert-93 (RGF93, ellipsoid IAG GRS 1980). */
#define L93_E   0.0818191910428158   /* first eccentricity */
#define L93_N   0.7256077650532670   /* cone constant */
#define L93_C   11754255.4260960     /* projection constant, m */
#define L93_XS  700000.0             /* false easting of the pole, m */
#define L93_YS  12655612.0499        /* false northing of the pole, m */
#define L93_LON0 3.0                 /* central meridian, degrees east of Greenwich */

void
fid_lambert93_project (double  longitude,
                       double  latitude,
                       double *x,
                       double *y)
{
  double phi = latitude * G_PI / 180.0;
  double e_sin = L93_E * sin (phi);
  /* Isometric latitude (IGN ALG0001). */
  double iso = log (tan (G_PI / 4 + phi / 2) * pow ((1 - e_sin) / (1 + e_sin), L93_E / 2));
  double r = L93_C * exp (-L93_N * iso);
  double gamma = L93_N * (longitude - L93_LON0) * G_PI / 180.0;

  *x = L93_XS + r * sin (gamma);
  *y = L93_YS - r * cos (gamma);
}
