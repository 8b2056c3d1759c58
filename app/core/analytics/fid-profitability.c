/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The profitability matrix (issue 5), and what the value analyses share
 * (fid-value-private.h).
 *
 * Definitions, so that any SQL engine gives the same rows:
 *
 * Window: the days d with as_of − window_days < d ≤ as_of, as in
 * fid-rfm.h; a date-time (interactions.at, tickets.opened_at) is in the
 * window when its date is.
 *
 * Population: the customers with at least one transaction on or before
 * as_of (in the transaction columns).
 *
 * margin: Σ margin_cents of the customer's transactions in the window (0
 * when none).
 * cost_to_serve: Σ, over the customer's interactions in the window whose
 * status is 'done', of the price of the interaction's channel
 * (channel_cost_cents, in the order of fid_value_channels (); a channel
 * that is not listed is priced as "other"), + Σ, over the tickets opened
 * in the window (any status), of the price of the ticket's kind
 * (ticket_cost_cents: request, complaint, incident).
 * current = margin − cost_to_serve.
 *
 * Look-alikes: the customers of the population in the same age band and
 * the same income band, the customer included.
 *   Age band: full years at as_of since birth_date: ≤ 25, 26–35, 36–45,
 *   46–55, 56–65, ≥ 66, and "unknown" for companies and for people without
 *   a valid birth date.
 *   Income band, from annual_income_cents: < 2,000,000 (20 k€),
 *   2,000,000–3,499,999, 3,500,000–4,999,999, 5,000,000–7,999,999,
 *   ≥ 8,000,000, and "unknown" when NULL.
 * potential = max (0, P75 − margin), P75 being PERCENTILE_CONT (0.75) of
 * the look-alikes' margins.
 *
 * PERCENTILE_CONT (p) of n values sorted ascending, v[0] ≤ … ≤ v[n − 1]
 * (SQL's PERCENTILE_CONT, numpy's default "linear" method): with h =
 * (n − 1)·p and k = ⌊h⌋, v[k] + (h − k)·(v[k + 1] − v[k]), or v[n − 1]
 * when k = n − 1. The median is PERCENTILE_CONT (0.5).
 *
 * Splits: current_split and potential_split, or when NaN the median of
 * current / of potential over the population. A value is high when it is
 * strictly greater than its split (so a customer at the median is low).
 *
 * Segments (DOMAIN.md): desirables (high current, high potential),
 * underdeveloped (low, high), mature (high, low), undesirables (low, low).
 * flags: bit 0 is_reference, bit 1 is_fast_growing, bit 2 other_division,
 * so that a view never shows "undesirable" without them (DESIGN.md §4).
 * Extras: current_split, potential_split (the splits used), and "revenue":
 * Σ amount_cents in the window per segment, in segment order.
 *
 * How: money comes from the transaction columns; the rest is one grouped
 * query per input (customers, interactions, tickets), all in one read
 * transaction, matched to the population by binary search in its sorted
 * ids: never a query per customer, which a million customers could not
 * afford. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fid-value-private.h"

#define N_CHANNELS     8
#define CHANNEL_OTHER  7
#define N_TICKET_KINDS 3
#define N_AGE_BANDS    7    /* six bands and unknown (last) */
#define N_INCOME_BANDS 6    /* five bands and unknown (last) */
/* 100 years: longer windows are typing mistakes, and would overflow day
 * arithmetic. */
#define MAX_WINDOW_DAYS 36525

static const char * const channels[N_CHANNELS + 1] = {
  "phone", "email", "sms", "branch", "mail", "web", "chat", "other", NULL
};
static const gint64 default_channel_costs[N_CHANNELS] = { 800, 150, 20, 2500, 300, 100, 300, 500 };
static const char * const ticket_kinds[N_TICKET_KINDS] = { "request", "complaint", "incident" };
static const gint64 default_ticket_costs[N_TICKET_KINDS] = { 1500, 4000, 2500 };

static const char * const segment_keys[] = {
  "desirables", "underdeveloped", "mature", "undesirables", NULL
};
enum { SEG_DESIRABLES, SEG_UNDERDEVELOPED, SEG_MATURE, SEG_UNDESIRABLES, N_SEGMENTS };

