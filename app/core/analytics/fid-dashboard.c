/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidDashboard: one dashboard's figures (definitions in fid-dashboard.h).
 *
 * A refresh must stay under a second on a million customers, so nothing
 * here reads raw rows by the million: money and activity come from the
 * transaction columns (fid-dashboard-columns.c, a pass over arrays that
 * are already in memory), counts from what the store maintains
 * (fid-store-dashboard.c), and the migration between two snapshots, which
 * never change once saved, is kept from one refresh to the next. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fid-dashboard-private.h"
#include "fid-rfm.h"
#include "fid-store-segments.h"

G_DEFINE_FINAL_TYPE (FidDashboard, fid_dashboard, G_TYPE_OBJECT)

/* Units and directions ---------------------------------------------------- */

FidKpiUnit
fid_kpi_get_unit (FidKpi kpi)
{
  switch (kpi)
    {
    case FID_KPI_RETENTION:
    case FID_KPI_CHURN:
    case FID_KPI_TOP10_SHARE:
    case FID_KPI_CSAT:
      return FID_KPI_UNIT_SHARE;
    case FID_KPI_NPS:
      return FID_KPI_UNIT_SCORE;
    case FID_KPI_REVENUE:
    case FID_KPI_MEAN_CLV:
      return FID_KPI_UNIT_MONEY;
    default:
      return FID_KPI_UNIT_COUNT;
    }
}

gboolean
fid_kpi_higher_is_better (FidKpi kpi)
{
  switch (kpi)
    {
    case FID_KPI_CHURN:
    case FID_KPI_OPEN_COMPLAINTS:
    case FID_KPI_OVERDUE_TICKETS:
    case FID_KPI_FOLLOW_UPS_DUE:
    case FID_KPI_OPEN_TICKETS:
      return FALSE;
    /* A high share of revenue from the top 10 % is a concentration risk. */
    case FID_KPI_TOP10_SHARE:
      return FALSE;
    default:
      return TRUE;
    }
}

/* The filter ----------------------------------------------------------------- */

gboolean
fid_dashboard_parse_day (const char *iso,
                         GDate      *date)
{
  gint32 day = iso != NULL ? fid_day_from_iso (iso) : G_MININT32;

  g_date_clear (date, 1);
  if (day == G_MININT32)
    return FALSE;
  /* Julian day 1 is 0001-01-01, 719,163 days before 1970-01-02. */
  g_date_set_julian (date, (guint32) (day + 719163));
  return TRUE;
}

void
fid_dashboard_format_day (const GDate *date,
                          char         out[11])
{
  g_date_strftime (out, 11, "%Y-%m-%d", date);
}

gboolean
fid_dashboard_filter_set_months (FidDashboardFilter *filter,
                                 const char         *end,
                                 guint               months)
{
  GDate date;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (months > 0, FALSE);

  if (!fid_dashboard_parse_day (end, &date))
    return FALSE;
  g_strlcpy (filter->end, end, sizeof filter->end);
  g_date_subtract_months (&date, months);
  g_date_add_days (&date, 1);
  fid_dashboard_format_day (&date, filter->start);
  return TRUE;
}

gboolean
fid_dashboard_filter_validate (const FidDashboardFilter  *filter,
                               GError                   **error)
{
  gint32 start = fid_day_from_iso (filter->start), end = fid_day_from_iso (filter->end);

  if (start == G_MININT32 || end == G_MININT32)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The period needs a first and a last day as YYYY-MM-DD, not “%s” and “%s”."),
                   filter->start, filter->end);
      return FALSE;
    }
  if (start > end)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The period starts on %s, after its last day %s."), filter->start, filter->end);
      return FALSE;
    }
  if (filter->kind == FID_DASHBOARD_ADVISOR && filter->advisor_id <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The advisor dashboard needs an advisor: sign in first."));
      return FALSE;
    }
  return TRUE;
}

