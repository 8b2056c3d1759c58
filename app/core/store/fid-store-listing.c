/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: the customer listing and search.
 *
 * The listing pages by keyset ("rows after this key and id"), never by
 * OFFSET, so page 3,900 of a million customers costs what page 1 costs:
 * an index seek and LIMIT rows. Each sort order has an index whose last
 * column is the id, which makes every order total and the seek exact. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fid-store-private.h"
#include "fid-text.h"

typedef struct
{
  const char *key;        /* the sort key column */
  const char *id;         /* the id column that ends the sort index */
  const char *driver;     /* the table whose (key, id) index drives the scan */
  const char *rest;       /* joins that complete FID_CUSTOMER_COLUMNS */
  gboolean    is_integer;
} SortSpec;

/* Sorting by an aggregate drives the scan from customer_stats; CROSS JOIN
 * pins that join order so SQLite walks the index instead of sorting. */
static const SortSpec sort_specs[] = {
  [FID_CUSTOMER_SORT_NAME] = { "c.sort_name", "c.id", "customers c", FID_CUSTOMER_JOINS, FALSE },
  [FID_CUSTOMER_SORT_CITY] = { "c.city", "c.id", "customers c", FID_CUSTOMER_JOINS, FALSE },
  [FID_CUSTOMER_SORT_REVENUE] = { "s.tx_sum_cents", "s.customer_id", "customer_stats s",
                                  " CROSS JOIN customers c ON c.id = s.customer_id" FID_CUSTOMER_JOIN_NAMES, TRUE },
  [FID_CUSTOMER_SORT_LAST_CONTACT] = { "s.last_contact_at", "s.customer_id", "customer_stats s",
                                       " CROSS JOIN customers c ON c.id = s.customer_id" FID_CUSTOMER_JOIN_NAMES, FALSE },
  [FID_CUSTOMER_SORT_ADVISOR] = { "c.advisor_key", "c.id", "customers c", FID_CUSTOMER_JOINS, FALSE },
  [FID_CUSTOMER_SORT_SEGMENT] = { "c.segment_key", "c.id", "customers c", FID_CUSTOMER_JOINS, FALSE },
  [FID_CUSTOMER_SORT_LIFECYCLE] = { "c.lifecycle_rank", "c.id", "customers c", FID_CUSTOMER_JOINS, TRUE },
  [FID_CUSTOMER_SORT_REVENUE_12M] = { "s.revenue_12m_cents", "s.customer_id", "customer_stats s",
                                      " CROSS JOIN customers c ON c.id = s.customer_id" FID_CUSTOMER_JOIN_NAMES, TRUE },
  [FID_CUSTOMER_SORT_ENGAGEMENT] = { "s.engagement_score", "s.customer_id", "customer_stats s",
                                     " CROSS JOIN customers c ON c.id = s.customer_id" FID_CUSTOMER_JOIN_NAMES, TRUE },
  [FID_CUSTOMER_SORT_ID] = { "c.id", "c.id", "customers c", FID_CUSTOMER_JOINS, TRUE },
};

/* The lifecycle order of FID_CUSTOMER_SORT_LIFECYCLE; the same CASE as the
 * customers.lifecycle_rank column of 002-workspace.sql. */
static const char * const lifecycle_order[] = {
  "unknown", "prospect", "new", "satisfied", "dissatisfied", "inactive", "lost", "reactivated", NULL
};

static gint64
lifecycle_rank (const char *stage)
{
  for (guint i = 0; stage != NULL && lifecycle_order[i] != NULL; i++)
    if (g_str_equal (stage, lifecycle_order[i]))
      return i;
  return G_N_ELEMENTS (lifecycle_order);
}

/* Filters are ANDed conditions on the customers row c, with fixed
 * parameter numbers (?4 …) so that one SQL text serves every value; the
 * text differs only in which filters are present, and how each is
 * written (see Plan), so a handful of variants per query are cached. */
