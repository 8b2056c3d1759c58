/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidWebChannel: the web-form channel and its import. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "fid-details.h"
#include "fid-store-channels.h"
#include "fid-web-channel.h"
#include "fid-web-import.h"

struct _FidWebChannel
{
  GObject parent_instance;
};

static void channel_iface_init (FidChannelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidWebChannel, fid_web_channel, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_CHANNEL, channel_iface_init))

static const char *
get_id (FidChannel *channel)
{
  return "web";
}

static const char *
get_name (FidChannel *channel)
{
  return _("Web Form");
}

static const char *
get_icon_name (FidChannel *channel)
{
  return "web-browser-symbolic";
}

static const char *
get_description (FidChannel *channel)
{
  return _("Submissions of the bank’s web forms, from a CSV or JSON file");
}

static FidChannelCapabilities
get_capabilities (FidChannel *channel)
{
  return FID_CHANNEL_CAN_IMPORT;
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static gboolean
looks_like_json (GFile      *file,
                 const char *data,
                 gsize       length)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename != NULL && g_str_has_suffix (basename, ".json"))
    return TRUE;
  if (basename != NULL && g_str_has_suffix (basename, ".csv"))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return data[i] == '[' || data[i] == '{';

  return FALSE;
}

static FidCustomer *
new_prospect (FidWebSubmission *submission)
{
  FidCustomer *prospect = fid_customer_new ();

  fid_customer_set_kind (prospect, "person");
  fid_customer_set_first_name (prospect, submission->first_name ? submission->first_name : "");
  fid_customer_set_last_name (prospect, submission->last_name);
  fid_customer_set_email (prospect, submission->email);
  fid_customer_set_phone (prospect, submission->phone);
  fid_customer_set_lifecycle_stage (prospect, "prospect");
  fid_customer_set_preferred_channel (prospect, "web");

  return prospect;
}

static FidInteraction *
new_interaction (FidWebSubmission *submission,
                 gint64            customer_id)
{
  FidInteraction *interaction = fid_interaction_new ();

  fid_interaction_set_customer_id (interaction, customer_id);
  fid_interaction_set_channel (interaction, "web");
  fid_interaction_set_direction (interaction, "inbound");
  fid_interaction_set_at (interaction, submission->submitted_at);
  fid_interaction_set_subject (interaction, submission->subject ? submission->subject : _("Web form"));
  fid_interaction_set_notes (interaction, submission->message ? submission->message : "");
  fid_interaction_set_status (interaction, "done");
  fid_details_set_string (interaction, "email", submission->email);
  if (submission->form != NULL)
    fid_details_set_string (interaction, "form", submission->form);
  if (submission->phone != NULL)
    fid_details_set_string (interaction, "phone", submission->phone);
  fid_details_set_int (interaction, "source_line", submission->line);
  fid_details_set_boolean (interaction, "marketing", FALSE);

  return interaction;
}

static gboolean
import_file (FidChannel       *channel,
             FidStore         *store,
             GFile            *file,
             FidImportReport  *report,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  g_autoptr(GPtrArray) interactions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) prospects = g_ptr_array_new_with_free_func (unref_if_set);
  g_autoptr(GHashTable) new_by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  gboolean json;
  guint n_created = 0;

  fid_import_report_clear (report);

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return FALSE;

  json = looks_like_json (file, data, length);
  submissions = fid_web_import_parse (data, length, json, report, &local_error);
  if (submissions == NULL)
    {
      fid_import_report_add_problem (report, 0, local_error->message);
      g_set_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                   _("The file cannot be read as web-form submissions: %s"), local_error->message);
      return FALSE;
    }

  for (guint i = 0; i < submissions->len; i++)
    {
      FidWebSubmission *submission = g_ptr_array_index (submissions, i);
      g_autofree char *key = g_utf8_strdown (submission->email, -1);
      FidCustomer *prospect = NULL;
      gint64 customer_id = 0;

      if (!fid_store_find_customer_by_email (store, submission->email, &customer_id, error))
        return FALSE;

      if (customer_id == 0)
        {
          prospect = g_hash_table_lookup (new_by_email, key);
          if (prospect == NULL)
            {
              g_autoptr(FidCustomer) candidate = new_prospect (submission);
              g_autoptr(GError) invalid = NULL;

              if (submission->last_name == NULL)
                {
                  g_autofree char *reason =
                    g_strdup_printf (_("“%s” is not a customer yet, and the row has no last name to create the prospect"),
                                     submission->email);

                  fid_web_import_problem (report, submission, json, reason);
                  continue;
                }
              if (!fid_store_validate_customer (store, candidate, &invalid))
                {
                  fid_web_import_problem (report, submission, json, invalid->message);
                  continue;
                }
              prospect = candidate;
              g_hash_table_insert (new_by_email, g_strdup (key), g_steal_pointer (&candidate));
            }
        }

      g_ptr_array_add (interactions, new_interaction (submission, customer_id));
      g_ptr_array_add (prospects, prospect != NULL ? g_object_ref (prospect) : NULL);
    }

  if (fid_import_report_get_n_problems (report) > 0)
    {
      guint n = fid_import_report_get_n_problems (report);

      g_set_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                   ngettext ("%u problem was found: nothing was imported. Correct the file and import it again.",
                             "%u problems were found: nothing was imported. Correct the file and import it again.",
                             n),
                   n);
      return FALSE;
    }

  if (!fid_store_import_interactions (store, interactions, prospects, "web form", &n_created, error))
    return FALSE;

  fid_import_report_set_n_imported (report, interactions->len);
  fid_import_report_set_n_created (report, n_created);
  return TRUE;
}

static void
channel_iface_init (FidChannelInterface *iface)
{
  iface->get_id = get_id;
  iface->get_name = get_name;
  iface->get_icon_name = get_icon_name;
  iface->get_description = get_description;
  iface->get_capabilities = get_capabilities;
  iface->import = import_file;
}

static void
fid_web_channel_class_init (FidWebChannelClass *klass)
{
}

static void
fid_web_channel_init (FidWebChannel *self)
{
}
