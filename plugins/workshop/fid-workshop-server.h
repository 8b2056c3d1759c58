/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* FidWorkshopServer: the small web server of a live workshop (issue 12).
 *
 * It serves one survey's answer form at http://ADDRESS:PORT/s/TOKEN/ on
 * the one address the trainer picked, and stores what the phones send as
 * responses of that survey. It listens from fid_workshop_server_start()
 * until fid_workshop_server_stop() or its finalization, and nothing else
 * is reachable through it:
 *   - the URL carries a random 128-bit token; any other path is refused;
 *   - a phone gets a device cookie with the form and may send one response
 *     (a second is refused, and so is a post without a cookie we issued);
 *   - bodies over a size limit are refused before they are read, requests
 *     from one address beyond a rate are refused, every field is checked
 *     (fid_workshop_form_read) and a refused answer comes back to the phone
 *     as a page that says why.
 * GTK-free: it runs in the GLib main context of the thread that started
 * it, where "response-added" is emitted. */

#include <gio/gio.h>

#include "fid-store.h"

G_BEGIN_DECLS

#define FID_TYPE_WORKSHOP_SERVER (fid_workshop_server_get_type ())

G_DECLARE_FINAL_TYPE (FidWorkshopServer, fid_workshop_server, FID, WORKSHOP_SERVER, GObject)

/* Defaults of the limits below. */
#define FID_WORKSHOP_MAX_BODY      (32 * 1024)
#define FID_WORKSHOP_RATE_REQUESTS 30
#define FID_WORKSHOP_RATE_SECONDS  10

FidWorkshopServer *fid_workshop_server_new            (FidStore           *store,
                                                       gint64              survey_id);
/* Listens on @address (a literal IPv4 or IPv6 address; "127.0.0.1" for
 * this computer only) and @port (0: any free port). FALSE with @error set
 * when the survey is not there or the address cannot be used. */
gboolean           fid_workshop_server_start          (FidWorkshopServer  *self,
                                                       const char         *address,
                                                       guint               port,
                                                       GError            **error);
/* The title the phones see (the survey the session was copied from,
 * without the session's date); NULL: the survey's own. */
void               fid_workshop_server_set_title      (FidWorkshopServer  *self,
                                                       const char         *title);
/* Closes the listening socket and every connection. */
void               fid_workshop_server_stop           (FidWorkshopServer  *self);
gboolean           fid_workshop_server_is_running     (FidWorkshopServer  *self);
/* The form's address, with the token; NULL when not running. */
const char        *fid_workshop_server_get_url        (FidWorkshopServer  *self);
guint              fid_workshop_server_get_port       (FidWorkshopServer  *self);
gint64             fid_workshop_server_get_survey_id  (FidWorkshopServer  *self);
/* Responses received since start or the last reset. */
guint              fid_workshop_server_get_n_responses (FidWorkshopServer *self);
/* Deletes the survey's responses and lets every phone answer again. */
gboolean           fid_workshop_server_reset          (FidWorkshopServer  *self,
                                                       GError            **error);
/* Limits (tests lower them). */
void               fid_workshop_server_set_limits     (FidWorkshopServer  *self,
                                                       gsize               max_body,
                                                       guint               rate_requests,
                                                       guint               rate_seconds);

/* The IPv4 addresses of this computer's interfaces that a phone on the
 * same network can reach, each "NAME\tADDRESS" (e.g. "wlp2s0\t192.168.1.20"),
 * loopback last. */
char             **fid_workshop_list_addresses        (void);

G_END_DECLS
