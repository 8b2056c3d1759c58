/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidDashboardPage: the filters, the refresh in a worker thread, the tiles
 * and charts (made once per page, filled again on each result, so the grid
 * keeps its place and only what changed is redrawn), and the clicks. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-chart-view.h"
#include "fid-dashboard-charts-private.h"
#include "fid-dashboard-page.h"
#include "fid-dashboard-presentation.h"
#include "fid-dashboard-report.h"
#include "fid-format.h"
#include "fid-store-workspace.h"
#include "fid-window.h"

static const guint period_months[] = { 1, 3, 6, 12, 24 };
#define DEFAULT_PERIOD 3   /* 12 months */

struct _FidDashboardPage
{
  AdwBin            parent_instance;

  FidDashboardKind  kind;
  FidStore         *store;
  gint64            advisor_id;
  FidDashboard     *dashboard;
  GCancellable     *cancellable;
  GCancellable     *map_cancellable; /* the map's figures being read, or NULL */
  gint64            started_us;
  GPtrArray        *tiles;          /* FidChart */
  GPtrArray        *charts;         /* FidChart */
  GArray           *branch_ids;     /* gint64, 0 first (all) */
  GArray           *advisor_ids;
  gboolean          filling;        /* dropdowns being filled: no refresh */
  gboolean          shown_once;
  gboolean          stale;          /* the data changed while hidden */
  guint             changed_source; /* a refresh after data changes */

  /* Template widgets */
  GtkDropDown      *branch_dropdown;
  GtkDropDown      *advisor_dropdown;
  GtkDropDown      *period_dropdown;
  GtkEntry         *end_entry;
  GtkLabel         *status_label;
  GtkSpinner       *spinner;
  GtkProgressBar   *progress_bar;
  GtkStack         *stack;
  AdwStatusPage    *status_page;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkFlowBox       *tiles_box;
  GtkFlowBox       *charts_box;
};

/* How long changes must settle before a shown dashboard is refreshed. */
#define CHANGED_DELAY_MS 400

G_DEFINE_FINAL_TYPE (FidDashboardPage, fid_dashboard_page, ADW_TYPE_BIN)

static void
toast (FidDashboardPage *self,
       const char       *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (FID_IS_WINDOW (root))
    fid_window_add_toast (FID_WINDOW (root), adw_toast_new (escaped));
}

static void
update_actions (FidDashboardPage *self)
{
  gboolean ready = self->dashboard != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.refresh", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.export-pdf", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.present", ready);
}

static void
set_busy (FidDashboardPage *self,
          gboolean          busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy)
    gtk_progress_bar_set_fraction (self->progress_bar, 0);
}

static void
show_status (FidDashboardPage *self,
             const char       *title,
             const char       *description)
{
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The filters ---------------------------------------------------------------------- */

static void
fill_advisors (FidDashboardPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) advisors = NULL;
  guint branch = gtk_drop_down_get_selected (self->branch_dropdown);
  gint64 branch_id = self->branch_ids != NULL && branch < self->branch_ids->len
                     ? g_array_index (self->branch_ids, gint64, branch) : 0;
  gint64 all = 0;

  g_array_set_size (self->advisor_ids, 0);
  g_array_append_val (self->advisor_ids, all);
  gtk_string_list_append (names, _("Every Advisor"));
  if (self->store != NULL)
    advisors = fid_store_list_advisors (self->store, branch_id, NULL);
  for (guint i = 0; advisors != NULL && i < advisors->len; i++)
    {
      FidAdvisor *advisor = g_ptr_array_index (advisors, i);
      g_autofree char *name = fid_advisor_dup_display_name (advisor);
      gint64 id = fid_advisor_get_id (advisor);

      gtk_string_list_append (names, name);
      g_array_append_val (self->advisor_ids, id);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->advisor_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->advisor_dropdown, 0);
  self->filling = FALSE;
}

static void
fill_filters (FidDashboardPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) branches = NULL;
  g_autofree char *end = NULL;
  gint64 all = 0;

  g_array_set_size (self->branch_ids, 0);
  g_array_append_val (self->branch_ids, all);
  gtk_string_list_append (names, _("Every Branch"));
  if (self->store != NULL)
    branches = fid_store_list_branches (self->store, NULL);
  for (guint i = 0; branches != NULL && i < branches->len; i++)
    {
      FidBranch *branch = g_ptr_array_index (branches, i);
      gint64 id = fid_branch_get_id (branch);

      gtk_string_list_append (names, fid_branch_get_name (branch));
      g_array_append_val (self->branch_ids, id);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->branch_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->branch_dropdown, 0);
  /* As of the bank's last day with data, or today. */
  if (self->store != NULL)
    end = fid_dashboard_dup_default_end (self->store, NULL);
  if (end != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->end_entry), end);
  self->filling = FALSE;
  fill_advisors (self);
}

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return ids != NULL && selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

