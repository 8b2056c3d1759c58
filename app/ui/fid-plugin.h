/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpeas/peas.h>

G_BEGIN_DECLS

/* FidPlugin: one row of the plugins list the plugin manager keeps — a
 * plugin libpeas found, or a .plugin file it could not read — with what
 * the Preferences page shows: name, description, category, version,
 * whether it is enabled and loaded, and why it is not when it failed. */

#define FID_TYPE_PLUGIN (fid_plugin_get_type ())

G_DECLARE_FINAL_TYPE (FidPlugin, fid_plugin, FID, PLUGIN, GObject)

typedef enum
{
  FID_PLUGIN_CATEGORY_CHANNEL,
  FID_PLUGIN_CATEGORY_ANALYTICS,
  FID_PLUGIN_CATEGORY_OTHER,
} FidPluginCategory;

FidPlugin         *fid_plugin_new               (PeasPluginInfo *info);
/* A plugin file that could not be read: @path names it. */
FidPlugin         *fid_plugin_new_broken        (const char     *path,
                                                 const char     *error);

PeasPluginInfo    *fid_plugin_get_info          (FidPlugin      *self);
const char        *fid_plugin_get_module_name   (FidPlugin      *self);
const char        *fid_plugin_get_name          (FidPlugin      *self);
const char        *fid_plugin_get_description   (FidPlugin      *self);
const char        *fid_plugin_get_version       (FidPlugin      *self);
FidPluginCategory  fid_plugin_get_category      (FidPlugin      *self);
const char        *fid_plugin_get_category_name (FidPlugin      *self);
/* Shipped inside the application (an embedded module). */
gboolean           fid_plugin_get_builtin       (FidPlugin      *self);
/* Part of the application: cannot be disabled (Hidden, Builtin or
 * X-Fidelis-Builtin=true). */
gboolean           fid_plugin_get_core          (FidPlugin      *self);

gboolean           fid_plugin_get_enabled       (FidPlugin      *self);
void               fid_plugin_set_enabled       (FidPlugin      *self,
                                                 gboolean        enabled);
gboolean           fid_plugin_get_loaded        (FidPlugin      *self);
void               fid_plugin_set_loaded        (FidPlugin      *self,
                                                 gboolean        loaded);
const char        *fid_plugin_get_error         (FidPlugin      *self);
void               fid_plugin_set_error         (FidPlugin      *self,
                                                 const char     *error);

G_END_DECLS
