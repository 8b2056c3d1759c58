/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fid-bench: the data path of the account manager's workspace (issue 3),
 * timed on a demo bank, each figure next to the same work done as plain
 * SQL through the sqlite3 C API (the "sqlite3" peer), so that the ratio
 * shows what the store's layer costs on top of SQLite.
 *
 *   fid-bench --db FILE [NAME…]
 *
 * Prints one line per figure and peer (DESIGN.md §7):
 *   BENCH <name> <value> <unit> [peer=<peer> peer_value=<value> ratio=<peer/ours>]
 *
 * Figures: customer360 (p50, p99), search (p50, p99), list_first_page,
 * list_peak_rss, revenue_12m_refresh. NAME selects groups by prefix
 * ("customer360", "search", "list", "revenue"). Both sides start from a
 * fresh connection and use different random samples of the same size, so
 * neither warms SQLite's cache for the other. */

#include "config.h"

#include <glib.h>
#include <malloc.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fid-store-export.h"
#include "fid-store-workspace.h"
#include "fid-text.h"

#define N_SAMPLES       1000
#define SEARCH_LIMIT    50
#define TIMELINE_PAGE   50
#define LIST_PAGE       256
#define FIRST_PAGE_RUNS 21

static const char *db_path;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *samples,
            double  p)
{
  guint index;

  g_array_sort (samples, compare_doubles);
  index = (guint) (p * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, index);
}

static void
report (const char *name,
        double      ours,
        const char *unit,
        double      peer)
{
  if (peer >= 0)
    printf ("BENCH %s %.3g %s peer=sqlite3 peer_value=%.3g ratio=%.2f\n",
            name, ours, unit, peer, ours > 0 ? peer / ours : 0.0);
  else
    printf ("BENCH %s %.3g %s\n", name, ours, unit);
  fflush (stdout);
}

static FidStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  FidStore *store = fid_store_open (db_path, FID_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

static sqlite3 *
open_peer (void)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    g_error ("cannot open %s: %s", db_path, sqlite3_errmsg (db));
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static sqlite3_stmt *
peer_prepare (sqlite3    *db,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    g_error ("peer SQL: %s\n%s", sqlite3_errmsg (db), sql);
  return stmt;
}

/* Steps @stmt to the end, touching every column as an application would
 * (copying text into a buffer), and returns the row count. */
static guint
peer_drain (sqlite3_stmt *stmt)
{
  char buffer[256];
  guint n = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, c);

          if (text != NULL)
            g_strlcpy (buffer, (const char *) text, sizeof buffer);
        }
      n++;
    }
  sqlite3_reset (stmt);
  return n;
}

static gint64
max_customer_id (void)
{
  sqlite3 *db = open_peer ();
  sqlite3_stmt *stmt = peer_prepare (db, "SELECT max (id) FROM customers");
  gint64 max = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    max = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return max;
}

/* customer360 -------------------------------------------------------------- */

/* What the 360 page loads when it opens: the customer (with names and
 * aggregates), products held, household members, the first timeline page
 * and the tickets. */
static void
load_360 (FidStore *store,
          gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidCustomer) customer = fid_store_get_customer (store, id, &error);
  g_autoptr(GPtrArray) holdings = NULL;
  g_autoptr(GPtrArray) household = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) tickets = NULL;

  if (customer == NULL)
    return;
  holdings = fid_store_get_holdings (store, id, &error);
  household = fid_store_get_household_members (store, id, &error);
  timeline = fid_store_get_timeline_filtered (store, id, NULL, NULL, NULL, TIMELINE_PAGE, &error);
  tickets = fid_store_list_customer_tickets (store, id, &error);
  if (error != NULL)
    g_error ("360 of %" G_GINT64_FORMAT ": %s", id, error->message);
}

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *customer;
  sqlite3_stmt *holdings;
  sqlite3_stmt *household;
  sqlite3_stmt *timeline;
  sqlite3_stmt *tickets;
} Peer360;

