/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Campaigns (issue 10): the control group (size, reproducibility), consent
 * exclusion, the contact-pressure cap across overlapping campaigns, the
 * targeting filters, the launch and the responses. The uplift arithmetic
 * is in test-uplift.c. Fixture rows are written with plain SQL. */

#include "config.h"

#include <math.h>

#include "fid-store-campaigns.h"
#include "fid-test-util.h"

typedef struct
{
  char     *path;
  FidStore *store;
} Fixture;

/* @n customers 1…n (born 1980-06-15, branch 1, lifecycle 'satisfied'),
 * each with a "yes" to e-mail marketing. */
static void
fixture_setup (Fixture *f,
               int      n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  f->path = fid_test_tmp_path ("campaigns.db");
  f->store = fid_store_open (f->path, FID_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO branches (id, code, name, city) VALUES (1, 'LYO', 'Lyon', 'Lyon'),"
                         " (2, 'PAR', 'Paris', 'Paris');"
                         "WITH RECURSIVE n(i) AS (SELECT 1 WHERE %d > 0 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
                         " INSERT INTO customers (id, last_name, sort_name, birth_date, branch_id,"
                         "  lifecycle_stage, created_at, updated_at)"
                         " SELECT i, 'Client ' || i, 'client ' || i, '1980-06-15', 1, 'satisfied',"
                         "  '2020-01-01', '2020-01-01' FROM n;"
                         "INSERT INTO consents (customer_id, channel, marketing, given_at, source)"
                         " SELECT id, 'email', 1, '2020-01-01', 'branch' FROM customers;"
                         "INSERT INTO products (id, code, name, family) VALUES (1, 'CC', 'Compte', 'current_account'),"
                         " (2, 'MRH', 'Habitation', 'insurance'), (3, 'LA', 'Livret A', 'savings');",
                         n, n);
  fid_test_exec_raw (f->path, sql);
}

static void
fixture_teardown (Fixture *f)
{
  g_clear_object (&f->store);
  g_free (f->path);
}

