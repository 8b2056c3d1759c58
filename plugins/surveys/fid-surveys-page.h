/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"
#include "fid-survey.h"
#include "fid-survey-designer.h"
#include "fid-survey-form.h"
#include "fid-survey-results.h"

G_BEGIN_DECLS

/* FidSurveysPage: the Surveys page (issue 6). The surveys on the left
 * (New, Rename, Delete); for the selected one three views: Design (its
 * features or statements), Collect (the entry form for a trainer typing
 * paper answers, beside a live chart; CSV import and export) and Results
 * (every chart, refreshed after each saved response). */

#define FID_TYPE_SURVEYS_PAGE (fid_surveys_page_get_type ())

G_DECLARE_FINAL_TYPE (FidSurveysPage, fid_surveys_page, FID, SURVEYS_PAGE, AdwBin)

GtkWidget        *fid_surveys_page_new           (void);
void              fid_surveys_page_set_store     (FidSurveysPage *self,
                                                  FidStore       *store);
/* What New does: creates a survey of @kind with its default wording
 * (@title NULL: the default title) and selects it. 0 with @error set. */
gint64            fid_surveys_page_create_survey (FidSurveysPage *self,
                                                  FidSurveyKind   kind,
                                                  const char     *title,
                                                  GError        **error);
/* FALSE when the list has no survey @survey_id. */
gboolean          fid_surveys_page_select_survey (FidSurveysPage *self,
                                                  gint64          survey_id);
/* The selected survey (0: none). */
gint64            fid_surveys_page_get_survey_id (FidSurveysPage *self);
/* "design", "collect" or "results". */
void              fid_surveys_page_show_view     (FidSurveysPage *self,
                                                  const char     *name);

/* For tests: the parts. */
FidSurveyDesigner *fid_surveys_page_get_designer (FidSurveysPage *self);
FidSurveyForm     *fid_surveys_page_get_form     (FidSurveysPage *self);
FidSurveyResults  *fid_surveys_page_get_results  (FidSurveysPage *self);
/* The live chart beside the form. */
FidSurveyResults  *fid_surveys_page_get_preview  (FidSurveysPage *self);

G_END_DECLS
