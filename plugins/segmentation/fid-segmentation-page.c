/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSegmentationPage: the form, the run, the snapshots. The arithmetic is
 * FidSegmentationAnalytics's (so the Analyses page runs the same code); the
 * drawing is FidSegmentationView's. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-application.h"
#include "fid-format.h"
#include "fid-segment-labels.h"
#include "fid-segmentation.h"
#include "fid-segmentation-analytics.h"
#include "fid-segmentation-page.h"
#include "fid-segmentation-view.h"
#include "fid-store-segments.h"
#include "fid-value.h"
#include "fid-window.h"

/* The parameters that are not the same for every method: a spin button
 * each, shown for the methods that read them. */
typedef struct
{
  const char *name;        /* the compute parameter */
  const char *title;
  const char *subtitle;
  double      lower, upper, value, step;
  guint       digits;
  const char *schemes;     /* space-separated */
} ParamSpec;

static const ParamSpec param_specs[] = {
  { "a-percent", N_("Class A"), N_("Share of customers, in %"), 1, 99, 10, 1, 0, "abc" },
  { "b-percent", N_("Classes A and B"), N_("Share of customers, in %"), 2, 100, 35, 1, 0, "abc" },
  { "nps-threshold", N_("Favourable NPS Answer"), N_("Lowest answer out of 10"), 0, 10, 7, 1, 0, "loyalty" },
  { "csat-threshold", N_("Favourable CSAT Answer"), N_("Lowest answer out of 5"), 1, 5, 4, 1, 0, "loyalty" },
  { "discount-rate", N_("Discount Rate"), N_("Yearly, in %"), 0, 100, 10, 0.5, 1, "clv" },
  { "new-days", N_("New For"), N_("Days after the first product"), 1, 3660, 90, 1, 0, "lifecycle" },
  { "inactive-days", N_("Inactive After"), N_("Days without a transaction"), 1, 3660, 180, 1, 0, "lifecycle" },
  { "lost-days", N_("Lost After"), N_("Days without a transaction"), 1, 3660, 365, 1, 0, "lifecycle" },
};

struct _FidSegmentationPage
{
  AdwBin              parent_instance;

  FidAnalytics       *analytics;
  FidStore           *store;
  GCancellable       *cancellable;
  FidAnalyticsResult *result;
  GtkWidget          *view;
  GPtrArray          *param_rows;     /* AdwActionRow, as param_specs */
  GPtrArray          *param_spins;
  GtkWidget          *costs_row;      /* AdwExpanderRow */
  GPtrArray          *cost_spins;     /* channels, then ticket kinds */
  GPtrArray          *snapshots;      /* FidSnapshotInfo of the scheme */

  /* Template widgets */
  AdwComboRow        *scheme_row;
  GtkEntry           *as_of_entry;
  AdwActionRow       *window_row;
  GtkSpinButton      *window_spin;
  AdwPreferencesGroup *params_group;
  GtkButton          *run_button;
  GtkProgressBar     *progress_bar;
  GtkButton          *cancel_button;
  GtkLabel           *status_label;
  GtkButton          *save_button;
  AdwComboRow        *from_row;
  AdwComboRow        *to_row;
  AdwActionRow       *compare_row;
  GtkStack           *stack;
  AdwBin             *result_bin;
};

G_DEFINE_FINAL_TYPE (FidSegmentationPage, fid_segmentation_page, ADW_TYPE_BIN)

static const char * const ticket_kinds[] = { "request", "complaint", "incident" };

static const char *
selected_scheme (FidSegmentationPage *self)
{
  const char * const *schemes = fid_segmentation_analytics_schemes ();
  guint selected = adw_combo_row_get_selected (self->scheme_row);

  return selected < g_strv_length ((char **) schemes) ? schemes[selected] : "rfm";
}

static void
set_status (FidSegmentationPage *self,
            const char          *text,
            gboolean             error)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_running (FidSegmentationPage *self,
             gboolean             running)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->run_button), !running && self->store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->params_group), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scheme_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !running && self->result != NULL);
}

static FidSegmentation *
current_segmentation (FidSegmentationPage *self)
{
  GObject *data = self->result ? fid_analytics_result_get_data (self->result) : NULL;

  return FID_IS_SEGMENTATION (data) ? FID_SEGMENTATION (data) : NULL;
}

