/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-channel.h"

G_BEGIN_DECLS

/* FidPhoneChannel: calls. Logs only (the call itself happens on the
 * phone, started from the editor with a tel: link). Marketing by phone is
 * allowed unless the customer said no (opt-out). */

#define FID_TYPE_PHONE_CHANNEL (fid_phone_channel_get_type ())

G_DECLARE_FINAL_TYPE (FidPhoneChannel, fid_phone_channel, FID, PHONE_CHANNEL, GObject)

/* "tel:+33612345678" from a number as people write it, NULL when it has
 * no digits. */
char *fid_phone_channel_dup_tel_uri (const char *number);

G_END_DECLS
