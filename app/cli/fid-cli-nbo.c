/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli nbo and pipeline (issue 10), for scripts and headless use:
 *
 *   nbo CUSTOMER_ID FILE [--as-of DATE] [--max N] [--json]
 *       the customer's suggested offers, best first, with their reason;
 *   nbo refresh FILE
 *       recomputes the co-holding statistics (writes FILE);
 *   pipeline FILE [--advisor ID] [--branch ID] [--json]
 *       opportunities, amount and weighted amount per stage, and the
 *       weighted forecast per month.
 *
 * nbo and pipeline open the database read-only: when the co-holding
 * statistics were never computed, nbo says so and suggests from the
 * life events alone. Amounts are printed in euros with a dot (12345.67),
 * for scripts. */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "fid-cli-nbo.h"
#include "fid-cli-private.h"
#include "fid-nbo.h"
#include "fid-store-opportunities.h"

static char *
euros (gint64 cents)
{
  return g_strdup_printf ("%s%" PRId64 ".%02d", cents < 0 ? "-" : "",
                          (cents < 0 ? -cents : cents) / 100, (int) ((cents < 0 ? -cents : cents) % 100));
}

static gboolean
valid_date (const char *text)
{
  unsigned y, m, d;
  char end;

  return sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) == 3 && strlen (text) == 10 &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static int
