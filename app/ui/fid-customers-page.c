/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidCustomersPage: every customer of the store in a column view over the
 * lazy FidCustomerListModel (pages read from the store's indexes, never all
 * rows), sorted by any column through the store, narrowed by filters
 * (advisor, branch, segment, lifecycle stage, "my portfolio"). Typing in the
 * search entry replaces the list by the store's full-text matches, which
 * narrow as the user types. Activating a row opens its 360 page through the
 * window's "win.show-customer" action. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "fid-customer-list-model.h"
#include "fid-customers-export.h"
#include "fid-customers-page-private.h"
#include "fid-form.h"
#include "fid-format.h"
#include "fid-store-workspace.h"

/* Matches read for one search: enough to narrow by eye, small enough to
 * sort in memory. */
#define SEARCH_LIMIT 500

struct _FidCustomersPage
{
  GtkWidget             parent_instance;

  FidStore             *store;
  gint64                advisor_id;
  FidCustomerListModel *customers;
  GListStore           *results;        /* the search's matches, NULL when not searching */
  GtkSingleSelection   *selection;
  char                 *search_text;
  gboolean              search_truncated;

  /* Filters: the chosen dropdown entries' values (0 / NULL: any). */
  GArray               *advisor_ids;
  GArray               *branch_ids;
  char                **segments;
  gboolean              filling_filters;
  GArray               *selection_ids;   /* "only these customers", or NULL */
  GtkColumnViewColumn  *owned_segment_column;

  /* Filled by sort_probe_cb while the column view's sorter is asked which
   * column sorts first (GTK 4.8 has no API to read it). */
  FidCustomerSort       probed_sort;
  gboolean              sort_probed;

  /* Template widgets */
  GtkSearchEntry       *search_entry;
  GtkToggleButton      *portfolio_button;
  GtkMenuButton        *filter_button;
  GtkDropDown          *advisor_dropdown;
  GtkDropDown          *branch_dropdown;
  GtkDropDown          *segment_dropdown;
  GtkDropDown          *lifecycle_dropdown;
  GtkStack             *stack;
  AdwStatusPage        *no_results_page;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *name_column;
  GtkColumnViewColumn  *city_column;
  GtkColumnViewColumn  *advisor_column;
  GtkColumnViewColumn  *segment_column;
  GtkColumnViewColumn  *lifecycle_column;
  GtkColumnViewColumn  *revenue_column;
  GtkColumnViewColumn  *last_contact_column;
  GtkColumnViewColumn  *engagement_column;
  GtkLabel             *count_label;
  GtkRevealer          *selection_revealer;
  GtkLabel             *selection_label;
};

typedef struct
{
  FidCustomersPage *self;
  FidCustomerSort   sort;
} SortProbe;

G_DEFINE_FINAL_TYPE (FidCustomersPage, fid_customers_page, GTK_TYPE_WIDGET)

static const char * const lifecycle_stages[] = {
  "prospect", "new", "satisfied", "dissatisfied", "inactive", "lost", "reactivated", "unknown",
};

static void refresh (FidCustomersPage *self);

/* The filter the list shows: "my portfolio" wins over the advisor chosen. */
static void
get_filter (FidCustomersPage  *self,
            FidCustomerFilter *filter)
{
  guint advisor = gtk_drop_down_get_selected (self->advisor_dropdown);
  guint branch = gtk_drop_down_get_selected (self->branch_dropdown);
  guint segment = gtk_drop_down_get_selected (self->segment_dropdown);
  guint stage = gtk_drop_down_get_selected (self->lifecycle_dropdown);

  memset (filter, 0, sizeof *filter);

  if (gtk_toggle_button_get_active (self->portfolio_button))
    filter->advisor_id = self->advisor_id;
  else if (self->advisor_ids != NULL && advisor != GTK_INVALID_LIST_POSITION && advisor < self->advisor_ids->len)
    filter->advisor_id = g_array_index (self->advisor_ids, gint64, advisor);

  if (self->branch_ids != NULL && branch != GTK_INVALID_LIST_POSITION && branch < self->branch_ids->len)
    filter->branch_id = g_array_index (self->branch_ids, gint64, branch);

  if (self->segments != NULL && segment != GTK_INVALID_LIST_POSITION && segment > 0 &&
      segment <= g_strv_length (self->segments))
    filter->segment = self->segments[segment - 1];

  if (stage != GTK_INVALID_LIST_POSITION && stage > 0 && stage <= G_N_ELEMENTS (lifecycle_stages))
    filter->lifecycle_stage = lifecycle_stages[stage - 1];

  filter->ids = self->selection_ids;
}

