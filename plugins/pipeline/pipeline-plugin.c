/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Pipeline plugin (issue 10): the sales pipeline's page. */

#include "config.h"

#include "fid-pipeline-addin.h"
#include "fid-plugin-util.h"
#include "fid-window-addin.h"

FID_PLUGIN_REGISTER (fid_pipeline_plugin_register_types)
{
  peas_object_module_register_extension_type (module,
                                              FID_TYPE_WINDOW_ADDIN,
                                              FID_TYPE_PIPELINE_ADDIN);
}
