/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The dashboards' arithmetic (issue 7): every key figure and its change
 * against the previous period on a hand-built bank whose answers are
 * worked out below; the branch filter changes them; an empty bank gives
 * zeros and NAN, never garbage; on a demo bank the Pareto band, the RFM
 * grid and the filtered counts agree with plain SQL and with the
 * segmentation analyses; and the counts the store maintains (schema 4)
 * stay equal to a rebuild from the rows through inserts, moves, merges and
 * deletes. Rows are written with SQL of their own (fid-test-util.h). */

#include "config.h"

#include <math.h>
#include <sqlite3.h>

#include "fid-dashboard.h"
#include "fid-demo.h"
#include "fid-rfm.h"
#include "fid-store-dashboard.h"
#include "fid-store-segments.h"
#include "fid-test-util.h"
#include "fid-tx-columns.h"

#define START "2026-01-01"
#define END   "2026-06-30"

/* The fixture, period 2026-01-01..2026-06-30 (181 days), previous period
 * 2025-07-04..2025-12-31:
 *   customer  branch  created     stage       transactions (cents, margin)
 *   1         1       2020-01-01  satisfied   2024-12-01 3000/300, 2025-08-10 5000/500, 2026-02-10 10000/1000
 *   2         1       2020-01-01  satisfied   2025-03-03 4000/400, 2026-05-05 20000/2000
 *   3         2       2025-09-01  new         2025-10-01 7000/700, 2026-06-30 1000/100
 *   4         2       2026-02-01  new         2026-02-15 50000/5000
 *   5         1       2026-03-01  prospect    —
 *   6         2       2024-01-01  lost        2024-06-01 2000/200
 *   7         1       2019-01-01  inactive    2025-01-15 8000/800 */
static const char fixture_sql[] =
  "INSERT INTO branches (id, code, name, city) VALUES (1, 'B1', 'Nord', 'Lille'), (2, 'B2', 'Sud', 'Nice');"
  "INSERT INTO advisors (id, branch_id, first_name, last_name) VALUES (1, 1, 'Ana', 'Roy'), (2, 2, 'Bo', 'Lin');"
  "INSERT INTO customers (id, last_name, sort_name, branch_id, advisor_id, lifecycle_stage, created_at, updated_at) VALUES"
  " (1, 'Un', 'un', 1, 1, 'satisfied', '2020-01-01T09:00:00', '2020-01-01T09:00:00'),"
  " (2, 'Deux', 'deux', 1, 1, 'satisfied', '2020-01-01T09:00:00', '2020-01-01T09:00:00'),"
  " (3, 'Trois', 'trois', 2, 2, 'new', '2025-09-01T09:00:00', '2025-09-01T09:00:00'),"
  " (4, 'Quatre', 'quatre', 2, 2, 'new', '2026-02-01T09:00:00', '2026-02-01T09:00:00'),"
  " (5, 'Cinq', 'cinq', 1, 1, 'prospect', '2026-03-01T09:00:00', '2026-03-01T09:00:00'),"
  " (6, 'Six', 'six', 2, 2, 'lost', '2024-01-01T09:00:00', '2024-01-01T09:00:00'),"
  " (7, 'Sept', 'sept', 1, 1, 'inactive', '2019-01-01T09:00:00', '2019-01-01T09:00:00');"
  "INSERT INTO transactions (customer_id, date, amount_cents, margin_cents, product_family) VALUES"
  " (1, '2024-12-01', 3000, 300, 'card'), (1, '2025-08-10', 5000, 500, 'card'), (1, '2026-02-10', 10000, 1000, 'card'),"
  " (2, '2025-03-03', 4000, 400, 'card'), (2, '2026-05-05', 20000, 2000, 'savings'),"
  " (3, '2025-10-01', 7000, 700, 'card'), (3, '2026-06-30', 1000, 100, 'card'),"
  " (4, '2026-02-15', 50000, 5000, 'mortgage'),"
  " (6, '2024-06-01', 2000, 200, 'card'),"
  " (7, '2025-01-15', 8000, 800, 'card');"
  /* NPS: in the period 10, 9, 3 and an anonymous 7; before, 6 and 10.
   * CSAT: in the period 5, 2, 4; none before. */
  "INSERT INTO surveys (id, kind, title, created_at) VALUES (1, 'nps', 'NPS', '2025-01-01T00:00:00'),"
  " (2, 'csat', 'CSAT', '2025-01-01T00:00:00');"
  "INSERT INTO survey_items (id, survey_id, position, label) VALUES (1, 1, 1, 'Recommend?'), (2, 2, 1, 'Satisfied?');"
  "INSERT INTO survey_responses (id, survey_id, customer_id, answered_at) VALUES"
  " (1, 1, 1, '2026-02-01T10:00:00'), (2, 1, 2, '2026-03-01T10:00:00'), (3, 1, 3, '2026-04-01T10:00:00'),"
  " (4, 1, NULL, '2026-05-01T10:00:00'), (5, 1, 1, '2025-09-01T10:00:00'), (6, 1, 2, '2025-11-01T10:00:00'),"
  " (7, 2, 1, '2026-02-02T10:00:00'), (8, 2, 4, '2026-03-02T10:00:00'), (9, 2, 3, '2026-06-30T18:00:00');"
  "INSERT INTO survey_answers (response_id, item_id, part, value) VALUES"
  " (1, 1, 'score', 10), (2, 1, 'score', 9), (3, 1, 'score', 3), (4, 1, 'score', 7), (5, 1, 'score', 6),"
  " (6, 1, 'score', 10), (7, 2, 'score', 5), (8, 2, 'score', 2), (9, 2, 'score', 4);"
  /* Open complaints: t1 on END, t2 on the previous end; both overdue then. */
  "INSERT INTO tickets (id, customer_id, kind, category, subject, status, opened_at, due_on, resolved_at) VALUES"
  " (1, 1, 'complaint', 'fees', 'Frais', 'open', '2026-03-01T09:00:00', '2026-03-15', NULL),"
  " (2, 3, 'complaint', 'card', 'Carte', 'resolved', '2025-11-01T09:00:00', '2025-11-15', '2026-01-10T09:00:00'),"
  " (3, 4, 'request', NULL, 'Demande', 'in_progress', '2026-04-01T09:00:00', '2026-07-15', NULL),"
  " (4, 2, 'complaint', 'fees', 'Frais', 'closed', '2026-02-01T09:00:00', '2026-02-15', '2026-02-05T09:00:00');"
  "INSERT INTO interactions (customer_id, channel, direction, at, status) VALUES"
  " (1, 'phone', 'outbound', '2026-02-01T10:00:00', 'done'), (1, 'email', 'outbound', '2026-02-02T10:00:00', 'done'),"
  " (3, 'phone', 'inbound', '2026-03-05T10:00:00', 'done'), (4, 'phone', 'outbound', '2026-03-06T10:00:00', 'planned'),"
  " (2, 'email', 'inbound', '2026-06-10T10:00:00', 'done');"
  "INSERT INTO campaigns (id, name, starts_on, ends_on, created_at) VALUES"
  " (1, 'Printemps', '2026-03-01', '2026-04-30', '2026-02-01T00:00:00'),"
  " (2, 'Ancienne', '2024-03-01', '2024-04-30', '2024-02-01T00:00:00');"
  "INSERT INTO campaign_targets (campaign_id, customer_id, grp, contacted_at, responded_at, converted_at) VALUES"
  " (1, 1, 'test', '2026-03-02', '2026-03-05', '2026-03-20'), (1, 2, 'test', '2026-03-02', NULL, NULL),"
  " (1, 3, 'control', NULL, NULL, NULL), (1, 4, 'test', '2026-03-02', '2026-03-09', NULL),"
  " (2, 1, 'test', '2024-03-02', '2024-03-03', NULL);";

