/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidAnalysesPage: run an analysis plugin and look at its result. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-analyses-page.h"
#include "fid-analytics-view.h"

struct _FidAnalysesPage
{
  AdwBin              parent_instance;

  FidStore           *store;
  GPtrArray          *analyses;     /* FidAnalytics, in the combo's order */
  GtkStringList      *names;
  GPtrArray          *param_rows;   /* rows in params_group */
  GPtrArray          *param_specs;  /* GParamSpec, of the selected analysis */
  GPtrArray          *param_widgets;
  GCancellable       *cancellable;
  FidAnalyticsResult *result;
  FidAnalytics       *result_analytics;

  /* Template widgets */
  AdwComboRow        *analysis_row;
  AdwPreferencesGroup *params_group;
  GtkButton          *run_button;
  GtkProgressBar     *progress_bar;
  GtkButton          *cancel_button;
  GtkLabel           *status_label;
  AdwPreferencesGroup *result_group;
  AdwBin             *view_bin;
};

G_DEFINE_FINAL_TYPE (FidAnalysesPage, fid_analyses_page, ADW_TYPE_BIN)

static FidAnalytics *
get_selected (FidAnalysesPage *self)
{
  guint selected = adw_combo_row_get_selected (self->analysis_row);

  return selected < self->analyses->len ? g_ptr_array_index (self->analyses, selected) : NULL;
}

static void
set_running (FidAnalysesPage *self,
             gboolean         running)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->run_button),
                            !running && self->store != NULL && get_selected (self) != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->analysis_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->params_group), !running);
}

static void
set_status (FidAnalysesPage *self,
            const char      *text,
            gboolean         error)
{
  gtk_label_set_text (self->status_label, text ? text : "");
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

/* A row per parameter, from its GParamSpec. */
static void
rebuild_parameters (FidAnalysesPage *self)
{
  FidAnalytics *analytics = get_selected (self);

  for (guint i = 0; i < self->param_rows->len; i++)
    adw_preferences_group_remove (self->params_group, g_ptr_array_index (self->param_rows, i));
  g_ptr_array_set_size (self->param_rows, 0);
  g_ptr_array_set_size (self->param_widgets, 0);
  g_clear_pointer (&self->param_specs, g_ptr_array_unref);

  if (analytics != NULL)
    {
      self->param_specs = fid_analytics_list_parameters (analytics);
      adw_preferences_group_set_description (self->params_group, fid_analytics_get_description (analytics));
    }

  for (guint i = 0; self->param_specs != NULL && i < self->param_specs->len; i++)
    {
      GParamSpec *spec = g_ptr_array_index (self->param_specs, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *widget = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_param_spec_get_nick (spec));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_param_spec_get_blurb (spec));

      if (G_IS_PARAM_SPEC_INT (spec))
        {
          GParamSpecInt *int_spec = G_PARAM_SPEC_INT (spec);

          widget = gtk_spin_button_new_with_range (int_spec->minimum, int_spec->maximum, 1);
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), int_spec->default_value);
        }
      else if (G_IS_PARAM_SPEC_DOUBLE (spec))
        {
          GParamSpecDouble *double_spec = G_PARAM_SPEC_DOUBLE (spec);

          widget = gtk_spin_button_new_with_range (double_spec->minimum, double_spec->maximum, 0.1);
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), double_spec->default_value);
        }
      else if (G_IS_PARAM_SPEC_BOOLEAN (spec))
        {
          widget = gtk_switch_new ();
          gtk_switch_set_active (GTK_SWITCH (widget), G_PARAM_SPEC_BOOLEAN (spec)->default_value);
        }
      else if (G_IS_PARAM_SPEC_STRING (spec))
        {
          widget = gtk_entry_new ();
          gtk_editable_set_text (GTK_EDITABLE (widget), G_PARAM_SPEC_STRING (spec)->default_value ? G_PARAM_SPEC_STRING (spec)->default_value : "");
        }

      if (widget != NULL)
        {
          gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
          /* The row's title names the control for screen readers (the
           * row labels its activatable widget), and activating the row
           * focuses or toggles it. */
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
        }
      adw_preferences_group_add (self->params_group, row);
      g_ptr_array_add (self->param_rows, row);
      g_ptr_array_add (self->param_widgets, widget);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->params_group), analytics != NULL);
}

