/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-window.h"
#include "fid-workshop-window.h"

G_BEGIN_DECLS

/* FidWorkshopPage: the Workshop page of the sidebar (issue 12): pick a
 * survey and the network, start; the workshop runs in its own window. */

#define FID_TYPE_WORKSHOP_PAGE (fid_workshop_page_get_type ())

G_DECLARE_FINAL_TYPE (FidWorkshopPage, fid_workshop_page, FID, WORKSHOP_PAGE, AdwBin)

GtkWidget         *fid_workshop_page_new   (FidWindow       *window);
/* Reads the surveys again (the store changed, or a survey was added). */
void               fid_workshop_page_reload (FidWorkshopPage *self);
/* Starts a workshop on the survey with @survey_id and @address (NULL: the
 * one picked in the page) and opens its window; NULL with @error set. */
FidWorkshopWindow *fid_workshop_page_start (FidWorkshopPage *self,
                                            gint64           survey_id,
                                            const char      *address,
                                            GError         **error);

G_END_DECLS
