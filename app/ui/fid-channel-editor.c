/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidChannelEditor: base class of the channels' forms. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-channel-editor.h"

typedef struct
{
  FidChannel  *channel;
  FidStore    *store;
  FidCustomer *customer;
  gint64       advisor_id;
  char        *title;
  char        *action_label;
  gboolean     valid;
  GtkWidget   *initial_focus;   /* weak */
} FidChannelEditorPrivate;

enum {
  PROP_0,
  PROP_CHANNEL,
  PROP_STORE,
  PROP_CUSTOMER,
  PROP_ADVISOR_ID,
  PROP_TITLE,
  PROP_ACTION_LABEL,
  PROP_VALID,
  N_PROPS
};

G_DEFINE_TYPE_WITH_PRIVATE (FidChannelEditor, fid_channel_editor, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

/* g_set_str () is GLib 2.76. */
static gboolean
set_str (char       **str,
         const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

static gboolean
fid_channel_editor_real_get_sends (FidChannelEditor *self)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  return priv->channel != NULL && fid_channel_has_capability (priv->channel, FID_CHANNEL_CAN_SEND);
}

static void
fid_channel_editor_constructed (GObject *object)
{
  FidChannelEditor *self = FID_CHANNEL_EDITOR (object);
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  G_OBJECT_CLASS (fid_channel_editor_parent_class)->constructed (object);

  if (priv->title == NULL && priv->channel != NULL)
    priv->title = g_strdup (fid_channel_get_name (priv->channel));
  if (priv->action_label == NULL)
    priv->action_label = g_strdup (fid_channel_editor_get_sends (self) ? _("_Send") : _("_Save"));

  if (FID_CHANNEL_EDITOR_GET_CLASS (self)->customer_changed != NULL && priv->customer != NULL)
    FID_CHANNEL_EDITOR_GET_CLASS (self)->customer_changed (self, priv->customer);
}

static void
fid_channel_editor_dispose (GObject *object)
{
  FidChannelEditor *self = FID_CHANNEL_EDITOR (object);
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_clear_weak_pointer (&priv->initial_focus);
  g_clear_object (&priv->channel);
  g_clear_object (&priv->store);
  g_clear_object (&priv->customer);

  G_OBJECT_CLASS (fid_channel_editor_parent_class)->dispose (object);
}

static void
fid_channel_editor_finalize (GObject *object)
{
  FidChannelEditor *self = FID_CHANNEL_EDITOR (object);
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_free (priv->title);
  g_free (priv->action_label);

  G_OBJECT_CLASS (fid_channel_editor_parent_class)->finalize (object);
}

static void
fid_channel_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FidChannelEditor *self = FID_CHANNEL_EDITOR (object);
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CHANNEL:
      g_value_set_object (value, priv->channel);
      break;

    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    case PROP_CUSTOMER:
      g_value_set_object (value, priv->customer);
      break;

    case PROP_ADVISOR_ID:
      g_value_set_int64 (value, priv->advisor_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_ACTION_LABEL:
      g_value_set_string (value, priv->action_label);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, priv->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_channel_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FidChannelEditor *self = FID_CHANNEL_EDITOR (object);
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CHANNEL:
      priv->channel = g_value_dup_object (value);
      break;

    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;

    case PROP_CUSTOMER:
      priv->customer = g_value_dup_object (value);
      break;

    case PROP_ADVISOR_ID:
      priv->advisor_id = g_value_get_int64 (value);
      break;

    case PROP_TITLE:
      fid_channel_editor_set_title (self, g_value_get_string (value));
      break;

    case PROP_ACTION_LABEL:
      fid_channel_editor_set_action_label (self, g_value_get_string (value));
      break;

    case PROP_VALID:
      fid_channel_editor_set_valid (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_channel_editor_class_init (FidChannelEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fid_channel_editor_constructed;
  object_class->dispose = fid_channel_editor_dispose;
  object_class->finalize = fid_channel_editor_finalize;
  object_class->get_property = fid_channel_editor_get_property;
  object_class->set_property = fid_channel_editor_set_property;

  klass->get_sends = fid_channel_editor_real_get_sends;

  properties[PROP_CHANNEL] =
    g_param_spec_object ("channel", NULL, NULL, FID_TYPE_CHANNEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FID_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL, FID_TYPE_CUSTOMER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ADVISOR_ID] =
    g_param_spec_int64 ("advisor-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTION_LABEL] =
    g_param_spec_string ("action-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_channel_editor_init (FidChannelEditor *self)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  priv->valid = TRUE;
}

/**
 * fid_channel_editor_new:
 *
 * Returns: (transfer floating) (nullable): a new editor of @editor_type,
 * or NULL when the type is not a FidChannelEditor (a plugin's mistake).
 */
FidChannelEditor *
fid_channel_editor_new (GType        editor_type,
                        FidChannel  *channel,
                        FidStore    *store,
                        FidCustomer *customer,
                        gint64       advisor_id)
{
  g_return_val_if_fail (FID_IS_CHANNEL (channel), NULL);
  g_return_val_if_fail (FID_IS_STORE (store), NULL);
  g_return_val_if_fail (!customer || FID_IS_CUSTOMER (customer), NULL);

  if (!g_type_is_a (editor_type, FID_TYPE_CHANNEL_EDITOR) || G_TYPE_IS_ABSTRACT (editor_type))
    {
      g_warning ("Channel “%s” names %s as its editor, which is not a FidChannelEditor",
                 fid_channel_get_id (channel), g_type_name (editor_type));
      return NULL;
    }

  return g_object_new (editor_type,
                       "channel", channel,
                       "store", store,
                       "customer", customer,
                       "advisor-id", advisor_id,
                       NULL);
}

FidChannel *
fid_channel_editor_get_channel (FidChannelEditor *self)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHANNEL_EDITOR (self), NULL);

  return priv->channel;
}

FidStore *
fid_channel_editor_get_store (FidChannelEditor *self)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHANNEL_EDITOR (self), NULL);

  return priv->store;
}

FidCustomer *
fid_channel_editor_get_customer (FidChannelEditor *self)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHANNEL_EDITOR (self), NULL);

  return priv->customer;
}

