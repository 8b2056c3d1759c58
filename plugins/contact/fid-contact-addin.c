/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidContactAddin: hosts the channel plugins in a window (actions, the
 * Contact page, the editors' dialog, imports and exports). */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-channel-dialog.h"
#include "fid-channel-editor.h"
#include "fid-contact-addin.h"
#include "fid-contact-page.h"
#include "fid-plugin-manager.h"
#include "fid-window-addin.h"

#define MAX_PROBLEMS_SHOWN 15

struct _FidContactAddin
{
  GObject             parent_instance;

  FidWindow          *window;
  PeasExtensionSet   *channels;
  GSimpleActionGroup *actions;
  GtkWidget          *page;
};

static void window_addin_iface_init (FidWindowAddinInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidContactAddin, fid_contact_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_WINDOW_ADDIN, window_addin_iface_init))

static void
toast (FidContactAddin *self,
       const char      *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *t = adw_toast_new (escaped);  /* titles are markup in libadwaita 1.2 */

  fid_window_add_toast (self->window, t);
}

static FidStore *
require_store (FidContactAddin *self)
{
  FidStore *store = fid_window_get_store (self->window);

  if (store == NULL)
    toast (self, _("Open a database first"));

  return store;
}

static void
on_saved_cb (FidChannelDialog *dialog,
             FidInteraction   *interaction,
             FidContactAddin  *self)
{
  FidChannelEditor *editor = fid_channel_dialog_get_editor (dialog);
  FidCustomer *customer = fid_channel_editor_get_customer (editor);
  g_autofree char *name = customer != NULL ? fid_customer_dup_display_name (customer) : g_strdup ("");
  g_autofree char *text = NULL;

  if (self->window == NULL)
    return;

  if (g_strcmp0 (fid_interaction_get_status (interaction), "failed") != 0)
    {
      /* Translators: "Phone: saved in Marie Dupont's timeline" */
      g_autofree char *escaped = NULL;
      AdwToast *t;

      text = g_strdup_printf (_("%s: saved in %s’s timeline"),
                              fid_channel_get_name (fid_channel_editor_get_channel (editor)), name);
      escaped = g_markup_escape_text (text, -1);
      t = adw_toast_new (escaped);
      adw_toast_set_button_label (t, _("_Show"));
      adw_toast_set_action_name (t, "win.show-customer");
      adw_toast_set_action_target_value (t, g_variant_new_int64 (fid_interaction_get_customer_id (interaction)));
      fid_window_add_toast (self->window, t);
    }
  fid_window_data_changed (self->window);
}

/* Opens @channel's editor for customer @customer_id. Returns the dialog
 * (not yet presented), or NULL after telling the user why not. */
static FidChannelDialog *
open_editor (FidContactAddin *self,
             FidChannel      *channel,
             gint64           customer_id)
{
  g_autoptr(FidCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  FidChannelEditor *editor;
  FidChannelDialog *dialog;
  FidStore *store;
  GType type;

  if ((store = require_store (self)) == NULL)
    return NULL;

  customer = fid_store_get_customer (store, customer_id, &error);
  if (customer == NULL)
    {
      toast (self, error->message);
      return NULL;
    }

  type = fid_channel_get_editor_type (channel);
  editor = type != G_TYPE_NONE
    ? fid_channel_editor_new (type, channel, store, customer, fid_window_get_advisor_id (self->window))
    : NULL;
  if (editor == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The channel “%s” has no form to fill in"),
                                               fid_channel_get_name (channel));
      toast (self, text);
      return NULL;
    }

  dialog = fid_channel_dialog_new (GTK_WINDOW (self->window), editor);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved_cb), self, 0);

  return dialog;
}

static void
compose_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  FidContactAddin *self = user_data;
  FidChannel *channel = g_object_get_data (G_OBJECT (action), "fid-channel");
  FidChannelDialog *dialog = open_editor (self, channel, g_variant_get_int64 (parameter));

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

