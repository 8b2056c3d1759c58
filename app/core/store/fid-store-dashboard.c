/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: the dashboards' figures (issue 7).
 *
 * Two ways to count, chosen by the filter:
 *
 * - the whole bank or one branch (no advisor): dashboard_counts, which
 *   triggers keep per day for the bank (scope 0) and each branch (scope =
 *   the branch id). A year of contacts is a few thousand rows to add up
 *   instead of a million interactions to read;
 *
 * - one advisor's portfolio (a few thousand customers): the rows
 *   themselves, through the customers_advisor index and then each
 *   customer's own index (CROSS JOIN keeps the customers as the outer
 *   loop, whatever the planner estimates).
 *
 * Small tables (tickets, campaign targets) are read whole either way.
 * test-dashboard checks that both ways give the same figures. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fid-store-dashboard-private.h"

#define CUSTOMERS_PLACEHOLDER "@CUSTOMERS@"

static const char * const lifecycle_stages[] = {
  "unknown", "prospect", "new", "satisfied", "dissatisfied", "inactive", "lost", "reactivated", NULL
};

const char * const *
fid_store_lifecycle_stages (void)
{
  return lifecycle_stages;
}

void
fid_dashboard_count_free (FidDashboardCount *count)
{
  if (count == NULL)
    return;
  g_free (count->key);
  g_free (count);
}

void
fid_dashboard_tickets_clear (FidDashboardTickets *tickets)
{
  g_clear_pointer (&tickets->complaint_categories, g_ptr_array_unref);
  memset (tickets, 0, sizeof *tickets);
}

void
fid_dashboard_campaign_free (FidDashboardCampaign *campaign)
{
  if (campaign == NULL)
    return;
  g_free (campaign->name);
  g_free (campaign);
}

/* Helpers shared with fid-store-dashboard-ids.c ----------------------------- */

void
fid_dashboard_params_init (FidDashboardParams *params,
                           gint64              branch_id,
                           gint64              advisor_id,
                           const char         *start,
                           const char         *end)
{
  GDate date;

  memset (params, 0, sizeof *params);
  params->branch_id = branch_id;
  params->advisor_id = advisor_id;
  params->start = start;
  params->end = end;
  /* Moments (interactions, answers) are date-times: "on or before end" is
   * "before the next day". */
  if (end != NULL && fid_parse_iso_date (end, &date))
    {
      g_date_add_days (&date, 1);
      g_date_strftime (params->after, sizeof params->after, "%Y-%m-%d", &date);
    }
}

const char *
fid_dashboard_customer_clause (gint64 branch_id,
                               gint64 advisor_id)
{
  if (branch_id > 0 && advisor_id > 0)
    return "c.advisor_id = :advisor AND c.branch_id = :branch";
  if (advisor_id > 0)
    return "c.advisor_id = :advisor";
  if (branch_id > 0)
    return "c.branch_id = :branch";
  return "1";
}

static void
bind_int (sqlite3_stmt *stmt,
          const char   *name,
          gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_text (sqlite3_stmt *stmt,
           const char   *name,
           const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value != NULL ? value : "", -1, SQLITE_TRANSIENT);
}

sqlite3_stmt *
fid_dashboard_prepare (FidStore                 *self,
                       const char               *sql_format,
                       const FidDashboardParams *params,
                       GError                  **error)
{
  g_autoptr(GString) sql = g_string_new (sql_format);
  sqlite3_stmt *stmt;

  /* The clause is one of a few static strings: the statement cache keeps
   * one statement per filter shape. */
  g_string_replace (sql, CUSTOMERS_PLACEHOLDER,
                    fid_dashboard_customer_clause (params->branch_id, params->advisor_id), 0);
  stmt = fid_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  bind_int (stmt, ":branch", params->branch_id);
  bind_int (stmt, ":advisor", params->advisor_id);
  /* Scope 0 is the whole bank in dashboard_counts. */
  bind_int (stmt, ":scope", params->branch_id > 0 ? params->branch_id : 0);
  bind_int (stmt, ":id", params->id);
  bind_text (stmt, ":start", params->start);
  bind_text (stmt, ":end", params->end);
  bind_text (stmt, ":after", params->after);
  bind_text (stmt, ":day_a", params->day_a);
  bind_text (stmt, ":day_b", params->day_b);
  bind_text (stmt, ":key", params->key);
  bind_text (stmt, ":kind", params->kind);
  bind_text (stmt, ":scheme", params->scheme);
  bind_text (stmt, ":from", params->from);
  bind_text (stmt, ":to", params->to);
  bind_text (stmt, ":from_key", params->from_key);
  bind_text (stmt, ":to_key", params->to_key);
  return stmt;
}

