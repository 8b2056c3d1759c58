/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Dashboards plugin: the marketing and advisor dashboard pages, with
 * their PDF report, printing and presentation mode (issue 7). */

#include "config.h"

#include "fid-dashboards-addin.h"
#include "fid-plugin-util.h"
#include "fid-window-addin.h"

FID_PLUGIN_REGISTER (fid_dashboards_plugin_register_types)
{
  peas_object_module_register_extension_type (module,
                                              FID_TYPE_WINDOW_ADDIN,
                                              FID_TYPE_DASHBOARDS_ADDIN);
}
