/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-channel-editor.h"

G_BEGIN_DECLS

/* FidEmailEditor: writes an e-mail from a template filled with the
 * customer's fields, and holds the SMTP server settings. */

#define FID_TYPE_EMAIL_EDITOR (fid_email_editor_get_type ())

G_DECLARE_FINAL_TYPE (FidEmailEditor, fid_email_editor, FID, EMAIL_EDITOR, FidChannelEditor)

/* For tests: picks template @index (0: blank). */
void fid_email_editor_set_template (FidEmailEditor *self,
                                    guint           index);

G_END_DECLS