static void
update_count (FidCustomersPage *self)
{
  GListModel *model = self->selection ? gtk_single_selection_get_model (self->selection) : NULL;
  guint n_items = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_autofree char *number = fid_format_count (n_items);
  g_autofree char *text = NULL;
  FidCustomerFilter filter;

  get_filter (self, &filter);

  if (self->results != NULL && self->search_truncated)
    text = g_strdup_printf (_("The first %s matches are shown: type more to narrow the list"), number);
  else if (self->results != NULL)
    text = g_strdup_printf (ngettext ("%s match", "%s matches", n_items), number);
  else if (_fid_customer_filter_is_set (&filter))
    text = g_strdup_printf (ngettext ("%s customer matches the filters",
                                      "%s customers match the filters", n_items), number);
  else
    text = g_strdup_printf (ngettext ("%s customer", "%s customers", n_items), number);

  gtk_label_set_text (self->count_label, text);
}

static void
update_stack (FidCustomersPage *self)
{
  GListModel *model = self->selection ? gtk_single_selection_get_model (self->selection) : NULL;
  FidCustomerFilter filter;

  get_filter (self, &filter);

  if (model != NULL && g_list_model_get_n_items (model) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else if (self->results != NULL)
    {
      g_autofree char *description = NULL;

      /* Translators: shown when a search finds nobody; %s is what was typed. */
      description = g_strdup_printf (_("No customers match “%s”."), self->search_text);
      adw_status_page_set_title (self->no_results_page, _("No Results"));
      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->stack, "no-results");
    }
  else if (_fid_customer_filter_is_set (&filter))
    {
      adw_status_page_set_title (self->no_results_page, _("No Matching Customers"));
      adw_status_page_set_description (self->no_results_page,
                                       _("No customers match the filters. Clear some filters to see more."));
      gtk_stack_set_visible_child_name (self->stack, "no-results");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  update_count (self);
}

static void
scroll_to_top (FidCustomersPage *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, 0);
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
set_column_sort (FidCustomersPage    *self,
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
read_column_sort (FidCustomersPage *self,
                  FidCustomerSort  *sort,
                  gboolean         *descending)
{
  GtkSorter *sorter;
  GtkOrdering ordering;

  /* Disposed: the column view is gone. */
  if (self->column_view == NULL)
    {
      *sort = FID_CUSTOMER_SORT_NAME;
      *descending = FALSE;
      return;
    }

  sorter = gtk_column_view_get_sorter (self->column_view);

  /* Two distinct objects: comparing an item with itself short-cuts to
   * "equal" without asking any column. */
  self->sort_probed = FALSE;
  ordering = gtk_sorter_compare (sorter, self, self->column_view);

  *sort = self->sort_probed ? self->probed_sort : FID_CUSTOMER_SORT_NAME;
  *descending = self->sort_probed && ordering == GTK_ORDERING_LARGER;
}

static void
sort_results (FidCustomersPage *self)
{
  FidCustomerSort sort;
  gboolean descending;

  if (self->results == NULL)
    return;

  read_column_sort (self, &sort, &descending);
  g_list_store_sort (self->results, _fid_customers_page_compare,
                     GUINT_TO_POINTER ((sort << 1) | (descending ? 1 : 0)));
}

static void
set_model (FidCustomersPage *self,
           GListModel       *model)
{
  gtk_single_selection_set_model (self->selection, model);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  scroll_to_top (self);
  update_stack (self);
}

/* Reads the matches of the search text again, filtered and sorted. */
static void
run_search (FidCustomersPage *self)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  FidCustomerFilter filter;

  /* The store applies the filters while it searches, so the limit counts
   * only customers the user can see. */
  get_filter (self, &filter);
  found = fid_store_search_customers_filtered (self->store, &filter, self->search_text, SEARCH_LIMIT, &error);
  if (found == NULL)
    {
      g_warning ("Cannot search the customers: %s", error->message);
      found = g_ptr_array_new_with_free_func (g_object_unref);
    }

  self->search_truncated = found->len >= SEARCH_LIMIT;

  if (self->results == NULL)
    self->results = g_list_store_new (FID_TYPE_CUSTOMER);

  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       found->pdata, found->len);
  sort_results (self);
  set_model (self, G_LIST_MODEL (self->results));
}

