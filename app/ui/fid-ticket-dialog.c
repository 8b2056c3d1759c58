/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidTicketDialog: creates a ticket (request, complaint, incident) or edits
 * one. Editing shows the status workflow: Start, Resolve (with the
 * resolution note), Close, Reopen; each move is asked of the store, which
 * owns the rules, and a refusal is shown next to the field it is about.
 * The critical-incident switch only applies to complaints. Emits ::saved
 * after every write. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-form.h"
#include "fid-format.h"
#include "fid-store-workspace.h"
#include "fid-ticket-dialog.h"

struct _FidTicketDialog
{
  AdwWindow            parent_instance;

  FidStore            *store;
  FidTicket           *ticket;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkWidget           *open_customer_button;
  GtkLabel            *error_label;
  AdwPreferencesGroup *status_group;
  AdwActionRow        *status_row;
  GtkWidget           *start_button;
  GtkWidget           *resolve_button;
  GtkWidget           *close_button;
  GtkWidget           *reopen_button;
  AdwEntryRow         *resolution_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *category_row;
  AdwEntryRow         *subject_row;
  AdwComboRow         *priority_row;
  AdwEntryRow         *due_row;
  AdwActionRow        *critical_row;
  GtkSwitch           *critical_switch;
  GtkTextView         *description_view;
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FidTicketDialog, fid_ticket_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

/* In the order of the combo rows' items. */
static const char * const kinds[] = { "request", "complaint", "incident" };
static const char * const priorities[] = { "low", "normal", "high", "urgent" };

static guint
index_of (const char * const *codes,
          guint               n_codes,
          const char         *code,
          guint               fallback)
{
  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i;

  return fallback;
}

static gboolean
is_new (FidTicketDialog *self)
{
  return fid_ticket_get_id (self->ticket) == 0;
}

static void
clear_errors (FidTicketDialog *self)
{
  fid_form_set_label_error (self->error_label, NULL, NULL);
  fid_form_set_row_error (GTK_WIDGET (self->subject_row), NULL);
  fid_form_set_row_error (GTK_WIDGET (self->due_row), NULL);
  fid_form_set_row_error (GTK_WIDGET (self->critical_row), NULL);
  fid_form_set_row_error (GTK_WIDGET (self->resolution_row), NULL);
  fid_form_set_row_error (GTK_WIDGET (self->status_row), NULL);
}

/* Puts the store's refusal next to the field it is about. */
static void
show_store_error (FidTicketDialog *self,
                  const GError    *error)
{
  GtkWidget *row = NULL;

  if (g_error_matches (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_EMPTY_SUBJECT))
    row = GTK_WIDGET (self->subject_row);
  else if (g_error_matches (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE))
    row = GTK_WIDGET (self->due_row);
  else if (g_error_matches (error, FID_TICKET_ERROR, FID_TICKET_ERROR_CRITICAL_NOT_COMPLAINT))
    row = GTK_WIDGET (self->critical_row);
  else if (g_error_matches (error, FID_TICKET_ERROR, FID_TICKET_ERROR_RESOLUTION_REQUIRED))
    row = GTK_WIDGET (self->resolution_row);
  else if (g_error_matches (error, FID_TICKET_ERROR, FID_TICKET_ERROR_INVALID_TRANSITION))
    row = GTK_WIDGET (self->status_row);

  if (row != NULL)
    fid_form_set_row_error (row, error->message);
  else
    fid_form_set_label_error (self->error_label, NULL, error->message);
}

/* Only the moves that apply are shown. */
static void
set_move_enabled (FidTicketDialog *self,
                  const char      *action_name,
                  GtkWidget       *button,
                  gboolean         enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action_name, enabled);
  gtk_widget_set_visible (button, enabled);
}

/* The workflow buttons the store's rules allow from the current status:
 * open → in progress → resolved → closed, and resolved → in progress. */
static void
update_status (FidTicketDialog *self)
{
  const char *status = fid_ticket_get_status (self->ticket);
  gboolean editing = !is_new (self);
  gboolean closed = g_strcmp0 (status, "closed") == 0;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->status_group), editing);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), fid_format_ticket_status (status));

  if (fid_ticket_get_resolved_at (self->ticket) != NULL && fid_ticket_get_resolved_at (self->ticket)[0] != '\0')
    {
      g_autofree char *when = fid_format_date_time (fid_ticket_get_resolved_at (self->ticket));

      subtitle = g_strdup_printf (_("Resolved %s"), when);
    }
  else if (fid_ticket_get_opened_at (self->ticket) != NULL)
    {
      g_autofree char *when = fid_format_date_time (fid_ticket_get_opened_at (self->ticket));

      subtitle = g_strdup_printf (_("Opened %s"), when);
    }
  adw_action_row_set_subtitle (self->status_row, subtitle ? subtitle : "");

  set_move_enabled (self, "ticket.start", self->start_button, editing && g_strcmp0 (status, "open") == 0);
  set_move_enabled (self, "ticket.resolve", self->resolve_button, editing && g_strcmp0 (status, "in_progress") == 0);
  set_move_enabled (self, "ticket.close", self->close_button, editing && g_strcmp0 (status, "resolved") == 0);
  set_move_enabled (self, "ticket.reopen", self->reopen_button, editing && g_strcmp0 (status, "resolved") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ticket.save", !closed);

  gtk_widget_set_visible (GTK_WIDGET (self->resolution_row), editing && g_strcmp0 (status, "open") != 0);
  gtk_editable_set_editable (GTK_EDITABLE (self->resolution_row), g_strcmp0 (status, "in_progress") == 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), !closed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), !closed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->subject_row), !closed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->priority_row), !closed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->due_row), !closed);
  gtk_text_view_set_editable (self->description_view, !closed);
}

