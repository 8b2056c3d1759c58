/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidAnalytics: the analysis extension point, and the worker thread every
 * analysis runs in. The thread opens its own read-only connection to the
 * store's file (SQLite in WAL mode lets it read while the UI writes), so a
 * plugin never shares the UI's connection across threads. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fid-analytics.h"

typedef struct
{
  gatomicrefcount  ref_count;
  GMainContext    *context;
  FidProgressFunc  func;
  gpointer         data;
  GDestroyNotify   notify;
  gboolean         finished;   /* main context only */
} Progress;

typedef struct
{
  char     *path;
  GVariant *parameters;
  Progress *progress;
} ComputeData;

typedef struct
{
  Progress *progress;
  double    fraction;
} ProgressUpdate;

G_DEFINE_INTERFACE (FidAnalytics, fid_analytics, G_TYPE_OBJECT)

static gboolean
notify_cb (gpointer user_data)
{
  return G_SOURCE_REMOVE;
}

static Progress *
progress_ref (Progress *progress)
{
  g_atomic_ref_count_inc (&progress->ref_count);
  return progress;
}

static void
progress_unref (Progress *progress)
{
  if (!g_atomic_ref_count_dec (&progress->ref_count))
    return;

  /* The last reference can go in the worker: free the caller's data in
   * the caller's context. */
  if (progress->notify != NULL)
    g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT,
                                notify_cb, progress->data, progress->notify);
  g_main_context_unref (progress->context);
  g_free (progress);
}

static void
compute_data_free (ComputeData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->parameters, g_variant_unref);
  if (data->progress != NULL)
    progress_unref (data->progress);
  g_free (data);
}

static gboolean
dispatch_progress_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  if (!update->progress->finished && update->progress->func != NULL)
    update->progress->func (update->fraction, update->progress->data);

  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  progress_unref (update->progress);
  g_free (update);
}

/* Called by the plugin in the worker thread. */
static void
report_progress (double   fraction,
                 gpointer user_data)
{
  Progress *progress = user_data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->progress = progress_ref (progress);
  update->fraction = CLAMP (fraction, 0.0, 1.0);
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT,
                              dispatch_progress_cb, update, progress_update_free);
}

static GPtrArray *
fid_analytics_real_list_parameters (FidAnalytics *self)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_param_spec_unref);
}

static GType
fid_analytics_real_get_view_type (FidAnalytics *self)
{
  return G_TYPE_NONE;
}

static void
fid_analytics_default_init (FidAnalyticsInterface *iface)
{
  iface->list_parameters = fid_analytics_real_list_parameters;
  iface->get_view_type = fid_analytics_real_get_view_type;
}

void
fid_analytics_load (FidAnalytics *self)
{
  g_return_if_fail (FID_IS_ANALYTICS (self));

  if (FID_ANALYTICS_GET_IFACE (self)->load != NULL)
    FID_ANALYTICS_GET_IFACE (self)->load (self);
}

void
fid_analytics_unload (FidAnalytics *self)
{
  g_return_if_fail (FID_IS_ANALYTICS (self));

  if (FID_ANALYTICS_GET_IFACE (self)->unload != NULL)
    FID_ANALYTICS_GET_IFACE (self)->unload (self);
}

const char *
fid_analytics_get_id (FidAnalytics *self)
{
  g_return_val_if_fail (FID_IS_ANALYTICS (self), NULL);

  return FID_ANALYTICS_GET_IFACE (self)->get_id (self);
}

const char *
fid_analytics_get_name (FidAnalytics *self)
{
  g_return_val_if_fail (FID_IS_ANALYTICS (self), NULL);

  return FID_ANALYTICS_GET_IFACE (self)->get_name (self);
}

const char *
fid_analytics_get_description (FidAnalytics *self)
{
  g_return_val_if_fail (FID_IS_ANALYTICS (self), NULL);

  if (FID_ANALYTICS_GET_IFACE (self)->get_description == NULL)
    return "";

  return FID_ANALYTICS_GET_IFACE (self)->get_description (self);
}

