/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* FidLoyaltyProgrammePage: the loyalty programme's dashboard (issue 14)
 * over a period: members, active members, points issued and redeemed, the
 * liability of outstanding points, the referral conversion rate and the
 * retention of members against other customers. The figures are computed
 * in a thread (one pass over the holdings for the retention). */

#define FID_TYPE_LOYALTY_PROGRAMME_PAGE (fid_loyalty_programme_page_get_type ())

G_DECLARE_FINAL_TYPE (FidLoyaltyProgrammePage, fid_loyalty_programme_page, FID, LOYALTY_PROGRAMME_PAGE, AdwBin)

GtkWidget *fid_loyalty_programme_page_new       (void);
void       fid_loyalty_programme_page_set_store (FidLoyaltyProgrammePage *self,
                                                 FidStore                *store);
void       fid_loyalty_programme_page_reload    (FidLoyaltyProgrammePage *self);

G_END_DECLS
