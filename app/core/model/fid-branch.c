/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidBranch: an agency of the bank, for the branch filter of the customer
 * list and the advisor's signature. */

#include "config.h"

#include "fid-branch.h"
#include "fid-model-private.h"

struct _FidBranch
{
  GObject parent_instance;

  gint64 id;
  char *code;
  char *name;
  char *city;
  char *postcode;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_CITY,
  PROP_POSTCODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidBranch, fid_branch, G_TYPE_OBJECT)

static void
fid_branch_finalize (GObject *object)
{
  FidBranch *self = (FidBranch *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->postcode, g_free);

  G_OBJECT_CLASS (fid_branch_parent_class)->finalize (object);
}

static void
fid_branch_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FidBranch *self = FID_BRANCH (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_POSTCODE:
      g_value_set_string (value, self->postcode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_branch_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FidBranch *self = FID_BRANCH (object);

  switch (prop_id)
    {
    case PROP_ID:
      fid_branch_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CODE:
      fid_branch_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      fid_branch_set_name (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      fid_branch_set_city (self, g_value_get_string (value));
      break;

    case PROP_POSTCODE:
      fid_branch_set_postcode (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_branch_class_init (FidBranchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_branch_finalize;
  object_class->get_property = fid_branch_get_property;
  object_class->set_property = fid_branch_set_property;

  /* Row id; 0 until stored. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Short unique code. */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Display name. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* City. */
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Postcode, or NULL. */
  properties[PROP_POSTCODE] =
    g_param_spec_string ("postcode", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_branch_init (FidBranch *self)
{
}

FidBranch *
fid_branch_new (void)
{
  return g_object_new (FID_TYPE_BRANCH, NULL);
}

/* Accessors: g_return_if_fail on the instance, notify only on change. */
FID_INT64_ACCESSORS (FidBranch, fid_branch, FID_IS_BRANCH, id, PROP_ID)
FID_STRING_ACCESSORS (FidBranch, fid_branch, FID_IS_BRANCH, code, PROP_CODE)
FID_STRING_ACCESSORS (FidBranch, fid_branch, FID_IS_BRANCH, name, PROP_NAME)
FID_STRING_ACCESSORS (FidBranch, fid_branch, FID_IS_BRANCH, city, PROP_CITY)
FID_STRING_ACCESSORS (FidBranch, fid_branch, FID_IS_BRANCH, postcode, PROP_POSTCODE)
