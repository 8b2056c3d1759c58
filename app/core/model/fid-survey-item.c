/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSurveyItem: one question of a survey (issue 6), as the designer lists
 * and edits it. */

#include "config.h"

#include "fid-model-private.h"
#include "fid-survey-item.h"

struct _FidSurveyItem
{
  GObject parent_instance;

  gint64 id;
  gint64 survey_id;
  int position;
  char *label;
  char *dimension;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_SURVEY_ID,
  PROP_POSITION,
  PROP_LABEL,
  PROP_DIMENSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidSurveyItem, fid_survey_item, G_TYPE_OBJECT)

static void
fid_survey_item_finalize (GObject *object)
{
  FidSurveyItem *self = (FidSurveyItem *) object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->dimension, g_free);

  G_OBJECT_CLASS (fid_survey_item_parent_class)->finalize (object);
}

static void
fid_survey_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FidSurveyItem *self = FID_SURVEY_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SURVEY_ID:
      g_value_set_int64 (value, self->survey_id);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_DIMENSION:
      g_value_set_string (value, self->dimension);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_survey_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FidSurveyItem *self = FID_SURVEY_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      fid_survey_item_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SURVEY_ID:
      fid_survey_item_set_survey_id (self, g_value_get_int64 (value));
      break;

    case PROP_POSITION:
      fid_survey_item_set_position (self, g_value_get_int (value));
      break;

    case PROP_LABEL:
      fid_survey_item_set_label (self, g_value_get_string (value));
      break;

    case PROP_DIMENSION:
      fid_survey_item_set_dimension (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_survey_item_class_init (FidSurveyItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_survey_item_finalize;
  object_class->get_property = fid_survey_item_get_property;
  object_class->set_property = fid_survey_item_set_property;

  /* Row id; 0 until stored. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SURVEY_ID] =
    g_param_spec_int64 ("survey-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* From 1 within the survey. */
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The statement or feature. */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* SERVQUAL dimension key, or NULL. */
  properties[PROP_DIMENSION] =
    g_param_spec_string ("dimension", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_survey_item_init (FidSurveyItem *self)
{
}

FidSurveyItem *
fid_survey_item_new (void)
{
  return g_object_new (FID_TYPE_SURVEY_ITEM, NULL);
}

/* Accessors: g_return_if_fail on the instance, notify only on change. */
FID_INT64_ACCESSORS (FidSurveyItem, fid_survey_item, FID_IS_SURVEY_ITEM, id, PROP_ID)
FID_INT64_ACCESSORS (FidSurveyItem, fid_survey_item, FID_IS_SURVEY_ITEM, survey_id, PROP_SURVEY_ID)
FID_INT_ACCESSORS (FidSurveyItem, fid_survey_item, FID_IS_SURVEY_ITEM, position, PROP_POSITION)
FID_STRING_ACCESSORS (FidSurveyItem, fid_survey_item, FID_IS_SURVEY_ITEM, label, PROP_LABEL)
FID_STRING_ACCESSORS (FidSurveyItem, fid_survey_item, FID_IS_SURVEY_ITEM, dimension, PROP_DIMENSION)
