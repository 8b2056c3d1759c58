/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidAdvisor: an account manager (or branch manager, marketer, trainer),
 * with the name of their branch read alongside so that lists and the
 * sign-in chooser need no second lookup. */

#include "config.h"

#include "fid-advisor.h"
#include "fid-model-private.h"

struct _FidAdvisor
{
  GObject parent_instance;

  gint64 id;
  char *first_name;
  char *last_name;
  char *email;
  gint64 branch_id;
  char *branch_name;
  char *role;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_EMAIL,
  PROP_BRANCH_ID,
  PROP_BRANCH_NAME,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidAdvisor, fid_advisor, G_TYPE_OBJECT)

static void
fid_advisor_finalize (GObject *object)
{
  FidAdvisor *self = (FidAdvisor *) object;

  g_clear_pointer (&self->first_name, g_free);
  g_clear_pointer (&self->last_name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->branch_name, g_free);
  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (fid_advisor_parent_class)->finalize (object);
}

static void
fid_advisor_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FidAdvisor *self = FID_ADVISOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_FIRST_NAME:
      g_value_set_string (value, self->first_name);
      break;

    case PROP_LAST_NAME:
      g_value_set_string (value, self->last_name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_BRANCH_ID:
      g_value_set_int64 (value, self->branch_id);
      break;

    case PROP_BRANCH_NAME:
      g_value_set_string (value, self->branch_name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_advisor_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FidAdvisor *self = FID_ADVISOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      fid_advisor_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_FIRST_NAME:
      fid_advisor_set_first_name (self, g_value_get_string (value));
      break;

    case PROP_LAST_NAME:
      fid_advisor_set_last_name (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      fid_advisor_set_email (self, g_value_get_string (value));
      break;

    case PROP_BRANCH_ID:
      fid_advisor_set_branch_id (self, g_value_get_int64 (value));
      break;

    case PROP_BRANCH_NAME:
      fid_advisor_set_branch_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      fid_advisor_set_role (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_advisor_class_init (FidAdvisorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_advisor_finalize;
  object_class->get_property = fid_advisor_get_property;
  object_class->set_property = fid_advisor_set_property;

  /* Row id; 0 until stored. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* First name. */
  properties[PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Last name. */
  properties[PROP_LAST_NAME] =
    g_param_spec_string ("last-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Work e-mail, or NULL. */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The branch they work at, 0 for none. */
  properties[PROP_BRANCH_ID] =
    g_param_spec_int64 ("branch-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The branch's name (filled on read). */
  properties[PROP_BRANCH_NAME] =
    g_param_spec_string ("branch-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* advisor, branch_manager, marketing or trainer. */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_advisor_init (FidAdvisor *self)
{
}

FidAdvisor *
fid_advisor_new (void)
{
  return g_object_new (FID_TYPE_ADVISOR, NULL);
}

/* Accessors: g_return_if_fail on the instance, notify only on change. */
FID_INT64_ACCESSORS (FidAdvisor, fid_advisor, FID_IS_ADVISOR, id, PROP_ID)
FID_STRING_ACCESSORS (FidAdvisor, fid_advisor, FID_IS_ADVISOR, first_name, PROP_FIRST_NAME)
FID_STRING_ACCESSORS (FidAdvisor, fid_advisor, FID_IS_ADVISOR, last_name, PROP_LAST_NAME)
FID_STRING_ACCESSORS (FidAdvisor, fid_advisor, FID_IS_ADVISOR, email, PROP_EMAIL)
FID_INT64_ACCESSORS (FidAdvisor, fid_advisor, FID_IS_ADVISOR, branch_id, PROP_BRANCH_ID)
FID_STRING_ACCESSORS (FidAdvisor, fid_advisor, FID_IS_ADVISOR, branch_name, PROP_BRANCH_NAME)
FID_STRING_ACCESSORS (FidAdvisor, fid_advisor, FID_IS_ADVISOR, role, PROP_ROLE)

char *
fid_advisor_dup_display_name (FidAdvisor *self)
{
  g_return_val_if_fail (FID_IS_ADVISOR (self), NULL);

  if (self->first_name == NULL || self->first_name[0] == '\0')
    return g_strdup (self->last_name ? self->last_name : "");
  return g_strdup_printf ("%s %s", self->first_name, self->last_name ? self->last_name : "");
}
