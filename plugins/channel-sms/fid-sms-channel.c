/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSmsChannel: the SMS channel and its gateway batch. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-csv.h"
#include "fid-details.h"
#include "fid-sms-channel.h"
#include "fid-sms-editor.h"
#include "fid-sms-segments.h"
#include "fid-store-channels.h"

struct _FidSmsChannel
{
  GObject parent_instance;
};

static void channel_iface_init (FidChannelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidSmsChannel, fid_sms_channel, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_CHANNEL, channel_iface_init))

static const char *
get_id (FidChannel *channel)
{
  return "sms";
}

static const char *
get_name (FidChannel *channel)
{
  return _("SMS");
}

static const char *
get_icon_name (FidChannel *channel)
{
  return "chat-message-new-symbolic";
}

static const char *
get_description (FidChannel *channel)
{
  return _("Text messages, queued for the SMS gateway");
}

static const char *
get_action_label (FidChannel *channel)
{
  return _("_Compose…");
}

static FidChannelCapabilities
get_capabilities (FidChannel *channel)
{
  return FID_CHANNEL_CAN_LOG | FID_CHANNEL_CAN_EXPORT;
}

static GType
get_editor_type (FidChannel *channel)
{
  return FID_TYPE_SMS_EDITOR;
}

/* The queued SMS as CSV: number,message,reference. */
static gboolean
export_batch (FidChannel    *channel,
              FidStore      *store,
              GFile         *file,
              guint         *n_exported,
              GCancellable  *cancellable,
              GError       **error)
{
  static const char * const header[] = { "number", "message", "reference" };
  g_autoptr(GPtrArray) queued = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  queued = fid_store_list_channel_interactions (store, "sms", "planned", error);
  if (queued == NULL)
    return FALSE;
  if (queued->len == 0)
    {
      g_set_error_literal (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                           _("No SMS is waiting for the gateway: compose some first."));
      return FALSE;
    }

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL ||
      !fid_csv_write_row (G_OUTPUT_STREAM (stream), header, G_N_ELEMENTS (header), cancellable, error))
    return FALSE;

  for (guint i = 0; i < queued->len; i++)
    {
      FidInteraction *sms = g_ptr_array_index (queued, i);
      g_autofree char *to = fid_details_dup_string (sms, "to");
      g_autofree char *number = fid_sms_normalize_number (to);
      g_autofree char *reference = g_strdup_printf ("fidelis-%" G_GINT64_FORMAT, fid_interaction_get_id (sms));
      gint64 id = fid_interaction_get_id (sms);
      const char *row[] = { number ? number : "", fid_interaction_get_notes (sms), reference };

      if (!fid_csv_write_row (G_OUTPUT_STREAM (stream), row, G_N_ELEMENTS (row), cancellable, error))
        return FALSE;
      g_array_append_val (ids, id);
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return FALSE;

  /* In the file: handed to the gateway. */
  if (!fid_store_set_interactions_status (store, ids, "done", error))
    return FALSE;

  *n_exported = queued->len;
  return TRUE;
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
  iface->export = export_batch;
}

static void
fid_sms_channel_class_init (FidSmsChannelClass *klass)
{
}

static void
fid_sms_channel_init (FidSmsChannel *self)
{
}
