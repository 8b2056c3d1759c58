/* SPDX-License-Identifier: GPL-3.0-or-later */

/* RFM, FRAT and ABC-Pareto from the transaction columns (issue 5).
 *
 * The definitions are pinned in fid-rfm.h so that any SQL engine gives the
 * same rows; this file is only about getting there fast. A million
 * customers with twenty million transactions must score in well under
 * 0.2 s once the columns are in memory, so:
 *
 *   - each customer's days are ascending, so the window is a binary search
 *     (two when something is later than as-of), and only the transactions
 *     inside it are read;
 *   - no comparison sort: an NTILE only needs each row's position in the
 *     ordering. Recency (0..window_days − 1), frequency and types have a
 *     small key range, so a counting sort gives the positions directly;
 *     monetary and revenue go through an LSD radix sort of (key, row)
 *     packed in 64 bits. Both sorts are stable and the rows arrive in
 *     ascending customer id, which is the tie-break the definitions ask
 *     for, for free;
 *   - as little fresh memory as possible: at this size, touching a new
 *     page costs more than the arithmetic done on it (a fault per 4 KiB;
 *     64 MiB took 250 ms on the virtual machine of the benchmark). So the
 *     rows are counted first (for RFM the first day tells) and written
 *     straight into the result's own columns; the radix sort's buffers
 *     and ABC's sums ask for transparent huge pages.
 *
 * The RFM segment table (r and f scores, 1..5):
 *
 *            f=1              f=2              f=3             f=4       f=5
 *   r=5   new              potential        potential       champions  champions
 *   r=4   promising        potential        potential       loyal      loyal
 *   r=3   about_to_sleep   about_to_sleep   need_attention  loyal      loyal
 *   r=2   hibernating      hibernating      at_risk         at_risk    cant_lose_them
 *   r=1   hibernating      hibernating      at_risk         at_risk    cant_lose_them
 *
 * and "lost" for the customers with transactions before the window and
 * none in it (their scores are 0). */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#include "fid-rfm.h"

/* How often the scan looks at the cancellable: cheap enough to be
 * invisible, frequent enough to stop within a millisecond or two. */
#define CANCEL_CHECK_MASK ((gsize) 0xffff)

/* Points of the Pareto curve, (0, 0) excluded. */
#define PARETO_STEPS 200

/* Buffers from this size are mapped with huge pages where possible. */
#define SCRATCH_MAP_THRESHOLD ((gsize) 4 << 20)

static const char * const rfm_segment_keys[] = {
  "champions", "loyal", "potential_loyalists", "new", "promising", "need_attention",
  "about_to_sleep", "at_risk", "cant_lose_them", "hibernating", "lost", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (rfm_segment_keys) == FID_RFM_N_SEGMENTS + 1);

static const char * const abc_segment_keys[] = { "A", "B", "C", NULL };

enum { ABC_A, ABC_B, ABC_C };

/* Indexed [r − 1][f − 1]: the table of the header comment. */
static const guint8 rfm_segment_table[5][5] = {
  { FID_RFM_HIBERNATING, FID_RFM_HIBERNATING, FID_RFM_AT_RISK, FID_RFM_AT_RISK, FID_RFM_CANT_LOSE_THEM },
  { FID_RFM_HIBERNATING, FID_RFM_HIBERNATING, FID_RFM_AT_RISK, FID_RFM_AT_RISK, FID_RFM_CANT_LOSE_THEM },
  { FID_RFM_ABOUT_TO_SLEEP, FID_RFM_ABOUT_TO_SLEEP, FID_RFM_NEED_ATTENTION, FID_RFM_LOYAL, FID_RFM_LOYAL },
  { FID_RFM_PROMISING, FID_RFM_POTENTIAL_LOYALISTS, FID_RFM_POTENTIAL_LOYALISTS, FID_RFM_LOYAL, FID_RFM_LOYAL },
  { FID_RFM_NEW, FID_RFM_POTENTIAL_LOYALISTS, FID_RFM_POTENTIAL_LOYALISTS, FID_RFM_CHAMPIONS, FID_RFM_CHAMPIONS },
};

