/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli backup DB DEST: a consistent copy of DB while other programs
 * keep using it.
 * fidelis-cli backup DB --auto [--keep N] [--dir DIR]: the daily rotating
 * backup (for cron or a systemd timer), as the application makes it.
 * fidelis-cli restore BACKUP DB [--no-safety-copy]: checks BACKUP, saves
 * the current DB beside the automatic backups, then replaces DB's content. */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fid-cli-admin.h"
#include "fid-store-backup.h"

#define DEFAULT_KEEP 7

typedef struct
{
  gboolean  tty;
  gint64    started;
  const char *what;
} Progress;

static void
on_progress (gint64   done,
             gint64   total,
             gpointer user_data)
{
  Progress *progress = user_data;

  if (!progress->tty || total <= 0)
    return;
  fprintf (stderr, "\r%s %3d %%", progress->what, (int) (100 * done / total));
  if (done >= total)
    fprintf (stderr, "\n");
  fflush (stderr);
}

static void
progress_init (Progress   *progress,
               const char *what)
{
  progress->tty = isatty (fileno (stderr));
  progress->started = g_get_monotonic_time ();
  progress->what = what;
}

static double
progress_seconds (Progress *progress)
{
  return (g_get_monotonic_time () - progress->started) / (double) G_USEC_PER_SEC;
}

static int
backup_auto (FidStore   *store,
             const char *dir,
             guint       keep)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  Progress progress;

  progress_init (&progress, _("Backing up…"));
  if (!fid_store_backup_rotate (store, dir, keep, &written, NULL, &error))
    return fid_cli_runtime_error (error);
  if (written != NULL)
    printf (_("Backed up to %s in %.1f s\n"), written, progress_seconds (&progress));
  else if (keep > 0)
    printf (_("Today’s backup is already in %s\n"), dir);
  return FID_CLI_EXIT_OK;
}

/* fidelis-cli backup DB DEST | DB --auto [--keep N] [--dir DIR] */
int
fid_cli_backup (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autofree char *default_dir = fid_backup_get_default_dir ();
  const char *positional[2] = { NULL, NULL };
  const char *dir = default_dir;
  gboolean automatic = FALSE;
  gint64 keep = DEFAULT_KEEP;
  guint n_positional = 0;
  Progress progress;

  for (int i = 0; i < argc; i++)
    {
      gboolean matched;
      const char *value;

      if (g_str_equal (argv[i], "--auto"))
        {
          automatic = TRUE;
          continue;
        }
      value = fid_cli_take_option_value (argc, argv, &i, "--keep", &matched);
      if (matched)
        {
          if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, 365, &keep, NULL))
            return fid_cli_usage_error (_("--keep takes a number of backups from 0 to 365"));
          continue;
        }
      value = fid_cli_take_option_value (argc, argv, &i, "--dir", &matched);
      if (matched)
        {
          if (value == NULL)
            return fid_cli_usage_error (_("--dir takes a folder"));
          dir = value;
          continue;
        }
      if (argv[i][0] == '-' || n_positional == 2)
        return fid_cli_usage_error (_("unexpected argument “%s”"), argv[i]);
      positional[n_positional++] = argv[i];
    }
  if (automatic ? n_positional != 1 : n_positional != 2)
    return fid_cli_usage_error (_("backup takes the database file and the backup file (or --auto)"));

  store = fid_cli_open_audited_store (positional[0]);
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;
  if (automatic)
    return backup_auto (store, dir, (guint) keep);

  progress_init (&progress, _("Backing up…"));
  if (!fid_store_backup (store, positional[1], on_progress, &progress, NULL, &error))
    return fid_cli_runtime_error (error);
  printf (_("Backed up to %s in %.1f s\n"), positional[1], progress_seconds (&progress));
  return FID_CLI_EXIT_OK;
}

/* fidelis-cli restore BACKUP DB [--no-safety-copy] */
int
fid_cli_restore (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  const char *positional[2] = { NULL, NULL };
  gboolean safety_copy = TRUE;
  guint n_positional = 0;
  FidBackupInfo info = { 0, };
  Progress progress;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--no-safety-copy"))
        {
          safety_copy = FALSE;
          continue;
        }
      if (argv[i][0] == '-' || n_positional == 2)
        return fid_cli_usage_error (_("unexpected argument “%s”"), argv[i]);
      positional[n_positional++] = argv[i];
    }
  if (n_positional != 2)
    return fid_cli_usage_error (_("restore takes two arguments, the backup file and the database file"));

  /* Checked before anything else is touched. */
  progress_init (&progress, _("Checking…"));
  if (!fid_store_restore_check (positional[0], &info, NULL, &error))
    return fid_cli_runtime_error (error);
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "%s: schema %d, %" PRId64 " customer, checked in %.1f s\n",
                       "%s: schema %d, %" PRId64 " customers, checked in %.1f s\n",
                       info.n_customers),
          positional[0], info.schema_version, info.n_customers, progress_seconds (&progress));
  fid_backup_info_clear (&info);

  store = fid_cli_open_writable_store (positional[1]);
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;

  if (safety_copy)
    {
      g_autofree char *dir = fid_backup_get_default_dir ();
      g_autofree char *base = g_path_get_basename (positional[1]);

      if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
        base[strlen (base) - 3] = '\0';
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("%s-before-restore-%s.db", base, stamp);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !fid_store_backup (store, path, NULL, NULL, NULL, &error))
        {
          if (error != NULL)
            g_prefix_error (&error, _("The current database could not be saved first (use --no-safety-copy to restore anyway): "));
          else
            g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create the folder “%s”."), dir);
          return fid_cli_runtime_error (error);
        }
      printf (_("The current database was saved to %s\n"), path);
    }

  progress_init (&progress, _("Restoring…"));
  if (!fid_store_restore (store, positional[0], on_progress, &progress, NULL, &error))
    return fid_cli_runtime_error (error);
  printf (_("Restored %s into %s in %.1f s\n"), positional[0], positional[1], progress_seconds (&progress));
  return FID_CLI_EXIT_OK;
}