GArray *
fid_dashboard_collect_ids (FidStore      *self,
                           sqlite3_stmt  *stmt,
                           GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    fid_store_set_sqlite_error (self, error, rc, _("list the customers of a dashboard"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

GPtrArray *
fid_dashboard_collect_counts (FidStore      *self,
                              sqlite3_stmt  *stmt,
                              gboolean       with_month,
                              GError       **error)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_dashboard_count_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidDashboardCount *count = g_new0 (FidDashboardCount, 1);

      count->key = g_strdup (fid_sqlite_text (stmt, 0));
      if (with_month)
        {
          g_strlcpy (count->month, fid_sqlite_text (stmt, 1), sizeof count->month);
          count->n = sqlite3_column_int64 (stmt, 2);
        }
      else
        count->n = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (counts, count);
    }
  if (rc != SQLITE_DONE)
    fid_store_set_sqlite_error (self, error, rc, _("count the figures of a dashboard"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&counts) : NULL;
}

/* Maintained counts ------------------------------------------------------ */

gboolean
fid_store_rebuild_dashboard_counts (FidStore  *self,
                                    GError   **error)
{
  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  /* The same INSERT … SELECT as data/sql/004-dashboard.sql. */
  return fid_store_exec (self,
                         "DELETE FROM dashboard_counts;"
                         " INSERT INTO dashboard_counts (measure, scope, key, day, n)"
                         " SELECT 'customers', 0, '', substr (created_at, 1, 10), count (*) FROM customers GROUP BY 4"
                         " UNION ALL"
                         " SELECT 'customers', branch_id, '', substr (created_at, 1, 10), count (*) FROM customers"
                         " WHERE branch_id IS NOT NULL GROUP BY 2, 4"
                         " UNION ALL"
                         " SELECT 'stage', 0, lifecycle_stage, '', count (*) FROM customers GROUP BY 3"
                         " UNION ALL"
                         " SELECT 'stage', branch_id, lifecycle_stage, '', count (*) FROM customers"
                         " WHERE branch_id IS NOT NULL GROUP BY 2, 3"
                         " UNION ALL"
                         " SELECT 'contacts', 0, channel, substr (at, 1, 10), count (*) FROM interactions"
                         " WHERE status = 'done' GROUP BY 3, 4"
                         " UNION ALL"
                         " SELECT 'contacts', c.branch_id, i.channel, substr (i.at, 1, 10), count (*)"
                         " FROM interactions i JOIN customers c ON c.id = i.customer_id"
                         " WHERE i.status = 'done' AND c.branch_id IS NOT NULL GROUP BY 2, 3, 4"
                         " UNION ALL"
                         " SELECT s.kind, 0, CAST (a.value AS TEXT), substr (r.answered_at, 1, 10), count (*)"
                         " FROM surveys s JOIN survey_responses r ON r.survey_id = s.id"
                         " JOIN survey_answers a ON a.response_id = r.id AND a.part = 'score'"
                         " WHERE s.kind IN ('nps', 'csat') GROUP BY 1, 3, 4"
                         " UNION ALL"
                         " SELECT s.kind, c.branch_id, CAST (a.value AS TEXT), substr (r.answered_at, 1, 10), count (*)"
                         " FROM surveys s JOIN survey_responses r ON r.survey_id = s.id"
                         " JOIN survey_answers a ON a.response_id = r.id AND a.part = 'score'"
                         " JOIN customers c ON c.id = r.customer_id"
                         " WHERE s.kind IN ('nps', 'csat') AND c.branch_id IS NOT NULL GROUP BY 1, 2, 3, 4",
                         error);
}

char *
fid_store_dup_last_activity_day (FidStore  *self,
                                 GError   **error)
{
  sqlite3_stmt *stmt;
  char *day = NULL;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  /* The end of the customer_stats_last_tx index: one probe. */
  stmt = fid_store_prepare (self, "SELECT max (last_tx_date) FROM customer_stats", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    day = g_strndup (fid_sqlite_text (stmt, 0), 10);
  else if (rc != SQLITE_ROW)
    fid_store_set_sqlite_error (self, error, rc, _("read the last transaction date"));
  sqlite3_reset (stmt);
  return day;
}

GArray *
fid_store_list_dashboard_customers (FidStore  *self,
                                    gint64     branch_id,
                                    gint64     advisor_id,
                                    GError   **error)
{
  FidDashboardParams params;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  fid_dashboard_params_init (&params, branch_id, advisor_id, NULL, NULL);
  stmt = fid_dashboard_prepare (self, "SELECT c.id FROM customers c WHERE " CUSTOMERS_PLACEHOLDER " ORDER BY c.id",
                                &params, error);
  return stmt != NULL ? fid_dashboard_collect_ids (self, stmt, error) : NULL;
}

gboolean
fid_store_count_dashboard_customers (FidStore    *self,
                                     gint64       branch_id,
                                     gint64       advisor_id,
                                     const char  *day_a,
                                     const char  *day_b,
                                     gint64      *n_a,
                                     gint64      *n_b,
                                     GError     **error)
{
  FidDashboardParams params;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  fid_dashboard_params_init (&params, branch_id, advisor_id, NULL, NULL);
  params.day_a = day_a;
  params.day_b = day_b;
  if (advisor_id > 0)
    stmt = fid_dashboard_prepare (self,
                                  "SELECT coalesce (sum (substr (c.created_at, 1, 10) <= :day_a), 0),"
                                  " coalesce (sum (substr (c.created_at, 1, 10) <= :day_b), 0)"
                                  " FROM customers c WHERE " CUSTOMERS_PLACEHOLDER, &params, error);
  else
    stmt = fid_dashboard_prepare (self,
                                  "SELECT coalesce (sum (n) FILTER (WHERE day <= :day_a), 0),"
                                  " coalesce (sum (n) FILTER (WHERE day <= :day_b), 0)"
                                  " FROM dashboard_counts WHERE measure = 'customers' AND scope = :scope",
                                  &params, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      fid_store_set_sqlite_error (self, error, rc, _("count the customers"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *n_a = sqlite3_column_int64 (stmt, 0);
  *n_b = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
fid_store_count_dashboard_stages (FidStore  *self,
                                  gint64     branch_id,
                                  gint64     advisor_id,
                                  gint64    *counts,
                                  GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  FidDashboardParams params;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  fid_dashboard_params_init (&params, branch_id, advisor_id, NULL, NULL);
  if (advisor_id > 0)
    stmt = fid_dashboard_prepare (self,
                                  "SELECT c.lifecycle_stage, count (*) FROM customers c"
                                  " WHERE " CUSTOMERS_PLACEHOLDER " GROUP BY 1", &params, error);
  else
    stmt = fid_dashboard_prepare (self,
                                  "SELECT key, n FROM dashboard_counts"
                                  " WHERE measure = 'stage' AND scope = :scope AND day = ''", &params, error);
  if (stmt == NULL || (rows = fid_dashboard_collect_counts (self, stmt, FALSE, error)) == NULL)
    return FALSE;

  for (guint s = 0; lifecycle_stages[s] != NULL; s++)
    counts[s] = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      FidDashboardCount *row = g_ptr_array_index (rows, i);

      for (guint s = 0; lifecycle_stages[s] != NULL; s++)
        if (g_str_equal (row->key, lifecycle_stages[s]))
          counts[s] += row->n;
    }
  return TRUE;
}

GPtrArray *
fid_store_list_dashboard_contacts (FidStore    *self,
                                   gint64       branch_id,
                                   gint64       advisor_id,
                                   const char  *start,
                                   const char  *end,
                                   GError     **error)
{
  FidDashboardParams params;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  fid_dashboard_params_init (&params, branch_id, advisor_id, start, end);
  if (advisor_id > 0)
    stmt = fid_dashboard_prepare (self,
                                  "SELECT i.channel, substr (i.at, 1, 7), count (*)"
                                  " FROM customers c CROSS JOIN interactions i ON i.customer_id = c.id"
                                  " WHERE " CUSTOMERS_PLACEHOLDER " AND i.status = 'done'"
                                  "  AND i.at >= :start AND i.at < :after GROUP BY 1, 2", &params, error);
  else
    stmt = fid_dashboard_prepare (self,
                                  "SELECT key, substr (day, 1, 7), sum (n) FROM dashboard_counts"
                                  " WHERE measure = 'contacts' AND scope = :scope"
                                  "  AND day >= :start AND day <= :end GROUP BY 1, 2", &params, error);
  return stmt != NULL ? fid_dashboard_collect_counts (self, stmt, TRUE, error) : NULL;
}

GPtrArray *
fid_store_list_dashboard_scores (FidStore    *self,
                                 gint64       branch_id,
                                 gint64       advisor_id,
                                 const char  *kind,
                                 const char  *start,
                                 const char  *end,
                                 GError     **error)
{
  FidDashboardParams params;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  fid_dashboard_params_init (&params, branch_id, advisor_id, start, end);
  params.kind = kind;
  if (advisor_id > 0)
    stmt = fid_dashboard_prepare (self,
                                  "SELECT CAST (a.value AS TEXT), substr (r.answered_at, 1, 7), count (*)"
                                  " FROM customers c CROSS JOIN survey_responses r ON r.customer_id = c.id"
                                  " JOIN surveys s ON s.id = r.survey_id AND s.kind = :kind"
                                  " JOIN survey_answers a ON a.response_id = r.id AND a.part = 'score'"
                                  " WHERE " CUSTOMERS_PLACEHOLDER
                                  "  AND r.answered_at >= :start AND r.answered_at < :after GROUP BY 1, 2",
                                  &params, error);
  else
    stmt = fid_dashboard_prepare (self,
                                  "SELECT key, substr (day, 1, 7), sum (n) FROM dashboard_counts"
                                  " WHERE measure = :kind AND scope = :scope"
                                  "  AND day >= :start AND day <= :end GROUP BY 1, 2", &params, error);
  return stmt != NULL ? fid_dashboard_collect_counts (self, stmt, TRUE, error) : NULL;
}

/* Tickets and campaigns ------------------------------------------------------ */

static gboolean
open_on (const char *opened,
         const char *status,
         const char *resolved,
         const char *day)
{
  gboolean still_open = g_str_equal (status, "open") || g_str_equal (status, "in_progress");

  if (strcmp (opened, day) > 0)
    return FALSE;
  return still_open || (resolved[0] != '\0' && strcmp (resolved, day) > 0);
}

gboolean
fid_store_read_dashboard_tickets (FidStore            *self,
                                  gint64               branch_id,
                                  gint64               advisor_id,
                                  const char          *start,
                                  const char          *end,
                                  const char          *day_a,
                                  const char          *day_b,
                                  FidDashboardTickets *tickets,
                                  GError             **error)
{
  g_autoptr(GHashTable) categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FidDashboardParams params;
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;
  const char *days[2] = { day_a, day_b };
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  memset (tickets, 0, sizeof *tickets);
  fid_dashboard_params_init (&params, branch_id, advisor_id, start, end);
  /* About one ticket per ten customers: read once, counted here. */
  if (branch_id > 0 || advisor_id > 0)
    stmt = fid_dashboard_prepare (self,
                                  "SELECT t.kind, coalesce (t.category, ''), t.status, substr (t.opened_at, 1, 10),"
                                  " coalesce (t.due_on, ''), coalesce (substr (t.resolved_at, 1, 10), '')"
                                  " FROM customers c CROSS JOIN tickets t ON t.customer_id = c.id"
                                  " WHERE " CUSTOMERS_PLACEHOLDER, &params, error);
  else
    stmt = fid_dashboard_prepare (self,
                                  "SELECT t.kind, coalesce (t.category, ''), t.status, substr (t.opened_at, 1, 10),"
                                  " coalesce (t.due_on, ''), coalesce (substr (t.resolved_at, 1, 10), '')"
                                  " FROM tickets t", &params, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = fid_sqlite_text (stmt, 0);
      const char *category = fid_sqlite_text (stmt, 1);
      const char *status = fid_sqlite_text (stmt, 2);
      const char *opened = fid_sqlite_text (stmt, 3);
      const char *due = fid_sqlite_text (stmt, 4);
      const char *resolved = fid_sqlite_text (stmt, 5);
      gboolean complaint = g_str_equal (kind, "complaint");

      for (guint d = 0; d < 2; d++)
        {
          if (days[d] == NULL || !open_on (opened, status, resolved, days[d]))
            continue;
          if (complaint)
            tickets->open_complaints[d]++;
          if (due[0] != '\0' && strcmp (due, days[d]) < 0)
            tickets->overdue_tickets[d]++;
        }
      if (complaint && strcmp (opened, start) >= 0 && strcmp (opened, end) <= 0)
        {
          gpointer n = g_hash_table_lookup (categories, category);

          g_hash_table_replace (categories, g_strdup (category), GSIZE_TO_POINTER (GPOINTER_TO_SIZE (n) + 1));
          tickets->complaints++;
        }
    }
  if (rc != SQLITE_DONE)
    fid_store_set_sqlite_error (self, error, rc, _("count the tickets"));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  tickets->complaint_categories = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_dashboard_count_free);
  g_hash_table_iter_init (&iter, categories);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FidDashboardCount *count = g_new0 (FidDashboardCount, 1);

      count->key = g_strdup (key);
      count->n = (gint64) GPOINTER_TO_SIZE (value);
      g_ptr_array_add (tickets->complaint_categories, count);
    }
  return TRUE;
}

GPtrArray *
fid_store_list_dashboard_campaigns (FidStore    *self,
                                    gint64       branch_id,
                                    gint64       advisor_id,
                                    const char  *start,
                                    const char  *end,
                                    GError     **error)
{
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_dashboard_campaign_free);
  FidDashboardParams params;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  fid_dashboard_params_init (&params, branch_id, advisor_id, start, end);
#define CAMPAIGN_COLUMNS \
  "SELECT m.id, m.name, count (*) FILTER (WHERE t.grp = 'test')," \
  " count (t.contacted_at) FILTER (WHERE t.grp = 'test')," \
  " count (t.responded_at) FILTER (WHERE t.grp = 'test')," \
  " count (t.converted_at) FILTER (WHERE t.grp = 'test')," \
  " count (*) FILTER (WHERE t.grp = 'control')," \
  " count (t.responded_at) FILTER (WHERE t.grp = 'control')"
#define CAMPAIGN_RUNNING \
  " m.starts_on <= :end AND (m.ends_on IS NULL OR m.ends_on >= :start)" \
  " GROUP BY m.id ORDER BY m.starts_on, m.id"
  if (branch_id > 0 || advisor_id > 0)
    stmt = fid_dashboard_prepare (self,
                                  CAMPAIGN_COLUMNS
                                  " FROM customers c CROSS JOIN campaign_targets t ON t.customer_id = c.id"
                                  " JOIN campaigns m ON m.id = t.campaign_id"
                                  " WHERE " CUSTOMERS_PLACEHOLDER " AND" CAMPAIGN_RUNNING, &params, error);
  else
    stmt = fid_dashboard_prepare (self,
                                  CAMPAIGN_COLUMNS
                                  " FROM campaigns m JOIN campaign_targets t ON t.campaign_id = m.id"
                                  " WHERE" CAMPAIGN_RUNNING, &params, error);
#undef CAMPAIGN_COLUMNS
#undef CAMPAIGN_RUNNING
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidDashboardCampaign *campaign = g_new0 (FidDashboardCampaign, 1);

      campaign->id = sqlite3_column_int64 (stmt, 0);
      campaign->name = g_strdup (fid_sqlite_text (stmt, 1));
      campaign->test = sqlite3_column_int64 (stmt, 2);
      campaign->test_contacted = sqlite3_column_int64 (stmt, 3);
      campaign->test_responded = sqlite3_column_int64 (stmt, 4);
      campaign->test_converted = sqlite3_column_int64 (stmt, 5);
      campaign->control = sqlite3_column_int64 (stmt, 6);
      campaign->control_responded = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (campaigns, campaign);
    }
  if (rc != SQLITE_DONE)
    fid_store_set_sqlite_error (self, error, rc, _("count the campaign responses"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&campaigns) : NULL;
}
