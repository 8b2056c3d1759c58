/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: the sales pipeline (issue 10). See fid-store-opportunities.h
 * for the stages. Every write is one transaction with its audit row; a
 * stage move checks the stage it starts from in its UPDATE, so two advisors
 * moving the same card cannot both win it (the second finds no row). */

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fid-store-opportunities.h"
#include "fid-store-private.h"

const char * const fid_opportunity_stages[FID_OPPORTUNITY_N_STAGES + 1] = {
  "lead", "qualified", "proposal", "negotiation", "won", "lost", NULL,
};

static const double stage_probabilities[FID_OPPORTUNITY_N_STAGES] = { 0.1, 0.25, 0.5, 0.7, 1.0, 0.0 };
static const char * const sources[] = { "nbo", "manual", "campaign", NULL };

/* Default: how far ahead a new opportunity is expected to close. */
#define DEFAULT_CLOSE_DAYS 60

#define OPPORTUNITY_COLUMNS \
  "o.id, o.customer_id, " FID_CUSTOMER_NAME_SQL ("c") ", o.product_id, p.name, p.family," \
  " o.stage, o.source, o.amount_cents, o.probability, o.advisor_id," \
  " a.first_name || ' ' || a.last_name, c.branch_id, o.created_at, o.expected_close_on," \
  " o.stage_changed_at, o.closed_on, o.holding_id"
#define OPPORTUNITY_JOINS \
  " JOIN customers c ON c.id = o.customer_id JOIN products p ON p.id = o.product_id" \
  " LEFT JOIN advisors a ON a.id = o.advisor_id"
/* ?1 advisor (0: any), ?2 branch (0: any). On opportunities alone: a join
 * with customers for every opportunity reads a row of the (large)
 * customers table per opportunity, 1.4 s on the million-customer bank; the
 * branch's customer ids come from the customers_branch index instead, read
 * once (and only when a branch is chosen: the OR stops at ?2 = 0). */
#define FILTER_SQL \
  " (?1 = 0 OR o.advisor_id = ?1)" \
  " AND (?2 = 0 OR o.customer_id IN (SELECT id FROM customers WHERE branch_id = ?2))"

static int
stage_index (const char *stage)
{
  for (int i = 0; stage != NULL && i < FID_OPPORTUNITY_N_STAGES; i++)
    if (g_str_equal (stage, fid_opportunity_stages[i]))
      return i;
  return -1;
}

double
fid_opportunity_stage_probability (const char *stage)
{
  int i = stage_index (stage);

  return i < 0 ? -1 : stage_probabilities[i];
}

gboolean
fid_opportunity_stage_is_open (const char *stage)
{
  int i = stage_index (stage);

  return i >= 0 && i < 4;
}

const char *
fid_opportunity_stage_step (const char *stage,
                            int         direction)
{
  int i = stage_index (stage);

  if (i < 0 || i >= 4 || direction == 0)
    return NULL;
  i += direction > 0 ? 1 : -1;
  return i >= 0 && i < 4 ? fid_opportunity_stages[i] : NULL;
}

void
fid_opportunity_free (FidOpportunity *o)
{
  if (o == NULL)
    return;
  g_free (o->customer_name);
  g_free (o->product_name);
  g_free (o->product_family);
  g_free (o->stage);
  g_free (o->source);
  g_free (o->advisor_name);
  g_free (o->created_at);
  g_free (o->expected_close_on);
  g_free (o->stage_changed_at);
  g_free (o->closed_on);
  g_free (o);
}

static char *
dup_or_null (sqlite3_stmt *stmt,
             int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL : g_strdup (fid_sqlite_text (stmt, column));
}

static FidOpportunity *
read_opportunity (sqlite3_stmt *stmt)
{
  FidOpportunity *o = g_new0 (FidOpportunity, 1);
  int i = 0;

  o->id = sqlite3_column_int64 (stmt, i++);
  o->customer_id = sqlite3_column_int64 (stmt, i++);
  o->customer_name = g_strdup (fid_sqlite_text (stmt, i++));
  o->product_id = sqlite3_column_int64 (stmt, i++);
  o->product_name = g_strdup (fid_sqlite_text (stmt, i++));
  o->product_family = g_strdup (fid_sqlite_text (stmt, i++));
  o->stage = g_strdup (fid_sqlite_text (stmt, i++));
  o->source = g_strdup (fid_sqlite_text (stmt, i++));
  o->amount_cents = sqlite3_column_int64 (stmt, i++);
  o->probability = sqlite3_column_double (stmt, i++);
  o->advisor_id = sqlite3_column_int64 (stmt, i++);
  o->advisor_name = dup_or_null (stmt, i++);
  o->branch_id = sqlite3_column_int64 (stmt, i++);
  o->created_at = g_strdup (fid_sqlite_text (stmt, i++));
  o->expected_close_on = dup_or_null (stmt, i++);
  o->stage_changed_at = dup_or_null (stmt, i++);
  o->closed_on = dup_or_null (stmt, i++);
  o->holding_id = sqlite3_column_int64 (stmt, i++);
  return o;
}

