/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidInteractionDialog: records a call, a branch meeting or a message with
 * a customer: channel, direction, subject, the notes (the meeting report),
 * the outcome and the next step with its follow-up date. Saved by the
 * store with the signed-in advisor and the current time; a refused field
 * is shown under its row and nothing is saved. Emits ::saved. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-form.h"
#include "fid-format.h"
#include "fid-interaction-dialog.h"
#include "fid-store-workspace.h"

struct _FidInteractionDialog
{
  AdwWindow       parent_instance;

  FidStore       *store;
  FidCustomer    *customer;
  gint64          advisor_id;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *error_label;
  AdwComboRow    *channel_row;
  AdwComboRow    *direction_row;
  AdwEntryRow    *subject_row;
  GtkWidget      *notes_frame;
  GtkTextView    *notes_view;
  GtkLabel       *notes_error_label;
  AdwEntryRow    *outcome_row;
  AdwEntryRow    *next_step_row;
  AdwEntryRow    *follow_up_row;
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FidInteractionDialog, fid_interaction_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

/* In the order of the channel row's items. */
static const char * const channels[] = { "branch", "phone", "email", "sms", "mail", "web" };
static const char * const directions[] = { "inbound", "outbound" };

static void
clear_errors (FidInteractionDialog *self)
{
  fid_form_set_label_error (self->error_label, NULL, NULL);
  fid_form_set_row_error (GTK_WIDGET (self->subject_row), NULL);
  fid_form_set_label_error (self->notes_error_label, self->notes_frame, NULL);
  fid_form_set_row_error (GTK_WIDGET (self->follow_up_row), NULL);
}

/* Puts the store's refusal next to the field it is about. */
static void
show_store_error (FidInteractionDialog *self,
                  const GError         *error)
{
  if (g_error_matches (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE))
    fid_form_set_row_error (GTK_WIDGET (self->follow_up_row), error->message);
  else
    fid_form_set_label_error (self->error_label, NULL, error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FidInteractionDialog *self = FID_INTERACTION_DIALOG (widget);
  g_autoptr(FidInteraction) interaction = fid_interaction_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = fid_form_dup_text (GTK_EDITABLE (self->subject_row));
  g_autofree char *notes = fid_form_dup_text_view_text (self->notes_view);
  g_autofree char *outcome = fid_form_dup_text (GTK_EDITABLE (self->outcome_row));
  g_autofree char *next_step = fid_form_dup_text (GTK_EDITABLE (self->next_step_row));
  g_autofree char *follow_up_text = fid_form_dup_text (GTK_EDITABLE (self->follow_up_row));
  g_autofree char *follow_up = NULL;
  guint channel = adw_combo_row_get_selected (self->channel_row);
  guint direction = adw_combo_row_get_selected (self->direction_row);
  gboolean valid = TRUE;

  clear_errors (self);

  if (subject == NULL && notes == NULL)
    {
      fid_form_set_row_error (GTK_WIDGET (self->subject_row),
                              _("Write a subject or notes: an empty interaction tells a colleague nothing."));
      valid = FALSE;
    }

  if (follow_up_text != NULL)
    {
      GDate date;

      if (!fid_format_parse_date (follow_up_text, &date))
        {
          fid_form_set_row_error (GTK_WIDGET (self->follow_up_row),
                                  _("Type the date as 2026-12-01, or pick it with the calendar button."));
          valid = FALSE;
        }
      else
        {
          g_autofree char *today = fid_format_today_iso ();

          follow_up = fid_format_date_to_iso (&date);
          if (g_strcmp0 (follow_up, today) < 0)
            {
              fid_form_set_row_error (GTK_WIDGET (self->follow_up_row),
                                      _("The follow-up date is in the past: choose today or a later day."));
              valid = FALSE;
            }
        }
    }

  if (!valid)
    return;

  fid_interaction_set_customer_id (interaction, fid_customer_get_id (self->customer));
  fid_interaction_set_channel (interaction, channels[MIN (channel, G_N_ELEMENTS (channels) - 1)]);
  fid_interaction_set_direction (interaction, directions[MIN (direction, G_N_ELEMENTS (directions) - 1)]);
  fid_interaction_set_advisor_id (interaction, self->advisor_id);
  fid_interaction_set_subject (interaction, subject ? subject : "");
  fid_interaction_set_notes (interaction, notes ? notes : "");
  fid_interaction_set_outcome (interaction, outcome);
  fid_interaction_set_next_step (interaction, next_step);
  fid_interaction_set_follow_up_on (interaction, follow_up);
  fid_interaction_set_status (interaction, "done");

  if (!fid_store_add_interaction (self->store, interaction, &error))
    {
      show_store_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, fid_interaction_get_id (interaction));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fid_interaction_dialog_dispose (GObject *object)
{
  FidInteractionDialog *self = FID_INTERACTION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->customer);

  G_OBJECT_CLASS (fid_interaction_dialog_parent_class)->dispose (object);
}

static void
fid_interaction_dialog_class_init (FidInteractionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_interaction_dialog_dispose;

  /**
   * FidInteractionDialog::saved:
   * @interaction_id: the new interaction's id
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-interaction-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FidInteractionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FidInteractionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FidInteractionDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, FidInteractionDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, FidInteractionDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, FidInteractionDialog, notes_frame);
  gtk_widget_class_bind_template_child (widget_class, FidInteractionDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, FidInteractionDialog, notes_error_label);
  gtk_widget_class_bind_template_child (widget_class, FidInteractionDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, FidInteractionDialog, next_step_row);
  gtk_widget_class_bind_template_child (widget_class, FidInteractionDialog, follow_up_row);

  gtk_widget_class_install_action (widget_class, "interaction.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "interaction.save", NULL);
}

static void
fid_interaction_dialog_init (FidInteractionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  fid_form_add_calendar_button (self->follow_up_row);
  fid_form_add_save_shortcut (GTK_WIDGET (self), "interaction.save");
}

FidInteractionDialog *
fid_interaction_dialog_new (GtkWindow   *parent,
                            FidStore    *store,
                            FidCustomer *customer,
                            gint64       advisor_id)
{
  FidInteractionDialog *self;
  g_autofree char *name = NULL;
  const char *preferred;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FID_IS_STORE (store), NULL);
  g_return_val_if_fail (FID_IS_CUSTOMER (customer), NULL);

  self = g_object_new (FID_TYPE_INTERACTION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->customer = g_object_ref (customer);
  self->advisor_id = advisor_id;

  name = fid_customer_dup_display_name (customer);
  adw_window_title_set_subtitle (self->window_title, name);

  /* Start from the customer's preferred channel. */
  preferred = fid_customer_get_preferred_channel (customer);
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (g_strcmp0 (preferred, channels[i]) == 0)
      adw_combo_row_set_selected (self->channel_row, i);

  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));

  return self;
}

GtkWidget *
fid_interaction_dialog_get_field (FidInteractionDialog *self,
                                  const char           *name)
{
  g_return_val_if_fail (FID_IS_INTERACTION_DIALOG (self), NULL);

  if (g_strcmp0 (name, "channel") == 0)
    return GTK_WIDGET (self->channel_row);
  if (g_strcmp0 (name, "direction") == 0)
    return GTK_WIDGET (self->direction_row);
  if (g_strcmp0 (name, "subject") == 0)
    return GTK_WIDGET (self->subject_row);
  if (g_strcmp0 (name, "notes") == 0)
    return GTK_WIDGET (self->notes_view);
  if (g_strcmp0 (name, "outcome") == 0)
    return GTK_WIDGET (self->outcome_row);
  if (g_strcmp0 (name, "next-step") == 0)
    return GTK_WIDGET (self->next_step_row);
  if (g_strcmp0 (name, "follow-up") == 0)
    return GTK_WIDGET (self->follow_up_row);

  return NULL;
}
