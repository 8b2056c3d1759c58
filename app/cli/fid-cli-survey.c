/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli survey: the survey analyses of issue 6 on CSV files, without
 * a database, for trainers who collect answers in a spreadsheet; and the
 * import of such a file into a survey of a database.
 *
 *   survey analyze KIND FILE.csv [--weights FILE.csv] [--format json|csv]
 *   survey import FILE.db SURVEY_ID FILE.csv [--weights FILE.csv]
 *
 * Numbers are printed unrounded (the shortest text that reads back as the
 * same double), what was not measured as null (JSON) or empty (CSV). A bad
 * file prints every problem as "line N, column C: reason" on stderr (those
 * of the weights file prefixed with its name) and exits 1. */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fid-cli-private.h"
#include "fid-cli-survey.h"
#include "fid-csv.h"
#include "fid-store-surveys.h"
#include "fid-survey-csv.h"

typedef struct
{
  FidSurveyKind kind;
  const char   *path;
  const char   *weights;
  gboolean      json;
  /* import */
  const char   *db;
  gint64        survey_id;
} Options;

/* Output helpers */

/* The shortest of %.15g, %.16g, %.17g that reads back as @value: 0.4
 * prints as 0.4, not 0.40000000000000002, yet nothing is rounded. */
static void
append_number (GString *out,
               double   value,
               gboolean json)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value))
    {
      if (json)
        g_string_append (out, "null");
      return;
    }
  for (int digits = 15; digits <= 17; digits++)
    {
      g_ascii_formatd (buffer, sizeof buffer, digits == 15 ? "%.15g" : digits == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

/* "key": */
static void
append_key (GString    *out,
            const char *key)
{
  append_json_string (out, key);
  g_string_append (out, ": ");
}

static void
append_csv_number (GString *out,
                   double   value)
{
  g_string_append_c (out, ',');
  append_number (out, value, FALSE);
}

/* Reading the files */

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      fid_cli_runtime_error (error);
      return NULL;
    }
  return text;
}

static int
report_problems (GPtrArray  *problems,
                 const char *weights_path)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const FidSurveyCsvProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = fid_survey_csv_problem_to_string (problem);

      if (problem->file == FID_SURVEY_CSV_WEIGHTS)
        fprintf (stderr, "%s: %s\n", weights_path, text);
      else
        fprintf (stderr, "%s\n", text);
    }
  return FID_CLI_EXIT_FAILURE;
}

/* Kano */

static void
print_kano (GPtrArray *results,
            gboolean   json)
{
  g_autoptr(GString) out = g_string_new (json ? "[" : "feature,n,A,O,M,I,R,Q,category,significant,better,worse,importance\n");

  for (guint i = 0; i < results->len; i++)
    {
      const FidKanoResult *r = g_ptr_array_index (results, i);

      if (json)
        {
          g_string_append (out, i == 0 ? "\n  {" : ",\n  {");
          append_key (out, "feature");
          append_json_string (out, r->feature);
          g_string_append_printf (out, ", \"n\": %u, \"counts\": {", r->n);
          for (guint c = 0; c < FID_KANO_N_CATEGORIES; c++)
            g_string_append_printf (out, "%s\"%s\": %u", c == 0 ? "" : ", ",
                                    fid_kano_category_to_key (c), r->counts[c]);
          g_string_append_printf (out, "}, \"category\": \"%s\", \"significant\": %s, \"better\": ",
                                  fid_kano_category_to_key (r->category), r->significant ? "true" : "false");
          append_number (out, r->better, TRUE);
          g_string_append (out, ", \"worse\": ");
          append_number (out, r->worse, TRUE);
          g_string_append (out, ", \"importance\": ");
          append_number (out, r->importance, TRUE);
          g_string_append_c (out, '}');
        }
      else
        {
          fid_csv_append_field (out, r->feature);
          g_string_append_printf (out, ",%u", r->n);
          for (guint c = 0; c < FID_KANO_N_CATEGORIES; c++)
            g_string_append_printf (out, ",%u", r->counts[c]);
          g_string_append_printf (out, ",%s,%s", fid_kano_category_to_key (r->category),
                                  r->significant ? "true" : "false");
          append_csv_number (out, r->better);
          append_csv_number (out, r->worse);
          append_csv_number (out, r->importance);
          g_string_append_c (out, '\n');
        }
    }
  if (json)
    g_string_append (out, results->len > 0 ? "\n]\n" : "]\n");
  fputs (out->str, stdout);
}

