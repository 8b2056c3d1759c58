/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The SERVQUAL gap model (issue 6): per-item and per-dimension
 * expectation, perception and gap, the unweighted and weighted scores, and
 * gap 1 against management's perception. Definitions in fid-servqual.h. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "fid-servqual.h"

static const char * const dimension_keys[] = {
  "tangibles", "reliability", "responsiveness", "assurance", "empathy", NULL
};

/* The last standard item of each dimension: 1–4, 5–9, 10–13, 14–17, 18–22. */
static const guint dimension_last_item[FID_SERVQUAL_N_DIMENSIONS] = { 4, 9, 13, 17, 22 };

const char * const *
fid_servqual_dimension_keys (void)
{
  return dimension_keys;
}

const char *
fid_servqual_dimension_to_key (FidServqualDimension dimension)
{
  g_return_val_if_fail (dimension < FID_SERVQUAL_N_DIMENSIONS, NULL);
  return dimension_keys[dimension];
}

gboolean
fid_servqual_dimension_from_key (const char           *key,
                                 FidServqualDimension *dimension)
{
  g_autofree char *trimmed = NULL;

  if (key == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (key));
  for (guint i = 0; dimension_keys[i] != NULL; i++)
    if (g_ascii_strcasecmp (trimmed, dimension_keys[i]) == 0 ||
        (trimmed[0] == (char) ('1' + i) && trimmed[1] == '\0'))
      {
        if (dimension != NULL)
          *dimension = (FidServqualDimension) i;
        return TRUE;
      }
  return FALSE;
}