static FidStore *
fixture_store (void)
{
  FidStore *store = fid_test_new_store ();

  fid_test_exec_raw (fid_store_get_path (store), fixture_sql);
  return store;
}

static FidDashboard *
compute (FidStore         *store,
         FidDashboardKind  kind,
         gint64            branch_id,
         gint64            advisor_id,
         const char       *start,
         const char       *end)
{
  g_autoptr(GError) error = NULL;
  FidDashboardFilter filter = { 0 };
  FidDashboard *dashboard;

  filter.kind = kind;
  filter.branch_id = branch_id;
  filter.advisor_id = advisor_id;
  g_strlcpy (filter.start, start, sizeof filter.start);
  g_strlcpy (filter.end, end, sizeof filter.end);
  dashboard = fid_dashboard_compute (store, &filter, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dashboard);
  return dashboard;
}

#define assert_kpi(d, kpi, now, before) \
  G_STMT_START { \
    g_assert_cmpfloat_with_epsilon (fid_dashboard_get_kpi ((d), (kpi)), (now), 1e-9); \
    g_assert_cmpfloat_with_epsilon (fid_dashboard_get_kpi_previous ((d), (kpi)), (before), 1e-9); \
  } G_STMT_END
#define assert_change(d, kpi, change) \
  g_assert_cmpfloat_with_epsilon (fid_dashboard_get_kpi_change ((d), (kpi)), (change), 1e-9)

