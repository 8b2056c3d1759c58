/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The demo bank gives the value analyses something to show (issue 5): its
 * NPS and CSAT answers are on their scales, within the 18 months before
 * the reference date, from about a quarter of the customers, lower among
 * the unhappy; and Dick & Basu loyalty and the lifecycle find every
 * quadrant and both satisfaction stages on it. */

#include "config.h"

#include <gio/gio.h>
#include <sqlite3.h>

#include "fid-demo.h"
#include "fid-test-util.h"
#include "fid-value.h"

#define N_CUSTOMERS 1500

static double
query_double (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

#define SCORES \
  " FROM survey_responses r JOIN surveys s ON s.id = r.survey_id" \
  " JOIN survey_answers a ON a.response_id = r.id AND a.part = 'score'" \
  " JOIN customers c ON c.id = r.customer_id"

static void
assert_every_segment (FidSegmentation    *result,
                      const char * const *keys)
{
  guint n = fid_segmentation_get_n_segments (result);
  g_autofree guint64 *counts = g_new0 (guint64, n);

  fid_segmentation_count (result, counts, -1, NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      int segment = fid_segmentation_find_segment (result, keys[i]);

      g_assert_cmpint (segment, >=, 0);
      g_test_message ("%s: %" G_GUINT64_FORMAT, keys[i], counts[segment]);
      g_assert_cmpuint (counts[segment], >, 0);
    }
}

static void
test_demo_scores (void)
{
  static const char * const quadrants[] = {
    "true_loyalty", "latent_loyalty", "spurious_loyalty", "no_loyalty", "not_measured", NULL
  };
  static const char * const stages[] = { "satisfied", "dissatisfied", "active", "new", "lost", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("demo.fidelis");
  g_autoptr(FidDemo) demo = fid_demo_new (N_CUSTOMERS, 7);
  g_autoptr(FidStore) store = NULL;
  g_autoptr(FidTxColumns) columns = NULL;
  g_autoptr(FidSegmentation) loyalty = NULL;
  g_autoptr(FidSegmentation) lifecycle = NULL;
  FidLoyaltyParams loyalty_params;
  FidLifecycleParams lifecycle_params;
  double share;

  g_assert_true (fid_demo_write (demo, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* One NPS and one CSAT survey, one item each, scored on their scales. */
  g_assert_cmpfloat (query_double (path, "SELECT count(*) FROM surveys WHERE kind IN ('nps', 'csat')"), ==, 2);
  g_assert_cmpfloat (query_double (path, "SELECT count(*) FROM survey_items i JOIN surveys s ON s.id = i.survey_id"
                                         " WHERE s.kind = 'nps' AND i.label = 'How likely are you to recommend"
                                         " our bank to a friend or colleague?'"), ==, 1);
  g_assert_cmpfloat (query_double (path, "SELECT count(*)" SCORES " WHERE s.kind = 'nps'"
                                         " AND a.value NOT BETWEEN 0 AND 10"), ==, 0);
  g_assert_cmpfloat (query_double (path, "SELECT count(*)" SCORES " WHERE s.kind = 'csat'"
                                         " AND a.value NOT BETWEEN 1 AND 5"), ==, 0);
  g_assert_cmpfloat (query_double (path, "SELECT count(*)" SCORES " WHERE s.kind IN ('nps', 'csat')"
                                         " AND (r.answered_at < '2024-12-30' OR r.answered_at >= '2026-07-01')"), ==, 0);

  /* About a quarter of the customers answered. */
  share = query_double (path, "SELECT count(DISTINCT r.customer_id) * 1.0 / (SELECT count(*) FROM customers)"
                              SCORES " WHERE s.kind IN ('nps', 'csat')");
  g_test_message ("%.1f %% of the customers answered", 100 * share);
  g_assert_cmpfloat (share, >, 0.20);
  g_assert_cmpfloat (share, <, 0.30);

  /* The unhappy score lower than the happy. */
  g_assert_cmpfloat (query_double (path, "SELECT avg (a.value)" SCORES " WHERE s.kind = 'nps'"
                                         " AND c.lifecycle_stage = 'dissatisfied'"), <,
                     query_double (path, "SELECT avg (a.value)" SCORES " WHERE s.kind = 'nps'"
                                         " AND c.lifecycle_stage = 'satisfied'") - 3);
  g_assert_cmpfloat (query_double (path, "SELECT avg (a.value)" SCORES " WHERE s.kind = 'csat'"
                                         " AND c.lifecycle_stage = 'dissatisfied'"), <,
                     query_double (path, "SELECT avg (a.value)" SCORES " WHERE s.kind = 'csat'"
                                         " AND c.lifecycle_stage = 'satisfied'") - 1);

  /* What the analyses make of it. */
  store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  columns = fid_tx_columns_load (store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fid_loyalty_params_init (&loyalty_params);
  loyalty_params.as_of = "2026-06-30";
  loyalty = fid_loyalty_compute (store, fid_tx_columns_get_view (columns), &loyalty_params, NULL, &error);
  g_assert_no_error (error);
  assert_every_segment (loyalty, quadrants);
  fid_lifecycle_params_init (&lifecycle_params);
  lifecycle_params.as_of = "2026-06-30";
  lifecycle = fid_lifecycle_compute (store, fid_tx_columns_get_view (columns), &lifecycle_params, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fid_segmentation_get_size (lifecycle), ==, N_CUSTOMERS);
  assert_every_segment (lifecycle, stages);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/value-demo/scores", test_demo_scores);
  return g_test_run ();
}
