/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Sending one message through SMTP with libcurl. Blocking: run it in a
 * worker thread. */

typedef enum
{
  FID_SMTP_SECURITY_STARTTLS,   /* plain connection upgraded with STARTTLS, required */
  FID_SMTP_SECURITY_TLS,        /* TLS from the start (smtps, port 465) */
  FID_SMTP_SECURITY_NONE,       /* no encryption: only for a server on this computer */
} FidSmtpSecurity;

typedef struct
{
  char            *host;
  int              port;
  FidSmtpSecurity  security;
  char            *user;        /* NULL or "": no authentication */
  char            *password;
  char            *from;
  int              timeout_s;   /* whole transfer; 0: 60 s */
} FidSmtpConfig;

FidSmtpConfig *fid_smtp_config_copy         (const FidSmtpConfig *config);
void           fid_smtp_config_free         (FidSmtpConfig       *config);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidSmtpConfig, fid_smtp_config_free)

FidSmtpSecurity fid_smtp_security_from_string (const char *text);

/* An RFC 5322 message: UTF-8 text body in base64, the subject encoded
 * (RFC 2047) when it is not ASCII, a Date in English as the RFC wants. */
char          *fid_smtp_build_message       (const char          *from,
                                             const char          *to,
                                             const char          *subject,
                                             const char          *body);

/* Sends @message to @to. *server_reply (when not NULL) gets the server's
 * last reply line ("250 2.0.0 Ok: queued", "550 5.1.1 Unknown user").
 * On failure @error is FID_CHANNEL_ERROR_SEND_FAILED, its message says
 * what failed and quotes the server; G_IO_ERROR_CANCELLED when cancelled. */
gboolean       fid_smtp_send                (const FidSmtpConfig *config,
                                             const char          *to,
                                             const char          *message,
                                             GCancellable        *cancellable,
                                             char               **server_reply,
                                             GError             **error);

G_END_DECLS