/* Shows the search's matches or the whole (filtered) list. */
static void
refresh (FidCustomersPage *self)
{
  FidCustomerFilter filter;

  if (self->store == NULL || self->customers == NULL)
    return;

  if (self->search_text != NULL)
    {
      run_search (self);
      return;
    }

  g_clear_object (&self->results);
  get_filter (self, &filter);
  /* GtkSingleSelection looks for its selected item among all the new
   * items when the list changes: one page read after another, through
   * the whole filtered list. Nothing selected, nothing to look for. */
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  fid_customer_list_model_set_filter (self->customers, &filter);
  set_model (self, G_LIST_MODEL (self->customers));
}

static void
on_sorter_changed_cb (GtkSorter        *sorter,
                      GtkSorterChange   change,
                      FidCustomersPage *self)
{
  FidCustomerSort sort;
  gboolean descending;

  if (self->customers == NULL || self->column_view == NULL)
    return;

  read_column_sort (self, &sort, &descending);
  fid_customer_list_model_set_sort (self->customers, sort, descending);
  sort_results (self);
  scroll_to_top (self);
}

static void
on_model_items_changed_cb (GListModel       *model,
                           guint             position,
                           guint             removed,
                           guint             added,
                           FidCustomersPage *self)
{
  update_count (self);
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry   *entry,
                                   FidCustomersPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_clear_pointer (&self->search_text, g_free);
  if (text[0] != '\0')
    self->search_text = g_steal_pointer (&text);

  refresh (self);
}

static void
open_position (FidCustomersPage *self,
               guint             position)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  g_autoptr(FidCustomer) customer = NULL;

  if (model == NULL || position >= g_list_model_get_n_items (model))
    return;

  customer = g_list_model_get_item (model, position);
  if (customer == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-customer", "x",
                              fid_customer_get_id (customer));
}

/* Enter in the search entry opens the selected match, or the first. */
static void
on_search_entry_activate_cb (GtkSearchEntry   *entry,
                             FidCustomersPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  open_position (self, position != GTK_INVALID_LIST_POSITION ? position : 0);
}

static void
on_search_entry_stop_search_cb (GtkSearchEntry   *entry,
                                FidCustomersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Down from the search entry goes to the list. */
static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          FidCustomersPage      *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      model == NULL || g_list_model_get_n_items (model) == 0)
    return GDK_EVENT_PROPAGATE;

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD);

  return GDK_EVENT_STOP;
}

static void
on_column_view_activate_cb (GtkColumnView    *column_view,
                            guint             position,
                            FidCustomersPage *self)
{
  open_position (self, position);
}

static void
on_portfolio_button_toggled_cb (GtkToggleButton  *button,
                                FidCustomersPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->advisor_dropdown), !gtk_toggle_button_get_active (button));
  refresh (self);
}

static void
update_filter_button (FidCustomersPage *self)
{
  FidCustomerFilter filter;

  /* The portfolio has its own button: the filter button shows the rest. */
  get_filter (self, &filter);
  if (gtk_toggle_button_get_active (self->portfolio_button))
    filter.advisor_id = 0;
  /* …and the selection its own bar. */
  filter.ids = NULL;

  if (_fid_customer_filter_is_set (&filter))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.clear-filters", _fid_customer_filter_is_set (&filter));
}

