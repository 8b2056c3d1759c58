/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidBulkLoader: the rows that hang off a customer (transactions, contacts,
 * tickets, life events, opportunities, campaigns and their targets,
 * surveys and their answers, segment snapshots). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fid-bulk-loader-private.h"

/* Transactions go in by several rows per INSERT, as customers do
 * (fid-bulk-loader.c), so that the per-statement work (starting and ending
 * the statement, binding…) is paid once per customer rather than once per
 * row. */
#define N_TRANSACTION_COLUMNS 6

static const char transaction_insert_head[] =
  "INSERT INTO transactions (customer_id, date, amount_cents, margin_cents,"
  " product_family, channel) VALUES ";
static const char transaction_insert_row[] = "(?, ?, ?, ?, ?, ?)";

gint64
fid_bulk_loader_add_transaction (FidBulkLoader  *self,
                                 gint64          customer_id,
                                 const char     *date,
                                 gint64          amount_cents,
                                 gint64          margin_cents,
                                 const char     *product_family,
                                 const char     *channel,
                                 GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (date != NULL && product_family != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_TRANSACTION];
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, amount_cents);
  sqlite3_bind_int64 (stmt, 4, margin_cents);
  sqlite3_bind_text (stmt, 5, product_family, -1, SQLITE_STATIC);
  bind_text (stmt, 6, channel);
  return step_returning_id (self, STMT_TRANSACTION, error);
}

gboolean
fid_bulk_loader_add_transactions (FidBulkLoader            *self,
                                  const FidBulkTransaction *rows,
                                  guint                     n_rows,
                                  GError                  **error)
{
  g_return_val_if_fail (FID_IS_BULK_LOADER (self), FALSE);
  g_return_val_if_fail (rows != NULL || n_rows == 0, FALSE);

  if (!check_open (self, error))
    return FALSE;

  for (guint done = 0; done < n_rows;)
    {
      guint n = MIN (n_rows - done, MAX_TRANSACTION_BATCH);
      sqlite3_stmt *stmt = fid_bulk_loader_multi_row_statement (self, transaction_insert_head,
                                                                transaction_insert_row, n,
                                                                self->transaction_stmts, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          const FidBulkTransaction *t = &rows[done + i];
          int first = 1 + (int) i * N_TRANSACTION_COLUMNS;

          g_return_val_if_fail (t->date != NULL && t->product_family != NULL, FALSE);
          sqlite3_bind_int64 (stmt, first, t->customer_id);
          sqlite3_bind_text (stmt, first + 1, t->date, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, first + 2, t->amount_cents);
          sqlite3_bind_int64 (stmt, first + 3, t->margin_cents);
          sqlite3_bind_text (stmt, first + 4, t->product_family, -1, SQLITE_STATIC);
          bind_text (stmt, first + 5, t->channel);
        }
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        fid_store_set_sqlite_error (self->store, error, rc, _("add a transaction"));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return FALSE;
      done += n;
    }
  return TRUE;
}

gint64
fid_bulk_loader_add_interaction (FidBulkLoader             *self,
                                 const FidBulkInteraction  *i,
                                 GError                   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (i != NULL && i->channel != NULL && i->direction != NULL && i->at != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_INTERACTION];
  sqlite3_bind_int64 (stmt, 1, i->customer_id);
  bind_text (stmt, 2, i->channel);
  bind_text (stmt, 3, i->direction);
  bind_text (stmt, 4, i->at);
  bind_id (stmt, 5, i->advisor_id);
  bind_text_or_empty (stmt, 6, i->subject);
  bind_text_or_empty (stmt, 7, i->notes);
  bind_text (stmt, 8, i->outcome);
  bind_text (stmt, 9, i->next_step);
  bind_text (stmt, 10, i->follow_up_on);
  sqlite3_bind_int (stmt, 11, i->follow_up_done ? 1 : 0);
  bind_id (stmt, 12, i->campaign_id);
  bind_text (stmt, 13, i->status != NULL ? i->status : "done");
  return step_returning_id (self, STMT_INTERACTION, error);
}

gint64
fid_bulk_loader_add_ticket (FidBulkLoader        *self,
                            const FidBulkTicket  *t,
                            GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (t != NULL && t->kind != NULL && t->subject != NULL && t->opened_at != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_TICKET];
  sqlite3_bind_int64 (stmt, 1, t->customer_id);
  bind_text (stmt, 2, t->kind);
  bind_text (stmt, 3, t->category);
  bind_text (stmt, 4, t->subject);
  bind_text_or_empty (stmt, 5, t->description);
  bind_text (stmt, 6, t->status != NULL ? t->status : "open");
  bind_text (stmt, 7, t->priority != NULL ? t->priority : "normal");
  bind_text (stmt, 8, t->opened_at);
  bind_text (stmt, 9, t->due_on);
  bind_text (stmt, 10, t->resolved_at);
  bind_text (stmt, 11, t->resolution);
  sqlite3_bind_int (stmt, 12, t->critical_incident ? 1 : 0);
  bind_id (stmt, 13, t->advisor_id);
  return step_returning_id (self, STMT_TICKET, error);
}

gint64
fid_bulk_loader_add_life_event (FidBulkLoader  *self,
                                gint64          customer_id,
                                const char     *kind,
                                const char     *occurred_on,
                                const char     *notes,
                                GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (kind != NULL && occurred_on != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_LIFE_EVENT];
  sqlite3_bind_int64 (stmt, 1, customer_id);
  bind_text (stmt, 2, kind);
  bind_text (stmt, 3, occurred_on);
  bind_text_or_empty (stmt, 4, notes);
  return step_returning_id (self, STMT_LIFE_EVENT, error);
}

