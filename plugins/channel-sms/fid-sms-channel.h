/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-channel.h"

G_BEGIN_DECLS

/* FidSmsChannel: text messages. A composed SMS is recorded as "planned"
 * (queued); the export writes every queued SMS to a CSV file for the SMS
 * gateway (number in E.164, message, reference) and marks them done.
 * Marketing by SMS needs a recorded consent (opt-in). */

#define FID_TYPE_SMS_CHANNEL (fid_sms_channel_get_type ())

G_DECLARE_FINAL_TYPE (FidSmsChannel, fid_sms_channel, FID, SMS_CHANNEL, GObject)

G_END_DECLS
