/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Customers: every validation rule gives its own error and saves nothing;
 * insert, read, update with conflict detection, delete. */

#include "config.h"

#include "fid-test-util.h"

typedef void (*Spoil) (FidCustomer *customer);

static void spoil_name (FidCustomer *c) { fid_customer_set_last_name (c, "   "); }
static void spoil_email (FidCustomer *c) { fid_customer_set_email (c, "helene.martin@"); }
static void spoil_email_spaces (FidCustomer *c) { fid_customer_set_email (c, "helene martin@example.fr"); }
static void spoil_phone (FidCustomer *c) { fid_customer_set_phone (c, "06 12 AB"); }
static void spoil_phone_short (FidCustomer *c) { fid_customer_set_phone (c, "123"); }
static void spoil_birth_future (FidCustomer *c) { fid_customer_set_birth_date (c, "2999-01-01"); }
static void spoil_birth_invalid (FidCustomer *c) { fid_customer_set_birth_date (c, "1980-02-31"); }
static void spoil_income (FidCustomer *c) { fid_customer_set_annual_income_cents (c, -500); }
static void spoil_advisor (FidCustomer *c) { fid_customer_set_advisor_id (c, 4242); }
static void spoil_household (FidCustomer *c) { fid_customer_set_household_id (c, 77); }
static void spoil_branch (FidCustomer *c) { fid_customer_set_branch_id (c, 9); }
static void spoil_stage (FidCustomer *c) { fid_customer_set_lifecycle_stage (c, "vip"); }

static const struct {
  const char *name;
  Spoil spoil;
  int code;
} validation_cases[] = {
  { "empty-name", spoil_name, FID_VALIDATION_ERROR_EMPTY_NAME },
  { "email", spoil_email, FID_VALIDATION_ERROR_INVALID_EMAIL },
  { "email-spaces", spoil_email_spaces, FID_VALIDATION_ERROR_INVALID_EMAIL },
  { "phone", spoil_phone, FID_VALIDATION_ERROR_INVALID_PHONE },
  { "phone-short", spoil_phone_short, FID_VALIDATION_ERROR_INVALID_PHONE },
  { "birth-future", spoil_birth_future, FID_VALIDATION_ERROR_FUTURE_BIRTH_DATE },
  { "birth-invalid", spoil_birth_invalid, FID_VALIDATION_ERROR_INVALID_DATE },
  { "negative-income", spoil_income, FID_VALIDATION_ERROR_NEGATIVE_AMOUNT },
  { "unknown-advisor", spoil_advisor, FID_VALIDATION_ERROR_UNKNOWN_ADVISOR },
  { "unknown-household", spoil_household, FID_VALIDATION_ERROR_UNKNOWN_HOUSEHOLD },
  { "unknown-branch", spoil_branch, FID_VALIDATION_ERROR_UNKNOWN_BRANCH },
  { "lifecycle-stage", spoil_stage, FID_VALIDATION_ERROR_INVALID_VALUE },
};

static FidCustomer *
valid_customer (void)
{
  FidCustomer *c = fid_test_customer ("Hélène", "Martin", "Lyon");

  fid_customer_set_email (c, "helene.martin@example.fr");
  fid_customer_set_phone (c, "+33 6 12 34 56 78");
  fid_customer_set_birth_date (c, "1982-04-17");
  fid_customer_set_annual_income_cents (c, 4200000);
  return c;
}

