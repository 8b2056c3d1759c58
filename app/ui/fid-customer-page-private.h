/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-customer-page.h"

G_BEGIN_DECLS

/* Between fid-customer-page.c and fid-customer-page-actions.c only. */
void      _fid_customer_page_class_install_actions (GtkWidgetClass  *widget_class);
FidStore *_fid_customer_page_get_store             (FidCustomerPage *self);
gint64    _fid_customer_page_get_advisor_id        (FidCustomerPage *self);

G_END_DECLS
