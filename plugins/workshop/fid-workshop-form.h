/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The answer form a class opens on their phones (issue 12): plain HTML
 * and CSS in one page, no script, no external resource, readable on a
 * 390-pixel-wide screen; and the reading of what a phone sends back.
 *
 * Field names: Kano "fN" and "dN" (functional and dysfunctional answer to
 * feature N, 1–5); SERVQUAL "eN" and "pN" (expectation and perception of
 * statement N, 1–7); NPS, CSAT, CES "sN" (the score). N is the item's
 * position from 1. Every question must be answered. GTK-free. */

#include <glib.h>

#include "fid-store-surveys.h"

G_BEGIN_DECLS

/* The form page of @survey, posting to @action. @values (field name ->
 * value, may be NULL) are ticked again, and @problem (plain text, may be
 * NULL) is shown at the top: a refused submission comes back filled in
 * with what to fix. */
char              *fid_workshop_form_render  (FidSurvey   *survey,
                                              const char  *action,
                                              GHashTable  *values,
                                              const char  *problem);

/* A short page with a title and a message: thanks, already answered,
 * refused… @kind "ok" or "error" colours it. */
char              *fid_workshop_page_render  (const char  *kind,
                                              const char  *title,
                                              const char  *message);

/* The response that the decoded form @fields give for @survey; NULL with
 * FID_VALIDATION_ERROR and a message for the phone when a field is
 * unknown, a value is not a whole number in its range, or a question is
 * unanswered (the message names it). */
FidSurveyResponse *fid_workshop_form_read    (FidSurvey   *survey,
                                              GHashTable  *fields,
                                              GError     **error);

G_END_DECLS
