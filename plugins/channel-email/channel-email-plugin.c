/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The e-mail channel plugin. */

#include "config.h"

#include "fid-channel.h"
#include "fid-email-channel.h"
#include "fid-plugin-util.h"

FID_PLUGIN_REGISTER (fid_channel_email_plugin_register_types)
{
  peas_object_module_register_extension_type (module, FID_TYPE_CHANNEL, FID_TYPE_EMAIL_CHANNEL);
}
