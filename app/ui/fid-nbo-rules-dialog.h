/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* FidNboRulesDialog: edits the next-best-offer life-event rules (issue 10):
 * for each rule the life event, the product family and code, the window in
 * days after the event, the weight and whether it is on; add, delete, and
 * restore the course's defaults. Each change is saved at once. */

#define FID_TYPE_NBO_RULES_DIALOG (fid_nbo_rules_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FidNboRulesDialog, fid_nbo_rules_dialog, FID, NBO_RULES_DIALOG, AdwWindow)

GtkWidget *fid_nbo_rules_dialog_new (GtkWindow *parent,
                                     FidStore  *store);

G_END_DECLS
