/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidDashboard: the figures read from the transaction columns — revenue,
 * activity, retention, lifetime value, the Pareto curve and the RFM grid.
 *
 * One pass over each customer's transactions (in day order) fills every
 * window at once; the rankings are then counting sorts (recency and
 * frequency are small integers) and one radix sort (revenue), so a
 * million customers and twenty million transactions take tens of
 * milliseconds, not the seconds of a sort with a comparison function. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fid-dashboard-private.h"
#include "fid-rfm.h"

#define PARETO_STEPS    200
#define YEAR_DAYS       365
#define CANCEL_EVERY    65536
#define PARALLEL_FROM   100000  /* customers */

const double fid_dashboard_band_limits[FID_DASHBOARD_N_BANDS] = { 0.10, 0.35, 1.0 };

void
fid_dashboard_columns_clear (FidDashboardColumns *columns)
{
  g_clear_pointer (&columns->pareto_x, g_free);
  g_clear_pointer (&columns->pareto_y, g_free);
  g_clear_pointer (&columns->band, g_free);
  g_clear_pointer (&columns->rfm_cell, g_free);
}

/* The revenues > 0 of @revenue, largest first, and their total. Only the
 * values are sorted (a radix sort, 16 bits a pass): the curve needs them
 * in order, and the bands only their thresholds (below), so no customer
 * index travels with them. */
