/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidTxColumns' arrays in memory, and what goes in them: growing them
 * while rows arrive, patching them, and the family and day numbers.
 *
 * Product families: the eight of products.family, in the order of its
 * CHECK list (data/sql/001-initial.sql), then "other" (index 8) for any
 * other text in transactions.product_family, which is free TEXT.
 *
 * Days: days since 1970-01-01 in the proleptic Gregorian calendar, which
 * makes a difference of dates a subtraction. */

#include "config.h"

#include <string.h>
#include <sys/mman.h>

#include "fid-tx-columns-private.h"

/* Product families and days */

static const char * const product_families[] = {
  "current_account", "savings", "card", "mortgage", "consumer_loan", "student_loan",
  "insurance", "investment",
  /* Not a family of products.family: every other text of
   * transactions.product_family. */
  "other",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (product_families) == FID_N_PRODUCT_FAMILIES + 1);

const char * const *
fid_product_families (void)
{
  return product_families;
}

/* The names have eight different lengths: the length picks the one
 * candidate, then one memcmp. Called for each of millions of rows. */
int
fid_tx_columns_family_index_n (const char *family,
                gsize       length)
{
  static const gint8 by_length[16] = {
    -1, -1, -1, -1, 2, -1, -1, 1, 3, 6, 7, -1, 5, 4, -1, 0
  };
  int index;

  if (family == NULL || length >= G_N_ELEMENTS (by_length))
    return -1;
  index = by_length[length];
  if (index < 0 || memcmp (family, product_families[index], length) != 0)
    return -1;
  return index;
}

int
fid_product_family_index (const char *family)
{
  if (family != NULL && g_str_equal (family, "other"))
    return FID_PRODUCT_FAMILY_OTHER;
  return fid_tx_columns_family_index_n (family, family != NULL ? strlen (family) : 0);
}

