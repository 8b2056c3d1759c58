/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidCustomer: one customer (person or company) as the store reads and
 * writes it. Aggregates (tx-*, last-contact-at) are maintained by the store
 * and ignored on insert and update. */

#include "config.h"

#include "fid-customer.h"
#include "fid-model-private.h"

struct _FidCustomer
{
  GObject parent_instance;

  gint64 id;
  char *kind;
  char *title;
  char *first_name;
  char *last_name;
  char *birth_date;
  char *email;
  char *phone;
  char *address;
  char *postcode;
  char *city;
  gint64 household_id;
  char *household_role;
  gint64 advisor_id;
  char *advisor_name;
  gint64 branch_id;
  char *branch_name;
  char *lifecycle_stage;
  char *segment;
  gint64 annual_income_cents;
  char *preferred_channel;
  gboolean is_reference;
  gboolean is_fast_growing;
  gboolean other_division;
  char *created_at;
  char *updated_at;
  gint64 version;
  gint64 tx_count;
  gint64 tx_sum_cents;
  gint64 margin_cents;
  char *first_tx_date;
  char *last_tx_date;
  char *last_contact_at;
  gint64 revenue_12m_cents;
  gint64 engagement_score;
  gint64 margin_12m_cents;

};

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_BIRTH_DATE,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_ADDRESS,
  PROP_POSTCODE,
  PROP_CITY,
  PROP_HOUSEHOLD_ID,
  PROP_HOUSEHOLD_ROLE,
  PROP_ADVISOR_ID,
  PROP_ADVISOR_NAME,
  PROP_BRANCH_ID,
  PROP_BRANCH_NAME,
  PROP_LIFECYCLE_STAGE,
  PROP_SEGMENT,
  PROP_ANNUAL_INCOME_CENTS,
  PROP_PREFERRED_CHANNEL,
  PROP_IS_REFERENCE,
  PROP_IS_FAST_GROWING,
  PROP_OTHER_DIVISION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_VERSION,
  PROP_TX_COUNT,
  PROP_TX_SUM_CENTS,
  PROP_MARGIN_CENTS,
  PROP_FIRST_TX_DATE,
  PROP_LAST_TX_DATE,
  PROP_LAST_CONTACT_AT,
  PROP_REVENUE_12M_CENTS,
  PROP_MARGIN_12M_CENTS,
  PROP_ENGAGEMENT_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidCustomer, fid_customer, G_TYPE_OBJECT)


static void
fid_customer_finalize (GObject *object)
{
  FidCustomer *self = ((FidCustomer *) object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->first_name, g_free);
  g_clear_pointer (&self->last_name, g_free);
  g_clear_pointer (&self->birth_date, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->postcode, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->household_role, g_free);
  g_clear_pointer (&self->advisor_name, g_free);
  g_clear_pointer (&self->branch_name, g_free);
  g_clear_pointer (&self->lifecycle_stage, g_free);
  g_clear_pointer (&self->segment, g_free);
  g_clear_pointer (&self->preferred_channel, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->first_tx_date, g_free);
  g_clear_pointer (&self->last_tx_date, g_free);
  g_clear_pointer (&self->last_contact_at, g_free);

  G_OBJECT_CLASS (fid_customer_parent_class)->finalize (object);
}

