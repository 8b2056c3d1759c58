/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The loyalty programme's settings window (issue 14; needs a display):
 * changing a rule's points, the points' validity or an engagement weight
 * saves it at once, and the next credit uses the new rule. */

#include "config.h"

#include <adwaita.h>

#include "fid-plugin-test-util.h"
#include "fid-store-loyalty.h"
#include "../core/fid-test-util.h"
#include "loyalty/fid-loyalty-settings.h"

static void
test_settings_saved (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  FidLoyaltySettings *settings = fid_loyalty_settings_new (NULL, store);
  FidEngagementWeights weights;
  gint64 points = 0;
  int months = 0;

  gtk_window_present (GTK_WINDOW (settings));

  gtk_spin_button_set_value (fid_loyalty_settings_get_spin (settings, "product_opened"), 75);
  g_assert_true (fid_store_loyalty_get_rule_points (store, FID_LOYALTY_RULE_PRODUCT_OPENED, &points, &error));
  g_assert_no_error (error);
  g_assert_cmpint (points, ==, 75);

  gtk_spin_button_set_value (fid_loyalty_settings_get_spin (settings, "validity"), 12);
  g_assert_true (fid_store_loyalty_get_validity_months (store, &months, &error));
  g_assert_cmpint (months, ==, 12);

  gtk_spin_button_set_value (fid_loyalty_settings_get_spin (settings, "recency_points"), 20);
  gtk_spin_button_set_value (fid_loyalty_settings_get_spin (settings, "channel:phone"), 4.5);
  g_assert_true (fid_store_engagement_get_weights (store, &weights, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (weights.recency_points, ==, 20);
  g_assert_cmpfloat (weights.channel[FID_ENGAGEMENT_CHANNEL_PHONE], ==, 4.5);

  /* Every rule and weight has its row. */
  for (guint r = 0; r < FID_LOYALTY_N_RULES; r++)
    g_assert_nonnull (fid_loyalty_settings_get_spin (settings, fid_loyalty_rule_kind (r)));
  for (const char * const *name = fid_engagement_weight_names (); *name != NULL; name++)
    g_assert_nonnull (fid_loyalty_settings_get_spin (settings, *name));

  gtk_window_destroy (GTK_WINDOW (settings));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (fid_test_ignore_libpeas, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("No display: run the ui suite under Xvfb");
      return g_test_run ();
    }
  adw_init ();
  g_test_add_func ("/loyalty/ui/settings-saved", test_settings_saved);
  return g_test_run ();
}
