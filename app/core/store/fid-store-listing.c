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
  [FID_CUSTOMER_SORT_ID] = { "c.id", "c.id", "customers c", FID_CUSTOMER_JOINS, TRUE },
};

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
fid_store_count_customers (FidStore  *self,
                           GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 count;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), -1);

  stmt = fid_store_prepare (self, "SELECT count(*) FROM customers", error);
  if (stmt == NULL)
    return -1;
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
               const SortSpec          *spec,
               const char              *columns,
               const char              *from,
               Phase                    phase,
               const FidCustomerCursor *after,
               guint64                  limit,
               GError                 **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (phase == PHASE_FIRST)
    sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s, %s LIMIT ?3",
                           columns, from, spec->key, spec->id);
  else if (phase == PHASE_TIES)
    sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?1 AND %s > ?2 ORDER BY %s LIMIT ?3",
                           columns, from, spec->key, spec->id, spec->id);
  else
    sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s > ?1 ORDER BY %s, %s LIMIT ?3",
                           columns, from, spec->key, spec->key, spec->id);

  stmt = fid_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (phase != PHASE_FIRST)
    {
      if (spec->is_integer)
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
             const SortSpec          *spec,
             const char              *columns,
             const char              *from,
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
      sqlite3_stmt *stmt = prepare_phase (self, spec, columns, from, phases[p], after, limit - seen, error);
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
                          FidCustomerSort          sort,
                          const FidCustomerCursor *after,
                          guint                    limit,
                          GError                 **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *from = NULL;
  const SortSpec *spec;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (sort <= FID_CUSTOMER_SORT_ID, NULL);
  g_return_val_if_fail (after == NULL || after->sort == sort, NULL);

  spec = &sort_specs[sort];
  from = g_strconcat (spec->driver, spec->rest, NULL);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  if (!walk_keyset (self, spec, FID_CUSTOMER_COLUMNS, from, after, limit, add_customer_row, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
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
                             FidCustomerSort          sort,
                             const FidCustomerCursor *after,
                             guint                    page_size,
                             guint                    max_pages,
                             GError                 **error)
{
  g_autoptr(GPtrArray) cursors = NULL;
  g_autofree char *columns = NULL;
  const SortSpec *spec;
  CursorWalk walk;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (sort <= FID_CUSTOMER_SORT_ID, NULL);
  g_return_val_if_fail (after == NULL || after->sort == sort, NULL);
  g_return_val_if_fail (page_size > 0, NULL);

  /* Only the driving table: this walk reads the (key, id) index and
   * nothing else. */
  spec = &sort_specs[sort];
  columns = g_strdup_printf ("%s, %s", spec->key, spec->id);
  cursors = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_customer_cursor_free);
  walk = (CursorWalk) { cursors, sort, spec->is_integer, page_size, 0 };
  if (!walk_keyset (self, spec, columns, spec->driver, after, (guint64) page_size * max_pages,
                    add_page_cursor, &walk, error))
    return NULL;
  return g_steal_pointer (&cursors);
}

/* Builds an FTS5 query in which every word the user typed is a quoted
 * prefix term: "hel mar" -> "hel"* "mar"*. Quoting (with embedded quotes
 * doubled) means nothing the user types is FTS syntax, and the whole query
 * is bound as a parameter, so nothing is SQL either. */
static char *
build_match_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        break;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *q = start; q < p; q++)
        {
          if (*q == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *q);
        }
      g_string_append (query, "\"*");
    }
  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

GPtrArray *
fid_store_search_customers (FidStore    *self,
                            const char  *text,
                            guint        limit,
                            GError     **error)
{
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  match = build_match_query (text);
  if (match == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* No relevance sort: ranking every match of a two-letter prefix over a
   * million rows costs more than the user waits; rowid order is instant
   * and the list narrows as they type. */
  stmt = fid_store_prepare (self,
                            "SELECT " FID_CUSTOMER_COLUMNS " FROM customers_fts f"
                            " CROSS JOIN customers c ON c.id = f.rowid" FID_CUSTOMER_JOINS
                            " WHERE customers_fts MATCH ?1 LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  return collect_customers (self, stmt, error);
}
