/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: the audit trail's hash chain (schema 5, data/sql/005-audit.sql).
 *
 * Every row is written by append_row(), through fid_store_audit_append (and
 * fid_store_audit, the older private name every store file calls). The row's
 * hash is the SHA-256, in lowercase hex, of this byte string:
 *
 *   field ("fidelis-audit-1") field (prev_hash) field (id) field (at)
 *   field (actor) field (action) field (entity) field (entity_id)
 *   field (customer_id) field (details)
 *
 * where field (NULL) is the single byte 'N' and field (text) is 'S', the
 * length of the text in bytes in decimal, ':', then the text's bytes;
 * integers are written in decimal (entity_id and customer_id are NULL when
 * absent). The length prefix makes the encoding unambiguous: no choice of
 * field contents can make two different rows hash the same input.
 *
 * prev_hash is the previous row's hash (FID_AUDIT_GENESIS_HASH for the
 * first row), so removing or inserting a row breaks the link of the row
 * after it, and editing a row breaks its own hash. What a chain cannot
 * show is the loss of its last rows: fid_store_audit_verify gives the head
 * hash, which a backup or a printed report can keep for later comparison. */

#include "config.h"

#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fid-store-audit.h"
#include "fid-store-private.h"
#include "fid-store-workspace.h"

#define AUDIT_COLUMNS "id, at, actor, action, entity, entity_id, customer_id, details, prev_hash, hash"
#define CANCEL_CHECK_INTERVAL 4096
/* How long opening a 360 view may wait for another program's write lock
 * before queuing its audit row instead. */
#define VIEW_BUSY_TIMEOUT_MS 200

void
fid_audit_entry_free (FidAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->details);
  g_free (entry->prev_hash);
  g_free (entry->hash);
  g_free (entry);
}

void
fid_audit_verification_clear (FidAuditVerification *verification)
{
  g_return_if_fail (verification != NULL);

  g_clear_pointer (&verification->reason, g_free);
  g_clear_pointer (&verification->head_hash, g_free);
  verification->n_rows = 0;
  verification->broken_id = 0;
}

static void
hash_field (GChecksum  *checksum,
            const char *text)
{
  char prefix[32];
  gsize len;

  if (text == NULL)
    {
      g_checksum_update (checksum, (const guchar *) "N", 1);
      return;
    }
  len = strlen (text);
  g_snprintf (prefix, sizeof prefix, "S%" G_GSIZE_FORMAT ":", len);
  g_checksum_update (checksum, (const guchar *) prefix, -1);
  g_checksum_update (checksum, (const guchar *) text, len);
}

static void
hash_int_field (GChecksum *checksum,
                gint64     value,
                gboolean   is_null)
{
  char digits[32];

  if (is_null)
    {
      hash_field (checksum, NULL);
      return;
    }
  g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, value);
  hash_field (checksum, digits);
}

char *
fid_audit_entry_compute_hash (const FidAuditEntry *entry)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (entry != NULL, NULL);

  hash_field (checksum, "fidelis-audit-1");
  hash_field (checksum, entry->prev_hash);
  hash_int_field (checksum, entry->id, FALSE);
  hash_field (checksum, entry->at);
  hash_field (checksum, entry->actor);
  hash_field (checksum, entry->action);
  hash_field (checksum, entry->entity);
  hash_int_field (checksum, entry->entity_id, entry->entity_id <= 0);
  hash_int_field (checksum, entry->customer_id, entry->customer_id <= 0);
  hash_field (checksum, entry->details);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Now, with the UTC offset: an audit trail is read across time zones and
 * daylight-saving changes. */
static char *
audit_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Details are JSON: what callers pass as plain text ("web form", a date)
 * is wrapped as {"note": "…"}. */
static char *
normalize_details (const char *details)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (details == NULL)
    return NULL;

  parser = json_parser_new ();
  if (json_parser_load_from_data (parser, details, -1, NULL))
    return g_strdup (details);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, details);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

