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

const double fid_dashboard_band_limits[FID_DASHBOARD_N_BANDS] = { 0.10, 0.35, 1.0 };

void
fid_dashboard_columns_clear (FidDashboardColumns *columns)
{
  g_clear_pointer (&columns->pareto_x, g_free);
  g_clear_pointer (&columns->pareto_y, g_free);
  g_clear_pointer (&columns->band, g_free);
  g_clear_pointer (&columns->rfm_cell, g_free);
}

/* Sorts @rows (indexes into @keys) by key ascending, stably, 11 bits per
 * pass over as many bits as the largest key has. */
static void
radix_sort (const guint64 *keys,
            guint32       *rows,
            gsize          n)
{
  g_autofree guint32 *buffer = g_new (guint32, MAX (n, 1));
  g_autofree guint64 *sorted_keys = g_new (guint64, MAX (n, 1));
  g_autofree guint64 *key_buffer = g_new (guint64, MAX (n, 1));
  guint32 *from = rows, *to = buffer;
  guint64 *kfrom = sorted_keys, *kto = key_buffer;
  guint64 max = 0;

  for (gsize i = 0; i < n; i++)
    {
      sorted_keys[i] = keys[rows[i]];
      max = MAX (max, sorted_keys[i]);
    }
  for (guint shift = 0; shift < 64 && (max >> shift) != 0; shift += 11)
    {
      gsize counts[2048] = { 0 };
      gsize offset = 0;

      for (gsize i = 0; i < n; i++)
        counts[(kfrom[i] >> shift) & 2047]++;
      for (guint b = 0; b < 2048; b++)
        {
          gsize c = counts[b];

          counts[b] = offset;
          offset += c;
        }
      for (gsize i = 0; i < n; i++)
        {
          gsize at = counts[(kfrom[i] >> shift) & 2047]++;

          to[at] = from[i];
          kto[at] = kfrom[i];
        }
      { guint32 *t = from; from = to; to = t; }
      { guint64 *t = kfrom; kfrom = kto; kto = t; }
    }
  if (from != rows)
    memcpy (rows, from, n * sizeof (guint32));
}

/* The view rows of the customers with a revenue > 0 in @revenue, best
 * first (revenue descending, then id: rows are in id order). */
static guint32 *
rank_by_revenue (const gint64 *revenue,
                 gsize         n_rows,
                 gsize        *n_ranked,
                 gint64       *total)
{
  g_autofree guint64 *keys = g_new (guint64, MAX (n_rows, 1));
  guint32 *ranked = g_new (guint32, MAX (n_rows, 1));
  gint64 max = 0;
  gsize n = 0;

  *total = 0;
  for (gsize i = 0; i < n_rows; i++)
    if (revenue[i] > 0)
      {
        max = MAX (max, revenue[i]);
        *total += revenue[i];
        ranked[n++] = (guint32) i;
      }
  /* Descending revenue as an ascending key. */
  for (gsize i = 0; i < n_rows; i++)
    keys[i] = revenue[i] > 0 ? (guint64) (max - revenue[i]) : 0;
  radix_sort (keys, ranked, n);
  *n_ranked = n;
  return ranked;
}

static double
top_share (const gint64  *revenue,
           const guint32 *ranked,
           gsize          n,
           gint64         total)
{
  gsize top = n * 10 / 100;
  gint64 sum = 0;

  if (n == 0 || total <= 0)
    return NAN;
  for (gsize k = 0; k < top; k++)
    sum += revenue[ranked[k]];
  return (double) sum / (double) total;
}