static gboolean
check_probability (double   probability,
                   GError **error)
{
  if (isnan (probability) || probability < 0 || probability > 1)
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                           _("The probability must be between 0 and 100 %."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_amount_and_date (gint64       amount_cents,
                       const char  *expected_close_on,
                       GError     **error)
{
  if (amount_cents < 0)
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_NEGATIVE_AMOUNT,
                           _("The amount of an opportunity cannot be negative."));
      return FALSE;
    }
  if (!fid_text_is_blank (expected_close_on) && !fid_parse_iso_date (expected_close_on, NULL))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("The expected close date “%s” is not a valid date (expected YYYY-MM-DD)."),
                   expected_close_on);
      return FALSE;
    }
  return TRUE;
}

static char *
date_in_days (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

gint64
fid_store_add_opportunity (FidStore    *self,
                           gint64       customer_id,
                           gint64       product_id,
                           const char  *source,
                           gint64       advisor_id,
                           gint64       amount_cents,
                           double       probability,
                           const char  *expected_close_on,
                           GError     **error)
{
  g_autofree char *now = NULL;
  g_autofree char *close_on = NULL;
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  gboolean exists;
  gint64 id;

  g_return_val_if_fail (FID_IS_STORE (self), 0);

  if (source == NULL || !g_strv_contains (sources, source))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a source of opportunity: use nbo, manual or campaign."),
                   source ? source : "");
      return 0;
    }
  if (probability < 0)
    probability = stage_probabilities[0];
  if (!check_probability (probability, error) || !check_amount_and_date (amount_cents, expected_close_on, error))
    return 0;
  if (!fid_store_row_exists (self, "SELECT 1 FROM customers WHERE id = ?1", customer_id, &exists, error))
    return 0;
  if (!exists)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER,
                   _("There is no customer number %" PRId64 "."), customer_id);
      return 0;
    }
  if (!fid_store_row_exists (self, "SELECT 1 FROM products WHERE id = ?1", product_id, &exists, error))
    return 0;
  if (!exists)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("There is no product number %" PRId64 "."), product_id);
      return 0;
    }
  if (advisor_id > 0)
    {
      if (!fid_store_row_exists (self, "SELECT 1 FROM advisors WHERE id = ?1", advisor_id, &exists, error))
        return 0;
      if (!exists)
        {
          g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_ADVISOR,
                       _("There is no advisor number %" PRId64 "."), advisor_id);
          return 0;
        }
    }

  now = fid_store_now_iso ();
  close_on = fid_text_is_blank (expected_close_on) ? date_in_days (DEFAULT_CLOSE_DAYS) : g_strdup (expected_close_on);
  if (!fid_store_begin (self, error))
    return 0;
  /* No advisor given: the customer's own (the board is theirs). */
  stmt = fid_store_prepare (self,
                            "INSERT INTO opportunities (customer_id, product_id, stage, amount_cents,"
                            " probability, advisor_id, created_at, expected_close_on, source,"
                            " stage_changed_at)"
                            " SELECT ?1, ?2, 'lead', ?3, ?4, COALESCE (?5, c.advisor_id), ?6, ?7, ?8, ?6"
                            " FROM customers c WHERE c.id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  sqlite3_bind_int64 (stmt, 3, amount_cents);
  sqlite3_bind_double (stmt, 4, probability);
  fid_sqlite_bind_id_or_null (stmt, 5, advisor_id);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, close_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, source, -1, SQLITE_STATIC);
  if (!fid_store_step_write (self, stmt, _("save the opportunity"), error))
    goto failed;
  id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  details = g_strdup_printf ("{\"customer_id\":%" PRId64 ",\"product_id\":%" PRId64 ",\"source\":\"%s\"}",
                             customer_id, product_id, source);
  if (!fid_store_audit (self, "create", "opportunity", id, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return id;

failed:
  fid_store_rollback (self);
  return 0;
}

FidOpportunity *
fid_store_get_opportunity (FidStore  *self,
                           gint64     id,
                           GError   **error)
{
  sqlite3_stmt *stmt;
  FidOpportunity *o;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT " OPPORTUNITY_COLUMNS " FROM opportunities o" OPPORTUNITY_JOINS
                            " WHERE o.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!fid_store_step_row (self, stmt, _("read the opportunity"), error,
                           _("Opportunity %" PRId64 " does not exist."), id))
    return NULL;
  o = read_opportunity (stmt);
  sqlite3_reset (stmt);
  return o;
}

