/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidWindow: the main window. Shows the customers of one FidStore in a
 * column view over a lazy FidCustomerListModel; the headers sort through the
 * model (the store's indexes), never by loading every row. */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "fid-customer-list-model.h"
#include "fid-window.h"

struct _FidWindow
{
  AdwApplicationWindow  parent_instance;

  FidStore             *store;
  FidCustomerListModel *customers;
  guint                 load_source;

  /* Filled by sort_probe_cb while the column view's sorter is asked which
   * column sorts first (GTK 4.8 has no API to read it). */
  FidCustomerSort       probed_sort;
  gboolean              sort_probed;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkSpinner           *loading_spinner;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *name_column;
  GtkColumnViewColumn  *city_column;
  GtkColumnViewColumn  *revenue_column;
  GtkColumnViewColumn  *last_contact_column;
  GtkLabel             *count_label;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  N_PROPS
};

typedef struct
{
  FidWindow       *self;
  FidCustomerSort  sort;
} SortProbe;

G_DEFINE_FINAL_TYPE (FidWindow, fid_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

static GSettings *
get_settings (FidWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!FID_IS_APPLICATION (app))
    return NULL;

  return fid_application_get_settings (FID_APPLICATION (app));
}

/* Cents as money in the user's locale: "12,345.60 €", "12 345,60 €". The
 * integer part is grouped by printf's ' flag; no floating point. */
static char *
format_money (gint64 cents)
{
  const struct lconv *lc = localeconv ();
  const char *point = lc->decimal_point != NULL && lc->decimal_point[0] ? lc->decimal_point : ".";
  guint64 magnitude = cents < 0 ? -(guint64) cents : (guint64) cents;

  return g_strdup_printf ("%s%'" G_GUINT64_FORMAT "%s%02u\u00a0€",
                          cents < 0 ? "\u2212" : "",
                          magnitude / 100, point, (guint) (magnitude % 100));
}

/* An ISO 8601 date or date-time as a short date in the user's language. */
static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (iso == NULL || iso[0] == '\0')
    return g_strdup ("—");

  if (sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return g_strdup (iso);

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);

  /* Translators: the date in the "Last Contact" column ("3 Apr 2026"), see
   * https://docs.gtk.org/glib/method.DateTime.format.html */
  /* xgettext:no-c-format */
  return g_date_time_format (date, _("%-d %b %Y"));
}

static const char *
lifecycle_stage_label (const char *stage)
{
  static const struct {
    const char *stage;
    const char *label;
  } labels[] = {
    { "unknown", NC_("lifecycle stage", "Unknown") },
    { "prospect", NC_("lifecycle stage", "Prospect") },
    { "new", NC_("lifecycle stage", "New customer") },
    { "satisfied", NC_("lifecycle stage", "Satisfied") },
    { "dissatisfied", NC_("lifecycle stage", "Dissatisfied") },
    { "inactive", NC_("lifecycle stage", "Inactive") },
    { "lost", NC_("lifecycle stage", "Lost") },
    { "reactivated", NC_("lifecycle stage", "Reactivated") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_strcmp0 (stage, labels[i].stage) == 0)
        return g_dpgettext2 (GETTEXT_PACKAGE, "lifecycle stage", labels[i].label);
    }

  return stage != NULL ? stage : "";
}

static GtkWidget *
new_cell_label (float xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  return label;
}

static void
set_cell_text (GtkListItem *list_item,
               const char  *text)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text ? text : "");
}

static void
update_count (FidWindow *self)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  guint n_items = 0;

  if (self->customers != NULL)
    n_items = g_list_model_get_n_items (G_LIST_MODEL (self->customers));

  number = g_strdup_printf ("%'u", n_items);
  text = g_strdup_printf (ngettext ("%s customer", "%s customers", n_items), number);
  gtk_label_set_text (self->count_label, text);
}