/* Reading */

static int
on_progress_cb (gpointer user_data)
{
  /* Non-zero interrupts the statement (SQLITE_INTERRUPT). */
  return g_cancellable_is_cancelled (user_data);
}

gboolean
fid_value_read_begin (FidValueRead  *read,
                      FidStore      *store,
                      GCancellable  *cancellable,
                      GError       **error)
{
  read->store = store;
  read->db = fid_store_get_db (store);
  read->cancellable = cancellable;
  read->began = FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      read->db = NULL;
      return FALSE;
    }
  /* A deferred BEGIN: the first SELECT takes the snapshot that every
   * later one reads (WAL), while writers go on. Inside a caller's
   * transaction, that transaction is already the snapshot. */
  if (sqlite3_get_autocommit (read->db))
    {
      if (!fid_store_exec (store, "BEGIN", error))
        {
          read->db = NULL;
          return FALSE;
        }
      read->began = TRUE;
    }
  if (cancellable != NULL)
    sqlite3_progress_handler (read->db, 10000, on_progress_cb, cancellable);
  return TRUE;
}

void
fid_value_read_end (FidValueRead *read)
{
  if (read->db == NULL)
    return;
  if (read->cancellable != NULL)
    sqlite3_progress_handler (read->db, 0, NULL, NULL);
  /* Nothing was written: ending the read is all a rollback does. */
  if (read->began)
    fid_store_rollback (read->store);
  read->db = NULL;
}

gboolean
fid_value_read_step (FidValueRead  *read,
                     sqlite3_stmt  *stmt,
                     gboolean      *has_row,
                     const char    *doing,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    return TRUE;
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (read->cancellable, error))
    return FALSE;
  fid_store_set_sqlite_error (read->store, error, rc, doing);
  return FALSE;
}

/* Dates */

static gboolean
parse_ymd (const char *text,
           int        *y,
           int        *m,
           int        *d)
{
  if (text == NULL)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  *y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  *m = (text[5] - '0') * 10 + (text[6] - '0');
  *d = (text[8] - '0') * 10 + (text[9] - '0');
  return *y > 0 && g_date_valid_dmy (*d, *m, *y);
}

gint32
fid_value_day_of (const char *text)
{
  int y, m, d, era, yoe, doy, doe;

  if (!parse_ymd (text, &y, &m, &d))
    return G_MININT32;
  /* Days from civil (H. Hinnant), the same numbering as fid_day_from_iso. */
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static char *
iso_of_day (gint64 day)
{
  g_autoptr(GDate) date = g_date_new ();
  char text[11];

  /* Julian day 1 of GDate is 0001-01-01; day 0 here is 1970-01-01. */
  g_date_set_julian (date, (guint32) (day + 719163));
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

gboolean
fid_value_check_dates (const char  *as_of,
                       guint        window_days,
                       gboolean     need_window,
                       gint32      *as_of_day,
                       char       **as_of_iso,
                       char       **from,
                       char       **to,
                       GError     **error)
{
  g_autofree char *today = NULL;

  if (as_of == NULL)
    as_of = today = fid_store_today_iso ();
  if (strlen (as_of) != 10 || !fid_parse_iso_date (as_of, NULL) ||
      (*as_of_day = fid_value_day_of (as_of)) == G_MININT32)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("The analysis date “%s” is not a valid date (expected YYYY-MM-DD)."), as_of);
      return FALSE;
    }
  if (need_window && (window_days == 0 || window_days > MAX_WINDOW_DAYS))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("A window of %u days is not possible: choose between 1 and %u days."),
                   window_days, MAX_WINDOW_DAYS);
      return FALSE;
    }
  if (as_of_iso != NULL)
    *as_of_iso = g_strdup (as_of);
  if (from != NULL)
    *from = iso_of_day ((gint64) *as_of_day - window_days + 1);
  if (to != NULL)
    *to = iso_of_day ((gint64) *as_of_day + 1);
  return TRUE;
}

/* Percentiles */

