/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by fid-campaigns-page.c (the list, the plan shown) and
 * fid-campaigns-page-actions.c (launch, delete, responses). */

#include "fid-campaign-results.h"
#include "fid-campaigns-page.h"
#include "fid-window.h"

G_BEGIN_DECLS

struct _FidCampaignsPage
{
  AdwBin           parent_instance;

  FidStore        *store;
  GPtrArray       *campaigns;       /* FidCampaign, as the list's rows */
  FidCampaign     *campaign;        /* the selected one (a copy), or NULL */
  FidCampaignPlan *plan;
  GtkWidget       *results;
  gboolean         reloading;
  gboolean         busy;            /* a launch runs on a worker thread */

  /* Template widgets */
  GtkListBox      *list_box;
  GtkStack        *stack;
  GtkLabel        *title_label;
  GtkLabel        *summary_label;
  GtkStack        *view_stack;
  AdwPreferencesGroup *plan_group;
  GtkLabel        *targeted_label;
  GtkLabel        *consent_label;
  GtkLabel        *pressure_label;
  GtkLabel        *control_label;
  GtkLabel        *contact_label;
  GtkButton       *consent_button;
  GtkButton       *pressure_button;
  GtkButton       *control_button;
  GtkButton       *contact_button;
  GtkButton       *launch_button;
  GtkButton       *respond_button;
  GtkButton       *import_button;
  GtkButton       *delete_button;
  AdwBin          *results_bin;
};

/* The contact-pressure cap of Preferences (defaults without settings). */
void       fid_campaigns_page_get_pressure        (guint            *max,
                                                   guint            *days);
void       fid_campaigns_page_toast               (FidCampaignsPage *self,
                                                   const char       *text);
void       fid_campaigns_page_show_error          (FidCampaignsPage *self,
                                                   const char       *heading,
                                                   const GError     *error);
/* Tells the window (every page, this one included) that data changed. */
void       fid_campaigns_page_data_changed        (FidCampaignsPage *self);
/* Shows the selected campaign again (its plan and results). */
void       fid_campaigns_page_show_campaign       (FidCampaignsPage *self);

/* Template callbacks (fid-campaigns-page-actions.c). */
void       fid_campaigns_page_on_launch_clicked_cb  (FidCampaignsPage *self);
void       fid_campaigns_page_on_delete_clicked_cb  (FidCampaignsPage *self);
void       fid_campaigns_page_on_respond_clicked_cb (FidCampaignsPage *self);
void       fid_campaigns_page_on_import_clicked_cb  (FidCampaignsPage *self);

G_END_DECLS
