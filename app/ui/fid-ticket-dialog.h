/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-customer.h"
#include "fid-store.h"
#include "fid-ticket.h"

G_BEGIN_DECLS

#define FID_TYPE_TICKET_DIALOG (fid_ticket_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FidTicketDialog, fid_ticket_dialog, FID, TICKET_DIALOG, AdwWindow)

/* A new ticket for @customer. */
FidTicketDialog *fid_ticket_dialog_new            (GtkWindow       *parent,
                                                   FidStore        *store,
                                                   FidCustomer     *customer,
                                                   gint64           advisor_id);
/* Edits ticket @ticket_id, with its status workflow; NULL (after telling
 * the user) when it cannot be read. */
FidTicketDialog *fid_ticket_dialog_new_for_ticket (GtkWindow       *parent,
                                                   FidStore        *store,
                                                   gint64           ticket_id);

/* For tests: the ticket as last read or saved, and the fields by name
 * ("kind", "category", "subject", "priority", "due", "critical",
 * "description", "resolution", "status"). Actions: ticket.save,
 * ticket.start, ticket.resolve, ticket.close, ticket.reopen. */
FidTicket       *fid_ticket_dialog_get_ticket     (FidTicketDialog *self);
GtkWidget       *fid_ticket_dialog_get_field      (FidTicketDialog *self,
                                                   const char      *name);

G_END_DECLS