static void
on_filter_dropdown_selected_cb (GtkDropDown      *dropdown,
                                GParamSpec       *pspec,
                                FidCustomersPage *self)
{
  if (self->filling_filters)
    return;

  update_filter_button (self);
  refresh (self);
}

/* The Segment column is taken out while the bank has no segments. (Hiding
 * it would do, but GTK 4.8 then stops widening the expanding column.) */
static void
show_segment_column (FidCustomersPage *self,
                     gboolean          shown)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  gboolean present = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (column == self->segment_column)
        present = TRUE;
    }

  if (shown && !present)
    gtk_column_view_insert_column (self->column_view, 3, self->segment_column);
  else if (!shown && present)
    gtk_column_view_remove_column (self->column_view, self->segment_column);
}

/* Fills the filter dropdowns from the store: "Any …" first. */
static void
fill_filters (FidCustomersPage *self)
{
  g_autoptr(GtkStringList) advisors = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) branches = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) segments = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  gint64 any = 0;

  self->filling_filters = TRUE;

  g_clear_pointer (&self->advisor_ids, g_array_unref);
  g_clear_pointer (&self->branch_ids, g_array_unref);
  g_clear_pointer (&self->segments, g_strfreev);
  self->advisor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_string_list_append (advisors, _("Any advisor"));
  g_array_append_val (self->advisor_ids, any);
  gtk_string_list_append (branches, _("Any branch"));
  g_array_append_val (self->branch_ids, any);
  gtk_string_list_append (segments, _("Any segment"));
  gtk_string_list_append (stages, _("Any stage"));

  if (self->store != NULL)
    {
      g_autoptr(GPtrArray) advisor_list = fid_store_list_advisors (self->store, 0, NULL);
      g_autoptr(GPtrArray) branch_list = fid_store_list_branches (self->store, NULL);

      for (guint i = 0; advisor_list != NULL && i < advisor_list->len; i++)
        {
          FidAdvisor *advisor = g_ptr_array_index (advisor_list, i);
          g_autofree char *name = fid_advisor_dup_display_name (advisor);
          gint64 id = fid_advisor_get_id (advisor);

          gtk_string_list_append (advisors, name);
          g_array_append_val (self->advisor_ids, id);
        }

      for (guint i = 0; branch_list != NULL && i < branch_list->len; i++)
        {
          FidBranch *branch = g_ptr_array_index (branch_list, i);
          gint64 id = fid_branch_get_id (branch);

          gtk_string_list_append (branches, fid_branch_get_name (branch));
          g_array_append_val (self->branch_ids, id);
        }

      self->segments = fid_store_list_segments (self->store, NULL);
      for (guint i = 0; self->segments != NULL && self->segments[i] != NULL; i++)
        gtk_string_list_append (segments, self->segments[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (lifecycle_stages); i++)
    gtk_string_list_append (stages, fid_format_lifecycle_stage (lifecycle_stages[i]));

  gtk_drop_down_set_model (self->advisor_dropdown, G_LIST_MODEL (advisors));
  gtk_drop_down_set_model (self->branch_dropdown, G_LIST_MODEL (branches));
  gtk_drop_down_set_model (self->segment_dropdown, G_LIST_MODEL (segments));
  gtk_drop_down_set_model (self->lifecycle_dropdown, G_LIST_MODEL (stages));
  gtk_drop_down_set_selected (self->advisor_dropdown, 0);
  gtk_drop_down_set_selected (self->branch_dropdown, 0);
  gtk_drop_down_set_selected (self->segment_dropdown, 0);
  gtk_drop_down_set_selected (self->lifecycle_dropdown, 0);
  /* No segmentation run yet: no column of dashes. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->segment_dropdown),
                            self->segments != NULL && self->segments[0] != NULL);
  show_segment_column (self, self->segments != NULL && self->segments[0] != NULL);

  self->filling_filters = FALSE;
  update_filter_button (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FidCustomersPage *self = FID_CUSTOMERS_PAGE (widget);

  self->filling_filters = TRUE;
  gtk_drop_down_set_selected (self->advisor_dropdown, 0);
  gtk_drop_down_set_selected (self->branch_dropdown, 0);
  gtk_drop_down_set_selected (self->segment_dropdown, 0);
  gtk_drop_down_set_selected (self->lifecycle_dropdown, 0);
  self->filling_filters = FALSE;

  update_filter_button (self);
  refresh (self);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  fid_customers_page_set_selection (FID_CUSTOMERS_PAGE (widget), NULL, NULL);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  fid_customers_page_focus_search (FID_CUSTOMERS_PAGE (widget));
}

static void
fid_customers_page_dispose (GObject *object)
{
  FidCustomersPage *self = FID_CUSTOMERS_PAGE (object);
  GtkWidget *child;

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_CUSTOMERS_PAGE);
  /* Children the template made without binding them (separators…). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->owned_segment_column);
  g_clear_pointer (&self->selection_ids, g_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->customers);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fid_customers_page_parent_class)->dispose (object);
}

static void
fid_customers_page_finalize (GObject *object)
{
  FidCustomersPage *self = FID_CUSTOMERS_PAGE (object);

  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->advisor_ids, g_array_unref);
  g_clear_pointer (&self->branch_ids, g_array_unref);
  g_clear_pointer (&self->segments, g_strfreev);

  G_OBJECT_CLASS (fid_customers_page_parent_class)->finalize (object);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FidCustomersPage *self = FID_CUSTOMERS_PAGE (widget);
  FidCustomerFilter filter;

  if (self->store == NULL)
    return;
  get_filter (self, &filter);
  fid_customers_export_run (fid_customers_export_new (&filter, self->search_text), widget, self->store);
}

static void
fid_customers_page_class_init (FidCustomersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_customers_page_dispose;
  object_class->finalize = fid_customers_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-customers-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "customers-page");

  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, portfolio_button);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, advisor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, branch_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, segment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, lifecycle_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, city_column);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, advisor_column);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, segment_column);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, lifecycle_column);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, revenue_column);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, last_contact_column);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, engagement_column);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, FidCustomersPage, selection_label);

  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_portfolio_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  _fid_customers_page_class_bind_cells (widget_class);

  gtk_widget_class_install_action (widget_class, "customers.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "customers.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "customers.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "customers.clear-selection", NULL, clear_selection_action);
}

static void
fid_customers_page_init (FidCustomersPage *self)
{
  GtkEventController *controller;
  GtkDropDown *dropdowns[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  /* Owned here too: the column leaves the view while there are no segments. */
  self->owned_segment_column = g_object_ref (self->segment_column);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_model_items_changed_cb), self, 0);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  /* Tab goes on past the list, not through a million rows. */
  fid_form_tab_leaves_list (GTK_WIDGET (self->column_view));

  set_column_sort (self, self->name_column, FID_CUSTOMER_SORT_NAME);
  set_column_sort (self, self->city_column, FID_CUSTOMER_SORT_CITY);
  set_column_sort (self, self->advisor_column, FID_CUSTOMER_SORT_ADVISOR);
  set_column_sort (self, self->segment_column, FID_CUSTOMER_SORT_SEGMENT);
  set_column_sort (self, self->lifecycle_column, FID_CUSTOMER_SORT_LIFECYCLE);
  set_column_sort (self, self->revenue_column, FID_CUSTOMER_SORT_REVENUE_12M);
  set_column_sort (self, self->last_contact_column, FID_CUSTOMER_SORT_LAST_CONTACT);
  set_column_sort (self, self->engagement_column, FID_CUSTOMER_SORT_ENGAGEMENT);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, 0);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  dropdowns[0] = self->advisor_dropdown;
  dropdowns[1] = self->branch_dropdown;
  dropdowns[2] = self->segment_dropdown;
  dropdowns[3] = self->lifecycle_dropdown;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_object (dropdowns[i], "notify::selected",
                             G_CALLBACK (on_filter_dropdown_selected_cb), self, 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self->portfolio_button), FALSE);
  fill_filters (self);
  update_stack (self);
}