const char * const *
fid_rfm_segment_keys (void)
{
  return rfm_segment_keys;
}

FidRfmSegment
fid_rfm_segment_for (int r,
                     int f)
{
  /* Scores of 0 are how lost customers are written; anything else out of
   * range cannot be a scored customer either. */
  if (r < 1 || r > 5 || f < 1 || f > 5)
    return FID_RFM_LOST;
  return (FidRfmSegment) rfm_segment_table[r - 1][f - 1];
}

/* The window ----------------------------------------------------------- */

typedef enum
{
  ROW_NONE,    /* not in the result */
  ROW_ACTIVE,  /* scored */
  ROW_LOST,    /* RFM and FRAT: before the window only */
} RowKind;

typedef struct
{
  const FidTxColumnsView *columns;
  gboolean                abc;             /* rows: revenue > 0, no lost */
  gint64                  first_excluded;  /* as_of − window_days */
  gint32                  as_of_day;
} Window;

/* The first index in [lo, hi) whose day is > @day (hi when none).
 * Branch-free: a customer's days are a few dozen, and the comparisons of
 * a search are coin tosses the branch predictor would mostly lose. */
static inline gsize
upper_bound (const gint32 *days,
             gsize         lo,
             gsize         hi,
             gint64        day)
{
  const gint32 *base = days + lo;
  gsize n = hi - lo;

  if (n == 0)
    return lo;
  while (n > 1)
    {
      gsize half = n / 2;

      base = (gint64) base[half] <= day ? base + half : base;
      n -= half;
    }
  return (gsize) (base - days) + ((gint64) *base <= day);
}

/* Whether customer @i is a row, and if so the range [*from, *to) of their
 * transactions inside the window, and for ABC their revenue in @sum. */
static inline RowKind
classify (const Window *w,
          gsize         i,
          gsize        *from,
          gsize        *to,
          gint64       *sum)
{
  const FidTxColumnsView *c = w->columns;
  gsize start = c->start[i];
  gsize end = c->start[i + 1];
  gsize first = upper_bound (c->day, start, end, w->first_excluded);

  if (first == end || c->day[first] > w->as_of_day)
    {
      *from = *to = first;
      /* Nothing in the window; lost when something came before it. */
      return !w->abc && first > start ? ROW_LOST : ROW_NONE;
    }

  *from = first;
  /* Usually nothing is later than as-of: spare the second search. */
  *to = c->day[end - 1] <= w->as_of_day ? end : upper_bound (c->day, first + 1, end, w->as_of_day);

  if (w->abc)
    {
      gint64 s = 0;

      for (gsize t = *from; t < *to; t++)
        s += c->amount_cents[t];
      *sum = s;
      return s > 0 ? ROW_ACTIVE : ROW_NONE;
    }
  return ROW_ACTIVE;
}

/* The number of RFM rows, so that the result's columns can be allocated
 * once and filled in place (cheaper than a customer-sized temporary
 * array). The rows are the customers with something in the window or
 * before it (lost): anything on or before as-of, so the first day tells. */
