/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidEmailEditor: an e-mail to one customer. Templates are filled with
 * the customer's fields (fid_template_fill); the details keep {"to",
 * "template", "marketing"}, and the channel adds "from" and the server's
 * reply when it sends. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "fid-details.h"
#include "fid-email-channel.h"
#include "fid-email-editor.h"
#include "fid-plugin-util.h"
#include "fid-template.h"

typedef struct
{
  const char *id;
  const char *name;
  const char *subject;
  const char *body;
  gboolean    marketing;
} Template;

/* Translators: keep the {placeholders}: they are replaced by the
 * customer's fields ({salutation} is "Dear Madam", "Dear Sir" or "Dear Sir or Madam"). */
static const Template templates[] = {
  { "blank", N_("Blank"), "", "", FALSE },
  { "appointment", N_("Appointment"),
    N_("Your appointment at {branch}"),
    N_("{salutation},\n\nI am writing to confirm our appointment at {branch}. "
       "Please bring an identity document and your latest payslips.\n\n"
       "If you cannot come, reply to this e-mail or call me.\n\n"
       "Kind regards,\n{advisor}\n{branch}"),
    FALSE },
  { "documents", N_("Documents needed"),
    N_("Documents needed for your file"),
    N_("{salutation},\n\nTo complete your file we still need:\n"
       "- a proof of address less than three months old;\n"
       "- your last tax notice.\n\n"
       "You can send them in reply to this e-mail or bring them to the branch.\n\n"
       "Kind regards,\n{advisor}"),
    FALSE },
  { "savings_offer", N_("Savings offer"),
    N_("{first_name}, make your savings work harder"),
    N_("{salutation},\n\nUntil the end of the month, our Livret Fidélité pays 3.5 % gross "
       "for six months on new deposits.\n\n"
       "To find out more, reply to this e-mail or book an appointment with {advisor}.\n\n"
       "You receive this offer because you agreed to hear from us by e-mail. "
       "To stop receiving our offers, reply with STOP."),
    TRUE },
};

static const char * const securities[] = { "starttls", "tls", "none" };

struct _FidEmailEditor
{
  FidChannelEditor  parent_instance;

  GSettings        *settings;

  /* Template widgets */
  AdwEntryRow      *to_row;
  AdwComboRow      *template_row;
  AdwComboRow      *purpose_row;
  AdwEntryRow      *subject_row;
  GtkTextView      *body_view;
  AdwExpanderRow   *server_row;
  AdwEntryRow      *host_row;
  GtkSpinButton    *port_spin;
  AdwComboRow      *security_row;
  AdwEntryRow      *user_row;
  AdwPasswordEntryRow *password_row;
  AdwEntryRow      *from_row;
};

G_DEFINE_FINAL_TYPE (FidEmailEditor, fid_email_editor, FID_TYPE_CHANNEL_EDITOR)

static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at, '.') != NULL && strpbrk (text, " ,;<>") == NULL;
}

static void
on_changed_cb (FidEmailEditor *self)
{
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));

  fid_channel_editor_set_valid (FID_CHANNEL_EDITOR (self), looks_like_email (to) && subject[0] != '\0');
}

static void
on_template_selected_cb (FidEmailEditor *self)
{
  guint index = adw_combo_row_get_selected (self->template_row);
  FidCustomer *customer = fid_channel_editor_get_customer (FID_CHANNEL_EDITOR (self));
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  if (index >= G_N_ELEMENTS (templates) || customer == NULL || self->subject_row == NULL)
    return;

  subject = fid_template_fill (templates[index].subject[0] ? _(templates[index].subject) : "", customer);
  body = fid_template_fill (templates[index].body[0] ? _(templates[index].body) : "", customer);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), subject);
  fid_text_view_set_text (self->body_view, body);
  adw_combo_row_set_selected (self->purpose_row, templates[index].marketing ? 1 : 0);
}

