/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* FidCampaignsAddin: adds the Campaigns page to a window. */

#define FID_TYPE_CAMPAIGNS_ADDIN (fid_campaigns_addin_get_type ())

G_DECLARE_FINAL_TYPE (FidCampaignsAddin, fid_campaigns_addin, FID, CAMPAIGNS_ADDIN, GObject)

G_END_DECLS