/* The filter the widgets show; FALSE (and a message) when the date is not one. */
static gboolean
read_filter (FidDashboardPage   *self,
             FidDashboardFilter *filter)
{
  guint period = gtk_drop_down_get_selected (self->period_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->end_entry));
  g_autofree char *end = NULL;
  GDate date;

  memset (filter, 0, sizeof *filter);
  filter->kind = self->kind;
  if (self->kind == FID_DASHBOARD_ADVISOR)
    filter->advisor_id = self->advisor_id;
  else
    {
      filter->branch_id = selected_id (self->branch_dropdown, self->branch_ids);
      filter->advisor_id = selected_id (self->advisor_dropdown, self->advisor_ids);
    }
  /* The date as the user writes it (30/06/2026 in French), or ISO. */
  if (!fid_format_parse_date (text, &date) || (end = fid_format_date_to_iso (&date)) == NULL ||
      !fid_dashboard_filter_set_months (filter, end,
                                        period_months[MIN (period, G_N_ELEMENTS (period_months) - 1)]))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write the period’s last day as %s."),
                                                  text, "YYYY-MM-DD");

      gtk_label_set_text (self->status_label, message);
      return FALSE;
    }
  return TRUE;
}

/* Results ------------------------------------------------------------------------------ */

static void
show_dashboard (FidDashboardPage *self)
{
  const FidDashboardFilter *f = fid_dashboard_get_filter (self->dashboard);
  g_autofree char *period = fid_dashboard_format_period (f->start, f->end);
  g_autofree char *previous = fid_dashboard_format_period (fid_dashboard_get_previous_start (self->dashboard),
                                                           fid_dashboard_get_previous_end (self->dashboard));
  g_autofree char *scope = fid_dashboard_dup_scope (self->store, f);
  /* Translators: under a dashboard's title: whom it counts, its period, the period it compares with */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · compared with %s"), scope, period, previous);

  gtk_label_set_text (self->title_label, fid_dashboard_kind_title (self->kind));
  gtk_label_set_text (self->subtitle_label, subtitle);
  for (guint i = 0; i < self->tiles->len; i++)
    fid_dashboard_chart_fill (g_ptr_array_index (self->tiles, i), self->dashboard);
  for (guint i = 0; i < self->charts->len; i++)
    fid_dashboard_chart_fill (g_ptr_array_index (self->charts, i), self->dashboard);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
on_map_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FidDashboardPage *self = FID_DASHBOARD_PAGE (source);
  g_autoptr(GError) error = NULL;

  if (!fid_dashboard_map_read_finish (result, self->dashboard, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("The dashboard's map could not be read: %s", error->message);
    }
  g_clear_object (&self->map_cancellable);
  for (guint i = 0; i < self->charts->len; i++)
    {
      FidChart *chart = g_ptr_array_index (self->charts, i);

      if (fid_dashboard_chart_get_id (chart) == FID_DASHBOARD_CHART_MAP)
        fid_dashboard_chart_fill (chart, self->dashboard);
    }
}

/* The map's figures (issue 13) are the whole bank's and take seconds on a
 * million customers: they are read after the rest, in a thread of their
 * own (fid-dashboard-map.c), and the map fills in when they arrive. */
static void
start_map_load (FidDashboardPage *self)
{
  if (self->map_cancellable != NULL)
    g_cancellable_cancel (self->map_cancellable);
  g_clear_object (&self->map_cancellable);
  self->map_cancellable = g_cancellable_new ();
  fid_dashboard_map_read_async (self, fid_store_get_path (self->store), self->dashboard,
                                self->map_cancellable, on_map_loaded_cb, NULL);
}

gboolean
fid_dashboard_page_is_reading_map (FidDashboardPage *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD_PAGE (self), FALSE);
  return self->map_cancellable != NULL;
}

/* A report or a print needs the map now: read it here if its thread has
 * not finished yet (an explicit action, worth the wait). */
