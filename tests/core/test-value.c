/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The value analyses (issue 5): profitability matrix, Dick & Basu loyalty,
 * lifetime value and lifecycle stage, on fixtures small enough to work out
 * by hand. Money comes from a FidTxColumnsView built from arrays
 * (fid-test-columns.h: each transaction's margin is a tenth of its
 * amount); everything else is written into a store with SQL of its own.
 * Each expected row is derived in the comment above it. */

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fid-test-value.h"
#include "fid-value-private.h"

/* PERCENTILE_CONT ------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* numpy.percentile's "linear" method on a sorted copy, the definition. */
static double
reference_percentile (const double *values,
                      gsize         n,
                      double        p)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));
  double h = (n - 1) * p;
  gsize k = (gsize) floor (h);

  qsort (sorted, n, sizeof (double), compare_doubles);
  return k + 1 >= n ? sorted[n - 1] : sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]);
}

static void
test_percentile (void)
{
  double four[] = { 4, 1, 3, 2 };
  double one[] = { 7 };
  double same[] = { 5, 5, 5, 5, 5 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  /* numpy.percentile ([1, 2, 3, 4], 75) = 3.25; the median of 4 is 2.5. */
  g_assert_cmpfloat (fid_value_percentile_cont (four, 4, 0.75), ==, 3.25);
  g_assert_cmpfloat (fid_value_percentile_cont (four, 4, 0.5), ==, 2.5);
  g_assert_cmpfloat (fid_value_percentile_cont (one, 1, 0.75), ==, 7);
  g_assert_cmpfloat (fid_value_percentile_cont (same, 5, 0.5), ==, 5);
  g_assert_true (isnan (fid_value_percentile_cont (one, 0, 0.5)));

  /* Random sizes, many ties (values 0..9) or few, against the sort. */
  for (guint round = 0; round < 300; round++)
    {
      gsize n = 1 + g_rand_int_range (rand, 0, round < 150 ? 40 : 3000);
      int range = round % 2 ? 10 : 1000000;
      g_autofree double *values = g_new (double, n);
      g_autofree double *copy = NULL;
      double p = (round % 3) == 0 ? 0.5 : (round % 3) == 1 ? 0.75 : g_rand_double (rand);

      for (gsize i = 0; i < n; i++)
        values[i] = g_rand_int_range (rand, -range, range);
      copy = g_memdup2 (values, n * sizeof (double));
      g_assert_cmpfloat (fid_value_percentile_cont (copy, n, p), ==, reference_percentile (values, n, p));
    }
}

/* Profitability --------------------------------------------------------- */

/* Look-alike cell G1 (26–35 years, income 20–35 k€): 1, 3, 4, 5, and 8 and
 * 10, who are not in the population (8 buys only after as_of, 10 never).
 * Margins in the window: 1: 100, 3: 200, 4: 300, 5: 400; P75 of them:
 * h = 3 × 0.75 = 2.25, 300 + 0.25 × 100 = 325; potentials 225, 125, 25,
 * and 0 for 5 (400 > 325: the floor).
 * 2 is 36 on as_of (born 1990-06-30): alone in 36–45, potential 0.
 * 6 (a company: its birth date is ignored) and 7 (no birth date), both
 * without income, share the unknown cell: margins 600 and 200, P75 =
 * 200 + 0.75 × 400 = 500; potentials 0 and 300.
 * 9 bought only before the window: margin 0, alone (≥ 66, ≥ 80 k€).
 *
 * Cost to serve (done interactions and tickets in the window):
 *   1: phone 800 + email 150 + "whatsapp" as other 500 + complaint 4000
 *      = 5450 (a planned and a failed phone call, and a branch visit the
 *      day before the window, do not count);
 *   2: branch 2500 + request 1500 = 4000;   4: sms 20 at 23:59:59 on as_of
 *   (an incident the next day does not count);   5: web 100 at midnight
 *   on the window's first day;   6: mail 300 + chat 300;   9: phone 800.
 * current: 1: −5350, 2: −3000, 3: 200, 4: 280, 5: 300, 6: 0, 7: 200,
 * 9: −800; median (h = 3.5) = 0 + 0.5 × 200 = 100.
 * potential: 225, 0, 125, 25, 0, 0, 300, 0; median = 0 + 0.5 × 25 = 12.5.
 * High current: 3, 4, 5, 7; high potential: 1, 3, 4, 7. */
static FidStore *
profitability_store (void)
{
  FidStore *store = fid_test_new_store ();

  customer (store, 1, "person", "'1990-07-01'", "3000000", 1);   /* 35: birthday tomorrow */
  customer (store, 2, "person", "'1990-06-30'", "3000000", 2);   /* 36 today */
  customer (store, 3, "person", "'2000-06-30'", "3499999", 0);   /* 26 today */
  customer (store, 4, "person", "'1991-01-01'", "2000000", 0);
  customer (store, 5, "person", "'1996-12-31'", "3000000", 0);
  customer (store, 6, "company", "'1990-01-01'", "NULL", 4);
  customer (store, 7, "person", "NULL", "NULL", 0);
  customer (store, 8, "person", "'1995-01-01'", "3000000", 0);
  customer (store, 9, "person", "'1960-01-01'", "9000000", 5);
  customer (store, 10, "person", "'1995-01-01'", "3000000", 0);

  interaction (store, 1, "phone", "2026-01-20T10:00:00", "done");
  interaction (store, 1, "email", "2026-01-21T10:00:00", "done");
  interaction (store, 1, "whatsapp", "2026-01-22T10:00:00", "done");
  interaction (store, 1, "phone", "2026-01-23T10:00:00", "planned");
  interaction (store, 1, "phone", "2026-01-24T10:00:00", "failed");
  interaction (store, 1, "branch", "2025-06-30T10:00:00", "done");
  ticket (store, 1, "complaint", "open", "2026-02-01T10:00:00", "NULL");
  interaction (store, 2, "branch", "2026-02-02T10:00:00", "done");
  ticket (store, 2, "request", "closed", "2026-02-03T10:00:00", "'2026-02-04T10:00:00'");
  interaction (store, 4, "sms", "2026-06-30T23:59:59", "done");
  ticket (store, 4, "incident", "open", "2026-07-01T00:00:00", "NULL");
  interaction (store, 5, "web", "2025-07-01T00:00:00", "done");
  interaction (store, 6, "mail", "2026-05-03T10:00:00", "done");
  interaction (store, 6, "chat", "2026-05-04T10:00:00", "done");
  interaction (store, 9, "phone", "2026-04-01T10:00:00", "done");
  return store;
}

static Columns *
profitability_columns (void)
{
  Columns *c = columns_new ();

  columns_add (c, 1, AS_OF - 365, 50000, 0);   /* the day before the window */
  columns_add (c, 1, fid_day_from_iso ("2026-01-15"), 1000, 0);
  columns_add (c, 2, fid_day_from_iso ("2026-02-01"), 10000, 0);
  columns_add (c, 3, AS_OF - 364, 2000, 0);    /* the window's first day */
  columns_add (c, 4, fid_day_from_iso ("2026-03-01"), 3000, 0);
  columns_add (c, 5, AS_OF, 4000, 0);
  columns_add (c, 5, AS_OF + 1, 99990, 0);     /* after as_of */
  columns_add (c, 6, fid_day_from_iso ("2026-05-01"), 6000, 0);
  columns_add (c, 7, fid_day_from_iso ("2026-05-02"), 2000, 0);
  columns_add (c, 8, AS_OF + 32, 5000, 0);
  columns_add (c, 9, fid_day_from_iso ("2024-01-10"), 5000, 0);
  columns_view (c);
  return c;
}

static void
test_profitability (void)
{
  static const char * const names[] = { "margin", "cost_to_serve", "current", "potential", "flags", NULL };
  static const double revenue[] = { 7000, 1000, 4000, 16000 };
  g_autoptr(FidStore) store = profitability_store ();
  g_autoptr(Columns) columns = profitability_columns ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSegmentation) result = NULL;
  g_autofree char *rows = NULL;
  FidProfitabilityParams params;
  GVariant *sums;

  fid_profitability_params_init (&params);
  params.as_of = AS_OF_S;
  result = fid_profitability_compute (store, &columns->view, &params, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (fid_segmentation_get_scheme (result), ==, "profitability");
  g_assert_cmpstr (fid_segmentation_get_as_of (result), ==, AS_OF_S);
  g_assert_cmpuint (fid_segmentation_get_window_days (result), ==, 365);
  assert_column_names (result, names);
  rows = render_values (result);
  assert_same_lines (rows,
                     "1|100|5450|-5350|225.0000|1|underdeveloped\n"
                     "2|1000|4000|-3000|0.0000|2|undesirables\n"
                     "3|200|0|200|125.0000|0|desirables\n"
                     "4|300|20|280|25.0000|0|desirables\n"
                     "5|400|100|300|0.0000|0|mature\n"
                     "6|600|600|0|0.0000|4|undesirables\n"
                     "7|200|0|200|300.0000|0|desirables\n"
                     "9|0|800|-800|0.0000|5|undesirables\n");
  g_assert_cmpfloat (extra_double (result, "current_split"), ==, 100.0);
  g_assert_cmpfloat (extra_double (result, "potential_split"), ==, 12.5);

  /* Window revenue per quadrant: desirables 3, 4, 7; underdeveloped 1;
   * mature 5; undesirables 2, 6, 9. */
  sums = fid_segmentation_get_extra (result, "revenue");
  g_assert_nonnull (sums);
  g_assert_cmpstr (g_variant_get_type_string (sums), ==, "ad");
  g_assert_cmpuint (g_variant_n_children (sums), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      double value;

      g_variant_get_child (sums, i, "d", &value);
      g_assert_cmpfloat (value, ==, revenue[i]);
    }
}

/* Splits given: high current > 250 (4, 5), high potential > 0 (1, 3, 4,
 * 7). A customer exactly at a split is low: none here is at 250, and the
 * zero potentials are low. Prices given: phone free, so 1 costs 4650 and
 * 9 costs nothing. */
static void
test_profitability_params (void)
{
  g_autoptr(FidStore) store = profitability_store ();
  g_autoptr(Columns) columns = profitability_columns ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSegmentation) result = NULL;
  g_autofree char *rows = NULL;
  FidProfitabilityParams params;

  fid_profitability_params_init (&params);
  params.as_of = AS_OF_S;
  params.current_split = 250;
  params.potential_split = 0;
  params.channel_cost_cents[0] = 0;
  result = fid_profitability_compute (store, &columns->view, &params, NULL, &error);
  g_assert_no_error (error);
  rows = render_values (result);
  assert_same_lines (rows,
                     "1|100|4650|-4550|225.0000|1|underdeveloped\n"
                     "2|1000|4000|-3000|0.0000|2|undesirables\n"
                     "3|200|0|200|125.0000|0|underdeveloped\n"
                     "4|300|20|280|25.0000|0|desirables\n"
                     "5|400|100|300|0.0000|0|mature\n"
                     "6|600|600|0|0.0000|4|undesirables\n"
                     "7|200|0|200|300.0000|0|underdeveloped\n"
                     "9|0|0|0|0.0000|5|undesirables\n");
  g_assert_cmpfloat (extra_double (result, "current_split"), ==, 250.0);
  g_assert_cmpfloat (extra_double (result, "potential_split"), ==, 0.0);
}