static void
peer_360_init (Peer360 *p)
{
  p->db = open_peer ();
  p->customer = peer_prepare (p->db,
    "SELECT c.*, a.first_name, a.last_name, b.name, s.* FROM customers c"
    " LEFT JOIN advisors a ON a.id = c.advisor_id LEFT JOIN branches b ON b.id = c.branch_id"
    " LEFT JOIN customer_stats s ON s.customer_id = c.id WHERE c.id = ?1");
  p->holdings = peer_prepare (p->db,
    "SELECT h.id, p.code, p.name, p.family, h.opened_on, h.closed_on, h.balance_cents"
    " FROM holdings h JOIN products p ON p.id = h.product_id WHERE h.customer_id = ?1 ORDER BY h.opened_on");
  p->household = peer_prepare (p->db,
    "SELECT m.id, m.kind, m.title, m.first_name, m.last_name, m.household_id, m.household_role"
    " FROM customers c JOIN customers m ON m.household_id = c.household_id WHERE c.id = ?1 ORDER BY m.id");
  p->timeline = peer_prepare (p->db,
    "SELECT * FROM ("
    " SELECT 'interaction' AS kind, id, at, channel, subject, notes FROM interactions WHERE customer_id = ?1"
    " UNION ALL SELECT 'month', 0, max (date), NULL, substr (date, 1, 7), sum (amount_cents)"
    "  FROM transactions WHERE customer_id = ?1 GROUP BY substr (date, 1, 7)"
    " UNION ALL SELECT 'ticket', id, opened_at, kind, subject, status FROM tickets WHERE customer_id = ?1"
    " UNION ALL SELECT 'life_event', id, occurred_on, NULL, kind, notes FROM life_events WHERE customer_id = ?1"
    " UNION ALL SELECT 'campaign', campaign_id, contacted_at, NULL, grp, NULL FROM campaign_targets"
    "  WHERE customer_id = ?1 AND contacted_at IS NOT NULL"
    ") ORDER BY at DESC LIMIT 50");
  p->tickets = peer_prepare (p->db,
    "SELECT * FROM tickets WHERE customer_id = ?1 ORDER BY opened_at DESC");
}

static void
peer_360_load (Peer360 *p,
               gint64   id)
{
  sqlite3_stmt *stmts[] = { p->customer, p->holdings, p->household, p->timeline, p->tickets };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    {
      sqlite3_bind_int64 (stmts[i], 1, id);
      peer_drain (stmts[i]);
    }
}

static void
peer_360_clear (Peer360 *p)
{
  sqlite3_finalize (p->customer);
  sqlite3_finalize (p->holdings);
  sqlite3_finalize (p->household);
  sqlite3_finalize (p->timeline);
  sqlite3_finalize (p->tickets);
  sqlite3_close (p->db);
}

static void
bench_customer360 (gint64 max_id)
{
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand_ours = g_rand_new_with_seed (360);
  g_autoptr(GRand) rand_peer = g_rand_new_with_seed (361);
  g_autoptr(FidStore) store = open_store ();
  Peer360 peer;

  for (guint i = 0; i < N_SAMPLES; i++)
    {
      gint64 id = g_rand_int_range (rand_ours, 1, (gint32) max_id + 1);
      double start = now_ms ();

      load_360 (store, id);
      g_array_append_vals (ours, (double[]) { now_ms () - start }, 1);
    }

  peer_360_init (&peer);
  for (guint i = 0; i < N_SAMPLES; i++)
    {
      gint64 id = g_rand_int_range (rand_peer, 1, (gint32) max_id + 1);
      double start = now_ms ();

      peer_360_load (&peer, id);
      g_array_append_vals (theirs, (double[]) { now_ms () - start }, 1);
    }
  peer_360_clear (&peer);

  report ("customer360_p50", percentile (ours, 0.50), "ms", percentile (theirs, 0.50));
  report ("customer360_p99", percentile (ours, 0.99), "ms", percentile (theirs, 0.99));
}

/* search ------------------------------------------------------------------- */

/* 2- and 3-letter prefixes of real names (random customers' folded last or
 * first names), as a user starts typing one. */
static GPtrArray *
make_prefixes (gint64  max_id,
               guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = open_peer ();
  sqlite3_stmt *stmt = peer_prepare (db, "SELECT first_name, last_name FROM customers WHERE id >= ?1 LIMIT 1");

  while (prefixes->len < N_SAMPLES)
    {
      sqlite3_bind_int64 (stmt, 1, g_rand_int_range (rand, 1, (gint32) max_id + 1));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, g_rand_boolean (rand) ? 0 : 1);
          g_autofree char *folded = fid_text_fold (name);
          guint length = g_rand_boolean (rand) ? 2 : 3;

          if (folded != NULL && strlen (folded) >= length && g_ascii_isalpha (folded[0]) &&
              g_ascii_isalpha (folded[1]) && (length == 2 || g_ascii_isalpha (folded[2])))
            g_ptr_array_add (prefixes, g_strndup (folded, length));
        }
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return prefixes;
}

