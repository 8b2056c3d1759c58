/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidDashboard: the series read from the store — scores, contacts,
 * tickets, segments — and the migration between the two latest RFM
 * snapshots, which is kept from one refresh to the next. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fid-dashboard-private.h"
#include "fid-rfm.h"
#include "fid-store-segments.h"

/* The migration between two snapshots ------------------------------------- */

/* Snapshots are immutable once saved (saving again replaces one with a new
 * created_at), so each is read once — a million rows, under a second —
 * and kept in memory; a migration for any filter is then one merge of two
 * sorted arrays. The last few are kept, for the page and its reports. */
#define SNAPSHOTS_KEPT 4

typedef struct
{
  char       *key;       /* path, scheme, date, created_at */
  GArray     *ids;       /* gint64, ascending */
  GByteArray *segments;  /* index into keys */
  GStrv       keys;      /* sorted */
} Snapshot;

static GMutex snapshots_lock;
static GPtrArray *snapshots_kept;  /* Snapshot (rc boxes), most recent last */

static void
snapshot_clear (Snapshot *snapshot)
{
  g_free (snapshot->key);
  g_clear_pointer (&snapshot->ids, g_array_unref);
  g_clear_pointer (&snapshot->segments, g_byte_array_unref);
  g_strfreev (snapshot->keys);
}

static void
snapshot_release (Snapshot *snapshot)
{
  g_atomic_rc_box_release_full (snapshot, (GDestroyNotify) snapshot_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_release)

static Snapshot *
snapshot_get (FidStore         *store,
              FidSnapshotInfo  *info,
              GError          **error)
{
  g_autofree char *key = g_strjoin ("\n", fid_store_get_path (store), info->scheme, info->taken_on,
                                    info->created_at, NULL);
  Snapshot *snapshot = NULL;

  g_mutex_lock (&snapshots_lock);
  for (guint i = 0; snapshots_kept != NULL && i < snapshots_kept->len; i++)
    if (g_str_equal (((Snapshot *) g_ptr_array_index (snapshots_kept, i))->key, key))
      snapshot = g_atomic_rc_box_acquire (g_ptr_array_index (snapshots_kept, i));
  g_mutex_unlock (&snapshots_lock);
  if (snapshot != NULL)
    return snapshot;

  snapshot = g_atomic_rc_box_new0 (Snapshot);
  if (!fid_store_read_dashboard_snapshot (store, info->scheme, info->taken_on, &snapshot->ids,
                                          &snapshot->segments, &snapshot->keys, error))
    {
      snapshot_release (snapshot);
      return NULL;
    }
  snapshot->key = g_steal_pointer (&key);

  g_mutex_lock (&snapshots_lock);
  if (snapshots_kept == NULL)
    snapshots_kept = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_release);
  if (snapshots_kept->len >= SNAPSHOTS_KEPT)
    g_ptr_array_remove_index (snapshots_kept, 0);
  g_ptr_array_add (snapshots_kept, g_atomic_rc_box_acquire (snapshot));
  g_mutex_unlock (&snapshots_lock);
  return snapshot;
}

/* The keys of @keys whose row (or column) has customers, then "" when
 * @absent has; as fid_store_compute_migration lists them. */
static GStrv
used_keys (GStrv         keys,
           const guint64 *totals,
           guint          n_keys,
           guint         *map)
{
  GPtrArray *used = g_ptr_array_new ();

  for (guint k = 0; k <= n_keys; k++)
    {
      map[k] = G_MAXUINT;
      if (totals[k] == 0)
        continue;
      map[k] = used->len;
      g_ptr_array_add (used, g_strdup (k < n_keys ? keys[k] : ""));
    }
  g_ptr_array_add (used, NULL);
  return (GStrv) g_ptr_array_free (used, FALSE);
}

