/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidHolding: one of a customer's contracts (a product held), with the
 * product's code, name and family read from the products table so that the
 * 360 view needs no second lookup. */

#include "config.h"

#include "fid-holding.h"
#include "fid-model-private.h"

struct _FidHolding
{
  GObject parent_instance;

  gint64 id;
  char *product_code;
  char *product_name;
  char *family;
  char *opened_on;
  char *closed_on;
  gint64 balance_cents;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_PRODUCT_CODE,
  PROP_PRODUCT_NAME,
  PROP_FAMILY,
  PROP_OPENED_ON,
  PROP_CLOSED_ON,
  PROP_BALANCE_CENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidHolding, fid_holding, G_TYPE_OBJECT)

static void
fid_holding_finalize (GObject *object)
{
  FidHolding *self = (FidHolding *) object;

  g_clear_pointer (&self->product_code, g_free);
  g_clear_pointer (&self->product_name, g_free);
  g_clear_pointer (&self->family, g_free);
  g_clear_pointer (&self->opened_on, g_free);
  g_clear_pointer (&self->closed_on, g_free);

  G_OBJECT_CLASS (fid_holding_parent_class)->finalize (object);
}

static void
fid_holding_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FidHolding *self = FID_HOLDING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PRODUCT_CODE:
      g_value_set_string (value, self->product_code);
      break;

    case PROP_PRODUCT_NAME:
      g_value_set_string (value, self->product_name);
      break;

    case PROP_FAMILY:
      g_value_set_string (value, self->family);
      break;

    case PROP_OPENED_ON:
      g_value_set_string (value, self->opened_on);
      break;

    case PROP_CLOSED_ON:
      g_value_set_string (value, self->closed_on);
      break;

    case PROP_BALANCE_CENTS:
      g_value_set_int64 (value, self->balance_cents);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_holding_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FidHolding *self = FID_HOLDING (object);

  switch (prop_id)
    {
    case PROP_ID:
      fid_holding_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PRODUCT_CODE:
      fid_holding_set_product_code (self, g_value_get_string (value));
      break;

    case PROP_PRODUCT_NAME:
      fid_holding_set_product_name (self, g_value_get_string (value));
      break;

    case PROP_FAMILY:
      fid_holding_set_family (self, g_value_get_string (value));
      break;

    case PROP_OPENED_ON:
      fid_holding_set_opened_on (self, g_value_get_string (value));
      break;

    case PROP_CLOSED_ON:
      fid_holding_set_closed_on (self, g_value_get_string (value));
      break;

    case PROP_BALANCE_CENTS:
      fid_holding_set_balance_cents (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_holding_class_init (FidHoldingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_holding_finalize;
  object_class->get_property = fid_holding_get_property;
  object_class->set_property = fid_holding_set_property;

  /* Row id in the holdings table; 0 until stored. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The product's short code (unique in the catalogue). */
  properties[PROP_PRODUCT_CODE] =
    g_param_spec_string ("product-code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The product's display name. */
  properties[PROP_PRODUCT_NAME] =
    g_param_spec_string ("product-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* current_account, savings, card, mortgage, consumer_loan, student_loan,
   * insurance or investment. */
  properties[PROP_FAMILY] =
    g_param_spec_string ("family", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* YYYY-MM-DD the contract was opened. */
  properties[PROP_OPENED_ON] =
    g_param_spec_string ("opened-on", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* YYYY-MM-DD the contract was closed, NULL while it is open. */
  properties[PROP_CLOSED_ON] =
    g_param_spec_string ("closed-on", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Balance in cents (negative for what the customer owes on a loan). */
  properties[PROP_BALANCE_CENTS] =
    g_param_spec_int64 ("balance-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_holding_init (FidHolding *self)
{
}

FidHolding *
fid_holding_new (void)
{
  return g_object_new (FID_TYPE_HOLDING, NULL);
}

/* Accessors: g_return_if_fail on the instance, notify only on change. */
FID_INT64_ACCESSORS (FidHolding, fid_holding, FID_IS_HOLDING, id, PROP_ID)
FID_STRING_ACCESSORS (FidHolding, fid_holding, FID_IS_HOLDING, product_code, PROP_PRODUCT_CODE)
FID_STRING_ACCESSORS (FidHolding, fid_holding, FID_IS_HOLDING, product_name, PROP_PRODUCT_NAME)
FID_STRING_ACCESSORS (FidHolding, fid_holding, FID_IS_HOLDING, family, PROP_FAMILY)
FID_STRING_ACCESSORS (FidHolding, fid_holding, FID_IS_HOLDING, opened_on, PROP_OPENED_ON)
FID_STRING_ACCESSORS (FidHolding, fid_holding, FID_IS_HOLDING, closed_on, PROP_CLOSED_ON)
FID_INT64_ACCESSORS (FidHolding, fid_holding, FID_IS_HOLDING, balance_cents, PROP_BALANCE_CENTS)

/* A contract is open until it has a closing date. */
gboolean
fid_holding_is_open (FidHolding *self)
{
  g_return_val_if_fail (FID_IS_HOLDING (self), FALSE);

  return self->closed_on == NULL || self->closed_on[0] == '\0';
}
