/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: segment snapshots (issue 5).
 *
 * A snapshot is the segment of every customer of one analysis, saved under
 * its scheme and as-of date ("rfm" on 2026-06-30): the rows in
 * segment_snapshots, and what was run in segment_snapshot_info. Saving
 * again under the same scheme and date replaces it, in one transaction, so
 * that a failed or cancelled save leaves the previous one whole.
 *
 * A million customers must save in seconds: rows go in with multi-row
 * INSERTs (BATCH_ROWS per statement, one statement prepared once), in
 * customer order, which is the primary key's order. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "fid-store-private.h"
#include "fid-store-segments.h"

/* 2 parameters per row plus the 2 shared: far below SQLite's limit of
 * 32,766, and large enough that the statement overhead vanishes. */
#define BATCH_ROWS 500

void
fid_snapshot_info_free (FidSnapshotInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->scheme);
  g_free (info->taken_on);
  g_free (info->created_at);
  g_free (info->parameters);
  g_free (info);
}

void
fid_migration_free (FidMigration *migration)
{
  if (migration == NULL)
    return;
  g_strfreev (migration->from_keys);
  g_strfreev (migration->to_keys);
  g_free (migration->counts);
  g_free (migration);
}

void
fid_customer_segment_free (FidCustomerSegment *segment)
{
  if (segment == NULL)
    return;
  g_free (segment->scheme);
  g_free (segment->taken_on);
  g_free (segment->segment);
  g_free (segment);
}

/* Validation */

static gboolean
check_scheme (const char  *scheme,
              GError     **error)
{
  if (fid_text_is_blank (scheme))
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                           _("The snapshot has no segmentation scheme: name the analysis it comes from (rfm, abc…)."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_date (const char  *taken_on,
            GError     **error)
{
  if (taken_on == NULL || strlen (taken_on) != 10 || !fid_parse_iso_date (taken_on, NULL))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("The snapshot date “%s” is not a valid date (expected YYYY-MM-DD)."),
                   taken_on != NULL ? taken_on : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_parameters (const char  *parameters,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  if (parameters == NULL)
    return TRUE;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, parameters, -1, &local_error) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("The snapshot's parameters are not a JSON object: %s"),
                   local_error != NULL ? local_error->message : parameters);
      return FALSE;
    }
  return TRUE;
}

static int
compare_positions (const void *a,
                   const void *b,
                   void       *user_data)
{
  const gint64 *ids = user_data;
  gint64 x = ids[*(const gsize *) a], y = ids[*(const gsize *) b];

  return (x > y) - (x < y);
}

/* The order to insert the rows in (ascending ids), or NULL when @ids
 * already ascend; FALSE with @error set when an id is there twice. */
static gboolean
insertion_order (const gint64  *ids,
                 gsize          n,
                 gsize        **order,
                 GError       **error)
{
  gboolean ascending = TRUE;

  *order = NULL;
  for (gsize i = 1; i < n && ascending; i++)
    ascending = ids[i - 1] < ids[i];
  if (ascending)
    return TRUE;

  *order = g_new (gsize, n);
  for (gsize i = 0; i < n; i++)
    (*order)[i] = i;
  g_qsort_with_data (*order, (gint) n, sizeof (gsize), compare_positions, (gpointer) ids);
  for (gsize i = 1; i < n; i++)
    if (ids[(*order)[i - 1]] == ids[(*order)[i]])
      {
        g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                     _("Customer %" PRId64 " appears twice in the snapshot: "
                       "a customer has one segment per snapshot."), ids[(*order)[i]]);
        g_clear_pointer (order, g_free);
        return FALSE;
      }
  return TRUE;
}

/* Saving */

static char *
insert_sql (guint n_rows)
{
  GString *sql = g_string_new ("INSERT INTO segment_snapshots (scheme, taken_on, customer_id, segment) VALUES ");

  /* A bare "?" takes the number after the largest used so far: ?3, ?4, ?5… */
  for (guint i = 0; i < n_rows; i++)
    g_string_append (sql, i == 0 ? "(?1, ?2, ?, ?)" : ", (?1, ?2, ?, ?)");
  return g_string_free (sql, FALSE);
}

