/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli segment: the segmentation analyses of issue 5 without the
 * app, for scripts and for comparing with any SQL engine.
 *
 *   segment SCHEME FILE --as-of DATE …   one row per customer, CSV or JSON
 *   segment summary FILE --as-of DATE …  customers per RFM, ABC and
 *                                        lifecycle segment, as text
 *
 * The analyses read the transaction column cache (fid_tx_columns_load),
 * which builds or refreshes its file on the way when needed; the database
 * itself is opened read-only unless --save asks for a snapshot. A file
 * written with --output appears whole or not at all: rows go to a
 * temporary file next to it, renamed over it once complete. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fid-cli-private.h"
#include "fid-rfm.h"
#include "fid-store-segments.h"
#include "fid-tx-columns.h"
#include "fid-value.h"

#define DEFAULT_WINDOW_DAYS 365
/* A century: anything longer is a typing mistake, not an analysis. */
#define MAX_WINDOW_DAYS     36525
#define DEFAULT_A_PERCENT   10
#define DEFAULT_B_PERCENT   35
#define OUTPUT_BUFFER_SIZE  (1 << 20)

static const char * const schemes[] = {
  "rfm", "frat", "abc", "profitability", "loyalty", "clv", "lifecycle", NULL
};

typedef struct
{
  const char *scheme;        /* one of schemes[], or "summary" */
  const char *path;
  const char *as_of;
  gint32      as_of_day;
  guint       window_days;
  gboolean    window_given;
  guint       a_percent;
  guint       b_percent;
  gboolean    shares_given;
  gboolean    json;
  const char *output;
  gboolean    save;
} Options;

static gboolean
parse_count (const char *value,
             guint       max,
             guint      *out)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (value, 10, 1, max, &number, NULL))
    return FALSE;
  *out = (guint) number;
  return TRUE;
}

/* Fills @options from the command line; FID_CLI_EXIT_OK, or the usage
 * error already printed. */