static void
ensure_map (FidDashboardPage *self)
{
  if (self->kind == FID_DASHBOARD_MARKETING)
    fid_dashboard_map_read_now (self->dashboard, self->store);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  FidDashboardPage *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

typedef struct
{
  FidDashboardPage *page;
  GCancellable     *cancellable;
} Refresh;

static void
on_computed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Refresh *refresh = user_data;
  g_autoptr(FidDashboardPage) self = refresh->page;
  g_autoptr(GCancellable) cancellable = refresh->cancellable;
  g_autoptr(FidDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;

  g_free (refresh);
  dashboard = fid_dashboard_compute_finish (result, &error);
  /* A newer refresh took over (or the page went): not ours to show. */
  if (cancellable != self->cancellable)
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (dashboard == NULL)
    {
      gtk_label_set_text (self->status_label, "");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, _("The Dashboard Could Not Be Computed"), error->message);
      return;
    }

  g_set_object (&self->dashboard, dashboard);
  show_dashboard (self);
  if (fid_dashboard_get_filter (dashboard)->skip_map)
    start_map_load (self);
  {
    double seconds = (g_get_monotonic_time () - self->started_us) / (double) G_USEC_PER_SEC;
    g_autofree char *text = g_strdup_printf (_("Updated in %.2f s"), seconds);

    gtk_label_set_text (self->status_label, text);
  }
  update_actions (self);
}

void
fid_dashboard_page_refresh (FidDashboardPage *self)
{
  FidDashboardFilter filter;
  Refresh *refresh;

  g_return_if_fail (FID_IS_DASHBOARD_PAGE (self));

  if (self->store == NULL || self->filling)
    return;
  if (self->kind == FID_DASHBOARD_ADVISOR && self->advisor_id <= 0)
    {
      show_status (self, _("Sign In to See Your Dashboard"),
                   _("Your dashboard shows your portfolio: choose who you are from the main menu."));
      return;
    }
  if (!read_filter (self, &filter))
    return;
  filter.skip_map = self->kind == FID_DASHBOARD_MARKETING;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->map_cancellable != NULL)
    g_cancellable_cancel (self->map_cancellable);
  g_clear_object (&self->map_cancellable);
  self->cancellable = g_cancellable_new ();
  self->started_us = g_get_monotonic_time ();
  self->shown_once = TRUE;
  self->stale = FALSE;
  g_clear_handle_id (&self->changed_source, g_source_remove);
  set_busy (self, TRUE);
  gtk_label_set_text (self->status_label, _("Computing…"));
  if (self->dashboard == NULL)
    show_status (self, _("Computing the Dashboard…"), NULL);

  refresh = g_new0 (Refresh, 1);
  refresh->page = g_object_ref (self);
  refresh->cancellable = g_object_ref (self->cancellable);
  fid_dashboard_compute_async (self->store, &filter, on_progress_cb, self, NULL, self->cancellable,
                               on_computed_cb, refresh);
}

static void
on_filter_changed_cb (FidDashboardPage *self)
{
  fid_dashboard_page_refresh (self);
}

static void
on_branch_selected_cb (FidDashboardPage *self)
{
  if (self->filling)
    return;
  /* The advisors of the branch chosen. */
  fill_advisors (self);
  fid_dashboard_page_refresh (self);
}

static void
on_map_cb (FidDashboardPage *self)
{
  /* The first refresh waits until the page is seen: a million customers
   * are not counted for a page nobody opened; likewise after changes. */
  if (!self->shown_once || self->stale)
    fid_dashboard_page_refresh (self);
}

static gboolean
on_changed_timeout_cb (gpointer data)
{
  FidDashboardPage *self = data;

  self->changed_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fid_dashboard_page_refresh (self);
  return G_SOURCE_REMOVE;
}

void
fid_dashboard_page_data_changed (FidDashboardPage *self)
{
  g_return_if_fail (FID_IS_DASHBOARD_PAGE (self));

  if (self->store == NULL || !self->shown_once)
    return;

  /* Hidden: refreshed when shown again. Shown: refreshed once a burst of
   * changes (an import, a campaign launch) has settled. */
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->changed_source == 0)
    self->changed_source = g_timeout_add (CHANGED_DELAY_MS, on_changed_timeout_cb, self);
}

/* Clicks ----------------------------------------------------------------------------------- */

static void
on_element_activated_cb (FidChart         *chart,
                         guint             index,
                         FidDashboardPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  if (self->dashboard == NULL || !FID_IS_WINDOW (root))
    return;
  ids = fid_dashboard_chart_dup_ids (chart, self->dashboard, self->store, index, &label, &error);
  if (error != NULL)
    toast (self, error->message);
  else if (ids != NULL && ids->len == 0)
    toast (self, _("No customer behind this element"));
  else if (ids != NULL)
    fid_window_show_customers (FID_WINDOW (root), label, ids);
}

/* Actions ---------------------------------------------------------------------------------- */

