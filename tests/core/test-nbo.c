/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Next best offer: each default life-event rule fires within its window and
 * not after it; co-holding support, confidence and lift on a hand-made
 * bank; nothing already held is suggested; a dismissed suggestion does not
 * come back; accepting creates the opportunity. */

#include "config.h"

#include <string.h>

#include "fid-nbo.h"
#include "fid-store-opportunities.h"
#include "fid-store-export.h"
#include "fid-store-workspace.h"
#include "fid-test-util.h"

typedef struct
{
  FidStore *store;
} Fixture;

/* The co-holding bank, N = 100 customers with a current holding:
 *   customers 1–100 hold Compte courant (product 1);
 *   customers 1–40 hold Prêt immobilier (2);
 *   customers 1–30 and 41–50 hold Assurance habitation (3): 40 holders;
 *   customer 60 held Assurance habitation, closed: not counted.
 * Mortgage → home insurance:
 *   support    = 30 / 100      = 0.30
 *   confidence = 30 / 40       = 0.75
 *   lift       = 0.75 / (40 / 100) = 1.875   (shown "lift 1.9")
 *   score      = 0.75 × min (1.875, 3) / 3 = 0.46875
 * Current account → home insurance: confidence 40 / 100 = 0.4, lift
 * 0.4 / 0.4 = 1.0 < 1.1: not a rule.
 * Customers 101–120 hold nothing (for the life-event rules). */
static const char fixture_sql[] =
  "INSERT INTO advisors (id, first_name, last_name) VALUES (1, 'Claire', 'Moreau');"
  "INSERT INTO products (id, code, name, family) VALUES"
  " (1, 'CC-STD', 'Compte courant', 'current_account'),"
  " (2, 'PI-FIXE', 'Prêt immobilier', 'mortgage'),"
  " (3, 'A-HAB', 'Assurance habitation', 'insurance'),"
  " (4, 'PE', 'Prêt étudiant', 'student_loan'),"
  " (5, 'P-AUTO', 'Prêt auto', 'consumer_loan'),"
  " (6, 'CC-JOINT', 'Compte joint', 'current_account'),"
  " (7, 'PEL', 'Plan d''épargne logement', 'savings'),"
  " (8, 'PER', 'Plan d''épargne retraite', 'investment');"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)"
  " INSERT INTO customers (id, first_name, last_name, sort_name, city, advisor_id, created_at, updated_at)"
  " SELECT i, 'Client', 'N' || i, 'n' || i, 'Lyon', 1, '2020-01-01', '2020-01-01' FROM n;"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)"
  " INSERT INTO holdings (customer_id, product_id, opened_on) SELECT i, 1, '2020-01-01' FROM n;"
  "INSERT INTO holdings (customer_id, product_id, opened_on)"
  " SELECT customer_id, 2, '2020-01-01' FROM holdings WHERE product_id = 1 AND customer_id <= 40;"
  "INSERT INTO holdings (customer_id, product_id, opened_on)"
  " SELECT customer_id, 3, '2020-01-01' FROM holdings WHERE product_id = 1"
  " AND (customer_id <= 30 OR customer_id BETWEEN 41 AND 50);"
  "INSERT INTO holdings (customer_id, product_id, opened_on, closed_on) VALUES (60, 3, '2020-01-01', '2021-01-01');";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = fid_test_new_store ();
  fid_test_exec_raw (fid_store_get_path (f->store), fixture_sql);
  g_assert_true (fid_nbo_refresh_pairs (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static void
add_event (Fixture    *f,
           gint64      customer_id,
           const char *kind,
           const char *date)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO life_events (customer_id, kind, occurred_on)"
                                          " VALUES (%" G_GINT64_FORMAT ", '%s', '%s');",
                                          customer_id, kind, date);

  fid_test_exec_raw (fid_store_get_path (f->store), sql);
}

