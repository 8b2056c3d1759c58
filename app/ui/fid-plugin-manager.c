/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidPluginManager: the one owner of the PeasEngine (libpeas-1.0; never
 * libpeas-gtk, which is GTK 3).
 *
 * Plugins are searched in this order, the first of a name winning: the
 * built-in ones embedded in the executable (resource:///…/plugins), then
 * $libdir/fidelis/plugins, then the user's data folder (fidelis/plugins),
 * then FIDELIS_PLUGIN_PATH and folders a test adds. A plugin that is not
 * built in must declare X-Fidelis-ABI equal to FID_PLUGIN_ABI.
 *
 * Enabled plugins are listed in the "enabled-plugins" setting; core
 * plugins (Hidden, Builtin or X-Fidelis-Builtin=true) are always loaded.
 * Whatever goes wrong with a plugin — a file that cannot be read, a wrong
 * ABI, a missing module or dependency — is kept as that plugin's error for
 * the Preferences, and the application goes on. libpeas's own warnings are
 * caught while it works and used as reasons.
 *
 * Crash sentinel: before a plugin's code first runs (loading its module,
 * activating its window addins) a file naming it is written to the state
 * folder and removed afterwards. A file still there at the next start
 * means the application died in that plugin: it is disabled and reported. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fid-plugin-manager-private.h"

#define SENTINEL_NAME "plugin-activating"


G_DEFINE_FINAL_TYPE (FidPluginManager, fid_plugin_manager, G_TYPE_OBJECT)

static FidPluginManager *default_manager;

static void try_load (FidPluginManager *self, FidPlugin *plugin);

/* libpeas warnings ------------------------------------------------------ */

static void
on_peas_log_cb (const char     *log_domain,
                GLogLevelFlags  log_level,
                const char     *message,
                gpointer        user_data)
{
  FidPluginManager *self = user_data;

  /* No logging from here: a message logged inside a log handler is a
   * recursion, which GLib treats as fatal. */
  g_free (self->peas_message);
  self->peas_message = g_strdup (message);
}

static void
begin_capture (FidPluginManager *self)
{
  if (self->log_handler == 0)
    self->log_handler = g_log_set_handler ("libpeas",
                                           G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_MESSAGE |
                                           G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                                           on_peas_log_cb, self);
  g_clear_pointer (&self->peas_message, g_free);
}

static void
end_capture (FidPluginManager *self)
{
  if (self->log_handler != 0)
    g_log_remove_handler ("libpeas", self->log_handler);
  self->log_handler = 0;
}

/* Settings -------------------------------------------------------------- */

static GStrv
dup_enabled (FidPluginManager *self)
{
  if (self->settings != NULL)
    return g_settings_get_strv (self->settings, "enabled-plugins");

  return g_strdupv (self->enabled);
}

static void
set_enabled_list (FidPluginManager   *self,
                  const char * const *names)
{
  if (self->settings != NULL)
    g_settings_set_strv (self->settings, "enabled-plugins", names);
  else
    {
      g_strfreev (self->enabled);
      self->enabled = g_strdupv ((char **) names);
    }
}

static gboolean
is_wanted (FidPluginManager *self,
           FidPlugin        *plugin,
           const char * const *enabled)
{
  if (fid_plugin_get_info (plugin) == NULL)
    return FALSE;
  if (fid_plugin_get_core (plugin))
    return TRUE;
  return g_strv_contains (enabled, fid_plugin_get_module_name (plugin));
}

/* Sentinel -------------------------------------------------------------- */

static char *
dup_sentinel_path (FidPluginManager *self)
{
  return g_build_filename (self->state_dir, SENTINEL_NAME, NULL);
}

void
fid_plugin_manager_guard_begin (FidPluginManager *self,
                                const char       *module_name)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FID_IS_PLUGIN_MANAGER (self));
  g_return_if_fail (module_name != NULL);

  path = dup_sentinel_path (self);
  if (g_mkdir_with_parents (self->state_dir, 0700) != 0 ||
      !g_file_set_contents (path, module_name, -1, &error))
    g_debug ("No crash sentinel for %s: %s", module_name,
             error ? error->message : g_strerror (errno));
}

