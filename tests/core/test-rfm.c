/* SPDX-License-Identifier: GPL-3.0-or-later */

/* RFM, FRAT and ABC (issue 5): hand-computed fixtures for every edge the
 * definitions in fid-rfm.h pin (ties at tile borders, window bounds,
 * refunds, lost customers). The fixtures build FidTxColumnsView by hand
 * from arrays, so they test the arithmetic alone; test-rfm-agreement
 * checks the same code against SQL on a demo bank. */

#include "config.h"

#include <gio/gio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "fid-rfm.h"

/* Any day will do for the fixtures; days are relative to it. */
#define AS_OF 20634   /* 2026-06-30 */

#include "fid-test-columns.h"

/* A transaction of a fixture; fixtures list them by customer, then day. */
typedef struct
{
  gint64 customer;
  gint32 day;          /* relative to AS_OF */
  gint64 amount;
  guint8 family;
} Tx;

static Columns *
columns_from (const Tx *txs,
              gsize     n)
{
  Columns *c = columns_new ();

  for (gsize i = 0; i < n; i++)
    columns_add (c, txs[i].customer, AS_OF + txs[i].day, txs[i].amount, txs[i].family);
  columns_view (c);
  return c;
}

static void
assert_columns (FidSegmentation    *s,
                const char * const *names)
{
  g_assert_cmpuint (fid_segmentation_get_n_columns (s), ==, g_strv_length ((char **) names));
  for (guint c = 0; names[c] != NULL; c++)
    {
      g_assert_cmpstr (fid_segmentation_get_column_name (s, c), ==, names[c]);
      g_assert_cmpint (fid_segmentation_get_column_type (s, c), ==, FID_COLUMN_INT);
    }
}

