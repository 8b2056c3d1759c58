/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-plugin-manager.h"

G_BEGIN_DECLS

/* FidPluginRow: one plugin in the Preferences' Plugins page — name,
 * description, category, version, an enable switch (insensitive for core
 * plugins) and the plugin's error when it has one. */

#define FID_TYPE_PLUGIN_ROW (fid_plugin_row_get_type ())

G_DECLARE_FINAL_TYPE (FidPluginRow, fid_plugin_row, FID, PLUGIN_ROW, AdwPreferencesRow)

GtkWidget *fid_plugin_row_new        (FidPluginManager *manager,
                                      FidPlugin        *plugin);
FidPlugin *fid_plugin_row_get_plugin (FidPluginRow     *self);
GtkSwitch *fid_plugin_row_get_switch (FidPluginRow     *self);

G_END_DECLS
