/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: backup, restore and the automatic daily backups.
 *
 * A backup holds one read transaction on the source for the whole copy.
 * In WAL mode a reader never blocks a writer, and a reader's snapshot never
 * changes under it, so sqlite3_backup_step copies one consistent state of
 * the database chunk after chunk without ever restarting, however much the
 * other connections write meanwhile (without that read transaction, the
 * backup API starts over after every write of another connection, and a
 * busy database would never finish its backup). */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fid-store-audit.h"
#include "fid-store-backup.h"
#include "fid-store-private.h"

/* 16 MiB of 4 KiB pages per step: a progress report every few tenths of
 * a second, and a cancellation that answers as fast. */
#define PAGES_PER_STEP 4096
#define BUSY_WAIT_MS   50

void
fid_backup_info_clear (FidBackupInfo *info)
{
  g_return_if_fail (info != NULL);

  g_clear_pointer (&info->source_path, g_free);
  g_clear_pointer (&info->taken_at, g_free);
  info->schema_version = 0;
  info->n_customers = 0;
}

static int
exec_db (sqlite3    *db,
         const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL);
}

static void
set_db_error (GError     **error,
              sqlite3     *db,
              int          rc,
              const char  *path,
              const char  *doing)
{
  g_set_error (error, FID_STORE_ERROR,
               (rc & 0xff) == SQLITE_FULL ? FID_STORE_ERROR_FAILED :
               (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB ? FID_STORE_ERROR_CORRUPT :
               (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN ? FID_STORE_ERROR_READ_ONLY :
               FID_STORE_ERROR_FAILED,
               _("Could not %s “%s”: %s"), doing, path,
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

/* Copies @src into @dest page by page; @src is already in the transaction
 * that fixes what is copied. */
static gboolean
copy_pages (sqlite3                *dest,
            sqlite3                *src,
            const char             *dest_label,
            FidBackupProgressFunc   progress,
            gpointer                user_data,
            GCancellable           *cancellable,
            GError                **error)
{
  sqlite3_backup *backup;
  int busy_waits = 0;
  int rc;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      set_db_error (error, dest, sqlite3_errcode (dest), dest_label, _("copy the database to"));
      return FALSE;
    }

  do
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          /* Finishing early rolls the destination back. */
          sqlite3_backup_finish (backup);
          return FALSE;
        }
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (rc == SQLITE_OK)
        busy_waits = 0;
      if (progress != NULL && (rc == SQLITE_OK || rc == SQLITE_DONE))
        {
          gint64 total = sqlite3_backup_pagecount (backup);

          progress (total - sqlite3_backup_remaining (backup), total, user_data);
        }
      /* Another program holds the destination's lock: wait for it, as
       * long as any write would. */
      if (((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) &&
          (busy_waits += BUSY_WAIT_MS) < FID_STORE_BUSY_TIMEOUT_MS)
        {
          sqlite3_sleep (BUSY_WAIT_MS);
          rc = SQLITE_OK;
        }
    }
  while (rc == SQLITE_OK);

  if (rc != SQLITE_DONE)
    {
      sqlite3_backup_finish (backup);
      set_db_error (error, dest, rc, dest_label, _("copy the database to"));
      return FALSE;
    }
  rc = sqlite3_backup_finish (backup);
  if (rc != SQLITE_OK)
    {
      set_db_error (error, dest, rc, dest_label, _("copy the database to"));
      return FALSE;
    }
  return TRUE;
}

static void
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* The copy remembers what it copies and when (fidelis_meta, which no
 * content digest covers). */
static int
mark_copy (sqlite3    *dest,
           const char *source_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (dest,
                           "INSERT OR REPLACE INTO fidelis_meta (key, value)"
                           " VALUES ('backup_of', ?1), ('backup_at', ?2)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, source_path, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  return rc;
}

gboolean
fid_store_backup (FidStore               *self,
                  const char             *dest_path,
                  FidBackupProgressFunc   progress,
                  gpointer                user_data,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autofree char *partial = NULL;
  g_autofree char *source_abs = NULL;
  g_autofree char *dest_abs = NULL;
  g_autofree char *details = NULL;
  g_autofree char *base = NULL;
  sqlite3 *src = fid_store_get_db (self);
  sqlite3 *dest = NULL;
  gboolean own_read = FALSE;
  gboolean ok = FALSE;
  gint64 pages = 0;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  source_abs = g_canonicalize_filename (fid_store_get_path (self), NULL);
  dest_abs = g_canonicalize_filename (dest_path, NULL);
  if (g_str_equal (source_abs, dest_abs))
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_FAILED,
                   _("Cannot back up “%s” onto itself: choose another file."), dest_path);
      return FALSE;
    }

  partial = g_strconcat (dest_path, ".partial", NULL);
  g_unlink (partial);
  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (error, dest, rc, dest_path, _("write the backup"));
      goto out;
    }
  sqlite3_busy_timeout (dest, FID_STORE_BUSY_TIMEOUT_MS);
  /* A bank's customer records: readable by their owner only. SQLite has
   * created the file empty; nothing is in it yet. */
  g_chmod (partial, 0600);

  /* One snapshot for the whole copy (see the top of this file). */
  if (sqlite3_get_autocommit (src))
    {
      if (exec_db (src, "BEGIN") != SQLITE_OK ||
          exec_db (src, "SELECT count(*) FROM sqlite_master") != SQLITE_OK)
        {
          fid_store_set_sqlite_error (self, error, sqlite3_errcode (src), _("read the database"));
          goto out;
        }
      own_read = TRUE;
    }

  if (!copy_pages (dest, src, dest_path, progress, user_data, cancellable, error))
    goto out;
  if (own_read)
    {
      exec_db (src, "COMMIT");
      own_read = FALSE;
    }

  /* The source is in WAL mode, and the copy would be too: a backup is one
   * file, to be carried anywhere, so it goes back to a rollback journal. */
  if ((rc = exec_db (dest, "PRAGMA journal_mode = DELETE")) != SQLITE_OK ||
      (rc = mark_copy (dest, source_abs)) != SQLITE_OK)
    {
      set_db_error (error, dest, rc, dest_path, _("write the backup"));
      goto out;
    }
  {
    sqlite3_stmt *stmt = NULL;

    if (sqlite3_prepare_v2 (dest, "PRAGMA page_count", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step (stmt) == SQLITE_ROW)
      pages = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
  }
  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    {
      set_db_error (error, NULL, rc, dest_path, _("write the backup"));
      goto out;
    }

  if (g_rename (partial, dest_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the backup “%s”: %s"), dest_path, g_strerror (saved_errno));
      goto out;
    }
  sync_directory (dest_path);
  ok = TRUE;

  if (!fid_store_is_read_only (self))
    {
      g_autofree char *quoted = NULL;

      base = g_path_get_basename (dest_abs);
      quoted = fid_store_json_string (base);
      details = g_strdup_printf ("{\"file\": %s, \"pages\": %" G_GINT64_FORMAT "}", quoted, pages);
      ok = fid_store_audit_append (self, "backup", "database", 0, details, error);
    }

out:
  if (own_read)
    exec_db (src, "ROLLBACK");
  if (dest != NULL)
    sqlite3_close (dest);
  if (!ok)
    g_unlink (partial);
  return ok;
}

/* Restore ------------------------------------------------------------------ */

static int
on_progress_cb (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

static char *
read_meta (sqlite3    *db,
           const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM fidelis_meta WHERE key = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
check_backup (FidStore       *backup,
              const char     *path,
              FidBackupInfo  *info,
              GCancellable   *cancellable,
              GError        **error)
{
  sqlite3 *db = fid_store_get_db (backup);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int n_problems = 0;
  int rc;

  /* integrity_check reads every page: the progress handler lets a cancel
   * interrupt it. */
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, on_progress_cb, cancellable);

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check (10)", -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") == 0)
        continue;
      if (n_problems++ < 3)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_INTERRUPT || g_cancellable_is_cancelled (cancellable))
    {
      sqlite3_progress_handler (db, 0, NULL, NULL);
      g_cancellable_set_error_if_cancelled (cancellable, error);
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      return FALSE;
    }
  if (rc != SQLITE_DONE || n_problems > 0)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be restored (%s). Choose another backup."),
                   path, n_problems > 0 ? problems->str : sqlite3_errmsg (db));
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_CORRUPT,
                   _("“%s” cannot be restored: rows of “%s” point to rows that do not exist. "
                     "Choose another backup."),
                   path, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  sqlite3_progress_handler (db, 0, NULL, NULL);
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, db, rc, path, _("check"));
      return FALSE;
    }

  info->schema_version = fid_store_get_schema_version (backup);
  if (info->schema_version >= 5)
    {
      FidAuditVerification verification;

      if (!fid_store_audit_verify (backup, &verification, cancellable, error))
        return FALSE;
      if (verification.broken_id != 0)
        {
          g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_CORRUPT,
                       _("“%s” cannot be restored: its audit trail was altered. %s"),
                       path, verification.reason);
          fid_audit_verification_clear (&verification);
          return FALSE;
        }
      fid_audit_verification_clear (&verification);
    }

  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM customers", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    info->n_customers = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  info->source_path = read_meta (db, "backup_of");
  info->taken_at = read_meta (db, "backup_at");
  return TRUE;
}

