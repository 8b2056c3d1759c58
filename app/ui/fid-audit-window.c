/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidAuditWindow: the audit trail (issue 9), newest first, read page by page
 * as the list scrolls (a log of millions of rows costs one page), filtered
 * to one customer on demand, with "Verify Chain", which checks the hash
 * chain in a worker thread on a connection of its own and names the first
 * altered row. */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "fid-audit-window.h"
#include "fid-format.h"
#include "fid-store-audit.h"

#define PAGE_SIZE 200

/* One row of the list (a FidAuditEntry in a GObject). */
#define FID_TYPE_AUDIT_ITEM (fid_audit_item_get_type ())
G_DECLARE_FINAL_TYPE (FidAuditItem, fid_audit_item, FID, AUDIT_ITEM, GObject)

struct _FidAuditItem
{
  GObject        parent_instance;
  FidAuditEntry *entry;
};

G_DEFINE_FINAL_TYPE (FidAuditItem, fid_audit_item, G_TYPE_OBJECT)

static void
fid_audit_item_finalize (GObject *object)
{
  g_clear_pointer (&FID_AUDIT_ITEM (object)->entry, fid_audit_entry_free);
  G_OBJECT_CLASS (fid_audit_item_parent_class)->finalize (object);
}

static void
fid_audit_item_class_init (FidAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fid_audit_item_finalize;
}

static void
fid_audit_item_init (FidAuditItem *self)
{
}

struct _FidAuditWindow
{
  AdwWindow       parent_instance;

  FidStore       *store;
  GListStore     *rows;
  gint64          customer_id;
  gint64          last_id;      /* the oldest row shown: the next page is below it */
  gboolean        complete;     /* every row is shown */
  GCancellable   *cancellable;
  char           *status;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkSearchEntry *customer_entry;
  GtkButton      *verify_button;
  GtkStack       *verify_icon_stack;
  GtkSpinner     *verify_spinner;
  GtkRevealer    *status_revealer;
  GtkImage       *status_icon;
  GtkLabel       *status_title;
  GtkLabel       *status_label;
  GtkStack       *stack;
  GtkColumnView  *column_view;
  AdwStatusPage  *empty_page;
};

G_DEFINE_FINAL_TYPE (FidAuditWindow, fid_audit_window, ADW_TYPE_WINDOW)

/* Labels ------------------------------------------------------------------ */

static const char *
action_label (const char *action)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { "create", N_("Created") },
    { "update", N_("Changed") },
    { "delete", N_("Deleted") },
    { "trash", N_("Deleted (undo possible)") },
    { "restore", N_("Restored") },
    { "purge", N_("Trash emptied") },
    { "merge", N_("Merged") },
    { "export", N_("Exported") },
    { "view", N_("Opened") },
    { "erase", N_("Erased (GDPR)") },
    { "anonymise", N_("Anonymised (GDPR)") },
    { "backup", N_("Backed up") },
    { "consent", N_("Consent recorded") },
    { "import", N_("Imported") },
    { "status", N_("Status changed") },
    { "complete_follow_up", N_("Follow-up done") },
    { "save", N_("Saved") },
    { "reorder", N_("Reordered") },
    { "refresh", N_("Refreshed") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (action, labels[i].action) == 0)
      return _(labels[i].label);
  return action;
}

static char *
record_label (const FidAuditEntry *entry)
{
  if (g_str_equal (entry->entity, "database"))
    return g_strdup (_("Database"));
  if (entry->entity_id <= 0)
    {
      if (g_str_equal (entry->entity, "customers") || g_str_equal (entry->entity, "transactions") ||
          g_str_equal (entry->entity, "interactions"))
        /* Translators: an export of a whole table, e.g. "Table customers" */
        return g_strdup_printf (_("Table %s"), entry->entity);
      return g_strdup (entry->entity);
    }
  if (g_str_equal (entry->entity, "customer"))
    return g_strdup_printf (_("Customer %" PRId64), entry->entity_id);
  if (g_str_equal (entry->entity, "interaction"))
    return g_strdup_printf (_("Contact %" PRId64 " (customer %" PRId64 ")"), entry->entity_id, entry->customer_id);
  if (g_str_equal (entry->entity, "ticket"))
    return g_strdup_printf (_("Ticket %" PRId64 " (customer %" PRId64 ")"), entry->entity_id, entry->customer_id);
  return g_strdup_printf ("%s %" G_GINT64_FORMAT, entry->entity, entry->entity_id);
}

