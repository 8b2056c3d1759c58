/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidPlugin: a plugin as the plugin manager and the Preferences see it. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-plugin.h"

struct _FidPlugin
{
  GObject         parent_instance;

  PeasPluginInfo *info;          /* NULL for a file libpeas could not read */
  char           *module_name;
  char           *name;
  gboolean        enabled;
  gboolean        loaded;
  char           *error;
};

enum {
  PROP_0,
  PROP_MODULE_NAME,
  PROP_NAME,
  PROP_ENABLED,
  PROP_LOADED,
  PROP_ERROR,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FidPlugin, fid_plugin, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
fid_plugin_finalize (GObject *object)
{
  FidPlugin *self = FID_PLUGIN (object);

  g_free (self->module_name);
  g_free (self->name);
  g_free (self->error);

  G_OBJECT_CLASS (fid_plugin_parent_class)->finalize (object);
}

static void
fid_plugin_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FidPlugin *self = FID_PLUGIN (object);

  switch (prop_id)
    {
    case PROP_MODULE_NAME:
      g_value_set_string (value, self->module_name);
      break;

    case PROP_NAME:
      g_value_set_string (value, fid_plugin_get_name (self));
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_plugin_class_init (FidPluginClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_plugin_finalize;
  object_class->get_property = fid_plugin_get_property;

  properties[PROP_MODULE_NAME] =
    g_param_spec_string ("module-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_plugin_init (FidPlugin *self)
{
}

FidPlugin *
fid_plugin_new (PeasPluginInfo *info)
{
  FidPlugin *self;

  g_return_val_if_fail (info != NULL, NULL);

  self = g_object_new (FID_TYPE_PLUGIN, NULL);
  self->info = info;
  self->module_name = g_strdup (peas_plugin_info_get_module_name (info));

  return self;
}

FidPlugin *
fid_plugin_new_broken (const char *path,
                       const char *error)
{
  FidPlugin *self;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  basename = g_path_get_basename (path);
  self = g_object_new (FID_TYPE_PLUGIN, NULL);
  self->module_name = g_strdup (path);
  self->name = g_strdup (basename);
  self->error = g_strdup (error);

  return self;
}

PeasPluginInfo *
fid_plugin_get_info (FidPlugin *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN (self), NULL);

  return self->info;
}

/* The module name; for a file that could not be read, its path. */
const char *
fid_plugin_get_module_name (FidPlugin *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN (self), NULL);

  return self->module_name;
}

const char *
fid_plugin_get_name (FidPlugin *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN (self), NULL);

  if (self->info != NULL)
    return peas_plugin_info_get_name (self->info);

  return self->name;
}

const char *
fid_plugin_get_description (FidPlugin *self)
{
  const char *description;

  g_return_val_if_fail (FID_IS_PLUGIN (self), NULL);

  if (self->info == NULL)
    return _("This plugin file could not be read.");

  description = peas_plugin_info_get_description (self->info);
  return description != NULL ? description : "";
}

const char *
fid_plugin_get_version (FidPlugin *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN (self), NULL);

  if (self->info == NULL || peas_plugin_info_get_version (self->info) == NULL)
    return "";

  return peas_plugin_info_get_version (self->info);
}

FidPluginCategory
fid_plugin_get_category (FidPlugin *self)
{
  const char *category;

  g_return_val_if_fail (FID_IS_PLUGIN (self), FID_PLUGIN_CATEGORY_OTHER);

  if (self->info == NULL)
    return FID_PLUGIN_CATEGORY_OTHER;

  category = peas_plugin_info_get_external_data (self->info, "Fidelis-Category");
  if (g_strcmp0 (category, "channel") == 0)
    return FID_PLUGIN_CATEGORY_CHANNEL;
  if (g_strcmp0 (category, "analytics") == 0)
    return FID_PLUGIN_CATEGORY_ANALYTICS;

  return FID_PLUGIN_CATEGORY_OTHER;
}

const char *
fid_plugin_get_category_name (FidPlugin *self)
{
  switch (fid_plugin_get_category (self))
    {
    case FID_PLUGIN_CATEGORY_CHANNEL:
      return C_("plugin category", "Channel");
    case FID_PLUGIN_CATEGORY_ANALYTICS:
      return C_("plugin category", "Analytics");
    case FID_PLUGIN_CATEGORY_OTHER:
    default:
      return C_("plugin category", "Other");
    }
}

gboolean
fid_plugin_get_builtin (FidPlugin *self)
{
  const char *module_dir;

  g_return_val_if_fail (FID_IS_PLUGIN (self), FALSE);

  if (self->info == NULL)
    return FALSE;

  module_dir = peas_plugin_info_get_module_dir (self->info);
  return module_dir != NULL && g_str_has_prefix (module_dir, "resource://");
}

gboolean
fid_plugin_get_core (FidPlugin *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN (self), FALSE);

  if (self->info == NULL)
    return FALSE;

  return peas_plugin_info_is_hidden (self->info) ||
         peas_plugin_info_is_builtin (self->info) ||
         g_strcmp0 (peas_plugin_info_get_external_data (self->info, "Fidelis-Builtin"), "true") == 0;
}

gboolean
fid_plugin_get_enabled (FidPlugin *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN (self), FALSE);

  return self->enabled;
}

void
fid_plugin_set_enabled (FidPlugin *self,
                        gboolean   enabled)
{
  g_return_if_fail (FID_IS_PLUGIN (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

gboolean
fid_plugin_get_loaded (FidPlugin *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN (self), FALSE);

  return self->loaded;
}

void
fid_plugin_set_loaded (FidPlugin *self,
                       gboolean   loaded)
{
  g_return_if_fail (FID_IS_PLUGIN (self));

  loaded = !!loaded;
  if (self->loaded == loaded)
    return;

  self->loaded = loaded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

/* Why the plugin is not loaded, in words for the user; NULL when fine. */
const char *
fid_plugin_get_error (FidPlugin *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN (self), NULL);

  return self->error;
}

void
fid_plugin_set_error (FidPlugin  *self,
                      const char *error)
{
  g_return_if_fail (FID_IS_PLUGIN (self));

  if (g_strcmp0 (self->error, error) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}
