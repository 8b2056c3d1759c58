/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: the dashboards' snapshot figures, the advisor's day, and the
 * customers behind a chart element (issue 7). See fid-store-dashboard.c
 * for how the filter reaches the SQL. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "fid-store-dashboard-private.h"

#define CUSTOMERS_PLACEHOLDER "@CUSTOMERS@"

void
fid_dashboard_advisor_day_clear (FidDashboardAdvisorDay *day)
{
  g_clear_pointer (&day->life_event_kinds, g_ptr_array_unref);
  g_clear_pointer (&day->open_ticket_kinds, g_ptr_array_unref);
  memset (day, 0, sizeof *day);
}

/* Snapshots ------------------------------------------------------------------ */

/* Sorted, "" (absent) last: the order of fid_store_compute_migration. */
static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const char *x = *(const char * const *) a, *y = *(const char * const *) b;

  if (*x == '\0' || *y == '\0')
    return (*x == '\0') - (*y == '\0');
  return strcmp (x, y);
}

static GStrv
sorted_keys (GHashTable *set)
{
  guint n = 0;
  g_autofree char **keys = (char **) g_hash_table_get_keys_as_array (set, &n);
  GStrv copy = g_new0 (char *, n + 1);

  qsort (keys, n, sizeof (char *), compare_keys);
  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (keys[i]);
  return copy;
}

static guint
key_index (GStrv       keys,
           const char *key)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_equal (keys[i], key))
      return i;
  g_return_val_if_reached (0);
}

FidMigration *
fid_store_compute_dashboard_migration (FidStore    *self,
                                       gint64       branch_id,
                                       gint64       advisor_id,
                                       const char  *scheme,
                                       const char  *from_taken_on,
                                       const char  *to_taken_on,
                                       GError     **error)
{
  g_autoptr(GHashTable) from_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) to_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = NULL;
  FidDashboardParams params;
  FidMigration *migration;
  sqlite3_stmt *stmt;
  guint n_to;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  if (branch_id <= 0 && advisor_id <= 0)
    return fid_store_compute_migration (self, scheme, from_taken_on, to_taken_on, error);

  /* The portfolio's customers, each probing both snapshots by primary
   * key; "from|to" as one key so the rows reuse the count collector. */
  fid_dashboard_params_init (&params, branch_id, advisor_id, NULL, NULL);
  params.scheme = scheme;
  params.from = from_taken_on;
  params.to = to_taken_on;
  stmt = fid_dashboard_prepare (self,
                                "SELECT coalesce (a.segment, '') || '|' || coalesce (b.segment, ''), count (*)"
                                " FROM customers c"
                                " LEFT JOIN segment_snapshots a"
                                "  ON a.scheme = :scheme AND a.taken_on = :from AND a.customer_id = c.id"
                                " LEFT JOIN segment_snapshots b"
                                "  ON b.scheme = :scheme AND b.taken_on = :to AND b.customer_id = c.id"
                                " WHERE " CUSTOMERS_PLACEHOLDER
                                "  AND (a.segment IS NOT NULL OR b.segment IS NOT NULL) GROUP BY 1",
                                &params, error);
  if (stmt == NULL || (rows = fid_dashboard_collect_counts (self, stmt, FALSE, error)) == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      FidDashboardCount *row = g_ptr_array_index (rows, i);
      char *bar = strchr (row->key, '|');

      *bar = '\0';
      g_hash_table_add (from_set, row->key);
      g_hash_table_add (to_set, bar + 1);
    }
  migration = g_new0 (FidMigration, 1);
  migration->from_keys = sorted_keys (from_set);
  migration->to_keys = sorted_keys (to_set);
  n_to = g_strv_length (migration->to_keys);
  migration->counts = g_new0 (guint64, MAX (g_strv_length (migration->from_keys) * n_to, 1));
  for (guint i = 0; i < rows->len; i++)
    {
      FidDashboardCount *row = g_ptr_array_index (rows, i);
      const char *from = row->key, *to = row->key + strlen (row->key) + 1;

      migration->counts[key_index (migration->from_keys, from) * n_to +
                        key_index (migration->to_keys, to)] = (guint64) row->n;
      if (*from != '\0' && *to != '\0')
        {
          migration->in_both += (guint64) row->n;
          if (g_str_equal (from, to))
            migration->stayed += (guint64) row->n;
        }
    }
  return migration;
}