/* Snapshots ------------------------------------------------------------ */

static void
reload_snapshots (FidSegmentationPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  if (self->store != NULL)
    self->snapshots = fid_store_list_snapshots (self->store, selected_scheme (self), &error);
  if (error != NULL)
    set_status (self, error->message, TRUE);

  for (guint i = 0; self->snapshots != NULL && i < self->snapshots->len; i++)
    {
      FidSnapshotInfo *info = g_ptr_array_index (self->snapshots, i);
      g_autofree char *date = fid_format_date (info->taken_on);
      g_autofree char *count = fid_format_count (info->n_customers);
      /* Translators: a snapshot: its date and, in parentheses, how many
       * customers it has. */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), date, count);

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (labels));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (labels));
  /* Newest first: compare the one before with the latest. */
  if (self->snapshots != NULL && self->snapshots->len >= 2)
    {
      adw_combo_row_set_selected (self->from_row, 1);
      adw_combo_row_set_selected (self->to_row, 0);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_row),
                            self->snapshots != NULL && self->snapshots->len >= 2);
  gtk_widget_set_sensitive (GTK_WIDGET (self->from_row), self->snapshots != NULL && self->snapshots->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_row), self->snapshots != NULL && self->snapshots->len > 0);
}

typedef struct
{
  char            *path;
  FidSegmentation *segmentation;
  char            *parameters;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->path);
  g_clear_object (&job->segmentation);
  g_free (job->parameters);
  g_free (job);
}

/* A million rows take seconds to write: a connection of its own, off the
 * main thread, so the window stays responsive. */
static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  FidSegmentation *s = job->segmentation;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_keys = fid_segmentation_get_n_segments (s);
  g_autofree const char **keys = g_new0 (const char *, n_keys + 1);

  for (guint i = 0; i < n_keys; i++)
    keys[i] = fid_segmentation_get_segment_key (s, i);

  store = fid_store_open (job->path, FID_STORE_OPEN_DEFAULT, &error);
  if (store == NULL ||
      !fid_store_save_snapshot (store, fid_segmentation_get_scheme (s), fid_segmentation_get_as_of (s),
                                fid_segmentation_get_window_days (s), job->parameters,
                                fid_segmentation_get_ids (s), fid_segmentation_get_segments (s),
                                keys, fid_segmentation_get_size (s), cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FidSegmentationPage) self = user_data;
  g_autoptr(GError) error = NULL;

  set_running (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *text = g_strdup_printf (_("The snapshot was not saved: %s"), error->message);

      set_status (self, text, TRUE);
      return;
    }
  set_status (self, _("Snapshot saved"), FALSE);
  reload_snapshots (self);
}

