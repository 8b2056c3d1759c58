/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FID_TYPE_DEMO_WINDOW (fid_demo_window_get_type ())

G_DECLARE_FINAL_TYPE (FidDemoWindow, fid_demo_window, FID, DEMO_WINDOW, AdwWindow)

FidDemoWindow *fid_demo_window_new      (GtkApplication *application,
                                         const char     *path,
                                         guint           n_customers);
const char    *fid_demo_window_get_path (FidDemoWindow  *self);
void           fid_demo_window_start    (FidDemoWindow  *self);
void           fid_demo_window_cancel   (FidDemoWindow  *self);

G_END_DECLS
