/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Dick & Basu (1994) loyalty (issue 5): relative attitude × repeat
 * purchase.
 *
 * Definitions, so that any SQL engine gives the same rows:
 *
 * Window: the days d with as_of − window_days < d ≤ as_of (fid-rfm.h).
 *
 * Answer: a survey response of a customer to a survey of kind 'nps' or
 * 'csat', answered on or before as_of (the date of answered_at ≤ as_of),
 * with its answer whose part is 'score', valid on the survey's scale
 * (0–10 for NPS, 1–5 for CSAT; other values are ignored). When a response
 * scores several items, the item of lowest position counts. The latest
 * answer of a customer is the one with the greatest answered_at, then the
 * greatest response id; NPS and CSAT compete, so it may be either.
 *
 * attitude = the latest answer's value (−1 when none); attitude_scale =
 * 10 for NPS, 5 for CSAT (0 when none). Favourable when attitude ≥
 * nps_threshold (NPS) or ≥ csat_threshold (CSAT).
 * frequency = the number of the customer's transactions in the window.
 * median_frequency = PERCENTILE_CONT (0.5) (fid-profitability.c) of the
 * frequencies of the customers with at least one transaction in the
 * window. Repeat purchase is high when frequency > median_frequency.
 *
 * Population: the customers with a transaction in the window, and those
 * with an answer (who may have none: frequency 0, so low repeat).
 * Segments: not_measured without an answer; otherwise true_loyalty
 * (favourable, high), latent_loyalty (favourable, low), spurious_loyalty
 * (unfavourable, high), no_loyalty (unfavourable, low).
 * Extras: median_frequency (d). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fid-value-private.h"

static const char * const segment_keys[] = {
  "true_loyalty", "latent_loyalty", "spurious_loyalty", "no_loyalty", "not_measured", NULL
};
enum { SEG_TRUE, SEG_LATENT, SEG_SPURIOUS, SEG_NONE, SEG_NOT_MEASURED };

/* Latest answers (shared with fid-lifecycle.c) */

gboolean
fid_value_answers_read (FidValueAnswers  *answers,
                        FidValueRead     *read,
                        const char       *to,
                        GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint8));
  g_autoptr(GArray) scales = g_array_new (FALSE, FALSE, sizeof (guint8));
  sqlite3_stmt *stmt;
  gboolean has_row, ok;
  gint64 previous = G_MININT64;

  memset (answers, 0, sizeof *answers);
  /* Sorted so that each customer's latest answer comes first: one pass
   * keeps it and skips the others. */
  stmt = fid_store_prepare (read->store,
                            "SELECT r.customer_id, s.kind, a.value FROM survey_responses r"
                            " JOIN surveys s ON s.id = r.survey_id"
                            " JOIN survey_answers a ON a.response_id = r.id AND a.part = 'score'"
                            " JOIN survey_items i ON i.id = a.item_id"
                            " WHERE s.kind IN ('nps', 'csat') AND r.customer_id IS NOT NULL"
                            "  AND r.answered_at < ?1"
                            "  AND a.value BETWEEN (CASE s.kind WHEN 'nps' THEN 0 ELSE 1 END)"
                            "   AND (CASE s.kind WHEN 'nps' THEN 10 ELSE 5 END)"
                            " ORDER BY r.customer_id, r.answered_at DESC, r.id DESC, i.position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, to, -1, SQLITE_TRANSIENT);
  while ((ok = fid_value_read_step (read, stmt, &has_row, _("read the survey answers"), error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint8 value = (gint8) sqlite3_column_int (stmt, 2);
      guint8 scale = g_str_equal (fid_sqlite_text (stmt, 1), "nps") ? 10 : 5;

      if (id == previous)
        continue;
      previous = id;
      g_array_append_val (ids, id);
      g_array_append_val (values, value);
      g_array_append_val (scales, scale);
    }
  if (!ok)
    return FALSE;

  answers->n = ids->len;
  answers->ids = (gint64 *) (gpointer) g_array_free (g_steal_pointer (&ids), FALSE);
  answers->value = (gint8 *) (gpointer) g_array_free (g_steal_pointer (&values), FALSE);
  answers->scale = (guint8 *) (gpointer) g_array_free (g_steal_pointer (&scales), FALSE);
  return TRUE;
}

void
fid_value_answers_clear (FidValueAnswers *answers)
{
  g_clear_pointer (&answers->ids, g_free);
  g_clear_pointer (&answers->value, g_free);
  g_clear_pointer (&answers->scale, g_free);
  answers->n = 0;
}

/* Public API */

void
fid_loyalty_params_init (FidLoyaltyParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->as_of = NULL;   /* today */
  params->window_days = 365;
  params->nps_threshold = 7;
  params->csat_threshold = 4;
}

static gboolean
check_params (const FidLoyaltyParams  *params,
              GError                 **error)
{
  if (params->nps_threshold < 0 || params->nps_threshold > 10)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("The NPS threshold %d is not on the NPS scale: choose from 0 to 10."),
                   params->nps_threshold);
      return FALSE;
    }
  if (params->csat_threshold < 1 || params->csat_threshold > 5)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("The CSAT threshold %d is not on the CSAT scale: choose from 1 to 5."),
                   params->csat_threshold);
      return FALSE;
    }
  return TRUE;
}