/* The migration among the counted customers (members NULL: everyone). */
static FidMigration *
migrate (Snapshot     *from,
         Snapshot     *to,
         const guint8 *members,
         gint64        max_id)
{
  guint nf = g_strv_length (from->keys), nt = g_strv_length (to->keys);
  g_autofree guint64 *full = g_new0 (guint64, (nf + 1) * (nt + 1));
  g_autofree guint64 *row_totals = g_new0 (guint64, nf + 1);
  g_autofree guint64 *column_totals = g_new0 (guint64, nt + 1);
  g_autofree guint *row_map = g_new (guint, nf + 1);
  g_autofree guint *column_map = g_new (guint, nt + 1);
  const gint64 *a = (const gint64 *) from->ids->data, *b = (const gint64 *) to->ids->data;
  guint i = 0, j = 0, n_rows, n_columns;
  FidMigration *m = g_new0 (FidMigration, 1);

  /* Both in customer order: one merge; "absent" is index nf (nt). */
  while (i < from->ids->len || j < to->ids->len)
    {
      gint64 id;
      guint f = nf, t = nt;

      if (j >= to->ids->len || (i < from->ids->len && a[i] < b[j]))
        {
          id = a[i];
          f = from->segments->data[i++];
        }
      else if (i >= from->ids->len || b[j] < a[i])
        {
          id = b[j];
          t = to->segments->data[j++];
        }
      else
        {
          id = a[i];
          f = from->segments->data[i++];
          t = to->segments->data[j++];
        }
      if (!fid_dashboard_is_member (members, max_id, id))
        continue;
      full[f * (nt + 1) + t]++;
      row_totals[f]++;
      column_totals[t]++;
      if (f < nf && t < nt)
        {
          m->in_both++;
          m->stayed += g_str_equal (from->keys[f], to->keys[t]);
        }
    }

  m->from_keys = used_keys (from->keys, row_totals, nf, row_map);
  m->to_keys = used_keys (to->keys, column_totals, nt, column_map);
  n_rows = g_strv_length (m->from_keys);
  n_columns = g_strv_length (m->to_keys);
  m->counts = g_new0 (guint64, MAX (n_rows * n_columns, 1));
  for (guint f = 0; f <= nf; f++)
    for (guint t = 0; t <= nt; t++)
      if (full[f * (nt + 1) + t] > 0)
        m->counts[row_map[f] * n_columns + column_map[t]] = full[f * (nt + 1) + t];
  return m;
}

gboolean
fid_dashboard_read_migration (FidDashboard  *self,
                              FidStore      *store,
                              GError       **error)
{
  g_autoptr(GPtrArray) snapshots = fid_store_list_snapshots (store, "rfm", error);
  g_autoptr(Snapshot) from = NULL;
  g_autoptr(Snapshot) to = NULL;
  FidSnapshotInfo *from_info, *to_info;

  if (snapshots == NULL)
    return FALSE;
  if (snapshots->len < 2)
    return TRUE;

  /* Newest first: the one before the latest, then the latest. */
  from_info = g_ptr_array_index (snapshots, 1);
  to_info = g_ptr_array_index (snapshots, 0);
  if ((from = snapshot_get (store, from_info, error)) == NULL ||
      (to = snapshot_get (store, to_info, error)) == NULL)
    return FALSE;
  self->migration_from = g_strdup (from_info->taken_on);
  self->migration_to = g_strdup (to_info->taken_on);
  self->migration = migrate (from, to, self->members, self->members_max_id);
  return TRUE;
}

/* Series read from the store ------------------------------------------------ */

static int
month_index (FidDashboard *self,
             const char   *month)
{
  for (guint m = 0; m < self->months->len; m++)
    if (g_str_equal (g_ptr_array_index (self->months, m), month))
      return (int) m;
  return -1;
}

void
fid_dashboard_fill_months (FidDashboard *self,
                           char          trend_start[11])
{
  GDate date, end;

  /* The whole months of the period (a month starting before it does not
   * count), or the 12 months to its end when that is fewer. */
  fid_dashboard_parse_day (self->filter.end, &end);
  fid_dashboard_parse_day (self->filter.start, &date);
  if (g_date_get_day (&date) != 1)
    {
      g_date_set_day (&date, 1);
      g_date_add_months (&date, 1);
    }
  {
    GDate year = end;

    g_date_set_day (&year, 1);
    g_date_subtract_months (&year, 11);
    if (g_date_compare (&year, &date) < 0)
      date = year;
  }
  fid_dashboard_format_day (&date, trend_start);
  self->months = g_ptr_array_new_with_free_func (g_free);
  while (g_date_compare (&date, &end) <= 0)
    {
      char month[8];

      g_date_strftime (month, sizeof month, "%Y-%m", &date);
      g_ptr_array_add (self->months, g_strdup (month));
      g_date_add_months (&date, 1);
    }
}