void
fid_plugin_manager_guard_end (FidPluginManager *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FID_IS_PLUGIN_MANAGER (self));

  path = dup_sentinel_path (self);
  g_unlink (path);
}

/* A sentinel left by the last run: that plugin is disabled and reported. */
static void
check_sentinel (FidPluginManager *self)
{
  g_autofree char *path = dup_sentinel_path (self);
  g_autofree char *contents = NULL;
  g_auto(GStrv) enabled = NULL;
  g_autoptr(GStrvBuilder) kept = NULL;
  FidPlugin *plugin;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return;
  g_unlink (path);

  g_strstrip (contents);
  if (contents[0] == '\0')
    return;

  g_ptr_array_insert (self->crashed, self->crashed->len - 1, g_strdup (contents));

  enabled = dup_enabled (self);
  kept = g_strv_builder_new ();
  for (guint i = 0; enabled[i] != NULL; i++)
    if (!g_str_equal (enabled[i], contents))
      g_strv_builder_add (kept, enabled[i]);
  {
    g_auto(GStrv) names = g_strv_builder_end (kept);

    set_enabled_list (self, (const char * const *) names);
  }

  plugin = fid_plugin_manager_find_plugin (self, contents);
  if (plugin != NULL)
    fid_plugin_set_error (plugin, fid_plugin_get_core (plugin)
                          ? _("Fidelis stopped while starting this plugin the last time. "
                              "It is part of Fidelis and stays enabled; start with --safe-mode "
                              "if this happens again.")
                          : _("Disabled because Fidelis stopped while starting this plugin "
                              "the last time. Enable it again to retry."));
  g_message ("Plugin %s was disabled: the application stopped while activating it", contents);
}

/* Finding plugins ------------------------------------------------------- */

static int
compare_plugins (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  FidPlugin *pa = (FidPlugin *) a;
  FidPlugin *pb = (FidPlugin *) b;

  if (fid_plugin_get_builtin (pa) != fid_plugin_get_builtin (pb))
    return fid_plugin_get_builtin (pa) ? -1 : 1;

  return g_utf8_collate (fid_plugin_get_name (pa), fid_plugin_get_name (pb));
}

/* libpeas drops a .plugin file it cannot read with a warning only; find
 * them on disk (one folder level deep, as libpeas searches) to list them
 * with the reason. */
static void
check_plugin_file (FidPluginManager *self,
                   const char       *path)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *module = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error))
    reason = g_strdup_printf (_("The plugin file is malformed: %s"), error->message);
  else if ((module = g_key_file_get_string (key_file, "Plugin", "Module", NULL)) == NULL ||
           module[0] == '\0')
    reason = g_strdup (_("The plugin file is malformed: it has no “Module” in its [Plugin] section."));
  else if ((name = g_key_file_get_locale_string (key_file, "Plugin", "Name", NULL, NULL)) == NULL ||
           name[0] == '\0')
    reason = g_strdup (_("The plugin file is malformed: it has no “Name” in its [Plugin] section."));
  else if (g_key_file_has_key (key_file, "Plugin", "Embedded", NULL))
    reason = g_strdup (_("The plugin file is malformed: only plugins built into Fidelis can be “Embedded”."));
  else
    return;

  {
    g_autoptr(FidPlugin) plugin = fid_plugin_new_broken (path, reason);

    g_list_store_insert_sorted (self->plugins, plugin, compare_plugins, NULL);
  }
}

static void
scan_for_broken_files (FidPluginManager *self,
                       const char       *dir,
                       guint             depth)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  const char *name;

  if (gdir == NULL)
    return;

  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (depth > 0)
            scan_for_broken_files (self, path, depth - 1);
        }
      else if (g_str_has_suffix (name, ".plugin"))
        check_plugin_file (self, path);
    }
}

