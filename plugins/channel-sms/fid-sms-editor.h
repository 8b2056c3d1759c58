/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-channel-editor.h"

G_BEGIN_DECLS

/* FidSmsEditor: composes an SMS with its live segment count. */

#define FID_TYPE_SMS_EDITOR (fid_sms_editor_get_type ())

G_DECLARE_FINAL_TYPE (FidSmsEditor, fid_sms_editor, FID, SMS_EDITOR, FidChannelEditor)

G_END_DECLS