static void
test_profitability_defaults (void)
{
  static const char * const expected[] = { "phone", "email", "sms", "branch", "mail", "web", "chat", "other", NULL };
  static const gint64 channel_costs[] = { 800, 150, 20, 2500, 300, 100, 300, 500 };
  static const gint64 ticket_costs[] = { 1500, 4000, 2500 };
  FidProfitabilityParams params;
  FidClvParams clv;

  g_assert_true (g_strv_equal (fid_value_channels (), expected));
  fid_profitability_params_init (&params);
  g_assert_null (params.as_of);
  g_assert_cmpuint (params.window_days, ==, 365);
  g_assert_cmpmem (params.channel_cost_cents, sizeof params.channel_cost_cents, channel_costs, sizeof channel_costs);
  g_assert_cmpmem (params.ticket_cost_cents, sizeof params.ticket_cost_cents, ticket_costs, sizeof ticket_costs);
  g_assert_true (isnan (params.current_split));
  g_assert_true (isnan (params.potential_split));
  fid_clv_params_init (&clv);
  g_assert_cmpfloat (clv.discount_rate, ==, 0.10);
  g_assert_cmpuint (clv.profitability.window_days, ==, 365);
}

/* Loyalty --------------------------------------------------------------- */

/* Frequencies in the window of the customers with one: 1: 5, 2: 1, 3: 4,
 * 4: 1, 5: 3, 7: 2; sorted 1 1 2 3 4 5, median (h = 2.5) = 2.5, so high
 * is 3 or more: 1, 3, 5. 6 bought only before the window (0), 9 never
 * (0, and no columns at all).
 * Latest answers on or before as_of:
 *   1: NPS 9 (an older 3)                 favourable, high: true
 *   2: CSAT 1 and 5 at the same moment; the later response (5) wins:
 *      favourable, low: latent
 *   3: CSAT 5 in January, then NPS 6 on as_of at 18:00 (an NPS 10 the day
 *      after does not count): unfavourable, high: spurious
 *   4: CSAT 3 (< 4): unfavourable, low: no loyalty
 *   5: none: not measured (frequency 3)
 *   6: NPS 10, frequency 0: latent
 *   7: only an answer after as_of: not measured
 *   8: only an NPS of 11 (off the scale, ignored), no transaction: not in
 *      the population
 *   9: NPS 7 (= the threshold: favourable), no transaction: latent
 * An anonymous response and a Kano answer are ignored. */
