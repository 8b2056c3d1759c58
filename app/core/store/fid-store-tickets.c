/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: tickets (requests, complaints, incidents) and their workflow.
 *
 *   open → in_progress → resolved → closed
 *                ↑            │
 *                └── reopen ──┘
 *
 * The status changes only through fid_store_set_ticket_status, which
 * refuses every other move with its own FidTicketError, so the UI can say
 * exactly why. Edits carry the row version, like customers. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fid-store-private.h"
#include "fid-store-workspace.h"

G_DEFINE_QUARK (fid-ticket-error-quark, fid_ticket_error)

static const char * const kinds[] = { "request", "complaint", "incident", NULL };
static const char * const priorities[] = { "low", "normal", "high", "urgent", NULL };
static const char * const ticket_statuses[] = { "open", "in_progress", "resolved", "closed", NULL };

/* Allowed moves of the workflow: from → to. */
static const struct
{
  const char *from;
  const char *to;
} transitions[] = {
  { "open", "in_progress" },
  { "in_progress", "resolved" },
  { "resolved", "closed" },
  { "resolved", "in_progress" },
};

#define TICKET_COLUMNS \
  "k.id, k.customer_id, " FID_CUSTOMER_NAME_SQL ("c") ", k.kind, k.category, k.subject," \
  " k.description, k.status, k.priority, k.opened_at, k.due_on, k.resolved_at, k.resolution," \
  " k.critical_incident, k.advisor_id, a.first_name || ' ' || a.last_name, k.version"
#define TICKET_JOINS \
  " JOIN customers c ON c.id = k.customer_id LEFT JOIN advisors a ON a.id = k.advisor_id"

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "open") == 0)
    return _("open");
  if (g_strcmp0 (status, "in_progress") == 0)
    return _("in progress");
  if (g_strcmp0 (status, "resolved") == 0)
    return _("resolved");
  if (g_strcmp0 (status, "closed") == 0)
    return _("closed");
  return status;
}

static FidTicket *
read_ticket (sqlite3_stmt *stmt)
{
  FidTicket *ticket = fid_ticket_new ();
  int i = 0;

  fid_ticket_set_id (ticket, sqlite3_column_int64 (stmt, i++));
  fid_ticket_set_customer_id (ticket, sqlite3_column_int64 (stmt, i++));
  fid_ticket_set_customer_name (ticket, fid_sqlite_text (stmt, i++));
  fid_ticket_set_kind (ticket, fid_sqlite_text (stmt, i++));
  fid_ticket_set_category (ticket, fid_sqlite_text (stmt, i++));
  fid_ticket_set_subject (ticket, fid_sqlite_text (stmt, i++));
  fid_ticket_set_description (ticket, fid_sqlite_text (stmt, i++));
  fid_ticket_set_status (ticket, fid_sqlite_text (stmt, i++));
  fid_ticket_set_priority (ticket, fid_sqlite_text (stmt, i++));
  fid_ticket_set_opened_at (ticket, fid_sqlite_text (stmt, i++));
  fid_ticket_set_due_on (ticket, fid_sqlite_text (stmt, i++));
  fid_ticket_set_resolved_at (ticket, fid_sqlite_text (stmt, i++));
  fid_ticket_set_resolution (ticket, fid_sqlite_text (stmt, i++));
  fid_ticket_set_critical_incident (ticket, sqlite3_column_int (stmt, i++));
  fid_ticket_set_advisor_id (ticket, sqlite3_column_int64 (stmt, i++));
  fid_ticket_set_advisor_name (ticket, fid_sqlite_text (stmt, i++));
  fid_ticket_set_version (ticket, sqlite3_column_int64 (stmt, i++));
  return ticket;
}

