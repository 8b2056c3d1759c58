/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidCustomerListModel against a small store: no display needed. A small
 * page size makes the store span many pages, so paging, the cursor jumps and
 * the LRU are all exercised. */

#include "config.h"

#include <glib/gstdio.h>

#include "fid-customer-list-model.h"

#define N_CUSTOMERS 300
#define SMALL_PAGE 8

typedef struct
{
  char     *dir;
  FidStore *store;
} Fixture;

static const char *cities[] = { "Lyon", "Brest", "Nantes", "Annecy", "Metz", NULL };
static const char *last_names[] = { "Martin", "Bernard", "Dubois", "Thomas", "Robert",
                                    "Richard", "Petit", "Durand", "Leroy", "Moreau",
                                    "Simon", "Laurent", "Lefèbvre", "Michel", "Garcia",
                                    "Élie", NULL };
static const char *first_names[] = { "Hélène", "Marc", "Jeanne", "Luc", "Inès",
                                     "Paul", "Chloé", "Noé", "Anne", NULL };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("fidelis-list-model-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autoptr(FidCustomer) customer = fid_customer_new ();

      /* Many equal names and cities: ties are broken by the id. */
      fid_customer_set_kind (customer, "person");
      fid_customer_set_last_name (customer, last_names[i % (G_N_ELEMENTS (last_names) - 1)]);
      fid_customer_set_first_name (customer, first_names[(i / 3) % (G_N_ELEMENTS (first_names) - 1)]);
      fid_customer_set_city (customer, cities[i % (G_N_ELEMENTS (cities) - 1)]);
      fid_store_insert_customer (fixture->store, customer, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The reference: the whole listing walked page after page from the store. */
static GPtrArray *
list_all (FidStore        *store,
          FidCustomerSort  sort)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FidCustomerCursor) cursor = NULL;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = NULL;

      page = fid_store_list_customers (store, NULL, sort, cursor, 50, &error);
      g_assert_no_error (error);
      g_assert_nonnull (page);

      if (page->len == 0)
        break;

      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (page, i)));

      g_clear_pointer (&cursor, fid_customer_cursor_free);
      cursor = fid_customer_cursor_new_for (sort, g_ptr_array_index (page, page->len - 1));
    }

  return g_steal_pointer (&all);
}

static gint64
item_id (GListModel *model,
         guint       position)
{
  g_autoptr(FidCustomer) customer = g_list_model_get_item (model, position);

  g_assert_nonnull (customer);
  g_assert_true (FID_IS_CUSTOMER (customer));

  return fid_customer_get_id (customer);
}

/* Reads an item and drops it at once, as a scrolled-past row. */
static void
touch_item (GListModel *model,
            guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
}

static FidCustomerListModel *
new_model (FidStore *store,
           guint     page_size)
{
  return g_object_new (FID_TYPE_CUSTOMER_LIST_MODEL,
                       "store", store,
                       "page-size", page_size,
                       NULL);
}

static void
test_n_items (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FidCustomerListModel) model = fid_customer_list_model_new (fixture->store);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == FID_TYPE_CUSTOMER);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CUSTOMERS);
  g_assert_cmpuint (fid_customer_list_model_get_page_size (model), ==, 256);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_CUSTOMERS));
  /* Counting loads no row. */
  g_assert_cmpuint (fid_customer_list_model_get_n_loaded_pages (model), ==, 0);
}

static void
test_first_last_middle (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) all = list_all (fixture->store, FID_CUSTOMER_SORT_NAME);
  guint page_sizes[] = { 256, SMALL_PAGE };

  g_assert_cmpuint (all->len, ==, N_CUSTOMERS);

  for (guint p = 0; p < G_N_ELEMENTS (page_sizes); p++)
    {
      g_autoptr(FidCustomerListModel) model = new_model (fixture->store, page_sizes[p]);
      GListModel *list = G_LIST_MODEL (model);
      guint probes[] = { N_CUSTOMERS - 1, N_CUSTOMERS / 2, 0, 137, N_CUSTOMERS - 1 };

      /* Straight to the last row: one cursor pass, no page-by-page walk. */
      for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
        g_assert_cmpint (item_id (list, probes[i]), ==,
                         fid_customer_get_id (g_ptr_array_index (all, probes[i])));
    }
}

