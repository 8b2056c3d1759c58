/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidInteraction: one contact with a customer on any channel — a call, an
 * e-mail, a branch meeting and its report — as the store reads and writes it. */

#include "config.h"

#include "fid-interaction.h"
#include "fid-model-private.h"

struct _FidInteraction
{
  GObject parent_instance;

  gint64 id;
  gint64 customer_id;
  char *customer_name;
  char *channel;
  char *direction;
  char *at;
  gint64 advisor_id;
  char *advisor_name;
  char *subject;
  char *notes;
  char *outcome;
  char *next_step;
  char *follow_up_on;
  gboolean follow_up_done;
  char *status;
  gint64 campaign_id;
  char *details;

};

enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_CHANNEL,
  PROP_DIRECTION,
  PROP_AT,
  PROP_ADVISOR_ID,
  PROP_ADVISOR_NAME,
  PROP_SUBJECT,
  PROP_NOTES,
  PROP_OUTCOME,
  PROP_NEXT_STEP,
  PROP_FOLLOW_UP_ON,
  PROP_FOLLOW_UP_DONE,
  PROP_STATUS,
  PROP_CAMPAIGN_ID,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidInteraction, fid_interaction, G_TYPE_OBJECT)


static void
fid_interaction_finalize (GObject *object)
{
  FidInteraction *self = ((FidInteraction *) object);

  g_clear_pointer (&self->customer_name, g_free);
  g_clear_pointer (&self->channel, g_free);
  g_clear_pointer (&self->direction, g_free);
  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->advisor_name, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->outcome, g_free);
  g_clear_pointer (&self->next_step, g_free);
  g_clear_pointer (&self->follow_up_on, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->details, g_free);

  G_OBJECT_CLASS (fid_interaction_parent_class)->finalize (object);
}

