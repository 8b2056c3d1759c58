/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSurveysPage: the list of surveys and, for the selected one, its
 * designer, entry form and results. The page owns the survey as read from
 * the store and hands it to the three parts again after every change, so
 * they never disagree about its items or responses. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "fid-format.h"
#include "fid-store-surveys.h"
#include "fid-surveys-page.h"
#include "fid-window.h"

struct _FidSurveysPage
{
  AdwBin             parent_instance;

  FidStore          *store;
  FidSurvey         *survey;        /* the selected one, with its items */
  gboolean           filling;       /* the list is being rebuilt */

  /* Template widgets */
  GtkListBox        *survey_list;
  GtkStack          *stack;
  GtkLabel          *title_label;
  GtkLabel          *kind_label;
  AdwViewStack      *view_stack;
  FidSurveyDesigner *designer;
  FidSurveyForm     *form;
  FidSurveyResults  *preview;
  FidSurveyResults  *results;
  GtkScrolledWindow *results_scrolled;
};

G_DEFINE_FINAL_TYPE (FidSurveysPage, fid_surveys_page, ADW_TYPE_BIN)

static const char *
kind_icon (FidSurveyKind kind)
{
  switch (kind)
    {
    case FID_SURVEY_KANO:
      return "semi-starred-symbolic";
    case FID_SURVEY_SERVQUAL:
      return "view-list-ordered-symbolic";
    case FID_SURVEY_NPS:
      return "emblem-favorite-symbolic";
    case FID_SURVEY_CSAT:
      return "face-smile-symbolic";
    case FID_SURVEY_CES:
    case FID_SURVEY_N_KINDS:
    default:
      return "face-plain-symbolic";
    }
}

static char *
survey_subtitle (FidSurvey *survey)
{
  gint64 n = fid_survey_get_n_responses (survey);
  g_autofree char *count = fid_format_count (n);
  /* Translators: under a survey's title: "Kano · 20 responses" */
  g_autofree char *responses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s response", "%s responses",
                                                             (gulong) MAX (n, 0)), count);

  return g_strdup_printf ("%s · %s", fid_survey_kind_get_name (fid_survey_get_kind (survey)), responses);
}

static void
show_error (FidSurveysPage *self,
            const GError   *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  if (FID_IS_WINDOW (root))
    fid_window_add_toast (FID_WINDOW (root), adw_toast_new (escaped));
  else
    g_warning ("%s", error->message);
}

static GtkWidget *
new_survey_row (FidSurvey *survey)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon (fid_survey_get_kind (survey)));
  GtkWidget *title = gtk_label_new (fid_survey_get_title (survey));
  g_autofree char *text = survey_subtitle (survey);
  GtkWidget *subtitle = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "survey", g_object_ref (survey), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fid_survey_get_title (survey), -1);
  return row;
}

static gint64
row_survey_id (GtkListBoxRow *row)
{
  FidSurvey *survey = row != NULL ? g_object_get_data (G_OBJECT (row), "survey") : NULL;

  return survey != NULL ? fid_survey_get_id (survey) : 0;
}

static GtkListBoxRow *
find_row (FidSurveysPage *self,
          gint64          survey_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->survey_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && row_survey_id (GTK_LIST_BOX_ROW (child)) == survey_id)
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

/* Reads the selected survey again and gives it to every part. */
static void
load_survey (FidSurveysPage *self,
             gint64          survey_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSurvey) survey = NULL;
  gboolean same = self->survey != NULL && fid_survey_get_id (self->survey) == survey_id;

  if (self->store != NULL && survey_id != 0)
    {
      survey = fid_store_get_survey (self->store, survey_id, &error);
      if (survey == NULL)
        show_error (self, error);
    }
  g_set_object (&self->survey, survey);

  gtk_stack_set_visible_child_name (self->stack, survey != NULL ? "survey" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surveys.rename", survey != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surveys.delete", survey != NULL);
  if (survey != NULL)
    {
      GtkListBoxRow *row = find_row (self, survey_id);
      FidSurvey *listed = row != NULL ? g_object_get_data (G_OBJECT (row), "survey") : NULL;
      g_autofree char *subtitle = survey_subtitle (listed != NULL ? listed : survey);

      gtk_label_set_text (self->title_label, fid_survey_get_title (survey));
      gtk_label_set_text (self->kind_label, subtitle);
    }

  fid_survey_designer_set_survey (self->designer, self->store, survey);
  /* The form keeps what is being typed unless the survey changed; another
   * survey's results start at their top. */
  if (!same || survey == NULL)
    {
      fid_survey_form_set_survey (self->form, self->store, survey);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->results_scrolled), 0);
    }
  fid_survey_results_update (self->preview, self->store, survey);
  fid_survey_results_update (self->results, self->store, survey);
}

