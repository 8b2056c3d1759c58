/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GDPR (issue 9): the access export holds every table that names the
 * customer; erasure is refused while anti-money-laundering rules keep the
 * records, with the reason, and anonymisation is applied instead; an
 * erasure leaves no trace of the values in the file or its WAL, whatever
 * the connection's secure_delete setting was. */

#include "config.h"

#include <inttypes.h>
#include <json-glib/json-glib.h>

#include "fid-store-audit.h"
#include "fid-store-gdpr.h"
#include "fid-store-private.h"
#include "fid-test-util.h"

/* A customer (id 1) with rows in every table that names a customer, a
 * household shared with customer 2, and a survey answered by both.
 * Dates relative to today: @last_tx_years_ago is the age of the last
 * transaction; @stage the lifecycle stage; @open_contract whether the
 * account is still open. */
static FidStore *
new_customer_store (const char *stage,
                    int         last_tx_years_ago,
                    gboolean    open_contract)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last = g_date_time_add_years (now, -last_tx_years_ago);
  g_autofree char *last_day = g_date_time_format (last, "%Y-%m-%d");
  g_autofree char *sql = NULL;
  FidStore *store = fid_test_new_store ();

  sql = g_strdup_printf (
    "INSERT INTO branches (id, code, name, city) VALUES (1, 'LYS', 'Lyon Saxe', 'Lyon');"
    "INSERT INTO advisors (id, branch_id, first_name, last_name) VALUES (1, 1, 'Élodie', 'Martin');"
    "INSERT INTO households (id, name, created_at) VALUES (1, 'Famille Zyxwvutsrq', '2019-03-01');"
    "INSERT INTO customers (id, first_name, last_name, sort_name, birth_date, email, phone, address, postcode,"
    " city, household_id, household_role, advisor_id, branch_id, lifecycle_stage, annual_income_cents,"
    " created_at, updated_at) VALUES"
    " (1, 'Hélène', 'Zyxwvutsrq', 'zyxwvutsrq helene', '1980-02-29', 'zyxwvutsrq@example.fr', '06 99 88 77 66',"
    "  '3 rue Qwertzuiop', '69003', 'Lyon', 1, 'head', 1, 1, '%s', 4200000, '2015-01-01', '2015-01-01'),"
    " (2, 'Paul', 'Dupont', 'dupont paul', NULL, NULL, NULL, NULL, NULL, 'Lyon', 1, 'partner', 1, 1,"
    "  'satisfied', NULL, '2015-01-01', '2015-01-01');"
    "INSERT INTO consents (customer_id, channel, marketing, given_at, source) VALUES"
    " (1, 'email', 1, '2019-03-01T09:00:00', 'branch'), (1, 'sms', 0, '2020-05-02T12:00:00', 'web form');"
    "INSERT INTO products (id, code, name, family) VALUES (1, 'CC', 'Compte courant', 'current_account');"
    "INSERT INTO holdings (customer_id, product_id, opened_on, closed_on, balance_cents) VALUES"
    " (1, 1, '2015-01-01', %s, 152000);"
    "INSERT INTO transactions (customer_id, date, amount_cents, margin_cents, product_family) VALUES"
    " (1, '2014-06-01', 1000, 10, 'card'), (1, '%s', 2000, 20, 'current_account');"
    "INSERT INTO campaigns (id, name, created_at) VALUES (1, 'Printemps', '2024-01-01');"
    "INSERT INTO campaign_targets (campaign_id, customer_id, grp) VALUES (1, 1, 'test');"
    "INSERT INTO campaigns (id, name, created_at) VALUES (2, 'Automne', '2024-09-01');"
    "INSERT INTO campaign_exclusions (campaign_id, customer_id, reason) VALUES (2, 1, 'consent');"
    "INSERT INTO interactions (customer_id, channel, direction, at, advisor_id, subject, notes, details) VALUES"
    " (1, 'email', 'outbound', '2024-01-02T10:00:00', 1, 'Bilan Zyxwvutsrq', 'Projet Qwertzuiop',"
    "  '{\"to\": \"zyxwvutsrq@example.fr\"}');"
    "INSERT INTO tickets (customer_id, kind, subject, description, opened_at) VALUES"
    " (1, 'complaint', 'Frais Zyxwvutsrq', 'Prélevés deux fois', '2024-02-01T09:30:00');"
    "INSERT INTO life_events (customer_id, kind, occurred_on, notes) VALUES (1, 'move', '2023-09-01', 'Qwertzuiop');"
    "INSERT INTO opportunities (customer_id, product_id, created_at) VALUES (1, 1, '2024-01-02');"
    "INSERT INTO nbo_dismissals (customer_id, product_id, dismissed_at, actor) VALUES (1, 1, '2024-01-03', 'cli');"
    "INSERT INTO surveys (id, kind, title, created_at) VALUES (1, 'nps', 'Satisfaction', '2024-01-01');"
    "INSERT INTO survey_items (id, survey_id, position, label) VALUES (1, 1, 1, 'Recommanderiez-vous ?');"
    "INSERT INTO survey_responses (id, survey_id, customer_id, respondent, answered_at) VALUES"
    " (1, 1, 1, 'zyxwvutsrq@example.fr', '2024-01-20T18:00:00'), (2, 1, 2, NULL, '2024-01-21T18:00:00');"
    "INSERT INTO survey_answers (response_id, item_id, part, value) VALUES (1, 1, 'score', 9), (2, 1, 'score', 4);"
    "INSERT INTO segment_snapshots (scheme, taken_on, customer_id, segment) VALUES ('rfm', '2024-01-31', 1, 'Champions');"
    "INSERT INTO customer_territories (customer_id, territory_id, nearest_branch_id, branch_distance_m)"
    " VALUES (1, NULL, 1, 812.5);"
    "INSERT INTO loyalty_members (customer_id, joined_on) VALUES (1, '2015-01-01');"
    "INSERT INTO points_ledger (customer_id, points, reason, source_kind, source_id, posted_on)"
    " VALUES (1, 100, 'product opened', 'holding', 1, '2015-01-01');"
    "INSERT INTO redemptions (id, customer_id, reward_id, points, redeemed_at)"
    " VALUES (1, 1, 1, 100, '2016-01-01T10:00:00');"
    "INSERT INTO points_ledger (customer_id, points, reason, source_kind, source_id, posted_on)"
    " VALUES (1, -100, 'One month without account fees', 'redemption', 1, '2016-01-01');",
    stage, open_contract ? "NULL" : "'2015-06-01'", last_day);
  fid_test_exec_raw (fid_store_get_path (store), sql);
  return store;
}

