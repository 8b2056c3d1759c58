/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GeoJSON territories: a good file imports and places customers; each
 * kind of bad file (tests/data/geo/) is its own error naming the feature,
 * and a bank that already had territories keeps them unchanged. */

#include <glib/gstdio.h>

#include "fid-geojson.h"
#include "fid-store-geo.h"
#include "fid-test-util.h"

static GPtrArray *
load (const char  *name,
      GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "geo", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return fid_geojson_load_territories (file, "nom", "code", error);
}

/* A store with two customers in "West" (2..3 E), one in "East" (3..4 E),
 * one on their shared edge, one outside both, one without coordinates. */
static FidStore *
store_with_customers (void)
{
  FidStore *store = fid_test_new_store ();
  const char *path = fid_store_get_path (store);
  g_autofree char *sql = NULL;

  for (guint i = 0; i < 6; i++)
    fid_test_insert (store, "Anne", "Martin", "Bourges");
  fid_test_exec_raw (path,
    "INSERT INTO branches (id, code, name, city, latitude, longitude) VALUES"
    " (1, 'W', 'West branch', 'Bourges', 46.5, 2.5), (2, 'E', 'East branch', 'Nevers', 46.5, 3.8);"
    "UPDATE customers SET branch_id = 1;"
    "UPDATE customers SET latitude = 46.2, longitude = 2.2 WHERE id = 1;"
    "UPDATE customers SET latitude = 46.8, longitude = 2.9 WHERE id = 2;"
    "UPDATE customers SET latitude = 46.5, longitude = 3.6 WHERE id = 3;"
    "UPDATE customers SET latitude = 46.5, longitude = 3.0 WHERE id = 4;"   /* on the shared edge */
    "UPDATE customers SET latitude = 48.0, longitude = 2.5 WHERE id = 5;");  /* north of both */
  return store;
}

static gint64
count (FidStore   *store,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open (fid_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_good (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) territories = load ("good.geojson", &error);
  g_autoptr(FidStore) store = store_with_customers ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *current = NULL;
  FidGeoAssignStats stats;
  FidTerritory *east;

  g_assert_no_error (error);
  g_assert_cmpuint (territories->len, ==, 2);
  east = g_ptr_array_index (territories, 1);
  g_assert_cmpstr (east->code, ==, "B");
  g_assert_cmpstr (east->name, ==, "East");
  /* The closing position is dropped: 4 corners. */
  g_assert_cmpuint (fid_geometry_get_n_points (east->geometry), ==, 4);

  g_assert_true (fid_store_geo_import (store, "Test", "good.geojson", "nom", "code", territories, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stats.customers, ==, 5);
  g_assert_cmpint (stats.in_territory, ==, 4);
  g_assert_cmpint (stats.without_coordinates, ==, 1);
  current = fid_store_geo_dup_current_set (store, &error);
  g_assert_cmpstr (current, ==, "Test");

  listed = fid_store_geo_list_territories (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  /* West: customers 1, 2 and 4 (the shared edge goes to the smaller id,
   * West's); East: customer 3. */
  g_assert_cmpint (((FidGeoTerritory *) g_ptr_array_index (listed, 0))->customers, ==, 3);
  g_assert_cmpint (((FidGeoTerritory *) g_ptr_array_index (listed, 1))->customers, ==, 1);
  g_assert_cmpfloat_with_epsilon (((FidGeoTerritory *) g_ptr_array_index (listed, 0))->penetration, 0.75, 1e-12);
  ids = fid_store_geo_list_customers (store, ((FidGeoTerritory *) g_ptr_array_index (listed, 1))->id, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 3);

  /* Nearest branches: West (2.5 E) for customers 1, 2, 4 and 5; East
   * (3.8 E) for customer 3. All six belong to West: 4 of its 5 placed
   * customers live in its own cell. */
  branches = fid_store_geo_list_branches (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (branches->len, ==, 2);
  {
    FidGeoBranch *e = g_ptr_array_index (branches, 0), *w = g_ptr_array_index (branches, 1);

    g_assert_cmpstr (w->code, ==, "W");
    g_assert_cmpint (w->catchment, ==, 4);
    g_assert_cmpint (e->catchment, ==, 1);
    g_assert_cmpint (w->customers, ==, 5);
    g_assert_cmpint (w->own_in_cell, ==, 4);
    g_assert_cmpfloat_with_epsilon (fid_geo_branch_own_share (w), 0.8, 1e-12);
    g_assert_cmpint (e->customers, ==, 0);
  }
  /* Distance of customer 3 (3.6 E) to East (3.8 E) on the 46.5 N
   * parallel: 0.2° × 111.32 km × cos 46.5° ≈ 15.3 km. */
  g_assert_cmpint (count (store, "SELECT round (branch_distance_m / 100) FROM customer_territories WHERE customer_id = 3"),
                   ==, 153);
  g_assert_cmpint (count (store, "SELECT count (*) FROM audit_log WHERE action = 'geo_import'"), ==, 1);
}

static void
check_bad (gconstpointer data)
{
  const struct { const char *file; int code; const char *words; } *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) good = load ("good.geojson", NULL);
  g_autoptr(FidStore) store = store_with_customers ();
  g_autoptr(GPtrArray) territories = NULL;
  g_autofree char *before = NULL;

  g_assert_true (fid_store_geo_import (store, "Before", "good.geojson", "nom", "code", good, NULL, &error));
  before = fid_test_file_digest (fid_store_get_path (store));

  territories = load (c->file, &error);
  g_assert_null (territories);
  g_assert_error (error, FID_GEOJSON_ERROR, c->code);
  g_test_message ("%s: %s", c->file, error->message);
  g_assert_nonnull (strstr (error->message, c->words));
  /* Nothing imported: the set, its territories and the places are as
   * they were. */
  g_assert_cmpint (count (store, "SELECT count (*) FROM territory_sets"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count (*) FROM territories"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count (*) FROM customer_territories WHERE territory_id IS NOT NULL"), ==, 4);
}

static const struct { const char *file; int code; const char *words; } bad_files[] = {
  { "bad-type.geojson", FID_GEOJSON_ERROR_GEOMETRY_TYPE, "Feature 2 is a “LineString”" },
  { "unclosed.geojson", FID_GEOJSON_ERROR_RING_NOT_CLOSED, "Feature 2: a ring is not closed" },
  { "short-ring.geojson", FID_GEOJSON_ERROR_RING_TOO_SHORT, "Feature 1: a ring has 3 positions" },
  { "out-of-range.geojson", FID_GEOJSON_ERROR_OUT_OF_RANGE, "Feature 2: position 1 (700000, 6.6e+06)" },
  { "swapped.geojson", FID_GEOJSON_ERROR_SWAPPED, "latitude, longitude" },
  { "missing-name.geojson", FID_GEOJSON_ERROR_MISSING_PROPERTY, "Feature 2 (code B) has no “nom” property" },
  { "duplicate-code.geojson", FID_GEOJSON_ERROR_DUPLICATE_CODE, "Feature 2 has the code A" },
  { "not-json.geojson", FID_GEOJSON_ERROR_SYNTAX, "not valid JSON" },
};

/* A file over the limit is refused from its size, before being read (a
 * sparse file: no disk space used). */
static void
test_too_large (void)
{
  g_autofree char *path = fid_test_tmp_path ("huge.geojson");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) territories = NULL;
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, FID_GEOJSON_MAX_BYTES, SEEK_SET), ==, 0);
  fputc ('}', out);
  fclose (out);
  territories = fid_geojson_load_territories (file, "nom", "code", &error);
  g_assert_null (territories);
  g_assert_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_TOO_LARGE);
  g_unlink (path);
}

