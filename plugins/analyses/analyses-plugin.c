/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Analyses plugin: hosts the analysis plugins in every window. */

#include "config.h"

#include "fid-analyses-addin.h"
#include "fid-plugin-util.h"
#include "fid-window-addin.h"

FID_PLUGIN_REGISTER (fid_analyses_plugin_register_types)
{
  peas_object_module_register_extension_type (module, FID_TYPE_WINDOW_ADDIN, FID_TYPE_ANALYSES_ADDIN);
}
