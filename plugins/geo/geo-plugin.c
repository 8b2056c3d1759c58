/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Map plugin (issue 13): the Map page. */

#include "config.h"

#include "fid-geo-addin.h"
#include "fid-plugin-util.h"
#include "fid-window-addin.h"

FID_PLUGIN_REGISTER (fid_geo_plugin_register_types)
{
  peas_object_module_register_extension_type (module,
                                              FID_TYPE_WINDOW_ADDIN,
                                              FID_TYPE_GEO_ADDIN);
}
