/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Satisfaction surveys (issue 6): designing Kano, SERVQUAL, NPS, CSAT and
 * CES surveys, collecting responses, and loading what the analyses read.
 *
 * Every write is one transaction with an audit row. Responses linked to a
 * customer (customer_id, answered_at) to NPS and CSAT surveys are what the
 * 360 view's last satisfaction (fid_store_get_last_satisfaction) and the
 * Dick & Basu loyalty read: the score is the answer of part "score" to the
 * survey's first item. */

#include <gio/gio.h>

#include "fid-kano.h"
#include "fid-satisfaction.h"
#include "fid-servqual.h"
#include "fid-store.h"
#include "fid-survey.h"
#include "fid-survey-item.h"

G_BEGIN_DECLS

/* One answer of a response. */
typedef struct
{
  gint64        item_id;
  FidSurveyPart part;
  int           value;
} FidSurveyAnswer;

typedef struct
{
  gint64  id;             /* 0 until stored */
  gint64  survey_id;
  gint64  customer_id;    /* 0: not linked to a customer */
  char   *respondent;     /* free text (initials, a number), or NULL */
  char   *answered_at;    /* ISO date-time; NULL when adding: now */
  GArray *answers;        /* FidSurveyAnswer */
} FidSurveyResponse;

#define FID_TYPE_SURVEY_RESPONSE (fid_survey_response_get_type ())

GType              fid_survey_response_get_type        (void) G_GNUC_CONST;
/* An empty response (no answers yet) of @survey_id. */
FidSurveyResponse *fid_survey_response_new             (gint64              survey_id);
FidSurveyResponse *fid_survey_response_copy            (const FidSurveyResponse *response);
void               fid_survey_response_free            (FidSurveyResponse  *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidSurveyResponse, fid_survey_response_free)
void               fid_survey_response_add_answer      (FidSurveyResponse  *response,
                                                        gint64              item_id,
                                                        FidSurveyPart       part,
                                                        int                 value);

/* Designing ---------------------------------------------------------------- */

/* The default title and items of a new survey of @kind, in the current
 * language (the 22 SERVQUAL statements for a bank branch, eleven Kano
 * features of bank services, the NPS, CSAT and CES questions). Items are
 * FidSurveyItem with label, position and (SERVQUAL) dimension set. */
char              *fid_survey_default_title            (FidSurveyKind       kind);
GPtrArray         *fid_survey_default_items            (FidSurveyKind       kind);

/* Creates a survey of @kind with its default items; @title NULL or blank
 * gives the default title. Returns its id, 0 with @error set. */
gint64             fid_store_create_survey             (FidStore           *self,
                                                        FidSurveyKind       kind,
                                                        const char         *title,
                                                        GError            **error);
/* Every survey, newest first, as FidSurvey without items but with
 * n-responses and n-items. */
GPtrArray         *fid_store_list_surveys              (FidStore           *self,
                                                        GError            **error);
/* One survey with its items; FID_STORE_ERROR_NOT_FOUND when absent. */
FidSurvey         *fid_store_get_survey                (FidStore           *self,
                                                        gint64              survey_id,
                                                        GError            **error);
gboolean           fid_store_rename_survey             (FidStore           *self,
                                                        gint64              survey_id,
                                                        const char         *title,
                                                        GError            **error);
/* With its items, responses and answers. */
gboolean           fid_store_delete_survey             (FidStore           *self,
                                                        gint64              survey_id,
                                                        GError            **error);

/* Appends an item (last position). @label must not be blank; @dimension
 * is a SERVQUAL dimension key for SERVQUAL surveys and must be NULL for
 * the others. Returns the item's id, 0 with @error set. */
gint64             fid_store_add_survey_item           (FidStore           *self,
                                                        gint64              survey_id,
                                                        const char         *label,
                                                        const char         *dimension,
                                                        GError            **error);
/* Changes the label and dimension (validated as above). */
gboolean           fid_store_update_survey_item        (FidStore           *self,
                                                        gint64              item_id,
                                                        const char         *label,
                                                        const char         *dimension,
                                                        GError            **error);
