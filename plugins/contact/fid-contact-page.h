/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-channel.h"
#include "fid-store.h"

G_BEGIN_DECLS

/* FidContactPage: the Contact page the Contact Centre adds to the window:
 * find a customer, see their marketing consents, and one row per channel
 * to log or send (the channel.<id> actions, with the customer's id as
 * target), plus imports and batch exports. */

#define FID_TYPE_CONTACT_PAGE (fid_contact_page_get_type ())

G_DECLARE_FINAL_TYPE (FidContactPage, fid_contact_page, FID, CONTACT_PAGE, AdwBin)

GtkWidget *fid_contact_page_new             (void);
void       fid_contact_page_set_store       (FidContactPage *self,
                                             FidStore       *store);
void       fid_contact_page_add_channel     (FidContactPage *self,
                                             FidChannel     *channel);
void       fid_contact_page_remove_channel  (FidContactPage *self,
                                             FidChannel     *channel);
gint64     fid_contact_page_get_customer_id (FidContactPage *self);
void       fid_contact_page_set_customer_id (FidContactPage *self,
                                             gint64          customer_id);
/* Searches as if @text was typed, for tests and screenshots. */
void       fid_contact_page_search          (FidContactPage *self,
                                             const char     *text);

G_END_DECLS
