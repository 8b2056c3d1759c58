/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidWindow: the account manager's workspace. A leaflet with a navigation
 * sidebar (Customers, Follow-ups, Tickets, and the pages plugins add) and
 * the visible page beside it; on a narrow window it folds and the header
 * bar gets a back button. The customer 360 page opens from any page and
 * goes back to it. The window owns the store and who is signed in, and the
 * commands that span pages (open a customer, create, edit, delete with
 * undo). */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-customer-page.h"
#include "fid-customers-page.h"
#include "fid-follow-ups-page.h"
#include "fid-format.h"
#include "fid-store-loyalty.h"
#include "fid-store-workspace.h"
#include "fid-tickets-page.h"
#include "fid-window-private.h"

typedef struct
{
  char      *id;
  char      *title;
  GtkWidget *page;
  GtkWidget *row;   /* in the sidebar */
} Page;

struct _FidWindow
{
  AdwApplicationWindow  parent_instance;

  FidStore             *store;
  gint64                advisor_id;
  guint                 load_source;
  GCancellable         *refresh_cancellable;  /* while revenue-12m is refreshed */
  gint64                last_trash_id;
  GPtrArray            *pages;          /* Page, in sidebar order */
  char                 *return_page;    /* where the 360 page goes back to */

  FidCustomersPage     *customers_page;
  FidFollowUpsPage     *follow_ups_page;
  FidTicketsPage       *tickets_page;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *window_title;
  GtkListBox           *sidebar_list;
  GtkButton            *back_button;
  GtkStack             *stack;
  GtkSpinner           *loading_spinner;
  GtkStack             *page_stack;
  FidCustomerPage      *customer_page;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  PROP_ADVISOR_ID,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FidWindow, fid_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

enum {
  DATA_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
page_free (gpointer data)
{
  Page *page = data;

  g_free (page->id);
  g_free (page->title);
  g_free (page);
}

static Page *
find_page (FidWindow  *self,
           const char *id)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);

      if (g_strcmp0 (page->id, id) == 0)
        return page;
    }

  return NULL;
}

static FidApplication *
get_application (FidWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return FID_IS_APPLICATION (app) ? FID_APPLICATION (app) : NULL;
}

static void
set_loading (FidWindow *self,
             gboolean   loading)
{
  gtk_spinner_set_spinning (self->loading_spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The header: the page's title, the database as subtitle; a back button
 * when folded (to the sidebar) or on the 360 page (to where it came from). */
static void
update_header (FidWindow *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->page_stack);
  gboolean on_content = g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean workspace = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "workspace") == 0;
  Page *page = find_page (self, visible);
  const char *title = _("Fidelis");

  if (workspace && page != NULL)
    title = page->title;
  else if (workspace && g_strcmp0 (visible, "customer") == 0)
    title = _("Customer");

  adw_window_title_set_title (self->window_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          (folded && on_content) ||
                          (workspace && g_strcmp0 (visible, "customer") == 0));
}

static void
select_sidebar_row (FidWindow  *self,
                    const char *id)
{
  Page *page = find_page (self, id);

  if (page != NULL)
    gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (page->row));
}

static void
update_advisor (FidWindow *self)
{
  g_autoptr(FidAdvisor) advisor = NULL;
  g_autofree char *name = NULL;

  if (self->store != NULL && self->advisor_id != 0)
    advisor = fid_store_get_advisor (self->store, self->advisor_id, NULL);
  if (advisor != NULL)
    name = fid_advisor_dup_display_name (advisor);

  adw_window_title_set_subtitle (self->sidebar_title, name);

  fid_customers_page_set_advisor_id (self->customers_page, self->advisor_id);
  fid_follow_ups_page_set_advisor_id (self->follow_ups_page, self->advisor_id);
  fid_tickets_page_set_advisor_id (self->tickets_page, self->advisor_id);
  fid_customer_page_set_advisor_id (self->customer_page, self->advisor_id);
}

/* The advisor kept in the settings (or given with --advisor), when this
 * database knows them; else the user is asked. */