/* "advisor:12 Jeanne Roux" reads "Jeanne Roux", "cli:alice" reads
 * "alice (command line)". */
static char *
actor_label (const char *actor)
{
  if (g_str_has_prefix (actor, "advisor:"))
    {
      const char *space = strchr (actor, ' ');

      return g_strdup (space ? space + 1 : actor);
    }
  if (g_str_has_prefix (actor, "cli:"))
    return g_strdup_printf (_("%s (command line)"), actor + strlen ("cli:"));
  return g_strdup (actor);
}

static char *
time_label (const char *at)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) moment = g_date_time_new_from_iso8601 (at, local);
  g_autoptr(GDateTime) shown = NULL;

  if (moment == NULL)
    return g_strdup (at);
  shown = g_date_time_to_local (moment);
  /* Translators: the time of an audit row ("3 Apr 2026, 14:05:09"), see
   * https://docs.gtk.org/glib/method.DateTime.format.html */
  /* xgettext:no-c-format */
  return g_date_time_format (shown, _("%-d %b %Y, %H:%M:%S"));
}

/* Columns ----------------------------------------------------------------- */

typedef enum
{
  COLUMN_TIME,
  COLUMN_ACTOR,
  COLUMN_ACTION,
  COLUMN_RECORD,
  COLUMN_DETAILS,
} Column;

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (user_data) == COLUMN_DETAILS)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "monospace");
    }
  gtk_list_item_set_child (list_item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  FidAuditItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  const FidAuditEntry *entry = item->entry;
  g_autofree char *text = NULL;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TIME:
      text = time_label (entry->at);
      break;
    case COLUMN_ACTOR:
      text = actor_label (entry->actor);
      break;
    case COLUMN_ACTION:
      text = g_strdup (action_label (entry->action));
      break;
    case COLUMN_RECORD:
      text = record_label (entry);
      break;
    case COLUMN_DETAILS:
    default:
      text = g_strdup (entry->details ? entry->details : "");
      break;
    }
  gtk_label_set_text (label, text);
  /* The whole text where a cell is too narrow for it. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static void
add_column (FidAuditWindow *self,
            const char     *title,
            Column          column,
            int             fixed_width,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

/* Rows -------------------------------------------------------------------- */

static void
update_empty (FidAuditWindow *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0;

  if (self->customer_id > 0)
    {
      g_autofree char *description = g_strdup_printf (_("Nothing was recorded about customer %" PRId64 "."),
                                                      self->customer_id);

      adw_status_page_set_title (self->empty_page, _("No Rows for This Customer"));
      adw_status_page_set_description (self->empty_page, description);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Audit Rows"));
      adw_status_page_set_description (self->empty_page,
                                       _("What is created, changed, opened, exported or deleted is recorded here."));
    }
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "rows");
}

static void
load_page (FidAuditWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (self->store == NULL || self->complete)
    return;

  entries = fid_store_audit_list (self->store, self->customer_id, self->last_id, PAGE_SIZE, &error);
  if (entries == NULL)
    {
      g_warning ("Could not read the audit log: %s", error->message);
      self->complete = TRUE;
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      FidAuditItem *item = g_object_new (FID_TYPE_AUDIT_ITEM, NULL);

      /* The item takes the entry; the array frees what is left (NULL). */
      item->entry = g_steal_pointer (&entries->pdata[i]);
      g_ptr_array_add (items, item);
    }
  if (items->len > 0)
    self->last_id = FID_AUDIT_ITEM (items->pdata[items->len - 1])->entry->id;
  g_list_store_splice (self->rows, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), 0,
                       items->pdata, items->len);
  self->complete = items->len < PAGE_SIZE;
}

void
fid_audit_window_reload (FidAuditWindow *self)
{
  g_return_if_fail (FID_IS_AUDIT_WINDOW (self));

  g_list_store_remove_all (self->rows);
  self->last_id = 0;
  self->complete = FALSE;
  load_page (self);
  update_empty (self);
}

static void
on_scrolled_window_edge_reached_cb (GtkScrolledWindow *scrolled_window,
                                    GtkPositionType    position,
                                    FidAuditWindow    *self)
{
  if (position == GTK_POS_BOTTOM)
    load_page (self);
}

