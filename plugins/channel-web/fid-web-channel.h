/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-channel.h"

G_BEGIN_DECLS

/* FidWebChannel: submissions of the bank's web forms, imported from the
 * CSV or JSON export of the form tool (see fid-web-import.h for the
 * columns). All or nothing: one transaction, and no row is written when
 * any row is invalid. */

#define FID_TYPE_WEB_CHANNEL (fid_web_channel_get_type ())

G_DECLARE_FINAL_TYPE (FidWebChannel, fid_web_channel, FID, WEB_CHANNEL, GObject)

G_END_DECLS