static void
add_search_paths (FidPluginManager *self)
{
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "fidelis", "plugins", NULL);
  const char *env = g_getenv ("FIDELIS_PLUGIN_PATH");

  peas_engine_add_search_path (self->engine, FID_PLUGIN_RESOURCE_DIR, FID_PLUGIN_RESOURCE_DIR);
  peas_engine_add_search_path (self->engine, PLUGINDIR, PLUGINDIR);
  peas_engine_add_search_path (self->engine, user_dir, user_dir);

  if (env != NULL && env[0] != '\0')
    {
      g_auto(GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        if (dirs[i][0] != '\0')
          g_ptr_array_add (self->search_paths, g_strdup (dirs[i]));
    }

  for (guint i = 0; i < self->search_paths->len; i++)
    {
      const char *dir = g_ptr_array_index (self->search_paths, i);

      peas_engine_add_search_path (self->engine, dir, dir);
    }

  /* Only what is on disk can be malformed: the embedded files are ours. */
  scan_for_broken_files (self, PLUGINDIR, 1);
  scan_for_broken_files (self, user_dir, 1);
  for (guint i = 0; i < self->search_paths->len; i++)
    scan_for_broken_files (self, g_ptr_array_index (self->search_paths, i), 1);
}

/* Loading --------------------------------------------------------------- */

/* Why @plugin cannot be loaded before libpeas even tries, or NULL. With
 * @static_only, only what is wrong with the plugin itself (a disabled
 * plugin is still told to have the wrong ABI). */
static char *
dup_load_problem (FidPluginManager *self,
                  FidPlugin        *plugin,
                  GHashTable       *visiting,
                  gboolean          static_only)
{
  PeasPluginInfo *info = fid_plugin_get_info (plugin);
  const char * const *deps;
  g_autofree char *module_path = NULL;
  const char *loader;
  const char *abi;

  if (info == NULL)
    return g_strdup (fid_plugin_get_error (plugin));

  if (!fid_plugin_get_builtin (plugin))
    {
      if (!static_only && (self->flags & FID_PLUGIN_MANAGER_SAFE_MODE) != 0)
        return g_strdup (_("Not loaded: Fidelis was started in safe mode, with its built-in plugins only."));

      abi = peas_plugin_info_get_external_data (info, "Fidelis-ABI");
      if (abi == NULL)
        return g_strdup_printf (_("The plugin does not say which Fidelis it was built for "
                                  "(X-Fidelis-ABI is missing); this Fidelis needs ABI %s."),
                                FID_PLUGIN_ABI);
      if (g_strcmp0 (abi, FID_PLUGIN_ABI) != 0)
        return g_strdup_printf (_("The plugin was built for Fidelis plugin ABI %s; this Fidelis "
                                  "needs ABI %s. Install a version of the plugin made for it."),
                                abi, FID_PLUGIN_ABI);
    }

  deps = peas_plugin_info_get_dependencies (info);
  g_hash_table_add (visiting, (gpointer) fid_plugin_get_module_name (plugin));
  for (guint i = 0; deps != NULL && deps[i] != NULL; i++)
    {
      FidPlugin *dep = fid_plugin_manager_find_plugin (self, deps[i]);
      g_autofree char *dep_problem = NULL;
      g_auto(GStrv) enabled = NULL;

      if (dep == NULL || fid_plugin_get_info (dep) == NULL)
        return g_strdup_printf (_("It needs the plugin “%s”, which is not installed."), deps[i]);
      if (g_hash_table_contains (visiting, deps[i]))
        return g_strdup_printf (_("It depends on “%s”, which depends on it in turn."), deps[i]);
      if (static_only)
        continue;

      enabled = dup_enabled (self);
      if (!is_wanted (self, dep, (const char * const *) enabled))
        return g_strdup_printf (_("It needs the plugin “%s”, which is disabled."),
                                fid_plugin_get_name (dep));
      dep_problem = dup_load_problem (self, dep, visiting, FALSE);
      if (dep_problem != NULL)
        return g_strdup_printf (_("It needs the plugin “%s”, which cannot be loaded: %s"),
                                fid_plugin_get_name (dep), dep_problem);
    }
  g_hash_table_remove (visiting, fid_plugin_get_module_name (plugin));

  /* libpeas would only warn "Failed to load module": say which file. */
  loader = peas_plugin_info_get_external_data (info, "Loader");
  if (!fid_plugin_get_builtin (plugin) &&
      (loader == NULL || g_ascii_strcasecmp (loader, "c") == 0))
    {
      module_path = g_module_build_path (peas_plugin_info_get_module_dir (info),
                                         peas_plugin_info_get_module_name (info));
      if (!g_file_test (module_path, G_FILE_TEST_EXISTS))
        return g_strdup_printf (_("The plugin’s module “%s” is missing."), module_path);
    }

  return NULL;
}

