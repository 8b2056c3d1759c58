/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-import-report.h"

G_BEGIN_DECLS

/* Reading web-form submissions.
 *
 * CSV: a header line naming the columns, in any order, English or French:
 *   submitted_at (date, soumis_le)   YYYY-MM-DD[ HH:MM[:SS]] or with T; empty: now
 *   email (e-mail, courriel)         required
 *   first_name (prenom, prénom)
 *   last_name (nom)                  required when the address is unknown
 *   phone (telephone, téléphone)
 *   subject (sujet, objet)
 *   message
 *   form (formulaire)                which form (e.g. "contact", "mortgage-quote")
 * JSON: an array of objects with the same keys, or {"submissions": [...]}.
 *
 * Every problem found goes into the report, by line (CSV) or with the
 * submission's number (JSON, line 0); the caller imports only when there
 * is none. */

typedef struct
{
  guint  line;          /* CSV line, or JSON item number (from 1) */
  char  *submitted_at;  /* normalised: YYYY-MM-DDTHH:MM:SS, or NULL for now */
  char  *email;
  char  *first_name;
  char  *last_name;
  char  *phone;
  char  *subject;
  char  *message;
  char  *form;
} FidWebSubmission;

void       fid_web_submission_free (FidWebSubmission *submission);

/* Returns the submissions that passed the per-row checks (format, e-mail,
 * date, something said); a file that cannot be read at all is NULL with
 * @error. The report has the number of rows and every problem. */
GPtrArray *fid_web_import_parse    (const char       *data,
                                    gsize             length,
                                    gboolean          json,
                                    FidImportReport  *report,
                                    GError          **error);

/* Adds a problem about @submission to @report, by line or item. */
void       fid_web_import_problem  (FidImportReport  *report,
                                    FidWebSubmission *submission,
                                    gboolean          json,
                                    const char       *reason);

G_END_DECLS
