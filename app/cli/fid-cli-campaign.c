/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli campaign: marketing campaigns without the app (issue 10).
 *
 *   campaign list FILE
 *   campaign create FILE --name NAME [definition and target options]
 *   campaign plan ID FILE [--cap N] [--cap-days D] [--at WHEN] [--launch] [--json]
 *   campaign responses ID FILE RESPONSES.csv
 *   campaign results ID FILE [--json]
 *
 * plan without --launch only reads; create, plan --launch and responses
 * write FILE. */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fid-cli-campaign.h"
#include "fid-cli-private.h"
#include "fid-store-campaigns.h"
#include "fid-uplift.h"

/* The command's options, each --name VALUE, or a flag. */
typedef struct
{
  const char *name;
  gboolean    flag;
} OptionSpec;

static const OptionSpec option_specs[] = {
  { "--name", FALSE }, { "--objective", FALSE }, { "--channel", FALSE }, { "--preferred-channel", TRUE },
  { "--family", FALSE }, { "--starts", FALSE }, { "--ends", FALSE }, { "--saved-segment", FALSE },
  { "--segment", FALSE }, { "--lifecycle", FALSE }, { "--branch", FALSE }, { "--holds", FALSE },
  { "--not-holds", FALSE }, { "--age", FALSE }, { "--control", FALSE }, { "--seed", FALSE },
  { "--cost-per-contact", FALSE }, { "--fixed-cost", FALSE }, { "--margin", FALSE },
  { "--attribution-days", FALSE }, { "--cap", FALSE }, { "--cap-days", FALSE }, { "--at", FALSE },
  { "--launch", TRUE }, { "--json", TRUE },
};

typedef struct
{
  GHashTable *values;       /* option name → value ("" for a flag) */
  GPtrArray  *positional;
} Args;

static void
args_clear (Args *args)
{
  g_clear_pointer (&args->values, g_hash_table_unref);
  g_clear_pointer (&args->positional, g_ptr_array_unref);
}

/* FID_CLI_EXIT_OK, or the usage error already printed. @allowed: the
 * options this subcommand takes, space-separated. */
static int
parse_args (int         argc,
            char      **argv,
            const char *allowed,
            Args       *args)
{
  g_auto(GStrv) allowed_names = g_strsplit (allowed, " ", -1);

  args->values = g_hash_table_new (g_str_hash, g_str_equal);
  args->positional = g_ptr_array_new ();
  for (int i = 0; i < argc; i++)
    {
      gboolean done = FALSE;

      for (guint s = 0; s < G_N_ELEMENTS (option_specs) && !done; s++)
        {
          const OptionSpec *spec = &option_specs[s];
          gboolean matched = FALSE;
          const char *value;

          if (spec->flag)
            {
              if (!g_str_equal (argv[i], spec->name))
                continue;
              value = "";
              matched = TRUE;
            }
          else
            {
              value = fid_cli_take_option_value (argc, argv, &i, spec->name, &matched);
              if (!matched)
                continue;
              if (value == NULL)
                return fid_cli_usage_error (_("%s needs a value"), spec->name);
            }
          if (!g_strv_contains ((const char * const *) allowed_names, spec->name))
            return fid_cli_usage_error (_("%s does not apply to this campaign command"), spec->name);
          g_hash_table_insert (args->values, (gpointer) spec->name, (gpointer) value);
          done = TRUE;
        }
      if (done)
        continue;
      if (argv[i][0] == '-' && argv[i][1] != '\0')
        return fid_cli_usage_error (_("unknown option “%s” for campaign"), argv[i]);
      g_ptr_array_add (args->positional, argv[i]);
    }
  return FID_CLI_EXIT_OK;
}

static const char *
arg (Args       *args,
     const char *name)
{
  return g_hash_table_lookup (args->values, name);
}

