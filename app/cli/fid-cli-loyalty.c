/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli loyalty and score (issue 14).
 *
 *   loyalty ledger CUSTOMER_ID DB      the customer's points ledger, newest
 *                                      first, and the balance
 *   loyalty accrue DB [--as-of D]      years of relationship and expiry
 *   loyalty stats DB --from D --to D   the programme dashboard's figures
 *   score DB [--format csv|json] [--as-of D] [--explain] [--save]
 *                                      every customer's engagement score
 *
 * score computes from the data as of the date (default today) and the
 * stored weights and prints one row per customer; with --save it writes
 * the scores to the cache the customer list sorts by instead, and prints
 * how many changed. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "fid-cli-loyalty.h"
#include "fid-cli-private.h"
#include "fid-store-loyalty.h"

static int
loyalty_ledger (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *joined = NULL;
  gint64 id, balance = 0;

  if (argc != 2)
    return fid_cli_usage_error (_("loyalty ledger needs a customer number and a database"));
  if (!fid_cli_parse_id (argv[0], &id))
    return fid_cli_usage_error (_("“%s” is not a customer number"), argv[0]);
  if ((store = fid_cli_open_store (argv[1])) == NULL)
    return FID_CLI_EXIT_FAILURE;
  {
    g_autoptr(FidCustomer) customer = fid_store_get_customer (store, id, &error);

    if (customer == NULL)
      return fid_cli_runtime_error (error);
  }
  if (!fid_store_loyalty_get_membership (store, id, &joined, &error) ||
      !fid_store_loyalty_get_balance (store, id, &balance, &error) ||
      (lines = fid_store_loyalty_list_ledger (store, id, 0, &error)) == NULL)
    return fid_cli_runtime_error (error);

  if (joined != NULL)
    printf (_("Member since %s\n"), joined);
  else
    printf ("%s\n", _("Not a member of the loyalty programme"));
  /* Translators: column headings of the ledger; keep the widths. */
  printf ("%-10s  %8s  %-22s  %-10s  %s\n", _("Date"), _("Points"), _("Reason"), _("Expires"), _("Source"));
  for (guint i = 0; i < lines->len; i++)
    {
      FidLedgerLine *line = lines->pdata[i];

      printf ("%-10s  %+8" G_GINT64_FORMAT "  %-22s  %-10s  %s %" G_GINT64_FORMAT "\n",
              line->posted_on, line->points, fid_ledger_source_label (line->source_kind),
              line->expires_on ? line->expires_on : "", line->source_kind, line->source_id);
    }
  printf (_("Balance: %" PRId64 " points\n"), balance);
  return FID_CLI_EXIT_OK;
}

static int
loyalty_accrue (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  FidLoyaltyAccrual accrual;
  const char *path = NULL, *as_of = NULL;

  for (int i = 0; i < argc; i++)
    {
      gboolean matched;
      const char *value;

      if ((value = fid_cli_take_option_value (argc, argv, &i, "--as-of", &matched)) || matched)
        {
          if (value == NULL)
            return fid_cli_usage_error (_("--as-of needs a date (YYYY-MM-DD)"));
          as_of = value;
        }
      else if (argv[i][0] == '-' || path != NULL)
        return fid_cli_usage_error (_("unexpected “%s” for loyalty accrue"), argv[i]);
      else
        path = argv[i];
    }
  if (path == NULL)
    return fid_cli_usage_error (_("loyalty accrue needs a database"));
  if ((store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error)) == NULL ||
      !fid_store_loyalty_accrue (store, as_of, &accrual, &error))
    return fid_cli_runtime_error (error);
  printf (_("Years of relationship credited: %" PRId64 " (%" PRId64 " points)\n"),
          accrual.relationship_lines, accrual.relationship_points);
  printf (_("Lines expired: %" PRId64 " (%" PRId64 " points)\n"),
          accrual.expiry_lines, accrual.expired_points);
  return FID_CLI_EXIT_OK;
}

static int
loyalty_stats (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  FidLoyaltyStats s;
  const char *path = NULL, *from = NULL, *to = NULL;

  for (int i = 0; i < argc; i++)
    {
      gboolean matched;
      const char *value;

      if ((value = fid_cli_take_option_value (argc, argv, &i, "--from", &matched)) || matched)
        from = value;
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--to", &matched)) || matched)
        to = value;
      else if (argv[i][0] == '-' || path != NULL)
        return fid_cli_usage_error (_("unexpected “%s” for loyalty stats"), argv[i]);
      else
        path = argv[i];
    }
  if (path == NULL || from == NULL || to == NULL)
    return fid_cli_usage_error (_("loyalty stats needs a database, --from DATE and --to DATE"));
  if ((store = fid_cli_open_store (path)) == NULL)
    return FID_CLI_EXIT_FAILURE;
  if (!fid_store_loyalty_get_stats (store, from, to, &s, &error))
    return fid_cli_runtime_error (error);
  printf (_("Members: %" PRId64 " (active in the period: %" PRId64 ")\n"), s.members, s.active_members);
  printf (_("Points issued: %" PRId64 ", redeemed: %" PRId64 ", expired: %" PRId64 "\n"),
          s.points_issued, s.points_redeemed, s.points_expired);
  printf (_("Outstanding points: %" PRId64 " (liability: %" PRId64 " cents)\n"),
          s.outstanding_points, s.liability_cents);
  printf (_("Referrals: %" PRId64 ", converted: %" PRId64 " (%.1f %%)\n"),
          s.referrals, s.referrals_converted, 100.0 * s.conversion_rate);
  printf (_("Retention: members %.1f %% (%" PRId64 " of %" PRId64 "), others %.1f %% (%" PRId64 " of %" PRId64 ")\n"),
          100.0 * s.member_retention, s.members_retained, s.members_at_start,
          100.0 * s.other_retention, s.others_retained, s.others_at_start);
  return FID_CLI_EXIT_OK;
}

