/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-plugin-manager.h"

G_BEGIN_DECLS

/* FidPreferencesWindow: the application's preferences (app.preferences,
 * Ctrl+comma). Its Plugins page lists every plugin the manager found, by
 * category, with an enable switch and the plugin's error. */

#define FID_TYPE_PREFERENCES_WINDOW (fid_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (FidPreferencesWindow, fid_preferences_window, FID, PREFERENCES_WINDOW, AdwPreferencesWindow)

FidPreferencesWindow *fid_preferences_window_new          (GtkWindow            *parent,
                                                           FidPluginManager     *manager);
/* For tests: the row of @module_name, NULL when not listed. */
GtkWidget            *fid_preferences_window_get_plugin_row (FidPreferencesWindow *self,
                                                             const char           *module_name);

G_END_DECLS