static void
test_loyalty (void)
{
  static const char * const names[] = { "attitude", "attitude_scale", "frequency", NULL };
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(Columns) c = columns_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSegmentation) result = NULL;
  g_autofree char *rows = NULL;
  FidLoyaltyParams params;

  for (gint64 id = 1; id <= 9; id++)
    customer (store, id, "person", "NULL", "NULL", 0);
  surveys (store);
  answer (store, 1, 1, 1, "2025-01-01T10:00:00", 3);
  answer (store, 2, 1, 1, "2026-03-01T10:00:00", 9);
  answer (store, 4, 2, 2, "2026-02-01T10:00:00", 1);
  answer (store, 5, 2, 2, "2026-02-01T10:00:00", 5);
  answer (store, 6, 3, 2, "2026-01-01T10:00:00", 5);
  answer (store, 7, 3, 1, "2026-06-30T18:00:00", 6);
  answer (store, 8, 3, 1, "2026-07-01T08:00:00", 10);
  answer (store, 9, 4, 2, "2026-05-01T10:00:00", 3);
  answer (store, 10, 6, 1, "2026-04-01T10:00:00", 10);
  answer (store, 11, 7, 1, "2026-07-02T10:00:00", 9);
  answer (store, 12, 8, 1, "2026-04-01T10:00:00", 11);
  answer (store, 13, 9, 1, "2026-04-01T10:00:00", 7);
  answer (store, 14, 0, 1, "2026-04-01T10:00:00", 0);
  answer (store, 15, 5, 3, "2026-04-01T10:00:00", 1);

  for (int i = 0; i < 5; i++)
    columns_add (c, 1, AS_OF - 300 + 50 * i, 1000, 0);
  columns_add (c, 2, AS_OF - 10, 1000, 0);
  for (int i = 0; i < 4; i++)
    columns_add (c, 3, AS_OF - 364 + 100 * i, 1000, 0);   /* the window's first day too */
  columns_add (c, 4, AS_OF - 365, 1000, 0);               /* the day before: not counted */
  columns_add (c, 4, AS_OF, 1000, 0);
  for (int i = 0; i < 3; i++)
    columns_add (c, 5, AS_OF - 90 + 30 * i, 1000, 0);
  columns_add (c, 5, AS_OF + 10, 1000, 0);                /* after as_of */
  columns_add (c, 6, AS_OF - 500, 1000, 0);
  columns_add (c, 7, AS_OF - 40, 1000, 0);
  columns_add (c, 7, AS_OF - 20, 1000, 0);
  columns_view (c);

  fid_loyalty_params_init (&params);
  g_assert_cmpint (params.nps_threshold, ==, 7);
  g_assert_cmpint (params.csat_threshold, ==, 4);
  params.as_of = AS_OF_S;
  result = fid_loyalty_compute (store, &c->view, &params, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_segmentation_get_scheme (result), ==, "loyalty");
  assert_column_names (result, names);
  rows = render_values (result);
  assert_same_lines (rows,
                     "1|9|10|5|true_loyalty\n"
                     "2|5|5|1|latent_loyalty\n"
                     "3|6|10|4|spurious_loyalty\n"
                     "4|3|5|1|no_loyalty\n"
                     "5|-1|0|3|not_measured\n"
                     "6|10|10|0|latent_loyalty\n"
                     "7|-1|0|2|not_measured\n"
                     "9|7|10|0|latent_loyalty\n");
  g_assert_cmpfloat (extra_double (result, "median_frequency"), ==, 2.5);

  /* Stricter thresholds: NPS 9 and CSAT 5 are the only favourable ones. */
  g_clear_object (&result);
  g_clear_pointer (&rows, g_free);
  params.nps_threshold = 10;
  params.csat_threshold = 5;
  result = fid_loyalty_compute (store, &c->view, &params, NULL, &error);
  g_assert_no_error (error);
  rows = render_values (result);
  assert_same_lines (rows,
                     "1|9|10|5|spurious_loyalty\n"
                     "2|5|5|1|latent_loyalty\n"
                     "3|6|10|4|spurious_loyalty\n"
                     "4|3|5|1|no_loyalty\n"
                     "5|-1|0|3|not_measured\n"
                     "6|10|10|0|latent_loyalty\n"
                     "7|-1|0|2|not_measured\n"
                     "9|7|10|0|no_loyalty\n");
}