static gint64
create (Fixture    *f,
        const char *name,
        const char *channel,
        double      control_share,
        gint64      seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidCampaign) campaign = fid_campaign_new ();
  gint64 id;

  g_free (campaign->name);
  campaign->name = g_strdup (name);
  g_free (campaign->channel);
  campaign->channel = g_strdup (channel);
  g_free (campaign->starts_on);
  campaign->starts_on = g_strdup ("2026-01-01");
  campaign->control_share = control_share;
  campaign->seed = seed;
  id = fid_store_create_campaign (f->store, campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
assert_same_ids (GArray *a,
                 GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

/* 1000 eligible customers, 10 %: exactly 100 held out, the same 100 on
 * every plan, the launch and a store of the same customers inserted in
 * reverse order; another seed holds out others. */
static void
test_control_group (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f, g;
  FidCampaignPlanOptions options = { .cap_max = 2, .cap_days = 30, .at = "2026-01-05T10:00:00" };
  g_autoptr(FidCampaignPlan) first = NULL;
  g_autoptr(FidCampaignPlan) second = NULL;
  g_autoptr(FidCampaignPlan) launched = NULL;
  g_autoptr(FidCampaignPlan) other_seed = NULL;
  g_autoptr(FidCampaignPlan) reversed = NULL;
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id, id2, id3;
  guint common = 0;

  fixture_setup (&f, 1000);
  id = create (&f, "Épargne", "email", 0.10, 4242);
  id2 = create (&f, "Épargne bis", "email", 0.10, 777);

  first = fid_store_plan_campaign (f.store, id, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_targeted, ==, 1000);
  g_assert_cmpuint (first->control->len, ==, 100);
  g_assert_cmpuint (first->test->len, ==, 900);
  g_assert_cmpuint (first->test_channels->len, ==, 900);
  g_assert_cmpstr (g_ptr_array_index (first->test_channels, 0), ==, "email");
  for (guint i = 0; i < first->control->len; i++)
    g_assert_false (contains (first->test, g_array_index (first->control, gint64, i)));

  /* The group is the 100 smallest hashes of (seed, id): computed here
   * independently of the store. */
  {
    guint64 hashes[1000];
    guint64 threshold;

    for (int i = 0; i < 1000; i++)
      hashes[i] = fid_campaign_control_hash (4242, i + 1);
    for (int i = 0; i < 1000; i++)
      for (int j = i + 1; j < 1000; j++)
        if (hashes[j] < hashes[i])
          {
            guint64 t = hashes[i];
            hashes[i] = hashes[j];
            hashes[j] = t;
          }
    threshold = hashes[99];
    for (gint64 c = 1; c <= 1000; c++)
      if (fid_campaign_control_hash (4242, c) <= threshold)
        g_array_append_val (expected, c);
  }
  assert_same_ids (first->control, expected);

  second = fid_store_plan_campaign (f.store, id, &options, &error);
  g_assert_no_error (error);
  assert_same_ids (first->control, second->control);

  g_assert_true (fid_store_launch_campaign (f.store, id, &options, &launched, &error));
  g_assert_no_error (error);
  assert_same_ids (first->control, launched->control);
  {
    g_autoptr(GArray) stored = fid_store_list_campaign_members (f.store, id, FID_CAMPAIGN_MEMBERS_CONTROL, &error);

    g_assert_no_error (error);
    assert_same_ids (first->control, stored);
  }

  /* Another seed: another group of the same size. */
  other_seed = fid_store_plan_campaign (f.store, id2, &(FidCampaignPlanOptions) { .cap_max = 0 }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other_seed->control->len, ==, 100);
  for (guint i = 0; i < other_seed->control->len; i++)
    common += contains (first->control, g_array_index (other_seed->control, gint64, i));
  g_assert_cmpuint (common, <, 40);

  /* The same customers written in the opposite order, same seed. */
  fixture_setup (&g, 0);
  fid_test_exec_raw (g.path,
                     "WITH RECURSIVE n(i) AS (SELECT 1000 UNION ALL SELECT i - 1 FROM n WHERE i > 1)"
                     " INSERT INTO customers (id, last_name, sort_name, created_at, updated_at)"
                     " SELECT i, 'C' || i, 'c' || i, '2020-01-01', '2020-01-01' FROM n;"
                     "INSERT INTO consents (customer_id, channel, marketing, given_at, source)"
                     " SELECT id, 'email', 1, '2020-01-01', 'web' FROM customers ORDER BY id DESC;");
  id3 = create (&g, "Épargne", "email", 0.10, 4242);
  reversed = fid_store_plan_campaign (g.store, id3, &options, &error);
  g_assert_no_error (error);
  assert_same_ids (first->control, reversed->control);

  fixture_teardown (&g);
  fixture_teardown (&f);
}

/* E-mail is opt-in: a "no" and no answer both exclude. Phone is opt-out:
 * only a "no" excludes. Consent is checked on the channel each customer
 * would be contacted on (the preferred one with that rule). */
static void
test_consent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidCampaignPlan) email = NULL;
  g_autoptr(FidCampaignPlan) phone = NULL;
  g_autoptr(FidCampaignPlan) preferred = NULL;
  g_autoptr(FidCampaign) campaign = NULL;
  FidCampaignPlanOptions options = { .cap_max = 2, .cap_days = 30, .at = "2026-01-05T10:00:00" };
  Fixture f;
  gint64 id_email, id_phone;

  fixture_setup (&f, 10);
  fid_test_exec_raw (f.path,
                     "UPDATE consents SET marketing = 0 WHERE customer_id IN (5, 6);"
                     "DELETE FROM consents WHERE customer_id >= 7;"
                     "INSERT INTO consents VALUES (1, 'phone', 0, '2020-01-01', 'phone'),"
                     " (2, 'phone', 1, '2020-01-01', 'phone');"
                     "UPDATE customers SET preferred_channel = 'phone' WHERE id IN (1, 7);");
  id_email = create (&f, "Mail", "email", 0.0, 1);
  id_phone = create (&f, "Appel", "phone", 0.0, 1);

  email = fid_store_plan_campaign (f.store, id_email, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (email->n_targeted, ==, 10);
  g_assert_cmpuint (email->excluded_consent->len, ==, 6);          /* 5, 6 said no; 7…10 never said yes */
  g_assert_cmpint (g_array_index (email->excluded_consent, gint64, 0), ==, 5);
  g_assert_cmpint (g_array_index (email->excluded_consent, gint64, 5), ==, 10);
  g_assert_cmpuint (email->test->len, ==, 4);

  phone = fid_store_plan_campaign (f.store, id_phone, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (phone->excluded_consent->len, ==, 1);          /* only customer 1 said no */
  g_assert_cmpint (g_array_index (phone->excluded_consent, gint64, 0), ==, 1);
  g_assert_cmpuint (phone->test->len, ==, 9);

  /* Preferred channel, e-mail otherwise: 1 prefers the phone and refused
   * it; 7 prefers the phone and never refused it (opt-out): contacted by
   * phone; 5, 6, 8, 9, 10 fall back on e-mail without a yes. */
  campaign = fid_store_get_campaign (f.store, id_email, &error);
  g_assert_no_error (error);
  g_free (campaign->channel_mode);
  campaign->channel_mode = g_strdup ("preferred");
  g_assert_true (fid_store_update_campaign (f.store, campaign, &error));
  g_assert_no_error (error);
  preferred = fid_store_plan_campaign (f.store, id_email, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preferred->excluded_consent->len, ==, 6);
  g_assert_true (contains (preferred->excluded_consent, 1));
  g_assert_false (contains (preferred->excluded_consent, 7));
  g_assert_true (contains (preferred->test, 7));
  for (guint i = 0; i < preferred->test->len; i++)
    g_assert_cmpstr (g_ptr_array_index (preferred->test_channels, i), ==,
                     g_array_index (preferred->test, gint64, i) == 7 ? "phone" : "email");

  /* Launched, the excluded are kept and listable. */
  g_assert_true (fid_store_launch_campaign (f.store, id_email, &options, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) excluded = fid_store_list_campaign_members (f.store, id_email,
                                                                 FID_CAMPAIGN_MEMBERS_EXCLUDED_CONSENT, &error);
    g_autoptr(FidCampaign) stored = fid_store_get_campaign (f.store, id_email, &error);

    g_assert_no_error (error);
    assert_same_ids (excluded, preferred->excluded_consent);
    g_assert_cmpuint (stored->n_excluded, ==, 6);
    g_assert_cmpuint (stored->n_test, ==, 4);
  }
  fixture_teardown (&f);
}

static guint
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Two overlapping campaigns and the rolling period: A contacts everyone
 * on 10 January; on 20 January a cap of 1 per 30 days excludes everyone,
 * a cap of 2 lets campaign C through; on 25 January (A and C within 30
 * days) a cap of 2 excludes everyone; on 15 February A is 36 days old,
 * only C counts. A failed send and another customer's contacts do not
 * count; a contact marked "marketing" by hand does. */
static void
test_pressure_cap (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f;
  gint64 a, b, c, d, e;

  fixture_setup (&f, 20);
  a = create (&f, "A", "email", 0.0, 1);
  b = create (&f, "B", "email", 0.0, 2);
  c = create (&f, "C", "email", 0.0, 3);
  d = create (&f, "D", "email", 0.0, 4);
  e = create (&f, "E", "email", 0.0, 5);

  /* Customer 20 is contacted by hand in a marketing way; 19 had a failed
   * send; both before A. */
  fid_test_exec_raw (f.path,
                     "INSERT INTO interactions (customer_id, channel, direction, at, details, status)"
                     " VALUES (20, 'phone', 'outbound', '2026-01-08T09:00:00', '{\"marketing\": true}', 'done'),"
                     " (19, 'email', 'outbound', '2026-01-08T09:00:00', NULL, 'failed'),"
                     " (18, 'phone', 'inbound', '2026-01-08T09:00:00', NULL, 'done');");

  {
    g_autoptr(FidCampaignPlan) plan = NULL;
    FidCampaignPlanOptions options = { .cap_max = 2, .cap_days = 30, .at = "2026-01-10T10:00:00" };

    g_assert_true (fid_store_launch_campaign (f.store, a, &options, &plan, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (plan->test->len, ==, 20);
    g_assert_cmpuint (count_rows (f.path, "SELECT count (*) FROM interactions WHERE campaign_id = 1"
                                          " AND direction = 'outbound' AND channel = 'email'"
                                          " AND at = '2026-01-10T10:00:00'"), ==, 20);
  }
  {
    g_autoptr(FidCampaignPlan) plan = NULL;
    FidCampaignPlanOptions options = { .cap_max = 1, .cap_days = 30, .at = "2026-01-20T10:00:00" };

    plan = fid_store_plan_campaign (f.store, b, &options, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plan->excluded_pressure->len, ==, 20);
    g_assert_cmpuint (plan->test->len, ==, 0);
  }
  {
    g_autoptr(FidCampaignPlan) plan = NULL;
    FidCampaignPlanOptions options = { .cap_max = 2, .cap_days = 30, .at = "2026-01-20T10:00:00" };

    /* 20 had A and the hand-marked contact: already 2. */
    g_assert_true (fid_store_launch_campaign (f.store, c, &options, &plan, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (plan->excluded_pressure->len, ==, 1);
    g_assert_cmpint (g_array_index (plan->excluded_pressure, gint64, 0), ==, 20);
    g_assert_cmpuint (plan->test->len, ==, 19);
  }
  {
    g_autoptr(FidCampaignPlan) plan = NULL;
    FidCampaignPlanOptions options = { .cap_max = 2, .cap_days = 30, .at = "2026-01-25T10:00:00" };

    plan = fid_store_plan_campaign (f.store, d, &options, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plan->excluded_pressure->len, ==, 20);
  }
  {
    g_autoptr(FidCampaignPlan) plan = NULL;
    FidCampaignPlanOptions options = { .cap_max = 2, .cap_days = 30, .at = "2026-02-15T10:00:00" };
    FidCampaignPlanOptions uncapped = { .cap_max = 0, .at = "2026-01-25T10:00:00" };

    plan = fid_store_plan_campaign (f.store, e, &options, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plan->excluded_pressure->len, ==, 0);
    g_assert_cmpuint (plan->test->len, ==, 20);
    g_clear_pointer (&plan, fid_campaign_plan_free);
    /* A cap of 0 means no cap. */
    plan = fid_store_plan_campaign (f.store, d, &uncapped, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plan->excluded_pressure->len, ==, 0);
  }

  /* Launching twice is refused and changes nothing. */
  g_assert_false (fid_store_launch_campaign (f.store, a, &(FidCampaignPlanOptions) { .cap_max = 2, .cap_days = 30 },
                                             NULL, &error));
  g_assert_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_NOT_DRAFT);
  g_assert_cmpuint (count_rows (f.path, "SELECT count (*) FROM interactions WHERE campaign_id = 1"), ==, 20);
  g_assert_cmpuint (count_rows (f.path, "SELECT count (*) FROM audit_log WHERE action = 'launch'"), ==, 2);
  fixture_teardown (&f);
}

/* Each filter narrows the target. */
static void
test_targeting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidCampaign) campaign = NULL;
  FidCampaignPlanOptions options = { .cap_max = 0, .at = "2026-06-15T10:00:00" };
  Fixture f;
  gint64 id;

  fixture_setup (&f, 10);
  /* Ages on 2026-06-15: 1 is 18 (born 2008-06-15, birthday that day),
   * 2 is 17 (born 2008-06-16), 3 is 30; others 45. */
  fid_test_exec_raw (f.path,
                     "UPDATE customers SET birth_date = '2008-06-15' WHERE id = 1;"
                     "UPDATE customers SET birth_date = '2008-06-16' WHERE id = 2;"
                     "UPDATE customers SET birth_date = '1996-01-01' WHERE id = 3;"
                     "UPDATE customers SET branch_id = 2 WHERE id IN (4, 5);"
                     "UPDATE customers SET lifecycle_stage = 'inactive' WHERE id IN (5, 6);"
                     "INSERT INTO holdings (customer_id, product_id, opened_on, closed_on) VALUES"
                     " (7, 2, '2020-01-01', NULL), (8, 2, '2020-01-01', '2021-01-01');"
                     "INSERT INTO segment_snapshots VALUES ('rfm', '2026-06-01', 2, 'at_risk'),"
                     " ('rfm', '2026-06-01', 9, 'at_risk'), ('rfm', '2026-06-01', 10, 'champions'),"
                     " ('rfm', '2026-05-01', 3, 'at_risk');");
  id = create (&f, "Ciblage", "email", 0.0, 1);
  campaign = fid_store_get_campaign (f.store, id, &error);

#define PLAN_COUNT(expected) G_STMT_START {                                            \
    g_autoptr(FidCampaignPlan) plan_ = NULL;                                           \
    g_assert_true (fid_store_update_campaign (f.store, campaign, &error));             \
    g_assert_no_error (error);                                                         \
    plan_ = fid_store_plan_campaign (f.store, id, &options, &error);                   \
    g_assert_no_error (error);                                                         \
    g_assert_cmpuint (plan_->n_targeted, ==, (expected));                              \
  } G_STMT_END

  PLAN_COUNT (10);
  campaign->targeting.age_min = 18;
  campaign->targeting.age_max = 30;
  PLAN_COUNT (2);                                          /* 1 and 3 */
  campaign->targeting.age_min = campaign->targeting.age_max = -1;
  campaign->targeting.branch_id = 2;
  PLAN_COUNT (2);
  campaign->targeting.lifecycle_stage = g_strdup ("inactive");
  PLAN_COUNT (1);                                          /* 5 */
  g_clear_pointer (&campaign->targeting.lifecycle_stage, g_free);
  campaign->targeting.branch_id = 0;
  campaign->targeting.family_held = g_strdup ("insurance");
  PLAN_COUNT (1);                                          /* 7: 8's is closed */
  g_clear_pointer (&campaign->targeting.family_held, g_free);
  campaign->targeting.family_not_held = g_strdup ("insurance");
  PLAN_COUNT (9);
  g_clear_pointer (&campaign->targeting.family_not_held, g_free);
  campaign->targeting.snapshot_scheme = g_strdup ("rfm");
  campaign->targeting.snapshot_taken_on = g_strdup ("2026-06-01");
  campaign->targeting.snapshot_segment = g_strdup ("at_risk");
  PLAN_COUNT (2);                                          /* 2 and 9 */

  /* A saved segment needs all three parts; a reversed age band is refused. */
  g_clear_pointer (&campaign->targeting.snapshot_segment, g_free);
  g_assert_false (fid_store_update_campaign (f.store, campaign, &error));
  g_assert_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_INVALID);
  g_clear_error (&error);
  campaign->targeting.snapshot_segment = g_strdup ("at_risk");
  campaign->targeting.age_min = 40;
  campaign->targeting.age_max = 30;
  g_assert_false (fid_store_update_campaign (f.store, campaign, &error));
  g_assert_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_INVALID);
  g_clear_error (&error);
  campaign->control_share = 0.95;
  campaign->targeting.age_min = -1;
  g_assert_false (fid_store_update_campaign (f.store, campaign, &error));
  g_assert_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_INVALID);
  g_clear_error (&error);
  fixture_teardown (&f);
}