static FidStore *
open_backup (const char  *path,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  FidStore *backup;

  backup = fid_store_open (path, FID_STORE_OPEN_READ_ONLY | FID_STORE_OPEN_ANY_VERSION, &local_error);
  if (backup == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("This backup cannot be restored: "));
      return NULL;
    }
  return backup;
}

gboolean
fid_store_restore_check (const char     *backup_path,
                         FidBackupInfo  *info,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(FidStore) backup = NULL;
  FidBackupInfo local_info = { 0, };
  gboolean ok;

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  backup = open_backup (backup_path, error);
  if (backup == NULL)
    return FALSE;
  ok = check_backup (backup, backup_path, info ? info : &local_info, cancellable, error);
  fid_backup_info_clear (&local_info);
  return ok;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

gboolean
fid_store_restore (FidStore               *self,
                   const char             *backup_path,
                   FidBackupProgressFunc   progress,
                   gpointer                user_data,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autoptr(FidStore) backup = NULL;
  g_autoptr(GPtrArray) head = NULL;
  g_autofree char *base = NULL;
  g_autofree char *details = NULL;
  g_autofree char *escaped = NULL;
  FidBackupInfo info = { 0, };
  gboolean ok;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (fid_store_is_read_only (self))
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only: a backup cannot be restored into it."),
                   fid_store_get_path (self));
      return FALSE;
    }
  if (same_file (backup_path, fid_store_get_path (self)))
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_FAILED,
                   _("“%s” is the database itself, not a backup of it."), backup_path);
      return FALSE;
    }

  backup = open_backup (backup_path, error);
  if (backup == NULL || !check_backup (backup, backup_path, &info, cancellable, error))
    return FALSE;

  /* What the restore replaces, for the trail. */
  head = fid_store_audit_list (self, 0, 0, 1, error);
  if (head == NULL)
    {
      fid_backup_info_clear (&info);
      return FALSE;
    }

  /* No cached statement may hold a read open on the live file. */
  fid_store_forget_statements (self);
  ok = copy_pages (fid_store_get_db (self), fid_store_get_db (backup), fid_store_get_path (self),
                   progress, user_data, cancellable, error);
  g_clear_object (&backup);
  if (!ok)
    {
      fid_backup_info_clear (&info);
      return FALSE;
    }

  /* A backup of an older schema gets the migrations it lacks. */
  if (!fid_store_reload_schema (self, error))
    {
      fid_backup_info_clear (&info);
      return FALSE;
    }

  base = g_path_get_basename (backup_path);
  escaped = fid_store_json_string (base);
  if (head->len > 0)
    {
      FidAuditEntry *last = g_ptr_array_index (head, 0);

      details = g_strdup_printf ("{\"file\": %s, \"schema\": %d, \"replaced_last_row\": %" G_GINT64_FORMAT
                                 ", \"replaced_head\": \"%s\"}",
                                 escaped, info.schema_version, last->id, last->hash);
    }
  else
    details = g_strdup_printf ("{\"file\": %s, \"schema\": %d}", escaped, info.schema_version);
  fid_backup_info_clear (&info);
  return fid_store_audit_append (self, "restore", "database", 0, details, error);
}

