/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-application.h"
#include "fid-store.h"

G_BEGIN_DECLS

#define FID_TYPE_WINDOW (fid_window_get_type ())

G_DECLARE_FINAL_TYPE (FidWindow, fid_window, FID, WINDOW, AdwApplicationWindow)

FidWindow     *fid_window_new             (FidApplication *application,
                                           FidStore       *store);
FidStore      *fid_window_get_store       (FidWindow      *self);
void           fid_window_set_store       (FidWindow      *self,
                                           FidStore       *store);
gboolean       fid_window_get_busy        (FidWindow      *self);
void           fid_window_show_open_error (FidWindow      *self,
                                           const GError   *error);
void           fid_window_add_toast       (FidWindow      *self,
                                           AdwToast       *toast);

/* For tests: the customer list (NULL until the store is loaded). */
GtkColumnView *fid_window_get_column_view (FidWindow      *self);

G_END_DECLS
