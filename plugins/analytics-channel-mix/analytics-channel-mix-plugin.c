/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The channel-mix analysis plugin. */

#include "config.h"

#include "fid-analytics.h"
#include "fid-channel-mix.h"
#include "fid-plugin-util.h"

FID_PLUGIN_REGISTER (fid_analytics_channel_mix_plugin_register_types)
{
  peas_object_module_register_extension_type (module, FID_TYPE_ANALYTICS, FID_TYPE_CHANNEL_MIX);
}