/* The holding a won opportunity creates: balances as the demo bank has
 * them (money placed is positive, money lent negative). */
static gint64
holding_balance (const FidOpportunity *o)
{
  const char *family = o->product_family;

  if (g_str_equal (family, "savings") || g_str_equal (family, "investment"))
    return o->amount_cents;
  if (g_str_equal (family, "mortgage") || g_str_equal (family, "consumer_loan") ||
      g_str_equal (family, "student_loan"))
    return -o->amount_cents;
  return 0;
}

static gboolean
create_holding (FidStore              *self,
                const FidOpportunity  *o,
                const char            *today,
                gint64                *holding_id,
                GError               **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *details = NULL;

  stmt = fid_store_prepare (self,
                            "INSERT INTO holdings (customer_id, product_id, opened_on, balance_cents)"
                            " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, o->customer_id);
  sqlite3_bind_int64 (stmt, 2, o->product_id);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, holding_balance (o));
  if (!fid_store_step_write (self, stmt, _("create the holding"), error))
    return FALSE;
  *holding_id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  details = g_strdup_printf ("{\"holding_id\":%" PRId64 ",\"product_id\":%" PRId64 ",\"opportunity_id\":%" PRId64 "}",
                             *holding_id, o->product_id, o->id);
  return fid_store_audit (self, "update", "customer", o->customer_id, details, error);
}

