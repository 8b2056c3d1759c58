/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A tiny SMTP responder for the tests: listens on 127.0.0.1 on a port the
 * system picks, answers EHLO/MAIL/RCPT/DATA/QUIT in its own thread, keeps
 * what it received, and gives up after a few seconds of silence (a test
 * never hangs on it). RCPT to @reject_rcpt (when not NULL) is refused with
 * 550, as a real server refuses an unknown mailbox. */

typedef struct _SmtpSink SmtpSink;

SmtpSink *smtp_sink_start        (const char  *reject_rcpt,
                                  GError     **error);
guint16   smtp_sink_get_port     (SmtpSink    *sink);
/* What the last DATA carried (without the final dot), NULL when none. */
char     *smtp_sink_dup_message  (SmtpSink    *sink);
/* The last RCPT TO argument, e.g. "<a@b.fr>". */
char     *smtp_sink_dup_rcpt     (SmtpSink    *sink);
void      smtp_sink_stop         (SmtpSink    *sink);

G_END_DECLS
