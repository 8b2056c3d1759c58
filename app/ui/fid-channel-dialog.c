/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidChannelDialog: hosts a channel's editor and saves or sends what it
 * builds, through FidChannel so that consent is always checked. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-channel-dialog.h"

struct _FidChannelDialog
{
  AdwWindow         parent_instance;

  FidChannelEditor *editor;
  GCancellable     *cancellable;   /* while sending */
  char             *error;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkButton        *confirm_button;
  GtkSpinner       *spinner;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  AdwBin           *editor_bin;
};

enum {
  PROP_0,
  PROP_EDITOR,
  PROP_BUSY,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FidChannelDialog, fid_channel_dialog, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (FidChannelDialog *self,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);

  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
update_confirm (FidChannelDialog *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button),
                            !busy && fid_channel_editor_get_valid (self->editor));
  gtk_widget_set_sensitive (GTK_WIDGET (self->editor), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
set_busy (FidChannelDialog *self,
          GCancellable     *cancellable)
{
  g_set_object (&self->cancellable, cancellable);
  update_confirm (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_editor_notify_cb (FidChannelDialog *self)
{
  const char *title = fid_channel_editor_get_title (self->editor);
  FidCustomer *customer = fid_channel_editor_get_customer (self->editor);
  g_autofree char *name = customer != NULL ? fid_customer_dup_display_name (customer) : NULL;

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (self->confirm_button, fid_channel_editor_get_action_label (self->editor));
  update_confirm (self);
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FidChannelDialog) self = user_data;
  g_autoptr(FidInteraction) interaction = NULL;
  g_autoptr(GError) error = NULL;

  interaction = g_object_steal_data (G_OBJECT (self), "fid-sending");

  if (fid_channel_send_finish (FID_CHANNEL (object), result, &error))
    {
      set_busy (self, NULL);
      g_signal_emit (self, signals[SAVED], 0, interaction);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);
  if (interaction != NULL && fid_interaction_get_id (interaction) > 0)
    {
      g_autofree char *message = g_strdup_printf (_("Not sent: %s It is recorded as failed in the timeline."),
                                                  error->message);

      show_error (self, message);
      g_signal_emit (self, signals[SAVED], 0, interaction);
    }
  else
    show_error (self, error->message);
}

static void
on_confirm_clicked_cb (FidChannelDialog *self)
{
  fid_channel_dialog_confirm (self);
}

static gboolean
fid_channel_dialog_close_request (GtkWindow *window)
{
  FidChannelDialog *self = FID_CHANNEL_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (fid_channel_dialog_parent_class)->close_request (window);
}

static void
fid_channel_dialog_constructed (GObject *object)
{
  FidChannelDialog *self = FID_CHANNEL_DIALOG (object);

  G_OBJECT_CLASS (fid_channel_dialog_parent_class)->constructed (object);

  adw_bin_set_child (self->editor_bin, GTK_WIDGET (self->editor));
  g_signal_connect_object (self->editor, "notify::title",
                           G_CALLBACK (on_editor_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::action-label",
                           G_CALLBACK (on_editor_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::valid",
                           G_CALLBACK (on_editor_notify_cb), self, G_CONNECT_SWAPPED);
  on_editor_notify_cb (self);

  if (fid_channel_editor_get_initial_focus (self->editor) != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), fid_channel_editor_get_initial_focus (self->editor));
}

static void
fid_channel_dialog_dispose (GObject *object)
{
  FidChannelDialog *self = FID_CHANNEL_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_CHANNEL_DIALOG);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (fid_channel_dialog_parent_class)->dispose (object);
}

static void
fid_channel_dialog_finalize (GObject *object)
{
  FidChannelDialog *self = FID_CHANNEL_DIALOG (object);

  g_free (self->error);

  G_OBJECT_CLASS (fid_channel_dialog_parent_class)->finalize (object);
}

static void
fid_channel_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FidChannelDialog *self = FID_CHANNEL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_channel_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FidChannelDialog *self = FID_CHANNEL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      self->editor = g_object_ref_sink (g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_channel_dialog_class_init (FidChannelDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = fid_channel_dialog_constructed;
  object_class->dispose = fid_channel_dialog_dispose;
  object_class->finalize = fid_channel_dialog_finalize;
  object_class->get_property = fid_channel_dialog_get_property;
  object_class->set_property = fid_channel_dialog_set_property;

  window_class->close_request = fid_channel_dialog_close_request;

  properties[PROP_EDITOR] =
    g_param_spec_object ("editor", NULL, NULL, FID_TYPE_CHANNEL_EDITOR,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FidChannelDialog::saved:
   * @interaction: the interaction as saved (with its id)
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, FID_TYPE_INTERACTION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-channel-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FidChannelDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FidChannelDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, FidChannelDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, FidChannelDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, FidChannelDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FidChannelDialog, editor_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fid_channel_dialog_init (FidChannelDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FidChannelDialog *
fid_channel_dialog_new (GtkWindow        *parent,
                        FidChannelEditor *editor)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FID_IS_CHANNEL_EDITOR (editor), NULL);

  return g_object_new (FID_TYPE_CHANNEL_DIALOG,
                       "transient-for", parent,
                       "editor", editor,
                       NULL);
}

FidChannelEditor *
fid_channel_dialog_get_editor (FidChannelDialog *self)
{
  g_return_val_if_fail (FID_IS_CHANNEL_DIALOG (self), NULL);

  return self->editor;
}

void
fid_channel_dialog_confirm (FidChannelDialog *self)
{
  g_autoptr(FidInteraction) interaction = NULL;
  g_autoptr(GError) error = NULL;
  FidChannel *channel;
  FidStore *store;

  g_return_if_fail (FID_IS_CHANNEL_DIALOG (self));

  if (self->cancellable != NULL || !fid_channel_editor_get_valid (self->editor))
    return;

  show_error (self, NULL);
  channel = fid_channel_editor_get_channel (self->editor);
  store = fid_channel_editor_get_store (self->editor);

  interaction = fid_channel_editor_build_interaction (self->editor, &error);
  if (interaction == NULL)
    {
      show_error (self, error->message);
      return;
    }

  if (fid_channel_editor_get_sends (self->editor))
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      set_busy (self, cancellable);
      g_object_set_data_full (G_OBJECT (self), "fid-sending",
                              g_object_ref (interaction), g_object_unref);
      fid_channel_send_async (channel, store, interaction, cancellable,
                              on_sent_cb, g_object_ref (self));
      return;
    }

  if (!fid_channel_record (channel, store, interaction, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, interaction);
  gtk_window_destroy (GTK_WINDOW (self));
}

const char *
fid_channel_dialog_get_error (FidChannelDialog *self)
{
  g_return_val_if_fail (FID_IS_CHANNEL_DIALOG (self), NULL);

  return self->error;
}

gboolean
fid_channel_dialog_get_busy (FidChannelDialog *self)
{
  g_return_val_if_fail (FID_IS_CHANNEL_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}
