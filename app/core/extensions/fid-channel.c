/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidChannel: the channel extension point and the rules every channel
 * follows whatever the plugin does: the customer's marketing consent is
 * checked here, before a plugin is asked to send or record anything, and
 * what is sent is recorded here, done or failed, in the one timeline. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fid-channel.h"
#include "fid-details.h"
#include "fid-store-export.h"
#include "fid-store-workspace.h"

typedef struct
{
  FidStore       *store;
  FidInteraction *interaction;
} SendData;

G_DEFINE_INTERFACE (FidChannel, fid_channel, G_TYPE_OBJECT)

G_DEFINE_QUARK (fid-channel-error-quark, fid_channel_error)

static const GFlagsValue capability_values[] = {
  { FID_CHANNEL_CAN_LOG, "FID_CHANNEL_CAN_LOG", "log" },
  { FID_CHANNEL_CAN_SEND, "FID_CHANNEL_CAN_SEND", "send" },
  { FID_CHANNEL_CAN_IMPORT, "FID_CHANNEL_CAN_IMPORT", "import" },
  { FID_CHANNEL_CAN_EXPORT, "FID_CHANNEL_CAN_EXPORT", "export" },
  { 0, NULL, NULL },
};

GType
fid_channel_capabilities_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_flags_register_static ("FidChannelCapabilities",
                                                       capability_values));

  return type;
}

static void
send_data_free (SendData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->interaction);
  g_free (data);
}

static FidConsentPolicy
fid_channel_real_get_consent_policy (FidChannel *self)
{
  return FID_CONSENT_POLICY_OPT_IN;
}

static gboolean
fid_channel_real_is_marketing (FidChannel     *self,
                               FidInteraction *interaction)
{
  return fid_interaction_get_campaign_id (interaction) > 0 ||
         fid_details_get_boolean (interaction, "marketing", FALSE);
}

static GType
fid_channel_real_get_editor_type (FidChannel *self)
{
  return G_TYPE_NONE;
}

static void
fid_channel_default_init (FidChannelInterface *iface)
{
  iface->get_consent_policy = fid_channel_real_get_consent_policy;
  iface->is_marketing = fid_channel_real_is_marketing;
  iface->get_editor_type = fid_channel_real_get_editor_type;
}

void
fid_channel_load (FidChannel *self)
{
  g_return_if_fail (FID_IS_CHANNEL (self));

  if (FID_CHANNEL_GET_IFACE (self)->load != NULL)
    FID_CHANNEL_GET_IFACE (self)->load (self);
}

void
fid_channel_unload (FidChannel *self)
{
  g_return_if_fail (FID_IS_CHANNEL (self));

  if (FID_CHANNEL_GET_IFACE (self)->unload != NULL)
    FID_CHANNEL_GET_IFACE (self)->unload (self);
}

const char *
fid_channel_get_id (FidChannel *self)
{
  g_return_val_if_fail (FID_IS_CHANNEL (self), NULL);
  g_return_val_if_fail (FID_CHANNEL_GET_IFACE (self)->get_id != NULL, NULL);

  return FID_CHANNEL_GET_IFACE (self)->get_id (self);
}

const char *
fid_channel_get_name (FidChannel *self)
{
  g_return_val_if_fail (FID_IS_CHANNEL (self), NULL);

  if (FID_CHANNEL_GET_IFACE (self)->get_name == NULL)
    return fid_channel_get_id (self);

  return FID_CHANNEL_GET_IFACE (self)->get_name (self);
}

const char *
fid_channel_get_icon_name (FidChannel *self)
{
  g_return_val_if_fail (FID_IS_CHANNEL (self), NULL);

  if (FID_CHANNEL_GET_IFACE (self)->get_icon_name == NULL)
    return "mail-send-symbolic";

  return FID_CHANNEL_GET_IFACE (self)->get_icon_name (self);
}

const char *
fid_channel_get_description (FidChannel *self)
{
  g_return_val_if_fail (FID_IS_CHANNEL (self), NULL);

  if (FID_CHANNEL_GET_IFACE (self)->get_description == NULL)
    return "";

  return FID_CHANNEL_GET_IFACE (self)->get_description (self);
}

const char *
fid_channel_get_action_label (FidChannel *self)
{
  g_return_val_if_fail (FID_IS_CHANNEL (self), NULL);

  if (FID_CHANNEL_GET_IFACE (self)->get_action_label != NULL)
    return FID_CHANNEL_GET_IFACE (self)->get_action_label (self);

  return fid_channel_has_capability (self, FID_CHANNEL_CAN_SEND) ? _("_Write…") : _("_Log…");
}

FidChannelCapabilities
fid_channel_get_capabilities (FidChannel *self)
{
  g_return_val_if_fail (FID_IS_CHANNEL (self), 0);

  if (FID_CHANNEL_GET_IFACE (self)->get_capabilities == NULL)
    return FID_CHANNEL_CAN_LOG;

  return FID_CHANNEL_GET_IFACE (self)->get_capabilities (self);
}