static void
update_server_row (FidEmailEditor *self)
{
  g_autofree char *host = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *security = NULL;

  if (self->settings == NULL)
    {
      adw_expander_row_set_subtitle (self->server_row, _("Settings are not available: e-mail cannot be sent"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), FALSE);
      return;
    }

  host = g_settings_get_string (self->settings, "smtp-host");
  security = g_settings_get_string (self->settings, "smtp-security");
  if (host[0] == '\0')
    subtitle = g_strdup (_("Not set: fill in the server to send e-mails"));
  else
    subtitle = g_strdup_printf ("%s:%d · %s", host, g_settings_get_int (self->settings, "smtp-port"),
                                g_str_equal (security, "starttls") ? "STARTTLS"
                                : g_str_equal (security, "tls") ? "TLS" : _("not encrypted"));
  adw_expander_row_set_subtitle (self->server_row, subtitle);
}

static void
on_port_changed_cb (FidEmailEditor *self)
{
  if (self->settings != NULL)
    g_settings_set_int (self->settings, "smtp-port", gtk_spin_button_get_value_as_int (self->port_spin));
}

static void
on_security_changed_cb (FidEmailEditor *self)
{
  guint index = adw_combo_row_get_selected (self->security_row);

  if (self->settings != NULL && index < G_N_ELEMENTS (securities))
    g_settings_set_string (self->settings, "smtp-security", securities[index]);
}

static void
on_password_saved_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(FidEmailEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (fid_email_channel_save_password_finish (result, &error))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row),
                                   _("Password (saved in the keyring)"));
  else
    {
      g_autofree char *title = g_strdup_printf (_("Password not saved: %s"), error->message);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), title);
    }
}

static void
on_password_apply_cb (FidEmailEditor *self)
{
  const char *host = gtk_editable_get_text (GTK_EDITABLE (self->host_row));
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (host[0] == '\0' || user[0] == '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row),
                                     _("Fill in the server and the user name first"));
      return;
    }

  fid_email_channel_save_password (host, user, password, NULL, on_password_saved_cb, g_object_ref (self));
}

static FidInteraction *
fid_email_editor_build_interaction (FidChannelEditor  *editor,
                                    GError           **error)
{
  FidEmailEditor *self = FID_EMAIL_EDITOR (editor);
  g_autofree char *to = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_row))));
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));
  g_autofree char *body = fid_text_view_dup_text (self->body_view);
  guint index = MIN (adw_combo_row_get_selected (self->template_row), G_N_ELEMENTS (templates) - 1);
  FidInteraction *interaction;

  if (!looks_like_email (to))
    {
      g_set_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                   _("“%s” is not an e-mail address."), to);
      return NULL;
    }
  if (subject[0] == '\0' || body[0] == '\0')
    {
      g_set_error_literal (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                           _("Write a subject and a message."));
      return NULL;
    }

  interaction = fid_interaction_new ();
  fid_interaction_set_direction (interaction, "outbound");
  fid_interaction_set_subject (interaction, subject);
  fid_interaction_set_notes (interaction, body);
  fid_details_set_string (interaction, "to", to);
  fid_details_set_string (interaction, "template", templates[index].id);
  fid_details_set_boolean (interaction, "marketing", adw_combo_row_get_selected (self->purpose_row) == 1);

  return interaction;
}

static void
fid_email_editor_customer_changed (FidChannelEditor *editor,
                                   FidCustomer      *customer)
{
  FidEmailEditor *self = FID_EMAIL_EDITOR (editor);
  const char *email = fid_customer_get_email (customer);

  gtk_editable_set_text (GTK_EDITABLE (self->to_row), email ? email : "");
  on_template_selected_cb (self);
}