/* Deletes the item and its answers; the positions after it close up.
 * SERVQUAL weights stored on it move to another item of its dimension. */
gboolean           fid_store_delete_survey_item        (FidStore           *self,
                                                        gint64              item_id,
                                                        GError            **error);
/* Moves the item to @position (from 1; clamped to the last position). */
gboolean           fid_store_move_survey_item          (FidStore           *self,
                                                        gint64              item_id,
                                                        int                 position,
                                                        GError            **error);
/* Sets the order of all the survey's items: @item_ids must be each of
 * them exactly once. */
gboolean           fid_store_reorder_survey_items      (FidStore           *self,
                                                        gint64              survey_id,
                                                        const gint64       *item_ids,
                                                        gsize               n_item_ids,
                                                        GError            **error);

/* Collecting --------------------------------------------------------------- */

/* FALSE with FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER when no customer has
 * @customer_id. */
gboolean           fid_store_check_survey_customer     (FidStore           *self,
                                                        gint64              customer_id,
                                                        GError            **error);
/* Adds one response with its answers, in one transaction. Validated: each
 * answer's item belongs to the survey, its part to the survey's kind and
 * its value to the part's range (fid_survey_part_get_range), no item and
 * part twice; Kano: both functional and dysfunctional for each answered
 * feature (importance optional); SERVQUAL: both expectation and perception
 * for each answered item, weights (if any) on one item per dimension and
 * summing to 100, management answers alone in their response; NPS, CSAT,
 * CES: one score; at least one answer; customer_id (0: none) must exist;
 * answered_at (NULL: now) a date-time or a date (then at 12:00). Sets
 * @response's id; FALSE with @error set (FID_VALIDATION_ERROR). */
gboolean           fid_store_add_survey_response       (FidStore           *self,
                                                        FidSurveyResponse  *response,
                                                        GError            **error);
/* Several responses of one survey in one transaction (an import): all or
 * none. Each is validated as above; the error names the respondent. */
gboolean           fid_store_add_survey_responses      (FidStore           *self,
                                                        gint64              survey_id,
                                                        GPtrArray          *responses,
                                                        GError            **error);
gboolean           fid_store_delete_survey_response    (FidStore           *self,
                                                        gint64              response_id,
                                                        GError            **error);
/* The survey's responses with their answers, oldest first
 * (FidSurveyResponse). */
GPtrArray         *fid_store_list_survey_responses     (FidStore           *self,
                                                        gint64              survey_id,
                                                        GError            **error);

/* Workshops (issue 12) -------------------------------------------------------- */

/* A new survey with @survey_id's kind and items (labels, positions,
 * SERVQUAL dimensions) and no responses, titled @title (NULL or blank: the
 * source's title). Returns its id, 0 with @error set. */
gint64             fid_store_copy_survey               (FidStore           *self,
                                                        gint64              survey_id,
                                                        const char         *title,
                                                        GError            **error);
/* Deletes every response of the survey (a class's answers reset), in one
 * transaction with an audit row. */
gboolean           fid_store_delete_survey_responses   (FidStore           *self,
                                                        gint64              survey_id,
                                                        GError            **error);

/* Analysing ---------------------------------------------------------------- */

/* What the analyses read; @error set (FID_VALIDATION_ERROR_INVALID_VALUE)
 * when the survey is not of the analysis's kind. Kano: features = the
 * items' labels in position order. SERVQUAL: the items with their
 * dimensions; management answers as ratings; weights with respondent
 * = the response's index in answered order. Scores: the answered_at months, the first item's
 * score of each response. */
FidKanoData       *fid_store_load_kano_data            (FidStore           *self,
                                                        gint64              survey_id,
                                                        GError            **error);
FidServqualData   *fid_store_load_servqual_data        (FidStore           *self,
                                                        gint64              survey_id,
                                                        GError            **error);
FidScoreData      *fid_store_load_score_data           (FidStore           *self,
                                                        gint64              survey_id,
                                                        GError            **error);

G_END_DECLS