static char *
dup_scope (FidDashboardPage *self)
{
  return fid_dashboard_dup_scope (self->store, fid_dashboard_get_filter (self->dashboard));
}

static void
on_export_response_cb (GtkNativeDialog  *dialog,
                       int               response,
                       FidDashboardPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->dashboard != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      g_autofree char *scope = dup_scope (self);

      ensure_map (self);
      if (!fid_dashboard_report_write_pdf (self->dashboard, scope, file, &error))
        toast (self, error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: the toast after exporting: the file's name */
          g_autofree char *text = g_strdup_printf (_("Report saved as “%s”"), name);

          toast (self, text);
        }
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FidDashboardPage *self = FID_DASHBOARD_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->dashboard == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export the Dashboard as a PDF Report"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the report's default file name; keep the .pdf */
  name = g_strdup_printf (_("dashboard-%s.pdf"), fid_dashboard_get_filter (self->dashboard)->end);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FidDashboardPage *self = FID_DASHBOARD_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *scope = NULL;

  if (self->dashboard == NULL)
    return;
  scope = dup_scope (self);
  ensure_map (self);
  fid_dashboard_report_print (self->dashboard, scope, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FidDashboardPage *self = FID_DASHBOARD_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *scope = NULL;

  if (self->dashboard == NULL)
    return;
  scope = dup_scope (self);
  gtk_window_present (GTK_WINDOW (fid_dashboard_presentation_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                  self->dashboard, scope)));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  fid_dashboard_page_refresh (FID_DASHBOARD_PAGE (widget));
}

/* Building --------------------------------------------------------------------------------- */

static GtkWidget *
wrap_in_card (GtkWidget *child,
              int        margin,
              int        bottom)
{
  GtkWidget *frame = adw_bin_new ();

  gtk_widget_add_css_class (frame, "card");
  gtk_widget_set_margin_start (child, margin);
  gtk_widget_set_margin_end (child, margin);
  gtk_widget_set_margin_top (child, margin);
  gtk_widget_set_margin_bottom (child, bottom);
  adw_bin_set_child (ADW_BIN (frame), child);
  return frame;
}

static void
build (FidDashboardPage *self)
{
  const FidDashboardChartId *ids;
  const FidKpi *kpis;
  guint n_ids, n_kpis;

  kpis = fid_dashboard_kind_kpis (self->kind, &n_kpis);
  for (guint i = 0; i < n_kpis; i++)
    {
      FidChart *tile = fid_dashboard_tile_new (kpis[i]);

      g_ptr_array_add (self->tiles, g_object_ref (tile));
      g_signal_connect (tile, "element-activated", G_CALLBACK (on_element_activated_cb), self);
      /* A tile draws from its top and keeps room below for a longer
       * value: less margin there keeps the card's content centred. */
      gtk_flow_box_append (self->tiles_box, wrap_in_card (fid_chart_get_widget (tile), 16, 2));
    }

  ids = fid_dashboard_kind_charts (self->kind, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      FidChart *chart = fid_dashboard_chart_new (ids[i]);
      GtkWidget *view;

      g_ptr_array_add (self->charts, g_object_ref (chart));
      /* Room for axis labels and a legend, two or three to a row. */
      gtk_widget_set_size_request (fid_chart_get_widget (chart), 420, 320);
      g_signal_connect (chart, "element-activated", G_CALLBACK (on_element_activated_cb), self);
      view = fid_chart_view_new (chart);
      gtk_flow_box_append (self->charts_box, wrap_in_card (view, 12, 12));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->branch_dropdown), self->kind == FID_DASHBOARD_MARKETING);
  gtk_widget_set_visible (GTK_WIDGET (self->advisor_dropdown), self->kind == FID_DASHBOARD_MARKETING);
}

static void
fid_dashboard_page_dispose (GObject *object)
{
  FidDashboardPage *self = FID_DASHBOARD_PAGE (object);

  g_clear_handle_id (&self->changed_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->map_cancellable != NULL)
    g_cancellable_cancel (self->map_cancellable);
  g_clear_object (&self->map_cancellable);
  g_clear_object (&self->dashboard);
  g_clear_object (&self->store);
  g_clear_pointer (&self->tiles, g_ptr_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->branch_ids, g_array_unref);
  g_clear_pointer (&self->advisor_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (fid_dashboard_page_parent_class)->dispose (object);
}

static void
fid_dashboard_page_class_init (FidDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_dashboard_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fidelis/Fidelis/plugins/dashboards/fid-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FidDashboardPage, branch_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FidDashboardPage, advisor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FidDashboardPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FidDashboardPage, end_entry);
  gtk_widget_class_bind_template_child (widget_class, FidDashboardPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, FidDashboardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, FidDashboardPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FidDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FidDashboardPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, FidDashboardPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FidDashboardPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, FidDashboardPage, tiles_box);
  gtk_widget_class_bind_template_child (widget_class, FidDashboardPage, charts_box);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_branch_selected_cb);

  gtk_widget_class_install_action (widget_class, "dashboard.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "dashboard.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "dashboard.present", NULL, present_action);
}

