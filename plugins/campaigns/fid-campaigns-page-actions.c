/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidCampaignsPage's actions: Launch (confirmed, then on a worker thread),
 * Delete a draft, Record Response and Import Responses. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-campaigns-page-private.h"
#include "fid-format.h"
#include "fid-store-audit.h"

/* Launch ------------------------------------------------------------------- */

typedef struct
{
  char                  *path;
  char                  *actor;
  gint64                 id;
  FidCampaignPlanOptions options;
} LaunchJob;

static void
launch_job_free (LaunchJob *job)
{
  g_free (job->path);
  g_free (job->actor);
  g_free (job);
}

/* A launch to 100,000 customers takes seconds on a big bank: a connection
 * of its own, off the main thread, so the window stays responsive. */
static void
launch_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LaunchJob *job = task_data;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GError) error = NULL;
  FidCampaignPlan *plan = NULL;

  store = fid_store_open (job->path, FID_STORE_OPEN_DEFAULT, &error);
  if (store != NULL && job->actor != NULL)
    fid_store_set_actor (store, job->actor);
  if (store == NULL || !fid_store_launch_campaign (store, job->id, &job->options, &plan, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) fid_campaign_plan_free);
}

static void
set_busy (FidCampaignsPage *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->launch_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_box), !busy);
  if (busy)
    adw_preferences_group_set_description (self->plan_group, _("Launching…"));
}

static void
on_launched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FidCampaignsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FidCampaignPlan) plan = g_task_propagate_pointer (G_TASK (result), &error);

  set_busy (self, FALSE);
  if (plan == NULL)
    {
      fid_campaigns_page_show_error (self, _("The Campaign Was Not Launched"), error);
      fid_campaigns_page_show_campaign (self);
      return;
    }
  {
    g_autofree char *count = fid_format_count (plan->test->len);
    g_autofree char *text = g_strdup_printf (_("Campaign launched: %s customers contacted"), count);

    fid_campaigns_page_toast (self, text);
  }
  fid_campaigns_page_data_changed (self);
}

static void
launch_async (FidCampaignsPage *self)
{
  g_autoptr(GTask) task = NULL;
  LaunchJob *job;

  if (self->campaign == NULL || self->store == NULL || self->busy)
    return;
  job = g_new0 (LaunchJob, 1);
  job->path = g_strdup (fid_store_get_path (self->store));
  job->actor = g_strdup (fid_store_audit_get_actor (self->store));
  job->id = self->campaign->id;
  fid_campaigns_page_get_pressure (&job->options.cap_max, &job->options.cap_days);
  set_busy (self, TRUE);
  task = g_task_new (NULL, NULL, on_launched_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) launch_job_free);
  g_task_run_in_thread (task, launch_thread);
}

static void
on_launch_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       FidCampaignsPage *self)
{
  if (g_strcmp0 (response, "launch") == 0)
    launch_async (self);
}

void
fid_campaigns_page_on_launch_clicked_cb (FidCampaignsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *n_test = NULL;
  g_autofree char *n_control = NULL;
  GtkWidget *dialog;

  if (self->campaign == NULL || self->plan == NULL)
    return;
  n_test = fid_format_count (self->plan->test->len);
  n_control = fid_format_count (self->plan->control->len);
  heading = g_strdup_printf (_("Launch “%s”?"), self->campaign->name);
  body = g_strdup_printf (_("%s customers will be recorded as contacted, each on their channel; %s are held out "
                            "as the control group. A launched campaign cannot be changed."), n_test, n_control);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "launch", _("_Launch"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "launch", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_launch_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       FidCampaignsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->campaign == NULL)
    return;
  if (!fid_store_delete_campaign (self->store, self->campaign->id, &error))
    fid_campaigns_page_show_error (self, _("The Campaign Was Not Deleted"), error);
  g_clear_pointer (&self->campaign, fid_campaign_free);
  fid_campaigns_page_reload (self);
}

void
fid_campaigns_page_on_delete_clicked_cb (FidCampaignsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->campaign == NULL)
    return;
  heading = g_strdup_printf (_("Delete “%s”?"), self->campaign->name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The draft and its target are deleted."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Responses ---------------------------------------------------------------- */

static void
on_respond_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        FidCampaignsPage *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkEditable *id_entry = GTK_EDITABLE (gtk_widget_get_first_child (box));
  GtkEditable *date_entry = GTK_EDITABLE (gtk_widget_get_next_sibling (GTK_WIDGET (id_entry)));
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  gint64 customer_id = 0;

  if (g_strcmp0 (response, "record") != 0 || self->campaign == NULL)
    return;
  id_text = g_strstrip (g_strdup (gtk_editable_get_text (id_entry)));
  if (!g_ascii_string_to_signed (id_text, 10, 1, G_MAXINT64, &customer_id, NULL))
    {
      g_set_error_literal (&error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_INVALID,
                           _("Type the customer’s number."));
    }
  else
    fid_store_record_campaign_response (self->store, self->campaign->id, customer_id,
                                        gtk_editable_get_text (date_entry), &error);
  if (error != NULL)
    {
      fid_campaigns_page_show_error (self, _("The Response Was Not Recorded"), error);
      return;
    }
  fid_campaigns_page_toast (self, _("Response recorded"));
  fid_campaigns_page_data_changed (self);
}

void
fid_campaigns_page_on_respond_clicked_cb (FidCampaignsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *box, *id_entry, *date_entry;
  g_autofree char *today = fid_format_today_iso ();

  if (self->campaign == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Record a Response"),
                                   _("The customer must be in the campaign’s test or control group."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  id_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (id_entry), _("Customer number"));
  gtk_entry_set_input_purpose (GTK_ENTRY (id_entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (id_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Customer number"), -1);
  date_entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (date_entry), today);
  gtk_accessible_update_property (GTK_ACCESSIBLE (date_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Date of the response"), -1);
  gtk_box_append (GTK_BOX (box), id_entry);
  gtk_box_append (GTK_BOX (box), date_entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_respond_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response_cb (GtkNativeDialog  *native,
                       int               response,
                       FidCampaignsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  guint n = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL)
    return;
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error) ||
      !fid_campaigns_page_import_responses (self, data, length, &n, &error))
    {
      fid_campaigns_page_show_error (self, _("No Response Was Imported"), error);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u response imported",
                                                          "%u responses imported", n), n);
    fid_campaigns_page_toast (self, text);
  }
}

void
fid_campaigns_page_on_import_clicked_cb (FidCampaignsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Import Responses"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files (customer_id, responded_at)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

