/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidEmailChannel: the e-mail channel (SMTP with libcurl, the password in
 * the keyring with libsecret). */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "fid-details.h"
#include "fid-email-channel.h"
#include "fid-email-editor.h"
#include "fid-smtp.h"

typedef struct
{
  FidSmtpConfig  *config;
  char           *to;
  char           *message;
  char           *reply;
  FidInteraction *interaction;
} SendData;

struct _FidEmailChannel
{
  GObject parent_instance;
};

static void channel_iface_init (FidChannelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidEmailChannel, fid_email_channel, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_CHANNEL, channel_iface_init))

static const SecretSchema *
get_secret_schema (void)
{
  static const SecretSchema schema = {
    "io.github.fidelis.Fidelis.Smtp", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
send_data_free (SendData *data)
{
  fid_smtp_config_free (data->config);
  g_free (data->to);
  g_free (data->message);
  g_free (data->reply);
  g_clear_object (&data->interaction);
  g_free (data);
}

GSettings *
fid_email_channel_dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "smtp-host"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static const char *
get_id (FidChannel *channel)
{
  return "email";
}

static const char *
get_name (FidChannel *channel)
{
  return _("E-mail");
}

static const char *
get_icon_name (FidChannel *channel)
{
  return "mail-send-symbolic";
}

static const char *
get_description (FidChannel *channel)
{
  return _("E-mails from templates, sent through the bank’s SMTP server");
}

static const char *
get_action_label (FidChannel *channel)
{
  return _("_Write E-mail…");
}

static FidChannelCapabilities
get_capabilities (FidChannel *channel)
{
  return FID_CHANNEL_CAN_SEND;
}

static GType
get_editor_type (FidChannel *channel)
{
  return FID_TYPE_EMAIL_EDITOR;
}

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SendData *data = task_data;
  g_autoptr(GError) error = NULL;
  FidSmtpConfig *config = data->config;

  if (config->user != NULL && config->user[0] != '\0' && config->password == NULL)
    {
      config->password = secret_password_lookup_sync (get_secret_schema (), cancellable, &error,
                                                      "server", config->host,
                                                      "user", config->user,
                                                      NULL);
      if (config->password == NULL)
        {
          g_task_return_new_error (task, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NOT_CONFIGURED,
                                   _("No password for %s on %s in the keyring%s%s. Enter it in the "
                                     "SMTP server settings of the e-mail form."),
                                   config->user, config->host,
                                   error != NULL ? ": " : "", error != NULL ? error->message : "");
          return;
        }
    }

  if (!fid_smtp_send (config, data->to, data->message, cancellable, &data->reply, &error))
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
  g_autoptr(GSettings) settings = fid_email_channel_dup_settings ();
  g_autofree char *to = fid_details_dup_string (interaction, "to");
  g_autofree char *host = NULL;
  g_autofree char *security = NULL;
  SendData *data;

  g_task_set_source_tag (task, send_async);

  if (to == NULL || to[0] == '\0')
    {
      g_task_return_new_error (task, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                               _("The e-mail has no recipient."));
      return;
    }

  host = settings != NULL ? g_settings_get_string (settings, "smtp-host") : NULL;
  if (host == NULL || host[0] == '\0')
    {
      g_task_return_new_error (task, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NOT_CONFIGURED,
                               _("No SMTP server is set: fill in the SMTP server settings of the e-mail form."));
      return;
    }

  data = g_new0 (SendData, 1);
  data->config = g_new0 (FidSmtpConfig, 1);
  data->config->host = g_steal_pointer (&host);
  data->config->port = g_settings_get_int (settings, "smtp-port");
  security = g_settings_get_string (settings, "smtp-security");
  data->config->security = fid_smtp_security_from_string (security);
  data->config->user = g_settings_get_string (settings, "smtp-user");
  data->config->from = g_settings_get_string (settings, "smtp-from");
  data->to = g_steal_pointer (&to);
  data->interaction = g_object_ref (interaction);
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  if (data->config->from[0] == '\0')
    {
      g_task_return_new_error (task, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NOT_CONFIGURED,
                               _("No sender address is set: fill in “From” in the SMTP server settings."));
      return;
    }

  fid_details_set_string (interaction, "from", data->config->from);
  data->message = fid_smtp_build_message (data->config->from, data->to,
                                          fid_interaction_get_subject (interaction),
                                          fid_interaction_get_notes (interaction));
  g_task_run_in_thread (task, send_thread);
}

static gboolean
send_finish (FidChannel    *channel,
             GAsyncResult  *result,
             GError       **error)
{
  SendData *data = g_task_get_task_data (G_TASK (result));

  /* Back on the main thread: the server's word goes with the interaction. */
  if (data != NULL && data->reply != NULL && data->reply[0] != '\0')
    fid_details_set_string (data->interaction, "smtp_reply", data->reply);

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
  iface->get_editor_type = get_editor_type;
  iface->send_async = send_async;
  iface->send_finish = send_finish;
}

static void
fid_email_channel_class_init (FidEmailChannelClass *klass)
{
}

static void
fid_email_channel_init (FidEmailChannel *self)
{
}

static void
on_password_stored_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fid_email_channel_save_password (const char          *host,
                                 const char          *user,
                                 const char          *password,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *label = g_strdup_printf (_("Fidelis: SMTP password for %s on %s"), user, host);

  g_task_set_source_tag (task, fid_email_channel_save_password);
  secret_password_store (get_secret_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, on_password_stored_cb, task,
                         "server", host,
                         "user", user,
                         NULL);
}

gboolean
fid_email_channel_save_password_finish (GAsyncResult  *result,
                                        GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