static void
test_dashboard_kpis (void)
{
  g_autoptr(FidStore) store = fixture_store ();
  g_autoptr(FidDashboard) d = compute (store, FID_DASHBOARD_MARKETING, 0, 0, START, END);
  double clv_now = 2325.0 * (2.0 / 3.0) / (1.1 - 2.0 / 3.0);
  double clv_before = 600.0 * 0.5 / (1.1 - 0.5);

  g_assert_cmpstr (fid_dashboard_get_previous_start (d), ==, "2025-07-04");
  g_assert_cmpstr (fid_dashboard_get_previous_end (d), ==, "2025-12-31");

  /* Created on or before each period's end: everyone; all but 4 and 5. */
  assert_kpi (d, FID_KPI_CUSTOMERS, 7, 5);
  assert_change (d, FID_KPI_CUSTOMERS, 0.4);
  /* 1, 2, 3, 4 buy in the period; 1 and 3 in the previous one. */
  assert_kpi (d, FID_KPI_ACTIVE_CUSTOMERS, 4, 2);
  assert_change (d, FID_KPI_ACTIVE_CUSTOMERS, 1.0);
  assert_kpi (d, FID_KPI_REVENUE, 81000, 12000);
  assert_change (d, FID_KPI_REVENUE, 69000.0 / 12000.0);
  /* Active in the year before the last: 1, 2, 7; again in the last: 1, 2.
   * A year earlier: 1 and 6, then 1 only. */
  assert_kpi (d, FID_KPI_RETENTION, 2.0 / 3.0, 0.5);
  assert_change (d, FID_KPI_RETENTION, 2.0 / 3.0 - 0.5);
  assert_kpi (d, FID_KPI_CHURN, 1.0 / 3.0, 0.5);
  assert_change (d, FID_KPI_CHURN, 1.0 / 3.0 - 0.5);
  /* Four customers with revenue: ⌊4 / 10⌋ = none in the top 10 %. */
  assert_kpi (d, FID_KPI_TOP10_SHARE, 0, 0);
  /* Mean 12-month margin 9300 / 4 (then 2400 / 4), retention form. */
  assert_kpi (d, FID_KPI_MEAN_CLV, clv_now, clv_before);
  assert_change (d, FID_KPI_MEAN_CLV, (clv_now - clv_before) / clv_before);
  /* NPS: 2 promoters, 1 detractor of 4 (the anonymous answer counts);
   * before, 1 and 1 of 2. CSAT: 2 of 3 say 4 or 5; none before. */
  assert_kpi (d, FID_KPI_NPS, 25, 0);
  assert_change (d, FID_KPI_NPS, 0.25);
  g_assert_cmpfloat_with_epsilon (fid_dashboard_get_kpi (d, FID_KPI_CSAT), 2.0 / 3.0, 1e-9);
  g_assert_true (isnan (fid_dashboard_get_kpi_previous (d, FID_KPI_CSAT)));
  g_assert_true (isnan (fid_dashboard_get_kpi_change (d, FID_KPI_CSAT)));
  /* t1 is open (and overdue) at the end; t2 was at the previous end. */
  assert_kpi (d, FID_KPI_OPEN_COMPLAINTS, 1, 1);
  assert_change (d, FID_KPI_OPEN_COMPLAINTS, 0);
  assert_kpi (d, FID_KPI_OVERDUE_TICKETS, 1, 1);
  /* Advisor figures are not part of the marketing dashboard. */
  g_assert_true (isnan (fid_dashboard_get_kpi (d, FID_KPI_FOLLOW_UPS_DUE)));

  g_assert_false (fid_kpi_higher_is_better (FID_KPI_CHURN));
  g_assert_true (fid_kpi_higher_is_better (FID_KPI_NPS));
  g_assert_cmpint (fid_kpi_get_unit (FID_KPI_REVENUE), ==, FID_KPI_UNIT_MONEY);
}

static void
test_dashboard_series (void)
{
  g_autoptr(FidStore) store = fixture_store ();
  g_autoptr(FidDashboard) d = compute (store, FID_DASHBOARD_MARKETING, 0, 0, START, END);
  const gint64 *stages = fid_dashboard_get_stage_counts (d);
  const char * const *stage_keys = fid_store_lifecycle_stages ();
  const guint64 *cells = fid_dashboard_get_rfm_counts (d);
  const char * const *channels = fid_dashboard_get_channels (d);
  const gint64 *contacts = fid_dashboard_get_contacts (d);
  const gint64 *category_counts = NULL;
  const char * const *categories = fid_dashboard_get_complaint_categories (d, &category_counts);
  const gint64 *answers = NULL;
  const double *nps = fid_dashboard_get_nps_trend (d, &answers);
  GPtrArray *campaigns = fid_dashboard_get_campaigns (d);
  FidDashboardCampaign *campaign;
  guint64 in_grid = 0;
  guint n_months = fid_dashboard_get_n_months (d);

  /* The funnel counts the stages of every customer. */
  g_assert_cmpstr (stage_keys[3], ==, "satisfied");
  g_assert_cmpint (stages[3], ==, 2);
  g_assert_cmpint (stages[2], ==, 2);
  g_assert_cmpint (stages[1], ==, 1);
  g_assert_cmpint (stages[5], ==, 1);
  g_assert_cmpint (stages[6], ==, 1);

  /* Six months: the trends show the twelve to the end. */
  g_assert_cmpuint (n_months, ==, 12);
  g_assert_cmpstr (fid_dashboard_get_month (d, 0), ==, "2025-07");
  g_assert_cmpstr (fid_dashboard_get_month (d, 11), ==, "2026-06");
  /* Contacts that took place: phone in February and March, e-mail in
   * February and June; the planned call does not count. */
  g_assert_cmpstr (channels[0], ==, "email");
  g_assert_cmpstr (channels[1], ==, "phone");
  g_assert_null (channels[2]);
  g_assert_cmpint (contacts[0 * n_months + 7], ==, 1);
  g_assert_cmpint (contacts[0 * n_months + 11], ==, 1);
  g_assert_cmpint (contacts[1 * n_months + 7], ==, 1);
  g_assert_cmpint (contacts[1 * n_months + 8], ==, 1);
  /* NPS per month: 100 in February (one 10), NAN in January. */
  g_assert_cmpfloat (nps[7], ==, 100);
  g_assert_cmpint (answers[7], ==, 1);
  g_assert_true (isnan (nps[6]));
  g_assert_cmpfloat (nps[2], ==, -100);  /* September 2025: a 6 */

  /* Complaints opened in the period: two about fees. */
  g_assert_cmpstr (categories[0], ==, "fees");
  g_assert_null (categories[1]);
  g_assert_cmpint (category_counts[0], ==, 2);

  /* The spring campaign only: 3 in the test group, 2 responded, 1 converted. */
  g_assert_cmpuint (campaigns->len, ==, 1);
  campaign = g_ptr_array_index (campaigns, 0);
  g_assert_cmpstr (campaign->name, ==, "Printemps");
  g_assert_cmpint (campaign->test, ==, 3);
  g_assert_cmpint (campaign->test_responded, ==, 2);
  g_assert_cmpint (campaign->test_converted, ==, 1);
  g_assert_cmpint (campaign->control, ==, 1);

  /* RFM over the year to END: customers 1, 2, 3 and 4. */
  for (guint c = 0; c < 25; c++)
    in_grid += cells[c];
  g_assert_cmpuint (in_grid, ==, 4);
  /* Pareto: 4 customers with revenue, the curve ends at (1, 1). */
  {
    const double *x, *y;
    guint n = fid_dashboard_get_pareto (d, &x, &y);

    g_assert_cmpuint (n, ==, 5);
    g_assert_cmpfloat (x[n - 1], ==, 1.0);
    g_assert_cmpfloat (y[n - 1], ==, 1.0);
    /* The best quarter of customers (4) brings 50000 of 81000. */
    g_assert_cmpfloat_with_epsilon (y[1], 50000.0 / 81000.0, 1e-9);
  }
  /* No snapshots: no migration. */
  g_assert_null (fid_dashboard_get_migration (d, NULL, NULL));
}