/* The problems of a refused import, one row each (line, reason). */
static GtkWidget *
new_problem_list (FidImportReport *report)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  guint n_problems = fid_import_report_get_n_problems (report);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  /* Message dialogs are narrow: leave room for a few wrapped reasons. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                              MIN (MIN (n_problems, MAX_PROBLEMS_SHOWN + 1) * 80, 360));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < MIN (n_problems, MAX_PROBLEMS_SHOWN); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      guint line = fid_import_report_get_problem_line (report, i);
      g_autofree char *title = line > 0 ? g_strdup_printf (_("Line %u"), line) : g_strdup (_("File"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fid_import_report_get_problem_reason (report, i));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (n_problems > MAX_PROBLEMS_SHOWN)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (_("… and %u more."), n_problems - MAX_PROBLEMS_SHOWN);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

static void
show_import_report (FidContactAddin *self,
                    FidChannel      *channel,
                    FidImportReport *report,
                    const GError    *error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  const char *heading;
  GtkWidget *dialog;

  if (error == NULL)
    {
      heading = _("Import Done");
      g_string_append_printf (body,
                              ngettext ("%u interaction imported", "%u interactions imported",
                                        fid_import_report_get_n_imported (report)),
                              fid_import_report_get_n_imported (report));
      g_string_append (body, "; ");
      g_string_append_printf (body,
                              ngettext ("%u new prospect created.", "%u new prospects created.",
                                        fid_import_report_get_n_created (report)),
                              fid_import_report_get_n_created (report));
    }
  else
    {
      heading = _("Nothing Was Imported");
      g_string_append (body, error->message);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading, body->str);
  if (error != NULL && fid_import_report_get_n_problems (report) > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), new_problem_list (report));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response_cb (GtkNativeDialog *native,
                       int              response,
                       FidContactAddin *self)
{
  FidChannel *channel = g_object_get_data (G_OBJECT (native), "fid-channel");
  g_autoptr(GFile) file = NULL;
  g_autoptr(FidImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  FidStore *store;

  if (response == GTK_RESPONSE_ACCEPT && self->window != NULL &&
      (store = require_store (self)) != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      report = fid_import_report_new ();
      fid_channel_import (channel, store, file, report, NULL, &error);
      show_import_report (self, channel, report, error);
      if (error == NULL)
        fid_window_data_changed (self->window);
    }

  g_object_unref (native);
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  FidContactAddin *self = user_data;
  FidChannel *channel = g_object_get_data (G_OBJECT (action), "fid-channel");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *title = g_strdup_printf (_("Import into “%s”"), fid_channel_get_name (channel));
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self->window),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("CSV or JSON Files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_set_data_full (G_OBJECT (native), "fid-channel", g_object_ref (channel), g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (on_import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_export_response_cb (GtkNativeDialog *native,
                       int              response,
                       FidContactAddin *self)
{
  FidChannel *channel = g_object_get_data (G_OBJECT (native), "fid-channel");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  FidStore *store;
  guint n = 0;

  if (response == GTK_RESPONSE_ACCEPT && self->window != NULL &&
      (store = require_store (self)) != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      if (fid_channel_export (channel, store, file, &n, NULL, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = g_strdup_printf (ngettext ("%u message written to “%s”",
                                                                "%u messages written to “%s”", n),
                                                   n, name);

          toast (self, text);
          fid_window_data_changed (self->window);
        }
      else
        toast (self, error->message);
    }

  g_object_unref (native);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  FidContactAddin *self = user_data;
  FidChannel *channel = g_object_get_data (G_OBJECT (action), "fid-channel");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("%s-batch-%s.csv", fid_channel_get_id (channel), date);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export the Batch"), GTK_WINDOW (self->window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  {
    /* The user's documents rather than wherever Fidelis was started. */
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autoptr(GFile) folder = g_file_new_for_path (documents ? documents : g_get_home_dir ());

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  }
  g_object_set_data_full (G_OBJECT (native), "fid-channel", g_object_ref (channel), g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
add_action (FidContactAddin    *self,
            FidChannel         *channel,
            const char         *suffix,
            const GVariantType *parameter_type,
            GCallback           activate)
{
  g_autofree char *name = g_strconcat (fid_channel_get_id (channel), suffix, NULL);
  g_autoptr(GSimpleAction) action = g_simple_action_new (name, parameter_type);

  g_object_set_data_full (G_OBJECT (action), "fid-channel", g_object_ref (channel), g_object_unref);
  g_signal_connect (action, "activate", activate, self);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
}

static void
on_channel_added_cb (PeasExtensionSet *set,
                     PeasPluginInfo   *info,
                     GObject          *extension,
                     gpointer          user_data)
{
  FidContactAddin *self = user_data;
  FidChannel *channel = FID_CHANNEL (extension);

  fid_channel_load (channel);

  if (fid_channel_has_capability (channel, FID_CHANNEL_CAN_LOG) ||
      fid_channel_has_capability (channel, FID_CHANNEL_CAN_SEND))
    add_action (self, channel, "", G_VARIANT_TYPE_INT64, G_CALLBACK (compose_action));
  if (fid_channel_has_capability (channel, FID_CHANNEL_CAN_IMPORT))
    add_action (self, channel, "-import", NULL, G_CALLBACK (import_action));
  if (fid_channel_has_capability (channel, FID_CHANNEL_CAN_EXPORT))
    add_action (self, channel, "-export", NULL, G_CALLBACK (export_action));

  if (self->page != NULL)
    fid_contact_page_add_channel (FID_CONTACT_PAGE (self->page), channel);
}

static void
on_channel_removed_cb (PeasExtensionSet *set,
                       PeasPluginInfo   *info,
                       GObject          *extension,
                       gpointer          user_data)
{
  FidContactAddin *self = user_data;
  FidChannel *channel = FID_CHANNEL (extension);
  const char *id = fid_channel_get_id (channel);
  const char *suffixes[] = { "", "-import", "-export" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (id, suffixes[i], NULL);

      g_action_map_remove_action (G_ACTION_MAP (self->actions), name);
    }

  if (self->page != NULL)
    fid_contact_page_remove_channel (FID_CONTACT_PAGE (self->page), channel);

  fid_channel_unload (channel);
}

static void
fid_contact_addin_load (FidWindowAddin *addin,
                        FidWindow      *window)
{
  FidContactAddin *self = FID_CONTACT_ADDIN (addin);
  FidPluginManager *manager = fid_plugin_manager_get_default ();

  g_return_if_fail (manager != NULL);

  self->window = window;
  self->actions = g_simple_action_group_new ();
  gtk_widget_insert_action_group (GTK_WIDGET (window), "channel", G_ACTION_GROUP (self->actions));

  self->page = g_object_ref_sink (fid_contact_page_new ());
  fid_contact_page_set_store (FID_CONTACT_PAGE (self->page), fid_window_get_store (window));
  fid_window_add_page (window, "contact", _("Contact"), "call-start-symbolic", self->page);

  self->channels = peas_extension_set_new (fid_plugin_manager_get_engine (manager), FID_TYPE_CHANNEL, NULL);
  g_signal_connect (self->channels, "extension-added", G_CALLBACK (on_channel_added_cb), self);
  g_signal_connect (self->channels, "extension-removed", G_CALLBACK (on_channel_removed_cb), self);
  /* extension-added is not emitted for the channels that already exist. */
  peas_extension_set_foreach (self->channels, on_channel_added_cb, self);
}

static void
fid_contact_addin_unload (FidWindowAddin *addin,
                          FidWindow      *window)
{
  FidContactAddin *self = FID_CONTACT_ADDIN (addin);

  if (self->channels != NULL)
    {
      peas_extension_set_foreach (self->channels, on_channel_removed_cb, self);
      g_signal_handlers_disconnect_by_data (self->channels, self);
      g_clear_object (&self->channels);
    }

  gtk_widget_insert_action_group (GTK_WIDGET (window), "channel", NULL);
  fid_window_remove_page (window, "contact");
  g_clear_object (&self->page);
  g_clear_object (&self->actions);
  self->window = NULL;
}

static void
fid_contact_addin_store_changed (FidWindowAddin *addin,
                                 FidStore       *store)
{
  FidContactAddin *self = FID_CONTACT_ADDIN (addin);

  if (self->page != NULL)
    fid_contact_page_set_store (FID_CONTACT_PAGE (self->page), store);
}

static void
window_addin_iface_init (FidWindowAddinInterface *iface)
{
  iface->load = fid_contact_addin_load;
  iface->unload = fid_contact_addin_unload;
  iface->store_changed = fid_contact_addin_store_changed;
}

static void
fid_contact_addin_class_init (FidContactAddinClass *klass)
{
}

static void
fid_contact_addin_init (FidContactAddin *self)
{
}
