/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"
#include "fid-survey.h"

G_BEGIN_DECLS

/* FidSurveyDesigner: a survey's items — Kano features, SERVQUAL statements
 * with their dimension, the NPS, CSAT or CES question — edited in place:
 * rename (Enter or leaving the field saves), move up and down, remove
 * (confirmed when answers would go with it), add. Emits "changed" after
 * every change written to the store. */

#define FID_TYPE_SURVEY_DESIGNER (fid_survey_designer_get_type ())

G_DECLARE_FINAL_TYPE (FidSurveyDesigner, fid_survey_designer, FID, SURVEY_DESIGNER, AdwBin)

void     fid_survey_designer_set_survey (FidSurveyDesigner *self,
                                         FidStore          *store,
                                         FidSurvey         *survey);
/* What the buttons do, for tests; FALSE with the error shown. */
gboolean fid_survey_designer_add_item   (FidSurveyDesigner *self,
                                         const char        *label,
                                         const char        *dimension);
gboolean fid_survey_designer_move_item  (FidSurveyDesigner *self,
                                         guint              index,
                                         int                delta);

G_END_DECLS
