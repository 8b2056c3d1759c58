/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: importing files (issue 9). The importer checks a whole file
 * first, with the look-ups below, and reports every problem; only a clean
 * file reaches fid_store_import_write, which writes it in one transaction
 * (BEGIN IMMEDIATE … COMMIT): a failure, a cancel or a killed process
 * leaves the database as it was. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fid-store-import.h"
#include "fid-store-private.h"
#include "fid-text.h"

/* Rows between two looks at the cancellable and two progress calls. */
#define WRITE_STEP 256

FidImportRecord *
fid_import_record_new (guint line)
{
  FidImportRecord *record = g_new0 (FidImportRecord, 1);

  record->line = line;
  return record;
}

void
fid_import_record_free (FidImportRecord *record)
{
  if (record == NULL)
    return;
  g_clear_object (&record->customer);
  g_free (record->date);
  g_free (record->end_date);
  g_free (record->family);
  g_free (record->channel);
  g_free (record->direction);
  g_free (record->status);
  g_free (record->subject);
  g_free (record->notes);
  g_free (record->outcome);
  g_free (record->next_step);
  g_free (record);
}

/* Look-ups */

gboolean
fid_store_import_lookup_id (FidStore        *self,
                            FidImportTable   table,
                            gint64           id,
                            gboolean        *exists,
                            GError         **error)
{
  static const char * const sql[] = {
    [FID_IMPORT_TABLE_CUSTOMERS] = "SELECT 1 FROM customers WHERE id = ?1",
    [FID_IMPORT_TABLE_TRANSACTIONS] = "SELECT 1 FROM transactions WHERE id = ?1",
    [FID_IMPORT_TABLE_HOLDINGS] = "SELECT 1 FROM holdings WHERE id = ?1",
    [FID_IMPORT_TABLE_INTERACTIONS] = "SELECT 1 FROM interactions WHERE id = ?1",
    [FID_IMPORT_TABLE_ADVISORS] = "SELECT 1 FROM advisors WHERE id = ?1",
    [FID_IMPORT_TABLE_BRANCHES] = "SELECT 1 FROM branches WHERE id = ?1",
    [FID_IMPORT_TABLE_HOUSEHOLDS] = "SELECT 1 FROM households WHERE id = ?1",
  };

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) table < G_N_ELEMENTS (sql), FALSE);

  return fid_store_row_exists (self, sql[table], id, exists, error);
}

gboolean
fid_store_import_lookup_email (FidStore    *self,
                               const char  *email,
                               gint64      *id,
                               guint       *n_found,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (email != NULL, FALSE);

  *id = 0;
  *n_found = 0;
  /* customers_email is an index on email COLLATE NOCASE. */
  stmt = fid_store_prepare (self,
                            "SELECT id FROM customers WHERE email = ?1 COLLATE NOCASE ORDER BY id LIMIT 2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (*n_found == 0)
        *id = sqlite3_column_int64 (stmt, 0);
      *n_found += 1;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("look a customer up by e-mail"));
      return FALSE;
    }
  return TRUE;
}