static gboolean
insert_rows (FidStore            *self,
             const char          *scheme,
             const char          *taken_on,
             const gint64        *ids,
             const guint8        *segments,
             const char * const  *segment_keys,
             const gsize         *order,
             gsize                n,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autofree char *full_sql = insert_sql (BATCH_ROWS);
  sqlite3_stmt *tail = NULL;
  gboolean ok = TRUE;

  for (gsize done = 0; done < n && ok; )
    {
      guint rows = (guint) MIN (BATCH_ROWS, n - done);
      sqlite3_stmt *stmt;
      int rc;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (rows == BATCH_ROWS)
        stmt = fid_store_prepare (self, full_sql, error);
      else
        {
          /* The last, shorter batch: prepared once, not kept in the cache. */
          g_autofree char *sql = insert_sql (rows);

          rc = sqlite3_prepare_v2 (fid_store_get_db (self), sql, -1, &tail, NULL);
          if (rc != SQLITE_OK)
            {
              fid_store_set_sqlite_error (self, error, rc, _("save the segment snapshot"));
              return FALSE;
            }
          stmt = tail;
        }
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, scheme, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, taken_on, -1, SQLITE_STATIC);
      for (guint r = 0; r < rows; r++)
        {
          gsize i = order != NULL ? order[done + r] : done + r;

          sqlite3_bind_int64 (stmt, 3 + 2 * r, ids[i]);
          sqlite3_bind_text (stmt, 4 + 2 * r, segment_keys[segments[i]], -1, SQLITE_STATIC);
        }
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE && sqlite3_extended_errcode (fid_store_get_db (self)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          /* Deleted while the analysis ran, most likely. */
          g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER,
                               _("Some customers of the snapshot no longer exist: run the analysis again, then save it."));
          ok = FALSE;
        }
      else if (rc != SQLITE_DONE)
        {
          fid_store_set_sqlite_error (self, error, rc, _("save the segment snapshot"));
          ok = FALSE;
        }
      sqlite3_reset (stmt);
      done += rows;
    }
  if (tail != NULL)
    sqlite3_finalize (tail);
  return ok;
}

