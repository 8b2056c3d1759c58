/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Backup and restore dialogs, and the automatic daily backups.
 *
 * The work runs in a GTask thread on a FidStore of its own (a FidStore is
 * used by one thread at a time): a backup reads one snapshot while the
 * window's connection goes on writing; a restore replaces the file's
 * content, which every connection then sees, and the window is given a
 * fresh store so that no page shows a customer that no longer exists. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>

#include "fid-application.h"
#include "fid-backup-dialogs.h"
#include "fid-format.h"
#include "fid-store-audit.h"
#include "fid-store-backup.h"

/* The progress bar is redrawn from the worker's last report this often. */
#define PROGRESS_INTERVAL_MS 100
#define AUTO_BACKUP_INTERVAL_S 3600

typedef enum
{
  OP_BACKUP,
  OP_CHECK,
  OP_RESTORE,
} OpKind;

typedef struct
{
  OpKind            kind;
  FidWindow        *window;
  char             *db_path;
  char             *actor;
  char             *file_path;    /* the backup written or read */
  char             *safety_path;  /* restore: where the current data is saved first */
  gboolean          confirm;
  GCancellable     *cancellable;
  AdwMessageDialog *dialog;
  GtkProgressBar   *bar;
  guint             timeout_id;
  gint              permille;     /* atomic; -1: no measure yet (pulse) */
  gint              phase;        /* atomic; restore: 0 the safety copy, 1 the restore */
  FidBackupInfo     info;
  GTask            *caller;       /* for fid_backup_*_from/_to callbacks */
} Op;

static void
op_free (Op *op)
{
  g_clear_handle_id (&op->timeout_id, g_source_remove);
  if (op->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (op->dialog));
  g_clear_object (&op->window);
  g_clear_object (&op->cancellable);
  g_clear_object (&op->caller);
  g_free (op->db_path);
  g_free (op->actor);
  g_free (op->file_path);
  g_free (op->safety_path);
  fid_backup_info_clear (&op->info);
  g_free (op);
}

static void
op_finish (Op       *op,
           gboolean  success)
{
  if (op->caller != NULL)
    g_task_return_boolean (op->caller, success);
  op_free (op);
}

static void
show_error (FidWindow    *window,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (FidWindow  *window,
       const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  fid_window_add_toast (window, toast);
}

/* Progress -------------------------------------------------------------------- */

static void
on_worker_progress (gint64   done,
                    gint64   total,
                    gpointer user_data)
{
  Op *op = user_data;
  int permille = total > 0 ? (int) (1000 * done / total) : -1;

  /* A restore is a safety copy (first half) then the copy back. */
  if (op->kind == OP_RESTORE && op->safety_path != NULL && permille >= 0)
    permille = g_atomic_int_get (&op->phase) == 0 ? permille / 2 : 500 + permille / 2;
  g_atomic_int_set (&op->permille, permille);
}

static gboolean
on_progress_timeout_cb (gpointer user_data)
{
  Op *op = user_data;
  int permille = g_atomic_int_get (&op->permille);

  if (permille < 0)
    gtk_progress_bar_pulse (op->bar);
  else
    gtk_progress_bar_set_fraction (op->bar, permille / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
on_progress_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Op               *op)
{
  g_cancellable_cancel (op->cancellable);
  adw_message_dialog_set_response_enabled (dialog, "cancel", FALSE);
}

/* The dialog goes when the worker has stopped, not before. */
static gboolean
on_progress_close_request_cb (GtkWindow *window,
                              gpointer   user_data)
{
  return TRUE;
}

static void
show_progress (Op         *op,
               const char *heading,
               const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (op->window), heading, body);
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (bar), 0.08);
  gtk_widget_set_margin_top (bar, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), bar);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  /* Closing the dialog (Escape) cancels too, and the dialog stays until
   * the worker has stopped. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_progress_response_cb), op);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);
  g_signal_connect (dialog, "close-request", G_CALLBACK (on_progress_close_request_cb), NULL);

  op->dialog = ADW_MESSAGE_DIALOG (dialog);
  op->bar = GTK_PROGRESS_BAR (bar);
  g_atomic_int_set (&op->permille, -1);
  op->timeout_id = g_timeout_add (PROGRESS_INTERVAL_MS, on_progress_timeout_cb, op);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hide_progress (Op *op)
{
  g_clear_handle_id (&op->timeout_id, g_source_remove);
  if (op->dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (op->dialog));
      op->dialog = NULL;
    }
}

/* Workers ------------------------------------------------------------------------ */

