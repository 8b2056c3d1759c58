/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-window.h"

G_BEGIN_DECLS

/* Backup and restore from the window (issue 9), for its menu and actions:
 * each asks for a file, shows a progress dialog with Cancel while a worker
 * thread does the work on a connection of its own, and ends with a toast
 * or an error dialog. */

/* "Back Up…": asks where (the backup folder and a dated name by default)
 * and writes a backup of the window's database, while it stays usable. */
void      fid_backup_now                (FidWindow           *window);

/* "Restore From Backup…": asks for a backup, checks it, asks to confirm
 * (saying what is replaced and what was saved first), saves the current
 * database in the backup folder, restores, and shows the restored data. */
void      fid_backup_restore            (FidWindow           *window);

/* The same without the file choosers (tests, and a file dropped on the
 * window); @callback, when not NULL, runs once the work is done or
 * refused, with a GTask result: TRUE when it succeeded. @confirm: ask
 * before replacing the data. */
void      fid_backup_now_to             (FidWindow           *window,
                                         GFile               *dest,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void      fid_backup_restore_from       (FidWindow           *window,
                                         GFile               *backup,
                                         gboolean             confirm,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

/* Automatic rotating backups: once the window shows a database, and then
 * every hour, writes the day's backup into the backup folder when there is
 * none yet and keeps the newest "backup-keep" (GSettings; 0: off). Call
 * once per window. */
void      fid_backup_watch_window       (FidWindow           *window);

G_END_DECLS