/* Lifetime value -------------------------------------------------------- */

/* As of 2026-06-30, window 365; the previous window ends 2025-06-30.
 *   c1: 2025-06-01 (previous), 2026-01-10 5000 (margin 500); a phone call
 *   c2: three in early 2025, then 200000 in 2026 (margin 20000); 5 incidents
 *   c3: 2024-08-01 only
 *   c4: 2026-06-01 8000 (800) only: new in the current window; an
 *       incident the day before the window does not count
 *   c5: 2025-06-30 (the previous window's last day), 2026-04-01 3000
 *       (300); 2 incidents
 *   c6: 2023-01-01 (lost as of 2025-06-30), 2026-05-01 1000 (100); an
 *       e-mail
 *   c8: 2023-02-01 only (lost, and gone)
 * Profitability population: every one of them (no birth date, no income:
 * one cell). Margins 500, 20000, 0, 800, 300, 100, 0; sorted 0 0 100 300
 * 500 800 20000, P75 (h = 4.5) = 500 + 0.5 × 300 = 650; potentials c1 150,
 * c2 0, c4 0, c5 350, c6 550.
 * Costs: c1 800, c2 5 × 2500 = 12500, c4 0, c5 5000, c6 150.
 * Reliability: c2 1 − 0.25 × 4 (at most 4) = 0, c5 0.5, others 1.
 * clv_course: c1 (500 − 800 + 150) = −150, c2 7500 × 0 = 0, c4 800,
 * c5 (300 − 5000 + 350) × 0.5 = −2175, c6 (100 − 150 + 550) = 500.
 * Quintiles (5 customers, one each): c4, c6, c2, c1, c5.
 * Previous RFM (4 scored, 2 lost): recency c1 29, c2 121, c3 333, c5 0 →
 * r c3 1, c2 2, c1 3, c5 4; frequency c1 1, c2 3, c3 1, c5 1 → f c1 1,
 * c3 2, c5 3, c2 4. Segments (fid-rfm.c's table): c1 (3, 1)
 * about_to_sleep, c2 (2, 4) at_risk, c3 (1, 2) hibernating, c5 (4, 3)
 * potential_loyalists; c6 and c8 lost.
 * Retention: about_to_sleep 1/1, at_risk 1/1, hibernating 0/1 (c3 did not
 * come back), potential_loyalists 1/1, lost 1/2 (c6 came back); overall
 * 4/6 for c4, who was not there.
 * clv_retention = m·r / (1.1 − r): c1 500 / 0.1 = 5000, c2 200000,
 * c4 800·(2/3) / (1.1 − 2/3) = 16000/13 = 1230.7692, c5 3000,
 * c6 50 / 0.6 = 83.3333. */