static void
build_pareto (FidDashboardColumns *c,
              const gint64        *revenue,
              const guint32       *ranked,
              gsize                n,
              gint64               total)
{
  gsize steps = MIN (n, (gsize) PARETO_STEPS);
  gsize limits[FID_DASHBOARD_N_BANDS];
  gint64 band_sums[FID_DASHBOARD_N_BANDS] = { 0 };
  double cumulative = 0;
  gsize done = 0;
  guint band = 0;

  if (n == 0 || total <= 0)
    return;

  /* As ABC: A while 100 · rank ≤ 10 · N, B while ≤ 35 · N (rank from 1). */
  for (guint b = 0; b < FID_DASHBOARD_N_BANDS; b++)
    limits[b] = (gsize) floor (fid_dashboard_band_limits[b] * 100 + 0.5) * n / 100;
  limits[FID_DASHBOARD_N_BANDS - 1] = n;
  for (gsize k = 0; k < n; k++)
    {
      while (band + 1 < FID_DASHBOARD_N_BANDS && k + 1 > limits[band])
        band++;
      c->band[ranked[k]] = (guint8) band;
      band_sums[band] += revenue[ranked[k]];
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
        cumulative += (double) revenue[ranked[done]];
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

gboolean
fid_dashboard_columns_compute (FidDashboardColumns *c,
                               GCancellable        *cancellable,
                               GError             **error)
{
  const FidTxColumnsView *v = c->view;
  gsize n = v->n_customers;
  gint32 e = c->end, p = c->previous_end;
  /* The earliest day any window reaches: two years before the previous end. */
  gint32 earliest = MIN (c->previous_start, p - 2 * YEAR_DAYS + 1);
  g_autofree gint64 *revenue = g_new0 (gint64, MAX (n, 1));
  g_autofree gint64 *previous_revenue = g_new0 (gint64, MAX (n, 1));
  g_autofree guint16 *recency = NULL;
  g_autofree guint32 *frequency = NULL;
  g_autofree gint64 *monetary = NULL;
  guint32 max_frequency = 0;

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

  for (gsize i = 0; i < n; i++)
    {
      gboolean member = fid_dashboard_is_member (c->members, c->members_max_id, v->customer_id[i]);
      gboolean active = FALSE, was_active = FALSE;
      gboolean last_year = FALSE, year_before = FALSE;
      gboolean previous_last_year = FALSE, previous_year_before = FALSE;
      gint64 margin = 0, previous_margin = 0;
      guint32 count = 0;
      gint32 last = 0;
      gint64 sum = 0;

      if (i % CANCEL_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
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
              revenue[i] += v->amount_cents[t];
              active = TRUE;
            }
          else if (d >= c->previous_start && d <= p)
            {
              previous_revenue[i] += v->amount_cents[t];
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
          recency[i] = (guint16) (e - last);
          frequency[i] = count;
          monetary[i] = sum;
          max_frequency = MAX (max_frequency, count);
        }
      if (!member)
        continue;

      c->revenue[0] += revenue[i];
      c->revenue[1] += previous_revenue[i];
      c->active[0] += active;
      c->active[1] += was_active;
      c->retention_base[0] += year_before;
      c->retained[0] += year_before && last_year;
      c->retention_base[1] += previous_year_before;
      c->retained[1] += previous_year_before && previous_last_year;
      if (last_year)
        {
          c->active_12m[0]++;
          c->margin_12m[0] += margin;
        }
      if (previous_last_year)
        {
          c->active_12m[1]++;
          c->margin_12m[1] += previous_margin;
        }
    }

  if (c->with_pareto)
    {
      gsize n_ranked;
      gint64 total;
      g_autofree guint32 *ranked = rank_by_revenue (revenue, n, &n_ranked, &total);

      c->top10_share[0] = top_share (revenue, ranked, n_ranked, total);
      build_pareto (c, revenue, ranked, n_ranked, total);
      g_clear_pointer (&ranked, g_free);
      ranked = rank_by_revenue (previous_revenue, n, &n_ranked, &total);
      c->top10_share[1] = top_share (previous_revenue, ranked, n_ranked, total);
    }
  else
    c->top10_share[0] = c->top10_share[1] = NAN;

  if (c->with_rfm)
    score_rfm (c, recency, frequency, monetary, max_frequency);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}