static void
test_dashboard_branch_filter (void)
{
  g_autoptr(FidStore) store = fixture_store ();
  g_autoptr(FidDashboard) all = compute (store, FID_DASHBOARD_MARKETING, 0, 0, START, END);
  g_autoptr(FidDashboard) north = compute (store, FID_DASHBOARD_MARKETING, 1, 0, START, END);
  g_autoptr(FidDashboard) advisor = compute (store, FID_DASHBOARD_MARKETING, 0, 1, START, END);
  const gint64 *stages = fid_dashboard_get_stage_counts (north);

  /* Branch 1 is customers 1, 2, 5 and 7. */
  assert_kpi (north, FID_KPI_CUSTOMERS, 4, 3);
  assert_kpi (north, FID_KPI_ACTIVE_CUSTOMERS, 2, 1);
  assert_kpi (north, FID_KPI_REVENUE, 30000, 5000);
  assert_kpi (north, FID_KPI_RETENTION, 2.0 / 3.0, 1.0);
  assert_kpi (north, FID_KPI_NPS, 100, 0);
  assert_kpi (north, FID_KPI_OPEN_COMPLAINTS, 1, 0);
  g_assert_cmpfloat (fid_dashboard_get_kpi (north, FID_KPI_REVENUE), !=,
                     fid_dashboard_get_kpi (all, FID_KPI_REVENUE));
  g_assert_cmpint (stages[3], ==, 2);
  g_assert_cmpint (stages[2], ==, 0);

  /* Advisor 1 has the same customers, counted from the rows rather than
   * from the maintained counts: the same figures. */
  for (FidKpi k = 0; k <= FID_KPI_OVERDUE_TICKETS; k++)
    {
      double a = fid_dashboard_get_kpi (north, k), b = fid_dashboard_get_kpi (advisor, k);

      g_test_message ("KPI %d: %g %g", k, a, b);
      g_assert_true ((isnan (a) && isnan (b)) || fabs (a - b) < 1e-9);
      a = fid_dashboard_get_kpi_previous (north, k);
      b = fid_dashboard_get_kpi_previous (advisor, k);
      g_assert_true ((isnan (a) && isnan (b)) || fabs (a - b) < 1e-9);
    }
  for (guint s = 0; s < 8; s++)
    g_assert_cmpint (stages[s], ==, fid_dashboard_get_stage_counts (advisor)[s]);

  /* The Pareto band A of branch 2 (3, 4): ⌊2 / 10⌋ = 0; the band ids are
   * the branch's only. */
  {
    g_autoptr(FidDashboard) south = compute (store, FID_DASHBOARD_MARKETING, 2, 0, START, END);
    g_autoptr(GArray) c_band = fid_dashboard_dup_band_ids (south, 2);

    g_assert_cmpuint (c_band->len, ==, 2);
    g_assert_cmpint (g_array_index (c_band, gint64, 0), ==, 3);
    g_assert_cmpint (g_array_index (c_band, gint64, 1), ==, 4);
  }
}

