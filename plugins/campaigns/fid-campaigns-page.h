/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"
#include "fid-store-campaigns.h"

G_BEGIN_DECLS

/* FidCampaignsPage: the Campaigns page (issue 10). The campaigns on the
 * left; on the right the selected one's plan — targeted, excluded for
 * consent or contact pressure, control group, to contact, each list one
 * click from the customer list — with Launch, responses by hand or from a
 * CSV file, and its results. */

#define FID_TYPE_CAMPAIGNS_PAGE (fid_campaigns_page_get_type ())

G_DECLARE_FINAL_TYPE (FidCampaignsPage, fid_campaigns_page, FID, CAMPAIGNS_PAGE, AdwBin)

GtkWidget        *fid_campaigns_page_new            (void);
void              fid_campaigns_page_set_store      (FidCampaignsPage *self,
                                                     FidStore         *store);
/* Reads the campaigns again, keeping the selection. */
void              fid_campaigns_page_reload         (FidCampaignsPage *self);
/* Opens the editor of a new campaign (the New Campaign button). */
GtkWindow        *fid_campaigns_page_new_campaign   (FidCampaignsPage *self);
/* Selects campaign @id; FALSE when it is not listed. */
gboolean          fid_campaigns_page_select         (FidCampaignsPage *self,
                                                     gint64            id);
gint64            fid_campaigns_page_get_selected   (FidCampaignsPage *self);
/* Launches the selected draft without asking, on the main thread (the
 * confirmation's Launch does the same on a worker thread). */
gboolean          fid_campaigns_page_launch         (FidCampaignsPage *self,
                                                     GError          **error);
/* Imports responses to the selected campaign from CSV text (what Import
 * Responses does with the chosen file). */
gboolean          fid_campaigns_page_import_responses (FidCampaignsPage *self,
                                                       const char       *data,
                                                       gsize             length,
                                                       guint            *n_imported,
                                                       GError          **error);
/* "plan" or "results". */
void              fid_campaigns_page_show_view      (FidCampaignsPage *self,
                                                     const char       *name);
/* For tests: the plan shown, the results widget, the number of rows. */
FidCampaignPlan  *fid_campaigns_page_get_plan       (FidCampaignsPage *self);
GtkWidget        *fid_campaigns_page_get_results    (FidCampaignsPage *self);
guint             fid_campaigns_page_get_n_campaigns (FidCampaignsPage *self);
/* TRUE while a launch started from the page runs (on a worker thread). */
gboolean          fid_campaigns_page_get_busy       (FidCampaignsPage *self);

G_END_DECLS
