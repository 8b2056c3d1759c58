/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "fid-survey-item.h"

G_BEGIN_DECLS

/* FidSurvey: a satisfaction survey (issue 6) as the Surveys page lists it,
 * and, from fid_store_get_survey, with its items. */

typedef enum
{
  FID_SURVEY_KANO,
  FID_SURVEY_SERVQUAL,
  FID_SURVEY_NPS,
  FID_SURVEY_CSAT,
  FID_SURVEY_CES,
  FID_SURVEY_N_KINDS
} FidSurveyKind;

#define FID_TYPE_SURVEY_KIND (fid_survey_kind_get_type ())
GType               fid_survey_kind_get_type    (void) G_GNUC_CONST;

/* The kinds' keys as stored in surveys.kind: "kano", "servqual", "nps",
 * "csat", "ces" (NULL-terminated, in the enum's order). */
const char * const *fid_survey_kind_keys        (void);
const char         *fid_survey_kind_to_key      (FidSurveyKind  kind);
/* FALSE when @key names no kind. */
gboolean            fid_survey_kind_from_key    (const char    *key,
                                                 FidSurveyKind *kind);
/* "Kano", "SERVQUAL", "Net Promoter Score"…, translated. */
const char         *fid_survey_kind_get_name    (FidSurveyKind  kind);

/* What an answer is, as stored in survey_answers.part. Kano: functional and
 * dysfunctional (1 I like it … 5 I dislike it), importance (1–9).
 * SERVQUAL: expectation and perception (1–7); weight (points out of 100
 * for the item's dimension, stored on one item of the dimension, the first
 * when the store writes it); management (1–7: management's perception of
 * the customers' expectation, gap 1; only in a response of its own, with
 * no other part). NPS (0–10), CSAT (1–5), CES (1–7): score. */
typedef enum
{
  FID_SURVEY_PART_FUNCTIONAL,
  FID_SURVEY_PART_DYSFUNCTIONAL,
  FID_SURVEY_PART_IMPORTANCE,
  FID_SURVEY_PART_EXPECTATION,
  FID_SURVEY_PART_PERCEPTION,
  FID_SURVEY_PART_WEIGHT,
  FID_SURVEY_PART_MANAGEMENT,
  FID_SURVEY_PART_SCORE,
  FID_SURVEY_N_PARTS
} FidSurveyPart;

const char         *fid_survey_part_to_key      (FidSurveyPart  part);
gboolean            fid_survey_part_from_key    (const char    *key,
                                                 FidSurveyPart *part);
/* Whether @part belongs to surveys of @kind, and its valid range. */
gboolean            fid_survey_part_get_range   (FidSurveyKind  kind,
                                                 FidSurveyPart  part,
                                                 int           *min,
                                                 int           *max);

#define FID_TYPE_SURVEY (fid_survey_get_type ())

G_DECLARE_FINAL_TYPE (FidSurvey, fid_survey, FID, SURVEY, GObject)

FidSurvey     *fid_survey_new                  (void);

/* Row id; 0 until stored. */
gint64         fid_survey_get_id               (FidSurvey     *self);
void           fid_survey_set_id               (FidSurvey     *self,
                                                gint64         id);
FidSurveyKind  fid_survey_get_kind             (FidSurvey     *self);
void           fid_survey_set_kind             (FidSurvey     *self,
                                                FidSurveyKind  kind);
const char    *fid_survey_get_title            (FidSurvey     *self);
void           fid_survey_set_title            (FidSurvey     *self,
                                                const char    *title);
/* ISO 8601 date-time. */
const char    *fid_survey_get_created_at       (FidSurvey     *self);
void           fid_survey_set_created_at       (FidSurvey     *self,
                                                const char    *created_at);
/* Respondents' responses (management responses of SERVQUAL included). */
gint64         fid_survey_get_n_responses      (FidSurvey     *self);
void           fid_survey_set_n_responses      (FidSurvey     *self,
                                                gint64         n_responses);
gint64         fid_survey_get_n_items          (FidSurvey     *self);
void           fid_survey_set_n_items          (FidSurvey     *self,
                                                gint64         n_items);
/* The items in position order (FidSurveyItem), or NULL when the survey
 * was listed rather than got. Setting takes a reference on @items. */
GPtrArray     *fid_survey_get_items            (FidSurvey     *self);
void           fid_survey_set_items            (FidSurvey     *self,
                                                GPtrArray     *items);

G_END_DECLS
