/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* GDPR (issue 9): a customer's right of access (everything the store holds
 * about them, as JSON; fid-gdpr-report.h draws the same as a PDF) and right
 * to erasure, within the anti-money-laundering retention of financial
 * records: five years after the business relationship ends. */

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* Years financial records are kept after the relationship ends (EU
 * directive 2015/849, art. 40; Code monétaire et financier, L561-12). */
#define FID_AML_RETENTION_YEARS 5

typedef enum
{
  FID_RETENTION_NONE,     /* no financial record, or kept long enough: may be erased */
  FID_RETENTION_ACTIVE,   /* still a customer: records kept until 5 years after the end */
  FID_RETENTION_RECENT,   /* the relationship ended less than 5 years ago */
} FidRetentionKind;

typedef struct
{
  FidRetentionKind kind;
  gint64  n_transactions;
  gint64  n_holdings;
  gint64  n_open_holdings;
  char   *lifecycle_stage;
  char   *ended_on;     /* YYYY-MM-DD: last transaction or contract closing; NULL when active */
  char   *kept_until;   /* ended_on + 5 years; NULL when active or no records */
  char   *reason;       /* translated sentence, NULL for FID_RETENTION_NONE */
} FidRetention;

void        fid_retention_clear               (FidRetention    *retention);

/* Whether the law keeps the customer's financial records on @today
 * (YYYY-MM-DD; NULL: today). The relationship has ended when the customer
 * is at the 'lost' lifecycle stage with no open contract; it ended on the
 * later of their last transaction and their last contract's closing. */
gboolean    fid_store_get_retention           (FidStore        *self,
                                               gint64           customer_id,
                                               const char      *today,
                                               FidRetention    *retention,
                                               GError         **error);

typedef enum
{
  FID_ERASURE_DELETE,     /* the customer and everything linked are deleted */
  FID_ERASURE_ANONYMISE,  /* names, contact data, notes and marketing data go; financial records stay */
} FidErasureMode;

/* Erases @customer_id. FID_ERASURE_DELETE is refused with
 * FID_STORE_ERROR_RETENTION, whose message gives the reason and offers
 * anonymisation, while fid_store_get_retention says the records must be
 * kept. Runs with PRAGMA secure_delete on (freed pages are overwritten
 * with zeros), rewrites the search index so that no old term survives in
 * it, and checkpoints the WAL (TRUNCATE) afterwards, so the old values
 * are left neither in the database file nor in its journal. Survey
 * answers are kept without their author. One audit row ('erase' or
 * 'anonymise'), which holds no personal data. */
gboolean    fid_store_erase_customer          (FidStore        *self,
                                               gint64           customer_id,
                                               FidErasureMode   mode,
                                               GError         **error);

/* Everything held about @customer_id, as one JSON object: identity and
 * contact data, household, consents per channel (with their date and
 * source), statistics, contracts, transactions, interactions, tickets,
 * life events, opportunities, campaigns, survey responses with their
 * answers, segments and the audit rows about them. Money in integer
 * cents. Writes nothing. */
JsonNode   *fid_store_build_customer_data     (FidStore        *self,
                                               gint64           customer_id,
                                               GError         **error);

/* fid_store_build_customer_data written to @stream (pretty-printed UTF-8
 * JSON), and recorded in the audit log as an export. */
gboolean    fid_store_export_customer_json    (FidStore        *self,
                                               gint64           customer_id,
                                               GOutputStream   *stream,
                                               GCancellable    *cancellable,
                                               GError         **error);

G_END_DECLS
