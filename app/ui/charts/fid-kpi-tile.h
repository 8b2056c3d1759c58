/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart.h"

G_BEGIN_DECLS

/* FidKpiTile: a key figure — its label (the chart's title), its value as
 * text, and its change against the previous period: an arrow up or down,
 * green when the change is for the better, red when for the worse (with
 * "higher-is-better" FALSE, for churn or complaints, a rise is red).
 * One element: the tile, so a click can open what is behind it. */

#define FID_TYPE_KPI_TILE (fid_kpi_tile_get_type ())

G_DECLARE_FINAL_TYPE (FidKpiTile, fid_kpi_tile, FID, KPI_TILE, FidChart)

FidChart   *fid_kpi_tile_new                  (const char *label);
/* @value_text: the figure as the page formats it ("1.2 M€"); NULL: no data. */
void        fid_kpi_tile_set_value            (FidKpiTile *self,
                                               const char *value_text);
const char *fid_kpi_tile_get_value            (FidKpiTile *self);
/* @change: relative (0.052 for +5.2 %), or with change-in-points the
 * difference of two rates (0.015 for +1.5 pts); NAN: no comparison. */
void        fid_kpi_tile_set_change           (FidKpiTile *self,
                                               double      change);
double      fid_kpi_tile_get_change           (FidKpiTile *self);
void        fid_kpi_tile_set_higher_is_better (FidKpiTile *self,
                                               gboolean    higher_is_better);
gboolean    fid_kpi_tile_get_higher_is_better (FidKpiTile *self);
/* The change of a rate (retention, a share, NPS) in percentage points. */
void        fid_kpi_tile_set_change_in_points (FidKpiTile *self,
                                               gboolean    in_points);
/* What the change compares with (default "vs previous period"). */
void        fid_kpi_tile_set_change_caption   (FidKpiTile *self,
                                               const char *caption);

G_END_DECLS