/* NPS or CSAT from score counts: promoters − detractors (NPS, −100..100)
 * or the share of 4 and 5 (CSAT); NAN without answers. */
static double
score_figure (const gint64 *by_score,
              gboolean      nps,
              gint64       *n_answers)
{
  gint64 n = 0, good = 0, bad = 0;

  for (int s = 0; s <= 10; s++)
    {
      n += by_score[s];
      if (nps ? s >= 9 : s >= 4)
        good += by_score[s];
      if (nps && s <= 6)
        bad += by_score[s];
    }
  if (n_answers != NULL)
    *n_answers = n;
  if (n == 0)
    return NAN;
  return nps ? 100.0 * (double) (good - bad) / (double) n : (double) good / (double) n;
}

gboolean
fid_dashboard_read_scores (FidDashboard  *self,
                           FidStore      *store,
                           const char    *kind,
                           const char    *trend_start,
                           FidKpi         kpi,
                           GError       **error)
{
  const FidDashboardFilter *f = &self->filter;
  const char *ranges[2][2] = { { f->start, f->end }, { self->previous_start, self->previous_end } };
  gboolean nps = g_str_equal (kind, "nps");

  for (guint p = 0; p < 2; p++)
    {
      g_autoptr(GPtrArray) rows = fid_store_list_dashboard_scores (store, f->branch_id, f->advisor_id, kind,
                                                                   ranges[p][0], ranges[p][1], error);
      gint64 by_score[11] = { 0 };

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          FidDashboardCount *row = g_ptr_array_index (rows, i);
          gint64 score = g_ascii_strtoll (row->key, NULL, 10);

          if (score >= 0 && score <= 10)
            by_score[score] += row->n;
        }
      self->kpis[kpi][p] = score_figure (by_score, nps, NULL);
    }

  if (nps)
    {
      g_autoptr(GPtrArray) rows = fid_store_list_dashboard_scores (store, f->branch_id, f->advisor_id, kind,
                                                                   trend_start, f->end, error);
      guint n_months = self->months->len;
      g_autofree gint64 *by_month = g_new0 (gint64, n_months * 11);

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          FidDashboardCount *row = g_ptr_array_index (rows, i);
          gint64 score = g_ascii_strtoll (row->key, NULL, 10);
          int m = month_index (self, row->month);

          if (m >= 0 && score >= 0 && score <= 10)
            by_month[m * 11 + score] += row->n;
        }
      self->nps_trend = g_new (double, MAX (n_months, 1));
      self->nps_answers = g_new0 (gint64, MAX (n_months, 1));
      for (guint m = 0; m < n_months; m++)
        self->nps_trend[m] = score_figure (by_month + m * 11, TRUE, &self->nps_answers[m]);
    }
  return TRUE;
}

typedef struct
{
  const char *key;
  gint64      total;
} KeyTotal;

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const KeyTotal *x = a, *y = b;

  if (x->total != y->total)
    return x->total < y->total ? 1 : -1;
  return strcmp (x->key, y->key);
}

/* The distinct keys of @rows, largest total first. */
static GStrv
keys_by_total (GPtrArray *rows)
{
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (KeyTotal));
  GHashTableIter iter;
  gpointer key, value;
  GStrv keys;

  for (guint i = 0; i < rows->len; i++)
    {
      FidDashboardCount *row = g_ptr_array_index (rows, i);
      gint64 *total = g_hash_table_lookup (totals, row->key);

      if (total == NULL)
        {
          total = g_new0 (gint64, 1);
          g_hash_table_insert (totals, row->key, total);
        }
      *total += row->n;
    }
  g_hash_table_iter_init (&iter, totals);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KeyTotal entry = { key, *(gint64 *) value };

      g_array_append_val (sorted, entry);
    }
  g_array_sort (sorted, compare_totals);
  keys = g_new0 (char *, sorted->len + 1);
  for (guint i = 0; i < sorted->len; i++)
    keys[i] = g_strdup (g_array_index (sorted, KeyTotal, i).key);
  return keys;
}