static FidSegmentation *
rfm (const FidTxColumnsView *view,
     guint                   window,
     gboolean                frat)
{
  g_autoptr(GError) error = NULL;
  FidSegmentation *s = fid_rfm_compute (view, AS_OF, window, frat, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static FidSegmentation *
abc (const FidTxColumnsView *view,
     guint                   a_percent,
     guint                   b_percent)
{
  g_autoptr(GError) error = NULL;
  FidSegmentation *s = fid_abc_compute (view, AS_OF, 365, a_percent, b_percent, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

/* The helper against SQLite's own NTILE, for 1 to 23 rows and a few tile
 * counts: the first n mod tiles tiles get one row more. */
static void
test_ntile (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const int tiles[] = { 1, 2, 3, 4, 5, 7, 10 };

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "WITH RECURSIVE s (x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM s WHERE x + 1 < ?1) "
                                       "SELECT x, NTILE (?2) OVER (ORDER BY x) FROM s ORDER BY x",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tiles); t++)
    for (int n = 1; n <= 23; n++)
      {
        int rows = 0;

        sqlite3_bind_int (stmt, 1, n);
        sqlite3_bind_int (stmt, 2, tiles[t]);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            gsize position = (gsize) sqlite3_column_int (stmt, 0);

            g_assert_cmpint (fid_ntile (position, n, tiles[t]), ==, sqlite3_column_int (stmt, 1));
            rows++;
          }
        g_assert_cmpint (rows, ==, n);
        sqlite3_reset (stmt);
      }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* Spelled out once: 7 rows in 5 tiles are 2, 2, 1, 1, 1. */
  g_assert_cmpint (fid_ntile (1, 7, 5), ==, 1);
  g_assert_cmpint (fid_ntile (2, 7, 5), ==, 2);
  g_assert_cmpint (fid_ntile (4, 7, 5), ==, 3);
  g_assert_cmpint (fid_ntile (6, 7, 5), ==, 5);
}

/* The segment table of issue 5, cell by cell (rows r = 5..1, columns
 * f = 1..5), and the keys in their pinned order. */
static void
test_segment_table (void)
{
  static const char * const table[5][5] = {
    { "new", "potential_loyalists", "potential_loyalists", "champions", "champions" },
    { "promising", "potential_loyalists", "potential_loyalists", "loyal", "loyal" },
    { "about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal" },
    { "hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them" },
    { "hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them" },
  };
  static const char * const keys[] = {
    "champions", "loyal", "potential_loyalists", "new", "promising", "need_attention",
    "about_to_sleep", "at_risk", "cant_lose_them", "hibernating", "lost", NULL
  };
  const char * const *actual = fid_rfm_segment_keys ();

  g_assert_true (g_strv_equal ((const char * const *) actual, keys));
  g_assert_cmpuint (g_strv_length ((char **) actual), ==, FID_RFM_N_SEGMENTS);
  for (int r = 5; r >= 1; r--)
    for (int f = 1; f <= 5; f++)
      g_assert_cmpstr (actual[fid_rfm_segment_for (r, f)], ==, table[5 - r][f - 1]);
  /* Lost customers carry scores of 0. */
  g_assert_cmpint (fid_rfm_segment_for (0, 0), ==, FID_RFM_LOST);
}

/* The shared fixture: every window edge, refunds, lost customers, and
 * transactions after as-of (worked out in the comments; 5 active customers
 * so each is alone in its tile and the tile is its rank). */
static const Tx edges[] = {
  /* 1: recency 5, frequency 2, monetary 150, two families */
  { 1, -10, 100, 0 }, { 1, -5, 50, 1 },
  /* 2: only before the window: lost */
  { 2, -400, 1000, 0 },
  /* 3: on the excluded bound (as-of − 365) and on as-of itself: recency 0,
   * frequency 1, monetary 20, one family (the excluded one's family 2 is
   * not counted) */
  { 3, -365, 500, 2 }, { 3, 0, 20, 0 },
  /* 4: the first day inside the window */
  { 4, -364, 300, 3 },
  /* 5: only after as-of: not a customer of this window, not lost either */
  { 5, 1, 900, 0 },
  /* 6: refunds only: monetary −300 */
  { 6, -30, -200, 1 }, { 6, -20, -100, 1 },
  /* 7: recency 1, frequency 3, monetary 210, three families; the later
   * transaction is ignored */
  { 7, -100, 70, 0 }, { 7, -50, 70, 1 }, { 7, -1, 70, 2 }, { 7, 5, 999, 4 },
  /* 8: before the window and after as-of, nothing inside: lost */
  { 8, -400, 10, 0 }, { 8, 3, 10, 0 },
};

static void
test_rfm_edges (void)
{
  g_autoptr(Columns) c = columns_from (edges, G_N_ELEMENTS (edges));
  g_autoptr(FidSegmentation) s = rfm (&c->view, 365, FALSE);
  g_autofree char *text = render (s);

  g_assert_cmpstr (fid_segmentation_get_scheme (s), ==, "rfm");
  g_assert_cmpstr (fid_segmentation_get_as_of (s), ==, "2026-06-30");
  g_assert_cmpuint (fid_segmentation_get_window_days (s), ==, 365);
  assert_columns (s, (const char * const[]) { "recency_days", "frequency", "monetary",
                                              "r", "f", "m", NULL });
  /* r: recency descending 4, 6, 1, 7, 3; f: frequency then id 3, 4, 1,
   * 6, 7; m: monetary 6, 3, 1, 7, 4. */
  assert_same_lines (text,
                     "1|5|2|150|3|3|3|need_attention\n"
                     "2|0|0|0|0|0|0|lost\n"
                     "3|0|1|20|5|1|2|new\n"
                     "4|364|1|300|1|2|5|hibernating\n"
                     "6|20|2|-300|2|4|1|at_risk\n"
                     "7|1|3|210|4|5|4|loyal\n"
                     "8|0|0|0|0|0|0|lost\n");
}

static void
test_frat_edges (void)
{
  g_autoptr(Columns) c = columns_from (edges, G_N_ELEMENTS (edges));
  g_autoptr(FidSegmentation) s = rfm (&c->view, 365, TRUE);
  g_autofree char *text = render (s);

  g_assert_cmpstr (fid_segmentation_get_scheme (s), ==, "frat");
  assert_columns (s, (const char * const[]) { "recency_days", "frequency", "monetary", "types",
                                              "r", "f", "m", "t", NULL });
  /* t: types then id 3, 4, 6 (one each), 1 (two), 7 (three). */
  assert_same_lines (text,
                     "1|5|2|150|2|3|3|3|4|need_attention\n"
                     "2|0|0|0|0|0|0|0|0|lost\n"
                     "3|0|1|20|1|5|1|2|1|new\n"
                     "4|364|1|300|1|1|2|5|2|hibernating\n"
                     "6|20|2|-300|1|2|4|1|3|at_risk\n"
                     "7|1|3|210|3|4|5|4|5|loyal\n"
                     "8|0|0|0|0|0|0|0|0|lost\n");
}

/* A narrower window moves the bounds: 6 days are days −5..0, where only
 * customers 1 (day −5), 3 (day 0) and 7 (day −1) bought; everyone with
 * older transactions only is lost. 3 rows: tiles 1, 2, 3. */
static void
test_rfm_short_window (void)
{
  g_autoptr(Columns) c = columns_from (edges, G_N_ELEMENTS (edges));
  g_autoptr(FidSegmentation) s = rfm (&c->view, 6, FALSE);
  g_autofree char *text = render (s);

  assert_same_lines (text,
                     "1|5|1|50|1|1|2|hibernating\n"
                     "2|0|0|0|0|0|0|lost\n"
                     "3|0|1|20|3|2|1|about_to_sleep\n"
                     "4|0|0|0|0|0|0|lost\n"
                     "6|0|0|0|0|0|0|lost\n"
                     "7|1|1|70|2|3|3|at_risk\n"
                     "8|0|0|0|0|0|0|lost\n");
}

/* Seven customers alike in everything: 7 rows in 5 tiles are 2, 2, 1, 1,
 * 1, and only the customer id decides who gets which. */
static void
test_rfm_ties (void)
{
  g_autoptr(Columns) c = columns_new ();
  g_autoptr(FidSegmentation) s = NULL;
  g_autofree char *text = NULL;

  for (gint64 id = 10; id <= 70; id += 10)
    {
      columns_add (c, id, AS_OF - 10, 100, 0);
      columns_add (c, id, AS_OF - 3, 100, 0);
    }
  columns_view (c);
  s = rfm (&c->view, 365, FALSE);
  text = render (s);
  assert_same_lines (text,
                     "10|3|2|200|1|1|1|hibernating\n"
                     "20|3|2|200|1|1|1|hibernating\n"
                     "30|3|2|200|2|2|2|hibernating\n"
                     "40|3|2|200|2|2|2|hibernating\n"
                     "50|3|2|200|3|3|3|need_attention\n"
                     "60|3|2|200|4|4|4|loyal\n"
                     "70|3|2|200|5|5|5|champions\n");
}

/* Frequency ties across a tile border while recency differs: the
 * frequency tiles follow the ids, the recency tiles the days. */
static void
test_rfm_border_ties (void)
{
  g_autoptr(Columns) c = columns_new ();
  g_autoptr(FidSegmentation) s = NULL;
  g_autofree char *text = NULL;

  /* Customers 1..6 buy once, on days −1..−6 (the later the id, the older
   * the purchase); customers 7..10 twice. 10 rows: 2 per tile. */
  for (gint64 id = 1; id <= 6; id++)
    columns_add (c, id, AS_OF - (gint32) id, 10 * id, 0);
  for (gint64 id = 7; id <= 10; id++)
    {
      columns_add (c, id, AS_OF - 200, 5, 0);
      columns_add (c, id, AS_OF - 100, 5, 0);
    }
  columns_view (c);
  s = rfm (&c->view, 365, FALSE);
  text = render (s);
  /* r: recency descending: 7..10 (100 days, by id), then 6, 5, …, 1.
   * f: frequency 1 is ids 1..6 (tiles 1, 1, 2, 2, 3, 3), then 7..10.
   * m: ids 1 and 7..10 tie at 10 and go by id (1, 7, 8, 9, 10), then
   * ids 2..6. */
  assert_same_lines (text,
                     "1|1|1|10|5|1|1|new\n"
                     "2|2|1|20|5|1|3|new\n"
                     "3|3|1|30|4|2|4|potential_loyalists\n"
                     "4|4|1|40|4|2|4|potential_loyalists\n"
                     "5|5|1|50|3|3|5|need_attention\n"
                     "6|6|1|60|3|3|5|need_attention\n"
                     "7|100|2|10|1|4|1|at_risk\n"
                     "8|100|2|10|1|4|2|at_risk\n"
                     "9|100|2|10|2|5|2|cant_lose_them\n"
                     "10|100|2|10|2|5|3|cant_lose_them\n");
}

static void
test_rfm_single (void)
{
  static const Tx one[] = { { 42, -7, 1234, 3 } };
  g_autoptr(Columns) c = columns_from (one, G_N_ELEMENTS (one));
  g_autoptr(FidSegmentation) s = rfm (&c->view, 365, TRUE);
  g_autoptr(FidSegmentation) a = abc (&c->view, 20, 50);
  g_autofree char *text = render (s);
  g_autofree char *abc_text = render (a);

  /* NTILE (5) of one row is 1 for every score. */
  assert_same_lines (text, "42|7|1|1234|1|1|1|1|1|hibernating\n");
  /* One customer is 100 % of them: 100 × 1 ≤ 20 × 1 fails, so not A. */
  assert_same_lines (abc_text, "42|1234|1|C\n");
}

/* No transaction at all, and no transaction in the window. */
static void
test_rfm_empty (void)
{
  static const Tx old[] = { { 3, -500, 100, 0 }, { 9, -366, 50, 0 }, { 9, -365, 50, 0 } };
  g_autoptr(Columns) none = columns_new ();
  g_autoptr(Columns) c = columns_from (old, G_N_ELEMENTS (old));
  g_autoptr(FidSegmentation) empty = NULL;
  g_autoptr(FidSegmentation) lost = NULL;
  g_autoptr(FidSegmentation) empty_abc = NULL;
  g_autofree char *text = NULL;

  columns_view (none);
  empty = rfm (&none->view, 365, FALSE);
  g_assert_cmpuint (fid_segmentation_get_size (empty), ==, 0);
  g_assert_cmpuint (fid_segmentation_get_n_segments (empty), ==, FID_RFM_N_SEGMENTS);

  lost = rfm (&c->view, 365, FALSE);
  text = render (lost);
  assert_same_lines (text,
                     "3|0|0|0|0|0|0|lost\n"
                     "9|0|0|0|0|0|0|lost\n");

  empty_abc = abc (&c->view, 20, 50);
  g_assert_cmpuint (fid_segmentation_get_size (empty_abc), ==, 0);
  g_assert_cmpint (g_variant_get_int64 (fid_segmentation_get_extra (empty_abc, "total_revenue")), ==, 0);
  g_assert_cmpuint (g_variant_n_children (fid_segmentation_get_extra (empty_abc, "pareto")), ==, 0);
}

static void
test_rfm_errors (void)
{
  g_autoptr(Columns) c = columns_from (edges, G_N_ELEMENTS (edges));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  FidSegmentation *s;
  const guint bad_shares[][2] = { { 0, 50 }, { 50, 50 }, { 60, 40 }, { 20, 101 } };

  s = fid_rfm_compute (&c->view, AS_OF, 0, FALSE, NULL, &error);
  g_assert_null (s);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  s = fid_abc_compute (&c->view, AS_OF, 0, 20, 50, NULL, &error);
  g_assert_null (s);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_shares); i++)
    {
      s = fid_abc_compute (&c->view, AS_OF, 365, bad_shares[i][0], bad_shares[i][1], NULL, &error);
      g_assert_null (s);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }

  g_cancellable_cancel (cancellable);
  s = fid_rfm_compute (&c->view, AS_OF, 365, TRUE, cancellable, &error);
  g_assert_null (s);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  s = fid_abc_compute (&c->view, AS_OF, 365, 20, 50, cancellable, &error);
  g_assert_null (s);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ABC on the edge fixture: refunds-only customer 6 has no positive
 * revenue and is left out; 4 customers remain and with A 20 % no one is
 * A (100 × 1 > 20 × 4). */
