/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidCustomerPage's commands: add an interaction (Ctrl+I), create or open
 * a ticket, edit or delete the customer (through the window, which owns
 * the undo). After a write every page is read again. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-customer-page-private.h"
#include "fid-consent-dialog.h"
#include "fid-customer-privacy.h"
#include "fid-interaction-dialog.h"
#include "fid-ticket-dialog.h"
#include "fid-window.h"

/* A write happened: the window reads every page again (this one too). */
static void
data_changed (FidCustomerPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (FID_IS_WINDOW (root))
    fid_window_data_changed (FID_WINDOW (root));
  else
    fid_customer_page_reload (self);
}

static void
on_dialog_saved_cb (GtkWidget       *dialog,
                    gint64           id,
                    FidCustomerPage *self)
{
  data_changed (self);
}

static GtkWindow *
get_parent_window (FidCustomerPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_interaction_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FidCustomerPage *self = FID_CUSTOMER_PAGE (widget);
  FidInteractionDialog *dialog;

  if (fid_customer_page_get_customer (self) == NULL)
    return;

  dialog = fid_interaction_dialog_new (get_parent_window (self), _fid_customer_page_get_store (self),
                                       fid_customer_page_get_customer (self), _fid_customer_page_get_advisor_id (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_ticket_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FidCustomerPage *self = FID_CUSTOMER_PAGE (widget);
  FidTicketDialog *dialog;

  if (fid_customer_page_get_customer (self) == NULL)
    return;

  dialog = fid_ticket_dialog_new (get_parent_window (self), _fid_customer_page_get_store (self), fid_customer_page_get_customer (self), _fid_customer_page_get_advisor_id (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_ticket_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FidCustomerPage *self = FID_CUSTOMER_PAGE (widget);
  FidTicketDialog *dialog;

  if (_fid_customer_page_get_store (self) == NULL)
    return;

  dialog = fid_ticket_dialog_new_for_ticket (get_parent_window (self), _fid_customer_page_get_store (self),
                                             g_variant_get_int64 (parameter));
  if (dialog == NULL)
    return;

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FidCustomerPage *self = FID_CUSTOMER_PAGE (widget);

  gtk_widget_activate_action (widget, "win.edit-customer", "x", fid_customer_page_get_customer_id (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FidCustomerPage *self = FID_CUSTOMER_PAGE (widget);

  gtk_widget_activate_action (widget, "win.delete-customer", "x", fid_customer_page_get_customer_id (self));
}

static void
privacy_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FidCustomerPage *self = FID_CUSTOMER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 id = fid_customer_page_get_customer_id (self);

  if (!FID_IS_WINDOW (root) || id <= 0)
    return;
  if (g_str_equal (action_name, "customer.export-data"))
    fid_customer_privacy_export (FID_WINDOW (root), id);
  else if (g_str_equal (action_name, "customer.record-consent"))
    fid_consent_dialog_present (FID_WINDOW (root), id);
  else
    fid_customer_privacy_erase (FID_WINDOW (root), id);
}

void
_fid_customer_page_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "customer.export-data", NULL, privacy_action);
  gtk_widget_class_install_action (widget_class, "customer.erase", NULL, privacy_action);
  gtk_widget_class_install_action (widget_class, "customer.record-consent", NULL, privacy_action);
  gtk_widget_class_install_action (widget_class, "customer.add-interaction", NULL, add_interaction_action);
  gtk_widget_class_install_action (widget_class, "customer.new-ticket", NULL, new_ticket_action);
  gtk_widget_class_install_action (widget_class, "customer.edit-ticket", "x", edit_ticket_action);
  gtk_widget_class_install_action (widget_class, "customer.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "customer.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "customer.add-interaction", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "customer.edit", NULL);
}
