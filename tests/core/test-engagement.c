/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The engagement score (issue 14): the arithmetic on the hand-computed
 * example of fid-engagement.c, its explanation, the window's edges, the
 * unqualified prospects, editable weights, and the cached score that the
 * customer list sorts by. */

#include "config.h"

#include "fid-engagement.h"
#include "fid-store-loyalty.h"
#include "fid-test-util.h"

/* The example of fid-engagement.c: as of 2026-11-30, last contact 18 days
 * before, 2 branch visits, 3 calls, 4 e-mails, 1 campaign response, 3
 * surveys, 1 referral that converted. */
static FidEngagementInputs
example_inputs (void)
{
  FidEngagementInputs in = { 0 };

  in.customer_id = 1;
  in.exists = TRUE;
  in.days_since_contact = 18;
  in.n_channel[FID_ENGAGEMENT_CHANNEL_BRANCH] = 2;
  in.n_channel[FID_ENGAGEMENT_CHANNEL_PHONE] = 3;
  in.n_channel[FID_ENGAGEMENT_CHANNEL_EMAIL] = 4;
  in.n_responses = 1;
  in.n_surveys = 3;
  in.n_referrals = 1;
  in.n_converted = 1;
  return in;
}

static void
test_arithmetic (void)
{
  FidEngagementWeights w;
  FidEngagementInputs in = example_inputs ();
  FidEngagementParts parts;

  fid_engagement_weights_init_default (&w);
  g_assert_cmpint (fid_engagement_score (&w, &in, &parts), ==, 80);
  /* R = 30 × (1 − 18/365) */
  g_assert_cmpfloat_with_epsilon (parts.recency, 30.0 * 347.0 / 365.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (parts.interactions, 21, 1e-9);   /* 2×4 + 3×3 + 4×1 */
  g_assert_cmpfloat_with_epsilon (parts.campaigns, 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (parts.surveys, 10, 1e-9);        /* 15 capped at 10 */
  g_assert_cmpfloat_with_epsilon (parts.referrals, 15, 1e-9);      /* 5 + 10 */

  /* Caps: everything at its ceiling is 100, never more. */
  in.days_since_contact = 0;
  in.n_channel[FID_ENGAGEMENT_CHANNEL_BRANCH] = 50;
  in.n_responses = 9;
  in.n_referrals = 4;
  g_assert_cmpint (fid_engagement_score (&w, &in, NULL), ==, 100);

  /* Never contacted, nothing else: 0; contact older than recency_days: 0. */
  memset (&in, 0, sizeof in);
  in.days_since_contact = -1;
  g_assert_cmpint (fid_engagement_score (&w, &in, NULL), ==, 0);
  in.days_since_contact = 400;
  g_assert_cmpint (fid_engagement_score (&w, &in, NULL), ==, 0);
  /* Half the recency window: 15, exactly. */
  in.days_since_contact = 0;
  w.recency_days = 10;
  in.days_since_contact = 5;
  g_assert_cmpint (fid_engagement_score (&w, &in, NULL), ==, 15);
  /* Rounding half up: 30 × (1 − 7/12) = 12.5 → 13. */
  w.recency_days = 12;
  in.days_since_contact = 7;
  g_assert_cmpint (fid_engagement_score (&w, &in, NULL), ==, 13);
}

static void
test_explanation (void)
{
  FidEngagementWeights w;
  FidEngagementInputs in = example_inputs ();
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;

  fid_engagement_weights_init_default (&w);
  text = fid_engagement_explain (&w, &in);
  /* Largest contribution first. */
  g_assert_cmpstr (text, ==,
                   "Score 80 of 100: last contact 18 days ago (+29); "
                   "9 interactions: branch 2, phone 3, e-mail 4 (+21); "
                   "1 referral, 1 converted (+15); 3 surveys answered (+10); "
                   "1 campaign response (+5).");

  memset (&in, 0, sizeof in);
  in.days_since_contact = -1;
  in.is_prospect = TRUE;
  g_assert_true (fid_engagement_is_unqualified (&in));
  empty = fid_engagement_explain (&w, &in);
  g_assert_cmpstr (empty, ==, "Score 0 of 100: no contact, response, survey or referral in the period."
                              " A prospect with no activity in the period: unqualified.");
}

static void
test_weight_names (void)
{
  FidEngagementWeights w;
  const char * const *names = fid_engagement_weight_names ();

  fid_engagement_weights_init_default (&w);
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 18);
  g_assert_cmpfloat (*fid_engagement_weight_field (&w, "channel:branch"), ==, 4);
  g_assert_null (fid_engagement_weight_field (&w, "nonsense"));
  g_assert_cmpint (fid_engagement_channel_from_name ("phone"), ==, FID_ENGAGEMENT_CHANNEL_PHONE);
  g_assert_cmpint (fid_engagement_channel_from_name ("kiosk"), ==, FID_ENGAGEMENT_CHANNEL_OTHER);
}

/* The example written as rows: the store must gather the same inputs. */
static void
insert_example (const char *path,
                gint64      id)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO interactions (customer_id, channel, direction, at) VALUES"
    " (%1$" G_GINT64_FORMAT ", 'branch', 'inbound', '2026-11-12T10:00:00'),"
    " (%1$" G_GINT64_FORMAT ", 'branch', 'inbound', '2025-12-01T10:00:00'),"   /* 364 days: in */
    " (%1$" G_GINT64_FORMAT ", 'branch', 'inbound', '2025-11-30T10:00:00'),"   /* 365 days: out */
    " (%1$" G_GINT64_FORMAT ", 'phone', 'outbound', '2026-10-01T10:00:00'),"
    " (%1$" G_GINT64_FORMAT ", 'phone', 'outbound', '2026-10-02T10:00:00'),"
    " (%1$" G_GINT64_FORMAT ", 'phone', 'outbound', '2026-10-03T10:00:00'),"
    " (%1$" G_GINT64_FORMAT ", 'email', 'outbound', '2026-09-01T10:00:00'),"
    " (%1$" G_GINT64_FORMAT ", 'email', 'outbound', '2026-09-02T10:00:00'),"
    " (%1$" G_GINT64_FORMAT ", 'email', 'outbound', '2026-09-03T10:00:00'),"
    " (%1$" G_GINT64_FORMAT ", 'email', 'outbound', '2026-09-04T10:00:00');"
    "INSERT INTO interactions (customer_id, channel, direction, at, status) VALUES"
    " (%1$" G_GINT64_FORMAT ", 'phone', 'outbound', '2026-11-20T10:00:00', 'planned');"
    "INSERT INTO campaigns (id, name, created_at) VALUES (1, 'Relance', '2026-01-01');"
    "INSERT INTO campaign_targets (campaign_id, customer_id, grp, contacted_at, responded_at) VALUES"
    " (1, %1$" G_GINT64_FORMAT ", 'test', '2026-05-01T09:00:00', '2026-05-03T09:00:00');"
    "INSERT INTO surveys (id, kind, title, created_at) VALUES (1, 'nps', 'NPS', '2026-01-01');"
    "INSERT INTO survey_responses (survey_id, customer_id, answered_at) VALUES"
    " (1, %1$" G_GINT64_FORMAT ", '2026-02-01T10:00:00'), (1, %1$" G_GINT64_FORMAT ", '2026-03-01T10:00:00'),"
    " (1, %1$" G_GINT64_FORMAT ", '2026-04-01T10:00:00');"
    "INSERT INTO products (id, code, name, family) VALUES (1, 'CC', 'Current account', 'current_account');",
    id);

  fid_test_exec_raw (path, sql);
}