static void
test_abc_edges (void)
{
  g_autoptr(Columns) c = columns_from (edges, G_N_ELEMENTS (edges));
  g_autoptr(FidSegmentation) s = abc (&c->view, 20, 50);
  g_autofree char *text = render (s);
  GVariant *pareto = fid_segmentation_get_extra (s, "pareto");
  const double expected[][2] = {
    { 0.0, 0.0 }, { 0.25, 300.0 / 680 }, { 0.5, 510.0 / 680 }, { 0.75, 660.0 / 680 }, { 1.0, 1.0 },
  };

  g_assert_cmpstr (fid_segmentation_get_scheme (s), ==, "abc");
  assert_columns (s, (const char * const[]) { "revenue", "rank", NULL });
  g_assert_cmpstr (fid_segmentation_get_segment_column_name (s), ==, "class");
  assert_same_lines (text,
                     "1|150|3|C\n"
                     "3|20|4|C\n"
                     "4|300|1|B\n"
                     "7|210|2|B\n");

  g_assert_cmpuint (g_variant_get_uint32 (fid_segmentation_get_extra (s, "a_percent")), ==, 20);
  g_assert_cmpuint (g_variant_get_uint32 (fid_segmentation_get_extra (s, "b_percent")), ==, 50);
  g_assert_cmpint (g_variant_get_int64 (fid_segmentation_get_extra (s, "total_revenue")), ==, 680);
  g_assert_true (g_variant_is_of_type (pareto, G_VARIANT_TYPE ("a(dd)")));
  g_assert_cmpuint (g_variant_n_children (pareto), ==, G_N_ELEMENTS (expected));
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      double x, y;

      g_variant_get_child (pareto, i, "(dd)", &x, &y);
      g_assert_cmpfloat_with_epsilon (x, expected[i][0], 1e-12);
      g_assert_cmpfloat_with_epsilon (y, expected[i][1], 1e-12);
    }
}

