/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "fid-survey.h"

G_BEGIN_DECLS

/* NPS, CSAT and CES (issue 6).
 *
 * NPS: scores 0–10; promoters 9–10, passives 7–8, detractors 0–6;
 *      value = 100 × (promoters − detractors) / n, in points (−100..100).
 * CSAT: scores 1–5; satisfied = 4–5; value = 100 × satisfied / n (%).
 * CES: scores 1–7; value = the mean score.
 * Every summary has n, the distribution and the mean; with n = 0 the
 * value and the mean are NAN ("no NPS"). Scores outside the scale are not
 * counted (n_invalid). The trend is one summary per calendar month of the
 * dated answers, oldest first, months without answers left out. */

#define FID_SCORE_MAX_VALUES 11

typedef struct
{
  int    score;
  guint  month;          /* YYYYMM (202406), 0 when undated */
} FidScoreAnswer;

typedef struct
{
  FidSurveyKind kind;           /* NPS, CSAT or CES */
  int           min, max;       /* the scale */
  guint         n;
  guint         n_invalid;      /* scores outside the scale, not counted */
  guint         distribution[FID_SCORE_MAX_VALUES];  /* [score − min] */
  guint         promoters;      /* NPS */
  guint         passives;       /* NPS */
  guint         detractors;     /* NPS */
  guint         satisfied;      /* CSAT: answers 4–5 */
  double        mean;           /* NAN when n = 0 */
  double        value;          /* NPS points, CSAT %, CES mean; NAN when n = 0 */
} FidScoreSummary;

typedef struct
{
  guint           month;        /* YYYYMM */
  FidScoreSummary summary;
} FidScoreMonth;

/* The answers of an NPS, CSAT or CES survey or file. */
typedef struct
{
  FidSurveyKind kind;
  GArray       *answers;        /* FidScoreAnswer */
} FidScoreData;

FidScoreData *fid_score_data_new            (FidSurveyKind          kind);
void          fid_score_data_free           (FidScoreData          *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidScoreData, fid_score_data_free)

/* The scale of @kind (NPS 0–10, CSAT 1–5, CES 1–7); FALSE for Kano and
 * SERVQUAL. */
gboolean      fid_score_scale               (FidSurveyKind          kind,
                                             int                   *min,
                                             int                   *max);

/* Fills @summary from @n answers (their months are not read). */
void          fid_score_summarize           (FidSurveyKind          kind,
                                             const FidScoreAnswer  *answers,
                                             gsize                  n,
                                             FidScoreSummary       *summary);
/* One FidScoreMonth per month with dated answers, oldest first. */
GArray       *fid_score_trend               (FidSurveyKind          kind,
                                             const FidScoreAnswer  *answers,
                                             gsize                  n);

/* NPS from counts: NAN when they are all 0. */
double        fid_nps_from_counts           (guint                  promoters,
                                             guint                  passives,
                                             guint                  detractors);

/* YYYYMM of a date or date-time text "YYYY-MM-DD…"; 0 when it is not one. */
guint         fid_score_month_from_date     (const char            *date);

G_END_DECLS
