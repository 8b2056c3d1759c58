/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Surveys plugin: the Surveys page (issue 6). */

#include "config.h"

#include "fid-plugin-util.h"
#include "fid-surveys-addin.h"
#include "fid-window-addin.h"

FID_PLUGIN_REGISTER (fid_surveys_plugin_register_types)
{
  peas_object_module_register_extension_type (module,
                                              FID_TYPE_WINDOW_ADDIN,
                                              FID_TYPE_SURVEYS_ADDIN);
}
