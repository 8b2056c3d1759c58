/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Backup and restore (issue 9): a backup taken while other connections
 * write is one consistent snapshot and never blocks them; a restore
 * refuses a damaged, foreign, newer or tampered file and then changes
 * nothing; a good one brings the data back (and upgrades an older one);
 * the automatic backups keep one a day and the newest N. */

#include "config.h"

#include <inttypes.h>

#include "fid-store-audit.h"
#include "fid-store-backup.h"
#include "fid-test-util.h"

/* Enough rows for a file of a few thousand pages: the backup copies it
 * in several steps. */
static const char bulk_sql[] =
  "WITH RECURSIVE n (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 30000)"
  " INSERT INTO customers (first_name, last_name, sort_name, city, address, created_at, updated_at)"
  " SELECT 'F' || x, 'L' || x, 'l' || x, 'Lyon', hex (randomblob (300)), '2020-01-01', '2020-01-01' FROM n;";

static gint64
count_customers (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM customers", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

typedef struct
{
  char          *path;
  volatile gint  stop;
  gint           written;
} Writer;

/* Another program writing as fast as it can while the backup runs. */
static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (writer->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  while (!g_atomic_int_get (&writer->stop))
    {
      int rc = sqlite3_exec (db, "INSERT INTO customers (first_name, last_name, sort_name, city, created_at,"
                                 " updated_at) VALUES ('W', 'Writer', 'writer w', 'Brest', '2025-01-01',"
                                 " '2025-01-01')", NULL, NULL, NULL);

      g_assert_cmpint (rc, ==, SQLITE_OK);
      g_atomic_int_inc (&writer->written);
      g_usleep (2000);
    }
  sqlite3_close (db);
  return NULL;
}

typedef struct
{
  Writer  *writer;
  gint64   last_done;
  guint    n_calls;
  int      written_at_first_step;
  gboolean went_back;
} Progress;

static void
on_progress (gint64   done,
             gint64   total,
             gpointer user_data)
{
  Progress *progress = user_data;

  /* The writer's commits between two steps must not restart the copy. */
  if (done < progress->last_done)
    progress->went_back = TRUE;
  progress->last_done = done;
  if (progress->n_calls++ == 0)
    progress->written_at_first_step = g_atomic_int_get (&progress->writer->written);
  /* Give the writer time to commit between steps. */
  g_usleep (30000);
}

static void
test_backup_while_writing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(FidStore) copy = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *dest = fid_test_tmp_path ("backup.db");
  g_autofree char *wal = g_strconcat (dest, "-wal", NULL);
  Writer writer = { 0, };
  Progress progress = { &writer, 0, 0, 0, FALSE };
  FidBackupInfo info = { 0, };
  GThread *thread;
  gint64 before, in_backup;

  fid_test_exec_raw (fid_store_get_path (store), bulk_sql);
  before = count_customers (fid_store_get_path (store));

  writer.path = g_strdup (fid_store_get_path (store));
  thread = g_thread_new ("writer", writer_thread, &writer);
  while (g_atomic_int_get (&writer.written) < 3)
    g_usleep (1000);

  g_assert_true (fid_store_backup (store, dest, on_progress, &progress, NULL, &error));
  g_assert_no_error (error);
  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);

  /* Several steps, never restarted, and the writer kept writing. */
  g_assert_cmpuint (progress.n_calls, >=, 2);
  g_assert_false (progress.went_back);
  g_assert_cmpint (writer.written, >, progress.written_at_first_step);
  g_test_message ("%u steps, %d rows written meanwhile", progress.n_calls, writer.written);

  /* One snapshot: at least the rows there before the backup began, none
   * of those written after its first step, and a self-contained file. */
  in_backup = count_customers (dest);
  g_assert_cmpint (in_backup, >=, before);
  g_assert_cmpint (in_backup, <=, before + progress.written_at_first_step);
  g_assert_cmpint (count_customers (fid_store_get_path (store)), ==, before + writer.written);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_true (fid_store_restore_check (dest, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.schema_version, ==, fid_store_get_latest_schema_version ());
  g_assert_cmpint (info.n_customers, ==, in_backup);
  g_assert_nonnull (info.taken_at);
  g_assert_true (g_str_has_suffix (info.source_path, "bank.db"));
  fid_backup_info_clear (&info);

  /* The backup is in the audit log. */
  rows = fid_store_audit_list (store, 0, 0, 1, &error);
  g_assert_cmpstr (((FidAuditEntry *) rows->pdata[0])->action, ==, "backup");
  g_assert_true (strstr (((FidAuditEntry *) rows->pdata[0])->details, "\"file\": \"backup.db\"") != NULL);

  g_free (writer.path);
}