gboolean
fid_store_move_opportunity (FidStore    *self,
                            gint64       id,
                            const char  *stage,
                            GError     **error)
{
  g_autoptr(FidOpportunity) o = NULL;
  g_autofree char *now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *details = NULL;
  gboolean final;
  gint64 holding_id = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (stage_index (stage) < 0)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a stage: use lead, qualified, proposal, negotiation, won or lost."),
                   stage ? stage : "");
      return FALSE;
    }
  if (!fid_store_begin (self, error))
    return FALSE;
  /* Read inside the transaction: what we check is what we change. */
  if ((o = fid_store_get_opportunity (self, id, error)) == NULL)
    goto failed;
  if (!fid_opportunity_stage_is_open (o->stage))
    {
      /* Two sentences: "won" and "lost" agree with "opportunity" in French. */
      if (g_str_equal (o->stage, "won"))
        g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                     _("Opportunity %" PRId64 " is already won: it cannot move any more."), id);
      else
        g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                     _("Opportunity %" PRId64 " is already lost: it cannot move any more."), id);
      goto failed;
    }
  if (g_str_equal (o->stage, stage))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("Opportunity %" PRId64 " is already at that stage."), id);
      goto failed;
    }

  now = fid_store_now_iso ();
  today = fid_store_today_iso ();
  final = !fid_opportunity_stage_is_open (stage);
  if (g_str_equal (stage, "won") && !create_holding (self, o, today, &holding_id, error))
    goto failed;
  stmt = fid_store_prepare (self,
                            "UPDATE opportunities SET stage = ?1, probability = ?2, stage_changed_at = ?3,"
                            " closed_on = ?4, holding_id = ?5"
                            " WHERE id = ?6 AND stage = ?7", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, stage, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 2, fid_opportunity_stage_probability (stage));
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 4, final ? today : NULL);
  fid_sqlite_bind_id_or_null (stmt, 5, holding_id);
  sqlite3_bind_int64 (stmt, 6, id);
  sqlite3_bind_text (stmt, 7, o->stage, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("move the opportunity"), error))
    goto failed;
  if (sqlite3_changes (fid_store_get_db (self)) != 1)
    {
      g_set_error_literal (error, FID_STORE_ERROR, FID_STORE_ERROR_CONFLICT,
                           _("Someone else moved this opportunity meanwhile. Look at the board again."));
      goto failed;
    }
  details = g_strdup_printf ("{\"from\":\"%s\",\"to\":\"%s\"}", o->stage, stage);
  if (!fid_store_audit (self, "update", "opportunity", id, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_store_update_opportunity (FidStore    *self,
                              gint64       id,
                              gint64       amount_cents,
                              double       probability,
                              const char  *expected_close_on,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *details = NULL;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!check_probability (probability, error) || !check_amount_and_date (amount_cents, expected_close_on, error))
    return FALSE;
  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self,
                            "UPDATE opportunities SET amount_cents = ?1, probability = ?2, expected_close_on = ?3"
                            " WHERE id = ?4 AND stage NOT IN ('won', 'lost')", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, amount_cents);
  sqlite3_bind_double (stmt, 2, probability);
  fid_sqlite_bind_text_or_null (stmt, 3, fid_text_is_blank (expected_close_on) ? NULL : expected_close_on);
  sqlite3_bind_int64 (stmt, 4, id);
  if (!fid_store_step_write (self, stmt, _("save the opportunity"), error))
    goto failed;
  if (sqlite3_changes (fid_store_get_db (self)) != 1)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("Opportunity %" PRId64 " does not exist or is already won or lost."), id);
      goto failed;
    }
  details = g_strdup_printf ("{\"amount_cents\":%" PRId64 ",\"probability\":%.4f}", amount_cents, probability);
  if (!fid_store_audit (self, "update", "opportunity", id, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

static void
bind_filter (sqlite3_stmt            *stmt,
             const FidPipelineFilter *filter)
{
  sqlite3_bind_int64 (stmt, 1, filter != NULL ? filter->advisor_id : 0);
  sqlite3_bind_int64 (stmt, 2, filter != NULL ? filter->branch_id : 0);
}

GPtrArray *
fid_store_list_opportunities (FidStore                 *self,
                              const FidPipelineFilter  *filter,
                              const char               *stage,
                              guint                     limit,
                              GError                  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_opportunity_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            /* Names joined to the few rows shown only. */
                            "SELECT " OPPORTUNITY_COLUMNS " FROM"
                            " (SELECT * FROM opportunities o WHERE o.stage = ?3 AND" FILTER_SQL
                            "  ORDER BY o.amount_cents * o.probability DESC, o.id LIMIT ?4) o" OPPORTUNITY_JOINS
                            " ORDER BY o.amount_cents * o.probability DESC, o.id", error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  sqlite3_bind_text (stmt, 3, stage ? stage : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_opportunity (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the opportunities"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
fid_store_pipeline_totals (FidStore                 *self,
                           const FidPipelineFilter  *filter,
                           FidPipelineTotal          totals[FID_OPPORTUNITY_N_STAGES],
                           GError                  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  memset (totals, 0, sizeof (FidPipelineTotal) * FID_OPPORTUNITY_N_STAGES);
  stmt = fid_store_prepare (self,
                            "SELECT o.stage, count(*), total (o.amount_cents), total (o.amount_cents * o.probability)"
                            " FROM opportunities o WHERE" FILTER_SQL " GROUP BY o.stage", error);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int i = stage_index (fid_sqlite_text (stmt, 0));

      if (i < 0)
        continue;
      totals[i].count = sqlite3_column_int64 (stmt, 1);
      totals[i].amount_cents = llround (sqlite3_column_double (stmt, 2));
      totals[i].weighted_cents = llround (sqlite3_column_double (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("add up the pipeline"));
      return FALSE;
    }
  return TRUE;
}

GArray *
fid_store_pipeline_forecast (FidStore                 *self,
                             const FidPipelineFilter  *filter,
                             GError                  **error)
{
  g_autoptr(GArray) months = g_array_new (FALSE, TRUE, sizeof (FidForecastMonth));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT substr (o.expected_close_on, 1, 7) AS m, count(*), total (o.amount_cents),"
                            " total (o.amount_cents * o.probability)"
                            " FROM opportunities o"
                            " WHERE o.stage IN ('lead', 'qualified', 'proposal', 'negotiation')"
                            " AND o.expected_close_on IS NOT NULL AND" FILTER_SQL
                            " GROUP BY m ORDER BY m", error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidForecastMonth month = { { 0, }, };

      g_strlcpy (month.month, fid_sqlite_text (stmt, 0), sizeof month.month);
      month.count = sqlite3_column_int64 (stmt, 1);
      month.amount_cents = llround (sqlite3_column_double (stmt, 2));
      month.weighted_cents = llround (sqlite3_column_double (stmt, 3));
      g_array_append_val (months, month);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("compute the forecast"));
      return NULL;
    }
  return g_steal_pointer (&months);
}