char *
fid_dashboard_dup_default_end (FidStore  *store,
                               GError   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) local_error = NULL;
  g_autofree char *last = fid_store_dup_last_activity_day (store, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (last != NULL && fid_day_from_iso (last) != G_MININT32 && strcmp (last, today) < 0)
    return g_steal_pointer (&last);
  return g_steal_pointer (&today);
}

/* Computing ---------------------------------------------------------------- */

static void
report (FidProgressFunc progress,
        gpointer        data,
        double          fraction)
{
  if (progress != NULL)
    progress (fraction, data);
}

typedef struct
{
  FidProgressFunc func;
  gpointer        data;
} SubProgress;

/* The column cache's own progress is the first half of ours. */
static void
columns_progress_cb (double   fraction,
                     gpointer user_data)
{
  SubProgress *sub = user_data;

  report (sub->func, sub->data, 0.5 * fraction);
}

static gboolean
compute_columns (FidDashboard    *self,
                 FidStore        *store,
                 FidProgressFunc  progress,
                 gpointer         progress_data,
                 GCancellable    *cancellable,
                 GError         **error)
{
  const FidDashboardFilter *f = &self->filter;
  FidDashboardColumns *c = &self->figures;
  SubProgress sub = { progress, progress_data };

  if (f->branch_id > 0 || f->advisor_id > 0)
    {
      g_autoptr(GArray) ids = fid_store_list_dashboard_customers (store, f->branch_id, f->advisor_id, error);
      gint64 max_id = 0;

      if (ids == NULL)
        return FALSE;
      for (guint i = 0; i < ids->len; i++)
        max_id = MAX (max_id, g_array_index (ids, gint64, i));
      self->members = g_malloc0 ((gsize) (max_id >> 3) + 1);
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);

          self->members[id >> 3] |= (guint8) (1u << (id & 7));
        }
      self->members_max_id = max_id;
      c->members_max_id = max_id;
    }

  self->columns = fid_tx_columns_load (store, columns_progress_cb, &sub, cancellable, error);
  if (self->columns == NULL)
    return FALSE;

  c->view = fid_tx_columns_get_view (self->columns);
  c->members = self->members;
  c->start = fid_day_from_iso (f->start);
  c->end = fid_day_from_iso (f->end);
  c->previous_start = fid_day_from_iso (self->previous_start);
  c->previous_end = fid_day_from_iso (self->previous_end);
  c->with_pareto = f->kind == FID_DASHBOARD_MARKETING;
  c->with_rfm = f->kind == FID_DASHBOARD_MARKETING;
  if (!fid_dashboard_columns_compute (c, cancellable, error))
    return FALSE;
  c->members = NULL;

  for (guint p = 0; p < 2; p++)
    {
      double retention = c->retention_base[p] > 0 ? (double) c->retained[p] / (double) c->retention_base[p] : NAN;
      double margin = c->active_12m[p] > 0 ? (double) c->margin_12m[p] / (double) c->active_12m[p] : NAN;
      double d = FID_DASHBOARD_DISCOUNT_RATE;

      self->kpis[FID_KPI_ACTIVE_CUSTOMERS][p] = (double) c->active[p];
      self->kpis[FID_KPI_REVENUE][p] = (double) c->revenue[p];
      self->kpis[FID_KPI_RETENTION][p] = retention;
      self->kpis[FID_KPI_CHURN][p] = 1.0 - retention;
      self->kpis[FID_KPI_TOP10_SHARE][p] = c->top10_share[p];
      self->kpis[FID_KPI_MEAN_CLV][p] = margin * retention / (1.0 + d - retention);
    }
  for (guint i = 0; i < 25; i++)
    self->rfm_means[i] = c->rfm_counts[i] > 0 ? c->rfm_sums[i] / (double) c->rfm_counts[i] : NAN;
  return TRUE;
}

