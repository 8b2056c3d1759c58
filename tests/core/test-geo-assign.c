/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A generated demo bank placed against the real outlines of the French
 * départements (../shared/data/geo/, outside the project: the test skips
 * when it is absent). Every customer of the demo lives in a French city,
 * so each must land in the département of their postcode: its first two
 * digits, except Corsica, where 200xx–201xx is Corse-du-Sud (2A) and
 * 202xx–206xx Haute-Corse (2B).
 *
 * The demo scatters a city's customers up to 0.015° around its centre
 * (about 1.7 km north–south, 1.1 km east–west), and some cities sit on a
 * border (Villeurbanne, Montreuil, Valence on the Rhône) or on a coast the
 * simplified outlines cut: so the city centres themselves (one customer
 * added at each) must all land exactly right, and a scattered customer
 * may land in a neighbour only when their point lies within 2.1 km (the
 * scatter's half-diagonal) of their own département's outline. */

#include <math.h>

#include "fid-demo.h"
#include "fid-demo-data.h"
#include "fid-geojson.h"
#include "fid-store-geo.h"
#include "fid-test-util.h"

static char *
departements_path (void)
{
  /* G_TEST_DIST is tests/; the project root is its parent, and the shared
   * data sits next to the project. */
  return g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "data", "geo",
                                "departements-france-simplifie.geojson", NULL);
}

static char *
expected_code (const char *postcode)
{
  if (postcode == NULL || strlen (postcode) != 5)
    return NULL;
  if (g_str_has_prefix (postcode, "20"))
    return g_strdup (atoi (postcode) < 20200 ? "2A" : "2B");
  return g_strndup (postcode, 2);
}

static void
test_departements (void)
{
  g_autofree char *geo_path = departements_path ();
  g_autofree char *db_path = fid_test_tmp_path ("demo.db");
  g_autoptr(GFile) file = g_file_new_for_path (geo_path);
  g_autoptr(FidDemo) demo = fid_demo_new (3000, 13);
  g_autoptr(GPtrArray) territories = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) cities_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FidGeoAssignStats stats;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint checked = 0, near_border = 0;

  if (!g_file_test (geo_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the départements file is not at ../shared/data/geo/departements-france-simplifie.geojson "
                   "(it is kept outside the project); skipping");
      return;
    }
  territories = fid_geojson_load_territories (file, "nom", "code", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (territories->len, ==, 96);

  g_assert_true (fid_demo_write (demo, db_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* One customer at each city's centre, ids from 1 000 000 up. */
  {
    g_autoptr(GString) sql = g_string_new ("BEGIN;");

    for (guint c = 0; c < fid_demo_cities_len; c++)
      {
        char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_dtostr (lat, sizeof lat, fid_demo_cities[c].latitude);
        g_ascii_dtostr (lon, sizeof lon, fid_demo_cities[c].longitude);
        g_string_append_printf (sql,
                                "INSERT INTO customers (id, last_name, sort_name, city, postcode, latitude,"
                                " longitude, created_at, updated_at) VALUES (%u, 'Centre', 'centre', '%s',"
                                " '%05u', %s, %s, '2026-01-01', '2026-01-01');",
                                1000000 + c, "centre", (guint) fid_demo_cities[c].postcode, lat, lon);
      }
    g_string_append (sql, "COMMIT;");
    fid_test_exec_raw (db_path, sql->str);
  }
  store = fid_store_open (db_path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (fid_store_geo_import (store, "Départements", "departements-france-simplifie.geojson",
                                       "nom", "code", territories, &stats, &error));
  g_assert_no_error (error);
  g_test_message ("%" G_GINT64_FORMAT " customers placed, %" G_GINT64_FORMAT " in a département, in %.2f s",
                  stats.customers, stats.in_territory, stats.seconds);
  g_assert_cmpint (stats.customers, ==, 3000 + fid_demo_cities_len);

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT c.id, c.postcode, c.city, c.longitude, c.latitude, t.code FROM customers c"
    " LEFT JOIN customer_territories ct ON ct.customer_id = c.id"
    " LEFT JOIN territories t ON t.id = ct.territory_id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *expected = expected_code ((const char *) sqlite3_column_text (stmt, 1));
      const char *got = (const char *) sqlite3_column_text (stmt, 5);

      g_assert_nonnull (expected);
      g_hash_table_add (cities_seen, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      checked++;
      if (g_strcmp0 (expected, got) != 0)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          double lon = sqlite3_column_double (stmt, 3), lat = sqlite3_column_double (stmt, 4);
          FidTerritory *own = NULL;
          double to_border;

          for (guint t = 0; t < territories->len; t++)
            if (g_str_equal (((FidTerritory *) g_ptr_array_index (territories, t))->code, expected))
              own = g_ptr_array_index (territories, t);
          g_assert_nonnull (own);
          to_border = fid_geometry_boundary_distance (own->geometry, lon, lat,
                                                      111320.0 * cos (lat * G_PI / 180), 110540.0);
          g_test_message ("customer %lld in %s (%s) at %.5f, %.5f: expected %s, placed in %s, %.0f m from %s",
                          (long long) id, sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 1),
                          lon, lat, expected, got ? got : "(none)", to_border, expected);
          /* A city centre: exactly right, always. */
          g_assert_cmpint (id, <, 1000000);
          g_assert_cmpfloat (to_border, <=, 2100);
          near_border++;
          continue;
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_test_message ("%u customers from %u cities checked; %u scattered next to a border land across it",
                  checked, g_hash_table_size (cities_seen), near_border);
  g_assert_cmpuint (checked, ==, 3000 + fid_demo_cities_len);
  /* Most customers are nowhere near a border. */
  g_assert_cmpuint (near_border, <, checked / 20);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/geo-assign/departements", test_departements);
  return g_test_run ();
}
