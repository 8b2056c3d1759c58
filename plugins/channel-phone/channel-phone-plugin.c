/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The phone channel plugin. */

#include "config.h"

#include "fid-channel.h"
#include "fid-phone-channel.h"
#include "fid-plugin-util.h"

FID_PLUGIN_REGISTER (fid_channel_phone_plugin_register_types)
{
  peas_object_module_register_extension_type (module, FID_TYPE_CHANNEL, FID_TYPE_PHONE_CHANNEL);
}