static void
test_store_refresh (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(FidCustomer) read = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GArray) all = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *sql = NULL;
  FidEngagementInputs in;
  const char *path = fid_store_get_path (store);
  gint64 helene, lea, idle, n_changed = -1;

  helene = fid_test_insert (store, "Hélène", "Martin", "Lyon");
  lea = fid_test_insert (store, "Léa", "Garnier", "Lyon");
  idle = fid_test_insert (store, "Paul", "Morel", "Lyon");
  fid_test_exec_raw (path, "UPDATE customers SET lifecycle_stage = 'satisfied'");
  sql = g_strdup_printf ("UPDATE customers SET lifecycle_stage = 'prospect' WHERE id IN (%" G_GINT64_FORMAT
                         ", %" G_GINT64_FORMAT ")", lea, idle);
  fid_test_exec_raw (path, sql);
  insert_example (path, helene);
  g_assert_cmpint (fid_store_loyalty_record_referral (store, helene, lea, "2026-06-01", &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO holdings (customer_id, product_id, opened_on) VALUES (%" G_GINT64_FORMAT
                         ", 1, '2026-06-15')", lea);
  fid_test_exec_raw (path, sql);

  /* One customer's inputs are the example's. */
  g_assert_true (fid_store_engagement_get_inputs (store, helene, "2026-11-30", 365, &in, &error));
  g_assert_no_error (error);
  g_assert_cmpint (in.days_since_contact, ==, 18);
  g_assert_cmpint (in.n_channel[FID_ENGAGEMENT_CHANNEL_BRANCH], ==, 2);
  g_assert_cmpint (in.n_channel[FID_ENGAGEMENT_CHANNEL_PHONE], ==, 3);
  g_assert_cmpint (in.n_channel[FID_ENGAGEMENT_CHANNEL_EMAIL], ==, 4);
  g_assert_cmpint (in.n_responses, ==, 1);
  g_assert_cmpint (in.n_surveys, ==, 3);
  g_assert_cmpint (in.n_referrals, ==, 1);
  g_assert_cmpint (in.n_converted, ==, 1);

  /* The whole-bank pass agrees, and caches 80. */
  all = fid_store_engagement_collect (store, "2026-11-30", 365, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (g_array_index (all, FidEngagementInputs, i).customer_id == helene)
      g_assert_cmpmem (&g_array_index (all, FidEngagementInputs, i), sizeof in, &in, sizeof in);
  g_assert_true (fid_store_engagement_refresh (store, "2026-11-30", NULL, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_changed, ==, 3);   /* Hélène's score, Léa's and Paul's flags */
  read = fid_store_get_customer (store, helene, &error);
  g_assert_cmpint (fid_customer_get_engagement_score (read), ==, 80);
  as_of = fid_store_engagement_dup_as_of (store, &error);
  g_assert_cmpstr (as_of, ==, "2026-11-30");
  explanation = fid_store_engagement_explain (store, helene, "2026-11-30", &error);
  g_assert_true (g_str_has_prefix (explanation, "Score 80 of 100: last contact 18 days ago (+29);"));

  /* Paul, a prospect who did nothing in the year, is unqualified. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT engagement_unqualified FROM customer_stats WHERE customer_id = %" G_GINT64_FORMAT, idle);
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* The filters of the programme page: unqualified prospects, and a range. */
  {
    g_autoptr(GArray) unqualified = fid_store_engagement_list_ids (store, 0, 100, TRUE, &error);
    g_autoptr(GArray) engaged = fid_store_engagement_list_ids (store, 60, 100, FALSE, &error);

    g_assert_cmpuint (unqualified->len, ==, 2);
    g_assert_cmpint (g_array_index (unqualified, gint64, 0), ==, lea);
    g_assert_cmpint (g_array_index (unqualified, gint64, 1), ==, idle);
    g_assert_cmpuint (engaged->len, ==, 1);
    g_assert_cmpint (g_array_index (engaged, gint64, 0), ==, helene);
  }

  /* A second refresh changes nothing. */
  g_assert_true (fid_store_engagement_refresh (store, "2026-11-30", NULL, &n_changed, &error));
  g_assert_cmpint (n_changed, ==, 0);

  /* Editable weights: without recency, 80 − 28.52 = 51.48 → 51. */
  g_assert_true (fid_store_engagement_set_weight (store, "recency_points", 0, &error));
  g_assert_no_error (error);
  g_assert_false (fid_store_engagement_set_weight (store, "nonsense", 1, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (fid_store_engagement_set_weight (store, "survey_cap", -1, &error));
  g_clear_error (&error);
  g_assert_true (fid_store_engagement_refresh (store, "2026-11-30", NULL, &n_changed, &error));
  g_clear_object (&read);
  read = fid_store_get_customer (store, helene, &error);
  g_assert_cmpint (fid_customer_get_engagement_score (read), ==, 51);

  /* The list sorts by score (ascending, ties by id), with keyset paging. */
  sorted = fid_store_list_customers (store, NULL, FID_CUSTOMER_SORT_ENGAGEMENT, NULL, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sorted->len, ==, 2);
  g_assert_cmpint (fid_customer_get_id (sorted->pdata[0]), ==, lea);
  g_assert_cmpint (fid_customer_get_id (sorted->pdata[1]), ==, idle);
  {
    g_autoptr(FidCustomerCursor) cursor = fid_customer_cursor_new_for (FID_CUSTOMER_SORT_ENGAGEMENT, sorted->pdata[1]);
    g_autoptr(GPtrArray) next = fid_store_list_customers (store, NULL, FID_CUSTOMER_SORT_ENGAGEMENT, cursor, 10, &error);

    g_assert_cmpuint (next->len, ==, 1);
    g_assert_cmpint (fid_customer_get_id (next->pdata[0]), ==, helene);
    g_assert_cmpint (fid_customer_get_engagement_score (next->pdata[0]), ==, 51);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engagement/arithmetic", test_arithmetic);
  g_test_add_func ("/engagement/explanation", test_explanation);
  g_test_add_func ("/engagement/weight-names", test_weight_names);
  g_test_add_func ("/engagement/store-refresh", test_store_refresh);
  return g_test_run ();
}
