/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-channel-editor.h"

G_BEGIN_DECLS

/* FidMailEditor: a letter from a template, with the recipient's address
 * block, the subject and the body; the channel renders it to PDF. */

#define FID_TYPE_MAIL_EDITOR (fid_mail_editor_get_type ())

G_DECLARE_FINAL_TYPE (FidMailEditor, fid_mail_editor, FID, MAIL_EDITOR, FidChannelEditor)

G_END_DECLS
