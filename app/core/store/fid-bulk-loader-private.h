/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* FidBulkLoader's insides, shared by fid-bulk-loader.c (lifecycle, people
 * and products), fid-bulk-loader-activity.c (transactions and everything
 * else that hangs off a customer) and fid-bulk-loader-fresh.c (what
 * FID_BULK_LOADER_FRESH_FILE changes). */

#include <math.h>

#include "fid-bulk-loader.h"
#include "fid-store-private.h"

G_BEGIN_DECLS

/* The single-row INSERTs, prepared once in fid_bulk_loader_new_full(). */
typedef enum
{
  STMT_BRANCH,
  STMT_ADVISOR,
  STMT_HOUSEHOLD,
  STMT_CONSENT,
  STMT_PRODUCT,
  STMT_HOLDING,
  STMT_TRANSACTION,
  STMT_INTERACTION,
  STMT_TICKET,
  STMT_LIFE_EVENT,
  STMT_OPPORTUNITY,
  STMT_CAMPAIGN,
  STMT_CAMPAIGN_TARGET,
  STMT_SURVEY,
  STMT_SURVEY_ITEM,
  STMT_SURVEY_RESPONSE,
  STMT_SURVEY_ANSWER,
  STMT_SEGMENT_SNAPSHOT,
  N_STMTS
} Stmt;

/* Rows per multi-row INSERT, at most (fid-bulk-loader.c explains why). */
#define MAX_CUSTOMER_BATCH    128
#define MAX_TRANSACTION_BATCH 32

struct _FidBulkLoader
{
  GObject             parent_instance;

  FidStore           *store;
  sqlite3_stmt       *stmts[N_STMTS];
  char               *now;
  FidBulkLoaderFlags  flags;

  /* Connection settings changed for FID_BULK_LOADER_FRESH_FILE. */
  gint64              saved_synchronous;
  gint64              saved_cache_size;
  gint64              saved_foreign_keys;
  gint64              saved_temp_store;
  char               *saved_journal_mode;

  /* Schema objects dropped for FID_BULK_LOADER_FRESH_FILE: their names,
   * and their CREATE statements as sqlite_master had them, run again at
   * the final commit. */
  GPtrArray          *deferred_names;
  GPtrArray          *deferred_sql;

  /* Multi-row customer INSERTs, by number of rows (index 0 unused). */
  sqlite3_stmt       *customer_stmts[MAX_CUSTOMER_BATCH + 1];
  sqlite3_stmt       *transaction_stmts[MAX_TRANSACTION_BATCH + 1];
  gint64              next_customer_id;

  guint               in_transaction : 1;
  guint               pragmas_changed : 1;
};

static inline void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static inline void
bind_text_or_empty (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_STATIC);
}

static inline void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static inline void
bind_real (sqlite3_stmt *stmt,
           int           index,
           double        value)
{
  if (!isnan (value))
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* fid-bulk-loader.c */

/* Sets @error for a failed step of @which, naming what was being added,
 * and resets the statement. Always FALSE. */
gboolean      fid_bulk_loader_step_failed         (FidBulkLoader  *self,
                                                   Stmt            which,
                                                   int             rc,
                                                   GError        **error);
/* Sets @error: the load is already committed. Always FALSE. */
gboolean      fid_bulk_loader_closed              (FidBulkLoader  *self,
                                                   GError        **error);
/* The INSERT of @n_rows rows "head (row), (row)…", prepared once per row
 * count and kept in @cache[n_rows]. */
sqlite3_stmt *fid_bulk_loader_multi_row_statement (FidBulkLoader  *self,
                                                   const char     *head,
                                                   const char     *row,
                                                   guint           n_rows,
                                                   sqlite3_stmt  **cache,
                                                   GError        **error);

/* Steps @which; on failure the error names what was being added. */
static inline gboolean
step (FidBulkLoader  *self,
      Stmt            which,
      GError        **error)
{
  sqlite3_stmt *stmt = self->stmts[which];
  int rc = sqlite3_step (stmt);

  if (G_UNLIKELY (rc != SQLITE_DONE))
    return fid_bulk_loader_step_failed (self, which, rc, error);
  sqlite3_reset (stmt);
  return TRUE;
}

static inline gint64
step_returning_id (FidBulkLoader  *self,
                   Stmt            which,
                   GError        **error)
{
  if (!step (self, which, error))
    return 0;
  return sqlite3_last_insert_rowid (fid_store_get_db (self->store));
}

static inline gboolean
check_open (FidBulkLoader  *self,
            GError        **error)
{
  if (G_LIKELY (self->in_transaction))
    return TRUE;
  return fid_bulk_loader_closed (self, error);
}

/* fid-bulk-loader-fresh.c: FID_BULK_LOADER_FRESH_FILE. */

/* The single integer a query returns (0 for NULL or failure). */
gint64        fid_bulk_loader_query_int             (FidStore       *store,
                                                     const char     *sql);

/* Before BEGIN: connection settings for a throw-away file. */
gboolean      fid_bulk_loader_fresh_apply_pragmas   (FidBulkLoader  *self,
                                                     GError        **error);
/* Puts back what fid_bulk_loader_fresh_apply_pragmas changed, if it did. */
void          fid_bulk_loader_fresh_restore_pragmas (FidBulkLoader  *self);
/* Inside the first transaction, before the INSERTs are prepared: drops the
 * triggers and indexes that are cheaper to rebuild after the load. */
gboolean      fid_bulk_loader_fresh_defer_schema    (FidBulkLoader  *self,
                                                     GError        **error);
/* Inside the last transaction, before COMMIT: recomputes what the dropped
 * triggers maintain and creates the dropped objects again, exactly as
 * they were. */
gboolean      fid_bulk_loader_fresh_restore_schema  (FidBulkLoader  *self,
                                                     GError        **error);

G_END_DECLS
