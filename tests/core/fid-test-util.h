/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the core tests: temporary databases and raw fixture
 * rows (written with sqlite3 directly, the way a file from elsewhere would
 * be, so the store's own code is never used to check itself). */

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "fid-store.h"

static inline char *
fid_test_tmp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fidelis-test-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static inline FidStore *
fid_test_new_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("bank.db");
  FidStore *store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Runs SQL on the store's file through a separate connection. */
static inline void
fid_test_exec_raw (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("fixture SQL failed: %s\n%s", message, sql);
  sqlite3_close (db);
}

static inline char *
fid_test_file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("(absent)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static inline FidCustomer *
fid_test_customer (const char *first,
                   const char *last,
                   const char *city)
{
  FidCustomer *customer = fid_customer_new ();

  fid_customer_set_first_name (customer, first);
  fid_customer_set_last_name (customer, last);
  fid_customer_set_city (customer, city);
  return customer;
}

static inline gint64
fid_test_insert (FidStore   *store,
                 const char *first,
                 const char *last,
                 const char *city)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidCustomer) customer = fid_test_customer (first, last, city);

  g_assert_true (fid_store_insert_customer (store, customer, &error));
  g_assert_no_error (error);
  return fid_customer_get_id (customer);
}
