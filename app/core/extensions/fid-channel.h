/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fid-import-report.h"
#include "fid-interaction.h"
#include "fid-store.h"

G_BEGIN_DECLS

/* FidChannel: the extension point for a way of talking to customers (a
 * phone call, an e-mail, a letter…). Plugins implement it; every channel
 * writes FidInteraction rows to the same store, so everything shows up in
 * one timeline. The core never links GTK: a channel's editor widget is
 * named by its GType (get_editor_type), which the application instantiates
 * and checks against FidChannelEditor (app/ui/fid-channel-editor.h). */

#define FID_TYPE_CHANNEL (fid_channel_get_type ())

G_DECLARE_INTERFACE (FidChannel, fid_channel, FID, CHANNEL, GObject)

#define FID_CHANNEL_ERROR (fid_channel_error_quark ())

typedef enum
{
  FID_CHANNEL_ERROR_NO_CONSENT,      /* a marketing message the customer did not agree to */
  FID_CHANNEL_ERROR_NOT_SUPPORTED,   /* the channel cannot do that (see its capabilities) */
  FID_CHANNEL_ERROR_INVALID,         /* the message, or a file to import, is not valid */
  FID_CHANNEL_ERROR_NOT_CONFIGURED,  /* e.g. no SMTP server set */
  FID_CHANNEL_ERROR_SEND_FAILED,     /* the transport refused: the message has its reply */
} FidChannelError;

GQuark fid_channel_error_quark (void);

typedef enum
{
  FID_CHANNEL_CAN_LOG    = 1 << 0,  /* record something that happened (a call, a meeting) */
  FID_CHANNEL_CAN_SEND   = 1 << 1,  /* compose and send (e-mail, letter) */
  FID_CHANNEL_CAN_IMPORT = 1 << 2,  /* read interactions from a file (web form) */
  FID_CHANNEL_CAN_EXPORT = 1 << 3,  /* write a batch file (SMS gateway) */
} FidChannelCapabilities;

#define FID_TYPE_CHANNEL_CAPABILITIES (fid_channel_capabilities_get_type ())
GType fid_channel_capabilities_get_type (void);

/* How marketing consent works on the channel (French law, CPCE L34-5 and
 * the CNIL's guidance): e-mail and SMS need a recorded "yes"; phone and
 * post are allowed unless the customer said no. */
typedef enum
{
  FID_CONSENT_POLICY_OPT_IN,
  FID_CONSENT_POLICY_OPT_OUT,
} FidConsentPolicy;

struct _FidChannelInterface
{
  GTypeInterface parent_iface;

  /* Called when the plugin is activated / before it is unloaded. */
  void                    (*load)               (FidChannel          *self);
  void                    (*unload)             (FidChannel          *self);

  /* Required. The id is what interactions.channel and consents.channel
   * hold ("phone", "email"…); the name and icon are shown to the user. */
  const char             *(*get_id)             (FidChannel          *self);
  const char             *(*get_name)           (FidChannel          *self);
  const char             *(*get_icon_name)      (FidChannel          *self);
  FidChannelCapabilities  (*get_capabilities)   (FidChannel          *self);
  /* Optional: one line saying what the channel records ("Calls: number,
   * direction, duration, outcome"). */
  const char             *(*get_description)    (FidChannel          *self);
  /* Optional: the label, with a mnemonic, of the button that opens the
   * channel's editor ("_Log Call…"). Default: "_Write…" for a channel
   * that sends, "_Log…" otherwise. */
  const char             *(*get_action_label)   (FidChannel          *self);

  /* Optional. Default: opt-in. */
  FidConsentPolicy        (*get_consent_policy) (FidChannel          *self);
  /* Optional. Default: the interaction belongs to a campaign, or its
   * details have "marketing": true. */
  gboolean                (*is_marketing)       (FidChannel          *self,
                                                 FidInteraction      *interaction);
  /* Optional. A GtkWidget subclass of FidChannelEditor, or G_TYPE_NONE
   * (the default) when the channel has no editor. */
  GType                   (*get_editor_type)    (FidChannel          *self);

  /* FID_CHANNEL_CAN_SEND: delivers @interaction (subject, notes and the
   * details the channel needs). Called on the main thread after the
   * consent check; may run the transport in a thread but must not touch
   * @store there. May add to @interaction's details (e.g. the server's
   * reply). The caller records the interaction, done or failed. */
  void                    (*send_async)         (FidChannel          *self,
                                                 FidStore            *store,
                                                 FidInteraction      *interaction,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
  gboolean                (*send_finish)        (FidChannel          *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

  /* FID_CHANNEL_CAN_IMPORT: reads @file into @store. All or nothing: when
   * a row is invalid, every problem goes into @report, nothing is written
   * and FALSE is returned with FID_CHANNEL_ERROR_INVALID. */
  gboolean                (*import)             (FidChannel          *self,
                                                 FidStore            *store,
                                                 GFile               *file,
                                                 FidImportReport     *report,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

  /* FID_CHANNEL_CAN_EXPORT: writes the channel's pending batch to @file. */
  gboolean                (*export)             (FidChannel          *self,
                                                 FidStore            *store,
                                                 GFile               *file,
                                                 guint               *n_exported,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

  /*< private >*/
  gpointer padding[6];
};

void                    fid_channel_load               (FidChannel          *self);
void                    fid_channel_unload             (FidChannel          *self);
const char             *fid_channel_get_id             (FidChannel          *self);
const char             *fid_channel_get_name           (FidChannel          *self);
const char             *fid_channel_get_icon_name      (FidChannel          *self);
const char             *fid_channel_get_description    (FidChannel          *self);
const char             *fid_channel_get_action_label   (FidChannel          *self);
FidChannelCapabilities  fid_channel_get_capabilities   (FidChannel          *self);
gboolean                fid_channel_has_capability     (FidChannel          *self,
                                                        FidChannelCapabilities capability);
FidConsentPolicy        fid_channel_get_consent_policy (FidChannel          *self);
gboolean                fid_channel_is_marketing       (FidChannel          *self,
                                                        FidInteraction      *interaction);
GType                   fid_channel_get_editor_type    (FidChannel          *self);

gboolean                fid_channel_check_consent      (FidChannel          *self,
                                                        FidStore            *store,
                                                        FidInteraction      *interaction,
                                                        GError             **error);
gboolean                fid_channel_record             (FidChannel          *self,
                                                        FidStore            *store,
                                                        FidInteraction      *interaction,
                                                        GError             **error);
void                    fid_channel_send_async         (FidChannel          *self,
                                                        FidStore            *store,
                                                        FidInteraction      *interaction,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean                fid_channel_send_finish        (FidChannel          *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
gboolean                fid_channel_import             (FidChannel          *self,
                                                        FidStore            *store,
                                                        GFile               *file,
                                                        FidImportReport     *report,
                                                        GCancellable        *cancellable,
                                                        GError             **error);
gboolean                fid_channel_export             (FidChannel          *self,
                                                        FidStore            *store,
                                                        GFile               *file,
                                                        guint               *n_exported,
                                                        GCancellable        *cancellable,
                                                        GError             **error);

G_END_DECLS
