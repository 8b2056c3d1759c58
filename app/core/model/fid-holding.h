/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FID_TYPE_HOLDING (fid_holding_get_type ())

G_DECLARE_FINAL_TYPE (FidHolding, fid_holding, FID, HOLDING, GObject)

FidHolding *fid_holding_new (void);

gint64 fid_holding_get_id (FidHolding *self);
void fid_holding_set_id (FidHolding *self, gint64 id);
const char *fid_holding_get_product_code (FidHolding *self);
void fid_holding_set_product_code (FidHolding *self, const char *product_code);
const char *fid_holding_get_product_name (FidHolding *self);
void fid_holding_set_product_name (FidHolding *self, const char *product_name);
const char *fid_holding_get_family (FidHolding *self);
void fid_holding_set_family (FidHolding *self, const char *family);
const char *fid_holding_get_opened_on (FidHolding *self);
void fid_holding_set_opened_on (FidHolding *self, const char *opened_on);
const char *fid_holding_get_closed_on (FidHolding *self);
void fid_holding_set_closed_on (FidHolding *self, const char *closed_on);
gint64 fid_holding_get_balance_cents (FidHolding *self);
void fid_holding_set_balance_cents (FidHolding *self, gint64 balance_cents);

gboolean fid_holding_is_open (FidHolding *self);

G_END_DECLS