/* 20 customers, A 10 %, B 35 %: ranks 1–2 are A (100 × 2 ≤ 10 × 20),
 * 3–7 B (100 × 7 ≤ 35 × 20), the rest C. Customers 5 and 9 tie at 3,000
 * across the B/C border: the lower id is B. */
static void
test_abc_twenty (void)
{
  /* Revenue per customer 1..20, in cents. */
  static const gint64 revenue[] = {
    500, 9000, 120, 9000, 3000, 50, 7000, 800, 3000, 60,
    4000, 100, 6500, 900, 30, 1500, 200, 700, 5000, 10,
  };
  static const char classes[] = "CACABCBCCCBCBCCCCCBC";
  /* By hand: 2 (9000) 1, 4 (9000) 2, 7 3, 13 4, 19 5, 11 6, 5 7, 9 8,
   * 16 9, 14 10, 8 11, 18 12, 1 13, 17 14, 3 15, 12 16, 10 17, 6 18,
   * 15 19, 20 20. */
  static const gint64 ranks[] = {
    13, 1, 15, 2, 7, 18, 3, 11, 8, 17, 6, 16, 4, 10, 19, 9, 14, 12, 5, 20,
  };
  g_autoptr(Columns) c = columns_new ();
  g_autoptr(FidSegmentation) s = NULL;
  const gint64 *ids, *rank, *rev;
  const guint8 *segments;
  GVariant *pareto;
  double x, y;

  for (gint64 id = 1; id <= 20; id++)
    {
      /* Customer 1's 500 is 700 less a 200 refund. */
      if (id == 1)
        {
          columns_add (c, id, AS_OF - 40, 700, 0);
          columns_add (c, id, AS_OF - 20, -200, 0);
        }
      else
        columns_add (c, id, AS_OF - (gint32) id, revenue[id - 1], 0);
    }
  /* Nothing net, and a net refund: neither is ranked. */
  columns_add (c, 21, AS_OF - 9, 100, 0);
  columns_add (c, 21, AS_OF - 8, -100, 0);
  columns_add (c, 22, AS_OF - 9, -100, 0);
  columns_view (c);

  s = abc (&c->view, 10, 35);
  g_assert_cmpuint (fid_segmentation_get_size (s), ==, 20);
  ids = fid_segmentation_get_ids (s);
  rev = fid_segmentation_get_int_column (s, 0);
  rank = fid_segmentation_get_int_column (s, 1);
  segments = fid_segmentation_get_segments (s);
  for (gsize i = 0; i < 20; i++)
    {
      g_assert_cmpint (ids[i], ==, (gint64) i + 1);
      g_assert_cmpint (rev[i], ==, revenue[i]);
      g_assert_cmpint (rank[i], ==, ranks[i]);
      g_assert_cmpint (fid_segmentation_get_segment_key (s, segments[i])[0], ==, classes[i]);
    }

  /* 20 customers: 21 points, every one a customer step. */
  pareto = fid_segmentation_get_extra (s, "pareto");
  g_assert_cmpuint (g_variant_n_children (pareto), ==, 21);
  g_variant_get_child (pareto, 2, "(dd)", &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 18000.0 / 51470, 1e-12);
}