/* Rebuilds the list (titles and counts change) and keeps the selection. */
static void
reload_list (FidSurveysPage *self,
             gint64          select_id)
{
  g_autoptr(GPtrArray) surveys = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GtkListBoxRow *row;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->survey_list))) != NULL)
    gtk_list_box_remove (self->survey_list, child);

  if (self->store != NULL)
    {
      surveys = fid_store_list_surveys (self->store, &error);
      if (surveys == NULL)
        show_error (self, error);
    }
  for (guint i = 0; surveys != NULL && i < surveys->len; i++)
    gtk_list_box_append (self->survey_list, new_survey_row (g_ptr_array_index (surveys, i)));

  row = select_id != 0 ? find_row (self, select_id) : NULL;
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->survey_list, 0);
  gtk_list_box_select_row (self->survey_list, row);
  self->filling = FALSE;
  load_survey (self, row_survey_id (row));
}

static void
on_survey_selected_cb (FidSurveysPage *self,
                       GtkListBoxRow  *row)
{
  gint64 id = row_survey_id (row);

  if (self->filling)
    return;
  if (self->survey != NULL && fid_survey_get_id (self->survey) == id)
    return;
  load_survey (self, id);
}

static void
tell_window (FidSurveysPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* NPS and CSAT answers of customers show in their 360 view. */
  if (FID_IS_WINDOW (root))
    fid_window_data_changed (FID_WINDOW (root));
}

static void
on_form_saved_cb (FidSurveysPage *self)
{
  reload_list (self, fid_surveys_page_get_survey_id (self));
  tell_window (self);
}

static void
on_designer_changed_cb (FidSurveysPage *self)
{
  gint64 id = fid_surveys_page_get_survey_id (self);

  /* Items changed: the form's rows must follow. */
  g_clear_object (&self->survey);
  reload_list (self, id);
}

/* Actions ----------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FidSurveysPage *self = FID_SURVEYS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  FidSurveyKind kind;

  if (!fid_survey_kind_from_key (g_variant_get_string (parameter, NULL), &kind))
    return;
  if (fid_surveys_page_create_survey (self, kind, NULL, &error) == 0)
    show_error (self, error);
}

static void
on_rename_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       FidSurveysPage   *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;
  gint64 id = fid_surveys_page_get_survey_id (self);

  if (g_strcmp0 (response, "rename") != 0 || id == 0 || self->store == NULL)
    return;
  if (!fid_store_rename_survey (self->store, id, gtk_editable_get_text (entry), &error))
    {
      show_error (self, error);
      return;
    }
  g_clear_object (&self->survey);
  reload_list (self, id);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FidSurveysPage *self = FID_SURVEYS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *entry;

  if (self->survey == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Rename the Survey"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), fid_survey_get_title (self->survey));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       FidSurveysPage   *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "survey-id"));

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL)
    return;
  if (!fid_store_delete_survey (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }
  g_clear_object (&self->survey);
  reload_list (self, 0);
  tell_window (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FidSurveysPage *self = FID_SURVEYS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  gint64 n;
  GtkWidget *dialog;

  if (self->survey == NULL)
    return;

  n = fid_survey_get_n_responses (self->survey);
  heading = g_strdup_printf (_("Delete “%s”?"), fid_survey_get_title (self->survey));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its questions and its %" PRId64 " response will be deleted. This cannot be undone.",
                                       "Its questions and its %" PRId64 " responses will be deleted. This cannot be undone.",
                                       (gulong) MAX (n, 0)), n);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "survey-id", GSIZE_TO_POINTER (fid_survey_get_id (self->survey)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fid_surveys_page_dispose (GObject *object)
{
  FidSurveysPage *self = FID_SURVEYS_PAGE (object);

  /* Destroying the list unselects its row: nothing must load then. */
  if (self->survey_list != NULL)
    g_signal_handlers_disconnect_by_data (self->survey_list, self);
  g_clear_object (&self->survey);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_SURVEYS_PAGE);

  G_OBJECT_CLASS (fid_surveys_page_parent_class)->dispose (object);
}

