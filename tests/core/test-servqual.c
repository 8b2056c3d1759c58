/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SERVQUAL (issue 6) on a three-respondent example computed by hand,
 * with weights, and gap 1 against management's expectations. */

#include "config.h"

#include <math.h>

#include "fid-servqual.h"

#define EPS 1e-12

static void
test_servqual_dimensions (void)
{
  FidServqualDimension dimension;

  /* Tangibles 1–4, reliability 5–9, responsiveness 10–13, assurance 14–17,
   * empathy 18–22. */
  g_assert_cmpint (fid_servqual_standard_dimension (0), ==, -1);
  g_assert_cmpint (fid_servqual_standard_dimension (1), ==, FID_SERVQUAL_TANGIBLES);
  g_assert_cmpint (fid_servqual_standard_dimension (4), ==, FID_SERVQUAL_TANGIBLES);
  g_assert_cmpint (fid_servqual_standard_dimension (5), ==, FID_SERVQUAL_RELIABILITY);
  g_assert_cmpint (fid_servqual_standard_dimension (9), ==, FID_SERVQUAL_RELIABILITY);
  g_assert_cmpint (fid_servqual_standard_dimension (10), ==, FID_SERVQUAL_RESPONSIVENESS);
  g_assert_cmpint (fid_servqual_standard_dimension (13), ==, FID_SERVQUAL_RESPONSIVENESS);
  g_assert_cmpint (fid_servqual_standard_dimension (14), ==, FID_SERVQUAL_ASSURANCE);
  g_assert_cmpint (fid_servqual_standard_dimension (17), ==, FID_SERVQUAL_ASSURANCE);
  g_assert_cmpint (fid_servqual_standard_dimension (18), ==, FID_SERVQUAL_EMPATHY);
  g_assert_cmpint (fid_servqual_standard_dimension (22), ==, FID_SERVQUAL_EMPATHY);
  g_assert_cmpint (fid_servqual_standard_dimension (23), ==, -1);

  g_assert_cmpstr (fid_servqual_dimension_to_key (FID_SERVQUAL_RESPONSIVENESS), ==, "responsiveness");
  g_assert_true (fid_servqual_dimension_from_key ("Reliability", &dimension));
  g_assert_cmpint (dimension, ==, FID_SERVQUAL_RELIABILITY);
  g_assert_true (fid_servqual_dimension_from_key (" 5 ", &dimension));
  g_assert_cmpint (dimension, ==, FID_SERVQUAL_EMPATHY);
  g_assert_false (fid_servqual_dimension_from_key ("6", NULL));
  g_assert_false (fid_servqual_dimension_from_key ("courtesy", NULL));
}

static void
add (FidServqualData *data,
     guint            item,
     int              e,
     int              p)
{
  FidServqualAnswer answer = { item - 1, e, p };

  g_array_append_val (data->answers, answer);
}

static void
add_weights (FidServqualData *data,
             guint            respondent,
             double           t,
             double           rel,
             double           resp,
             double           ass,
             double           emp)
{
  double points[] = { t, rel, resp, ass, emp };

  for (guint d = 0; d < FID_SERVQUAL_N_DIMENSIONS; d++)
    {
      FidServqualWeight weight = { respondent, d, points[d] };

      g_array_append_val (data->weights, weight);
    }
}

/* Three respondents, seven of the 22 items:
 *
 *   item (dimension)   E1 E2 E3  P1 P2 P3    E    P    gap
 *   1  (tangibles)      7  6  5   5  5  5    6    5    −1
 *   2  (tangibles)      6  6  6   6  7  5    6    6     0
 *   5  (reliability)    7  7  7   4  5  3    7    4    −3
 *   6  (reliability)    6  7  5   5  6  4    6    5    −1
 *   10 (responsiveness) 5  6  7   6  6  6    6    6     0
 *   14 (assurance)      7  6  5   7  7  7    6    7    +1
 *   18 (empathy)        4  5  −   3  4  −  4.5  3.5    −1   (R3 skipped it)
 *
 * Dimensions (means of their items): tangibles E 6, P 5.5, gap −0.5;
 * reliability 6.5, 4.5, −2; responsiveness 6, 6, 0; assurance 6, 7, +1;
 * empathy 4.5, 3.5, −1. Unweighted = (−0.5 − 2 + 0 + 1 − 1) / 5 = −0.5.
 *
 * Weights (T, Rel, Resp, Ass, Emp): R1 10 40 20 20 10, R2 20 30 20 10 20,
 * R3 15 35 15 15 20: means 15, 35, 55/3, 15, 50/3. Weighted =
 * 0.15 × −0.5 + 0.35 × −2 + (55/300) × 0 + 0.15 × 1 + (50/300) × −1
 * = −0.075 − 0.7 + 0.15 − 1/6 = −19/24. */
