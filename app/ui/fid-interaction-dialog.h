/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-customer.h"
#include "fid-store.h"

G_BEGIN_DECLS

#define FID_TYPE_INTERACTION_DIALOG (fid_interaction_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FidInteractionDialog, fid_interaction_dialog, FID, INTERACTION_DIALOG, AdwWindow)

FidInteractionDialog *fid_interaction_dialog_new (GtkWindow   *parent,
                                                  FidStore    *store,
                                                  FidCustomer *customer,
                                                  gint64       advisor_id);

/* For tests: the fields, by name ("channel", "direction", "subject",
 * "notes", "outcome", "next-step", "follow-up"). Save with the
 * "interaction.save" action. */
GtkWidget            *fid_interaction_dialog_get_field (FidInteractionDialog *self,
                                                        const char           *name);

G_END_DECLS
