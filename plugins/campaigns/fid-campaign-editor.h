/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* FidCampaignEditor: the dialog that writes a new draft campaign — its
 * definition, target, channel rule, control group and costs. Emits
 * "created" with the new campaign's id, then closes. */

#define FID_TYPE_CAMPAIGN_EDITOR (fid_campaign_editor_get_type ())

G_DECLARE_FINAL_TYPE (FidCampaignEditor, fid_campaign_editor, FID, CAMPAIGN_EDITOR, AdwWindow)

FidCampaignEditor *fid_campaign_editor_new        (GtkWindow         *parent,
                                                   FidStore          *store);
/* Checks and writes the campaign (the Create button); FALSE when the
 * form is wrong, the reason shown in the dialog. */
gboolean           fid_campaign_editor_save       (FidCampaignEditor *self);
/* For tests: the form's widgets by their template id ("name_row"…). */
GtkWidget         *fid_campaign_editor_get_widget (FidCampaignEditor *self,
                                                   const char        *id);
/* For tests: selects the saved segment @segment of snapshot @scheme /
 * @taken_on; FALSE when it is not offered. */
gboolean           fid_campaign_editor_select_segment (FidCampaignEditor *self,
                                                       const char        *scheme,
                                                       const char        *taken_on,
                                                       const char        *segment);

G_END_DECLS