/* Responses by hand and from CSV; a half-bad file changes nothing. */
static void
test_responses (void)
{
  g_autoptr(GError) error = NULL;
  FidCampaignPlanOptions options = { .cap_max = 2, .cap_days = 30, .at = "2026-01-10T10:00:00" };
  const char *good = "customer_id,responded_at\r\n1,2026-01-12\r\n2,2026-01-13T08:30\r\n3,\r\n";
  const char *bad = "customer_id;responded_at\n4;2026-01-12\n999;2026-01-12\nabc;2026-01-12\n5;2025-12-31\n6;32/01/2026\n";
  Fixture f;
  guint n = 0;
  gint64 id;

  fixture_setup (&f, 10);
  id = create (&f, "Réponses", "email", 0.2, 9);

  /* Not launched: no responses. */
  g_assert_false (fid_store_record_campaign_response (f.store, id, 1, NULL, &error));
  g_assert_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_NOT_LAUNCHED);
  g_clear_error (&error);

  g_assert_true (fid_store_launch_campaign (f.store, id, &options, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (fid_store_import_campaign_responses (f.store, id, good, strlen (good), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (count_rows (f.path, "SELECT count (*) FROM campaign_targets WHERE responded_at IS NOT NULL"), ==, 3);
  g_assert_cmpuint (count_rows (f.path, "SELECT count (*) FROM campaign_targets WHERE customer_id = 2"
                                        " AND responded_at = '2026-01-13T08:30:00'"), ==, 1);

  g_assert_false (fid_store_import_campaign_responses (f.store, id, bad, strlen (bad), &n, &error));
  g_assert_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4 lines"));
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_nonnull (strstr (error->message, "line 6"));
  g_assert_cmpuint (n, ==, 0);
  g_clear_error (&error);
  /* Customer 4's good line was not written either. */
  g_assert_cmpuint (count_rows (f.path, "SELECT count (*) FROM campaign_targets WHERE responded_at IS NOT NULL"), ==, 3);

  g_assert_false (fid_store_import_campaign_responses (f.store, id, "name\nx\n", 7, &n, &error));
  g_assert_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (fid_store_record_campaign_response (f.store, id, 4, "2026-01-15T09:00:00", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (f.path, "SELECT count (*) FROM campaign_targets WHERE responded_at IS NOT NULL"), ==, 4);
  g_assert_false (fid_store_record_campaign_response (f.store, id, 999, NULL, &error));
  g_assert_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_NOT_TARGET);
  g_clear_error (&error);
  fixture_teardown (&f);
}

/* Conversions: the campaign's own record, a holding of the promoted
 * family opened within the window, a transaction of it within the window;
 * not a holding of another family, nor one after the window. */
static void
test_conversions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidCampaign) campaign = NULL;
  FidCampaignCounts counts;
  Fixture f;
  gint64 id;

  fixture_setup (&f, 10);
  id = create (&f, "Conversions", "email", 0.0, 1);
  campaign = fid_store_get_campaign (f.store, id, &error);
  g_free (campaign->product_family);
  campaign->product_family = g_strdup ("insurance");
  campaign->attribution_days = 30;
  campaign->cost_per_contact_cents = 50;
  campaign->fixed_cost_cents = 10000;
  campaign->margin_per_conversion_cents = 4000;
  g_assert_true (fid_store_update_campaign (f.store, campaign, &error));
  g_assert_no_error (error);
  /* Launched by hand so the groups are known: 1–6 test (contacted on
   * 1 March), 7–10 control (launch 1 March). */
  fid_test_exec_raw (f.path,
                     "UPDATE campaigns SET status = 'launched', launched_at = '2026-03-01T10:00:00';"
                     "INSERT INTO campaign_targets (campaign_id, customer_id, grp, contacted_at, responded_at,"
                     "  converted_at)"
                     " SELECT 1, id, CASE WHEN id <= 6 THEN 'test' ELSE 'control' END,"
                     "  CASE WHEN id <= 6 THEN '2026-03-01T10:00:00' END,"
                     "  CASE WHEN id IN (1, 2, 7) THEN '2026-03-05T10:00:00' END,"
                     "  CASE WHEN id = 1 THEN '2026-03-06T10:00:00' END FROM customers;"
                     "INSERT INTO holdings (customer_id, product_id, opened_on) VALUES"
                     " (2, 2, '2026-03-20'),"      /* in the window: converts */
                     " (3, 3, '2026-03-10'),"      /* savings: not the promoted family */
                     " (4, 2, '2026-04-15'),"      /* 45 days after: too late */
                     " (7, 2, '2026-03-31');"      /* control, day 30: converts */
                     "INSERT INTO transactions (customer_id, date, amount_cents, margin_cents, product_family)"
                     " VALUES (5, '2026-03-02', 12000, 300, 'insurance'),"
                     " (8, '2026-02-20', 12000, 300, 'insurance');"); /* before the launch */
  g_assert_true (fid_store_count_campaign_results (f.store, id, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_test, ==, 6);
  g_assert_cmpuint (counts.n_control, ==, 4);
  g_assert_cmpuint (counts.n_contacted, ==, 6);
  g_assert_cmpuint (counts.test_responses, ==, 2);
  g_assert_cmpuint (counts.control_responses, ==, 1);
  g_assert_cmpuint (counts.test_conversions, ==, 3);               /* 1, 2, 5 */
  g_assert_cmpuint (counts.control_conversions, ==, 1);            /* 7 */
  g_assert_cmpint (counts.cost_cents, ==, 10000 + 6 * 50);
  g_assert_cmpint (counts.margin_per_conversion_cents, ==, 4000);
  fixture_teardown (&f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaigns/control-group", test_control_group);
  g_test_add_func ("/campaigns/consent", test_consent);
  g_test_add_func ("/campaigns/pressure-cap", test_pressure_cap);
  g_test_add_func ("/campaigns/targeting", test_targeting);
  g_test_add_func ("/campaigns/responses", test_responses);
  g_test_add_func ("/campaigns/conversions", test_conversions);
  return g_test_run ();
}