static void
bench_search (gint64 max_id)
{
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) ours_prefixes = make_prefixes (max_id, 2);
  g_autoptr(GPtrArray) peer_prefixes = make_prefixes (max_id, 3);
  g_autoptr(FidStore) store = open_store ();
  sqlite3 *db;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < ours_prefixes->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      double start = now_ms ();

      rows = fid_store_search_customers (store, ours_prefixes->pdata[i], SEARCH_LIMIT, &error);
      g_array_append_vals (ours, (double[]) { now_ms () - start }, 1);
      if (rows == NULL)
        g_error ("%s", error->message);
    }

  /* The peer: the FTS5 prefix query and the row, minimal columns. */
  db = open_peer ();
  stmt = peer_prepare (db,
                       "SELECT c.id, c.first_name, c.last_name, c.city FROM customers_fts f"
                       " CROSS JOIN customers c ON c.id = f.rowid WHERE customers_fts MATCH ?1 LIMIT ?2");
  for (guint i = 0; i < peer_prefixes->len; i++)
    {
      g_autofree char *match = g_strdup_printf ("\"%s\"*", (char *) peer_prefixes->pdata[i]);
      double start = now_ms ();

      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, SEARCH_LIMIT);
      peer_drain (stmt);
      g_array_append_vals (theirs, (double[]) { now_ms () - start }, 1);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  report ("search_p50", percentile (ours, 0.50), "ms", percentile (theirs, 0.50));
  report ("search_p99", percentile (ours, 0.99), "ms", percentile (theirs, 0.99));
}

/* list --------------------------------------------------------------------- */

#define PEER_LIST_FIRST \
  "SELECT c.id, c.first_name, c.last_name, c.city, c.sort_name, c.segment, c.lifecycle_stage," \
  " a.first_name, a.last_name, s.revenue_12m_cents, s.last_contact_at FROM customers c" \
  " LEFT JOIN advisors a ON a.id = c.advisor_id LEFT JOIN customer_stats s ON s.customer_id = c.id"
#define PEER_LIST_ORDER " ORDER BY c.sort_name, c.id LIMIT ?3"

static void
bench_list_first_page (void)
{
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < FIRST_PAGE_RUNS; run++)
    {
      g_autoptr(FidStore) store = open_store ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      sqlite3 *db = open_peer ();
      sqlite3_stmt *stmt = peer_prepare (db, PEER_LIST_FIRST PEER_LIST_ORDER);
      double start = now_ms ();

      rows = fid_store_list_customers (store, NULL, FID_CUSTOMER_SORT_NAME, NULL, LIST_PAGE, &error);
      g_array_append_vals (ours, (double[]) { now_ms () - start }, 1);
      g_assert (rows != NULL && rows->len == LIST_PAGE);

      start = now_ms ();
      sqlite3_bind_int (stmt, 3, LIST_PAGE);
      peer_drain (stmt);
      g_array_append_vals (theirs, (double[]) { now_ms () - start }, 1);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  report ("list_first_page", percentile (ours, 0.50), "ms", percentile (theirs, 0.50));
}

/* Resets the peak RSS (Linux: clear_refs 5) and reads it back (VmHWM).
 * The heap freed by a previous measure is given back first, so it does
 * not count in the next one. */
static void
reset_peak_rss (void)
{
  FILE *f;

  malloc_trim (0);
  f = fopen ("/proc/self/clear_refs", "w");

  if (f != NULL)
    {
      fputs ("5", f);
      fclose (f);
    }
}

static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