/* The checks shared by add and update (the editable fields). */
static gboolean
validate_fields (FidStore   *self,
                 FidTicket  *ticket,
                 GError    **error)
{
  const char *kind = fid_ticket_get_kind (ticket);
  const char *priority = fid_ticket_get_priority (ticket);
  const char *due_on = fid_ticket_get_due_on (ticket);
  gint64 advisor_id = fid_ticket_get_advisor_id (ticket);
  gboolean exists;

  if (kind == NULL || !g_strv_contains (kinds, kind))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a kind of ticket: use a request, a complaint or an incident."),
                   kind ? kind : "");
      return FALSE;
    }
  if (fid_text_is_blank (fid_ticket_get_subject (ticket)))
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_EMPTY_SUBJECT,
                           _("The ticket needs a subject."));
      return FALSE;
    }
  if (priority == NULL || !g_strv_contains (priorities, priority))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a priority: use low, normal, high or urgent."), priority ? priority : "");
      return FALSE;
    }
  if (!fid_text_is_blank (due_on) && !fid_parse_iso_date (due_on, NULL))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("The due date “%s” is not a valid date (expected YYYY-MM-DD)."), due_on);
      return FALSE;
    }
  if (advisor_id > 0)
    {
      if (!fid_store_row_exists (self, "SELECT 1 FROM advisors WHERE id = ?1", advisor_id, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_ADVISOR,
                       _("There is no advisor number %" PRId64 "."), advisor_id);
          return FALSE;
        }
    }
  if (fid_ticket_get_critical_incident (ticket) && !g_str_equal (kind, "complaint"))
    {
      g_set_error_literal (error, FID_TICKET_ERROR, FID_TICKET_ERROR_CRITICAL_NOT_COMPLAINT,
                           _("Only a complaint can be flagged as a critical incident."));
      return FALSE;
    }
  return TRUE;
}

static const char *
blank_to_null (const char *text)
{
  return fid_text_is_blank (text) ? NULL : text;
}