static GPtrArray *
suggest (Fixture    *f,
         gint64      customer_id,
         const char *as_of)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = fid_nbo_suggest (f->store, customer_id, as_of, 3, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static FidNboSuggestion *
find (GPtrArray  *list,
      const char *code)
{
  for (guint i = 0; i < list->len; i++)
    {
      FidNboSuggestion *s = g_ptr_array_index (list, i);

      if (g_str_equal (s->product_code, code))
        return s;
    }
  return NULL;
}

/* Each default rule: the event on 2026-09-02, customer without holdings. */
static void
test_life_event_rules (Fixture       *f,
                       gconstpointer  data)
{
  static const struct
  {
    const char *kind;
    const char *code;
    const char *last_day;    /* 2026-09-02 + window */
    const char *day_after;
  } cases[] = {
    { "higher_education", "PE", "2027-09-02", "2027-09-03" },         /* 365 days */
    { "old_vehicle", "P-AUTO", "2027-03-01", "2027-03-02" },           /* 180 days */
    { "marriage", "CC-JOINT", "2027-09-02", "2027-09-03" },
    { "marriage", "A-HAB", "2027-09-02", "2027-09-03" },
    { "birth", "PEL", "2027-09-02", "2027-09-03" },
    { "move", "A-HAB", "2027-03-01", "2027-03-02" },                   /* 180 days */
    { "retirement", "PER", "2027-09-02", "2027-09-03" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 customer = 101 + i;
      g_autoptr(GPtrArray) on_day = NULL;
      g_autoptr(GPtrArray) last = NULL;
      g_autoptr(GPtrArray) after = NULL;
      g_autoptr(GPtrArray) announced = NULL;
      g_autoptr(GPtrArray) too_early = NULL;
      FidNboSuggestion *s;

      add_event (f, customer, cases[i].kind, "2026-09-02");
      on_day = suggest (f, customer, "2026-09-02");
      s = find (on_day, cases[i].code);
      g_assert_nonnull (s);
      g_assert_cmpint (s->source, ==, FID_NBO_SOURCE_LIFE_EVENT);
      g_assert_cmpstr (s->event_kind, ==, cases[i].kind);
      g_assert_cmpstr (s->event_date, ==, "2026-09-02");
      g_assert_true (strstr (s->reason, "2 Sep 2026") != NULL);
      /* Fresh: 1 + weight × (1 − 0 / window). */
      g_assert_cmpfloat (s->score, >, 1.5);

      last = suggest (f, customer, cases[i].last_day);
      s = find (last, cases[i].code);
      g_assert_nonnull (s);
      g_assert_cmpfloat_with_epsilon (s->score, 1.0, 1e-9);   /* weight × 0 */

      after = suggest (f, customer, cases[i].day_after);
      g_assert_null (find (after, cases[i].code));

      /* Announced: counts from 90 days before the event, not earlier. */
      announced = suggest (f, customer, "2026-06-04");
      g_assert_nonnull (find (announced, cases[i].code));
      too_early = suggest (f, customer, "2026-06-03");
      g_assert_null (find (too_early, cases[i].code));
    }

  {
    g_autoptr(GPtrArray) list = suggest (f, 101, "2026-10-01");
    FidNboSuggestion *s = find (list, "PE");

    g_assert_cmpstr (s->reason, ==, "Child starting higher education on 2 Sep 2026");
    g_assert_cmpstr (s->product_name, ==, "Prêt étudiant");
  }
}

static void
test_co_holding (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) list = suggest (f, 35, "2026-01-01");
  g_autofree char *refreshed_at = NULL;
  FidNboSuggestion *s;
  gint64 customers = 0;

  g_assert_true (fid_nbo_get_pairs_state (f->store, &refreshed_at, &customers, NULL));
  g_assert_nonnull (refreshed_at);
  g_assert_cmpint (customers, ==, 100);
  g_assert_false (fid_nbo_pairs_are_stale (f->store));

  /* Customer 35 holds the current account and the mortgage. */
  g_assert_cmpuint (list->len, ==, 1);
  s = g_ptr_array_index (list, 0);
  g_assert_cmpint (s->source, ==, FID_NBO_SOURCE_CO_HOLDING);
  g_assert_cmpstr (s->product_code, ==, "A-HAB");
  g_assert_cmpint (s->antecedent_id, ==, 2);
  g_assert_cmpfloat_with_epsilon (s->support, 0.30, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->confidence, 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->lift, 1.875, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->score, 0.46875, 1e-9);
  g_assert_cmpstr (s->reason, ==,
                   "75 % of customers holding Prêt immobilier also hold Assurance habitation (lift 1.9)");

  /* Customer 45 holds the current account and home insurance: home
   * insurance → mortgage, 30 / 40 = 0.75, lift 0.75 / 0.40 = 1.875. */
  {
    g_autoptr(GPtrArray) other = suggest (f, 45, "2026-01-01");

    g_assert_cmpuint (other->len, ==, 1);
    s = g_ptr_array_index (other, 0);
    g_assert_cmpstr (s->product_code, ==, "PI-FIXE");
    g_assert_cmpfloat_with_epsilon (s->lift, 1.875, 1e-9);
  }

  /* A life event ranks first, the statistics after it. */
  add_event (f, 35, "birth", "2025-12-01");
  {
    g_autoptr(GPtrArray) both = suggest (f, 35, "2026-01-01");

    g_assert_cmpuint (both->len, ==, 2);
    g_assert_cmpstr (((FidNboSuggestion *) g_ptr_array_index (both, 0))->product_code, ==, "PEL");
    g_assert_cmpstr (((FidNboSuggestion *) g_ptr_array_index (both, 1))->product_code, ==, "A-HAB");
  }
}

static void
test_nothing_held (Fixture       *f,
                   gconstpointer  data)
{
  /* Customer 5 holds products 1, 2 and 3: marriage would propose the joint
   * account and home insurance, a move home insurance. */
  add_event (f, 5, "marriage", "2026-01-10");
  add_event (f, 5, "move", "2026-01-15");
  {
    g_autoptr(GPtrArray) list = suggest (f, 5, "2026-02-01");

    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (((FidNboSuggestion *) g_ptr_array_index (list, 0))->product_code, ==, "CC-JOINT");
  }

  /* No customer of the bank is offered what they hold. */
  for (gint64 c = 1; c <= 120; c++)
    {
      g_autoptr(GPtrArray) list = suggest (f, c, "2026-02-01");

      for (guint i = 0; i < list->len; i++)
        {
          FidNboSuggestion *s = g_ptr_array_index (list, i);
          gboolean held = FALSE;
          g_autoptr(GPtrArray) holdings = fid_store_get_holdings (f->store, c, NULL);

          for (guint h = 0; h < holdings->len; h++)
            held |= fid_holding_is_open (g_ptr_array_index (holdings, h)) &&
                    g_str_equal (fid_holding_get_product_code (g_ptr_array_index (holdings, h)), s->product_code);
          g_assert_false (held);
        }
    }

  /* A closed holding does not count as held: customer 60 may be offered
   * home insurance again (by a move). */
  add_event (f, 60, "move", "2026-01-15");
  {
    g_autoptr(GPtrArray) list = suggest (f, 60, "2026-02-01");

    g_assert_nonnull (find (list, "A-HAB"));
  }
}

static void
test_dismissed (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (find (suggest (f, 35, "2026-01-01"), "A-HAB"));
  g_assert_true (fid_nbo_dismiss (f->store, 35, 3, 1, &error));
  g_assert_no_error (error);
  g_assert_true (fid_nbo_dismiss (f->store, 35, 3, 1, &error));   /* twice: fine */
  g_assert_no_error (error);
  g_assert_null (find (suggest (f, 35, "2026-01-01"), "A-HAB"));

  /* Not by another source either, nor after a refresh. */
  add_event (f, 35, "move", "2025-12-20");
  g_assert_true (fid_nbo_refresh_pairs (f->store, &error));
  g_assert_null (find (suggest (f, 35, "2026-01-01"), "A-HAB"));
  /* Only for that customer. */
  g_assert_nonnull (find (suggest (f, 36, "2026-01-01"), "A-HAB"));

  /* Bad input changes nothing. */
  g_assert_false (fid_nbo_dismiss (f->store, 9999, 3, 1, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER);
}

static void
test_accept (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = suggest (f, 36, "2026-01-01");
  g_autoptr(FidOpportunity) o = NULL;
  g_autoptr(GPtrArray) open = NULL;
  FidNboSuggestion *s = find (list, "A-HAB");
  gint64 id;

  g_assert_nonnull (s);
  id = fid_nbo_accept (f->store, 36, s, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  o = fid_store_get_opportunity (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (o->customer_id, ==, 36);
  g_assert_cmpint (o->product_id, ==, 3);
  g_assert_cmpstr (o->stage, ==, "lead");
  g_assert_cmpstr (o->source, ==, "nbo");
  g_assert_cmpint (o->advisor_id, ==, 1);
  g_assert_cmpint (o->amount_cents, ==, 90000);   /* insurance: 900 € */
  g_assert_cmpfloat_with_epsilon (o->probability, 0.1, 1e-9);
  g_assert_nonnull (o->expected_close_on);

  /* The 360 view's Open Opportunities lists it; it is no longer suggested. */
  open = fid_store_list_open_opportunities (f->store, 36, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_null (find (suggest (f, 36, "2026-01-01"), "A-HAB"));
}

static void
test_rules_editing (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = fid_nbo_list_rules (f->store, &error);
  FidNboRule bad = { 0, (char *) "wedding", (char *) "insurance", NULL, 30, 1, TRUE };
  FidNboRule mine = { 0, (char *) "new_job", (char *) "consumer_loan", NULL, 30, 0.5, TRUE };

  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 7);
  g_assert_false (fid_nbo_save_rule (f->store, &bad, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* A rule by family (no code): the family's most held product, here the
   * only consumer loan, Prêt auto. */
  g_assert_true (fid_nbo_save_rule (f->store, &mine, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mine.id, >, 0);
  add_event (f, 110, "new_job", "2026-01-01");
  g_assert_nonnull (find (suggest (f, 110, "2026-01-20"), "P-AUTO"));
  g_assert_null (find (suggest (f, 110, "2026-02-01"), "P-AUTO"));   /* 31 days > 30 */

  g_assert_true (fid_nbo_reset_rules (f->store, &error));
  g_clear_pointer (&rules, g_ptr_array_unref);
  rules = fid_nbo_list_rules (f->store, &error);
  g_assert_cmpuint (rules->len, ==, 7);
  g_assert_null (find (suggest (f, 110, "2026-01-20"), "P-AUTO"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/nbo/life-event-rules", test_life_event_rules);
  ADD ("/nbo/co-holding", test_co_holding);
  ADD ("/nbo/nothing-held", test_nothing_held);
  ADD ("/nbo/dismissed", test_dismissed);
  ADD ("/nbo/accept", test_accept);
  ADD ("/nbo/rules-editing", test_rules_editing);
#undef ADD

  return g_test_run ();
}