static int
parse_options (int      argc,
               char   **argv,
               Options *options)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  const char *format = "csv";

  *options = (Options) {
    .window_days = DEFAULT_WINDOW_DAYS,
    .a_percent = DEFAULT_A_PERCENT,
    .b_percent = DEFAULT_B_PERCENT,
  };

  for (int i = 0; i < argc; i++)
    {
      gboolean matched;
      const char *value;

      if ((value = fid_cli_take_option_value (argc, argv, &i, "--as-of", &matched)) || matched)
        {
          if (value == NULL)
            return fid_cli_usage_error (_("--as-of needs a date (YYYY-MM-DD)"));
          options->as_of = value;
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--window-days", &matched)) || matched)
        {
          if (value == NULL || !parse_count (value, MAX_WINDOW_DAYS, &options->window_days))
            return fid_cli_usage_error (_("--window-days expects a number of days from 1 to %d, not “%s”"),
                                        MAX_WINDOW_DAYS, value ? value : "");
          options->window_given = TRUE;
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--format", &matched)) || matched)
        {
          if (value == NULL || (!g_str_equal (value, "csv") && !g_str_equal (value, "json")))
            return fid_cli_usage_error (_("--format expects csv or json, not “%s”"), value ? value : "");
          format = value;
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--output", &matched)) || matched)
        {
          if (value == NULL || value[0] == '\0')
            return fid_cli_usage_error (_("--output needs a file name"));
          options->output = value;
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--a-percent", &matched)) || matched)
        {
          if (value == NULL || !parse_count (value, 100, &options->a_percent))
            return fid_cli_usage_error (_("--a-percent expects a percentage from 1 to 100, not “%s”"),
                                        value ? value : "");
          options->shares_given = TRUE;
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--b-percent", &matched)) || matched)
        {
          if (value == NULL || !parse_count (value, 100, &options->b_percent))
            return fid_cli_usage_error (_("--b-percent expects a percentage from 1 to 100, not “%s”"),
                                        value ? value : "");
          options->shares_given = TRUE;
        }
      else if (g_str_equal (argv[i], "--save"))
        {
          options->save = TRUE;
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          return fid_cli_usage_error (_("unknown option “%s” for segment"), argv[i]);
        }
      else
        {
          g_ptr_array_add (positional, argv[i]);
        }
    }

  if (positional->len == 0)
    return fid_cli_usage_error (_("segment needs a scheme (rfm, frat, abc, profitability, loyalty, clv, lifecycle or summary) and a database file"));
  options->scheme = g_ptr_array_index (positional, 0);
  if (!g_str_equal (options->scheme, "summary") &&
      !g_strv_contains (schemes, options->scheme))
    return fid_cli_usage_error (_("unknown segmentation scheme “%s”: choose rfm, frat, abc, profitability, loyalty, clv, lifecycle or summary"),
                                options->scheme);
  if (positional->len != 2)
    return fid_cli_usage_error (_("segment takes two arguments, the scheme and the database file"));
  options->path = g_ptr_array_index (positional, 1);

  if (options->as_of == NULL)
    return fid_cli_usage_error (_("segment needs --as-of YYYY-MM-DD, the date of the analysis"));
  options->as_of_day = fid_day_from_iso (options->as_of);
  if (options->as_of_day == G_MININT32)
    return fid_cli_usage_error (_("--as-of expects a date as YYYY-MM-DD, not “%s”"), options->as_of);

  if (options->shares_given && !g_str_equal (options->scheme, "abc") &&
      !g_str_equal (options->scheme, "summary"))
    return fid_cli_usage_error (_("--a-percent and --b-percent only apply to abc"));
  if (options->a_percent >= options->b_percent)
    return fid_cli_usage_error (_("the A share (%u %%) must be smaller than the B share (%u %%)"),
                                options->a_percent, options->b_percent);
  /* Lifecycle stages have their own fixed spans (new, inactive, lost). */
  if (options->window_given && g_str_equal (options->scheme, "lifecycle"))
    return fid_cli_usage_error (_("--window-days does not apply to lifecycle"));

  if (g_str_equal (options->scheme, "summary"))
    {
      if (options->save || options->output != NULL || !g_str_equal (format, "csv"))
        return fid_cli_usage_error (_("segment summary prints text: --save, --output and --format do not apply"));
    }
  options->json = g_str_equal (format, "json");
  return FID_CLI_EXIT_OK;
}

/* The analyses ------------------------------------------------------- */

static FidSegmentation *
compute (FidStore               *store,
         const FidTxColumnsView *view,
         const Options          *options,
         const char             *scheme,
         GError                **error)
{
  if (g_str_equal (scheme, "rfm") || g_str_equal (scheme, "frat"))
    return fid_rfm_compute (view, options->as_of_day, options->window_days,
                            g_str_equal (scheme, "frat"), NULL, error);

  if (g_str_equal (scheme, "abc"))
    return fid_abc_compute (view, options->as_of_day, options->window_days,
                            options->a_percent, options->b_percent, NULL, error);

  if (g_str_equal (scheme, "profitability"))
    {
      FidProfitabilityParams params;

      fid_profitability_params_init (&params);
      params.as_of = options->as_of;
      params.window_days = options->window_days;
      return fid_profitability_compute (store, view, &params, NULL, error);
    }

  if (g_str_equal (scheme, "loyalty"))
    {
      FidLoyaltyParams params;

      fid_loyalty_params_init (&params);
      params.as_of = options->as_of;
      params.window_days = options->window_days;
      return fid_loyalty_compute (store, view, &params, NULL, error);
    }

  if (g_str_equal (scheme, "clv"))
    {
      FidClvParams params;

      fid_clv_params_init (&params);
      params.profitability.as_of = options->as_of;
      params.profitability.window_days = options->window_days;
      return fid_clv_compute (store, view, &params, NULL, error);
    }

  if (g_str_equal (scheme, "lifecycle"))
    {
      FidLifecycleParams params;

      fid_lifecycle_params_init (&params);
      params.as_of = options->as_of;
      return fid_lifecycle_compute (store, view, &params, NULL, error);
    }

  g_assert_not_reached ();
}

/* What a snapshot records besides its scheme, date and window: the
 * parameters a later reader needs to tell two runs apart. NULL when the
 * scheme has none beyond the window. */
static char *
snapshot_parameters (const Options *options)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (!g_str_equal (options->scheme, "abc"))
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "a_percent");
  json_builder_add_int_value (builder, options->a_percent);
  json_builder_set_member_name (builder, "b_percent");
  json_builder_add_int_value (builder, options->b_percent);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
save_snapshot (FidStore         *store,
               FidSegmentation  *result,
               const Options    *options,
               GError          **error)
{
  g_autofree char *parameters = snapshot_parameters (options);
  guint n_segments = fid_segmentation_get_n_segments (result);
  g_autofree const char **keys = g_new0 (const char *, n_segments + 1);

  for (guint i = 0; i < n_segments; i++)
    keys[i] = fid_segmentation_get_segment_key (result, i);

  return fid_store_save_snapshot (store, options->scheme, options->as_of,
                                  fid_segmentation_get_window_days (result), parameters,
                                  fid_segmentation_get_ids (result),
                                  fid_segmentation_get_segments (result),
                                  keys, fid_segmentation_get_size (result),
                                  NULL, error);
}

static gboolean
write_rows (FidSegmentation  *result,
            gboolean          json,
            FILE             *out,
            GError          **error)
{
  if (json)
    return fid_segmentation_write_json (result, out, error);
  return fid_segmentation_write_csv (result, out, error);
}

/* Rows to --output PATH: into a temporary file in the same folder (so the
 * rename cannot cross file systems), renamed over PATH when all is
 * written. */
static gboolean
write_output_file (FidSegmentation  *result,
                   const Options    *options,
                   GError          **error)
{
  g_autofree char *template = g_strconcat (options->output, ".XXXXXX", NULL);
  FILE *out;
  int fd;

  fd = g_mkstemp (template);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), options->output, g_strerror (saved_errno));
      return FALSE;
    }

  out = fdopen (fd, "w");
  if (out == NULL)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (template);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), options->output, g_strerror (saved_errno));
      return FALSE;
    }
  setvbuf (out, NULL, _IOFBF, OUTPUT_BUFFER_SIZE);

  if (!write_rows (result, options->json, out, error))
    {
      fclose (out);
      g_unlink (template);
      return FALSE;
    }
  if (fclose (out) != 0 || g_rename (template, options->output) != 0)
    {
      int saved_errno = errno;

      g_unlink (template);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), options->output, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The summary --------------------------------------------------------- */

