/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidPipelinePage: filters, the board, the weighted forecast chart and the
 * next-best-offer settings. Everything is read from the store through
 * aggregate queries (totals per stage, forecast per month: one GROUP BY
 * each) and the board's limited card lists, so the page opens quickly on
 * the million-customer bank. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-bar-chart.h"
#include "fid-format.h"
#include "fid-nbo.h"
#include "fid-nbo-rules-dialog.h"
#include "fid-pipeline-board.h"
#include "fid-pipeline-page.h"
#include "fid-store-workspace.h"
#include "fid-window.h"

struct _FidPipelinePage
{
  AdwBin            parent_instance;

  GtkDropDown      *advisor_dropdown;
  GtkDropDown      *branch_dropdown;
  GtkLabel         *summary_label;
  FidPipelineBoard *board;
  GtkBox           *chart_box;
  AdwActionRow     *stats_row;
  GtkButton        *refresh_button;
  GtkButton        *rules_button;

  FidChart         *chart;
  FidStore         *store;
  GArray           *advisor_ids;   /* gint64, index 0 = all */
  GArray           *branch_ids;
  gboolean          filling;
};

G_DEFINE_FINAL_TYPE (FidPipelinePage, fid_pipeline_page, ADW_TYPE_BIN)

static FidPipelineFilter
current_filter (FidPipelinePage *self)
{
  guint a = gtk_drop_down_get_selected (self->advisor_dropdown);
  guint b = gtk_drop_down_get_selected (self->branch_dropdown);
  FidPipelineFilter filter = { 0, 0 };

  if (a != GTK_INVALID_LIST_POSITION && a < self->advisor_ids->len)
    filter.advisor_id = g_array_index (self->advisor_ids, gint64, a);
  if (b != GTK_INVALID_LIST_POSITION && b < self->branch_ids->len)
    filter.branch_id = g_array_index (self->branch_ids, gint64, b);
  return filter;
}

/* "Nov 2026" for "2026-11". */
static char *
month_label (const char *month)
{
  g_autofree char *day = g_strdup_printf ("%s-01", month);
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (!fid_format_parse_date (day, &date))
    return g_strdup (month);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), 1, 12, 0, 0);
  /* Translators: a month on the forecast chart, g_date_time_format syntax */
  return g_date_time_format (dt, _("%b %Y"));
}

static void
fill_chart (FidPipelinePage         *self,
            const FidPipelineFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  months = self->store != NULL ? fid_store_pipeline_forecast (self->store, filter, &error) : NULL;
  for (guint i = 0; months != NULL && i < months->len; i++)
    {
      FidForecastMonth *m = &g_array_index (months, FidForecastMonth, i);
      double euros = m->weighted_cents / 100.0;

      g_ptr_array_add (labels, month_label (m->month));
      g_array_append_val (values, euros);
    }
  g_ptr_array_add (labels, NULL);
  fid_bar_chart_set_data (FID_BAR_CHART (self->chart), (const char * const *) labels->pdata,
                          (const double *) values->data, values->len);
}

static void
fill_stats (FidPipelinePage *self)
{
  g_autofree char *refreshed_at = NULL;
  g_autofree char *text = NULL;
  gint64 customers = 0;

  if (self->store == NULL || !fid_nbo_get_pairs_state (self->store, &refreshed_at, &customers, NULL) ||
      refreshed_at == NULL)
    text = g_strdup (_("Never computed: suggestions come from life events only"));
  else
    {
      g_autofree char *when = fid_format_date_time (refreshed_at);
      g_autofree char *count = fid_format_count ((guint64) customers);

      text = g_strdup_printf (_("Computed on %s over %s customers"), when, count);
    }
  adw_action_row_set_subtitle (self->stats_row, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->refresh_button),
                            self->store != NULL && !fid_store_is_read_only (self->store));
}

static void
fill_summary (FidPipelinePage *self)
{
  const FidPipelineTotal *totals = fid_pipeline_board_get_totals (self->board);
  FidPipelineTotal open = { 0, 0, 0 };
  g_autofree char *count = NULL, *amount = NULL, *weighted = NULL, *text = NULL;

  for (guint i = 0; i < 4; i++)
    {
      open.count += totals[i].count;
      open.amount_cents += totals[i].amount_cents;
      open.weighted_cents += totals[i].weighted_cents;
    }
  count = fid_format_count ((guint64) open.count);
  amount = fid_format_money (open.amount_cents);
  weighted = fid_format_money (open.weighted_cents);
  text = g_strdup_printf (_("Open: %s opportunities · %s · weighted %s"), count, amount, weighted);
  gtk_label_set_text (self->summary_label, text);
}

static void
fill (FidPipelinePage *self)
{
  FidPipelineFilter filter = current_filter (self);

  fid_pipeline_board_load (self->board, self->store, &filter);
  fill_summary (self);
  fill_chart (self, &filter);
  fill_stats (self);
}

/* The drop-downs: "All advisors" then the advisors, same for branches. */
static void
fill_filters (FidPipelinePage *self)
{
  g_autoptr(GtkStringList) advisors = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) branches = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) advisor_list = NULL;
  g_autoptr(GPtrArray) branch_list = NULL;
  gint64 all = 0;

  self->filling = TRUE;
  g_array_set_size (self->advisor_ids, 0);
  g_array_set_size (self->branch_ids, 0);
  gtk_string_list_append (advisors, _("All advisors"));
  g_array_append_val (self->advisor_ids, all);
  gtk_string_list_append (branches, _("All branches"));
  g_array_append_val (self->branch_ids, all);
  if (self->store != NULL)
    {
      advisor_list = fid_store_list_advisors (self->store, 0, NULL);
      branch_list = fid_store_list_branches (self->store, NULL);
    }
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
  gtk_drop_down_set_model (self->advisor_dropdown, G_LIST_MODEL (advisors));
  gtk_drop_down_set_model (self->branch_dropdown, G_LIST_MODEL (branches));
  gtk_drop_down_set_selected (self->advisor_dropdown, 0);
  gtk_drop_down_set_selected (self->branch_dropdown, 0);
  self->filling = FALSE;
}