static void
bench_list_peak_rss (void)
{
  g_autoptr(FidCustomerCursor) cursor = NULL;
  double ours, theirs, walk_ours, walk_theirs, start;
  guint64 n_ours = 0, n_theirs = 0;

  /* Ours: a lazy list reading every page of the name order, as scrolling
   * from the first customer to the last does (the model keeps a bounded
   * number of pages; here each page is dropped once read). */
  reset_peak_rss ();
  start = now_ms ();
  {
    g_autoptr(FidStore) store = open_store ();

    for (;;)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) rows = fid_store_list_customers (store, NULL, FID_CUSTOMER_SORT_NAME, cursor,
                                                              LIST_PAGE, &error);

        if (rows == NULL)
          g_error ("%s", error->message);
        n_ours += rows->len;
        if (rows->len < LIST_PAGE)
          break;
        g_clear_pointer (&cursor, fid_customer_cursor_free);
        cursor = fid_customer_cursor_new_for (FID_CUSTOMER_SORT_NAME, rows->pdata[rows->len - 1]);
      }
  }
  walk_ours = (now_ms () - start) / 1e3;
  ours = peak_rss_mb ();

  /* The peer: the same keyset walk in plain SQL (ties, then after). */
  reset_peak_rss ();
  start = now_ms ();
  {
    sqlite3 *db = open_peer ();
    sqlite3_stmt *first = peer_prepare (db, PEER_LIST_FIRST PEER_LIST_ORDER);
    sqlite3_stmt *ties = peer_prepare (db, PEER_LIST_FIRST " WHERE c.sort_name = ?1 AND c.id > ?2 ORDER BY c.id LIMIT ?3");
    sqlite3_stmt *after = peer_prepare (db, PEER_LIST_FIRST " WHERE c.sort_name > ?1" PEER_LIST_ORDER);
    char key[256] = "";
    gint64 last_id = 0;
    gboolean started = FALSE;

    for (;;)
      {
        sqlite3_stmt *phases[2];
        guint n_phases, got = 0;

        if (!started)
          {
            phases[0] = first;
            n_phases = 1;
          }
        else
          {
            phases[0] = ties;
            phases[1] = after;
            n_phases = 2;
          }
        for (guint p = 0; p < n_phases && got < LIST_PAGE; p++)
          {
            sqlite3_stmt *stmt = phases[p];

            sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64 (stmt, 2, last_id);
            sqlite3_bind_int (stmt, 3, LIST_PAGE - got);
            while (sqlite3_step (stmt) == SQLITE_ROW)
              {
                last_id = sqlite3_column_int64 (stmt, 0);
                g_strlcpy (key, (const char *) sqlite3_column_text (stmt, 4), sizeof key);
                got++;
              }
            sqlite3_reset (stmt);
          }
        started = TRUE;
        n_theirs += got;
        if (got < LIST_PAGE)
          break;
      }
    sqlite3_finalize (first);
    sqlite3_finalize (ties);
    sqlite3_finalize (after);
    sqlite3_close (db);
  }
  walk_theirs = (now_ms () - start) / 1e3;
  theirs = peak_rss_mb ();

  if (n_ours != n_theirs)
    g_error ("the walks differ: %" G_GUINT64_FORMAT " rows against %" G_GUINT64_FORMAT, n_ours, n_theirs);
  report ("list_peak_rss", ours, "MB", theirs);
  report ("list_full_walk", walk_ours, "s", walk_theirs);
}

/* Every sort order under the list's filters: a fresh connection reads the
 * first page, then the page after the middle row (its cursor taken from a
 * plain walk). Reports the slowest page of all; with verbose, each one. */
static void
bench_list_filtered (gboolean verbose)
{
  static const char * const sort_names[] = {
    "name", "city", "revenue", "last_contact", "advisor", "segment", "lifecycle", "revenue_12m",
    "engagement", "id"
  };
  FidCustomerFilter filters[3] = { { .advisor_id = 1 }, { .branch_id = 1 }, { .lifecycle_stage = "satisfied" } };
  static const char * const filter_names[] = { "advisor", "branch", "lifecycle" };
  double worst = 0;
  const char *worst_sort = NULL, *worst_filter = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (sort_names) == FID_CUSTOMER_SORT_ID + 1);
  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    for (FidCustomerSort sort = 0; sort <= FID_CUSTOMER_SORT_ID; sort++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(FidStore) store = open_store ();
        g_autoptr(GPtrArray) first = NULL;
        g_autoptr(GPtrArray) cursors = NULL;
        g_autoptr(GPtrArray) middle = NULL;
        gint64 count = fid_store_count_customers (store, &filters[f], &error);
        double start, t_first, t_middle = 0;

        start = now_ms ();
        first = fid_store_list_customers (store, &filters[f], sort, NULL, LIST_PAGE, &error);
        t_first = now_ms () - start;
        if (first == NULL)
          g_error ("%s", error->message);
        cursors = fid_store_list_page_cursors (store, &filters[f], sort, NULL, (guint) MAX (count / 2, 1), 1, &error);
        if (cursors != NULL && cursors->len > 0)
          {
            g_object_unref (store);
            store = open_store ();
            start = now_ms ();
            middle = fid_store_list_customers (store, &filters[f], sort, cursors->pdata[0], LIST_PAGE, &error);
            t_middle = now_ms () - start;
          }
        if (verbose)
          printf ("# %s filter (%" G_GINT64_FORMAT " rows), %s order: first page %.2f ms, middle page %.2f ms\n",
                  filter_names[f], count, sort_names[sort], t_first, t_middle);
        if (MAX (t_first, t_middle) > worst)
          {
            worst = MAX (t_first, t_middle);
            worst_sort = sort_names[sort];
            worst_filter = filter_names[f];
          }
      }
  if (verbose)
    printf ("# slowest: %s filter, %s order\n", worst_filter, worst_sort);
  report ("list_filtered_worst_page", worst, "ms", -1);
}

