/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-dashboard.h"

G_BEGIN_DECLS

/* FidDashboardPresentation: a dashboard on a projector. Full screen, one
 * slide per chart after a title slide with the key figures, everything
 * drawn large (each slide scales a chart drawn at a fixed logical size to
 * the screen, so type grows with it). Right, Space and Page Down go
 * forward; Left, Backspace and Page Up back; Home and End to the ends;
 * Escape leaves. */

#define FID_TYPE_DASHBOARD_PRESENTATION (fid_dashboard_presentation_get_type ())

G_DECLARE_FINAL_TYPE (FidDashboardPresentation, fid_dashboard_presentation, FID, DASHBOARD_PRESENTATION,
                      AdwWindow)

GtkWidget *fid_dashboard_presentation_new       (GtkWindow                *parent,
                                                 FidDashboard             *dashboard,
                                                 const char               *scope);
guint      fid_dashboard_presentation_get_n_slides (FidDashboardPresentation *self);
guint      fid_dashboard_presentation_get_slide    (FidDashboardPresentation *self);

G_END_DECLS
