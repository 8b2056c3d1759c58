/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Per-customer aggregates stay equal to a recomputation from the raw
 * transactions through inserts, updates (amount, date, moving a
 * transaction to another customer) and deletes. */

#include "config.h"

#include "fid-test-util.h"

static void
assert_consistent (FidStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 wrong = -1;

  g_assert_true (fid_store_check_aggregates (store, &wrong, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wrong, ==, 0);
}

static void
test_aggregates_follow_writes (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) tx = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);
  gint64 customers[6];

  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    customers[i] = fid_test_insert (store, "Inès", "Moreau", "Tours");
  assert_consistent (store);

  /* A few hundred random writes, checked after each kind. */
  for (guint round = 0; round < 300; round++)
    {
      gint64 who = customers[g_rand_int_range (rand, 0, G_N_ELEMENTS (customers))];
      g_autofree char *date = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 22, 27),
                                               g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      guint action = tx->len < 5 ? 0 : g_rand_int_range (rand, 0, 3);

      if (action == 0)
        {
          gint64 id = fid_store_add_transaction (store, who, date, g_rand_int_range (rand, -5000, 90000),
                                                 g_rand_int_range (rand, 0, 900), "savings", "branch", &error);
          g_assert_no_error (error);
          g_array_append_val (tx, id);
        }
      else
        {
          guint k = g_rand_int_range (rand, 0, tx->len);
          gint64 id = g_array_index (tx, gint64, k);

          if (action == 1)
            g_assert_true (fid_store_update_transaction (store, id, who, date, g_rand_int_range (rand, 0, 50000), 5, &error));
          else
            {
              g_assert_true (fid_store_delete_transaction (store, id, &error));
              g_array_remove_index_fast (tx, k);
            }
          g_assert_no_error (error);
        }
      if (round % 25 == 0)
        assert_consistent (store);
    }
  assert_consistent (store);

  /* And the figures are the ones a person would compute by hand. */
  {
    gint64 alone = fid_test_insert (store, "Noé", "Petit", "Brest");
    g_autoptr(FidCustomer) read = NULL;
    gint64 a = fid_store_add_transaction (store, alone, "2026-02-01", 1000, 100, "card", NULL, &error);
    gint64 b = fid_store_add_transaction (store, alone, "2025-05-20", 2550, 200, "card", NULL, &error);

    read = fid_store_get_customer (store, alone, &error);
    g_assert_cmpint (fid_customer_get_tx_count (read), ==, 2);
    g_assert_cmpint (fid_customer_get_tx_sum_cents (read), ==, 3550);
    g_assert_cmpint (fid_customer_get_margin_cents (read), ==, 300);
    g_assert_cmpstr (fid_customer_get_first_tx_date (read), ==, "2025-05-20");
    g_assert_cmpstr (fid_customer_get_last_tx_date (read), ==, "2026-02-01");
    g_clear_object (&read);

    g_assert_true (fid_store_delete_transaction (store, b, &error));
    g_assert_true (fid_store_delete_transaction (store, a, &error));
    read = fid_store_get_customer (store, alone, &error);
    g_assert_cmpint (fid_customer_get_tx_count (read), ==, 0);
    g_assert_cmpint (fid_customer_get_tx_sum_cents (read), ==, 0);
    g_assert_null (fid_customer_get_first_tx_date (read));
    g_assert_null (fid_customer_get_last_tx_date (read));
  }
  assert_consistent (store);
}

static void
test_aggregates_bad_writes_change_nothing (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 who = fid_test_insert (store, "Inès", "Moreau", "Tours");

  g_assert_cmpint (fid_store_add_transaction (store, who, "2025-02-30", 100, 0, "card", NULL, &error), ==, 0);
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_cmpint (fid_store_add_transaction (store, who, "2025-02-03", 100, 0, "yacht", NULL, &error), ==, 0);
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (fid_store_add_transaction (store, who + 100, "2025-02-03", 100, 0, "card", NULL, &error), ==, 0);
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (fid_store_delete_transaction (store, 999, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(FidCustomer) read = fid_store_get_customer (store, who, &error);
    g_assert_cmpint (fid_customer_get_tx_count (read), ==, 0);
  }
  assert_consistent (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/aggregates/follow-writes", test_aggregates_follow_writes);
  g_test_add_func ("/aggregates/bad-writes-change-nothing", test_aggregates_bad_writes_change_nothing);

  return g_test_run ();
}
