/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidBranchChannel: the branch-visit channel. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-branch-channel.h"
#include "fid-branch-editor.h"

struct _FidBranchChannel
{
  GObject parent_instance;
};

static void channel_iface_init (FidChannelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidBranchChannel, fid_branch_channel, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_CHANNEL, channel_iface_init))

static const char *
get_id (FidChannel *channel)
{
  return "branch";
}

static const char *
get_name (FidChannel *channel)
{
  return _("Branch Visit");
}

static const char *
get_icon_name (FidChannel *channel)
{
  return "system-users-symbolic";
}

static const char *
get_description (FidChannel *channel)
{
  return _("Meeting reports: purpose, products discussed, needs, next step");
}

static const char *
get_action_label (FidChannel *channel)
{
  return _("_Write Report…");
}

static FidChannelCapabilities
get_capabilities (FidChannel *channel)
{
  return FID_CHANNEL_CAN_LOG;
}

static FidConsentPolicy
get_consent_policy (FidChannel *channel)
{
  /* A meeting the customer came to: nothing is sent to them. */
  return FID_CONSENT_POLICY_OPT_OUT;
}

static GType
get_editor_type (FidChannel *channel)
{
  return FID_TYPE_BRANCH_EDITOR;
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
fid_branch_channel_class_init (FidBranchChannelClass *klass)
{
}

static void
fid_branch_channel_init (FidBranchChannel *self)
{
}