static void
test_dashboard_advisor (void)
{
  g_autoptr(FidStore) store = fixture_store ();
  g_autoptr(FidDashboard) d = NULL;
  const FidDashboardAdvisorDay *day;

  fid_test_exec_raw (fid_store_get_path (store),
                     "INSERT INTO interactions (customer_id, channel, direction, at, advisor_id, follow_up_on, status) VALUES"
                     " (1, 'phone', 'outbound', '2026-06-01T10:00:00', 1, '2026-06-20', 'done'),"
                     " (2, 'phone', 'outbound', '2026-06-01T10:00:00', 1, '2026-06-30', 'done'),"
                     " (2, 'phone', 'outbound', '2026-06-01T10:00:00', 1, '2026-07-30', 'done');"
                     "INSERT INTO life_events (customer_id, kind, occurred_on) VALUES"
                     " (1, 'marriage', '2026-06-12'), (7, 'move', '2026-06-02'), (1, 'birth', '2026-05-30'),"
                     " (3, 'move', '2026-06-15');"
                     "UPDATE tickets SET advisor_id = 1 WHERE id IN (1, 3);");
  d = compute (store, FID_DASHBOARD_ADVISOR, 0, 1, START, END);
  day = fid_dashboard_get_advisor_day (d);

  /* Due by END: two of three, one of them before it. */
  g_assert_cmpfloat (fid_dashboard_get_kpi (d, FID_KPI_FOLLOW_UPS_DUE), ==, 2);
  g_assert_true (isnan (fid_dashboard_get_kpi_previous (d, FID_KPI_FOLLOW_UPS_DUE)));
  g_assert_cmpint (day->follow_ups_overdue, ==, 1);
  /* June's events of the advisor's customers (3 is not theirs). */
  g_assert_cmpfloat (fid_dashboard_get_kpi (d, FID_KPI_LIFE_EVENTS), ==, 2);
  g_assert_cmpfloat (fid_dashboard_get_kpi (d, FID_KPI_OPEN_TICKETS), ==, 2);
  g_assert_cmpint (day->overdue_tickets, ==, 1);
  assert_kpi (d, FID_KPI_CUSTOMERS, 4, 3);
  /* No RFM snapshot yet: no segments. */
  g_assert_null (fid_dashboard_get_segments (d, NULL, NULL));

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) ids = fid_store_list_dashboard_ids (store, 0, 1, FID_DASHBOARD_IDS_LIFE_EVENTS, "",
                                                          "2026-06-01", END, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
  }
}

/* Bands end inside a run of equal revenues: the lower ids come first, as
 * ABC ranks them (revenue, then id). */
