/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The audit trail (issue 9): rows for every kind of write, the customer
 * they concern, UPDATE and DELETE refused, the hash chain verified, and
 * each way of tampering with it (an edited row, an edited row whose hash
 * was recomputed, a removed row, removed first rows, an inserted row)
 * named by its first broken row. */

#include "config.h"

#include <inttypes.h>

#include "fid-store-audit.h"
#include "fid-store-export.h"
#include "fid-store-private.h"
#include "fid-store-workspace.h"
#include "fid-test-util.h"

static gint64
count_raw (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Runs @sql on its own connection; returns the SQLite error text, or
 * NULL when it succeeded. */
static char *
try_raw (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    result = g_strdup (message ? message : "error");
  sqlite3_free (message);
  sqlite3_close (db);
  return result;
}

static void
verify (FidStore             *store,
        FidAuditVerification *result)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fid_store_audit_verify (store, result, NULL, &error));
  g_assert_no_error (error);
}

/* A store with a few customers, an interaction, a ticket and a merge:
 * rows 1… of the log. */
static FidStore *
new_busy_store (gint64 *first_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidInteraction) interaction = fid_interaction_new ();
  g_autoptr(FidTicket) ticket = fid_ticket_new ();
  g_autoptr(FidCustomer) customer = NULL;
  FidStore *store = fid_test_new_store ();
  gint64 a, b, c;

  a = fid_test_insert (store, "Hélène", "Dupont", "Lyon");
  b = fid_test_insert (store, "Paul", "Roux", "Brest");
  c = fid_test_insert (store, "Paul", "Roux", "Brest");
  customer = fid_store_get_customer (store, a, &error);
  g_assert_no_error (error);
  fid_customer_set_email (customer, "helene@example.fr");
  g_assert_true (fid_store_update_customer (store, customer, &error));
  g_assert_no_error (error);

  fid_interaction_set_customer_id (interaction, a);
  fid_interaction_set_channel (interaction, "phone");
  fid_interaction_set_direction (interaction, "outbound");
  fid_interaction_set_at (interaction, "2025-01-02T10:00:00");
  fid_interaction_set_subject (interaction, "Bilan");
  g_assert_true (fid_store_add_interaction (store, interaction, &error));
  g_assert_no_error (error);

  fid_ticket_set_customer_id (ticket, b);
  fid_ticket_set_kind (ticket, "complaint");
  fid_ticket_set_subject (ticket, "Frais");
  g_assert_true (fid_store_add_ticket (store, ticket, &error));
  g_assert_no_error (error);

  g_assert_true (fid_store_merge_customers (store, b, c, &error));
  g_assert_no_error (error);
  *first_id = a;
  return store;
}

static void
test_rows_and_customers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  FidAuditVerification result;
  FidAuditEntry *row;
  gint64 a;
  g_autoptr(FidStore) store = new_busy_store (&a);
  const char *path = fid_store_get_path (store);

  /* create ×3, update, interaction, ticket, merge ×2 (one per customer). */
  g_assert_cmpint (count_raw (path, "SELECT count(*) FROM audit_log"), ==, 8);
  g_assert_cmpint (count_raw (path, "SELECT count(*) FROM audit_log WHERE action = 'merge'"), ==, 2);

  /* Newest first, only the customer's rows, interaction included. */
  rows = fid_store_audit_list (store, a, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = rows->pdata[0];
  g_assert_cmpstr (row->action, ==, "create");
  g_assert_cmpstr (row->entity, ==, "interaction");
  g_assert_cmpint (row->customer_id, ==, a);
  row = rows->pdata[1];
  g_assert_cmpstr (row->action, ==, "update");
  g_assert_cmpstr (row->actor, ==, g_get_user_name ());
  g_assert_true (g_str_has_suffix (row->at, ":00") || strchr (row->at, '+') || strchr (row->at + 10, '-'));
  row = rows->pdata[2];
  g_assert_cmpstr (row->action, ==, "create");
  g_assert_cmpstr (row->prev_hash, ==, FID_AUDIT_GENESIS_HASH);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Paging: the page after the newest row. */
  rows = fid_store_audit_list (store, 0, 0, 3, &error);
  g_assert_cmpuint (rows->len, ==, 3);
  {
    gint64 last = ((FidAuditEntry *) rows->pdata[2])->id;

    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = fid_store_audit_list (store, 0, last, 100, &error);
    g_assert_cmpuint (rows->len, ==, 5);
    g_assert_cmpint (((FidAuditEntry *) rows->pdata[0])->id, ==, last - 1);
  }
  g_clear_pointer (&rows, g_ptr_array_unref);

  verify (store, &result);
  g_assert_cmpint (result.broken_id, ==, 0);
  g_assert_null (result.reason);
  g_assert_cmpint (result.n_rows, ==, 8);
  rows = fid_store_audit_list (store, 0, 0, 1, &error);
  g_assert_cmpstr (result.head_hash, ==, ((FidAuditEntry *) rows->pdata[0])->hash);
  fid_audit_verification_clear (&result);
}

