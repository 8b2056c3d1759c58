/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-channel-editor.h"

G_BEGIN_DECLS

/* FidChannelDialog: the window every channel's editor is shown in. Its
 * confirm button records the editor's interaction (fid_channel_record) or
 * sends it (fid_channel_send_async); a refusal — missing field, no
 * consent, the server's reply — is shown above the form and the dialog
 * stays open. Emits ::saved with the interaction once it is in the store
 * (a failed send is saved too: ::saved then comes with the error shown). */

#define FID_TYPE_CHANNEL_DIALOG (fid_channel_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FidChannelDialog, fid_channel_dialog, FID, CHANNEL_DIALOG, AdwWindow)

FidChannelDialog *fid_channel_dialog_new        (GtkWindow        *parent,
                                                 FidChannelEditor *editor);
FidChannelEditor *fid_channel_dialog_get_editor (FidChannelDialog *self);
/* What the confirm button does; for tests and keyboard users alike. */
void              fid_channel_dialog_confirm    (FidChannelDialog *self);
/* The message shown above the form, NULL when none. */
const char       *fid_channel_dialog_get_error  (FidChannelDialog *self);
gboolean          fid_channel_dialog_get_busy   (FidChannelDialog *self);

G_END_DECLS
