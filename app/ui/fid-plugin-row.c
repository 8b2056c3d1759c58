/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidPluginRow: a plugin in the Preferences, following its FidPlugin. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-plugin-row.h"

struct _FidPluginRow
{
  AdwPreferencesRow parent_instance;

  FidPluginManager *manager;
  FidPlugin        *plugin;
  gboolean          updating;

  /* Template widgets */
  GtkImage         *icon;
  GtkLabel         *name_label;
  GtkLabel         *description_label;
  GtkLabel         *meta_label;
  GtkWidget        *error_box;
  GtkLabel         *error_label;
  GtkSwitch        *enable_switch;
};

G_DEFINE_FINAL_TYPE (FidPluginRow, fid_plugin_row, ADW_TYPE_PREFERENCES_ROW)

static const char *
category_icon (FidPlugin *plugin)
{
  switch (fid_plugin_get_category (plugin))
    {
    case FID_PLUGIN_CATEGORY_CHANNEL:
      return "mail-send-receive-symbolic";
    case FID_PLUGIN_CATEGORY_ANALYTICS:
      return "x-office-spreadsheet-symbolic";
    case FID_PLUGIN_CATEGORY_OTHER:
    default:
      return "application-x-addon-symbolic";
    }
}

static void
update (FidPluginRow *self)
{
  FidPlugin *plugin = self->plugin;
  PeasPluginInfo *info = fid_plugin_get_info (plugin);
  g_autoptr(GString) meta = g_string_new (fid_plugin_get_category_name (plugin));
  const char *error = fid_plugin_get_error (plugin);
  const char *icon_name = info != NULL ? peas_plugin_info_get_icon_name (info) : NULL;

  if (icon_name == NULL || g_str_equal (icon_name, "libpeas-plugin"))
    icon_name = category_icon (plugin);
  gtk_image_set_from_icon_name (self->icon, info != NULL ? icon_name : "dialog-error-symbolic");

  gtk_label_set_text (self->name_label, fid_plugin_get_name (plugin));
  /* What the Preferences' search looks at. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), fid_plugin_get_name (plugin));
  gtk_label_set_text (self->description_label, fid_plugin_get_description (plugin));

  if (fid_plugin_get_version (plugin)[0] != '\0')
    g_string_append_printf (meta, " · %s", fid_plugin_get_version (plugin));
  if (fid_plugin_get_core (plugin))
    g_string_append_printf (meta, " · %s", _("part of Fidelis"));
  else if (fid_plugin_get_builtin (plugin))
    g_string_append_printf (meta, " · %s", _("built in"));
  else if (info != NULL)
    g_string_append_printf (meta, " · %s", peas_plugin_info_get_module_dir (info));
  else
    g_string_append_printf (meta, " · %s", fid_plugin_get_module_name (plugin));
  gtk_label_set_text (self->meta_label, meta->str);

  gtk_widget_set_visible (self->error_box, error != NULL);
  gtk_label_set_text (self->error_label, error ? error : "");

  self->updating = TRUE;
  gtk_switch_set_active (self->enable_switch, fid_plugin_get_enabled (plugin));
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->enable_switch),
                            info != NULL && !fid_plugin_get_core (plugin) &&
                            (fid_plugin_manager_get_flags (self->manager) & FID_PLUGIN_MANAGER_SAFE_MODE) == 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->enable_switch),
                               fid_plugin_get_core (plugin) ? _("Part of Fidelis: cannot be disabled") : NULL);
}

static void
on_switch_active_cb (FidPluginRow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (self->enable_switch);

  if (self->updating || active == fid_plugin_get_enabled (self->plugin))
    return;

  if (!fid_plugin_manager_set_plugin_enabled (self->manager,
                                              fid_plugin_get_module_name (self->plugin),
                                              active, &error))
    {
      g_warning ("%s", error->message);
      update (self);
    }
}

static void
fid_plugin_row_dispose (GObject *object)
{
  FidPluginRow *self = FID_PLUGIN_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_PLUGIN_ROW);
  g_clear_object (&self->plugin);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (fid_plugin_row_parent_class)->dispose (object);
}

static void
fid_plugin_row_class_init (FidPluginRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_plugin_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-plugin-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FidPluginRow, icon);
  gtk_widget_class_bind_template_child (widget_class, FidPluginRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, FidPluginRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, FidPluginRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, FidPluginRow, error_box);
  gtk_widget_class_bind_template_child (widget_class, FidPluginRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, FidPluginRow, enable_switch);
}

static void
fid_plugin_row_init (FidPluginRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fid_plugin_row_new (FidPluginManager *manager,
                    FidPlugin        *plugin)
{
  FidPluginRow *self;

  g_return_val_if_fail (FID_IS_PLUGIN_MANAGER (manager), NULL);
  g_return_val_if_fail (FID_IS_PLUGIN (plugin), NULL);

  self = g_object_new (FID_TYPE_PLUGIN_ROW, NULL);
  self->manager = g_object_ref (manager);
  self->plugin = g_object_ref (plugin);

  update (self);
  g_signal_connect_object (plugin, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->enable_switch, "notify::active",
                           G_CALLBACK (on_switch_active_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

FidPlugin *
fid_plugin_row_get_plugin (FidPluginRow *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN_ROW (self), NULL);

  return self->plugin;
}

GtkSwitch *
fid_plugin_row_get_switch (FidPluginRow *self)
{
  g_return_val_if_fail (FID_IS_PLUGIN_ROW (self), NULL);

  return self->enable_switch;
}
