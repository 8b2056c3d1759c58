/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-map-chart.h"
#include "fid-store.h"

G_BEGIN_DECLS

/* FidGeoPage: the Map page. A measure and a class method over the map of
 * the current territories, the branches and their catchment areas, and
 * each branch's figures beside it. A click on a territory (or a branch)
 * opens its customers in the customer list. */

#define FID_TYPE_GEO_PAGE (fid_geo_page_get_type ())

G_DECLARE_FINAL_TYPE (FidGeoPage, fid_geo_page, FID, GEO_PAGE, AdwBin)

GtkWidget   *fid_geo_page_new        (void);
void         fid_geo_page_set_store  (FidGeoPage *self,
                                      FidStore   *store);
/* Reads the territories and figures again; on a hidden page, when it is
 * next shown. */
void         fid_geo_page_reload     (FidGeoPage *self);
/* Whether the figures are being read (in a thread) after a reload or a
 * change of measure. */
gboolean     fid_geo_page_is_loading (FidGeoPage *self);
FidStore    *fid_geo_page_get_store  (FidGeoPage *self);
/* For tests: the map. */
FidMapChart *fid_geo_page_get_chart  (FidGeoPage *self);

/* fid-geo-import.c: asks for a GeoJSON file and its properties, imports it
 * in a worker thread (its own connection), then reloads the page. */
void         fid_geo_page_import     (FidGeoPage *self);
/* Tells the page how the import ended (a toast), and reloads it. */
void         _fid_geo_page_imported  (FidGeoPage   *self,
                                      const char   *message);

G_END_DECLS