static gboolean
filter_is_empty (const FidCustomerFilter *filter)
{
  return filter == NULL ||
         (filter->advisor_id == 0 && filter->branch_id == 0 &&
          filter->segment == NULL && filter->lifecycle_stage == NULL &&
          filter->ids == NULL);
}

/* Filters the planner must not guess about. A portfolio (a few thousand
 * customers) or a branch (a few tens of thousands) is best read through its
 * own index and sorted; a lifecycle stage or a segment (a large share of
 * the bank) is best read in the order's index, skipping rows that do not
 * match. Left to itself, without statistics, SQLite picks the filter's
 * index for every equality and sorts half a million rows for one page. */
/* A set of ids is narrow when sorting its keys for each page costs less
 * than walking the order's index until a page of members has gone by:
 * 20,000 keys sort in a few tens of milliseconds, and a larger set is at
 * least 2 % of a million-customer bank, so a page of 256 members is found
 * within some 13,000 index entries. (Sorting 77,000 keys for every page
 * took 0.2 s a page; GtkSingleSelection then asked for every page.) */
#define NARROW_ID_SET 20000

static gboolean
ids_are_narrow (const FidCustomerFilter *filter)
{
  return filter->ids != NULL && filter->ids->len <= NARROW_ID_SET;
}

static gboolean
filter_is_narrow (const FidCustomerFilter *filter)
{
  return filter != NULL && (filter->advisor_id != 0 || filter->branch_id != 0 || ids_are_narrow (filter));
}

typedef enum
{
  FILTER_ADVISOR,
  FILTER_BRANCH,
  FILTER_SEGMENT,
  FILTER_LIFECYCLE,
  FILTER_IDS,
  N_FILTERS,
} FilterColumn;

/* The filter whose index leads when one does: the most selective present.
 * (filter_sql takes N_FILTERS when the sort index leads instead.) */
static FilterColumn
leading_filter (const FidCustomerFilter *filter)
{
  /* A small set of ids is read through the rowid: no index is narrower. */
  if (ids_are_narrow (filter))
    return FILTER_IDS;
  if (filter->advisor_id != 0)
    return FILTER_ADVISOR;
  if (filter->branch_id != 0)
    return FILTER_BRANCH;
  if (filter->segment != NULL)
    return FILTER_SEGMENT;
  return FILTER_LIFECYCLE;
}

/* A unary + makes a term unusable for an index ("disqualifying WHERE
 * clause terms" in SQLite's optimizer overview): that is how the plan is
 * pinned. */
static char *
filter_sql (const FidCustomerFilter *filter,
            FilterColumn             indexed)
{
  static const char * const terms[N_FILTERS] = {
    "c.advisor_id = ?4", "c.branch_id = ?5", "c.segment = ?6", "c.lifecycle_stage = ?7",
    "c.id IN (SELECT id FROM temp.fid_filter_ids)"
  };
  GString *sql = g_string_new (NULL);
  gboolean present[N_FILTERS];

  if (filter == NULL)
    return g_string_free (sql, FALSE);
  present[FILTER_ADVISOR] = filter->advisor_id != 0;
  present[FILTER_BRANCH] = filter->branch_id != 0;
  present[FILTER_SEGMENT] = filter->segment != NULL;
  present[FILTER_LIFECYCLE] = filter->lifecycle_stage != NULL;
  present[FILTER_IDS] = filter->ids != NULL;
  for (guint i = 0; i < N_FILTERS; i++)
    if (present[i])
      g_string_append_printf (sql, " AND %s%s", i == indexed ? "" : "+", terms[i]);
  return g_string_free (sql, FALSE);
}

/* The id set of a filter lives in a temporary table of this connection
 * (temp tables are private to it, and writable even when the file is
 * opened read-only). It is refilled only when the filter names another
 * array: the store keeps a reference to the one loaded, so the address
 * cannot be reused by a different array while it is compared. */