static gint64 *
sorted_revenues (const gint64 *revenue,
                 gsize         n_rows,
                 gsize        *n_sorted,
                 gint64       *total)
{
  g_autofree guint64 *keys = g_new (guint64, MAX (n_rows, 1));
  g_autofree guint64 *buffer = g_new (guint64, MAX (n_rows, 1));
  g_autofree gsize *counts = g_new (gsize, 65536);
  guint64 *from = keys, *to = buffer;
  gint64 *sorted;
  gint64 max = 0;
  gsize n = 0;

  *total = 0;
  for (gsize i = 0; i < n_rows; i++)
    if (revenue[i] > 0)
      max = MAX (max, revenue[i]);
  /* Descending revenue as an ascending key. */
  for (gsize i = 0; i < n_rows; i++)
    if (revenue[i] > 0)
      {
        keys[n++] = (guint64) (max - revenue[i]);
        *total += revenue[i];
      }
  for (guint shift = 0; shift < 64 && ((guint64) max >> shift) != 0; shift += 16)
    {
      gsize offset = 0;

      memset (counts, 0, 65536 * sizeof (gsize));
      for (gsize i = 0; i < n; i++)
        counts[(from[i] >> shift) & 0xffff]++;
      for (guint b = 0; b < 65536; b++)
        {
          gsize count = counts[b];

          counts[b] = offset;
          offset += count;
        }
      for (gsize i = 0; i < n; i++)
        to[counts[(from[i] >> shift) & 0xffff]++] = from[i];
      { guint64 *swap = from; from = to; to = swap; }
    }
  sorted = g_new (gint64, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    sorted[i] = max - (gint64) from[i];
  *n_sorted = n;
  return sorted;
}

static double
top_share (const gint64 *sorted,
           gsize         n,
           gint64        total)
{
  gsize top = n * 10 / 100;
  gint64 sum = 0;

  if (n == 0 || total <= 0)
    return NAN;
  for (gsize k = 0; k < top; k++)
    sum += sorted[k];
  return (double) sum / (double) total;
}

static void
build_pareto (FidDashboardColumns *c,
              const gint64        *revenue,
              const gint64        *sorted,
              gsize                n,
              gint64               total)
{
  const FidTxColumnsView *v = c->view;
  gsize steps = MIN (n, (gsize) PARETO_STEPS);
  gsize limits[FID_DASHBOARD_N_BANDS];
  gint64 thresholds[FID_DASHBOARD_N_BANDS];
  gsize ties[FID_DASHBOARD_N_BANDS];
  gsize seen[FID_DASHBOARD_N_BANDS] = { 0 };
  gint64 band_sums[FID_DASHBOARD_N_BANDS] = { 0 };
  double cumulative = 0;
  gsize done = 0;

  if (n == 0 || total <= 0)
    return;

  /* As ABC: ranked by revenue then id, A while 100 · rank ≤ 10 · N, B
   * while ≤ 35 · N (rank from 1). A band ends at a threshold revenue;
   * of the customers exactly at it, the first ones by id are in it (the
   * customers are scanned in id order). */
  for (guint b = 0; b < FID_DASHBOARD_N_BANDS; b++)
    {
      gsize above = 0;

      limits[b] = b + 1 == FID_DASHBOARD_N_BANDS
                  ? n : (gsize) floor (fid_dashboard_band_limits[b] * 100 + 0.5) * n / 100;
      thresholds[b] = limits[b] > 0 ? sorted[limits[b] - 1] : G_MAXINT64;
      while (above < limits[b] && sorted[above] > thresholds[b])
        above++;
      ties[b] = limits[b] - above;
    }
  for (gsize i = 0; i < v->n_customers; i++)
    {
      gint64 r = revenue[i];
      guint band = FID_DASHBOARD_N_BANDS - 1;

      if (r <= 0)
        continue;
      /* Within band b's ranks: above its threshold, or at it and among
       * the first ties[b] there (every band counts its own ties). */
      for (guint b = FID_DASHBOARD_N_BANDS; b-- > 0;)
        {
          gboolean within = r > thresholds[b];

          if (r == thresholds[b])
            within = seen[b]++ < ties[b];
          if (within)
            band = b;
        }
      c->band[i] = (guint8) band;
      band_sums[band] += r;
    }
  for (guint b = 0; b < FID_DASHBOARD_N_BANDS; b++)
    c->band_share[b] = (double) band_sums[b] / (double) total;

  c->pareto_x = g_new (double, steps + 1);
  c->pareto_y = g_new (double, steps + 1);
  c->pareto_x[0] = c->pareto_y[0] = 0;
  for (gsize s = 1; s <= steps; s++)
    {
      gsize upto = (gsize) (((guint64) s * n) / steps);

      for (; done < upto; done++)
        cumulative += (double) sorted[done];
      c->pareto_x[s] = s == steps ? 1.0 : (double) upto / (double) n;
      c->pareto_y[s] = s == steps ? 1.0 : cumulative / (double) total;
    }
  c->n_pareto = (guint) steps + 1;
}

/* RFM scores of every customer active in the year to end, as
 * fid_rfm_compute gives them: r = NTILE(5) over (recency descending, id),
 * f = NTILE(5) over (frequency, id). Both are small integers, so a
 * customer's rank is the count of those before its value plus its place
 * among its equals (rows are in id order). */
static void
score_rfm (FidDashboardColumns *c,
           const guint16       *recency,
           const guint32       *frequency,
           const gint64        *monetary,
           guint32              max_frequency)
{
  const FidTxColumnsView *v = c->view;
  gsize by_recency[YEAR_DAYS + 1] = { 0 };
  g_autofree gsize *by_frequency = g_new0 (gsize, (gsize) max_frequency + 2);
  gsize n = 0, offset;

  for (gsize i = 0; i < v->n_customers; i++)
    if (frequency[i] > 0)
      {
        by_recency[recency[i]]++;
        by_frequency[frequency[i]]++;
        n++;
      }
  if (n == 0)
    return;

  /* Starting positions: recency descending, frequency ascending. */
  offset = 0;
  for (int r = YEAR_DAYS; r >= 0; r--)
    {
      gsize count = by_recency[r];

      by_recency[r] = offset;
      offset += count;
    }
  offset = 0;
  for (guint32 f = 1; f <= max_frequency; f++)
    {
      gsize count = by_frequency[f];

      by_frequency[f] = offset;
      offset += count;
    }

  for (gsize i = 0; i < v->n_customers; i++)
    {
      int r, f;
      guint cell;

      if (frequency[i] == 0)
        continue;
      r = fid_ntile (by_recency[recency[i]]++, n, 5);
      f = fid_ntile (by_frequency[frequency[i]]++, n, 5);
      if (!fid_dashboard_is_member (c->members, c->members_max_id, v->customer_id[i]))
        continue;
      cell = (guint) (5 - f) * 5 + (guint) (r - 1);
      c->rfm_cell[i] = (guint8) cell;
      c->rfm_counts[cell]++;
      c->rfm_sums[cell] += (double) monetary[i];
    }
}

/* One share of the customers, scanned by one thread: per-customer arrays
 * are written at the customer's own index, the sums kept apart until the
 * threads are done. */
typedef struct
{
  const FidDashboardColumns *c;
  gsize          from, to;
  GCancellable  *cancellable;
  gboolean       cancelled;
  gint64        *revenue, *previous_revenue, *monetary;
  guint16       *recency;
  guint32       *frequency;
  guint32        max_frequency;
  gint64         sums[6][2];  /* SUM_* below, period and previous period */
} Scan;

enum { SUM_REVENUE, SUM_ACTIVE, SUM_BASE, SUM_RETAINED, SUM_MARGIN, SUM_ACTIVE_12M };

static gpointer
scan_range (gpointer data)
{
  Scan *scan = data;
  const FidDashboardColumns *c = scan->c;
  const FidTxColumnsView *v = c->view;
  gint32 e = c->end, p = c->previous_end;
  /* The earliest day any window reaches: two years before the previous end. */
  gint32 earliest = MIN (c->previous_start, p - 2 * YEAR_DAYS + 1);

  for (gsize i = scan->from; i < scan->to; i++)
    {
      gboolean member = fid_dashboard_is_member (c->members, c->members_max_id, v->customer_id[i]);
      gboolean active = FALSE, was_active = FALSE;
      gboolean last_year = FALSE, year_before = FALSE;
      gboolean previous_last_year = FALSE, previous_year_before = FALSE;
      gint64 margin = 0, previous_margin = 0;
      guint32 count = 0;
      gint32 last = 0;
      gint64 sum = 0;

      if (i % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (scan->cancellable))
        {
          scan->cancelled = TRUE;
          return NULL;
        }
      /* Only the RFM ranks need the customers outside the filter. */
      if (!member && !c->with_rfm)
        continue;

      for (guint32 t = v->start[i]; t < v->start[i + 1]; t++)
        {
          gint32 d = v->day[t];

          if (d > e)
            break;
          if (d < earliest)
            continue;
          if (d > e - YEAR_DAYS)
            {
              count++;
              sum += v->amount_cents[t];
              last = d;
            }
          if (!member)
            continue;

          if (d >= c->start)
            {
              scan->revenue[i] += v->amount_cents[t];
              active = TRUE;
            }
          else if (d >= c->previous_start && d <= p)
            {
              scan->previous_revenue[i] += v->amount_cents[t];
              was_active = TRUE;
            }
          if (d > e - YEAR_DAYS)
            {
              last_year = TRUE;
              margin += v->margin_cents[t];
            }
          else if (d > e - 2 * YEAR_DAYS)
            year_before = TRUE;
          if (d <= p && d > p - YEAR_DAYS)
            {
              previous_last_year = TRUE;
              previous_margin += v->margin_cents[t];
            }
          else if (d <= p - YEAR_DAYS && d > p - 2 * YEAR_DAYS)
            previous_year_before = TRUE;
        }

      if (c->with_rfm && count > 0)
        {
          scan->recency[i] = (guint16) (e - last);
          scan->frequency[i] = count;
          scan->monetary[i] = sum;
          scan->max_frequency = MAX (scan->max_frequency, count);
        }
      if (!member)
        continue;

      scan->sums[SUM_REVENUE][0] += scan->revenue[i];
      scan->sums[SUM_REVENUE][1] += scan->previous_revenue[i];
      scan->sums[SUM_ACTIVE][0] += active;
      scan->sums[SUM_ACTIVE][1] += was_active;
      scan->sums[SUM_BASE][0] += year_before;
      scan->sums[SUM_RETAINED][0] += year_before && last_year;
      scan->sums[SUM_BASE][1] += previous_year_before;
      scan->sums[SUM_RETAINED][1] += previous_year_before && previous_last_year;
      scan->sums[SUM_ACTIVE_12M][0] += last_year;
      scan->sums[SUM_MARGIN][0] += last_year ? margin : 0;
      scan->sums[SUM_ACTIVE_12M][1] += previous_last_year;
      scan->sums[SUM_MARGIN][1] += previous_last_year ? previous_margin : 0;
    }
  return NULL;
}

gboolean
fid_dashboard_columns_compute (FidDashboardColumns *c,
                               GCancellable        *cancellable,
                               GError             **error)
{
  const FidTxColumnsView *v = c->view;
  gsize n = v->n_customers;
  g_autofree gint64 *revenue = g_new0 (gint64, MAX (n, 1));
  g_autofree gint64 *previous_revenue = g_new0 (gint64, MAX (n, 1));
  g_autofree guint16 *recency = NULL;
  g_autofree guint32 *frequency = NULL;
  g_autofree gint64 *monetary = NULL;
  guint32 max_frequency = 0;
  Scan scans[2] = { { 0, }, };
  GThread *helper = NULL;

  c->band = g_malloc (MAX (n, 1));
  c->rfm_cell = g_malloc (MAX (n, 1));
  memset (c->band, FID_DASHBOARD_NO_CELL, MAX (n, 1));
  memset (c->rfm_cell, FID_DASHBOARD_NO_CELL, MAX (n, 1));
  if (c->with_rfm)
    {
      recency = g_new0 (guint16, MAX (n, 1));
      frequency = g_new0 (guint32, MAX (n, 1));
      monetary = g_new0 (gint64, MAX (n, 1));
    }

  /* Two halves on two threads when there are enough customers to pay for
   * one: a million customers' twenty million transactions in half the
   * time, on the two cores a desk usually has. */
  for (guint h = 0; h < 2; h++)
    {
      scans[h].c = c;
      scans[h].cancellable = cancellable;
      scans[h].revenue = revenue;
      scans[h].previous_revenue = previous_revenue;
      scans[h].recency = recency;
      scans[h].frequency = frequency;
      scans[h].monetary = monetary;
    }
  scans[0].to = n >= PARALLEL_FROM && g_get_num_processors () > 1 ? n / 2 : n;
  scans[1].from = scans[0].to;
  scans[1].to = n;
  if (scans[1].from < scans[1].to)
    helper = g_thread_new ("fid-dashboard-scan", scan_range, &scans[1]);
  scan_range (&scans[0]);
  if (helper != NULL)
    g_thread_join (helper);
  if (scans[0].cancelled || scans[1].cancelled)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);

  for (guint h = 0; h < 2; h++)
    {
      for (guint p = 0; p < 2; p++)
        {
          c->revenue[p] += scans[h].sums[SUM_REVENUE][p];
          c->active[p] += scans[h].sums[SUM_ACTIVE][p];
          c->retention_base[p] += scans[h].sums[SUM_BASE][p];
          c->retained[p] += scans[h].sums[SUM_RETAINED][p];
          c->margin_12m[p] += scans[h].sums[SUM_MARGIN][p];
          c->active_12m[p] += scans[h].sums[SUM_ACTIVE_12M][p];
        }
      max_frequency = MAX (max_frequency, scans[h].max_frequency);
    }

  if (c->with_pareto)
    {
      gsize n_sorted;
      gint64 total;
      g_autofree gint64 *sorted = sorted_revenues (revenue, n, &n_sorted, &total);

      c->top10_share[0] = top_share (sorted, n_sorted, total);
      build_pareto (c, revenue, sorted, n_sorted, total);
      g_clear_pointer (&sorted, g_free);
      sorted = sorted_revenues (previous_revenue, n, &n_sorted, &total);
      c->top10_share[1] = top_share (sorted, n_sorted, total);
    }
  else
    c->top10_share[0] = c->top10_share[1] = NAN;

  if (c->with_rfm)
    score_rfm (c, recency, frequency, monetary, max_frequency);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}