char *
fid_store_json_string (const char *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text ? text : "");
  return json_to_string (node, FALSE);
}

/* The customer a row is about, from its entity (0: none). */
static gboolean
find_customer (FidStore    *self,
               const char  *entity,
               gint64       entity_id,
               gint64      *customer_id,
               GError     **error)
{
  static const struct { const char *entity; const char *sql; } owners[] = {
    { "interaction", "SELECT customer_id FROM interactions WHERE id = ?1" },
    { "ticket", "SELECT customer_id FROM tickets WHERE id = ?1" },
    { "survey_response", "SELECT customer_id FROM survey_responses WHERE id = ?1" },
    { "opportunity", "SELECT customer_id FROM opportunities WHERE id = ?1" },  /* issue 10 */
  };

  *customer_id = 0;
  if (entity_id <= 0)
    return TRUE;
  if (g_str_equal (entity, "customer"))
    {
      *customer_id = entity_id;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      sqlite3_stmt *stmt;
      int rc;

      if (!g_str_equal (entity, owners[i].entity))
        continue;
      stmt = fid_store_prepare (self, owners[i].sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entity_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *customer_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          fid_store_set_sqlite_error (self, error, rc, _("write the audit log"));
          return FALSE;
        }
      break;
    }
  return TRUE;
}

/* Writes one row after the current last one. @entry's id, when set, must
 * be above the last id (copies of version-4 rows keep theirs); its
 * prev_hash and hash are filled here. Must run inside a write transaction:
 * reading the last row and inserting after it are then one step for
 * every other connection. */
static gboolean
append_row (FidStore       *self,
            FidAuditEntry  *entry,
            GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 last_id = 0;
  int rc;

  stmt = fid_store_prepare (self, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  g_free (entry->prev_hash);
  if (rc == SQLITE_ROW)
    {
      last_id = sqlite3_column_int64 (stmt, 0);
      entry->prev_hash = g_strdup (fid_sqlite_text (stmt, 1));
    }
  else
    entry->prev_hash = g_strdup (FID_AUDIT_GENESIS_HASH);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("write the audit log"));
      return FALSE;
    }
  if (entry->id <= last_id)
    entry->id = last_id + 1;

  g_free (entry->hash);
  entry->hash = fid_audit_entry_compute_hash (entry);

  stmt = fid_store_prepare (self,
                            "INSERT INTO audit_log (" AUDIT_COLUMNS ")"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->id);
  sqlite3_bind_text (stmt, 2, entry->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, entry->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, entry->action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, entry->entity, -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_id_or_null (stmt, 6, entry->entity_id);
  fid_sqlite_bind_id_or_null (stmt, 7, entry->customer_id);
  fid_sqlite_bind_text_or_null (stmt, 8, entry->details);
  sqlite3_bind_text (stmt, 9, entry->prev_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, entry->hash, -1, SQLITE_TRANSIENT);
  return fid_store_step_write (self, stmt, _("write the audit log"), error);
}

gboolean
fid_store_audit_append (FidStore    *self,
                        const char  *action,
                        const char  *entity,
                        gint64       entity_id,
                        const char  *details,
                        GError     **error)
{
  g_autoptr(FidAuditEntry) entry = g_new0 (FidAuditEntry, 1);
  gboolean own_transaction;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL && entity != NULL, FALSE);

  entry->at = audit_now ();
  entry->actor = g_strdup (fid_store_get_actor (self));
  entry->action = g_strdup (action);
  entry->entity = g_strdup (entity);
  entry->entity_id = MAX (entity_id, 0);
  entry->details = normalize_details (details);

  own_transaction = sqlite3_get_autocommit (fid_store_get_db (self));
  if (own_transaction && !fid_store_begin (self, error))
    return FALSE;
  if (!find_customer (self, entity, entity_id, &entry->customer_id, error) ||
      !append_row (self, entry, error))
    {
      if (own_transaction)
        fid_store_rollback (self);
      return FALSE;
    }
  return !own_transaction || fid_store_commit (self, error);
}

