/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-customers-page.h"

G_BEGIN_DECLS

/* fid-customers-page-columns.c, for fid-customers-page.c only. */
void _fid_customers_page_class_bind_cells (GtkWidgetClass *widget_class);
/* Compares two FidCustomer; @user_data is (sort << 1) | descending. */
int  _fid_customers_page_compare          (gconstpointer   a,
                                           gconstpointer   b,
                                           gpointer        user_data);

gboolean _fid_customer_filter_is_set  (const FidCustomerFilter *filter);

G_END_DECLS