static void
fid_interaction_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FidInteraction *self = FID_INTERACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, self->customer_name);
      break;

    case PROP_CHANNEL:
      g_value_set_string (value, self->channel);
      break;

    case PROP_DIRECTION:
      g_value_set_string (value, self->direction);
      break;

    case PROP_AT:
      g_value_set_string (value, self->at);
      break;

    case PROP_ADVISOR_ID:
      g_value_set_int64 (value, self->advisor_id);
      break;

    case PROP_ADVISOR_NAME:
      g_value_set_string (value, self->advisor_name);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;

    case PROP_NEXT_STEP:
      g_value_set_string (value, self->next_step);
      break;

    case PROP_FOLLOW_UP_ON:
      g_value_set_string (value, self->follow_up_on);
      break;

    case PROP_FOLLOW_UP_DONE:
      g_value_set_boolean (value, self->follow_up_done);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_CAMPAIGN_ID:
      g_value_set_int64 (value, self->campaign_id);
      break;

    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_interaction_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FidInteraction *self = FID_INTERACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      fid_interaction_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_ID:
      fid_interaction_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_NAME:
      fid_interaction_set_customer_name (self, g_value_get_string (value));
      break;

    case PROP_CHANNEL:
      fid_interaction_set_channel (self, g_value_get_string (value));
      break;

    case PROP_DIRECTION:
      fid_interaction_set_direction (self, g_value_get_string (value));
      break;

    case PROP_AT:
      fid_interaction_set_at (self, g_value_get_string (value));
      break;

    case PROP_ADVISOR_ID:
      fid_interaction_set_advisor_id (self, g_value_get_int64 (value));
      break;

    case PROP_ADVISOR_NAME:
      fid_interaction_set_advisor_name (self, g_value_get_string (value));
      break;

    case PROP_SUBJECT:
      fid_interaction_set_subject (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      fid_interaction_set_notes (self, g_value_get_string (value));
      break;

    case PROP_OUTCOME:
      fid_interaction_set_outcome (self, g_value_get_string (value));
      break;

    case PROP_NEXT_STEP:
      fid_interaction_set_next_step (self, g_value_get_string (value));
      break;

    case PROP_FOLLOW_UP_ON:
      fid_interaction_set_follow_up_on (self, g_value_get_string (value));
      break;

    case PROP_FOLLOW_UP_DONE:
      fid_interaction_set_follow_up_done (self, g_value_get_boolean (value));
      break;

    case PROP_STATUS:
      fid_interaction_set_status (self, g_value_get_string (value));
      break;

    case PROP_CAMPAIGN_ID:
      fid_interaction_set_campaign_id (self, g_value_get_int64 (value));
      break;

    case PROP_DETAILS:
      fid_interaction_set_details (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_interaction_class_init (FidInteractionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_interaction_finalize;
  object_class->get_property = fid_interaction_get_property;
  object_class->set_property = fid_interaction_set_property;

  /* Row id; 0 until saved. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The customer it is about. */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Customer display name (filled by listings such as follow-ups). */
  properties[PROP_CUSTOMER_NAME] =
    g_param_spec_string ("customer-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Channel id: phone, email, sms, branch, mail, web, or a plugin's id. */
  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* "inbound" or "outbound". */
  properties[PROP_DIRECTION] =
    g_param_spec_string ("direction", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* When it happened (ISO 8601 date-time). */
  properties[PROP_AT] =
    g_param_spec_string ("at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Advisor who recorded it, 0 for none. */
  properties[PROP_ADVISOR_ID] =
    g_param_spec_int64 ("advisor-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Advisor display name (filled on read). */
  properties[PROP_ADVISOR_NAME] =
    g_param_spec_string ("advisor-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* One-line subject. */
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Notes or meeting report. */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Outcome (reached, no_answer, follow_up, sale, refused, …). */
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* What happens next. */
  properties[PROP_NEXT_STEP] =
    g_param_spec_string ("next-step", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* YYYY-MM-DD of the follow-up, or NULL. */
  properties[PROP_FOLLOW_UP_ON] =
    g_param_spec_string ("follow-up-on", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* TRUE once the follow-up is done. */
  properties[PROP_FOLLOW_UP_DONE] =
    g_param_spec_boolean ("follow-up-done", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* "done", "failed" or "planned". */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Campaign this contact belongs to, 0 for none. */
  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_int64 ("campaign-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Channel-specific data as a JSON object (phone number, duration, message id…). */
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_interaction_init (FidInteraction *self)
{
  self->direction = g_strdup ("outbound");
  self->status = g_strdup ("done");
}

FidInteraction *
fid_interaction_new (void)
{
  return g_object_new (FID_TYPE_INTERACTION, NULL);
}

/* Accessors: g_return_if_fail on the instance, notify only on change. */
FID_INT64_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, id, PROP_ID)
FID_INT64_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, customer_id, PROP_CUSTOMER_ID)
FID_STRING_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, customer_name, PROP_CUSTOMER_NAME)
FID_STRING_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, channel, PROP_CHANNEL)
FID_STRING_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, direction, PROP_DIRECTION)
FID_STRING_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, at, PROP_AT)
FID_INT64_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, advisor_id, PROP_ADVISOR_ID)
FID_STRING_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, advisor_name, PROP_ADVISOR_NAME)
FID_STRING_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, subject, PROP_SUBJECT)
FID_STRING_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, notes, PROP_NOTES)
FID_STRING_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, outcome, PROP_OUTCOME)
FID_STRING_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, next_step, PROP_NEXT_STEP)
FID_STRING_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, follow_up_on, PROP_FOLLOW_UP_ON)
FID_BOOLEAN_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, follow_up_done, PROP_FOLLOW_UP_DONE)
FID_STRING_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, status, PROP_STATUS)
FID_INT64_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, campaign_id, PROP_CAMPAIGN_ID)
FID_STRING_ACCESSORS (FidInteraction, fid_interaction, FID_IS_INTERACTION, details, PROP_DETAILS)