FidDashboard *
fid_dashboard_compute (FidStore                  *store,
                       const FidDashboardFilter  *filter,
                       FidProgressFunc            progress,
                       gpointer                   progress_data,
                       GCancellable              *cancellable,
                       GError                   **error)
{
  g_autoptr(FidDashboard) self = NULL;
  const FidDashboardFilter *f;
  gint32 start, end;
  char trend_start[11];
  gint64 customers[2];

  g_return_val_if_fail (FID_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!fid_dashboard_filter_validate (filter, error))
    return NULL;

  self = g_object_new (FID_TYPE_DASHBOARD, NULL);
  self->filter = *filter;
  f = &self->filter;
  start = fid_day_from_iso (f->start);
  end = fid_day_from_iso (f->end);
  {
    g_autofree char *previous_start = fid_day_to_iso (start - (end - start + 1));
    g_autofree char *previous_end = fid_day_to_iso (start - 1);

    g_strlcpy (self->previous_start, previous_start, sizeof self->previous_start);
    g_strlcpy (self->previous_end, previous_end, sizeof self->previous_end);
  }
  for (guint k = 0; k < FID_N_KPIS; k++)
    self->kpis[k][0] = self->kpis[k][1] = NAN;
  fid_dashboard_fill_months (self, trend_start);

  report (progress, progress_data, 0.0);
  if (!compute_columns (self, store, progress, progress_data, cancellable, error))
    return NULL;
  report (progress, progress_data, 0.6);

  if (!fid_store_count_dashboard_customers (store, f->branch_id, f->advisor_id, f->end, self->previous_end,
                                            &customers[0], &customers[1], error) ||
      !fid_store_count_dashboard_stages (store, f->branch_id, f->advisor_id, self->stages, error))
    return NULL;
  self->kpis[FID_KPI_CUSTOMERS][0] = (double) customers[0];
  self->kpis[FID_KPI_CUSTOMERS][1] = (double) customers[1];
  report (progress, progress_data, 0.7);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (f->kind == FID_DASHBOARD_MARKETING)
    {
      if (!fid_dashboard_read_scores (self, store, "nps", trend_start, FID_KPI_NPS, error) ||
          !fid_dashboard_read_scores (self, store, "csat", trend_start, FID_KPI_CSAT, error) ||
          !fid_dashboard_read_contacts (self, store, trend_start, error))
        return NULL;
      report (progress, progress_data, 0.8);
      if (!fid_dashboard_read_tickets (self, store, error) ||
          (self->campaigns = fid_store_list_dashboard_campaigns (store, f->branch_id, f->advisor_id,
                                                                 f->start, f->end, error)) == NULL)
        return NULL;
      report (progress, progress_data, 0.9);
      if (!fid_dashboard_read_migration (self, store, error))
        return NULL;
      if (!f->skip_map && !fid_dashboard_read_map (self, store, error))
        return NULL;
    }
  else
    {
      FidDashboardAdvisorDay *day = &self->advisor_day;

      if (!fid_dashboard_read_segments (self, store, error) ||
          !fid_store_read_dashboard_advisor_day (store, f->advisor_id, f->end, day, error))
        return NULL;
      self->kpis[FID_KPI_FOLLOW_UPS_DUE][0] = (double) day->follow_ups_due;
      self->kpis[FID_KPI_LIFE_EVENTS][0] = (double) day->life_events;
      self->kpis[FID_KPI_OPEN_TICKETS][0] = (double) day->open_tickets;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  /* The bits were only needed while computing. */
  g_clear_pointer (&self->members, g_free);
  report (progress, progress_data, 1.0);
  return g_steal_pointer (&self);
}

/* In a worker thread ---------------------------------------------------------- */

typedef struct
{
  gatomicrefcount  ref_count;
  GMainContext    *context;
  FidProgressFunc  func;
  gpointer         data;
  GDestroyNotify   notify;
  gint             finished;
} Progress;

typedef struct
{
  char               *path;
  FidDashboardFilter  filter;
  Progress           *progress;
} ComputeData;

typedef struct
{
  Progress *progress;
  double    fraction;
} ProgressUpdate;

static gboolean
notify_cb (gpointer user_data)
{
  return G_SOURCE_REMOVE;
}

static void
progress_unref (Progress *progress)
{
  if (!g_atomic_ref_count_dec (&progress->ref_count))
    return;
  /* Free the caller's data in the caller's context. */
  if (progress->notify != NULL)
    g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, notify_cb,
                                progress->data, progress->notify);
  g_main_context_unref (progress->context);
  g_free (progress);
}

