/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Delete with undo: trashing a customer removes them and everything
 * linked; restoring gives back exactly the same database (same content
 * digest, same ids), with the search index and the aggregates following. */

#include "config.h"

#include "fid-store-workspace.h"
#include "fid-test-util.h"

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

/* Two customers with a bit of everything; the first one is trashed. */
static FidStore *
new_bank (gint64 *victim)
{
  FidStore *store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidInteraction) interaction = fid_interaction_new ();
  g_autoptr(FidTicket) ticket = fid_ticket_new ();
  g_autoptr(FidCustomer) customer = fid_test_customer ("Hélène", "Martin", "Lyon");
  gint64 other;

  fid_test_exec_raw (fid_store_get_path (store),
                     "INSERT INTO branches (id, code, name, city) VALUES (1, 'LYS', 'Lyon Saxe', 'Lyon');"
                     "INSERT INTO advisors (id, branch_id, first_name, last_name) VALUES (1, 1, 'Claire', 'Moreau');"
                     "INSERT INTO households (id, name, created_at) VALUES (1, 'Martin', '2020-01-01');"
                     "INSERT INTO products (id, code, name, family) VALUES (1, 'LA', 'Livret A', 'savings');"
                     "INSERT INTO campaigns (id, name, channel, created_at) VALUES (1, 'Printemps', 'email', '2025-01-01');"
                     "INSERT INTO surveys (id, kind, title, created_at) VALUES (1, 'nps', 'NPS 2025', '2025-01-01');"
                     "INSERT INTO survey_items (id, survey_id, position, label) VALUES (1, 1, 1, 'Recommanderiez-vous ?');");
  fid_customer_set_email (customer, "helene.martin@example.fr");
  fid_customer_set_advisor_id (customer, 1);
  fid_customer_set_branch_id (customer, 1);
  fid_customer_set_household_id (customer, 1);
  fid_customer_set_household_role (customer, "head");
  fid_customer_set_segment (customer, "gold");
  g_assert_true (fid_store_insert_customer (store, customer, &error));
  g_assert_no_error (error);
  *victim = fid_customer_get_id (customer);
  other = fid_test_insert (store, "Paul", "Martin", "Lyon");

  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO consents VALUES (%1$" G_GINT64_FORMAT ", 'email', 1, '2024-01-01', 'web');"
      "INSERT INTO holdings (customer_id, product_id, opened_on, balance_cents) VALUES (%1$" G_GINT64_FORMAT ", 1, '2020-02-02', 123456);"
      "INSERT INTO campaign_targets VALUES (1, %1$" G_GINT64_FORMAT ", 'test', '2025-03-01T10:00:00', NULL, NULL);"
      "INSERT INTO life_events (customer_id, kind, occurred_on, notes) VALUES (%1$" G_GINT64_FORMAT ", 'birth', '2024-09-01', 'Léa');"
      "INSERT INTO opportunities (customer_id, product_id, amount_cents, probability, created_at) VALUES (%1$" G_GINT64_FORMAT ", 1, 500000, 0.35, '2025-02-01');"
      "INSERT INTO survey_responses (id, survey_id, customer_id, answered_at) VALUES (1, 1, %1$" G_GINT64_FORMAT ", '2025-04-01');"
      "INSERT INTO survey_answers VALUES (1, 1, 'score', 9);"
      "INSERT INTO segment_snapshots VALUES ('rfm', '2025-01-01', %1$" G_GINT64_FORMAT ", 'Champions');"
      "INSERT INTO holdings (customer_id, product_id, opened_on) VALUES (%2$" G_GINT64_FORMAT ", 1, '2021-01-01');",
      *victim, other);

    fid_test_exec_raw (fid_store_get_path (store), sql);
  }
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-0%u-15", i + 1);

      g_assert_cmpint (fid_store_add_transaction (store, *victim, date, 1000 * (i + 1), 10, "card", "web", &error), >, 0);
    }
  g_assert_cmpint (fid_store_add_transaction (store, other, "2025-01-01", 42, 1, "card", NULL, &error), >, 0);
  fid_interaction_set_customer_id (interaction, *victim);
  fid_interaction_set_advisor_id (interaction, 1);
  fid_interaction_set_channel (interaction, "branch");
  fid_interaction_set_at (interaction, "2025-03-04T10:30:00");
  fid_interaction_set_follow_up_on (interaction, "2025-03-11");
  fid_interaction_set_details (interaction, "{\"room\": 2}");
  g_assert_true (fid_store_add_interaction (store, interaction, &error));
  fid_ticket_set_customer_id (ticket, *victim);
  fid_ticket_set_subject (ticket, "Carte bloquée");
  g_assert_true (fid_store_add_ticket (store, ticket, &error));
  g_assert_true (fid_store_refresh_revenue_12m (store, "2025-06-30", NULL, &error));
  g_assert_no_error (error);
  return store;
}