static void
on_customer_entry_search_changed_cb (GtkSearchEntry *entry,
                                     FidAuditWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gint64 id = 0;

  if (text[0] != '\0' && !g_ascii_string_to_signed (g_strstrip (g_strdup (text)), 10, 1, G_MAXINT64, &id, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  fid_audit_window_set_customer (self, id);
}

/* Verification -------------------------------------------------------------- */

static void
verification_free (FidAuditVerification *verification)
{
  fid_audit_verification_clear (verification);
  g_free (verification);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  FidAuditVerification *result = g_new0 (FidAuditVerification, 1);

  /* A connection of its own: the window's stays free for the UI. */
  store = fid_store_open (task_data, FID_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL || !fid_store_audit_verify (store, result, cancellable, &error))
    {
      g_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) verification_free);
}

static void
show_status (FidAuditWindow *self,
             gboolean        good,
             const char     *title,
             const char     *text)
{
  g_free (self->status);
  self->status = g_strdup (title);
  gtk_image_set_from_icon_name (self->status_icon, good ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), good ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), good ? "success" : "error");
  gtk_label_set_text (self->status_title, title);
  gtk_label_set_text (self->status_label, text);
  gtk_revealer_set_reveal_child (self->status_revealer, TRUE);
}

static void
on_verify_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) caller = user_data;
  FidAuditWindow *self = g_task_get_source_object (caller);
  g_autoptr(GError) error = NULL;
  FidAuditVerification *verification;

  verification = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_boolean (caller, FALSE);
      return;
    }

  gtk_spinner_stop (self->verify_spinner);
  gtk_stack_set_visible_child_name (self->verify_icon_stack, "icon");
  gtk_widget_set_sensitive (GTK_WIDGET (self->verify_button), TRUE);

  if (verification == NULL)
    show_status (self, FALSE, _("The audit trail could not be checked"), error->message);
  else if (verification->broken_id == 0)
    {
      g_autofree char *count = fid_format_count (verification->n_rows);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s row checked: none was changed, removed or inserted "
                                                            "since it was written. Last hash: %s",
                                                            "%s rows checked: none was changed, removed or inserted "
                                                            "since it was written. Last hash: %s",
                                                            verification->n_rows),
                                               count, verification->head_hash);

      show_status (self, TRUE, _("The audit trail is intact"), text);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("The audit trail was altered at row %" PRId64),
                                                verification->broken_id);

      show_status (self, FALSE, title, verification->reason);
    }
  if (verification != NULL)
    verification_free (verification);
  g_task_return_boolean (caller, TRUE);
}

void
fid_audit_window_verify (FidAuditWindow      *self,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *caller;

  g_return_if_fail (FID_IS_AUDIT_WINDOW (self));

  caller = g_task_new (self, NULL, callback, user_data);
  if (self->store == NULL)
    {
      g_task_return_boolean (caller, FALSE);
      g_object_unref (caller);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->verify_button), FALSE);
  gtk_stack_set_visible_child_name (self->verify_icon_stack, "spinner");
  gtk_spinner_start (self->verify_spinner);

  task = g_task_new (self, self->cancellable, on_verify_done_cb, caller);
  g_task_set_task_data (task, g_strdup (fid_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, verify_thread);
}

static void
on_verify_button_clicked_cb (GtkButton      *button,
                             FidAuditWindow *self)
{
  fid_audit_window_verify (self, NULL, NULL);
}

static void
on_status_close_clicked_cb (GtkButton      *button,
                            FidAuditWindow *self)
{
  gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
}

/* GObject ------------------------------------------------------------------ */

static void
fid_audit_window_dispose (GObject *object)
{
  FidAuditWindow *self = FID_AUDIT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_AUDIT_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->rows);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fid_audit_window_parent_class)->dispose (object);
}

static void
fid_audit_window_finalize (GObject *object)
{
  g_free (FID_AUDIT_WINDOW (object)->status);

  G_OBJECT_CLASS (fid_audit_window_parent_class)->finalize (object);
}