gboolean
fid_store_save_snapshot (FidStore            *self,
                         const char          *scheme,
                         const char          *taken_on,
                         guint                window_days,
                         const char          *parameters,
                         const gint64        *ids,
                         const guint8        *segments,
                         const char * const  *segment_keys,
                         gsize                n,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autofree gsize *order = NULL;
  g_autofree char *now = NULL;
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  guint n_keys;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (n == 0 || (ids != NULL && segments != NULL), FALSE);
  g_return_val_if_fail (segment_keys != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_scheme (scheme, error) || !check_date (taken_on, error) || !check_parameters (parameters, error))
    return FALSE;
  n_keys = g_strv_length ((char **) segment_keys);
  for (guint s = 0; s < n_keys; s++)
    if (segment_keys[s][0] == '\0')
      {
        /* "" stands for "absent" in a migration matrix. */
        g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                     _("Segment %u of the “%s” scheme has no name: every segment needs a key."), s, scheme);
        return FALSE;
      }
  for (gsize i = 0; i < n; i++)
    if (segments[i] >= n_keys)
      {
        g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                     _("Customer %" PRId64 " has segment number %u, but the “%s” scheme has only %u segments (numbered from 0)."),
                     ids[i], segments[i], scheme, n_keys);
        return FALSE;
      }
  if (!insertion_order (ids, n, &order, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !fid_store_begin (self, error))
    return FALSE;

  stmt = fid_store_prepare (self, "DELETE FROM segment_snapshots WHERE scheme = ?1 AND taken_on = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, scheme, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, taken_on, -1, SQLITE_STATIC);
  if (!fid_store_step_write (self, stmt, _("replace the segment snapshot"), error))
    goto fail;

  now = fid_store_now_iso ();
  stmt = fid_store_prepare (self,
                            "INSERT INTO segment_snapshot_info"
                            " (scheme, taken_on, created_at, window_days, parameters, customers)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                            " ON CONFLICT (scheme, taken_on) DO UPDATE SET created_at = excluded.created_at,"
                            "  window_days = excluded.window_days, parameters = excluded.parameters,"
                            "  customers = excluded.customers", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, scheme, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, taken_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, window_days);
  fid_sqlite_bind_text_or_null (stmt, 5, parameters);
  sqlite3_bind_int64 (stmt, 6, (gint64) n);
  if (!fid_store_step_write (self, stmt, _("save the segment snapshot"), error) ||
      !insert_rows (self, scheme, taken_on, ids, segments, segment_keys, order, n, cancellable, error))
    goto fail;

  details = g_strdup_printf ("%s %s: %" G_GSIZE_FORMAT " customers", scheme, taken_on, n);
  if (!fid_store_audit (self, "save", "segment_snapshot", 0, details, error))
    goto fail;
  return fid_store_commit (self, error);

fail:
  fid_store_rollback (self);
  return FALSE;
}

/* Listing and deleting */

GPtrArray *
fid_store_list_snapshots (FidStore    *self,
                          const char  *scheme,
                          GError     **error)
{
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_snapshot_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT scheme, taken_on, created_at, window_days, parameters, customers"
                            " FROM segment_snapshot_info WHERE ?1 IS NULL OR scheme = ?1"
                            " ORDER BY taken_on DESC, scheme", error);
  if (stmt == NULL)
    return NULL;
  fid_sqlite_bind_text_or_null (stmt, 1, scheme);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidSnapshotInfo *info = g_new0 (FidSnapshotInfo, 1);

      info->scheme = g_strdup (fid_sqlite_text (stmt, 0));
      info->taken_on = g_strdup (fid_sqlite_text (stmt, 1));
      info->created_at = g_strdup (fid_sqlite_text (stmt, 2));
      info->window_days = (guint) sqlite3_column_int64 (stmt, 3);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        info->parameters = g_strdup (fid_sqlite_text (stmt, 4));
      info->n_customers = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (snapshots, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list the segment snapshots"));
      return NULL;
    }
  return g_steal_pointer (&snapshots);
}

/* Whether a snapshot exists: its info row, or rows written without one
 * (FidBulkLoader writes only rows). */
static gboolean
snapshot_exists (FidStore    *self,
                 const char  *scheme,
                 const char  *taken_on,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean exists;
  int rc;

  stmt = fid_store_prepare (self,
                            "SELECT EXISTS (SELECT 1 FROM segment_snapshot_info WHERE scheme = ?1 AND taken_on = ?2)"
                            " OR EXISTS (SELECT 1 FROM segment_snapshots WHERE scheme = ?1 AND taken_on = ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, scheme, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, taken_on, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  exists = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the segment snapshots"));
      return FALSE;
    }
  if (!exists)
    g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                 _("There is no “%s” snapshot taken on %s."), scheme, taken_on);
  return exists;
}

gboolean
fid_store_delete_snapshot (FidStore    *self,
                           const char  *scheme,
                           const char  *taken_on,
                           GError     **error)
{
  static const char * const deletes[] = {
    "DELETE FROM segment_snapshots WHERE scheme = ?1 AND taken_on = ?2",
    "DELETE FROM segment_snapshot_info WHERE scheme = ?1 AND taken_on = ?2",
  };
  g_autofree char *details = NULL;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_scheme (scheme, error) || !check_date (taken_on, error) || !fid_store_begin (self, error))
    return FALSE;
  if (!snapshot_exists (self, scheme, taken_on, error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      sqlite3_stmt *stmt = fid_store_prepare (self, deletes[i], error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, scheme, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, taken_on, -1, SQLITE_STATIC);
      if (!fid_store_step_write (self, stmt, _("delete the segment snapshot"), error))
        goto fail;
    }
  details = g_strdup_printf ("%s %s", scheme, taken_on);
  if (!fid_store_audit (self, "delete", "segment_snapshot", 0, details, error))
    goto fail;
  return fid_store_commit (self, error);

fail:
  fid_store_rollback (self);
  return FALSE;
}

