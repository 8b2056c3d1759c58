/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* The customer list as the user sees it, as CSV (issue 9, item 2): the
 * same filters (advisor, branch, segment, stage, a chart's selection), or
 * the search's matches, with the list's columns and the contact fields.
 * Written through fid_csv_write_row, so a name such as "=HYPERLINK(…)"
 * reaches a spreadsheet as text, never as a formula. */

typedef struct
{
  gint64  advisor_id;
  gint64  branch_id;
  char   *segment;
  char   *lifecycle_stage;
  GArray *ids;            /* gint64: a selection; NULL: none */
  char   *search;         /* the search box's text; NULL: the filtered list */
} FidCustomersExport;

FidCustomersExport *fid_customers_export_new   (const FidCustomerFilter *filter,
                                                const char              *search);
void                fid_customers_export_free  (FidCustomersExport      *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidCustomersExport, fid_customers_export_free)

/* Writes the header and every row to @stream; the number of rows in
 * @n_rows. Stops with G_IO_ERROR_CANCELLED when @cancellable is. */
gboolean            fid_customers_export_write (FidCustomersExport      *self,
                                                FidStore                *store,
                                                GOutputStream           *stream,
                                                guint64                 *n_rows,
                                                GCancellable            *cancellable,
                                                GError                 **error);

/* The "Export List…" command of @page (a widget in a FidWindow): asks
 * where, writes in a worker thread on a read-only connection of its own,
 * and says how many customers went where in a toast. Takes @self. */
void                fid_customers_export_run   (FidCustomersExport      *self,
                                                GtkWidget               *page,
                                                FidStore                *store);

G_END_DECLS
