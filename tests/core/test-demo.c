/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The demo bank generator: deterministic, plausible, and all-or-nothing on
 * disk. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "fid-bulk-loader.h"
#include "fid-demo.h"
#include "fid-store.h"
#include "fid-timeline-entry.h"

#define N_CUSTOMERS 300
#define SEED        42

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fidelis-demo-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tmp_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

/* Writes a bank around @reference (NULL: the default date) and returns
 * its content digest. */
static char *
write_bank_on (const char *dir,
               const char *name,
               guint       n_customers,
               guint64     seed,
               GDate      *reference)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(FidDemo) demo = fid_demo_new (n_customers, seed);
  g_autoptr(FidStore) store = NULL;
  char *digest;
  gboolean ok;

  if (reference != NULL)
    fid_demo_set_reference_date (demo, reference);
  ok = fid_demo_write (demo, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  digest = fid_store_content_digest (store, &error);
  g_assert_no_error (error);
  return digest;
}

static char *
write_bank (const char *dir,
            const char *name,
            guint       n_customers,
            guint64     seed)
{
  return write_bank_on (dir, name, n_customers, seed, NULL);
}

static void
test_demo_deterministic (void)
{
  g_autoptr(GDate) default_day = g_date_new_dmy (30, G_DATE_JUNE, 2026);
  g_autoptr(GDate) other_day = g_date_new_dmy (31, G_DATE_DECEMBER, 2030);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *first = write_bank (dir, "a.fidelis", N_CUSTOMERS, SEED);
  g_autofree char *second = write_bank (dir, "b.fidelis", N_CUSTOMERS, SEED);
  g_autofree char *other_seed = write_bank (dir, "c.fidelis", N_CUSTOMERS, SEED + 1);
  g_autofree char *same_day = write_bank_on (dir, "d.fidelis", N_CUSTOMERS, SEED, default_day);
  g_autofree char *other_date = write_bank_on (dir, "e.fidelis", N_CUSTOMERS, SEED, other_day);

  /* Same seed and size: the same bank, whatever the day it is made. */
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, ==, same_day);
  /* Another seed, or another reference date: another bank. */
  g_assert_cmpstr (first, !=, other_seed);
  g_assert_cmpstr (first, !=, other_date);
  remove_tmp_dir (dir);
}

/* The rows @sql returns, one line each, columns separated by "|"; read
 * through a connection of our own, not the store's. */
static char *
query_lines (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);

          g_string_append_printf (out, "%s%s", c > 0 ? "|" : "", text != NULL ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* Every schema object's SQL, by name. */
static char *
schema_of (const char *path)
{
  return query_lines (path, "SELECT name, sql FROM sqlite_master ORDER BY name");
}

/* The schema of a store just created: what the migrations make. */
static char *
fresh_schema (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "fresh.fidelis", NULL);
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  return schema_of (path);
}

/* Compares two listings line by line, naming the first line that differs
 * rather than printing both whole. */
static void
assert_same_lines (const char *actual,
                   const char *expected)
{
  g_auto(GStrv) a = g_strsplit (actual, "\n", -1);
  g_auto(GStrv) e = g_strsplit (expected, "\n", -1);

  for (guint i = 0; a[i] != NULL || e[i] != NULL; i++)
    {
      g_assert_cmpstr (a[i], ==, e[i]);
      if (a[i] == NULL)
        break;
    }
}

/* A file the bulk loader wrote is sound: SQLite's checks pass, the stored
 * aggregates match the transactions, and the schema is exactly a fresh
 * store's (the fresh-file load drops triggers and indexes and makes them
 * again). */