const char *
fid_servqual_dimension_get_name (FidServqualDimension dimension)
{
  switch (dimension)
    {
    case FID_SERVQUAL_TANGIBLES:
      return _("Tangibles");
    case FID_SERVQUAL_RELIABILITY:
      return _("Reliability");
    case FID_SERVQUAL_RESPONSIVENESS:
      return _("Responsiveness");
    case FID_SERVQUAL_ASSURANCE:
      return _("Assurance");
    case FID_SERVQUAL_EMPATHY:
      return _("Empathy");
    case FID_SERVQUAL_N_DIMENSIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

int
fid_servqual_standard_dimension (guint item)
{
  if (item < 1 || item > FID_SERVQUAL_N_STANDARD_ITEMS)
    return -1;
  for (int d = 0; d < FID_SERVQUAL_N_DIMENSIONS; d++)
    if (item <= dimension_last_item[d])
      return d;
  return -1;
}

/* Data */

FidServqualData *
fid_servqual_data_new (void)
{
  FidServqualData *data = g_new0 (FidServqualData, 1);

  data->item_labels = g_new0 (char *, 1);
  data->answers = g_array_new (FALSE, FALSE, sizeof (FidServqualAnswer));
  data->weights = g_array_new (FALSE, FALSE, sizeof (FidServqualWeight));
  data->management = g_array_new (FALSE, FALSE, sizeof (FidServqualRating));
  return data;
}

FidServqualData *
fid_servqual_data_new_standard (void)
{
  FidServqualData *data = fid_servqual_data_new ();

  g_free (data->item_labels);
  data->n_items = FID_SERVQUAL_N_STANDARD_ITEMS;
  data->item_labels = g_new0 (char *, data->n_items + 1);
  data->item_dimensions = g_new (FidServqualDimension, data->n_items);
  for (guint i = 0; i < data->n_items; i++)
    {
      data->item_labels[i] = g_strdup_printf ("%u", i + 1);
      data->item_dimensions[i] = (FidServqualDimension) fid_servqual_standard_dimension (i + 1);
    }
  return data;
}

void
fid_servqual_data_free (FidServqualData *data)
{
  if (data == NULL)
    return;
  g_strfreev (data->item_labels);
  g_free (data->item_dimensions);
  g_clear_pointer (&data->answers, g_array_unref);
  g_clear_pointer (&data->weights, g_array_unref);
  g_clear_pointer (&data->management, g_array_unref);
  g_free (data);
}

/* Analysis */

FidServqualAnalysis *
fid_servqual_analysis_copy (const FidServqualAnalysis *analysis)
{
  FidServqualAnalysis *copy = g_memdup2 (analysis, sizeof *analysis);

  copy->items = g_memdup2 (analysis->items, sizeof (FidServqualItem) * analysis->n_items);
  for (guint i = 0; i < copy->n_items; i++)
    copy->items[i].label = g_strdup (analysis->items[i].label);
  return copy;
}

void
fid_servqual_analysis_free (FidServqualAnalysis *analysis)
{
  if (analysis == NULL)
    return;
  for (guint i = 0; i < analysis->n_items; i++)
    g_free (analysis->items[i].label);
  g_free (analysis->items);
  g_free (analysis);
}

G_DEFINE_BOXED_TYPE (FidServqualAnalysis, fid_servqual_analysis,
                     fid_servqual_analysis_copy, fid_servqual_analysis_free)

/* A running mean that stays NAN until a value comes. */
typedef struct
{
  double sum;
  guint n;
} Mean;

static void
mean_add (Mean   *mean,
          double  value)
{
  if (isnan (value))
    return;
  mean->sum += value;
  mean->n++;
}

static double
mean_get (const Mean *mean)
{
  return mean->n > 0 ? mean->sum / mean->n : NAN;
}

static void
sum_items (FidServqualAnalysis   *analysis,
           const FidServqualData *data)
{
  g_autofree double *e = g_new0 (double, analysis->n_items);
  g_autofree double *p = g_new0 (double, analysis->n_items);
  g_autofree double *m = g_new0 (double, analysis->n_items);

  for (guint i = 0; data->answers != NULL && i < data->answers->len; i++)
    {
      const FidServqualAnswer *a = &g_array_index (data->answers, FidServqualAnswer, i);

      if (a->item >= analysis->n_items ||
          a->expectation < 1 || a->expectation > 7 || a->perception < 1 || a->perception > 7)
        continue;
      e[a->item] += a->expectation;
      p[a->item] += a->perception;
      analysis->items[a->item].n++;
    }
  for (guint i = 0; data->management != NULL && i < data->management->len; i++)
    {
      const FidServqualRating *r = &g_array_index (data->management, FidServqualRating, i);

      if (r->item >= analysis->n_items || r->value < 1 || r->value > 7)
        continue;
      m[r->item] += r->value;
      analysis->items[r->item].n_management++;
    }

  for (guint i = 0; i < analysis->n_items; i++)
    {
      FidServqualItem *item = &analysis->items[i];

      item->expectation = item->n > 0 ? e[i] / item->n : NAN;
      item->perception = item->n > 0 ? p[i] / item->n : NAN;
      item->gap = item->perception - item->expectation;
      item->management = item->n_management > 0 ? m[i] / item->n_management : NAN;
      item->gap1 = item->management - item->expectation;
    }
}

static int
compare_uint (const void *a,
              const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Mean points per dimension over the respondents who gave weights; a
 * respondent who left a dimension out gave it 0. */
static void
sum_weights (FidServqualAnalysis   *analysis,
             const FidServqualData *data)
{
  g_autofree guint *respondents = NULL;
  double points[FID_SERVQUAL_N_DIMENSIONS] = { 0 };
  guint n = 0, n_valid = 0;

  for (guint d = 0; d < FID_SERVQUAL_N_DIMENSIONS; d++)
    analysis->dimensions[d].weight = NAN;
  if (data->weights == NULL || data->weights->len == 0)
    return;

  respondents = g_new (guint, data->weights->len);
  for (guint i = 0; i < data->weights->len; i++)
    {
      const FidServqualWeight *w = &g_array_index (data->weights, FidServqualWeight, i);

      if (w->dimension >= FID_SERVQUAL_N_DIMENSIONS || isnan (w->points) ||
          w->points < 0 || w->points > 100)
        continue;
      points[w->dimension] += w->points;
      respondents[n_valid++] = w->respondent;
    }
  if (n_valid == 0)
    return;

  qsort (respondents, n_valid, sizeof (guint), compare_uint);
  for (guint i = 0; i < n_valid; i++)
    if (i == 0 || respondents[i] != respondents[i - 1])
      n++;
  analysis->n_respondents_weights = n;
  for (guint d = 0; d < FID_SERVQUAL_N_DIMENSIONS; d++)
    analysis->dimensions[d].weight = points[d] / n;
}

FidServqualAnalysis *
fid_servqual_analyze (const FidServqualData *data)
{
  FidServqualAnalysis *analysis = g_new0 (FidServqualAnalysis, 1);
  Mean e[FID_SERVQUAL_N_DIMENSIONS] = { 0 }, p[FID_SERVQUAL_N_DIMENSIONS] = { 0 };
  Mean g[FID_SERVQUAL_N_DIMENSIONS] = { 0 }, m[FID_SERVQUAL_N_DIMENSIONS] = { 0 };
  Mean g1[FID_SERVQUAL_N_DIMENSIONS] = { 0 };
  Mean unweighted = { 0 }, gap1 = { 0 };
  double weighted = 0;
  gboolean weighted_ok;

  analysis->n_items = data->n_items;
  analysis->items = g_new0 (FidServqualItem, MAX (data->n_items, 1));
  for (guint i = 0; i < data->n_items; i++)
    {
      analysis->items[i].item = i + 1;
      analysis->items[i].label = g_strdup (data->item_labels != NULL ? data->item_labels[i] : NULL);
      analysis->items[i].dimension = data->item_dimensions[i];
    }
  sum_items (analysis, data);

  /* A dimension's figures are means of its items' means, as the issue
   * pins it: each statement weighs the same, whatever its answer count. */
  for (guint i = 0; i < analysis->n_items; i++)
    {
      const FidServqualItem *item = &analysis->items[i];
      guint d = item->dimension;

      if (d >= FID_SERVQUAL_N_DIMENSIONS)
        continue;
      mean_add (&e[d], item->expectation);
      mean_add (&p[d], item->perception);
      mean_add (&g[d], item->gap);
      mean_add (&m[d], item->management);
      mean_add (&g1[d], item->gap1);
    }

  sum_weights (analysis, data);
  weighted_ok = analysis->n_respondents_weights > 0;
  for (guint d = 0; d < FID_SERVQUAL_N_DIMENSIONS; d++)
    {
      FidServqualDimensionResult *dim = &analysis->dimensions[d];

      dim->dimension = d;
      dim->n_items = g[d].n;
      dim->expectation = mean_get (&e[d]);
      dim->perception = mean_get (&p[d]);
      dim->gap = mean_get (&g[d]);
      dim->management = mean_get (&m[d]);
      dim->gap1 = mean_get (&g1[d]);
      mean_add (&unweighted, dim->gap);
      mean_add (&gap1, dim->gap1);

      /* A dimension nobody weighted adds nothing; one that was weighted
       * but not measured leaves the weighted score unknown. */
      if (weighted_ok && dim->weight > 0)
        {
          if (isnan (dim->gap))
            weighted_ok = FALSE;
          else
            weighted += dim->weight / 100.0 * dim->gap;
        }
    }
  analysis->unweighted = mean_get (&unweighted);
  analysis->weighted = weighted_ok ? weighted : NAN;
  analysis->gap1 = mean_get (&gap1);
  return analysis;
}
