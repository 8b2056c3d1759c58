/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Lifecycle stage (issue 5), derived from the data rather than typed in.
 *
 * Definitions, so that any SQL engine gives the same rows. Every customer
 * of the customers table is classified, by the first rule that holds; all
 * dates are compared as days, a date-time by its date, and "within N
 * days" means as_of − day ≤ N, "more than N days before" as_of − day > N
 * (the two are complements). Only what happened on or before as_of counts.
 *
 *   start         the earliest of the first transaction and the opening of
 *                 the first holding (holdings.opened_on);
 *   last          the last transaction.
 *
 *   prospect      no transaction and no holding;
 *   lost          last is more than lost_days before as_of;
 *   inactive      last is more than inactive_days before as_of;
 *   reactivated   two consecutive transactions more than inactive_days
 *                 apart, the later one within new_days;
 *   new           start within new_days (the relationship is new: a long
 *                 standing holder's first card payment is not);
 *   dissatisfied  a complaint open at as_of (opened on or before it, and
 *                 either still open or in progress, or resolved after
 *                 as_of), or a complaint opened within new_days, or the
 *                 latest survey answer (fid-loyalty.c) is an NPS below 7
 *                 or a CSAT below 4;
 *   satisfied     the latest survey answer is an NPS of 9 or more or a
 *                 CSAT of 4 or more;
 *   active        otherwise (an NPS of 7 or 8, or no answer).
 *
 * A customer with holdings but no transaction skips the three rules about
 * the last transaction. Columns: days_since_last = as_of − last (−1
 * without transactions); tenure_days = as_of − start (−1 for prospects). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fid-value-private.h"

#define MAX_DAYS 36525

static const char * const segment_keys[] = {
  "prospect", "new", "active", "satisfied", "dissatisfied", "inactive", "lost", "reactivated", NULL
};
enum {
  STAGE_PROSPECT, STAGE_NEW, STAGE_ACTIVE, STAGE_SATISFIED, STAGE_DISSATISFIED, STAGE_INACTIVE,
  STAGE_LOST, STAGE_REACTIVATED, N_STAGES
};
/* DOMAIN.md's action of each stage, in segment order. */
static const char * const action_keys[N_STAGES] = {
  "initiate", "establish", "develop", "develop", "stabilise", "reactivate", "re_initiate", "establish"
};

typedef struct
{
  gsize     n;
  gint64   *ids;
  gint32   *first_holding;    /* G_MAXINT32: none */
  gint32   *last_complaint;   /* G_MININT32: none */
  guint8   *open_complaint;
} Inputs;

static void
inputs_clear (Inputs *inputs)
{
  g_free (inputs->ids);
  g_free (inputs->first_holding);
  g_free (inputs->last_complaint);
  g_free (inputs->open_complaint);
}

void
fid_lifecycle_params_init (FidLifecycleParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->as_of = NULL;   /* today */
  params->new_days = 90;
  params->inactive_days = 180;
  params->lost_days = 365;
}

const char *
fid_lifecycle_action_key (const char *stage)
{
  g_return_val_if_fail (stage != NULL, NULL);

  for (int s = 0; s < N_STAGES; s++)
    if (g_str_equal (stage, segment_keys[s]))
      return action_keys[s];
  return NULL;
}

static gboolean
check_params (const FidLifecycleParams  *params,
              GError                   **error)
{
  const struct { guint days; const char *what; } limits[] = {
    { params->new_days, N_("new") },
    { params->inactive_days, N_("inactive") },
    { params->lost_days, N_("lost") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    if (limits[i].days > MAX_DAYS)
      {
        /* Translators: the second %s is a lifecycle stage (new, inactive, lost). */
        g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                     _("%u days is not possible for the “%s” rule: choose at most %u days."),
                     limits[i].days, _(limits[i].what), MAX_DAYS);
        return FALSE;
      }
  return TRUE;
}

/* The customers, their first holding and their complaints, in one read. */
static gboolean
read_inputs (Inputs        *inputs,
             FidValueRead  *read,
             const char    *to,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean has_row, ok;

  stmt = fid_store_prepare (read->store, "SELECT id FROM customers ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((ok = fid_value_read_step (read, stmt, &has_row, _("read the customers"), error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!ok)
    return FALSE;
  inputs->n = ids->len;
  inputs->ids = (gint64 *) (gpointer) g_array_free (g_steal_pointer (&ids), FALSE);
  inputs->first_holding = g_new (gint32, MAX (inputs->n, 1));
  inputs->last_complaint = g_new (gint32, MAX (inputs->n, 1));
  inputs->open_complaint = g_new0 (guint8, MAX (inputs->n, 1));
  for (gsize k = 0; k < inputs->n; k++)
    {
      inputs->first_holding[k] = G_MAXINT32;
      inputs->last_complaint[k] = G_MININT32;
    }

  stmt = fid_store_prepare (read->store,
                            "SELECT customer_id, min (opened_on) FROM holdings"
                            " WHERE opened_on < ?1 GROUP BY customer_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, to, -1, SQLITE_TRANSIENT);
  while ((ok = fid_value_read_step (read, stmt, &has_row, _("read the products held"), error)) && has_row)
    {
      gssize k = fid_value_find_id (inputs->ids, inputs->n, sqlite3_column_int64 (stmt, 0));
      gint32 day = fid_value_day_of (fid_sqlite_text (stmt, 1));

      if (k >= 0 && day != G_MININT32)
        inputs->first_holding[k] = day;
    }
  if (!ok)
    return FALSE;

  /* A complaint resolved after as_of was still open on that day. */
  stmt = fid_store_prepare (read->store,
                            "SELECT customer_id, max (opened_at),"
                            " max (status IN ('open', 'in_progress') OR coalesce (resolved_at >= ?1, 0))"
                            " FROM tickets WHERE kind = 'complaint' AND opened_at < ?1"
                            " GROUP BY customer_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, to, -1, SQLITE_TRANSIENT);
  while ((ok = fid_value_read_step (read, stmt, &has_row, _("read the complaints"), error)) && has_row)
    {
      gssize k = fid_value_find_id (inputs->ids, inputs->n, sqlite3_column_int64 (stmt, 0));

      if (k < 0)
        continue;
      inputs->last_complaint[k] = fid_value_day_of (fid_sqlite_text (stmt, 1));
      inputs->open_complaint[k] = sqlite3_column_int (stmt, 2) != 0;
    }
  return ok;
}

/* First and last transaction on or before @as_of_day, and whether a gap
 * of more than @inactive_days ends within @new_days. */
static void
scan_transactions (const FidTxColumnsView   *columns,
                   gssize                    row,
                   gint32                    as_of_day,
                   const FidLifecycleParams *params,
                   gint32                   *first,
                   gint32                   *last,
                   gboolean                 *reactivated)
{
  *first = G_MAXINT32;
  *last = G_MININT32;
  *reactivated = FALSE;
  if (row < 0)
    return;
  for (guint32 t = columns->start[row]; t < columns->start[row + 1] && columns->day[t] <= as_of_day; t++)
    {
      gint32 day = columns->day[t];

      if (*last != G_MININT32 && (gint64) day - *last > params->inactive_days &&
          (gint64) as_of_day - day <= params->new_days)
        *reactivated = TRUE;
      if (*first == G_MAXINT32)
        *first = day;
      *last = day;
    }
}

static int
stage_of (const FidLifecycleParams *params,
          gint32                    as_of_day,
          gint32                    first,
          gint32                    last,
          gboolean                  reactivated,
          gint32                    first_holding,
          gint32                    last_complaint,
          gboolean                  open_complaint,
          int                       answer,
          int                       scale)
{
  gboolean has_tx = last != G_MININT32;
  gint32 start = MIN (first, first_holding);

  if (!has_tx && first_holding == G_MAXINT32)
    return STAGE_PROSPECT;
  if (has_tx && (gint64) as_of_day - last > params->lost_days)
    return STAGE_LOST;
  if (has_tx && (gint64) as_of_day - last > params->inactive_days)
    return STAGE_INACTIVE;
  if (has_tx && reactivated)
    return STAGE_REACTIVATED;
  if ((gint64) as_of_day - start <= params->new_days)
    return STAGE_NEW;
  if (open_complaint ||
      (last_complaint != G_MININT32 && (gint64) as_of_day - last_complaint <= params->new_days) ||
      (scale == 10 && answer < 7) || (scale == 5 && answer < 4))
    return STAGE_DISSATISFIED;
  if ((scale == 10 && answer >= 9) || (scale == 5 && answer >= 4))
    return STAGE_SATISFIED;
  return STAGE_ACTIVE;
}

FidSegmentation *
fid_lifecycle_compute (FidStore                  *store,
                       const FidTxColumnsView    *columns,
                       const FidLifecycleParams  *params,
                       GCancellable              *cancellable,
                       GError                   **error)
{
  g_autoptr(FidSegmentation) result = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *to = NULL;
  FidValueAnswers answers = { 0, };
  FidValueRead read = { 0, };
  Inputs inputs = { 0, };
  gint64 *ids, *since_last, *tenure;
  guint8 *segments;
  gint32 as_of_day;
  gsize a = 0, row = 0;
  gboolean ok;

  g_return_val_if_fail (FID_IS_STORE (store), NULL);
  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_params (params, error) ||
      !fid_value_check_dates (params->as_of, 0, FALSE, &as_of_day, &as_of, NULL, &to, error) ||
      !fid_value_read_begin (&read, store, cancellable, error))
    return NULL;
  ok = read_inputs (&inputs, &read, to, error) &&
       fid_value_answers_read (&answers, &read, to, error);
  fid_value_read_end (&read);
  if (!ok)
    goto out;

  result = fid_segmentation_new ("lifecycle", as_of, 0, segment_keys);
  fid_segmentation_add_column (result, "days_since_last", FID_COLUMN_INT);
  fid_segmentation_add_column (result, "tenure_days", FID_COLUMN_INT);
  fid_segmentation_set_size (result, inputs.n);
  ids = fid_segmentation_get_ids_mut (result);
  segments = fid_segmentation_get_segments_mut (result);
  since_last = fid_segmentation_get_int_column_mut (result, 0);
  tenure = fid_segmentation_get_int_column_mut (result, 1);

  /* Customers, answers and the columns all ascend by id: walk them
   * together. */
  for (gsize k = 0; k < inputs.n; k++)
    {
      gint64 id = inputs.ids[k];
      gint32 first, last, start;
      gboolean reactivated;
      int answer = -1, scale = 0;

      if (FID_VALUE_CANCELLED (k, cancellable, error))
        {
          ok = FALSE;
          goto out;
        }
      while (row < columns->n_customers && columns->customer_id[row] < id)
        row++;
      while (a < answers.n && answers.ids[a] < id)
        a++;
      if (a < answers.n && answers.ids[a] == id)
        {
          answer = answers.value[a];
          scale = answers.scale[a];
        }
      scan_transactions (columns,
                         row < columns->n_customers && columns->customer_id[row] == id ? (gssize) row : -1,
                         as_of_day, params, &first, &last, &reactivated);
      start = MIN (first, inputs.first_holding[k]);

      ids[k] = id;
      segments[k] = (guint8) stage_of (params, as_of_day, first, last, reactivated,
                                       inputs.first_holding[k], inputs.last_complaint[k],
                                       inputs.open_complaint[k], answer, scale);
      since_last[k] = last != G_MININT32 ? (gint64) as_of_day - last : -1;
      tenure[k] = start != G_MAXINT32 ? (gint64) as_of_day - start : -1;
    }

out:
  inputs_clear (&inputs);
  fid_value_answers_clear (&answers);
  return ok ? g_steal_pointer (&result) : NULL;
}
