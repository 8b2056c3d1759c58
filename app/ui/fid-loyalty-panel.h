/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* FidLoyaltyPanel: "Loyalty" in the customer 360 view (issue 14): the
 * points balance, the engagement score and what made it, the latest
 * ledger lines, who referred the customer and whom they referred, and the
 * commands "Record a Referral…" and "Redeem a Reward…". After a write the
 * window is told (fid_window_data_changed), which reloads the 360 view;
 * outside a window the panel reloads itself. "changed" is emitted after a
 * write. */

#define FID_TYPE_LOYALTY_PANEL (fid_loyalty_panel_get_type ())

G_DECLARE_FINAL_TYPE (FidLoyaltyPanel, fid_loyalty_panel, FID, LOYALTY_PANEL, AdwBin)

GtkWidget *fid_loyalty_panel_new             (void);
/* Shows @customer_id's programme (0: none, the panel hides). */
void       fid_loyalty_panel_set_customer    (FidLoyaltyPanel *self,
                                              FidStore        *store,
                                              gint64           customer_id,
                                              gint64           advisor_id);
void       fid_loyalty_panel_reload          (FidLoyaltyPanel *self);
/* The balance shown. */
gint64     fid_loyalty_panel_get_balance     (FidLoyaltyPanel *self);
/* What the dialogs do once the user confirms; FALSE with @error (the
 * message the dialog shows) when refused. */
gboolean   fid_loyalty_panel_redeem          (FidLoyaltyPanel *self,
                                              gint64           reward_id,
                                              GError         **error);
gboolean   fid_loyalty_panel_record_referral (FidLoyaltyPanel *self,
                                              gint64           referred_id,
                                              GError         **error);
/* Opens the dialogs (the buttons' actions, loyalty.redeem and
 * loyalty.refer). For tests: the dialog last opened, or NULL. */
void       fid_loyalty_panel_show_redeem     (FidLoyaltyPanel *self);
void       fid_loyalty_panel_show_referral   (FidLoyaltyPanel *self);
GtkWidget *fid_loyalty_panel_get_dialog      (FidLoyaltyPanel *self);

/* fid-loyalty-dialogs.c: the two dialogs, transient for @parent. */
GtkWidget *fid_loyalty_redeem_dialog_new     (FidLoyaltyPanel *panel,
                                              GtkWindow       *parent,
                                              FidStore        *store,
                                              gint64           customer_id);
GtkWidget *fid_loyalty_referral_dialog_new   (FidLoyaltyPanel *panel,
                                              GtkWindow       *parent,
                                              FidStore        *store,
                                              gint64           customer_id);

G_END_DECLS
