/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"

G_BEGIN_DECLS

#define FID_TYPE_FOLLOW_UPS_PAGE (fid_follow_ups_page_get_type ())

G_DECLARE_FINAL_TYPE (FidFollowUpsPage, fid_follow_ups_page, FID, FOLLOW_UPS_PAGE, GtkWidget)

void        fid_follow_ups_page_set_store      (FidFollowUpsPage *self,
                                                FidStore         *store);
void        fid_follow_ups_page_set_advisor_id (FidFollowUpsPage *self,
                                                gint64            advisor_id);
void        fid_follow_ups_page_reload         (FidFollowUpsPage *self);

/* For tests: the follow-ups shown (FidInteraction), overdue ones first.
 * "follow-ups.done" (int64 interaction id) marks one done. */
GListModel *fid_follow_ups_page_get_items      (FidFollowUpsPage *self);

G_END_DECLS
