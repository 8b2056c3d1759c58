/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidPreferencesWindow: Preferences, with the Plugins page and the
 * automatic backups (issue 9). */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-application.h"
#include "fid-plugin-row.h"
#include "fid-preferences-window.h"
#include "fid-store-backup.h"

struct _FidPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  FidPluginManager     *manager;
  GPtrArray            *rows;

  /* Template widgets */
  AdwPreferencesGroup  *intro_group;
  AdwPreferencesGroup  *channels_group;
  AdwPreferencesGroup  *analytics_group;
  AdwPreferencesGroup  *other_group;
  AdwPreferencesGroup  *backups_group;
  GtkSpinButton        *backup_keep_spin;
  /* Campaigns (issue 10): the contact-pressure cap. */
  AdwPreferencesGroup  *pressure_group;
  GtkSpinButton        *pressure_max_spin;
  GtkSpinButton        *pressure_days_spin;
  AdwActionRow         *backup_folder_row;
};

G_DEFINE_FINAL_TYPE (FidPreferencesWindow, fid_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static AdwPreferencesGroup *
group_for (FidPreferencesWindow *self,
           FidPlugin            *plugin)
{
  switch (fid_plugin_get_category (plugin))
    {
    case FID_PLUGIN_CATEGORY_CHANNEL:
      return self->channels_group;
    case FID_PLUGIN_CATEGORY_ANALYTICS:
      return self->analytics_group;
    case FID_PLUGIN_CATEGORY_OTHER:
    default:
      return self->other_group;
    }
}

static void
rebuild (FidPreferencesWindow *self)
{
  GListModel *plugins = fid_plugin_manager_get_plugins (self->manager);
  guint counts[3] = { 0, 0, 0 };

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (group_for (self, fid_plugin_row_get_plugin (FID_PLUGIN_ROW (row))), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (plugins); i++)
    {
      g_autoptr(FidPlugin) plugin = g_list_model_get_item (plugins, i);
      GtkWidget *row = fid_plugin_row_new (self->manager, plugin);

      adw_preferences_group_add (group_for (self, plugin), row);
      g_ptr_array_add (self->rows, row);
      counts[fid_plugin_get_category (plugin)]++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->channels_group), counts[FID_PLUGIN_CATEGORY_CHANNEL] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->analytics_group), counts[FID_PLUGIN_CATEGORY_ANALYTICS] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->other_group), counts[FID_PLUGIN_CATEGORY_OTHER] > 0);

  if ((fid_plugin_manager_get_flags (self->manager) & FID_PLUGIN_MANAGER_SAFE_MODE) != 0)
    adw_preferences_group_set_description (self->intro_group,
                                           _("Fidelis was started in safe mode: only its built-in "
                                             "plugins are loaded, and plugins cannot be turned on or off. "
                                             "Start Fidelis normally to change them."));
}

static void
on_backup_folder_button_clicked_cb (GtkButton            *button,
                                    FidPreferencesWindow *self)
{
  g_autofree char *dir = fid_backup_get_default_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *uri = g_file_get_uri (folder);

  g_mkdir_with_parents (dir, 0700);
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

/* The backup settings, when the application has its settings (not when
 * run from the build folder without the compiled schema). */
static void
setup_backups (FidPreferencesWindow *self)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = FID_IS_APPLICATION (app) ? fid_application_get_settings (FID_APPLICATION (app)) : NULL;
  g_autofree char *dir = fid_backup_get_default_dir ();

  adw_action_row_set_subtitle (self->backup_folder_row, dir);
  if (settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->backups_group), FALSE);
      return;
    }
  g_settings_bind (settings, "backup-keep",
                   gtk_spin_button_get_adjustment (self->backup_keep_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

/* The contact-pressure cap of campaigns (issue 10). */
static void
setup_pressure (FidPreferencesWindow *self)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = FID_IS_APPLICATION (app) ? fid_application_get_settings (FID_APPLICATION (app)) : NULL;

  if (settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->pressure_group), FALSE);
      return;
    }
  g_settings_bind (settings, "contact-pressure-max",
                   gtk_spin_button_get_adjustment (self->pressure_max_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "contact-pressure-days",
                   gtk_spin_button_get_adjustment (self->pressure_days_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
fid_preferences_window_dispose (GObject *object)
{
  FidPreferencesWindow *self = FID_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (fid_preferences_window_parent_class)->dispose (object);
}

static void
fid_preferences_window_class_init (FidPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FidPreferencesWindow, intro_group);
  gtk_widget_class_bind_template_child (widget_class, FidPreferencesWindow, channels_group);
  gtk_widget_class_bind_template_child (widget_class, FidPreferencesWindow, analytics_group);
  gtk_widget_class_bind_template_child (widget_class, FidPreferencesWindow, other_group);
  gtk_widget_class_bind_template_child (widget_class, FidPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, FidPreferencesWindow, backup_keep_spin);
  gtk_widget_class_bind_template_child (widget_class, FidPreferencesWindow, backup_folder_row);
  gtk_widget_class_bind_template_child (widget_class, FidPreferencesWindow, pressure_group);
  gtk_widget_class_bind_template_child (widget_class, FidPreferencesWindow, pressure_max_spin);
  gtk_widget_class_bind_template_child (widget_class, FidPreferencesWindow, pressure_days_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_folder_button_clicked_cb);
}

static void
fid_preferences_window_init (FidPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  setup_backups (self);
  setup_pressure (self);
}

FidPreferencesWindow *
fid_preferences_window_new (GtkWindow        *parent,
                            FidPluginManager *manager)
{
  FidPreferencesWindow *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FID_IS_PLUGIN_MANAGER (manager), NULL);

  self = g_object_new (FID_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->manager = g_object_ref (manager);
  rebuild (self);
  g_signal_connect_object (fid_plugin_manager_get_plugins (manager), "items-changed",
                           G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);

  return self;
}

GtkWidget *
fid_preferences_window_get_plugin_row (FidPreferencesWindow *self,
                                       const char           *module_name)
{
  g_return_val_if_fail (FID_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (module_name != NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FidPluginRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (fid_plugin_get_module_name (fid_plugin_row_get_plugin (row)), module_name) == 0)
        return GTK_WIDGET (row);
    }

  return NULL;
}
