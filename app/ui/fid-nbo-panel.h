/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* FidNboPanel: "Suggested Offers" in the customer 360 view (issue 10):
 * the three best next offers with their reason, each with Accept (creates
 * an opportunity) and Dismiss (remembered). After either, the window is
 * told (fid_window_data_changed), which reloads the 360 view; outside a
 * window the panel reloads itself. "changed" is emitted after a write. */

#define FID_TYPE_NBO_PANEL (fid_nbo_panel_get_type ())

G_DECLARE_FINAL_TYPE (FidNboPanel, fid_nbo_panel, FID, NBO_PANEL, AdwBin)

GtkWidget *fid_nbo_panel_new          (void);
/* Shows the suggestions for @customer_id (0: none, the panel hides);
 * @advisor_id is who accepts or dismisses (0: unknown). */
void       fid_nbo_panel_set_customer (FidNboPanel *self,
                                       FidStore    *store,
                                       gint64       customer_id,
                                       gint64       advisor_id);
void       fid_nbo_panel_reload       (FidNboPanel *self);
/* For tests: the suggestions shown (FidNboSuggestion), in order. */
GPtrArray *fid_nbo_panel_get_suggestions (FidNboPanel *self);
/* Accepts or dismisses the suggestion at @index, as its buttons do. */
gboolean   fid_nbo_panel_accept       (FidNboPanel *self,
                                       guint        index);
gboolean   fid_nbo_panel_dismiss      (FidNboPanel *self,
                                       guint        index);

G_END_DECLS