/* A larger run: at most 201 Pareto points, from (0, 0) to (1, 1), both
 * shares never decreasing, and the revenue share never below the
 * customer share (the customers come richest first). */
static void
test_abc_pareto_shape (void)
{
  g_autoptr(Columns) c = columns_new ();
  g_autoptr(FidSegmentation) s = NULL;
  GVariant *pareto;
  double last_x = -1, last_y = -1, x, y;
  gsize n;

  for (gint64 id = 1; id <= 1003; id++)
    columns_add (c, id, AS_OF - 1, (id * 7919) % 1000 + 1, 0);
  columns_view (c);
  s = abc (&c->view, 20, 50);
  pareto = fid_segmentation_get_extra (s, "pareto");
  n = g_variant_n_children (pareto);
  g_assert_cmpuint (n, ==, 201);
  for (gsize i = 0; i < n; i++)
    {
      g_variant_get_child (pareto, i, "(dd)", &x, &y);
      g_assert_cmpfloat (x, >, last_x);
      g_assert_cmpfloat (y, >=, last_y);
      g_assert_cmpfloat (y, >=, x - 1e-12);
      last_x = x;
      last_y = y;
    }
  g_variant_get_child (pareto, 0, "(dd)", &x, &y);
  g_assert_true (x == 0.0 && y == 0.0);
  g_assert_true (last_x == 1.0 && last_y == 1.0);
}