/* "  KEY  COUNT[  SHARE %]" per segment, keys padded to the longest. */
static void
print_counts (FidSegmentation *result,
              int              sum_column,
              double           total)
{
  guint n_segments = fid_segmentation_get_n_segments (result);
  g_autofree guint64 *counts = g_new0 (guint64, n_segments);
  g_autofree double *sums = g_new0 (double, n_segments);
  int key_width = 0, count_width = 1;

  fid_segmentation_count (result, counts, sum_column, sum_column >= 0 ? sums : NULL);
  for (guint i = 0; i < n_segments; i++)
    {
      g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, counts[i]);

      key_width = MAX (key_width, (int) strlen (fid_segmentation_get_segment_key (result, i)));
      count_width = MAX (count_width, (int) strlen (digits));
    }

  for (guint i = 0; i < n_segments; i++)
    {
      printf ("  %-*s  %*" G_GUINT64_FORMAT, key_width, fid_segmentation_get_segment_key (result, i),
              count_width, counts[i]);
      if (sum_column >= 0)
        printf ("  %5.1f %%", total > 0 ? 100.0 * sums[i] / total : 0.0);
      printf ("\n");
    }
}

static int
print_summary (FidStore               *store,
               const FidTxColumnsView *view,
               const Options          *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSegmentation) rfm = NULL;
  g_autoptr(FidSegmentation) abc = NULL;
  g_autoptr(FidSegmentation) lifecycle = NULL;
  GVariant *total;

  /* All three first: a failure prints nothing but its message. */
  if ((rfm = compute (store, view, options, "rfm", &error)) == NULL ||
      (abc = compute (store, view, options, "abc", &error)) == NULL ||
      (lifecycle = compute (store, view, options, "lifecycle", &error)) == NULL)
    return fid_cli_runtime_error (error);

  /* Translators: a heading; the date, the window in days, a count. */
  printf (ngettext ("RFM as of %s, %u-day window: %lu customer\n",
                    "RFM as of %s, %u-day window: %lu customers\n",
                    (unsigned long) fid_segmentation_get_size (rfm)),
          options->as_of, options->window_days, (unsigned long) fid_segmentation_get_size (rfm));
  print_counts (rfm, -1, 0);

  total = fid_segmentation_get_extra (abc, "total_revenue");
  printf ("\n");
  /* Translators: a heading; the A and B shares in percent, a count. The
   * last column of the rows below is the share of revenue. */
  printf (ngettext ("ABC (A %u %%, B %u %%): %lu customer with revenue, share of revenue\n",
                    "ABC (A %u %%, B %u %%): %lu customers with revenue, share of revenue\n",
                    (unsigned long) fid_segmentation_get_size (abc)),
          options->a_percent, options->b_percent, (unsigned long) fid_segmentation_get_size (abc));
  print_counts (abc, fid_segmentation_find_column (abc, "revenue"),
                total != NULL ? (double) g_variant_get_int64 (total) : 0.0);

  printf ("\n");
  /* Translators: a heading; the date, a count. */
  printf (ngettext ("Lifecycle as of %s: %lu customer\n",
                    "Lifecycle as of %s: %lu customers\n",
                    (unsigned long) fid_segmentation_get_size (lifecycle)),
          options->as_of, (unsigned long) fid_segmentation_get_size (lifecycle));
  print_counts (lifecycle, -1, 0);

  return FID_CLI_EXIT_OK;
}