static void
test_append_only (void)
{
  gint64 a;
  g_autoptr(FidStore) store = new_busy_store (&a);
  const char *path = fid_store_get_path (store);
  g_autofree char *update = try_raw (path, "UPDATE audit_log SET actor = 'someone else' WHERE id = 2");
  g_autofree char *delete = try_raw (path, "DELETE FROM audit_log WHERE id = 2");
  g_autofree char *delete_all = try_raw (path, "DELETE FROM audit_log");

  g_assert_nonnull (update);
  g_assert_true (strstr (update, "append-only") != NULL);
  g_assert_nonnull (delete);
  g_assert_true (strstr (delete, "append-only") != NULL);
  g_assert_nonnull (delete_all);
  g_assert_cmpint (count_raw (path, "SELECT count(*) FROM audit_log"), ==, 8);
}

#define DROP_TRIGGERS "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"

static void
test_tamper_edit (void)
{
  FidAuditVerification result;
  gint64 a;
  g_autoptr(FidStore) store = new_busy_store (&a);
  const char *path = fid_store_get_path (store);

  /* Someone drops the triggers in the sqlite3 shell and edits row 4. */
  fid_test_exec_raw (path, DROP_TRIGGERS "UPDATE audit_log SET actor = 'nobody' WHERE id = 4");
  verify (store, &result);
  g_assert_cmpint (result.broken_id, ==, 4);
  g_assert_true (strstr (result.reason, "Row 4 was changed") != NULL);
  fid_audit_verification_clear (&result);
}

static void
test_tamper_rehashed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *sql = NULL;
  FidAuditVerification result;
  FidAuditEntry *row = NULL;
  gint64 a;
  g_autoptr(FidStore) store = new_busy_store (&a);
  const char *path = fid_store_get_path (store);

  /* A better forger recomputes the edited row's hash: the next row's link
   * no longer matches, and that row is named. */
  rows = fid_store_audit_list (store, 0, 0, 100, &error);
  for (guint i = 0; i < rows->len; i++)
    if (((FidAuditEntry *) rows->pdata[i])->id == 4)
      row = rows->pdata[i];
  g_assert_nonnull (row);
  g_free (row->actor);
  row->actor = g_strdup ("nobody");
  hash = fid_audit_entry_compute_hash (row);
  sql = g_strdup_printf (DROP_TRIGGERS "UPDATE audit_log SET actor = 'nobody', hash = '%s' WHERE id = 4", hash);
  fid_test_exec_raw (path, sql);

  verify (store, &result);
  g_assert_cmpint (result.broken_id, ==, 5);
  g_assert_true (strstr (result.reason, "does not follow row 4") != NULL);
  fid_audit_verification_clear (&result);
}

static void
test_tamper_delete (void)
{
  FidAuditVerification result;
  gint64 a;
  g_autoptr(FidStore) store = new_busy_store (&a);
  const char *path = fid_store_get_path (store);

  fid_test_exec_raw (path, DROP_TRIGGERS "DELETE FROM audit_log WHERE id = 3");
  verify (store, &result);
  g_assert_cmpint (result.broken_id, ==, 4);
  g_assert_true (strstr (result.reason, "does not follow row 2") != NULL);
  fid_audit_verification_clear (&result);

  /* The first rows removed: the new first row does not start the chain. */
  fid_test_exec_raw (path, "DELETE FROM audit_log WHERE id <= 2");
  verify (store, &result);
  g_assert_cmpint (result.broken_id, ==, 4);
  g_assert_true (strstr (result.reason, "first row") != NULL);
  fid_audit_verification_clear (&result);
}

static void
test_tamper_insert (void)
{
  FidAuditVerification result;
  gint64 a;
  g_autoptr(FidStore) store = new_busy_store (&a);
  const char *path = fid_store_get_path (store);

  /* A row slipped in between 5 and 6, copying 5's hashes. */
  fid_test_exec_raw (path, DROP_TRIGGERS
                     "UPDATE audit_log SET id = id + 100 WHERE id > 5;"
                     "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, prev_hash, hash)"
                     " SELECT 6, at, actor, 'view', entity, entity_id, prev_hash, hash FROM audit_log WHERE id = 5;");
  verify (store, &result);
  g_assert_cmpint (result.broken_id, ==, 6);
  fid_audit_verification_clear (&result);
}

static gboolean
on_row_cb (guint               n_columns,
           const char * const *names,
           const char * const *values,
           gpointer            user_data,
           GError            **error)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static void