static void
update_critical (FidTicketDialog *self)
{
  gboolean complaint = adw_combo_row_get_selected (self->kind_row) == 1;

  if (!complaint)
    gtk_switch_set_active (self->critical_switch, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->critical_row), complaint);
}

static void
fill_form (FidTicketDialog *self)
{
  FidTicket *t = self->ticket;

  adw_combo_row_set_selected (self->kind_row, index_of (kinds, G_N_ELEMENTS (kinds), fid_ticket_get_kind (t), 0));
  fid_form_set_text (GTK_EDITABLE (self->category_row), fid_ticket_get_category (t));
  fid_form_set_text (GTK_EDITABLE (self->subject_row), fid_ticket_get_subject (t));
  adw_combo_row_set_selected (self->priority_row,
                              index_of (priorities, G_N_ELEMENTS (priorities), fid_ticket_get_priority (t), 1));
  fid_form_set_text (GTK_EDITABLE (self->due_row), fid_ticket_get_due_on (t));
  gtk_switch_set_active (self->critical_switch, fid_ticket_get_critical_incident (t));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            fid_ticket_get_description (t) ? fid_ticket_get_description (t) : "", -1);
  fid_form_set_text (GTK_EDITABLE (self->resolution_row), fid_ticket_get_resolution (t));

  update_critical (self);
  update_status (self);
}

static void
on_kind_row_selected_cb (AdwComboRow     *row,
                         GParamSpec      *pspec,
                         FidTicketDialog *self)
{
  update_critical (self);
}

/* Reads the form into the ticket; FALSE when a field is wrong before the
 * store is even asked (a date that does not parse). */
static gboolean
read_form (FidTicketDialog *self)
{
  g_autofree char *category = fid_form_dup_text (GTK_EDITABLE (self->category_row));
  g_autofree char *subject = fid_form_dup_text (GTK_EDITABLE (self->subject_row));
  g_autofree char *due_text = fid_form_dup_text (GTK_EDITABLE (self->due_row));
  g_autofree char *description = fid_form_dup_text_view_text (self->description_view);
  g_autofree char *due = NULL;
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint priority = adw_combo_row_get_selected (self->priority_row);

  if (due_text != NULL)
    {
      GDate date;

      if (!fid_format_parse_date (due_text, &date))
        {
          fid_form_set_row_error (GTK_WIDGET (self->due_row),
                                  _("Type the date as 2026-12-01, or pick it with the calendar button."));
          return FALSE;
        }
      due = fid_format_date_to_iso (&date);
    }

  fid_ticket_set_kind (self->ticket, kinds[MIN (kind, G_N_ELEMENTS (kinds) - 1)]);
  fid_ticket_set_category (self->ticket, category);
  fid_ticket_set_subject (self->ticket, subject ? subject : "");
  fid_ticket_set_priority (self->ticket, priorities[MIN (priority, G_N_ELEMENTS (priorities) - 1)]);
  fid_ticket_set_due_on (self->ticket, due);
  fid_ticket_set_critical_incident (self->ticket, gtk_switch_get_active (self->critical_switch));
  fid_ticket_set_description (self->ticket, description ? description : "");

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FidTicketDialog *self = FID_TICKET_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  clear_errors (self);

  if (!read_form (self))
    return;

  if (is_new (self))
    saved = fid_store_add_ticket (self->store, self->ticket, &error);
  else
    saved = fid_store_update_ticket (self->store, self->ticket, &error);

  if (!saved)
    {
      show_store_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, fid_ticket_get_id (self->ticket));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* One move of the workflow, saved at once; the form's other edits wait
 * for Save. */
static void
move_to (FidTicketDialog *self,
         const char      *status)
{
  g_autoptr(FidTicket) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *resolution = fid_form_dup_text (GTK_EDITABLE (self->resolution_row));
  gint64 id = fid_ticket_get_id (self->ticket);

  clear_errors (self);

  if (!fid_store_set_ticket_status (self->store, id, status, resolution, &error))
    {
      show_store_error (self, error);
      return;
    }

  fresh = fid_store_get_ticket (self->store, id, &error);
  if (fresh == NULL)
    {
      show_store_error (self, error);
      return;
    }

  fid_ticket_set_status (self->ticket, fid_ticket_get_status (fresh));
  fid_ticket_set_resolution (self->ticket, fid_ticket_get_resolution (fresh));
  fid_ticket_set_resolved_at (self->ticket, fid_ticket_get_resolved_at (fresh));
  fid_ticket_set_version (self->ticket, fid_ticket_get_version (fresh));
  update_status (self);

  g_signal_emit (self, signals[SAVED], 0, id);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  move_to (FID_TICKET_DIALOG (widget), "in_progress");
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_to (FID_TICKET_DIALOG (widget), "resolved");
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  move_to (FID_TICKET_DIALOG (widget), "closed");
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  move_to (FID_TICKET_DIALOG (widget), "in_progress");
}

/* Opens the ticket's customer in the window behind, and closes. */
static void
open_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FidTicketDialog *self = FID_TICKET_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-customer", "x",
                                fid_ticket_get_customer_id (self->ticket));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fid_ticket_dialog_dispose (GObject *object)
{
  FidTicketDialog *self = FID_TICKET_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->ticket);

  G_OBJECT_CLASS (fid_ticket_dialog_parent_class)->dispose (object);
}

