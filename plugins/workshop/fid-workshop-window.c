/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The projector view of a live workshop: see fid-workshop-window.h. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-qr-code.h"
#include "fid-store-surveys.h"
#include "fid-survey-csv.h"
#include "surveys/fid-survey-results.h"
#include "fid-workshop-window.h"

struct _FidWorkshopWindow
{
  AdwWindow          parent_instance;

  FidWindow         *parent;        /* weak: told when data changes */
  FidWorkshopServer *server;
  FidSurvey         *survey;
  gboolean           kept;
  gboolean           closing;       /* the question was answered: close for real */
  guint              refresh_id;

  AdwToastOverlay   *toasts;
  AdwWindowTitle    *window_title;
  GtkDrawingArea    *qr_area;
  GtkLabel          *url_label;
  GtkLabel          *network_label;
  GtkLabel          *count_label;
  FidSurveyResults  *results;
};

G_DEFINE_FINAL_TYPE (FidWorkshopWindow, fid_workshop_window, ADW_TYPE_WINDOW)

static FidStore *
get_store (FidWorkshopWindow *self)
{
  return self->parent != NULL ? fid_window_get_store (self->parent) : NULL;
}

static void
toast (FidWorkshopWindow *self,
       const char        *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
}

static void
update_count (FidWorkshopWindow *self)
{
  guint n = fid_workshop_server_get_n_responses (self->server);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent", "%u respondents", n), n);

  gtk_label_set_text (self->count_label, text);
}

/* Redraws the charts from the store: answers come in bursts when a class
 * presses Send together, so a burst is read once, 300 ms after its last
 * answer. */
static gboolean
refresh_cb (gpointer user_data)
{
  FidWorkshopWindow *self = user_data;
  FidStore *store = get_store (self);

  self->refresh_id = 0;
  if (store != NULL)
    fid_survey_results_update (self->results, store, self->survey);
  return G_SOURCE_REMOVE;
}

