/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The entry form's CSV import and export. The reading, validation and
 * writing are the core's (fid-survey-csv.h); this file chooses the files
 * (GtkFileChooserNative: GTK 4.8 has no GtkFileDialog) and shows the
 * validation report when a file is refused, so that the trainer can fix
 * every bad line at once. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fid-survey-csv.h"
#include "fid-survey-form-private.h"

/* At most this many problems listed; the count says how many there are. */
#define MAX_PROBLEMS_SHOWN 200

static GtkWindow *
parent_window (FidSurveyForm *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_csv_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

/* Fields of the first line: the SERVQUAL weights file has three
 * (respondent, dimension, points), the answers file four. */
static guint
count_header_fields (const char *text)
{
  gboolean quoted = FALSE;
  guint fields = 1;

  for (const char *p = text; *p != '\0' && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == ',' || *p == ';'))
        fields++;
    }
  return fields;
}

static void
show_problems (FidSurveyForm *self,
               GPtrArray     *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *scrolled, *label;

  for (guint i = 0; i < problems->len && i < MAX_PROBLEMS_SHOWN; i++)
    {
      const FidSurveyCsvProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = fid_survey_csv_problem_to_string (problem);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (problem->file == FID_SURVEY_CSV_WEIGHTS)
        /* Translators: a problem of the SERVQUAL weights file: "Weights file: line 3, column 2: …" */
        g_string_append_printf (text, _("Weights file: %s"), line);
      else
        g_string_append (text, line);
    }
  if (problems->len > MAX_PROBLEMS_SHOWN)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("… and %u more"), problems->len - MAX_PROBLEMS_SHOWN);
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The file has %u problem. Correct it and import the file again.",
                                       "The file has %u problems. Correct them and import the file again.",
                                       problems->len), problems->len);
  dialog = adw_message_dialog_new (parent_window (self), _("Nothing Was Imported"), body);
  label = gtk_label_new (text->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_size_request (scrolled, 420, -1);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response_cb (GtkNativeDialog *native,
                       int              response,
                       FidSurveyForm   *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) problems = fid_survey_csv_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *weights = NULL;
  gsize answers_length = 0, weights_length = 0;
  FidStore *store = _fid_survey_form_get_store (self);
  FidSurvey *survey = _fid_survey_form_get_survey (self);
  gboolean servqual = survey != NULL && fid_survey_get_kind (survey) == FID_SURVEY_SERVQUAL;
  guint n_responses = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  if (files == NULL || store == NULL || survey == NULL)
    goto out;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
        {
          _fid_survey_form_set_status (self, error->message, TRUE);
          goto out;
        }
      if (servqual && count_header_fields (contents) == 3 && weights == NULL)
        {
          weights = g_steal_pointer (&contents);
          weights_length = length;
        }
      else if (answers == NULL)
        {
          answers = g_steal_pointer (&contents);
          answers_length = length;
        }
      else
        {
          _fid_survey_form_set_status (self, _("Choose one answers file (and for SERVQUAL, one weights file)"), TRUE);
          goto out;
        }
    }
  if (answers == NULL)
    {
      _fid_survey_form_set_status (self, _("Choose the answers file too: the weights join the answers of the same respondent"), TRUE);
      goto out;
    }

  if (!fid_survey_csv_import (store, fid_survey_get_id (survey), answers, answers_length,
                              weights, weights != NULL ? (gssize) weights_length : 0,
                              problems, &n_responses, &error))
    {
      if (problems->len > 0)
        {
          _fid_survey_form_set_status (self, _("Nothing was imported: the file has problems"), TRUE);
          show_problems (self, problems);
        }
      else
        _fid_survey_form_set_status (self, error != NULL ? error->message : _("Nothing was imported"), TRUE);
      goto out;
    }

  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u response imported",
                                                             "%u responses imported", n_responses),
                                                n_responses);

    _fid_survey_form_set_status (self, message, FALSE);
    _fid_survey_form_responses_changed (self);
  }

out:
  g_object_unref (self);
}

void
_fid_survey_form_import (FidSurveyForm *self)
{
  FidSurvey *survey = _fid_survey_form_get_survey (self);
  gboolean servqual = survey != NULL && fid_survey_get_kind (survey) == FID_SURVEY_SERVQUAL;
  GtkFileChooserNative *native;

  if (survey == NULL)
    return;
  native = gtk_file_chooser_native_new (servqual ? _("Import Answers, and Weights If Any")
                                                 : _("Import Answers"),
                                        parent_window (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  /* SERVQUAL's 100-point weights come in a file of their own. */
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), servqual);
  add_csv_filter (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* "answers.csv" → "answers-weights.csv", in the same folder. */
static GFile *
weights_file_for (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *stem = g_str_has_suffix (name, ".csv") ? g_strndup (name, strlen (name) - 4) : g_strdup (name);
  g_autofree char *weights = g_strconcat (stem, "-weights.csv", NULL);

  return parent != NULL ? g_file_get_child (parent, weights) : g_file_new_for_path (weights);
}

static gboolean
write_text (GFile       *file,
            const char  *text,
            GError     **error)
{
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

static void
on_export_response_cb (GtkNativeDialog *native,
                       int              response,
                       FidSurveyForm   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  FidStore *store = _fid_survey_form_get_store (self);
  FidSurvey *survey = _fid_survey_form_get_survey (self);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  if (file == NULL || store == NULL || survey == NULL)
    goto out;

  answers = fid_survey_csv_export (store, fid_survey_get_id (survey), FID_SURVEY_CSV_ANSWERS, &error);
  if (answers == NULL || !write_text (file, answers, &error))
    {
      _fid_survey_form_set_status (self, error->message, TRUE);
      goto out;
    }
  if (fid_survey_get_kind (survey) == FID_SURVEY_SERVQUAL)
    {
      g_autofree char *weights = fid_survey_csv_export (store, fid_survey_get_id (survey),
                                                        FID_SURVEY_CSV_WEIGHTS, &error);
      const char *newline = weights != NULL ? strchr (weights, '\n') : NULL;

      /* Only when someone gave weights: more than the header line. */
      if (weights == NULL)
        {
          _fid_survey_form_set_status (self, error->message, TRUE);
          goto out;
        }
      if (newline != NULL && newline[1] != '\0')
        {
          g_autoptr(GFile) weights_file = weights_file_for (file);

          if (!write_text (weights_file, weights, &error))
            {
              _fid_survey_form_set_status (self, error->message, TRUE);
              goto out;
            }
        }
    }

  name = g_file_get_basename (file);
  message = g_strdup_printf (_("Exported to “%s”"), name);
  _fid_survey_form_set_status (self, message, FALSE);

out:
  g_object_unref (self);
}

void
_fid_survey_form_export (FidSurveyForm *self)
{
  FidSurvey *survey = _fid_survey_form_get_survey (self);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;

  if (survey == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Export Answers"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* The title as the file's name, without what a file name cannot hold. */
  name = g_strdup_printf ("%s.csv", fid_survey_get_title (survey));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  add_csv_filter (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