static FidServqualData *
example (void)
{
  FidServqualData *data = fid_servqual_data_new_standard ();

  add (data, 1, 7, 5), add (data, 1, 6, 5), add (data, 1, 5, 5);
  add (data, 2, 6, 6), add (data, 2, 6, 7), add (data, 2, 6, 5);
  add (data, 5, 7, 4), add (data, 5, 7, 5), add (data, 5, 7, 3);
  add (data, 6, 6, 5), add (data, 6, 7, 6), add (data, 6, 5, 4);
  add (data, 10, 5, 6), add (data, 10, 6, 6), add (data, 10, 7, 6);
  add (data, 14, 7, 7), add (data, 14, 6, 7), add (data, 14, 5, 7);
  add (data, 18, 4, 3), add (data, 18, 5, 4);
  return data;
}

static void
test_servqual_example (void)
{
  g_autoptr(FidServqualData) data = example ();
  g_autoptr(FidServqualAnalysis) a = NULL;
  const FidServqualDimensionResult *d;

  add_weights (data, 0, 10, 40, 20, 20, 10);
  add_weights (data, 1, 20, 30, 20, 10, 20);
  add_weights (data, 2, 15, 35, 15, 15, 20);
  a = fid_servqual_analyze (data);

  g_assert_cmpuint (a->n_items, ==, 22);
  g_assert_cmpuint (a->items[0].item, ==, 1);
  g_assert_cmpstr (a->items[0].label, ==, "1");
  g_assert_cmpuint (a->items[0].n, ==, 3);
  g_assert_cmpfloat_with_epsilon (a->items[0].expectation, 6, EPS);
  g_assert_cmpfloat_with_epsilon (a->items[0].perception, 5, EPS);
  g_assert_cmpfloat_with_epsilon (a->items[0].gap, -1, EPS);
  g_assert_cmpfloat_with_epsilon (a->items[4].gap, -3, EPS);
  g_assert_cmpint (a->items[13].dimension, ==, FID_SERVQUAL_ASSURANCE);
  g_assert_cmpfloat_with_epsilon (a->items[13].gap, 1, EPS);
  g_assert_cmpuint (a->items[17].n, ==, 2);
  g_assert_cmpfloat_with_epsilon (a->items[17].expectation, 4.5, EPS);
  g_assert_cmpfloat_with_epsilon (a->items[17].perception, 3.5, EPS);
  /* Items nobody answered are not measured. */
  g_assert_cmpuint (a->items[2].n, ==, 0);
  g_assert_true (isnan (a->items[2].gap));

  d = &a->dimensions[FID_SERVQUAL_TANGIBLES];
  g_assert_cmpuint (d->n_items, ==, 2);
  g_assert_cmpfloat_with_epsilon (d->expectation, 6, EPS);
  g_assert_cmpfloat_with_epsilon (d->perception, 5.5, EPS);
  g_assert_cmpfloat_with_epsilon (d->gap, -0.5, EPS);
  g_assert_cmpfloat_with_epsilon (d->weight, 15, EPS);
  d = &a->dimensions[FID_SERVQUAL_RELIABILITY];
  g_assert_cmpfloat_with_epsilon (d->expectation, 6.5, EPS);
  g_assert_cmpfloat_with_epsilon (d->perception, 4.5, EPS);
  g_assert_cmpfloat_with_epsilon (d->gap, -2, EPS);
  g_assert_cmpfloat_with_epsilon (d->weight, 35, EPS);
  d = &a->dimensions[FID_SERVQUAL_RESPONSIVENESS];
  g_assert_cmpfloat_with_epsilon (d->gap, 0, EPS);
  g_assert_cmpfloat_with_epsilon (d->weight, 55.0 / 3, EPS);
  d = &a->dimensions[FID_SERVQUAL_ASSURANCE];
  g_assert_cmpfloat_with_epsilon (d->gap, 1, EPS);
  g_assert_cmpfloat_with_epsilon (d->weight, 15, EPS);
  d = &a->dimensions[FID_SERVQUAL_EMPATHY];
  g_assert_cmpfloat_with_epsilon (d->expectation, 4.5, EPS);
  g_assert_cmpfloat_with_epsilon (d->gap, -1, EPS);
  g_assert_cmpfloat_with_epsilon (d->weight, 50.0 / 3, EPS);

  g_assert_cmpuint (a->n_respondents_weights, ==, 3);
  g_assert_cmpfloat_with_epsilon (a->unweighted, -0.5, EPS);
  g_assert_cmpfloat_with_epsilon (a->weighted, -19.0 / 24, EPS);

  /* No management answers: gap 1 is not measured. */
  g_assert_true (isnan (a->items[0].gap1));
  g_assert_true (isnan (a->dimensions[FID_SERVQUAL_TANGIBLES].gap1));
  g_assert_true (isnan (a->gap1));
}