/* 360 views ---------------------------------------------------------------- */

gboolean
fid_store_audit_customer_view (FidStore    *self,
                               gint64       customer_id,
                               GError     **error)
{
  GArray *pending;
  FidAuditPendingView view;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (fid_store_is_read_only (self) || customer_id <= 0)
    return TRUE;

  pending = fid_store_get_audit_pending (self);
  view.customer_id = customer_id;
  view.at = audit_now ();
  g_array_append_val (pending, view);

  /* Opening a customer must not wait seconds for another program's lock:
   * a short wait, then the row waits in the queue instead. */
  db = fid_store_get_db (self);
  if (!sqlite3_get_autocommit (db))
    return TRUE;  /* inside someone's transaction: written with the next view */
  sqlite3_busy_timeout (db, VIEW_BUSY_TIMEOUT_MS);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_busy_timeout (db, FID_STORE_BUSY_TIMEOUT_MS);
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        return TRUE;
      fid_store_set_sqlite_error (self, error, rc, _("write the audit log"));
      return FALSE;
    }
  return fid_store_audit_flush_pending (self, error);
}

/* Writes the queued 360-view rows in the transaction the caller began
 * (and commits it); the queue is emptied only once they are committed. */
gboolean
fid_store_audit_flush_pending (FidStore  *self,
                               GError   **error)
{
  GArray *pending = fid_store_get_audit_pending (self);

  for (guint i = 0; i < pending->len; i++)
    {
      FidAuditPendingView *view = &g_array_index (pending, FidAuditPendingView, i);
      g_autoptr(FidAuditEntry) entry = g_new0 (FidAuditEntry, 1);

      entry->at = g_strdup (view->at);
      entry->actor = g_strdup (fid_store_get_actor (self));
      entry->action = g_strdup ("view");
      entry->entity = g_strdup ("customer");
      entry->entity_id = view->customer_id;
      entry->customer_id = view->customer_id;
      if (!append_row (self, entry, error))
        {
          fid_store_rollback (self);
          return FALSE;
        }
    }
  if (!fid_store_commit (self, error))
    return FALSE;
  g_array_set_size (pending, 0);
  return TRUE;
}

/* Reading ------------------------------------------------------------------ */

