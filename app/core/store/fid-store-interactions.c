/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: interactions (calls, e-mails, branch meetings and their
 * reports) and the follow-ups they schedule.
 *
 * A follow-up is an interaction's follow_up_on date while follow_up_done
 * is 0; the list an advisor works through reads the partial index
 * interactions_follow_up (advisor, date), which holds only pending ones. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fid-store-private.h"
#include "fid-store-workspace.h"

static const char * const directions[] = { "inbound", "outbound", NULL };
static const char * const statuses[] = { "done", "failed", "planned", NULL };

#define INTERACTION_COLUMNS \
  "i.id, i.customer_id, " FID_CUSTOMER_NAME_SQL ("c") ", i.channel, i.direction, i.at," \
  " i.advisor_id, a.first_name || ' ' || a.last_name, i.subject, i.notes, i.outcome," \
  " i.next_step, i.follow_up_on, i.follow_up_done, i.status, i.campaign_id, i.details"
#define INTERACTION_JOINS \
  " JOIN customers c ON c.id = i.customer_id LEFT JOIN advisors a ON a.id = i.advisor_id"

static FidInteraction *
read_interaction (sqlite3_stmt *stmt)
{
  FidInteraction *interaction = fid_interaction_new ();
  int i = 0;

  fid_interaction_set_id (interaction, sqlite3_column_int64 (stmt, i++));
  fid_interaction_set_customer_id (interaction, sqlite3_column_int64 (stmt, i++));
  fid_interaction_set_customer_name (interaction, fid_sqlite_text (stmt, i++));
  fid_interaction_set_channel (interaction, fid_sqlite_text (stmt, i++));
  fid_interaction_set_direction (interaction, fid_sqlite_text (stmt, i++));
  fid_interaction_set_at (interaction, fid_sqlite_text (stmt, i++));
  fid_interaction_set_advisor_id (interaction, sqlite3_column_int64 (stmt, i++));
  fid_interaction_set_advisor_name (interaction, fid_sqlite_text (stmt, i++));
  fid_interaction_set_subject (interaction, fid_sqlite_text (stmt, i++));
  fid_interaction_set_notes (interaction, fid_sqlite_text (stmt, i++));
  fid_interaction_set_outcome (interaction, fid_sqlite_text (stmt, i++));
  fid_interaction_set_next_step (interaction, fid_sqlite_text (stmt, i++));
  fid_interaction_set_follow_up_on (interaction, fid_sqlite_text (stmt, i++));
  fid_interaction_set_follow_up_done (interaction, sqlite3_column_int (stmt, i++));
  fid_interaction_set_status (interaction, fid_sqlite_text (stmt, i++));
  fid_interaction_set_campaign_id (interaction, sqlite3_column_int64 (stmt, i++));
  fid_interaction_set_details (interaction, fid_sqlite_text (stmt, i++));
  return interaction;
}

/* A channel id as plugins name them: lower-case letters, digits, '-', '_'. */
static gboolean
channel_is_valid (const char *channel)
{
  for (const char *p = channel; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
json_is_object (FidStore    *self,
                const char  *json,
                gboolean    *is_object,
                GError     **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self, "SELECT json_valid (?1) AND json_type (?1) = 'object'", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *is_object = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      fid_store_set_sqlite_error (self, error, rc, _("check the details"));
      return FALSE;
    }
  return TRUE;
}

/* Checks @interaction; on success *at is its moment, normalised (now when
 * it had none). */
static gboolean
validate_interaction (FidStore        *self,
                      FidInteraction  *interaction,
                      char           **at,
                      GError         **error)
{
  const char *channel = fid_interaction_get_channel (interaction);
  const char *direction = fid_interaction_get_direction (interaction);
  const char *given_at = fid_interaction_get_at (interaction);
  const char *follow_up = fid_interaction_get_follow_up_on (interaction);
  const char *status = fid_interaction_get_status (interaction);
  const char *details = fid_interaction_get_details (interaction);
  gint64 id;
  gboolean ok;

  id = fid_interaction_get_customer_id (interaction);
  if (!fid_store_row_exists (self, "SELECT 1 FROM customers WHERE id = ?1", id, &ok, error))
    return FALSE;
  if (!ok)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER,
                   _("There is no customer number %" PRId64 "."), id);
      return FALSE;
    }

  if (fid_text_is_blank (channel))
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_EMPTY_CHANNEL,
                           _("Choose the channel of the interaction (phone, e-mail, branch…)."));
      return FALSE;
    }
  if (!channel_is_valid (channel))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a channel id (lower-case letters, digits, “-” and “_” only)."), channel);
      return FALSE;
    }

  if (direction == NULL || !g_strv_contains (directions, direction))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a direction: use inbound or outbound."), direction ? direction : "");
      return FALSE;
    }

  if (fid_text_is_blank (given_at))
    *at = fid_store_now_iso ();
  else if ((*at = fid_normalize_iso_date_time (given_at)) == NULL)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE_TIME,
                   _("“%s” is not a valid date and time (expected YYYY-MM-DD HH:MM)."), given_at);
      return FALSE;
    }

  if (!fid_text_is_blank (follow_up) && !fid_parse_iso_date (follow_up, NULL))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("The follow-up date “%s” is not a valid date (expected YYYY-MM-DD)."), follow_up);
      goto failed;
    }

  if (status == NULL || !g_strv_contains (statuses, status))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not an interaction status: use done, failed or planned."), status ? status : "");
      goto failed;
    }

  if ((id = fid_interaction_get_advisor_id (interaction)) > 0)
    {
      if (!fid_store_row_exists (self, "SELECT 1 FROM advisors WHERE id = ?1", id, &ok, error))
        goto failed;
      if (!ok)
        {
          g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_ADVISOR,
                       _("There is no advisor number %" PRId64 "."), id);
          goto failed;
        }
    }

  if ((id = fid_interaction_get_campaign_id (interaction)) > 0)
    {
      if (!fid_store_row_exists (self, "SELECT 1 FROM campaigns WHERE id = ?1", id, &ok, error))
        goto failed;
      if (!ok)
        {
          g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                       _("There is no campaign number %" PRId64 "."), id);
          goto failed;
        }
    }

  if (details != NULL)
    {
      if (!json_is_object (self, details, &ok, error))
        goto failed;
      if (!ok)
        {
          g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                               _("The channel details are not a JSON object."));
          goto failed;
        }
    }
  return TRUE;

