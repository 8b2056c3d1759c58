/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fid-consent-dialog.h"
#include "fid-format.h"
#include "fid-store-channels.h"

static const char * const channels[] = { "email", "sms", "phone", "mail", NULL };
static const char * const sources[] = { "branch", "phone", "web", "contract", NULL };

const char * const *
fid_consent_channels (void)
{
  return channels;
}

const char * const *
fid_consent_sources (void)
{
  return sources;
}

typedef struct
{
  FidWindow   *window;
  gint64       customer_id;
  AdwComboRow *channel_row;
  AdwComboRow *source_row;
  GtkSwitch   *accepts_switch;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->window);
  g_free (form);
}

static AdwComboRow *
new_combo_row (const char         *title,
               const char * const *keys,
               const char *      (*label) (const char *))
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    gtk_string_list_append (labels, label (keys[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Form             *form)
{
  FidStore *store = fid_window_get_store (form->window);
  guint channel = adw_combo_row_get_selected (form->channel_row);
  guint source = adw_combo_row_get_selected (form->source_row);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "record") || store == NULL ||
      channel >= g_strv_length ((char **) channels) || source >= g_strv_length ((char **) sources))
    return;

  if (!fid_store_set_consent (store, form->customer_id, channels[channel],
                              gtk_switch_get_active (form->accepts_switch), NULL, sources[source], &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      fid_window_add_toast (form->window, adw_toast_new (escaped));
      return;
    }
  fid_window_data_changed (form->window);
}

void
fid_consent_dialog_present (FidWindow *window,
                            gint64     customer_id)
{
  Form *form = g_new0 (Form, 1);
  AdwMessageDialog *dialog;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *accepts_row = adw_action_row_new ();

  g_return_if_fail (FID_IS_WINDOW (window));

  form->window = g_object_ref (window);
  form->customer_id = customer_id;
  form->channel_row = new_combo_row (_("Channel"), channels, fid_format_channel);
  form->source_row = new_combo_row (_("Collected"), sources, fid_format_consent_source);
  form->accepts_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (form->accepts_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (accepts_row), _("Accepts marketing"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (accepts_row), _("Off: the customer refuses marketing on this channel"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (accepts_row), GTK_WIDGET (form->accepts_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (accepts_row), GTK_WIDGET (form->accepts_switch));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->channel_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), accepts_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->source_row));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), _("Record a Consent"),
                                                       _("The customer’s choice is dated today and replaces "
                                                         "the one on record for that channel.")));
  adw_message_dialog_set_extra_child (dialog, group);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "record");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), form,
                         (GClosureNotify) (void (*) (void)) form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