static gboolean
dispatch_progress_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  if (!g_atomic_int_get (&update->progress->finished) && update->progress->func != NULL)
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

static void
report_progress_cb (double   fraction,
                    gpointer user_data)
{
  Progress *progress = user_data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  g_atomic_ref_count_inc (&progress->ref_count);
  update->progress = progress;
  update->fraction = CLAMP (fraction, 0.0, 1.0);
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, dispatch_progress_cb,
                              update, progress_update_free);
}

static void
compute_data_free (ComputeData *data)
{
  g_free (data->path);
  progress_unref (data->progress);
  g_free (data);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(GError) error = NULL;
  FidDashboard *dashboard;

  /* Its own connection: the UI's is not shared across threads. */
  store = fid_store_open (data->path, FID_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  dashboard = fid_dashboard_compute (store, &data->filter, report_progress_cb, data->progress,
                                     cancellable, &error);
  if (dashboard == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, dashboard, g_object_unref);
}

void
fid_dashboard_compute_async (FidStore                 *store,
                             const FidDashboardFilter *filter,
                             FidProgressFunc           progress,
                             gpointer                  progress_data,
                             GDestroyNotify            progress_notify,
                             GCancellable             *cancellable,
                             GAsyncReadyCallback       callback,
                             gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  g_return_if_fail (FID_IS_STORE (store));
  g_return_if_fail (filter != NULL);

  data = g_new0 (ComputeData, 1);
  data->path = g_strdup (fid_store_get_path (store));
  data->filter = *filter;
  data->progress = g_new0 (Progress, 1);
  g_atomic_ref_count_init (&data->progress->ref_count);
  data->progress->context = g_main_context_ref_thread_default ();
  data->progress->func = progress;
  data->progress->data = progress_data;
  data->progress->notify = progress_notify;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fid_dashboard_compute_async);
  g_task_set_task_data (task, data, (GDestroyNotify) compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

FidDashboard *
fid_dashboard_compute_finish (GAsyncResult  *result,
                              GError       **error)
{
  ComputeData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  /* No progress after the result. */
  data = g_task_get_task_data (G_TASK (result));
  if (data != NULL)
    g_atomic_int_set (&data->progress->finished, TRUE);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GObject --------------------------------------------------------------------- */

static void
fid_dashboard_finalize (GObject *object)
{
  FidDashboard *self = FID_DASHBOARD (object);

  fid_dashboard_columns_clear (&self->figures);
  g_free (self->members);
  g_clear_object (&self->columns);
  g_clear_pointer (&self->migration, fid_migration_free);
  g_clear_pointer (&self->territories, g_ptr_array_unref);
  g_clear_pointer (&self->geo_branches, g_ptr_array_unref);
  g_free (self->migration_from);
  g_free (self->migration_to);
  g_clear_pointer (&self->months, g_ptr_array_unref);
  g_free (self->nps_trend);
  g_free (self->nps_answers);
  g_strfreev (self->channels);
  g_free (self->contacts);
  g_strfreev (self->categories);
  g_free (self->category_counts);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_strfreev (self->segments);
  g_free (self->segment_counts);
  g_free (self->segments_taken_on);
  fid_dashboard_advisor_day_clear (&self->advisor_day);

  G_OBJECT_CLASS (fid_dashboard_parent_class)->finalize (object);
}

static void
fid_dashboard_class_init (FidDashboardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fid_dashboard_finalize;
}

static void
fid_dashboard_init (FidDashboard *self)
{
}