gboolean
fid_channel_has_capability (FidChannel             *self,
                            FidChannelCapabilities  capability)
{
  return (fid_channel_get_capabilities (self) & capability) == capability;
}

FidConsentPolicy
fid_channel_get_consent_policy (FidChannel *self)
{
  g_return_val_if_fail (FID_IS_CHANNEL (self), FID_CONSENT_POLICY_OPT_IN);

  return FID_CHANNEL_GET_IFACE (self)->get_consent_policy (self);
}

gboolean
fid_channel_is_marketing (FidChannel     *self,
                          FidInteraction *interaction)
{
  g_return_val_if_fail (FID_IS_CHANNEL (self), TRUE);
  g_return_val_if_fail (FID_IS_INTERACTION (interaction), TRUE);

  return FID_CHANNEL_GET_IFACE (self)->is_marketing (self, interaction);
}

/* A GtkWidget type derived from FidChannelEditor, or G_TYPE_NONE. */
GType
fid_channel_get_editor_type (FidChannel *self)
{
  g_return_val_if_fail (FID_IS_CHANNEL (self), G_TYPE_NONE);

  return FID_CHANNEL_GET_IFACE (self)->get_editor_type (self);
}

static char *
dup_customer_name (FidStore *store,
                   gint64    customer_id)
{
  g_autoptr(FidCustomer) customer = fid_store_get_customer (store, customer_id, NULL);

  if (customer == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, customer_id);

      /* Translators: a customer who could not be read, by number */
      return g_strdup_printf (_("Customer %s"), number);
    }

  return fid_customer_dup_display_name (customer);
}

/**
 * fid_channel_check_consent:
 *
 * Service messages always pass. A marketing message passes only when the
 * customer's consent on this channel allows it: a recorded refusal always
 * stops it; no record at all stops it on an opt-in channel (e-mail, SMS).
 * The error (FID_CHANNEL_ERROR_NO_CONSENT) names the customer, the channel
 * and the consent on record, so the advisor knows why.
 */
gboolean
fid_channel_check_consent (FidChannel      *self,
                           FidStore        *store,
                           FidInteraction  *interaction,
                           GError         **error)
{
  g_autoptr(GPtrArray) consents = NULL;
  g_autofree char *name = NULL;
  gint64 customer_id;
  const char *id;

  g_return_val_if_fail (FID_IS_CHANNEL (self), FALSE);
  g_return_val_if_fail (FID_IS_STORE (store), FALSE);
  g_return_val_if_fail (FID_IS_INTERACTION (interaction), FALSE);

  if (!fid_channel_is_marketing (self, interaction))
    return TRUE;

  id = fid_channel_get_id (self);
  customer_id = fid_interaction_get_customer_id (interaction);
  consents = fid_store_get_consents (store, customer_id, error);
  if (consents == NULL)
    return FALSE;

  for (guint i = 0; i < consents->len; i++)
    {
      FidConsent *consent = g_ptr_array_index (consents, i);

      if (g_strcmp0 (consent->channel, id) != 0)
        continue;
      if (consent->marketing)
        return TRUE;

      name = dup_customer_name (store, customer_id);
      g_set_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NO_CONSENT,
                   /* Translators: "Marie Dupont opted out of marketing by “E-mail” on 2024-03-01 (source: branch). …" */
                   _("%s opted out of marketing by “%s” on %.10s (source: %s). "
                     "Only service messages can be sent on this channel."),
                   name, fid_channel_get_name (self),
                   consent->given_at ? consent->given_at : "?",
                   consent->source ? consent->source : "?");
      return FALSE;
    }

  if (fid_channel_get_consent_policy (self) == FID_CONSENT_POLICY_OPT_OUT)
    return TRUE;

  name = dup_customer_name (store, customer_id);
  g_set_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NO_CONSENT,
               _("%s has not agreed to marketing by “%s”: no consent is on record. "
                 "Only service messages can be sent on this channel."),
               name, fid_channel_get_name (self));
  return FALSE;
}

/**
 * fid_channel_record:
 *
 * Saves @interaction in @store's timeline as this channel's, after the
 * consent check. Sets its id. This is how channels that only log (a call,
 * a meeting) write; channels that send go through fid_channel_send_async,
 * which records too.
 */