nbo_refresh (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  gint64 customers = 0;
  gint64 start;

  if (argc != 1)
    return fid_cli_usage_error (_("nbo refresh takes one FILE"));
  store = fid_store_open (argv[0], FID_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fid_cli_runtime_error (error);
  fid_store_set_actor (store, "cli");
  start = g_get_monotonic_time ();
  if (!fid_nbo_refresh_pairs (store, &error) || !fid_nbo_get_pairs_state (store, NULL, &customers, &error))
    return fid_cli_runtime_error (error);
  printf (_("Co-holding statistics computed over %" PRId64 " customers in %.1f s.\n"),
          customers, (g_get_monotonic_time () - start) / 1e6);
  return FID_CLI_EXIT_OK;
}

static const char *
source_name (FidNboSource source)
{
  return source == FID_NBO_SOURCE_LIFE_EVENT ? "life_event" : "co_holding";
}

int
fid_cli_nbo (int    argc,
             char **argv)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(FidCustomer) customer = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *refreshed_at = NULL;
  g_autofree char *name = NULL;
  const char *as_of = NULL;
  gboolean json = FALSE;
  guint64 max = 3;
  gint64 id;

  if (argc >= 1 && g_str_equal (argv[0], "refresh"))
    return nbo_refresh (argc - 1, argv + 1);

  for (int i = 0; i < argc; i++)
    {
      gboolean matched = FALSE;
      const char *value;

      if ((value = fid_cli_take_option_value (argc, argv, &i, "--as-of", &matched)) != NULL || matched)
        {
          if (value == NULL || !valid_date (value))
            return fid_cli_usage_error (_("--as-of needs a date YYYY-MM-DD"));
          as_of = value;
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--max", &matched)) != NULL || matched)
        {
          if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 100, &max, NULL))
            return fid_cli_usage_error (_("--max needs a number from 1 to 100"));
        }
      else if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return fid_cli_usage_error (_("unknown option “%s”"), argv[i]);
      else
        g_ptr_array_add (positional, argv[i]);
    }
  if (positional->len != 2)
    return fid_cli_usage_error (_("nbo needs a CUSTOMER_ID and a FILE"));
  if (!fid_cli_parse_id (g_ptr_array_index (positional, 0), &id))
    return fid_cli_usage_error (_("“%s” is not a customer number"), (char *) g_ptr_array_index (positional, 0));

  store = fid_cli_open_store (g_ptr_array_index (positional, 1));
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;
  customer = fid_store_get_customer (store, id, &error);
  if (customer == NULL)
    return fid_cli_runtime_error (error);
  list = fid_nbo_suggest (store, id, as_of, (guint) max, &error);
  if (list == NULL)
    return fid_cli_runtime_error (error);
  if (!fid_nbo_get_pairs_state (store, &refreshed_at, NULL, &error))
    return fid_cli_runtime_error (error);
  if (refreshed_at == NULL)
    fprintf (stderr, "%s\n", _("fidelis-cli: the co-holding statistics were never computed: "
                               "suggestions come from life events only (run “fidelis-cli nbo refresh FILE”)."));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        {
          FidNboSuggestion *s = g_ptr_array_index (list, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_int_value (builder, i + 1);
          json_builder_set_member_name (builder, "product_id");
          json_builder_add_int_value (builder, s->product_id);
          json_builder_set_member_name (builder, "product_code");
          json_builder_add_string_value (builder, s->product_code);
          json_builder_set_member_name (builder, "product_name");
          json_builder_add_string_value (builder, s->product_name);
          json_builder_set_member_name (builder, "family");
          json_builder_add_string_value (builder, s->product_family);
          json_builder_set_member_name (builder, "source");
          json_builder_add_string_value (builder, source_name (s->source));
          json_builder_set_member_name (builder, "score");
          json_builder_add_double_value (builder, s->score);
          json_builder_set_member_name (builder, "reason");
          json_builder_add_string_value (builder, s->reason);
          if (s->source == FID_NBO_SOURCE_LIFE_EVENT)
            {
              json_builder_set_member_name (builder, "event_kind");
              json_builder_add_string_value (builder, s->event_kind);
              json_builder_set_member_name (builder, "event_date");
              json_builder_add_string_value (builder, s->event_date);
            }
          else
            {
              json_builder_set_member_name (builder, "support");
              json_builder_add_double_value (builder, s->support);
              json_builder_set_member_name (builder, "confidence");
              json_builder_add_double_value (builder, s->confidence);
              json_builder_set_member_name (builder, "lift");
              json_builder_add_double_value (builder, s->lift);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return FID_CLI_EXIT_OK;
    }

  name = fid_customer_dup_display_name (customer);
  printf (_("Suggested offers for %s (customer %" PRId64 "):\n"), name, id);
  if (list->len == 0)
    printf ("%s\n", _("  none"));
  for (guint i = 0; i < list->len; i++)
    {
      FidNboSuggestion *s = g_ptr_array_index (list, i);

      printf ("%u. %s (%s)\n   %s\n", i + 1, s->product_name, s->product_code, s->reason);
    }
  return FID_CLI_EXIT_OK;
}

int
fid_cli_pipeline (int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GArray) months = NULL;
  FidPipelineTotal totals[FID_OPPORTUNITY_N_STAGES];
  FidPipelineFilter filter = { 0, 0 };
  const char *path = NULL;
  gboolean json = FALSE;

  for (int i = 0; i < argc; i++)
    {
      gboolean matched = FALSE;
      const char *value;

      if ((value = fid_cli_take_option_value (argc, argv, &i, "--advisor", &matched)) != NULL || matched)
        {
          if (value == NULL || !fid_cli_parse_id (value, &filter.advisor_id))
            return fid_cli_usage_error (_("--advisor needs an advisor number"));
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--branch", &matched)) != NULL || matched)
        {
          if (value == NULL || !fid_cli_parse_id (value, &filter.branch_id))
            return fid_cli_usage_error (_("--branch needs a branch number"));
        }
      else if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return fid_cli_usage_error (_("unknown option “%s”"), argv[i]);
      else if (path == NULL)
        path = argv[i];
      else
        return fid_cli_usage_error (_("pipeline takes one FILE"));
    }
  if (path == NULL)
    return fid_cli_usage_error (_("pipeline needs a FILE"));
  store = fid_cli_open_store (path);
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;
  if (!fid_store_pipeline_totals (store, &filter, totals, &error) ||
      (months = fid_store_pipeline_forecast (store, &filter, &error)) == NULL)
    return fid_cli_runtime_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "stages");
      json_builder_begin_array (builder);
      for (guint i = 0; i < FID_OPPORTUNITY_N_STAGES; i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "stage");
          json_builder_add_string_value (builder, fid_opportunity_stages[i]);
          json_builder_set_member_name (builder, "count");
          json_builder_add_int_value (builder, totals[i].count);
          json_builder_set_member_name (builder, "amount_cents");
          json_builder_add_int_value (builder, totals[i].amount_cents);
          json_builder_set_member_name (builder, "weighted_cents");
          json_builder_add_int_value (builder, totals[i].weighted_cents);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "forecast");
      json_builder_begin_array (builder);
      for (guint i = 0; i < months->len; i++)
        {
          FidForecastMonth *m = &g_array_index (months, FidForecastMonth, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "month");
          json_builder_add_string_value (builder, m->month);
          json_builder_set_member_name (builder, "count");
          json_builder_add_int_value (builder, m->count);
          json_builder_set_member_name (builder, "amount_cents");
          json_builder_add_int_value (builder, m->amount_cents);
          json_builder_set_member_name (builder, "weighted_cents");
          json_builder_add_int_value (builder, m->weighted_cents);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return FID_CLI_EXIT_OK;
    }

  printf ("%-12s %8s %16s %16s\n", _("Stage"), _("Count"), _("Amount"), _("Weighted"));
  for (guint i = 0; i < FID_OPPORTUNITY_N_STAGES; i++)
    {
      g_autofree char *amount = euros (totals[i].amount_cents);
      g_autofree char *weighted = euros (totals[i].weighted_cents);

      printf ("%-12s %8" PRId64 " %16s %16s\n", fid_opportunity_stages[i], totals[i].count, amount, weighted);
    }
  printf ("\n%-12s %8s %16s %16s\n", _("Close month"), _("Count"), _("Amount"), _("Weighted"));
  for (guint i = 0; i < months->len; i++)
    {
      FidForecastMonth *m = &g_array_index (months, FidForecastMonth, i);
      g_autofree char *amount = euros (m->amount_cents);
      g_autofree char *weighted = euros (m->weighted_cents);

      printf ("%-12s %8" PRId64 " %16s %16s\n", m->month, m->count, amount, weighted);
    }
  return FID_CLI_EXIT_OK;
}
