/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidMailEditor: a letter to one customer. Templates are filled with the
 * customer's fields; the sender is the customer's branch, the signature
 * the signed-in advisor. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-details.h"
#include "fid-mail-channel.h"
#include "fid-mail-editor.h"
#include "fid-plugin-util.h"
#include "fid-store-workspace.h"
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
  { "blank", N_("Blank"), "", "{salutation},\n\n", FALSE },
  { "welcome", N_("Welcome"),
    N_("Welcome to Banque Fidelis"),
    N_("{salutation},\n\nThank you for choosing Banque Fidelis. I am your advisor at {branch} "
       "and I will be glad to help you with your accounts, your plans and your questions.\n\n"
       "You can reach me at the branch, by phone or by e-mail. Your card and your online banking "
       "codes will reach you in separate letters within ten days.\n\n"
       "Yours sincerely,"),
    FALSE },
  { "change_of_advisor", N_("Change of advisor"),
    N_("Your new advisor"),
    N_("{salutation},\n\nI am pleased to let you know that I am now your advisor at {branch}. "
       "Your accounts and contracts stay exactly as they are.\n\n"
       "I would be glad to meet you to get to know your plans: do not hesitate to make an "
       "appointment.\n\nYours sincerely,"),
    FALSE },
  { "home_insurance_offer", N_("Insurance offer"),
    N_("Your home insurance, at a better price"),
    N_("{salutation},\n\nAs a customer of {branch}, you can insure your home with us "
       "and get two months free in the first year.\n\n"
       "Come and see me, or call the branch, for a quote made for you.\n\n"
       "If you no longer wish to receive our offers by post, just tell your branch.\n\n"
       "Yours sincerely,"),
    TRUE },
};

struct _FidMailEditor
{
  FidChannelEditor  parent_instance;

  char             *sender;
  char             *place;
  char             *signature;

  /* Template widgets */
  AdwComboRow      *template_row;
  AdwComboRow      *purpose_row;
  GtkTextView      *address_view;
  AdwEntryRow      *subject_row;
  GtkTextView      *body_view;
  GtkLabel         *folder_label;
};

G_DEFINE_FINAL_TYPE (FidMailEditor, fid_mail_editor, FID_TYPE_CHANNEL_EDITOR)

static void
on_changed_cb (FidMailEditor *self)
{
  g_autofree char *address = fid_text_view_dup_text (self->address_view);
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));

  fid_channel_editor_set_valid (FID_CHANNEL_EDITOR (self), address[0] != '\0' && subject[0] != '\0');
}

static void
on_template_selected_cb (FidMailEditor *self)
{
  guint index = adw_combo_row_get_selected (self->template_row);
  FidCustomer *customer = fid_channel_editor_get_customer (FID_CHANNEL_EDITOR (self));
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  if (index >= G_N_ELEMENTS (templates) || customer == NULL || self->subject_row == NULL)
    return;

  subject = fid_template_fill (templates[index].subject[0] ? _(templates[index].subject) : "", customer);
  body = fid_template_fill (_(templates[index].body), customer);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), subject);
  fid_text_view_set_text (self->body_view, body);
  adw_combo_row_set_selected (self->purpose_row, templates[index].marketing ? 1 : 0);
}

/* The sender block, the place for the date, and the signature. */
static void
read_sender (FidMailEditor *self,
             FidCustomer   *customer)
{
  FidChannelEditor *editor = FID_CHANNEL_EDITOR (self);
  FidStore *store = fid_channel_editor_get_store (editor);
  g_autoptr(GString) sender = g_string_new (_("Banque Fidelis"));
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(FidAdvisor) advisor = NULL;
  g_autofree char *advisor_name = NULL;
  gint64 advisor_id = fid_channel_editor_get_advisor_id (editor);

  branches = fid_store_list_branches (store, NULL);
  for (guint i = 0; branches != NULL && i < branches->len; i++)
    {
      FidBranch *branch = g_ptr_array_index (branches, i);

      if (fid_branch_get_id (branch) != fid_customer_get_branch_id (customer))
        continue;
      g_string_append_printf (sender, "\n%s\n%s %s", fid_branch_get_name (branch),
                              fid_branch_get_postcode (branch) ? fid_branch_get_postcode (branch) : "",
                              fid_branch_get_city (branch) ? fid_branch_get_city (branch) : "");
      g_free (self->place);
      self->place = g_strdup (fid_branch_get_city (branch));
    }
  g_free (self->sender);
  self->sender = g_string_free (g_steal_pointer (&sender), FALSE);

  if (advisor_id > 0)
    advisor = fid_store_get_advisor (store, advisor_id, NULL);
  if (advisor != NULL)
    advisor_name = g_strdup_printf ("%s %s", fid_advisor_get_first_name (advisor), fid_advisor_get_last_name (advisor));
  else
    advisor_name = g_strdup (fid_customer_get_advisor_name (customer));

  g_free (self->signature);
  self->signature = g_strdup_printf ("%s\n%s", advisor_name ? advisor_name : "", _("Your advisor"));
}

