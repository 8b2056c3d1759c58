/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidChannelMix: interactions per channel per month. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-channel-mix.h"
#include "fid-channel-mix-view.h"
#include "fid-store-channels.h"

struct _FidChannelMix
{
  GObject parent_instance;
};

static void analytics_iface_init (FidAnalyticsInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidChannelMix, fid_channel_mix, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_ANALYTICS, analytics_iface_init))

static const char *
get_id (FidAnalytics *analytics)
{
  return "channel-mix";
}

static const char *
get_name (FidAnalytics *analytics)
{
  return _("Channel Mix");
}

static const char *
get_description (FidAnalytics *analytics)
{
  return _("Interactions per channel and month");
}

static GPtrArray *
list_parameters (FidAnalytics *analytics)
{
  GPtrArray *specs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_param_spec_unref);

  g_ptr_array_add (specs, g_param_spec_ref_sink (g_param_spec_int ("months", _("Months"),
                                                                   _("How many months back, this one included"),
                                                                   1, 120, 12, G_PARAM_READWRITE)));
  return specs;
}

/* The built-in channels by name; others (a plugin's) by id. */
static const char *
channel_label (const char *id)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "phone", N_("Phone") }, { "email", N_("E-mail") }, { "sms", N_("SMS") },
    { "branch", N_("Branch") }, { "mail", N_("Postal Mail") }, { "web", N_("Web form") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].id, id))
      return _(labels[i].label);

  return id;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
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
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GPtrArray) channels = g_ptr_array_new ();
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *since = NULL;
  FidAnalyticsResult *result;
  int months = 12;

  g_variant_lookup (parameters, "months", "i", &months);
  months = CLAMP (months, 1, 120);

  first = g_date_time_add_months (now, -(months - 1));
  since = g_strdup_printf ("%04d-%02d-01", g_date_time_get_year (first), g_date_time_get_month (first));

  progress (0.1, progress_data);
  counts = fid_store_count_interactions_by_month (store, since, cancellable, error);
  if (counts == NULL)
    return NULL;
  progress (0.6, progress_data);

  for (guint i = 0; i < counts->len; i++)
    {
      FidChannelMonthCount *count = &g_array_index (counts, FidChannelMonthCount, i);

      if (g_hash_table_add (seen, count->channel))
        g_ptr_array_add (channels, count->channel);
    }
  g_ptr_array_sort (channels, compare_strings);

  g_ptr_array_add (columns, g_strdup (_("Month")));
  for (guint c = 0; c < channels->len; c++)
    g_ptr_array_add (columns, g_strdup (channel_label (g_ptr_array_index (channels, c))));
  g_ptr_array_add (columns, g_strdup (_("Total")));
  g_ptr_array_add (columns, NULL);

  result = fid_analytics_result_new (_("Interactions per channel and month"),
                                     (const char * const *) columns->pdata);

  /* One row per month, even a month without any interaction. */
  for (int m = 0; m < months; m++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (first, m);
      g_autofree char *key = g_strdup_printf ("%04d-%02d", g_date_time_get_year (month),
                                              g_date_time_get_month (month));
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      gint64 total = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_object_unref (result);
          return NULL;
        }

      g_ptr_array_add (cells, g_strdup (key));
      for (guint c = 0; c < channels->len; c++)
        {
          gint64 n = 0;

          for (guint i = 0; i < counts->len; i++)
            {
              FidChannelMonthCount *count = &g_array_index (counts, FidChannelMonthCount, i);

              if (g_str_equal (count->month, key) && g_str_equal (count->channel, g_ptr_array_index (channels, c)))
                n = count->count;
            }
          total += n;
          g_ptr_array_add (cells, g_strdup_printf ("%" G_GINT64_FORMAT, n));
        }
      g_ptr_array_add (cells, g_strdup_printf ("%" G_GINT64_FORMAT, total));
      fid_analytics_result_add_row (result, (const char * const *) cells->pdata);
      progress (0.6 + 0.4 * (m + 1) / months, progress_data);
    }

  return result;
}

static GType
get_view_type (FidAnalytics *analytics)
{
  return FID_TYPE_CHANNEL_MIX_VIEW;
}

static void
analytics_iface_init (FidAnalyticsInterface *iface)
{
  iface->get_view_type = get_view_type;
  iface->get_id = get_id;
  iface->get_name = get_name;
  iface->get_description = get_description;
  iface->list_parameters = list_parameters;
  iface->compute = compute;
}

static void
fid_channel_mix_class_init (FidChannelMixClass *klass)
{
}

static void
fid_channel_mix_init (FidChannelMix *self)
{
}