static JsonObject *
export_json (FidStore *store,
             gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  GBytes *bytes;

  g_assert_true (fid_store_export_customer_json (store, id, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  g_bytes_unref (bytes);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Where each table that names a customer appears in the export. */
static const struct
{
  const char *table;
  const char *key;
} exported_tables[] = {
  { "consents", "consents" },
  { "customer_stats", "statistics" },
  { "holdings", "holdings" },
  { "transactions", "transactions" },
  { "campaign_targets", "campaigns" },
  { "campaign_exclusions", "campaign_exclusions" },
  { "interactions", "interactions" },
  { "tickets", "tickets" },
  { "life_events", "life_events" },
  { "opportunities", "opportunities" },
  { "nbo_dismissals", "dismissed_offers" },
  { "survey_responses", "survey_responses" },
  { "segment_snapshots", "segments" },
  { "customer_territories", "territory" },
  { "loyalty_members", "loyalty_membership" },
  { "points_ledger", "points_ledger" },
  { "redemptions", "rewards_redeemed" },
  { "audit_log", "audit" },
};

static void
test_export_every_table (void)
{
  g_autoptr(FidStore) store = new_customer_store ("satisfied", 1, TRUE);
  g_autoptr(JsonObject) root = NULL;
  JsonObject *customer, *household, *consent, *response, *interaction;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  fid_store_audit_customer_view (store, 1, NULL);
  root = export_json (store, 1);

  /* Every table with a customer_id column is exported (the analysis
   * cache's change list is bookkeeping, not data about the person). */
  g_assert_cmpint (sqlite3_open (fid_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT m.name FROM sqlite_master m, pragma_table_info (m.name) p"
                                       " WHERE m.type = 'table' AND p.name = 'customer_id' ORDER BY 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *key = NULL;

      if (g_str_equal (table, "analytics_dirty"))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (exported_tables); i++)
        if (g_str_equal (table, exported_tables[i].table))
          key = exported_tables[i].key;
      if (key == NULL)
        g_error ("table %s names a customer but is not in the GDPR export (fid-store-gdpr.c)", table);
      g_assert_true (json_object_has_member (root, key));
      if (JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, key)))
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, key)), >, 0);
      else
        g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, key)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  customer = json_object_get_object_member (root, "customer");
  g_assert_cmpstr (json_object_get_string_member (customer, "last_name"), ==, "Zyxwvutsrq");
  g_assert_cmpstr (json_object_get_string_member (customer, "advisor"), ==, "Élodie Martin");
  g_assert_cmpint (json_object_get_int_member (customer, "annual_income_cents"), ==, 4200000);
  /* The household, but not the other member's data. */
  household = json_object_get_object_member (root, "household");
  g_assert_cmpstr (json_object_get_string_member (household, "name"), ==, "Famille Zyxwvutsrq");
  g_assert_cmpint (json_object_get_int_member (household, "members"), ==, 2);
  g_assert_false (strstr (json_to_string (json_object_get_member (root, "household"), FALSE), "Paul") != NULL);
  /* Consents per channel with their date and source. */
  consent = json_array_get_object_element (json_object_get_array_member (root, "consents"), 1);
  g_assert_cmpstr (json_object_get_string_member (consent, "channel"), ==, "sms");
  g_assert_cmpint (json_object_get_int_member (consent, "marketing"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (consent, "given_at"), ==, "2020-05-02T12:00:00");
  g_assert_cmpstr (json_object_get_string_member (consent, "source"), ==, "web form");
  /* Nested data stays structured. */
  interaction = json_array_get_object_element (json_object_get_array_member (root, "interactions"), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (interaction, "details"), "to"),
                   ==, "zyxwvutsrq@example.fr");
  response = json_array_get_object_element (json_object_get_array_member (root, "survey_responses"), 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (response, "answers")), ==, 1);
  /* Only this customer's answers. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "survey_responses")), ==, 1);

  /* The export itself is audited (after the view). */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = fid_store_audit_list (store, 1, 0, 10, &error);

    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpstr (((FidAuditEntry *) rows->pdata[0])->action, ==, "export");
    g_assert_cmpstr (((FidAuditEntry *) rows->pdata[1])->action, ==, "view");
  }
  json_object_unref (g_steal_pointer (&root));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

    g_assert_false (fid_store_export_customer_json (store, 77, stream, NULL, &error));
    g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  }
}