gint64
fid_bulk_loader_add_opportunity (FidBulkLoader             *self,
                                 const FidBulkOpportunity  *o,
                                 GError                   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (o != NULL && o->created_at != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_OPPORTUNITY];
  sqlite3_bind_int64 (stmt, 1, o->customer_id);
  sqlite3_bind_int64 (stmt, 2, o->product_id);
  bind_text (stmt, 3, o->stage != NULL ? o->stage : "lead");
  sqlite3_bind_int64 (stmt, 4, o->amount_cents);
  sqlite3_bind_double (stmt, 5, o->probability);
  bind_id (stmt, 6, o->advisor_id);
  bind_text (stmt, 7, o->created_at);
  bind_text (stmt, 8, o->expected_close_on);
  return step_returning_id (self, STMT_OPPORTUNITY, error);
}

gint64
fid_bulk_loader_add_campaign (FidBulkLoader          *self,
                              const FidBulkCampaign  *c,
                              GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (c != NULL && c->name != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_CAMPAIGN];
  bind_text (stmt, 1, c->name);
  bind_text (stmt, 2, c->objective);
  bind_text (stmt, 3, c->channel);
  bind_text (stmt, 4, c->product_family);
  bind_text (stmt, 5, c->starts_on);
  bind_text (stmt, 6, c->ends_on);
  sqlite3_bind_int64 (stmt, 7, c->cost_per_contact_cents);
  sqlite3_bind_int64 (stmt, 8, c->fixed_cost_cents);
  sqlite3_bind_int64 (stmt, 9, c->seed);
  sqlite3_bind_double (stmt, 10, c->control_share);
  bind_text (stmt, 11, c->status != NULL ? c->status : "draft");
  bind_text (stmt, 12, c->created_at != NULL ? c->created_at : self->now);
  return step_returning_id (self, STMT_CAMPAIGN, error);
}

gboolean
fid_bulk_loader_add_campaign_target (FidBulkLoader  *self,
                                     gint64          campaign_id,
                                     gint64          customer_id,
                                     const char     *grp,
                                     const char     *contacted_at,
                                     const char     *responded_at,
                                     const char     *converted_at,
                                     GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), FALSE);
  g_return_val_if_fail (grp != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;
  stmt = self->stmts[STMT_CAMPAIGN_TARGET];
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  bind_text (stmt, 3, grp);
  bind_text (stmt, 4, contacted_at);
  bind_text (stmt, 5, responded_at);
  bind_text (stmt, 6, converted_at);
  return step (self, STMT_CAMPAIGN_TARGET, error);
}

gint64
fid_bulk_loader_add_survey (FidBulkLoader  *self,
                            const char     *kind,
                            const char     *title,
                            const char     *created_at,
                            GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (kind != NULL && title != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_SURVEY];
  bind_text (stmt, 1, kind);
  bind_text (stmt, 2, title);
  bind_text (stmt, 3, created_at != NULL ? created_at : self->now);
  return step_returning_id (self, STMT_SURVEY, error);
}

gint64
fid_bulk_loader_add_survey_item (FidBulkLoader  *self,
                                 gint64          survey_id,
                                 int             position,
                                 const char     *label,
                                 const char     *dimension,
                                 GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_SURVEY_ITEM];
  sqlite3_bind_int64 (stmt, 1, survey_id);
  sqlite3_bind_int (stmt, 2, position);
  bind_text (stmt, 3, label);
  bind_text (stmt, 4, dimension);
  return step_returning_id (self, STMT_SURVEY_ITEM, error);
}

gint64
fid_bulk_loader_add_survey_response (FidBulkLoader  *self,
                                     gint64          survey_id,
                                     gint64          customer_id,
                                     const char     *respondent,
                                     const char     *answered_at,
                                     GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (answered_at != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_SURVEY_RESPONSE];
  sqlite3_bind_int64 (stmt, 1, survey_id);
  bind_id (stmt, 2, customer_id);
  bind_text (stmt, 3, respondent);
  bind_text (stmt, 4, answered_at);
  return step_returning_id (self, STMT_SURVEY_RESPONSE, error);
}

gboolean
fid_bulk_loader_add_survey_answer (FidBulkLoader  *self,
                                   gint64          response_id,
                                   gint64          item_id,
                                   const char     *part,
                                   gint64          value,
                                   GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), FALSE);
  g_return_val_if_fail (part != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;
  stmt = self->stmts[STMT_SURVEY_ANSWER];
  sqlite3_bind_int64 (stmt, 1, response_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  bind_text (stmt, 3, part);
  sqlite3_bind_int64 (stmt, 4, value);
  return step (self, STMT_SURVEY_ANSWER, error);
}

gboolean
fid_bulk_loader_add_segment_snapshot (FidBulkLoader  *self,
                                      const char     *scheme,
                                      const char     *taken_on,
                                      gint64          customer_id,
                                      const char     *segment,
                                      GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), FALSE);
  g_return_val_if_fail (scheme != NULL && taken_on != NULL && segment != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;
  stmt = self->stmts[STMT_SEGMENT_SNAPSHOT];
  bind_text (stmt, 1, scheme);
  bind_text (stmt, 2, taken_on);
  sqlite3_bind_int64 (stmt, 3, customer_id);
  bind_text (stmt, 4, segment);
  return step (self, STMT_SEGMENT_SNAPSHOT, error);
}