gboolean
fid_channel_record (FidChannel      *self,
                    FidStore        *store,
                    FidInteraction  *interaction,
                    GError         **error)
{
  g_return_val_if_fail (FID_IS_CHANNEL (self), FALSE);
  g_return_val_if_fail (FID_IS_STORE (store), FALSE);
  g_return_val_if_fail (FID_IS_INTERACTION (interaction), FALSE);

  if (!fid_channel_check_consent (self, store, interaction, error))
    return FALSE;

  fid_interaction_set_channel (interaction, fid_channel_get_id (self));
  if (fid_interaction_get_direction (interaction) == NULL)
    fid_interaction_set_direction (interaction, "outbound");
  if (fid_interaction_get_status (interaction) == NULL)
    fid_interaction_set_status (interaction, "done");

  return fid_store_add_interaction (store, interaction, error);
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FidChannel *self = FID_CHANNEL (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) record_error = NULL;
  SendData *data = g_task_get_task_data (task);
  gboolean sent;

  sent = FID_CHANNEL_GET_IFACE (self)->send_finish (self, result, &error);

  /* Cancelled, or refused before anything was tried (no server set, an
   * invalid message): nothing went out, nothing to record. */
  if (!sent &&
      (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
       g_error_matches (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NOT_CONFIGURED) ||
       g_error_matches (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  fid_interaction_set_status (data->interaction, sent ? "done" : "failed");
  if (!sent)
    fid_details_set_string (data->interaction, "error", error->message);

  if (!fid_store_add_interaction (data->store, data->interaction, &record_error))
    {
      if (sent)
        {
          g_prefix_error (&record_error, _("The message was sent but could not be recorded: "));
          g_task_return_error (task, g_steal_pointer (&record_error));
          return;
        }
      g_warning ("Could not record a failed send: %s", record_error->message);
    }

  if (!sent)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * fid_channel_send_async:
 *
 * Checks consent, asks the channel to deliver @interaction, then records
 * it: status "done" when delivered; "failed", with the transport's reply
 * in details.error, when not (the call then fails with that error too, and
 * @interaction has its id). A refused consent, a cancellation, and a
 * refusal before anything was tried (FID_CHANNEL_ERROR_NOT_CONFIGURED or
 * _INVALID from the channel) record nothing.
 */
void
fid_channel_send_async (FidChannel          *self,
                        FidStore            *store,
                        FidInteraction      *interaction,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SendData *data;

  g_return_if_fail (FID_IS_CHANNEL (self));
  g_return_if_fail (FID_IS_STORE (store));
  g_return_if_fail (FID_IS_INTERACTION (interaction));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fid_channel_send_async);

  if (!fid_channel_has_capability (self, FID_CHANNEL_CAN_SEND) ||
      FID_CHANNEL_GET_IFACE (self)->send_async == NULL)
    {
      g_task_return_new_error (task, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NOT_SUPPORTED,
                               _("The channel “%s” cannot send messages."),
                               fid_channel_get_name (self));
      return;
    }

  if (!fid_channel_check_consent (self, store, interaction, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  fid_interaction_set_channel (interaction, fid_channel_get_id (self));
  if (fid_interaction_get_direction (interaction) == NULL)
    fid_interaction_set_direction (interaction, "outbound");

  data = g_new0 (SendData, 1);
  data->store = g_object_ref (store);
  data->interaction = g_object_ref (interaction);
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  FID_CHANNEL_GET_IFACE (self)->send_async (self, store, interaction, cancellable,
                                            on_sent_cb, g_steal_pointer (&task));
}

gboolean
fid_channel_send_finish (FidChannel    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (FID_IS_CHANNEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
fid_channel_import (FidChannel       *self,
                    FidStore         *store,
                    GFile            *file,
                    FidImportReport  *report,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_return_val_if_fail (FID_IS_CHANNEL (self), FALSE);
  g_return_val_if_fail (FID_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (FID_IS_IMPORT_REPORT (report), FALSE);

  if (!fid_channel_has_capability (self, FID_CHANNEL_CAN_IMPORT) ||
      FID_CHANNEL_GET_IFACE (self)->import == NULL)
    {
      g_set_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NOT_SUPPORTED,
                   _("The channel “%s” cannot import files."),
                   fid_channel_get_name (self));
      return FALSE;
    }

  return FID_CHANNEL_GET_IFACE (self)->import (self, store, file, report, cancellable, error);
}

gboolean
fid_channel_export (FidChannel    *self,
                    FidStore      *store,
                    GFile         *file,
                    guint         *n_exported,
                    GCancellable  *cancellable,
                    GError       **error)
{
  guint n = 0;

  g_return_val_if_fail (FID_IS_CHANNEL (self), FALSE);
  g_return_val_if_fail (FID_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!fid_channel_has_capability (self, FID_CHANNEL_CAN_EXPORT) ||
      FID_CHANNEL_GET_IFACE (self)->export == NULL)
    {
      g_set_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NOT_SUPPORTED,
                   _("The channel “%s” cannot export files."),
                   fid_channel_get_name (self));
      return FALSE;
    }

  if (!FID_CHANNEL_GET_IFACE (self)->export (self, store, file, &n, cancellable, error))
    return FALSE;

  if (n_exported != NULL)
    *n_exported = n;

  return TRUE;
}
