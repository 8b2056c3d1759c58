/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSegmentationAnalytics: runs one segmentation scheme on a worker
 * thread: loads the transaction columns (the cache, patched with what
 * changed), then the scheme's arithmetic from app/core/analytics/. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fid-rfm.h"
#include "fid-segment-labels.h"
#include "fid-segmentation-analytics.h"
#include "fid-segmentation-view.h"
#include "fid-tx-columns.h"
#include "fid-value.h"

struct _FidSegmentationAnalytics
{
  GObject parent_instance;
};

static void analytics_iface_init (FidAnalyticsInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidSegmentationAnalytics, fid_segmentation_analytics, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_ANALYTICS, analytics_iface_init))

static const char * const schemes[] = {
  "rfm", "frat", "abc", "profitability", "loyalty", "clv", "lifecycle", NULL
};

const char * const *
fid_segmentation_analytics_schemes (void)
{
  return schemes;
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static const char *
get_id (FidAnalytics *analytics)
{
  return "segmentation";
}

static const char *
get_name (FidAnalytics *analytics)
{
  return _("Segmentation");
}

static const char *
get_description (FidAnalytics *analytics)
{
  return _("RFM, FRAT, ABC-Pareto, profitability, loyalty, lifetime value and lifecycle");
}

static GParamSpec *
own (GParamSpec *spec)
{
  return g_param_spec_ref_sink (spec);
}

static GPtrArray *
list_parameters (FidAnalytics *analytics)
{
  GPtrArray *specs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_param_spec_unref);
  g_autofree char *today = today_iso ();

  g_ptr_array_add (specs, own (g_param_spec_string ("scheme", _("Analysis"),
                                                    _("rfm, frat, abc, profitability, loyalty, clv or lifecycle"),
                                                    "rfm", G_PARAM_READWRITE)));
  g_ptr_array_add (specs, own (g_param_spec_string ("as-of", _("As of"),
                                                    _("The date the analysis looks back from (YYYY-MM-DD)"),
                                                    today, G_PARAM_READWRITE)));
  g_ptr_array_add (specs, own (g_param_spec_int ("window-days", _("Window (days)"),
                                                 _("How far back transactions count"),
                                                 1, 3660, 365, G_PARAM_READWRITE)));
  g_ptr_array_add (specs, own (g_param_spec_int ("a-percent", _("Class A (%)"),
                                                 _("ABC: the share of customers in class A"),
                                                 1, 99, 10, G_PARAM_READWRITE)));
  g_ptr_array_add (specs, own (g_param_spec_int ("b-percent", _("Classes A and B (%)"),
                                                 _("ABC: the share of customers in classes A and B"),
                                                 2, 100, 35, G_PARAM_READWRITE)));
  g_ptr_array_add (specs, own (g_param_spec_double ("discount-rate", _("Discount rate"),
                                                    _("Lifetime value: the yearly discount rate"),
                                                    0.0, 1.0, 0.10, G_PARAM_READWRITE)));
  g_ptr_array_add (specs, own (g_param_spec_int ("nps-threshold", _("Favourable NPS answer"),
                                                 _("Loyalty: the lowest 0–10 answer counted as a favourable attitude"),
                                                 0, 10, 7, G_PARAM_READWRITE)));
  g_ptr_array_add (specs, own (g_param_spec_int ("csat-threshold", _("Favourable CSAT answer"),
                                                 _("Loyalty: the lowest 1–5 answer counted as a favourable attitude"),
                                                 1, 5, 4, G_PARAM_READWRITE)));
  g_ptr_array_add (specs, own (g_param_spec_int ("new-days", _("New for (days)"),
                                                 _("Lifecycle: how long a customer counts as new"),
                                                 1, 3660, 90, G_PARAM_READWRITE)));
  g_ptr_array_add (specs, own (g_param_spec_int ("inactive-days", _("Inactive after (days)"),
                                                 _("Lifecycle: days without a transaction before a customer is inactive"),
                                                 1, 3660, 180, G_PARAM_READWRITE)));
  g_ptr_array_add (specs, own (g_param_spec_int ("lost-days", _("Lost after (days)"),
                                                 _("Lifecycle: days without a transaction before a customer is lost"),
                                                 1, 3660, 365, G_PARAM_READWRITE)));
  return specs;
}

