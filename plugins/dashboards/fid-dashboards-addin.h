/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* FidDashboardsAddin: adds the Dashboard (marketing) and My Dashboard
 * (the signed-in advisor's) pages to a window. */

#define FID_TYPE_DASHBOARDS_ADDIN (fid_dashboards_addin_get_type ())

G_DECLARE_FINAL_TYPE (FidDashboardsAddin, fid_dashboards_addin, FID, DASHBOARDS_ADDIN, GObject)

G_END_DECLS
