/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The customer listing behind the lazy list: keyset pages in every sort
 * order, at the edges (empty, one row, ties on the key), and page cursors
 * that land exactly where a straight walk does. */

#include "config.h"

#include "fid-test-util.h"

/* Walks the whole listing in pages of @page and returns the ids in order. */
static GArray *
walk (FidStore        *store,
      FidCustomerSort  sort,
      guint            page)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(FidCustomerCursor) cursor = NULL;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = fid_store_list_customers (store, NULL, sort, cursor, page, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, <=, page);
      for (guint i = 0; i < rows->len; i++)
        {
          gint64 id = fid_customer_get_id (rows->pdata[i]);
          g_array_append_val (ids, id);
        }
      if (rows->len < page)
        break;
      g_clear_pointer (&cursor, fid_customer_cursor_free);
      cursor = fid_customer_cursor_new_for (sort, rows->pdata[rows->len - 1]);
    }
  return ids;
}

static void
test_listing_empty (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();

  for (FidCustomerSort sort = FID_CUSTOMER_SORT_NAME; sort <= FID_CUSTOMER_SORT_ID; sort++)
    {
      g_autoptr(GArray) ids = walk (store, sort, 10);
      g_autoptr(GPtrArray) cursors = fid_store_list_page_cursors (store, NULL, sort, NULL, 10, 100, NULL);

      g_assert_cmpuint (ids->len, ==, 0);
      g_assert_cmpuint (cursors->len, ==, 0);
    }
  g_assert_cmpint (fid_store_count_customers (store, NULL, NULL), ==, 0);
}

static void
test_listing_one_row (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  gint64 id = fid_test_insert (store, "Anne", "Roux", "Lille");

  for (FidCustomerSort sort = FID_CUSTOMER_SORT_NAME; sort <= FID_CUSTOMER_SORT_ID; sort++)
    {
      g_autoptr(GArray) ids = walk (store, sort, 1);

      g_assert_cmpuint (ids->len, ==, 1);
      g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
    }
}

static void
test_listing_ties_and_order (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  static const char * const cities[] = { "Lyon", "Brest", "Lyon", "Dijon" };
  gint64 first_id = 0;

  /* 57 customers with only 4 distinct cities and 3 distinct names: the key
   * ties constantly, and pages of 5 must still neither skip nor repeat. */
  for (guint i = 0; i < 57; i++)
    {
      static const char * const last[] = { "Bernard", "Écuyer", "Adam" };
      gint64 id = fid_test_insert (store, "Jean", last[i % 3], cities[i % 4]);

      if (i == 0)
        first_id = id;
      if (i % 5 == 0)
        g_assert_true (fid_store_add_transaction (store, id, "2025-03-01", (i % 7) * 1000, 10, "card", NULL, &error) > 0);
    }
  g_assert_no_error (error);

  for (FidCustomerSort sort = FID_CUSTOMER_SORT_NAME; sort <= FID_CUSTOMER_SORT_ID; sort++)
    {
      g_autoptr(GArray) by_5 = walk (store, sort, 5);
      g_autoptr(GArray) by_100 = walk (store, sort, 100);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

      g_assert_cmpuint (by_5->len, ==, 57);
      g_assert_cmpmem (by_5->data, by_5->len * sizeof (gint64), by_100->data, by_100->len * sizeof (gint64));
      for (guint i = 0; i < by_5->len; i++)
        g_assert_true (g_hash_table_add (seen, &g_array_index (by_5, gint64, i)));
    }

  /* Name order folds accents: Écuyer sorts between Bernard and ... not after Z. */
  {
    g_autoptr(GPtrArray) rows = fid_store_list_customers (store, NULL, FID_CUSTOMER_SORT_NAME, NULL, 57, &error);

    g_assert_cmpstr (fid_customer_get_last_name (rows->pdata[0]), ==, "Adam");
    g_assert_cmpstr (fid_customer_get_last_name (rows->pdata[19]), ==, "Bernard");
    g_assert_cmpstr (fid_customer_get_last_name (rows->pdata[56]), ==, "Écuyer");
  }
  /* Revenue order: customers without transactions (0) first, the biggest last. */
  {
    g_autoptr(GPtrArray) rows = fid_store_list_customers (store, NULL, FID_CUSTOMER_SORT_REVENUE, NULL, 57, &error);

    g_assert_cmpint (fid_customer_get_tx_sum_cents (rows->pdata[0]), ==, 0);
    g_assert_cmpint (fid_customer_get_tx_sum_cents (rows->pdata[56]), ==, 6000);
    g_assert_cmpint (fid_customer_get_id (rows->pdata[0]), ==, first_id);
  }
}

