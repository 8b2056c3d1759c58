/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* FidGeometry: a multipolygon in plane coordinates (x = longitude, y =
 * latitude for territories, or metres once projected). Each polygon is an
 * outer ring followed by its holes; rings are stored without the closing
 * point (GeoJSON repeats the first position at the end; the parser checks
 * and drops it).
 *
 * The rule for points on an edge: a polygon is a CLOSED set. A point on
 * any ring (outer or hole) is on the boundary, and the boundary belongs to
 * the polygon: fid_geometry_contains() is TRUE there. A point on the edge
 * two territories share is therefore in both; the store settles that by
 * taking the territory with the smallest id (fid-store-geo.c), so the
 * assignment stays deterministic. */

typedef struct
{
  double x;
  double y;
} FidPoint;

typedef struct
{
  double min_x;
  double min_y;
  double max_x;
  double max_y;
} FidBBox;

typedef enum
{
  FID_POINT_OUTSIDE,
  FID_POINT_INSIDE,
  FID_POINT_ON_BOUNDARY,
} FidPointLocation;

typedef struct _FidGeometry FidGeometry;

#define FID_TYPE_GEOMETRY (fid_geometry_get_type ())
GType             fid_geometry_get_type        (void) G_GNUC_CONST;

FidGeometry      *fid_geometry_new             (void);
FidGeometry      *fid_geometry_ref             (FidGeometry      *self);
void              fid_geometry_unref           (FidGeometry      *self);

/* Starts a new polygon: the next ring added is its outer ring, the ones
 * after it its holes. */
void              fid_geometry_begin_polygon   (FidGeometry      *self);
/* Adds a ring of @n_points (at least 3, without the closing point) to the
 * current polygon (one is begun if there is none). */
void              fid_geometry_add_ring        (FidGeometry      *self,
                                                const FidPoint   *points,
                                                guint             n_points);

guint             fid_geometry_get_n_polygons  (const FidGeometry *self);
guint             fid_geometry_get_n_rings     (const FidGeometry *self,
                                                guint             polygon);
/* Ring @ring of polygon @polygon (0: the outer ring); @n_points set. */
const FidPoint   *fid_geometry_get_ring        (const FidGeometry *self,
                                                guint             polygon,
                                                guint             ring,
                                                guint            *n_points);
guint             fid_geometry_get_n_points    (const FidGeometry *self);
gboolean          fid_geometry_is_empty        (const FidGeometry *self);

FidBBox           fid_geometry_get_bbox        (const FidGeometry *self);
gboolean          fid_bbox_contains            (const FidBBox    *box,
                                                double            x,
                                                double            y);
/* Grows @box to take in @other. */
void              fid_bbox_union               (FidBBox          *box,
                                                const FidBBox    *other);

/* Where (@x, @y) lies against one ring, a polygon (outer ring minus its
 * holes) or the whole geometry. */
FidPointLocation  fid_ring_locate              (const FidPoint   *points,
                                                guint             n_points,
                                                double            x,
                                                double            y);
FidPointLocation  fid_geometry_locate          (const FidGeometry *self,
                                                double            x,
                                                double            y);
/* Inside or on the boundary (the closed-set rule above). */
gboolean          fid_geometry_contains        (const FidGeometry *self,
                                                double            x,
                                                double            y);

/* The distance from (@x, @y) to the nearest edge of any ring, with x
 * differences multiplied by @x_scale and y differences by @y_scale first
 * (degrees to local metres: 111 320 × cos latitude and 110 540). */
double            fid_geometry_boundary_distance (const FidGeometry *self,
                                                  double            x,
                                                  double            y,
                                                  double            x_scale,
                                                  double            y_scale);

/* Signed area of a ring (positive when counter-clockwise, y up). */
double            fid_ring_signed_area         (const FidPoint   *points,
                                                guint             n_points);
/* A point surely inside polygon @polygon (for labels and tests): the
 * middle of the widest inside stretch of the horizontal line through the
 * outer ring's vertical middle. */
gboolean          fid_geometry_interior_point  (const FidGeometry *self,
                                                guint             polygon,
                                                FidPoint         *point);

/* A copy with every point mapped through @func (a projection). */
typedef void (*FidPointFunc) (double  x,
                              double  y,
                              double *out_x,
                              double *out_y);
FidGeometry      *fid_geometry_transform       (const FidGeometry *self,
                                                FidPointFunc      func);

/* Compact storage: points as 32-bit integers of 1e-7 units (a centimetre
 * for degrees), little-endian, behind a "FGE1" header. Only for
 * coordinates within ±214 (degrees). */
GBytes           *fid_geometry_serialize       (const FidGeometry *self);
FidGeometry      *fid_geometry_deserialize     (const guint8     *data,
                                                gsize             size);

/* Voronoi cells of @n_sites sites by half-plane clipping: cell i is
 * @bounds (a convex polygon, counter-clockwise, without closing point)
 * cut by the half-plane nearer site i than site j, for every j ≠ i.
 * O(n² × cell size): meant for tens to a few hundred branches. Returns
 * @n_sites arrays of FidPoint (counter-clockwise; empty when a site
 * duplicates an earlier one or lies outside @bounds' reach). */
GPtrArray        *fid_voronoi_cells            (const FidPoint   *sites,
                                                guint             n_sites,
                                                const FidPoint   *bounds,
                                                guint             n_bounds);
/* Clips convex-or-not polygon @poly by the half-plane a·x + b·y ≤ c
 * (Sutherland–Hodgman). Returns a new array of FidPoint. */
GArray           *fid_clip_half_plane          (const FidPoint   *poly,
                                                guint             n,
                                                double            a,
                                                double            b,
                                                double            c);

/* Lambert-93 (EPSG:2154, RGF93 / GRS80), the official conformal conic
 * projection of metropolitan France, with the constants IGN publishes
 * (notice NTG_71 / ALG0003): from degrees to metres. Chosen over Web
 * Mercator because its scale error over France stays within about
 * ±0.3 %, where Web Mercator's grows by 18 % from Perpignan to Dunkirk:
 * distances to branches and the Voronoi cells are then honest. */
void              fid_lambert93_project        (double            longitude,
                                                double            latitude,
                                                double           *x,
                                                double           *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidGeometry, fid_geometry_unref)

G_END_DECLS
