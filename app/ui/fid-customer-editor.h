/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-customer.h"
#include "fid-store.h"

G_BEGIN_DECLS

#define FID_TYPE_CUSTOMER_EDITOR (fid_customer_editor_get_type ())

G_DECLARE_FINAL_TYPE (FidCustomerEditor, fid_customer_editor, FID, CUSTOMER_EDITOR, AdwWindow)

/* Edits @customer, or creates one when NULL (owned by @advisor_id). */
FidCustomerEditor *fid_customer_editor_new       (GtkWindow         *parent,
                                                  FidStore          *store,
                                                  FidCustomer       *customer,
                                                  gint64             advisor_id);

/* For tests: a field by name ("kind", "title", "first-name", "last-name",
 * "birth-date", "email", "phone", "address", "postcode", "city",
 * "channel", "advisor", "branch", "lifecycle", "income"; the GtkSwitch
 * "reference", "fast-growing", "other-division"), and the
 * duplicates shown (FidCustomer). Save with the "editor.save" action;
 * "editor.open-duplicate" and "editor.merge-duplicate" take the id. */
GtkWidget         *fid_customer_editor_get_field (FidCustomerEditor *self,
                                                  const char        *name);
GListModel        *fid_customer_editor_get_duplicates (FidCustomerEditor *self);

G_END_DECLS