static gboolean
load_filter_ids (FidStore                *self,
                 const FidCustomerFilter *filter,
                 GError                 **error)
{
  sqlite3_stmt *insert;
  gboolean ok = TRUE;

  if (filter == NULL || filter->ids == NULL ||
      g_object_get_data (G_OBJECT (self), "fid-filter-ids") == filter->ids)
    return TRUE;

  if (!fid_store_exec (self,
                       "CREATE TEMP TABLE IF NOT EXISTS fid_filter_ids (id INTEGER PRIMARY KEY);"
                       "SAVEPOINT fid_filter_ids; DELETE FROM temp.fid_filter_ids;", error))
    return FALSE;
  insert = fid_store_prepare (self, "INSERT OR IGNORE INTO temp.fid_filter_ids (id) VALUES (?1)", error);
  if (insert == NULL)
    ok = FALSE;
  for (guint i = 0; ok && i < filter->ids->len; i++)
    {
      sqlite3_bind_int64 (insert, 1, g_array_index (filter->ids, gint64, i));
      ok = fid_store_step_write (self, insert, _("filter the customers"), error);
    }
  if (!ok)
    {
      fid_store_exec (self, "ROLLBACK TO fid_filter_ids; RELEASE fid_filter_ids;", NULL);
      g_object_set_data (G_OBJECT (self), "fid-filter-ids", NULL);
      return FALSE;
    }
  if (!fid_store_exec (self, "RELEASE fid_filter_ids;", error))
    return FALSE;
  g_object_set_data_full (G_OBJECT (self), "fid-filter-ids", g_array_ref (filter->ids),
                          (GDestroyNotify) g_array_unref);
  return TRUE;
}

static void
bind_filter (sqlite3_stmt            *stmt,
             const FidCustomerFilter *filter)
{
  if (filter == NULL)
    return;
  if (filter->advisor_id != 0)
    sqlite3_bind_int64 (stmt, 4, filter->advisor_id);
  if (filter->branch_id != 0)
    sqlite3_bind_int64 (stmt, 5, filter->branch_id);
  if (filter->segment != NULL)
    sqlite3_bind_text (stmt, 6, filter->segment, -1, SQLITE_TRANSIENT);
  if (filter->lifecycle_stage != NULL)
    sqlite3_bind_text (stmt, 7, filter->lifecycle_stage, -1, SQLITE_TRANSIENT);
}

/* How one listing call reads: the key and id as written in WHERE and
 * ORDER BY, the FROM clause, and the filter terms.
 *  - No filter: the sort index, as always.
 *  - Name order: every filter column has a (column, sort_name, id) index,
 *    so the leading filter's index gives the rows already in order.
 *  - A narrow filter (advisor, branch) in another order: the filter's index
 *    leads and the matching rows are sorted; key and id are disqualified.
 *  - A broad filter (segment, lifecycle) in another order: the sort index
 *    leads and the filters are checked on each row; they are disqualified. */
typedef struct
{
  const SortSpec *spec;
  char           *key;
  char           *id;
  char           *from;
  char           *where;
  gboolean        deferred;   /* sort ids only, then read the page's rows */
} Plan;