static void
bind_settings (FidEmailEditor *self)
{
  g_autofree char *security = NULL;
  g_autofree char *host = NULL;

  self->settings = fid_email_channel_dup_settings ();
  if (self->settings == NULL)
    {
      update_server_row (self);
      return;
    }

  g_settings_bind (self->settings, "smtp-host", self->host_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "smtp-user", self->user_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "smtp-from", self->from_row, "text", G_SETTINGS_BIND_DEFAULT);
  gtk_spin_button_set_value (self->port_spin, g_settings_get_int (self->settings, "smtp-port"));
  security = g_settings_get_string (self->settings, "smtp-security");
  for (guint i = 0; i < G_N_ELEMENTS (securities); i++)
    if (g_str_equal (security, securities[i]))
      adw_combo_row_set_selected (self->security_row, i);

  g_signal_connect_object (self->port_spin, "value-changed", G_CALLBACK (on_port_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->security_row, "notify::selected", G_CALLBACK (on_security_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (update_server_row),
                           self, G_CONNECT_SWAPPED);

  host = g_settings_get_string (self->settings, "smtp-host");
  adw_expander_row_set_expanded (self->server_row, host[0] == '\0');
  update_server_row (self);
}

static void
fid_email_editor_constructed (GObject *object)
{
  FidEmailEditor *self = FID_EMAIL_EDITOR (object);

  G_OBJECT_CLASS (fid_email_editor_parent_class)->constructed (object);

  fid_channel_editor_set_title (FID_CHANNEL_EDITOR (self), _("Write an E-mail"));
  fid_channel_editor_set_action_label (FID_CHANNEL_EDITOR (self), _("_Send"));
  fid_channel_editor_set_initial_focus (FID_CHANNEL_EDITOR (self), GTK_WIDGET (self->subject_row));
  bind_settings (self);
  on_changed_cb (self);
}

static void
fid_email_editor_dispose (GObject *object)
{
  FidEmailEditor *self = FID_EMAIL_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), FID_TYPE_EMAIL_EDITOR);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fid_email_editor_parent_class)->dispose (object);
}

static void
fid_email_editor_class_init (FidEmailEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  FidChannelEditorClass *editor_class = FID_CHANNEL_EDITOR_CLASS (klass);

  object_class->constructed = fid_email_editor_constructed;
  object_class->dispose = fid_email_editor_dispose;

  editor_class->build_interaction = fid_email_editor_build_interaction;
  editor_class->customer_changed = fid_email_editor_customer_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/plugins/channel-email/fid-email-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FidEmailEditor, to_row);
  gtk_widget_class_bind_template_child (widget_class, FidEmailEditor, template_row);
  gtk_widget_class_bind_template_child (widget_class, FidEmailEditor, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, FidEmailEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, FidEmailEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, FidEmailEditor, server_row);
  gtk_widget_class_bind_template_child (widget_class, FidEmailEditor, host_row);
  gtk_widget_class_bind_template_child (widget_class, FidEmailEditor, port_spin);
  gtk_widget_class_bind_template_child (widget_class, FidEmailEditor, security_row);
  gtk_widget_class_bind_template_child (widget_class, FidEmailEditor, user_row);
  gtk_widget_class_bind_template_child (widget_class, FidEmailEditor, password_row);
  gtk_widget_class_bind_template_child (widget_class, FidEmailEditor, from_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_apply_cb);
}

static void
fid_email_editor_init (FidEmailEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) purposes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) security_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    gtk_string_list_append (names, _(templates[i].name));
  gtk_string_list_append (purposes, _("Service"));
  gtk_string_list_append (purposes, _("Marketing"));
  gtk_string_list_append (security_names, _("STARTTLS (port 587)"));
  gtk_string_list_append (security_names, _("TLS (port 465)"));
  gtk_string_list_append (security_names, _("None (local server only)"));

  adw_combo_row_set_model (self->purpose_row, G_LIST_MODEL (purposes));
  adw_combo_row_set_model (self->security_row, G_LIST_MODEL (security_names));
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));

  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
}

void
fid_email_editor_set_template (FidEmailEditor *self,
                               guint           index)
{
  g_return_if_fail (FID_IS_EMAIL_EDITOR (self));
  g_return_if_fail (index < G_N_ELEMENTS (templates));

  adw_combo_row_set_selected (self->template_row, index);
  on_template_selected_cb (self);
}
