/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"
#include "fid-survey.h"

G_BEGIN_DECLS

/* FidSurveyForm: the entry form of one respondent, made for a trainer
 * typing a class's paper answers with the keyboard alone: the respondent
 * (numbered for you), an optional customer found by name, then one small
 * box per answer (Kano: functional and dysfunctional 1–5, and importance
 * 1–9 if asked; SERVQUAL: expectation and perception 1–7, or management's
 * view for gap 1, and the 100 points; NPS 0–10, CSAT 1–5, CES 1–7). Tab
 * or Enter moves on; Ctrl+Enter saves and clears the form for the next
 * respondent. The store validates: its message shows beside the Save
 * button and nothing is saved. Import CSV (with the validation report when
 * a file is refused) and Export CSV. Emits "saved" after every change of
 * the survey's responses. */

#define FID_TYPE_SURVEY_FORM (fid_survey_form_get_type ())

G_DECLARE_FINAL_TYPE (FidSurveyForm, fid_survey_form, FID, SURVEY_FORM, AdwBin)

void        fid_survey_form_set_survey     (FidSurveyForm *self,
                                            FidStore      *store,
                                            FidSurvey     *survey);
/* What typing does, for tests. @index: the item's index in the survey's
 * order; FALSE when there is no such box. */
void        fid_survey_form_set_respondent (FidSurveyForm *self,
                                            const char    *respondent);
gboolean    fid_survey_form_set_answer     (FidSurveyForm *self,
                                            guint          index,
                                            FidSurveyPart  part,
                                            const char    *text);
/* SERVQUAL: the form takes management's answers (gap 1) instead. */
void        fid_survey_form_set_management (FidSurveyForm *self,
                                            gboolean       management);
/* Ctrl+Enter: TRUE when the response was saved (the form is then clear). */
gboolean    fid_survey_form_save           (FidSurveyForm *self);
/* The message beside the Save button when the last save failed, or NULL. */
const char *fid_survey_form_get_error      (FidSurveyForm *self);

G_END_DECLS