static void
fid_customer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FidCustomer *self = FID_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_FIRST_NAME:
      g_value_set_string (value, self->first_name);
      break;

    case PROP_LAST_NAME:
      g_value_set_string (value, self->last_name);
      break;

    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_POSTCODE:
      g_value_set_string (value, self->postcode);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_HOUSEHOLD_ID:
      g_value_set_int64 (value, self->household_id);
      break;

    case PROP_HOUSEHOLD_ROLE:
      g_value_set_string (value, self->household_role);
      break;

    case PROP_ADVISOR_ID:
      g_value_set_int64 (value, self->advisor_id);
      break;

    case PROP_ADVISOR_NAME:
      g_value_set_string (value, self->advisor_name);
      break;

    case PROP_BRANCH_ID:
      g_value_set_int64 (value, self->branch_id);
      break;

    case PROP_BRANCH_NAME:
      g_value_set_string (value, self->branch_name);
      break;

    case PROP_LIFECYCLE_STAGE:
      g_value_set_string (value, self->lifecycle_stage);
      break;

    case PROP_SEGMENT:
      g_value_set_string (value, self->segment);
      break;

    case PROP_ANNUAL_INCOME_CENTS:
      g_value_set_int64 (value, self->annual_income_cents);
      break;

    case PROP_PREFERRED_CHANNEL:
      g_value_set_string (value, self->preferred_channel);
      break;

    case PROP_IS_REFERENCE:
      g_value_set_boolean (value, self->is_reference);
      break;

    case PROP_IS_FAST_GROWING:
      g_value_set_boolean (value, self->is_fast_growing);
      break;

    case PROP_OTHER_DIVISION:
      g_value_set_boolean (value, self->other_division);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_TX_COUNT:
      g_value_set_int64 (value, self->tx_count);
      break;

    case PROP_TX_SUM_CENTS:
      g_value_set_int64 (value, self->tx_sum_cents);
      break;

    case PROP_MARGIN_CENTS:
      g_value_set_int64 (value, self->margin_cents);
      break;

    case PROP_FIRST_TX_DATE:
      g_value_set_string (value, self->first_tx_date);
      break;

    case PROP_LAST_TX_DATE:
      g_value_set_string (value, self->last_tx_date);
      break;

    case PROP_LAST_CONTACT_AT:
      g_value_set_string (value, self->last_contact_at);
      break;

    case PROP_REVENUE_12M_CENTS:
      g_value_set_int64 (value, self->revenue_12m_cents);
      break;

    case PROP_MARGIN_12M_CENTS:
      g_value_set_int64 (value, self->margin_12m_cents);
      break;

    case PROP_ENGAGEMENT_SCORE:
      g_value_set_int64 (value, self->engagement_score);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_customer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FidCustomer *self = FID_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      fid_customer_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      fid_customer_set_kind (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      fid_customer_set_title (self, g_value_get_string (value));
      break;

    case PROP_FIRST_NAME:
      fid_customer_set_first_name (self, g_value_get_string (value));
      break;

    case PROP_LAST_NAME:
      fid_customer_set_last_name (self, g_value_get_string (value));
      break;

    case PROP_BIRTH_DATE:
      fid_customer_set_birth_date (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      fid_customer_set_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      fid_customer_set_phone (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      fid_customer_set_address (self, g_value_get_string (value));
      break;

    case PROP_POSTCODE:
      fid_customer_set_postcode (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      fid_customer_set_city (self, g_value_get_string (value));
      break;

    case PROP_HOUSEHOLD_ID:
      fid_customer_set_household_id (self, g_value_get_int64 (value));
      break;

    case PROP_HOUSEHOLD_ROLE:
      fid_customer_set_household_role (self, g_value_get_string (value));
      break;

    case PROP_ADVISOR_ID:
      fid_customer_set_advisor_id (self, g_value_get_int64 (value));
      break;

    case PROP_ADVISOR_NAME:
      fid_customer_set_advisor_name (self, g_value_get_string (value));
      break;

    case PROP_BRANCH_ID:
      fid_customer_set_branch_id (self, g_value_get_int64 (value));
      break;

    case PROP_BRANCH_NAME:
      fid_customer_set_branch_name (self, g_value_get_string (value));
      break;

    case PROP_LIFECYCLE_STAGE:
      fid_customer_set_lifecycle_stage (self, g_value_get_string (value));
      break;

    case PROP_SEGMENT:
      fid_customer_set_segment (self, g_value_get_string (value));
      break;

    case PROP_ANNUAL_INCOME_CENTS:
      fid_customer_set_annual_income_cents (self, g_value_get_int64 (value));
      break;

    case PROP_PREFERRED_CHANNEL:
      fid_customer_set_preferred_channel (self, g_value_get_string (value));
      break;

    case PROP_IS_REFERENCE:
      fid_customer_set_is_reference (self, g_value_get_boolean (value));
      break;

    case PROP_IS_FAST_GROWING:
      fid_customer_set_is_fast_growing (self, g_value_get_boolean (value));
      break;

    case PROP_OTHER_DIVISION:
      fid_customer_set_other_division (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED_AT:
      fid_customer_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      fid_customer_set_updated_at (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      fid_customer_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_TX_COUNT:
      fid_customer_set_tx_count (self, g_value_get_int64 (value));
      break;

    case PROP_TX_SUM_CENTS:
      fid_customer_set_tx_sum_cents (self, g_value_get_int64 (value));
      break;

    case PROP_MARGIN_CENTS:
      fid_customer_set_margin_cents (self, g_value_get_int64 (value));
      break;

    case PROP_FIRST_TX_DATE:
      fid_customer_set_first_tx_date (self, g_value_get_string (value));
      break;

    case PROP_LAST_TX_DATE:
      fid_customer_set_last_tx_date (self, g_value_get_string (value));
      break;

    case PROP_LAST_CONTACT_AT:
      fid_customer_set_last_contact_at (self, g_value_get_string (value));
      break;

    case PROP_REVENUE_12M_CENTS:
      fid_customer_set_revenue_12m_cents (self, g_value_get_int64 (value));
      break;

    case PROP_MARGIN_12M_CENTS:
      fid_customer_set_margin_12m_cents (self, g_value_get_int64 (value));
      break;

    case PROP_ENGAGEMENT_SCORE:
      fid_customer_set_engagement_score (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_customer_class_init (FidCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_customer_finalize;
  object_class->get_property = fid_customer_get_property;
  object_class->set_property = fid_customer_set_property;

  /* Row id in the store; 0 until inserted. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* "person" or "company". */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "person",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Civility (M., Mme) or legal form. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Given name; empty for a company. */
  properties[PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Family name, or the company name. */
  properties[PROP_LAST_NAME] =
    g_param_spec_string ("last-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* YYYY-MM-DD, or NULL. */
  properties[PROP_BIRTH_DATE] =
    g_param_spec_string ("birth-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* E-mail address, or NULL. */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Phone number as typed, or NULL. */
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Street address. */
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Postcode. */
  properties[PROP_POSTCODE] =
    g_param_spec_string ("postcode", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* City. */
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Household row id, 0 for none. */
  properties[PROP_HOUSEHOLD_ID] =
    g_param_spec_int64 ("household-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Role in the household (holder, spouse, child…). */
  properties[PROP_HOUSEHOLD_ROLE] =
    g_param_spec_string ("household-role", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Owning advisor row id, 0 for none. */
  properties[PROP_ADVISOR_ID] =
    g_param_spec_int64 ("advisor-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Owning advisor display name (filled by listings, read from a join). */
  properties[PROP_ADVISOR_NAME] =
    g_param_spec_string ("advisor-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Branch row id, 0 for none. */
  properties[PROP_BRANCH_ID] =
    g_param_spec_int64 ("branch-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Branch name (filled by listings). */
  properties[PROP_BRANCH_NAME] =
    g_param_spec_string ("branch-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* unknown, prospect, new, satisfied, dissatisfied, inactive, lost, reactivated. */
  properties[PROP_LIFECYCLE_STAGE] =
    g_param_spec_string ("lifecycle-stage", NULL, NULL, "prospect",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Last computed segment, or NULL. */
  properties[PROP_SEGMENT] =
    g_param_spec_string ("segment", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Declared yearly income in cents, -1 when unknown. */
  properties[PROP_ANNUAL_INCOME_CENTS] =
    g_param_spec_int64 ("annual-income-cents", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Channel id the customer prefers. */
  properties[PROP_PREFERRED_CHANNEL] =
    g_param_spec_string ("preferred-channel", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* A reference customer (never hidden as "not a priority"). */
  properties[PROP_IS_REFERENCE] =
    g_param_spec_boolean ("is-reference", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Expected to grow fast. */
  properties[PROP_IS_FAST_GROWING] =
    g_param_spec_boolean ("is-fast-growing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Also a customer of another division. */
  properties[PROP_OTHER_DIVISION] =
    g_param_spec_boolean ("other-division", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* When the row was created (ISO 8601). */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* When the row was last changed (ISO 8601). */
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Row version, bumped on every update. */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Number of transactions (aggregate, read-only in the store). */
  properties[PROP_TX_COUNT] =
    g_param_spec_int64 ("tx-count", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Sum of transaction amounts in cents (aggregate). */
  properties[PROP_TX_SUM_CENTS] =
    g_param_spec_int64 ("tx-sum-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Sum of margins in cents (aggregate). */
  properties[PROP_MARGIN_CENTS] =
    g_param_spec_int64 ("margin-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* First transaction date (aggregate). */
  properties[PROP_FIRST_TX_DATE] =
    g_param_spec_string ("first-tx-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Last transaction date (aggregate). */
  properties[PROP_LAST_TX_DATE] =
    g_param_spec_string ("last-tx-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Newest interaction moment (aggregate). */
  properties[PROP_LAST_CONTACT_AT] =
    g_param_spec_string ("last-contact-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Sum of transaction amounts over the 12 months up to the last refresh (aggregate). */
  properties[PROP_REVENUE_12M_CENTS] =
    g_param_spec_int64 ("revenue-12m-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Sum of margins over the same 12 months (aggregate). */
  properties[PROP_MARGIN_12M_CENTS] =
    g_param_spec_int64 ("margin-12m-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Engagement score 0–100 as of the last refresh (issue 14, aggregate). */
  properties[PROP_ENGAGEMENT_SCORE] =
    g_param_spec_int64 ("engagement-score", NULL, NULL, 0, 100, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_customer_init (FidCustomer *self)
{
  self->kind = g_strdup ("person");
  self->lifecycle_stage = g_strdup ("prospect");
  self->annual_income_cents = -1;
}

FidCustomer *
fid_customer_new (void)
{
  return g_object_new (FID_TYPE_CUSTOMER, NULL);
}

/* Accessors: g_return_if_fail on the instance, notify only on change. */
FID_INT64_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, id, PROP_ID)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, kind, PROP_KIND)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, title, PROP_TITLE)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, first_name, PROP_FIRST_NAME)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, last_name, PROP_LAST_NAME)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, birth_date, PROP_BIRTH_DATE)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, email, PROP_EMAIL)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, phone, PROP_PHONE)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, address, PROP_ADDRESS)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, postcode, PROP_POSTCODE)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, city, PROP_CITY)
FID_INT64_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, household_id, PROP_HOUSEHOLD_ID)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, household_role, PROP_HOUSEHOLD_ROLE)
FID_INT64_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, advisor_id, PROP_ADVISOR_ID)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, advisor_name, PROP_ADVISOR_NAME)
FID_INT64_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, branch_id, PROP_BRANCH_ID)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, branch_name, PROP_BRANCH_NAME)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, lifecycle_stage, PROP_LIFECYCLE_STAGE)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, segment, PROP_SEGMENT)
FID_INT64_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, annual_income_cents, PROP_ANNUAL_INCOME_CENTS)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, preferred_channel, PROP_PREFERRED_CHANNEL)
FID_BOOLEAN_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, is_reference, PROP_IS_REFERENCE)
FID_BOOLEAN_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, is_fast_growing, PROP_IS_FAST_GROWING)
FID_BOOLEAN_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, other_division, PROP_OTHER_DIVISION)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, created_at, PROP_CREATED_AT)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, updated_at, PROP_UPDATED_AT)
FID_INT64_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, version, PROP_VERSION)
FID_INT64_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, tx_count, PROP_TX_COUNT)
FID_INT64_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, tx_sum_cents, PROP_TX_SUM_CENTS)
FID_INT64_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, margin_cents, PROP_MARGIN_CENTS)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, first_tx_date, PROP_FIRST_TX_DATE)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, last_tx_date, PROP_LAST_TX_DATE)
FID_STRING_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, last_contact_at, PROP_LAST_CONTACT_AT)
FID_INT64_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, revenue_12m_cents, PROP_REVENUE_12M_CENTS)
FID_INT64_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, margin_12m_cents, PROP_MARGIN_12M_CENTS)
FID_INT64_ACCESSORS (FidCustomer, fid_customer, FID_IS_CUSTOMER, engagement_score, PROP_ENGAGEMENT_SCORE)

/* "Hélène Martin" for a person, the company name for a company. */
char *
fid_customer_dup_display_name (FidCustomer *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMER (self), NULL);

  if (self->first_name == NULL || self->first_name[0] == '\0')
    return g_strdup (self->last_name ? self->last_name : "");
  return g_strdup_printf ("%s %s", self->first_name, self->last_name ? self->last_name : "");
}
