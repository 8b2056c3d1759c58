/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers of the segmentation tests: a FidTxColumnsView built by hand from
 * arrays (so the arithmetic is tested without the column cache), and a
 * segmentation rendered one line per row for comparisons that name the
 * first row that differs. */

#include <glib.h>

#include "fid-segmentation.h"
#include "fid-tx-columns.h"

/* A FidTxColumnsView and the arrays it points into. */
typedef struct
{
  FidTxColumnsView view;
  GArray          *ids;
  GArray          *start;
  GArray          *day;
  GArray          *amount;
  GArray          *margin;
  GArray          *family;
} Columns;

static inline Columns *
columns_new (void)
{
  Columns *c = g_new0 (Columns, 1);

  c->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->start = g_array_new (FALSE, FALSE, sizeof (guint32));
  c->day = g_array_new (FALSE, FALSE, sizeof (gint32));
  c->amount = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->margin = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->family = g_array_new (FALSE, FALSE, sizeof (guint8));
  return c;
}

static inline void
columns_free (Columns *c)
{
  g_array_unref (c->ids);
  g_array_unref (c->start);
  g_array_unref (c->day);
  g_array_unref (c->amount);
  g_array_unref (c->margin);
  g_array_unref (c->family);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Columns, columns_free)

/* Appends one transaction (@day absolute); customers must come in
 * ascending id and days ascending within one. */
static inline void
columns_add (Columns *c,
             gint64   customer,
             gint32   day,
             gint64   amount,
             guint8   family)
{
  guint32 index = c->day->len;
  gint64 margin = amount / 10;

  if (c->ids->len == 0 || g_array_index (c->ids, gint64, c->ids->len - 1) != customer)
    {
      g_assert_true (c->ids->len == 0 || g_array_index (c->ids, gint64, c->ids->len - 1) < customer);
      g_array_append_val (c->ids, customer);
      g_array_append_val (c->start, index);
    }
  else
    g_assert_cmpint (g_array_index (c->day, gint32, index - 1), <=, day);

  g_array_append_val (c->day, day);
  g_array_append_val (c->amount, amount);
  g_array_append_val (c->margin, margin);
  g_array_append_val (c->family, family);
}

/* Points the view at the arrays; call once every transaction is in. */
static inline const FidTxColumnsView *
columns_view (Columns *c)
{
  guint32 end = c->day->len;

  g_array_append_val (c->start, end);
  c->view.n_customers = c->ids->len;
  c->view.customer_id = (const gint64 *) c->ids->data;
  c->view.start = (const guint32 *) c->start->data;
  c->view.n_transactions = c->day->len;
  c->view.day = (const gint32 *) c->day->data;
  c->view.amount_cents = (const gint64 *) c->amount->data;
  c->view.margin_cents = (const gint64 *) c->margin->data;
  c->view.family = (const guint8 *) c->family->data;
  return &c->view;
}

/* One line per row: "id|col…|segment", so that a mismatch names the row. */
static inline char *
render (FidSegmentation *s)
{
  GString *out = g_string_new (NULL);
  guint n_columns = fid_segmentation_get_n_columns (s);
  const gint64 *ids = fid_segmentation_get_ids (s);
  const guint8 *segments = fid_segmentation_get_segments (s);

  for (gsize i = 0; i < fid_segmentation_get_size (s); i++)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, ids[i]);
      for (guint c = 0; c < n_columns; c++)
        g_string_append_printf (out, "|%" G_GINT64_FORMAT,
                                fid_segmentation_get_int_column (s, c)[i]);
      g_string_append_printf (out, "|%s\n", fid_segmentation_get_segment_key (s, segments[i]));
    }
  return g_string_free (out, FALSE);
}

/* Compares line by line, naming the first line that differs. */
static inline void
assert_same_lines (const char *actual,
                   const char *expected)
{
  g_auto(GStrv) a = g_strsplit (actual, "\n", -1);
  g_auto(GStrv) e = g_strsplit (expected, "\n", -1);

  for (guint i = 0; a[i] != NULL || e[i] != NULL; i++)
    {
      g_assert_cmpstr (a[i], ==, e[i]);
      if (a[i] == NULL)
        break;
    }
}

