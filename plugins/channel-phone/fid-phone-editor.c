/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidPhoneEditor: the "Log a Call" form. The call's particulars go to the
 * interaction's details: {"number", "duration_s", "marketing"}. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-details.h"
#include "fid-phone-channel.h"
#include "fid-phone-editor.h"
#include "fid-plugin-util.h"

typedef struct
{
  const char *code;
  const char *label;
} Choice;

static const Choice directions[] = {
  { "outbound", N_("Outgoing call") },
  { "inbound", N_("Incoming call") },
};

static const Choice outcomes[] = {
  { "reached", N_("Reached the customer") },
  { "voicemail", N_("Left a voicemail") },
  { "no_answer", N_("No answer") },
  { "call_back", N_("Customer will call back") },
  { "wrong_number", N_("Wrong number") },
};

static const Choice purposes[] = {
  { "service", N_("Service") },
  { "marketing", N_("Marketing") },
};

struct _FidPhoneEditor
{
  FidChannelEditor  parent_instance;

  /* Template widgets */
  AdwEntryRow      *number_row;
  GtkButton        *call_button;
  AdwComboRow      *direction_row;
  GtkSpinButton    *duration_spin;
  AdwComboRow      *outcome_row;
  AdwComboRow      *purpose_row;
  AdwEntryRow      *subject_row;
  GtkTextView      *notes_view;
};

G_DEFINE_FINAL_TYPE (FidPhoneEditor, fid_phone_editor, FID_TYPE_CHANNEL_EDITOR)

static void
set_choices (AdwComboRow  *row,
             const Choice *choices,
             guint         n_choices)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_choices; i++)
    gtk_string_list_append (list, _(choices[i].label));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static const char *
selected_code (AdwComboRow  *row,
               const Choice *choices,
               guint         n_choices)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < n_choices ? choices[selected].code : choices[0].code;
}

static void
on_changed_cb (FidPhoneEditor *self)
{
  g_autofree char *uri = fid_phone_channel_dup_tel_uri (gtk_editable_get_text (GTK_EDITABLE (self->number_row)));

  gtk_widget_set_sensitive (GTK_WIDGET (self->call_button), uri != NULL);
  fid_channel_editor_set_valid (FID_CHANNEL_EDITOR (self), uri != NULL);
}

static void
on_call_clicked_cb (FidPhoneEditor *self)
{
  g_autofree char *uri = fid_phone_channel_dup_tel_uri (gtk_editable_get_text (GTK_EDITABLE (self->number_row)));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (uri != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static FidInteraction *
fid_phone_editor_build_interaction (FidChannelEditor  *editor,
                                    GError           **error)
{
  FidPhoneEditor *self = FID_PHONE_EDITOR (editor);
  const char *number = gtk_editable_get_text (GTK_EDITABLE (self->number_row));
  const char *direction = selected_code (self->direction_row, directions, G_N_ELEMENTS (directions));
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));
  g_autofree char *notes = fid_text_view_dup_text (self->notes_view);
  g_autofree char *uri = fid_phone_channel_dup_tel_uri (number);
  g_autofree char *clean_number = g_strstrip (g_strdup (number));
  FidInteraction *interaction;

  if (uri == NULL)
    {
      g_set_error_literal (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                           _("Enter the number that was called or that called."));
      return NULL;
    }

  interaction = fid_interaction_new ();
  fid_interaction_set_direction (interaction, direction);
  fid_interaction_set_outcome (interaction, selected_code (self->outcome_row, outcomes, G_N_ELEMENTS (outcomes)));
  fid_interaction_set_subject (interaction,
                               subject[0] != '\0' ? subject
                               : g_str_equal (direction, "inbound") ? _("Incoming call") : _("Outgoing call"));
  fid_interaction_set_notes (interaction, notes);
  fid_details_set_string (interaction, "number", clean_number);
  fid_details_set_int (interaction, "duration_s", (gint64) gtk_spin_button_get_value_as_int (self->duration_spin) * 60);
  fid_details_set_boolean (interaction, "marketing",
                           g_str_equal (selected_code (self->purpose_row, purposes, G_N_ELEMENTS (purposes)),
                                        "marketing"));

  return interaction;
}

static void
fid_phone_editor_customer_changed (FidChannelEditor *editor,
                                   FidCustomer      *customer)
{
  FidPhoneEditor *self = FID_PHONE_EDITOR (editor);
  const char *phone = fid_customer_get_phone (customer);

  gtk_editable_set_text (GTK_EDITABLE (self->number_row), phone ? phone : "");
  on_changed_cb (self);
}

static void
fid_phone_editor_constructed (GObject *object)
{
  FidPhoneEditor *self = FID_PHONE_EDITOR (object);

  G_OBJECT_CLASS (fid_phone_editor_parent_class)->constructed (object);

  fid_channel_editor_set_title (FID_CHANNEL_EDITOR (self), _("Log a Call"));
  fid_channel_editor_set_action_label (FID_CHANNEL_EDITOR (self), _("_Log Call"));
  fid_channel_editor_set_initial_focus (FID_CHANNEL_EDITOR (self), GTK_WIDGET (self->subject_row));
  on_changed_cb (self);
}

static void
fid_phone_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FID_TYPE_PHONE_EDITOR);

  G_OBJECT_CLASS (fid_phone_editor_parent_class)->dispose (object);
}

static void
fid_phone_editor_class_init (FidPhoneEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  FidChannelEditorClass *editor_class = FID_CHANNEL_EDITOR_CLASS (klass);

  object_class->constructed = fid_phone_editor_constructed;
  object_class->dispose = fid_phone_editor_dispose;

  editor_class->build_interaction = fid_phone_editor_build_interaction;
  editor_class->customer_changed = fid_phone_editor_customer_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/plugins/channel-phone/fid-phone-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FidPhoneEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, FidPhoneEditor, call_button);
  gtk_widget_class_bind_template_child (widget_class, FidPhoneEditor, direction_row);
  gtk_widget_class_bind_template_child (widget_class, FidPhoneEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, FidPhoneEditor, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, FidPhoneEditor, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, FidPhoneEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, FidPhoneEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_call_clicked_cb);
}

static void
fid_phone_editor_init (FidPhoneEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_choices (self->direction_row, directions, G_N_ELEMENTS (directions));
  set_choices (self->outcome_row, outcomes, G_N_ELEMENTS (outcomes));
  set_choices (self->purpose_row, purposes, G_N_ELEMENTS (purposes));
}