static void
test_trash_and_restore (void)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  g_autoptr(FidStore) store = new_bank (&id);
  const char *path = fid_store_get_path (store);
  g_autofree char *before = fid_store_content_digest (store, &error);
  g_autofree char *trashed = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 trash_id, n_wrong = -1;

  trash_id = fid_store_trash_customer (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trash_id, >, 0);

  /* Gone, with everything linked; the survey answer stays, anonymous. */
  trashed = fid_store_content_digest (store, &error);
  g_assert_cmpstr (trashed, !=, before);
  g_assert_null (fid_store_get_customer (store, id, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM transactions"), ==, 1);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM interactions"), ==, 0);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM survey_responses WHERE customer_id IS NULL"), ==, 1);
  found = fid_store_search_customers (store, "helene", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  g_assert_true (fid_store_restore_customer (store, trash_id, &error));
  g_assert_no_error (error);

  /* Exactly as before: same rows, same ids, same aggregates. */
  restored = fid_store_content_digest (store, &error);
  g_assert_cmpstr (restored, ==, before);
  g_assert_true (fid_store_check_aggregates (store, &n_wrong, &error));
  g_assert_cmpint (n_wrong, ==, 0);
  found = fid_store_search_customers (store, "helene", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (fid_customer_get_id (found->pdata[0]), ==, id);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM trash"), ==, 0);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM trash_rows"), ==, 0);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM audit_log WHERE action IN ('trash', 'restore')"), ==, 2);

  /* The entry is used up. */
  g_assert_false (fid_store_restore_customer (store, trash_id, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
}

static void
test_restore_conflict_and_purge (void)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  g_autoptr(FidStore) store = new_bank (&id);
  const char *path = fid_store_get_path (store);
  g_autofree char *sql = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *after = NULL;
  gint64 trash_id;

  g_assert_false (fid_store_trash_customer (store, 999, &error) > 0);
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  trash_id = fid_store_trash_customer (store, id, &error);
  g_assert_cmpint (trash_id, >, 0);

  /* The customer's id is taken again meanwhile: refused, nothing changed. */
  sql = g_strdup_printf ("INSERT INTO customers (id, last_name, sort_name, created_at, updated_at)"
                         " VALUES (%" G_GINT64_FORMAT ", 'Intrus', 'intrus', '2025-01-01', '2025-01-01')", id);
  fid_test_exec_raw (path, sql);
  digest = fid_store_content_digest (store, NULL);
  g_assert_false (fid_store_restore_customer (store, trash_id, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  after = fid_store_content_digest (store, NULL);
  g_assert_cmpstr (after, ==, digest);

  /* Purging before a date keeps newer entries; without a date, all go. */
  g_assert_true (fid_store_purge_trash (store, "2000-01-01T00:00:00", &error));
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM trash"), ==, 1);
  g_assert_true (fid_store_purge_trash (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM trash"), ==, 0);
  g_assert_cmpint (count_where (path, "SELECT count(*) FROM trash_rows"), ==, 0);
  g_assert_false (fid_store_restore_customer (store, trash_id, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trash/trash-and-restore", test_trash_and_restore);
  g_test_add_func ("/trash/restore-conflict-and-purge", test_restore_conflict_and_purge);

  return g_test_run ();
}
