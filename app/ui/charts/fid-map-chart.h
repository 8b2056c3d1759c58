/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart.h"
#include "fid-geometry.h"

G_BEGIN_DECLS

/* FidMapChart: a choropleth of territories (outlines in longitude and
 * latitude, drawn in Lambert-93 and fitted to the chart), in five classes
 * of a colour-blind-safe sequential blue scale, with a legend; branches
 * as markers and, optionally, their Voronoi catchment cells clipped to
 * the territories' outline.
 *
 * Elements: territory i is element i, branch j is element
 * n_territories + j. The pointer over a territory shows its name, value
 * and details; a click activates it. The view (zoom, centre) is the
 * chart's, so an export shows what the screen shows. */

#define FID_TYPE_MAP_CHART (fid_map_chart_get_type ())

G_DECLARE_FINAL_TYPE (FidMapChart, fid_map_chart, FID, MAP_CHART, FidChart)

#define FID_MAP_N_CLASSES 5

typedef enum
{
  FID_MAP_CLASSES_QUANTILES,   /* as many territories in each class */
  FID_MAP_CLASSES_EQUAL_STEPS, /* classes of equal width from min to max */
} FidMapClassMethod;

FidChart *fid_map_chart_new               (void);

/* @outlines: n geometries in degrees (x = longitude); @codes: the short
 * labels drawn inside territories wide enough on screen; @values NAN: no
 * data (drawn grey). @details: NULL or n texts added to each tooltip. */
void      fid_map_chart_set_territories   (FidMapChart        *self,
                                           guint               n,
                                           FidGeometry * const *outlines,
                                           const char * const *codes,
                                           const char * const *names,
                                           const double       *values,
                                           const char * const *details);
/* What the colour means ("Revenue, last 12 months") and how it is written. */
void      fid_map_chart_set_value_name    (FidMapChart        *self,
                                           const char         *value_name,
                                           FidChartFormat      format);
void      fid_map_chart_set_class_method  (FidMapChart        *self,
                                           FidMapClassMethod   method);
FidMapClassMethod fid_map_chart_get_class_method (FidMapChart  *self);

/* Branches at (@longitudes, @latitudes); @details: tooltip texts or NULL. */
void      fid_map_chart_set_branches      (FidMapChart        *self,
                                           guint               n,
                                           const double       *longitudes,
                                           const double       *latitudes,
                                           const char * const *names,
                                           const char * const *details);
void      fid_map_chart_set_show_catchment (FidMapChart       *self,
                                            gboolean           show);
gboolean  fid_map_chart_get_show_catchment (FidMapChart       *self);

/* Territory @index's class, 0 (lightest) .. FID_MAP_N_CLASSES − 1
 * (darkest), or -1 without data. */
int       fid_map_chart_get_class         (FidMapChart        *self,
                                           guint               index);
/* The fill of class @klass (for tests and the legend). */
void      fid_map_chart_get_class_color   (guint               klass,
                                           GdkRGBA            *color);
/* Where territory @index's interior point falls in a chart's data area of
 * @width × @height (the area under the title), for tests. */
gboolean  fid_map_chart_get_territory_point (FidMapChart      *self,
                                             guint             index,
                                             double            width,
                                             double            height,
                                             double           *x,
                                             double           *y);

/* The view. Zoom 1 fits every territory; pan and zoom-at take screen
 * pixels of a data area of @width × @height. */
void      fid_map_chart_zoom_at           (FidMapChart        *self,
                                           double              factor,
                                           double              x,
                                           double              y,
                                           double              width,
                                           double              height);
void      fid_map_chart_pan               (FidMapChart        *self,
                                           double              dx,
                                           double              dy,
                                           double              width,
                                           double              height);
void      fid_map_chart_reset_view        (FidMapChart        *self);
double    fid_map_chart_get_zoom          (FidMapChart        *self);

G_END_DECLS