static void
try_load (FidPluginManager *self,
          FidPlugin        *plugin)
{
  g_autoptr(GHashTable) visiting = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *problem = NULL;
  PeasPluginInfo *info = fid_plugin_get_info (plugin);
  g_autoptr(GError) error = NULL;

  if (info == NULL || peas_plugin_info_is_loaded (info))
    {
      fid_plugin_set_loaded (plugin, info != NULL);
      return;
    }

  problem = dup_load_problem (self, plugin, visiting, FALSE);
  if (problem != NULL)
    {
      fid_plugin_set_error (plugin, problem);
      return;
    }

  begin_capture (self);
  fid_plugin_manager_guard_begin (self, fid_plugin_get_module_name (plugin));
  peas_engine_load_plugin (self->engine, info);
  fid_plugin_manager_guard_end (self);
  end_capture (self);

  if (peas_plugin_info_is_loaded (info))
    {
      fid_plugin_set_loaded (plugin, TRUE);
      /* A crash report stays until the plugin loads again. */
      fid_plugin_set_error (plugin, NULL);
      return;
    }

  fid_plugin_set_loaded (plugin, FALSE);
  if (!peas_plugin_info_is_available (info, &error) && error != NULL)
    {
      g_autofree char *message = self->peas_message != NULL
        ? g_strdup_printf ("%s (%s)", error->message, self->peas_message)
        : g_strdup (error->message);

      fid_plugin_set_error (plugin, message);
    }
  else
    fid_plugin_set_error (plugin, self->peas_message ? self->peas_message : _("The plugin could not be loaded."));
}

static void
unload (FidPluginManager *self,
        FidPlugin        *plugin)
{
  PeasPluginInfo *info = fid_plugin_get_info (plugin);

  if (info != NULL && peas_plugin_info_is_loaded (info))
    {
      begin_capture (self);
      peas_engine_unload_plugin (self->engine, info);
      end_capture (self);
    }
  fid_plugin_set_loaded (plugin, info != NULL && peas_plugin_info_is_loaded (info));
}

/* Brings every plugin in line with the enabled list. */
static void
reconcile (FidPluginManager *self)
{
  g_auto(GStrv) enabled = dup_enabled (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plugins));

  /* Unload first, so a plugin that depends on a disabled one goes too. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FidPlugin) plugin = g_list_model_get_item (G_LIST_MODEL (self->plugins), i);
      gboolean wanted = is_wanted (self, plugin, (const char * const *) enabled);

      fid_plugin_set_enabled (plugin, wanted);
      if (!wanted && fid_plugin_get_loaded (plugin))
        unload (self, plugin);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FidPlugin) plugin = g_list_model_get_item (G_LIST_MODEL (self->plugins), i);

      if (fid_plugin_get_enabled (plugin))
        try_load (self, plugin);
      else if (fid_plugin_get_info (plugin) != NULL &&
               !g_strv_contains ((const char * const *) self->crashed->pdata,
                                 fid_plugin_get_module_name (plugin)))
        {
          /* Disabled: still say what is wrong with it, if anything. */
          g_autoptr(GHashTable) visiting = g_hash_table_new (g_str_hash, g_str_equal);
          g_autofree char *problem = dup_load_problem (self, plugin, visiting, TRUE);

          fid_plugin_set_error (plugin, problem);
        }

      /* libpeas also unloads what depends on an unloaded plugin. */
      fid_plugin_set_loaded (plugin, fid_plugin_get_info (plugin) != NULL &&
                                     peas_plugin_info_is_loaded (fid_plugin_get_info (plugin)));
    }
}