static void
assert_sound (const char *dir,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
  g_autofree char *integrity = NULL;
  g_autofree char *foreign_keys = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *expected_schema = NULL;
  gint64 n_wrong = -1;

  g_assert_no_error (error);
  g_assert_true (fid_store_check_aggregates (store, &n_wrong, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_wrong, ==, 0);
  g_clear_object (&store);

  integrity = query_lines (path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok\n");
  foreign_keys = query_lines (path, "PRAGMA foreign_key_check");
  g_assert_cmpstr (foreign_keys, ==, "");
  schema = schema_of (path);
  expected_schema = fresh_schema (dir);
  assert_same_lines (schema, expected_schema);
}

static void
test_demo_sound (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *digest = write_bank (dir, "bank.fidelis", N_CUSTOMERS, SEED);
  g_autofree char *path = g_build_filename (dir, "bank.fidelis", NULL);

  assert_sound (dir, path);
  remove_tmp_dir (dir);
}

/* The same rows through a default loader (every trigger, row by row) and a
 * fresh-file one (customer_stats recomputed at the commit). */
static char *
bulk_load (const char         *dir,
           const char         *name,
           FidBulkLoaderFlags  flags)
{
  static const char * const statuses[] = { "done", "planned", "failed", "done", "done" };
  static const char * const ats[] = {
    "2026-04-01T10:00:00", "2026-07-01T09:30:00", "2026-05-02T11:00:00",
    "2026-02-01T16:45:00", "2025-12-24T08:00:00",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  g_autoptr(FidBulkLoader) loader = NULL;
  FidBulkCustomer customers[4] = { { 0, } };
  FidBulkTransaction transactions[45];
  gint64 ids[4];
  char dates[45][11];
  char *digest;

  g_assert_no_error (error);
  loader = fid_bulk_loader_new_full (store, flags, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    {
      customers[i].last_name = "Martin";
      customers[i].first_name = i % 2 ? "Hélène" : "Louis";
      customers[i].lifecycle_stage = "satisfied";
      customers[i].latitude = customers[i].longitude = NAN;
      customers[i].created_at = "2024-01-02T09:00:00";
    }
  g_assert_true (fid_bulk_loader_add_customers (loader, customers, G_N_ELEMENTS (customers), ids, &error));
  g_assert_no_error (error);

  /* Customer 1: dates out of order, one by one and in a batch; customer 2:
   * one transaction; customer 3: none; customer 4: more than one INSERT's
   * worth. */
  g_assert_cmpint (fid_bulk_loader_add_transaction (loader, ids[0], "2026-03-01", 12000, 3000, "card", "card",
                                                    &error), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (transactions); i++)
    {
      FidBulkTransaction *row = &transactions[i];

      g_snprintf (dates[i], sizeof dates[i], "20%02u-%02u-%02u", 25 - i % 2, 1 + (i * 7) % 12, 1 + (i * 5) % 28);
      row->customer_id = i < 3 ? ids[0] : i < 4 ? ids[1] : ids[3];
      row->date = dates[i];
      row->amount_cents = 1000 + 37 * i;
      row->margin_cents = 100 + i;
      row->product_family = "savings";
      row->channel = NULL;
    }
  g_assert_true (fid_bulk_loader_add_transactions (loader, transactions, 40, &error));
  g_assert_no_error (error);

  /* A checkpoint in the middle: what was dropped stays dropped until the
   * end. */
  g_assert_true (fid_bulk_loader_checkpoint (loader, &error));
  g_assert_no_error (error);

  /* Contacts: only those that took place count, the newest of them, in
   * whatever order they come. Customer 2 has only a planned one. */
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      FidBulkInteraction row = { 0, };

      row.customer_id = ids[0];
      row.channel = "phone";
      row.direction = "outbound";
      row.at = ats[i];
      row.status = statuses[i];
      g_assert_cmpint (fid_bulk_loader_add_interaction (loader, &row, &error), >, 0);
      g_assert_no_error (error);
    }
  {
    FidBulkInteraction row = { 0, };

    row.customer_id = ids[1];
    row.channel = "branch";
    row.direction = "inbound";
    row.at = "2026-06-01T10:00:00";
    row.status = "planned";
    g_assert_cmpint (fid_bulk_loader_add_interaction (loader, &row, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_true (fid_bulk_loader_add_transactions (loader, transactions + 40, 5, &error));
  g_assert_no_error (error);

  g_assert_true (fid_bulk_loader_commit (loader, &error));
  g_assert_no_error (error);
  g_clear_object (&loader);

  {
    g_autoptr(FidCustomer) first = fid_store_get_customer (store, ids[0], &error);
    g_autoptr(FidCustomer) second = fid_store_get_customer (store, ids[1], &error);

    g_assert_no_error (error);
    g_assert_cmpint (fid_customer_get_tx_count (first), ==, 4);
    g_assert_cmpstr (fid_customer_get_first_tx_date (first), ==, "2024-08-06");
    g_assert_cmpstr (fid_customer_get_last_tx_date (first), ==, "2026-03-01");
    g_assert_cmpstr (fid_customer_get_last_contact_at (first), ==, "2026-04-01T10:00:00");
    g_assert_cmpstr (fid_customer_get_last_contact_at (second), ==, "");
  }

  digest = fid_store_content_digest (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  assert_sound (dir, path);
  return digest;
}

static void
test_demo_fresh_file_load (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *row_by_row = bulk_load (dir, "default.fidelis", FID_BULK_LOADER_DEFAULT);
  g_autofree char *fresh = bulk_load (dir, "fresh-file.fidelis", FID_BULK_LOADER_FRESH_FILE);

  g_assert_cmpstr (fresh, ==, row_by_row);
  remove_tmp_dir (dir);
}

static int
compare_gint64_desc (gconstpointer a,
                     gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x < y) - (x > y);
}

static gint64
table_count (GArray             *counts,
             const char * const *names,
             const char         *table)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], table))
      return g_array_index (counts, gint64, i);
  g_assert_not_reached ();
  return -1;
}

static void
test_demo_plausible (void)
{
  static const char * const channels[] = { "phone", "email", "sms", "branch", "web", "mail" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *digest = write_bank (dir, "bank.fidelis", N_CUSTOMERS, SEED);
  g_autofree char *path = g_build_filename (dir, "bank.fidelis", NULL);
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GArray) revenue = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen_channels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(FidCustomerCursor) cursor = NULL;
  const char * const *names = NULL;
  gint64 total = 0, top = 0, n_transactions;
  guint n_top;

  g_assert_no_error (error);
  counts = fid_store_count_rows (store, &names, &error);
  g_assert_no_error (error);

  /* Every table the generator fills has rows (segment snapshots and the
   * audit log are the application's to write). */
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "segment_snapshots") || g_str_equal (names[i], "audit_log"))
        continue;
      if (g_array_index (counts, gint64, i) <= 0)
        g_error ("table %s is empty", names[i]);
    }
  g_assert_cmpint (table_count (counts, names, "customers"), ==, N_CUSTOMERS);
  g_assert_cmpint (table_count (counts, names, "customer_stats"), ==, N_CUSTOMERS);
  g_assert_cmpint (fid_store_count_customers (store, NULL, &error), ==, N_CUSTOMERS);
  g_assert_no_error (error);
  /* About twenty transactions per customer. */
  n_transactions = table_count (counts, names, "transactions");
  g_assert_cmpint (n_transactions, >, 12 * N_CUSTOMERS);
  g_assert_cmpint (n_transactions, <, 30 * N_CUSTOMERS);

  /* Revenue by customer, through the listing sorted by revenue: every
   * customer is listed (the listing joins customer_stats). */
  for (;;)
    {
      g_autoptr(GPtrArray) page = fid_store_list_customers (store, NULL, FID_CUSTOMER_SORT_REVENUE,
                                                            cursor, 100, &error);

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        {
          gint64 sum = fid_customer_get_tx_sum_cents (g_ptr_array_index (page, i));

          g_array_append_val (revenue, sum);
          g_assert_cmpint (sum, >=, 0);
        }
      g_clear_pointer (&cursor, fid_customer_cursor_free);
      cursor = fid_customer_cursor_new_for (FID_CUSTOMER_SORT_REVENUE,
                                            g_ptr_array_index (page, page->len - 1));
    }
  g_assert_cmpuint (revenue->len, ==, N_CUSTOMERS);

  /* Pareto: the top tenth of customers hold most, but not all, revenue. */
  g_array_sort (revenue, compare_gint64_desc);
  n_top = revenue->len / 10;
  for (guint i = 0; i < revenue->len; i++)
    {
      gint64 sum = g_array_index (revenue, gint64, i);

      total += sum;
      if (i < n_top)
        top += sum;
    }
  g_assert_cmpint (total, >, 0);
  g_test_message ("top 10%% of customers hold %.1f %% of revenue", 100.0 * top / total);
  g_assert_cmpfloat ((double) top / total, >=, 0.50);
  g_assert_cmpfloat ((double) top / total, <=, 0.80);

  /* Every channel appears in the customers' timelines. */
  for (gint64 id = 1; id <= N_CUSTOMERS; id++)
    {
      g_autoptr(GPtrArray) timeline = fid_store_get_timeline (store, id, NULL, 200, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < timeline->len; i++)
        {
          FidTimelineEntry *entry = g_ptr_array_index (timeline, i);
          const char *channel = fid_timeline_entry_get_channel (entry);

          if (g_strcmp0 (fid_timeline_entry_get_kind (entry), "interaction") == 0 && channel != NULL)
            g_hash_table_add (seen_channels, (gpointer) g_intern_string (channel));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (!g_hash_table_contains (seen_channels, channels[i]))
      g_error ("no interaction on channel %s", channels[i]);

  g_clear_object (&store);
  remove_tmp_dir (dir);
}

static void
test_demo_refuses_existing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "taken.fidelis", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(FidDemo) demo = fid_demo_new (50, SEED);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "not a bank", -1, NULL));

  g_assert_false (fid_demo_write (demo, path, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  /* Nothing changed: the file is as it was and no partial file appeared. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not a bank");
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  remove_tmp_dir (dir);
}

typedef struct
{
  GCancellable *cancellable;
  guint         n_calls;
} CancelData;

static void
cancel_on_progress (double      fraction,
                    const char *stage,
                    gpointer    user_data)
{
  CancelData *data = user_data;

  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_nonnull (stage);
  /* Cancel once generation is under way, not before it starts. */
  if (++data->n_calls == 3)
    g_cancellable_cancel (data->cancellable);
}

static void
test_demo_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "cancelled.fidelis", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(FidDemo) demo = fid_demo_new (5000, SEED);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelData data = { cancellable, 0 };

  g_assert_false (fid_demo_write (demo, path, cancellable, cancel_on_progress, &data, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (data.n_calls, >=, 3);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  remove_tmp_dir (dir);
}

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GError       *error;
  GThread      *main_thread;
  guint         n_progress;
  double        last_fraction;
  gboolean      destroyed;
  gboolean      cancel;
} AsyncData;

static void
async_progress (double      fraction,
                const char *stage,
                gpointer    user_data)
{
  AsyncData *data = user_data;

  /* Delivered in the caller's context, never in the worker thread. */
  g_assert_true (g_thread_self () == data->main_thread);
  data->n_progress++;
  data->last_fraction = fraction;
  if (data->cancel && data->n_progress == 2)
    g_cancellable_cancel (data->cancellable);
}

static void
async_progress_destroy (gpointer user_data)
{
  AsyncData *data = user_data;

  data->destroyed = TRUE;
}

static void
async_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncData *data = user_data;

  fid_demo_write_finish (FID_DEMO (object), result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
run_async (FidDemo    *demo,
           const char *path,
           AsyncData  *data)
{
  fid_demo_write_async (demo, path, data->cancellable, async_progress, data, async_progress_destroy,
                        async_done, data);
  g_main_loop_run (data->loop);
  /* The progress data is released in this context once the last update
   * has been delivered. */
  while (!data->destroyed)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_demo_async (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "async.fidelis", NULL);
  g_autofree char *cancelled = g_build_filename (dir, "cancelled.fidelis", NULL);
  g_autofree char *partial = g_strconcat (cancelled, ".partial", NULL);
  g_autoptr(FidDemo) demo = fid_demo_new (200, SEED);
  g_autoptr(FidDemo) big = fid_demo_new (20000, SEED);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncData done = { loop, NULL, NULL, g_thread_self (), 0, 0.0, FALSE, FALSE };
  AsyncData stopped = { loop, cancellable, NULL, g_thread_self (), 0, 0.0, FALSE, TRUE };
  g_autofree char *expected = write_bank (dir, "sync.fidelis", 200, SEED);
  g_autoptr(FidStore) store = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(GError) error = NULL;

  run_async (demo, path, &done);
  g_assert_no_error (done.error);
  g_assert_cmpuint (done.n_progress, >=, 1);
  g_assert_cmpfloat (done.last_fraction, ==, 1.0);

  /* The same bank as the synchronous writer. */
  store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  digest = fid_store_content_digest (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (digest, ==, expected);
  g_clear_object (&store);

  /* Cancelled from the progress callback, in the caller's thread. */
  run_async (big, cancelled, &stopped);
  g_assert_error (stopped.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&stopped.error);
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  remove_tmp_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/demo/plausible", test_demo_plausible);
  g_test_add_func ("/demo/sound", test_demo_sound);
  g_test_add_func ("/demo/fresh-file-load", test_demo_fresh_file_load);
  g_test_add_func ("/demo/refuses-existing", test_demo_refuses_existing);
  g_test_add_func ("/demo/cancel", test_demo_cancel);
  g_test_add_func ("/demo/async", test_demo_async);

  return g_test_run ();
}