static void
test_servqual_unweighted_only (void)
{
  g_autoptr(FidServqualData) data = example ();
  g_autoptr(FidServqualAnalysis) a = fid_servqual_analyze (data);
  g_autoptr(FidServqualAnalysis) copy = g_boxed_copy (FID_TYPE_SERVQUAL_ANALYSIS, a);

  g_assert_cmpfloat_with_epsilon (a->unweighted, -0.5, EPS);
  g_assert_true (isnan (a->weighted));
  g_assert_true (isnan (a->dimensions[FID_SERVQUAL_TANGIBLES].weight));
  g_assert_cmpuint (a->n_respondents_weights, ==, 0);
  g_assert_cmpfloat (copy->unweighted, ==, a->unweighted);
  g_assert_cmpstr (copy->items[21].label, ==, "22");
}

/* Management thinks customers expect 5 on item 1 (they expect 6: gap 1 =
 * −1) and, two managers, 7 and 6 on item 5 (6.5 against 7: −0.5). */
static void
test_servqual_gap1 (void)
{
  g_autoptr(FidServqualData) data = example ();
  g_autoptr(FidServqualAnalysis) a = NULL;
  FidServqualRating ratings[] = { { 0, 5 }, { 4, 7 }, { 4, 6 }, { 30, 4 } /* no such item */ };

  g_array_append_vals (data->management, ratings, G_N_ELEMENTS (ratings));
  a = fid_servqual_analyze (data);

  g_assert_cmpuint (a->items[0].n_management, ==, 1);
  g_assert_cmpfloat_with_epsilon (a->items[0].management, 5, EPS);
  g_assert_cmpfloat_with_epsilon (a->items[0].gap1, -1, EPS);
  g_assert_cmpfloat_with_epsilon (a->items[4].management, 6.5, EPS);
  g_assert_cmpfloat_with_epsilon (a->items[4].gap1, -0.5, EPS);
  g_assert_true (isnan (a->items[1].gap1));
  g_assert_cmpfloat_with_epsilon (a->dimensions[FID_SERVQUAL_TANGIBLES].gap1, -1, EPS);
  g_assert_cmpfloat_with_epsilon (a->dimensions[FID_SERVQUAL_RELIABILITY].gap1, -0.5, EPS);
  g_assert_true (isnan (a->dimensions[FID_SERVQUAL_EMPATHY].gap1));
  g_assert_cmpfloat_with_epsilon (a->gap1, -0.75, EPS);
  /* Gap 5 is untouched by management's answers. */
  g_assert_cmpfloat_with_epsilon (a->unweighted, -0.5, EPS);
}

static void
test_servqual_empty (void)
{
  g_autoptr(FidServqualData) data = fid_servqual_data_new_standard ();
  g_autoptr(FidServqualAnalysis) a = fid_servqual_analyze (data);

  for (guint d = 0; d < FID_SERVQUAL_N_DIMENSIONS; d++)
    g_assert_true (isnan (a->dimensions[d].gap));
  g_assert_true (isnan (a->unweighted));
  g_assert_true (isnan (a->weighted));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/servqual/dimensions", test_servqual_dimensions);
  g_test_add_func ("/servqual/example", test_servqual_example);
  g_test_add_func ("/servqual/unweighted-only", test_servqual_unweighted_only);
  g_test_add_func ("/servqual/gap1", test_servqual_gap1);
  g_test_add_func ("/servqual/empty", test_servqual_empty);

  return g_test_run ();
}
