/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* FidLoyaltyAddin: adds the Loyalty page to a window. */

#define FID_TYPE_LOYALTY_ADDIN (fid_loyalty_addin_get_type ())

G_DECLARE_FINAL_TYPE (FidLoyaltyAddin, fid_loyalty_addin, FID, LOYALTY_ADDIN, GObject)

G_END_DECLS
