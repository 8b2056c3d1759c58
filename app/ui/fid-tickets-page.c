/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidTicketsPage: the open tickets across customers (or the signed-in
 * advisor's), overdue ones first and in the error colour, then by
 * priority and due date as the store orders them. Activating a ticket
 * opens its dialog. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-form.h"
#include "fid-format.h"
#include "fid-store-workspace.h"
#include "fid-ticket-dialog.h"
#include "fid-tickets-page.h"
#include "fid-window.h"

struct _FidTicketsPage
{
  GtkWidget        parent_instance;

  FidStore        *store;
  gint64           advisor_id;
  GListStore      *items;
  char            *today;
  guint            n_overdue;

  /* Template widgets */
  GtkLabel        *summary_label;
  GtkToggleButton *mine_button;
  GtkStack        *stack;
  GtkColumnView   *column_view;
};

G_DEFINE_FINAL_TYPE (FidTicketsPage, fid_tickets_page, GTK_TYPE_WIDGET)

static gboolean
is_overdue (FidTicketsPage *self,
            FidTicket      *ticket)
{
  const char *due_on = fid_ticket_get_due_on (ticket);

  return due_on != NULL && due_on[0] != '\0' && g_strcmp0 (due_on, self->today) < 0;
}

static void
fill (FidTicketsPage *self)
{
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *summary = NULL;
  gint64 advisor_id = gtk_toggle_button_get_active (self->mine_button) ? self->advisor_id : 0;

  g_free (self->today);
  self->today = fid_format_today_iso ();
  self->n_overdue = 0;

  if (self->store != NULL)
    {
      tickets = fid_store_list_open_tickets (self->store, advisor_id, NULL, &error);
      if (tickets == NULL)
        g_warning ("Cannot list the open tickets: %s", error->message);
    }
  if (tickets == NULL)
    tickets = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < tickets->len; i++)
    if (is_overdue (self, g_ptr_array_index (tickets, i)))
      self->n_overdue++;

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       tickets->pdata, tickets->len);

  count = fid_format_count (tickets->len);
  overdue = fid_format_count (self->n_overdue);
  summary = g_strdup_printf (ngettext ("%s open ticket, %s overdue", "%s open tickets, %s overdue",
                                       tickets->len),
                             count, overdue);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, tickets->len > 0 ? "list" : "empty");
}

static void
on_mine_button_toggled_cb (GtkToggleButton *button,
                           FidTicketsPage  *self)
{
  fill (self);
}

static void
on_dialog_saved_cb (FidTicketDialog *dialog,
                    gint64           ticket_id,
                    FidTicketsPage  *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (FID_IS_WINDOW (root))
    fid_window_data_changed (FID_WINDOW (root));
  else
    fill (self);
}

static void
on_column_view_activate_cb (GtkColumnView  *column_view,
                            guint           position,
                            FidTicketsPage *self)
{
  g_autoptr(FidTicket) ticket = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  FidTicketDialog *dialog;

  if (ticket == NULL || self->store == NULL)
    return;

  dialog = fid_ticket_dialog_new_for_ticket (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             self->store, fid_ticket_get_id (ticket));
  if (dialog == NULL)
    return;

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_text_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  FidTicketsPage           *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
on_due_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 FidTicketsPage           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("task-past-due-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (icon, "error");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
set_text (GtkListItem *list_item,
          const char  *text)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text ? text : "");
}

static void
on_due_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                FidTicketsPage           *self)
{
  FidTicket *ticket = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  gboolean overdue = is_overdue (self, ticket);
  g_autofree char *due = NULL;

  if (fid_ticket_get_due_on (ticket) != NULL && fid_ticket_get_due_on (ticket)[0] != '\0')
    due = fid_format_relative_day (fid_ticket_get_due_on (ticket));
  else
    due = g_strdup ("—");

  gtk_label_set_text (GTK_LABEL (label), due);
  gtk_widget_set_visible (icon, overdue);
  if (overdue)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
on_customer_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     FidTicketsPage           *self)
{
  set_text (list_item, fid_ticket_get_customer_name (gtk_list_item_get_item (list_item)));
}

static void
on_subject_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    FidTicketsPage           *self)
{
  FidTicket *ticket = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  set_text (list_item, fid_ticket_get_subject (ticket));
  gtk_widget_set_tooltip_text (label, fid_ticket_get_critical_incident (ticket) ? _("Critical incident") : NULL);
  if (fid_ticket_get_critical_incident (ticket))
    gtk_widget_add_css_class (label, "critical-incident");
  else
    gtk_widget_remove_css_class (label, "critical-incident");
}

static void
on_kind_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 FidTicketsPage           *self)
{
  set_text (list_item, fid_format_ticket_kind (fid_ticket_get_kind (gtk_list_item_get_item (list_item))));
}

static void
on_priority_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     FidTicketsPage           *self)
{
  const char *priority = fid_ticket_get_priority (gtk_list_item_get_item (list_item));
  GtkWidget *label = gtk_list_item_get_child (list_item);

  set_text (list_item, fid_format_ticket_priority (priority));
  if (g_strcmp0 (priority, "urgent") == 0)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

static void
on_status_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   FidTicketsPage           *self)
{
  set_text (list_item, fid_format_ticket_status (fid_ticket_get_status (gtk_list_item_get_item (list_item))));
}

static void
fid_tickets_page_dispose (GObject *object)
{
  FidTicketsPage *self = FID_TICKETS_PAGE (object);
  GtkWidget *child;

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_TICKETS_PAGE);
  /* Children the template made without binding them (separators…). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (fid_tickets_page_parent_class)->dispose (object);
}

static void
fid_tickets_page_class_init (FidTicketsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_tickets_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-tickets-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, FidTicketsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FidTicketsPage, mine_button);
  gtk_widget_class_bind_template_child (widget_class, FidTicketsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FidTicketsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_mine_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_subject_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_priority_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_bind_cb);
}

static void
fid_tickets_page_init (FidTicketsPage *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->items = g_list_store_new (FID_TYPE_TICKET);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  /* Tab goes on past the list, not through every ticket. */
  fid_form_tab_leaves_list (GTK_WIDGET (self->column_view));

  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_button), FALSE);
  fill (self);
}

void
fid_tickets_page_set_store (FidTicketsPage *self,
                            FidStore       *store)
{
  g_return_if_fail (FID_IS_TICKETS_PAGE (self));
  g_return_if_fail (!store || FID_IS_STORE (store));

  if (g_set_object (&self->store, store))
    fill (self);
}

void
fid_tickets_page_set_advisor_id (FidTicketsPage *self,
                                 gint64          advisor_id)
{
  g_return_if_fail (FID_IS_TICKETS_PAGE (self));

  if (self->advisor_id == advisor_id)
    return;

  self->advisor_id = advisor_id;
  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_button), advisor_id != 0);
  if (advisor_id == 0)
    gtk_toggle_button_set_active (self->mine_button, FALSE);
  else if (gtk_toggle_button_get_active (self->mine_button))
    fill (self);
}

void
fid_tickets_page_reload (FidTicketsPage *self)
{
  g_return_if_fail (FID_IS_TICKETS_PAGE (self));

  fill (self);
}

GListModel *
fid_tickets_page_get_items (FidTicketsPage *self)
{
  g_return_val_if_fail (FID_IS_TICKETS_PAGE (self), NULL);

  return G_LIST_MODEL (self->items);
}
