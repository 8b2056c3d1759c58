/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"

G_BEGIN_DECLS

#define FID_TYPE_TICKETS_PAGE (fid_tickets_page_get_type ())

G_DECLARE_FINAL_TYPE (FidTicketsPage, fid_tickets_page, FID, TICKETS_PAGE, GtkWidget)

void        fid_tickets_page_set_store      (FidTicketsPage *self,
                                             FidStore       *store);
void        fid_tickets_page_set_advisor_id (FidTicketsPage *self,
                                             gint64          advisor_id);
void        fid_tickets_page_reload         (FidTicketsPage *self);

/* For tests: the open tickets shown (FidTicket), overdue ones first. */
GListModel *fid_tickets_page_get_items      (FidTicketsPage *self);

G_END_DECLS