/* The 360 view may have computed the statistics since (a small bank's
 * are computed on the first suggestion): read their date when shown. */
static void
on_map_cb (GtkWidget       *widget,
           FidPipelinePage *self)
{
  fill_stats (self);
}

static void
on_filter_changed_cb (GtkDropDown     *dropdown,
                      GParamSpec      *pspec,
                      FidPipelinePage *self)
{
  if (!self->filling)
    fill (self);
}

static void
show_toast (FidPipelinePage *self,
            const char      *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL && FID_IS_WINDOW (root))
    fid_window_add_toast (FID_WINDOW (root), adw_toast_new (text));
}

static void
on_board_moved_cb (FidPipelineBoard *board,
                   gint64            opportunity_id,
                   FidPipelinePage  *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The window tells every page (the 360 view's Open Opportunities and
   * products, this page through the addin). */
  if (root != NULL && FID_IS_WINDOW (root))
    fid_window_data_changed (FID_WINDOW (root));
  else
    fill (self);
}

static void
on_board_error_cb (FidPipelineBoard *board,
                   const char       *message,
                   FidPipelinePage  *self)
{
  show_toast (self, message);
  fill (self);
}

static void
on_refresh_clicked_cb (GtkButton       *button,
                       FidPipelinePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!fid_nbo_refresh_pairs (self->store, &error))
    show_toast (self, error->message);
  else
    show_toast (self, _("Co-holding statistics computed"));
  fill_stats (self);
}

static void
on_rules_clicked_cb (GtkButton       *button,
                     FidPipelinePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = fid_nbo_rules_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fid_pipeline_page_dispose (GObject *object)
{
  FidPipelinePage *self = FID_PIPELINE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_PIPELINE_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->advisor_ids, g_array_unref);
  g_clear_pointer (&self->branch_ids, g_array_unref);

  G_OBJECT_CLASS (fid_pipeline_page_parent_class)->dispose (object);
}

static void
fid_pipeline_page_class_init (FidPipelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_pipeline_page_dispose;

  g_type_ensure (FID_TYPE_PIPELINE_BOARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fidelis/Fidelis/plugins/pipeline/fid-pipeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FidPipelinePage, advisor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FidPipelinePage, branch_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FidPipelinePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FidPipelinePage, board);
  gtk_widget_class_bind_template_child (widget_class, FidPipelinePage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, FidPipelinePage, stats_row);
  gtk_widget_class_bind_template_child (widget_class, FidPipelinePage, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, FidPipelinePage, rules_button);
}

static void
fid_pipeline_page_init (FidPipelinePage *self)
{
  GtkWidget *chart_widget;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->advisor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->chart = fid_bar_chart_new ();
  fid_chart_set_title (self->chart, _("Weighted forecast per month"));
  fid_chart_set_subtitle (self->chart, _("Open opportunities by expected close month: Σ amount × probability"));
  fid_chart_set_show_title (self->chart, FALSE);
  fid_chart_set_empty_text (self->chart, _("No open opportunity with an expected close date"));
  fid_bar_chart_set_format (FID_BAR_CHART (self->chart), FID_CHART_FORMAT_MONEY);
  chart_widget = fid_chart_get_widget (self->chart);
  gtk_widget_set_size_request (chart_widget, -1, 280);
  gtk_box_append (self->chart_box, chart_widget);

  fill_filters (self);
  g_signal_connect_object (self->advisor_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self, 0);
  g_signal_connect_object (self->branch_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self, 0);
  g_signal_connect_object (self->board, "moved", G_CALLBACK (on_board_moved_cb), self, 0);
  g_signal_connect_object (self->board, "error", G_CALLBACK (on_board_error_cb), self, 0);
  g_signal_connect_object (self->refresh_button, "clicked", G_CALLBACK (on_refresh_clicked_cb), self, 0);
  g_signal_connect_object (self->rules_button, "clicked", G_CALLBACK (on_rules_clicked_cb), self, 0);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
}

GtkWidget *
fid_pipeline_page_new (void)
{
  return g_object_new (FID_TYPE_PIPELINE_PAGE, NULL);
}

void
fid_pipeline_page_set_store (FidPipelinePage *self,
                             FidStore        *store)
{
  g_return_if_fail (FID_IS_PIPELINE_PAGE (self));

  g_set_object (&self->store, store);
  fill_filters (self);
  fill (self);
}

void
fid_pipeline_page_reload (FidPipelinePage *self)
{
  g_return_if_fail (FID_IS_PIPELINE_PAGE (self));

  fill (self);
}

GtkWidget *
fid_pipeline_page_get_board (FidPipelinePage *self)
{
  g_return_val_if_fail (FID_IS_PIPELINE_PAGE (self), NULL);

  return GTK_WIDGET (self->board);
}

void
fid_pipeline_page_set_filter (FidPipelinePage *self,
                              gint64           advisor_id,
                              gint64           branch_id)
{
  g_return_if_fail (FID_IS_PIPELINE_PAGE (self));

  for (guint i = 0; i < self->advisor_ids->len; i++)
    if (g_array_index (self->advisor_ids, gint64, i) == advisor_id)
      gtk_drop_down_set_selected (self->advisor_dropdown, i);
  for (guint i = 0; i < self->branch_ids->len; i++)
    if (g_array_index (self->branch_ids, gint64, i) == branch_id)
      gtk_drop_down_set_selected (self->branch_dropdown, i);
}