/* Migration */

/* Sorted, "" (absent) last. */
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
  char **keys = (char **) g_hash_table_get_keys_as_array (set, &n);
  GStrv copy = g_new0 (char *, n + 1);

  qsort (keys, n, sizeof (char *), (int (*) (const void *, const void *)) compare_keys);
  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (keys[i]);
  g_free (keys);
  return copy;
}

static guint
key_index (GStrv       keys,
           const char *key)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_equal (keys[i], key))
      return i;
  g_assert_not_reached ();
  return 0;
}

FidMigration *
fid_store_compute_migration (FidStore    *self,
                             const char  *scheme,
                             const char  *from_taken_on,
                             const char  *to_taken_on,
                             GError     **error)
{
  g_autoptr(FidMigration) migration = NULL;
  g_autoptr(GHashTable) from_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) to_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint64));
  sqlite3_stmt *stmt;
  guint n_to;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_scheme (scheme, error) || !check_date (from_taken_on, error) || !check_date (to_taken_on, error) ||
      !snapshot_exists (self, scheme, from_taken_on, error) ||
      !snapshot_exists (self, scheme, to_taken_on, error))
    return NULL;

  /* A full outer join, written as a left join plus the later snapshot's
   * customers missing from the earlier one: SQLite 3.40 plans a FULL JOIN
   * of two filtered subqueries as a scan of one per row of the other
   * (28 s for 20,000 customers), while each half here reads one snapshot
   * in index order and probes the other by primary key. */
  stmt = fid_store_prepare (self,
                            "SELECT from_segment, to_segment, count(*) FROM ("
                            "  SELECT a.segment AS from_segment, coalesce (b.segment, '') AS to_segment"
                            "  FROM segment_snapshots a"
                            "  LEFT JOIN segment_snapshots b"
                            "   ON b.scheme = ?1 AND b.taken_on = ?3 AND b.customer_id = a.customer_id"
                            "  WHERE a.scheme = ?1 AND a.taken_on = ?2"
                            " UNION ALL"
                            "  SELECT '', b.segment FROM segment_snapshots b"
                            "  WHERE b.scheme = ?1 AND b.taken_on = ?3"
                            "   AND NOT EXISTS (SELECT 1 FROM segment_snapshots a"
                            "    WHERE a.scheme = ?1 AND a.taken_on = ?2 AND a.customer_id = b.customer_id))"
                            " GROUP BY 1, 2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, scheme, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, from_taken_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_taken_on, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *from = fid_sqlite_text (stmt, 0), *to = fid_sqlite_text (stmt, 1);
      guint64 count = (guint64) sqlite3_column_int64 (stmt, 2);

      g_hash_table_add (from_set, g_strdup (from));
      g_hash_table_add (to_set, g_strdup (to));
      g_ptr_array_add (cells, g_strdup (from));
      g_ptr_array_add (cells, g_strdup (to));
      g_array_append_val (counts, count);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("compare the segment snapshots"));
      return NULL;
    }

  migration = g_new0 (FidMigration, 1);
  migration->from_keys = sorted_keys (from_set);
  migration->to_keys = sorted_keys (to_set);
  n_to = g_strv_length (migration->to_keys);
  migration->counts = g_new0 (guint64, MAX (g_strv_length (migration->from_keys) * n_to, 1));
  for (guint c = 0; c < counts->len; c++)
    {
      const char *from = g_ptr_array_index (cells, 2 * c), *to = g_ptr_array_index (cells, 2 * c + 1);
      guint64 count = g_array_index (counts, guint64, c);

      migration->counts[key_index (migration->from_keys, from) * n_to + key_index (migration->to_keys, to)] = count;
      if (*from != '\0' && *to != '\0')
        {
          migration->in_both += count;
          if (g_str_equal (from, to))
            migration->stayed += count;
        }
    }
  return g_steal_pointer (&migration);
}