gboolean
fid_store_add_ticket (FidStore   *self,
                      FidTicket  *ticket,
                      GError    **error)
{
  g_autofree char *opened_at = NULL;
  const char *status, *given_at;
  sqlite3_stmt *stmt;
  gboolean exists;
  gint64 id;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (FID_IS_TICKET (ticket), FALSE);

  id = fid_ticket_get_customer_id (ticket);
  if (!fid_store_row_exists (self, "SELECT 1 FROM customers WHERE id = ?1", id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER,
                   _("There is no customer number %" PRId64 "."), id);
      return FALSE;
    }
  if (!validate_fields (self, ticket, error))
    return FALSE;
  status = fid_ticket_get_status (ticket);
  if (!fid_text_is_blank (status) && !g_str_equal (status, "open"))
    {
      g_set_error (error, FID_TICKET_ERROR, FID_TICKET_ERROR_INVALID_TRANSITION,
                   _("A new ticket starts open, not %s."), status_label (status));
      return FALSE;
    }
  given_at = fid_ticket_get_opened_at (ticket);
  if (fid_text_is_blank (given_at))
    opened_at = fid_store_now_iso ();
  else if ((opened_at = fid_normalize_iso_date_time (given_at)) == NULL)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE_TIME,
                   _("“%s” is not a valid date and time (expected YYYY-MM-DD HH:MM)."), given_at);
      return FALSE;
    }

  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self,
                            "INSERT INTO tickets (customer_id, kind, category, subject, description,"
                            " status, priority, opened_at, due_on, critical_incident, advisor_id, version)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6, ?7, ?8, ?9, ?10, 1)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, fid_ticket_get_customer_id (ticket));
  sqlite3_bind_text (stmt, 2, fid_ticket_get_kind (ticket), -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 3, blank_to_null (fid_ticket_get_category (ticket)));
  sqlite3_bind_text (stmt, 4, fid_ticket_get_subject (ticket), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, fid_ticket_get_description (ticket) ?: "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, fid_ticket_get_priority (ticket), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, opened_at, -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 8, blank_to_null (fid_ticket_get_due_on (ticket)));
  sqlite3_bind_int (stmt, 9, fid_ticket_get_critical_incident (ticket) ? 1 : 0);
  fid_sqlite_bind_id_or_null (stmt, 10, fid_ticket_get_advisor_id (ticket));
  if (!fid_store_step_write (self, stmt, _("save the ticket"), error))
    goto failed;
  id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  if (!fid_store_audit (self, "create", "ticket", id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;

  fid_ticket_set_id (ticket, id);
  fid_ticket_set_status (ticket, "open");
  fid_ticket_set_opened_at (ticket, opened_at);
  fid_ticket_set_version (ticket, 1);
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

/* After an UPDATE … WHERE id AND version that changed nothing: tells a
 * concurrent edit from a deleted ticket. */
static void
set_conflict_error (FidStore  *self,
                    gint64     id,
                    GError   **error)
{
  gboolean exists = FALSE;

  if (!fid_store_row_exists (self, "SELECT 1 FROM tickets WHERE id = ?1", id, &exists, error))
    return;
  if (exists)
    g_set_error_literal (error, FID_STORE_ERROR, FID_STORE_ERROR_CONFLICT,
                         _("Someone else changed this ticket since you opened it. "
                           "Reopen the ticket to see their changes, then edit again."));
  else
    g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                 _("Ticket %" PRId64 " no longer exists."), id);
}

gboolean
fid_store_update_ticket (FidStore   *self,
                         FidTicket  *ticket,
                         GError    **error)
{
  gint64 id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (FID_IS_TICKET (ticket), FALSE);

  if (!validate_fields (self, ticket, error))
    return FALSE;
  id = fid_ticket_get_id (ticket);
  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self,
                            "UPDATE tickets SET kind = ?1, category = ?2, subject = ?3, description = ?4,"
                            " priority = ?5, due_on = ?6, critical_incident = ?7, advisor_id = ?8,"
                            " version = version + 1"
                            " WHERE id = ?9 AND version = ?10", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, fid_ticket_get_kind (ticket), -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 2, blank_to_null (fid_ticket_get_category (ticket)));
  sqlite3_bind_text (stmt, 3, fid_ticket_get_subject (ticket), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, fid_ticket_get_description (ticket) ?: "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, fid_ticket_get_priority (ticket), -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 6, blank_to_null (fid_ticket_get_due_on (ticket)));
  sqlite3_bind_int (stmt, 7, fid_ticket_get_critical_incident (ticket) ? 1 : 0);
  fid_sqlite_bind_id_or_null (stmt, 8, fid_ticket_get_advisor_id (ticket));
  sqlite3_bind_int64 (stmt, 9, id);
  sqlite3_bind_int64 (stmt, 10, fid_ticket_get_version (ticket));
  if (!fid_store_step_write (self, stmt, _("save the ticket"), error))
    goto failed;
  if (sqlite3_changes (fid_store_get_db (self)) == 0)
    {
      set_conflict_error (self, id, error);
      goto failed;
    }
  if (!fid_store_audit (self, "update", "ticket", id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;
  fid_ticket_set_version (ticket, fid_ticket_get_version (ticket) + 1);
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

static gboolean
transition_allowed (const char *from,
                    const char *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (g_str_equal (transitions[i].from, from) && g_str_equal (transitions[i].to, to))
      return TRUE;
  return FALSE;
}

gboolean
fid_store_set_ticket_status (FidStore    *self,
                             gint64       id,
                             const char  *status,
                             const char  *resolution,
                             GError     **error)
{
  g_autofree char *from = NULL;
  g_autofree char *details = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  if (!g_strv_contains (ticket_statuses, status))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a ticket status: use open, in_progress, resolved or closed."), status);
      return FALSE;
    }

  /* Read and write in one transaction: the move is checked against the
   * status it changes. */
  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self, "SELECT status FROM tickets WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    from = g_strdup (fid_sqlite_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                   _("Ticket %" PRId64 " does not exist."), id);
      goto failed;
    }
  if (rc != SQLITE_ROW)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the ticket"));
      goto failed;
    }

  if (!transition_allowed (from, status))
    {
      if (g_str_equal (from, status))
        g_set_error (error, FID_TICKET_ERROR, FID_TICKET_ERROR_INVALID_TRANSITION,
                     _("The ticket is already %s."), status_label (status));
      else if (g_str_equal (from, "closed"))
        g_set_error_literal (error, FID_TICKET_ERROR, FID_TICKET_ERROR_INVALID_TRANSITION,
                             _("The ticket is closed: it cannot change any more. Open a new ticket instead."));
      else
        /* Translators: a ticket status change, "from open to closed". */
        g_set_error (error, FID_TICKET_ERROR, FID_TICKET_ERROR_INVALID_TRANSITION,
                     _("A ticket cannot go from %s to %s: it goes open, in progress, resolved, then closed."),
                     status_label (from), status_label (status));
      goto failed;
    }
  if (g_str_equal (status, "resolved") && fid_text_is_blank (resolution))
    {
      g_set_error_literal (error, FID_TICKET_ERROR, FID_TICKET_ERROR_RESOLUTION_REQUIRED,
                           _("Write how the ticket was resolved before marking it resolved."));
      goto failed;
    }

  now = fid_store_now_iso ();
  if (g_str_equal (status, "resolved"))
    stmt = fid_store_prepare (self,
                              "UPDATE tickets SET status = 'resolved', resolution = ?2, resolved_at = ?3,"
                              " version = version + 1 WHERE id = ?1", error);
  else if (g_str_equal (from, "resolved") && g_str_equal (status, "in_progress"))
    stmt = fid_store_prepare (self,
                              "UPDATE tickets SET status = 'in_progress', resolved_at = NULL,"
                              " version = version + 1 WHERE id = ?1", error);
  else
    stmt = fid_store_prepare (self,
                              "UPDATE tickets SET status = ?2, version = version + 1 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (g_str_equal (status, "resolved"))
    {
      g_autofree char *note = g_strstrip (g_strdup (resolution));

      sqlite3_bind_text (stmt, 2, note, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
    }
  else if (!g_str_equal (from, "resolved") || !g_str_equal (status, "in_progress"))
    sqlite3_bind_text (stmt, 2, status, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("change the ticket’s status"), error))
    goto failed;

  details = g_strdup_printf ("%s -> %s", from, status);
  if (!fid_store_audit (self, "status", "ticket", id, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

FidTicket *
fid_store_get_ticket (FidStore  *self,
                      gint64     id,
                      GError   **error)
{
  FidTicket *ticket;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self, "SELECT " TICKET_COLUMNS " FROM tickets k" TICKET_JOINS " WHERE k.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!fid_store_step_row (self, stmt, _("read the ticket"), error,
                           _("Ticket %" PRId64 " does not exist."), id))
    return NULL;
  ticket = read_ticket (stmt);
  sqlite3_reset (stmt);
  return ticket;
}

static GPtrArray *
collect_tickets (FidStore      *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_ticket (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list tickets"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
fid_store_list_customer_tickets (FidStore  *self,
                                 gint64     customer_id,
                                 GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT " TICKET_COLUMNS " FROM tickets k" TICKET_JOINS
                            " WHERE k.customer_id = ?1 ORDER BY k.opened_at DESC, k.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  return collect_tickets (self, stmt, error);
}

/* Triage order: overdue first, then the most urgent, then the soonest due. */
#define OPEN_TICKETS_ORDER \
  " ORDER BY (k.due_on IS NOT NULL AND k.due_on < ?2) DESC," \
  " CASE k.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END," \
  " k.due_on IS NULL, k.due_on, k.opened_at, k.id"

GPtrArray *
fid_store_list_open_tickets (FidStore    *self,
                             gint64       advisor_id,
                             const char  *as_of,
                             GError     **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  if (as_of == NULL)
    as_of = today = fid_store_today_iso ();
  else if (!fid_parse_iso_date (as_of, NULL))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)."), as_of);
      return NULL;
    }

  /* Both texts repeat the partial indexes' condition (tickets_open,
   * tickets_advisor_open) so the planner can use them. */
  if (advisor_id > 0)
    stmt = fid_store_prepare (self,
                              "SELECT " TICKET_COLUMNS " FROM tickets k" TICKET_JOINS
                              " WHERE k.status IN ('open', 'in_progress') AND k.advisor_id = ?1"
                              OPEN_TICKETS_ORDER, error);
  else
    stmt = fid_store_prepare (self,
                              "SELECT " TICKET_COLUMNS " FROM tickets k" TICKET_JOINS
                              " WHERE k.status IN ('open', 'in_progress') AND ?1 = 0"
                              OPEN_TICKETS_ORDER, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (advisor_id, 0));
  sqlite3_bind_text (stmt, 2, as_of, -1, SQLITE_TRANSIENT);
  return collect_tickets (self, stmt, error);
}