static int
lookup_int (GVariant   *parameters,
            const char *name,
            int         fallback)
{
  int value;

  if (parameters != NULL && g_variant_lookup (parameters, name, "i", &value))
    return value;
  return fallback;
}

static double
lookup_double (GVariant   *parameters,
               const char *name,
               double      fallback)
{
  double value;

  if (parameters != NULL && g_variant_lookup (parameters, name, "d", &value))
    return value;
  return fallback;
}

/* Prices of the cost to serve: "cost-<channel>" and "ticket-cost-<kind>",
 * in euros (the page's spin buttons), when given. */
static void
read_prices (GVariant               *parameters,
             FidProfitabilityParams *params)
{
  static const char * const kinds[] = { "request", "complaint", "incident" };
  const char * const *channels = fid_value_channels ();

  for (guint i = 0; channels[i] != NULL && i < G_N_ELEMENTS (params->channel_cost_cents); i++)
    {
      g_autofree char *name = g_strconcat ("cost-", channels[i], NULL);
      double euros = lookup_double (parameters, name, NAN);

      if (!isnan (euros) && euros >= 0)
        params->channel_cost_cents[i] = (gint64) llround (euros * 100);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strconcat ("ticket-cost-", kinds[i], NULL);
      double euros = lookup_double (parameters, name, NAN);

      if (!isnan (euros) && euros >= 0)
        params->ticket_cost_cents[i] = (gint64) llround (euros * 100);
    }
}

typedef struct
{
  FidProgressFunc progress;
  gpointer        data;
} Progress;

/* Loading the columns is the first half of the bar, scoring the second. */
static void
on_columns_progress_cb (double   fraction,
                        gpointer user_data)
{
  Progress *p = user_data;

  if (p->progress != NULL)
    p->progress (fraction * 0.8, p->data);
}

/* The table under the chart: one row per segment. */
static FidAnalyticsResult *
summarise (FidSegmentation *segmentation)
{
  const char *columns[] = { _("Segment"), _("Customers"), _("Share (%)"), _("Revenue (€)"), NULL };
  const char *scheme = fid_segmentation_get_scheme (segmentation);
  guint n = fid_segmentation_get_n_segments (segmentation);
  g_autofree guint64 *counts = g_new0 (guint64, MAX (n, 1));
  g_autofree double *sums = g_new0 (double, MAX (n, 1));
  g_autofree char *title = NULL;
  FidAnalyticsResult *result;
  gsize total = fid_segmentation_get_size (segmentation);
  int money = fid_segmentation_find_column (segmentation, "monetary");

  if (money < 0)
    money = fid_segmentation_find_column (segmentation, "revenue");
  if (money < 0)
    money = fid_segmentation_find_column (segmentation, "margin");
  fid_segmentation_count (segmentation, counts, money, sums);
  /* No money column (loyalty, lifecycle): no empty revenue column. */
  if (money < 0)
    columns[3] = NULL;

  title = g_strdup_printf (_("%s as of %s"), fid_segment_scheme_label (scheme),
                           fid_segmentation_get_as_of (segmentation));
  result = fid_analytics_result_new (title, (const char * const *) columns);
  for (guint s = 0; s < n; s++)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, counts[s]);
      char share[G_ASCII_DTOSTR_BUF_SIZE];
      char revenue[G_ASCII_DTOSTR_BUF_SIZE];
      const char *cells[5];

      g_ascii_formatd (share, sizeof share, "%.1f", total > 0 ? 100.0 * counts[s] / total : 0.0);
      /* Cents to currency units: the table is read by people and CSV tools. */
      g_ascii_formatd (revenue, sizeof revenue, "%.2f", money >= 0 ? sums[s] / 100.0 : 0.0);
      cells[0] = fid_segment_label (scheme, fid_segmentation_get_segment_key (segmentation, s));
      cells[1] = count;
      cells[2] = share;
      cells[3] = money >= 0 ? revenue : NULL;
      cells[4] = NULL;
      fid_analytics_result_add_row (result, cells);
    }
  fid_analytics_result_set_data (result, G_OBJECT (segmentation));
  return result;
}

