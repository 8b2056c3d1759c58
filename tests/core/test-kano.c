/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Kano model (issue 6): the evaluation table, the tie rule, Berger's
 * coefficients, Fong's test and the importance mean. */

#include "config.h"

#include <math.h>

#include "fid-kano.h"

#define A FID_KANO_ATTRACTIVE
#define O FID_KANO_ONE_DIMENSIONAL
#define M FID_KANO_MUST_BE
#define I FID_KANO_INDIFFERENT
#define R FID_KANO_REVERSE
#define Q FID_KANO_QUESTIONABLE

/* The issue's table, written out again rather than read from the code:
 * row 1: Q A A A O · rows 2, 3, 4: R I I I M · row 5: R R R R Q. */
static void
test_kano_table (void)
{
  static const FidKanoCategory expected[5][5] = {
    { Q, A, A, A, O },
    { R, I, I, I, M },
    { R, I, I, I, M },
    { R, I, I, I, M },
    { R, R, R, R, Q },
  };

  for (int f = 1; f <= 5; f++)
    for (int d = 1; d <= 5; d++)
      {
        g_test_message ("functional %d, dysfunctional %d", f, d);
        g_assert_cmpint (fid_kano_classify (f, d), ==, expected[f - 1][d - 1]);
      }

  /* Outside the five answers: questionable, never a crash. */
  g_assert_cmpint (fid_kano_classify (0, 3), ==, Q);
  g_assert_cmpint (fid_kano_classify (3, 6), ==, Q);
}

static void
test_kano_keys (void)
{
  const char * const *keys = fid_kano_category_keys ();

  g_assert_cmpuint (g_strv_length ((char **) keys), ==, FID_KANO_N_CATEGORIES);
  g_assert_cmpstr (keys[A], ==, "A");
  g_assert_cmpstr (keys[O], ==, "O");
  g_assert_cmpstr (keys[M], ==, "M");
  g_assert_cmpstr (keys[I], ==, "I");
  g_assert_cmpstr (keys[R], ==, "R");
  g_assert_cmpstr (keys[Q], ==, "Q");
  g_assert_cmpstr (fid_kano_category_get_name (M), ==, "Must-be");
}

static FidKanoResult *
result_from_counts (guint a,
                    guint o,
                    guint m,
                    guint i,
                    guint r,
                    guint q)
{
  FidKanoResult *result = fid_kano_result_new ("feature");

  result->counts[A] = a;
  result->counts[O] = o;
  result->counts[M] = m;
  result->counts[I] = i;
  result->counts[R] = r;
  result->counts[Q] = q;
  fid_kano_result_finish (result);
  return result;
}

/* Berger et al. (1993): A 7, O 33, M 50, I 10 out of 100. */
static void
test_kano_berger (void)
{
  g_autoptr(FidKanoResult) result = result_from_counts (7, 33, 50, 10, 0, 0);

  g_assert_cmpuint (result->n, ==, 100);
  g_assert_cmpint (result->category, ==, M);
  /* (7 + 33) / 100 and −(33 + 50) / 100. */
  g_assert_cmpfloat_with_epsilon (result->better, 0.40, 1e-12);
  g_assert_cmpfloat_with_epsilon (result->worse, -0.83, 1e-12);
  g_assert_true (isnan (result->importance));
}

/* Ties go M > O > A > I (then R > Q). */
static void
test_kano_ties (void)
{
  g_autoptr(FidKanoResult) mo = result_from_counts (0, 5, 5, 0, 0, 0);
  g_autoptr(FidKanoResult) oa = result_from_counts (5, 5, 0, 0, 0, 0);
  g_autoptr(FidKanoResult) ai = result_from_counts (5, 0, 0, 5, 0, 0);
  g_autoptr(FidKanoResult) all = result_from_counts (4, 4, 4, 4, 0, 0);
  g_autoptr(FidKanoResult) mi = result_from_counts (0, 0, 3, 3, 1, 1);
  g_autoptr(FidKanoResult) ir = result_from_counts (0, 0, 0, 2, 2, 0);
  g_autoptr(FidKanoResult) rq = result_from_counts (0, 0, 0, 0, 2, 2);
  g_autoptr(FidKanoResult) larger = result_from_counts (6, 5, 5, 0, 0, 0);
  g_autoptr(FidKanoResult) empty = result_from_counts (0, 0, 0, 0, 0, 0);

  g_assert_cmpint (mo->category, ==, M);
  g_assert_cmpint (oa->category, ==, O);
  g_assert_cmpint (ai->category, ==, A);
  g_assert_cmpint (all->category, ==, M);
  g_assert_cmpint (mi->category, ==, M);
  g_assert_cmpint (ir->category, ==, I);
  g_assert_cmpint (rq->category, ==, R);
  /* The rule breaks ties only: a larger count wins whatever its rank. */
  g_assert_cmpint (larger->category, ==, A);
  /* Nothing to go on: indifferent, not significant, no coefficients. */
  g_assert_cmpint (empty->category, ==, I);
  g_assert_false (empty->significant);
  g_assert_true (isnan (empty->better));
  g_assert_true (isnan (empty->worse));
}