static void
plan_init (Plan                    *plan,
           FidCustomerSort          sort,
           const FidCustomerFilter *filter,
           gboolean                 full_rows)
{
  const SortSpec *spec = &sort_specs[sort];
  gboolean on_stats = !g_str_has_prefix (spec->driver, "customers");

  plan->spec = spec;
  plan->deferred = FALSE;
  if (filter_is_empty (filter))
    {
      plan->key = g_strdup (spec->key);
      plan->id = g_strdup (spec->id);
      plan->from = g_strconcat (spec->driver, full_rows ? spec->rest : "", NULL);
      plan->where = g_strdup ("");
    }
  else if (sort == FID_CUSTOMER_SORT_NAME)
    {
      plan->key = g_strdup (spec->key);
      plan->id = g_strdup (spec->id);
      plan->from = g_strconcat (spec->driver, full_rows ? spec->rest : "", NULL);
      plan->where = filter_sql (filter, leading_filter (filter));
    }
  else if (filter_is_narrow (filter))
    {
      plan->key = g_strconcat ("+", spec->key, NULL);
      plan->id = g_strconcat ("+", spec->id, NULL);
      /* customers first (LEFT JOIN keeps that order), stats for the key.
       * Thousands of rows are sorted for one page: only their keys and
       * ids, the page's full rows are read afterwards. */
      plan->from = g_strconcat ("customers c",
                                on_stats ? " LEFT JOIN customer_stats s ON s.customer_id = c.id" : "",
                                NULL);
      plan->where = filter_sql (filter, leading_filter (filter));
      plan->deferred = full_rows;
    }
  else
    {
      plan->key = g_strdup (spec->key);
      plan->id = g_strdup (spec->id);
      plan->from = g_strconcat (spec->driver,
                                full_rows ? spec->rest
                                          : (on_stats ? " CROSS JOIN customers c ON c.id = s.customer_id" : ""),
                                NULL);
      plan->where = filter_sql (filter, N_FILTERS);
    }
}

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->key, g_free);
  g_clear_pointer (&plan->id, g_free);
  g_clear_pointer (&plan->from, g_free);
  g_clear_pointer (&plan->where, g_free);
}

FidCustomerCursor *
fid_customer_cursor_new_for (FidCustomerSort  sort,
                             FidCustomer     *customer)
{
  FidCustomerCursor *cursor;

  g_return_val_if_fail (FID_IS_CUSTOMER (customer), NULL);
  g_return_val_if_fail (sort <= FID_CUSTOMER_SORT_ID, NULL);

  cursor = g_new0 (FidCustomerCursor, 1);
  cursor->sort = sort;
  cursor->id = fid_customer_get_id (customer);
  switch (sort)
    {
    case FID_CUSTOMER_SORT_NAME:
      {
        /* Recomputed exactly as the store computed it when saving. */
        g_autofree char *first = g_strstrip (g_strdup (fid_customer_get_first_name (customer) ?: ""));
        g_autofree char *last = g_strstrip (g_strdup (fid_customer_get_last_name (customer) ?: ""));

        cursor->text_key = fid_text_sort_name (last, first);
      }
      break;
    case FID_CUSTOMER_SORT_CITY:
      cursor->text_key = g_strdup (fid_customer_get_city (customer) ?: "");
      break;
    case FID_CUSTOMER_SORT_LAST_CONTACT:
      cursor->text_key = g_strdup (fid_customer_get_last_contact_at (customer) ?: "");
      break;
    case FID_CUSTOMER_SORT_REVENUE:
      cursor->int_key = fid_customer_get_tx_sum_cents (customer);
      break;
    case FID_CUSTOMER_SORT_ADVISOR:
      /* customers.advisor_key is advisors.sort_key: the folded display name. */
      cursor->text_key = fid_text_fold (fid_customer_get_advisor_name (customer) ?: "");
      break;
    case FID_CUSTOMER_SORT_SEGMENT:
      cursor->text_key = g_strdup (fid_customer_get_segment (customer) ?: "");
      break;
    case FID_CUSTOMER_SORT_LIFECYCLE:
      cursor->int_key = lifecycle_rank (fid_customer_get_lifecycle_stage (customer));
      break;
    case FID_CUSTOMER_SORT_REVENUE_12M:
      cursor->int_key = fid_customer_get_revenue_12m_cents (customer);
      break;
    case FID_CUSTOMER_SORT_ENGAGEMENT:
      cursor->int_key = fid_customer_get_engagement_score (customer);
      break;
    case FID_CUSTOMER_SORT_ID:
    default:
      cursor->int_key = cursor->id;
      break;
    }
  return cursor;
}