static FidAuditEntry *
read_entry (sqlite3_stmt *stmt)
{
  FidAuditEntry *entry = g_new0 (FidAuditEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = g_strdup (fid_sqlite_text (stmt, 1));
  entry->actor = g_strdup (fid_sqlite_text (stmt, 2));
  entry->action = g_strdup (fid_sqlite_text (stmt, 3));
  entry->entity = g_strdup (fid_sqlite_text (stmt, 4));
  entry->entity_id = sqlite3_column_int64 (stmt, 5);
  entry->customer_id = sqlite3_column_int64 (stmt, 6);
  entry->details = g_strdup (fid_sqlite_text (stmt, 7));
  entry->prev_hash = g_strdup (fid_sqlite_text (stmt, 8));
  entry->hash = g_strdup (fid_sqlite_text (stmt, 9));
  return entry;
}

GPtrArray *
fid_store_audit_list (FidStore    *self,
                      gint64       customer_id,
                      gint64       before_id,
                      guint        limit,
                      GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  /* Both walk an index backwards from @before_id: a page costs the same
   * at the end of a log of millions of rows as at its start. */
  if (customer_id > 0)
    stmt = fid_store_prepare (self,
                              "SELECT " AUDIT_COLUMNS " FROM audit_log"
                              " WHERE customer_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3", error);
  else
    stmt = fid_store_prepare (self,
                              "SELECT " AUDIT_COLUMNS " FROM audit_log"
                              " WHERE ?1 = 0 AND id < ?2 ORDER BY id DESC LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (customer_id, 0));
  sqlite3_bind_int64 (stmt, 2, before_id > 0 ? before_id : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_entry (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the audit log"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
fid_store_audit_verify (FidStore              *self,
                        FidAuditVerification  *result,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autofree char *expected_prev = g_strdup (FID_AUDIT_GENESIS_HASH);
  sqlite3_stmt *stmt = NULL;
  gint64 previous_id = 0;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);

  /* Not cached: one pass, once in a while, over the whole table. */
  rc = sqlite3_prepare_v2 (fid_store_get_db (self),
                           "SELECT " AUDIT_COLUMNS " FROM audit_log ORDER BY id", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the audit log"));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(FidAuditEntry) entry = read_entry (stmt);
      g_autofree char *hash = NULL;

      result->n_rows++;
      if (result->n_rows % CANCEL_CHECK_INTERVAL == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          fid_audit_verification_clear (result);
          return FALSE;
        }

      if (g_strcmp0 (entry->prev_hash, expected_prev) != 0)
        {
          result->broken_id = entry->id;
          if (previous_id == 0)
            result->reason = g_strdup_printf (_("Row %" PRId64 " is the first row but does not start the chain: "
                                                "the rows before it were removed."), entry->id);
          else
            result->reason = g_strdup_printf (_("Row %" PRId64 " does not follow row %" PRId64 ": the hash it "
                                                "keeps of the previous row does not match. A row was removed, "
                                                "inserted or renumbered before it."),
                                              entry->id, previous_id);
          break;
        }
      hash = fid_audit_entry_compute_hash (entry);
      if (g_strcmp0 (hash, entry->hash) != 0)
        {
          result->broken_id = entry->id;
          result->reason = g_strdup_printf (_("Row %" PRId64 " was changed after it was written: its hash "
                                              "does not match its contents."), entry->id);
          break;
        }

      g_free (expected_prev);
      expected_prev = g_strdup (entry->hash);
      previous_id = entry->id;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the audit log"));
      fid_audit_verification_clear (result);
      return FALSE;
    }

  result->head_hash = g_steal_pointer (&expected_prev);
  return TRUE;
}

const char *
fid_store_audit_get_actor (FidStore *self)
{
  return fid_store_get_actor (self);
}

gboolean
fid_store_set_actor_advisor (FidStore    *self,
                             gint64       advisor_id,
                             GError     **error)
{
  g_autoptr(FidAdvisor) advisor = NULL;
  g_autofree char *name = NULL;
  g_autofree char *actor = NULL;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  advisor = fid_store_get_advisor (self, advisor_id, error);
  if (advisor == NULL)
    return FALSE;
  name = fid_advisor_dup_display_name (advisor);
  actor = g_strdup_printf ("advisor:%" G_GINT64_FORMAT " %s", advisor_id, name);
  fid_store_set_actor (self, actor);
  return TRUE;
}

/* Migration to schema 5 ---------------------------------------------------- */

/* Copies the version-4 rows (audit_log_v4, set aside by 005-audit.sql)
 * into the chained table with their ids, times and actors, then drops the
 * old table. Runs inside the migration's transaction. */
gboolean
fid_store_audit_migrate_v4 (FidStore  *self,
                            GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (fid_store_get_db (self),
                           "SELECT id, at, actor, action, entity, entity_id, details"
                           " FROM audit_log_v4 ORDER BY id", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      fid_store_set_sqlite_error (self, error, rc, _("upgrade the audit log"));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(FidAuditEntry) entry = g_new0 (FidAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup (fid_sqlite_text (stmt, 1));
      entry->actor = g_strdup (fid_sqlite_text (stmt, 2));
      entry->action = g_strdup (fid_sqlite_text (stmt, 3));
      entry->entity = g_strdup (fid_sqlite_text (stmt, 4));
      entry->entity_id = sqlite3_column_int64 (stmt, 5);
      entry->details = normalize_details (fid_sqlite_text (stmt, 6));
      if (!find_customer (self, entry->entity, entry->entity_id, &entry->customer_id, error) ||
          !append_row (self, entry, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("upgrade the audit log"));
      return FALSE;
    }
  return fid_store_exec (self, "DROP TABLE audit_log_v4", error);
}
