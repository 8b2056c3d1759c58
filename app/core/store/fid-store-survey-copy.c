/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Copying a survey's questions into a new, empty survey (issue 12).
 *
 * A live workshop collects a class's answers in a survey of its own: the
 * chart on the projector then shows this class and nobody else, "reset"
 * is deleting that survey's responses, and keeping the session is keeping
 * the survey under a name. The copy has the same kind, the same items in
 * the same positions with the same SERVQUAL dimensions, and no responses. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fid-store-private.h"
#include "fid-store-surveys.h"
#include "fid-text.h"

gint64
fid_store_copy_survey (FidStore    *self,
                       gint64       survey_id,
                       const char  *title,
                       GError     **error)
{
  g_autoptr(FidSurvey) source = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *now = fid_store_now_iso ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (FID_IS_STORE (self), 0);

  /* Also reports a survey that does not exist (FID_STORE_ERROR_NOT_FOUND). */
  source = fid_store_get_survey (self, survey_id, error);
  if (source == NULL)
    return 0;
  if (fid_text_is_blank (title))
    title = fid_survey_get_title (source);
  trimmed = g_strstrip (g_strdup (title));

  if (!fid_store_begin (self, error))
    return 0;
  stmt = fid_store_prepare (self, "INSERT INTO surveys (kind, title, created_at) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, fid_survey_kind_to_key (fid_survey_get_kind (source)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("save the survey"), error))
    goto failed;
  id = sqlite3_last_insert_rowid (fid_store_get_db (self));

  stmt = fid_store_prepare (self,
                            "INSERT INTO survey_items (survey_id, position, label, dimension)"
                            " SELECT ?1, position, label, dimension FROM survey_items"
                            " WHERE survey_id = ?2 ORDER BY position", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, survey_id);
  if (!fid_store_step_write (self, stmt, _("save the survey"), error) ||
      !fid_store_audit (self, "create", "survey", id, fid_survey_kind_to_key (fid_survey_get_kind (source)), error) ||
      !fid_store_commit (self, error))
    goto failed;
  return id;

failed:
  fid_store_rollback (self);
  return 0;
}

gboolean
fid_store_delete_survey_responses (FidStore  *self,
                                   gint64     survey_id,
                                   GError   **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *details = NULL;
  int n;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  /* The answers go with them (ON DELETE CASCADE). */
  stmt = fid_store_prepare (self, "DELETE FROM survey_responses WHERE survey_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  if (!fid_store_step_write (self, stmt, _("delete the responses"), error))
    goto failed;
  n = sqlite3_changes (fid_store_get_db (self));
  details = g_strdup_printf ("%d responses", n);
  if (!fid_store_audit (self, "delete", "survey-responses", survey_id, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}