static void
test_clv (void)
{
  static const char * const names[] = {
    "margin", "cost_to_serve", "potential", "reliability", "clv_course", "retention", "clv_retention", NULL
  };
  static const struct { const char *key; double rate; } rates[] = {
    { "about_to_sleep", 1.0 }, { "at_risk", 1.0 }, { "hibernating", 0.0 },
    { "potential_loyalists", 1.0 }, { "lost", 0.5 }, { "champions", 0.0 },
  };
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(Columns) c = columns_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSegmentation) result = NULL;
  g_autofree char *rows = NULL;
  GVariant *retention;
  FidClvParams params;

  for (gint64 id = 1; id <= 8; id++)
    customer (store, id, "person", "NULL", "NULL", 0);
  interaction (store, 1, "phone", "2026-02-01T10:00:00", "done");
  for (int i = 0; i < 5; i++)
    ticket (store, 2, "incident", "resolved", "2026-03-01T10:00:00", "'2026-03-02T10:00:00'");
  ticket (store, 4, "incident", "closed", "2025-06-30T12:00:00", "NULL");
  ticket (store, 5, "incident", "open", "2026-04-02T10:00:00", "NULL");
  ticket (store, 5, "incident", "open", "2026-04-03T10:00:00", "NULL");
  interaction (store, 6, "email", "2026-05-02T10:00:00", "done");

  columns_add (c, 1, fid_day_from_iso ("2025-06-01"), 1000, 0);
  columns_add (c, 1, fid_day_from_iso ("2026-01-10"), 5000, 0);
  columns_add (c, 2, fid_day_from_iso ("2025-01-01"), 1000, 0);
  columns_add (c, 2, fid_day_from_iso ("2025-02-01"), 1000, 0);
  columns_add (c, 2, fid_day_from_iso ("2025-03-01"), 1000, 0);
  columns_add (c, 2, fid_day_from_iso ("2026-02-10"), 200000, 0);
  columns_add (c, 3, fid_day_from_iso ("2024-08-01"), 1000, 0);
  columns_add (c, 4, fid_day_from_iso ("2026-06-01"), 8000, 0);
  columns_add (c, 5, fid_day_from_iso ("2025-06-30"), 1000, 0);
  columns_add (c, 5, fid_day_from_iso ("2026-04-01"), 3000, 0);
  columns_add (c, 6, fid_day_from_iso ("2023-01-01"), 1000, 0);
  columns_add (c, 6, fid_day_from_iso ("2026-05-01"), 1000, 0);
  columns_add (c, 8, fid_day_from_iso ("2023-02-01"), 1000, 0);
  columns_view (c);

  fid_clv_params_init (&params);
  params.profitability.as_of = AS_OF_S;
  result = fid_clv_compute (store, &c->view, &params, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_segmentation_get_scheme (result), ==, "clv");
  assert_column_names (result, names);
  rows = render_values (result);
  assert_same_lines (rows,
                     "1|500|800|150.0000|1.0000|-150.0000|1.0000|5000.0000|fourth_20\n"
                     "2|20000|12500|0.0000|0.0000|0.0000|1.0000|200000.0000|middle_20\n"
                     "4|800|0|0.0000|1.0000|800.0000|0.6667|1230.7692|top_20\n"
                     "5|300|5000|350.0000|0.5000|-2175.0000|1.0000|3000.0000|bottom_20\n"
                     "6|100|150|550.0000|1.0000|500.0000|0.5000|83.3333|second_20\n");
  g_assert_cmpfloat (extra_double (result, "discount_rate"), ==, 0.10);
  g_assert_cmpfloat_with_epsilon (extra_double (result, "overall_retention"), 4.0 / 6.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (fid_segmentation_get_double_column (result, 6)[2], 16000.0 / 13.0, 1e-9);

  retention = fid_segmentation_get_extra (result, "retention");
  g_assert_nonnull (retention);
  g_assert_cmpstr (g_variant_get_type_string (retention), ==, "a(sd)");
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      gboolean found = FALSE;
      GVariantIter iter;
      const char *key;
      double rate;

      g_variant_iter_init (&iter, retention);
      while (g_variant_iter_next (&iter, "(&sd)", &key, &rate))
        if (g_str_equal (key, rates[i].key))
          {
            g_assert_cmpfloat (rate, ==, rates[i].rate);
            found = TRUE;
          }
      g_assert_true (found);
    }
}