static void
fid_ticket_dialog_class_init (FidTicketDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_ticket_dialog_dispose;

  /**
   * FidTicketDialog::saved:
   * @ticket_id: the ticket's id
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-ticket-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, open_customer_button);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, status_group);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, resolution_row);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, priority_row);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, critical_row);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, critical_switch);
  gtk_widget_class_bind_template_child (widget_class, FidTicketDialog, description_view);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "ticket.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "ticket.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "ticket.resolve", NULL, resolve_action);
  gtk_widget_class_install_action (widget_class, "ticket.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "ticket.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "ticket.open-customer", NULL, open_customer_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "ticket.save", NULL);
}

static void
fid_ticket_dialog_init (FidTicketDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  fid_form_add_calendar_button (self->due_row);
  fid_form_add_save_shortcut (GTK_WIDGET (self), "ticket.save");
}

static void
set_customer_subtitle (FidTicketDialog *self,
                       const char      *name)
{
  adw_window_title_set_subtitle (self->window_title, name);
}

FidTicketDialog *
fid_ticket_dialog_new (GtkWindow   *parent,
                       FidStore    *store,
                       FidCustomer *customer,
                       gint64       advisor_id)
{
  FidTicketDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FID_IS_STORE (store), NULL);
  g_return_val_if_fail (FID_IS_CUSTOMER (customer), NULL);

  self = g_object_new (FID_TYPE_TICKET_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->ticket = fid_ticket_new ();
  fid_ticket_set_customer_id (self->ticket, fid_customer_get_id (customer));
  fid_ticket_set_advisor_id (self->ticket, advisor_id);
  fid_ticket_set_kind (self->ticket, "request");
  fid_ticket_set_priority (self->ticket, "normal");
  fid_ticket_set_status (self->ticket, "open");

  name = fid_customer_dup_display_name (customer);
  set_customer_subtitle (self, name);
  fill_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));

  return self;
}

FidTicketDialog *
fid_ticket_dialog_new_for_ticket (GtkWindow *parent,
                                  FidStore  *store,
                                  gint64     ticket_id)
{
  g_autoptr(FidTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  FidTicketDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FID_IS_STORE (store), NULL);

  ticket = fid_store_get_ticket (store, ticket_id, &error);
  if (ticket == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Open the Ticket"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return NULL;
    }

  self = g_object_new (FID_TYPE_TICKET_DIALOG,
                       "transient-for", parent,
                       "title", _("Ticket"),
                       NULL);
  self->store = g_object_ref (store);
  self->ticket = g_steal_pointer (&ticket);

  adw_window_title_set_title (self->window_title, _("Ticket"));
  set_customer_subtitle (self, fid_ticket_get_customer_name (self->ticket));
  gtk_button_set_label (self->save_button, _("_Save"));
  gtk_widget_set_visible (self->open_customer_button, TRUE);
  fill_form (self);

  return self;
}

FidTicket *
fid_ticket_dialog_get_ticket (FidTicketDialog *self)
{
  g_return_val_if_fail (FID_IS_TICKET_DIALOG (self), NULL);

  return self->ticket;
}

GtkWidget *
fid_ticket_dialog_get_field (FidTicketDialog *self,
                             const char      *name)
{
  static const struct {
    const char *name;
    gsize       offset;
  } fields[] = {
    { "kind", G_STRUCT_OFFSET (FidTicketDialog, kind_row) },
    { "category", G_STRUCT_OFFSET (FidTicketDialog, category_row) },
    { "subject", G_STRUCT_OFFSET (FidTicketDialog, subject_row) },
    { "priority", G_STRUCT_OFFSET (FidTicketDialog, priority_row) },
    { "due", G_STRUCT_OFFSET (FidTicketDialog, due_row) },
    { "critical", G_STRUCT_OFFSET (FidTicketDialog, critical_switch) },
    { "description", G_STRUCT_OFFSET (FidTicketDialog, description_view) },
    { "resolution", G_STRUCT_OFFSET (FidTicketDialog, resolution_row) },
    { "status", G_STRUCT_OFFSET (FidTicketDialog, status_row) },
  };

  g_return_val_if_fail (FID_IS_TICKET_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (name, fields[i].name) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);

  return NULL;
}
