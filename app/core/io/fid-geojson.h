/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fid-geometry.h"

G_BEGIN_DECLS

/* Territories from a GeoJSON file (RFC 7946: WGS 84 degrees, longitude
 * first), validated completely before anything is returned: the first
 * problem found is an error naming the feature (counted from 1, as a
 * person would) and nothing is imported. */

#define FID_GEOJSON_ERROR (fid_geojson_error_quark ())
GQuark fid_geojson_error_quark (void);

typedef enum
{
  FID_GEOJSON_ERROR_TOO_LARGE,          /* file or positions over the limits */
  FID_GEOJSON_ERROR_SYNTAX,             /* not JSON */
  FID_GEOJSON_ERROR_NOT_FEATURES,       /* not a FeatureCollection (or Feature), or empty */
  FID_GEOJSON_ERROR_GEOMETRY_TYPE,      /* not a Polygon or MultiPolygon */
  FID_GEOJSON_ERROR_BAD_COORDINATES,    /* malformed position arrays */
  FID_GEOJSON_ERROR_RING_TOO_SHORT,     /* fewer than 4 positions */
  FID_GEOJSON_ERROR_RING_NOT_CLOSED,    /* last position ≠ first */
  FID_GEOJSON_ERROR_OUT_OF_RANGE,       /* |longitude| > 180 or |latitude| > 90 */
  FID_GEOJSON_ERROR_SWAPPED,            /* latitude, longitude order (France heuristic) */
  FID_GEOJSON_ERROR_MISSING_PROPERTY,   /* no name or code */
  FID_GEOJSON_ERROR_DUPLICATE_CODE,
} FidGeojsonError;

/* A file over this is refused before it is read (the 96 départements
 * take 0.6 MB; a detailed communes file some 60 MB). */
#define FID_GEOJSON_MAX_BYTES (64 * 1024 * 1024)
/* Positions in the whole file: what the map can still draw smoothly. */
#define FID_GEOJSON_MAX_POSITIONS 2000000

typedef struct
{
  char        *code;
  char        *name;
  FidGeometry *geometry;   /* x = longitude, y = latitude */
} FidTerritory;

void          fid_territory_free            (FidTerritory *territory);

/* Parses @data. @name_property and @code_property: the feature
 * properties holding each territory's name and code (strings or
 * integers). Returns a GPtrArray of FidTerritory in file order. */
GPtrArray    *fid_geojson_parse_territories (const char   *data,
                                             gsize         length,
                                             const char   *name_property,
                                             const char   *code_property,
                                             GError      **error);
/* The same from a file, refused without reading it when it is larger
 * than FID_GEOJSON_MAX_BYTES. */
GPtrArray    *fid_geojson_load_territories  (GFile        *file,
                                             const char   *name_property,
                                             const char   *code_property,
                                             GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidTerritory, fid_territory_free)

G_END_DECLS
