/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* FidLoyaltySettings: the programme's settings (issue 14): the points
 * each earning rule gives, how long points stay valid, and the weights of
 * the engagement score. Each change is saved at once; closing the window
 * computes every engagement score again, in a thread, when a weight
 * changed. */

#define FID_TYPE_LOYALTY_SETTINGS (fid_loyalty_settings_get_type ())

G_DECLARE_FINAL_TYPE (FidLoyaltySettings, fid_loyalty_settings, FID, LOYALTY_SETTINGS, AdwPreferencesWindow)

FidLoyaltySettings *fid_loyalty_settings_new        (GtkWindow          *parent,
                                                     FidStore           *store);
/* For tests: the spin button of a rule ("referral_converted"…), of the
 * validity ("validity") or of a weight ("recency_points", "channel:phone"…). */
GtkSpinButton      *fid_loyalty_settings_get_spin   (FidLoyaltySettings *self,
                                                     const char         *name);

G_END_DECLS