/* "12", "12.5", "12,50" (euros) → cents; FALSE when not an amount ≥ 0. */
static gboolean
parse_money (const char *text,
             gint64     *cents)
{
  g_autofree char *copy = g_strdelimit (g_strdup (text), ",", '.');
  char *end = NULL;
  double value = g_ascii_strtod (copy, &end);

  if (end == copy || *end != '\0' || !(value >= 0.0) || value > 1e12)
    return FALSE;
  *cents = (gint64) llround (value * 100.0);
  return TRUE;
}

static gboolean
parse_uint (const char *text,
            guint       max,
            guint      *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static char *
dup_or_null (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static void
replace (char      **field,
         const char *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static int
cmd_create (Args *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(FidCampaign) c = fid_campaign_new ();
  FidCampaignTargeting *t = &c->targeting;
  const char *value;
  guint number;
  gint64 id;

  if (args->positional->len != 1)
    return fid_cli_usage_error (_("campaign create takes one argument, the database file"));
  if (arg (args, "--name") == NULL)
    return fid_cli_usage_error (_("campaign create needs --name"));

  replace (&c->name, arg (args, "--name"));
  replace (&c->objective, arg (args, "--objective"));
  replace (&c->channel, arg (args, "--channel"));
  replace (&c->product_family, arg (args, "--family"));
  replace (&c->starts_on, arg (args, "--starts"));
  replace (&c->ends_on, arg (args, "--ends"));
  if (arg (args, "--preferred-channel") != NULL)
    replace (&c->channel_mode, "preferred");
  if ((value = arg (args, "--saved-segment")) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (value, ":", 3);

      if (g_strv_length (parts) != 3)
        return fid_cli_usage_error (_("--saved-segment expects SCHEME:YYYY-MM-DD:SEGMENT, not “%s”"), value);
      t->snapshot_scheme = g_strdup (parts[0]);
      t->snapshot_taken_on = g_strdup (parts[1]);
      t->snapshot_segment = g_strdup (parts[2]);
    }
  t->segment = dup_or_null (arg (args, "--segment"));
  t->lifecycle_stage = dup_or_null (arg (args, "--lifecycle"));
  t->family_held = dup_or_null (arg (args, "--holds"));
  t->family_not_held = dup_or_null (arg (args, "--not-holds"));
  if ((value = arg (args, "--branch")) != NULL && !fid_cli_parse_id (value, &t->branch_id))
    return fid_cli_usage_error (_("--branch expects a branch number, not “%s”"), value);
  if ((value = arg (args, "--age")) != NULL)
    {
      guint lo = 0, hi = 0;
      g_auto(GStrv) parts = g_strsplit (value, "-", 2);

      if (g_strv_length (parts) != 2 ||
          (parts[0][0] != '\0' && !parse_uint (parts[0], 150, &lo)) ||
          (parts[1][0] != '\0' && !parse_uint (parts[1], 150, &hi)))
        return fid_cli_usage_error (_("--age expects MIN-MAX in years (either may be empty), not “%s”"), value);
      t->age_min = parts[0][0] != '\0' ? (int) lo : -1;
      t->age_max = parts[1][0] != '\0' ? (int) hi : -1;
    }
  if ((value = arg (args, "--control")) != NULL)
    {
      if (!parse_uint (value, 90, &number))
        return fid_cli_usage_error (_("--control expects a percentage from 0 to 90, not “%s”"), value);
      c->control_share = number / 100.0;
    }
  if ((value = arg (args, "--seed")) != NULL &&
      !g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, &c->seed, NULL))
    return fid_cli_usage_error (_("--seed expects a whole number, not “%s”"), value);
  if (((value = arg (args, "--cost-per-contact")) != NULL && !parse_money (value, &c->cost_per_contact_cents)) ||
      ((value = arg (args, "--fixed-cost")) != NULL && !parse_money (value, &c->fixed_cost_cents)) ||
      ((value = arg (args, "--margin")) != NULL && !parse_money (value, &c->margin_per_conversion_cents)))
    return fid_cli_usage_error (_("“%s” is not an amount in euros"), value);
  if ((value = arg (args, "--attribution-days")) != NULL)
    {
      if (!parse_uint (value, 366, &number) || number == 0)
        return fid_cli_usage_error (_("--attribution-days expects a number of days from 1 to 366, not “%s”"), value);
      c->attribution_days = number;
    }

  store = fid_store_open (g_ptr_array_index (args->positional, 0), FID_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fid_cli_runtime_error (error);
  id = fid_store_create_campaign (store, c, &error);
  if (id == 0)
    return fid_cli_runtime_error (error);
  printf ("%" PRId64 "\n", id);
  return FID_CLI_EXIT_OK;
}

static int
cmd_list (Args *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (args->positional->len != 1)
    return fid_cli_usage_error (_("campaign list takes one argument, the database file"));
  store = fid_cli_open_store (g_ptr_array_index (args->positional, 0));
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;
  list = fid_store_list_campaigns (store, &error);
  if (list == NULL)
    return fid_cli_runtime_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      FidCampaign *c = g_ptr_array_index (list, i);

      /* Translators: one campaign of fidelis-cli campaign list: id,
       * status, name, channel, test and control group sizes. */
      printf (_("%" PRId64 "\t%s\t%s\t%s\ttest %" PRIu64 "\tcontrol %" PRIu64 "\n"),
              c->id, c->status, c->name, c->channel, c->n_test, c->n_control);
    }
  return FID_CLI_EXIT_OK;
}

/* ID and FILE from the positional arguments. */
static int
take_id_and_file (Args        *args,
                  const char  *command,
                  guint        n_expected,
                  gint64      *id)
{
  if (args->positional->len != n_expected)
    return fid_cli_usage_error (n_expected == 2
                                ? _("campaign %s takes a campaign number and a database file")
                                : _("campaign %s takes a campaign number, a database file and a CSV file"),
                                command);
  if (!fid_cli_parse_id (g_ptr_array_index (args->positional, 0), id))
    return fid_cli_usage_error (_("“%s” is not a campaign number"),
                                (const char *) g_ptr_array_index (args->positional, 0));
  return FID_CLI_EXIT_OK;
}

static int
cmd_plan (Args *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(FidCampaignPlan) plan = NULL;
  g_autoptr(FidCampaign) campaign = NULL;
  FidCampaignPlanOptions options = { .cap_max = 2, .cap_days = 30 };
  gboolean launch = arg (args, "--launch") != NULL;
  const char *value;
  const char *path;
  gint64 id = 0;
  int status;

  if ((status = take_id_and_file (args, "plan", 2, &id)) != FID_CLI_EXIT_OK)
    return status;
  path = g_ptr_array_index (args->positional, 1);
  if ((value = arg (args, "--cap")) != NULL && !parse_uint (value, 1000, &options.cap_max))
    return fid_cli_usage_error (_("--cap expects a number of contacts from 0 (no cap) to 1000, not “%s”"), value);
  if ((value = arg (args, "--cap-days")) != NULL &&
      (!parse_uint (value, 3660, &options.cap_days) || options.cap_days == 0))
    return fid_cli_usage_error (_("--cap-days expects a number of days from 1 to 3660, not “%s”"), value);
  options.at = arg (args, "--at");

  store = launch ? fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error) : fid_cli_open_store (path);
  if (store == NULL)
    return error != NULL ? fid_cli_runtime_error (error) : FID_CLI_EXIT_FAILURE;
  campaign = fid_store_get_campaign (store, id, &error);
  if (campaign == NULL)
    return fid_cli_runtime_error (error);
  if (launch)
    {
      if (!fid_store_launch_campaign (store, id, &options, &plan, &error))
        return fid_cli_runtime_error (error);
    }
  else if (g_strcmp0 (campaign->status, "draft") == 0)
    plan = fid_store_plan_campaign (store, id, &options, &error);
  else
    plan = fid_store_load_campaign_plan (store, id, &error);
  if (plan == NULL)
    return fid_cli_runtime_error (error);

  if (arg (args, "--json") != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "campaign");
      json_builder_add_int_value (builder, id);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, launch ? "launched" : campaign->status);
      json_builder_set_member_name (builder, "targeted");
      json_builder_add_int_value (builder, (gint64) plan->n_targeted);
      json_builder_set_member_name (builder, "excluded_consent");
      json_builder_add_int_value (builder, plan->excluded_consent->len);
      json_builder_set_member_name (builder, "excluded_pressure");
      json_builder_add_int_value (builder, plan->excluded_pressure->len);
      json_builder_set_member_name (builder, "control");
      json_builder_add_int_value (builder, plan->control->len);
      json_builder_set_member_name (builder, "to_contact");
      json_builder_add_int_value (builder, plan->test->len);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      printf ("%s\n", text);
      return FID_CLI_EXIT_OK;
    }

  printf (_("Campaign %" PRId64 ": %s (%s)\n"), id, campaign->name, launch ? "launched" : campaign->status);
  printf (_("Targeted:                      %" PRIu64 "\n"), plan->n_targeted);
  printf (_("Excluded, no consent:          %u\n"), plan->excluded_consent->len);
  printf (_("Excluded, contact pressure:    %u\n"), plan->excluded_pressure->len);
  printf (_("Control group (not contacted): %u\n"), plan->control->len);
  printf (_("To contact:                    %u\n"), plan->test->len);
  return FID_CLI_EXIT_OK;
}

