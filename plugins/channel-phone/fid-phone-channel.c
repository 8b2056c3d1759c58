/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidPhoneChannel: the phone channel. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-phone-channel.h"
#include "fid-phone-editor.h"

struct _FidPhoneChannel
{
  GObject parent_instance;
};

static void channel_iface_init (FidChannelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidPhoneChannel, fid_phone_channel, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_CHANNEL, channel_iface_init))

static const char *
get_id (FidChannel *channel)
{
  return "phone";
}

static const char *
get_name (FidChannel *channel)
{
  return _("Phone");
}

static const char *
get_icon_name (FidChannel *channel)
{
  return "call-start-symbolic";
}

static const char *
get_description (FidChannel *channel)
{
  return _("Calls: number, direction, duration, outcome and notes");
}

static const char *
get_action_label (FidChannel *channel)
{
  return _("_Log Call…");
}

static FidChannelCapabilities
get_capabilities (FidChannel *channel)
{
  return FID_CHANNEL_CAN_LOG;
}

static FidConsentPolicy
get_consent_policy (FidChannel *channel)
{
  /* Phone canvassing is allowed unless refused (Bloctel, or a "no" here). */
  return FID_CONSENT_POLICY_OPT_OUT;
}

static GType
get_editor_type (FidChannel *channel)
{
  return FID_TYPE_PHONE_EDITOR;
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
}

static void
fid_phone_channel_class_init (FidPhoneChannelClass *klass)
{
}

static void
fid_phone_channel_init (FidPhoneChannel *self)
{
}

char *
fid_phone_channel_dup_tel_uri (const char *number)
{
  g_autoptr(GString) uri = g_string_new ("tel:");
  gboolean digits = FALSE;

  if (number == NULL)
    return NULL;

  for (const char *p = number; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (uri, *p);
          digits = TRUE;
        }
      else if (*p == '+' && !digits && uri->len == 4)
        g_string_append_c (uri, '+');
    }

  if (!digits)
    return NULL;

  return g_string_free (g_steal_pointer (&uri), FALSE);
}
