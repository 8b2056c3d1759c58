/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart-private.h"
#include "fid-map-chart.h"

G_BEGIN_DECLS

/* FidMapChart internals shared by fid-map-chart.c (data, view, elements)
 * and fid-map-chart-draw.c (fills, catchment, markers, legend). */

#define MARKER_RADIUS 4.5
#define HIT_MARKER 7.0

struct _FidMapChart
{
  FidChart          parent_instance;

  guint             n_territories;
  GPtrArray        *projected;    /* FidGeometry in metres */
  GArray           *boxes;        /* FidBBox of each, in metres */
  GArray           *labels_at;    /* FidPoint: interior point, in metres */
  char            **codes;
  char            **names;
  char            **details;
  double           *values;
  int              *classes;
  double            breaks[FID_MAP_N_CLASSES + 1];  /* class k: breaks[k]..breaks[k + 1] */
  gboolean          has_breaks;
  FidBBox           extent;       /* all territories, metres */
  double            median_width; /* of the territories' boxes, metres */
  char             *value_name;
  FidChartFormat    format;
  FidMapClassMethod method;

  guint             n_branches;
  GArray           *sites;        /* FidPoint, metres */
  char            **branch_names;
  char            **branch_details;
  GPtrArray        *cells;        /* GArray of FidPoint per branch */
  gboolean          show_catchment;

  double            zoom;
  double            centre_x;
  double            centre_y;
};


typedef struct
{
  double scale;   /* pixels per metre */
  double ox;      /* screen x of centre */
  double oy;
  double cx;      /* centre, metres */
  double cy;
} View;

/* Metres to the data area's pixels. */
static inline double
to_x (const View *v,
      double      x)
{
  return v->ox + (x - v->cx) * v->scale;
}

static inline double
to_y (const View *v,
      double      y)
{
  return v->oy - (y - v->cy) * v->scale;
}


/* 0xRRGGBB to a colour. */
void fid_map_chart_rgb             (guint32              value,
                                    GdkRGBA             *color);
/* Adds every ring of @geometry (metres) to @cr's path. */
void fid_map_chart_path            (cairo_t             *cr,
                                    const View          *view,
                                    const FidGeometry   *geometry);
void fid_map_chart_draw_catchment  (FidMapChart         *self,
                                    cairo_t             *cr,
                                    const View          *view,
                                    const FidChartStyle *style);
void fid_map_chart_draw_branches   (FidMapChart         *self,
                                    cairo_t             *cr,
                                    const View          *view,
                                    const FidChartStyle *style);
void fid_map_chart_draw_legend     (FidMapChart         *self,
                                    cairo_t             *cr,
                                    const FidChartStyle *style,
                                    double               width,
                                    double               height);

G_END_DECLS