gboolean
fid_store_read_dashboard_snapshot (FidStore    *self,
                                   const char  *scheme,
                                   const char  *taken_on,
                                   GArray     **ids,
                                   GByteArray **segments,
                                   GStrv       *keys,
                                   GError     **error)
{
  g_autoptr(GArray) read_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GByteArray) read_segments = g_byte_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint8 *remap = NULL;
  FidDashboardParams params;
  sqlite3_stmt *stmt;
  char *last = NULL;
  guint8 last_index = 0;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  fid_dashboard_params_init (&params, 0, 0, NULL, NULL);
  params.scheme = scheme;
  params.from = taken_on;
  /* The primary key's order: (scheme, taken_on, customer_id). */
  stmt = fid_dashboard_prepare (self,
                                "SELECT customer_id, segment FROM segment_snapshots"
                                " WHERE scheme = :scheme AND taken_on = :from ORDER BY customer_id",
                                &params, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *segment = fid_sqlite_text (stmt, 1);

      /* Runs of one segment are common: the last one is checked first. */
      if (last == NULL || strcmp (last, segment) != 0)
        {
          guint found = names->len;

          for (guint k = 0; k < names->len; k++)
            if (g_str_equal (g_ptr_array_index (names, k), segment))
              found = k;
          if (found == names->len)
            {
              if (names->len >= 254)
                {
                  rc = SQLITE_DONE;  /* a scheme has a dozen segments, not hundreds */
                  g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                               _("The snapshot has too many segments to compare."));
                  sqlite3_reset (stmt);
                  return FALSE;
                }
              g_ptr_array_add (names, g_strdup (segment));
            }
          last = g_ptr_array_index (names, found);
          last_index = (guint8) found;
        }
      g_array_append_val (read_ids, id);
      g_byte_array_append (read_segments, &last_index, 1);
    }
  if (rc != SQLITE_DONE)
    fid_store_set_sqlite_error (self, error, rc, _("read a segment snapshot"));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  /* The keys sorted, as fid_store_compute_migration gives them. */
  remap = g_new (guint8, names->len + 1);
  *keys = g_new0 (char *, names->len + 1);
  {
    g_autofree char **sorted = g_new0 (char *, names->len + 1);

    for (guint k = 0; k < names->len; k++)
      sorted[k] = g_ptr_array_index (names, k);
    qsort (sorted, names->len, sizeof (char *), compare_keys);
    for (guint k = 0; k < names->len; k++)
      {
        (*keys)[k] = g_strdup (sorted[k]);
        for (guint j = 0; j < names->len; j++)
          if (sorted[k] == g_ptr_array_index (names, j))
            remap[j] = (guint8) k;
      }
  }
  for (guint i = 0; i < read_segments->len; i++)
    read_segments->data[i] = remap[read_segments->data[i]];
  *ids = g_steal_pointer (&read_ids);
  *segments = g_steal_pointer (&read_segments);
  return TRUE;
}

GPtrArray *
fid_store_list_dashboard_segments (FidStore    *self,
                                   gint64       branch_id,
                                   gint64       advisor_id,
                                   const char  *scheme,
                                   const char  *taken_on,
                                   GError     **error)
{
  FidDashboardParams params;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  fid_dashboard_params_init (&params, branch_id, advisor_id, NULL, NULL);
  params.scheme = scheme;
  params.from = taken_on;
  if (branch_id <= 0 && advisor_id <= 0)
    stmt = fid_dashboard_prepare (self,
                                  "SELECT segment, count (*) FROM segment_snapshots"
                                  " WHERE scheme = :scheme AND taken_on = :from GROUP BY 1"
                                  " UNION ALL"
                                  " SELECT '', (SELECT count (*) FROM customers)"
                                  "  - (SELECT count (*) FROM segment_snapshots WHERE scheme = :scheme AND taken_on = :from)",
                                  &params, error);
  else
    stmt = fid_dashboard_prepare (self,
                                  "SELECT coalesce (s.segment, ''), count (*) FROM customers c"
                                  " LEFT JOIN segment_snapshots s"
                                  "  ON s.scheme = :scheme AND s.taken_on = :from AND s.customer_id = c.id"
                                  " WHERE " CUSTOMERS_PLACEHOLDER " GROUP BY 1", &params, error);
  return stmt != NULL ? fid_dashboard_collect_counts (self, stmt, FALSE, error) : NULL;
}

