/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-window.h"

G_BEGIN_DECLS

/* A customer's GDPR rights from their 360 page (issue 9):
 *
 * Right of access: asks where to save, then writes the customer's data
 * twice side by side — a readable PDF and the complete JSON (same name,
 * .json) — and says where in a toast.
 *
 * Right to erasure: says first whether anti-money-laundering retention
 * keeps their financial records; if it does, only anonymisation is
 * offered, with the reason and the date the records may go; otherwise
 * erasure or anonymisation, after a confirmation. Then every page is read
 * again and an erased customer's page is left for the list. */

/* Writes @customer_id's PDF to @pdf and JSON beside it (".json" instead
 * of the PDF's extension). */
gboolean fid_customer_privacy_write_files (FidStore   *store,
                                           gint64      customer_id,
                                           GFile      *pdf,
                                           GError    **error);

void     fid_customer_privacy_export      (FidWindow  *window,
                                           gint64      customer_id);
void     fid_customer_privacy_erase       (FidWindow  *window,
                                           gint64      customer_id);

G_END_DECLS
