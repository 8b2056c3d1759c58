/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-analytics.h"

G_BEGIN_DECLS

/* FidChannelMix: interactions per channel per month over the last
 * "months" months (parameter, 1–120, default 12): one row per month, one
 * column per channel, and the total. The example analysis that proves the
 * FidAnalytics extension point. */

#define FID_TYPE_CHANNEL_MIX (fid_channel_mix_get_type ())

G_DECLARE_FINAL_TYPE (FidChannelMix, fid_channel_mix, FID, CHANNEL_MIX, GObject)

G_END_DECLS
