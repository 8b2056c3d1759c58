/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidBulkLoader: prepared INSERTs for every domain table, run inside one
 * write transaction.
 *
 * The demo bank streams tens of millions of rows through here, so each add
 * function binds its parameters and steps a statement prepared once in
 * fid_bulk_loader_new(): no SQL is parsed and nothing is allocated per row.
 * Strings are bound SQLITE_STATIC, which is safe because the statement is
 * stepped and reset before the function returns, while the caller's strings
 * are still alive.
 *
 * This file has the loader's life (creation, commit, checkpoints) and the
 * rows of people and products; fid-bulk-loader-activity.c has the rows
 * that hang off a customer, fid-bulk-loader-fresh.c what
 * FID_BULK_LOADER_FRESH_FILE changes. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fid-bulk-loader-private.h"
#include "fid-text.h"

typedef struct
{
  const char *sql;
  const char *doing;   /* completes "Could not %s in …", translated on error only */
} StmtSpec;

static const StmtSpec stmt_specs[N_STMTS] = {
  [STMT_BRANCH] = {
    "INSERT INTO branches (code, name, city, postcode, latitude, longitude)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", N_("add a branch") },
  [STMT_ADVISOR] = {
    "INSERT INTO advisors (branch_id, first_name, last_name, email, role, sort_key)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", N_("add an advisor") },
  [STMT_HOUSEHOLD] = {
    "INSERT INTO households (name, created_at) VALUES (?1, ?2)", N_("add a household") },
  [STMT_CONSENT] = {
    "INSERT INTO consents (customer_id, channel, marketing, given_at, source)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", N_("add a consent") },
  [STMT_PRODUCT] = {
    "INSERT INTO products (code, name, family) VALUES (?1, ?2, ?3)", N_("add a product") },
  [STMT_HOLDING] = {
    "INSERT INTO holdings (customer_id, product_id, opened_on, closed_on, balance_cents)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", N_("add a holding") },
  [STMT_TRANSACTION] = {
    "INSERT INTO transactions (customer_id, date, amount_cents, margin_cents,"
    " product_family, channel) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", N_("add a transaction") },
  [STMT_INTERACTION] = {
    "INSERT INTO interactions (customer_id, channel, direction, at, advisor_id, subject,"
    " notes, outcome, next_step, follow_up_on, follow_up_done, campaign_id, status)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    N_("add an interaction") },
  [STMT_TICKET] = {
    "INSERT INTO tickets (customer_id, kind, category, subject, description, status,"
    " priority, opened_at, due_on, resolved_at, resolution, critical_incident, advisor_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", N_("add a ticket") },
  [STMT_LIFE_EVENT] = {
    "INSERT INTO life_events (customer_id, kind, occurred_on, notes)"
    " VALUES (?1, ?2, ?3, ?4)", N_("add a life event") },
  [STMT_OPPORTUNITY] = {
    "INSERT INTO opportunities (customer_id, product_id, stage, amount_cents, probability,"
    " advisor_id, created_at, expected_close_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    N_("add an opportunity") },
  [STMT_CAMPAIGN] = {
    "INSERT INTO campaigns (name, objective, channel, product_family, starts_on, ends_on,"
    " cost_per_contact_cents, fixed_cost_cents, seed, control_share, status, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", N_("add a campaign") },
  [STMT_CAMPAIGN_TARGET] = {
    "INSERT INTO campaign_targets (campaign_id, customer_id, grp, contacted_at,"
    " responded_at, converted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    N_("add a campaign target") },
  [STMT_SURVEY] = {
    "INSERT INTO surveys (kind, title, created_at) VALUES (?1, ?2, ?3)", N_("add a survey") },
  [STMT_SURVEY_ITEM] = {
    "INSERT INTO survey_items (survey_id, position, label, dimension)"
    " VALUES (?1, ?2, ?3, ?4)", N_("add a survey item") },
  [STMT_SURVEY_RESPONSE] = {
    "INSERT INTO survey_responses (survey_id, customer_id, respondent, answered_at)"
    " VALUES (?1, ?2, ?3, ?4)", N_("add a survey response") },
  [STMT_SURVEY_ANSWER] = {
    "INSERT INTO survey_answers (response_id, item_id, part, value)"
    " VALUES (?1, ?2, ?3, ?4)", N_("add a survey answer") },
  [STMT_SEGMENT_SNAPSHOT] = {
    "INSERT INTO segment_snapshots (scheme, taken_on, customer_id, segment)"
    " VALUES (?1, ?2, ?3, ?4)", N_("add a segment snapshot") },
};

/* Customers go in by batches of up to MAX_CUSTOMER_BATCH rows in one
 * multi-row INSERT. Each statement that writes the search index opens a
 * savepoint, and FTS5 flushes its pending terms into a new segment at every
 * savepoint: one customer per statement would write (and later merge) a
 * segment per customer. Ids are assigned here, so the caller learns them
 * without reading anything back. */
#define N_CUSTOMER_COLUMNS   28

static const char customer_insert_head[] =
  "INSERT INTO customers (id, kind, title, first_name, last_name, sort_name, birth_date,"
  " email, phone, address, postcode, city, latitude, longitude, household_id,"
  " household_role, advisor_id, branch_id, lifecycle_stage, segment,"
  " annual_income_cents, preferred_channel, is_reference, is_fast_growing,"
  " other_division, created_at, updated_at, advisor_key) VALUES ";
/* advisor_key is looked up here so that the row goes in with it and the
 * customers_advisor_key_ai trigger has nothing to rewrite. */
static const char customer_insert_row[] =
  "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
  " coalesce ((SELECT sort_key FROM advisors WHERE id = ?), ''))";

G_DEFINE_FINAL_TYPE (FidBulkLoader, fid_bulk_loader, G_TYPE_OBJECT)

gboolean
fid_bulk_loader_step_failed (FidBulkLoader  *self,
                             Stmt            which,
                             int             rc,
                             GError        **error)
{
  /* The message is read before the reset, which may replace it. */
  fid_store_set_sqlite_error (self->store, error, rc, _(stmt_specs[which].doing));
  sqlite3_reset (self->stmts[which]);
  return FALSE;
}

gboolean
fid_bulk_loader_closed (FidBulkLoader  *self,
                        GError        **error)
{
  g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_FAILED,
               _("The bulk load of “%s” is already finished."),
               fid_store_get_path (self->store));
  return FALSE;
}

/* The statements belong to the store's cache: leave them reset and without
 * bindings that point into strings of the caller's. */
static void
release_statements (sqlite3_stmt **stmts,
                    guint          n)
{
  for (guint i = 0; i < n; i++)
    if (stmts[i] != NULL)
      {
        sqlite3_reset (stmts[i]);
        sqlite3_clear_bindings (stmts[i]);
        stmts[i] = NULL;
      }
}

static void
fid_bulk_loader_dispose (GObject *object)
{
  FidBulkLoader *self = FID_BULK_LOADER (object);

  if (self->store != NULL)
    {
      if (self->in_transaction)
        fid_store_rollback (self->store);
      self->in_transaction = FALSE;

      release_statements (self->stmts, N_STMTS);

      release_statements (self->customer_stmts, G_N_ELEMENTS (self->customer_stmts));
      release_statements (self->transaction_stmts, G_N_ELEMENTS (self->transaction_stmts));

      fid_bulk_loader_fresh_restore_pragmas (self);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fid_bulk_loader_parent_class)->dispose (object);
}

static void
fid_bulk_loader_finalize (GObject *object)
{
  FidBulkLoader *self = FID_BULK_LOADER (object);

  g_clear_pointer (&self->now, g_free);
  g_clear_pointer (&self->saved_journal_mode, g_free);
  g_clear_pointer (&self->deferred_names, g_ptr_array_unref);
  g_clear_pointer (&self->deferred_sql, g_ptr_array_unref);

  G_OBJECT_CLASS (fid_bulk_loader_parent_class)->finalize (object);
}

static void
fid_bulk_loader_class_init (FidBulkLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fid_bulk_loader_dispose;
  object_class->finalize = fid_bulk_loader_finalize;
}

static void
fid_bulk_loader_init (FidBulkLoader *self)
{
}

FidBulkLoader *
fid_bulk_loader_new_full (FidStore            *store,
                          FidBulkLoaderFlags   flags,
                          GError             **error)
{
  g_autoptr(FidBulkLoader) self = NULL;

  g_return_val_if_fail (FID_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (fid_store_is_read_only (store))
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only: rows cannot be added to it."),
                   fid_store_get_path (store));
      return NULL;
    }

  self = g_object_new (FID_TYPE_BULK_LOADER, NULL);
  self->store = g_object_ref (store);
  self->flags = flags;
  self->now = fid_store_now_iso ();

  if ((flags & FID_BULK_LOADER_FRESH_FILE) != 0 && !fid_bulk_loader_fresh_apply_pragmas (self, error))
    return NULL;

  if (!fid_store_begin (store, error))
    return NULL;
  self->in_transaction = TRUE;

  /* Before the INSERTs are prepared, so that they are compiled without
   * the dropped triggers and indexes. */
  if ((flags & FID_BULK_LOADER_FRESH_FILE) != 0 && !fid_bulk_loader_fresh_defer_schema (self, error))
    return NULL;

  for (guint i = 0; i < N_STMTS; i++)
    {
      g_autofree char *sql = NULL;

      /* OR FAIL: a failing row does not undo the statement's earlier
       * changes, so SQLite needs no statement journal, which otherwise
       * copies every page a trigger touches, for every row. The whole
       * file is thrown away on failure anyway. */
      if ((flags & FID_BULK_LOADER_FRESH_FILE) != 0)
        sql = g_strconcat ("INSERT OR FAIL", stmt_specs[i].sql + strlen ("INSERT"), NULL);
      self->stmts[i] = fid_store_prepare (store, sql != NULL ? sql : stmt_specs[i].sql, error);
      if (self->stmts[i] == NULL)
        return NULL;
    }

  /* Read inside the write transaction: nobody else can add a customer
   * before we commit. */
  self->next_customer_id = 1 + fid_bulk_loader_query_int (store, "SELECT max (id) FROM customers");

  return g_steal_pointer (&self);
}

FidBulkLoader *
fid_bulk_loader_new (FidStore  *store,
                     GError   **error)
{
  return fid_bulk_loader_new_full (store, FID_BULK_LOADER_DEFAULT, error);
}

FidStore *
fid_bulk_loader_get_store (FidBulkLoader *self)
{
  g_return_val_if_fail (FID_IS_BULK_LOADER (self), NULL);
  return self->store;
}

static gboolean
commit (FidBulkLoader  *self,
        GError        **error)
{
  if (!check_open (self, error))
    return FALSE;
  self->in_transaction = FALSE;
  /* fid_store_commit rolls back itself when COMMIT fails. */
  return fid_store_commit (self->store, error);
}

gboolean
fid_bulk_loader_commit (FidBulkLoader  *self,
                        GError        **error)
{
  g_return_val_if_fail (FID_IS_BULK_LOADER (self), FALSE);

  /* What a fresh-file load dropped comes back in the same transaction as
   * the last rows. */
  if (self->deferred_sql != NULL && self->in_transaction &&
      !fid_bulk_loader_fresh_restore_schema (self, error))
    return FALSE;
  return commit (self, error);
}

gboolean
fid_bulk_loader_checkpoint (FidBulkLoader  *self,
                            GError        **error)
{
  g_return_val_if_fail (FID_IS_BULK_LOADER (self), FALSE);

  if (!commit (self, error) || !fid_store_begin (self->store, error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gint64
fid_bulk_loader_add_branch (FidBulkLoader        *self,
                            const FidBulkBranch  *branch,
                            GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (branch != NULL && branch->code != NULL && branch->name != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_BRANCH];
  bind_text (stmt, 1, branch->code);
  bind_text (stmt, 2, branch->name);
  bind_text_or_empty (stmt, 3, branch->city);
  bind_text (stmt, 4, branch->postcode);
  bind_real (stmt, 5, branch->latitude);
  bind_real (stmt, 6, branch->longitude);
  return step_returning_id (self, STMT_BRANCH, error);
}

gint64
fid_bulk_loader_add_advisor (FidBulkLoader         *self,
                             const FidBulkAdvisor  *advisor,
                             GError               **error)
{
  g_autofree char *display = NULL;
  g_autofree char *sort_key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (advisor != NULL && advisor->last_name != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_ADVISOR];
  bind_id (stmt, 1, advisor->branch_id);
  bind_text_or_empty (stmt, 2, advisor->first_name);
  bind_text (stmt, 3, advisor->last_name);
  bind_text (stmt, 4, advisor->email);
  bind_text (stmt, 5, advisor->role != NULL ? advisor->role : "advisor");
  /* The folded "first last" the customer list sorts by (002-workspace.sql);
   * bound static, so it must outlive the step below. */
  display = g_strdup_printf ("%s %s", advisor->first_name ? advisor->first_name : "",
                             advisor->last_name);
  sort_key = fid_text_fold (display);
  bind_text (stmt, 6, sort_key);
  return step_returning_id (self, STMT_ADVISOR, error);
}

gint64
fid_bulk_loader_add_household (FidBulkLoader  *self,
                               const char     *name,
                               const char     *created_at,
                               GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_HOUSEHOLD];
  bind_text (stmt, 1, name);
  bind_text (stmt, 2, created_at != NULL ? created_at : self->now);
  return step_returning_id (self, STMT_HOUSEHOLD, error);
}

sqlite3_stmt *
fid_bulk_loader_multi_row_statement (FidBulkLoader  *self,
                                     const char     *head,
                                     const char     *row,
                                     guint           n_rows,
                                     sqlite3_stmt  **cache,
                                     GError        **error)
{
  g_autoptr(GString) sql = NULL;

  if (cache[n_rows] != NULL)
    return cache[n_rows];

  sql = g_string_new (head);
  if ((self->flags & FID_BULK_LOADER_FRESH_FILE) != 0)
    g_string_replace (sql, "INSERT", "INSERT OR FAIL", 1);
  for (guint i = 0; i < n_rows; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, row);
    }
  cache[n_rows] = fid_store_prepare (self->store, sql->str, error);
  return cache[n_rows];
}

static void
bind_customer (sqlite3_stmt          *stmt,
               int                    first,
               gint64                 id,
               const FidBulkCustomer *c,
               const char            *sort_name,
               const char            *now)
{
  const char *created_at = c->created_at != NULL ? c->created_at : now;
  int i = first;

  sqlite3_bind_int64 (stmt, i++, id);
  bind_text (stmt, i++, c->kind != NULL ? c->kind : "person");
  bind_text (stmt, i++, c->title);
  bind_text_or_empty (stmt, i++, c->first_name);
  bind_text (stmt, i++, c->last_name);
  bind_text (stmt, i++, sort_name);
  bind_text (stmt, i++, c->birth_date);
  bind_text (stmt, i++, c->email);
  bind_text (stmt, i++, c->phone);
  bind_text (stmt, i++, c->address);
  bind_text (stmt, i++, c->postcode);
  bind_text_or_empty (stmt, i++, c->city);
  bind_real (stmt, i++, c->latitude);
  bind_real (stmt, i++, c->longitude);
  bind_id (stmt, i++, c->household_id);
  bind_text (stmt, i++, c->household_role);
  bind_id (stmt, i++, c->advisor_id);
  bind_id (stmt, i++, c->branch_id);
  bind_text (stmt, i++, c->lifecycle_stage != NULL ? c->lifecycle_stage : "prospect");
  bind_text (stmt, i++, c->segment);
  if (c->annual_income_cents >= 0)
    sqlite3_bind_int64 (stmt, i++, c->annual_income_cents);
  else
    sqlite3_bind_null (stmt, i++);
  bind_text (stmt, i++, c->preferred_channel);
  sqlite3_bind_int (stmt, i++, c->is_reference ? 1 : 0);
  sqlite3_bind_int (stmt, i++, c->is_fast_growing ? 1 : 0);
  sqlite3_bind_int (stmt, i++, c->other_division ? 1 : 0);
  bind_text (stmt, i++, created_at);
  bind_text (stmt, i++, c->updated_at != NULL ? c->updated_at : created_at);
  bind_id (stmt, i++, c->advisor_id);
  g_assert (i == first + N_CUSTOMER_COLUMNS);
}

gboolean
fid_bulk_loader_add_customers (FidBulkLoader          *self,
                               const FidBulkCustomer  *customers,
                               guint                   n_customers,
                               gint64                 *ids,
                               GError                **error)
{
  g_return_val_if_fail (FID_IS_BULK_LOADER (self), FALSE);
  g_return_val_if_fail (customers != NULL || n_customers == 0, FALSE);

  if (!check_open (self, error))
    return FALSE;

  for (guint done = 0; done < n_customers;)
    {
      guint n = MIN (n_customers - done, MAX_CUSTOMER_BATCH);
      char *sort_names[MAX_CUSTOMER_BATCH];
      sqlite3_stmt *stmt = fid_bulk_loader_multi_row_statement (self, customer_insert_head,
                                                                customer_insert_row, n,
                                                                self->customer_stmts, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          const FidBulkCustomer *c = &customers[done + i];

          g_return_val_if_fail (c->last_name != NULL, FALSE);
          /* The same key fid_store_insert_customer computes, so keyset
           * paging finds bulk-loaded rows exactly like edited ones. */
          sort_names[i] = fid_text_sort_name (c->last_name, c->first_name);
          bind_customer (stmt, 1 + (int) i * N_CUSTOMER_COLUMNS, self->next_customer_id + i,
                         c, sort_names[i], self->now);
        }
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        fid_store_set_sqlite_error (self->store, error, rc, _("add a customer"));
      sqlite3_reset (stmt);
      for (guint i = 0; i < n; i++)
        g_free (sort_names[i]);
      if (rc != SQLITE_DONE)
        return FALSE;

      for (guint i = 0; i < n; i++)
        if (ids != NULL)
          ids[done + i] = self->next_customer_id + i;
      self->next_customer_id += n;
      done += n;
    }
  return TRUE;
}

gint64
fid_bulk_loader_add_customer (FidBulkLoader          *self,
                              const FidBulkCustomer  *customer,
                              GError                **error)
{
  gint64 id = 0;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (customer != NULL && customer->last_name != NULL, 0);

  if (!fid_bulk_loader_add_customers (self, customer, 1, &id, error))
    return 0;
  return id;
}

gboolean
fid_bulk_loader_add_consent (FidBulkLoader  *self,
                             gint64          customer_id,
                             const char     *channel,
                             gboolean        marketing,
                             const char     *given_at,
                             const char     *source,
                             GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), FALSE);
  g_return_val_if_fail (channel != NULL && given_at != NULL && source != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;
  stmt = self->stmts[STMT_CONSENT];
  sqlite3_bind_int64 (stmt, 1, customer_id);
  bind_text (stmt, 2, channel);
  sqlite3_bind_int (stmt, 3, marketing ? 1 : 0);
  bind_text (stmt, 4, given_at);
  bind_text (stmt, 5, source);
  return step (self, STMT_CONSENT, error);
}

gint64
fid_bulk_loader_add_product (FidBulkLoader  *self,
                             const char     *code,
                             const char     *name,
                             const char     *family,
                             GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (code != NULL && name != NULL && family != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_PRODUCT];
  bind_text (stmt, 1, code);
  bind_text (stmt, 2, name);
  bind_text (stmt, 3, family);
  return step_returning_id (self, STMT_PRODUCT, error);
}

gint64
fid_bulk_loader_add_holding (FidBulkLoader  *self,
                             gint64          customer_id,
                             gint64          product_id,
                             const char     *opened_on,
                             const char     *closed_on,
                             gint64          balance_cents,
                             GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_BULK_LOADER (self), 0);
  g_return_val_if_fail (opened_on != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = self->stmts[STMT_HOLDING];
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  bind_text (stmt, 3, opened_on);
  bind_text (stmt, 4, closed_on);
  sqlite3_bind_int64 (stmt, 5, balance_cents);
  return step_returning_id (self, STMT_HOLDING, error);
}