/* Transactions in the window of every customer of the columns who has
 * one: ascending ids and counts. */
static gboolean
window_frequencies (const FidTxColumnsView  *columns,
                    gint32                   as_of_day,
                    guint                    window_days,
                    GArray                  *ids,
                    GArray                  *frequencies,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  gint64 after = (gint64) as_of_day - window_days;

  for (gsize i = 0; i < columns->n_customers; i++)
    {
      gint64 count = 0;

      if (FID_VALUE_CANCELLED (i, cancellable, error))
        return FALSE;
      for (guint32 t = columns->start[i]; t < columns->start[i + 1] && columns->day[t] <= as_of_day; t++)
        if (columns->day[t] > after)
          count++;
      if (count > 0)
        {
          g_array_append_val (ids, columns->customer_id[i]);
          g_array_append_val (frequencies, count);
        }
    }
  return TRUE;
}

FidSegmentation *
fid_loyalty_compute (FidStore                *store,
                     const FidTxColumnsView  *columns,
                     const FidLoyaltyParams  *params,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  g_autoptr(FidSegmentation) result = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) frequencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *as_of = NULL;
  g_autofree char *to = NULL;
  g_autofree double *sorted = NULL;
  FidValueAnswers answers = { 0, };
  FidValueRead read = { 0, };
  gint64 *out_ids, *attitude, *scale, *frequency;
  guint8 *segments;
  double median;
  gint32 as_of_day;
  gsize n, a, w, k;
  gboolean ok;

  g_return_val_if_fail (FID_IS_STORE (store), NULL);
  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_params (params, error) ||
      !fid_value_check_dates (params->as_of, params->window_days, TRUE, &as_of_day, &as_of, NULL, &to, error) ||
      !window_frequencies (columns, as_of_day, params->window_days, ids, frequencies, cancellable, error) ||
      !fid_value_read_begin (&read, store, cancellable, error))
    return NULL;
  ok = fid_value_answers_read (&answers, &read, to, error);
  fid_value_read_end (&read);
  if (!ok)
    return NULL;

  sorted = g_new (double, MAX (frequencies->len, 1));
  for (guint i = 0; i < frequencies->len; i++)
    sorted[i] = (double) g_array_index (frequencies, gint64, i);
  median = fid_value_percentile_cont (sorted, frequencies->len, 0.5);

  /* The population is the union of two ascending id lists: count it, then
   * merge them into the result. */
  for (n = 0, a = 0, w = 0; a < answers.n || w < ids->len; n++)
    {
      gint64 wid = w < ids->len ? g_array_index (ids, gint64, w) : G_MAXINT64;
      gint64 aid = a < answers.n ? answers.ids[a] : G_MAXINT64;

      a += aid <= wid;
      w += wid <= aid;
    }

  result = fid_segmentation_new ("loyalty", as_of, params->window_days, segment_keys);
  fid_segmentation_add_column (result, "attitude", FID_COLUMN_INT);
  fid_segmentation_add_column (result, "attitude_scale", FID_COLUMN_INT);
  fid_segmentation_add_column (result, "frequency", FID_COLUMN_INT);
  fid_segmentation_set_size (result, n);
  out_ids = fid_segmentation_get_ids_mut (result);
  segments = fid_segmentation_get_segments_mut (result);
  attitude = fid_segmentation_get_int_column_mut (result, 0);
  scale = fid_segmentation_get_int_column_mut (result, 1);
  frequency = fid_segmentation_get_int_column_mut (result, 2);

  for (k = 0, a = 0, w = 0; k < n; k++)
    {
      gint64 wid = w < ids->len ? g_array_index (ids, gint64, w) : G_MAXINT64;
      gint64 aid = a < answers.n ? answers.ids[a] : G_MAXINT64;
      gboolean answered = aid <= wid, bought = wid <= aid;

      out_ids[k] = MIN (wid, aid);
      frequency[k] = bought ? g_array_index (frequencies, gint64, w) : 0;
      attitude[k] = answered ? answers.value[a] : -1;
      scale[k] = answered ? answers.scale[a] : 0;
      if (!answered)
        segments[k] = SEG_NOT_MEASURED;
      else
        {
          int threshold = answers.scale[a] == 10 ? params->nps_threshold : params->csat_threshold;
          gboolean favourable = attitude[k] >= threshold;
          gboolean repeat = (double) frequency[k] > median;

          segments[k] = favourable ? (repeat ? SEG_TRUE : SEG_LATENT) : (repeat ? SEG_SPURIOUS : SEG_NONE);
        }
      a += answered;
      w += bought;
    }

  fid_segmentation_set_extra (result, "median_frequency", g_variant_new_double (median));
  fid_value_answers_clear (&answers);
  return g_steal_pointer (&result);
}