/* revenue ------------------------------------------------------------------ */

static void
bench_revenue_12m_refresh (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = open_store ();
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday_dt = g_date_time_add_days (now, -1);
  g_autofree char *yesterday = g_date_time_format (yesterday_dt, "%Y-%m-%d");
  g_autofree char *year_ago = NULL;
  double start, ours, theirs;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  today = g_date_time_format (now, "%Y-%m-%d");
  {
    g_autoptr(GDateTime) back = g_date_time_add_months (yesterday_dt, -12);

    year_ago = g_date_time_format (back, "%Y-%m-%d");
  }

  /* From yesterday's state to today's: a daily run. */
  if (!fid_store_refresh_revenue_12m (store, yesterday, NULL, &error))
    g_error ("%s", error->message);
  start = now_ms ();
  if (!fid_store_refresh_revenue_12m (store, today, NULL, &error))
    g_error ("%s", error->message);
  ours = (now_ms () - start) / 1e3;
  g_clear_object (&store);

  /* The peer: the plain statement, back from today's state to yesterday's
   * (the same rows change). */
  db = open_peer ();
  stmt = peer_prepare (db,
    "UPDATE customer_stats AS s SET revenue_12m_cents = r.revenue, margin_12m_cents = r.margin"
    " FROM (SELECT x.customer_id AS id, coalesce (sum (t.amount_cents), 0) AS revenue,"
    "  coalesce (sum (t.margin_cents), 0) AS margin FROM customer_stats x LEFT JOIN transactions t"
    "  ON t.customer_id = x.customer_id AND t.date > ?1 AND t.date <= ?2 GROUP BY x.customer_id) AS r"
    " WHERE s.customer_id = r.id AND (s.revenue_12m_cents <> r.revenue OR s.margin_12m_cents <> r.margin)");
  sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
  start = now_ms ();
  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_bind_text (stmt, 1, year_ago, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, yesterday, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("peer refresh: %s", sqlite3_errmsg (db));
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  theirs = (now_ms () - start) / 1e3;
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  report ("revenue_12m_refresh", ours, "s", theirs);
}

static gboolean
wanted (char      **names,
        const char *group)
{
  if (names == NULL || names[0] == NULL)
    return TRUE;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (group, names[i]) || g_str_has_prefix (names[i], group))
      return TRUE;
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[NAME…] — time the workspace's data path");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  char *path = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "The demo bank to measure", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &names, NULL, "NAME…" },
    { NULL }
  };
  gint64 max_id;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL)
    {
      g_printerr ("fid-bench: %s\n", error ? error->message : "--db FILE is required");
      return 2;
    }
  db_path = path;

  /* Opening once upgrades an older bank before anything is timed. */
  g_object_unref (open_store ());
  max_id = max_customer_id ();
  if (max_id <= 0)
    {
      g_printerr ("fid-bench: %s has no customers\n", db_path);
      return 1;
    }

  if (wanted (names, "revenue_12m_refresh"))
    bench_revenue_12m_refresh ();
  if (wanted (names, "list_first_page"))
    bench_list_first_page ();
  if (wanted (names, "customer360"))
    bench_customer360 (max_id);
  if (wanted (names, "search"))
    bench_search (max_id);
  if (wanted (names, "list_filtered_worst_page"))
    bench_list_filtered (g_getenv ("FIDELIS_BENCH_VERBOSE") != NULL);
  if (wanted (names, "list_peak_rss"))
    bench_list_peak_rss ();

  g_free (path);
  return 0;
}