FidCustomerCursor *
fid_customer_cursor_copy (const FidCustomerCursor *cursor)
{
  FidCustomerCursor *copy;

  g_return_val_if_fail (cursor != NULL, NULL);

  copy = g_memdup2 (cursor, sizeof *cursor);
  copy->text_key = g_strdup (cursor->text_key);
  return copy;
}

void
fid_customer_cursor_free (FidCustomerCursor *cursor)
{
  if (cursor == NULL)
    return;
  g_free (cursor->text_key);
  g_free (cursor);
}

gint64
fid_store_count_customers (FidStore                 *self,
                           const FidCustomerFilter  *filter,
                           GError                  **error)
{
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), -1);
  if (!load_filter_ids (self, filter, error))
    return -1;

  where = filter_is_empty (filter) ? g_strdup ("") : filter_sql (filter, leading_filter (filter));
  sql = g_strconcat ("SELECT count(*) FROM customers c WHERE 1", where, NULL);
  stmt = fid_store_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;
  bind_filter (stmt, filter);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      fid_store_set_sqlite_error (self, error, rc, _("count customers"));
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* Keyset paging runs in two phases, each a single index seek:
 *   TIES:  key = ?1 AND id > ?2 ORDER BY id       (rest of the cursor's key)
 *   AFTER: key > ?1 ORDER BY key, id              (everything beyond it)
 * A single "(key, id) > (?1, ?2)" is shorter but SQLite seeks only on key
 * and then filters, which on a key shared by 100,000 rows (a big city)
 * costs 30 ms a page instead of 0.1 ms. Without a cursor there is one
 * phase, FIRST, from the start of the index. */
typedef enum
{
  PHASE_FIRST,
  PHASE_TIES,
  PHASE_AFTER,
} Phase;

static sqlite3_stmt *
prepare_phase (FidStore                *self,
               const Plan              *plan,
               const char              *columns,
               const FidCustomerFilter *filter,
               Phase                    phase,
               const FidCustomerCursor *after,
               guint64                  limit,
               GError                 **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_autofree char *inner_columns = NULL;
  const char *selected = columns;

  if (plan->deferred)
    selected = inner_columns = g_strdup_printf ("%s AS dk, %s AS did", plan->spec->key, plan->spec->id);

  if (phase == PHASE_FIRST)
    sql = g_strdup_printf ("SELECT %s FROM %s WHERE 1%s ORDER BY %s, %s LIMIT ?3",
                           selected, plan->from, plan->where, plan->key, plan->id);
  else if (phase == PHASE_TIES)
    sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?1 AND %s > ?2%s ORDER BY %s LIMIT ?3",
                           selected, plan->from, plan->key, plan->id, plan->where, plan->id);
  else
    sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s > ?1%s ORDER BY %s, %s LIMIT ?3",
                           selected, plan->from, plan->key, plan->where, plan->key, plan->id);

  if (plan->deferred)
    {
      char *outer = g_strdup_printf ("SELECT %s FROM (%s) d CROSS JOIN customers c ON c.id = d.did%s"
                                     " ORDER BY d.dk, d.did", columns, sql, FID_CUSTOMER_JOINS);

      g_free (sql);
      sql = outer;
    }

  stmt = fid_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  if (phase != PHASE_FIRST)
    {
      if (plan->spec->is_integer)
        sqlite3_bind_int64 (stmt, 1, after->int_key);
      else
        sqlite3_bind_text (stmt, 1, after->text_key ? after->text_key : "", -1, SQLITE_TRANSIENT);
      if (phase == PHASE_TIES)
        sqlite3_bind_int64 (stmt, 2, after->id);
    }
  sqlite3_bind_int64 (stmt, 3, limit);
  return stmt;
}

/* Calls @row_func on each row of the keyset range after @after, at most
 * @limit rows, phase after phase. */
typedef void (*RowFunc) (sqlite3_stmt *stmt,
                         gpointer      user_data);