static GVariant *
collect_parameters (FidAnalysesPage *self)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

  for (guint i = 0; self->param_specs != NULL && i < self->param_specs->len; i++)
    {
      GParamSpec *spec = g_ptr_array_index (self->param_specs, i);
      GtkWidget *widget = g_ptr_array_index (self->param_widgets, i);
      const char *name = g_param_spec_get_name (spec);

      if (G_IS_PARAM_SPEC_INT (spec))
        g_variant_builder_add (&builder, "{sv}", name,
                               g_variant_new_int32 (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget))));
      else if (G_IS_PARAM_SPEC_DOUBLE (spec))
        g_variant_builder_add (&builder, "{sv}", name,
                               g_variant_new_double (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget))));
      else if (G_IS_PARAM_SPEC_BOOLEAN (spec))
        g_variant_builder_add (&builder, "{sv}", name,
                               g_variant_new_boolean (gtk_switch_get_active (GTK_SWITCH (widget))));
      else if (G_IS_PARAM_SPEC_STRING (spec))
        g_variant_builder_add (&builder, "{sv}", name,
                               g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (widget))));
    }

  return g_variant_builder_end (&builder);
}

static void
on_analysis_selected_cb (FidAnalysesPage *self)
{
  rebuild_parameters (self);
  set_running (self, FALSE);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  FidAnalysesPage *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
on_computed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FidAnalysesPage) self = user_data;
  g_autoptr(FidAnalyticsResult) analysis = NULL;
  g_autoptr(GError) error = NULL;
  FidAnalytics *analytics = FID_ANALYTICS (object);
  FidAnalyticsView *view;

  analysis = fid_analytics_compute_finish (analytics, result, &error);
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (analysis == NULL)
    {
      set_status (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                        ? _("Cancelled.") : error->message,
                  !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
      return;
    }

  g_set_object (&self->result, analysis);
  g_set_object (&self->result_analytics, analytics);
  set_status (self, NULL, FALSE);

  view = fid_analytics_view_new (fid_analytics_get_view_type (analytics));
  fid_analytics_view_set_result (view, analysis);
  adw_bin_set_child (self->view_bin, GTK_WIDGET (view));
  adw_preferences_group_set_title (self->result_group, fid_analytics_result_get_title (analysis));
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);
}

static void
on_cancel_clicked_cb (FidAnalysesPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
on_export_response_cb (GtkNativeDialog *native,
                       int              response,
                       FidAnalysesPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->result != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error);
      if (stream != NULL &&
          fid_analytics_result_write_csv (self->result, G_OUTPUT_STREAM (stream), NULL, &error) &&
          g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
        {
          g_autofree char *text = g_strdup_printf (_("Exported to “%s”."), name);

          set_status (self, text, FALSE);
        }
      else
        set_status (self, error->message, TRUE);
    }

  g_object_unref (native);
}