FidStore *
fid_customers_page_get_store (FidCustomersPage *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMERS_PAGE (self), NULL);

  return self->store;
}

/* Shows @store's customers (NULL: nothing). Filters and search start over. */
void
fid_customers_page_set_store (FidCustomersPage *self,
                              FidStore         *store)
{
  FidCustomerSort sort;
  gboolean descending;

  g_return_if_fail (FID_IS_CUSTOMERS_PAGE (self));
  g_return_if_fail (!store || FID_IS_STORE (store));

  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->customers);
  g_clear_object (&self->results);
  g_set_object (&self->store, store);

  self->filling_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_text, g_free);
  gtk_toggle_button_set_active (self->portfolio_button, FALSE);
  self->filling_filters = FALSE;
  fill_filters (self);

  if (store != NULL)
    {
      self->customers = fid_customer_list_model_new (store);
      read_column_sort (self, &sort, &descending);
      fid_customer_list_model_set_sort (self->customers, sort, descending);
      refresh (self);
    }
  else
    {
      update_stack (self);
    }
}

/* The signed-in advisor, for "My Portfolio" (0: nobody, the button is off). */
void
fid_customers_page_set_advisor_id (FidCustomersPage *self,
                                   gint64            advisor_id)
{
  g_return_if_fail (FID_IS_CUSTOMERS_PAGE (self));

  if (self->advisor_id == advisor_id)
    return;

  self->advisor_id = advisor_id;
  gtk_widget_set_sensitive (GTK_WIDGET (self->portfolio_button), advisor_id != 0);
  if (advisor_id == 0)
    gtk_toggle_button_set_active (self->portfolio_button, FALSE);
  else if (gtk_toggle_button_get_active (self->portfolio_button))
    refresh (self);
}

