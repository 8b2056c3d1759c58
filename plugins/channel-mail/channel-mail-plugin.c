/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The postal-mail channel plugin. */

#include "config.h"

#include "fid-channel.h"
#include "fid-mail-channel.h"
#include "fid-plugin-util.h"

FID_PLUGIN_REGISTER (fid_channel_mail_plugin_register_types)
{
  peas_object_module_register_extension_type (module, FID_TYPE_CHANNEL, FID_TYPE_MAIL_CHANNEL);
}
