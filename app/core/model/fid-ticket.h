/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FID_TYPE_TICKET (fid_ticket_get_type ())

G_DECLARE_FINAL_TYPE (FidTicket, fid_ticket, FID, TICKET, GObject)

FidTicket *fid_ticket_new (void);

gint64 fid_ticket_get_id (FidTicket *self);
void fid_ticket_set_id (FidTicket *self, gint64 id);
gint64 fid_ticket_get_customer_id (FidTicket *self);
void fid_ticket_set_customer_id (FidTicket *self, gint64 customer_id);
const char *fid_ticket_get_customer_name (FidTicket *self);
void fid_ticket_set_customer_name (FidTicket *self, const char *customer_name);
const char *fid_ticket_get_kind (FidTicket *self);
void fid_ticket_set_kind (FidTicket *self, const char *kind);
const char *fid_ticket_get_category (FidTicket *self);
void fid_ticket_set_category (FidTicket *self, const char *category);
const char *fid_ticket_get_subject (FidTicket *self);
void fid_ticket_set_subject (FidTicket *self, const char *subject);
const char *fid_ticket_get_description (FidTicket *self);
void fid_ticket_set_description (FidTicket *self, const char *description);
const char *fid_ticket_get_status (FidTicket *self);
void fid_ticket_set_status (FidTicket *self, const char *status);
const char *fid_ticket_get_priority (FidTicket *self);
void fid_ticket_set_priority (FidTicket *self, const char *priority);
const char *fid_ticket_get_opened_at (FidTicket *self);
void fid_ticket_set_opened_at (FidTicket *self, const char *opened_at);
const char *fid_ticket_get_due_on (FidTicket *self);
void fid_ticket_set_due_on (FidTicket *self, const char *due_on);
const char *fid_ticket_get_resolved_at (FidTicket *self);
void fid_ticket_set_resolved_at (FidTicket *self, const char *resolved_at);
const char *fid_ticket_get_resolution (FidTicket *self);
void fid_ticket_set_resolution (FidTicket *self, const char *resolution);
gboolean fid_ticket_get_critical_incident (FidTicket *self);
void fid_ticket_set_critical_incident (FidTicket *self, gboolean critical_incident);
gint64 fid_ticket_get_advisor_id (FidTicket *self);
void fid_ticket_set_advisor_id (FidTicket *self, gint64 advisor_id);
const char *fid_ticket_get_advisor_name (FidTicket *self);
void fid_ticket_set_advisor_name (FidTicket *self, const char *advisor_name);
gint64 fid_ticket_get_version (FidTicket *self);
void fid_ticket_set_version (FidTicket *self, gint64 version);


G_END_DECLS