int
fid_cli_loyalty (int    argc,
                 char **argv)
{
  if (argc < 1)
    return fid_cli_usage_error (_("loyalty needs ledger, accrue or stats"));
  if (g_str_equal (argv[0], "ledger"))
    return loyalty_ledger (argc - 1, argv + 1);
  if (g_str_equal (argv[0], "accrue"))
    return loyalty_accrue (argc - 1, argv + 1);
  if (g_str_equal (argv[0], "stats"))
    return loyalty_stats (argc - 1, argv + 1);
  return fid_cli_usage_error (_("unknown loyalty command “%s”"), argv[0]);
}

/* CSV text field: quoted when needed, quotes doubled. */
static void
print_csv_text (const char *text)
{
  if (strpbrk (text, ",\"\n") == NULL)
    {
      fputs (text, stdout);
      return;
    }
  putchar ('"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        putchar ('"');
      putchar (*p);
    }
  putchar ('"');
}

int
fid_cli_score (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GArray) inputs = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *as_of = NULL;
  FidEngagementWeights weights;
  const char *path = NULL, *format = "csv", *date = NULL;
  gboolean explain = FALSE, save = FALSE;

  for (int i = 0; i < argc; i++)
    {
      gboolean matched;
      const char *value;

      if ((value = fid_cli_take_option_value (argc, argv, &i, "--format", &matched)) || matched)
        {
          if (value == NULL || (!g_str_equal (value, "csv") && !g_str_equal (value, "json")))
            return fid_cli_usage_error (_("--format expects csv or json, not “%s”"), value ? value : "");
          format = value;
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--as-of", &matched)) || matched)
        {
          if (value == NULL)
            return fid_cli_usage_error (_("--as-of needs a date (YYYY-MM-DD)"));
          date = value;
        }
      else if (g_str_equal (argv[i], "--explain"))
        explain = TRUE;
      else if (g_str_equal (argv[i], "--save"))
        save = TRUE;
      else if (argv[i][0] == '-' || path != NULL)
        return fid_cli_usage_error (_("unexpected “%s” for score"), argv[i]);
      else
        path = argv[i];
    }
  if (path == NULL)
    return fid_cli_usage_error (_("score needs a database"));

  store = save ? fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error) : fid_cli_open_store (path);
  if (store == NULL)
    return save ? fid_cli_runtime_error (error) : FID_CLI_EXIT_FAILURE;
  if (date != NULL)
    as_of = g_strdup (date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      as_of = g_date_time_format (now, "%Y-%m-%d");
    }
  if (save)
    {
      gint64 n_changed = 0;

      /* Writing the cache is its own job: one line, not a million. */
      if (!fid_store_engagement_refresh (store, as_of, NULL, &n_changed, &error))
        return fid_cli_runtime_error (error);
      printf (_("Engagement scores as of %s saved: %" PRId64 " changed\n"), as_of, n_changed);
      return FID_CLI_EXIT_OK;
    }
  if (!fid_store_engagement_get_weights (store, &weights, &error) ||
      (inputs = fid_store_engagement_collect (store, as_of, weights.window_days, NULL, &error)) == NULL)
    return fid_cli_runtime_error (error);

  if (g_str_equal (format, "json"))
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "as_of");
      json_builder_add_string_value (builder, as_of);
      json_builder_set_member_name (builder, "customers");
      json_builder_begin_array (builder);
    }
  else
    printf ("customer_id,score,unqualified%s\n", explain ? ",explanation" : "");

  for (guint i = 0; i < inputs->len; i++)
    {
      const FidEngagementInputs *in = &g_array_index (inputs, FidEngagementInputs, i);
      g_autofree char *text = NULL;
      int score;

      if (!in->exists)
        continue;
      score = fid_engagement_score (&weights, in, NULL);
      if (explain)
        text = fid_engagement_explain (&weights, in);
      if (builder != NULL)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "customer_id");
          json_builder_add_int_value (builder, in->customer_id);
          json_builder_set_member_name (builder, "score");
          json_builder_add_int_value (builder, score);
          json_builder_set_member_name (builder, "unqualified");
          json_builder_add_boolean_value (builder, fid_engagement_is_unqualified (in));
          if (text != NULL)
            {
              json_builder_set_member_name (builder, "explanation");
              json_builder_add_string_value (builder, text);
            }
          json_builder_end_object (builder);
        }
      else
        {
          printf ("%" G_GINT64_FORMAT ",%d,%d", in->customer_id, score, fid_engagement_is_unqualified (in) ? 1 : 0);
          if (text != NULL)
            {
              putchar (',');
              print_csv_text (text);
            }
          putchar ('\n');
        }
    }
  if (builder != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;

      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json = json_generator_to_data (generator, NULL);
      printf ("%s\n", json);
    }
  return FID_CLI_EXIT_OK;
}
