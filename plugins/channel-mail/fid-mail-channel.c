/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidMailChannel: letters rendered to PDF in a worker thread. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fid-details.h"
#include "fid-mail-channel.h"
#include "fid-mail-editor.h"

typedef struct
{
  FidLetter       letter;
  char           *path;
  FidInteraction *interaction;
} RenderData;

struct _FidMailChannel
{
  GObject parent_instance;
};

static void channel_iface_init (FidChannelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidMailChannel, fid_mail_channel, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_CHANNEL, channel_iface_init))

static void
render_data_free (RenderData *data)
{
  fid_letter_clear (&data->letter);
  g_free (data->path);
  g_clear_object (&data->interaction);
  g_free (data);
}

char *
fid_mail_channel_dup_letters_dir (void)
{
  const char *env = g_getenv ("FIDELIS_LETTERS_DIR");
  const char *documents;

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL)
    return g_build_filename (documents, "Fidelis", _("Letters"), NULL);

  return g_build_filename (g_get_user_data_dir (), "fidelis", "letters", NULL);
}

void
fid_mail_channel_letter_from_interaction (FidInteraction *interaction,
                                          FidLetter      *letter)
{
  letter->recipient = fid_details_dup_string (interaction, "recipient");
  letter->sender = fid_details_dup_string (interaction, "sender");
  letter->place_date = fid_details_dup_string (interaction, "place_date");
  letter->signature = fid_details_dup_string (interaction, "signature");
  letter->subject = g_strdup (fid_interaction_get_subject (interaction));
  letter->body = g_strdup (fid_interaction_get_notes (interaction));
}

static const char *
get_id (FidChannel *channel)
{
  return "mail";
}

static const char *
get_name (FidChannel *channel)
{
  return _("Postal Mail");
}

static const char *
get_icon_name (FidChannel *channel)
{
  return "x-office-document-symbolic";
}

static const char *
get_description (FidChannel *channel)
{
  return _("Letters from templates, as PDF ready to print and post");
}

static const char *
get_action_label (FidChannel *channel)
{
  return _("_Write Letter…");
}

static FidChannelCapabilities
get_capabilities (FidChannel *channel)
{
  return FID_CHANNEL_CAN_SEND;
}

static FidConsentPolicy
get_consent_policy (FidChannel *channel)
{
  /* Postal marketing is allowed unless refused. */
  return FID_CONSENT_POLICY_OPT_OUT;
}

static GType
get_editor_type (FidChannel *channel)
{
  return FID_TYPE_MAIL_EDITOR;
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderData *data = task_data;
  g_autofree char *dir = g_path_get_dirname (data->path);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Cannot create the letters folder “%s”: %s"), dir, g_strerror (saved_errno));
      return;
    }

  if (fid_letter_render_pdf (&data->letter, data->path, &error) == 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
send_async (FidChannel          *channel,
            FidStore            *store,
            FidInteraction      *interaction,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (channel, cancellable, callback, user_data);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *dir = fid_mail_channel_dup_letters_dir ();
  g_autofree char *name = NULL;
  RenderData *data;

  g_task_set_source_tag (task, send_async);

  data = g_new0 (RenderData, 1);
  fid_mail_channel_letter_from_interaction (interaction, &data->letter);
  if (data->letter.recipient == NULL || data->letter.recipient[0] == '\0')
    {
      render_data_free (data);
      g_task_return_new_error (task, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                               _("The letter has no recipient’s address."));
      return;
    }

  name = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".pdf", stamp, fid_interaction_get_customer_id (interaction));
  data->path = g_build_filename (dir, name, NULL);
  data->interaction = g_object_ref (interaction);
  g_task_set_task_data (task, data, (GDestroyNotify) render_data_free);

  fid_details_set_string (interaction, "pdf", data->path);
  g_task_run_in_thread (task, render_thread);
}

static gboolean
send_finish (FidChannel    *channel,
             GAsyncResult  *result,
             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
channel_iface_init (FidChannelInterface *iface)
{
  iface->get_id = get_id;
  iface->get_name = get_name;
  iface->get_icon_name = get_icon_name;
  iface->get_description = get_description;
  iface->get_action_label = get_action_label;
  iface->get_capabilities = get_capabilities;
  iface->get_consent_policy = get_consent_policy;
  iface->get_editor_type = get_editor_type;
  iface->send_async = send_async;
  iface->send_finish = send_finish;
}

static void
fid_mail_channel_class_init (FidMailChannelClass *klass)
{
}

static void
fid_mail_channel_init (FidMailChannel *self)
{
}
