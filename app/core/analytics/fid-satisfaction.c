/* SPDX-License-Identifier: GPL-3.0-or-later */

/* NPS, CSAT and CES (issue 6): summaries and the monthly trend.
 * Definitions in fid-satisfaction.h. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fid-satisfaction.h"

FidScoreData *
fid_score_data_new (FidSurveyKind kind)
{
  FidScoreData *data = g_new0 (FidScoreData, 1);

  data->kind = kind;
  data->answers = g_array_new (FALSE, FALSE, sizeof (FidScoreAnswer));
  return data;
}

void
fid_score_data_free (FidScoreData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->answers, g_array_unref);
  g_free (data);
}

gboolean
fid_score_scale (FidSurveyKind  kind,
                 int           *min,
                 int           *max)
{
  return fid_survey_part_get_range (kind, FID_SURVEY_PART_SCORE, min, max);
}

double
fid_nps_from_counts (guint promoters,
                     guint passives,
                     guint detractors)
{
  guint n = promoters + passives + detractors;

  if (n == 0)
    return NAN;
  return 100.0 * ((double) promoters - (double) detractors) / n;
}

void
fid_score_summarize (FidSurveyKind         kind,
                     const FidScoreAnswer *answers,
                     gsize                 n,
                     FidScoreSummary      *summary)
{
  double sum = 0;

  memset (summary, 0, sizeof *summary);
  summary->kind = kind;
  summary->mean = NAN;
  summary->value = NAN;
  if (!fid_score_scale (kind, &summary->min, &summary->max))
    g_return_if_reached ();

  for (gsize i = 0; i < n; i++)
    {
      int s = answers[i].score;

      if (s < summary->min || s > summary->max)
        {
          summary->n_invalid++;
          continue;
        }
      summary->n++;
      summary->distribution[s - summary->min]++;
      sum += s;
      if (kind == FID_SURVEY_NPS)
        {
          if (s >= 9)
            summary->promoters++;
          else if (s >= 7)
            summary->passives++;
          else
            summary->detractors++;
        }
      else if (kind == FID_SURVEY_CSAT && s >= 4)
        summary->satisfied++;
    }
  if (summary->n == 0)
    return;

  summary->mean = sum / summary->n;
  switch (kind)
    {
    case FID_SURVEY_NPS:
      summary->value = fid_nps_from_counts (summary->promoters, summary->passives, summary->detractors);
      break;
    case FID_SURVEY_CSAT:
      summary->value = 100.0 * summary->satisfied / summary->n;
      break;
    case FID_SURVEY_CES:
      summary->value = summary->mean;
      break;
    case FID_SURVEY_KANO:
    case FID_SURVEY_SERVQUAL:
    case FID_SURVEY_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static int
compare_month (const void *a,
               const void *b)
{
  guint x = ((const FidScoreAnswer *) a)->month, y = ((const FidScoreAnswer *) b)->month;

  return (x > y) - (x < y);
}

GArray *
fid_score_trend (FidSurveyKind         kind,
                 const FidScoreAnswer *answers,
                 gsize                 n)
{
  GArray *trend = g_array_new (FALSE, FALSE, sizeof (FidScoreMonth));
  g_autofree FidScoreAnswer *sorted = NULL;
  gsize n_dated = 0;

  g_return_val_if_fail (fid_score_scale (kind, NULL, NULL), trend);

  /* Sorting a copy by month makes each month one run of answers. */
  sorted = g_new (FidScoreAnswer, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    if (answers[i].month != 0)
      sorted[n_dated++] = answers[i];
  qsort (sorted, n_dated, sizeof (FidScoreAnswer), compare_month);

  for (gsize start = 0, end; start < n_dated; start = end)
    {
      FidScoreMonth month = { .month = sorted[start].month };

      for (end = start; end < n_dated && sorted[end].month == month.month; end++)
        ;
      fid_score_summarize (kind, sorted + start, end - start, &month.summary);
      if (month.summary.n > 0)
        g_array_append_val (trend, month);
    }
  return trend;
}

guint
fid_score_month_from_date (const char *date)
{
  guint year, month;

  if (date == NULL || !g_ascii_isdigit (date[0]) || !g_ascii_isdigit (date[1]) ||
      !g_ascii_isdigit (date[2]) || !g_ascii_isdigit (date[3]) || date[4] != '-' ||
      !g_ascii_isdigit (date[5]) || !g_ascii_isdigit (date[6]) ||
      (date[7] != '-' && date[7] != '\0'))
    return 0;
  year = (guint) g_ascii_digit_value (date[0]) * 1000 + g_ascii_digit_value (date[1]) * 100 +
         g_ascii_digit_value (date[2]) * 10 + g_ascii_digit_value (date[3]);
  month = (guint) g_ascii_digit_value (date[5]) * 10 + g_ascii_digit_value (date[6]);
  if (year == 0 || month < 1 || month > 12)
    return 0;
  return year * 100 + month;
}