static void
set_loading (FidWindow *self,
             gboolean   loading)
{
  gtk_spinner_set_spinning (self->loading_spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static int
sort_probe_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortProbe *probe = user_data;

  probe->self->probed_sort = probe->sort;
  probe->self->sort_probed = TRUE;

  return GTK_ORDERING_SMALLER;
}

/* Each sortable column gets a sorter that only records that it was asked.
 * The column view's sorter asks its primary column first and inverts the
 * answer for a descending column: one comparison tells both. */
static void
set_column_sort (FidWindow           *self,
                 GtkColumnViewColumn *column,
                 FidCustomerSort      sort)
{
  g_autoptr(GtkCustomSorter) sorter = NULL;
  SortProbe *probe = g_new0 (SortProbe, 1);

  probe->self = self;
  probe->sort = sort;
  sorter = gtk_custom_sorter_new (sort_probe_cb, probe, g_free);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

static void
read_column_sort (FidWindow       *self,
                  FidCustomerSort *sort,
                  gboolean        *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering ordering;

  /* Two distinct objects: comparing an item with itself short-cuts to
   * "equal" without asking any column. */
  self->sort_probed = FALSE;
  ordering = gtk_sorter_compare (sorter, self, self->column_view);

  *sort = self->sort_probed ? self->probed_sort : FID_CUSTOMER_SORT_NAME;
  *descending = self->sort_probed && ordering == GTK_ORDERING_LARGER;
}

static void
on_sorter_changed_cb (GtkSorter       *sorter,
                      GtkSorterChange  change,
                      FidWindow       *self)
{
  GtkAdjustment *vadjustment;
  FidCustomerSort sort;
  gboolean descending;

  if (self->customers == NULL)
    return;

  read_column_sort (self, &sort, &descending);
  fid_customer_list_model_set_sort (self->customers, sort, descending);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, 0);
}

static void
on_customers_items_changed_cb (GListModel *model,
                               guint       position,
                               guint       removed,
                               guint       added,
                               FidWindow  *self)
{
  update_count (self);
}

static gboolean
load_customers_cb (gpointer data)
{
  FidWindow *self = data;
  g_autoptr(GtkSingleSelection) selection = NULL;
  FidCustomerSort sort;
  gboolean descending;

  self->load_source = 0;

  self->customers = fid_customer_list_model_new (self->store);
  read_column_sort (self, &sort, &descending);
  fid_customer_list_model_set_sort (self->customers, sort, descending);
  g_signal_connect_object (self->customers, "items-changed",
                           G_CALLBACK (on_customers_items_changed_cb), self, 0);

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->customers)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  update_count (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->customers)) > 0
                                    ? "customers" : "empty");
  set_loading (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
on_text_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  FidWindow                *self)
{
  gtk_list_item_set_child (list_item, new_cell_label (0.0f));
}

static void
on_name_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  FidWindow                *self)
{
  GtkWidget *label = new_cell_label (0.0f);

  gtk_widget_add_css_class (label, "customer-name");
  gtk_list_item_set_child (list_item, label);
}

static void
on_numeric_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     FidWindow                *self)
{
  GtkWidget *label = new_cell_label (1.0f);

  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_date_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  FidWindow                *self)
{
  GtkWidget *label = new_cell_label (0.0f);

  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_lifecycle_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       FidWindow                *self)
{
  GtkWidget *label = new_cell_label (0.5f);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_list_item_set_child (list_item, label);
}

static void
on_name_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 FidWindow                *self)
{
  FidCustomer *customer = gtk_list_item_get_item (list_item);
  g_autofree char *name = fid_customer_dup_display_name (customer);

  set_cell_text (list_item, name);
}

static void
on_city_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 FidWindow                *self)
{
  set_cell_text (list_item, fid_customer_get_city (gtk_list_item_get_item (list_item)));
}

static void
on_advisor_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    FidWindow                *self)
{
  set_cell_text (list_item, fid_customer_get_advisor_name (gtk_list_item_get_item (list_item)));
}

