/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Likely duplicates (same e-mail ignoring case, or same folded name and
 * birth date) and merging: every related row moves to the kept customer,
 * keyed rows keep the kept customer's where both exist, the merged
 * customer disappears, the aggregates stay exact and the audit log says
 * who was merged into whom. */

#include "config.h"

#include <string.h>

#include "fid-store-workspace.h"
#include "fid-test-util.h"

static gint64
insert_full (FidStore   *store,
             const char *first,
             const char *last,
             const char *birth_date,
             const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidCustomer) customer = fid_test_customer (first, last, "Nantes");

  fid_customer_set_birth_date (customer, birth_date);
  fid_customer_set_email (customer, email);
  g_assert_true (fid_store_insert_customer (store, customer, &error));
  g_assert_no_error (error);
  return fid_customer_get_id (customer);
}

static gboolean
contains (GPtrArray *customers,
          gint64     id)
{
  for (guint i = 0; i < customers->len; i++)
    if (fid_customer_get_id (customers->pdata[i]) == id)
      return TRUE;
  return FALSE;
}

static void
test_find_duplicates (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(FidCustomer) candidate = fid_customer_new ();
  gint64 x = insert_full (store, "Hélène", "Dupont", "1980-05-02", "h.dupont@example.fr");
  gint64 y = insert_full (store, "Helene", "DUPONT", "1980-05-02", "helene@autre.fr");
  gint64 z = insert_full (store, "Jean", "Autre", NULL, "H.Dupont@Example.FR");
  gint64 w = insert_full (store, "Hélène", "Dupont", "1991-01-01", NULL);

  /* A new customer being created (no id yet). */
  fid_customer_set_first_name (candidate, " hélène ");
  fid_customer_set_last_name (candidate, "Dupont");
  fid_customer_set_birth_date (candidate, "1980-05-02");
  fid_customer_set_email (candidate, "h.dupont@example.fr");
  found = fid_store_find_duplicates (store, candidate, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_true (contains (found, x));
  g_assert_true (contains (found, y));
  g_assert_true (contains (found, z));
  g_assert_false (contains (found, w));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* By e-mail alone. */
  fid_customer_set_birth_date (candidate, NULL);
  found = fid_store_find_duplicates (store, candidate, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (contains (found, x) && contains (found, z));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* By name and birth date alone. */
  fid_customer_set_email (candidate, "");
  fid_customer_set_birth_date (candidate, "1991-01-01");
  found = fid_store_find_duplicates (store, candidate, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (contains (found, w));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* A saved customer is not its own duplicate. */
  {
    g_autoptr(FidCustomer) saved = fid_store_get_customer (store, x, &error);

    found = fid_store_find_duplicates (store, saved, &error);
    g_assert_cmpuint (found->len, ==, 2);
    g_assert_false (contains (found, x));
    g_clear_pointer (&found, g_ptr_array_unref);
  }

  /* Nothing to compare: nothing found. */
  fid_customer_set_birth_date (candidate, NULL);
  found = fid_store_find_duplicates (store, candidate, &error);
  g_assert_cmpuint (found->len, ==, 0);
}

static gint64
count_where (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
add_interaction (FidStore   *store,
                 gint64      customer,
                 const char *at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidInteraction) interaction = fid_interaction_new ();

  fid_interaction_set_customer_id (interaction, customer);
  fid_interaction_set_channel (interaction, "phone");
  fid_interaction_set_at (interaction, at);
  g_assert_true (fid_store_add_interaction (store, interaction, &error));
  g_assert_no_error (error);
}

static void
test_merge_moves_everything (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidCustomer) kept = NULL;
  g_autoptr(GPtrArray) found = NULL;
  const char *path = fid_store_get_path (store);
  gint64 a = insert_full (store, "Hélène", "Dupont", NULL, NULL);
  gint64 b = insert_full (store, "Helene", "Dupont", "1980-05-02", "h.dupont@example.fr");
  gint64 c = insert_full (store, "Paul", "Tiers", NULL, NULL);
  gint64 n_wrong = -1;
  g_autofree char *sql = NULL;

  g_assert_cmpint (a, ==, 1);
  g_assert_cmpint (b, ==, 2);
  fid_test_exec_raw (path,
                     "INSERT INTO products (id, code, name, family) VALUES (1, 'CC', 'Compte courant', 'current_account');"
                     "INSERT INTO holdings (customer_id, product_id, opened_on) VALUES (1, 1, '2020-01-01'), (2, 1, '2021-01-01');"
                     "INSERT INTO campaigns (id, name, created_at) VALUES (1, 'Printemps', '2025-01-01'), (2, 'Été', '2025-01-01');"
                     "INSERT INTO campaign_targets (campaign_id, customer_id, grp, contacted_at) VALUES"
                     " (1, 1, 'test', '2025-03-01'), (1, 2, 'control', NULL), (2, 2, 'test', '2025-06-01');"
                     "INSERT INTO consents (customer_id, channel, marketing, given_at, source) VALUES"
                     " (1, 'email', 0, '2024-01-01', 'branch'), (2, 'email', 1, '2023-01-01', 'web'),"
                     " (2, 'sms', 1, '2023-01-01', 'web');"
                     "INSERT INTO tickets (customer_id, kind, subject, opened_at) VALUES (2, 'request', 'RIB', '2025-01-02T10:00:00');"
                     "INSERT INTO life_events (customer_id, kind, occurred_on) VALUES (2, 'marriage', '2024-06-01');"
                     "INSERT INTO opportunities (customer_id, product_id, created_at) VALUES (2, 1, '2025-01-01');"
                     "INSERT INTO surveys (id, kind, title, created_at) VALUES (1, 'nps', 'NPS', '2025-01-01');"
                     "INSERT INTO survey_responses (survey_id, customer_id, answered_at) VALUES (1, 2, '2025-02-01');"
                     "INSERT INTO segment_snapshots (scheme, taken_on, customer_id, segment) VALUES"
                     " ('rfm', '2025-01-01', 1, 'Champions'), ('rfm', '2025-01-01', 2, 'Lost'),"
                     " ('rfm', '2025-02-01', 2, 'At risk');");
  g_assert_cmpint (fid_store_add_transaction (store, a, "2025-01-10", 1000, 100, "card", NULL, &error), >, 0);
  g_assert_cmpint (fid_store_add_transaction (store, b, "2024-12-10", 2000, 200, "savings", NULL, &error), >, 0);
  g_assert_cmpint (fid_store_add_transaction (store, b, "2025-02-10", 3000, 300, "card", NULL, &error), >, 0);
  g_assert_cmpint (fid_store_add_transaction (store, c, "2025-02-11", 5000, 500, "card", NULL, &error), >, 0);
  add_interaction (store, a, "2025-01-05T09:00:00");
  add_interaction (store, b, "2025-03-05T09:00:00");
  g_assert_true (fid_store_refresh_revenue_12m (store, "2025-06-30", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (fid_store_merge_customers (store, a, b, &error));
  g_assert_no_error (error);

  /* Nothing belongs to b any more, and b is gone. */
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM customers WHERE id = 2"), ==, 0);
  {
    static const char * const tables[] = {
      "holdings", "transactions", "interactions", "tickets", "life_events", "opportunities",
      "campaign_targets", "consents", "survey_responses", "segment_snapshots", "customer_stats", NULL
    };

    for (guint i = 0; tables[i] != NULL; i++)
      {
        g_autofree char *q = g_strdup_printf ("SELECT count(*) FROM %s WHERE customer_id = 2", tables[i]);

        g_assert_cmpint (count_where (path, q), ==, 0);
      }
  }
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM holdings WHERE customer_id = 1"), ==, 2);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM transactions WHERE customer_id = 1"), ==, 3);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM interactions WHERE customer_id = 1"), ==, 2);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM tickets WHERE customer_id = 1"), ==, 1);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM life_events WHERE customer_id = 1"), ==, 1);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM opportunities WHERE customer_id = 1"), ==, 1);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM survey_responses WHERE customer_id = 1"), ==, 1);
  /* Keyed rows: the kept customer's wins (campaign 1 stays "test", e-mail
   * consent stays "no"), the others move. */
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM campaign_targets WHERE customer_id = 1"), ==, 2);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM campaign_targets WHERE customer_id = 1 AND campaign_id = 1 AND grp = 'test'"), ==, 1);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM consents WHERE customer_id = 1"), ==, 2);
  g_assert_cmpint (count_where (path, "SELECT marketing FROM consents WHERE customer_id = 1 AND channel = 'email'"), ==, 0);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM segment_snapshots WHERE customer_id = 1"), ==, 2);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM segment_snapshots WHERE customer_id = 1 AND segment = 'Champions'"), ==, 1);

  /* Aggregates: exact, and the kept customer's are the sum. */
  g_assert_true (fid_store_check_aggregates (store, &n_wrong, &error));
  g_assert_cmpint (n_wrong, ==, 0);
  kept = fid_store_get_customer (store, a, &error);
  g_assert_cmpint (fid_customer_get_tx_count (kept), ==, 3);
  g_assert_cmpint (fid_customer_get_tx_sum_cents (kept), ==, 6000);
  g_assert_cmpint (fid_customer_get_revenue_12m_cents (kept), ==, 6000);
  g_assert_cmpint (fid_customer_get_margin_12m_cents (kept), ==, 600);
  g_assert_cmpstr (fid_customer_get_first_tx_date (kept), ==, "2024-12-10");
  g_assert_cmpstr (fid_customer_get_last_contact_at (kept), ==, "2025-03-05T09:00:00");
  /* Contact data the kept customer lacked. */
  g_assert_cmpstr (fid_customer_get_email (kept), ==, "h.dupont@example.fr");
  g_assert_cmpstr (fid_customer_get_birth_date (kept), ==, "1980-05-02");
  g_assert_cmpint (fid_customer_get_version (kept), ==, 2);
  /* The search finds the kept customer by the merged one's e-mail. */
  found = fid_store_search_customers (store, "example", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (fid_customer_get_id (found->pdata[0]), ==, a);
  /* And a refresh gives the same 12-month sums as the merge did. */
  g_assert_true (fid_store_refresh_revenue_12m (store, "2025-06-30", NULL, &error));
  g_clear_object (&kept);
  kept = fid_store_get_customer (store, a, &error);
  g_assert_cmpint (fid_customer_get_revenue_12m_cents (kept), ==, 6000);

  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'merge' AND entity = 'customer'"
                         " AND entity_id = %" G_GINT64_FORMAT " AND details LIKE '%%\"merged\": %" G_GINT64_FORMAT "%%'", a, b);
  g_assert_cmpint (count_where (path, sql), ==, 1);
}

static void
test_merge_refusals (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 a = fid_test_insert (store, "Anne", "Roux", "Lille");
  g_autofree char *digest = fid_store_content_digest (store, NULL);
  g_autofree char *after = NULL;

  g_assert_false (fid_store_merge_customers (store, a, a, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_SAME_CUSTOMER);
  g_clear_error (&error);
  g_assert_false (fid_store_merge_customers (store, a, 999, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (fid_store_merge_customers (store, 999, a, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  after = fid_store_content_digest (store, NULL);
  g_assert_cmpstr (after, ==, digest);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/find-duplicates", test_find_duplicates);
  g_test_add_func ("/merge/moves-everything", test_merge_moves_everything);
  g_test_add_func ("/merge/refusals", test_merge_refusals);

  return g_test_run ();
}