static void
test_retention (void)
{
  g_autoptr(GError) error = NULL;
  FidRetention retention;

  /* Still a customer. */
  {
    g_autoptr(FidStore) store = new_customer_store ("satisfied", 1, FALSE);

    g_assert_true (fid_store_get_retention (store, 1, NULL, &retention, &error));
    g_assert_cmpint (retention.kind, ==, FID_RETENTION_ACTIVE);
    g_assert_true (strstr (retention.reason, "still active") != NULL);
    fid_retention_clear (&retention);
  }
  /* Lost, but the account is still open. */
  {
    g_autoptr(FidStore) store = new_customer_store ("lost", 7, TRUE);

    g_assert_true (fid_store_get_retention (store, 1, NULL, &retention, &error));
    g_assert_cmpint (retention.kind, ==, FID_RETENTION_ACTIVE);
    g_assert_cmpint (retention.n_open_holdings, ==, 1);
    fid_retention_clear (&retention);
  }
  /* Lost two years ago: kept three more years. */
  {
    g_autoptr(FidStore) store = new_customer_store ("lost", 2, FALSE);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) until = g_date_time_add_years (now, 3);
    g_autofree char *expected = g_date_time_format (until, "%Y-%m-%d");

    g_assert_true (fid_store_get_retention (store, 1, NULL, &retention, &error));
    g_assert_cmpint (retention.kind, ==, FID_RETENTION_RECENT);
    g_assert_cmpstr (retention.kept_until, ==, expected);
    fid_retention_clear (&retention);
    /* Five years on, the records may go. */
    {
      g_autoptr(GDateTime) later = g_date_time_add_years (now, 4);
      g_autofree char *day = g_date_time_format (later, "%Y-%m-%d");

      g_assert_true (fid_store_get_retention (store, 1, day, &retention, &error));
      g_assert_cmpint (retention.kind, ==, FID_RETENTION_NONE);
      fid_retention_clear (&retention);
    }
  }
  /* A prospect without any financial record. */
  {
    g_autoptr(FidStore) store = fid_test_new_store ();
    gint64 id = fid_test_insert (store, "Léa", "Blanc", "Nice");

    g_assert_true (fid_store_get_retention (store, id, NULL, &retention, &error));
    g_assert_cmpint (retention.kind, ==, FID_RETENTION_NONE);
    g_assert_null (retention.reason);
    fid_retention_clear (&retention);
  }
}

