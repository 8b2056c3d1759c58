/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Loyalty plugin (issue 14): the loyalty programme's dashboard page. */

#include "config.h"

#include "fid-loyalty-addin.h"
#include "fid-plugin-util.h"
#include "fid-window-addin.h"

FID_PLUGIN_REGISTER (fid_loyalty_plugin_register_types)
{
  peas_object_module_register_extension_type (module,
                                              FID_TYPE_WINDOW_ADDIN,
                                              FID_TYPE_LOYALTY_ADDIN);
}
