/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidWindow's commands: the actions that span pages (open a customer or a
 * page, go back, find, create, edit, delete with undo, change who is
 * signed in), the advisor dialog, and the 12-month revenue refresh that
 * runs in a thread. Installed by fid_window_class_init. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-advisor-dialog.h"
#include "fid-customer-editor.h"
#include "fid-customer-page.h"
#include "fid-customers-page.h"
#include "fid-store-loyalty.h"
#include "fid-store-workspace.h"
#include "fid-window-private.h"

static void
on_advisor_dialog_chosen_cb (FidAdvisorDialog *dialog,
                             gint64            advisor_id,
                             FidWindow        *self)
{
  fid_window_set_advisor_id (self, advisor_id);
}

void
_fid_window_show_advisor_dialog (FidWindow *self)
{
  FidAdvisorDialog *dialog;

  if (fid_window_get_store (self) == NULL)
    return;

  dialog = fid_advisor_dialog_new (GTK_WINDOW (self), fid_window_get_store (self), fid_window_get_advisor_id (self));
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (on_advisor_dialog_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_fid_window_refresh_revenue_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !fid_store_refresh_revenue_12m (store, NULL, cancellable, &error) ||
      !fid_store_engagement_refresh (store, NULL, cancellable, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_error (FidWindow    *self,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_editor_saved_cb (FidCustomerEditor *editor,
                    gint64             customer_id,
                    FidWindow         *self)
{
  fid_window_data_changed (self);
  fid_window_show_customer (self, customer_id);
}

static void
open_editor (FidWindow   *self,
             FidCustomer *customer)
{
  FidCustomerEditor *editor;

  if (fid_window_get_store (self) == NULL)
    return;

  editor = fid_customer_editor_new (GTK_WINDOW (self), fid_window_get_store (self), customer, fid_window_get_advisor_id (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
show_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  fid_window_show_customer (FID_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FidWindow *self = FID_WINDOW (widget);

  if (fid_window_show_page (self, g_variant_get_string (parameter, NULL)))
    _fid_window_navigate (self, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FidWindow *self = FID_WINDOW (widget);

  if (g_strcmp0 (fid_window_get_visible_page (self), "customer") == 0)
    fid_window_show_page (self, _fid_window_get_return_page (self));
  else
    _fid_window_navigate (self, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FidWindow *self = FID_WINDOW (widget);

  if (fid_window_get_store (self) == NULL)
    return;

  fid_window_show_page (self, "customers");
  _fid_window_navigate (self, ADW_NAVIGATION_DIRECTION_FORWARD);
  fid_customers_page_focus_search (FID_CUSTOMERS_PAGE (fid_window_get_page (self, "customers")));
}

static void
new_customer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_editor (FID_WINDOW (widget), NULL);
}

static void
edit_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FidWindow *self = FID_WINDOW (widget);
  g_autoptr(FidCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  if (fid_window_get_store (self) == NULL)
    return;

  customer = fid_store_get_customer (fid_window_get_store (self), g_variant_get_int64 (parameter), &error);
  if (customer == NULL)
    {
      show_error (self, _("Could Not Open the Customer"), error);
      return;
    }

  open_editor (self, customer);
}

static void
delete_customer_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FidWindow *self = FID_WINDOW (widget);
  gint64 customer_id = g_variant_get_int64 (parameter);
  g_autoptr(FidCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;
  gint64 trash_id;

  if (fid_window_get_store (self) == NULL)
    return;

  customer = fid_store_get_customer (fid_window_get_store (self), customer_id, NULL);
  name = customer != NULL ? fid_customer_dup_display_name (customer) : g_strdup ("");

  trash_id = fid_store_trash_customer (fid_window_get_store (self), customer_id, &error);
  if (trash_id == 0)
    {
      show_error (self, _("Could Not Delete the Customer"), error);
      return;
    }

  if (g_strcmp0 (fid_window_get_visible_page (self), "customer") == 0 &&
      fid_customer_page_get_customer_id (FID_CUSTOMER_PAGE (fid_window_get_page (self, "customer"))) == customer_id)
    fid_window_show_page (self, _fid_window_get_return_page (self));

  _fid_window_set_last_trash_id (self, trash_id);
  fid_window_data_changed (self);

  /* Translators: a toast after a customer was deleted; %s is the name. */
  title = g_strdup_printf (_("“%s” deleted"), name);
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (trash_id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  fid_window_add_toast (self, toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FidWindow *self = FID_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (fid_window_get_store (self) == NULL)
    return;

  if (!fid_store_restore_customer (fid_window_get_store (self), g_variant_get_int64 (parameter), &error))
    {
      show_error (self, _("Could Not Restore the Customer"), error);
      return;
    }

  fid_window_data_changed (self);
}

static void
change_advisor_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _fid_window_show_advisor_dialog (FID_WINDOW (widget));
}

static void
add_interaction_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FidWindow *self = FID_WINDOW (widget);

  if (g_strcmp0 (fid_window_get_visible_page (self), "customer") == 0)
    gtk_widget_activate_action (fid_window_get_page (self, "customer"), "customer.add-interaction", NULL);
}

/* The window's size, kept in the settings. */
static GSettings *
get_settings (FidWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return FID_IS_APPLICATION (app) ? fid_application_get_settings (FID_APPLICATION (app)) : NULL;
}

void
_fid_window_restore_state (FidWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  width = g_settings_get_int (settings, "window-width");
  height = g_settings_get_int (settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

void
_fid_window_save_state (FidWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (settings);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_apply (settings);
}

void
_fid_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-customer", "x", show_customer_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.new-customer", NULL, new_customer_action);
  gtk_widget_class_install_action (widget_class, "win.edit-customer", "x", edit_customer_action);
  gtk_widget_class_install_action (widget_class, "win.delete-customer", "x", delete_customer_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "x", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.change-advisor", NULL, change_advisor_action);
  gtk_widget_class_install_action (widget_class, "win.add-interaction", NULL, add_interaction_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-customer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.add-interaction", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
}