/* Amounts so far apart that key and row no longer fit in 64 bits
 * together: the radix sort then carries the rows beside the keys. The
 * amounts are picked so that a key shifted past 64 bits would sort them
 * wrongly. */
static void
test_wide_amounts (void)
{
  static const Tx rfm_txs[] = {
    { 1, -1, G_GINT64_CONSTANT (4000000000000000000), 0 },
    { 2, -1, G_GINT64_CONSTANT (-4000000000000000000), 0 },
    { 3, -1, G_GINT64_CONSTANT (2000000000000000000), 0 },
    { 4, -1, 0, 0 },
    { 5, -1, 1, 0 },
    { 6, -1, G_GINT64_CONSTANT (-1000000000000000000), 0 },
  };
  static const Tx abc_txs[] = {
    { 1, -1, G_GINT64_CONSTANT (4000000000000000000), 0 },
    { 2, -1, 1, 0 },
    { 3, -1, G_GINT64_CONSTANT (2000000000000000000), 0 },
    { 4, -1, G_GINT64_CONSTANT (3000000000000000000), 0 },
    { 5, -1, 2, 0 },
  };
  g_autoptr(Columns) c = columns_from (rfm_txs, G_N_ELEMENTS (rfm_txs));
  g_autoptr(Columns) d = columns_from (abc_txs, G_N_ELEMENTS (abc_txs));
  g_autoptr(FidSegmentation) s = rfm (&c->view, 365, FALSE);
  g_autoptr(FidSegmentation) a = abc (&d->view, 20, 50);
  g_autofree char *text = render (s);
  g_autofree char *abc_text = render (a);

  /* Everyone alike but for monetary: r and f follow the ids (6 rows: 2,
   * 1, 1, 1, 1 per tile). m: ids 2, 6, 4, 5, 3, 1. */
  assert_same_lines (text,
                     "1|1|1|4000000000000000000|1|1|5|hibernating\n"
                     "2|1|1|-4000000000000000000|1|1|1|hibernating\n"
                     "3|1|1|2000000000000000000|2|2|4|hibernating\n"
                     "4|1|1|0|3|3|2|need_attention\n"
                     "5|1|1|1|4|4|3|loyal\n"
                     "6|1|1|-1000000000000000000|5|5|1|champions\n");
  /* 5 customers: rank 1 is A (100 ≤ 20 × 5), rank 2 B (200 ≤ 250). */
  assert_same_lines (abc_text,
                     "1|4000000000000000000|1|A\n"
                     "2|1|5|C\n"
                     "3|2000000000000000000|3|C\n"
                     "4|3000000000000000000|2|B\n"
                     "5|2|4|C\n");
  g_assert_cmpint (g_variant_get_int64 (fid_segmentation_get_extra (a, "total_revenue")), ==,
                   G_GINT64_CONSTANT (9000000000000000003));
}

