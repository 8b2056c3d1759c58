/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* For code inside app/core/store/ only: the connection and helpers that turn
 * SQLite results into GErrors. Nothing outside store/ sees SQL. */
sqlite3      *fid_store_get_db             (FidStore      *self);
const char   *fid_store_get_actor          (FidStore      *self);

/* Sets @error from the connection's last error, naming the store's file. */
void          fid_store_set_sqlite_error   (FidStore      *self,
                                            GError       **error,
                                            int            rc,
                                            const char    *doing);

/* Prepared statements are cached per SQL text for the life of the store;
 * the returned statement is reset and its bindings cleared. NULL on error. */
sqlite3_stmt *fid_store_prepare            (FidStore      *self,
                                            const char    *sql,
                                            GError       **error);

/* Runs @sql (several statements allowed, no parameters). */
gboolean      fid_store_exec               (FidStore      *self,
                                            const char    *sql,
                                            GError       **error);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
gboolean      fid_store_begin              (FidStore      *self,
                                            GError       **error);
gboolean      fid_store_commit             (FidStore      *self,
                                            GError       **error);
void          fid_store_rollback           (FidStore      *self);

/* Appends a row to the audit log (inside the caller's transaction). */
gboolean      fid_store_audit              (FidStore      *self,
                                            const char    *action,
                                            const char    *entity,
                                            gint64         entity_id,
                                            const char    *details,
                                            GError       **error);

/* Column helpers: NULL-safe text, 0 for NULL integers. */
const char   *fid_sqlite_text              (sqlite3_stmt  *stmt,
                                            int            column);
void          fid_sqlite_bind_text_or_null (sqlite3_stmt  *stmt,
                                            int            index,
                                            const char    *text);

/* Reading customers: every query that returns FidCustomer rows selects
 * FID_CUSTOMER_COLUMNS from FID_CUSTOMER_JOINS (c = customers, a = advisors,
 * b = branches, s = customer_stats) and reads them with fid_store_read_customer.
 * @first is the column index of the first customer column. */
#define FID_CUSTOMER_COLUMNS \
  "c.id, c.kind, c.title, c.first_name, c.last_name, c.birth_date, c.email, c.phone," \
  " c.address, c.postcode, c.city, c.household_id, c.household_role, c.advisor_id," \
  " a.first_name || ' ' || a.last_name, c.branch_id, b.name, c.lifecycle_stage, c.segment," \
  " c.annual_income_cents, c.preferred_channel, c.is_reference, c.is_fast_growing," \
  " c.other_division, c.created_at, c.updated_at, c.version, s.tx_count, s.tx_sum_cents," \
  " s.margin_cents, s.first_tx_date, s.last_tx_date, s.last_contact_at"
#define FID_CUSTOMER_JOIN_NAMES \
  " LEFT JOIN advisors a ON a.id = c.advisor_id" \
  " LEFT JOIN branches b ON b.id = c.branch_id"
#define FID_CUSTOMER_JOINS \
  FID_CUSTOMER_JOIN_NAMES \
  " LEFT JOIN customer_stats s ON s.customer_id = c.id"

FidCustomer  *fid_store_read_customer      (sqlite3_stmt  *stmt,
                                            int            first);

/* Now as ISO 8601 local date-time (YYYY-MM-DDTHH:MM:SS). */
char         *fid_store_now_iso            (void);

G_END_DECLS