static gboolean
walk_keyset (FidStore                *self,
             const Plan              *plan,
             const char              *columns,
             const FidCustomerFilter *filter,
             const FidCustomerCursor *after,
             guint64                  limit,
             RowFunc                  row_func,
             gpointer                 user_data,
             GError                 **error)
{
  static const Phase with_cursor[] = { PHASE_TIES, PHASE_AFTER };
  static const Phase without_cursor[] = { PHASE_FIRST };
  const Phase *phases = after ? with_cursor : without_cursor;
  guint n_phases = after ? G_N_ELEMENTS (with_cursor) : G_N_ELEMENTS (without_cursor);
  guint64 seen = 0;

  for (guint p = 0; p < n_phases && seen < limit; p++)
    {
      sqlite3_stmt *stmt = prepare_phase (self, plan, columns, filter, phases[p], after, limit - seen, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          row_func (stmt, user_data);
          seen++;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          fid_store_set_sqlite_error (self, error, rc, _("list customers"));
          return FALSE;
        }
    }
  return TRUE;
}

static void
add_customer_row (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  g_ptr_array_add (user_data, fid_store_read_customer (stmt, 0));
}

static GPtrArray *
collect_customers (FidStore      *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_customer_row (stmt, rows);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list customers"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
fid_store_list_customers (FidStore                *self,
                          const FidCustomerFilter *filter,
                          FidCustomerSort          sort,
                          const FidCustomerCursor *after,
                          guint                    limit,
                          GError                 **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  Plan plan;
  gboolean ok;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (sort <= FID_CUSTOMER_SORT_ID, NULL);
  g_return_val_if_fail (after == NULL || after->sort == sort, NULL);
  if (!load_filter_ids (self, filter, error))
    return NULL;

  plan_init (&plan, sort, filter, TRUE);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  ok = walk_keyset (self, &plan, FID_CUSTOMER_COLUMNS, filter, after, limit, add_customer_row, rows, error);
  plan_clear (&plan);
  return ok ? g_steal_pointer (&rows) : NULL;
}

typedef struct
{
  GPtrArray       *cursors;
  FidCustomerSort  sort;
  gboolean         is_integer;
  guint            page_size;
  guint64          n;
} CursorWalk;

static void
add_page_cursor (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  CursorWalk *walk = user_data;
  FidCustomerCursor *cursor;

  if (++walk->n % walk->page_size != 0)
    return;
  cursor = g_new0 (FidCustomerCursor, 1);
  cursor->sort = walk->sort;
  if (walk->is_integer)
    cursor->int_key = sqlite3_column_int64 (stmt, 0);
  else
    cursor->text_key = g_strdup (fid_sqlite_text (stmt, 0));
  cursor->id = sqlite3_column_int64 (stmt, 1);
  g_ptr_array_add (walk->cursors, cursor);
}

GPtrArray *
fid_store_list_page_cursors (FidStore                *self,
                             const FidCustomerFilter *filter,
                             FidCustomerSort          sort,
                             const FidCustomerCursor *after,
                             guint                    page_size,
                             guint                    max_pages,
                             GError                 **error)
{
  g_autoptr(GPtrArray) cursors = NULL;
  g_autofree char *columns = NULL;
  CursorWalk walk;
  Plan plan;
  gboolean ok;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (sort <= FID_CUSTOMER_SORT_ID, NULL);
  g_return_val_if_fail (after == NULL || after->sort == sort, NULL);
  if (!load_filter_ids (self, filter, error))
    return NULL;
  g_return_val_if_fail (page_size > 0, NULL);

  /* Only the tables the key and the filters need: without a filter this
   * walk reads the (key, id) index and nothing else. */
  plan_init (&plan, sort, filter, FALSE);
  columns = g_strdup_printf ("%s, %s", plan.spec->key, plan.spec->id);
  cursors = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_customer_cursor_free);
  walk = (CursorWalk) { cursors, sort, plan.spec->is_integer, page_size, 0 };
  ok = walk_keyset (self, &plan, columns, filter, after, (guint64) page_size * max_pages,
                    add_page_cursor, &walk, error);
  plan_clear (&plan);
  return ok ? g_steal_pointer (&cursors) : NULL;
}

