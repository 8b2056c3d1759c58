/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store.h"
#include "fid-window.h"

G_BEGIN_DECLS

#define FID_TYPE_AUDIT_WINDOW (fid_audit_window_get_type ())

G_DECLARE_FINAL_TYPE (FidAuditWindow, fid_audit_window, FID, AUDIT_WINDOW, AdwWindow)

/* The Audit window of @window's database (one per main window: presenting
 * it again brings it to the front with its rows read again). For the
 * "win.audit" action and the menu. */
void            fid_audit_window_present       (FidWindow      *window);

/* Keeps the audit log's "who" of @window's store the signed-in advisor
 * ("advisor:ID First Last") as the store or the advisor change. Call once
 * per window; without it the rows name the login of the session. */
void            fid_audit_watch_window         (FidWindow      *window);

FidAuditWindow *fid_audit_window_new           (GtkWindow      *parent,
                                                FidStore       *store);
void            fid_audit_window_set_store     (FidAuditWindow *self,
                                                FidStore       *store);
/* Reads the newest rows again. */
void            fid_audit_window_reload        (FidAuditWindow *self);
/* Shows only the rows about @customer_id (0: all). */
void            fid_audit_window_set_customer  (FidAuditWindow *self,
                                                gint64          customer_id);
/* Checks the hash chain in a worker thread and shows the result; for
 * tests, @callback runs when it is shown. */
void            fid_audit_window_verify        (FidAuditWindow *self,
                                                GAsyncReadyCallback callback,
                                                gpointer        user_data);
/* For tests: the rows shown (FidAuditItem) and the result's title. */
GListModel     *fid_audit_window_get_rows      (FidAuditWindow *self);
const char     *fid_audit_window_get_status    (FidAuditWindow *self);

G_END_DECLS
