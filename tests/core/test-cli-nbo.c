/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli nbo and pipeline, driven as a script would: the suggested
 * offers with their reason (text and JSON), the co-holding refresh, the
 * pipeline's totals and forecast, and the exit statuses of bad input. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "fid-test-util.h"

static const char *cli;

static int
run (char      **out,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
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
                               out, &err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Customer 1 (Hélène Martin) holds the current account; her child starts
 * higher education on 2026-09-02. Two opportunities, by hand:
 *   lead 1 000,00 € × 0.10 closing 2026-10-05 → weighted 100,00 €
 *   proposal 3 000,00 € × 0.50 closing 2026-10-20 → weighted 1 500,00 €
 *   forecast 2026-10: 2 opportunities, 4 000,00 €, weighted 1 600,00 €. */
static char *
make_bank (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  char *path = g_strdup (fid_store_get_path (store));

  fid_test_exec_raw (path,
                     "INSERT INTO advisors (id, first_name, last_name) VALUES (1, 'Claire', 'Moreau');"
                     "INSERT INTO products (id, code, name, family) VALUES"
                     " (1, 'CC-STD', 'Compte courant', 'current_account'),"
                     " (2, 'PE', 'Prêt étudiant', 'student_loan');"
                     "INSERT INTO customers (id, first_name, last_name, sort_name, city, advisor_id,"
                     " created_at, updated_at) VALUES"
                     " (1, 'Hélène', 'Martin', 'martin helene', 'Lyon', 1, '2020-01-01', '2020-01-01');"
                     "INSERT INTO holdings (customer_id, product_id, opened_on) VALUES (1, 1, '2020-01-01');"
                     "INSERT INTO life_events (customer_id, kind, occurred_on) VALUES (1, 'higher_education', '2026-09-02');"
                     "INSERT INTO opportunities (customer_id, product_id, stage, amount_cents, probability,"
                     " advisor_id, created_at, expected_close_on) VALUES"
                     " (1, 2, 'lead', 100000, 0.1, 1, '2026-09-01', '2026-10-05'),"
                     " (1, 1, 'proposal', 300000, 0.5, 1, '2026-09-01', '2026-10-20');");
  return path;
}

static void
test_nbo (void)
{
  g_autofree char *db = make_bank ();
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *first;

  /* The student loan is in an open opportunity already: nothing to offer
   * but it, once that opportunity is lost. */
  fid_test_exec_raw (db, "UPDATE opportunities SET stage = 'lost' WHERE product_id = 2;");
  g_assert_cmpint (run (&out, "nbo", "1", db, "--as-of", "2026-09-10", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "Suggested offers for Hélène Martin (customer 1):\n"
                   "1. Prêt étudiant (PE)\n"
                   "   Child starting higher education on 2 Sep 2026\n");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&out, "nbo", "1", db, "--as-of", "2026-09-10", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "product_code"), ==, "PE");
  g_assert_cmpstr (json_object_get_string_member (first, "source"), ==, "life_event");
  g_assert_cmpstr (json_object_get_string_member (first, "event_date"), ==, "2026-09-02");
  g_clear_pointer (&out, g_free);

  /* After the window: nothing. */
  g_assert_cmpint (run (&out, "nbo", "1", db, "--as-of", "2027-09-03", NULL), ==, 0);
  g_assert_true (strstr (out, "none") != NULL);
  g_clear_pointer (&out, g_free);

  /* Refresh writes the statistics: one customer with a current holding. */
  g_assert_cmpint (run (&out, "nbo", "refresh", db, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Co-holding statistics computed over 1 customers"));
  g_clear_pointer (&out, g_free);

  /* Bad input: usage errors (2), an unknown customer (1). */
  g_assert_cmpint (run (&out, "nbo", "x", db, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, "nbo", "1", db, "--as-of", "2026-02-30", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, "nbo", "1", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, "nbo", "99", db, NULL), ==, 1);
}

static void
test_pipeline (void)
{
  g_autofree char *db = make_bank ();
  g_autofree char *out = NULL;

  g_assert_cmpint (run (&out, "pipeline", db, NULL), ==, 0);
  g_assert_true (strstr (out, "lead                1          1000.00           100.00\n") != NULL);
  g_assert_true (strstr (out, "proposal            1          3000.00          1500.00\n") != NULL);
  g_assert_true (strstr (out, "2026-10             2          4000.00          1600.00\n") != NULL);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, "pipeline", db, "--advisor", "2", NULL), ==, 0);
  g_assert_true (strstr (out, "2026-10") == NULL);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, "pipeline", db, "--branch", "zero", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cli = argv[1];

  g_test_add_func ("/cli-nbo/nbo", test_nbo);
  g_test_add_func ("/cli-nbo/pipeline", test_pipeline);

  return g_test_run ();
}