/* Days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil): exact for any year, no table, no loop. */
static gint32
days_from_civil (int y,
                 int m,
                 int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static gboolean
is_leap_year (int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Years 0001 to 9999, as GDate and the YYYY-MM-DD text allow. */
gint32
fid_tx_columns_day_from_text (const char *s,
               gsize       length)
{
  static const guint8 month_days[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int y, m, d;

  if (s == NULL || length != 10 || s[4] != '-' || s[7] != '-')
    return G_MININT32;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return G_MININT32;
  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1 ||
      d > month_days[m] + (m == 2 && is_leap_year (y)))
    return G_MININT32;
  return days_from_civil (y, m, d);
}

gint32
fid_day_from_iso (const char *iso)
{
  return fid_tx_columns_day_from_text (iso, iso != NULL ? strlen (iso) : 0);
}

/* NULL for a day outside the years 0001 to 9999 (and for G_MININT32). */
char *
fid_day_to_iso (gint32 day)
{
  gint64 z = (gint64) day + 719468;
  gint64 era, doe, yoe, y, doy, mp, d, m;

  if (day < days_from_civil (1, 1, 1) || day > days_from_civil (9999, 12, 31))
    return NULL;
  /* civil_from_days, the inverse of days_from_civil. */
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  return g_strdup_printf ("%04d-%02d-%02d", (int) y, (int) m, (int) d);
}

/* Columns in memory */

/* Page faults are most of the cost of filling or copying hundreds of
 * megabytes (a fault per 4 KiB page, dearer still in a virtual machine):
 * large arrays ask for 2 MiB pages, and the arrays a patch reads are
 * mapped in by one call instead of one fault per page. Both are hints; a
 * kernel without them does the same work the slow way. */
#define HUGE_PAGE (2 << 20)

static void
page_range (const void *data,
            gsize       bytes,
            gboolean    inward,
            guintptr   *start,
            guintptr   *end)
{
  guintptr page = 4096;
  guintptr from = (guintptr) data, to = (guintptr) data + bytes;

  if (inward)
    {
      *start = (from + page - 1) & ~(page - 1);
      *end = to & ~(page - 1);
    }
  else
    {
      *start = from & ~(page - 1);
      *end = (to + page - 1) & ~(page - 1);
    }
}

static void
advise_huge_pages (void  *data,
                   gsize  bytes)
{
#ifdef MADV_HUGEPAGE
  guintptr start, end;

  /* Inward: the advice must not reach memory malloc has around the block. */
  page_range (data, bytes, TRUE, &start, &end);
  if (end >= start + 2 * HUGE_PAGE)
    madvise ((void *) start, end - start, MADV_HUGEPAGE);
#endif
}

static void
prefault_read (const void *data,
               gsize       bytes)
{
#ifdef MADV_POPULATE_READ
  guintptr start, end;

  page_range (data, bytes, FALSE, &start, &end);
  if (end >= start + HUGE_PAGE)
    madvise ((void *) start, end - start, MADV_POPULATE_READ);
#endif
}

static void
prefault_write (void  *data,
                gsize  bytes)
{
#ifdef MADV_POPULATE_WRITE
  guintptr start, end;

  page_range (data, bytes, TRUE, &start, &end);
  if (end >= start + HUGE_PAGE)
    madvise ((void *) start, end - start, MADV_POPULATE_WRITE);
#endif
}

static void
advise_columns (FidColumns *columns)
{
  advise_huge_pages (columns->customer_id, columns->customers_allocated * sizeof (gint64));
  advise_huge_pages (columns->start, (columns->customers_allocated + 1) * sizeof (guint32));
  advise_huge_pages (columns->day, columns->transactions_allocated * sizeof (gint32));
  advise_huge_pages (columns->amount_cents, columns->transactions_allocated * sizeof (gint64));
  advise_huge_pages (columns->margin_cents, columns->transactions_allocated * sizeof (gint64));
  advise_huge_pages (columns->family, columns->transactions_allocated);
}

FidColumns *
fid_columns_new (gsize customers_hint,
                 gsize transactions_hint)
{
  FidColumns *columns = g_new0 (FidColumns, 1);

  columns->customers_allocated = MAX (customers_hint, 16);
  columns->transactions_allocated = MAX (transactions_hint, 16);
  columns->customer_id = g_new (gint64, columns->customers_allocated);
  columns->start = g_new (guint32, columns->customers_allocated + 1);
  columns->day = g_new (gint32, columns->transactions_allocated);
  columns->amount_cents = g_new (gint64, columns->transactions_allocated);
  columns->margin_cents = g_new (gint64, columns->transactions_allocated);
  columns->family = g_new (guint8, columns->transactions_allocated);
  advise_columns (columns);
  return columns;
}

void
fid_columns_free (FidColumns *columns)
{
  if (columns == NULL)
    return;
  g_free (columns->customer_id);
  g_free (columns->start);
  g_free (columns->day);
  g_free (columns->amount_cents);
  g_free (columns->margin_cents);
  g_free (columns->family);
  g_free (columns);
}

/* Doubling: blocks this large are mmapped by malloc, and realloc moves
 * them with mremap, so growing copies nothing. */
void
fid_columns_grow_customers (FidColumns *columns)
{
  columns->customers_allocated *= 2;
  columns->customer_id = g_renew (gint64, columns->customer_id, columns->customers_allocated);
  columns->start = g_renew (guint32, columns->start, columns->customers_allocated + 1);
  advise_columns (columns);
}

void
fid_columns_grow_transactions (FidColumns *columns)
{
  gsize n = columns->transactions_allocated * 2;

  columns->transactions_allocated = n;
  columns->day = g_renew (gint32, columns->day, n);
  columns->amount_cents = g_renew (gint64, columns->amount_cents, n);
  columns->margin_cents = g_renew (gint64, columns->margin_cents, n);
  columns->family = g_renew (guint8, columns->family, n);
  advise_columns (columns);
}

void
fid_columns_finish (FidColumns       *columns,
                    FidTxColumnsView *view)
{
  columns->start[columns->n_customers] = (guint32) columns->n_transactions;
  view->n_customers = columns->n_customers;
  view->customer_id = columns->customer_id;
  view->start = columns->start;
  view->n_transactions = columns->n_transactions;
  view->day = columns->day;
  view->amount_cents = columns->amount_cents;
  view->margin_cents = columns->margin_cents;
  view->family = columns->family;
}

/* Patching */

static gsize
lower_bound (const gint64 *ids,
             gsize         from,
             gsize         to,
             gint64        id)
{
  while (from < to)
    {
      gsize mid = from + (to - from) / 2;

      if (ids[mid] < id)
        from = mid + 1;
      else
        to = mid;
    }
  return from;
}

/* Appends customers [from, to) of @view to @out, as whole blocks; with
 * @out NULL only counts them. */
static void
copy_customers (FidColumns             *out,
                const FidTxColumnsView *view,
                gsize                   from,
                gsize                   to,
                gsize                  *n_customers,
                gsize                  *n_transactions)
{
  gsize t_from, n;

  if (from >= to)
    return;
  t_from = view->start[from];
  n = view->start[to] - t_from;
  if (out != NULL)
    {
      guint32 *start = out->start + out->n_customers;
      gint64 delta = (gint64) out->n_transactions - (gint64) t_from;
      gsize t = out->n_transactions;

      memcpy (out->customer_id + out->n_customers, view->customer_id + from,
              (to - from) * sizeof (gint64));
      for (gsize i = from; i < to; i++)
        *start++ = (guint32) (view->start[i] + delta);
      memcpy (out->day + t, view->day + t_from, n * sizeof (gint32));
      memcpy (out->amount_cents + t, view->amount_cents + t_from, n * sizeof (gint64));
      memcpy (out->margin_cents + t, view->margin_cents + t_from, n * sizeof (gint64));
      memcpy (out->family + t, view->family + t_from, n);
      out->n_customers += to - from;
      out->n_transactions += n;
    }
  *n_customers += to - from;
  *n_transactions += n;
}

/* One pass over the dirty customers, in id order: the clean customers
 * between two of them are copied as one block from @base, each dirty one
 * comes from @fresh if it still has rows. */
static void
merge_walk (const FidTxColumnsView *base,
            const gint64           *dirty_ids,
            gsize                   n_dirty,
            const FidTxColumnsView *fresh,
            FidColumns             *out,
            gsize                  *n_customers,
            gsize                  *n_transactions)
{
  gsize b = 0, f = 0;

  for (gsize d = 0; d < n_dirty; d++)
    {
      gint64 id = dirty_ids[d];
      gsize at = lower_bound (base->customer_id, b, base->n_customers, id);

      copy_customers (out, base, b, at, n_customers, n_transactions);
      b = at;
      if (b < base->n_customers && base->customer_id[b] == id)
        b++;
      while (f < fresh->n_customers && fresh->customer_id[f] < id)
        f++;
      if (f < fresh->n_customers && fresh->customer_id[f] == id)
        {
          copy_customers (out, fresh, f, f + 1, n_customers, n_transactions);
          f++;
        }
    }
  copy_customers (out, base, b, base->n_customers, n_customers, n_transactions);
}

FidColumns *
fid_columns_merge (const FidTxColumnsView *base,
                   const gint64           *dirty_ids,
                   gsize                   n_dirty,
                   const FidTxColumnsView *fresh)
{
  FidColumns *out;
  gsize n_customers = 0, n_transactions = 0;

  /* Counted first, so that the arrays are allocated once at their size. */
  merge_walk (base, dirty_ids, n_dirty, fresh, NULL, &n_customers, &n_transactions);
  prefault_read (base->customer_id, base->n_customers * sizeof (gint64));
  prefault_read (base->start, (base->n_customers + 1) * sizeof (guint32));
  prefault_read (base->day, base->n_transactions * sizeof (gint32));
  prefault_read (base->amount_cents, base->n_transactions * sizeof (gint64));
  prefault_read (base->margin_cents, base->n_transactions * sizeof (gint64));
  prefault_read (base->family, base->n_transactions);
  out = fid_columns_new (n_customers, n_transactions);
  /* Every byte of @out is about to be written. */
  prefault_write (out->customer_id, n_customers * sizeof (gint64));
  prefault_write (out->start, (n_customers + 1) * sizeof (guint32));
  prefault_write (out->day, n_transactions * sizeof (gint32));
  prefault_write (out->amount_cents, n_transactions * sizeof (gint64));
  prefault_write (out->margin_cents, n_transactions * sizeof (gint64));
  prefault_write (out->family, n_transactions);
  n_customers = n_transactions = 0;
  merge_walk (base, dirty_ids, n_dirty, fresh, out, &n_customers, &n_transactions);
  return out;
}
