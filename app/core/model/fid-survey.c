/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSurvey: a satisfaction survey (issue 6), and the kinds and answer
 * parts that the store, the analyses and the CSV files share. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fid-model-private.h"
#include "fid-survey.h"

/* Kinds and parts */

G_DEFINE_ENUM_TYPE (FidSurveyKind, fid_survey_kind,
  G_DEFINE_ENUM_VALUE (FID_SURVEY_KANO, "kano"),
  G_DEFINE_ENUM_VALUE (FID_SURVEY_SERVQUAL, "servqual"),
  G_DEFINE_ENUM_VALUE (FID_SURVEY_NPS, "nps"),
  G_DEFINE_ENUM_VALUE (FID_SURVEY_CSAT, "csat"),
  G_DEFINE_ENUM_VALUE (FID_SURVEY_CES, "ces"))

static const char * const kind_keys[] = { "kano", "servqual", "nps", "csat", "ces", NULL };

static const char * const part_keys[] = {
  "functional", "dysfunctional", "importance", "expectation", "perception",
  "weight", "management", "score", NULL
};

/* Which kind each part belongs to, and its range. */
static const struct
{
  FidSurveyKind kind;
  int min, max;
} part_ranges[FID_SURVEY_N_PARTS] = {
  [FID_SURVEY_PART_FUNCTIONAL] = { FID_SURVEY_KANO, 1, 5 },
  [FID_SURVEY_PART_DYSFUNCTIONAL] = { FID_SURVEY_KANO, 1, 5 },
  [FID_SURVEY_PART_IMPORTANCE] = { FID_SURVEY_KANO, 1, 9 },
  [FID_SURVEY_PART_EXPECTATION] = { FID_SURVEY_SERVQUAL, 1, 7 },
  [FID_SURVEY_PART_PERCEPTION] = { FID_SURVEY_SERVQUAL, 1, 7 },
  [FID_SURVEY_PART_WEIGHT] = { FID_SURVEY_SERVQUAL, 0, 100 },
  [FID_SURVEY_PART_MANAGEMENT] = { FID_SURVEY_SERVQUAL, 1, 7 },
  [FID_SURVEY_PART_SCORE] = { FID_SURVEY_N_KINDS, 0, 0 },  /* by kind, below */
};

const char * const *
fid_survey_kind_keys (void)
{
  return kind_keys;
}

const char *
fid_survey_kind_to_key (FidSurveyKind kind)
{
  g_return_val_if_fail (kind < FID_SURVEY_N_KINDS, NULL);
  return kind_keys[kind];
}