static gint64
count_raw (FidStore   *store,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open (fid_store_get_path (store), &db), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Whether @needle (case-insensitive ASCII) occurs in the database file or
 * its WAL: what a disk image would show. */
static gboolean
file_contains (FidStore   *store,
               const char *needle)
{
  const char * const suffixes[] = { "", "-wal", NULL };
  gsize needle_len = strlen (needle);

  for (guint s = 0; suffixes[s] != NULL; s++)
    {
      g_autofree char *path = g_strconcat (fid_store_get_path (store), suffixes[s], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      for (gsize i = 0; i + needle_len <= length; i++)
        if (g_ascii_strncasecmp (contents + i, needle, needle_len) == 0)
          return TRUE;
    }
  return FALSE;
}

static void
test_erase_refused_then_anonymised (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = new_customer_store ("lost", 2, FALSE);
  g_autoptr(FidCustomer) customer = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *digest = fid_store_content_digest (store, NULL);
  g_autofree char *after = NULL;
  FidAuditVerification result;

  g_assert_false (fid_store_erase_customer (store, 1, FID_ERASURE_DELETE, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_RETENTION);
  g_test_message ("%s", error->message);
  g_assert_true (strstr (error->message, "anti-money-laundering") != NULL);
  g_assert_true (strstr (error->message, "Anonymise") != NULL);
  g_assert_true (strstr (error->message, "are kept until") != NULL);
  g_clear_error (&error);
  after = fid_store_content_digest (store, NULL);
  g_assert_cmpstr (after, ==, digest);

  g_assert_true (fid_store_erase_customer (store, 1, FID_ERASURE_ANONYMISE, &error));
  g_assert_no_error (error);

  customer = fid_store_get_customer (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_customer_get_first_name (customer), ==, "");
  g_assert_cmpstr (fid_customer_get_last_name (customer), ==, "Anonymised customer 1");
  g_assert_null (fid_customer_get_email (customer));
  g_assert_null (fid_customer_get_phone (customer));
  g_assert_null (fid_customer_get_birth_date (customer));
  g_assert_null (fid_customer_get_address (customer));
  /* Financial records kept; marketing data and texts gone. */
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM transactions WHERE customer_id = 1"), ==, 2);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM holdings WHERE customer_id = 1"), ==, 1);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM consents WHERE customer_id = 1"), ==, 0);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM life_events WHERE customer_id = 1"), ==, 0);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM interactions WHERE customer_id = 1"
                                     " AND notes = '' AND subject = '' AND details IS NULL"), ==, 1);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM survey_responses WHERE customer_id IS NULL"
                                     " AND respondent IS NULL"), ==, 1);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM survey_answers"), ==, 2);
  /* The household lost this member only. */
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM households"), ==, 1);
  /* The search no longer finds the name. */
  rows = fid_store_search_customers (store, "zyxw", 10, &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Nothing of the person is left on disk but the household's name, which
   * the other member still has. */
  g_assert_false (file_contains (store, "zyxwvutsrq@"));
  g_assert_false (file_contains (store, "qwertzuiop"));
  g_assert_false (file_contains (store, "06 99 88 77 66"));

  rows = fid_store_audit_list (store, 1, 0, 1, &error);
  g_assert_cmpstr (((FidAuditEntry *) rows->pdata[0])->action, ==, "anonymise");
  g_assert_true (fid_store_audit_verify (store, &result, NULL, &error));
  g_assert_cmpint (result.broken_id, ==, 0);
  fid_audit_verification_clear (&result);
}