static void
test_listing_page_cursors (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 103; i++)
    {
      g_autofree char *last = g_strdup_printf ("Nom%03u", (i * 37) % 103);
      fid_test_insert (store, "Luc", last, i % 2 ? "Caen" : "Metz");
    }

  for (FidCustomerSort sort = FID_CUSTOMER_SORT_NAME; sort <= FID_CUSTOMER_SORT_ID; sort++)
    {
      g_autoptr(GArray) ids = walk (store, sort, 1000);
      g_autoptr(GPtrArray) cursors = fid_store_list_page_cursors (store, NULL, sort, NULL, 10, 1000, &error);

      g_assert_no_error (error);
      /* 103 rows in pages of 10: boundaries after rows 10, 20, … 100. */
      g_assert_cmpuint (cursors->len, ==, 10);
      for (guint p = 0; p < cursors->len; p++)
        {
          FidCustomerCursor *cursor = cursors->pdata[p];
          g_autoptr(GPtrArray) page = fid_store_list_customers (store, NULL, sort, cursor, 10, &error);

          g_assert_cmpint (cursor->id, ==, g_array_index (ids, gint64, (p + 1) * 10 - 1));
          g_assert_cmpint (fid_customer_get_id (page->pdata[0]), ==, g_array_index (ids, gint64, (p + 1) * 10));
        }
      /* max_pages bounds the walk. */
      g_clear_pointer (&cursors, g_ptr_array_unref);
      cursors = fid_store_list_page_cursors (store, NULL, sort, NULL, 10, 3, &error);
      g_assert_cmpuint (cursors->len, ==, 3);
    }
}

/* "Only these customers": the set of a chart element. The listing, its
 * count and the search keep to the set, in every sort order, together
 * with the other filters; a new array replaces the previous set. */
static void
test_listing_id_set (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) other = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 all[12];
  FidCustomerFilter filter = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    all[i] = fid_test_insert (store, "Claire", i % 2 ? "Martin" : "Morel", i % 3 ? "Caen" : "Metz");
  /* Every third customer, given out of order and with a repeat. */
  for (int i = G_N_ELEMENTS (all) - 1; i >= 0; i -= 3)
    g_array_append_val (ids, all[i]);
  g_array_append_val (ids, all[G_N_ELEMENTS (all) - 1]);

  filter.ids = ids;
  g_assert_cmpint (fid_store_count_customers (store, &filter, &error), ==, 4);
  g_assert_no_error (error);
  for (FidCustomerSort sort = 0; sort <= FID_CUSTOMER_SORT_ID; sort++)
    {
      g_autoptr(GPtrArray) rows = fid_store_list_customers (store, &filter, sort, NULL, 50, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 4);
      for (guint r = 0; r < rows->len; r++)
        {
          gint64 id = fid_customer_get_id (rows->pdata[r]);
          gboolean found = FALSE;

          for (guint k = 0; k < ids->len; k++)
            found |= g_array_index (ids, gint64, k) == id;
          g_assert_true (found);
        }
    }

  /* The search keeps to the set too. */
  filter.ids = ids;
  {
    g_autoptr(GPtrArray) found = fid_store_search_customers_filtered (store, &filter, "claire", 50, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 4);
  }

  /* A new array is a new set. */
  g_array_append_val (other, all[1]);
  filter.ids = other;
  g_assert_cmpint (fid_store_count_customers (store, &filter, &error), ==, 1);
  filter.ids = NULL;
  g_assert_cmpint (fid_store_count_customers (store, &filter, &error), ==, G_N_ELEMENTS (all));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/listing/empty", test_listing_empty);
  g_test_add_func ("/listing/one-row", test_listing_one_row);
  g_test_add_func ("/listing/ties-and-order", test_listing_ties_and_order);
  g_test_add_func ("/listing/page-cursors", test_listing_page_cursors);
  g_test_add_func ("/listing/id-set", test_listing_id_set);

  return g_test_run ();
}
