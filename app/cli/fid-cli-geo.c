/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli geo: territories without the app (issue 13).
 *
 *   geo import FILE.geojson DB [--name-property P] [--code-property P]
 *                              [--set-name NAME]
 *       validates the whole file first (any problem: its message, naming
 *       the feature, and nothing written), then imports the territories
 *       and places every customer, in one transaction.
 *   geo summary DB --measure customers|revenue|penetration|mean-margin|segment:NAME
 *                  [--format csv|json] [--branches]
 *       one row per territory of the current set, highest value first; with
 *       --branches, one row per branch and its catchment area instead.
 *
 * The default properties are those of the French open-data files (INSEE
 * codes in "code", names in "nom"). */

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "fid-cli-geo.h"
#include "fid-cli-private.h"
#include "fid-geojson.h"
#include "fid-store-geo.h"
#include "fid-store-workspace.h"

static int
geo_import (int    argc,
            char **argv)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  const char *name_property = "nom", *code_property = "code", *set_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) territories = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *default_name = NULL;
  FidGeoAssignStats stats;

  for (int i = 0; i < argc; i++)
    {
      gboolean matched;
      const char *value;

      if ((value = fid_cli_take_option_value (argc, argv, &i, "--name-property", &matched)) || matched)
        {
          if (value == NULL || value[0] == '\0')
            return fid_cli_usage_error (_("--name-property needs the name of a feature property"));
          name_property = value;
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--code-property", &matched)) || matched)
        {
          if (value == NULL || value[0] == '\0')
            return fid_cli_usage_error (_("--code-property needs the name of a feature property"));
          code_property = value;
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--set-name", &matched)) || matched)
        {
          if (value == NULL || value[0] == '\0')
            return fid_cli_usage_error (_("--set-name needs a name"));
          set_name = value;
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return fid_cli_usage_error (_("unknown option “%s” for geo import"), argv[i]);
      else
        g_ptr_array_add (positional, argv[i]);
    }
  if (positional->len != 2)
    return fid_cli_usage_error (_("geo import takes two arguments, the GeoJSON file and the database file"));

  file = g_file_new_for_commandline_arg (g_ptr_array_index (positional, 0));
  territories = fid_geojson_load_territories (file, name_property, code_property, &error);
  if (territories == NULL)
    return fid_cli_runtime_error (error);
  if (set_name == NULL)
    {
      g_autofree char *base = g_file_get_basename (file);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      set_name = default_name = g_steal_pointer (&base);
    }
  store = fid_store_open (g_ptr_array_index (positional, 1), FID_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fid_cli_runtime_error (error);
  if (!fid_store_geo_import (store, set_name, g_ptr_array_index (positional, 0), name_property, code_property,
                             territories, &stats, &error))
    return fid_cli_runtime_error (error);
  /* Translators: after geo import; the set's name, then counts. */
  printf (_("Imported %u territories as “%s”.\n"), territories->len, set_name);
  printf (_("Placed %" PRId64 " customers: %" PRId64 " in a territory, %" PRId64 " outside every territory, "
            "%" PRId64 " without coordinates (%.2f s).\n"),
          stats.customers, stats.in_territory, stats.customers - stats.in_territory,
          stats.without_coordinates, stats.seconds);
  return FID_CLI_EXIT_OK;
}

typedef struct
{
  FidGeoMeasure measure;
  const char   *segment;
  const char   *column;   /* the value's column name */
} Measure;

static gboolean
parse_measure (const char *text,
               Measure    *out)
{
  if (g_strcmp0 (text, "customers") == 0)
    *out = (Measure) { FID_GEO_MEASURE_CUSTOMERS, NULL, "customers" };
  else if (g_strcmp0 (text, "revenue") == 0)
    *out = (Measure) { FID_GEO_MEASURE_REVENUE, NULL, "revenue_12m" };
  else if (g_strcmp0 (text, "penetration") == 0)
    *out = (Measure) { FID_GEO_MEASURE_PENETRATION, NULL, "penetration" };
  else if (g_strcmp0 (text, "mean-margin") == 0)
    *out = (Measure) { FID_GEO_MEASURE_MEAN_MARGIN, NULL, "mean_margin" };
  else if (text != NULL && g_str_has_prefix (text, "segment:") && text[8] != '\0')
    *out = (Measure) { FID_GEO_MEASURE_SEGMENT, text + 8, "segment_share" };
  else
    return FALSE;
  return TRUE;
}

static const Measure *sort_measure;

static int
by_value_desc (gconstpointer a,
               gconstpointer b)
{
  const FidGeoTerritory *x = *(FidGeoTerritory * const *) a, *y = *(FidGeoTerritory * const *) b;
  double vx = fid_geo_territory_value (x, sort_measure->measure);
  double vy = fid_geo_territory_value (y, sort_measure->measure);

  if (vx != vy)
    return vx < vy ? 1 : -1;
  return strcmp (x->code, y->code);
}

/* A CSV field: quoted when it holds a separator, a quote or a line end. */
static char *
csv_field (const char *text)
{
  g_autoptr(GString) out = NULL;

  if (strpbrk (text, ",\"\r\n") == NULL)
    return g_strdup (text);
  out = g_string_new ("\"");
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The value as the machine reads it: euros with two decimals for money,
 * four-decimal shares, integers for counts. */
static char *
format_value (const FidGeoTerritory *t,
              const Measure         *m)
{
  double value = fid_geo_territory_value (t, m->measure);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  switch (m->measure)
    {
    case FID_GEO_MEASURE_CUSTOMERS:
      return g_strdup_printf ("%" PRId64, t->customers);
    case FID_GEO_MEASURE_REVENUE:
    case FID_GEO_MEASURE_MEAN_MARGIN:
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", value / 100));
    default:
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.4f", value));
    }
}

static int
print_branches (FidStore *store,
                gboolean  json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) branches = fid_store_geo_list_branches (store, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (branches == NULL)
    return fid_cli_runtime_error (error);
  if (!json)
    printf ("code,name,customers,catchment,own_in_cell,own_share\n");
  json_builder_begin_array (builder);
  for (guint i = 0; i < branches->len; i++)
    {
      FidGeoBranch *b = g_ptr_array_index (branches, i);
      char share[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (share, sizeof share, "%.4f", fid_geo_branch_own_share (b));
      if (json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, b->code);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, b->name);
          json_builder_set_member_name (builder, "customers");
          json_builder_add_int_value (builder, b->customers);
          json_builder_set_member_name (builder, "catchment");
          json_builder_add_int_value (builder, b->catchment);
          json_builder_set_member_name (builder, "own_in_cell");
          json_builder_add_int_value (builder, b->own_in_cell);
          json_builder_set_member_name (builder, "own_share");
          json_builder_add_double_value (builder, g_ascii_strtod (share, NULL));
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *code = csv_field (b->code), *name = csv_field (b->name);

          printf ("%s,%s,%" PRId64 ",%" PRId64 ",%" PRId64 ",%s\n", code, name, b->customers, b->catchment,
                  b->own_in_cell, share);
        }
    }
  json_builder_end_array (builder);
  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);

      printf ("%s\n", text);
    }
  return FID_CLI_EXIT_OK;
}

static int
geo_summary (int    argc,
             char **argv)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GPtrArray) territories = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *set = NULL;
  g_autofree char *revenue_as_of = NULL;
  const char *measure_text = NULL;
  gboolean json = FALSE, branches = FALSE;
  Measure measure;

  for (int i = 0; i < argc; i++)
    {
      gboolean matched;
      const char *value;

      if ((value = fid_cli_take_option_value (argc, argv, &i, "--measure", &matched)) || matched)
        {
          if (value == NULL || !parse_measure (value, &measure))
            return fid_cli_usage_error (_("--measure expects customers, revenue, penetration, mean-margin or "
                                          "segment:NAME, not “%s”"), value ? value : "");
          measure_text = value;
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--format", &matched)) || matched)
        {
          if (value == NULL || (!g_str_equal (value, "csv") && !g_str_equal (value, "json")))
            return fid_cli_usage_error (_("--format expects csv or json, not “%s”"), value ? value : "");
          json = g_str_equal (value, "json");
        }
      else if (g_str_equal (argv[i], "--branches"))
        branches = TRUE;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return fid_cli_usage_error (_("unknown option “%s” for geo summary"), argv[i]);
      else
        g_ptr_array_add (positional, argv[i]);
    }
  if (positional->len != 1)
    return fid_cli_usage_error (_("geo summary takes one argument, the database file"));
  if (measure_text == NULL && !branches)
    return fid_cli_usage_error (_("geo summary needs --measure customers|revenue|penetration|mean-margin|segment:NAME"));

  store = fid_cli_open_store (g_ptr_array_index (positional, 0));
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;
  if (branches)
    return print_branches (store, json);
  set = fid_store_geo_dup_current_set (store, &error);
  if (set == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                             _("No territories yet: import some with “fidelis-cli geo import FILE.geojson DB”."));
      return fid_cli_runtime_error (error);
    }
  territories = fid_store_geo_list_territories (store, measure.segment, &error);
  if (territories == NULL)
    return fid_cli_runtime_error (error);
  sort_measure = &measure;
  g_ptr_array_sort (territories, by_value_desc);
  if (measure.measure == FID_GEO_MEASURE_REVENUE)
    {
      /* Revenue is the customer list's "12 months" column, which the app
       * refreshes once a day: say as of when. */
      revenue_as_of = fid_store_dup_revenue_12m_as_of (store, NULL);
      if (revenue_as_of == NULL)
        fprintf (stderr, "%s\n", _("Note: the 12-month revenue has not been computed in this bank yet (the app "
                                   "does it once a day); every figure is 0 until then."));
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "set");
  json_builder_add_string_value (builder, set);
  json_builder_set_member_name (builder, "measure");
  json_builder_add_string_value (builder, measure_text);
  if (revenue_as_of != NULL)
    {
      json_builder_set_member_name (builder, "revenue_as_of");
      json_builder_add_string_value (builder, revenue_as_of);
    }
  json_builder_set_member_name (builder, "territories");
  json_builder_begin_array (builder);
  if (!json)
    printf ("code,name,customers%s%s\n",
            measure.measure == FID_GEO_MEASURE_CUSTOMERS ? "" : ",", 
            measure.measure == FID_GEO_MEASURE_CUSTOMERS ? "" : measure.column);
  for (guint i = 0; i < territories->len; i++)
    {
      FidGeoTerritory *t = g_ptr_array_index (territories, i);
      g_autofree char *value = format_value (t, &measure);

      if (json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, t->code);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, t->name);
          json_builder_set_member_name (builder, "customers");
          json_builder_add_int_value (builder, t->customers);
          if (measure.measure != FID_GEO_MEASURE_CUSTOMERS)
            {
              json_builder_set_member_name (builder, measure.column);
              json_builder_add_double_value (builder, g_ascii_strtod (value, NULL));
            }
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *code = csv_field (t->code), *name = csv_field (t->name);

          printf ("%s,%s,%" PRId64 "%s%s\n", code, name, t->customers,
                  measure.measure == FID_GEO_MEASURE_CUSTOMERS ? "" : ",",
                  measure.measure == FID_GEO_MEASURE_CUSTOMERS ? "" : value);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);

      printf ("%s\n", text);
    }
  return FID_CLI_EXIT_OK;
}

int
fid_cli_geo (int    argc,
             char **argv)
{
  if (argc < 1)
    return fid_cli_usage_error (_("geo needs a subcommand: import or summary"));
  if (g_str_equal (argv[0], "import"))
    return geo_import (argc - 1, argv + 1);
  if (g_str_equal (argv[0], "summary"))
    return geo_summary (argc - 1, argv + 1);
  return fid_cli_usage_error (_("unknown geo subcommand “%s”: use import or summary"), argv[0]);
}
