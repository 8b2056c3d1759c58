/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSurveyForm: one box per answer, in reading order so that Tab walks
 * them row by row. Boxes are small plain entries rather than
 * spin buttons: a blank box means "not answered" (a spin button always
 * holds a number), and typing a digit replaces nothing by surprise. The
 * form does not check ranges itself: the store's validation is the one
 * rule, and its message is what the trainer reads. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "fid-format.h"
#include "fid-servqual.h"
#include "fid-store-surveys.h"
#include "fid-survey-form-private.h"

#define MAX_CUSTOMERS 5

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FidSurveyForm, fid_survey_form, ADW_TYPE_BIN)

static void
input_free (Input *input)
{
  g_clear_object (&input->item);
  g_free (input->name);
  g_free (input);
}

void
_fid_survey_form_set_status (FidSurveyForm *self,
                             const char    *text,
                             gboolean       error)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  g_clear_pointer (&self->error, g_free);
  if (error)
    {
      self->error = g_strdup (text);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
}

FidStore *
_fid_survey_form_get_store (FidSurveyForm *self)
{
  return self->store;
}

FidSurvey *
_fid_survey_form_get_survey (FidSurveyForm *self)
{
  return self->survey;
}

void
_fid_survey_form_responses_changed (FidSurveyForm *self)
{
  g_signal_emit (self, signals[SAVED], 0);
}

static void
update_actions (FidSurveyForm *self)
{
  gboolean ready = self->store != NULL && self->survey != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.import", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.export", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.undo", ready && self->last_response_id != 0);
}

/* Customer ---------------------------------------------------------------- */

static void
clear_customer_results (FidSurveyForm *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->customer_list))) != NULL)
    gtk_list_box_remove (self->customer_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_list), FALSE);
}

static void
set_customer (FidSurveyForm *self,
              FidCustomer   *customer)
{
  g_autofree char *name = customer != NULL ? fid_customer_dup_display_name (customer) : NULL;

  self->customer_id = customer != NULL ? fid_customer_get_id (customer) : 0;
  g_free (self->customer_name);
  self->customer_name = g_strdup (name != NULL ? name : "");
  /* Setting the text empties the entry first, which GtkSearchEntry
   * reports at once: not a change of the user's. */
  self->setting_customer = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->customer_entry), self->customer_name);
  self->setting_customer = FALSE;
  clear_customer_results (self);
  if (customer != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Linked to customer no. %" PRId64), self->customer_id);

      gtk_label_set_text (self->customer_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->customer_label), customer != NULL);
}

static void
on_customer_changed_cb (FidSurveyForm *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_entry));
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GError) error = NULL;

  /* GtkSearchEntry reports changes after a delay: the name just set by
   * picking a customer comes back here, and must not unlink it. */
  if (self->setting_customer || g_strcmp0 (text, self->customer_name) == 0)
    return;
  /* Typing again unlinks: the link is only ever the customer shown. */
  self->customer_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->customer_label), FALSE);
  clear_customer_results (self);
  if (self->store == NULL || g_utf8_strlen (text, -1) < 2)
    return;

  customers = fid_store_search_customers (self->store, text, MAX_CUSTOMERS, &error);
  if (customers == NULL)
    {
      _fid_survey_form_set_status (self, error->message, TRUE);
      return;
    }
  for (guint i = 0; i < customers->len; i++)
    {
      FidCustomer *customer = g_ptr_array_index (customers, i);
      g_autofree char *name = fid_customer_dup_display_name (customer);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (fid_customer_get_city (customer) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fid_customer_get_city (customer));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "customer", g_object_ref (customer), g_object_unref);
      gtk_list_box_append (self->customer_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->customer_list), customers->len > 0);
}

static void
on_customer_row_activated_cb (FidSurveyForm *self,
                              GtkListBoxRow *row)
{
  set_customer (self, g_object_get_data (G_OBJECT (row), "customer"));
  gtk_widget_grab_focus (GTK_WIDGET (self->customer_entry));
}

/* Enter takes the first match, so "mart⏎" is enough. */
static void
on_customer_activate_cb (FidSurveyForm *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->customer_list, 0);

  if (first != NULL && gtk_widget_get_visible (GTK_WIDGET (self->customer_list)))
    set_customer (self, g_object_get_data (G_OBJECT (first), "customer"));
  else
    gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self))), GTK_DIR_TAB_FORWARD);
}

static void
on_mode_toggled_cb (FidSurveyForm *self)
{
  _fid_survey_form_update_mode (self);
}

/* Saving -------------------------------------------------------------------- */

static void
focus_first_answer (FidSurveyForm *self)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);

      if (gtk_widget_get_visible (GTK_WIDGET (input->entry)))
        {
          gtk_widget_grab_focus (GTK_WIDGET (input->entry));
          return;
        }
    }
}

