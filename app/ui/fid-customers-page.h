/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"

G_BEGIN_DECLS

#define FID_TYPE_CUSTOMERS_PAGE (fid_customers_page_get_type ())

G_DECLARE_FINAL_TYPE (FidCustomersPage, fid_customers_page, FID, CUSTOMERS_PAGE, GtkWidget)

FidStore       *fid_customers_page_get_store         (FidCustomersPage *self);
void            fid_customers_page_set_store         (FidCustomersPage *self,
                                                      FidStore         *store);
void            fid_customers_page_set_advisor_id    (FidCustomersPage *self,
                                                      gint64            advisor_id);
void            fid_customers_page_reload            (FidCustomersPage *self);
void            fid_customers_page_focus_search      (FidCustomersPage *self);
gboolean        fid_customers_page_get_searching     (FidCustomersPage *self);
void            fid_customers_page_set_selection     (FidCustomersPage *self,
                                                      const char       *label,
                                                      GArray           *ids);
GArray         *fid_customers_page_get_selection     (FidCustomersPage *self);

/* For tests: the list and the search entry. */
GtkColumnView  *fid_customers_page_get_column_view   (FidCustomersPage *self);
GtkEditable    *fid_customers_page_get_search_entry  (FidCustomersPage *self);

G_END_DECLS
