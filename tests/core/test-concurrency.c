/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Two instances on one file (issue 9, item 4): a save waits for the other
 * writer instead of failing; past the wait, the user reads what happened,
 * never SQLite's "database is locked"; and two edits of one customer are
 * caught by its row version, the second shown the conflict. */

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "fid-store.h"
#include "fid-store-error.h"
#include "fid-customer.h"
#include "fid-test-util.h"

typedef struct
{
  char   *path;
  guint   hold_ms;
  GMutex  mutex;
  GCond   cond;
  gboolean locked;
} Holder;

/* Another program: takes the write lock, holds it, commits. */
static gpointer
hold_lock (gpointer data)
{
  Holder *holder = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (holder->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; UPDATE customers SET city = city WHERE id = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_mutex_lock (&holder->mutex);
  holder->locked = TRUE;
  g_cond_signal (&holder->cond);
  g_mutex_unlock (&holder->mutex);
  g_usleep (holder->hold_ms * 1000);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return NULL;
}

static GThread *
start_holder (Holder     *holder,
              const char *path,
              guint       hold_ms)
{
  GThread *thread;

  holder->path = g_strdup (path);
  holder->hold_ms = hold_ms;
  g_mutex_init (&holder->mutex);
  g_cond_init (&holder->cond);
  thread = g_thread_new ("holder", hold_lock, holder);
  g_mutex_lock (&holder->mutex);
  while (!holder->locked)
    g_cond_wait (&holder->cond, &holder->mutex);
  g_mutex_unlock (&holder->mutex);
  return thread;
}

static void
holder_clear (Holder *holder)
{
  g_free (holder->path);
  g_mutex_clear (&holder->mutex);
  g_cond_clear (&holder->cond);
}

static void
test_save_waits_for_other_writer (void)
{
  g_autofree char *path = fid_test_tmp_path ("two.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  g_autoptr(FidCustomer) customer = NULL;
  Holder holder = { 0 };
  GThread *thread;
  gint64 started;

  g_assert_no_error (error);
  fid_test_insert (store, "Jean", "Martin", "Lyon");
  thread = start_holder (&holder, path, 1200);

  /* Blocked for the holder's 1.2 s, then saved. */
  started = g_get_monotonic_time ();
  customer = fid_test_customer ("Anne", "Dupont", "Paris");
  g_assert_true (fid_store_insert_customer (store, customer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 900 * 1000);
  g_thread_join (thread);
  holder_clear (&holder);
  g_assert_cmpint (fid_store_count_customers (store, NULL, &error), ==, 2);
}

static void
test_busy_says_what_happened (void)
{
  g_autofree char *path = fid_test_tmp_path ("busy.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  g_autoptr(FidCustomer) customer = NULL;
  Holder holder = { 0 };
  GThread *thread;

  g_assert_no_error (error);
  fid_test_insert (store, "Jean", "Martin", "Lyon");
  /* Longer than the store's 5 s wait. */
  thread = start_holder (&holder, path, 6500);
  customer = fid_test_customer ("Anne", "Dupont", "Paris");
  g_assert_false (fid_store_insert_customer (store, customer, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_BUSY);
  g_assert_null (strstr (error->message, "locked"));
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  g_thread_join (thread);
  holder_clear (&holder);
  g_clear_error (&error);
  g_assert_cmpint (fid_store_count_customers (store, NULL, &error), ==, 1);
}

static void
test_second_writer_sees_conflict (void)
{
  g_autofree char *path = fid_test_tmp_path ("conflict.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) first = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  g_autoptr(FidStore) second = NULL;
  g_autoptr(FidCustomer) mine = NULL;
  g_autoptr(FidCustomer) theirs = NULL;
  g_autoptr(FidCustomer) saved = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = fid_test_insert (first, "Jean", "Martin", "Lyon");
  second = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* Both desks open the customer; one saves a new phone number first. */
  mine = fid_store_get_customer (first, id, &error);
  theirs = fid_store_get_customer (second, id, &error);
  g_assert_no_error (error);
  fid_customer_set_phone (mine, "+33 4 72 00 00 01");
  g_assert_true (fid_store_update_customer (first, mine, &error));
  g_assert_no_error (error);

  /* The other desk's save is refused, not silently laid over it. */
  fid_customer_set_city (theirs, "Villeurbanne");
  g_assert_false (fid_store_update_customer (second, theirs, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  saved = fid_store_get_customer (second, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_customer_get_phone (saved), ==, "+33 4 72 00 00 01");
  g_assert_cmpstr (fid_customer_get_city (saved), ==, "Lyon");
}

/* Opening the bank a second time in the same process (the app does, for
 * its refresh thread and backups) must not release the first connection's
 * locks: closing any descriptor of the file drops all of the process's
 * POSIX locks on it. Without its shared lock on the database, another
 * program that opens and closes the bank believes it is the last user:
 * it checkpoints and deletes the write-ahead log under our connection,
 * and what we write next is lost. */
static int
count_rows (const char *sqlite3_path,
            const char *path)
{
  const char *argv[] = { sqlite3_path, path, "SELECT count (*) FROM customers;", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return atoi (out);
}

static void
add_customer (FidStore   *store,
              const char *name)
{
  g_autoptr(FidCustomer) customer = fid_customer_new ();
  g_autoptr(GError) error = NULL;

  fid_customer_set_last_name (customer, name);
  g_assert_true (fid_store_insert_customer (store, customer, &error));
  g_assert_no_error (error);
}

static void
test_second_open_keeps_locks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("bank.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(FidStore) first = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  g_autoptr(FidStore) second = NULL;
  g_autofree char *sqlite3_path = g_find_program_in_path ("sqlite3");

  g_assert_no_error (error);
  if (sqlite3_path == NULL)
    {
      g_test_skip ("the sqlite3 command is not installed");
      return;
    }
  add_customer (first, "Premier");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  second = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* Another program reads and closes: it must see that we still use the
   * bank and leave the log alone. */
  g_assert_cmpint (count_rows (sqlite3_path, path), ==, 1);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* And what we write next is in the file for everyone. */
  add_customer (first, "Second");
  g_assert_cmpint (count_rows (sqlite3_path, path), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/concurrency/save-waits-for-other-writer", test_save_waits_for_other_writer);
  g_test_add_func ("/concurrency/busy-says-what-happened", test_busy_says_what_happened);
  g_test_add_func ("/concurrency/second-writer-sees-conflict", test_second_writer_sees_conflict);
  g_test_add_func ("/concurrency/second-open-keeps-locks", test_second_open_keeps_locks);

  return g_test_run ();
}
