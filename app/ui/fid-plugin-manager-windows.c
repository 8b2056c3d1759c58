/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidPluginManager: the window host. Each FidWindow gets a
 * PeasExtensionSet of FidWindowAddin: addins are loaded for the plugins
 * loaded now (peas_extension_set_foreach, since extension-added is not
 * emitted for them) and as plugins are enabled, unloaded as they are
 * disabled and when the window goes. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-plugin-manager-private.h"
#include "fid-window.h"
#include "fid-window-addin.h"

/* Windows --------------------------------------------------------------- */

static void
on_window_addin_added_cb (PeasExtensionSet *set,
                          PeasPluginInfo   *info,
                          GObject          *extension,
                          gpointer          user_data)
{
  FidPluginManager *self = g_object_get_data (G_OBJECT (set), "fid-plugin-manager");
  GtkWindow *window = user_data;

  /* The addin's load is the plugin's code running: guard it too. */
  fid_plugin_manager_guard_begin (self, peas_plugin_info_get_module_name (info));
  fid_window_addin_load (FID_WINDOW_ADDIN (extension), FID_WINDOW (window));
  fid_plugin_manager_guard_end (self);
}

static void
on_window_addin_removed_cb (PeasExtensionSet *set,
                            PeasPluginInfo   *info,
                            GObject          *extension,
                            gpointer          user_data)
{
  fid_window_addin_unload (FID_WINDOW_ADDIN (extension), FID_WINDOW (user_data));
}

static void
store_changed_cb (PeasExtensionSet *set,
                  PeasPluginInfo   *info,
                  GObject          *extension,
                  gpointer          user_data)
{
  fid_window_addin_store_changed (FID_WINDOW_ADDIN (extension), user_data);
}

static void
on_window_store_changed_cb (GtkWindow        *window,
                            GParamSpec       *pspec,
                            FidPluginManager *self)
{
  PeasExtensionSet *set = g_hash_table_lookup (self->windows, window);

  if (set != NULL)
    peas_extension_set_foreach (set, store_changed_cb, fid_window_get_store (FID_WINDOW (window)));
}

static void
report_crashes (FidPluginManager *self,
                GtkWindow        *window)
{
  if (self->crash_reported || self->crashed->len <= 1)
    return;

  self->crash_reported = TRUE;
  for (guint i = 0; i + 1 < self->crashed->len; i++)
    {
      const char *module = g_ptr_array_index (self->crashed, i);
      FidPlugin *plugin = fid_plugin_manager_find_plugin (self, module);
      g_autofree char *title = NULL;
      AdwToast *toast;

      title = g_strdup_printf (_("The plugin “%s” was disabled: Fidelis stopped while starting it"),
                               plugin != NULL ? fid_plugin_get_name (plugin) : module);
      {
        g_autofree char *escaped = g_markup_escape_text (title, -1);

        toast = adw_toast_new (escaped);
      }
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Plugins"));
      adw_toast_set_action_name (toast, "app.preferences");
      fid_window_add_toast (FID_WINDOW (window), toast);
    }
}

void
fid_plugin_manager_add_window (FidPluginManager *self,
                               GtkWindow        *window)
{
  PeasExtensionSet *set;

  g_return_if_fail (FID_IS_PLUGIN_MANAGER (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (!FID_IS_WINDOW (window) || g_hash_table_contains (self->windows, window))
    return;

  set = peas_extension_set_new (self->engine, FID_TYPE_WINDOW_ADDIN, NULL);
  g_hash_table_insert (self->windows, window, set);
  g_object_set_data (G_OBJECT (set), "fid-plugin-manager", self);
  g_signal_connect (set, "extension-added", G_CALLBACK (on_window_addin_added_cb), window);
  g_signal_connect (set, "extension-removed", G_CALLBACK (on_window_addin_removed_cb), window);
  /* extension-added is not emitted for the extensions made with the set. */
  peas_extension_set_foreach (set, on_window_addin_added_cb, window);
  g_signal_connect_object (window, "notify::store",
                           G_CALLBACK (on_window_store_changed_cb), self, 0);

  report_crashes (self, window);
}

void
fid_plugin_manager_remove_window (FidPluginManager *self,
                                  GtkWindow        *window)
{
  PeasExtensionSet *set;

  g_return_if_fail (FID_IS_PLUGIN_MANAGER (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  set = g_hash_table_lookup (self->windows, window);
  if (set == NULL)
    return;

  g_signal_handlers_disconnect_by_func (window, on_window_store_changed_cb, self);
  peas_extension_set_foreach (set, on_window_addin_removed_cb, window);
  g_signal_handlers_disconnect_by_data (set, window);
  g_hash_table_remove (self->windows, window);
}

static void
on_window_added_cb (FidPluginManager *self,
                    GtkWindow        *window)
{
  fid_plugin_manager_add_window (self, window);
}

static void
on_window_removed_cb (FidPluginManager *self,
                      GtkWindow        *window)
{
  fid_plugin_manager_remove_window (self, window);
}

void
fid_plugin_manager_watch_application (FidPluginManager *self,
                                      GtkApplication   *application)
{
  g_return_if_fail (FID_IS_PLUGIN_MANAGER (self));
  g_return_if_fail (GTK_IS_APPLICATION (application));

  g_set_weak_pointer (&self->application, application);
  g_signal_connect_object (application, "window-added",
                           G_CALLBACK (on_window_added_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "window-removed",
                           G_CALLBACK (on_window_removed_cb), self, G_CONNECT_SWAPPED);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    fid_plugin_manager_add_window (self, l->data);
}