static void
on_export_clicked_cb (FidAnalysesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (self->result == NULL)
    return;

  name = g_strdup_printf ("%s.csv", fid_analytics_get_id (self->result_analytics));
  native = gtk_file_chooser_native_new (_("Export the Result"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  {
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autoptr(GFile) folder = g_file_new_for_path (documents ? documents : g_get_home_dir ());

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  }
  g_signal_connect (native, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
fid_analyses_page_dispose (GObject *object)
{
  FidAnalysesPage *self = FID_ANALYSES_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_ANALYSES_PAGE);
  g_clear_pointer (&self->analyses, g_ptr_array_unref);
  g_clear_pointer (&self->param_rows, g_ptr_array_unref);
  g_clear_pointer (&self->param_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->param_specs, g_ptr_array_unref);
  g_clear_object (&self->names);
  g_clear_object (&self->result);
  g_clear_object (&self->result_analytics);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fid_analyses_page_parent_class)->dispose (object);
}

static void
fid_analyses_page_class_init (FidAnalysesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_analyses_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/plugins/analyses/fid-analyses-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FidAnalysesPage, analysis_row);
  gtk_widget_class_bind_template_child (widget_class, FidAnalysesPage, params_group);
  gtk_widget_class_bind_template_child (widget_class, FidAnalysesPage, run_button);
  gtk_widget_class_bind_template_child (widget_class, FidAnalysesPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FidAnalysesPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FidAnalysesPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, FidAnalysesPage, result_group);
  gtk_widget_class_bind_template_child (widget_class, FidAnalysesPage, view_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_analysis_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, fid_analyses_page_run);
}

static void
fid_analyses_page_init (FidAnalysesPage *self)
{
  self->analyses = g_ptr_array_new_with_free_func (g_object_unref);
  self->param_rows = g_ptr_array_new ();
  self->param_widgets = g_ptr_array_new ();
  self->names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->analysis_row, G_LIST_MODEL (self->names));
  set_running (self, FALSE);
  rebuild_parameters (self);
}

GtkWidget *
fid_analyses_page_new (void)
{
  return g_object_new (FID_TYPE_ANALYSES_PAGE, NULL);
}

void
fid_analyses_page_set_store (FidAnalysesPage *self,
                             FidStore        *store)
{
  g_return_if_fail (FID_IS_ANALYSES_PAGE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->store, store);
  g_clear_object (&self->result);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), FALSE);
  set_status (self, store == NULL ? _("Open a database first.") : NULL, FALSE);
  set_running (self, FALSE);
}

void
fid_analyses_page_add_analytics (FidAnalysesPage *self,
                                 FidAnalytics    *analytics)
{
  g_return_if_fail (FID_IS_ANALYSES_PAGE (self));
  g_return_if_fail (FID_IS_ANALYTICS (analytics));

  g_ptr_array_add (self->analyses, g_object_ref (analytics));
  gtk_string_list_append (self->names, fid_analytics_get_name (analytics));
  rebuild_parameters (self);
  set_running (self, self->cancellable != NULL);
}

void
fid_analyses_page_remove_analytics (FidAnalysesPage *self,
                                    FidAnalytics    *analytics)
{
  guint index;

  g_return_if_fail (FID_IS_ANALYSES_PAGE (self));

  if (!g_ptr_array_find (self->analyses, analytics, &index))
    return;

  if (self->result_analytics == analytics)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->result_group), FALSE);
      adw_bin_set_child (self->view_bin, NULL);
      g_clear_object (&self->result);
      g_clear_object (&self->result_analytics);
    }

  g_ptr_array_remove_index (self->analyses, index);
  gtk_string_list_remove (self->names, index);
  rebuild_parameters (self);
  set_running (self, self->cancellable != NULL);
}

void
fid_analyses_page_run (FidAnalysesPage *self)
{
  FidAnalytics *analytics;

  g_return_if_fail (FID_IS_ANALYSES_PAGE (self));

  analytics = get_selected (self);
  if (analytics == NULL || self->store == NULL || self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  set_running (self, TRUE);
  fid_analytics_compute_async (analytics, self->store, collect_parameters (self),
                               on_progress_cb, g_object_ref (self), g_object_unref,
                               self->cancellable, on_computed_cb, g_object_ref (self));
}

gboolean
fid_analyses_page_select (FidAnalysesPage *self,
                          const char      *id)
{
  g_return_val_if_fail (FID_IS_ANALYSES_PAGE (self), FALSE);

  for (guint i = 0; i < self->analyses->len; i++)
    if (g_strcmp0 (fid_analytics_get_id (g_ptr_array_index (self->analyses, i)), id) == 0)
      {
        adw_combo_row_set_selected (self->analysis_row, i);
        return TRUE;
      }
  return FALSE;
}