/* Builds an FTS5 query in which every word the user typed is a quoted
 * prefix term: "hel mar" -> "hel"* "mar"*. Quoting (with embedded quotes
 * doubled) means nothing the user types is FTS syntax, and the whole query
 * is bound as a parameter, so nothing is SQL either. */
static void
append_term (GString    *query,
             const char *start,
             const char *end)
{
  if (query->len > 0)
    g_string_append_c (query, ' ');
  g_string_append_c (query, '"');
  for (const char *q = start; q < end; q++)
    {
      if (*q == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *q);
    }
  g_string_append (query, "\"*");
}

static char *
build_match_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (const char *));
  gboolean has_long_word = FALSE;
  const char *p = text;

  /* Split into words: pairs of start and end pointers. */
  while (*p)
    {
      const char *start, *end;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      end = p;
      if (end == start)
        break;
      g_array_append_val (words, start);
      g_array_append_val (words, end);
      if (g_utf8_strlen (start, end - start) > 1)
        has_long_word = TRUE;
    }

  /* One-letter words ("d'Artagnan", "o'brien", an initial) have no prefix
   * index and would make FTS5 scan every token starting with that letter;
   * they add little once a longer word is there, so they are dropped then. */
  for (guint i = 0; i < words->len; i += 2)
    {
      const char *start = g_array_index (words, const char *, i);
      const char *end = g_array_index (words, const char *, i + 1);

      if (has_long_word && g_utf8_strlen (start, end - start) == 1)
        continue;
      append_term (query, start, end);
    }
  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

GPtrArray *
fid_store_search_customers (FidStore    *self,
                            const char  *text,
                            guint        limit,
                            GError     **error)
{
  return fid_store_search_customers_filtered (self, NULL, text, limit, error);
}

#define SEARCH_SQL(ids_term) \
  "SELECT " FID_CUSTOMER_COLUMNS " FROM customers_fts f" \
  " CROSS JOIN customers c ON c.id = f.rowid" FID_CUSTOMER_JOINS \
  " WHERE customers_fts MATCH ?1" \
  " AND (?3 = 0 OR c.advisor_id = ?3) AND (?4 = 0 OR c.branch_id = ?4)" \
  " AND (?5 IS NULL OR c.segment = ?5) AND (?6 IS NULL OR c.lifecycle_stage = ?6)" \
  ids_term " LIMIT ?2"

GPtrArray *
fid_store_search_customers_filtered (FidStore                *self,
                                     const FidCustomerFilter *filter,
                                     const char              *text,
                                     guint                    limit,
                                     GError                 **error)
{
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  if (!load_filter_ids (self, filter, error))
    return NULL;

  match = build_match_query (text);
  if (match == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* No relevance sort: ranking every match of a two-letter prefix over a
   * million rows costs more than the user waits; rowid order is instant
   * and the list narrows as they type. The filter is checked on each
   * match as FTS5 yields it (CROSS JOIN keeps FTS5 driving), so LIMIT
   * counts only customers inside the filter. */
  /* The id set's table exists only once a filter has used one: the term
   * is in the SQL only then. */
  stmt = fid_store_prepare (self,
                            filter != NULL && filter->ids != NULL
                            ? SEARCH_SQL (" AND c.id IN (SELECT id FROM temp.fid_filter_ids)")
                            : SEARCH_SQL (""), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, filter ? filter->advisor_id : 0);
  sqlite3_bind_int64 (stmt, 4, filter ? filter->branch_id : 0);
  fid_sqlite_bind_text_or_null (stmt, 5, filter ? filter->segment : NULL);
  fid_sqlite_bind_text_or_null (stmt, 6, filter ? filter->lifecycle_stage : NULL);
  return collect_customers (self, stmt, error);
}
