/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Campaign results (issue 10): uplift, the two-proportion z-test, the
 * incremental margin and the return on investment, on numbers worked out
 * by hand. */

#include "config.h"

#include <math.h>

#include "fid-uplift.h"

/* 1000 contacted customers, 60 conversions (6 %); 1000 held out, 40
 * conversions (4 %). Margin 50.00 € per conversion, costs 200.00 € fixed
 * plus 0.50 € per contact.
 *
 *   uplift             = 0.06 − 0.04 = 0.02 (2 points; +50 % relative)
 *   pooled p           = (60 + 40) / 2000 = 0.05
 *   standard error     = sqrt (0.05 × 0.95 × (1/1000 + 1/1000))
 *                      = sqrt (0.000095) = 0.0097468
 *   z                  = 0.02 / 0.0097468 = 2.05196
 *   p-value            = erfc (2.05196 / √2) = 0.040174  (< 0.05: significant)
 *   incremental conv.  = 0.02 × 1000 = 20
 *   incremental margin = 20 × 5000 cents = 100000 cents (1000.00 €)
 *   cost               = 20000 + 1000 × 50 = 70000 cents (700.00 €)
 *   ROI                = (100000 − 70000) / 70000 = 0.428571 (+42.9 %)
 *
 * Responses: 120 of 1000 against 10 of 1000:
 *   pooled 130 / 2000 = 0.065; se = sqrt (0.065 × 0.935 × 0.002) = 0.0110250
 *   z = 0.11 / 0.0110250 = 9.97735; p-value ≈ 1.9e-23. */
static void
test_hand_computed (void)
{
  FidCampaignCounts counts = {
    .n_test = 1000, .n_control = 1000, .n_contacted = 1000,
    .test_responses = 120, .control_responses = 10,
    .test_conversions = 60, .control_conversions = 40,
    .cost_cents = 20000 + 1000 * 50, .margin_per_conversion_cents = 5000,
  };
  FidUplift u;

  fid_uplift_compute (&counts, &u);
  g_assert_cmpfloat_with_epsilon (u.conversion.test_rate, 0.06, 1e-12);
  g_assert_cmpfloat_with_epsilon (u.conversion.control_rate, 0.04, 1e-12);
  g_assert_cmpfloat_with_epsilon (u.conversion.uplift, 0.02, 1e-12);
  g_assert_cmpfloat_with_epsilon (u.conversion.relative_uplift, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (u.conversion.z, 2.05196, 1e-5);
  g_assert_cmpfloat_with_epsilon (u.conversion.p_value, 0.040174, 1e-6);
  g_assert_true (fid_uplift_is_significant (&u.conversion, 0.05));
  g_assert_false (fid_uplift_is_significant (&u.conversion, 0.01));
  g_assert_cmpfloat_with_epsilon (u.incremental_conversions, 20.0, 1e-9);
  g_assert_cmpint (u.incremental_margin_cents, ==, 100000);
  g_assert_cmpint (u.cost_cents, ==, 70000);
  g_assert_cmpfloat_with_epsilon (u.roi, 0.428571, 1e-6);

  g_assert_cmpfloat_with_epsilon (u.response.uplift, 0.11, 1e-12);
  g_assert_cmpfloat_with_epsilon (u.response.z, 9.97735, 1e-4);
  g_assert_cmpfloat (u.response.p_value, <, 1e-20);
}

/* A campaign that changed nothing loses its cost: same rates, z = 0,
 * p = 1, ROI = −100 %. A worse test group gives a negative z. */
static void
test_no_effect (void)
{
  FidCampaignCounts counts = {
    .n_test = 500, .n_control = 100, .n_contacted = 500,
    .test_conversions = 25, .control_conversions = 5,
    .cost_cents = 10000, .margin_per_conversion_cents = 3000,
  };
  FidUplift u;

  fid_uplift_compute (&counts, &u);
  g_assert_cmpfloat_with_epsilon (u.conversion.uplift, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (u.conversion.z, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (u.conversion.p_value, 1.0, 1e-12);
  g_assert_cmpint (u.incremental_margin_cents, ==, 0);
  g_assert_cmpfloat_with_epsilon (u.roi, -1.0, 1e-12);

  /* 10/200 against 20/200: pooled 0.075, se = sqrt (0.075 × 0.925 × 0.01)
   * = 0.0263391, z = −0.05 / 0.0263391 = −1.89832, p = 0.057654. */
  counts = (FidCampaignCounts) { .n_test = 200, .n_control = 200, .test_conversions = 10,
                                 .control_conversions = 20 };
  fid_uplift_compute (&counts, &u);
  g_assert_cmpfloat_with_epsilon (u.conversion.z, -1.89832, 1e-5);
  g_assert_cmpfloat_with_epsilon (u.conversion.p_value, 0.057654, 1e-6);
  g_assert_true (isnan (u.roi));                 /* no cost: no ROI */
}

/* Degenerate groups: empty, or nobody converting anywhere. */
static void
test_degenerate (void)
{
  FidProportionTest t;

  fid_uplift_test_proportions (0, 0, 0, 0, &t);
  g_assert_cmpfloat (t.test_rate, ==, 0.0);
  g_assert_cmpfloat (t.z, ==, 0.0);
  g_assert_cmpfloat (t.p_value, ==, 1.0);

  fid_uplift_test_proportions (0, 300, 0, 30, &t);
  g_assert_cmpfloat (t.z, ==, 0.0);
  g_assert_cmpfloat (t.p_value, ==, 1.0);
  g_assert_true (isnan (t.relative_uplift));

  fid_uplift_test_proportions (5, 50, 0, 0, &t);
  g_assert_cmpfloat_with_epsilon (t.test_rate, 0.1, 1e-12);
  g_assert_cmpfloat (t.p_value, ==, 1.0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uplift/hand-computed", test_hand_computed);
  g_test_add_func ("/uplift/no-effect", test_no_effect);
  g_test_add_func ("/uplift/degenerate", test_degenerate);
  return g_test_run ();
}