/* Ties in clv_course go by customer id; NTILE (5) of 7 gives the first two
 * tiles two customers each. Every customer here has the same figures
 * (one transaction of 1000 in the window, nothing else): clv_course 100
 * for all, so the order is the ids'. */
static void
test_clv_ties (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(Columns) c = columns_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSegmentation) result = NULL;
  static const char * const expected[] = {
    "top_20", "top_20", "second_20", "second_20", "middle_20", "fourth_20", "bottom_20"
  };
  FidClvParams params;

  for (gint64 id = 1; id <= 7; id++)
    {
      customer (store, id, "person", "NULL", "NULL", 0);
      columns_add (c, id, AS_OF - 5, 1000, 0);
    }
  columns_view (c);
  fid_clv_params_init (&params);
  params.profitability.as_of = AS_OF_S;
  result = fid_clv_compute (store, &c->view, &params, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fid_segmentation_get_size (result), ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      g_assert_cmpfloat (fid_segmentation_get_double_column (result, 4)[i], ==, 100.0);
      g_assert_cmpstr (fid_segmentation_get_segment_key (result, fid_segmentation_get_segments (result)[i]), ==,
                       expected[i]);
    }
}

/* Lifecycle ------------------------------------------------------------- */

/* A transaction (or holding, complaint, answer) @offset days from as_of. */
typedef struct
{
  gint64 id;
  int    offsets[5];   /* transactions, ascending; 0 ends the list (no fixture buys on as_of) */
} LifeTx;

/* One customer per stage and each rule's edges (N = new_days 90, I =
 * inactive_days 180, L = lost_days 365); "id|days_since_last|tenure_days|stage":
 *   1 buys and opens a holding only after as_of                   prospect
 *   2 last −366 (> L), with an open complaint: lost comes first    lost
 *   3 last −181 (> I), with an NPS of 10                           inactive
 *   4 −394 then −90: a gap of 304 > I ending within N, and an open
 *     complaint: reactivated comes first                           reactivated
 *   5 first and only −90 (within N), an open complaint             new
 *   6 no transaction, a holding opened −60                         new
 *   7 first transaction −29, but a holding since −2000: not new    active
 *   8 an open complaint from −500 and an NPS of 10: dissatisfied
 *     comes before satisfied                                       dissatisfied
 *   9 a complaint opened −90 (within N), resolved −80              dissatisfied
 *  10 NPS 10 at −100, then 6 at −20 (< 7): the latest counts       dissatisfied
 *  11 CSAT 4 (≥ 4)                                                 satisfied
 *  12 NPS 8; a complaint opened −500 and resolved −495             active
 *  13 a complaint opened −180, resolved only after as_of           dissatisfied
 *  14 NPS 9 at −3 (an NPS 2 the day after as_of does not count)    satisfied
 *  15 −272 then −91: a gap of 181 > I, but ending 91 > N days ago  active
 *  16 last −180 (not > I)                                          active
 *  17 last −365 (not > L, > I)                                     inactive
 *  18 nothing at all, not in the columns                           prospect
 *  19 a complaint opened −91 (not within N), closed                active */
