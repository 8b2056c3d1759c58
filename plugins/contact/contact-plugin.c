/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Contact Centre plugin: hosts the channel plugins in every window. */

#include "config.h"

#include "fid-contact-addin.h"
#include "fid-plugin-util.h"
#include "fid-window-addin.h"

FID_PLUGIN_REGISTER (fid_contact_plugin_register_types)
{
  peas_object_module_register_extension_type (module,
                                              FID_TYPE_WINDOW_ADDIN,
                                              FID_TYPE_CONTACT_ADDIN);
}