/* Members */

GArray *
fid_store_list_snapshot_members (FidStore    *self,
                                 const char  *scheme,
                                 const char  *taken_on,
                                 const char  *segment,
                                 const char  *to_taken_on,
                                 const char  *to_segment,
                                 GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_scheme (scheme, error) || !check_date (taken_on, error) ||
      (to_taken_on != NULL && !check_date (to_taken_on, error)))
    return NULL;
  if (segment == NULL || *segment == '\0' || (to_taken_on != NULL && to_segment == NULL))
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                           _("Choose a segment of the snapshot to list its customers."));
      return NULL;
    }
  if (!snapshot_exists (self, scheme, taken_on, error) ||
      (to_taken_on != NULL && !snapshot_exists (self, scheme, to_taken_on, error)))
    return NULL;

  /* Each reads segment_snapshots_segment (scheme, taken_on, segment,
   * customer_id) in order, and probes the later snapshot by primary key. */
  if (to_taken_on == NULL)
    stmt = fid_store_prepare (self,
                              "SELECT customer_id FROM segment_snapshots"
                              " WHERE scheme = ?1 AND taken_on = ?2 AND segment = ?3"
                              " ORDER BY customer_id", error);
  else if (*to_segment == '\0')
    stmt = fid_store_prepare (self,
                              "SELECT a.customer_id FROM segment_snapshots a"
                              " WHERE a.scheme = ?1 AND a.taken_on = ?2 AND a.segment = ?3"
                              "  AND NOT EXISTS (SELECT 1 FROM segment_snapshots b"
                              "   WHERE b.scheme = ?1 AND b.taken_on = ?4 AND b.customer_id = a.customer_id)"
                              " ORDER BY a.customer_id", error);
  else
    stmt = fid_store_prepare (self,
                              "SELECT a.customer_id FROM segment_snapshots a"
                              " JOIN segment_snapshots b ON b.scheme = ?1 AND b.taken_on = ?4"
                              "  AND b.customer_id = a.customer_id"
                              " WHERE a.scheme = ?1 AND a.taken_on = ?2 AND a.segment = ?3 AND b.segment = ?5"
                              " ORDER BY a.customer_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, scheme, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, taken_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, segment, -1, SQLITE_TRANSIENT);
  if (to_taken_on != NULL)
    {
      sqlite3_bind_text (stmt, 4, to_taken_on, -1, SQLITE_TRANSIENT);
      if (*to_segment != '\0')
        sqlite3_bind_text (stmt, 5, to_segment, -1, SQLITE_TRANSIENT);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list the customers of a segment"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* One customer */

GPtrArray *
fid_store_list_customer_segments (FidStore    *self,
                                  gint64       customer_id,
                                  GError     **error)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_customer_segment_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  /* With max (), SQLite takes the bare column (segment) from the row that
   * holds the maximum: the latest snapshot's segment. The customer index
   * (customer_id, scheme, taken_on) answers it. */
  stmt = fid_store_prepare (self,
                            "SELECT scheme, max (taken_on), segment FROM segment_snapshots"
                            " WHERE customer_id = ?1 GROUP BY scheme ORDER BY scheme", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidCustomerSegment *segment = g_new0 (FidCustomerSegment, 1);

      segment->scheme = g_strdup (fid_sqlite_text (stmt, 0));
      segment->taken_on = g_strdup (fid_sqlite_text (stmt, 1));
      segment->segment = g_strdup (fid_sqlite_text (stmt, 2));
      g_ptr_array_add (segments, segment);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the customer's segments"));
      return NULL;
    }
  return g_steal_pointer (&segments);
}
