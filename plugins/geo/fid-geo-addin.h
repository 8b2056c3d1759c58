/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* FidGeoAddin: adds the Map page to a window. */

#define FID_TYPE_GEO_ADDIN (fid_geo_addin_get_type ())

G_DECLARE_FINAL_TYPE (FidGeoAddin, fid_geo_addin, FID, GEO_ADDIN, GObject)

G_END_DECLS
