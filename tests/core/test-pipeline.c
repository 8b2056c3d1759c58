/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The sales pipeline: stage moves (and the refused ones, which change
 * nothing), a won opportunity creates the holding exactly once, the boards
 * per advisor and per branch, totals per stage and the weighted forecast
 * per month, computed by hand. */

#include "config.h"

#include "fid-store-export.h"
#include "fid-store-opportunities.h"
#include "fid-test-util.h"

typedef struct
{
  FidStore *store;
} Fixture;

/* Two branches, an advisor in each, a customer of each. */
static const char fixture_sql[] =
  "INSERT INTO branches (id, code, name, city) VALUES (1, 'LYO', 'Lyon Bellecour', 'Lyon'),"
  " (2, 'BRE', 'Brest Siam', 'Brest');"
  "INSERT INTO advisors (id, branch_id, first_name, last_name) VALUES (1, 1, 'Claire', 'Moreau'),"
  " (2, 2, 'Hugo', 'Blanc');"
  "INSERT INTO products (id, code, name, family) VALUES (1, 'PI-FIXE', 'Prêt immobilier', 'mortgage'),"
  " (2, 'LIV-A', 'Livret A', 'savings'), (3, 'A-HAB', 'Assurance habitation', 'insurance');"
  "INSERT INTO customers (id, first_name, last_name, sort_name, city, advisor_id, branch_id,"
  " created_at, updated_at) VALUES"
  " (1, 'Hélène', 'Martin', 'martin helene', 'Lyon', 1, 1, '2020-01-01', '2020-01-01'),"
  " (2, 'Yann', 'Le Gall', 'le gall yann', 'Brest', 2, 2, '2020-01-01', '2020-01-01');";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = fid_test_new_store ();
  fid_test_exec_raw (fid_store_get_path (f->store), fixture_sql);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static gint64