gboolean
fid_dashboard_read_contacts (FidDashboard  *self,
                             FidStore      *store,
                             const char    *trend_start,
                             GError       **error)
{
  const FidDashboardFilter *f = &self->filter;
  g_autoptr(GPtrArray) rows = fid_store_list_dashboard_contacts (store, f->branch_id, f->advisor_id,
                                                                 trend_start, f->end, error);
  guint n_months = self->months->len, n_channels;

  if (rows == NULL)
    return FALSE;
  self->channels = keys_by_total (rows);
  n_channels = g_strv_length (self->channels);
  self->contacts = g_new0 (gint64, MAX (n_channels * n_months, 1));
  for (guint i = 0; i < rows->len; i++)
    {
      FidDashboardCount *row = g_ptr_array_index (rows, i);
      int m = month_index (self, row->month);

      for (guint c = 0; m >= 0 && c < n_channels; c++)
        if (g_str_equal (self->channels[c], row->key))
          self->contacts[c * n_months + (guint) m] += row->n;
    }
  return TRUE;
}

gboolean
fid_dashboard_read_tickets (FidDashboard  *self,
                            FidStore      *store,
                            GError       **error)
{
  const FidDashboardFilter *f = &self->filter;
  FidDashboardTickets tickets;
  guint n;

  if (!fid_store_read_dashboard_tickets (store, f->branch_id, f->advisor_id, f->start, f->end,
                                         f->end, self->previous_end, &tickets, error))
    return FALSE;
  for (guint p = 0; p < 2; p++)
    {
      self->kpis[FID_KPI_OPEN_COMPLAINTS][p] = (double) tickets.open_complaints[p];
      self->kpis[FID_KPI_OVERDUE_TICKETS][p] = (double) tickets.overdue_tickets[p];
    }
  self->categories = keys_by_total (tickets.complaint_categories);
  n = g_strv_length (self->categories);
  self->category_counts = g_new0 (gint64, MAX (n, 1));
  for (guint i = 0; i < tickets.complaint_categories->len; i++)
    {
      FidDashboardCount *row = g_ptr_array_index (tickets.complaint_categories, i);

      for (guint c = 0; c < n; c++)
        if (g_str_equal (self->categories[c], row->key))
          self->category_counts[c] = row->n;
    }
  fid_dashboard_tickets_clear (&tickets);
  return TRUE;
}

gboolean
fid_dashboard_read_segments (FidDashboard  *self,
                             FidStore      *store,
                             GError       **error)
{
  const FidDashboardFilter *f = &self->filter;
  g_autoptr(GPtrArray) snapshots = fid_store_list_snapshots (store, "rfm", error);
  g_autoptr(GPtrArray) rows = NULL;
  const char * const *keys = fid_rfm_segment_keys ();
  guint n_keys = g_strv_length ((char **) keys);

  if (snapshots == NULL)
    return FALSE;
  if (snapshots->len == 0)
    return TRUE;

  self->segments_taken_on = g_strdup (((FidSnapshotInfo *) g_ptr_array_index (snapshots, 0))->taken_on);
  rows = fid_store_list_dashboard_segments (store, f->branch_id, f->advisor_id, "rfm",
                                            self->segments_taken_on, error);
  if (rows == NULL)
    return FALSE;
  /* The scheme's segments in rank order, then those not in the snapshot. */
  self->segments = g_new0 (char *, n_keys + 2);
  self->segment_counts = g_new0 (gint64, n_keys + 1);
  for (guint k = 0; k < n_keys; k++)
    self->segments[k] = g_strdup (keys[k]);
  self->segments[n_keys] = g_strdup ("");
  for (guint i = 0; i < rows->len; i++)
    {
      FidDashboardCount *row = g_ptr_array_index (rows, i);

      for (guint k = 0; k <= n_keys; k++)
        if (g_str_equal (self->segments[k], row->key))
          self->segment_counts[k] += row->n;
    }
  return TRUE;
}