static void
on_enabled_plugins_changed_cb (FidPluginManager *self)
{
  if (self->loaded)
    reconcile (self);
}

/* GObject --------------------------------------------------------------- */

static void
fid_plugin_manager_dispose (GObject *object)
{
  FidPluginManager *self = FID_PLUGIN_MANAGER (object);

  if (self->windows != NULL)
    {
      g_autoptr(GList) windows = g_hash_table_get_keys (self->windows);

      for (GList *l = windows; l != NULL; l = l->next)
        fid_plugin_manager_remove_window (self, l->data);
    }
  g_clear_weak_pointer (&self->application);

  if (self->engine != NULL)
    {
      /* Unload in the engine's order (dependants first). */
      begin_capture (self);
      peas_engine_set_loaded_plugins (self->engine, NULL);
      end_capture (self);
    }

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->plugins);
  g_clear_object (&self->engine);

  if (default_manager == self)
    default_manager = NULL;

  G_OBJECT_CLASS (fid_plugin_manager_parent_class)->dispose (object);
}

static void
fid_plugin_manager_finalize (GObject *object)
{
  FidPluginManager *self = FID_PLUGIN_MANAGER (object);

  g_strfreev (self->enabled);
  g_clear_pointer (&self->search_paths, g_ptr_array_unref);
  g_clear_pointer (&self->crashed, g_ptr_array_unref);
  g_clear_pointer (&self->windows, g_hash_table_unref);
  g_free (self->state_dir);
  g_free (self->peas_message);

  G_OBJECT_CLASS (fid_plugin_manager_parent_class)->finalize (object);
}

static void
fid_plugin_manager_class_init (FidPluginManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fid_plugin_manager_dispose;
  object_class->finalize = fid_plugin_manager_finalize;
}

static void
fid_plugin_manager_init (FidPluginManager *self)
{
  self->engine = peas_engine_new ();
  self->plugins = g_list_store_new (FID_TYPE_PLUGIN);
  self->search_paths = g_ptr_array_new_with_free_func (g_free);
  self->crashed = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->crashed, NULL);
  self->windows = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->state_dir = g_build_filename (g_get_user_state_dir (), "fidelis", NULL);
}

/* Public API ------------------------------------------------------------ */

/**
 * fid_plugin_manager_new:
 * @settings: (nullable): the application's settings; NULL keeps the
 *   enabled list in memory (every built-in plugin enabled)
 */
FidPluginManager *
fid_plugin_manager_new (GSettings             *settings,
                        FidPluginManagerFlags  flags)
{
  FidPluginManager *self;

  g_return_val_if_fail (!settings || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (FID_TYPE_PLUGIN_MANAGER, NULL);
  self->flags = flags;
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed::enabled-plugins",
                               G_CALLBACK (on_enabled_plugins_changed_cb), self, G_CONNECT_SWAPPED);
    }

  default_manager = self;

  return self;
}

FidPluginManager *
fid_plugin_manager_get_default (void)
{
  return default_manager;
}

