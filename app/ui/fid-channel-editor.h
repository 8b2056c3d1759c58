/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-channel.h"
#include "fid-customer.h"
#include "fid-store.h"

G_BEGIN_DECLS

/* FidChannelEditor: the base class of a channel's form (log a call, write
 * an e-mail…). A channel names its subclass with get_editor_type; the app
 * creates it with the channel, the store, the customer and the signed-in
 * advisor, puts it in a FidChannelDialog, and when the user confirms asks
 * it for the interaction, which the dialog then records or sends through
 * the channel (so consent is always checked). */

#define FID_TYPE_CHANNEL_EDITOR (fid_channel_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (FidChannelEditor, fid_channel_editor, FID, CHANNEL_EDITOR, AdwBin)

struct _FidChannelEditorClass
{
  AdwBinClass parent_class;

  /* Required: the interaction to save, built from the form (customer,
   * advisor and channel are filled in by the base class afterwards); NULL
   * with an error naming the field otherwise. */
  FidInteraction *(*build_interaction) (FidChannelEditor *self,
                                        GError          **error);
  /* Optional: TRUE when confirming sends (fid_channel_send_async), FALSE
   * when it records (fid_channel_record). Default: the channel can send. */
  gboolean        (*get_sends)         (FidChannelEditor *self);
  /* Optional: the customer changed (also called once after construction). */
  void            (*customer_changed)  (FidChannelEditor *self,
                                        FidCustomer      *customer);

  /*< private >*/
  gpointer padding[8];
};

FidChannelEditor *fid_channel_editor_new               (GType             editor_type,
                                                        FidChannel       *channel,
                                                        FidStore         *store,
                                                        FidCustomer      *customer,
                                                        gint64            advisor_id);
FidChannel       *fid_channel_editor_get_channel       (FidChannelEditor *self);
FidStore         *fid_channel_editor_get_store         (FidChannelEditor *self);
FidCustomer      *fid_channel_editor_get_customer      (FidChannelEditor *self);
gint64            fid_channel_editor_get_advisor_id    (FidChannelEditor *self);
const char       *fid_channel_editor_get_title         (FidChannelEditor *self);
void              fid_channel_editor_set_title         (FidChannelEditor *self,
                                                        const char       *title);
const char       *fid_channel_editor_get_action_label  (FidChannelEditor *self);
void              fid_channel_editor_set_action_label  (FidChannelEditor *self,
                                                        const char       *action_label);
gboolean          fid_channel_editor_get_valid         (FidChannelEditor *self);
void              fid_channel_editor_set_valid         (FidChannelEditor *self,
                                                        gboolean          valid);
gboolean          fid_channel_editor_get_sends         (FidChannelEditor *self);
/* The field the dialog focuses first (NULL: GTK's choice). */
GtkWidget        *fid_channel_editor_get_initial_focus (FidChannelEditor *self);
void              fid_channel_editor_set_initial_focus (FidChannelEditor *self,
                                                        GtkWidget        *widget);
FidInteraction   *fid_channel_editor_build_interaction (FidChannelEditor *self,
                                                        GError          **error);

G_END_DECLS