/* Fong (1996): with a, b the two largest counts among n answers, the
 * category is significant when |a − b| ≥ 1.65 √((a + b)(2n − a − b) / 2n). */
static void
test_kano_fong (void)
{
  /* Berger's counts: a = 50 (M), b = 33 (O), n = 100.
   * 1.65 √(83 × 117 / 200) = 1.65 × 6.968 = 11.50 ≤ 17: significant. */
  g_autoptr(FidKanoResult) significant = result_from_counts (7, 33, 50, 10, 0, 0);
  /* a = 45 (M), b = 40 (O), n = 100.
   * 1.65 √(85 × 115 / 200) = 1.65 × 6.991 = 11.54 > 5: mixed. */
  g_autoptr(FidKanoResult) mixed = result_from_counts (0, 40, 45, 15, 0, 0);
  /* Just around the threshold: a = 12 (A), b = 3 (I), n = 15:
   * 1.65 √(15 × 15 / 30) = 1.65 × 2.739 = 4.52 ≤ 9: significant;
   * a = 8, b = 5, n = 13: 1.65 √(13 × 13 / 26) = 4.21 > 3: mixed. */
  g_autoptr(FidKanoResult) small = result_from_counts (12, 0, 0, 3, 0, 0);
  g_autoptr(FidKanoResult) small_mixed = result_from_counts (8, 0, 0, 5, 0, 0);
  /* One answer: 1.65 √(1 × 1 / 2) = 1.17 > 1: one person is no majority. */
  g_autoptr(FidKanoResult) one = result_from_counts (1, 0, 0, 0, 0, 0);
  /* R and Q take part: a = 6 (R), b = 4 (A), n = 10:
   * 1.65 √(10 × 10 / 20) = 3.69 > 2: mixed. */
  g_autoptr(FidKanoResult) reverse = result_from_counts (4, 0, 0, 0, 6, 0);
  guint counts[FID_KANO_N_CATEGORIES] = { 0, 0, 0, 0, 0, 0 };

  g_assert_true (significant->significant);
  g_assert_false (mixed->significant);
  g_assert_cmpint (mixed->category, ==, M);
  g_assert_true (small->significant);
  g_assert_false (small_mixed->significant);
  g_assert_false (one->significant);
  g_assert_false (reverse->significant);
  g_assert_cmpint (reverse->category, ==, R);
  g_assert_false (fid_kano_fong_significant (counts));
}

