/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Backup and restore (issue 9), with SQLite's online backup API: a backup
 * copies one consistent snapshot of the database page by page while other
 * connections (the application, another program) keep reading and
 * writing; a restore checks the backup first, then copies it over the
 * live database through the open connection, so every other connection
 * sees the restored data at once. */

#include <gio/gio.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* Called between chunks of the copy: pages copied so far, of @total. */
typedef void (*FidBackupProgressFunc) (gint64   done,
                                       gint64   total,
                                       gpointer user_data);

/* Writes a copy of @self's database to @dest_path, replacing the file
 * there, in chunks (other connections keep writing: the copy is the
 * database as it was when the backup started). The copy is written beside
 * the destination and renamed into place only once complete, so a
 * cancelled or failed backup leaves the previous file as it was. The copy
 * is a self-contained file (no -wal to carry along) that remembers which
 * database it copies and when. Appends a 'backup' row to the audit log
 * when @self can be written. Call it from a worker thread with a FidStore
 * of its own on the same path: it reads for as long as the copy takes. */
gboolean     fid_store_backup              (FidStore              *self,
                                            const char            *dest_path,
                                            FidBackupProgressFunc  progress,
                                            gpointer               user_data,
                                            GCancellable          *cancellable,
                                            GError               **error);

/* What fid_store_restore_check found in a backup. */
typedef struct
{
  int     schema_version;
  gint64  n_customers;
  char   *source_path;   /* the database it copies, NULL when unknown */
  char   *taken_at;      /* when the copy was made (ISO 8601), NULL when unknown */
} FidBackupInfo;

void         fid_backup_info_clear         (FidBackupInfo         *info);

/* Opens @backup_path read-only and checks that it can replace a database:
 * a Fidelis database of this or an older schema, PRAGMA integrity_check
 * and foreign_key_check clean, and (from schema 5) an audit trail whose
 * hash chain holds. Changes nothing. Reads the whole file: seconds for a
 * large bank (@cancellable stops it). */
gboolean     fid_store_restore_check       (const char            *backup_path,
                                            FidBackupInfo         *info,
                                            GCancellable          *cancellable,
                                            GError               **error);

/* Replaces @self's whole database with @backup_path, after
 * fid_store_restore_check: through the backup API into the open
 * connection, in one write transaction (a cancelled or failed restore
 * changes nothing), then the migrations a backup of an older schema lacks.
 * The 'restore' audit row names the file and the audit head it replaced
 * (the rows written since the backup are gone with the rest). */
gboolean     fid_store_restore             (FidStore              *self,
                                            const char            *backup_path,
                                            FidBackupProgressFunc  progress,
                                            gpointer               user_data,
                                            GCancellable          *cancellable,
                                            GError               **error);

/* Automatic backups --------------------------------------------------------- */

/* $XDG_DATA_HOME/fidelis/backups */
char        *fid_backup_get_default_dir    (void);

/* The automatic backup's file name for @db_path on @date (YYYY-MM-DD):
 * "bank-2025-06-30.db" for "/x/bank.db". */
char        *fid_backup_dup_file_name      (const char            *db_path,
                                            const char            *date);

/* Once a day: when @dir has no backup of @self's database dated today,
 * writes one (creating @dir), then deletes the oldest of them beyond
 * @keep. @keep 0: does nothing (automatic backups are off). *@written is
 * the path of the new backup, NULL when there was nothing to do. */
gboolean     fid_store_backup_rotate       (FidStore              *self,
                                            const char            *dir,
                                            guint                  keep,
                                            char                 **written,
                                            GCancellable          *cancellable,
                                            GError               **error);

G_END_DECLS
