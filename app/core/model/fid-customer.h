/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FID_TYPE_CUSTOMER (fid_customer_get_type ())

G_DECLARE_FINAL_TYPE (FidCustomer, fid_customer, FID, CUSTOMER, GObject)

FidCustomer *fid_customer_new (void);

gint64 fid_customer_get_id (FidCustomer *self);
void fid_customer_set_id (FidCustomer *self, gint64 id);
const char *fid_customer_get_kind (FidCustomer *self);
void fid_customer_set_kind (FidCustomer *self, const char *kind);
const char *fid_customer_get_title (FidCustomer *self);
void fid_customer_set_title (FidCustomer *self, const char *title);
const char *fid_customer_get_first_name (FidCustomer *self);
void fid_customer_set_first_name (FidCustomer *self, const char *first_name);
const char *fid_customer_get_last_name (FidCustomer *self);
void fid_customer_set_last_name (FidCustomer *self, const char *last_name);
const char *fid_customer_get_birth_date (FidCustomer *self);
void fid_customer_set_birth_date (FidCustomer *self, const char *birth_date);
const char *fid_customer_get_email (FidCustomer *self);
void fid_customer_set_email (FidCustomer *self, const char *email);
const char *fid_customer_get_phone (FidCustomer *self);
void fid_customer_set_phone (FidCustomer *self, const char *phone);
const char *fid_customer_get_address (FidCustomer *self);
void fid_customer_set_address (FidCustomer *self, const char *address);
const char *fid_customer_get_postcode (FidCustomer *self);
void fid_customer_set_postcode (FidCustomer *self, const char *postcode);
const char *fid_customer_get_city (FidCustomer *self);
void fid_customer_set_city (FidCustomer *self, const char *city);
gint64 fid_customer_get_household_id (FidCustomer *self);
void fid_customer_set_household_id (FidCustomer *self, gint64 household_id);
const char *fid_customer_get_household_role (FidCustomer *self);
void fid_customer_set_household_role (FidCustomer *self, const char *household_role);
gint64 fid_customer_get_advisor_id (FidCustomer *self);
void fid_customer_set_advisor_id (FidCustomer *self, gint64 advisor_id);
const char *fid_customer_get_advisor_name (FidCustomer *self);
void fid_customer_set_advisor_name (FidCustomer *self, const char *advisor_name);
gint64 fid_customer_get_branch_id (FidCustomer *self);
void fid_customer_set_branch_id (FidCustomer *self, gint64 branch_id);
const char *fid_customer_get_branch_name (FidCustomer *self);
void fid_customer_set_branch_name (FidCustomer *self, const char *branch_name);
const char *fid_customer_get_lifecycle_stage (FidCustomer *self);
void fid_customer_set_lifecycle_stage (FidCustomer *self, const char *lifecycle_stage);
const char *fid_customer_get_segment (FidCustomer *self);
void fid_customer_set_segment (FidCustomer *self, const char *segment);
gint64 fid_customer_get_annual_income_cents (FidCustomer *self);
void fid_customer_set_annual_income_cents (FidCustomer *self, gint64 annual_income_cents);
const char *fid_customer_get_preferred_channel (FidCustomer *self);
void fid_customer_set_preferred_channel (FidCustomer *self, const char *preferred_channel);
gboolean fid_customer_get_is_reference (FidCustomer *self);
void fid_customer_set_is_reference (FidCustomer *self, gboolean is_reference);
gboolean fid_customer_get_is_fast_growing (FidCustomer *self);
void fid_customer_set_is_fast_growing (FidCustomer *self, gboolean is_fast_growing);
gboolean fid_customer_get_other_division (FidCustomer *self);
void fid_customer_set_other_division (FidCustomer *self, gboolean other_division);
const char *fid_customer_get_created_at (FidCustomer *self);
void fid_customer_set_created_at (FidCustomer *self, const char *created_at);
const char *fid_customer_get_updated_at (FidCustomer *self);
void fid_customer_set_updated_at (FidCustomer *self, const char *updated_at);
gint64 fid_customer_get_version (FidCustomer *self);
void fid_customer_set_version (FidCustomer *self, gint64 version);
gint64 fid_customer_get_tx_count (FidCustomer *self);
void fid_customer_set_tx_count (FidCustomer *self, gint64 tx_count);
gint64 fid_customer_get_tx_sum_cents (FidCustomer *self);
void fid_customer_set_tx_sum_cents (FidCustomer *self, gint64 tx_sum_cents);
gint64 fid_customer_get_margin_cents (FidCustomer *self);
void fid_customer_set_margin_cents (FidCustomer *self, gint64 margin_cents);
const char *fid_customer_get_first_tx_date (FidCustomer *self);
void fid_customer_set_first_tx_date (FidCustomer *self, const char *first_tx_date);
const char *fid_customer_get_last_tx_date (FidCustomer *self);
void fid_customer_set_last_tx_date (FidCustomer *self, const char *last_tx_date);
const char *fid_customer_get_last_contact_at (FidCustomer *self);
void fid_customer_set_last_contact_at (FidCustomer *self, const char *last_contact_at);
gint64 fid_customer_get_revenue_12m_cents (FidCustomer *self);
void fid_customer_set_revenue_12m_cents (FidCustomer *self, gint64 revenue_12m_cents);
gint64 fid_customer_get_margin_12m_cents (FidCustomer *self);
void fid_customer_set_margin_12m_cents (FidCustomer *self, gint64 margin_12m_cents);
gint64 fid_customer_get_engagement_score (FidCustomer *self);
void fid_customer_set_engagement_score (FidCustomer *self, gint64 engagement_score);

char *fid_customer_dup_display_name (FidCustomer *self);


G_END_DECLS