static FidStore *
open_worker_store (Op      *op,
                   GError **error)
{
  FidStore *store = fid_store_open (op->db_path, FID_STORE_OPEN_DEFAULT, error);

  if (store != NULL)
    fid_store_set_actor (store, op->actor);
  return store;
}

static void
worker_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Op *op = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  gboolean ok = FALSE;

  switch (op->kind)
    {
    case OP_BACKUP:
      store = open_worker_store (op, &error);
      ok = store != NULL &&
           fid_store_backup (store, op->file_path, on_worker_progress, op, cancellable, &error);
      break;

    case OP_CHECK:
      ok = fid_store_restore_check (op->file_path, &op->info, cancellable, &error);
      break;

    case OP_RESTORE:
      store = open_worker_store (op, &error);
      if (store == NULL)
        break;
      if (op->safety_path != NULL)
        {
          g_autofree char *dir = g_path_get_dirname (op->safety_path);

          g_mkdir_with_parents (dir, 0700);
          if (!fid_store_backup (store, op->safety_path, on_worker_progress, op, cancellable, &error))
            {
              g_prefix_error (&error, _("The current data could not be saved first, so nothing was restored: "));
              break;
            }
          g_atomic_int_set (&op->phase, 1);
          g_atomic_int_set (&op->permille, 500);
        }
      ok = fid_store_restore (store, op->file_path, on_worker_progress, op, cancellable, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void on_worker_done_cb (GObject      *source_object,
                               GAsyncResult *result,
                               gpointer      user_data);

static void
run_worker (Op *op)
{
  g_autoptr(GTask) task = g_task_new (op->window, op->cancellable, on_worker_done_cb, op);

  g_task_set_task_data (task, op, NULL);
  g_task_run_in_thread (task, worker_thread);
}

/* Restore ------------------------------------------------------------------------ */

static char *
safety_copy_path (const char *db_path)
{
  g_autofree char *dir = fid_backup_get_default_dir ();
  g_autofree char *base = g_path_get_basename (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = NULL;

  if (g_str_has_suffix (base, ".db"))
    base[strlen (base) - 3] = '\0';
  name = g_strdup_printf ("%s-before-restore-%s.db", base, stamp);
  return g_build_filename (dir, name, NULL);
}

static void
start_restore (Op *op)
{
  g_autofree char *base = g_path_get_basename (op->file_path);
  g_autofree char *body = g_strdup_printf (_("Replacing the data with “%s”."), base);

  op->kind = OP_RESTORE;
  op->safety_path = safety_copy_path (op->db_path);
  show_progress (op, _("Restoring"), body);
  run_worker (op);
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Op               *op)
{
  if (g_strcmp0 (response, "restore") == 0)
    start_restore (op);
  else
    op_finish (op, FALSE);
}

static void
ask_confirmation (Op *op)
{
  g_autofree char *db_base = g_path_get_basename (op->db_path);
  g_autofree char *backup_base = g_path_get_basename (op->file_path);
  g_autofree char *count = fid_format_count (op->info.n_customers);
  g_autofree char *taken = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autofree char *dir = fid_backup_get_default_dir ();
  GtkWidget *dialog;

  if (op->info.taken_at != NULL)
    {
      g_autofree char *date = fid_format_date_time (op->info.taken_at);

      /* Translators: the end of "…backup “x.db” (N customers), %s." */
      when = g_strdup_printf (_("taken on %s"), date);
    }
  else
    when = g_strdup (_("of an unknown date"));

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Everything in “%s” will be replaced by the backup “%s” (%s customer), %s. "
                                       "What was recorded since then will be lost.\n\n"
                                       "The current data is saved first in %s.",
                                       "Everything in “%s” will be replaced by the backup “%s” (%s customers), %s. "
                                       "What was recorded since then will be lost.\n\n"
                                       "The current data is saved first in %s.",
                                       op->info.n_customers),
                          db_base, backup_base, count, when, dir);
  dialog = adw_message_dialog_new (GTK_WINDOW (op->window), _("Replace All Data?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), op);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_restored (Op *op)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autofree char *base = g_path_get_basename (op->file_path);
  g_autofree char *title = g_strdup_printf (_("Restored from “%s”"), base);

  /* A fresh store: every page reads the restored data from scratch. */
  store = fid_store_open (op->db_path, FID_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      show_error (op->window, _("Could Not Open the Restored Database"), error);
      return;
    }
  fid_store_set_actor (store, op->actor);
  fid_window_set_store (op->window, store);
  toast (op->window, title);
}

static void
on_worker_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Op *op = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  hide_progress (op);
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (op->window,
                    op->kind == OP_BACKUP ? _("Could Not Back Up") :
                    op->kind == OP_CHECK ? _("This Backup Cannot Be Restored") : _("Could Not Restore"),
                    error);
      op_finish (op, FALSE);
      return;
    }

  switch (op->kind)
    {
    case OP_BACKUP:
      {
        g_autofree char *base = g_path_get_basename (op->file_path);
        g_autofree char *title = g_strdup_printf (_("Backed up to “%s”"), base);

        toast (op->window, title);
        op_finish (op, TRUE);
      }
      break;

    case OP_CHECK:
      if (op->confirm)
        ask_confirmation (op);
      else
        start_restore (op);
      break;

    case OP_RESTORE:
      show_restored (op);
      op_finish (op, TRUE);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Entry points ------------------------------------------------------------------ */

static Op *
op_new (FidWindow           *window,
        OpKind               kind,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  FidStore *store = fid_window_get_store (window);
  Op *op;

  if (store == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                                                     _("Open a database first."));

      show_error (window, kind == OP_BACKUP ? _("Could Not Back Up") : _("Could Not Restore"), error);
      if (callback != NULL)
        {
          g_autoptr(GTask) task = g_task_new (window, NULL, callback, user_data);

          g_task_return_boolean (task, FALSE);
        }
      return NULL;
    }

  op = g_new0 (Op, 1);
  op->kind = kind;
  op->window = g_object_ref (window);
  op->db_path = g_strdup (fid_store_get_path (store));
  op->actor = g_strdup (fid_store_audit_get_actor (store));
  op->cancellable = g_cancellable_new ();
  op->permille = -1;
  if (callback != NULL)
    op->caller = g_task_new (window, NULL, callback, user_data);
  return op;
}

void
fid_backup_now_to (FidWindow           *window,
                   GFile               *dest,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autofree char *base = NULL;
  g_autofree char *body = NULL;
  Op *op;

  g_return_if_fail (FID_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (dest));

  op = op_new (window, OP_BACKUP, callback, user_data);
  if (op == NULL)
    return;
  op->file_path = g_file_get_path (dest);
  base = g_path_get_basename (op->file_path);
  body = g_strdup_printf (_("Copying the database to “%s”. You can go on working meanwhile."), base);
  show_progress (op, _("Backing Up"), body);
  run_worker (op);
}

void
fid_backup_restore_from (FidWindow           *window,
                         GFile               *backup,
                         gboolean             confirm,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autofree char *base = NULL;
  g_autofree char *body = NULL;
  Op *op;

  g_return_if_fail (FID_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (backup));

  op = op_new (window, OP_CHECK, callback, user_data);
  if (op == NULL)
    return;
  if (fid_store_is_read_only (fid_window_get_store (window)))
    {
      g_autoptr(GError) error = g_error_new (FID_STORE_ERROR, FID_STORE_ERROR_READ_ONLY,
                                             _("“%s” is open read-only: a backup cannot be restored into it."),
                                             op->db_path);

      show_error (window, _("Could Not Restore"), error);
      op_finish (op, FALSE);
      return;
    }
  op->file_path = g_file_get_path (backup);
  op->confirm = confirm;
  base = g_path_get_basename (op->file_path);
  body = g_strdup_printf (_("Checking that “%s” is a complete, undamaged Fidelis database."), base);
  show_progress (op, _("Checking the Backup"), body);
  run_worker (op);
}

static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Fidelis Databases"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (filter, "application/x-sqlite3");
  gtk_file_filter_add_suffix (filter, "db");
  return filter;
}

static void
on_save_response_cb (GtkNativeDialog *native,
                     int              response,
                     FidWindow       *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        fid_backup_now_to (window, file, NULL, NULL);
    }
  g_object_unref (native);
}