static void
test_dashboard_pareto_ties (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GString) sql = g_string_new ("INSERT INTO customers (id, last_name, sort_name, created_at, updated_at) VALUES ");
  g_autoptr(FidDashboard) d = NULL;
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;

  for (int id = 1; id <= 20; id++)
    g_string_append_printf (sql, "%s(%d, 'C', 'c', '2020-01-01T00:00:00', '2020-01-01T00:00:00')",
                            id > 1 ? ", " : "", id);
  /* 1: 100; 2 to 5: 50 each; 6 to 20: 10 each. */
  g_string_append (sql, "; INSERT INTO transactions (customer_id, date, amount_cents, product_family) VALUES ");
  for (int id = 1; id <= 20; id++)
    g_string_append_printf (sql, "%s(%d, '2026-03-01', %d, 'card')", id > 1 ? ", " : "",
                            id, id == 1 ? 100 : id <= 5 ? 50 : 10);
  fid_test_exec_raw (fid_store_get_path (store), sql->str);

  d = compute (store, FID_DASHBOARD_MARKETING, 0, 0, START, END);
  a = fid_dashboard_dup_band_ids (d, 0);
  b = fid_dashboard_dup_band_ids (d, 1);
  /* A: ⌊20 / 10⌋ = 2: customer 1 and the first 50, customer 2. */
  g_assert_cmpuint (a->len, ==, 2);
  g_assert_cmpint (g_array_index (a, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (a, gint64, 1), ==, 2);
  /* B: ranks 3 to 7: the other 50s (3, 4, 5), then 6 and 7. */
  g_assert_cmpuint (b->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (g_array_index (b, gint64, i), ==, i + 3);
  g_assert_cmpfloat_with_epsilon (fid_dashboard_get_kpi (d, FID_KPI_TOP10_SHARE), 150.0 / 450.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (fid_dashboard_get_band_share (d, 1), 170.0 / 450.0, 1e-12);
}

static void
test_dashboard_empty (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(FidDashboard) d = compute (store, FID_DASHBOARD_MARKETING, 0, 0, START, END);
  const double *x, *y;

  assert_kpi (d, FID_KPI_CUSTOMERS, 0, 0);
  assert_kpi (d, FID_KPI_ACTIVE_CUSTOMERS, 0, 0);
  assert_kpi (d, FID_KPI_REVENUE, 0, 0);
  assert_kpi (d, FID_KPI_OPEN_COMPLAINTS, 0, 0);
  for (FidKpi k = FID_KPI_RETENTION; k <= FID_KPI_CSAT; k++)
    if (k != FID_KPI_REVENUE)
      g_assert_true (isnan (fid_dashboard_get_kpi (d, k)));
  /* From 0 to 0 is no percentage. */
  g_assert_true (isnan (fid_dashboard_get_kpi_change (d, FID_KPI_CUSTOMERS)));
  g_assert_cmpuint (fid_dashboard_get_pareto (d, &x, &y), ==, 0);
  g_assert_null (fid_dashboard_get_channels (d)[0]);
  g_assert_null (fid_dashboard_get_complaint_categories (d, NULL)[0]);
  g_assert_cmpuint (fid_dashboard_get_campaigns (d)->len, ==, 0);
  g_assert_true (isnan (fid_dashboard_get_nps_trend (d, NULL)[0]));
  for (guint c = 0; c < 25; c++)
    g_assert_cmpuint (fid_dashboard_get_rfm_counts (d)[c], ==, 0);
  {
    g_autoptr(GArray) band = fid_dashboard_dup_band_ids (d, 0);

    g_assert_cmpuint (band->len, ==, 0);
  }
}

static void
test_dashboard_bad_filter (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  FidDashboardFilter filter = { 0 };

  g_strlcpy (filter.start, "2026-07-01", sizeof filter.start);
  g_strlcpy (filter.end, END, sizeof filter.end);
  g_assert_null (fid_dashboard_compute (store, &filter, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (fid_dashboard_filter_set_months (&filter, "2026-06-30", 12));
  g_assert_cmpstr (filter.start, ==, "2025-07-01");
  filter.kind = FID_DASHBOARD_ADVISOR;
  g_assert_null (fid_dashboard_compute (store, &filter, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* Demo bank ------------------------------------------------------------------ */

static char *demo_path;

static gint64
sql_int_at (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
sql_int (const char *sql)
{
  return sql_int_at (demo_path, sql);
}

static FidStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  FidStore *store;

  if (demo_path == NULL)
    {
      g_autoptr(FidDemo) demo = fid_demo_new (3000, 11);

      demo_path = fid_test_tmp_path ("demo.db");
      g_assert_true (fid_demo_write (demo, demo_path, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  store = fid_store_open (demo_path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_dashboard_demo_agrees (void)
{
  g_autoptr(FidStore) store = demo_store ();
  g_autoptr(FidDashboard) d = compute (store, FID_DASHBOARD_MARKETING, 0, 0, "2025-07-01", "2026-06-30");
  g_autoptr(FidDashboard) branch = compute (store, FID_DASHBOARD_MARKETING, 1, 0, "2025-07-01", "2026-06-30");
  g_autoptr(GArray) a = fid_dashboard_dup_band_ids (d, 0);
  g_autoptr(FidTxColumns) columns = NULL;
  g_autoptr(FidSegmentation) rfm = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_paying, top, a_sum;

  /* Independent SQL: revenue, active customers, the A band. */
  g_assert_cmpfloat (fid_dashboard_get_kpi (d, FID_KPI_REVENUE), ==,
                     sql_int ("SELECT sum (amount_cents) FROM transactions WHERE date BETWEEN '2025-07-01' AND '2026-06-30'"));
  g_assert_cmpfloat (fid_dashboard_get_kpi (d, FID_KPI_ACTIVE_CUSTOMERS), ==,
                     sql_int ("SELECT count (DISTINCT customer_id) FROM transactions WHERE date BETWEEN '2025-07-01' AND '2026-06-30'"));
  g_assert_cmpfloat (fid_dashboard_get_kpi (branch, FID_KPI_REVENUE), ==,
                     sql_int ("SELECT sum (t.amount_cents) FROM transactions t JOIN customers c ON c.id = t.customer_id"
                              " WHERE c.branch_id = 1 AND t.date BETWEEN '2025-07-01' AND '2026-06-30'"));
  g_assert_cmpfloat (fid_dashboard_get_kpi (d, FID_KPI_CUSTOMERS), ==, sql_int ("SELECT count (*) FROM customers"));
  g_assert_cmpfloat (fid_dashboard_get_kpi (d, FID_KPI_OPEN_COMPLAINTS), ==,
                     sql_int ("SELECT count (*) FROM tickets WHERE kind = 'complaint' AND opened_at < '2026-07-01'"
                              " AND (status IN ('open', 'in_progress') OR substr (resolved_at, 1, 10) > '2026-06-30')"));

  n_paying = sql_int ("SELECT count (*) FROM (SELECT customer_id FROM transactions WHERE date BETWEEN '2025-07-01' AND '2026-06-30'"
                      " GROUP BY customer_id HAVING sum (amount_cents) > 0)");
  top = n_paying * 10 / 100;
  g_assert_cmpuint (a->len, ==, top);
  a_sum = sql_int ("SELECT coalesce (sum (r), 0) FROM (SELECT sum (amount_cents) AS r FROM transactions"
                   " WHERE date BETWEEN '2025-07-01' AND '2026-06-30' GROUP BY customer_id HAVING r > 0"
                   " ORDER BY r DESC, customer_id LIMIT (SELECT count (*) / 10 FROM (SELECT customer_id FROM transactions"
                   "  WHERE date BETWEEN '2025-07-01' AND '2026-06-30' GROUP BY customer_id HAVING sum (amount_cents) > 0)))");
  g_assert_cmpfloat_with_epsilon (fid_dashboard_get_kpi (d, FID_KPI_TOP10_SHARE),
                                  (double) a_sum / sql_int ("SELECT sum (r) FROM (SELECT sum (amount_cents) AS r FROM transactions"
                                                            " WHERE date BETWEEN '2025-07-01' AND '2026-06-30'"
                                                            " GROUP BY customer_id HAVING r > 0)"), 1e-12);

  /* The RFM grid is fid_rfm_compute's R and F as of the end. */
  columns = fid_tx_columns_load (store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  rfm = fid_rfm_compute (fid_tx_columns_get_view (columns), fid_day_from_iso ("2026-06-30"), 365, FALSE, NULL, &error);
  g_assert_no_error (error);
  {
    const gint64 *r = fid_segmentation_get_int_column (rfm, fid_segmentation_find_column (rfm, "r"));
    const gint64 *f = fid_segmentation_get_int_column (rfm, fid_segmentation_find_column (rfm, "f"));
    const gint64 *ids = fid_segmentation_get_ids (rfm);
    guint64 expected[25] = { 0 };

    for (gsize i = 0; i < fid_segmentation_get_size (rfm); i++)
      if (r[i] >= 1)
        expected[(5 - f[i]) * 5 + r[i] - 1]++;
    for (guint c = 0; c < 25; c++)
      g_assert_cmpuint (fid_dashboard_get_rfm_counts (d)[c], ==, expected[c]);
    /* The busiest cell's customers are exactly those with its scores. */
    {
      g_autoptr(GArray) cell = fid_dashboard_dup_rfm_cell_ids (d, 12);
      guint k = 0;

      for (gsize i = 0; i < fid_segmentation_get_size (rfm); i++)
        if (r[i] == 3 && f[i] == 3)
          g_assert_cmpint (g_array_index (cell, gint64, k++), ==, ids[i]);
      g_assert_cmpuint (k, ==, cell->len);
    }
  }

  /* Contacts of the period by month match the rows. */
  {
    const char * const *channels = fid_dashboard_get_channels (d);
    guint n_months = fid_dashboard_get_n_months (d);
    gint64 total = 0;

    g_assert_cmpuint (n_months, ==, 12);
    for (guint c = 0; channels[c] != NULL; c++)
      for (guint m = 0; m < n_months; m++)
        total += fid_dashboard_get_contacts (d)[c * n_months + m];
    g_assert_cmpint (total, ==, sql_int ("SELECT count (*) FROM interactions WHERE status = 'done'"
                                         " AND at >= '2025-07-01' AND at < '2026-07-01'"));
  }
}

static void
assert_same_migration (const FidMigration *a,
                       const FidMigration *b)
{
  guint n = g_strv_length (a->from_keys) * g_strv_length (a->to_keys);

  g_assert_true (g_strv_equal ((const char * const *) a->from_keys, (const char * const *) b->from_keys));
  g_assert_true (g_strv_equal ((const char * const *) a->to_keys, (const char * const *) b->to_keys));
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (a->counts[i], ==, b->counts[i]);
  g_assert_cmpuint (a->in_both, ==, b->in_both);
  g_assert_cmpuint (a->stayed, ==, b->stayed);
}

static void
save_rfm_snapshot (FidStore     *store,
                   FidTxColumns *columns,
                   const char   *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSegmentation) rfm = fid_rfm_compute (fid_tx_columns_get_view (columns), fid_day_from_iso (as_of),
                                                    365, FALSE, NULL, &error);
  guint n = fid_segmentation_get_n_segments (rfm);
  g_autofree const char **keys = g_new0 (const char *, n + 1);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    keys[i] = fid_segmentation_get_segment_key (rfm, i);
  g_assert_true (fid_store_save_snapshot (store, "rfm", as_of, 365, NULL, fid_segmentation_get_ids (rfm),
                                          fid_segmentation_get_segments (rfm), keys,
                                          fid_segmentation_get_size (rfm), NULL, &error));
  g_assert_no_error (error);
}

/* The migration the dashboard counts in memory is SQL's, for the bank and
 * for a branch. */
static void
test_dashboard_migration (void)
{
  g_autoptr(FidStore) store = demo_store ();
  g_autoptr(FidTxColumns) columns = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FidMigration) bank = NULL;
  g_autoptr(FidMigration) branch = NULL;
  g_autoptr(FidDashboard) all = NULL;
  g_autoptr(FidDashboard) one = NULL;
  const char *from = NULL, *to = NULL;

  columns = fid_tx_columns_load (store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  save_rfm_snapshot (store, columns, "2025-12-31");
  save_rfm_snapshot (store, columns, "2026-06-30");

  all = compute (store, FID_DASHBOARD_MARKETING, 0, 0, "2025-07-01", "2026-06-30");
  one = compute (store, FID_DASHBOARD_MARKETING, 1, 0, "2025-07-01", "2026-06-30");
  g_assert_nonnull (fid_dashboard_get_migration (all, &from, &to));
  g_assert_cmpstr (from, ==, "2025-12-31");
  g_assert_cmpstr (to, ==, "2026-06-30");
  bank = fid_store_compute_migration (store, "rfm", from, to, &error);
  g_assert_no_error (error);
  assert_same_migration (fid_dashboard_get_migration (all, NULL, NULL), bank);
  branch = fid_store_compute_dashboard_migration (store, 1, 0, "rfm", from, to, &error);
  g_assert_no_error (error);
  assert_same_migration (fid_dashboard_get_migration (one, NULL, NULL), branch);
  g_assert_cmpuint (branch->in_both, <, bank->in_both);

  /* A cell's customers: those the SQL lists. */
  {
    g_autoptr(GArray) ids = fid_store_list_dashboard_ids (store, 1, 0, FID_DASHBOARD_IDS_MIGRATION,
                                                          "rfm/2025-12-31/champions/2026-06-30/champions",
                                                          NULL, NULL, &error);
    guint row = 0, column = 0;

    g_assert_no_error (error);
    while (branch->from_keys[row] != NULL && !g_str_equal (branch->from_keys[row], "champions"))
      row++;
    while (branch->to_keys[column] != NULL && !g_str_equal (branch->to_keys[column], "champions"))
      column++;
    g_assert_cmpuint (ids->len, ==, branch->counts[row * g_strv_length (branch->to_keys) + column]);
  }

  /* The other tests use the bank without snapshots. */
  fid_test_exec_raw (demo_path, "DELETE FROM segment_snapshots; DELETE FROM segment_snapshot_info;");
}

/* Compares dashboard_counts with a rebuild from the rows. */
static void
assert_counts_current (FidStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (fid_store_get_path (store));

  fid_test_exec_raw (path,
                     "DROP TABLE IF EXISTS kept; CREATE TABLE kept AS"
                     " SELECT measure, scope, key, day, n FROM dashboard_counts WHERE n <> 0");
  g_assert_true (fid_store_rebuild_dashboard_counts (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int_at (path, "SELECT count (*) FROM (SELECT * FROM kept EXCEPT"
                            " SELECT measure, scope, key, day, n FROM dashboard_counts)"), ==, 0);
  g_assert_cmpint (sql_int_at (path, "SELECT count (*) FROM (SELECT measure, scope, key, day, n FROM dashboard_counts"
                               " EXCEPT SELECT * FROM kept WHERE n <> 0)"), ==, 0);
  g_assert_cmpint (sql_int_at (path, "SELECT count (*) FROM dashboard_counts WHERE measure = 'contacts'"), >, 0);
}

static void
test_dashboard_counts_maintained (void)
{
  g_autoptr(FidStore) store = demo_store ();
  g_autofree char *path = g_strdup (fid_store_get_path (store));
  g_autofree char *copy = fid_test_tmp_path ("copy.db");
  g_autoptr(GError) error = NULL;

  /* A copy: the other tests read the demo bank as generated. */
  g_clear_object (&store);
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  }
  store = fid_store_open (copy, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* The fresh-file load rebuilt the counts: equal to a rebuild. */
  assert_counts_current (store);
  fid_test_exec_raw (copy,
                     "PRAGMA foreign_keys = ON;"
                     "UPDATE customers SET branch_id = 2 WHERE id IN (SELECT customer_id FROM survey_responses"
                     "  WHERE customer_id IS NOT NULL LIMIT 30);"
                     "UPDATE customers SET lifecycle_stage = 'lost', branch_id = NULL WHERE id IN"
                     " (SELECT customer_id FROM interactions LIMIT 20);"
                     "UPDATE customers SET created_at = '2001-01-01T00:00:00' WHERE id IN (10, 11);"
                     "DELETE FROM customers WHERE id IN (SELECT customer_id FROM survey_responses"
                     "  WHERE customer_id IS NOT NULL LIMIT 25 OFFSET 60);"
                     "UPDATE interactions SET status = 'planned' WHERE id IN (SELECT id FROM interactions"
                     "  WHERE status = 'done' LIMIT 15);"
                     "UPDATE interactions SET customer_id = 5, channel = 'web' WHERE id IN (SELECT id FROM interactions LIMIT 15 OFFSET 500);"
                     "DELETE FROM interactions WHERE id IN (SELECT id FROM interactions LIMIT 15 OFFSET 900);"
                     "INSERT INTO interactions (customer_id, channel, direction, at, status)"
                     " VALUES (7, 'chat', 'inbound', '2026-06-01T10:00:00', 'done');"
                     "DELETE FROM survey_responses WHERE id IN (SELECT id FROM survey_responses LIMIT 15 OFFSET 300);"
                     "UPDATE survey_answers SET value = 3 WHERE response_id IN (SELECT id FROM survey_responses LIMIT 5);"
                     "UPDATE survey_responses SET answered_at = '2020-01-01T00:00:00', customer_id = 9"
                     " WHERE id IN (SELECT id FROM survey_responses LIMIT 10 OFFSET 100);"
                     "DELETE FROM survey_answers WHERE response_id IN (SELECT id FROM survey_responses LIMIT 3 OFFSET 200);");
  assert_counts_current (store);
  /* A whole survey goes, with its responses and answers (cascade). */
  fid_test_exec_raw (copy, "PRAGMA foreign_keys = ON; DELETE FROM surveys WHERE kind = 'csat';");
  assert_counts_current (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/dashboard/kpis", test_dashboard_kpis);
  g_test_add_func ("/dashboard/series", test_dashboard_series);
  g_test_add_func ("/dashboard/branch-filter", test_dashboard_branch_filter);
  g_test_add_func ("/dashboard/advisor", test_dashboard_advisor);
  g_test_add_func ("/dashboard/pareto-ties", test_dashboard_pareto_ties);
  g_test_add_func ("/dashboard/empty", test_dashboard_empty);
  g_test_add_func ("/dashboard/bad-filter", test_dashboard_bad_filter);
  g_test_add_func ("/dashboard/demo-agrees", test_dashboard_demo_agrees);
  g_test_add_func ("/dashboard/counts-maintained", test_dashboard_counts_maintained);
  g_test_add_func ("/dashboard/migration", test_dashboard_migration);

  return g_test_run ();
}
