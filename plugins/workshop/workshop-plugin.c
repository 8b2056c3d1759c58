/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Workshop plugin: live surveys answered from the class's phones
 * (issue 12). */

#include "config.h"

#include "fid-plugin-util.h"
#include "fid-window-addin.h"
#include "fid-workshop-addin.h"

FID_PLUGIN_REGISTER (fid_workshop_plugin_register_types)
{
  peas_object_module_register_extension_type (module,
                                              FID_TYPE_WINDOW_ADDIN,
                                              FID_TYPE_WORKSHOP_ADDIN);
}