/* "R7" after "R6", "008" after "007"; nothing after a name. */
static char *
next_respondent (const char *respondent)
{
  gsize len = respondent != NULL ? strlen (respondent) : 0;
  gsize start = len;
  guint64 number;
  g_autofree char *digits = NULL;

  while (start > 0 && g_ascii_isdigit (respondent[start - 1]))
    start--;
  if (start == len || len - start > 9)
    return g_strdup ("");
  number = g_ascii_strtoull (respondent + start, NULL, 10) + 1;
  digits = g_strdup_printf ("%0*" G_GUINT64_FORMAT, (int) (len - start), number);
  return g_strdup_printf ("%.*s%s", (int) start, respondent, digits);
}

static void
clear_answers (FidSurveyForm *self)
{
  for (guint i = 0; i < self->inputs->len; i++)
    gtk_editable_set_text (((Input *) g_ptr_array_index (self->inputs, i))->entry, "");
}

/* Whether @widget shows in the form: the boxes of the other mode and the
 * weights of a management response are hidden and not saved. */
static gboolean
shown_in_form (FidSurveyForm *self,
               GtkWidget     *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;
  return widget != NULL;
}

static gboolean
fail (FidSurveyForm *self,
      GtkEditable   *entry,
      const char    *message)
{
  _fid_survey_form_set_status (self, message, TRUE);
  if (entry != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (entry));
    }
  return FALSE;
}

