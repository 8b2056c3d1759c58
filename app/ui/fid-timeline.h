/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* Entries read at a time: the first page, then one more each time the
 * user scrolls near the end. */
#define FID_TIMELINE_PAGE_SIZE 50

#define FID_TYPE_TIMELINE (fid_timeline_get_type ())

G_DECLARE_FINAL_TYPE (FidTimeline, fid_timeline, FID, TIMELINE, GtkWidget)

void        fid_timeline_set_store     (FidTimeline *self,
                                        FidStore    *store);
/* Shows the newest entries of @customer_id (0: none), filters reset. */
void        fid_timeline_set_customer  (FidTimeline *self,
                                        gint64       customer_id);
/* Reads the first page again (after an entry was added). */
void        fid_timeline_reload        (FidTimeline *self);
/* Reads the next page, when there is one. */
void        fid_timeline_load_more     (FidTimeline *self);
gboolean    fid_timeline_get_has_more  (FidTimeline *self);
/* Only @kind / @channel (NULL: all), as the dropdowns set them. */
void        fid_timeline_set_filter    (FidTimeline *self,
                                        const char  *kind,
                                        const char  *channel);

/* For tests: the entries shown, newest first (FidTimelineEntry). */
GListModel *fid_timeline_get_entries   (FidTimeline *self);

G_END_DECLS