static FidAnalyticsResult *
compute (FidAnalytics     *analytics,
         FidStore         *store,
         GVariant         *parameters,
         FidProgressFunc   progress,
         gpointer          progress_data,
         GCancellable     *cancellable,
         GError          **error)
{
  g_autoptr(FidTxColumns) columns = NULL;
  g_autoptr(FidSegmentation) segmentation = NULL;
  g_autofree char *today = today_iso ();
  const FidTxColumnsView *view;
  const char *scheme = "rfm";
  const char *as_of = today;
  Progress p = { progress, progress_data };
  int window_days;
  gint32 as_of_day;

  if (parameters != NULL)
    {
      g_variant_lookup (parameters, "scheme", "&s", &scheme);
      g_variant_lookup (parameters, "as-of", "&s", &as_of);
    }
  if (!g_strv_contains (schemes, scheme))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an analysis Fidelis knows"), scheme);
      return NULL;
    }
  as_of_day = fid_day_from_iso (as_of);
  if (as_of_day == G_MININT32)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date: write it as YYYY-MM-DD"), as_of);
      return NULL;
    }
  window_days = lookup_int (parameters, "window-days", 365);
  if (window_days < 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The window must be at least one day long"));
      return NULL;
    }

  columns = fid_tx_columns_load (store, on_columns_progress_cb, &p, cancellable, error);
  if (columns == NULL)
    return NULL;
  view = fid_tx_columns_get_view (columns);

  if (g_str_equal (scheme, "rfm") || g_str_equal (scheme, "frat"))
    segmentation = fid_rfm_compute (view, as_of_day, window_days, g_str_equal (scheme, "frat"),
                                    cancellable, error);
  else if (g_str_equal (scheme, "abc"))
    {
      int a = lookup_int (parameters, "a-percent", 10);
      int b = lookup_int (parameters, "b-percent", 35);

      if (a < 1 || b <= a || b > 100)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Class A must be smaller than classes A and B together, and both between 1 and 100 %"));
          return NULL;
        }
      segmentation = fid_abc_compute (view, as_of_day, window_days, a, b, cancellable, error);
    }
  else if (g_str_equal (scheme, "profitability"))
    {
      FidProfitabilityParams params;

      fid_profitability_params_init (&params);
      params.as_of = as_of;
      params.window_days = window_days;
      read_prices (parameters, &params);
      segmentation = fid_profitability_compute (store, view, &params, cancellable, error);
    }
  else if (g_str_equal (scheme, "loyalty"))
    {
      FidLoyaltyParams params;

      fid_loyalty_params_init (&params);
      params.as_of = as_of;
      params.window_days = window_days;
      params.nps_threshold = lookup_int (parameters, "nps-threshold", params.nps_threshold);
      params.csat_threshold = lookup_int (parameters, "csat-threshold", params.csat_threshold);
      segmentation = fid_loyalty_compute (store, view, &params, cancellable, error);
    }
  else if (g_str_equal (scheme, "clv"))
    {
      FidClvParams params;

      fid_clv_params_init (&params);
      params.profitability.as_of = as_of;
      params.profitability.window_days = window_days;
      read_prices (parameters, &params.profitability);
      params.discount_rate = lookup_double (parameters, "discount-rate", params.discount_rate);
      segmentation = fid_clv_compute (store, view, &params, cancellable, error);
    }
  else
    {
      FidLifecycleParams params;

      fid_lifecycle_params_init (&params);
      params.as_of = as_of;
      params.new_days = lookup_int (parameters, "new-days", params.new_days);
      params.inactive_days = lookup_int (parameters, "inactive-days", params.inactive_days);
      params.lost_days = lookup_int (parameters, "lost-days", params.lost_days);
      segmentation = fid_lifecycle_compute (store, view, &params, cancellable, error);
    }

  if (segmentation == NULL)
    return NULL;
  if (progress != NULL)
    progress (1.0, progress_data);
  return summarise (segmentation);
}

static GType
get_view_type (FidAnalytics *analytics)
{
  return FID_TYPE_SEGMENTATION_VIEW;
}

static void
analytics_iface_init (FidAnalyticsInterface *iface)
{
  iface->get_id = get_id;
  iface->get_name = get_name;
  iface->get_description = get_description;
  iface->list_parameters = list_parameters;
  iface->compute = compute;
  iface->get_view_type = get_view_type;
}

static void
fid_segmentation_analytics_class_init (FidSegmentationAnalyticsClass *klass)
{
}

static void
fid_segmentation_analytics_init (FidSegmentationAnalytics *self)
{
}