static void
on_lifecycle_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      FidWindow                *self)
{
  const char *stage = fid_customer_get_lifecycle_stage (gtk_list_item_get_item (list_item));
  g_autofree char *stage_class = g_strdup_printf ("lifecycle-%s", stage ? stage : "unknown");
  const char *classes[] = { "lifecycle", stage_class, NULL };

  set_cell_text (list_item, lifecycle_stage_label (stage));
  gtk_widget_set_css_classes (gtk_list_item_get_child (list_item), classes);
}

static void
on_revenue_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    FidWindow                *self)
{
  FidCustomer *customer = gtk_list_item_get_item (list_item);
  g_autofree char *money = format_money (fid_customer_get_tx_sum_cents (customer));

  set_cell_text (list_item, money);
}

static void
on_last_contact_bind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         FidWindow                *self)
{
  FidCustomer *customer = gtk_list_item_get_item (list_item);
  g_autofree char *date = format_date (fid_customer_get_last_contact_at (customer));

  set_cell_text (list_item, date);
}

static void
on_error_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             FidWindow        *self)
{
  if (g_strcmp0 (response, "open") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.open", NULL);
}

static void
restore_window_state (FidWindow *self)
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

static void
save_window_state (FidWindow *self)
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

static gboolean
fid_window_close_request (GtkWindow *window)
{
  save_window_state (FID_WINDOW (window));

  return GTK_WINDOW_CLASS (fid_window_parent_class)->close_request (window);
}

static void
fid_window_constructed (GObject *object)
{
  FidWindow *self = FID_WINDOW (object);

  G_OBJECT_CLASS (fid_window_parent_class)->constructed (object);

  restore_window_state (self);
}

static void
fid_window_dispose (GObject *object)
{
  FidWindow *self = FID_WINDOW (object);

  g_clear_handle_id (&self->load_source, g_source_remove);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_WINDOW);

  g_clear_object (&self->customers);
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

  object_class->constructed = fid_window_constructed;
  object_class->dispose = fid_window_dispose;
  object_class->get_property = fid_window_get_property;
  object_class->set_property = fid_window_set_property;

  window_class->close_request = fid_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FID_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FidWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, name_column);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, city_column);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, revenue_column);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, last_contact_column);
  gtk_widget_class_bind_template_child (widget_class, FidWindow, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_text_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_numeric_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_lifecycle_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_city_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_advisor_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_lifecycle_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_revenue_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_last_contact_bind_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
fid_window_init (FidWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_column_sort (self, self->name_column, FID_CUSTOMER_SORT_NAME);
  set_column_sort (self, self->city_column, FID_CUSTOMER_SORT_CITY);
  set_column_sort (self, self->revenue_column, FID_CUSTOMER_SORT_REVENUE);
  set_column_sort (self, self->last_contact_column, FID_CUSTOMER_SORT_LAST_CONTACT);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, 0);

  gtk_stack_set_visible_child_name (self->stack, "no-database");
  update_count (self);
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

/* Shows @store's customers (NULL: the "no database" page). The list is built
 * from an idle so that the window shows its loading page first. */
void
fid_window_set_store (FidWindow *self,
                      FidStore  *store)
{
  g_return_if_fail (FID_IS_WINDOW (self));
  g_return_if_fail (!store || FID_IS_STORE (store));

  if (self->store == store)
    return;

  g_clear_handle_id (&self->load_source, g_source_remove);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->customers);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_autofree char *basename = g_path_get_basename (fid_store_get_path (store));

      adw_window_title_set_subtitle (self->window_title, basename);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      self->load_source = g_idle_add (load_customers_cb, self);
      set_loading (self, TRUE);
    }
  else
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->stack, "no-database");
      set_loading (self, FALSE);
    }

  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* TRUE while the customer list is being built. */
gboolean
fid_window_get_busy (FidWindow *self)
{
  g_return_val_if_fail (FID_IS_WINDOW (self), FALSE);

  return self->load_source != 0;
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

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkColumnView *
fid_window_get_column_view (FidWindow *self)
{
  g_return_val_if_fail (FID_IS_WINDOW (self), NULL);

  return self->column_view;
}
