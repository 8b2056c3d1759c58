/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The search box's query builder (build_match_query in
 * app/core/store/fid-store-listing.c) through the public search call, on a
 * small database made once. Whatever the text, the FTS5 query built from
 * it must be valid (an error here is a finding: text reached FTS5 as
 * syntax), with and without a list filter. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>

#include "fid-store.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static FidStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static const char * const names[][3] = {
    { "Jean", "Martin", "Lyon" }, { "Hélène", "Château", "Brest" }, { "Robert", "O'Brien", "Paris" },
    { "Zoé", "Near", "Nantes" }, { "Anne", "Or", "Lille" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fidelis-fuzz-search-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bank.db", NULL);
  store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(FidCustomer) customer = fid_customer_new ();

      fid_customer_set_first_name (customer, names[i][0]);
      fid_customer_set_last_name (customer, names[i][1]);
      fid_customer_set_city (customer, names[i][2]);
      g_assert_true (fid_store_insert_customer (store, customer, &error));
      g_assert_no_error (error);
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The search entry hands over valid UTF-8 without NUL. */
  g_autofree char *raw = g_strndup ((const char *) data, size);
  g_autofree char *text = g_utf8_make_valid (raw, -1);
  FidCustomerFilter filter = { .segment = text };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fid_store_search_customers (store, text, 20, &error);
  g_autoptr(GPtrArray) filtered = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  filtered = fid_store_search_customers_filtered (store, &filter, text, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (filtered->len, ==, 0);
  return 0;
}