gboolean
fid_survey_form_save (FidSurveyForm *self)
{
  g_autoptr(FidSurveyResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *respondent = NULL;
  const char *date;
  g_autofree char *message = NULL;

  g_return_val_if_fail (FID_IS_SURVEY_FORM (self), FALSE);

  if (self->store == NULL || self->survey == NULL)
    return FALSE;

  response = fid_survey_response_new (fid_survey_get_id (self->survey));
  respondent = g_strstrip (g_strdup (gtk_editable_get_text (self->respondent_entry)));
  if (respondent[0] != '\0')
    response->respondent = g_strdup (respondent);
  response->customer_id = self->customer_id;

  date = gtk_editable_get_text (self->date_entry);
  if (date[0] != '\0')
    {
      GDate parsed;

      if (!fid_format_parse_date (date, &parsed))
        {
          message = g_strdup_printf (_("“%s” is not a date"), date);
          return fail (self, self->date_entry, message);
        }
      response->answered_at = fid_format_date_to_iso (&parsed);
    }

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (input->entry)));
      gint64 value;

      if (!shown_in_form (self, GTK_WIDGET (input->entry)) || text[0] == '\0')
        continue;
      if (!g_ascii_string_to_signed (text, 10, -1000, 1000, &value, NULL))
        {
          /* Translators: "“x” is not a number (Online booking, functional)" */
          message = g_strdup_printf (_("“%s” is not a number (%s)"), text, input->name);
          return fail (self, input->entry, message);
        }
      fid_survey_response_add_answer (response, fid_survey_item_get_id (input->item), input->part, (int) value);
    }

  if (!fid_store_add_survey_response (self->store, response, &error))
    return fail (self, NULL, error->message);

  self->last_response_id = response->id;
  g_free (self->last_respondent);
  self->last_respondent = g_strdup (respondent);
  if (respondent[0] != '\0')
    /* Translators: after saving: "Respondent R6 saved" */
    message = g_strdup_printf (_("Respondent %s saved"), respondent);
  _fid_survey_form_set_status (self, message != NULL ? message : _("Response saved"), FALSE);

  {
    g_autofree char *next = next_respondent (respondent);

    gtk_editable_set_text (self->respondent_entry, next);
  }
  clear_answers (self);
  set_customer (self, NULL);
  update_actions (self);
  focus_first_answer (self);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fid_survey_form_save (FID_SURVEY_FORM (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FidSurveyForm *self = FID_SURVEY_FORM (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->store == NULL || self->last_response_id == 0)
    return;
  if (!fid_store_delete_survey_response (self->store, self->last_response_id, &error))
    {
      _fid_survey_form_set_status (self, error->message, TRUE);
      return;
    }
  self->last_response_id = 0;
  if (self->last_respondent != NULL && self->last_respondent[0] != '\0')
    {
      message = g_strdup_printf (_("Respondent %s removed"), self->last_respondent);
      /* Typing it again is what comes next. */
      gtk_editable_set_text (self->respondent_entry, self->last_respondent);
    }
  _fid_survey_form_set_status (self, message != NULL ? message : _("Response removed"), FALSE);
  update_actions (self);
  g_signal_emit (self, signals[SAVED], 0);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _fid_survey_form_import (FID_SURVEY_FORM (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _fid_survey_form_export (FID_SURVEY_FORM (widget));
}

static void
fid_survey_form_dispose (GObject *object)
{
  FidSurveyForm *self = FID_SURVEY_FORM (object);

  g_clear_object (&self->store);
  g_clear_object (&self->survey);
  if (self->inputs != NULL)
    g_ptr_array_set_size (self->inputs, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_SURVEY_FORM);

  G_OBJECT_CLASS (fid_survey_form_parent_class)->dispose (object);
}

static void
fid_survey_form_finalize (GObject *object)
{
  FidSurveyForm *self = FID_SURVEY_FORM (object);

  g_ptr_array_unref (self->inputs);
  g_ptr_array_unref (self->headers);
  g_free (self->last_respondent);
  g_free (self->customer_name);
  g_free (self->error);

  G_OBJECT_CLASS (fid_survey_form_parent_class)->finalize (object);
}

static void
fid_survey_form_class_init (FidSurveyFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_survey_form_dispose;
  object_class->finalize = fid_survey_form_finalize;

  /* FidSurveyForm::saved: the survey's responses changed (a response was
   * saved, removed or imported). */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fidelis/Fidelis/plugins/surveys/fid-survey-form.ui");
  gtk_widget_class_bind_template_child (widget_class, FidSurveyForm, respondent_entry);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyForm, customer_entry);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyForm, customer_list);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyForm, customer_label);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyForm, date_entry);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyForm, importance_check);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyForm, management_check);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyForm, scale_label);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyForm, answers_grid);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyForm, weights_box);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyForm, weights_grid);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyForm, status_label);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_entry_activate_cb",
                                                G_CALLBACK (_fid_survey_form_move_on));
  gtk_widget_class_bind_template_callback (widget_class, on_customer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled_cb);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "form.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "form.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "form.export", NULL, export_action);
  /* Ctrl+Enter from any box of the form; a plain Enter moves on. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, GDK_CONTROL_MASK, "form.save", NULL);
}

static void
fid_survey_form_init (FidSurveyForm *self)
{
  self->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) input_free);
  self->headers = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  _fid_survey_form_set_status (self, NULL, FALSE);
  _fid_survey_form_build (self);
  update_actions (self);
}

void
fid_survey_form_set_survey (FidSurveyForm *self,
                            FidStore      *store,
                            FidSurvey     *survey)
{
  g_return_if_fail (FID_IS_SURVEY_FORM (self));

  g_set_object (&self->store, store);
  g_set_object (&self->survey, survey);
  self->last_response_id = 0;
  g_clear_pointer (&self->last_respondent, g_free);
  gtk_check_button_set_active (self->management_check, FALSE);
  set_customer (self, NULL);
  _fid_survey_form_set_status (self, NULL, FALSE);
  {
    /* The next respondent's number: a trainer numbers the sheets. */
    g_autofree char *next = survey != NULL
                            ? g_strdup_printf ("%" PRId64, fid_survey_get_n_responses (survey) + 1)
                            : g_strdup ("");

    gtk_editable_set_text (self->respondent_entry, next);
  }
  _fid_survey_form_build (self);
  update_actions (self);
}

void
fid_survey_form_set_respondent (FidSurveyForm *self,
                                const char    *respondent)
{
  g_return_if_fail (FID_IS_SURVEY_FORM (self));
  gtk_editable_set_text (self->respondent_entry, respondent != NULL ? respondent : "");
}

gboolean
fid_survey_form_set_answer (FidSurveyForm *self,
                            guint          index,
                            FidSurveyPart  part,
                            const char    *text)
{
  GPtrArray *items;
  FidSurveyItem *item;

  g_return_val_if_fail (FID_IS_SURVEY_FORM (self), FALSE);

  items = self->survey != NULL ? fid_survey_get_items (self->survey) : NULL;
  if (items == NULL || index >= items->len)
    return FALSE;
  item = g_ptr_array_index (items, index);
  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);

      if (input->part == part && fid_survey_item_get_id (input->item) == fid_survey_item_get_id (item))
        {
          gtk_editable_set_text (input->entry, text != NULL ? text : "");
          return TRUE;
        }
    }
  return FALSE;
}

void
fid_survey_form_set_management (FidSurveyForm *self,
                                gboolean       management)
{
  g_return_if_fail (FID_IS_SURVEY_FORM (self));
  gtk_check_button_set_active (self->management_check, management);
}

const char *
fid_survey_form_get_error (FidSurveyForm *self)
{
  g_return_val_if_fail (FID_IS_SURVEY_FORM (self), NULL);
  return self->error;
}
