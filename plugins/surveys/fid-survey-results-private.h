/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-kano.h"
#include "fid-satisfaction.h"
#include "fid-servqual.h"
#include "fid-survey-results.h"

G_BEGIN_DECLS

/* Shared by fid-survey-results.c (the charts) and
 * fid-survey-results-details.c (the text and tables under them). */

/* A wrapped, selectable label appended to @box. */
GtkLabel  *_fid_survey_results_new_text            (GtkBox                    *box,
                                                    const char                *text,
                                                    const char                *css_class);
/* A figure with two decimals in the user's locale; "—" for NAN. */
char      *_fid_survey_results_format              (double                     value);
/* "Must-be", or "Mixed (M/O)" when Fong's test is not significant. */
char      *_fid_survey_results_kano_category_text  (const FidKanoResult       *result);

/* Kano: the features ranked for "what to fix first" (M, O, A, I…). */
GtkWidget *_fid_survey_results_new_kano_ranking    (GPtrArray                 *results);
/* SERVQUAL: the weighted and unweighted scores, weights, gap 1. */
GtkWidget *_fid_survey_results_new_servqual_details (const FidServqualAnalysis *analysis);
/* SERVQUAL: the diagnostic of gaps 1–4, appended to @box. */
void       _fid_survey_results_add_diagnostic      (GtkBox                    *box);
/* NPS, CSAT, CES: the headline ("NPS +12") and the line of figures. */
void       _fid_survey_results_score_texts         (const FidScoreSummary     *summary,
                                                    char                     **headline,
                                                    char                     **line);

G_END_DECLS