static int
cmd_responses (Args *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  guint n = 0;
  gint64 id = 0;
  int status;

  if ((status = take_id_and_file (args, "responses", 3, &id)) != FID_CLI_EXIT_OK)
    return status;
  if (!g_file_get_contents (g_ptr_array_index (args->positional, 2), &data, &length, &error))
    return fid_cli_runtime_error (error);
  store = fid_store_open (g_ptr_array_index (args->positional, 1), FID_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fid_cli_runtime_error (error);
  if (!fid_store_import_campaign_responses (store, id, data, length, &n, &error))
    return fid_cli_runtime_error (error);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u response imported\n", "%u responses imported\n", n), n);
  return FID_CLI_EXIT_OK;
}

/* "0.0405", or "< 0.0001". */
static char *
format_p (double p_value)
{
  return p_value < 0.0001 ? g_strdup ("< 0.0001") : g_strdup_printf ("%.4f", p_value);
}

static void
print_rate_row (const char *label,
                double      test,
                double      control)
{
  printf ("%-22s %9.2f %% %9.2f %%\n", label, 100.0 * test, 100.0 * control);
}

static int
cmd_results (Args *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(FidCampaign) campaign = NULL;
  FidCampaignCounts counts;
  FidUplift u;
  g_autofree char *response_p = NULL;
  g_autofree char *conversion_p = NULL;
  gint64 id = 0;
  int status;

  if ((status = take_id_and_file (args, "results", 2, &id)) != FID_CLI_EXIT_OK)
    return status;
  store = fid_cli_open_store (g_ptr_array_index (args->positional, 1));
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;
  campaign = fid_store_get_campaign (store, id, &error);
  if (campaign == NULL || !fid_store_count_campaign_results (store, id, &counts, &error))
    return fid_cli_runtime_error (error);
  fid_uplift_compute (&counts, &u);

  if (arg (args, "--json") != NULL)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;
      struct { const char *name; double value; } reals[] = {
        { "test_response_rate", u.response.test_rate }, { "control_response_rate", u.response.control_rate },
        { "test_conversion_rate", u.conversion.test_rate }, { "control_conversion_rate", u.conversion.control_rate },
        { "response_uplift", u.response.uplift }, { "response_z", u.response.z },
        { "response_p_value", u.response.p_value },
        { "uplift", u.conversion.uplift }, { "z", u.conversion.z }, { "p_value", u.conversion.p_value },
        { "incremental_conversions", u.incremental_conversions },
      };
      struct { const char *name; gint64 value; } ints[] = {
        { "campaign", id }, { "test", (gint64) counts.n_test }, { "control", (gint64) counts.n_control },
        { "contacted", (gint64) counts.n_contacted }, { "test_responses", (gint64) counts.test_responses },
        { "control_responses", (gint64) counts.control_responses },
        { "test_conversions", (gint64) counts.test_conversions },
        { "control_conversions", (gint64) counts.control_conversions },
        { "incremental_margin_cents", u.incremental_margin_cents }, { "cost_cents", u.cost_cents },
      };

      json_builder_begin_object (b);
      for (guint i = 0; i < G_N_ELEMENTS (ints); i++)
        {
          json_builder_set_member_name (b, ints[i].name);
          json_builder_add_int_value (b, ints[i].value);
        }
      for (guint i = 0; i < G_N_ELEMENTS (reals); i++)
        {
          json_builder_set_member_name (b, reals[i].name);
          json_builder_add_double_value (b, reals[i].value);
        }
      json_builder_set_member_name (b, "roi");
      if (isnan (u.roi))
        json_builder_add_null_value (b);
      else
        json_builder_add_double_value (b, u.roi);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      printf ("%s\n", text);
      return FID_CLI_EXIT_OK;
    }

  printf (_("Campaign %" PRId64 ": %s\n"), id, campaign->name);
  printf ("%-22s %11s %11s\n", "", _("Test"), _("Control"));
  printf ("%-22s %11" PRIu64 " %11" PRIu64 "\n", _("Customers"), counts.n_test, counts.n_control);
  print_rate_row (_("Response rate"), u.response.test_rate, u.response.control_rate);
  print_rate_row (_("Conversion rate"), u.conversion.test_rate, u.conversion.control_rate);
  response_p = format_p (u.response.p_value);
  conversion_p = format_p (u.conversion.p_value);
  printf (_("Response uplift: %+.2f points (z = %.2f, p-value %s)\n"),
          100.0 * u.response.uplift, u.response.z, response_p);
  printf (_("Conversion uplift: %+.2f points (z = %.2f, p-value %s)\n"),
          100.0 * u.conversion.uplift, u.conversion.z, conversion_p);
  printf (_("Incremental conversions: %.1f\n"), u.incremental_conversions);
  printf (_("Incremental margin: %.2f €\n"), u.incremental_margin_cents / 100.0);
  printf (_("Cost: %.2f €\n"), u.cost_cents / 100.0);
  if (isnan (u.roi))
    printf ("%s\n", _("Return on investment: — (no cost)"));
  else
    printf (_("Return on investment: %.1f %%\n"), 100.0 * u.roi);
  return FID_CLI_EXIT_OK;
}