static void
check_walk (FidStore        *store,
            FidCustomerSort  sort,
            guint            page_size)
{
  g_autoptr(GPtrArray) all = list_all (store, sort);
  g_autoptr(FidCustomerListModel) model = new_model (store, page_size);
  GListModel *list = G_LIST_MODEL (model);

  fid_customer_list_model_set_sort (model, sort, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, all->len);

  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(FidCustomer) customer = g_list_model_get_item (list, i);
      FidCustomer *expected = g_ptr_array_index (all, i);

      g_assert_nonnull (customer);
      g_assert_cmpint (fid_customer_get_id (customer), ==, fid_customer_get_id (expected));
      g_assert_cmpstr (fid_customer_get_last_name (customer), ==, fid_customer_get_last_name (expected));
      g_assert_cmpstr (fid_customer_get_city (customer), ==, fid_customer_get_city (expected));
    }

  /* Backwards, as a user scrolling up from the bottom. */
  for (guint i = all->len; i > 0; i--)
    g_assert_cmpint (item_id (list, i - 1), ==,
                     fid_customer_get_id (g_ptr_array_index (all, i - 1)));

  /* Descending is the same list read from the end. */
  fid_customer_list_model_set_sort (model, sort, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, all->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (item_id (list, i), ==,
                     fid_customer_get_id (g_ptr_array_index (all, all->len - 1 - i)));
}

static void
test_same_as_store_walk (Fixture       *fixture,
                         gconstpointer  data)
{
  FidCustomerSort sorts[] = {
    FID_CUSTOMER_SORT_NAME,
    FID_CUSTOMER_SORT_CITY,
    FID_CUSTOMER_SORT_REVENUE,
    FID_CUSTOMER_SORT_LAST_CONTACT,
    FID_CUSTOMER_SORT_ID,
  };

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      check_walk (fixture->store, sorts[i], SMALL_PAGE);
      check_walk (fixture->store, sorts[i], 256);
      /* A page size that divides nothing. */
      check_walk (fixture->store, sorts[i], 7);
    }
}

static void
test_lru_bounded (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FidCustomerListModel) model = new_model (fixture->store, SMALL_PAGE);
  GListModel *list = G_LIST_MODEL (model);
  guint n_pages = (N_CUSTOMERS + SMALL_PAGE - 1) / SMALL_PAGE;

  g_assert_cmpuint (n_pages, >, 2 * FID_CUSTOMER_LIST_MODEL_MAX_PAGES);

  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_assert_nonnull (item);
      g_assert_cmpuint (fid_customer_list_model_get_n_loaded_pages (model), <=,
                        FID_CUSTOMER_LIST_MODEL_MAX_PAGES);
    }
  g_assert_cmpuint (fid_customer_list_model_get_n_loaded_pages (model), ==,
                    FID_CUSTOMER_LIST_MODEL_MAX_PAGES);

  /* An item the caller still holds outlives its evicted page. */
  {
    g_autoptr(FidCustomer) first = g_list_model_get_item (list, 0);
    gint64 id = fid_customer_get_id (first);

    for (guint i = N_CUSTOMERS - 1; i > N_CUSTOMERS / 2; i--)
      touch_item (list, i);

    g_assert_cmpint (fid_customer_get_id (first), ==, id);
    g_assert_cmpuint (fid_customer_list_model_get_n_loaded_pages (model), <=,
                      FID_CUSTOMER_LIST_MODEL_MAX_PAGES);
  }
}

static void
on_items_changed_cb (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *changes)
{
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, N_CUSTOMERS);
  g_assert_cmpuint (added, ==, N_CUSTOMERS);
  (*changes)++;
}

static void
test_sort_resets (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FidCustomerListModel) model = new_model (fixture->store, SMALL_PAGE);
  guint changes = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);

  touch_item (G_LIST_MODEL (model), 100);
  g_assert_cmpuint (fid_customer_list_model_get_n_loaded_pages (model), ==, 1);

  g_object_set (model, "sort", FID_CUSTOMER_SORT_CITY, NULL);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (fid_customer_list_model_get_sort (model), ==, FID_CUSTOMER_SORT_CITY);
  g_assert_cmpuint (fid_customer_list_model_get_n_loaded_pages (model), ==, 0);

  /* Setting the same order changes nothing. */
  fid_customer_list_model_set_sort (model, FID_CUSTOMER_SORT_CITY, FALSE);
  g_assert_cmpuint (changes, ==, 1);

  fid_customer_list_model_set_sort (model, FID_CUSTOMER_SORT_CITY, TRUE);
  g_assert_cmpuint (changes, ==, 2);

  fid_customer_list_model_reload (model);
  g_assert_cmpuint (changes, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/customer-list-model/n-items", Fixture, NULL,
              fixture_set_up, test_n_items, fixture_tear_down);
  g_test_add ("/ui/customer-list-model/first-last-middle", Fixture, NULL,
              fixture_set_up, test_first_last_middle, fixture_tear_down);
  g_test_add ("/ui/customer-list-model/same-as-store-walk", Fixture, NULL,
              fixture_set_up, test_same_as_store_walk, fixture_tear_down);
  g_test_add ("/ui/customer-list-model/lru-bounded", Fixture, NULL,
              fixture_set_up, test_lru_bounded, fixture_tear_down);
  g_test_add ("/ui/customer-list-model/sort-resets", Fixture, NULL,
              fixture_set_up, test_sort_resets, fixture_tear_down);

  return g_test_run ();
}
