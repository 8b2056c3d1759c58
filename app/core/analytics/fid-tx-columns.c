/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidTxColumns: the transactions as arrays, kept in a cache file between
 * runs (the header says why; fid-tx-columns-file.c has the file format).
 *
 * The token protocol. The cache file is named by a random token, and the
 * database names the current file in fidelis_meta 'columns_token'.
 * Triggers list in analytics_dirty, with an increasing seq, every customer
 * whose transactions changed. Writing a file (a rebuild, or a fold of the
 * dirty customers into a new file):
 *
 *   1. in one read transaction: the token T, S = max (seq), and the rows;
 *   2. the file is written under a new token N (temporary name, fsync,
 *      rename);
 *   3. BEGIN IMMEDIATE; if the token is no longer T, someone else wrote a
 *      file meanwhile: ours is dropped and theirs is used. Else the token
 *      becomes N and the dirty entries we have seen (seq <= S) are deleted;
 *      COMMIT;
 *   4. T's file is removed.
 *
 * A customer changed after step 1 got a seq above S (the triggers replace
 * an entry with a new seq), so it stays listed. A crash before the COMMIT
 * leaves a file no database names: it is ignored (left for the user's
 * cache cleaning), and the next load rebuilds. A file never changes once
 * named, so a database restored from a backup names either the file its
 * dirty list is relative to, or one that is gone and is rebuilt.
 *
 * Loading maps T's file and, in the same read transaction as the token,
 * reads analytics_dirty and the current rows of those customers, which
 * replace theirs (the clean ones are copied as blocks). Without dirty
 * customers the view points into the mapping: nothing is copied.
 *
 * Transactions whose date is not a valid YYYY-MM-DD are left out: they
 * cannot be placed in time.
 *
 * Loading and rebuilding open transactions of their own on @store: they
 * are not called inside one of the caller's. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fid-store-private.h"
#include "fid-tx-columns-private.h"

/* The dirty list is folded into a new file past this share of the
 * customers (in percent): patching copies the whole arrays at every load,
 * and re-reading many customers from SQLite costs more than a fold. */
#define FOLD_PERCENT 1

/* Cancellation is checked every this many rows (a power of two). */
#define CANCEL_EVERY 65536

/* The share of a rebuild's progress that reading takes; writing the file
 * takes the rest. */
#define READ_SHARE 0.9

struct _FidTxColumns
{
  GObject           parent_instance;

  FidTxColumnsView  view;
  GMappedFile      *mapped;     /* the view points into it, or NULL */
  FidColumns       *owned;      /* the view points into it, or NULL */
  char             *path;       /* the cache file the view came from */
  guint             n_patched;
  gboolean          rebuilt;
};

G_DEFINE_FINAL_TYPE (FidTxColumns, fid_tx_columns, G_TYPE_OBJECT)