static void
test_backup_cancelled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dest = fid_test_tmp_path ("backup.db");
  g_autofree char *partial = g_strconcat (dest, ".partial", NULL);
  g_autofree char *digest = NULL;

  fid_test_insert (store, "Hélène", "Dupont", "Lyon");
  g_assert_true (g_file_set_contents (dest, "previous backup", -1, NULL));
  digest = fid_test_file_digest (dest);
  g_cancellable_cancel (cancellable);
  g_assert_false (fid_store_backup (store, dest, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  {
    g_autofree char *after = fid_test_file_digest (dest);

    g_assert_cmpstr (after, ==, digest);
  }
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* And never onto itself. */
  g_assert_false (fid_store_backup (store, fid_store_get_path (store), NULL, NULL, NULL, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_FAILED);
}

static char *
make_backup (FidStore *store)
{
  g_autoptr(GError) error = NULL;
  char *dest = fid_test_tmp_path ("backup.db");

  g_assert_true (fid_store_backup (store, dest, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return dest;
}

static void
overwrite (const char *path,
           goffset     offset,
           const char *bytes,
           gsize       length)
{
  FILE *file = fopen (path, "r+b");

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (bytes, 1, length, file), ==, length);
  fclose (file);
}

static void
assert_restore_refused (FidStore   *store,
                        const char *backup,
                        GQuark      domain,
                        int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digest_before = fid_store_content_digest (store, NULL);
  g_autofree char *digest_after = NULL;

  g_assert_false (fid_store_restore_check (backup, NULL, NULL, &error));
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (fid_store_restore (store, backup, NULL, NULL, NULL, &error));
  g_assert_error (error, domain, code);
  digest_after = fid_store_content_digest (store, NULL);
  g_assert_cmpstr (digest_after, ==, digest_before);
}

static void
test_restore_refusals (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autofree char *backup = NULL;
  g_autofree char *text = fid_test_tmp_path ("notes.txt");
  g_autofree char *garbage = g_malloc (4096);
  sqlite3 *db = NULL;

  fid_test_exec_raw (fid_store_get_path (store), bulk_sql);
  fid_test_insert (store, "Hélène", "Dupont", "Lyon");

  /* A page in the middle overwritten: integrity_check finds it. */
  backup = make_backup (store);
  memset (garbage, 0x5a, 4096);
  overwrite (backup, 4096 * 40, garbage, 4096);
  assert_restore_refused (store, backup, FID_STORE_ERROR, FID_STORE_ERROR_CORRUPT);
  g_clear_pointer (&backup, g_free);

  /* Truncated. */
  backup = make_backup (store);
  g_assert_cmpint (truncate (backup, 4096 * 30), ==, 0);
  assert_restore_refused (store, backup, FID_STORE_ERROR, FID_STORE_ERROR_CORRUPT);
  g_clear_pointer (&backup, g_free);

  /* Not SQLite at all. */
  g_assert_true (g_file_set_contents (text, "name,city\nDupont,Lyon\n", -1, NULL));
  assert_restore_refused (store, text, FID_STORE_ERROR, FID_STORE_ERROR_NOT_A_DATABASE);

  /* From a newer Fidelis. */
  backup = make_backup (store);
  fid_test_exec_raw (backup, "PRAGMA user_version = 99");
  assert_restore_refused (store, backup, FID_STORE_ERROR, FID_STORE_ERROR_NEWER_SCHEMA);
  g_clear_pointer (&backup, g_free);

  /* Its audit trail edited behind the store's back. */
  backup = make_backup (store);
  fid_test_exec_raw (backup, "DROP TRIGGER audit_log_no_update;"
                             " UPDATE audit_log SET actor = 'nobody' WHERE id = 1");
  assert_restore_refused (store, backup, FID_STORE_ERROR, FID_STORE_ERROR_CORRUPT);
  g_clear_pointer (&backup, g_free);

  /* Rows pointing nowhere. */
  backup = make_backup (store);
  g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO transactions (customer_id, date, amount_cents, product_family)"
                                     " VALUES (999999, '2024-01-01', 100, 'card')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_restore_refused (store, backup, FID_STORE_ERROR, FID_STORE_ERROR_CORRUPT);
  g_clear_pointer (&backup, g_free);

  /* The database itself. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (fid_store_restore (store, fid_store_get_path (store), NULL, NULL, NULL, &error));
    g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_FAILED);
  }
}

static void
test_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(FidStore) other = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *head_before = NULL;
  FidAuditVerification result;
  FidAuditEntry *last;

  fid_test_insert (store, "Hélène", "Dupont", "Lyon");
  fid_test_insert (store, "Paul", "Roux", "Brest");
  backup = make_backup (store);
  digest = fid_store_content_digest (store, &error);

  /* Later changes, seen by a second connection too. */
  other = fid_store_open (fid_store_get_path (store), FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fid_test_insert (store, "Anne", "Martin", "Paris");
  g_assert_true (fid_store_delete_customer (store, 1, &error));
  rows = fid_store_audit_list (store, 0, 0, 1, &error);
  head_before = g_strdup (((FidAuditEntry *) rows->pdata[0])->hash);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (fid_store_restore (store, backup, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  restored = fid_store_content_digest (store, &error);
  g_assert_cmpstr (restored, ==, digest);

  /* The other connection sees the restored data at once. */
  found = fid_store_search_customers (other, "hel", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = fid_store_search_customers (other, "anne", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);

  /* The restore is the last row, naming what it replaced; the chain holds. */
  rows = fid_store_audit_list (store, 0, 0, 1, &error);
  last = rows->pdata[0];
  g_assert_cmpstr (last->action, ==, "restore");
  g_assert_cmpstr (last->entity, ==, "database");
  g_assert_true (strstr (last->details, head_before) != NULL);
  g_assert_true (fid_store_audit_verify (store, &result, NULL, &error));
  g_assert_cmpint (result.broken_id, ==, 0);
  fid_audit_verification_clear (&result);

  /* Writing goes on as usual. */
  fid_test_insert (store, "Zoé", "Petit", "Nantes");
}

/* A backup of an older schema: restored, then upgraded. */
static void
test_restore_older (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(FidCustomer) customer = NULL;
  g_autofree char *old = fid_test_tmp_path ("v1.db");
  g_autofree char *schema = NULL;
  g_autofree char *sql = NULL;
  const char *schema_path = g_test_get_filename (G_TEST_DIST, "..", "data", "sql", "001-initial.sql", NULL);
  FidBackupInfo info = { 0, };

  g_assert_true (g_file_get_contents (schema_path, &schema, NULL, &error));
  sql = g_strconcat ("BEGIN;", schema, "PRAGMA user_version = 1;"
                     "INSERT INTO customers (id, first_name, last_name, sort_name, city, created_at, updated_at)"
                     " VALUES (5, 'Léa', 'Blanc', 'blanc lea', 'Nice', '2020-01-01', '2020-01-01');"
                     "INSERT INTO audit_log (at, actor, action, entity, entity_id) VALUES"
                     " ('2020-01-01T10:00:00', 'fidelis', 'create', 'customer', 5);"
                     "COMMIT;", NULL);
  fid_test_exec_raw (old, sql);

  g_assert_true (fid_store_restore_check (old, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.schema_version, ==, 1);
  g_assert_null (info.taken_at);
  fid_backup_info_clear (&info);

  fid_test_insert (store, "Hélène", "Dupont", "Lyon");
  g_assert_true (fid_store_restore (store, old, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fid_store_get_schema_version (store), ==, fid_store_get_latest_schema_version ());
  customer = fid_store_get_customer (store, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_customer_get_city (customer), ==, "Nice");
  {
    FidAuditVerification result;

    g_assert_true (fid_store_audit_verify (store, &result, NULL, &error));
    g_assert_cmpint (result.broken_id, ==, 0);
    g_assert_cmpint (result.n_rows, ==, 2);
    fid_audit_verification_clear (&result);
  }
}

static void
test_rotate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autofree char *dir = fid_test_tmp_path ("backups");
  g_autofree char *written = NULL;
  g_autofree char *today = NULL;
  g_autofree char *today_name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char * const others[] = { "bank-2-2020-01-01.db", "other-2020-01-01.db", "bank-notes.txt", NULL };
  guint n_bank = 0;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint d = 1; d <= 5; d++)
    {
      g_autofree char *fake = g_strdup_printf ("%s/bank-2020-01-0%u.db", dir, d);

      g_assert_true (g_file_set_contents (fake, "old", -1, NULL));
    }
  for (guint i = 0; others[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, others[i], NULL);

      g_assert_true (g_file_set_contents (path, "not ours", -1, NULL));
    }

  /* 0: automatic backups are off. */
  g_assert_true (fid_store_backup_rotate (store, dir, 0, &written, NULL, &error));
  g_assert_null (written);

  g_assert_true (fid_store_backup_rotate (store, dir, 3, &written, NULL, &error));
  g_assert_no_error (error);
  today = g_date_time_format (now, "%Y-%m-%d");
  today_name = g_strdup_printf ("bank-%s.db", today);
  g_assert_nonnull (written);
  g_assert_true (g_str_has_suffix (written, today_name));
  g_assert_true (fid_store_restore_check (written, NULL, NULL, &error));

  /* Today's and the two newest old ones stay; other files are not touched. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "bank-20"))
      n_bank++;
  g_assert_cmpuint (n_bank, ==, 3);
  for (guint d = 1; d <= 5; d++)
    {
      g_autofree char *fake = g_strdup_printf ("%s/bank-2020-01-0%u.db", dir, d);

      g_assert_cmpint (g_file_test (fake, G_FILE_TEST_EXISTS), ==, d >= 4);
    }
  for (guint i = 0; others[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, others[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* Once a day. */
  g_clear_pointer (&written, g_free);
  g_assert_true (fid_store_backup_rotate (store, dir, 3, &written, NULL, &error));
  g_assert_null (written);

  /* A smaller number keeps fewer. */
  g_assert_true (fid_store_backup_rotate (store, dir, 1, &written, NULL, &error));
  {
    g_autofree char *fake = g_strdup_printf ("%s/bank-2020-01-05.db", dir);

    g_assert_false (g_file_test (fake, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/while-writing", test_backup_while_writing);
  g_test_add_func ("/backup/cancelled", test_backup_cancelled);
  g_test_add_func ("/backup/restore-refusals", test_restore_refusals);
  g_test_add_func ("/backup/restore", test_restore);
  g_test_add_func ("/backup/restore-older", test_restore_older);
  g_test_add_func ("/backup/rotate", test_rotate);

  return g_test_run ();
}
