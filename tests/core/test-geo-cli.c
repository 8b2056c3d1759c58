/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli geo import and geo summary, driven as a user would (issue
 * 13): the report, the CSV and JSON rows, the exit statuses, and nothing
 * written when a file is refused. The first argument is the fidelis-cli
 * program. */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fid-test-util.h"

static const char *cli;

static int
run (char      **out,
     char      **err,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  int status = -1;

  g_ptr_array_add (args, (char *) cli);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static char *
geo_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "geo", name, NULL);
}

/* Three customers in West (2..3 E), one in East (3..4 E); customers 1 and
 * 2 have 12-month revenue 100.00 and 50.00, customer 4 (East) 400.00. */
static char *
make_bank (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  char *path = g_strdup (fid_store_get_path (store));

  for (guint i = 0; i < 4; i++)
    fid_test_insert (store, "Anne", "Martin", "Bourges");
  g_clear_object (&store);
  fid_test_exec_raw (path,
    "INSERT INTO branches (id, code, name, city, latitude, longitude) VALUES"
    " (1, 'W', 'West, Centre', 'Bourges', 46.5, 2.5);"
    "UPDATE customers SET branch_id = 1, latitude = 46.5;"
    "UPDATE customers SET longitude = 2.2 WHERE id IN (1, 2);"
    "UPDATE customers SET longitude = 2.8 WHERE id = 3;"
    "UPDATE customers SET longitude = 3.5 WHERE id = 4;"
    "UPDATE customer_stats SET revenue_12m_cents = 10000 WHERE customer_id = 1;"
    "UPDATE customer_stats SET revenue_12m_cents = 5000 WHERE customer_id = 2;"
    "UPDATE customer_stats SET revenue_12m_cents = 40000 WHERE customer_id = 4;");
  return path;
}

static void
test_import_and_summary (void)
{
  g_autofree char *db = make_bank ();
  g_autofree char *good = geo_file ("good.geojson");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  JsonObject *first;

  g_assert_cmpint (run (&out, &err, "geo", "import", good, db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Imported 2 territories as “good”"));
  g_assert_nonnull (strstr (out, "Placed 4 customers: 4 in a territory"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* CSV, most customers first. */
  g_assert_cmpint (run (&out, &err, "geo", "summary", db, "--measure", "customers", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "code,name,customers\nA,West,3\nB,East,1\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Revenue: East's 400.00 before West's 150.00. */
  g_assert_cmpint (run (&out, &err, "geo", "summary", db, "--measure", "revenue", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "code,name,customers,revenue_12m\nB,East,1,400.00\nA,West,3,150.00\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "geo", "summary", db, "--measure", "penetration", "--format", "json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  rows = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "territories");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  first = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "code"), ==, "A");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "penetration"), 0.75, 1e-9);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The branch's catchment: all four customers, all of them its own;
   * its name has a comma, so it is quoted. */
  g_assert_cmpint (run (&out, &err, "geo", "summary", db, "--branches", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "code,name,customers,catchment,own_in_cell,own_share\n"
                            "W,\"West, Centre\",4,4,4,1.0000\n");
}

static void
test_refused (void)
{
  g_autofree char *db = make_bank ();
  g_autofree char *good = geo_file ("good.geojson");
  g_autofree char *unclosed = geo_file ("unclosed.geojson");
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_assert_cmpint (run (&out, &err, "geo", "import", good, db, "--set-name", "Zones", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  before = fid_test_file_digest (db);

  /* A bad file: exit 1, the feature named, the bank unchanged. */
  g_assert_cmpint (run (&out, &err, "geo", "import", unclosed, db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Feature 2: a ring is not closed"));
  after = fid_test_file_digest (db);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A property the file does not have. */
  g_assert_cmpint (run (&out, &err, "geo", "import", good, db, "--name-property", "name", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Feature 1 (code A) has no “name” property"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage errors: exit 2. */
  g_assert_cmpint (run (&out, &err, "geo", "summary", db, "--measure", "weather", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--measure expects"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "geo", "summary", db, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "geo", "import", good, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A segment no snapshot has: a clear runtime error. */
  g_assert_cmpint (run (&out, &err, "geo", "summary", db, "--measure", "segment:champions", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "No saved segmentation has a segment “champions”"));
}

static void
test_no_territories (void)
{
  g_autofree char *db = make_bank ();
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "geo", "summary", db, "--measure", "customers", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "No territories yet"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, >=, 2);
  cli = argv[1];
  g_test_add_func ("/geo-cli/import-and-summary", test_import_and_summary);
  g_test_add_func ("/geo-cli/refused", test_refused);
  g_test_add_func ("/geo-cli/no-territories", test_no_territories);
  return g_test_run ();
}
