/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-window.h"

G_BEGIN_DECLS

/* Between fid-window.c and fid-window-actions.c only. */

/* fid-window-actions.c */
void        _fid_window_class_install_actions  (GtkWidgetClass         *widget_class);
/* fid-window-data-actions.c: import, backup, restore, audit. */
void        _fid_window_class_install_data_actions (GtkWidgetClass     *widget_class);
void        _fid_window_update_data_actions    (FidWindow              *self,
                                                gboolean                has_store);
void        _fid_window_watch_data             (FidWindow              *self);
void        _fid_window_show_advisor_dialog    (FidWindow              *self);
void        _fid_window_restore_state          (FidWindow              *self);
void        _fid_window_save_state             (FidWindow              *self);
/* GTaskThreadFunc: refreshes the 12-month revenue of the store whose path
 * is the task data, on a connection of its own. */
void        _fid_window_refresh_revenue_thread (GTask                  *task,
                                                gpointer                source_object,
                                                gpointer                task_data,
                                                GCancellable           *cancellable);

/* fid-window.c */
void        _fid_window_navigate               (FidWindow              *self,
                                                AdwNavigationDirection  direction);
/* The page the 360 view goes back to ("customers" when none). */
const char *_fid_window_get_return_page        (FidWindow              *self);
void        _fid_window_set_last_trash_id      (FidWindow              *self,
                                                gint64                  trash_id);

G_END_DECLS
