/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <stdio.h>

G_BEGIN_DECLS

/* FidSegmentation: what a segmentation analysis computed, one row per
 * customer, in ascending customer id:
 *   - the customer's segment, an index into the scheme's segment keys
 *     (stable, untranslated: "champions", "A", "desirables"…; the key is
 *     what a snapshot stores);
 *   - named per-customer columns (integers or reals: recency_days, r, f,
 *     m, revenue, current, potential…), in the order the CLI writes them;
 *   - summary figures of the whole run (medians used as splits, the
 *     Pareto curve's points…) as an a{sv} of "extras".
 * Immutable once returned by an analysis, so it can cross from the worker
 * thread to the UI. Views group customers by segment or by any column
 * (the RFM grid groups by r and f) and hand the ids of a group to the
 * customer list. */

#define FID_TYPE_SEGMENTATION (fid_segmentation_get_type ())

G_DECLARE_FINAL_TYPE (FidSegmentation, fid_segmentation, FID, SEGMENTATION, GObject)

typedef enum
{
  FID_COLUMN_INT,     /* gint64 */
  FID_COLUMN_DOUBLE,  /* double */
} FidColumnType;

/* @scheme: "rfm", "frat", "abc", "profitability", "loyalty", "clv",
 * "lifecycle". @as_of: YYYY-MM-DD. @segment_keys: NULL-terminated. */
FidSegmentation    *fid_segmentation_new             (const char          *scheme,
                                                      const char          *as_of,
                                                      guint                window_days,
                                                      const char * const  *segment_keys);
/* The name of the segment field in CSV and JSON ("segment"; ABC calls it
 * "class"). */
void                fid_segmentation_set_segment_column_name (FidSegmentation *self,
                                                      const char          *name);
const char         *fid_segmentation_get_segment_column_name (FidSegmentation *self);
/* Building (the analysis only, before returning it). */
guint               fid_segmentation_add_column      (FidSegmentation     *self,
                                                      const char          *name,
                                                      FidColumnType        type);
/* Sets the number of customers; allocates ids, segments and columns
 * (zero-filled). Call after adding the columns. */
void                fid_segmentation_set_size        (FidSegmentation     *self,
                                                      gsize                n_customers);
gint64             *fid_segmentation_get_ids_mut     (FidSegmentation     *self);
guint8             *fid_segmentation_get_segments_mut (FidSegmentation    *self);
gint64             *fid_segmentation_get_int_column_mut (FidSegmentation  *self,
                                                      guint                column);
double             *fid_segmentation_get_double_column_mut (FidSegmentation *self,
                                                      guint                column);
/* @value is sunk if floating. */
void                fid_segmentation_set_extra       (FidSegmentation     *self,
                                                      const char          *name,
                                                      GVariant            *value);

/* Reading. */
const char         *fid_segmentation_get_scheme      (FidSegmentation     *self);
const char         *fid_segmentation_get_as_of       (FidSegmentation     *self);
guint               fid_segmentation_get_window_days (FidSegmentation     *self);
gsize               fid_segmentation_get_size        (FidSegmentation     *self);
const gint64       *fid_segmentation_get_ids         (FidSegmentation     *self);
const guint8       *fid_segmentation_get_segments    (FidSegmentation     *self);
guint               fid_segmentation_get_n_segments  (FidSegmentation     *self);
const char         *fid_segmentation_get_segment_key (FidSegmentation     *self,
                                                      guint                segment);
/* -1 when @key is not one of the scheme's segments. */
int                 fid_segmentation_find_segment    (FidSegmentation     *self,
                                                      const char          *key);
guint               fid_segmentation_get_n_columns   (FidSegmentation     *self);
const char         *fid_segmentation_get_column_name (FidSegmentation     *self,
                                                      guint                column);
FidColumnType       fid_segmentation_get_column_type (FidSegmentation     *self,
                                                      guint                column);
/* -1 when there is no such column. */
int                 fid_segmentation_find_column     (FidSegmentation     *self,
                                                      const char          *name);
const gint64       *fid_segmentation_get_int_column  (FidSegmentation     *self,
                                                      guint                column);
const double       *fid_segmentation_get_double_column (FidSegmentation   *self,
                                                      guint                column);
/* Any column as a double (integers converted). */
double              fid_segmentation_get_value       (FidSegmentation     *self,
                                                      guint                column,
                                                      gsize                row);
/* NULL when not set; owned by @self. */
GVariant           *fid_segmentation_get_extra       (FidSegmentation     *self,
                                                      const char          *name);

/* Customers per segment: an array of n_segments guint64 counts, and,
 * when @column is >= 0, the sum of that column per segment in @sums
 * (n_segments doubles; NULL to skip). */
void                fid_segmentation_count           (FidSegmentation     *self,
                                                      guint64             *counts,
                                                      int                  column,
                                                      double              *sums);
/* The ids (ascending, gint64) of the customers in @segment. */
GArray             *fid_segmentation_dup_segment_ids (FidSegmentation     *self,
                                                      guint                segment);

/* One line per customer: "customer_id,<columns…>,segment" with a header,
 * RFC 4180, LF line ends (a machine format: compare with any SQL engine).
 * Reals are written with %.6f. */
gboolean            fid_segmentation_write_csv       (FidSegmentation     *self,
                                                      FILE                *out,
                                                      GError             **error);
/* The same as a JSON array of objects, one per customer. */
gboolean            fid_segmentation_write_json      (FidSegmentation     *self,
                                                      FILE                *out,
                                                      GError             **error);

G_END_DECLS