/* SERVQUAL */

static void
print_servqual (const FidServqualAnalysis *a,
                gboolean                   json)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (!json)
    g_string_append (out, "level,item,dimension,expectation,perception,gap,weight\n");
  else
    g_string_append (out, "{\n  \"items\": [");
  for (guint i = 0; i < a->n_items; i++)
    {
      const FidServqualItem *item = &a->items[i];
      const char *dimension = item->dimension < FID_SERVQUAL_N_DIMENSIONS
                              ? fid_servqual_dimension_to_key (item->dimension) : "";

      if (json)
        {
          g_string_append_printf (out, "%s\n    {\"item\": %u, \"dimension\": \"%s\", \"expectation\": ",
                                  i == 0 ? "" : ",", item->item, dimension);
          append_number (out, item->expectation, TRUE);
          g_string_append (out, ", \"perception\": ");
          append_number (out, item->perception, TRUE);
          g_string_append (out, ", \"gap\": ");
          append_number (out, item->gap, TRUE);
          g_string_append_c (out, '}');
        }
      else
        {
          g_string_append_printf (out, "item,%u,%s", item->item, dimension);
          append_csv_number (out, item->expectation);
          append_csv_number (out, item->perception);
          append_csv_number (out, item->gap);
          g_string_append (out, ",\n");
        }
    }
  if (json)
    g_string_append (out, "\n  ],\n  \"dimensions\": [");
  for (guint d = 0; d < FID_SERVQUAL_N_DIMENSIONS; d++)
    {
      const FidServqualDimensionResult *dim = &a->dimensions[d];

      if (json)
        {
          g_string_append_printf (out, "%s\n    {\"dimension\": \"%s\", \"expectation\": ",
                                  d == 0 ? "" : ",", fid_servqual_dimension_to_key (d));
          append_number (out, dim->expectation, TRUE);
          g_string_append (out, ", \"perception\": ");
          append_number (out, dim->perception, TRUE);
          g_string_append (out, ", \"gap\": ");
          append_number (out, dim->gap, TRUE);
          g_string_append (out, ", \"weight\": ");
          append_number (out, dim->weight, TRUE);
          g_string_append_c (out, '}');
        }
      else
        {
          g_string_append_printf (out, "dimension,,%s", fid_servqual_dimension_to_key (d));
          append_csv_number (out, dim->expectation);
          append_csv_number (out, dim->perception);
          append_csv_number (out, dim->gap);
          append_csv_number (out, dim->weight);
          g_string_append_c (out, '\n');
        }
    }
  if (json)
    {
      g_string_append (out, "\n  ],\n  \"unweighted\": ");
      append_number (out, a->unweighted, TRUE);
      g_string_append (out, ",\n  \"weighted\": ");
      append_number (out, a->weighted, TRUE);
      g_string_append (out, "\n}\n");
    }
  else
    {
      g_string_append (out, "score,,unweighted,,");
      append_csv_number (out, a->unweighted);
      g_string_append (out, ",\nscore,,weighted,,");
      append_csv_number (out, a->weighted);
      g_string_append (out, ",\n");
    }
  fputs (out->str, stdout);
}

/* Scores */

static const char *
value_key (FidSurveyKind kind)
{
  return fid_survey_kind_to_key (kind);   /* "nps", "csat", "ces" */
}

static void
append_summary_json (GString               *out,
                     const FidScoreSummary *s)
{
  g_string_append_printf (out, "\"n\": %u, \"%s\": ", s->n, value_key (s->kind));
  append_number (out, s->value, TRUE);
  g_string_append (out, ", \"mean\": ");
  append_number (out, s->mean, TRUE);
  if (s->kind == FID_SURVEY_NPS)
    g_string_append_printf (out, ", \"promoters\": %u, \"passives\": %u, \"detractors\": %u",
                            s->promoters, s->passives, s->detractors);
  else if (s->kind == FID_SURVEY_CSAT)
    g_string_append_printf (out, ", \"satisfied\": %u", s->satisfied);
}