/* Reverse and questionable answers count in n but not in Better/Worse. */
static void
test_kano_excluded (void)
{
  g_autoptr(FidKanoResult) result = result_from_counts (2, 2, 0, 0, 5, 5);
  g_autoptr(FidKanoResult) only_rq = result_from_counts (0, 0, 0, 0, 3, 1);

  g_assert_cmpuint (result->n, ==, 14);
  /* (2 + 2) / 4 and −(2 + 0) / 4, not / 14. */
  g_assert_cmpfloat_with_epsilon (result->better, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (result->worse, -0.5, 1e-12);
  g_assert_true (isnan (only_rq->better));
  g_assert_true (isnan (only_rq->worse));
}

static void
add_answer (FidKanoData *data,
            guint        feature,
            int          functional,
            int          dysfunctional,
            int          importance)
{
  FidKanoAnswer answer = { feature, functional, dysfunctional, importance };

  g_array_append_val (data->answers, answer);
}

/* The answers of a small class, through fid_kano_analyze. */
static void
test_kano_analyze (void)
{
  g_autoptr(FidKanoData) data = fid_kano_data_new ();
  g_autoptr(GPtrArray) results = NULL;
  FidKanoResult *card, *coffee, *unused;

  g_strfreev (data->features);
  data->features = g_strdupv ((char *[]) { "Card blocking", "Coffee corner", "Unused", NULL });
  /* Card blocking: I expect it / I dislike its absence (M) ×2, like / dislike (O). */
  add_answer (data, 0, 2, 5, 9);
  add_answer (data, 0, 2, 5, 8);
  add_answer (data, 0, 1, 5, 0);
  /* Coffee corner: like / neutral (A), neutral / neutral (I) ×2, dislike / like (R). */
  add_answer (data, 1, 1, 3, 4);
  add_answer (data, 1, 3, 3, 0);
  add_answer (data, 1, 3, 3, 0);
  add_answer (data, 1, 5, 1, 0);
  /* A feature index out of the list is ignored. */
  add_answer (data, 7, 1, 1, 0);

  results = fid_kano_analyze (data);
  g_assert_cmpuint (results->len, ==, 3);
  card = g_ptr_array_index (results, 0);
  coffee = g_ptr_array_index (results, 1);
  unused = g_ptr_array_index (results, 2);

  g_assert_cmpstr (card->feature, ==, "Card blocking");
  g_assert_cmpuint (card->n, ==, 3);
  g_assert_cmpuint (card->counts[M], ==, 2);
  g_assert_cmpuint (card->counts[O], ==, 1);
  g_assert_cmpint (card->category, ==, M);
  g_assert_cmpfloat_with_epsilon (card->better, 1.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (card->worse, -1.0, 1e-12);
  /* Importance: the mean of those given, (9 + 8) / 2. */
  g_assert_cmpuint (card->n_importance, ==, 2);
  g_assert_cmpfloat_with_epsilon (card->importance, 8.5, 1e-12);

  g_assert_cmpuint (coffee->n, ==, 4);
  g_assert_cmpuint (coffee->counts[R], ==, 1);
  g_assert_cmpint (coffee->category, ==, I);
  /* R left out: (1 + 0) / 3 and −0 / 3. */
  g_assert_cmpfloat_with_epsilon (coffee->better, 1.0 / 3, 1e-12);
  g_assert_cmpfloat (coffee->worse, ==, 0.0);
  g_assert_false (signbit (coffee->worse));
  g_assert_cmpfloat_with_epsilon (coffee->importance, 4.0, 1e-12);

  g_assert_cmpuint (unused->n, ==, 0);
  g_assert_true (isnan (unused->importance));
  g_assert_true (isnan (unused->better));

  /* What to fix first: the must-be before the indifferent ones; among
   * indifferent ones, the one with an importance first. */
  g_ptr_array_sort (results, fid_kano_result_compare_rank);
  g_assert_cmpstr (((FidKanoResult *) g_ptr_array_index (results, 0))->feature, ==, "Card blocking");
  g_assert_cmpstr (((FidKanoResult *) g_ptr_array_index (results, 1))->feature, ==, "Coffee corner");
  g_assert_cmpstr (((FidKanoResult *) g_ptr_array_index (results, 2))->feature, ==, "Unused");
}

static void
test_kano_copy (void)
{
  g_autoptr(FidKanoResult) result = result_from_counts (7, 33, 50, 10, 0, 0);
  g_autoptr(FidKanoResult) copy = g_boxed_copy (FID_TYPE_KANO_RESULT, result);

  g_assert_true (copy->feature != result->feature);
  g_assert_cmpstr (copy->feature, ==, result->feature);
  g_assert_cmpuint (copy->counts[M], ==, 50);
  g_assert_cmpfloat (copy->better, ==, result->better);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kano/table", test_kano_table);
  g_test_add_func ("/kano/keys", test_kano_keys);
  g_test_add_func ("/kano/berger", test_kano_berger);
  g_test_add_func ("/kano/ties", test_kano_ties);
  g_test_add_func ("/kano/fong", test_kano_fong);
  g_test_add_func ("/kano/excluded", test_kano_excluded);
  g_test_add_func ("/kano/analyze", test_kano_analyze);
  g_test_add_func ("/kano/copy", test_kano_copy);

  return g_test_run ();
}
