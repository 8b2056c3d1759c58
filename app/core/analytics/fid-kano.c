/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Kano model (issue 6): the evaluation table, the per-feature counts
 * and coefficients, and Fong's significance test. Definitions in
 * fid-kano.h. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fid-kano.h"

static const char * const category_keys[] = { "A", "O", "M", "I", "R", "Q", NULL };

/* The evaluation table of the issue, rows = functional 1..5, columns =
 * dysfunctional 1..5. */
#define A FID_KANO_ATTRACTIVE
#define O FID_KANO_ONE_DIMENSIONAL
#define M FID_KANO_MUST_BE
#define I FID_KANO_INDIFFERENT
#define R FID_KANO_REVERSE
#define Q FID_KANO_QUESTIONABLE
static const FidKanoCategory evaluation[5][5] = {
  { Q, A, A, A, O },
  { R, I, I, I, M },
  { R, I, I, I, M },
  { R, I, I, I, M },
  { R, R, R, R, Q },
};

/* The tie rule: on equal counts, the first of this list wins. */
static const FidKanoCategory tie_order[FID_KANO_N_CATEGORIES] = { M, O, A, I, R, Q };
#undef A
#undef O
#undef M
#undef I
#undef R
#undef Q

/* The value Fong (1996) compares |a − b| with: the 90 % one-sided normal
 * quantile, as the issue pins it. */
#define FONG_Z 1.65

const char * const *
fid_kano_category_keys (void)
{
  return category_keys;
}

const char *
fid_kano_category_to_key (FidKanoCategory category)
{
  g_return_val_if_fail (category < FID_KANO_N_CATEGORIES, NULL);
  return category_keys[category];
}

const char *
fid_kano_category_get_name (FidKanoCategory category)
{
  switch (category)
    {
    case FID_KANO_ATTRACTIVE:
      return _("Attractive");
    case FID_KANO_ONE_DIMENSIONAL:
      return _("One-dimensional");
    case FID_KANO_MUST_BE:
      return _("Must-be");
    case FID_KANO_INDIFFERENT:
      return _("Indifferent");
    case FID_KANO_REVERSE:
      return _("Reverse");
    case FID_KANO_QUESTIONABLE:
      return _("Questionable");
    case FID_KANO_N_CATEGORIES:
    default:
      g_return_val_if_reached (NULL);
    }
}

FidKanoCategory
fid_kano_classify (int functional,
                   int dysfunctional)
{
  if (functional < 1 || functional > 5 || dysfunctional < 1 || dysfunctional > 5)
    return FID_KANO_QUESTIONABLE;
  return evaluation[functional - 1][dysfunctional - 1];
}

FidKanoCategory
fid_kano_category_for_counts (const guint *counts)
{
  FidKanoCategory best = FID_KANO_INDIFFERENT;
  guint best_count = 0;

  /* Walking in tie order and replacing only on a strictly larger count
   * keeps the earlier category of a tie. */
  for (guint i = 0; i < FID_KANO_N_CATEGORIES; i++)
    if (counts[tie_order[i]] > best_count)
      {
        best = tie_order[i];
        best_count = counts[best];
      }
  return best;
}

gboolean
fid_kano_fong_significant (const guint *counts)
{
  guint a = 0, b = 0, n = 0;
  double threshold;

  for (guint i = 0; i < FID_KANO_N_CATEGORIES; i++)
    {
      n += counts[i];
      if (counts[i] > a)
        {
          b = a;
          a = counts[i];
        }
      else if (counts[i] > b)
        b = counts[i];
    }
  if (n == 0)
    return FALSE;

  threshold = FONG_Z * sqrt ((double) (a + b) * (2.0 * n - a - b) / (2.0 * n));
  return (double) (a - b) >= threshold;
}

/* Results */

FidKanoResult *
fid_kano_result_new (const char *feature)
{
  FidKanoResult *result = g_new0 (FidKanoResult, 1);

  result->feature = g_strdup (feature);
  result->category = FID_KANO_INDIFFERENT;
  result->better = NAN;
  result->worse = NAN;
  result->importance = NAN;
  return result;
}

FidKanoResult *
fid_kano_result_copy (const FidKanoResult *result)
{
  FidKanoResult *copy = g_memdup2 (result, sizeof *result);

  copy->feature = g_strdup (result->feature);
  return copy;
}