gint64
fid_channel_editor_get_advisor_id (FidChannelEditor *self)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHANNEL_EDITOR (self), 0);

  return priv->advisor_id;
}

const char *
fid_channel_editor_get_title (FidChannelEditor *self)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHANNEL_EDITOR (self), NULL);

  return priv->title;
}

void
fid_channel_editor_set_title (FidChannelEditor *self,
                              const char       *title)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_return_if_fail (FID_IS_CHANNEL_EDITOR (self));

  if (set_str (&priv->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
fid_channel_editor_get_action_label (FidChannelEditor *self)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHANNEL_EDITOR (self), NULL);

  return priv->action_label;
}

/* The confirm button's label, with a mnemonic ("_Log Call"). */
void
fid_channel_editor_set_action_label (FidChannelEditor *self,
                                     const char       *action_label)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_return_if_fail (FID_IS_CHANNEL_EDITOR (self));

  if (set_str (&priv->action_label, action_label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_LABEL]);
}

gboolean
fid_channel_editor_get_valid (FidChannelEditor *self)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHANNEL_EDITOR (self), FALSE);

  return priv->valid;
}

/* Whether the form is complete enough to confirm (the button follows). */
void
fid_channel_editor_set_valid (FidChannelEditor *self,
                              gboolean          valid)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_return_if_fail (FID_IS_CHANNEL_EDITOR (self));

  valid = !!valid;
  if (priv->valid == valid)
    return;

  priv->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

gboolean
fid_channel_editor_get_sends (FidChannelEditor *self)
{
  g_return_val_if_fail (FID_IS_CHANNEL_EDITOR (self), FALSE);

  return FID_CHANNEL_EDITOR_GET_CLASS (self)->get_sends (self);
}

GtkWidget *
fid_channel_editor_get_initial_focus (FidChannelEditor *self)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHANNEL_EDITOR (self), NULL);

  return priv->initial_focus;
}

void
fid_channel_editor_set_initial_focus (FidChannelEditor *self,
                                      GtkWidget        *widget)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);

  g_return_if_fail (FID_IS_CHANNEL_EDITOR (self));
  g_return_if_fail (!widget || GTK_IS_WIDGET (widget));

  g_set_weak_pointer (&priv->initial_focus, widget);
}

/**
 * fid_channel_editor_build_interaction:
 *
 * Returns: (transfer full): the interaction the form describes, for the
 * editor's customer, advisor and channel; NULL with @error set when the
 * form is not complete.
 */
FidInteraction *
fid_channel_editor_build_interaction (FidChannelEditor  *self,
                                      GError           **error)
{
  FidChannelEditorPrivate *priv = fid_channel_editor_get_instance_private (self);
  FidInteraction *interaction;

  g_return_val_if_fail (FID_IS_CHANNEL_EDITOR (self), NULL);
  g_return_val_if_fail (FID_CHANNEL_EDITOR_GET_CLASS (self)->build_interaction != NULL, NULL);

  interaction = FID_CHANNEL_EDITOR_GET_CLASS (self)->build_interaction (self, error);
  if (interaction == NULL)
    return NULL;

  if (priv->customer != NULL)
    fid_interaction_set_customer_id (interaction, fid_customer_get_id (priv->customer));
  if (fid_interaction_get_advisor_id (interaction) == 0)
    fid_interaction_set_advisor_id (interaction, priv->advisor_id);
  fid_interaction_set_channel (interaction, fid_channel_get_id (priv->channel));

  return interaction;
}