/* The advisor's day ------------------------------------------------------------- */

static gboolean
step_counts (FidStore     *self,
             sqlite3_stmt *stmt,
             gint64       *a,
             gint64       *b,
             GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *a = sqlite3_column_int64 (stmt, 0);
      *b = sqlite3_column_int64 (stmt, 1);
    }
  else
    fid_store_set_sqlite_error (self, error, rc, _("count the advisor’s tasks"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

gboolean
fid_store_read_dashboard_advisor_day (FidStore               *self,
                                      gint64                  advisor_id,
                                      const char             *day,
                                      FidDashboardAdvisorDay *out,
                                      GError                **error)
{
  FidDashboardParams params;
  sqlite3_stmt *stmt;
  char month_start[11];
  GDate date;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (advisor_id > 0, FALSE);

  memset (out, 0, sizeof *out);
  if (!fid_parse_iso_date (day, &date))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)."), day);
      return FALSE;
    }
  g_date_set_day (&date, 1);
  g_date_strftime (month_start, sizeof month_start, "%Y-%m-%d", &date);

  fid_dashboard_params_init (&params, 0, advisor_id, month_start, day);
  params.day_a = day;

  /* Through the partial index interactions_follow_up. */
  stmt = fid_dashboard_prepare (self,
                                "SELECT count (*), coalesce (sum (follow_up_on < :day_a), 0) FROM interactions"
                                " WHERE advisor_id = :advisor AND follow_up_on IS NOT NULL"
                                "  AND follow_up_done = 0 AND follow_up_on <= :day_a", &params, error);
  if (stmt == NULL || !step_counts (self, stmt, &out->follow_ups_due, &out->follow_ups_overdue, error))
    return FALSE;

  /* Through the partial index tickets_advisor_open. */
  stmt = fid_dashboard_prepare (self,
                                "SELECT count (*), coalesce (sum (due_on < :day_a), 0) FROM tickets"
                                " WHERE advisor_id = :advisor AND status IN ('open', 'in_progress')",
                                &params, error);
  if (stmt == NULL || !step_counts (self, stmt, &out->open_tickets, &out->overdue_tickets, error))
    return FALSE;

  stmt = fid_dashboard_prepare (self,
                                "SELECT kind, count (*) FROM tickets"
                                " WHERE advisor_id = :advisor AND status IN ('open', 'in_progress') GROUP BY 1",
                                &params, error);
  if (stmt == NULL || (out->open_ticket_kinds = fid_dashboard_collect_counts (self, stmt, FALSE, error)) == NULL)
    return FALSE;

  /* The month so far: from its first day to @day. */
  stmt = fid_dashboard_prepare (self,
                                "SELECT e.kind, count (*) FROM customers c"
                                " CROSS JOIN life_events e ON e.customer_id = c.id"
                                " WHERE " CUSTOMERS_PLACEHOLDER
                                "  AND e.occurred_on >= :start AND e.occurred_on <= :end GROUP BY 1",
                                &params, error);
  if (stmt == NULL || (out->life_event_kinds = fid_dashboard_collect_counts (self, stmt, FALSE, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < out->life_event_kinds->len; i++)
    out->life_events += ((FidDashboardCount *) g_ptr_array_index (out->life_event_kinds, i))->n;
  return TRUE;
}

/* The customers behind an element ---------------------------------------------- */

/* Splits "a/b/c…" into exactly @n parts. */
static GStrv
split_key (const char *key,
           guint       n)
{
  g_auto(GStrv) parts = g_strsplit (key != NULL ? key : "", "/", n);

  return g_strv_length (parts) == n ? g_steal_pointer (&parts) : NULL;
}

static GArray *
snapshot_ids (FidStore           *self,
              FidDashboardParams *params,
              FidDashboardIds     what,
              GError            **error)
{
  g_auto(GStrv) parts = split_key (params->key, what == FID_DASHBOARD_IDS_SEGMENT ? 3 : 5);
  sqlite3_stmt *stmt;
  gboolean filtered = params->branch_id > 0 || params->advisor_id > 0;

  if (parts == NULL)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” does not name a segment of a snapshot."), params->key);
      return NULL;
    }
  params->scheme = parts[0];
  params->from = parts[1];
  params->from_key = parts[2];
  if (what == FID_DASHBOARD_IDS_SEGMENT)
    {
      if (!filtered && parts[2][0] != '\0')
        stmt = fid_dashboard_prepare (self,
                                      "SELECT customer_id FROM segment_snapshots"
                                      " WHERE scheme = :scheme AND taken_on = :from AND segment = :from_key"
                                      " ORDER BY 1", params, error);
      else
        stmt = fid_dashboard_prepare (self,
                                      "SELECT c.id FROM customers c LEFT JOIN segment_snapshots s"
                                      "  ON s.scheme = :scheme AND s.taken_on = :from AND s.customer_id = c.id"
                                      " WHERE " CUSTOMERS_PLACEHOLDER " AND coalesce (s.segment, '') = :from_key"
                                      " ORDER BY 1", params, error);
      return stmt != NULL ? fid_dashboard_collect_ids (self, stmt, error) : NULL;
    }

  params->to = parts[3];
  params->to_key = parts[4];
  if (!filtered && parts[2][0] != '\0' && parts[4][0] != '\0')
    return fid_store_list_snapshot_members (self, parts[0], parts[1], parts[2], parts[3], parts[4], error);
  stmt = fid_dashboard_prepare (self,
                                "SELECT c.id FROM customers c"
                                " LEFT JOIN segment_snapshots a"
                                "  ON a.scheme = :scheme AND a.taken_on = :from AND a.customer_id = c.id"
                                " LEFT JOIN segment_snapshots b"
                                "  ON b.scheme = :scheme AND b.taken_on = :to AND b.customer_id = c.id"
                                " WHERE " CUSTOMERS_PLACEHOLDER
                                "  AND (a.segment IS NOT NULL OR b.segment IS NOT NULL)"
                                "  AND coalesce (a.segment, '') = :from_key AND coalesce (b.segment, '') = :to_key"
                                " ORDER BY 1", params, error);
  return stmt != NULL ? fid_dashboard_collect_ids (self, stmt, error) : NULL;
}

GArray *
fid_store_list_dashboard_ids (FidStore        *self,
                              gint64           branch_id,
                              gint64           advisor_id,
                              FidDashboardIds  what,
                              const char      *key,
                              const char      *start,
                              const char      *end,
                              GError         **error)
{
  FidDashboardParams params;
  sqlite3_stmt *stmt = NULL;
  gboolean filtered = branch_id > 0 || advisor_id > 0;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  fid_dashboard_params_init (&params, branch_id, advisor_id, start, end);
  params.key = key;

  switch (what)
    {
    case FID_DASHBOARD_IDS_STAGE:
      stmt = fid_dashboard_prepare (self,
                                    "SELECT c.id FROM customers c WHERE " CUSTOMERS_PLACEHOLDER
                                    " AND c.lifecycle_stage = :key ORDER BY 1", &params, error);
      break;

    case FID_DASHBOARD_IDS_STAGES:
      /* The key is bound, never spliced: a list "a,b,c" matched whole. */
      stmt = fid_dashboard_prepare (self,
                                    "SELECT c.id FROM customers c WHERE " CUSTOMERS_PLACEHOLDER
                                    " AND instr (',' || :key || ',', ',' || c.lifecycle_stage || ',') > 0"
                                    " ORDER BY 1", &params, error);
      break;

    case FID_DASHBOARD_IDS_COMPLAINTS:
      stmt = fid_dashboard_prepare (self,
                                    filtered
                                    ? "SELECT DISTINCT c.id FROM customers c CROSS JOIN tickets t ON t.customer_id = c.id"
                                      " WHERE " CUSTOMERS_PLACEHOLDER " AND t.kind = 'complaint'"
                                      "  AND coalesce (t.category, '') = :key"
                                      "  AND t.opened_at >= :start AND t.opened_at < :after ORDER BY 1"
                                    : "SELECT DISTINCT customer_id FROM tickets WHERE kind = 'complaint'"
                                      "  AND coalesce (category, '') = :key"
                                      "  AND opened_at >= :start AND opened_at < :after ORDER BY 1",
                                    &params, error);
      break;

    case FID_DASHBOARD_IDS_CONTACTS:
      /* Unfiltered: a range of interactions_channel_at (schema 4). */
      stmt = fid_dashboard_prepare (self,
                                    filtered
                                    ? "SELECT DISTINCT c.id FROM customers c CROSS JOIN interactions i ON i.customer_id = c.id"
                                      " WHERE " CUSTOMERS_PLACEHOLDER " AND i.channel = :key AND i.status = 'done'"
                                      "  AND i.at >= :start AND i.at < :after ORDER BY 1"
                                    : "SELECT DISTINCT customer_id FROM interactions"
                                      " WHERE channel = :key AND status = 'done'"
                                      "  AND at >= :start AND at < :after ORDER BY 1",
                                    &params, error);
      break;

    case FID_DASHBOARD_IDS_SCORES:
      stmt = fid_dashboard_prepare (self,
                                    "SELECT DISTINCT c.id FROM customers c"
                                    " CROSS JOIN survey_responses r ON r.customer_id = c.id"
                                    " JOIN surveys s ON s.id = r.survey_id AND s.kind = :key"
                                    " WHERE " CUSTOMERS_PLACEHOLDER
                                    "  AND r.answered_at >= :start AND r.answered_at < :after ORDER BY 1",
                                    &params, error);
      break;

    case FID_DASHBOARD_IDS_CAMPAIGN:
    case FID_DASHBOARD_IDS_CAMPAIGN_RESPONDED:
    case FID_DASHBOARD_IDS_CAMPAIGN_CONVERTED:
      {
        static const char * const conditions[] = { "1", "t.responded_at IS NOT NULL", "t.converted_at IS NOT NULL" };
        g_autofree char *sql = NULL;

        params.id = g_ascii_strtoll (key != NULL ? key : "0", NULL, 10);
        /* The condition is one of three static strings. */
        sql = g_strconcat ("SELECT c.id FROM campaign_targets t JOIN customers c ON c.id = t.customer_id"
                           " WHERE t.campaign_id = :id AND t.grp = 'test' AND " CUSTOMERS_PLACEHOLDER " AND ",
                           conditions[what - FID_DASHBOARD_IDS_CAMPAIGN], " ORDER BY 1", NULL);
        stmt = fid_dashboard_prepare (self, sql, &params, error);
      }
      break;

    case FID_DASHBOARD_IDS_SEGMENT:
    case FID_DASHBOARD_IDS_MIGRATION:
      return snapshot_ids (self, &params, what, error);

    case FID_DASHBOARD_IDS_FOLLOW_UPS:
      stmt = fid_dashboard_prepare (self,
                                    "SELECT DISTINCT customer_id FROM interactions"
                                    " WHERE advisor_id = :advisor AND follow_up_on IS NOT NULL"
                                    "  AND follow_up_done = 0 AND follow_up_on <= :end ORDER BY 1",
                                    &params, error);
      break;

    case FID_DASHBOARD_IDS_LIFE_EVENTS:
      stmt = fid_dashboard_prepare (self,
                                    "SELECT DISTINCT c.id FROM customers c CROSS JOIN life_events e ON e.customer_id = c.id"
                                    " WHERE " CUSTOMERS_PLACEHOLDER
                                    "  AND e.occurred_on >= :start AND e.occurred_on <= :end"
                                    "  AND (:key = '' OR e.kind = :key) ORDER BY 1", &params, error);
      break;

    case FID_DASHBOARD_IDS_OPEN_TICKETS:
      stmt = fid_dashboard_prepare (self,
                                    "SELECT DISTINCT customer_id FROM tickets"
                                    " WHERE advisor_id = :advisor AND status IN ('open', 'in_progress')"
                                    "  AND (:key = '' OR kind = :key) ORDER BY 1", &params, error);
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  return stmt != NULL ? fid_dashboard_collect_ids (self, stmt, error) : NULL;
}