add (Fixture    *f,
     gint64      customer,
     gint64      product,
     gint64      amount,
     double      probability,
     const char *close_on)
{
  g_autoptr(GError) error = NULL;
  gint64 id = fid_store_add_opportunity (f->store, customer, product, "manual", 0, amount,
                                         probability, close_on, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
stage_of (Fixture *f,
          gint64   id)
{
  g_autoptr(FidOpportunity) o = fid_store_get_opportunity (f->store, id, NULL);

  return g_strdup (o->stage);
}

static guint
count_holdings (Fixture *f,
                gint64   customer,
                const char *code)
{
  g_autoptr(GPtrArray) holdings = fid_store_get_holdings (f->store, customer, NULL);
  guint n = 0;

  for (guint i = 0; i < holdings->len; i++)
    n += g_str_equal (fid_holding_get_product_code (g_ptr_array_index (holdings, i)), code);
  return n;
}

static void
test_stage_moves (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidOpportunity) o = NULL;
  gint64 id = add (f, 1, 3, 90000, -1, "2026-05-01");
  g_autofree char *stage = NULL;

  o = fid_store_get_opportunity (f->store, id, &error);
  g_assert_cmpstr (o->stage, ==, "lead");
  g_assert_cmpstr (o->source, ==, "manual");
  g_assert_cmpint (o->advisor_id, ==, 1);          /* the customer's advisor */
  g_assert_cmpfloat_with_epsilon (o->probability, 0.1, 1e-9);
  g_clear_pointer (&o, fid_opportunity_free);

  g_assert_cmpstr (fid_opportunity_stage_step ("lead", 1), ==, "qualified");
  g_assert_cmpstr (fid_opportunity_stage_step ("qualified", -1), ==, "lead");
  g_assert_null (fid_opportunity_stage_step ("lead", -1));
  g_assert_null (fid_opportunity_stage_step ("negotiation", 1));
  g_assert_null (fid_opportunity_stage_step ("won", -1));

  for (const char *next = "qualified"; next != NULL; next = fid_opportunity_stage_step (next, 1))
    {
      g_assert_true (fid_store_move_opportunity (f->store, id, next, &error));
      g_assert_no_error (error);
      o = fid_store_get_opportunity (f->store, id, NULL);
      g_assert_cmpstr (o->stage, ==, next);
      g_assert_cmpfloat_with_epsilon (o->probability, fid_opportunity_stage_probability (next), 1e-9);
      g_assert_nonnull (o->stage_changed_at);
      g_assert_null (o->closed_on);
      g_clear_pointer (&o, fid_opportunity_free);
    }
  /* Back one stage. */
  g_assert_true (fid_store_move_opportunity (f->store, id, "proposal", &error));

  /* Refused, nothing changed. */
  g_assert_false (fid_store_move_opportunity (f->store, id, "proposal", &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (fid_store_move_opportunity (f->store, id, "signed", &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  stage = stage_of (f, id);
  g_assert_cmpstr (stage, ==, "proposal");

  /* Lost is final and creates nothing. */
  g_assert_true (fid_store_move_opportunity (f->store, id, "lost", &error));
  o = fid_store_get_opportunity (f->store, id, NULL);
  g_assert_cmpstr (o->closed_on, !=, NULL);
  g_assert_cmpint (o->holding_id, ==, 0);
  g_assert_cmpfloat (o->probability, ==, 0);
  g_assert_false (fid_store_move_opportunity (f->store, id, "lead", &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_assert_cmpuint (count_holdings (f, 1, "A-HAB"), ==, 0);

  /* Bad input to add and update. */
  g_clear_error (&error);
  g_assert_cmpint (fid_store_add_opportunity (f->store, 99, 3, "manual", 0, 1, -1, NULL, &error), ==, 0);
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER);
  g_clear_error (&error);
  g_assert_cmpint (fid_store_add_opportunity (f->store, 1, 3, "phone", 0, 1, -1, NULL, &error), ==, 0);
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  id = add (f, 1, 3, 90000, -1, NULL);
  g_assert_false (fid_store_update_opportunity (f->store, id, 100, 1.5, NULL, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (fid_store_update_opportunity (f->store, id, 100, 0.5, "2026-02-30", &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_true (fid_store_update_opportunity (f->store, id, 120000, 0.6, "2026-07-31", &error));
  g_clear_pointer (&o, fid_opportunity_free);
  o = fid_store_get_opportunity (f->store, id, NULL);
  g_assert_cmpint (o->amount_cents, ==, 120000);
  g_assert_cmpfloat_with_epsilon (o->probability, 0.6, 1e-9);
  g_assert_cmpstr (o->expected_close_on, ==, "2026-07-31");
}

static void
test_won_creates_holding_once (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidOpportunity) o = NULL;
  g_autoptr(GPtrArray) holdings = NULL;
  gint64 id = add (f, 2, 1, 18000000, 0.7, "2026-04-30");

  g_assert_cmpuint (count_holdings (f, 2, "PI-FIXE"), ==, 0);
  g_assert_true (fid_store_move_opportunity (f->store, id, "won", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_holdings (f, 2, "PI-FIXE"), ==, 1);

  o = fid_store_get_opportunity (f->store, id, NULL);
  g_assert_cmpstr (o->stage, ==, "won");
  g_assert_cmpfloat (o->probability, ==, 1.0);
  g_assert_nonnull (o->closed_on);
  g_assert_cmpint (o->holding_id, >, 0);

  /* A loan's balance is what is owed. */
  holdings = fid_store_get_holdings (f->store, 2, NULL);
  g_assert_cmpint (fid_holding_get_balance_cents (g_ptr_array_index (holdings, 0)), ==, -18000000);
  g_assert_true (fid_holding_is_open (g_ptr_array_index (holdings, 0)));

  /* Winning again, or moving on, is refused and creates no second one. */
  g_assert_false (fid_store_move_opportunity (f->store, id, "won", &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (fid_store_move_opportunity (f->store, id, "negotiation", &error));
  g_clear_error (&error);
  g_assert_cmpuint (count_holdings (f, 2, "PI-FIXE"), ==, 1);
}

/* By hand, open opportunities by close month (won and lost left out):
 *   2026-03: 1 000,00 € × 0.50 +   2 000,00 € × 0.25 = 500 + 500 = 1 000,00 €
 *            (count 2, total 3 000,00 €)
 *   2026-04: 3 000,00 € × 0.70 = 2 100,00 €   (Brest: customer 2)
 *   2026-05: 333,33 € × 0.10 = 33,333 → 33,33 €
 *   won 9 999,99 € in 2026-03: not in the forecast. */
static void
test_forecast (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) brest = NULL;
  FidPipelineTotal totals[FID_OPPORTUNITY_N_STAGES];
  FidPipelineFilter by_advisor = { 1, 0 }, by_branch = { 0, 2 };
  FidForecastMonth *m;
  gint64 won;

  add (f, 1, 2, 100000, 0.5, "2026-03-10");
  add (f, 1, 3, 200000, 0.25, "2026-03-28");
  add (f, 2, 1, 300000, 0.7, "2026-04-01");
  add (f, 1, 3, 33333, 0.1, "2026-05-15");
  won = add (f, 1, 2, 999999, 0.5, "2026-03-15");
  g_assert_true (fid_store_move_opportunity (f->store, won, "won", &error));

  months = fid_store_pipeline_forecast (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 3);
  m = &g_array_index (months, FidForecastMonth, 0);
  g_assert_cmpstr (m->month, ==, "2026-03");
  g_assert_cmpint (m->count, ==, 2);
  g_assert_cmpint (m->amount_cents, ==, 300000);
  g_assert_cmpint (m->weighted_cents, ==, 100000);
  m = &g_array_index (months, FidForecastMonth, 1);
  g_assert_cmpstr (m->month, ==, "2026-04");
  g_assert_cmpint (m->weighted_cents, ==, 210000);
  m = &g_array_index (months, FidForecastMonth, 2);
  g_assert_cmpstr (m->month, ==, "2026-05");
  g_assert_cmpint (m->weighted_cents, ==, 3333);

  /* The Brest branch's forecast: its one opportunity. */
  brest = fid_store_pipeline_forecast (f->store, &by_branch, &error);
  g_assert_cmpuint (brest->len, ==, 1);
  g_assert_cmpstr (g_array_index (brest, FidForecastMonth, 0).month, ==, "2026-04");

  /* Totals per stage, for Claire (advisor 1): 3 leads … all created as
   * lead: 100000 + 200000 + 33333 = 333333, weighted 50000 + 50000 + 3333.3;
   * one won, 999999 at probability 1. */
  g_assert_true (fid_store_pipeline_totals (f->store, &by_advisor, totals, &error));
  g_assert_cmpint (totals[0].count, ==, 3);
  g_assert_cmpint (totals[0].amount_cents, ==, 333333);
  g_assert_cmpint (totals[0].weighted_cents, ==, 103333);
  g_assert_cmpint (totals[4].count, ==, 1);
  g_assert_cmpint (totals[4].weighted_cents, ==, 999999);
  g_assert_cmpint (totals[1].count, ==, 0);

  /* The boards: most valuable (amount × probability) first. */
  {
    g_autoptr(GPtrArray) leads = fid_store_list_opportunities (f->store, &by_advisor, "lead", 0, &error);
    g_autoptr(GPtrArray) brest_leads = fid_store_list_opportunities (f->store, &by_branch, "lead", 0, &error);
    g_autoptr(GPtrArray) first = fid_store_list_opportunities (f->store, NULL, "lead", 1, &error);

    g_assert_cmpuint (leads->len, ==, 3);
    g_assert_cmpint (((FidOpportunity *) g_ptr_array_index (leads, 2))->amount_cents, ==, 33333);
    g_assert_cmpstr (((FidOpportunity *) g_ptr_array_index (leads, 0))->customer_name, ==, "Hélène Martin");
    g_assert_cmpuint (brest_leads->len, ==, 1);
    g_assert_cmpstr (((FidOpportunity *) g_ptr_array_index (brest_leads, 0))->customer_name, ==, "Yann Le Gall");
    g_assert_cmpuint (first->len, ==, 1);
    g_assert_cmpint (((FidOpportunity *) g_ptr_array_index (first, 0))->amount_cents, ==, 300000);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pipeline/stage-moves", test_stage_moves);
  ADD ("/pipeline/won-creates-holding-once", test_won_creates_holding_once);
  ADD ("/pipeline/forecast", test_forecast);
#undef ADD

  return g_test_run ();
}