/* Moves the k-th smallest of @values to values[k], with none larger
 * before it and none smaller after (N. Wirth's selection): O(n) where a
 * sort is O(n log n), which on a million margins is most of the time a
 * percentile takes. */
static void
select_kth (double *values,
            gsize   n,
            gsize   k)
{
  gssize lo = 0, hi = (gssize) n - 1;

  while (lo < hi)
    {
      double pivot = values[k];
      gssize i = lo, j = hi;

      do
        {
          while (values[i] < pivot)
            i++;
          while (pivot < values[j])
            j--;
          if (i <= j)
            {
              double swap = values[i];

              values[i++] = values[j];
              values[j--] = swap;
            }
        }
      while (i <= j);
      if (j < (gssize) k)
        lo = i;
      if ((gssize) k < i)
        hi = j;
    }
}

double
fid_value_percentile_cont (double *values,
                           gsize   n,
                           double  p)
{
  double h, frac, next;
  gsize k;

  if (n == 0)
    return NAN;
  h = (double) (n - 1) * p;
  k = (gsize) floor (h);
  frac = h - (double) k;
  select_kth (values, n, k);
  if (k + 1 >= n || frac == 0.0)
    return values[k];
  /* The next value up is the smallest of those after k. */
  next = values[k + 1];
  for (gsize i = k + 2; i < n; i++)
    next = MIN (next, values[i]);
  return values[k] + frac * (next - values[k]);
}

/* The base figures */

static int
age_band (const char *birth_date,
          int         y,
          int         m,
          int         d)
{
  int by, bm, bd, age;

  if (!parse_ymd (birth_date, &by, &bm, &bd))
    return N_AGE_BANDS - 1;
  age = y - by - ((m < bm || (m == bm && d < bd)) ? 1 : 0);
  if (age <= 25)
    return 0;
  if (age >= 66)
    return 5;
  return 1 + (age - 26) / 10;
}

static int
income_band (gint64 cents)
{
  static const gint64 bounds[] = { 2000000, 3500000, 5000000, 8000000 };
  int band = 0;

  while (band < (int) G_N_ELEMENTS (bounds) && cents >= bounds[band])
    band++;
  return band;
}

static int
channel_index (const char *channel)
{
  for (int i = 0; i < CHANNEL_OTHER; i++)
    if (g_strcmp0 (channel, channels[i]) == 0)
      return i;
  return CHANNEL_OTHER;
}

static gboolean
check_params (const FidProfitabilityParams  *params,
              GError                       **error)
{
  for (int i = 0; i < N_CHANNELS; i++)
    if (params->channel_cost_cents[i] < 0)
      {
        g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_NEGATIVE_AMOUNT,
                     _("The cost of a contact by %s is negative (%" PRId64 " cents): "
                       "costs to serve are 0 or more."),
                     channels[i], params->channel_cost_cents[i]);
        return FALSE;
      }
  for (int i = 0; i < N_TICKET_KINDS; i++)
    if (params->ticket_cost_cents[i] < 0)
      {
        g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_NEGATIVE_AMOUNT,
                     _("The cost of a %s ticket is negative (%" PRId64 " cents): "
                       "costs to serve are 0 or more."),
                     ticket_kinds[i], params->ticket_cost_cents[i]);
        return FALSE;
      }
  return TRUE;
}

