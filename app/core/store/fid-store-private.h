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

/* Steps @stmt expecting one row. TRUE: the row is ready to read (reset the
 * statement after reading it). FALSE: the statement is reset and @error is
 * set, to FID_STORE_ERROR_NOT_FOUND with @not_found formatted when there is
 * no row, or to the SQLite error while @doing. */
gboolean      fid_store_step_row           (FidStore      *self,
                                            sqlite3_stmt  *stmt,
                                            const char    *doing,
                                            GError       **error,
                                            const char    *not_found,
                                            ...) G_GNUC_PRINTF (5, 6);

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

/* Appends a row to the audit log (inside the caller's transaction): the
 * older name of fid_store_audit_append (fid-store-audit.h). */
gboolean      fid_store_audit              (FidStore      *self,
                                            const char    *action,
                                            const char    *entity,
                                            gint64         entity_id,
                                            const char    *details,
                                            GError       **error);

/* fid_store_open flag for the store's own files: a read-only open of a
 * database of an older schema (a backup about to be restored). */
#define FID_STORE_OPEN_ANY_VERSION ((FidStoreOpenFlags) (1 << 8))

/* Finalizes every cached statement (none may keep a read open). */
void          fid_store_forget_statements  (FidStore      *self);

/* After the file changed under the connection (a restore): reads the
 * schema version again, checks the file is ours and applies the
 * migrations it lacks. */
gboolean      fid_store_reload_schema      (FidStore      *self,
                                            GError       **error);

/* How long a write waits for another program's lock. */
#define FID_STORE_BUSY_TIMEOUT_MS 5000

/* 360-view audit rows waiting for the write lock (fid-store-audit.c). */
typedef struct
{
  gint64  customer_id;
  char   *at;
} FidAuditPendingView;

GArray       *fid_store_get_audit_pending  (FidStore      *self);
/* Writes the queued rows in the transaction the caller began, and commits. */
gboolean      fid_store_audit_flush_pending (FidStore     *self,
                                            GError       **error);
/* @text as a JSON string literal, quotes included (audit details). */
char         *fid_store_json_string        (const char    *text);
/* Migration step 5: chains the version-4 audit rows. */
gboolean      fid_store_audit_migrate_v4   (FidStore      *self,
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
  " s.margin_cents, s.first_tx_date, s.last_tx_date, s.last_contact_at, s.revenue_12m_cents," \
  " s.margin_12m_cents, s.engagement_score"
#define FID_CUSTOMER_JOIN_NAMES \
  " LEFT JOIN advisors a ON a.id = c.advisor_id" \
  " LEFT JOIN branches b ON b.id = c.branch_id"
#define FID_CUSTOMER_JOINS \
  FID_CUSTOMER_JOIN_NAMES \
  " LEFT JOIN customer_stats s ON s.customer_id = c.id"

/* A customer's display name in SQL ("Hélène Martin", or the company name),
 * as fid_customer_dup_display_name gives it; @c is the table alias. */
#define FID_CUSTOMER_NAME_SQL(c) \
  "CASE WHEN " c ".first_name = '' THEN " c ".last_name ELSE " c ".first_name || ' ' || " c ".last_name END"

FidCustomer  *fid_store_read_customer      (sqlite3_stmt  *stmt,
                                            int            first);

/* Now as ISO 8601 local date-time (YYYY-MM-DDTHH:MM:SS). */
char         *fid_store_now_iso            (void);
/* Today as YYYY-MM-DD (local). */
char         *fid_store_today_iso          (void);

/* Validation helpers shared by the store files (fid-store-validate.c). */
gboolean      fid_text_is_blank            (const char    *text);
/* TRUE when @text is a valid YYYY-MM-DD date; fills @date when not NULL. */
gboolean      fid_parse_iso_date           (const char    *text,
                                            GDate         *date);
/* A valid date-time YYYY-MM-DDTHH:MM[:SS] (or with a space for the T),
 * returned normalised as YYYY-MM-DDTHH:MM:SS; NULL when not valid. */
char         *fid_normalize_iso_date_time  (const char    *text);
/* Runs @sql with ?1 = @id and says whether it returned a row. */
gboolean      fid_store_row_exists         (FidStore      *self,
                                            const char    *sql,
                                            gint64         id,
                                            gboolean      *exists,
                                            GError       **error);
/* Steps a write statement once and resets it; FALSE with @error set (what
 * was being done: @doing) unless it finished. */
gboolean      fid_store_step_write         (FidStore      *self,
                                            sqlite3_stmt  *stmt,
                                            const char    *doing,
                                            GError       **error);
/* Binds @id, or NULL when it is 0 or less. */
void          fid_sqlite_bind_id_or_null   (sqlite3_stmt  *stmt,
                                            int            index,
                                            gint64         id);

/* fid-store-customers.c: binds a customer's editable columns ?1 … ?23 in
 * the order of its INSERT and UPDATE (shared with the import). */
void          fid_store_bind_customer        (sqlite3_stmt       *stmt,
                                              FidCustomer        *customer,
                                              const char         *now);

/* fid-store-filesystem.c: FALSE with FID_STORE_ERROR_NETWORK_FILESYSTEM
 * when @dir (the folder of @path) is on a network file system. */
gboolean      fid_store_check_local_filesystem (const char       *path,
                                                const char       *dir,
                                                GError          **error);

G_END_DECLS
