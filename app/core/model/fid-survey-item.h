/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* FidSurveyItem: one question of a survey: a Kano feature (its functional
 * and dysfunctional questions), a SERVQUAL statement with its dimension,
 * or the NPS, CSAT or CES question. */

#define FID_TYPE_SURVEY_ITEM (fid_survey_item_get_type ())

G_DECLARE_FINAL_TYPE (FidSurveyItem, fid_survey_item, FID, SURVEY_ITEM, GObject)

FidSurveyItem *fid_survey_item_new           (void);

gint64         fid_survey_item_get_id        (FidSurveyItem *self);
void           fid_survey_item_set_id        (FidSurveyItem *self,
                                              gint64         id);
gint64         fid_survey_item_get_survey_id (FidSurveyItem *self);
void           fid_survey_item_set_survey_id (FidSurveyItem *self,
                                              gint64         survey_id);
/* From 1, contiguous within a survey. */
int            fid_survey_item_get_position  (FidSurveyItem *self);
void           fid_survey_item_set_position  (FidSurveyItem *self,
                                              int            position);
const char    *fid_survey_item_get_label     (FidSurveyItem *self);
void           fid_survey_item_set_label     (FidSurveyItem *self,
                                              const char    *label);
/* SERVQUAL: a key of fid_servqual_dimension_keys ("tangibles"…); NULL for
 * the other kinds. */
const char    *fid_survey_item_get_dimension (FidSurveyItem *self);
void           fid_survey_item_set_dimension (FidSurveyItem *self,
                                              const char    *dimension);

G_END_DECLS