failed:
  g_clear_pointer (at, g_free);
  return FALSE;
}

gboolean
fid_store_add_interaction (FidStore        *self,
                           FidInteraction  *interaction,
                           GError         **error)
{
  g_autofree char *at = NULL;
  const char *follow_up;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (FID_IS_INTERACTION (interaction), FALSE);

  if (!validate_interaction (self, interaction, &at, error))
    return FALSE;
  if (!fid_store_begin (self, error))
    return FALSE;

  stmt = fid_store_prepare (self,
                            "INSERT INTO interactions (customer_id, channel, direction, at, advisor_id,"
                            " subject, notes, outcome, next_step, follow_up_on, follow_up_done,"
                            " campaign_id, status, details)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                            error);
  if (stmt == NULL)
    goto failed;
  follow_up = fid_interaction_get_follow_up_on (interaction);
  sqlite3_bind_int64 (stmt, 1, fid_interaction_get_customer_id (interaction));
  sqlite3_bind_text (stmt, 2, fid_interaction_get_channel (interaction), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, fid_interaction_get_direction (interaction), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, at, -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_id_or_null (stmt, 5, fid_interaction_get_advisor_id (interaction));
  sqlite3_bind_text (stmt, 6, fid_interaction_get_subject (interaction) ?: "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, fid_interaction_get_notes (interaction) ?: "", -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 8, fid_text_is_blank (fid_interaction_get_outcome (interaction))
                                         ? NULL : fid_interaction_get_outcome (interaction));
  fid_sqlite_bind_text_or_null (stmt, 9, fid_text_is_blank (fid_interaction_get_next_step (interaction))
                                         ? NULL : fid_interaction_get_next_step (interaction));
  fid_sqlite_bind_text_or_null (stmt, 10, fid_text_is_blank (follow_up) ? NULL : follow_up);
  sqlite3_bind_int (stmt, 11, fid_interaction_get_follow_up_done (interaction) ? 1 : 0);
  fid_sqlite_bind_id_or_null (stmt, 12, fid_interaction_get_campaign_id (interaction));
  sqlite3_bind_text (stmt, 13, fid_interaction_get_status (interaction), -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 14, fid_interaction_get_details (interaction));
  if (!fid_store_step_write (self, stmt, _("save the interaction"), error))
    goto failed;
  id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  if (!fid_store_audit (self, "create", "interaction", id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;

  fid_interaction_set_id (interaction, id);
  fid_interaction_set_at (interaction, at);
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

FidInteraction *
fid_store_get_interaction (FidStore  *self,
                           gint64     id,
                           GError   **error)
{
  FidInteraction *interaction;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT " INTERACTION_COLUMNS " FROM interactions i" INTERACTION_JOINS
                            " WHERE i.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!fid_store_step_row (self, stmt, _("read the interaction"), error,
                           _("Interaction %" PRId64 " does not exist."), id))
    return NULL;
  interaction = read_interaction (stmt);
  sqlite3_reset (stmt);
  return interaction;
}

GPtrArray *
fid_store_list_follow_ups (FidStore    *self,
                           gint64       advisor_id,
                           const char  *as_of,
                           GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (advisor_id > 0, NULL);

  if (as_of == NULL)
    as_of = today = fid_store_today_iso ();
  else if (!fid_parse_iso_date (as_of, NULL))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)."), as_of);
      return NULL;
    }

  /* The conditions of the partial index, spelled as it is, so the
   * planner uses it. */
  stmt = fid_store_prepare (self,
                            "SELECT " INTERACTION_COLUMNS " FROM interactions i" INTERACTION_JOINS
                            " WHERE i.advisor_id = ?1 AND i.follow_up_on IS NOT NULL"
                            " AND i.follow_up_done = 0 AND i.follow_up_on <= ?2"
                            " ORDER BY i.follow_up_on, i.at, i.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, advisor_id);
  sqlite3_bind_text (stmt, 2, as_of, -1, SQLITE_TRANSIENT);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_interaction (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list the follow-ups"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
fid_store_complete_follow_up (FidStore  *self,
                              gint64     interaction_id,
                              GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean exists;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self,
                            "UPDATE interactions SET follow_up_done = 1"
                            " WHERE id = ?1 AND follow_up_on IS NOT NULL", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, interaction_id);
  if (!fid_store_step_write (self, stmt, _("complete the follow-up"), error))
    goto failed;
  if (sqlite3_changes (fid_store_get_db (self)) == 0)
    {
      if (!fid_store_row_exists (self, "SELECT 1 FROM interactions WHERE id = ?1", interaction_id, &exists, error))
        goto failed;
      if (exists)
        g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                     _("Interaction %" PRId64 " has no follow-up to complete."), interaction_id);
      else
        g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                     _("Interaction %" PRId64 " does not exist."), interaction_id);
      goto failed;
    }
  if (!fid_store_audit (self, "complete_follow_up", "interaction", interaction_id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}