gboolean
fid_store_import_lookup_product (FidStore    *self,
                                 const char  *text,
                                 gint64      *id,
                                 char       **family,
                                 GError     **error)
{
  g_autofree char *wanted = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  *id = 0;
  if (family != NULL)
    *family = NULL;
  wanted = fid_text_fold (text);
  g_strstrip (wanted);
  /* A few dozen products: compared here, folded as the name list is. */
  stmt = fid_store_prepare (self, "SELECT id, code, name, family FROM products ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && *id == 0)
    {
      g_autofree char *code = fid_text_fold (fid_sqlite_text (stmt, 1));
      g_autofree char *name = fid_text_fold (fid_sqlite_text (stmt, 2));

      if (g_str_equal (code, wanted) || g_str_equal (name, wanted))
        {
          *id = sqlite3_column_int64 (stmt, 0);
          if (family != NULL)
            *family = g_strdup (fid_sqlite_text (stmt, 3));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fid_store_set_sqlite_error (self, error, rc, _("look a product up"));
      return FALSE;
    }
  return TRUE;
}

/* Writing */

static const char * const insert_sql[] = {
  [FID_IMPORT_CUSTOMERS] =
    "INSERT INTO customers (id, kind, title, first_name, last_name, sort_name,"
    " birth_date, email, phone, address, postcode, city, household_id,"
    " household_role, advisor_id, branch_id, lifecycle_stage, segment,"
    " annual_income_cents, preferred_channel, is_reference, is_fast_growing,"
    " other_division, created_at, updated_at)"
    " VALUES (?24, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
    " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?23)",
  [FID_IMPORT_TRANSACTIONS] =
    "INSERT INTO transactions (id, customer_id, date, amount_cents, margin_cents,"
    " product_family, channel) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [FID_IMPORT_HOLDINGS] =
    "INSERT INTO holdings (id, customer_id, product_id, opened_on, closed_on, balance_cents)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [FID_IMPORT_INTERACTIONS] =
    "INSERT INTO interactions (id, customer_id, channel, direction, at, advisor_id,"
    " subject, notes, outcome, next_step, follow_up_on, status)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
};

static const char * const audit_entities[] = {
  [FID_IMPORT_CUSTOMERS] = "customer",
  [FID_IMPORT_TRANSACTIONS] = "transaction",
  [FID_IMPORT_HOLDINGS] = "holding",
  [FID_IMPORT_INTERACTIONS] = "interaction",
};

/* {"kind": "customers", "rows": 120, "file": "clients.csv"}: no personal
 * data, only what was imported from where. */
static char *
audit_details (FidImportKind  kind,
               guint          n_rows,
               const char    *source)
{
  static const char * const kinds[] = {
    [FID_IMPORT_CUSTOMERS] = "customers",
    [FID_IMPORT_TRANSACTIONS] = "transactions",
    [FID_IMPORT_HOLDINGS] = "holdings",
    [FID_IMPORT_INTERACTIONS] = "interactions",
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kinds[kind]);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, n_rows);
  if (source != NULL)
    {
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, source);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}


/* The columns of fid_store_insert_customer, bound by the same function
 * (?1 … ?23), and the id (?24, NULL: numbered by SQLite). */
static void
bind_customer (sqlite3_stmt          *stmt,
               const FidImportRecord *record,
               const char            *now)
{
  fid_store_bind_customer (stmt, record->customer, now);
  fid_sqlite_bind_id_or_null (stmt, 24, record->id);
}

static void
bind_record (sqlite3_stmt          *stmt,
             FidImportKind          kind,
             const FidImportRecord *record,
             const char            *now)
{
  switch (kind)
    {
    case FID_IMPORT_CUSTOMERS:
      bind_customer (stmt, record, now);
      break;

    case FID_IMPORT_TRANSACTIONS:
      fid_sqlite_bind_id_or_null (stmt, 1, record->id);
      sqlite3_bind_int64 (stmt, 2, record->customer_id);
      sqlite3_bind_text (stmt, 3, record->date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, record->amount_cents);
      sqlite3_bind_int64 (stmt, 5, record->margin_cents);
      sqlite3_bind_text (stmt, 6, record->family ? record->family : "current_account", -1, SQLITE_TRANSIENT);
      fid_sqlite_bind_text_or_null (stmt, 7, record->channel);
      break;

    case FID_IMPORT_HOLDINGS:
      fid_sqlite_bind_id_or_null (stmt, 1, record->id);
      sqlite3_bind_int64 (stmt, 2, record->customer_id);
      sqlite3_bind_int64 (stmt, 3, record->product_id);
      sqlite3_bind_text (stmt, 4, record->date, -1, SQLITE_TRANSIENT);
      fid_sqlite_bind_text_or_null (stmt, 5, record->end_date);
      sqlite3_bind_int64 (stmt, 6, record->amount_cents);
      break;

    case FID_IMPORT_INTERACTIONS:
      fid_sqlite_bind_id_or_null (stmt, 1, record->id);
      sqlite3_bind_int64 (stmt, 2, record->customer_id);
      sqlite3_bind_text (stmt, 3, record->channel, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, record->direction ? record->direction : "outbound", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, record->date, -1, SQLITE_TRANSIENT);
      fid_sqlite_bind_id_or_null (stmt, 6, record->advisor_id);
      sqlite3_bind_text (stmt, 7, record->subject ? record->subject : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, record->notes ? record->notes : "", -1, SQLITE_TRANSIENT);
      fid_sqlite_bind_text_or_null (stmt, 9, record->outcome);
      fid_sqlite_bind_text_or_null (stmt, 10, record->next_step);
      fid_sqlite_bind_text_or_null (stmt, 11, record->end_date);
      sqlite3_bind_text (stmt, 12, record->status ? record->status : "done", -1, SQLITE_TRANSIENT);
      break;

    case FID_IMPORT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
fid_store_import_write (FidStore            *self,
                        FidImportKind        kind,
                        GPtrArray           *records,
                        const char          *source,
                        GCancellable        *cancellable,
                        FidImportWriteFunc   progress,
                        gpointer             user_data,
                        GError             **error)
{
  g_autofree char *now = fid_store_now_iso ();
  g_autofree char *audit = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) kind < FID_IMPORT_N_KINDS, FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!fid_store_begin (self, error))
    return FALSE;
  if ((stmt = fid_store_prepare (self, insert_sql[kind], error)) == NULL)
    goto failed;

  for (guint i = 0; i < records->len; i++)
    {
      const FidImportRecord *record = g_ptr_array_index (records, i);
      int rc;

      if (i % WRITE_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto failed;
          if (progress != NULL)
            progress (i, records->len, user_data);
        }

      bind_record (stmt, kind, record, now);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_DONE)
        {
          /* The importer checked every row: this is a row that changed
           * meanwhile (another window added the same id) or a bug. */
          g_autofree char *doing = g_strdup_printf (_("import line %u"), record->line);

          fid_store_set_sqlite_error (self, error, rc, doing);
          goto failed;
        }
    }

  /* The last chance to cancel: after COMMIT the import is done. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;
  audit = audit_details (kind, records->len, source);
  if (!fid_store_audit (self, "import", audit_entities[kind], 0, audit, error) ||
      !fid_store_commit (self, error))
    goto failed;
  if (progress != NULL)
    progress (records->len, records->len, user_data);
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}