static void
fid_audit_window_class_init (FidAuditWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_audit_window_dispose;
  object_class->finalize = fid_audit_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-audit-window.ui");
  /* Escape closes, as every other window of the app (the search entry
   * takes a first Escape to clear itself). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_bind_template_child (widget_class, FidAuditWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FidAuditWindow, customer_entry);
  gtk_widget_class_bind_template_child (widget_class, FidAuditWindow, verify_button);
  gtk_widget_class_bind_template_child (widget_class, FidAuditWindow, verify_icon_stack);
  gtk_widget_class_bind_template_child (widget_class, FidAuditWindow, verify_spinner);
  gtk_widget_class_bind_template_child (widget_class, FidAuditWindow, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, FidAuditWindow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, FidAuditWindow, status_title);
  gtk_widget_class_bind_template_child (widget_class, FidAuditWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, FidAuditWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FidAuditWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, FidAuditWindow, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_verify_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scrolled_window_edge_reached_cb);
}

static void
fid_audit_window_init (FidAuditWindow *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_list_store_new (FID_TYPE_AUDIT_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  add_column (self, _("When"), COLUMN_TIME, 190, FALSE);
  add_column (self, _("Who"), COLUMN_ACTOR, 170, FALSE);
  add_column (self, _("Action"), COLUMN_ACTION, 150, FALSE);
  add_column (self, _("Record"), COLUMN_RECORD, 210, FALSE);
  add_column (self, _("Details"), COLUMN_DETAILS, -1, TRUE);
}

/* Public API ---------------------------------------------------------------- */

FidAuditWindow *
fid_audit_window_new (GtkWindow *parent,
                      FidStore  *store)
{
  FidAuditWindow *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (!store || FID_IS_STORE (store), NULL);

  self = g_object_new (FID_TYPE_AUDIT_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  fid_audit_window_set_store (self, store);
  return self;
}

void
fid_audit_window_set_store (FidAuditWindow *self,
                            FidStore       *store)
{
  g_autofree char *base = NULL;

  g_return_if_fail (FID_IS_AUDIT_WINDOW (self));
  g_return_if_fail (!store || FID_IS_STORE (store));

  g_set_object (&self->store, store);
  base = store ? g_path_get_basename (fid_store_get_path (store)) : NULL;
  adw_window_title_set_subtitle (self->window_title, base);
  gtk_widget_set_sensitive (GTK_WIDGET (self->verify_button), store != NULL);
  gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
  fid_audit_window_reload (self);
}

void
fid_audit_window_set_customer (FidAuditWindow *self,
                               gint64          customer_id)
{
  g_return_if_fail (FID_IS_AUDIT_WINDOW (self));

  if (self->customer_id == MAX (customer_id, 0))
    return;
  self->customer_id = MAX (customer_id, 0);
  fid_audit_window_reload (self);
}

GListModel *
fid_audit_window_get_rows (FidAuditWindow *self)
{
  g_return_val_if_fail (FID_IS_AUDIT_WINDOW (self), NULL);
  return G_LIST_MODEL (self->rows);
}

const char *
fid_audit_window_get_status (FidAuditWindow *self)
{
  g_return_val_if_fail (FID_IS_AUDIT_WINDOW (self), NULL);
  return self->status;
}

static void
on_main_window_store_changed_cb (FidWindow      *window,
                                 GParamSpec     *pspec,
                                 FidAuditWindow *self)
{
  fid_audit_window_set_store (self, fid_window_get_store (window));
}

void
fid_audit_window_present (FidWindow *window)
{
  FidAuditWindow *self;

  g_return_if_fail (FID_IS_WINDOW (window));

  self = g_object_get_data (G_OBJECT (window), "fid-audit-window");
  if (self == NULL)
    {
      self = fid_audit_window_new (GTK_WINDOW (window), fid_window_get_store (window));
      gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);
      g_object_set_data_full (G_OBJECT (window), "fid-audit-window", self,
                              (GDestroyNotify) gtk_window_destroy);
      g_signal_connect_object (window, "notify::store", G_CALLBACK (on_main_window_store_changed_cb),
                               self, 0);
    }
  else
    fid_audit_window_reload (self);
  gtk_window_present (GTK_WINDOW (self));
}

static void
sync_actor (FidWindow *window)
{
  FidStore *store = fid_window_get_store (window);
  gint64 advisor_id = fid_window_get_advisor_id (window);
  g_autoptr(GError) error = NULL;

  if (store == NULL || advisor_id <= 0)
    return;
  if (!fid_store_set_actor_advisor (store, advisor_id, &error))
    g_debug ("The audit log keeps its previous actor: %s", error->message);
}

static void
on_window_actor_changed_cb (FidWindow  *window,
                            GParamSpec *pspec,
                            gpointer    user_data)
{
  sync_actor (window);
}

void
fid_audit_watch_window (FidWindow *window)
{
  g_return_if_fail (FID_IS_WINDOW (window));

  g_signal_connect (window, "notify::store", G_CALLBACK (on_window_actor_changed_cb), NULL);
  g_signal_connect (window, "notify::advisor-id", G_CALLBACK (on_window_actor_changed_cb), NULL);
  sync_actor (window);
}
