/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Survey answers as CSV (issue 6): reading the three formats with a
 * validation report, importing into a survey, exporting a survey.
 *
 *   Kano       respondent,feature,functional,dysfunctional[,importance]
 *              (answers 1–5, importance 1–9)
 *   SERVQUAL   respondent,item,expectation,perception (item 1–22, 1–7)
 *   weights    respondent,dimension,points (points out of 100 per
 *              respondent; dimension a key "tangibles"… or 1–5)
 *   scores     respondent,score[,customer_id][,date]
 *              (NPS 0–10, CSAT 1–5, CES 1–7; date YYYY-MM-DD[THH:MM[:SS]])
 *
 * A header line first (its names are not checked: any language), UTF-8
 * with or without a BOM, ',' or ';' separators, RFC 4180 quotes. Every bad
 * line is reported (line and column from 1, and the reason); when any is,
 * nothing is returned or imported. */

#include <gio/gio.h>

#include "fid-kano.h"
#include "fid-satisfaction.h"
#include "fid-servqual.h"
#include "fid-store.h"

G_BEGIN_DECLS

typedef enum
{
  FID_SURVEY_CSV_ANSWERS,   /* the answers file */
  FID_SURVEY_CSV_WEIGHTS,   /* the SERVQUAL weights file */
} FidSurveyCsvFile;

typedef struct
{
  FidSurveyCsvFile file;
  guint            line;     /* from 1; the header is line 1 */
  guint            column;   /* from 1 */
  char            *reason;   /* translated, no final period */
} FidSurveyCsvProblem;

void                 fid_survey_csv_problem_free       (FidSurveyCsvProblem *problem);
/* "line N, column C: reason" (translated). */
char                *fid_survey_csv_problem_to_string  (const FidSurveyCsvProblem *problem);
/* A GPtrArray for the functions below, freeing its problems. */
GPtrArray           *fid_survey_csv_problems_new       (void);

/* Each reads @text (@length -1: NUL-terminated) and appends every problem
 * to @problems; NULL when there is any. */
FidKanoData         *fid_survey_csv_read_kano          (const char     *text,
                                                        gssize          length,
                                                        GPtrArray      *problems);
/* The 22 standard items; @weights_text NULL when there is no weights file. */
FidServqualData     *fid_survey_csv_read_servqual      (const char     *text,
                                                        gssize          length,
                                                        const char     *weights_text,
                                                        gssize          weights_length,
                                                        GPtrArray      *problems);
/* @kind: NPS, CSAT or CES. */
FidScoreData        *fid_survey_csv_read_scores        (FidSurveyKind   kind,
                                                        const char     *text,
                                                        gssize          length,
                                                        GPtrArray      *problems);

/* Imports a file of the survey's kind into survey @survey_id, in one
 * transaction: one response per respondent (Kano, SERVQUAL: the
 * respondent's lines grouped; weights join the answers of the respondent
 * of the same name) or per line (scores). Kano features match the items'
 * labels (ignoring case and surrounding spaces) or their positions;
 * SERVQUAL items are positions. Returns FALSE with @problems filled when
 * the file is bad, or with @error set when the store fails; on success
 * sets @n_responses (may be NULL) to the responses added. */
gboolean             fid_survey_csv_import             (FidStore       *store,
                                                        gint64          survey_id,
                                                        const char     *text,
                                                        gssize          length,
                                                        const char     *weights_text,
                                                        gssize          weights_length,
                                                        GPtrArray      *problems,
                                                        guint          *n_responses,
                                                        GError        **error);

/* The survey's answers in its import format, with a header line and CRLF
 * line ends: @file FID_SURVEY_CSV_WEIGHTS gives the SERVQUAL weights file
 * (NULL with an error for other kinds). Management answers are not
 * exported. */
char                *fid_survey_csv_export             (FidStore       *store,
                                                        gint64          survey_id,
                                                        FidSurveyCsvFile file,
                                                        GError        **error);

G_END_DECLS
