/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Search as the account manager types it: prefixes, several words, any
 * accents and case, e-mail, phone digits and city; text is never syntax. */

#include "config.h"

#include "fid-test-util.h"

static FidStore *
fill_store (void)
{
  FidStore *store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidCustomer) helene = fid_test_customer ("Hélène", "Martin", "Lyon");
  g_autoptr(FidCustomer) francois = fid_test_customer ("François", "Lefèvre", "Besançon");

  fid_customer_set_email (helene, "h.martin@laposte.net");
  fid_customer_set_phone (helene, "06 12 34 56 78");
  g_assert_true (fid_store_insert_customer (store, helene, &error));
  g_assert_true (fid_store_insert_customer (store, francois, &error));
  fid_test_insert (store, "Marc", "Martinez", "Marseille");
  fid_test_insert (store, "Émilie", "Dubois", "Saint-Étienne");
  fid_test_insert (store, "Paul", "O'Brien", "Paris");
  g_assert_no_error (error);
  return store;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Returns the sorted last names found for @text, joined by commas. */
static char *
found (FidStore   *store,
       const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fid_store_search_customers (store, text, 50, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (names, (gpointer) fid_customer_get_last_name (rows->pdata[i]));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

static void
assert_found (FidStore   *store,
              const char *text,
              const char *expected)
{
  g_autofree char *names = found (store, text);

  g_test_message ("search “%s” → %s", text, names);
  g_assert_cmpstr (names, ==, expected);
}

static void
test_search_accents_and_prefixes (void)
{
  g_autoptr(FidStore) store = fill_store ();

  assert_found (store, "helene", "Martin");
  assert_found (store, "HÉLÈNE", "Martin");
  assert_found (store, "hel", "Martin");
  assert_found (store, "mar", "Martin,Martinez");
  assert_found (store, "martin", "Martin,Martinez");
  assert_found (store, "francois lef", "Lefèvre");
  assert_found (store, "lefevre", "Lefèvre");
  assert_found (store, "besancon", "Lefèvre");
  assert_found (store, "saint etienne", "Dubois");
  assert_found (store, "emilie", "Dubois");
  assert_found (store, "mar lyon", "Martin");
  assert_found (store, "laposte", "Martin");
  assert_found (store, "0612", "Martin");
  assert_found (store, "zzz", "");
}

static void
test_search_text_is_never_syntax (void)
{
  g_autoptr(FidStore) store = fill_store ();
  static const char * const payloads[] = {
    "' OR 1=1 --", "\"", "\"\"", "mar\" OR \"", "*", "NEAR(a b)", "martin AND",
    "); DROP TABLE customers; --", "last_name:martin", "^mar", "-mar", "(", "\\",
  };

  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = fid_store_search_customers (store, payloads[i], 50, &error);

      g_test_message ("payload %s", payloads[i]);
      g_assert_no_error (error);
      g_assert_nonnull (rows);
    }
  /* Words inside the payloads are still searched literally. */
  assert_found (store, "o'brien", "O'Brien");
  /* A one-letter word beside a longer one is ignored (it has no prefix index). */
  assert_found (store, "d'martin h", "Martin,Martinez");
  assert_found (store, "martin AND", "");
  assert_found (store, "   ", "");
  g_assert_cmpint (fid_store_count_customers (store, NULL, NULL), ==, 5);
}

static void
test_search_filtered (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("filtered.db");
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  FidCustomerFilter filter = { 0 };

  g_assert_no_error (error);
  fid_test_exec_raw (path,
                     "INSERT INTO branches (id, code, name, city) VALUES (1, 'LYO', 'Lyon', 'Lyon');"
                     "INSERT INTO advisors (id, branch_id, first_name, last_name) VALUES (1, 1, 'Paul', 'Girard'),"
                     " (2, 1, 'Anne', 'Roux');");
  /* 60 Martins for advisor 1, then 3 for advisor 2: a limit applied before
   * the filter would find none of the second advisor's. */
  for (guint i = 0; i < 63; i++)
    {
      g_autoptr(FidCustomer) c = fid_test_customer ("Jean", "Martin", "Lyon");

      fid_customer_set_advisor_id (c, i < 60 ? 1 : 2);
      fid_customer_set_lifecycle_stage (c, i % 2 ? "satisfied" : "lost");
      g_assert_true (fid_store_insert_customer (store, c, &error));
    }

  filter.advisor_id = 2;
  {
    g_autoptr(GPtrArray) rows = fid_store_search_customers_filtered (store, &filter, "mar", 50, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 3);
    for (guint i = 0; i < rows->len; i++)
      g_assert_cmpint (fid_customer_get_advisor_id (rows->pdata[i]), ==, 2);
  }
  filter = (FidCustomerFilter) { .lifecycle_stage = "lost" };
  {
    g_autoptr(GPtrArray) rows = fid_store_search_customers_filtered (store, &filter, "jean mar", 100, &error);

    g_assert_cmpuint (rows->len, ==, 32);
  }
  {
    g_autoptr(GPtrArray) rows = fid_store_search_customers_filtered (store, NULL, "mar", 100, &error);

    g_assert_cmpuint (rows->len, ==, 63);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/accents-and-prefixes", test_search_accents_and_prefixes);
  g_test_add_func ("/search/text-is-never-syntax", test_search_text_is_never_syntax);
  g_test_add_func ("/search/filtered", test_search_filtered);

  return g_test_run ();
}
