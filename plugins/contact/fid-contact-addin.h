/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* FidContactAddin: the window addin of the Contact Centre. It is the
 * channels' host in a window: it owns a PeasExtensionSet of FidChannel
 * and, for each channel, installs window actions in the "channel" group —
 *   channel.ID         (int64 customer id)  opens the channel's editor,
 *   channel.ID-import                       imports a file,
 *   channel.ID-export                       writes the channel's batch —
 * and a row on the Contact page. Disabling a channel plugin removes both. */

#define FID_TYPE_CONTACT_ADDIN (fid_contact_addin_get_type ())

G_DECLARE_FINAL_TYPE (FidContactAddin, fid_contact_addin, FID, CONTACT_ADDIN, GObject)

G_END_DECLS
