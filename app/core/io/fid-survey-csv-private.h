/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by fid-survey-csv.c (reading) and fid-survey-csv-import.c. */

#include "fid-survey-csv.h"

G_BEGIN_DECLS

/* One checked line of a survey CSV file. */
typedef struct
{
  guint   line;
  char   *respondent;   /* trimmed, never empty */
  char   *key;          /* Kano: the feature as written (trimmed) */
  int     index;        /* SERVQUAL: item − 1; weights: the dimension */
  int     values[3];    /* Kano: functional, dysfunctional, importance (0: none);
                         * SERVQUAL: expectation, perception; weights:
                         * points; scores: score */
  gint64  customer_id;  /* scores: 0 when none */
  char   *date;         /* scores: as written, NULL when none */
} FidSurveyCsvRow;

void       fid_survey_csv_row_free      (FidSurveyCsvRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidSurveyCsvRow, fid_survey_csv_row_free)

/* Parses and checks a file of the given format; NULL (with @problems
 * filled) when anything is wrong. @n_items: the SERVQUAL items allowed
 * (1..n_items). Rows of FidSurveyCsvRow, in file order. */
GPtrArray *fid_survey_csv_parse_kano     (const char     *text,
                                          gssize          length,
                                          GPtrArray      *problems);
GPtrArray *fid_survey_csv_parse_servqual (const char     *text,
                                          gssize          length,
                                          guint           n_items,
                                          GPtrArray      *problems);
GPtrArray *fid_survey_csv_parse_weights  (const char     *text,
                                          gssize          length,
                                          GPtrArray      *problems);
GPtrArray *fid_survey_csv_parse_scores   (FidSurveyKind   kind,
                                          const char     *text,
                                          gssize          length,
                                          GPtrArray      *problems);

void       fid_survey_csv_add_problem    (GPtrArray        *problems,
                                          FidSurveyCsvFile  file,
                                          guint             line,
                                          guint             column,
                                          const char       *format,
                                          ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