static void
fid_dashboard_page_init (FidDashboardPage *self)
{
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);

  self->tiles = g_ptr_array_new_with_free_func (g_object_unref);
  self->charts = g_ptr_array_new_with_free_func (g_object_unref);
  self->branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->advisor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filling = TRUE;
  gtk_string_list_append (periods, _("Last Month"));
  gtk_string_list_append (periods, _("Last 3 Months"));
  gtk_string_list_append (periods, _("Last 6 Months"));
  gtk_string_list_append (periods, _("Last 12 Months"));
  gtk_string_list_append (periods, _("Last 24 Months"));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  gtk_drop_down_set_selected (self->period_dropdown, DEFAULT_PERIOD);
  self->filling = FALSE;
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  update_actions (self);
}

GtkWidget *
fid_dashboard_page_new (FidDashboardKind kind)
{
  FidDashboardPage *self = g_object_new (FID_TYPE_DASHBOARD_PAGE, NULL);

  self->kind = kind;
  build (self);
  return GTK_WIDGET (self);
}

void
fid_dashboard_page_set_store (FidDashboardPage *self,
                              FidStore         *store)
{
  g_return_if_fail (FID_IS_DASHBOARD_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->dashboard);
  set_busy (self, FALSE);
  fill_filters (self);
  update_actions (self);
  if (store == NULL)
    show_status (self, _("No Database"), _("Open a database to see its dashboard."));
  else if (self->shown_once || gtk_widget_get_mapped (GTK_WIDGET (self)))
    fid_dashboard_page_refresh (self);
  else
    show_status (self, _("Computing the Dashboard…"), NULL);
}

void
fid_dashboard_page_set_advisor_id (FidDashboardPage *self,
                                   gint64            advisor_id)
{
  g_return_if_fail (FID_IS_DASHBOARD_PAGE (self));

  if (self->advisor_id == advisor_id)
    return;
  self->advisor_id = advisor_id;
  if (self->kind == FID_DASHBOARD_ADVISOR && (self->shown_once || gtk_widget_get_mapped (GTK_WIDGET (self))))
    fid_dashboard_page_refresh (self);
}

gboolean
fid_dashboard_page_get_busy (FidDashboardPage *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

FidDashboard *
fid_dashboard_page_get_dashboard (FidDashboardPage *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD_PAGE (self), NULL);
  return self->dashboard;
}

gboolean
fid_dashboard_page_set_branch_id (FidDashboardPage *self,
                                  gint64            branch_id)
{
  g_return_val_if_fail (FID_IS_DASHBOARD_PAGE (self), FALSE);

  for (guint i = 0; i < self->branch_ids->len; i++)
    if (g_array_index (self->branch_ids, gint64, i) == branch_id)
      {
        gtk_drop_down_set_selected (self->branch_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
fid_dashboard_page_set_period (FidDashboardPage *self,
                               guint             months,
                               const char       *end)
{
  g_return_if_fail (FID_IS_DASHBOARD_PAGE (self));

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (period_months); i++)
    if (period_months[i] == months)
      gtk_drop_down_set_selected (self->period_dropdown, i);
  if (end != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->end_entry), end);
  self->filling = FALSE;
  fid_dashboard_page_refresh (self);
}

FidChart *
fid_dashboard_page_get_tile (FidDashboardPage *self,
                             FidKpi            kpi)
{
  g_return_val_if_fail (FID_IS_DASHBOARD_PAGE (self), NULL);

  for (guint i = 0; i < self->tiles->len; i++)
    if (fid_dashboard_tile_get_kpi (g_ptr_array_index (self->tiles, i)) == kpi)
      return g_ptr_array_index (self->tiles, i);
  return NULL;
}

FidChart *
fid_dashboard_page_get_chart (FidDashboardPage    *self,
                              FidDashboardChartId  id)
{
  g_return_val_if_fail (FID_IS_DASHBOARD_PAGE (self), NULL);

  for (guint i = 0; i < self->charts->len; i++)
    if (fid_dashboard_chart_get_id (g_ptr_array_index (self->charts, i)) == id)
      return g_ptr_array_index (self->charts, i);
  return NULL;
}