static void
sign_in (FidWindow *self)
{
  FidApplication *app = get_application (self);
  g_autoptr(FidAdvisor) advisor = NULL;
  gint64 advisor_id = self->advisor_id;

  if (app != NULL)
    advisor_id = fid_application_get_advisor_id (app);

  if (advisor_id != 0)
    advisor = fid_store_get_advisor (self->store, advisor_id, NULL);

  if (advisor != NULL)
    {
      self->advisor_id = advisor_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADVISOR_ID]);
      update_advisor (self);
    }
  else
    {
      self->advisor_id = 0;
      update_advisor (self);
      _fid_window_show_advisor_dialog (self);
    }
}

/* The 12-month revenue and margin are aggregates the store refreshes once
 * a day: in a thread with its own connection, then the pages are read
 * again. */
static void
on_revenue_refreshed_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  FidWindow *self = FID_WINDOW (object);
  g_autoptr(GError) error = NULL;
  gboolean current = g_task_get_cancellable (G_TASK (result)) == self->refresh_cancellable;

  /* A refresh of a store the window no longer shows (or of a closed
   * window) was cancelled: nothing to tell. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) && current)
    g_warning ("Cannot refresh the 12-month revenue: %s", error->message);
  if (!current)
    return;

  g_clear_object (&self->refresh_cancellable);
  fid_window_data_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
refresh_revenue (FidWindow *self)
{
  g_autofree char *as_of = NULL;
  g_autofree char *engagement_as_of = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GTask) task = NULL;

  if (fid_store_is_read_only (self->store))
    return;

  as_of = fid_store_dup_revenue_12m_as_of (self->store, NULL);
  /* The engagement scores (issue 14) are refreshed by the same task. */
  engagement_as_of = fid_store_engagement_dup_as_of (self->store, NULL);
  today = fid_format_today_iso ();
  if (g_strcmp0 (as_of, today) == 0 && g_strcmp0 (engagement_as_of, today) == 0)
    return;

  self->refresh_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->refresh_cancellable, on_revenue_refreshed_cb, NULL);
  g_task_set_source_tag (task, refresh_revenue);
  g_task_set_task_data (task, g_strdup (fid_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, _fid_window_refresh_revenue_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
cancel_refresh (FidWindow *self)
{
  if (self->refresh_cancellable != NULL)
    {
      g_cancellable_cancel (self->refresh_cancellable);
      g_clear_object (&self->refresh_cancellable);
    }
}

static gboolean
load_store_cb (gpointer data)
{
  FidWindow *self = data;

  self->load_source = 0;

  fid_customers_page_set_store (self->customers_page, self->store);
  fid_follow_ups_page_set_store (self->follow_ups_page, self->store);
  fid_tickets_page_set_store (self->tickets_page, self->store);
  fid_customer_page_set_store (self->customer_page, self->store);

  gtk_stack_set_visible_child_name (self->stack, "workspace");
  fid_window_show_page (self, "customers");
  /* Folded, start on the list rather than on the sidebar. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  set_loading (self, FALSE);

  sign_in (self);
  refresh_revenue (self);

  return G_SOURCE_REMOVE;
}

static void
on_sidebar_list_row_activated_cb (GtkListBox    *list,
                                  GtkListBoxRow *row,
                                  FidWindow     *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "fid-page-id");

  fid_window_show_page (self, id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_leaflet_folded_cb (AdwLeaflet *leaflet,
                      GParamSpec *pspec,
                      FidWindow  *self)
{
  update_header (self);
}

static void
on_page_stack_visible_child_cb (GtkStack   *stack,
                                GParamSpec *pspec,
                                FidWindow  *self)
{
  update_header (self);
}

static void
on_error_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             FidWindow        *self)
{
  if (g_strcmp0 (response, "open") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.open", NULL);
}

static gboolean
fid_window_close_request (GtkWindow *window)
{
  _fid_window_save_state (FID_WINDOW (window));

  return GTK_WINDOW_CLASS (fid_window_parent_class)->close_request (window);
}

/* The size kept in the settings. Not in constructed: the application
 * property is only set after it. */
static void
fid_window_realize (GtkWidget *widget)
{
  _fid_window_restore_state (FID_WINDOW (widget));

  GTK_WIDGET_CLASS (fid_window_parent_class)->realize (widget);
}

static void
fid_window_dispose (GObject *object)
{
  FidWindow *self = FID_WINDOW (object);

  g_clear_handle_id (&self->load_source, g_source_remove);
  cancel_refresh (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_WINDOW);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->return_page, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fid_window_parent_class)->dispose (object);
}

static void
fid_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FidWindow *self = FID_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, fid_window_get_busy (self));
      break;

    case PROP_ADVISOR_ID:
      g_value_set_int64 (value, self->advisor_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FidWindow *self = FID_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fid_window_set_store (self, g_value_get_object (value));
      break;

    case PROP_ADVISOR_ID:
      fid_window_set_advisor_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_window_class_init (FidWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fid_window_dispose;
  object_class->get_property = fid_window_get_property;
  object_class->set_property = fid_window_set_property;

  widget_class->realize = fid_window_realize;

  window_class->close_request = fid_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FID_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ADVISOR_ID] =
    g_param_spec_int64 ("advisor-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The data changed through this window (fid_window_data_changed): the
   * plugins' pages read again what they show. */
  signals[DATA_CHANGED] =
    g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (FID_TYPE_CUSTOMER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FidWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, customer_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_stack_visible_child_cb);

  _fid_window_class_install_actions (widget_class);
  _fid_window_class_install_data_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
fid_window_init (FidWindow *self)
{
  self->pages = g_ptr_array_new_with_free_func (page_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->customers_page = g_object_new (FID_TYPE_CUSTOMERS_PAGE, NULL);
  self->follow_ups_page = g_object_new (FID_TYPE_FOLLOW_UPS_PAGE, NULL);
  self->tickets_page = g_object_new (FID_TYPE_TICKETS_PAGE, NULL);
  fid_window_add_page (self, "customers", _("Customers"), "system-users-symbolic",
                       GTK_WIDGET (self->customers_page));
  fid_window_add_page (self, "follow-ups", _("Follow-ups"), "task-due-symbolic",
                       GTK_WIDGET (self->follow_ups_page));
  fid_window_add_page (self, "tickets", _("Tickets"), "mail-mark-important-symbolic",
                       GTK_WIDGET (self->tickets_page));

  gtk_stack_set_visible_child_name (self->stack, "no-database");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-customer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-advisor", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", FALSE);
  _fid_window_update_data_actions (self, FALSE);
  _fid_window_watch_data (self);
  update_header (self);
}

/**
 * fid_window_new:
 * @application: (nullable): the application
 * @store: (nullable): the store whose customers to show
 *
 * Returns: (transfer full): a new window, not yet presented.
 */
FidWindow *
fid_window_new (FidApplication *application,
                FidStore       *store)
{
  g_return_val_if_fail (!application || FID_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (!store || FID_IS_STORE (store), NULL);

  return g_object_new (FID_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

FidStore *
fid_window_get_store (FidWindow *self)
{
  g_return_val_if_fail (FID_IS_WINDOW (self), NULL);

  return self->store;
}

/* Shows @store's customers (NULL: the "no database" page). The pages are
 * filled from an idle so that the window shows its loading page first. */
void
fid_window_set_store (FidWindow *self,
                      FidStore  *store)
{
  gboolean has_store = store != NULL;

  g_return_if_fail (FID_IS_WINDOW (self));
  g_return_if_fail (!store || FID_IS_STORE (store));

  if (self->store == store)
    return;

  g_clear_handle_id (&self->load_source, g_source_remove);
  cancel_refresh (self);
  g_set_object (&self->store, store);

  fid_customers_page_set_store (self->customers_page, NULL);
  fid_follow_ups_page_set_store (self->follow_ups_page, NULL);
  fid_tickets_page_set_store (self->tickets_page, NULL);
  fid_customer_page_set_store (self->customer_page, NULL);

  if (has_store)
    {
      g_autofree char *basename = g_path_get_basename (fid_store_get_path (store));

      adw_window_title_set_subtitle (self->window_title, basename);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      self->load_source = g_idle_add (load_store_cb, self);
      set_loading (self, TRUE);
    }
  else
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->stack, "no-database");
      set_loading (self, FALSE);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-customer", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-advisor", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", has_store);
  _fid_window_update_data_actions (self, has_store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_list), has_store);
  update_header (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* TRUE while the pages are being filled or the 12-month revenue is
 * refreshed. */
gboolean
fid_window_get_busy (FidWindow *self)
{
  g_return_val_if_fail (FID_IS_WINDOW (self), FALSE);

  return self->load_source != 0 || self->refresh_cancellable != NULL;
}

/* Tells why a database could not be opened. The error's message names the
 * file and says what to do; nothing else is needed. */
void
fid_window_show_open_error (FidWindow    *self,
                            const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (FID_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Could Not Open the Database"),
                                   error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "open", _("_Open Another…"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_error_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
fid_window_add_toast (FidWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (FID_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* A toast's title is Pango markup: a customer named "Dupont & Fils" or
   * a file "<draft>.csv" must reach it escaped, or the toast shows
   * nothing. Say so loudly (the tests make criticals fatal). */
  if (!pango_parse_markup (adw_toast_get_title (toast), -1, 0, NULL, NULL, NULL, NULL))
    g_critical ("A toast's title is not valid markup (escape it): %s", adw_toast_get_title (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
fid_window_add_page (FidWindow  *self,
                     const char *id,
                     const char *title,
                     const char *icon_name,
                     GtkWidget  *page)
{
  GtkWidget *box;
  GtkWidget *label;
  Page *entry;

  g_return_if_fail (FID_IS_WINDOW (self));
  g_return_if_fail (id != NULL && title != NULL);
  g_return_if_fail (GTK_IS_WIDGET (page));

  if (find_page (self, id) != NULL || g_strcmp0 (id, "customer") == 0)
    {
      g_critical ("The window already has a page “%s”", id);
      return;
    }

  entry = g_new0 (Page, 1);
  entry->id = g_strdup (id);
  entry->title = g_strdup (title);
  entry->page = page;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  entry->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (entry->row), box);
  /* GTK 4.8 gives a row no name of its own: a screen reader would say
   * "list item" only. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_object_set_data_full (G_OBJECT (entry->row), "fid-page-id", g_strdup (id), g_free);
  gtk_list_box_append (self->sidebar_list, entry->row);

  gtk_stack_add_titled (self->page_stack, page, id, title);
  g_ptr_array_add (self->pages, entry);
}

void
fid_window_remove_page (FidWindow  *self,
                        const char *id)
{
  Page *page;

  g_return_if_fail (FID_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  page = find_page (self, id);
  if (page == NULL)
    return;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), id) == 0)
    fid_window_show_page (self, "customers");
  if (g_strcmp0 (self->return_page, id) == 0)
    g_clear_pointer (&self->return_page, g_free);

  gtk_list_box_remove (self->sidebar_list, page->row);
  gtk_stack_remove (self->page_stack, page->page);
  g_ptr_array_remove (self->pages, page);
}

gboolean
fid_window_show_page (FidWindow  *self,
                      const char *id)
{
  g_return_val_if_fail (FID_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (gtk_stack_get_child_by_name (self->page_stack, id) == NULL)
    return FALSE;

  gtk_stack_set_visible_child_name (self->page_stack, id);
  if (g_strcmp0 (id, "customer") != 0)
    select_sidebar_row (self, id);
  update_header (self);

  return TRUE;
}

const char *
fid_window_get_visible_page (FidWindow *self)
{
  g_return_val_if_fail (FID_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

/* The pages the user guide (help/C/<id>.page) has a page for: the
 * window's own, the 360 view and the built-in plugins'. Any other page (a
 * third-party plugin's) gets the guide's index. */
static const char * const help_pages[] = {
  "customers", "customer", "follow-ups", "tickets", "contact",
  "segmentation", "analyses", "surveys", "dashboard", "my-dashboard",
  "campaigns", "workshop", "map", "loyalty",
  NULL
};

/* Pages whose help has another name: the Pipeline is explained with the
 * next best offer that fills it. */
static const struct
{
  const char *page;
  const char *help;
} help_aliases[] = {
  { "pipeline", "next-best-offer" },
};

/**
 * fid_window_dup_help_uri:
 * @self: a window
 *
 * The help about what the window shows: "help:io.github.fidelis.Fidelis/"
 * followed by the visible page's id ("customer" for the 360 view), or
 * "index" while no database is shown or for a page the guide does not
 * cover. What F1 (app.help) opens.
 *
 * Returns: (transfer full): a help: URI
 */
char *
fid_window_dup_help_uri (FidWindow *self)
{
  const char *visible;
  const char *page = "index";

  g_return_val_if_fail (FID_IS_WINDOW (self), NULL);

  visible = gtk_stack_get_visible_child_name (self->page_stack);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "workspace") == 0 &&
      visible != NULL)
    {
      if (g_strv_contains (help_pages, visible))
        page = visible;
      for (guint i = 0; i < G_N_ELEMENTS (help_aliases); i++)
        if (g_str_equal (visible, help_aliases[i].page))
          page = help_aliases[i].help;
    }

  return g_strdup_printf ("help:%s/%s", APP_ID, page);
}

GtkWidget *
fid_window_get_page (FidWindow  *self,
                     const char *id)
{
  g_return_val_if_fail (FID_IS_WINDOW (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return gtk_stack_get_child_by_name (self->page_stack, id);
}

gint64
fid_window_get_advisor_id (FidWindow *self)
{
  g_return_val_if_fail (FID_IS_WINDOW (self), 0);

  return self->advisor_id;
}

/* Signs @advisor_id in, and keeps them for the next start. */
void
fid_window_set_advisor_id (FidWindow *self,
                           gint64     advisor_id)
{
  FidApplication *app;

  g_return_if_fail (FID_IS_WINDOW (self));
  g_return_if_fail (advisor_id >= 0);

  app = get_application (self);
  if (app != NULL && advisor_id != 0)
    fid_application_set_advisor_id (app, advisor_id);

  if (self->advisor_id == advisor_id)
    return;

  self->advisor_id = advisor_id;
  update_advisor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADVISOR_ID]);
}

void
fid_window_show_customer (FidWindow *self,
                          gint64     customer_id)
{
  const char *visible;

  g_return_if_fail (FID_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  visible = gtk_stack_get_visible_child_name (self->page_stack);
  if (visible != NULL && g_strcmp0 (visible, "customer") != 0)
    {
      g_free (self->return_page);
      self->return_page = g_strdup (visible);
    }

  fid_customer_page_load (self->customer_page, customer_id);
  fid_window_show_page (self, "customer");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
fid_window_data_changed (FidWindow *self)
{
  g_return_if_fail (FID_IS_WINDOW (self));

  if (self->store == NULL || self->load_source != 0)
    return;

  fid_customers_page_reload (self->customers_page);
  fid_follow_ups_page_reload (self->follow_ups_page);
  fid_tickets_page_reload (self->tickets_page);
  if (fid_customer_page_get_customer_id (self->customer_page) != 0)
    fid_customer_page_reload (self->customer_page);
  g_signal_emit (self, signals[DATA_CHANGED], 0);
}

void
_fid_window_navigate (FidWindow              *self,
                      AdwNavigationDirection  direction)
{
  adw_leaflet_navigate (self->leaflet, direction);
}

const char *
_fid_window_get_return_page (FidWindow *self)
{
  return self->return_page != NULL ? self->return_page : "customers";
}

void
_fid_window_set_last_trash_id (FidWindow *self,
                               gint64     trash_id)
{
  self->last_trash_id = trash_id;
}

/* The trash entry of the last customer deleted (0: none): what the
 * toast's Undo restores with "win.undo-delete". */
gint64
fid_window_get_last_trash_id (FidWindow *self)
{
  g_return_val_if_fail (FID_IS_WINDOW (self), 0);

  return self->last_trash_id;
}

GtkColumnView *
fid_window_get_column_view (FidWindow *self)
{
  g_return_val_if_fail (FID_IS_WINDOW (self), NULL);

  return fid_customers_page_get_column_view (self->customers_page);
}

void
fid_window_show_customers (FidWindow  *self,
                           const char *label,
                           GArray     *ids)
{
  g_return_if_fail (FID_IS_WINDOW (self));
  g_return_if_fail (ids != NULL);

  fid_customers_page_set_selection (self->customers_page, label, ids);
  fid_window_show_page (self, "customers");
}
