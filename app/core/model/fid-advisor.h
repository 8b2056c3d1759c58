/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FID_TYPE_ADVISOR (fid_advisor_get_type ())

G_DECLARE_FINAL_TYPE (FidAdvisor, fid_advisor, FID, ADVISOR, GObject)

FidAdvisor *fid_advisor_new (void);

gint64 fid_advisor_get_id (FidAdvisor *self);
void fid_advisor_set_id (FidAdvisor *self, gint64 id);
const char *fid_advisor_get_first_name (FidAdvisor *self);
void fid_advisor_set_first_name (FidAdvisor *self, const char *first_name);
const char *fid_advisor_get_last_name (FidAdvisor *self);
void fid_advisor_set_last_name (FidAdvisor *self, const char *last_name);
const char *fid_advisor_get_email (FidAdvisor *self);
void fid_advisor_set_email (FidAdvisor *self, const char *email);
gint64 fid_advisor_get_branch_id (FidAdvisor *self);
void fid_advisor_set_branch_id (FidAdvisor *self, gint64 branch_id);
const char *fid_advisor_get_branch_name (FidAdvisor *self);
void fid_advisor_set_branch_name (FidAdvisor *self, const char *branch_name);
const char *fid_advisor_get_role (FidAdvisor *self);
void fid_advisor_set_role (FidAdvisor *self, const char *role);

/* "First Last", as lists and the timeline show the author. */
char *fid_advisor_dup_display_name (FidAdvisor *self);

G_END_DECLS
