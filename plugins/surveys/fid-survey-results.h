/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-chart.h"
#include "fid-store.h"
#include "fid-survey.h"

G_BEGIN_DECLS

/* FidSurveyResults: a survey's analysis as charts (each in a FidChartView,
 * so it shows as a table and exports to PNG, SVG, PDF or paper) and text.
 *   Kano      "kano-scatter" (Better against |Worse|, the four quadrants
 *             named, each feature labelled), "kano-categories" (A O M I R
 *             Q stacked per feature) and the ranking, with "mixed" where
 *             Fong's test is not significant;
 *   SERVQUAL  "servqual-dimensions" (E and P side by side),
 *             "servqual-dimension-gaps", "servqual-item-gaps",
 *             "servqual-gap1" (when management answered), the weighted and
 *             unweighted scores and the diagnostic of gaps 1–4;
 *   NPS, CSAT, CES  "scores-breakdown" (the answers by score, coloured by
 *             promoters, passives and detractors for NPS) and
 *             "scores-trend" (month by month).
 * Compact: only the first chart and one line of figures (the live chart
 * beside the entry form). Updating with the same survey only replaces the
 * charts' data, so they move rather than flicker. */

#define FID_TYPE_SURVEY_RESULTS (fid_survey_results_get_type ())

G_DECLARE_FINAL_TYPE (FidSurveyResults, fid_survey_results, FID, SURVEY_RESULTS, AdwBin)

GtkWidget  *fid_survey_results_new       (gboolean          compact);
/* Reads @survey's answers from @store and redraws; @survey NULL clears. */
void        fid_survey_results_update    (FidSurveyResults *self,
                                          FidStore         *store,
                                          FidSurvey        *survey);
/* The chart @id (names above), or NULL when this survey has none. */
FidChart   *fid_survey_results_get_chart (FidSurveyResults *self,
                                          const char       *id);
/* What the charts say while there are no answers, for them and those
 * made later (NULL: the Surveys page's "type them in Collect…"). */
void        fid_survey_results_set_empty_text (FidSurveyResults *self,
                                               const char       *text);
/* The line of figures under the charts ("NPS +12 · 240 answers…"). */
const char *fid_survey_results_get_summary (FidSurveyResults *self);

G_END_DECLS