void
fid_backup_now (FidWindow *window)
{
  g_autoptr(GtkFileFilter) filter = database_filter ();
  g_autofree char *dir = fid_backup_get_default_dir ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkFileChooserNative *native;
  FidStore *store;

  g_return_if_fail (FID_IS_WINDOW (window));

  store = fid_window_get_store (window);
  if (store == NULL)
    {
      op_new (window, OP_BACKUP, NULL, NULL);
      return;
    }

  native = gtk_file_chooser_native_new (_("Back Up the Database"), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_mkdir_with_parents (dir, 0700);
  folder = g_file_new_for_path (dir);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  today = g_date_time_format (now, "%Y-%m-%d-%H%M");
  name = fid_backup_dup_file_name (fid_store_get_path (store), today);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (on_save_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_open_response_cb (GtkNativeDialog *native,
                     int              response,
                     FidWindow       *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        fid_backup_restore_from (window, file, TRUE, NULL, NULL);
    }
  g_object_unref (native);
}

void
fid_backup_restore (FidWindow *window)
{
  g_autoptr(GtkFileFilter) filter = database_filter ();
  g_autofree char *dir = fid_backup_get_default_dir ();
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *native;

  g_return_if_fail (FID_IS_WINDOW (window));

  if (fid_window_get_store (window) == NULL)
    {
      op_new (window, OP_CHECK, NULL, NULL);
      return;
    }

  native = gtk_file_chooser_native_new (_("Restore From a Backup"), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      folder = g_file_new_for_path (dir);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  g_signal_connect_object (native, "response", G_CALLBACK (on_open_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Automatic backups -------------------------------------------------------------- */

typedef struct
{
  FidWindow    *window;      /* weak */
  GCancellable *cancellable;
  gboolean      running;
  guint         timeout_id;
} Watch;

typedef struct
{
  char  *db_path;
  char  *actor;
  char  *dir;
  guint  keep;
} AutoJob;

static void
auto_job_free (AutoJob *job)
{
  g_free (job->db_path);
  g_free (job->actor);
  g_free (job->dir);
  g_free (job);
}

static void
watch_free (Watch *watch)
{
  g_cancellable_cancel (watch->cancellable);
  g_clear_object (&watch->cancellable);
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  g_free (watch);
}

static void
auto_backup_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  AutoJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  char *written = NULL;

  store = fid_store_open (job->db_path, FID_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    fid_store_set_actor (store, job->actor);
  if (store == NULL || !fid_store_backup_rotate (store, job->dir, job->keep, &written, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, written, g_free);
}

static void
on_auto_backup_done_cb (GObject      *source_object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *written = g_task_propagate_pointer (G_TASK (result), &error);
  Watch *watch;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  watch = g_object_get_data (source_object, "fid-backup-watch");
  if (watch == NULL)
    return;
  watch->running = FALSE;

  if (error != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("The automatic backup failed: %s"), error->message);

      g_warning ("%s", title);
      toast (FID_WINDOW (source_object), title);
    }
  else if (written != NULL)
    g_debug ("Automatic backup written to %s", written);
}

static guint
backup_keep (void)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = FID_IS_APPLICATION (app) ? fid_application_get_settings (FID_APPLICATION (app)) : NULL;

  /* Without settings (a run from the build folder without the compiled
   * schema) nothing is kept, so nothing is written. */
  return settings != NULL ? (guint) MAX (g_settings_get_int (settings, "backup-keep"), 0) : 0;
}

static void
auto_backup (Watch *watch)
{
  g_autoptr(GTask) task = NULL;
  FidStore *store;
  AutoJob *job;
  guint keep = backup_keep ();

  if (watch->window == NULL || watch->running || keep == 0)
    return;
  store = fid_window_get_store (watch->window);
  if (store == NULL || fid_store_is_read_only (store))
    return;

  job = g_new0 (AutoJob, 1);
  job->db_path = g_strdup (fid_store_get_path (store));
  job->actor = g_strdup (fid_store_audit_get_actor (store));
  job->dir = fid_backup_get_default_dir ();
  job->keep = keep;
  watch->running = TRUE;
  task = g_task_new (watch->window, watch->cancellable, on_auto_backup_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) auto_job_free);
  /* Low priority: the copy of a large bank reads for a while. */
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, auto_backup_thread);
}

static void
on_window_store_changed_cb (FidWindow  *window,
                            GParamSpec *pspec,
                            Watch      *watch)
{
  auto_backup (watch);
}

static gboolean
on_auto_backup_timeout_cb (gpointer user_data)
{
  auto_backup (user_data);
  return G_SOURCE_CONTINUE;
}

void
fid_backup_watch_window (FidWindow *window)
{
  Watch *watch;

  g_return_if_fail (FID_IS_WINDOW (window));

  if (g_object_get_data (G_OBJECT (window), "fid-backup-watch") != NULL)
    return;

  watch = g_new0 (Watch, 1);
  watch->window = window;
  watch->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (window), "fid-backup-watch", watch, (GDestroyNotify) watch_free);
  g_signal_connect (window, "notify::store", G_CALLBACK (on_window_store_changed_cb), watch);
  /* Once a day, checked every hour: a window left open overnight backs
   * up the next day too. */
  watch->timeout_id = g_timeout_add_seconds (AUTO_BACKUP_INTERVAL_S, on_auto_backup_timeout_cb, watch);
  auto_backup (watch);
}
