/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FID_TYPE_BRANCH (fid_branch_get_type ())

G_DECLARE_FINAL_TYPE (FidBranch, fid_branch, FID, BRANCH, GObject)

FidBranch *fid_branch_new (void);

gint64 fid_branch_get_id (FidBranch *self);
void fid_branch_set_id (FidBranch *self, gint64 id);
const char *fid_branch_get_code (FidBranch *self);
void fid_branch_set_code (FidBranch *self, const char *code);
const char *fid_branch_get_name (FidBranch *self);
void fid_branch_set_name (FidBranch *self, const char *name);
const char *fid_branch_get_city (FidBranch *self);
void fid_branch_set_city (FidBranch *self, const char *city);
const char *fid_branch_get_postcode (FidBranch *self);
void fid_branch_set_postcode (FidBranch *self, const char *postcode);


G_END_DECLS
