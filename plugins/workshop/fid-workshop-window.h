/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-window.h"
#include "fid-workshop-server.h"

G_BEGIN_DECLS

/* FidWorkshopWindow: the projector view of a live workshop (issue 12).
 * The code to scan and the address on the left, the number of
 * respondents, and the survey's charts filling in as the phones answer.
 * It owns the server: closing the window stops it, after asking whether
 * to keep the class's answers. Reset, keep under a name, export as CSV,
 * full screen (F11). */

#define FID_TYPE_WORKSHOP_WINDOW (fid_workshop_window_get_type ())

G_DECLARE_FINAL_TYPE (FidWorkshopWindow, fid_workshop_window, FID, WORKSHOP_WINDOW, AdwWindow)

/* @server is running; @network_name names the interface it listens on
 * ("wlp2s0"), for the line under the address. */
FidWorkshopWindow *fid_workshop_window_new        (FidWindow         *parent,
                                                   FidWorkshopServer *server,
                                                   const char        *network_name);
FidWorkshopServer *fid_workshop_window_get_server (FidWorkshopWindow *self);
/* The charts (FidSurveyResults) and the "N respondents" line, for tests. */
GtkWidget         *fid_workshop_window_get_results (FidWorkshopWindow *self);
const char        *fid_workshop_window_get_count_text (FidWorkshopWindow *self);
/* Whether the session was kept (then closing keeps its survey). */
gboolean           fid_workshop_window_get_kept   (FidWorkshopWindow *self);

G_END_DECLS