/* Margin, revenue and transactions in the window, from the columns. */
static gboolean
read_money (FidValueBase            *base,
            const FidTxColumnsView  *columns,
            guint                    window_days,
            GCancellable            *cancellable,
            GError                 **error)
{
  gint64 after = (gint64) base->as_of_day - window_days;
  gsize n = 0, k = 0;

  for (gsize i = 0; i < columns->n_customers; i++)
    if (columns->start[i] < columns->start[i + 1] && columns->day[columns->start[i]] <= base->as_of_day)
      n++;

  base->n = n;
  base->ids = g_new (gint64, MAX (n, 1));
  base->row = g_new (guint32, MAX (n, 1));
  base->margin = g_new0 (gint64, MAX (n, 1));
  base->revenue = g_new0 (gint64, MAX (n, 1));
  base->cost = g_new0 (gint64, MAX (n, 1));
  base->n_tx = g_new0 (gint64, MAX (n, 1));
  base->incidents = g_new0 (gint64, MAX (n, 1));
  base->potential = g_new0 (double, MAX (n, 1));
  base->flags = g_new0 (guint8, MAX (n, 1));

  for (gsize i = 0; i < columns->n_customers; i++)
    {
      guint32 first = columns->start[i], end = columns->start[i + 1];

      if (FID_VALUE_CANCELLED (i, cancellable, error))
        return FALSE;
      if (first == end || columns->day[first] > base->as_of_day)
        continue;
      base->ids[k] = columns->customer_id[i];
      base->row[k] = (guint32) i;
      /* Days ascend within a customer: stop at the first one after as_of. */
      for (guint32 t = first; t < end && columns->day[t] <= base->as_of_day; t++)
        if (columns->day[t] > after)
          {
            base->margin[k] += columns->margin_cents[t];
            base->revenue[k] += columns->amount_cents[t];
            base->n_tx[k]++;
          }
      k++;
    }
  return TRUE;
}

/* Flags and look-alike cells, from the customers table. */
static gboolean
read_customers (FidValueBase  *base,
                FidValueRead  *read,
                guint8        *cell,
                GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row, ok;
  int y, m, d;

  parse_ymd (base->as_of, &y, &m, &d);
  stmt = fid_store_prepare (read->store,
                            "SELECT id, kind, birth_date, annual_income_cents,"
                            " is_reference, is_fast_growing, other_division FROM customers", error);
  if (stmt == NULL)
    return FALSE;
  while ((ok = fid_value_read_step (read, stmt, &has_row, _("read the customers"), error)) && has_row)
    {
      gssize k = fid_value_find_id (base->ids, base->n, sqlite3_column_int64 (stmt, 0));
      int age = N_AGE_BANDS - 1, income = N_INCOME_BANDS - 1;

      if (k < 0)
        continue;
      if (g_strcmp0 (fid_sqlite_text (stmt, 1), "company") != 0)
        age = age_band (fid_sqlite_text (stmt, 2), y, m, d);
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        income = income_band (sqlite3_column_int64 (stmt, 3));
      cell[k] = (guint8) (age * N_INCOME_BANDS + income);
      base->flags[k] = (sqlite3_column_int (stmt, 4) != 0 ? 1 : 0) |
                       (sqlite3_column_int (stmt, 5) != 0 ? 2 : 0) |
                       (sqlite3_column_int (stmt, 6) != 0 ? 4 : 0);
    }
  return ok;
}

