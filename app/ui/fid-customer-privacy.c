/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fid-customer-privacy.h"
#include "fid-gdpr-report.h"
#include "fid-store-gdpr.h"

typedef struct
{
  FidWindow *window;
  gint64     customer_id;
  char      *name;        /* the customer's display name, for messages */
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->window);
  g_free (request->name);
  g_free (request);
}

static Request *
request_new (FidWindow *window,
             gint64     customer_id)
{
  Request *request = g_new0 (Request, 1);
  g_autoptr(FidCustomer) customer = NULL;

  request->window = g_object_ref (window);
  request->customer_id = customer_id;
  customer = fid_store_get_customer (fid_window_get_store (window), customer_id, NULL);
  request->name = customer != NULL ? fid_customer_dup_display_name (customer)
                                   : g_strdup_printf ("%" G_GINT64_FORMAT, customer_id);
  return request;
}

static void
show_error (FidWindow    *window,
            const char   *heading,
            const GError *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), heading,
                                                                         error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (FidWindow  *window,
       const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  fid_window_add_toast (window, adw_toast_new (escaped));
}

/* Right of access ---------------------------------------------------------------------- */

static gboolean
write_stream (GFile       *file,
              gboolean     json,
              FidStore    *store,
              gint64       customer_id,
              GError     **error)
{
  /* Replaced whole or not at all. */
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE |
                                                        G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);

  if (stream == NULL)
    return FALSE;
  if (!(json ? fid_store_export_customer_json (store, customer_id, G_OUTPUT_STREAM (stream), NULL, error)
             : fid_gdpr_report_write (store, customer_id, G_OUTPUT_STREAM (stream), NULL, error)))
    {
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

gboolean
fid_customer_privacy_write_files (FidStore  *store,
                                  gint64     customer_id,
                                  GFile     *pdf,
                                  GError   **error)
{
  g_autofree char *base = g_file_get_basename (pdf);
  g_autofree char *stem = NULL;
  g_autofree char *json_name = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (pdf);
  g_autoptr(GFile) json = NULL;
  char *dot;

  g_return_val_if_fail (FID_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (pdf), FALSE);

  stem = g_strdup (base);
  if ((dot = strrchr (stem, '.')) != NULL && dot != stem)
    *dot = '\0';
  json_name = g_strconcat (stem, ".json", NULL);
  json = parent != NULL ? g_file_get_child (parent, json_name) : g_file_new_for_path (json_name);

  return write_stream (pdf, FALSE, store, customer_id, error) &&
         write_stream (json, TRUE, store, customer_id, error);
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       Request         *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file != NULL)
        {
          if (!fid_customer_privacy_write_files (fid_window_get_store (request->window), request->customer_id,
                                                 file, &error))
            show_error (request->window, _("Could Not Export the Personal Data"), error);
          else
            {
              g_autofree char *name = g_file_get_basename (file);
              /* Translators: a toast: the customer, then the PDF's file name */
              g_autofree char *text = g_strdup_printf (_("%s’s data saved as %s and its JSON twin"),
                                                       request->name, name);

              toast (request->window, text);
            }
        }
    }
  g_object_unref (chooser);
  request_free (request);
}

void
fid_customer_privacy_export (FidWindow *window,
                             gint64     customer_id)
{
  Request *request;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  g_return_if_fail (FID_IS_WINDOW (window));

  if (fid_window_get_store (window) == NULL || customer_id <= 0)
    return;

  request = request_new (window, customer_id);
  chooser = gtk_file_chooser_native_new (_("Export Personal Data"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name of a customer's data ("Jean Martin – personal data.pdf") */
  name = g_strdup_printf (_("%s – personal data.pdf"), request->name);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Right to erasure --------------------------------------------------------------------- */

static void
on_erase_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Request          *request)
{
  g_autoptr(GError) error = NULL;
  FidErasureMode mode;
  g_autofree char *text = NULL;

  if (g_str_equal (response, "erase"))
    mode = FID_ERASURE_DELETE;
  else if (g_str_equal (response, "anonymise"))
    mode = FID_ERASURE_ANONYMISE;
  else
    return;

  if (!fid_store_erase_customer (fid_window_get_store (request->window), request->customer_id, mode, &error))
    {
      show_error (request->window, mode == FID_ERASURE_DELETE ? _("Could Not Erase the Customer")
                                                              : _("Could Not Anonymise the Customer"), error);
      return;
    }

  /* Translators: toasts after an erasure, with the customer's former name */
  text = g_strdup_printf (mode == FID_ERASURE_DELETE ? _("%s’s data were erased")
                                                     : _("%s’s personal data were anonymised"),
                          request->name);
  if (mode == FID_ERASURE_DELETE)
    fid_window_show_page (request->window, "customers");
  fid_window_data_changed (request->window);
  toast (request->window, text);
}

void
fid_customer_privacy_erase (FidWindow *window,
                            gint64     customer_id)
{
  FidStore *store;
  FidRetention retention = { 0 };
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  Request *request;
  g_autofree char *heading = NULL;

  g_return_if_fail (FID_IS_WINDOW (window));

  store = fid_window_get_store (window);
  if (store == NULL || customer_id <= 0)
    return;
  if (!fid_store_get_retention (store, customer_id, NULL, &retention, &error))
    {
      show_error (window, _("Could Not Erase the Customer"), error);
      return;
    }

  request = request_new (window, customer_id);
  if (retention.kind != FID_RETENTION_NONE)
    {
      /* The store's reason is a clause ("the relationship is still
       * active…"): here it opens the message. */
      g_autofree char *rest = g_strdup (g_utf8_next_char (retention.reason));
      g_autofree char *first = g_utf8_strup (retention.reason, g_utf8_next_char (retention.reason) - retention.reason);
      g_autofree char *body = g_strdup_printf (
        /* Translators: the reason the law keeps the records (capitalised, no final period), then what can be done */
        _("%s%s.\n\nTheir name, contact details, notes and marketing data can be anonymised now; "
          "their contracts and transactions stay, without their identity."), first, rest);

      /* Translators: %s is the customer's name */
      heading = g_strdup_printf (_("%s’s Records Must Be Kept"), request->name);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), heading, body));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "anonymise", _("_Anonymise"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "anonymise", ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      /* Translators: %s is the customer's name */
      heading = g_strdup_printf (_("Erase %s?"), request->name);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
        GTK_WINDOW (window), heading,
        _("Erasing deletes the customer and everything linked to them, and overwrites the freed space: "
          "it cannot be undone, not even from the trash. Anonymising keeps their history without their "
          "identity.")));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "anonymise", _("_Anonymise"),
                                        "erase", _("_Erase"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "erase", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_erase_response_cb), request,
                         (GClosureNotify) (void (*) (void)) request_free, 0);
  fid_retention_clear (&retention);
  gtk_window_present (GTK_WINDOW (dialog));
}