/* The store's own refusal (two territories with one code, which the
 * parser would have caught) rolls the whole import back: the earlier set
 * stays current with its territories and places. */
static void
test_import_rolls_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) good = load ("good.geojson", NULL);
  g_autoptr(GPtrArray) twice = load ("good.geojson", NULL);
  g_autoptr(FidStore) store = store_with_customers ();
  g_autofree char *current = NULL;

  g_assert_true (fid_store_geo_import (store, "Before", "good.geojson", "nom", "code", good, NULL, &error));
  g_free (((FidTerritory *) g_ptr_array_index (twice, 1))->code);
  ((FidTerritory *) g_ptr_array_index (twice, 1))->code = g_strdup ("A");
  g_assert_false (fid_store_geo_import (store, "After", "twice.geojson", "nom", "code", twice, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  current = fid_store_geo_dup_current_set (store, &error);
  g_assert_cmpstr (current, ==, "Before");
  g_assert_cmpint (count (store, "SELECT count (*) FROM territories"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count (*) FROM customer_territories WHERE territory_id IS NOT NULL"), ==, 4);
  /* Importing under the same name replaces the set rather than adding one. */
  g_assert_true (fid_store_geo_import (store, "Before", "good.geojson", "nom", "code", twice, NULL, &error) == FALSE);
  g_clear_error (&error);
  g_assert_true (fid_store_geo_import (store, "Before", "good.geojson", "nom", "code", good, NULL, &error));
  g_assert_cmpint (count (store, "SELECT count (*) FROM territory_sets"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count (*) FROM territory_boxes"), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/geojson/good", test_good);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/geojson/bad/%s", bad_files[i].file);

      g_test_add_data_func (name, &bad_files[i], check_bad);
    }
  g_test_add_func ("/geojson/too-large", test_too_large);
  g_test_add_func ("/geojson/import-rolls-back", test_import_rolls_back);
  return g_test_run ();
}
