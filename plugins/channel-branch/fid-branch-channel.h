/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-channel.h"

G_BEGIN_DECLS

/* FidBranchChannel: face-to-face meetings in the branch, logged as a
 * structured meeting report a colleague can pick up the next day. */

#define FID_TYPE_BRANCH_CHANNEL (fid_branch_channel_get_type ())

G_DECLARE_FINAL_TYPE (FidBranchChannel, fid_branch_channel, FID, BRANCH_CHANNEL, GObject)

G_END_DECLS
