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

/* SELECT @columns FROM @from [WHERE (key, id) > (?1, ?2)] ORDER BY key, id
 * LIMIT ?3. Row-value comparison is what lets SQLite seek the (key, id)
 * index directly: no OFFSET, no sort. */
static sqlite3_stmt *
prepare_keyset (FidStore        *self,
                const SortSpec  *spec,
                const char      *columns,
                const char      *from,
                const FidCustomerCursor *after,
                guint            limit,
                GError         **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (after != NULL)
    sql = g_strdup_printf ("SELECT %s FROM %s WHERE (%s, %s) > (?1, ?2) ORDER BY %s, %s LIMIT ?3",
                           columns, from, spec->key, spec->id, spec->key, spec->id);
  else
    sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s, %s LIMIT ?3",
                           columns, from, spec->key, spec->id);

  stmt = fid_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (after != NULL)
    {
      if (spec->is_integer)
        sqlite3_bind_int64 (stmt, 1, after->int_key);
      else
        sqlite3_bind_text (stmt, 1, after->text_key ? after->text_key : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, after->id);
    }
  sqlite3_bind_int64 (stmt, 3, limit);
  return stmt;
}

static GPtrArray *
collect_customers (FidStore      *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, fid_store_read_customer (stmt, 0));
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
  const SortSpec *spec;
  g_autofree char *from = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (sort <= FID_CUSTOMER_SORT_ID, NULL);
  g_return_val_if_fail (after == NULL || after->sort == sort, NULL);

  spec = &sort_specs[sort];
  from = g_strconcat (spec->driver, spec->rest, NULL);
  stmt = prepare_keyset (self, spec, FID_CUSTOMER_COLUMNS, from, after, limit, error);
  if (stmt == NULL)
    return NULL;
  return collect_customers (self, stmt, error);
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
  sqlite3_stmt *stmt;
  guint64 n = 0;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (sort <= FID_CUSTOMER_SORT_ID, NULL);
  g_return_val_if_fail (page_size > 0, NULL);

  /* Only the driving table: this walk reads the (key, id) index and
   * nothing else. */
  spec = &sort_specs[sort];
  columns = g_strdup_printf ("%s, %s", spec->key, spec->id);
  stmt = prepare_keyset (self, spec, columns, spec->driver, after,
                         (guint64) page_size * max_pages, error);
  if (stmt == NULL)
    return NULL;

  cursors = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_customer_cursor_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidCustomerCursor *cursor;

      if (++n % page_size != 0)
        continue;
      cursor = g_new0 (FidCustomerCursor, 1);
      cursor->sort = sort;
      if (spec->is_integer)
        cursor->int_key = sqlite3_column_int64 (stmt, 0);
      else
        cursor->text_key = g_strdup (fid_sqlite_text (stmt, 0));
      cursor->id = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (cursors, cursor);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list customers"));
      return NULL;
    }
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