/* fidelis-cli segment SCHEME|summary FILE --as-of DATE [options] */
int
fid_cli_segment (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(FidTxColumns) columns = NULL;
  g_autoptr(FidSegmentation) result = NULL;
  const FidTxColumnsView *view;
  Options options;
  int status;

  status = parse_options (argc, argv, &options);
  if (status != FID_CLI_EXIT_OK)
    return status;

  if (options.save)
    {
      /* Writable, so the file may be migrated on the way, as the app would. */
      store = fid_store_open (options.path, FID_STORE_OPEN_DEFAULT, &error);
      if (store == NULL)
        return fid_cli_runtime_error (error);
    }
  else
    {
      store = fid_cli_open_store (options.path);
      if (store == NULL)
        return FID_CLI_EXIT_FAILURE;
    }

  columns = fid_tx_columns_load (store, NULL, NULL, NULL, &error);
  if (columns == NULL)
    return fid_cli_runtime_error (error);
  view = fid_tx_columns_get_view (columns);

  if (g_str_equal (options.scheme, "summary"))
    return print_summary (store, view, &options);

  result = compute (store, view, &options, options.scheme, &error);
  if (result == NULL)
    return fid_cli_runtime_error (error);

  /* Saved before the rows are written: a run that fails prints nothing. */
  if (options.save && !save_snapshot (store, result, &options, &error))
    return fid_cli_runtime_error (error);

  if (options.output != NULL)
    {
      if (!write_output_file (result, &options, &error))
        return fid_cli_runtime_error (error);
      return FID_CLI_EXIT_OK;
    }

  setvbuf (stdout, NULL, _IOFBF, OUTPUT_BUFFER_SIZE);
  if (!write_rows (result, options.json, stdout, &error))
    return fid_cli_runtime_error (error);
  return FID_CLI_EXIT_OK;
}
