/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-analytics-view.h"

G_BEGIN_DECLS

/* FidChannelMixView: the channel mix as stacked bars, one per month, one
 * colour per channel, above the table. */

#define FID_TYPE_CHANNEL_MIX_VIEW (fid_channel_mix_view_get_type ())

G_DECLARE_FINAL_TYPE (FidChannelMixView, fid_channel_mix_view, FID, CHANNEL_MIX_VIEW, FidAnalyticsView)

G_END_DECLS