void
fid_plugin_manager_add_search_path (FidPluginManager *self,
                                    const char       *path)
{
  g_return_if_fail (FID_IS_PLUGIN_MANAGER (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!self->loaded);

  g_ptr_array_add (self->search_paths, g_strdup (path));
}

void
fid_plugin_manager_set_state_dir (FidPluginManager *self,
                                  const char       *state_dir)
{
  g_return_if_fail (FID_IS_PLUGIN_MANAGER (self));
  g_return_if_fail (state_dir != NULL);

  g_free (self->state_dir);
  self->state_dir = g_strdup (state_dir);
}

void
fid_plugin_manager_load (FidPluginManager *self)
{
  g_return_if_fail (FID_IS_PLUGIN_MANAGER (self));
  g_return_if_fail (!self->loaded);

  begin_capture (self);
  add_search_paths (self);
  peas_engine_rescan_plugins (self->engine);
  end_capture (self);

  for (const GList *l = peas_engine_get_plugin_list (self->engine); l != NULL; l = l->next)
    {
      g_autoptr(FidPlugin) plugin = fid_plugin_new (l->data);

      g_list_store_insert_sorted (self->plugins, plugin, compare_plugins, NULL);
    }

  /* Without settings every built-in plugin is enabled. */
  if (self->settings == NULL && self->enabled == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->plugins)); i++)
        {
          g_autoptr(FidPlugin) plugin = g_list_model_get_item (G_LIST_MODEL (self->plugins), i);

          if (fid_plugin_get_builtin (plugin))
            g_strv_builder_add (builder, fid_plugin_get_module_name (plugin));
        }
      self->enabled = g_strv_builder_end (builder);
    }

  check_sentinel (self);
  self->loaded = TRUE;
  reconcile (self);
}

PeasEngine *
fid_plugin_manager_get_engine (FidPluginManager *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN_MANAGER (self), NULL);

  return self->engine;
}

FidPluginManagerFlags
fid_plugin_manager_get_flags (FidPluginManager *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN_MANAGER (self), 0);

  return self->flags;
}

GListModel *
fid_plugin_manager_get_plugins (FidPluginManager *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN_MANAGER (self), NULL);

  return G_LIST_MODEL (self->plugins);
}

/* Returns: (transfer none) (nullable) */
FidPlugin *
fid_plugin_manager_find_plugin (FidPluginManager *self,
                                const char       *module_name)
{
  g_return_val_if_fail (FID_IS_PLUGIN_MANAGER (self), NULL);
  g_return_val_if_fail (module_name != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->plugins)); i++)
    {
      g_autoptr(FidPlugin) plugin = g_list_model_get_item (G_LIST_MODEL (self->plugins), i);

      if (g_strcmp0 (fid_plugin_get_module_name (plugin), module_name) == 0)
        return plugin;  /* the store keeps it alive */
    }

  return NULL;
}

gboolean
fid_plugin_manager_set_plugin_enabled (FidPluginManager  *self,
                                       const char        *module_name,
                                       gboolean           enabled,
                                       GError           **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  FidPlugin *plugin;

  g_return_val_if_fail (FID_IS_PLUGIN_MANAGER (self), FALSE);
  g_return_val_if_fail (module_name != NULL, FALSE);

  plugin = fid_plugin_manager_find_plugin (self, module_name);
  if (plugin == NULL || fid_plugin_get_info (plugin) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no plugin “%s”."), module_name);
      return FALSE;
    }
  if (fid_plugin_get_core (plugin))
    {
      if (enabled)
        return TRUE;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("“%s” is part of Fidelis and cannot be disabled."),
                   fid_plugin_get_name (plugin));
      return FALSE;
    }

  names = dup_enabled (self);
  if (!!g_strv_contains ((const char * const *) names, module_name) == !!enabled)
    return TRUE;

  builder = g_strv_builder_new ();
  for (guint i = 0; names[i] != NULL; i++)
    if (!g_str_equal (names[i], module_name))
      g_strv_builder_add (builder, names[i]);
  if (enabled)
    g_strv_builder_add (builder, module_name);

  {
    g_auto(GStrv) wanted = g_strv_builder_end (builder);

    set_enabled_list (self, (const char * const *) wanted);
  }

  /* The settings' changed:: signal reconciles too; doing it here as well
   * covers memory-only lists and settings in delay-apply mode. */
  if (self->loaded)
    reconcile (self);

  return TRUE;
}

const char * const *
fid_plugin_manager_get_crashed_plugins (FidPluginManager *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN_MANAGER (self), NULL);

  return (const char * const *) self->crashed->pdata;
}
