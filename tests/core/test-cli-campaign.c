/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli campaign (issue 10), driven as a user
 * would: exit statuses, what is printed, what the database holds.
 * The path of the tool is argv[1] (tests/core/meson.build passes it). */

#include "config.h"
#include "fid-cli-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

static char *work_dir;



static char *
new_bank (const char *name)
{
  g_autofree char *err = NULL;
  char *path = g_build_filename (work_dir, name, NULL);

  if (RUN (NULL, &err, "demo", "--customers", "150", "--seed", "3", "--output", path) != 0)
    g_error ("fidelis-cli demo failed: %s", err);
  return path;
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static JsonObject *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* create → plan (reads only) → plan --launch → responses → results, on a
 * demo bank; the figures printed match the database. */
static void
test_campaign_flow (void)
{
  g_autofree char *bank = new_bank ("campaign.db");
  g_autofree char *csv = g_build_filename (work_dir, "responses.csv", NULL);
  g_autofree char *bad_csv = g_build_filename (work_dir, "bad.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) plan = NULL;
  g_autoptr(JsonObject) launched = NULL;
  g_autoptr(JsonObject) results = NULL;
  g_autoptr(GString) lines = g_string_new ("customer_id;responded_at\n");
  gint64 n_interactions_before = query_int (bank, "SELECT count (*) FROM interactions");
  gint64 campaign_id;

  g_assert_cmpint (RUN (&out, NULL, "campaign", "create", bank, "--name", "Relance", "--channel", "email",
                        "--family", "insurance", "--not-holds", "insurance", "--control", "10",
                        "--seed", "99", "--cost-per-contact", "0,05", "--fixed-cost", "200",
                        "--margin", "40", "--attribution-days", "45"), ==, 0);
  id = g_strstrip (g_steal_pointer (&out));
  g_assert_true (g_ascii_string_to_signed (id, 10, 1, G_MAXINT64, &campaign_id, NULL));
  g_assert_cmpint (query_int (bank, "SELECT count (*) FROM campaigns WHERE name = 'Relance' AND status = 'draft'"
                                    " AND cost_per_contact_cents = 5 AND fixed_cost_cents = 20000"
                                    " AND margin_per_conversion_cents = 4000 AND attribution_days = 45"
                                    " AND control_share = 0.1 AND seed = 99"), ==, 1);

  /* Plan: reads only, the same twice. */
  g_assert_cmpint (RUN (&out, NULL, "campaign", "plan", id, bank, "--cap", "2", "--cap-days", "30", "--json"), ==, 0);
  plan = parse_json (out);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (json_object_get_int_member (plan, "targeted"), ==,
                   query_int (bank, "SELECT count (*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM holdings h"
                                    " JOIN products p ON p.id = h.product_id WHERE h.customer_id = c.id"
                                    " AND h.closed_on IS NULL AND p.family = 'insurance')"));
  g_assert_cmpint (json_object_get_int_member (plan, "excluded_consent") +
                   json_object_get_int_member (plan, "excluded_pressure") +
                   json_object_get_int_member (plan, "control") +
                   json_object_get_int_member (plan, "to_contact"), ==,
                   json_object_get_int_member (plan, "targeted"));
  g_assert_cmpint (query_int (bank, "SELECT count (*) FROM interactions"), ==, n_interactions_before);

  /* Launch. */
  g_assert_cmpint (RUN (&out, NULL, "campaign", "plan", id, bank, "--launch", "--json"), ==, 0);
  launched = parse_json (out);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (json_object_get_int_member (launched, "to_contact"), ==,
                   json_object_get_int_member (plan, "to_contact"));
  g_assert_cmpint (json_object_get_int_member (launched, "control"), ==, json_object_get_int_member (plan, "control"));
  g_assert_cmpint (query_int (bank, "SELECT count (*) FROM interactions") - n_interactions_before, ==,
                   json_object_get_int_member (plan, "to_contact"));
  /* Twice: refused. */
  g_assert_cmpint (RUN (NULL, &err, "campaign", "plan", id, bank, "--launch"), ==, 1);
  g_assert_nonnull (strstr (err, "already been launched"));
  g_clear_pointer (&err, g_free);

  /* Responses: a bad line refuses the whole file. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT customer_id FROM campaign_targets WHERE campaign_id = %s"
                                            " AND grp = 'test' ORDER BY customer_id LIMIT 1", id);
    gint64 first = query_int (bank, sql);
    g_autofree char *bad = g_strdup_printf ("customer_id\n%" G_GINT64_FORMAT "\n0\n", first);

    g_string_append_printf (lines, "%" G_GINT64_FORMAT ";\n", first);
    g_assert_true (g_file_set_contents (bad_csv, bad, -1, NULL));
    g_assert_true (g_file_set_contents (csv, lines->str, -1, NULL));
  }
  g_assert_cmpint (RUN (NULL, &err, "campaign", "responses", id, bank, bad_csv), ==, 1);
  g_assert_nonnull (strstr (err, "line 3"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (query_int (bank, "SELECT count (*) FROM campaign_targets WHERE responded_at IS NOT NULL"
                                    " AND campaign_id = (SELECT max (id) FROM campaigns)"), ==, 0);
  g_assert_cmpint (RUN (&out, NULL, "campaign", "responses", id, bank, csv), ==, 0);
  g_assert_cmpstr (out, ==, "1 response imported\n");
  g_clear_pointer (&out, g_free);

  /* Results. */
  g_assert_cmpint (RUN (&out, NULL, "campaign", "results", id, bank, "--json"), ==, 0);
  results = parse_json (out);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (json_object_get_int_member (results, "test"), ==, json_object_get_int_member (plan, "to_contact"));
  g_assert_cmpint (json_object_get_int_member (results, "control"), ==, json_object_get_int_member (plan, "control"));
  g_assert_cmpint (json_object_get_int_member (results, "test_responses"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (results, "cost_cents"), ==,
                   20000 + 5 * json_object_get_int_member (plan, "to_contact"));
  g_assert_true (json_object_has_member (results, "p_value"));
  g_assert_true (json_object_has_member (results, "uplift"));
  g_assert_true (json_object_has_member (results, "roi"));

  /* The text form names what it prints. */
  g_assert_cmpint (RUN (&out, NULL, "campaign", "results", id, bank), ==, 0);
  g_assert_nonnull (strstr (out, "p-value"));
  g_assert_nonnull (strstr (out, "Return on investment"));
  g_clear_pointer (&out, g_free);

  /* Usage errors. */
  g_assert_cmpint (RUN (NULL, &err, "campaign", "plan", "abc", bank), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (RUN (NULL, &err, "campaign", "create", bank, "--name", "X", "--control", "95"), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (RUN (NULL, &err, "campaign", "create", bank, "--name", "X", "--family", "yachts"), ==, 1);
  g_assert_nonnull (strstr (err, "family"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (RUN (NULL, &err, "campaign", "results", "424242", bank), ==, 1);
  g_clear_pointer (&err, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-cli-campaign PATH-OF-FIDELIS-CLI");
  cli_path = argv[1];
  work_dir = g_dir_make_tmp ("fidelis-cli-campaign-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli-campaign/flow", test_campaign_flow);

  status = g_test_run ();
  g_free (work_dir);
  return status;
}