static void
on_save_clicked_cb (FidSegmentationPage *self)
{
  FidSegmentation *segmentation = current_segmentation (self);
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  if (segmentation == NULL || self->store == NULL)
    return;

  job = g_new0 (SaveJob, 1);
  job->path = g_strdup (fid_store_get_path (self->store));
  job->segmentation = g_object_ref (segmentation);
  task = g_task_new (NULL, NULL, on_saved_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  set_status (self, _("Saving the snapshot…"), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  g_task_run_in_thread (task, save_thread);
}

static void
show_view (FidSegmentationPage *self,
           GtkWidget           *view)
{
  self->view = view;
  adw_bin_set_child (self->result_bin, view);
  gtk_stack_set_visible_child_name (self->stack, view != NULL ? "result" : "empty");
}

static void
on_compare_activated_cb (FidSegmentationPage *self)
{
  guint from = adw_combo_row_get_selected (self->from_row);
  guint to = adw_combo_row_get_selected (self->to_row);
  g_autoptr(FidMigration) migration = NULL;
  g_autoptr(GError) error = NULL;
  FidSnapshotInfo *from_info, *to_info;

  if (self->snapshots == NULL || from >= self->snapshots->len || to >= self->snapshots->len)
    return;
  if (from == to)
    {
      set_status (self, _("Choose two different snapshots to compare"), TRUE);
      return;
    }
  from_info = g_ptr_array_index (self->snapshots, from);
  to_info = g_ptr_array_index (self->snapshots, to);
  /* One GROUP BY over the two snapshots' index: well under a second. */
  migration = fid_store_compute_migration (self->store, from_info->scheme, from_info->taken_on,
                                           to_info->taken_on, &error);
  if (migration == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  set_status (self, NULL, FALSE);
  show_view (self, fid_segmentation_view_new_migration (from_info->scheme, from_info->taken_on,
                                                        to_info->taken_on, migration));
}

/* Running --------------------------------------------------------------- */

static GVariant *
collect_parameters (FidSegmentationPage *self)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  const char * const *channels = fid_value_channels ();

  g_variant_builder_add (&builder, "{sv}", "scheme", g_variant_new_string (selected_scheme (self)));
  /* The date as the user writes it (30/06/2026 in French, 2026-06-30
   * anywhere); what does not parse goes as typed, for the analysis to
   * refuse with its message. */
  {
    const char *text = gtk_editable_get_text (GTK_EDITABLE (self->as_of_entry));
    g_autofree char *iso = NULL;
    GDate date;

    if (fid_format_parse_date (text, &date))
      iso = fid_format_date_to_iso (&date);
    g_variant_builder_add (&builder, "{sv}", "as-of", g_variant_new_string (iso != NULL ? iso : text));
  }
  g_variant_builder_add (&builder, "{sv}", "window-days",
                         g_variant_new_int32 (gtk_spin_button_get_value_as_int (self->window_spin)));
  for (guint i = 0; i < G_N_ELEMENTS (param_specs); i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (self->param_spins, i);

      if (g_str_equal (param_specs[i].name, "discount-rate"))
        g_variant_builder_add (&builder, "{sv}", param_specs[i].name,
                               g_variant_new_double (gtk_spin_button_get_value (spin) / 100.0));
      else
        g_variant_builder_add (&builder, "{sv}", param_specs[i].name,
                               g_variant_new_int32 (gtk_spin_button_get_value_as_int (spin)));
    }
  for (guint i = 0; i < self->cost_spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (self->cost_spins, i);
      g_autofree char *name = NULL;

      if (channels[i] != NULL && i < g_strv_length ((char **) channels))
        name = g_strconcat ("cost-", channels[i], NULL);
      else
        name = g_strconcat ("ticket-cost-", ticket_kinds[i - g_strv_length ((char **) channels)], NULL);
      g_variant_builder_add (&builder, "{sv}", name, g_variant_new_double (gtk_spin_button_get_value (spin)));
    }
  return g_variant_builder_end (&builder);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  FidSegmentationPage *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
on_computed_cb (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  g_autoptr(FidSegmentationPage) self = user_data;
  g_autoptr(FidAnalyticsResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FidSegmentation *segmentation;

  result = fid_analytics_compute_finish (FID_ANALYTICS (object), async_result, &error);
  g_clear_object (&self->cancellable);

  if (result == NULL)
    {
      set_running (self, FALSE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, _("Cancelled: nothing was changed"), FALSE);
      else
        set_status (self, error->message, TRUE);
      return;
    }

  g_set_object (&self->result, result);
  set_running (self, FALSE);
  segmentation = current_segmentation (self);
  if (segmentation != NULL)
    {
      g_autofree char *count = fid_format_count (fid_segmentation_get_size (segmentation));
      g_autofree char *text = g_strdup_printf (_("%s customers segmented"), count);

      set_status (self, text, FALSE);
    }
  {
    FidAnalyticsView *view = fid_analytics_view_new (FID_TYPE_SEGMENTATION_VIEW);

    fid_analytics_view_set_result (view, result);
    show_view (self, GTK_WIDGET (view));
  }
}

void
fid_segmentation_page_run (FidSegmentationPage *self)
{
  g_return_if_fail (FID_IS_SEGMENTATION_PAGE (self));

  if (self->store == NULL || self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->result);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  set_running (self, TRUE);
  set_status (self, NULL, FALSE);
  fid_analytics_compute_async (self->analytics, self->store, collect_parameters (self),
                               on_progress_cb, self, NULL, self->cancellable,
                               on_computed_cb, g_object_ref (self));
}

static void
on_cancel_clicked_cb (FidSegmentationPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
on_scheme_selected_cb (FidSegmentationPage *self)
{
  const char *scheme = selected_scheme (self);
  gboolean any = FALSE;

  /* Setting the combo's model selects its first row before the form is
   * built. */
  if (self->costs_row == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (param_specs); i++)
    {
      g_auto(GStrv) schemes = g_strsplit (param_specs[i].schemes, " ", -1);
      gboolean shown = g_strv_contains ((const char * const *) schemes, scheme);

      gtk_widget_set_visible (g_ptr_array_index (self->param_rows, i), shown);
      any |= shown;
    }
  /* Prices of the cost to serve matter to profitability and CLV only. */
  gtk_widget_set_visible (self->costs_row, g_str_equal (scheme, "profitability") ||
                                           g_str_equal (scheme, "clv"));
  any |= gtk_widget_get_visible (self->costs_row);
  gtk_widget_set_visible (GTK_WIDGET (self->params_group), any);
  /* The lifecycle reads whole histories, with its own thresholds. */
  gtk_widget_set_visible (GTK_WIDGET (self->window_row), !g_str_equal (scheme, "lifecycle"));
  reload_snapshots (self);
}

/* Building the form --------------------------------------------------- */

/* The thresholds the user last chose (GSettings "segmentation-thresholds")
 * come back the next time; NULL when the app runs without its settings. */
static GSettings *
get_settings (void)
{
  GApplication *app = g_application_get_default ();

  return FID_IS_APPLICATION (app) ? fid_application_get_settings (FID_APPLICATION (app)) : NULL;
}

static void
on_param_changed_cb (GtkSpinButton *spin,
                     const char    *name)
{
  GSettings *settings = get_settings ();
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(GVariantDict) dict = NULL;

  if (settings == NULL)
    return;
  saved = g_settings_get_value (settings, "segmentation-thresholds");
  dict = g_variant_dict_new (saved);
  g_variant_dict_insert (dict, name, "d", gtk_spin_button_get_value (spin));
  g_settings_set_value (settings, "segmentation-thresholds", g_variant_dict_end (dict));
}

static double
saved_value (const ParamSpec *p)
{
  GSettings *settings = get_settings ();
  g_autoptr(GVariant) saved = NULL;
  double value;

  if (settings == NULL)
    return p->value;
  saved = g_settings_get_value (settings, "segmentation-thresholds");
  if (!g_variant_lookup (saved, p->name, "d", &value) || value < p->lower || value > p->upper)
    return p->value;
  return value;
}

static GtkWidget *
add_spin_row (AdwPreferencesGroup *group,
              AdwExpanderRow      *expander,
              const char          *title,
              const char          *subtitle,
              double lower, double upper, double value, double step, guint digits,
              GPtrArray           *spins)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  if (expander != NULL)
    adw_expander_row_add_row (expander, row);
  else
    adw_preferences_group_add (group, row);
  g_ptr_array_add (spins, spin);
  return row;
}

static const char *
channel_title (const char *channel)
{
  static const struct { const char *id; const char *label; } titles[] = {
    { "phone", N_("Phone Call") }, { "email", N_("E-mail") }, { "sms", N_("SMS") },
    { "branch", N_("Branch Visit") }, { "mail", N_("Postal Mail") }, { "web", N_("Web Form") },
    { "chat", N_("Chat") }, { "other", N_("Other Contact") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].id, channel))
      return _(titles[i].label);
  return channel;
}

static void
build_parameters (FidSegmentationPage *self)
{
  static const char * const ticket_titles[] = { N_("Request"), N_("Complaint"), N_("Incident") };
  const char * const *channels = fid_value_channels ();
  FidProfitabilityParams defaults;
  AdwExpanderRow *expander;

  for (guint i = 0; i < G_N_ELEMENTS (param_specs); i++)
    {
      const ParamSpec *p = &param_specs[i];

      g_ptr_array_add (self->param_rows,
                       add_spin_row (self->params_group, NULL, _(p->title), _(p->subtitle),
                                     p->lower, p->upper, saved_value (p), p->step, p->digits, self->param_spins));
      g_signal_connect (g_ptr_array_index (self->param_spins, self->param_spins->len - 1), "value-changed",
                        G_CALLBACK (on_param_changed_cb), (gpointer) p->name);
    }

  fid_profitability_params_init (&defaults);
  self->costs_row = adw_expander_row_new ();
  expander = ADW_EXPANDER_ROW (self->costs_row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Cost to Serve"));
  adw_expander_row_set_subtitle (expander, _("Price of each contact and ticket, in euros"));
  for (guint i = 0; channels[i] != NULL && i < G_N_ELEMENTS (defaults.channel_cost_cents); i++)
    add_spin_row (NULL, expander, channel_title (channels[i]), NULL, 0, 10000,
                  defaults.channel_cost_cents[i] / 100.0, 0.5, 2, self->cost_spins);
  for (guint i = 0; i < G_N_ELEMENTS (ticket_kinds); i++)
    add_spin_row (NULL, expander, _(ticket_titles[i]), NULL, 0, 10000,
                  defaults.ticket_cost_cents[i] / 100.0, 0.5, 2, self->cost_spins);
  adw_preferences_group_add (self->params_group, self->costs_row);
}

static void
fid_segmentation_page_dispose (GObject *object)
{
  FidSegmentationPage *self = FID_SEGMENTATION_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->result);
  g_clear_object (&self->store);
  g_clear_object (&self->analytics);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_SEGMENTATION_PAGE);

  G_OBJECT_CLASS (fid_segmentation_page_parent_class)->dispose (object);
}

static void
fid_segmentation_page_finalize (GObject *object)
{
  FidSegmentationPage *self = FID_SEGMENTATION_PAGE (object);

  g_ptr_array_unref (self->param_rows);
  g_ptr_array_unref (self->param_spins);
  g_ptr_array_unref (self->cost_spins);

  G_OBJECT_CLASS (fid_segmentation_page_parent_class)->finalize (object);
}

static void
fid_segmentation_page_class_init (FidSegmentationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_segmentation_page_dispose;
  object_class->finalize = fid_segmentation_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fidelis/Fidelis/plugins/segmentation/fid-segmentation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, scheme_row);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, as_of_entry);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, window_row);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, window_spin);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, params_group);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, run_button);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, to_row);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, compare_row);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FidSegmentationPage, result_bin);
  gtk_widget_class_bind_template_callback (widget_class, fid_segmentation_page_run);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scheme_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_activated_cb);
}