static void
fid_tx_columns_finalize (GObject *object)
{
  FidTxColumns *self = FID_TX_COLUMNS (object);

  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_pointer (&self->owned, fid_columns_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (fid_tx_columns_parent_class)->finalize (object);
}

static void
fid_tx_columns_class_init (FidTxColumnsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fid_tx_columns_finalize;
}

static void
fid_tx_columns_init (FidTxColumns *self)
{
}

/* Reading from SQLite */

typedef struct
{
  FidProgressFunc  func;
  gpointer         data;
  double           from;      /* the fraction reported at row 0 */
  double           span;      /* what reading all the rows adds to it */
  gsize            expected;  /* rows */
} Progress;

static const char all_rows_sql[] =
  "SELECT customer_id, date, amount_cents, margin_cents, product_family"
  " FROM transactions ORDER BY customer_id, date, id";

/* analytics_dirty walked in customer order (its primary key, NOT
 * INDEXED keeps the planner off the seq index) and outside (CROSS JOIN),
 * with one probe of transactions_customer_date per dirty customer: the
 * rows come out in order, without a sort. */
static const char dirty_rows_sql[] =
  "SELECT t.customer_id, t.date, t.amount_cents, t.margin_cents, t.product_family"
  " FROM analytics_dirty d NOT INDEXED CROSS JOIN transactions t ON t.customer_id = d.customer_id"
  " ORDER BY d.customer_id, t.date, t.id";

/* A plain BEGIN: the snapshot starts at the first read and holds until
 * read_end, and a reader never takes the write lock. */
static gboolean
read_begin (FidStore  *store,
            GError   **error)
{
  return fid_store_exec (store, "BEGIN", error);
}

static void
read_end (FidStore *store)
{
  fid_store_rollback (store);
}

static gboolean
read_token (FidStore  *store,
            char     **token,
            GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *token = NULL;
  stmt = fid_store_prepare (store, "SELECT value FROM fidelis_meta WHERE key = 'columns_token'", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *token = g_strdup (fid_sqlite_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    fid_store_set_sqlite_error (store, error, rc, _("read the analysis cache token"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* One row of integers. */
static gboolean
read_integers (FidStore    *store,
               const char  *sql,
               gint64      *values,
               int          n_values,
               const char  *doing,
               GError     **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (store, sql, error);

  if (stmt == NULL || !fid_store_step_row (store, stmt, doing, error, "%s", doing))
    return FALSE;
  for (int i = 0; i < n_values; i++)
    values[i] = sqlite3_column_int64 (stmt, i);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
read_max_seq (FidStore  *store,
              gint64    *max_seq,
              GError   **error)
{
  return read_integers (store, "SELECT coalesce (max (seq), 0) FROM analytics_dirty",
                        max_seq, 1, _("read the list of changed customers"), error);
}

static gboolean
read_dirty_ids (FidStore  *store,
                GArray    *ids,
                GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = fid_store_prepare (store, "SELECT customer_id FROM analytics_dirty ORDER BY customer_id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    fid_store_set_sqlite_error (store, error, rc, _("read the list of changed customers"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* Steps @stmt (rows in customer, date order) into @columns. */
static gboolean
read_rows (FidStore        *store,
           sqlite3_stmt    *stmt,
           FidColumns      *columns,
           const Progress  *progress,
           GCancellable    *cancellable,
           GError         **error)
{
  gsize n = 0, n_skipped = 0;
  gsize next_report = progress != NULL ? 0 : G_MAXSIZE;
  gsize report_every = progress != NULL ? MAX (1, progress->expected / 100) : 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *date, *family;
      gint32 day;
      int index;

      if (G_UNLIKELY ((n & (CANCEL_EVERY - 1)) == 0) &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (G_UNLIKELY (n >= next_report))
        {
          double done = progress->expected > 0 ? MIN (1.0, (double) n / progress->expected) : 0;

          progress->func (progress->from + progress->span * done, progress->data);
          next_report += report_every;
        }
      n++;

      date = (const char *) sqlite3_column_text (stmt, 1);
      day = fid_tx_columns_day_from_text (date, sqlite3_column_bytes (stmt, 1));
      if (G_UNLIKELY (day == G_MININT32))
        {
          n_skipped++;
          continue;
        }
      if (G_UNLIKELY (columns->n_transactions >= G_MAXUINT32 - 1))
        {
          sqlite3_reset (stmt);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("The analyses handle at most %u transactions; “%s” has more."),
                       G_MAXUINT32 - 1, fid_store_get_path (store));
          return FALSE;
        }
      family = (const char *) sqlite3_column_text (stmt, 4);
      index = fid_tx_columns_family_index_n (family, sqlite3_column_bytes (stmt, 4));
      fid_columns_append (columns, sqlite3_column_int64 (stmt, 0), day,
                          sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
                          index >= 0 ? index : FID_PRODUCT_FAMILY_OTHER);
    }
  if (rc != SQLITE_DONE)
    fid_store_set_sqlite_error (store, error, rc, _("read the transactions"));
  sqlite3_reset (stmt);
  if (n_skipped > 0)
    g_debug ("%" G_GSIZE_FORMAT " transactions of %s without a valid date are left out of the analyses",
             n_skipped, fid_store_get_path (store));
  return rc == SQLITE_DONE;
}

/* Every transaction, with the token and the dirty list's max (seq) of the
 * same snapshot (step 1 of the protocol). */
static FidColumns *
read_all (FidStore      *store,
          char         **token,
          gint64        *max_seq,
          Progress      *progress,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(FidColumns) columns = NULL;
  sqlite3_stmt *stmt;
  gint64 counts[3];

  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !read_begin (store, error))
    return NULL;

  /* Sizes the arrays once: customer_stats has every customer's count (the
   * triggers keep it), bounded by the id span in case it is wrong. */
  if (!read_token (store, token, error) ||
      !read_max_seq (store, max_seq, error) ||
      !read_integers (store,
                      "SELECT (SELECT count (*) FROM customer_stats WHERE tx_count > 0),"
                      " (SELECT coalesce (sum (tx_count), 0) FROM customer_stats),"
                      /* Two subqueries: only a lone min () or max () is
                       * one probe of the rowid tree. */
                      " coalesce ((SELECT max (id) FROM transactions) - (SELECT min (id) FROM transactions) + 1, 0)",
                      counts, 3, _("count the transactions"), error))
    goto fail;
  counts[1] = CLAMP (MIN (counts[1], counts[2]), 0, G_MAXUINT32);
  counts[0] = CLAMP (counts[0], 0, counts[1]);
  columns = fid_columns_new (counts[0], counts[1]);
  if (progress != NULL)
    progress->expected = counts[1];

  stmt = fid_store_prepare (store, all_rows_sql, error);
  if (stmt == NULL || !read_rows (store, stmt, columns, progress, cancellable, error))
    goto fail;
  read_end (store);
  return g_steal_pointer (&columns);

fail:
  read_end (store);
  g_clear_pointer (token, g_free);
  return NULL;
}

/* Writing a file: steps 2 to 4 */

typedef enum
{
  PERSIST_FAILED,
  PERSIST_DONE,
  PERSIST_LOST_RACE,   /* another writer changed the token since step 1 */
} PersistResult;

static PersistResult
persist (FidStore                *writer,
         const FidTxColumnsView  *view,
         const char              *seen_token,
         gint64                   max_seq,
         const Progress          *progress,
         GCancellable            *cancellable,
         char                   **new_token,
         GError                 **error)
{
  g_autofree char *token = fid_tx_columns_new_token ();
  g_autofree char *current = NULL;
  sqlite3_stmt *stmt;

  if (!fid_tx_columns_file_write (token, view,
                                  progress != NULL ? progress->func : NULL,
                                  progress != NULL ? progress->data : NULL,
                                  progress != NULL ? progress->from + progress->span : 0,
                                  cancellable, error))
    return PERSIST_FAILED;

  /* The last moment to cancel: after the COMMIT the new file is the
   * database's. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !fid_store_begin (writer, error))
    goto drop;
  if (!read_token (writer, &current, error))
    goto rollback;
  if (g_strcmp0 (current, seen_token) != 0)
    {
      fid_store_rollback (writer);
      fid_tx_columns_file_remove (token);
      return PERSIST_LOST_RACE;
    }

  stmt = fid_store_prepare (writer,
                            "INSERT OR REPLACE INTO fidelis_meta (key, value) VALUES ('columns_token', ?)",
                            error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (writer, stmt, _("save the analysis cache token"), error))
    goto rollback;
  stmt = fid_store_prepare (writer, "DELETE FROM analytics_dirty WHERE seq <= ?", error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, max_seq);
  if (!fid_store_step_write (writer, stmt, _("clear the list of changed customers"), error) ||
      !fid_store_commit (writer, error))
    goto rollback;

  if (seen_token != NULL && !g_str_equal (seen_token, token))
    fid_tx_columns_file_remove (seen_token);
  *new_token = g_steal_pointer (&token);
  return PERSIST_DONE;

rollback:
  fid_store_rollback (writer);
drop:
  fid_tx_columns_file_remove (token);
  return PERSIST_FAILED;
}

/* The store to write through: @store itself, or a connection of its own
 * when @store is read-only. NULL when the database cannot be written. */
static FidStore *
open_writer (FidStore *store)
{
  g_autoptr(GError) local_error = NULL;
  FidStore *writer;

  if (!fid_store_is_read_only (store))
    return g_object_ref (store);
  writer = fid_store_open (fid_store_get_path (store), FID_STORE_OPEN_DEFAULT, &local_error);
  if (writer == NULL)
    g_debug ("The analysis cache of %s is kept in memory only: %s",
             fid_store_get_path (store), local_error->message);
  return writer;
}

/* Points the view at @token's new file, dropping the arrays in memory
 * (the file's pages are the kernel's to share and reclaim). */
static gboolean
adopt_file (FidTxColumns *self,
            const char   *token)
{
  g_autoptr(GError) local_error = NULL;
  FidTxColumnsView view;
  GMappedFile *mapped = fid_tx_columns_file_map (token, &view, &local_error);

  if (mapped == NULL)
    {
      /* Just written: only a concurrent rebuild removing it gets here. */
      g_debug ("%s", local_error->message);
      return FALSE;
    }
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_pointer (&self->owned, fid_columns_free);
  g_free (self->path);
  self->path = fid_tx_columns_file_path (token);
  self->mapped = mapped;
  self->view = view;
  return TRUE;
}

/* What a persist that did not happen leaves: the view stays in memory,
 * which is right as of its snapshot. Only cancellation is an error. */
static gboolean
persist_failed (GError  *local_error,
                GError **error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_warning ("The analysis cache could not be saved, so it will be built again next time: %s",
             local_error->message);
  g_error_free (local_error);
  return TRUE;
}

/* Loading */

/* Folds the patched view into a new file (the token protocol, from the
 * load's snapshot), so that the next loads patch nothing. */
static gboolean
fold (FidTxColumns  *self,
      FidStore      *store,
      const char    *token,
      gint64         max_seq,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(FidStore) writer = open_writer (store);
  g_autofree char *new_token = NULL;
  GError *local_error = NULL;

  if (writer == NULL)
    return TRUE;
  switch (persist (writer, &self->view, token, max_seq, NULL, cancellable, &new_token, &local_error))
    {
    case PERSIST_DONE:
      adopt_file (self, new_token);
      return TRUE;
    case PERSIST_LOST_RACE:
      return TRUE;
    case PERSIST_FAILED:
    default:
      return persist_failed (local_error, error);
    }
}

/* The file the database names, patched. *usable is FALSE when there is no
 * token or its file is missing or unsound: the caller rebuilds. */
/* The last cache file mapped in this process, by token. A token names
 * one file's content for good (every write makes a new token), so a
 * mapping of it stays right for as long as the database names that token;
 * keeping it spares the next analysis the page faults of mapping 400 MB
 * again (most of a warm load's time on a million customers). One entry:
 * a new token replaces it. */
static GMutex         mapping_lock;
static char          *mapping_token;
static GMappedFile   *mapping_file;
static FidTxColumnsView mapping_view;
static GStatBuf       mapping_stat;

/* The file is still the one mapped: same inode, size and modification
 * time. A cache file is never rewritten in place, but one truncated or
 * edited behind our back must be validated again, not read (a truncated
 * mapping faults with SIGBUS). */
static gboolean
same_file (const GStatBuf *a,
           const GStatBuf *b)
{
  return a->st_ino == b->st_ino && a->st_dev == b->st_dev && a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

static GMappedFile *
map_file (const char        *token,
          FidTxColumnsView  *view,
          GError           **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&mapping_lock);
  g_autofree char *path = NULL;
  GMappedFile *mapped;
  GStatBuf now;
  gboolean stat_ok;

  if (!fid_tx_columns_token_is_valid (token))
    return fid_tx_columns_file_map (token, view, error);
  path = fid_tx_columns_file_path (token);
  stat_ok = g_stat (path, &now) == 0;
  if (mapping_file != NULL && g_strcmp0 (mapping_token, token) == 0 && stat_ok &&
      same_file (&now, &mapping_stat))
    {
      *view = mapping_view;
      return g_mapped_file_ref (mapping_file);
    }
  mapped = fid_tx_columns_file_map (token, view, error);
  g_clear_pointer (&mapping_file, g_mapped_file_unref);
  g_clear_pointer (&mapping_token, g_free);
  if (mapped != NULL && stat_ok)
    {
      mapping_stat = now;
      mapping_token = g_strdup (token);
      mapping_file = g_mapped_file_ref (mapped);
      mapping_view = *view;
    }
  return mapped;
}

static gboolean
load_from_file (FidTxColumns  *self,
                FidStore      *store,
                gboolean       allow_fold,
                gboolean      *usable,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GError) map_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GArray) dirty_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(FidColumns) fresh = NULL;
  g_autofree char *token = NULL;
  FidTxColumnsView base, fresh_view;
  FidColumns *merged;
  sqlite3_stmt *stmt;
  gint64 max_seq = 0;

  *usable = FALSE;

  /* Token, file and dirty rows from one snapshot: a fold committed by
   * someone else in between cannot make us patch their file with our
   * list, or ours with theirs. */
  if (!read_begin (store, error))
    return FALSE;
  if (!read_token (store, &token, error))
    goto fail;
  if (token != NULL)
    mapped = map_file (token, &base, &map_error);
  if (mapped == NULL)
    {
      if (map_error != NULL)
        g_debug ("Not using the analysis cache: %s", map_error->message);
      read_end (store);
      return TRUE;
    }
  if (!read_max_seq (store, &max_seq, error) || !read_dirty_ids (store, dirty_ids, error))
    goto fail;
  if (dirty_ids->len > 0)
    {
      fresh = fid_columns_new (dirty_ids->len, 0);
      stmt = fid_store_prepare (store, dirty_rows_sql, error);
      if (stmt == NULL || !read_rows (store, stmt, fresh, NULL, cancellable, error))
        goto fail;
    }
  read_end (store);

  *usable = TRUE;
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_pointer (&self->owned, fid_columns_free);
  g_free (self->path);
  self->path = fid_tx_columns_file_path (token);
  if (dirty_ids->len == 0)
    {
      self->mapped = g_steal_pointer (&mapped);
      self->view = base;
      return TRUE;
    }

  fid_columns_finish (fresh, &fresh_view);
  merged = fid_columns_merge (&base, (const gint64 *) dirty_ids->data, dirty_ids->len, &fresh_view);
  fid_columns_finish (merged, &self->view);
  self->owned = merged;
  self->n_patched = dirty_ids->len;
  /* The copy is complete: the mapping is not needed any more. */
  g_clear_pointer (&mapped, g_mapped_file_unref);

  if (allow_fold && (guint64) dirty_ids->len * 100 > (guint64) self->view.n_customers * FOLD_PERCENT)
    return fold (self, store, token, max_seq, cancellable, error);
  return TRUE;

fail:
  read_end (store);
  return FALSE;
}

/* Reads everything from SQLite, and writes the file when the database can
 * be written. */
static gboolean
rebuild_for_load (FidTxColumns     *self,
                  FidStore         *store,
                  FidProgressFunc   progress_func,
                  gpointer          progress_data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(FidStore) writer = open_writer (store);
  g_autoptr(FidColumns) columns = NULL;
  g_autofree char *seen_token = NULL;
  g_autofree char *new_token = NULL;
  Progress progress = { progress_func, progress_data, 0, writer != NULL ? READ_SHARE : 1.0, 0 };
  GError *local_error = NULL;
  FidTxColumnsView view;
  gint64 max_seq = 0;
  gboolean usable = FALSE;

  columns = read_all (writer != NULL ? writer : store, &seen_token, &max_seq,
                      progress_func != NULL ? &progress : NULL, cancellable, error);
  if (columns == NULL)
    return FALSE;
  fid_columns_finish (columns, &view);
  self->rebuilt = TRUE;
  g_clear_pointer (&self->path, g_free);

  if (writer != NULL)
    {
      switch (persist (writer, &view, seen_token, max_seq, progress_func != NULL ? &progress : NULL,
                       cancellable, &new_token, &local_error))
        {
        case PERSIST_DONE:
          if (adopt_file (self, new_token))
            goto done;
          break;
        case PERSIST_LOST_RACE:
          /* Use theirs; ours if theirs is already gone. */
          if (!load_from_file (self, store, FALSE, &usable, cancellable, error))
            return FALSE;
          if (usable)
            goto done;
          break;
        case PERSIST_FAILED:
        default:
          if (!persist_failed (local_error, error))
            return FALSE;
          break;
        }
    }
  self->owned = g_steal_pointer (&columns);
  self->view = view;

done:
  if (progress_func != NULL)
    progress_func (1.0, progress_data);
  return TRUE;
}

FidTxColumns *
fid_tx_columns_load (FidStore         *store,
                     FidProgressFunc   progress,
                     gpointer          progress_data,
                     GCancellable     *cancellable,
                     GError          **error)
{
  g_autoptr(FidTxColumns) self = NULL;
  gboolean usable = FALSE;

  g_return_val_if_fail (FID_IS_STORE (store), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (FID_TYPE_TX_COLUMNS, NULL);
  /* Twice: a fold committed by another process between our reading the
   * token and opening its file has removed the file, and the token names
   * a new one by now. */
  for (int attempt = 0; attempt < 2 && !usable; attempt++)
    if (!load_from_file (self, store, TRUE, &usable, cancellable, error))
      return NULL;
  if (!usable && !rebuild_for_load (self, store, progress, progress_data, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
fid_tx_columns_rebuild (FidStore         *store,
                        FidProgressFunc   progress_func,
                        gpointer          progress_data,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(FidColumns) columns = NULL;
  g_autofree char *seen_token = NULL;
  g_autofree char *new_token = NULL;
  Progress progress = { progress_func, progress_data, 0, READ_SHARE, 0 };
  GError *local_error = NULL;
  FidTxColumnsView view;
  gint64 max_seq = 0;

  g_return_val_if_fail (FID_IS_STORE (store), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (fid_store_is_read_only (store))
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only: its analysis cache cannot be rebuilt."),
                   fid_store_get_path (store));
      return FALSE;
    }

  columns = read_all (store, &seen_token, &max_seq, progress_func != NULL ? &progress : NULL,
                      cancellable, error);
  if (columns == NULL)
    return FALSE;
  fid_columns_finish (columns, &view);
  /* Lost race: another writer has just rebuilt it, which is as good. */
  if (persist (store, &view, seen_token, max_seq, progress_func != NULL ? &progress : NULL,
               cancellable, &new_token, &local_error) == PERSIST_FAILED)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (progress_func != NULL)
    progress_func (1.0, progress_data);
  return TRUE;
}

const FidTxColumnsView *
fid_tx_columns_get_view (FidTxColumns *self)
{
  g_return_val_if_fail (FID_IS_TX_COLUMNS (self), NULL);
  return &self->view;
}

gboolean
fid_tx_columns_was_rebuilt (FidTxColumns *self)
{
  g_return_val_if_fail (FID_IS_TX_COLUMNS (self), FALSE);
  return self->rebuilt;
}

guint
fid_tx_columns_get_n_patched (FidTxColumns *self)
{
  g_return_val_if_fail (FID_IS_TX_COLUMNS (self), 0);
  return self->n_patched;
}

gsize
fid_tx_columns_get_mapped_size (FidTxColumns *self)
{
  g_return_val_if_fail (FID_IS_TX_COLUMNS (self), 0);
  return self->mapped != NULL ? g_mapped_file_get_length (self->mapped) : 0;
}

const char *
fid_tx_columns_get_path (FidTxColumns *self)
{
  g_return_val_if_fail (FID_IS_TX_COLUMNS (self), NULL);
  return self->path;
}
