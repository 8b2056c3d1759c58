/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-geojson.h"
#include "fid-store.h"

G_BEGIN_DECLS

/* Géomarketing (issue 13, data/sql/009-geo.sql): territory sets imported
 * from GeoJSON, the assignment of every customer with coordinates to the
 * territory holding them and to their nearest branch, and the figures per
 * territory and per branch the map shows. */

typedef struct
{
  gint64  customers;            /* customers with coordinates */
  gint64  in_territory;         /* … inside a territory of the set */
  gint64  without_coordinates;  /* not placed at all */
  double  seconds;              /* time the assignment took */
} FidGeoAssignStats;

/* Imports @territories (from fid_geojson_*) as the set @set_name (an
 * existing set of that name is replaced), makes it the current set and
 * assigns every customer to it, all in one transaction: on any error
 * nothing has changed. Audited ("geo_import"). */
gboolean    fid_store_geo_import             (FidStore           *self,
                                              const char         *set_name,
                                              const char         *source_file,
                                              const char         *name_property,
                                              const char         *code_property,
                                              GPtrArray          *territories,
                                              FidGeoAssignStats  *stats,
                                              GError            **error);

/* A customer outside every outline but within this distance of one is
 * placed in it (simplified outlines cut the coast). */
#define FID_GEO_SNAP_METRES 5000.0

/* Assigns every customer again (after customers moved or branches
 * changed): territory by point in polygon, candidates from the R*Tree of
 * bounding boxes; on a shared edge the territory with the smallest id
 * wins; outside every outline, the nearest within FID_GEO_SNAP_METRES.
 * Nearest branch and distance in Lambert-93 metres. */
gboolean    fid_store_geo_assign             (FidStore           *self,
                                              FidGeoAssignStats  *stats,
                                              GError            **error);

/* The current set's name, or NULL (without error) when none was imported. */
char       *fid_store_geo_dup_current_set    (FidStore           *self,
                                              GError            **error);

typedef enum
{
  FID_GEO_MEASURE_CUSTOMERS,
  FID_GEO_MEASURE_REVENUE,       /* sum of transaction amounts over the last 12 months */
  FID_GEO_MEASURE_PENETRATION,   /* share of the placed customers living there */
  FID_GEO_MEASURE_MEAN_MARGIN,   /* mean margin to date per customer */
  FID_GEO_MEASURE_SEGMENT,       /* share of the territory's customers in a segment */
} FidGeoMeasure;

typedef struct
{
  gint64       id;
  char        *code;
  char        *name;
  FidGeometry *geometry;        /* longitude, latitude */
  gint64       customers;
  gint64       revenue_cents;   /* last 12 months */
  gint64       margin_cents;    /* to date */
  double       penetration;     /* 0..1 */
  gint64       segment_customers;
} FidGeoTerritory;

void        fid_geo_territory_free           (FidGeoTerritory    *territory);
/* The value of @measure for @territory (cents for money, 0..1 for shares). */
double      fid_geo_territory_value          (const FidGeoTerritory *territory,
                                              FidGeoMeasure       measure);

/* The current set's territories (ordered by code) with their figures.
 * @segment: for FID_GEO_MEASURE_SEGMENT, the segment's key in the latest
 * snapshot of whichever scheme has it (NULL: segment figures left 0);
 * FID_STORE_ERROR_NOT_FOUND when no snapshot has that segment. Without a
 * current set, an empty array. */
GPtrArray  *fid_store_geo_list_territories   (FidStore           *self,
                                              const char         *segment,
                                              GError            **error);

typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
  double  longitude;
  double  latitude;
  gint64  customers;      /* its customers placed on the map */
  gint64  catchment;      /* customers for whom it is the nearest branch */
  gint64  own_in_cell;    /* its customers who live in its own cell */
} FidGeoBranch;

void        fid_geo_branch_free              (FidGeoBranch       *branch);
/* own_in_cell / customers, 0 without customers. */
double      fid_geo_branch_own_share         (const FidGeoBranch *branch);

/* Branches with coordinates and their catchment figures (from the last
 * assignment). */
GPtrArray  *fid_store_geo_list_branches      (FidStore           *self,
                                              GError            **error);

/* The ids (gint64) of the customers placed in territory @territory_id, by
 * name: what the map opens in the customer list. */
GArray     *fid_store_geo_list_customers     (FidStore           *self,
                                              gint64              territory_id,
                                              GError            **error);

/* The ids of the customers whose nearest branch is @branch_id (its
 * catchment area), by name. */
GArray     *fid_store_geo_list_catchment     (FidStore           *self,
                                              gint64              branch_id,
                                              GError            **error);

/* The segments of the latest snapshot of each scheme, for the map's
 * "share of a segment": NULL-terminated keys, with their schemes in
 * @schemes (same length; free both with g_strfreev). */
char      **fid_store_geo_list_segments      (FidStore           *self,
                                              char             ***schemes,
                                              GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidGeoTerritory, fid_geo_territory_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidGeoBranch, fid_geo_branch_free)

G_END_DECLS