static void
test_erase (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = new_customer_store ("lost", 6, FALSE);
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3 *db = fid_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int secure_delete = -1;

  /* The connection had secure delete off (another build's default): the
   * erasure turns it on for itself, and gives it back as it was. */
  g_assert_true (fid_store_exec (store, "PRAGMA secure_delete = OFF", &error));
  g_assert_true (file_contains (store, "zyxwvutsrq"));

  g_assert_true (fid_store_erase_customer (store, 1, FID_ERASURE_DELETE, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM customers WHERE id = 1"), ==, 0);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM transactions"), ==, 0);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM interactions"), ==, 0);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM consents"), ==, 0);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM survey_responses WHERE respondent IS NOT NULL"), ==, 0);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM survey_answers"), ==, 2);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM customers"), ==, 1);

  /* Not a byte of it left, nor in the search index or the WAL. */
  g_assert_false (file_contains (store, "zyxwvutsrq@"));
  g_assert_false (file_contains (store, "qwertzuiop"));
  g_assert_false (file_contains (store, "06 99 88 77 66"));
  g_assert_false (file_contains (store, "hélène") && file_contains (store, "1980-02-29"));

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA secure_delete", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  secure_delete = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (secure_delete, ==, 0);

  rows = fid_store_audit_list (store, 1, 0, 1, &error);
  g_assert_cmpstr (((FidAuditEntry *) rows->pdata[0])->action, ==, "erase");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Erasing the last member of a household takes its (family) name. */
  g_assert_true (fid_store_erase_customer (store, 2, FID_ERASURE_ANONYMISE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM households"), ==, 0);
  g_assert_false (file_contains (store, "zyxwvutsrq"));
}

/* Without the erasure's precautions, the same values would be found: the
 * check above is not vacuous. */
static void
test_plain_delete_leaves_traces (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = new_customer_store ("lost", 6, FALSE);

  g_assert_true (fid_store_exec (store, "PRAGMA secure_delete = OFF", &error));
  g_assert_true (fid_store_delete_customer (store, 1, &error));
  g_assert_true (file_contains (store, "qwertzuiop"));
}

static void
test_erase_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = new_customer_store ("satisfied", 0, TRUE);

  g_assert_false (fid_store_erase_customer (store, 1, FID_ERASURE_DELETE, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_RETENTION);
  g_assert_true (strstr (error->message, "still active (1 open contract)") != NULL);
  g_clear_error (&error);
  g_assert_false (fid_store_erase_customer (store, 99, FID_ERASURE_ANONYMISE, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gdpr/export-every-table", test_export_every_table);
  g_test_add_func ("/gdpr/retention", test_retention);
  g_test_add_func ("/gdpr/erase-refused-then-anonymised", test_erase_refused_then_anonymised);
  g_test_add_func ("/gdpr/erase", test_erase);
  g_test_add_func ("/gdpr/plain-delete-leaves-traces", test_plain_delete_leaves_traces);
  g_test_add_func ("/gdpr/erase-refusals", test_erase_refusals);

  return g_test_run ();
}
