/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-channel.h"

G_BEGIN_DECLS

/* FidEmailChannel: e-mail, sent through the SMTP server set in the
 * settings (smtp-host, smtp-port, smtp-security, smtp-user, smtp-from);
 * the password is kept in the keyring (libsecret), never in the settings.
 * Sent messages are recorded done with the server's reply in
 * details.smtp_reply; refused ones failed with it in details.error.
 * Marketing by e-mail needs a recorded consent (opt-in). */

#define FID_TYPE_EMAIL_CHANNEL (fid_email_channel_get_type ())

G_DECLARE_FINAL_TYPE (FidEmailChannel, fid_email_channel, FID, EMAIL_CHANNEL, GObject)

/* The application's settings, or NULL when its schema is not installed. */
GSettings *fid_email_channel_dup_settings (void);

/* Keeps @password for @user on @host in the keyring; @callback (may be
 * NULL) gets the result through fid_email_channel_save_password_finish. */
void       fid_email_channel_save_password        (const char          *host,
                                                   const char          *user,
                                                   const char          *password,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean   fid_email_channel_save_password_finish (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
