/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fid-store.h"

G_BEGIN_DECLS

#define FID_CUSTOMER_LIST_MODEL_PAGE_SIZE 256
#define FID_CUSTOMER_LIST_MODEL_MAX_PAGES 16

#define FID_TYPE_CUSTOMER_LIST_MODEL (fid_customer_list_model_get_type ())

G_DECLARE_FINAL_TYPE (FidCustomerListModel, fid_customer_list_model, FID, CUSTOMER_LIST_MODEL, GObject)

FidCustomerListModel *fid_customer_list_model_new        (FidStore             *store);
FidStore             *fid_customer_list_model_get_store  (FidCustomerListModel *self);
FidCustomerSort       fid_customer_list_model_get_sort   (FidCustomerListModel *self);
gboolean              fid_customer_list_model_get_descending (FidCustomerListModel *self);
void                  fid_customer_list_model_set_sort   (FidCustomerListModel *self,
                                                          FidCustomerSort       sort,
                                                          gboolean              descending);
void                  fid_customer_list_model_set_filter (FidCustomerListModel *self,
                                                          const FidCustomerFilter *filter);
void                  fid_customer_list_model_reload     (FidCustomerListModel *self);

/* For tests and debugging: how many pages are loaded right now (never more
 * than FID_CUSTOMER_LIST_MODEL_MAX_PAGES) and the rows per page. */
guint                 fid_customer_list_model_get_n_loaded_pages (FidCustomerListModel *self);
guint                 fid_customer_list_model_get_page_size      (FidCustomerListModel *self);

G_END_DECLS