/* Returns: (transfer container): GParamSpecs. */
GPtrArray *
fid_analytics_list_parameters (FidAnalytics *self)
{
  g_return_val_if_fail (FID_IS_ANALYTICS (self), NULL);

  return FID_ANALYTICS_GET_IFACE (self)->list_parameters (self);
}

/* The parameters' default values as an a{sv}. */
GVariant *
fid_analytics_dup_default_parameters (FidAnalytics *self)
{
  g_autoptr(GPtrArray) specs = fid_analytics_list_parameters (self);
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

  for (guint i = 0; specs != NULL && i < specs->len; i++)
    {
      GParamSpec *spec = g_ptr_array_index (specs, i);
      const GValue *value = g_param_spec_get_default_value (spec);
      GVariant *variant = NULL;

      if (G_VALUE_HOLDS_INT (value))
        variant = g_variant_new_int32 (g_value_get_int (value));
      else if (G_VALUE_HOLDS_UINT (value))
        variant = g_variant_new_uint32 (g_value_get_uint (value));
      else if (G_VALUE_HOLDS_INT64 (value))
        variant = g_variant_new_int64 (g_value_get_int64 (value));
      else if (G_VALUE_HOLDS_DOUBLE (value))
        variant = g_variant_new_double (g_value_get_double (value));
      else if (G_VALUE_HOLDS_BOOLEAN (value))
        variant = g_variant_new_boolean (g_value_get_boolean (value));
      else if (G_VALUE_HOLDS_STRING (value))
        variant = g_variant_new_string (g_value_get_string (value) ? g_value_get_string (value) : "");

      if (variant != NULL)
        g_variant_builder_add (&builder, "{sv}", g_param_spec_get_name (spec), variant);
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

GType
fid_analytics_get_view_type (FidAnalytics *self)
{
  g_return_val_if_fail (FID_IS_ANALYTICS (self), G_TYPE_NONE);

  return FID_ANALYTICS_GET_IFACE (self)->get_view_type (self);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  FidAnalytics *self = source_object;
  ComputeData *data = task_data;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GError) error = NULL;
  FidAnalyticsResult *result;

  store = fid_store_open (data->path, FID_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = FID_ANALYTICS_GET_IFACE (self)->compute (self, store, data->parameters,
                                                    report_progress, data->progress,
                                                    cancellable, &error);
  if (result == NULL && error == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("The analysis “%s” returned no result."), fid_analytics_get_name (self));

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_object_unref (result);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, g_object_unref);
}

void
fid_analytics_compute_async (FidAnalytics        *self,
                             FidStore            *store,
                             GVariant            *parameters,
                             FidProgressFunc      progress,
                             gpointer             progress_data,
                             GDestroyNotify       progress_notify,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  g_return_if_fail (FID_IS_ANALYTICS (self));
  g_return_if_fail (FID_IS_STORE (store));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ComputeData, 1);
  data->path = g_strdup (fid_store_get_path (store));
  data->parameters = parameters != NULL ? g_variant_ref_sink (parameters)
                                        : fid_analytics_dup_default_parameters (self);
  data->progress = g_new0 (Progress, 1);
  g_atomic_ref_count_init (&data->progress->ref_count);
  data->progress->context = g_main_context_ref_thread_default ();
  data->progress->func = progress;
  data->progress->data = progress_data;
  data->progress->notify = progress_notify;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fid_analytics_compute_async);
  g_task_set_task_data (task, data, (GDestroyNotify) compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

/* Returns: (transfer full): the result, or NULL with @error set. */
FidAnalyticsResult *
fid_analytics_compute_finish (FidAnalytics  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  ComputeData *data;

  g_return_val_if_fail (FID_IS_ANALYTICS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  /* No progress after this. */
  data = g_task_get_task_data (G_TASK (result));
  data->progress->finished = TRUE;

  return g_task_propagate_pointer (G_TASK (result), error);
}
