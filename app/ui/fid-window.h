/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-application.h"
#include "fid-store.h"

G_BEGIN_DECLS

#define FID_TYPE_WINDOW (fid_window_get_type ())

G_DECLARE_FINAL_TYPE (FidWindow, fid_window, FID, WINDOW, AdwApplicationWindow)

FidWindow     *fid_window_new             (FidApplication *application,
                                           FidStore       *store);
FidStore      *fid_window_get_store       (FidWindow      *self);
void           fid_window_set_store       (FidWindow      *self,
                                           FidStore       *store);
gboolean       fid_window_get_busy        (FidWindow      *self);
void           fid_window_show_open_error (FidWindow      *self,
                                           const GError   *error);
void           fid_window_add_toast       (FidWindow      *self,
                                           AdwToast       *toast);

/* Pages of the sidebar. Plugins add theirs with a unique @id; the window
 * shows @title and @icon_name in the sidebar and owns @page until it is
 * removed (or the window goes). */
void           fid_window_add_page        (FidWindow      *self,
                                           const char     *id,
                                           const char     *title,
                                           const char     *icon_name,
                                           GtkWidget      *page);
void           fid_window_remove_page     (FidWindow      *self,
                                           const char     *id);
/* Shows the page @id ("customers", "follow-ups", "tickets", "customer" for
 * the 360 view, or a plugin's); FALSE when there is no such page. */
gboolean       fid_window_show_page       (FidWindow      *self,
                                           const char     *id);
const char    *fid_window_get_visible_page (FidWindow     *self);
/* The help page about the visible page, "help:<app id>/<page>" (F1). */
char          *fid_window_dup_help_uri    (FidWindow      *self);

/* The signed-in advisor (0: nobody yet). Kept in GSettings. */
gint64         fid_window_get_advisor_id  (FidWindow      *self);
void           fid_window_set_advisor_id  (FidWindow      *self,
                                           gint64          advisor_id);

/* Opens the customer's 360 page (also the "win.show-customer" action,
 * with the id as an int64 target). */
void           fid_window_show_customer   (FidWindow      *self,
                                           gint64          customer_id);

/* Shows the customer list narrowed to @ids (gint64; the window keeps a
 * reference, do not change the array afterwards), with @label saying what
 * they are ("RFM: Champions"). How a chart element opens its customers. */
void           fid_window_show_customers  (FidWindow      *self,
                                           const char     *label,
                                           GArray         *ids);

/* Tells the pages that the store changed (a customer, interaction or
 * ticket was written), so that lists and counts are read again; then
 * emits "data-changed", which plugins' pages watch. */
void           fid_window_data_changed    (FidWindow      *self);

/* For tests: the last deleted customer's trash entry (the toast's Undo
 * target), the pages and the customer list. */
gint64         fid_window_get_last_trash_id (FidWindow    *self);
GtkWidget     *fid_window_get_page        (FidWindow      *self,
                                           const char     *id);
GtkColumnView *fid_window_get_column_view (FidWindow      *self);

G_END_DECLS
