/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Segment snapshots (issue 5): saving, replacing, listing and deleting
 * them, the migration matrix between two of them, the members of a
 * segment or of a migration cell, a customer's latest segments, and the
 * errors of bad input. Fixtures are written with SQL of their own
 * (fid-test-util.h); results are compared with counts worked out by
 * hand. */

#include "config.h"

#include <gio/gio.h>

#include "fid-test-util.h"
#include "fid-store-segments.h"

#define JAN "2026-01-31"
#define JUN "2026-06-30"

static const char * const rfm_keys[] = { "champions", "loyal", "lost", "new", NULL };
enum { CHAMPIONS, LOYAL, LOST, NEW };

/* A store with customers 1..@n (raw rows: the snapshots' foreign key needs
 * them, nothing else does). */
static FidStore *
new_store (guint n)
{
  FidStore *store = fid_test_new_store ();
  g_autofree char *sql = g_strdup_printf (
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
    " INSERT INTO customers (id, last_name, sort_name, created_at, updated_at)"
    " SELECT i, 'Client ' || i, 'client ' || i, '2020-01-01T09:00:00', '2020-01-01T09:00:00' FROM n", n);

  fid_test_exec_raw (fid_store_get_path (store), sql);
  return store;
}

static void
save (FidStore     *store,
      const char   *scheme,
      const char   *taken_on,
      const gint64 *ids,
      const guint8 *segments,
      gsize         n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fid_store_save_snapshot (store, scheme, taken_on, 365, "{\"window_days\": 365}",
                                          ids, segments, rfm_keys, n, NULL, &error));
  g_assert_no_error (error);
}

/* Snapshot A (January): 1..8. Snapshot B (June): 3..10.
 *   1 champions → (gone)     6 lost → lost
 *   2 champions → (gone)     7 lost → loyal
 *   3 champions → champions  8 new → new
 *   4 loyal → champions      9 (new) → new
 *   5 loyal → loyal         10 (new) → champions */
