/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSmsEditor: an SMS for one customer, queued for the gateway. The
 * details keep {"to", "encoding", "segments", "marketing"}. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "fid-details.h"
#include "fid-plugin-util.h"
#include "fid-sms-editor.h"
#include "fid-sms-segments.h"

struct _FidSmsEditor
{
  FidChannelEditor  parent_instance;

  /* Template widgets */
  AdwEntryRow      *to_row;
  AdwComboRow      *purpose_row;
  GtkTextView      *message_view;
  GtkLabel         *count_label;
  GtkLabel         *segments_label;
  GtkLabel         *hint_label;
};

G_DEFINE_FINAL_TYPE (FidSmsEditor, fid_sms_editor, FID_TYPE_CHANNEL_EDITOR)

static gboolean
is_marketing (FidSmsEditor *self)
{
  return adw_combo_row_get_selected (self->purpose_row) == 1;
}

/* A marketing SMS must say how to stop receiving them (CNIL). */
static gboolean
has_opt_out (const char *message)
{
  g_autofree char *upper = g_utf8_strup (message, -1);

  return strstr (upper, "STOP") != NULL;
}

static void
on_changed_cb (FidSmsEditor *self)
{
  g_autofree char *message = fid_text_view_dup_text (self->message_view);
  g_autofree char *number = fid_sms_normalize_number (gtk_editable_get_text (GTK_EDITABLE (self->to_row)));
  g_autofree char *count_text = NULL;
  g_autofree char *segments_text = NULL;
  FidSmsCount count;

  fid_sms_count (message, &count);

  if (count.encoding == FID_SMS_ENCODING_GSM7)
    count_text = g_strdup_printf (ngettext ("%u character · GSM-7: %u per SMS · %u left in this SMS",
                                            "%u characters · GSM-7: %u per SMS · %u left in this SMS",
                                            count.units),
                                  count.units, count.per_segment, count.remaining);
  else
    {
      char c[8] = { 0 };

      g_unichar_to_utf8 (count.first_non_gsm, c);
      count_text = g_strdup_printf (ngettext ("%u character · UCS-2 because of “%s”: %u per SMS · %u left",
                                              "%u characters · UCS-2 because of “%s”: %u per SMS · %u left",
                                              count.units),
                                    count.units, c, count.per_segment, count.remaining);
    }
  gtk_label_set_text (self->count_label, count_text);

  segments_text = g_strdup_printf (ngettext ("%u SMS", "%u SMS", count.segments), count.segments);
  gtk_label_set_text (self->segments_label, segments_text);

  if (is_marketing (self) && !has_opt_out (message))
    gtk_label_set_text (self->hint_label,
                        _("A marketing SMS must tell how to opt out, for example “STOP au 36111”."));
  else
    gtk_label_set_text (self->hint_label,
                        _("The SMS is queued in the timeline; export the batch for the gateway "
                          "from the Contact page."));

  fid_channel_editor_set_valid (FID_CHANNEL_EDITOR (self),
                                number != NULL && count.segments > 0 &&
                                (!is_marketing (self) || has_opt_out (message)));
}

static FidInteraction *
fid_sms_editor_build_interaction (FidChannelEditor  *editor,
                                  GError           **error)
{
  FidSmsEditor *self = FID_SMS_EDITOR (editor);
  g_autofree char *message = fid_text_view_dup_text (self->message_view);
  g_autofree char *number = fid_sms_normalize_number (gtk_editable_get_text (GTK_EDITABLE (self->to_row)));
  g_autofree char *subject = NULL;
  FidInteraction *interaction;
  FidSmsCount count;

  if (number == NULL)
    {
      g_set_error_literal (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                           _("Enter the mobile number to send the SMS to."));
      return NULL;
    }
  if (message[0] == '\0')
    {
      g_set_error_literal (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                           _("Write the message."));
      return NULL;
    }
  if (is_marketing (self) && !has_opt_out (message))
    {
      g_set_error_literal (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                           _("A marketing SMS must tell how to opt out, for example “STOP au 36111”."));
      return NULL;
    }

  fid_sms_count (message, &count);
  if (g_utf8_strlen (message, -1) > 60)
    {
      g_autofree char *start = g_utf8_substring (message, 0, 59);

      subject = g_strconcat (start, "…", NULL);
    }
  else
    subject = g_strdup (message);

  interaction = fid_interaction_new ();
  fid_interaction_set_direction (interaction, "outbound");
  fid_interaction_set_status (interaction, "planned");
  fid_interaction_set_subject (interaction, subject);
  fid_interaction_set_notes (interaction, message);
  fid_details_set_string (interaction, "to", number);
  fid_details_set_string (interaction, "encoding", count.encoding == FID_SMS_ENCODING_GSM7 ? "gsm7" : "ucs2");
  fid_details_set_int (interaction, "segments", count.segments);
  fid_details_set_boolean (interaction, "marketing", is_marketing (self));

  return interaction;
}

static void
fid_sms_editor_customer_changed (FidChannelEditor *editor,
                                 FidCustomer      *customer)
{
  FidSmsEditor *self = FID_SMS_EDITOR (editor);
  const char *phone = fid_customer_get_phone (customer);

  gtk_editable_set_text (GTK_EDITABLE (self->to_row), phone ? phone : "");
}

static void
fid_sms_editor_constructed (GObject *object)
{
  FidSmsEditor *self = FID_SMS_EDITOR (object);

  G_OBJECT_CLASS (fid_sms_editor_parent_class)->constructed (object);

  fid_channel_editor_set_title (FID_CHANNEL_EDITOR (self), _("Compose an SMS"));
  fid_channel_editor_set_action_label (FID_CHANNEL_EDITOR (self), _("_Queue SMS"));
  fid_channel_editor_set_initial_focus (FID_CHANNEL_EDITOR (self), GTK_WIDGET (self->message_view));
  on_changed_cb (self);
}

static void
fid_sms_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FID_TYPE_SMS_EDITOR);

  G_OBJECT_CLASS (fid_sms_editor_parent_class)->dispose (object);
}

static void
fid_sms_editor_class_init (FidSmsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  FidChannelEditorClass *editor_class = FID_CHANNEL_EDITOR_CLASS (klass);

  object_class->constructed = fid_sms_editor_constructed;
  object_class->dispose = fid_sms_editor_dispose;

  editor_class->build_interaction = fid_sms_editor_build_interaction;
  editor_class->customer_changed = fid_sms_editor_customer_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/plugins/channel-sms/fid-sms-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FidSmsEditor, to_row);
  gtk_widget_class_bind_template_child (widget_class, FidSmsEditor, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, FidSmsEditor, message_view);
  gtk_widget_class_bind_template_child (widget_class, FidSmsEditor, count_label);
  gtk_widget_class_bind_template_child (widget_class, FidSmsEditor, segments_label);
  gtk_widget_class_bind_template_child (widget_class, FidSmsEditor, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
fid_sms_editor_init (FidSmsEditor *self)
{
  g_autoptr(GtkStringList) purposes = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (purposes, _("Service"));
  gtk_string_list_append (purposes, _("Marketing"));
  adw_combo_row_set_model (self->purpose_row, G_LIST_MODEL (purposes));

  g_signal_connect_object (gtk_text_view_get_buffer (self->message_view), "changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
}
