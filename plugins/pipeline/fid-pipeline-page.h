/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* FidPipelinePage: the Pipeline page (issue 10): the board, filtered by
 * advisor and by branch, the open pipeline's totals, the weighted forecast
 * per month, and the next-best-offer settings (life-event rules, the
 * co-holding statistics). */

#define FID_TYPE_PIPELINE_PAGE (fid_pipeline_page_get_type ())

G_DECLARE_FINAL_TYPE (FidPipelinePage, fid_pipeline_page, FID, PIPELINE_PAGE, AdwBin)

GtkWidget *fid_pipeline_page_new       (void);
void       fid_pipeline_page_set_store (FidPipelinePage *self,
                                        FidStore        *store);
void       fid_pipeline_page_reload    (FidPipelinePage *self);
/* For tests. */
GtkWidget *fid_pipeline_page_get_board (FidPipelinePage *self);
/* Filters as the drop-downs do (0: all). */
void       fid_pipeline_page_set_filter (FidPipelinePage *self,
                                         gint64           advisor_id,
                                         gint64           branch_id);

G_END_DECLS
