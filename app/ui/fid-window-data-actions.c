/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidWindow's commands on the database as a whole (issue 9): import a CSV
 * or vCard file, back up, restore, read the audit trail. Each hands over
 * to its own dialog (fid-import-dialog.c, fid-backup-dialogs.c,
 * fid-audit-window.c); here they become window actions, enabled only while
 * a database is open, and the window gets the watchers that keep the audit
 * trail's "who" and the automatic backups. */

#include "config.h"

#include "fid-audit-window.h"
#include "fid-backup-dialogs.h"
#include "fid-import-dialog.h"
#include "fid-window-private.h"

static const char * const data_actions[] = {
  "win.import", "win.backup", "win.restore", "win.audit",
};

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  fid_import_dialog_choose_file (FID_WINDOW (widget));
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  fid_backup_now (FID_WINDOW (widget));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  fid_backup_restore (FID_WINDOW (widget));
}

static void
audit_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  fid_audit_window_present (FID_WINDOW (widget));
}

void
_fid_window_class_install_data_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.audit", NULL, audit_action);
}

void
_fid_window_update_data_actions (FidWindow *self,
                                 gboolean   has_store)
{
  for (guint i = 0; i < G_N_ELEMENTS (data_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), data_actions[i], has_store);
}

void
_fid_window_watch_data (FidWindow *self)
{
  fid_audit_watch_window (self);
  fid_backup_watch_window (self);
}
