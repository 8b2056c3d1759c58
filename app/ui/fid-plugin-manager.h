/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <libpeas/peas.h>

#include "fid-plugin.h"

G_BEGIN_DECLS

/* The plugin ABI a loadable plugin must declare (X-Fidelis-ABI=1 in its
 * .plugin file). Bumped whenever an extension point changes in a way that
 * breaks compiled plugins. */
#define FID_PLUGIN_ABI "1"

/* Where the built-in plugins' .plugin files are embedded. */
#define FID_PLUGIN_RESOURCE_DIR "resource:///io/github/fidelis/Fidelis/plugins"

typedef enum
{
  FID_PLUGIN_MANAGER_FLAGS_NONE = 0,
  FID_PLUGIN_MANAGER_SAFE_MODE  = 1 << 0,  /* built-in plugins only */
} FidPluginManagerFlags;

#define FID_TYPE_PLUGIN_MANAGER (fid_plugin_manager_get_type ())

G_DECLARE_FINAL_TYPE (FidPluginManager, fid_plugin_manager, FID, PLUGIN_MANAGER, GObject)

FidPluginManager *fid_plugin_manager_new                (GSettings             *settings,
                                                         FidPluginManagerFlags  flags);
/* The manager made last that is still alive: what plugins use to reach
 * the engine (for their own PeasExtensionSets). */
FidPluginManager *fid_plugin_manager_get_default        (void);

/* Before fid_plugin_manager_load: another folder to search (after the
 * built-in plugins, $libdir/fidelis/plugins and the user's folder). The
 * FIDELIS_PLUGIN_PATH environment variable adds folders the same way. */
void              fid_plugin_manager_add_search_path    (FidPluginManager      *self,
                                                         const char            *path);
/* Before fid_plugin_manager_load: where the crash sentinel is kept
 * (default: the user's state folder, fidelis/). */
void              fid_plugin_manager_set_state_dir      (FidPluginManager      *self,
                                                         const char            *state_dir);
/* Finds the plugins and loads the enabled ones. A plugin that cannot be
 * loaded is listed with its error; nothing here aborts. */
void              fid_plugin_manager_load               (FidPluginManager      *self);

PeasEngine       *fid_plugin_manager_get_engine         (FidPluginManager      *self);
FidPluginManagerFlags fid_plugin_manager_get_flags      (FidPluginManager      *self);
/* Every plugin found, FidPlugin, built-in ones first, then by name. */
GListModel       *fid_plugin_manager_get_plugins        (FidPluginManager      *self);
FidPlugin        *fid_plugin_manager_find_plugin        (FidPluginManager      *self,
                                                         const char            *module_name);
/* Enables or disables a plugin now and for the next starts. Refused for a
 * core plugin (G_IO_ERROR_PERMISSION_DENIED). Enabling a plugin that then
 * fails to load is not an error of this call: see the plugin's error. */
gboolean          fid_plugin_manager_set_plugin_enabled (FidPluginManager      *self,
                                                         const char            *module_name,
                                                         gboolean               enabled,
                                                         GError               **error);
/* Names of the plugins disabled at this start because the application
 * stopped while activating them the last time (crash sentinel). */
const char * const *fid_plugin_manager_get_crashed_plugins (FidPluginManager   *self);

/* Hosts: gives @window one FidWindowAddin per loaded plugin that has one,
 * now and as plugins come and go; remove_window unloads them all. */
void              fid_plugin_manager_add_window         (FidPluginManager      *self,
                                                         GtkWindow             *window);
void              fid_plugin_manager_remove_window      (FidPluginManager      *self,
                                                         GtkWindow             *window);
/* Does add_window / remove_window for every FidWindow of @application. */
void              fid_plugin_manager_watch_application  (FidPluginManager      *self,
                                                         GtkApplication        *application);

/* The crash sentinel around activating a plugin's code: begin writes a
 * file naming @module_name, end removes it. */
void              fid_plugin_manager_guard_begin        (FidPluginManager      *self,
                                                         const char            *module_name);
void              fid_plugin_manager_guard_end          (FidPluginManager      *self);

G_END_DECLS