/* Automatic backups --------------------------------------------------------- */

char *
fid_backup_get_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "fidelis", "backups", NULL);
}

static char *
dup_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return g_steal_pointer (&base);
}

char *
fid_backup_dup_file_name (const char *db_path,
                          const char *date)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  stem = dup_stem (db_path);
  return g_strdup_printf ("%s-%s.db", stem, date);
}

/* "STEM-YYYY-MM-DD.db" exactly: another database's backups ("bank-2-…"
 * beside "bank-…") never match. */
static gboolean
is_backup_of (const char *name,
              const char *stem)
{
  gsize stem_len = strlen (stem);
  const char *date;

  if (strncmp (name, stem, stem_len) != 0 || name[stem_len] != '-')
    return FALSE;
  date = name + stem_len + 1;
  if (strlen (date) != strlen ("YYYY-MM-DD.db") || !g_str_has_suffix (date, ".db"))
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? date[i] != '-' : !g_ascii_isdigit (date[i]))
      return FALSE;
  return TRUE;
}

static int
compare_names_descending (gconstpointer a,
                          gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

gboolean
fid_store_backup_rotate (FidStore      *self,
                         const char    *dir,
                         guint          keep,
                         char         **written,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stem = NULL;
  const char *entry;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (written != NULL)
    *written = NULL;
  if (keep == 0)
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the backup folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  today = fid_store_today_iso ();
  name = fid_backup_dup_file_name (fid_store_get_path (self), today);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!fid_store_backup (self, path, NULL, NULL, cancellable, error))
        return FALSE;
      if (written != NULL)
        *written = g_strdup (path);
    }

  /* The oldest beyond @keep go (names sort by date). */
  listing = g_dir_open (dir, 0, error);
  if (listing == NULL)
    return FALSE;
  stem = dup_stem (fid_store_get_path (self));
  names = g_ptr_array_new_with_free_func (g_free);
  while ((entry = g_dir_read_name (listing)) != NULL)
    if (is_backup_of (entry, stem))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names_descending);
  for (guint i = keep; i < names->len; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (g_unlink (old) != 0)
        g_warning ("Could not delete the old backup “%s”: %s", old, g_strerror (errno));
    }
  return TRUE;
}
