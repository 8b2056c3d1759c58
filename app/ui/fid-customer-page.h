/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-customer.h"
#include "fid-store.h"
#include "fid-timeline.h"

G_BEGIN_DECLS

#define FID_TYPE_CUSTOMER_PAGE (fid_customer_page_get_type ())

G_DECLARE_FINAL_TYPE (FidCustomerPage, fid_customer_page, FID, CUSTOMER_PAGE, GtkWidget)

void         fid_customer_page_set_store       (FidCustomerPage *self,
                                                FidStore        *store);
void         fid_customer_page_set_advisor_id  (FidCustomerPage *self,
                                                gint64           advisor_id);
/* Shows customer @customer_id: everything is read again. */
void         fid_customer_page_load            (FidCustomerPage *self,
                                                gint64           customer_id);
void         fid_customer_page_reload          (FidCustomerPage *self);
gint64       fid_customer_page_get_customer_id (FidCustomerPage *self);
FidCustomer *fid_customer_page_get_customer    (FidCustomerPage *self);
FidTimeline *fid_customer_page_get_timeline    (FidCustomerPage *self);

G_END_DECLS