static const gint64 jan_ids[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
static const guint8 jan_segments[] = { CHAMPIONS, CHAMPIONS, CHAMPIONS, LOYAL, LOYAL, LOST, LOST, NEW };
static const gint64 jun_ids[] = { 3, 4, 5, 6, 7, 8, 9, 10 };
static const guint8 jun_segments[] = { CHAMPIONS, CHAMPIONS, LOYAL, LOST, LOYAL, NEW, NEW, CHAMPIONS };

static void
save_fixture (FidStore *store)
{
  save (store, "rfm", JAN, jan_ids, jan_segments, G_N_ELEMENTS (jan_ids));
  save (store, "rfm", JUN, jun_ids, jun_segments, G_N_ELEMENTS (jun_ids));
}

static gint64
count_raw (FidStore   *store,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_open (fid_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static char *
ids_text (GArray *ids)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  return g_string_free (out, FALSE);
}

static char *
members (FidStore   *store,
         const char *taken_on,
         const char *segment,
         const char *to_taken_on,
         const char *to_segment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = fid_store_list_snapshot_members (store, "rfm", taken_on, segment,
                                                            to_taken_on, to_segment, &error);

  g_assert_no_error (error);
  return ids_text (ids);
}

static void
test_save_list_delete (void)
{
  g_autoptr(FidStore) store = new_store (10);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) rfm = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *champions = NULL;
  static const gint64 abc_ids[] = { 2, 1 };
  static const guint8 abc_segments[] = { 1, 0 };
  static const gint64 replaced_ids[] = { 9, 1, 5 };
  static const guint8 replaced_segments[] = { NEW, CHAMPIONS, NEW };
  FidSnapshotInfo *info;

  save_fixture (store);
  save (store, "abc", JUN, abc_ids, abc_segments, G_N_ELEMENTS (abc_ids));

  /* Newest first, then by scheme. */
  all = fid_store_list_snapshots (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  info = g_ptr_array_index (all, 0);
  g_assert_cmpstr (info->scheme, ==, "abc");
  g_assert_cmpstr (info->taken_on, ==, JUN);
  g_assert_cmpint (info->n_customers, ==, 2);
  info = g_ptr_array_index (all, 1);
  g_assert_cmpstr (info->scheme, ==, "rfm");
  g_assert_cmpstr (info->taken_on, ==, JUN);
  info = g_ptr_array_index (all, 2);
  g_assert_cmpstr (info->taken_on, ==, JAN);
  g_assert_cmpint (info->n_customers, ==, 8);
  g_assert_cmpuint (info->window_days, ==, 365);
  g_assert_cmpstr (info->parameters, ==, "{\"window_days\": 365}");
  g_assert_nonnull (info->created_at);
  g_assert_cmpuint (strlen (info->created_at), ==, 19);

  rfm = fid_store_list_snapshots (store, "rfm", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rfm->len, ==, 2);
  none = fid_store_list_snapshots (store, "frat", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* Ids in any order come back ascending. */
  champions = members (store, JUN, "champions", NULL, NULL);
  g_assert_cmpstr (champions, ==, "3,4,10");
  g_clear_pointer (&champions, g_free);
  {
    g_autoptr(GArray) ids = fid_store_list_snapshot_members (store, "abc", JUN, rfm_keys[0], NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
  }

  /* Saving again under the same scheme and date replaces the snapshot. */
  save (store, "rfm", JUN, replaced_ids, replaced_segments, G_N_ELEMENTS (replaced_ids));
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM segment_snapshots WHERE taken_on = '" JUN "'"
                                     " AND scheme = 'rfm'"), ==, 3);
  champions = members (store, JUN, "champions", NULL, NULL);
  g_assert_cmpstr (champions, ==, "1");
  g_clear_pointer (&champions, g_free);
  champions = members (store, JUN, "new", NULL, NULL);
  g_assert_cmpstr (champions, ==, "5,9");
  g_clear_pointer (&champions, g_free);

  /* Every save and delete leaves a line in the audit log. */
  g_assert_true (fid_store_delete_snapshot (store, "rfm", JAN, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM audit_log WHERE entity = 'segment_snapshot'"
                                     " AND action = 'save'"), ==, 4);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM audit_log WHERE entity = 'segment_snapshot'"
                                     " AND action = 'delete'"), ==, 1);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM segment_snapshots WHERE taken_on = '" JAN "'"), ==, 0);
  after = fid_store_list_snapshots (store, "rfm", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (((FidSnapshotInfo *) g_ptr_array_index (after, 0))->taken_on, ==, JUN);

  /* What is gone cannot be deleted again. */
  g_assert_false (fid_store_delete_snapshot (store, "rfm", JAN, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
}

static guint64
cell (FidMigration *m,
      const char   *from,
      const char   *to)
{
  guint n_to = g_strv_length (m->to_keys);
  int row = -1, column = -1;

  for (guint i = 0; m->from_keys[i] != NULL; i++)
    if (g_str_equal (m->from_keys[i], from))
      row = (int) i;
  for (guint i = 0; m->to_keys[i] != NULL; i++)
    if (g_str_equal (m->to_keys[i], to))
      column = (int) i;
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpint (column, >=, 0);
  return m->counts[row * n_to + column];
}

static void
test_migration (void)
{
  static const char * const keys[] = { "champions", "lost", "loyal", "new", "", NULL };
  g_autoptr(FidStore) store = new_store (10);
  g_autoptr(GError) error = NULL;
  g_autoptr(FidMigration) m = NULL;
  g_autoptr(FidMigration) same = NULL;
  guint64 total = 0;

  save_fixture (store);
  m = fid_store_compute_migration (store, "rfm", JAN, JUN, &error);
  g_assert_no_error (error);

  /* Keys in alphabetical order, "" (absent) last, on both sides. */
  g_assert_true (g_strv_equal ((const char * const *) m->from_keys, keys));
  g_assert_true (g_strv_equal ((const char * const *) m->to_keys, keys));

  g_assert_cmpuint (cell (m, "champions", "champions"), ==, 1);   /* 3 */
  g_assert_cmpuint (cell (m, "champions", ""), ==, 2);            /* 1, 2 left */
  g_assert_cmpuint (cell (m, "loyal", "champions"), ==, 1);       /* 4 */
  g_assert_cmpuint (cell (m, "loyal", "loyal"), ==, 1);           /* 5 */
  g_assert_cmpuint (cell (m, "lost", "lost"), ==, 1);             /* 6 */
  g_assert_cmpuint (cell (m, "lost", "loyal"), ==, 1);            /* 7 */
  g_assert_cmpuint (cell (m, "new", "new"), ==, 1);               /* 8 */
  g_assert_cmpuint (cell (m, "", "new"), ==, 1);                  /* 9 entered */
  g_assert_cmpuint (cell (m, "", "champions"), ==, 1);            /* 10 entered */
  g_assert_cmpuint (cell (m, "", ""), ==, 0);
  for (guint i = 0; i < 25; i++)
    total += m->counts[i];
  g_assert_cmpuint (total, ==, 10);

  /* 3..8 are in both; 3, 5, 6 and 8 kept their segment: 4 of 6 stayed. */
  g_assert_cmpuint (m->in_both, ==, 6);
  g_assert_cmpuint (m->stayed, ==, 4);

  /* A snapshot against itself: everyone stays, nothing is absent. */
  same = fid_store_compute_migration (store, "rfm", JUN, JUN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (same->in_both, ==, 8);
  g_assert_cmpuint (same->stayed, ==, 8);
  g_assert_cmpuint (g_strv_length (same->from_keys), ==, 4);

  /* Against a snapshot that does not exist. */
  g_assert_null (fid_store_compute_migration (store, "rfm", JAN, "2026-03-31", &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (fid_store_compute_migration (store, "abc", JAN, JUN, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
}

static void
test_migration_empty_snapshot (void)
{
  g_autoptr(FidStore) store = new_store (10);
  g_autoptr(GError) error = NULL;
  g_autoptr(FidMigration) m = NULL;
  static const char * const gone[] = { "champions", "lost", "loyal", "new", NULL };
  static const char * const absent[] = { "", NULL };

  /* An empty snapshot is a snapshot: everyone of January left. */
  save (store, "rfm", JAN, jan_ids, jan_segments, G_N_ELEMENTS (jan_ids));
  save (store, "rfm", JUN, NULL, NULL, 0);
  m = fid_store_compute_migration (store, "rfm", JAN, JUN, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char * const *) m->from_keys, gone));
  g_assert_true (g_strv_equal ((const char * const *) m->to_keys, absent));
  g_assert_cmpuint (cell (m, "champions", ""), ==, 3);
  g_assert_cmpuint (m->in_both, ==, 0);
  g_assert_cmpuint (m->stayed, ==, 0);
}

static void
test_members (void)
{
  g_autoptr(FidStore) store = new_store (10);
  g_autoptr(GError) error = NULL;
  struct {
    const char *taken_on, *segment, *to_taken_on, *to_segment, *expected;
  } cases[] = {
    { JAN, "champions", NULL, NULL, "1,2,3" },
    { JUN, "champions", NULL, NULL, "3,4,10" },
    { JAN, "champions", JUN, "champions", "3" },
    { JAN, "champions", JUN, "", "1,2" },        /* left before June */
    { JAN, "loyal", JUN, "champions", "4" },
    { JAN, "lost", JUN, "loyal", "7" },
    { JAN, "new", JUN, "champions", "" },
    { JAN, "nobody", NULL, NULL, "" },
  };

  save_fixture (store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = members (store, cases[i].taken_on, cases[i].segment,
                                      cases[i].to_taken_on, cases[i].to_segment);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }

  /* "" is the absent side of a migration, not a segment to list. */
  g_assert_null (fid_store_list_snapshot_members (store, "rfm", JAN, "", NULL, NULL, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_null (fid_store_list_snapshot_members (store, "rfm", "2025-12-31", "champions", NULL, NULL, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (fid_store_list_snapshot_members (store, "rfm", JAN, "champions", "2026-13-01", "loyal", &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE);
}

static void
test_customer_segments (void)
{
  g_autoptr(FidStore) store = new_store (10);
  g_autoptr(GError) error = NULL;
  static const gint64 abc_ids[] = { 4 };
  static const guint8 abc_segments[] = { 2 };
  g_autoptr(GPtrArray) four = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) nobody = NULL;
  FidCustomerSegment *segment;

  save_fixture (store);
  /* An older ABC snapshot: the latest of each scheme is what counts. */
  save (store, "abc", "2025-12-31", abc_ids, abc_segments, 1);

  four = fid_store_list_customer_segments (store, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (four->len, ==, 2);
  segment = g_ptr_array_index (four, 0);
  g_assert_cmpstr (segment->scheme, ==, "abc");
  g_assert_cmpstr (segment->taken_on, ==, "2025-12-31");
  g_assert_cmpstr (segment->segment, ==, "lost");
  segment = g_ptr_array_index (four, 1);
  g_assert_cmpstr (segment->scheme, ==, "rfm");
  g_assert_cmpstr (segment->taken_on, ==, JUN);
  g_assert_cmpstr (segment->segment, ==, "champions");   /* loyal in January */

  /* Only in January's snapshot: January's segment is their latest. */
  one = fid_store_list_customer_segments (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);
  segment = g_ptr_array_index (one, 0);
  g_assert_cmpstr (segment->taken_on, ==, JAN);
  g_assert_cmpstr (segment->segment, ==, "champions");

  nobody = fid_store_list_customer_segments (store, 42, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nobody->len, ==, 0);
}

static void
assert_save_fails (FidStore           *store,
                   const char         *scheme,
                   const char         *taken_on,
                   const char         *parameters,
                   const gint64       *ids,
                   const guint8       *segments,
                   const char * const *keys,
                   gsize               n,
                   GQuark              domain,
                   int                 code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (fid_store_save_snapshot (store, scheme, taken_on, 365, parameters, ids, segments, keys,
                                           n, NULL, &error));
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
}

static void
test_validation (void)
{
  static const char * const empty_key[] = { "champions", "", NULL };
  static const gint64 ids[] = { 1, 2, 3 };
  static const guint8 segments[] = { 0, 1, 4 };   /* 4: past the last key */
  static const guint8 good[] = { 0, 1, 2 };
  static const gint64 twice[] = { 3, 1, 3 };
  g_autoptr(FidStore) store = new_store (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GQuark v = FID_VALIDATION_ERROR;

  assert_save_fails (store, "", JUN, NULL, ids, good, rfm_keys, 3, v, FID_VALIDATION_ERROR_INVALID_VALUE);
  assert_save_fails (store, "  ", JUN, NULL, ids, good, rfm_keys, 3, v, FID_VALIDATION_ERROR_INVALID_VALUE);
  assert_save_fails (store, NULL, JUN, NULL, ids, good, rfm_keys, 3, v, FID_VALIDATION_ERROR_INVALID_VALUE);
  assert_save_fails (store, "rfm", "2026-02-30", NULL, ids, good, rfm_keys, 3, v, FID_VALIDATION_ERROR_INVALID_DATE);
  assert_save_fails (store, "rfm", "2026-6-30", NULL, ids, good, rfm_keys, 3, v, FID_VALIDATION_ERROR_INVALID_DATE);
  assert_save_fails (store, "rfm", NULL, NULL, ids, good, rfm_keys, 3, v, FID_VALIDATION_ERROR_INVALID_DATE);
  assert_save_fails (store, "rfm", JUN, NULL, ids, segments, rfm_keys, 3, v, FID_VALIDATION_ERROR_INVALID_VALUE);
  assert_save_fails (store, "rfm", JUN, NULL, ids, good, empty_key, 3, v, FID_VALIDATION_ERROR_INVALID_VALUE);
  assert_save_fails (store, "rfm", JUN, NULL, twice, good, rfm_keys, 3, v, FID_VALIDATION_ERROR_INVALID_VALUE);
  assert_save_fails (store, "rfm", JUN, "{not json", ids, good, rfm_keys, 3, v, FID_VALIDATION_ERROR_INVALID_VALUE);
  assert_save_fails (store, "rfm", JUN, "[1, 2]", ids, good, rfm_keys, 3, v, FID_VALIDATION_ERROR_INVALID_VALUE);

  /* Nothing was written, not even an audit line. */
  list = fid_store_list_snapshots (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM segment_snapshots"), ==, 0);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM audit_log WHERE entity = 'segment_snapshot'"), ==, 0);

  g_assert_false (fid_store_delete_snapshot (store, "", JUN, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_null (fid_store_compute_migration (store, "rfm", "yesterday", JUN, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE);
}

static void
test_failed_save_keeps_previous (void)
{
  g_autoptr(FidStore) store = new_store (2000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree gint64 *ids = g_new (gint64, 1200);
  g_autofree guint8 *segments = g_new0 (guint8, 1200);

  save (store, "rfm", JUN, jun_ids, jun_segments, G_N_ELEMENTS (jun_ids));
  before = members (store, JUN, "champions", NULL, NULL);

  /* More than two batches of rows; the last id is no customer, so the
   * failure comes after the old rows were deleted and most new ones
   * written: all of it is rolled back. */
  for (guint i = 0; i < 1200; i++)
    ids[i] = i + 1;
  ids[1199] = 99999;
  g_assert_false (fid_store_save_snapshot (store, "rfm", JUN, 365, NULL, ids, segments, rfm_keys, 1200,
                                           NULL, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* Cancelled: nothing written either. */
  ids[1199] = 1200;
  g_cancellable_cancel (cancellable);
  g_assert_false (fid_store_save_snapshot (store, "rfm", JUN, 365, NULL, ids, segments, rfm_keys, 1200,
                                           cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  after = members (store, JUN, "champions", NULL, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM segment_snapshots"), ==, 8);
  list = fid_store_list_snapshots (store, "rfm", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((FidSnapshotInfo *) g_ptr_array_index (list, 0))->n_customers, ==, 8);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM audit_log WHERE entity = 'segment_snapshot'"), ==, 1);

  /* And the store still writes: the same rows with a valid last id. */
  g_assert_true (fid_store_save_snapshot (store, "rfm", JUN, 365, NULL, ids, segments, rfm_keys, 1200,
                                          NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_raw (store, "SELECT count(*) FROM segment_snapshots"), ==, 1200);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/segments/save-list-delete", test_save_list_delete);
  g_test_add_func ("/segments/migration", test_migration);
  g_test_add_func ("/segments/migration-empty-snapshot", test_migration_empty_snapshot);
  g_test_add_func ("/segments/members", test_members);
  g_test_add_func ("/segments/customer-segments", test_customer_segments);
  g_test_add_func ("/segments/validation", test_validation);
  g_test_add_func ("/segments/failed-save-keeps-previous", test_failed_save_keeps_previous);
  return g_test_run ();
}
