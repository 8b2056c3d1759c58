/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"

G_BEGIN_DECLS

#define FID_TYPE_ADVISOR_DIALOG (fid_advisor_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FidAdvisorDialog, fid_advisor_dialog, FID, ADVISOR_DIALOG, AdwWindow)

FidAdvisorDialog *fid_advisor_dialog_new    (GtkWindow        *parent,
                                             FidStore         *store,
                                             gint64            current_id);
/* Chooses @advisor_id as if its row were activated (tests). */
void              fid_advisor_dialog_choose (FidAdvisorDialog *self,
                                             gint64            advisor_id);

G_END_DECLS
