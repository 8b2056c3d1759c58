/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-survey-form.h"

G_BEGIN_DECLS

/* Shared by fid-survey-form.c (the entry form: who answered, saving),
 * fid-survey-form-grid.c (the answer boxes of the survey's items) and
 * fid-survey-form-csv.c (importing and exporting the answers as CSV). */

typedef struct
{
  FidSurveyItem *item;
  FidSurveyPart  part;
  GtkEditable   *entry;
  char          *name;     /* "Feature 3, dysfunctional", for messages */
} Input;

struct _FidSurveyForm
{
  AdwBin          parent_instance;

  FidStore       *store;
  FidSurvey      *survey;
  GPtrArray      *inputs;          /* Input: answers, then weights */
  GPtrArray      *headers;         /* column titles, shown per mode */
  gint64          customer_id;
  char           *customer_name;   /* as shown in the entry once linked */
  gboolean        setting_customer;
  gint64          last_response_id;
  char           *last_respondent;
  char           *error;

  /* Template widgets */
  GtkEditable    *respondent_entry;
  GtkSearchEntry *customer_entry;
  GtkListBox     *customer_list;
  GtkLabel       *customer_label;
  GtkEditable    *date_entry;
  GtkCheckButton *importance_check;
  GtkCheckButton *management_check;
  GtkLabel       *scale_label;
  GtkGrid        *answers_grid;
  GtkWidget      *weights_box;
  GtkGrid        *weights_grid;
  GtkLabel       *status_label;
};

static inline FidSurveyKind
_fid_survey_form_kind (FidSurveyForm *self)
{
  return self->survey != NULL ? fid_survey_get_kind (self->survey) : FID_SURVEY_N_KINDS;
}

/* fid-survey-form-grid.c: the boxes for the survey's items (and SERVQUAL
 * weights), shown for the mode (importance asked, management's answers). */
void       _fid_survey_form_build      (FidSurveyForm *self);
void       _fid_survey_form_update_mode (FidSurveyForm *self);
/* Enter in a box: on to the next, as Tab. */
void       _fid_survey_form_move_on    (FidSurveyForm *self);

FidStore  *_fid_survey_form_get_store  (FidSurveyForm *self);
FidSurvey *_fid_survey_form_get_survey (FidSurveyForm *self);
/* The line beside the Save button; @error shows it as an error. */
void       _fid_survey_form_set_status (FidSurveyForm *self,
                                        const char    *text,
                                        gboolean       error);
/* Responses were added or removed: emits "saved". */
void       _fid_survey_form_responses_changed (FidSurveyForm *self);

/* The form.import and form.export actions. */
void       _fid_survey_form_import     (FidSurveyForm *self);
void       _fid_survey_form_export     (FidSurveyForm *self);

G_END_DECLS