static void
fid_segmentation_page_init (FidSegmentationPage *self)
{
  g_autoptr(GtkStringList) schemes = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char * const *ids = fid_segmentation_analytics_schemes ();

  self->param_rows = g_ptr_array_new ();
  self->param_spins = g_ptr_array_new ();
  self->cost_spins = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (schemes, fid_segment_scheme_label (ids[i]));
  adw_combo_row_set_model (self->scheme_row, G_LIST_MODEL (schemes));
  gtk_editable_set_text (GTK_EDITABLE (self->as_of_entry), today);
  build_parameters (self);
  on_scheme_selected_cb (self);
  set_running (self, FALSE);
}

GtkWidget *
fid_segmentation_page_new (FidAnalytics *analytics)
{
  FidSegmentationPage *self;

  g_return_val_if_fail (FID_IS_ANALYTICS (analytics), NULL);

  self = g_object_new (FID_TYPE_SEGMENTATION_PAGE, NULL);
  self->analytics = g_object_ref (analytics);
  return GTK_WIDGET (self);
}

void
fid_segmentation_page_set_store (FidSegmentationPage *self,
                                 FidStore            *store)
{
  g_return_if_fail (FID_IS_SEGMENTATION_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->result);
  show_view (self, NULL);
  set_running (self, FALSE);
  reload_snapshots (self);
}

gboolean
fid_segmentation_page_set_scheme (FidSegmentationPage *self,
                                  const char          *scheme)
{
  const char * const *ids = fid_segmentation_analytics_schemes ();

  g_return_val_if_fail (FID_IS_SEGMENTATION_PAGE (self), FALSE);

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], scheme) == 0)
      {
        adw_combo_row_set_selected (self->scheme_row, i);
        return TRUE;
      }
  return FALSE;
}

void
fid_segmentation_page_set_as_of (FidSegmentationPage *self,
                                 const char          *as_of)
{
  g_return_if_fail (FID_IS_SEGMENTATION_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->as_of_entry), as_of);
}

FidAnalyticsResult *
fid_segmentation_page_get_result (FidSegmentationPage *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION_PAGE (self), NULL);
  return self->result;
}

GtkWidget *
fid_segmentation_page_get_view (FidSegmentationPage *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION_PAGE (self), NULL);
  return self->view;
}