static void
test_customers_validation (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();

  for (guint i = 0; i < G_N_ELEMENTS (validation_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FidCustomer) customer = valid_customer ();

      g_test_message ("case %s", validation_cases[i].name);
      validation_cases[i].spoil (customer);
      g_assert_false (fid_store_insert_customer (store, customer, &error));
      g_assert_error (error, FID_VALIDATION_ERROR, validation_cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_cmpint (fid_customer_get_id (customer), ==, 0);
      g_assert_cmpint (fid_store_count_customers (store, NULL, NULL), ==, 0);
    }
}

static void
test_customers_crud (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(FidCustomer) customer = valid_customer ();
  g_autoptr(FidCustomer) read = NULL;
  g_autoptr(FidCustomer) stale = NULL;
  gint64 id;

  g_assert_true (fid_store_insert_customer (store, customer, &error));
  g_assert_no_error (error);
  id = fid_customer_get_id (customer);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (fid_customer_get_version (customer), ==, 1);

  read = fid_store_get_customer (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_customer_get_first_name (read), ==, "Hélène");
  g_assert_cmpstr (fid_customer_get_email (read), ==, "helene.martin@example.fr");
  g_assert_cmpstr (fid_customer_get_lifecycle_stage (read), ==, "prospect");
  g_assert_cmpint (fid_customer_get_annual_income_cents (read), ==, 4200000);
  g_assert_cmpint (fid_customer_get_tx_count (read), ==, 0);
  g_clear_object (&read);

  /* A second copy read now will be stale after the first update. */
  stale = fid_store_get_customer (store, id, &error);
  g_assert_no_error (error);

  fid_customer_set_city (customer, "Villeurbanne");
  g_assert_true (fid_store_update_customer (store, customer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fid_customer_get_version (customer), ==, 2);
  read = fid_store_get_customer (store, id, &error);
  g_assert_cmpstr (fid_customer_get_city (read), ==, "Villeurbanne");
  g_clear_object (&read);

  fid_customer_set_city (stale, "Bron");
  g_assert_false (fid_store_update_customer (store, stale, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  read = fid_store_get_customer (store, id, &error);
  g_assert_cmpstr (fid_customer_get_city (read), ==, "Villeurbanne");
  g_clear_object (&read);

  /* An invalid update changes nothing. */
  fid_customer_set_email (customer, "not-an-address");
  g_assert_false (fid_store_update_customer (store, customer, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_EMAIL);
  g_clear_error (&error);

  g_assert_true (fid_store_add_transaction (store, id, "2026-01-10", 1250, 300, "card", NULL, &error) > 0);
  g_assert_true (fid_store_delete_customer (store, id, &error));
  g_assert_no_error (error);
  read = fid_store_get_customer (store, id, &error);
  g_assert_null (read);
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (fid_store_delete_customer (store, id, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
}

static void
test_customers_known_references (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(FidCustomer) customer = valid_customer ();

  g_object_unref (store);
  store = NULL;
  {
    g_autofree char *path = fid_test_tmp_path ("refs.db");

    store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
    g_assert_no_error (error);
    fid_test_exec_raw (path,
                       "INSERT INTO branches (id, code, name, city) VALUES (3, 'LYO1', 'Lyon Bellecour', 'Lyon');"
                       "INSERT INTO advisors (id, branch_id, first_name, last_name) VALUES (5, 3, 'Paul', 'Girard');"
                       "INSERT INTO households (id, name, created_at) VALUES (8, 'Foyer Martin', '2020-01-01');");
  }
  fid_customer_set_advisor_id (customer, 5);
  fid_customer_set_branch_id (customer, 3);
  fid_customer_set_household_id (customer, 8);
  g_assert_true (fid_store_insert_customer (store, customer, &error));
  g_assert_no_error (error);
  {
    g_autoptr(FidCustomer) read = fid_store_get_customer (store, fid_customer_get_id (customer), &error);

    g_assert_cmpstr (fid_customer_get_advisor_name (read), ==, "Paul Girard");
    g_assert_cmpstr (fid_customer_get_branch_name (read), ==, "Lyon Bellecour");
    g_assert_cmpint (fid_customer_get_household_id (read), ==, 8);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/customers/validation", test_customers_validation);
  g_test_add_func ("/customers/crud", test_customers_crud);
  g_test_add_func ("/customers/known-references", test_customers_known_references);

  return g_test_run ();
}