/* Cost to serve: done interactions per channel, tickets per kind. */
static gboolean
read_costs (FidValueBase                  *base,
            FidValueRead                  *read,
            const FidProfitabilityParams  *params,
            const char                    *from,
            const char                    *to,
            GError                       **error)
{
  sqlite3_stmt *stmt;
  gboolean has_row, ok;

  /* Grouped in SQLite: one row per customer and channel, not one per
   * interaction. */
  stmt = fid_store_prepare (read->store,
                            "SELECT customer_id, channel, count(*) FROM interactions"
                            " WHERE status = 'done' AND at >= ?1 AND at < ?2"
                            " GROUP BY customer_id, channel", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((ok = fid_value_read_step (read, stmt, &has_row, _("read the interactions"), error)) && has_row)
    {
      gssize k = fid_value_find_id (base->ids, base->n, sqlite3_column_int64 (stmt, 0));

      if (k >= 0)
        base->cost[k] += sqlite3_column_int64 (stmt, 2) *
                         params->channel_cost_cents[channel_index (fid_sqlite_text (stmt, 1))];
    }
  if (!ok)
    return FALSE;

  stmt = fid_store_prepare (read->store,
                            "SELECT customer_id, kind, count(*) FROM tickets"
                            " WHERE opened_at >= ?1 AND opened_at < ?2"
                            " GROUP BY customer_id, kind", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((ok = fid_value_read_step (read, stmt, &has_row, _("read the tickets"), error)) && has_row)
    {
      gssize k = fid_value_find_id (base->ids, base->n, sqlite3_column_int64 (stmt, 0));
      const char *kind = fid_sqlite_text (stmt, 1);
      gint64 count = sqlite3_column_int64 (stmt, 2);

      if (k < 0)
        continue;
      for (int i = 0; i < N_TICKET_KINDS; i++)
        if (g_str_equal (kind, ticket_kinds[i]))
          base->cost[k] += count * params->ticket_cost_cents[i];
      if (g_str_equal (kind, "incident"))
        base->incidents[k] += count;
    }
  return ok;
}

/* potential = max (0, P75 of the cell's margins − margin). */
static void
compute_potential (FidValueBase *base,
                   const guint8 *cell)
{
  enum { N_CELLS = N_AGE_BANDS * N_INCOME_BANDS };
  gsize counts[N_CELLS] = { 0, }, offsets[N_CELLS + 1] = { 0, }, filled[N_CELLS] = { 0, };
  double p75[N_CELLS];
  g_autofree double *margins = g_new (double, MAX (base->n, 1));

  /* A counting sort by cell, then each cell's slice sorted on its own. */
  for (gsize k = 0; k < base->n; k++)
    counts[cell[k]]++;
  for (int c = 0; c < N_CELLS; c++)
    offsets[c + 1] = offsets[c] + counts[c];
  for (gsize k = 0; k < base->n; k++)
    margins[offsets[cell[k]] + filled[cell[k]]++] = (double) base->margin[k];
  for (int c = 0; c < N_CELLS; c++)
    p75[c] = fid_value_percentile_cont (margins + offsets[c], counts[c], 0.75);
  for (gsize k = 0; k < base->n; k++)
    base->potential[k] = MAX (0.0, p75[cell[k]] - (double) base->margin[k]);
}

gboolean
fid_value_base_compute (FidValueBase                 *base,
                        FidStore                     *store,
                        const FidTxColumnsView       *columns,
                        const FidProfitabilityParams *params,
                        GCancellable                 *cancellable,
                        GError                      **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree guint8 *cell = NULL;
  FidValueRead read = { 0, };
  gboolean ok;

  memset (base, 0, sizeof *base);
  if (!check_params (params, error) ||
      !fid_value_check_dates (params->as_of, params->window_days, TRUE, &base->as_of_day,
                              &base->as_of, &from, &to, error) ||
      !read_money (base, columns, params->window_days, cancellable, error))
    return FALSE;

  /* Customers missing from the customers table (deleted since the columns
   * were read) stay in the unknown cell. */
  cell = g_new (guint8, MAX (base->n, 1));
  memset (cell, (N_AGE_BANDS - 1) * N_INCOME_BANDS + N_INCOME_BANDS - 1, MAX (base->n, 1));

  if (!fid_value_read_begin (&read, store, cancellable, error))
    return FALSE;
  ok = read_customers (base, &read, cell, error) &&
       read_costs (base, &read, params, from, to, error);
  fid_value_read_end (&read);
  if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  compute_potential (base, cell);
  return TRUE;
}

void
fid_value_base_clear (FidValueBase *base)
{
  g_clear_pointer (&base->as_of, g_free);
  g_clear_pointer (&base->ids, g_free);
  g_clear_pointer (&base->row, g_free);
  g_clear_pointer (&base->margin, g_free);
  g_clear_pointer (&base->revenue, g_free);
  g_clear_pointer (&base->cost, g_free);
  g_clear_pointer (&base->n_tx, g_free);
  g_clear_pointer (&base->incidents, g_free);
  g_clear_pointer (&base->potential, g_free);
  g_clear_pointer (&base->flags, g_free);
  base->n = 0;
}

/* Public API */

const char * const *
fid_value_channels (void)
{
  return channels;
}

void
fid_profitability_params_init (FidProfitabilityParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->as_of = NULL;   /* today */
  params->window_days = 365;
  memcpy (params->channel_cost_cents, default_channel_costs, sizeof default_channel_costs);
  memcpy (params->ticket_cost_cents, default_ticket_costs, sizeof default_ticket_costs);
  params->current_split = NAN;
  params->potential_split = NAN;
}

static double
median_of (const gint64 *ints,
           const double *doubles,
           gsize         n)
{
  g_autofree double *copy = g_new (double, MAX (n, 1));

  for (gsize k = 0; k < n; k++)
    copy[k] = ints != NULL ? (double) ints[k] : doubles[k];
  return fid_value_percentile_cont (copy, n, 0.5);
}

FidSegmentation *
fid_profitability_compute (FidStore                     *store,
                           const FidTxColumnsView       *columns,
                           const FidProfitabilityParams *params,
                           GCancellable                 *cancellable,
                           GError                      **error)
{
  g_autoptr(FidSegmentation) result = NULL;
  g_autofree gint64 *current = NULL;
  FidValueBase base;
  GVariantBuilder revenue;
  double revenue_sums[N_SEGMENTS] = { 0, };
  double current_split, potential_split;
  guint c_margin, c_cost, c_current, c_potential, c_flags;
  guint8 *segments;

  g_return_val_if_fail (FID_IS_STORE (store), NULL);
  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!fid_value_base_compute (&base, store, columns, params, cancellable, error))
    {
      fid_value_base_clear (&base);
      return NULL;
    }

  current = g_new (gint64, MAX (base.n, 1));
  for (gsize k = 0; k < base.n; k++)
    current[k] = base.margin[k] - base.cost[k];
  current_split = isnan (params->current_split) ? median_of (current, NULL, base.n) : params->current_split;
  potential_split = isnan (params->potential_split) ? median_of (NULL, base.potential, base.n)
                                                    : params->potential_split;

  result = fid_segmentation_new ("profitability", base.as_of, params->window_days, segment_keys);
  c_margin = fid_segmentation_add_column (result, "margin", FID_COLUMN_INT);
  c_cost = fid_segmentation_add_column (result, "cost_to_serve", FID_COLUMN_INT);
  c_current = fid_segmentation_add_column (result, "current", FID_COLUMN_INT);
  c_potential = fid_segmentation_add_column (result, "potential", FID_COLUMN_DOUBLE);
  c_flags = fid_segmentation_add_column (result, "flags", FID_COLUMN_INT);
  fid_segmentation_set_size (result, base.n);

  memcpy (fid_segmentation_get_ids_mut (result), base.ids, base.n * sizeof (gint64));
  memcpy (fid_segmentation_get_int_column_mut (result, c_margin), base.margin, base.n * sizeof (gint64));
  memcpy (fid_segmentation_get_int_column_mut (result, c_cost), base.cost, base.n * sizeof (gint64));
  memcpy (fid_segmentation_get_int_column_mut (result, c_current), current, base.n * sizeof (gint64));
  memcpy (fid_segmentation_get_double_column_mut (result, c_potential), base.potential, base.n * sizeof (double));
  segments = fid_segmentation_get_segments_mut (result);
  {
    gint64 *flags = fid_segmentation_get_int_column_mut (result, c_flags);

    for (gsize k = 0; k < base.n; k++)
      {
        gboolean high_current = (double) current[k] > current_split;
        gboolean high_potential = base.potential[k] > potential_split;

        segments[k] = high_current ? (high_potential ? SEG_DESIRABLES : SEG_MATURE)
                                   : (high_potential ? SEG_UNDERDEVELOPED : SEG_UNDESIRABLES);
        flags[k] = base.flags[k];
        revenue_sums[segments[k]] += (double) base.revenue[k];
      }
  }

  fid_segmentation_set_extra (result, "current_split", g_variant_new_double (current_split));
  fid_segmentation_set_extra (result, "potential_split", g_variant_new_double (potential_split));
  g_variant_builder_init (&revenue, G_VARIANT_TYPE ("ad"));
  for (int s = 0; s < N_SEGMENTS; s++)
    g_variant_builder_add (&revenue, "d", revenue_sums[s]);
  fid_segmentation_set_extra (result, "revenue", g_variant_builder_end (&revenue));

  fid_value_base_clear (&base);
  return g_steal_pointer (&result);
}