static void
fid_surveys_page_class_init (FidSurveysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_surveys_page_dispose;

  g_type_ensure (FID_TYPE_SURVEY_DESIGNER);
  g_type_ensure (FID_TYPE_SURVEY_FORM);
  g_type_ensure (FID_TYPE_SURVEY_RESULTS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fidelis/Fidelis/plugins/surveys/fid-surveys-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FidSurveysPage, survey_list);
  gtk_widget_class_bind_template_child (widget_class, FidSurveysPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FidSurveysPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FidSurveysPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, FidSurveysPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FidSurveysPage, designer);
  gtk_widget_class_bind_template_child (widget_class, FidSurveysPage, form);
  gtk_widget_class_bind_template_child (widget_class, FidSurveysPage, preview);
  gtk_widget_class_bind_template_child (widget_class, FidSurveysPage, results);
  gtk_widget_class_bind_template_child (widget_class, FidSurveysPage, results_scrolled);
  gtk_widget_class_bind_template_callback (widget_class, on_survey_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_form_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_designer_changed_cb);

  gtk_widget_class_install_action (widget_class, "surveys.new", "s", new_action);
  gtk_widget_class_install_action (widget_class, "surveys.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "surveys.delete", NULL, delete_action);
}

static void
fid_surveys_page_init (FidSurveysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surveys.rename", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surveys.delete", FALSE);
}

GtkWidget *
fid_surveys_page_new (void)
{
  return g_object_new (FID_TYPE_SURVEYS_PAGE, NULL);
}

void
fid_surveys_page_set_store (FidSurveysPage *self,
                            FidStore       *store)
{
  g_return_if_fail (FID_IS_SURVEYS_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_object (&self->survey);
  gtk_widget_set_sensitive (GTK_WIDGET (self), store != NULL);
  reload_list (self, 0);
}

gint64
fid_surveys_page_create_survey (FidSurveysPage *self,
                                FidSurveyKind   kind,
                                const char     *title,
                                GError        **error)
{
  gint64 id;

  g_return_val_if_fail (FID_IS_SURVEYS_PAGE (self), 0);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No bank is open"));
      return 0;
    }
  id = fid_store_create_survey (self->store, kind, title, error);
  if (id == 0)
    return 0;
  g_clear_object (&self->survey);
  reload_list (self, id);
  adw_view_stack_set_visible_child_name (self->view_stack, "design");
  return id;
}

gboolean
fid_surveys_page_select_survey (FidSurveysPage *self,
                                gint64          survey_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (FID_IS_SURVEYS_PAGE (self), FALSE);

  row = find_row (self, survey_id);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->survey_list, row);
  return TRUE;
}

gint64
fid_surveys_page_get_survey_id (FidSurveysPage *self)
{
  g_return_val_if_fail (FID_IS_SURVEYS_PAGE (self), 0);
  return self->survey != NULL ? fid_survey_get_id (self->survey) : 0;
}

void
fid_surveys_page_show_view (FidSurveysPage *self,
                            const char     *name)
{
  g_return_if_fail (FID_IS_SURVEYS_PAGE (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

FidSurveyDesigner *
fid_surveys_page_get_designer (FidSurveysPage *self)
{
  g_return_val_if_fail (FID_IS_SURVEYS_PAGE (self), NULL);
  return self->designer;
}

FidSurveyForm *
fid_surveys_page_get_form (FidSurveysPage *self)
{
  g_return_val_if_fail (FID_IS_SURVEYS_PAGE (self), NULL);
  return self->form;
}

FidSurveyResults *
fid_surveys_page_get_results (FidSurveysPage *self)
{
  g_return_val_if_fail (FID_IS_SURVEYS_PAGE (self), NULL);
  return self->results;
}

FidSurveyResults *
fid_surveys_page_get_preview (FidSurveysPage *self)
{
  g_return_val_if_fail (FID_IS_SURVEYS_PAGE (self), NULL);
  return self->preview;
}