static void
append_summary_csv (GString               *out,
                    const char            *period,
                    const FidScoreSummary *s)
{
  g_string_append_printf (out, "%s,%u", period, s->n);
  append_csv_number (out, s->value);
  append_csv_number (out, s->mean);
  if (s->kind == FID_SURVEY_NPS)
    g_string_append_printf (out, ",%u,%u,%u", s->promoters, s->passives, s->detractors);
  else if (s->kind == FID_SURVEY_CSAT)
    g_string_append_printf (out, ",%u", s->satisfied);
  g_string_append_c (out, '\n');
}

static void
print_scores (const FidScoreData *data,
              gboolean            json)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) trend = fid_score_trend (data->kind, (FidScoreAnswer *) (gpointer) data->answers->data,
                                             data->answers->len);
  FidScoreSummary all;

  fid_score_summarize (data->kind, (FidScoreAnswer *) (gpointer) data->answers->data, data->answers->len, &all);
  if (json)
    {
      g_string_append_printf (out, "{\n  \"kind\": \"%s\", ", fid_survey_kind_to_key (data->kind));
      append_summary_json (out, &all);
      g_string_append (out, ",\n  \"distribution\": {");
      for (int v = all.min; v <= all.max; v++)
        g_string_append_printf (out, "%s\"%d\": %u", v == all.min ? "" : ", ", v, all.distribution[v - all.min]);
      g_string_append (out, "},\n  \"trend\": [");
      for (guint i = 0; i < trend->len; i++)
        {
          const FidScoreMonth *m = &g_array_index (trend, FidScoreMonth, i);

          g_string_append_printf (out, "%s\n    {\"month\": \"%04u-%02u\", ", i == 0 ? "" : ",",
                                  m->month / 100, m->month % 100);
          append_summary_json (out, &m->summary);
          g_string_append_c (out, '}');
        }
      g_string_append (out, trend->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
    }
  else
    {
      g_string_append_printf (out, "period,n,%s,mean%s\n", value_key (data->kind),
                              data->kind == FID_SURVEY_NPS ? ",promoters,passives,detractors"
                              : data->kind == FID_SURVEY_CSAT ? ",satisfied" : "");
      append_summary_csv (out, "all", &all);
      for (guint i = 0; i < trend->len; i++)
        {
          const FidScoreMonth *m = &g_array_index (trend, FidScoreMonth, i);
          g_autofree char *period = g_strdup_printf ("%04u-%02u", m->month / 100, m->month % 100);

          append_summary_csv (out, period, &m->summary);
        }
    }
  fputs (out->str, stdout);
}

/* Command line */

static int
parse_options (int       argc,
               char    **argv,
               gboolean  import,
               Options  *options)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  guint wanted = import ? 3 : 2;

  *options = (Options) { .json = TRUE };
  for (int i = 0; i < argc; i++)
    {
      gboolean matched;
      const char *value;

      if ((value = fid_cli_take_option_value (argc, argv, &i, "--weights", &matched)) || matched)
        {
          if (value == NULL || *value == '\0')
            return fid_cli_usage_error (_("--weights needs a CSV file"));
          options->weights = value;
        }
      else if (!import && ((value = fid_cli_take_option_value (argc, argv, &i, "--format", &matched)) || matched))
        {
          if (value == NULL || (!g_str_equal (value, "csv") && !g_str_equal (value, "json")))
            return fid_cli_usage_error (_("--format expects csv or json, not “%s”"), value ? value : "");
          options->json = g_str_equal (value, "json");
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return fid_cli_usage_error (_("unknown option “%s”"), argv[i]);
      else
        g_ptr_array_add (positional, argv[i]);
    }

  if (positional->len != wanted)
    return fid_cli_usage_error (import ? _("survey import takes a database file, a survey number and a CSV file")
                                       : _("survey analyze takes a kind (kano, servqual, nps, csat or ces) and a CSV file"));
  if (import)
    {
      options->db = g_ptr_array_index (positional, 0);
      if (!fid_cli_parse_id (g_ptr_array_index (positional, 1), &options->survey_id))
        return fid_cli_usage_error (_("“%s” is not a survey number"), (char *) g_ptr_array_index (positional, 1));
      options->path = g_ptr_array_index (positional, 2);
      return FID_CLI_EXIT_OK;
    }

  if (!fid_survey_kind_from_key (g_ptr_array_index (positional, 0), &options->kind))
    return fid_cli_usage_error (_("unknown survey kind “%s”: expected kano, servqual, nps, csat or ces"),
                                (char *) g_ptr_array_index (positional, 0));
  options->path = g_ptr_array_index (positional, 1);
  if (options->weights != NULL && options->kind != FID_SURVEY_SERVQUAL)
    return fid_cli_usage_error (_("--weights goes with servqual only"));
  return FID_CLI_EXIT_OK;
}