static void
response_added_cb (FidWorkshopServer *server,
                   gint64             response_id,
                   FidWorkshopWindow *self)
{
  update_count (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (300, refresh_cb, self);
  if (self->parent != NULL)
    fid_window_data_changed (self->parent);
}

static void
draw_qr (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  FidWorkshopWindow *self = user_data;
  const char *url = fid_workshop_server_get_url (self->server);

  if (url != NULL)
    fid_qr_code_paint (cr, url, 0, 0, MIN (width, height));
}

/* Actions */

static void
reset_response_cb (AdwMessageDialog  *dialog,
                   const char        *response,
                   FidWorkshopWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reset") != 0)
    return;
  if (!fid_workshop_server_reset (self->server, &error))
    toast (self, error->message);
  else
    toast (self, _("Answers deleted: the class can answer again"));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FidWorkshopWindow *self = FID_WORKSHOP_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete the Class’s Answers?"),
                                                       _("The chart starts again from zero and every phone can answer again.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reset", _("_Delete Answers"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (reset_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
keep_as (FidWorkshopWindow *self,
         const char        *name)
{
  g_autoptr(GError) error = NULL;
  FidStore *store = get_store (self);

  if (store == NULL ||
      !fid_store_rename_survey (store, fid_survey_get_id (self->survey), name, &error))
    {
      toast (self, error != NULL ? error->message : _("No database is open"));
      return FALSE;
    }
  fid_survey_set_title (self->survey, name);
  adw_window_title_set_subtitle (self->window_title, name);
  self->kept = TRUE;
  if (self->parent != NULL)
    fid_window_data_changed (self->parent);
  return TRUE;
}

static void
keep_response_cb (AdwMessageDialog  *dialog,
                  const char        *response,
                  FidWorkshopWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_strcmp0 (response, "keep") == 0 && keep_as (self, gtk_editable_get_text (entry)))
    toast (self, _("Session kept: it is in the Surveys page under its name"));
}

static void
keep_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FidWorkshopWindow *self = FID_WORKSHOP_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), fid_survey_get_title (self->survey));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Session name"), -1);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Keep the Session"),
                                                       _("The class’s answers stay in a survey of this name, "
                                                         "in the Surveys page, after the workshop ends.")));
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "keep", _("_Keep"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (keep_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog   *native,
                    int                response,
                    FidWorkshopWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  FidStore *store = get_store (self);

  if (response == GTK_RESPONSE_ACCEPT && store != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      csv = fid_survey_csv_export (store, fid_survey_get_id (self->survey), FID_SURVEY_CSV_ANSWERS, &error);
      if (csv == NULL ||
          !g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        toast (self, error->message);
      else
        toast (self, _("Answers exported"));
    }
  g_object_unref (native);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FidWorkshopWindow *self = FID_WORKSHOP_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = g_strdup_printf ("%s.csv", fid_survey_get_title (self->survey));

  g_strdelimit (name, "/\\:", '-');
  native = gtk_file_chooser_native_new (_("Export the Answers"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

/* Closing */

/* Stops the server and, when the session was not kept, deletes its
 * survey: an unkept workshop leaves nothing behind. */
static void
finish (FidWorkshopWindow *self,
        gboolean           keep)
{
  FidStore *store = get_store (self);
  g_autoptr(GError) error = NULL;

  fid_workshop_server_stop (self->server);
  if (!keep && store != NULL && !fid_store_delete_survey (store, fid_survey_get_id (self->survey), &error))
    g_warning ("Could not delete the workshop's survey: %s", error->message);
  if (self->parent != NULL)
    fid_window_data_changed (self->parent);
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
close_response_cb (AdwMessageDialog  *dialog,
                   const char        *response,
                   FidWorkshopWindow *self)
{
  if (g_strcmp0 (response, "keep") == 0)
    finish (self, TRUE);
  else if (g_strcmp0 (response, "discard") == 0)
    finish (self, FALSE);
}

static gboolean
fid_workshop_window_close_request (GtkWindow *window)
{
  FidWorkshopWindow *self = FID_WORKSHOP_WINDOW (window);
  AdwMessageDialog *dialog;

  if (self->closing)
    return FALSE;
  if (self->kept || fid_workshop_server_get_n_responses (self->server) == 0)
    {
      finish (self, self->kept);
      return TRUE;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Keep the Class’s Answers?"),
                                                       _("The workshop ends and its address stops answering. "
                                                         "Kept answers stay in the Surveys page; discarded ones are deleted.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "keep", _("_Keep"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
fid_workshop_window_dispose (GObject *object)
{
  FidWorkshopWindow *self = FID_WORKSHOP_WINDOW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->server != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->server, self);
      fid_workshop_server_stop (self->server);
      g_clear_object (&self->server);
    }
  g_clear_object (&self->survey);
  g_clear_weak_pointer (&self->parent);
  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_WORKSHOP_WINDOW);

  G_OBJECT_CLASS (fid_workshop_window_parent_class)->dispose (object);
}

static void
fid_workshop_window_class_init (FidWorkshopWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fid_workshop_window_dispose;
  window_class->close_request = fid_workshop_window_close_request;

  g_type_ensure (FID_TYPE_SURVEY_RESULTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fidelis/Fidelis/plugins/workshop/fid-workshop-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FidWorkshopWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, FidWorkshopWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FidWorkshopWindow, qr_area);
  gtk_widget_class_bind_template_child (widget_class, FidWorkshopWindow, url_label);
  gtk_widget_class_bind_template_child (widget_class, FidWorkshopWindow, network_label);
  gtk_widget_class_bind_template_child (widget_class, FidWorkshopWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, FidWorkshopWindow, results);

  gtk_widget_class_install_action (widget_class, "workshop.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "workshop.keep", NULL, keep_action);
  gtk_widget_class_install_action (widget_class, "workshop.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "workshop.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "workshop.fullscreen", NULL);
}

static void
fid_workshop_window_init (FidWorkshopWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->qr_area, draw_qr, self, NULL);
  /* The answers come from the phones, not from typing them in. */
  fid_survey_results_set_empty_text (self->results, _("Waiting for the class’s answers: scan the code to answer"));
}

FidWorkshopWindow *
fid_workshop_window_new (FidWindow         *parent,
                         FidWorkshopServer *server,
                         const char        *network_name)
{
  FidWorkshopWindow *self;
  FidStore *store = fid_window_get_store (parent);
  g_autoptr(GError) error = NULL;
  g_autofree char *network = NULL;

  g_return_val_if_fail (FID_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (fid_workshop_server_is_running (server), NULL);

  self = g_object_new (FID_TYPE_WORKSHOP_WINDOW, "transient-for", NULL,
                       "application", gtk_window_get_application (GTK_WINDOW (parent)), NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->server = g_object_ref (server);
  self->survey = fid_store_get_survey (store, fid_workshop_server_get_survey_id (server), &error);
  if (self->survey == NULL)
    g_warning ("The workshop's survey is gone: %s", error->message);
  else
    adw_window_title_set_subtitle (self->window_title, fid_survey_get_title (self->survey));

  gtk_label_set_text (self->url_label, fid_workshop_server_get_url (server));
  if (g_strcmp0 (network_name, "lo") == 0)
    network = g_strdup (_("This computer only: phones cannot reach this address. Pick the Wi-Fi network to let the class in."));
  else
    network = g_strdup_printf (_("Phones must be on the same network as this computer (%s)."), network_name);
  gtk_label_set_text (self->network_label, network);
  update_count (self);
  g_signal_connect (server, "response-added", G_CALLBACK (response_added_cb), self);
  if (self->survey != NULL)
    fid_survey_results_update (self->results, store, self->survey);
  return self;
}

FidWorkshopServer *
fid_workshop_window_get_server (FidWorkshopWindow *self)
{
  g_return_val_if_fail (FID_IS_WORKSHOP_WINDOW (self), NULL);
  return self->server;
}

GtkWidget *
fid_workshop_window_get_results (FidWorkshopWindow *self)
{
  g_return_val_if_fail (FID_IS_WORKSHOP_WINDOW (self), NULL);
  return GTK_WIDGET (self->results);
}

const char *
fid_workshop_window_get_count_text (FidWorkshopWindow *self)
{
  g_return_val_if_fail (FID_IS_WORKSHOP_WINDOW (self), NULL);
  return gtk_label_get_text (self->count_label);
}

gboolean
fid_workshop_window_get_kept (FidWorkshopWindow *self)
{
  g_return_val_if_fail (FID_IS_WORKSHOP_WINDOW (self), FALSE);
  return self->kept;
}