static gboolean
count_rfm_rows (const Window  *w,
                gsize         *n_rows,
                GCancellable  *cancellable,
                GError       **error)
{
  const FidTxColumnsView *c = w->columns;
  gsize n = 0;

  for (gsize i = 0; i < c->n_customers; i++)
    {
      if ((i & CANCEL_CHECK_MASK) == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      n += c->start[i] < c->start[i + 1] && c->day[c->start[i]] <= w->as_of_day;
    }
  *n_rows = n;
  return TRUE;
}

/* Scratch memory ---------------------------------------------------- */

typedef struct
{
  gpointer data;
  gsize    size;
  gboolean mapped;
} Scratch;

static void
scratch_alloc (Scratch *s,
               gsize    size)
{
  s->size = size;
  s->mapped = FALSE;
#if defined (G_OS_UNIX) && defined (MADV_HUGEPAGE)
  if (size >= SCRATCH_MAP_THRESHOLD)
    {
      void *p = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

      if (p != MAP_FAILED)
        {
          /* Advice only: without huge pages it is plain memory. */
          madvise (p, size, MADV_HUGEPAGE);
          s->data = p;
          s->mapped = TRUE;
          return;
        }
    }
#endif
  s->data = g_malloc (MAX (size, 1));
}

static void
scratch_free (Scratch *s)
{
#ifdef G_OS_UNIX
  if (s->mapped && s->data != NULL)
    munmap (s->data, s->size);
  else
#endif
    g_free (s->data);
  s->data = NULL;
}

/* Orderings ----------------------------------------------------------- */

static inline guint
bit_length (guint64 value)
{
  return value == 0 ? 0 : 64 - (guint) __builtin_clzll (value);
}

/* Stable LSD radix sort of @n @keys (with @rows alongside, when not NULL)
 * by their bits [@low_bit, @low_bit + @n_bits), a byte at a time, skipping
 * the bytes where every key agrees. @tmp_keys and @tmp_rows hold @n
 * entries each. */
static void
radix_sort (guint64 *keys,
            guint32 *rows,
            guint64 *tmp_keys,
            guint32 *tmp_rows,
            gsize    n,
            guint    low_bit,
            guint    n_bits)
{
  guint n_digits = (n_bits + 7) / 8;
  g_autofree gsize *counts = NULL;
  guint64 *key_src = keys, *key_dst = tmp_keys;
  guint32 *row_src = rows, *row_dst = tmp_rows;

  if (n < 2 || n_digits == 0)
    return;

  /* Every digit's histogram in one pass over the keys. */
  counts = g_new0 (gsize, (gsize) n_digits * 256);
  for (gsize i = 0; i < n; i++)
    {
      guint64 key = keys[i] >> low_bit;

      for (guint d = 0; d < n_digits; d++)
        counts[d * 256 + ((key >> (8 * d)) & 0xff)]++;
    }

  for (guint d = 0; d < n_digits; d++)
    {
      gsize *count = counts + d * 256;
      gsize next[256];
      gsize sum = 0;
      guint shift = low_bit + 8 * d;
      gboolean single = FALSE;

      for (guint b = 0; b < 256; b++)
        {
          single |= count[b] == n;
          next[b] = sum;
          sum += count[b];
        }
      if (single)
        continue;

      for (gsize i = 0; i < n; i++)
        {
          gsize p = next[(key_src[i] >> shift) & 0xff]++;

          key_dst[p] = key_src[i];
          if (row_src != NULL)
            row_dst[p] = row_src[i];
        }

      { guint64 *swap = key_src; key_src = key_dst; key_dst = swap; }
      { guint32 *swap = row_src; row_src = row_dst; row_dst = swap; }
    }

  if (key_src != keys)
    {
      memcpy (keys, key_src, n * sizeof *keys);
      if (rows != NULL)
        memcpy (rows, row_src, n * sizeof *rows);
    }
}

/* Rows in the order of a column: the row at position p is
 * ranking_row (r, p). When the key range and the row numbers fit in 64
 * bits together (always, short of sums in the billions of euros), each
 * key carries its row in its low bits and nothing else is sorted. */
typedef struct
{
  gsize   n;
  Scratch keys;
  Scratch rows;       /* only when the rows are not packed in the keys */
  guint   row_bits;
} Ranking;

static inline guint32
ranking_row (const Ranking *r,
             gsize          p)
{
  if (r->rows.data != NULL)
    return ((const guint32 *) r->rows.data)[p];
  return (guint32) (((const guint64 *) r->keys.data)[p] & ((G_GUINT64_CONSTANT (1) << r->row_bits) - 1));
}

/* Orders the @n_ranked rows of @values (of @n_rows; those whose segment
 * is FID_RFM_LOST skipped when @segments is not NULL) ascending, or
 * descending, then by row. */
static void
ranking_init (Ranking       *r,
              const gint64  *values,
              const guint8  *segments,
              gsize          n_rows,
              gsize          n_ranked,
              gboolean       descending)
{
  gint64 min = G_MAXINT64, max = G_MININT64;
  guint range_bits;
  gboolean packed;
  Scratch tmp_keys = { 0, }, tmp_rows = { 0, };
  guint64 *keys;
  guint32 *rows = NULL;
  gsize j = 0;

  memset (r, 0, sizeof *r);
  r->n = n_ranked;
  for (gsize i = 0; i < n_rows; i++)
    {
      if (segments != NULL && segments[i] == FID_RFM_LOST)
        continue;
      min = MIN (min, values[i]);
      max = MAX (max, values[i]);
    }

  /* Keys are offsets from the extreme that sorts first: unsigned, and as
   * few bits as the spread needs. */
  range_bits = n_ranked > 0 ? bit_length ((guint64) max - (guint64) min) : 0;
  r->row_bits = MAX (bit_length (n_rows > 0 ? n_rows - 1 : 0), 1);
  packed = range_bits + r->row_bits <= 64;

  scratch_alloc (&r->keys, MAX (n_ranked, 1) * sizeof (guint64));
  scratch_alloc (&tmp_keys, MAX (n_ranked, 1) * sizeof (guint64));
  keys = r->keys.data;
  if (!packed)
    {
      scratch_alloc (&r->rows, MAX (n_ranked, 1) * sizeof (guint32));
      scratch_alloc (&tmp_rows, MAX (n_ranked, 1) * sizeof (guint32));
      rows = r->rows.data;
    }

  for (gsize i = 0; i < n_rows; i++)
    {
      guint64 key;

      if (segments != NULL && segments[i] == FID_RFM_LOST)
        continue;
      key = descending ? (guint64) max - (guint64) values[i] : (guint64) values[i] - (guint64) min;
      if (packed)
        keys[j] = (key << r->row_bits) | i;
      else
        {
          keys[j] = key;
          rows[j] = (guint32) i;
        }
      j++;
    }

  radix_sort (keys, rows, tmp_keys.data, tmp_rows.data, n_ranked,
              packed ? r->row_bits : 0, range_bits);
  scratch_free (&tmp_keys);
  scratch_free (&tmp_rows);
}

static void
ranking_clear (Ranking *r)
{
  scratch_free (&r->keys);
  scratch_free (&r->rows);
}

/* NTILE (5) without a division per row (a 64-bit division costs more
 * than everything else done to a row): the first position of tiles 2..5,
 * and a position's tile is one more than the bounds it has reached. */
typedef struct
{
  gsize bound[4];
} Tiles;

static void
tiles_init (Tiles *t,
            gsize  n)
{
  gsize base = n / 5, extra = n % 5;

  for (gsize j = 0; j < 4; j++)
    t->bound[j] = (j + 1) * base + MIN (j + 1, extra);
}

static inline gint64
tiles_of (const Tiles *t,
          gsize        position)
{
  return 1 + (position >= t->bound[0]) + (position >= t->bound[1]) +
             (position >= t->bound[2]) + (position >= t->bound[3]);
}

/* NTILE (5) of every row but the lost, ordered by @values (ascending or
 * descending) then by row, in @scores. Values in a small non-negative
 * range (up to @max_value; −1 when unknown) go through a counting sort,
 * which gives each row its position without moving anything. */
static void
score_column (const gint64 *values,
              const guint8 *segments,
              gsize         n_rows,
              gsize         n_ranked,
              gint64        max_value,
              gboolean      descending,
              gint64       *scores)
{
  Tiles tiles;

  if (n_ranked == 0)
    return;
  tiles_init (&tiles, n_ranked);

  if (max_value >= 0 && max_value < G_MAXUINT32 &&
      (guint64) max_value < MAX ((guint64) n_ranked * 4, 1 << 16))
    {
      guint32 n_keys = (guint32) max_value + 1;
      g_autofree guint32 *next = g_new0 (guint32, n_keys);
      guint32 sum = 0;

      for (gsize i = 0; i < n_rows; i++)
        if (segments[i] != FID_RFM_LOST)
          next[values[i]]++;
      /* Counts become the first position of each value. */
      for (guint32 k = 0; k < n_keys; k++)
        {
          guint32 key = descending ? n_keys - 1 - k : k;
          guint32 count = next[key];

          next[key] = sum;
          sum += count;
        }
      for (gsize i = 0; i < n_rows; i++)
        if (segments[i] != FID_RFM_LOST)
          scores[i] = tiles_of (&tiles, next[values[i]]++);
    }
  else
    {
      Ranking ranking;

      ranking_init (&ranking, values, segments, n_rows, n_ranked, descending);
      for (gsize p = 0; p < n_ranked; p++)
        scores[ranking_row (&ranking, p)] = tiles_of (&tiles, p);
      ranking_clear (&ranking);
    }
}

static gboolean
check_window (guint     window_days,
              GError  **error)
{
  if (window_days > 0)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The analysis window must be at least one day long."));
  return FALSE;
}

/* RFM and FRAT --------------------------------------------------------- */

typedef struct
{
  gint64 *ids;
  gint64 *recency;
  gint64 *frequency;
  gint64 *monetary;
  gint64 *types;        /* FRAT only */
  guint8 *segments;
  gsize   n;            /* rows, as counted */
  gsize   n_active;
  gint64  max_frequency;
  gint64  max_types;
} RfmRows;

/* The second pass: ids and raw columns in place; lost rows keep their
 * zeros and get their segment, the others are segmented once scored. */
static gboolean
fill_rfm_rows (const Window  *w,
               RfmRows       *rows,
               GCancellable  *cancellable,
               GError       **error)
{
  const FidTxColumnsView *c = w->columns;
  gsize row = 0;

  for (gsize i = 0; i < c->n_customers; i++)
    {
      gsize from, to;
      gint64 sum = 0;
      RowKind kind;

      if ((i & CANCEL_CHECK_MASK) == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      kind = classify (w, i, &from, &to, &sum);
      if (kind == ROW_NONE)
        continue;
      /* The counting pass and this one must agree on who is a row. */
      g_assert (row < rows->n);

      rows->ids[row] = c->customer_id[i];
      if (kind == ROW_LOST)
        {
          rows->segments[row++] = FID_RFM_LOST;
          continue;
        }

      for (gsize t = from; t < to; t++)
        sum += c->amount_cents[t];
      rows->recency[row] = (gint64) w->as_of_day - c->day[to - 1];
      rows->frequency[row] = (gint64) (to - from);
      rows->monetary[row] = sum;
      rows->max_frequency = MAX (rows->max_frequency, (gint64) (to - from));
      if (rows->types != NULL)
        {
          guint64 seen = 0;
          gint64 types;

          /* Families are a handful (fid_product_families ()), well under 64. */
          for (gsize t = from; t < to; t++)
            seen |= G_GUINT64_CONSTANT (1) << (c->family[t] & 63);
          types = __builtin_popcountll (seen);
          rows->types[row] = types;
          rows->max_types = MAX (rows->max_types, types);
        }
      rows->n_active++;
      row++;
    }
  return TRUE;
}

FidSegmentation *
fid_rfm_compute (const FidTxColumnsView *columns,
                 gint32                  as_of_day,
                 guint                   window_days,
                 gboolean                frat,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_autoptr(FidSegmentation) result = NULL;
  g_autofree char *as_of = NULL;
  Window w;
  RfmRows rows = { 0, };
  guint col_recency, col_frequency, col_monetary, col_types = 0;
  guint col_r, col_f, col_m, col_t = 0;
  gint64 *r, *f;
  gsize n;

  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_window (window_days, error))
    return NULL;

  w.columns = columns;
  w.abc = FALSE;
  w.first_excluded = (gint64) as_of_day - window_days;
  w.as_of_day = as_of_day;
  if (!count_rfm_rows (&w, &n, cancellable, error))
    return NULL;

  as_of = fid_day_to_iso (as_of_day);
  result = fid_segmentation_new (frat ? "frat" : "rfm", as_of, window_days,
                                 rfm_segment_keys);
  col_recency = fid_segmentation_add_column (result, "recency_days", FID_COLUMN_INT);
  col_frequency = fid_segmentation_add_column (result, "frequency", FID_COLUMN_INT);
  col_monetary = fid_segmentation_add_column (result, "monetary", FID_COLUMN_INT);
  if (frat)
    col_types = fid_segmentation_add_column (result, "types", FID_COLUMN_INT);
  col_r = fid_segmentation_add_column (result, "r", FID_COLUMN_INT);
  col_f = fid_segmentation_add_column (result, "f", FID_COLUMN_INT);
  col_m = fid_segmentation_add_column (result, "m", FID_COLUMN_INT);
  if (frat)
    col_t = fid_segmentation_add_column (result, "t", FID_COLUMN_INT);
  fid_segmentation_set_size (result, n);

  rows.ids = fid_segmentation_get_ids_mut (result);
  rows.recency = fid_segmentation_get_int_column_mut (result, col_recency);
  rows.frequency = fid_segmentation_get_int_column_mut (result, col_frequency);
  rows.monetary = fid_segmentation_get_int_column_mut (result, col_monetary);
  rows.types = frat ? fid_segmentation_get_int_column_mut (result, col_types) : NULL;
  rows.segments = fid_segmentation_get_segments_mut (result);
  rows.n = n;
  if (!fill_rfm_rows (&w, &rows, cancellable, error))
    return NULL;

  /* The scores rank the active rows only: the lost ones keep their 0.
   * Recency descending: the most recent customers get the top tile. */
  r = fid_segmentation_get_int_column_mut (result, col_r);
  f = fid_segmentation_get_int_column_mut (result, col_f);
  score_column (rows.recency, rows.segments, n, rows.n_active, (gint64) window_days - 1, TRUE, r);
  score_column (rows.frequency, rows.segments, n, rows.n_active, rows.max_frequency, FALSE, f);
  score_column (rows.monetary, rows.segments, n, rows.n_active, -1, FALSE,
                fid_segmentation_get_int_column_mut (result, col_m));
  if (frat)
    score_column (rows.types, rows.segments, n, rows.n_active, rows.max_types, FALSE,
                  fid_segmentation_get_int_column_mut (result, col_t));

  for (gsize i = 0; i < n; i++)
    if (rows.segments[i] != FID_RFM_LOST)
      rows.segments[i] = fid_rfm_segment_for ((int) r[i], (int) f[i]);

  return g_steal_pointer (&result);
}

/* ABC ------------------------------------------------------------------ */

/* At most PARETO_STEPS + 1 points of the cumulative revenue share against
 * the customer share, from (0, 0) to (1, 1), the customers ranked by
 * revenue descending. Evenly spaced in customers, so the curve's knee is
 * drawn as finely as its tail. Empty when there is no customer. */
static GVariant *
build_pareto (const gint64  *revenue,
              const Ranking *ranking,
              gint64         total)
{
  GVariantBuilder builder;
  gsize n = ranking->n;
  gsize steps = MIN (n, (gsize) PARETO_STEPS);
  gsize done = 0;
  double cumulative = 0.0;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(dd)"));
  if (n == 0 || total <= 0)
    return g_variant_builder_end (&builder);

  g_variant_builder_add (&builder, "(dd)", 0.0, 0.0);
  for (gsize s = 1; s <= steps; s++)
    {
      gsize upto = (gsize) (((guint64) s * n) / steps);

      for (; done < upto; done++)
        cumulative += (double) revenue[ranking_row (ranking, done)];
      /* The last point is exact, not 0.9999…: the curve ends at (1, 1). */
      g_variant_builder_add (&builder, "(dd)",
                             s == steps ? 1.0 : (double) upto / (double) n,
                             s == steps ? 1.0 : cumulative / (double) total);
    }
  return g_variant_builder_end (&builder);
}

FidSegmentation *
fid_abc_compute (const FidTxColumnsView *columns,
                 gint32                  as_of_day,
                 guint                   window_days,
                 guint                   a_percent,
                 guint                   b_percent,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_autoptr(FidSegmentation) result = NULL;
  g_autofree char *as_of = NULL;
  Window w;
  Ranking ranking;
  Scratch sums_memory;
  guint col_revenue, col_rank;
  gint64 *sums, *ids, *revenue, *rank;
  guint8 *segments;
  gint64 total = 0;
  gsize n = 0, row = 0;

  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_window (window_days, error))
    return NULL;
  if (a_percent == 0 || a_percent >= b_percent || b_percent > 100)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The ABC shares must satisfy 0 < A < B ≤ 100 %% (got A %u %%, B %u %%)."),
                   a_percent, b_percent);
      return NULL;
    }

  w.columns = columns;
  w.abc = TRUE;
  w.first_excluded = (gint64) as_of_day - window_days;
  w.as_of_day = as_of_day;

  /* Unlike RFM, who is a row depends on the sums, the costly part: they
   * are kept, one per customer, rather than computed twice. */
  scratch_alloc (&sums_memory, MAX (columns->n_customers, 1) * sizeof (gint64));
  sums = sums_memory.data;
  for (gsize i = 0; i < columns->n_customers; i++)
    {
      gsize from, to;
      gint64 sum = 0;

      if ((i & CANCEL_CHECK_MASK) == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          scratch_free (&sums_memory);
          return NULL;
        }
      sums[i] = classify (&w, i, &from, &to, &sum) == ROW_ACTIVE ? sum : 0;
      n += sums[i] > 0;
    }

  as_of = fid_day_to_iso (as_of_day);
  result = fid_segmentation_new ("abc", as_of, window_days, abc_segment_keys);
  /* A, B and C are classes in the Pareto literature, and in the CSV. */
  fid_segmentation_set_segment_column_name (result, "class");
  col_revenue = fid_segmentation_add_column (result, "revenue", FID_COLUMN_INT);
  col_rank = fid_segmentation_add_column (result, "rank", FID_COLUMN_INT);
  fid_segmentation_set_size (result, n);
  ids = fid_segmentation_get_ids_mut (result);
  revenue = fid_segmentation_get_int_column_mut (result, col_revenue);
  rank = fid_segmentation_get_int_column_mut (result, col_rank);
  segments = fid_segmentation_get_segments_mut (result);

  for (gsize i = 0; i < columns->n_customers; i++)
    {
      if (sums[i] <= 0)
        continue;
      ids[row] = columns->customer_id[i];
      revenue[row] = sums[i];
      total += sums[i];
      row++;
    }
  scratch_free (&sums_memory);

  /* Revenue descending, then id: a stable sort of rows in id order. */
  ranking_init (&ranking, revenue, NULL, n, n, TRUE);
  for (gsize p = 0; p < n; p++)
    {
      guint64 k = (guint64) p + 1;
      guint32 i = ranking_row (&ranking, p);

      rank[i] = (gint64) k;
      /* Integer comparisons, as the definition is written: no rounding. */
      if (100 * k <= (guint64) a_percent * n)
        segments[i] = ABC_A;
      else if (100 * k <= (guint64) b_percent * n)
        segments[i] = ABC_B;
      else
        segments[i] = ABC_C;
    }

  fid_segmentation_set_extra (result, "a_percent", g_variant_new_uint32 (a_percent));
  fid_segmentation_set_extra (result, "b_percent", g_variant_new_uint32 (b_percent));
  fid_segmentation_set_extra (result, "total_revenue", g_variant_new_int64 (total));
  fid_segmentation_set_extra (result, "pareto", build_pareto (revenue, &ranking, total));
  ranking_clear (&ranking);

  return g_steal_pointer (&result);
}