gboolean
fid_survey_kind_from_key (const char    *key,
                          FidSurveyKind *kind)
{
  for (guint i = 0; key != NULL && kind_keys[i] != NULL; i++)
    if (g_ascii_strcasecmp (key, kind_keys[i]) == 0)
      {
        if (kind != NULL)
          *kind = (FidSurveyKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
fid_survey_kind_get_name (FidSurveyKind kind)
{
  switch (kind)
    {
    case FID_SURVEY_KANO:
      return _("Kano");
    case FID_SURVEY_SERVQUAL:
      return _("SERVQUAL");
    case FID_SURVEY_NPS:
      return _("Net Promoter Score");
    case FID_SURVEY_CSAT:
      return _("Customer satisfaction (CSAT)");
    case FID_SURVEY_CES:
      return _("Customer effort score (CES)");
    case FID_SURVEY_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
fid_survey_part_to_key (FidSurveyPart part)
{
  g_return_val_if_fail (part < FID_SURVEY_N_PARTS, NULL);
  return part_keys[part];
}

gboolean
fid_survey_part_from_key (const char    *key,
                          FidSurveyPart *part)
{
  for (guint i = 0; key != NULL && part_keys[i] != NULL; i++)
    if (g_str_equal (key, part_keys[i]))
      {
        if (part != NULL)
          *part = (FidSurveyPart) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
fid_survey_part_get_range (FidSurveyKind  kind,
                           FidSurveyPart  part,
                           int           *min,
                           int           *max)
{
  int lo, hi;

  if (part >= FID_SURVEY_N_PARTS || kind >= FID_SURVEY_N_KINDS)
    return FALSE;
  if (part == FID_SURVEY_PART_SCORE)
    {
      if (kind == FID_SURVEY_NPS)
        lo = 0, hi = 10;
      else if (kind == FID_SURVEY_CSAT)
        lo = 1, hi = 5;
      else if (kind == FID_SURVEY_CES)
        lo = 1, hi = 7;
      else
        return FALSE;
    }
  else if (part_ranges[part].kind != kind)
    return FALSE;
  else
    lo = part_ranges[part].min, hi = part_ranges[part].max;

  if (min != NULL)
    *min = lo;
  if (max != NULL)
    *max = hi;
  return TRUE;
}

/* FidSurvey */

struct _FidSurvey
{
  GObject parent_instance;

  gint64 id;
  FidSurveyKind kind;
  char *title;
  char *created_at;
  gint64 n_responses;
  gint64 n_items;
  GPtrArray *items;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_CREATED_AT,
  PROP_N_RESPONSES,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidSurvey, fid_survey, G_TYPE_OBJECT)

static void
fid_survey_finalize (GObject *object)
{
  FidSurvey *self = (FidSurvey *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (fid_survey_parent_class)->finalize (object);
}

static void
fid_survey_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FidSurvey *self = FID_SURVEY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_N_RESPONSES:
      g_value_set_int64 (value, self->n_responses);
      break;

    case PROP_N_ITEMS:
      g_value_set_int64 (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_survey_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FidSurvey *self = FID_SURVEY (object);

  switch (prop_id)
    {
    case PROP_ID:
      fid_survey_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      fid_survey_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TITLE:
      fid_survey_set_title (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      fid_survey_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_N_RESPONSES:
      fid_survey_set_n_responses (self, g_value_get_int64 (value));
      break;

    case PROP_N_ITEMS:
      fid_survey_set_n_items (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_survey_class_init (FidSurveyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_survey_finalize;
  object_class->get_property = fid_survey_get_property;
  object_class->set_property = fid_survey_set_property;

  /* Row id; 0 until stored. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, FID_TYPE_SURVEY_KIND, FID_SURVEY_KANO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* ISO 8601 date-time. */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_RESPONSES] =
    g_param_spec_int64 ("n-responses", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_int64 ("n-items", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_survey_init (FidSurvey *self)
{
}

FidSurvey *
fid_survey_new (void)
{
  return g_object_new (FID_TYPE_SURVEY, NULL);
}

static FidSurveyKind
norm_kind (FidSurveyKind kind)
{
  g_return_val_if_fail (kind < FID_SURVEY_N_KINDS, FID_SURVEY_KANO);
  return kind;
}

/* Accessors: g_return_if_fail on the instance, notify only on change. */
FID_INT64_ACCESSORS (FidSurvey, fid_survey, FID_IS_SURVEY, id, PROP_ID)
FID_SCALAR_ACCESSORS (FidSurvey, fid_survey, FID_IS_SURVEY, kind, PROP_KIND, FidSurveyKind, norm_kind)
FID_STRING_ACCESSORS (FidSurvey, fid_survey, FID_IS_SURVEY, title, PROP_TITLE)
FID_STRING_ACCESSORS (FidSurvey, fid_survey, FID_IS_SURVEY, created_at, PROP_CREATED_AT)
FID_INT64_ACCESSORS (FidSurvey, fid_survey, FID_IS_SURVEY, n_responses, PROP_N_RESPONSES)
FID_INT64_ACCESSORS (FidSurvey, fid_survey, FID_IS_SURVEY, n_items, PROP_N_ITEMS)

GPtrArray *
fid_survey_get_items (FidSurvey *self)
{
  g_return_val_if_fail (FID_IS_SURVEY (self), NULL);
  return self->items;
}

void
fid_survey_set_items (FidSurvey *self,
                      GPtrArray *items)
{
  g_return_if_fail (FID_IS_SURVEY (self));

  if (items != NULL)
    g_ptr_array_ref (items);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items;
}