test_export_and_actor (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FidAdvisor) advisor = NULL;
  FidAuditEntry *row;
  guint n = 0;
  gint64 a;
  g_autoptr(FidStore) store = new_busy_store (&a);
  const char *path = fid_store_get_path (store);
  FidAuditVerification result;

  fid_test_exec_raw (path, "INSERT INTO advisors (id, first_name, last_name) VALUES (7, 'Jeanne', 'Roux')");
  g_assert_true (fid_store_set_actor_advisor (store, 7, &error));
  g_assert_no_error (error);

  g_assert_true (fid_store_export_table (store, FID_EXPORT_TABLE_CUSTOMERS, on_row_cb, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  rows = fid_store_audit_list (store, 0, 0, 1, &error);
  row = rows->pdata[0];
  g_assert_cmpstr (row->action, ==, "export");
  g_assert_cmpstr (row->entity, ==, "customers");
  g_assert_cmpstr (row->actor, ==, "advisor:7 Jeanne Roux");
  g_assert_cmpstr (row->details, ==, "{\"table\": \"customers\", \"rows\": 2, \"complete\": true}");

  /* Plain-text details become JSON. */
  g_assert_true (fid_store_audit_append (store, "import", "interaction", 0, "web form: 3 rows", &error));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = fid_store_audit_list (store, 0, 0, 1, &error);
  g_assert_cmpstr (((FidAuditEntry *) rows->pdata[0])->details, ==, "{\"note\":\"web form: 3 rows\"}");

  verify (store, &result);
  g_assert_cmpint (result.broken_id, ==, 0);
  fid_audit_verification_clear (&result);
}

/* Opening a 360 view is recorded; while another program holds the write
 * lock the opening does not wait, and its row is written later. */
static void
test_views (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autofree char *path = g_strdup (fid_store_get_path (store));
  gint64 a = fid_test_insert (store, "Hélène", "Dupont", "Lyon");
  FidAuditVerification result;
  sqlite3 *other = NULL;
  gint64 started;

  g_assert_true (fid_store_audit_customer_view (store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_raw (path, "SELECT count(*) FROM audit_log WHERE action = 'view'"), ==, 1);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  started = g_get_monotonic_time ();
  g_assert_true (fid_store_audit_customer_view (store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (count_raw (path, "SELECT count(*) FROM audit_log WHERE action = 'view'"), ==, 1);

  /* The next opening writes both. */
  g_assert_true (fid_store_audit_customer_view (store, a, &error));
  g_assert_cmpint (count_raw (path, "SELECT count(*) FROM audit_log WHERE action = 'view'"), ==, 3);

  /* One queued when the store closes is written then. */
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (fid_store_audit_customer_view (store, a, &error));
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_clear_object (&store);
  g_assert_cmpint (count_raw (path, "SELECT count(*) FROM audit_log WHERE action = 'view'"), ==, 4);

  store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  rows = fid_store_audit_list (store, a, 0, 10, &error);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpint (((FidAuditEntry *) rows->pdata[0])->customer_id, ==, a);
  /* A read-only store records nothing and does not fail. */
  g_assert_true (fid_store_audit_customer_view (store, a, &error));
  verify (store, &result);
  g_assert_cmpint (result.broken_id, ==, 0);
  g_assert_cmpint (result.n_rows, ==, 5);
  fid_audit_verification_clear (&result);
}

/* The hash is the documented canonical form: pinned so that another
 * program's verifier can be written from the comment in fid-store-audit.c. */
static void
test_canonical_hash (void)
{
  FidAuditEntry entry = {
    .id = 1, .at = (char *) "2025-01-02T10:00:00+01:00", .actor = (char *) "cli:alice",
    .action = (char *) "create", .entity = (char *) "customer", .entity_id = 42, .customer_id = 42,
    .details = NULL, .prev_hash = (char *) FID_AUDIT_GENESIS_HASH,
  };
  g_autofree char *hash = fid_audit_entry_compute_hash (&entry);
  g_autofree char *expected = NULL;
  g_autoptr(GString) input = g_string_new (NULL);

  g_string_append (input, "S15:fidelis-audit-1");
  g_string_append_printf (input, "S64:%s", FID_AUDIT_GENESIS_HASH);
  g_string_append (input, "S1:1S25:2025-01-02T10:00:00+01:00S9:cli:aliceS6:createS8:customerS2:42S2:42N");
  expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, input->str, -1);
  g_assert_cmpstr (hash, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/rows-and-customers", test_rows_and_customers);
  g_test_add_func ("/audit/append-only", test_append_only);
  g_test_add_func ("/audit/tamper/edit", test_tamper_edit);
  g_test_add_func ("/audit/tamper/edit-rehashed", test_tamper_rehashed);
  g_test_add_func ("/audit/tamper/delete", test_tamper_delete);
  g_test_add_func ("/audit/tamper/insert", test_tamper_insert);
  g_test_add_func ("/audit/export-and-actor", test_export_and_actor);
  g_test_add_func ("/audit/views", test_views);
  g_test_add_func ("/audit/canonical-hash", test_canonical_hash);

  return g_test_run ();
}