/* A first purchase on the as-of day itself is in the window. */
static void
test_rfm_first_on_as_of (void)
{
  static const Tx txs[] = { { 1, 0, 10, 0 }, { 2, -1, 20, 0 }, { 3, 0, 30, 0 }, { 3, 2, 40, 0 } };
  g_autoptr(Columns) c = columns_from (txs, G_N_ELEMENTS (txs));
  g_autoptr(FidSegmentation) s = rfm (&c->view, 1, TRUE);
  g_autoptr(FidSegmentation) a = abc (&c->view, 20, 50);
  g_autofree char *text = render (s);
  g_autofree char *abc_text = render (a);

  /* A one-day window is as-of alone: customer 2 bought the day before. */
  assert_same_lines (text,
                     "1|0|1|10|1|1|1|1|1|hibernating\n"
                     "2|0|0|0|0|0|0|0|0|lost\n"
                     "3|0|1|30|1|2|2|2|2|hibernating\n");
  /* ABC over 365 days: customer 2 is in; 3 customers, rank 1 is B. */
  assert_same_lines (abc_text,
                     "1|10|3|C\n"
                     "2|20|2|C\n"
                     "3|30|1|B\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rfm/ntile", test_ntile);
  g_test_add_func ("/rfm/segment-table", test_segment_table);
  g_test_add_func ("/rfm/edges", test_rfm_edges);
  g_test_add_func ("/rfm/frat-edges", test_frat_edges);
  g_test_add_func ("/rfm/short-window", test_rfm_short_window);
  g_test_add_func ("/rfm/ties", test_rfm_ties);
  g_test_add_func ("/rfm/border-ties", test_rfm_border_ties);
  g_test_add_func ("/rfm/single", test_rfm_single);
  g_test_add_func ("/rfm/empty", test_rfm_empty);
  g_test_add_func ("/rfm/errors", test_rfm_errors);
  g_test_add_func ("/rfm/wide-amounts", test_wide_amounts);
  g_test_add_func ("/rfm/first-on-as-of", test_rfm_first_on_as_of);
  g_test_add_func ("/abc/edges", test_abc_edges);
  g_test_add_func ("/abc/twenty", test_abc_twenty);
  g_test_add_func ("/abc/pareto-shape", test_abc_pareto_shape);

  return g_test_run ();
}
