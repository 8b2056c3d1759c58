/* SPDX-License-Identifier: GPL-3.0-or-later */

/* NPS, CSAT and CES (issue 6): the edges of the NPS, the CSAT share, the
 * CES mean and the monthly trend. */

#include "config.h"

#include <math.h>

#include "fid-satisfaction.h"

#define EPS 1e-12

static void
summarize (FidSurveyKind     kind,
           const int        *scores,
           gsize             n,
           FidScoreSummary  *summary)
{
  g_autofree FidScoreAnswer *answers = g_new0 (FidScoreAnswer, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    answers[i].score = scores[i];
  fid_score_summarize (kind, answers, n, summary);
}

static void
test_nps_edges (void)
{
  FidScoreSummary s;

  summarize (FID_SURVEY_NPS, (int[]) { 9, 10, 10, 9 }, 4, &s);
  g_assert_cmpuint (s.n, ==, 4);
  g_assert_cmpuint (s.promoters, ==, 4);
  g_assert_cmpfloat_with_epsilon (s.value, 100, EPS);

  summarize (FID_SURVEY_NPS, (int[]) { 0, 6, 3 }, 3, &s);
  g_assert_cmpuint (s.detractors, ==, 3);
  g_assert_cmpfloat_with_epsilon (s.value, -100, EPS);

  /* Passives only: neither promoters nor detractors, NPS 0. */
  summarize (FID_SURVEY_NPS, (int[]) { 7, 8, 8 }, 3, &s);
  g_assert_cmpuint (s.passives, ==, 3);
  g_assert_cmpfloat (s.value, ==, 0);

  /* Empty: no NPS, not an NPS of 0. */
  summarize (FID_SURVEY_NPS, NULL, 0, &s);
  g_assert_cmpuint (s.n, ==, 0);
  g_assert_true (isnan (s.value));
  g_assert_true (isnan (s.mean));
  g_assert_true (isnan (fid_nps_from_counts (0, 0, 0)));
}

/* 10 answers: promoters 10, 9, 10, 9, 10 (5), passives 8, 7 (2),
 * detractors 6, 0, 5 (3): NPS = 100 × (5 − 3) / 10 = 20. */
static void
test_nps_mixed (void)
{
  FidScoreSummary s;

  summarize (FID_SURVEY_NPS, (int[]) { 10, 9, 8, 7, 6, 0, 10, 5, 9, 10, 11, -1 }, 12, &s);
  g_assert_cmpuint (s.n, ==, 10);
  g_assert_cmpuint (s.n_invalid, ==, 2);
  g_assert_cmpuint (s.promoters, ==, 5);
  g_assert_cmpuint (s.passives, ==, 2);
  g_assert_cmpuint (s.detractors, ==, 3);
  g_assert_cmpfloat_with_epsilon (s.value, 20, EPS);
  g_assert_cmpfloat_with_epsilon (s.mean, 74.0 / 10, EPS);
  g_assert_cmpint (s.min, ==, 0);
  g_assert_cmpint (s.max, ==, 10);
  g_assert_cmpuint (s.distribution[10], ==, 3);
  g_assert_cmpuint (s.distribution[0], ==, 1);
  g_assert_cmpuint (s.distribution[1], ==, 0);
  g_assert_cmpfloat_with_epsilon (fid_nps_from_counts (5, 2, 3), 20, EPS);
}

/* CSAT: share of 4–5 among 1–5, in percent. */
static void
test_csat (void)
{
  FidScoreSummary s;

  summarize (FID_SURVEY_CSAT, (int[]) { 5, 4, 3, 2, 1, 5, 0, 6 }, 8, &s);
  g_assert_cmpuint (s.n, ==, 6);
  g_assert_cmpuint (s.n_invalid, ==, 2);
  g_assert_cmpuint (s.satisfied, ==, 3);
  g_assert_cmpfloat_with_epsilon (s.value, 50, EPS);
  g_assert_cmpfloat_with_epsilon (s.mean, 20.0 / 6, EPS);
  g_assert_cmpuint (s.distribution[5 - 1], ==, 2);
  g_assert_cmpuint (s.promoters + s.passives + s.detractors, ==, 0);

  summarize (FID_SURVEY_CSAT, NULL, 0, &s);
  g_assert_true (isnan (s.value));
}

/* CES: the mean of 1–7. */
static void
test_ces (void)
{
  FidScoreSummary s;
  int min, max;

  summarize (FID_SURVEY_CES, (int[]) { 1, 7, 4, 2 }, 4, &s);
  g_assert_cmpuint (s.n, ==, 4);
  g_assert_cmpfloat_with_epsilon (s.value, 3.5, EPS);
  g_assert_cmpfloat_with_epsilon (s.mean, 3.5, EPS);
  g_assert_cmpuint (s.distribution[7 - 1], ==, 1);

  g_assert_true (fid_score_scale (FID_SURVEY_CES, &min, &max));
  g_assert_cmpint (min, ==, 1);
  g_assert_cmpint (max, ==, 7);
  g_assert_false (fid_score_scale (FID_SURVEY_KANO, NULL, NULL));
}

/* One summary per month with dated answers, oldest first; undated answers
 * count in the total only. */
static void
test_trend (void)
{
  FidScoreAnswer answers[] = {
    { 9, 202403 }, { 10, 202401 }, { 0, 202401 }, { 5, 0 }, { 8, 202403 }, { 7, 202312 },
  };
  g_autoptr(GArray) trend = fid_score_trend (FID_SURVEY_NPS, answers, G_N_ELEMENTS (answers));
  const FidScoreMonth *m;
  FidScoreSummary all;

  g_assert_cmpuint (trend->len, ==, 3);
  m = &g_array_index (trend, FidScoreMonth, 0);
  g_assert_cmpuint (m->month, ==, 202312);
  g_assert_cmpuint (m->summary.n, ==, 1);
  g_assert_cmpfloat (m->summary.value, ==, 0);
  m = &g_array_index (trend, FidScoreMonth, 1);
  g_assert_cmpuint (m->month, ==, 202401);
  g_assert_cmpuint (m->summary.n, ==, 2);
  g_assert_cmpfloat_with_epsilon (m->summary.value, 0, EPS);
  m = &g_array_index (trend, FidScoreMonth, 2);
  g_assert_cmpuint (m->month, ==, 202403);
  /* 9 promoter, 8 passive: 50. */
  g_assert_cmpfloat_with_epsilon (m->summary.value, 50, EPS);

  fid_score_summarize (FID_SURVEY_NPS, answers, G_N_ELEMENTS (answers), &all);
  g_assert_cmpuint (all.n, ==, 6);
}

static void
test_month (void)
{
  g_assert_cmpuint (fid_score_month_from_date ("2024-05-06"), ==, 202405);
  g_assert_cmpuint (fid_score_month_from_date ("2024-12-31T23:59:00"), ==, 202412);
  g_assert_cmpuint (fid_score_month_from_date ("2024-13-01"), ==, 0);
  g_assert_cmpuint (fid_score_month_from_date ("05/06/2024"), ==, 0);
  g_assert_cmpuint (fid_score_month_from_date (""), ==, 0);
  g_assert_cmpuint (fid_score_month_from_date (NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/satisfaction/nps-edges", test_nps_edges);
  g_test_add_func ("/satisfaction/nps-mixed", test_nps_mixed);
  g_test_add_func ("/satisfaction/csat", test_csat);
  g_test_add_func ("/satisfaction/ces", test_ces);
  g_test_add_func ("/satisfaction/trend", test_trend);
  g_test_add_func ("/satisfaction/month", test_month);

  return g_test_run ();
}