/* After the store was changed (a customer added, edited or deleted): counts
 * and rows are read again, the search too. */
void
fid_customers_page_reload (FidCustomersPage *self)
{
  g_return_if_fail (FID_IS_CUSTOMERS_PAGE (self));

  if (self->customers == NULL)
    return;

  fid_customer_list_model_reload (self->customers);
  if (self->search_text != NULL)
    run_search (self);
  else
    update_stack (self);
}

void
fid_customers_page_focus_search (FidCustomersPage *self)
{
  g_return_if_fail (FID_IS_CUSTOMERS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

gboolean
fid_customers_page_get_searching (FidCustomersPage *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMERS_PAGE (self), FALSE);

  return self->search_text != NULL;
}

GtkColumnView *
fid_customers_page_get_column_view (FidCustomersPage *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMERS_PAGE (self), NULL);

  return self->column_view;
}

GtkEditable *
fid_customers_page_get_search_entry (FidCustomersPage *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMERS_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

/* Shows only @ids (gint64, kept by reference: do not change it afterwards),
 * described by @label ("RFM: Champions, as of 30 June 2026"), on top of the
 * other filters; NULL @ids shows everyone again. */
void
fid_customers_page_set_selection (FidCustomersPage *self,
                                  const char       *label,
                                  GArray           *ids)
{
  g_return_if_fail (FID_IS_CUSTOMERS_PAGE (self));

  g_clear_pointer (&self->selection_ids, g_array_unref);
  if (ids != NULL)
    self->selection_ids = g_array_ref (ids);
  gtk_label_set_text (self->selection_label, label != NULL ? label : "");
  gtk_revealer_set_reveal_child (self->selection_revealer, ids != NULL);
  update_filter_button (self);
  refresh (self);
}

GArray *
fid_customers_page_get_selection (FidCustomersPage *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMERS_PAGE (self), NULL);
  return self->selection_ids;
}