void
fid_kano_result_free (FidKanoResult *result)
{
  if (result == NULL)
    return;
  g_free (result->feature);
  g_free (result);
}

G_DEFINE_BOXED_TYPE (FidKanoResult, fid_kano_result, fid_kano_result_copy, fid_kano_result_free)

void
fid_kano_result_add (FidKanoResult *result,
                     int            functional,
                     int            dysfunctional,
                     int            importance)
{
  result->counts[fid_kano_classify (functional, dysfunctional)]++;
  if (importance >= 1 && importance <= 9)
    {
      /* importance holds the running sum until finish turns it into the
       * mean: NAN + x would stay NAN. */
      if (result->n_importance == 0)
        result->importance = 0;
      result->importance += importance;
      result->n_importance++;
    }
}

void
fid_kano_result_finish (FidKanoResult *result)
{
  const guint *c = result->counts;
  guint kept = c[FID_KANO_ATTRACTIVE] + c[FID_KANO_ONE_DIMENSIONAL] +
               c[FID_KANO_MUST_BE] + c[FID_KANO_INDIFFERENT];

  result->n = 0;
  for (guint i = 0; i < FID_KANO_N_CATEGORIES; i++)
    result->n += c[i];
  result->category = fid_kano_category_for_counts (c);
  result->significant = fid_kano_fong_significant (c);

  /* Reverse and questionable answers say nothing about satisfaction with
   * the feature present or absent: Berger et al. leave them out. */
  if (kept > 0)
    {
      result->better = (double) (c[FID_KANO_ATTRACTIVE] + c[FID_KANO_ONE_DIMENSIONAL]) / kept;
      /* + 0.0 turns −0 (no O nor M) into 0 for printing. */
      result->worse = -(double) (c[FID_KANO_ONE_DIMENSIONAL] + c[FID_KANO_MUST_BE]) / kept + 0.0;
    }
  else
    {
      result->better = NAN;
      result->worse = NAN;
    }

  if (result->n_importance > 0 && !isnan (result->importance))
    result->importance /= result->n_importance;
  else
    result->importance = NAN;
}

/* Data */

FidKanoData *
fid_kano_data_new (void)
{
  FidKanoData *data = g_new0 (FidKanoData, 1);

  data->features = g_new0 (char *, 1);
  data->answers = g_array_new (FALSE, FALSE, sizeof (FidKanoAnswer));
  return data;
}

void
fid_kano_data_free (FidKanoData *data)
{
  if (data == NULL)
    return;
  g_strfreev (data->features);
  g_clear_pointer (&data->answers, g_array_unref);
  g_free (data);
}

GPtrArray *
fid_kano_analyze (const FidKanoData *data)
{
  guint n_features = data->features != NULL ? g_strv_length (data->features) : 0;
  GPtrArray *results = g_ptr_array_new_full (n_features, (GDestroyNotify) fid_kano_result_free);

  for (guint i = 0; i < n_features; i++)
    g_ptr_array_add (results, fid_kano_result_new (data->features[i]));

  for (guint i = 0; data->answers != NULL && i < data->answers->len; i++)
    {
      const FidKanoAnswer *answer = &g_array_index (data->answers, FidKanoAnswer, i);

      if (answer->feature < n_features)
        fid_kano_result_add (g_ptr_array_index (results, answer->feature),
                             answer->functional, answer->dysfunctional, answer->importance);
    }

  for (guint i = 0; i < n_features; i++)
    fid_kano_result_finish (g_ptr_array_index (results, i));
  return results;
}

static guint
rank_of (FidKanoCategory category)
{
  for (guint i = 0; i < FID_KANO_N_CATEGORIES; i++)
    if (tie_order[i] == category)
      return i;
  return FID_KANO_N_CATEGORIES;
}

int
fid_kano_result_compare_rank (gconstpointer a,
                              gconstpointer b)
{
  const FidKanoResult *x = *(FidKanoResult * const *) a;
  const FidKanoResult *y = *(FidKanoResult * const *) b;
  guint rx = rank_of (x->category), ry = rank_of (y->category);

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if (isnan (x->importance) != isnan (y->importance))
    return isnan (x->importance) ? 1 : -1;
  if (!isnan (x->importance) && x->importance != y->importance)
    return x->importance > y->importance ? -1 : 1;
  return (x->n < y->n) - (x->n > y->n);
}