static void
test_lifecycle (void)
{
  static const LifeTx txs[] = {
    { 1, { 5 } }, { 2, { -700, -366 } }, { 3, { -400, -181 } }, { 4, { -394, -90 } }, { 5, { -90 } },
    { 7, { -29 } }, { 8, { -272, -180, -120, -29 } }, { 9, { -200, -100, -10 } }, { 10, { -200, -50 } },
    { 11, { -300, -150, -5 } }, { 12, { -300, -200, -100, -1 } }, { 13, { -300, -150, -40 } },
    { 14, { -300, -150, -2 } }, { 15, { -272, -91 } }, { 16, { -250, -180 } }, { 17, { -500, -365 } },
    { 19, { -300, -150, -60 } },
  };
  static const char * const names[] = { "days_since_last", "tenure_days", NULL };
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(Columns) c = columns_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSegmentation) result = NULL;
  g_autofree char *rows = NULL;
  FidLifecycleParams params;

  for (gint64 id = 1; id <= 19; id++)
    customer (store, id, "person", "NULL", "NULL", 0);
  for (guint i = 0; i < G_N_ELEMENTS (txs); i++)
    for (guint k = 0; k < G_N_ELEMENTS (txs[i].offsets) && txs[i].offsets[k] != 0; k++)
      columns_add (c, txs[i].id, AS_OF + txs[i].offsets[k], 1000, 0);
  columns_view (c);

  sql (store, "INSERT INTO products (id, code, name, family) VALUES (1, 'CC', 'Compte', 'current_account')");
  {
    static const struct { gint64 id; int offset; } holdings[] = { { 1, 3 }, { 6, -60 }, { 7, -2000 } };

    for (guint i = 0; i < G_N_ELEMENTS (holdings); i++)
      {
        g_autofree char *day = day_iso (holdings[i].offset);

        sql (store, "INSERT INTO holdings (customer_id, product_id, opened_on) VALUES (%" G_GINT64_FORMAT ", 1, '%s')",
             holdings[i].id, day);
      }
  }
  {
    static const struct { gint64 id; const char *status; int opened, resolved; } complaints[] = {
      { 2, "open", -400, 0 }, { 4, "open", -30, 0 }, { 5, "open", -50, 0 }, { 8, "in_progress", -500, 0 },
      { 9, "resolved", -90, -80 }, { 12, "closed", -500, -495 }, { 13, "resolved", -180, 5 },
      { 19, "closed", -91, -85 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (complaints); i++)
      {
        g_autofree char *opened = day_iso (complaints[i].opened);
        g_autofree char *opened_at = g_strconcat (opened, "T09:00:00", NULL);
        g_autofree char *resolved = day_iso (complaints[i].resolved);
        g_autofree char *resolved_at = complaints[i].resolved != 0 ? g_strdup_printf ("'%sT09:00:00'", resolved)
                                                                   : g_strdup ("NULL");

        ticket (store, complaints[i].id, "complaint", complaints[i].status, opened_at, resolved_at);
      }
  }
  surveys (store);
  {
    static const struct { gint64 id; int survey, offset, value; } answers[] = {
      { 3, 1, -100, 10 }, { 8, 1, -10, 10 }, { 10, 1, -100, 10 }, { 10, 1, -20, 6 }, { 11, 2, -30, 4 },
      { 12, 1, -15, 8 }, { 14, 1, -3, 9 }, { 14, 1, 1, 2 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
      {
        g_autofree char *day = day_iso (answers[i].offset);
        g_autofree char *at = g_strconcat (day, "T12:00:00", NULL);

        answer (store, i + 1, answers[i].id, answers[i].survey, at, answers[i].value);
      }
  }

  fid_lifecycle_params_init (&params);
  g_assert_cmpuint (params.new_days, ==, 90);
  g_assert_cmpuint (params.inactive_days, ==, 180);
  g_assert_cmpuint (params.lost_days, ==, 365);
  params.as_of = AS_OF_S;
  result = fid_lifecycle_compute (store, &c->view, &params, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_segmentation_get_scheme (result), ==, "lifecycle");
  assert_column_names (result, names);
  rows = render_values (result);
  assert_same_lines (rows,
                     "1|-1|-1|prospect\n"
                     "2|366|700|lost\n"
                     "3|181|400|inactive\n"
                     "4|90|394|reactivated\n"
                     "5|90|90|new\n"
                     "6|-1|60|new\n"
                     "7|29|2000|active\n"
                     "8|29|272|dissatisfied\n"
                     "9|10|200|dissatisfied\n"
                     "10|50|200|dissatisfied\n"
                     "11|5|300|satisfied\n"
                     "12|1|300|active\n"
                     "13|40|300|dissatisfied\n"
                     "14|2|300|satisfied\n"
                     "15|91|272|active\n"
                     "16|180|250|active\n"
                     "17|365|500|inactive\n"
                     "18|-1|-1|prospect\n"
                     "19|60|300|active\n");

  /* Edited rules. new_days 100: 15's return (−91) and 19's complaint
   * (−91) become recent. */
  g_clear_object (&result);
  g_clear_pointer (&rows, g_free);
  params.new_days = 100;
  result = fid_lifecycle_compute (store, &c->view, &params, NULL, &error);
  g_assert_no_error (error);
  rows = render_values (result);
  assert_same_lines (rows,
                     "1|-1|-1|prospect\n2|366|700|lost\n3|181|400|inactive\n4|90|394|reactivated\n"
                     "5|90|90|new\n6|-1|60|new\n7|29|2000|active\n8|29|272|dissatisfied\n"
                     "9|10|200|dissatisfied\n10|50|200|dissatisfied\n11|5|300|satisfied\n12|1|300|active\n"
                     "13|40|300|dissatisfied\n14|2|300|satisfied\n15|91|272|reactivated\n16|180|250|active\n"
                     "17|365|500|inactive\n18|-1|-1|prospect\n19|60|300|dissatisfied\n");

  /* inactive_days 30 (new_days 90 again): whoever last bought more than
   * 30 days ago is inactive, and a gap of more than 30 days ending within
   * 90 is a return (8, 9, 11, 12, 14); 7's only purchase (−29) is not. */
  g_clear_object (&result);
  g_clear_pointer (&rows, g_free);
  params.new_days = 90;
  params.inactive_days = 30;
  result = fid_lifecycle_compute (store, &c->view, &params, NULL, &error);
  g_assert_no_error (error);
  rows = render_values (result);
  assert_same_lines (rows,
                     "1|-1|-1|prospect\n2|366|700|lost\n3|181|400|inactive\n4|90|394|inactive\n"
                     "5|90|90|inactive\n6|-1|60|new\n7|29|2000|active\n8|29|272|reactivated\n"
                     "9|10|200|reactivated\n10|50|200|inactive\n11|5|300|reactivated\n12|1|300|reactivated\n"
                     "13|40|300|inactive\n14|2|300|reactivated\n15|91|272|inactive\n16|180|250|inactive\n"
                     "17|365|500|inactive\n18|-1|-1|prospect\n19|60|300|inactive\n");
}

static void
test_lifecycle_actions (void)
{
  static const char * const stages[] = {
    "prospect", "new", "active", "satisfied", "dissatisfied", "inactive", "lost", "reactivated"
  };
  static const char * const actions[] = {
    "initiate", "establish", "develop", "develop", "stabilise", "reactivate", "re_initiate", "establish"
  };

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    g_assert_cmpstr (fid_lifecycle_action_key (stages[i]), ==, actions[i]);
  g_assert_null (fid_lifecycle_action_key ("unknown"));
}

/* Errors ---------------------------------------------------------------- */

static void
test_errors (void)
{
  g_autoptr(FidStore) store = profitability_store ();
  g_autoptr(Columns) columns = profitability_columns ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  FidProfitabilityParams profitability;
  FidLoyaltyParams loyalty;
  FidClvParams clv;
  FidLifecycleParams lifecycle;

  fid_profitability_params_init (&profitability);
  profitability.as_of = "2026-02-30";
  g_assert_null (fid_profitability_compute (store, &columns->view, &profitability, NULL, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE);
  g_clear_error (&error);
  profitability.as_of = AS_OF_S;
  profitability.window_days = 0;
  g_assert_null (fid_profitability_compute (store, &columns->view, &profitability, NULL, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  profitability.window_days = 365;
  profitability.ticket_cost_cents[1] = -1;
  g_assert_null (fid_profitability_compute (store, &columns->view, &profitability, NULL, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_NEGATIVE_AMOUNT);
  g_clear_error (&error);

  fid_loyalty_params_init (&loyalty);
  loyalty.as_of = AS_OF_S;
  loyalty.nps_threshold = 11;
  g_assert_null (fid_loyalty_compute (store, &columns->view, &loyalty, NULL, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  fid_clv_params_init (&clv);
  clv.profitability.as_of = AS_OF_S;
  clv.discount_rate = 0.0;
  g_assert_null (fid_clv_compute (store, &columns->view, &clv, NULL, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  fid_lifecycle_params_init (&lifecycle);
  lifecycle.as_of = "30/06/2026";
  g_assert_null (fid_lifecycle_compute (store, &columns->view, &lifecycle, NULL, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE);
  g_clear_error (&error);

  /* Cancelled: every analysis stops with G_IO_ERROR_CANCELLED. */
  g_cancellable_cancel (cancellable);
  profitability.ticket_cost_cents[1] = 4000;
  lifecycle.as_of = AS_OF_S;
  clv.discount_rate = 0.1;
  g_assert_null (fid_profitability_compute (store, &columns->view, &profitability, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  loyalty.nps_threshold = 7;
  g_assert_null (fid_loyalty_compute (store, &columns->view, &loyalty, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (fid_clv_compute (store, &columns->view, &clv, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (fid_lifecycle_compute (store, &columns->view, &lifecycle, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* No read transaction was left open: a row written now is seen by the
   * next run (customer 3 gets a 2500 branch visit). */
  g_clear_object (&cancellable);
  interaction (store, 3, "branch", "2026-06-01T10:00:00", "done");
  {
    g_autoptr(FidSegmentation) result = fid_profitability_compute (store, &columns->view, &profitability,
                                                                   NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (fid_segmentation_get_int_column (result, 1)[2], ==, 2500);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/value/percentile", test_percentile);
  g_test_add_func ("/value/profitability", test_profitability);
  g_test_add_func ("/value/profitability-params", test_profitability_params);
  g_test_add_func ("/value/defaults", test_profitability_defaults);
  g_test_add_func ("/value/loyalty", test_loyalty);
  g_test_add_func ("/value/clv", test_clv);
  g_test_add_func ("/value/clv-ties", test_clv_ties);
  g_test_add_func ("/value/lifecycle", test_lifecycle);
  g_test_add_func ("/value/lifecycle-actions", test_lifecycle_actions);
  g_test_add_func ("/value/errors", test_errors);
  return g_test_run ();
}
