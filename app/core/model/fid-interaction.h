/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FID_TYPE_INTERACTION (fid_interaction_get_type ())

G_DECLARE_FINAL_TYPE (FidInteraction, fid_interaction, FID, INTERACTION, GObject)

FidInteraction *fid_interaction_new (void);

gint64 fid_interaction_get_id (FidInteraction *self);
void fid_interaction_set_id (FidInteraction *self, gint64 id);
gint64 fid_interaction_get_customer_id (FidInteraction *self);
void fid_interaction_set_customer_id (FidInteraction *self, gint64 customer_id);
const char *fid_interaction_get_customer_name (FidInteraction *self);
void fid_interaction_set_customer_name (FidInteraction *self, const char *customer_name);
const char *fid_interaction_get_channel (FidInteraction *self);
void fid_interaction_set_channel (FidInteraction *self, const char *channel);
const char *fid_interaction_get_direction (FidInteraction *self);
void fid_interaction_set_direction (FidInteraction *self, const char *direction);
const char *fid_interaction_get_at (FidInteraction *self);
void fid_interaction_set_at (FidInteraction *self, const char *at);
gint64 fid_interaction_get_advisor_id (FidInteraction *self);
void fid_interaction_set_advisor_id (FidInteraction *self, gint64 advisor_id);
const char *fid_interaction_get_advisor_name (FidInteraction *self);
void fid_interaction_set_advisor_name (FidInteraction *self, const char *advisor_name);
const char *fid_interaction_get_subject (FidInteraction *self);
void fid_interaction_set_subject (FidInteraction *self, const char *subject);
const char *fid_interaction_get_notes (FidInteraction *self);
void fid_interaction_set_notes (FidInteraction *self, const char *notes);
const char *fid_interaction_get_outcome (FidInteraction *self);
void fid_interaction_set_outcome (FidInteraction *self, const char *outcome);
const char *fid_interaction_get_next_step (FidInteraction *self);
void fid_interaction_set_next_step (FidInteraction *self, const char *next_step);
const char *fid_interaction_get_follow_up_on (FidInteraction *self);
void fid_interaction_set_follow_up_on (FidInteraction *self, const char *follow_up_on);
gboolean fid_interaction_get_follow_up_done (FidInteraction *self);
void fid_interaction_set_follow_up_done (FidInteraction *self, gboolean follow_up_done);
const char *fid_interaction_get_status (FidInteraction *self);
void fid_interaction_set_status (FidInteraction *self, const char *status);
gint64 fid_interaction_get_campaign_id (FidInteraction *self);
void fid_interaction_set_campaign_id (FidInteraction *self, gint64 campaign_id);
const char *fid_interaction_get_details (FidInteraction *self);
void fid_interaction_set_details (FidInteraction *self, const char *details);


G_END_DECLS
