/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* FidWorkshopAddin: adds the Workshop page to a window (issue 12). */

#define FID_TYPE_WORKSHOP_ADDIN (fid_workshop_addin_get_type ())

G_DECLARE_FINAL_TYPE (FidWorkshopAddin, fid_workshop_addin, FID, WORKSHOP_ADDIN, GObject)

G_END_DECLS