static FidInteraction *
fid_mail_editor_build_interaction (FidChannelEditor  *editor,
                                   GError           **error)
{
  FidMailEditor *self = FID_MAIL_EDITOR (editor);
  g_autofree char *address = fid_text_view_dup_text (self->address_view);
  g_autofree char *body = fid_text_view_dup_text (self->body_view);
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));
  guint index = MIN (adw_combo_row_get_selected (self->template_row), G_N_ELEMENTS (templates) - 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the date of a letter, see
   * https://docs.gtk.org/glib/method.DateTime.format.html */
  /* xgettext:no-c-format */
  g_autofree char *date = g_date_time_format (now, _("%-d %B %Y"));
  g_autofree char *place_date = NULL;
  FidInteraction *interaction;

  if (address[0] == '\0' || subject[0] == '\0' || body[0] == '\0')
    {
      g_set_error_literal (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                           _("Fill in the address, the subject and the letter."));
      return NULL;
    }

  /* Translators: place and date at the top of a letter: "Paris, 3 April 2026" (fr: "%s, le %s") */
  place_date = self->place != NULL ? g_strdup_printf (C_("letter place and date", "%s, %s"), self->place, date) : g_strdup (date);

  interaction = fid_interaction_new ();
  fid_interaction_set_direction (interaction, "outbound");
  fid_interaction_set_subject (interaction, subject);
  fid_interaction_set_notes (interaction, body);
  fid_details_set_string (interaction, "recipient", address);
  fid_details_set_string (interaction, "sender", self->sender);
  fid_details_set_string (interaction, "place_date", place_date);
  fid_details_set_string (interaction, "signature", self->signature);
  fid_details_set_string (interaction, "template", templates[index].id);
  fid_details_set_boolean (interaction, "marketing", adw_combo_row_get_selected (self->purpose_row) == 1);

  return interaction;
}

static void
fid_mail_editor_customer_changed (FidChannelEditor *editor,
                                  FidCustomer      *customer)
{
  FidMailEditor *self = FID_MAIL_EDITOR (editor);
  g_autofree char *name = fid_customer_dup_display_name (customer);
  g_autofree char *address = NULL;
  const char *title = fid_customer_get_title (customer);

  address = g_strdup_printf ("%s%s%s\n%s\n%s %s",
                             title ? title : "", title ? " " : "", name,
                             fid_customer_get_address (customer) ? fid_customer_get_address (customer) : "",
                             fid_customer_get_postcode (customer) ? fid_customer_get_postcode (customer) : "",
                             fid_customer_get_city (customer) ? fid_customer_get_city (customer) : "");
  fid_text_view_set_text (self->address_view, address);
  read_sender (self, customer);
  on_template_selected_cb (self);
}

static void
fid_mail_editor_constructed (GObject *object)
{
  FidMailEditor *self = FID_MAIL_EDITOR (object);
  g_autofree char *dir = fid_mail_channel_dup_letters_dir ();
  g_autofree char *folder = g_strdup_printf (_("The letter is saved as a PDF in %s, ready to print."), dir);

  G_OBJECT_CLASS (fid_mail_editor_parent_class)->constructed (object);

  fid_channel_editor_set_title (FID_CHANNEL_EDITOR (self), _("Write a Letter"));
  fid_channel_editor_set_action_label (FID_CHANNEL_EDITOR (self), _("_Create Letter"));
  fid_channel_editor_set_initial_focus (FID_CHANNEL_EDITOR (self), GTK_WIDGET (self->body_view));
  gtk_label_set_text (self->folder_label, folder);
  on_changed_cb (self);
}

static void
fid_mail_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FID_TYPE_MAIL_EDITOR);

  G_OBJECT_CLASS (fid_mail_editor_parent_class)->dispose (object);
}

static void
fid_mail_editor_finalize (GObject *object)
{
  FidMailEditor *self = FID_MAIL_EDITOR (object);

  g_free (self->sender);
  g_free (self->place);
  g_free (self->signature);

  G_OBJECT_CLASS (fid_mail_editor_parent_class)->finalize (object);
}

static void
fid_mail_editor_class_init (FidMailEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  FidChannelEditorClass *editor_class = FID_CHANNEL_EDITOR_CLASS (klass);

  object_class->constructed = fid_mail_editor_constructed;
  object_class->dispose = fid_mail_editor_dispose;
  object_class->finalize = fid_mail_editor_finalize;

  editor_class->build_interaction = fid_mail_editor_build_interaction;
  editor_class->customer_changed = fid_mail_editor_customer_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/plugins/channel-mail/fid-mail-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FidMailEditor, template_row);
  gtk_widget_class_bind_template_child (widget_class, FidMailEditor, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, FidMailEditor, address_view);
  gtk_widget_class_bind_template_child (widget_class, FidMailEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, FidMailEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, FidMailEditor, folder_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected_cb);
}

static void
fid_mail_editor_init (FidMailEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) purposes = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    gtk_string_list_append (names, _(templates[i].name));
  gtk_string_list_append (purposes, _("Service"));
  gtk_string_list_append (purposes, _("Marketing"));
  adw_combo_row_set_model (self->purpose_row, G_LIST_MODEL (purposes));
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->template_row, 1);

  g_signal_connect_object (gtk_text_view_get_buffer (self->address_view), "changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
}
