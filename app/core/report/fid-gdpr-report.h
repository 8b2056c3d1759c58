/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A customer's personal data as a readable PDF (GDPR right of access):
 * the same content as fid_store_export_customer_json, laid out as
 * sections and tables on A4 pages. Cairo and Pango only (no GTK), so the
 * command-line tool writes it too. */

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* Draws @data (from fid_store_build_customer_data) as a PDF on @stream. */
gboolean  fid_gdpr_report_write_data  (JsonNode       *data,
                                       GOutputStream  *stream,
                                       GCancellable   *cancellable,
                                       GError        **error);

/* Builds the customer's data from @store, draws it on @stream, and
 * records the export in the audit log (when @store can be written). */
gboolean  fid_gdpr_report_write       (FidStore       *store,
                                       gint64          customer_id,
                                       GOutputStream  *stream,
                                       GCancellable   *cancellable,
                                       GError        **error);

G_END_DECLS
