/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-channel-editor.h"

G_BEGIN_DECLS

/* FidPhoneEditor: logs a call — number (with a Call button that opens the
 * tel: link), direction, duration, outcome, purpose, subject and notes. */

#define FID_TYPE_PHONE_EDITOR (fid_phone_editor_get_type ())

G_DECLARE_FINAL_TYPE (FidPhoneEditor, fid_phone_editor, FID, PHONE_EDITOR, FidChannelEditor)

G_END_DECLS