int
fid_cli_campaign (int    argc,
                  char **argv)
{
  static const struct
  {
    const char *name;
    const char *options;
    int       (*run) (Args *args);
  } subcommands[] = {
    { "list", "", cmd_list },
    { "create", "--name --objective --channel --preferred-channel --family --starts --ends --saved-segment"
                " --segment --lifecycle --branch --holds --not-holds --age --control --seed"
                " --cost-per-contact --fixed-cost --margin --attribution-days", cmd_create },
    { "plan", "--cap --cap-days --at --launch --json", cmd_plan },
    { "responses", "", cmd_responses },
    { "results", "--json", cmd_results },
  };

  if (fid_cli_wants_help (argc, argv))
    {
      fid_cli_print_usage (stdout, TRUE);
      return FID_CLI_EXIT_OK;
    }
  if (argc < 1)
    return fid_cli_usage_error (_("campaign needs a subcommand: list, create, plan, responses or results"));

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[0], subcommands[i].name))
      {
        Args args = { 0, };
        int status = parse_args (argc - 1, argv + 1, subcommands[i].options, &args);

        if (status == FID_CLI_EXIT_OK)
          status = subcommands[i].run (&args);
        args_clear (&args);
        return status;
      }
  return fid_cli_usage_error (_("unknown campaign subcommand “%s”: choose list, create, plan, responses or results"),
                              argv[0]);
}