static int
survey_analyze (int    argc,
                char **argv)
{
  g_autoptr(GPtrArray) problems = fid_survey_csv_problems_new ();
  g_autofree char *text = NULL;
  g_autofree char *weights = NULL;
  Options options;
  int status;

  if ((status = parse_options (argc, argv, FALSE, &options)) != FID_CLI_EXIT_OK)
    return status;
  if ((text = read_file (options.path)) == NULL ||
      (options.weights != NULL && (weights = read_file (options.weights)) == NULL))
    return FID_CLI_EXIT_FAILURE;

  switch (options.kind)
    {
    case FID_SURVEY_KANO:
      {
        g_autoptr(FidKanoData) data = fid_survey_csv_read_kano (text, -1, problems);
        g_autoptr(GPtrArray) results = NULL;

        if (data == NULL)
          return report_problems (problems, options.weights);
        results = fid_kano_analyze (data);
        print_kano (results, options.json);
      }
      break;
    case FID_SURVEY_SERVQUAL:
      {
        g_autoptr(FidServqualData) data = fid_survey_csv_read_servqual (text, -1, weights, -1, problems);
        g_autoptr(FidServqualAnalysis) analysis = NULL;

        if (data == NULL)
          return report_problems (problems, options.weights);
        analysis = fid_servqual_analyze (data);
        print_servqual (analysis, options.json);
      }
      break;
    case FID_SURVEY_NPS:
    case FID_SURVEY_CSAT:
    case FID_SURVEY_CES:
      {
        g_autoptr(FidScoreData) data = fid_survey_csv_read_scores (options.kind, text, -1, problems);

        if (data == NULL)
          return report_problems (problems, options.weights);
        print_scores (data, options.json);
      }
      break;
    case FID_SURVEY_N_KINDS:
    default:
      g_assert_not_reached ();
    }
  return FID_CLI_EXIT_OK;
}

static int
survey_import (int    argc,
               char **argv)
{
  g_autoptr(GPtrArray) problems = fid_survey_csv_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autofree char *text = NULL;
  g_autofree char *weights = NULL;
  Options options;
  guint n = 0;
  int status;

  if ((status = parse_options (argc, argv, TRUE, &options)) != FID_CLI_EXIT_OK)
    return status;
  if ((text = read_file (options.path)) == NULL ||
      (options.weights != NULL && (weights = read_file (options.weights)) == NULL))
    return FID_CLI_EXIT_FAILURE;

  store = fid_store_open (options.db, FID_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fid_cli_runtime_error (error);
  if (!fid_survey_csv_import (store, options.survey_id, text, -1, weights, -1, problems, &n, &error))
    {
      if (error != NULL)
        return fid_cli_runtime_error (error);
      return report_problems (problems, options.weights);
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u response into survey %" PRId64 ".\n",
                       "Imported %u responses into survey %" PRId64 ".\n", n),
          n, options.survey_id);
  return FID_CLI_EXIT_OK;
}

int
fid_cli_survey (int    argc,
                char **argv)
{
  if (argc < 1)
    return fid_cli_usage_error (_("survey needs a subcommand: analyze or import"));
  if (g_str_equal (argv[0], "analyze"))
    return survey_analyze (argc - 1, argv + 1);
  if (g_str_equal (argv[0], "import"))
    return survey_import (argc - 1, argv + 1);
  return fid_cli_usage_error (_("unknown survey subcommand “%s”: expected analyze or import"), argv[0]);
}
