/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading a store out: whole tables streamed row by row for the CSV export,
 * and the pieces of a customer's 360 view that the customer row does not
 * carry (contracts, household, consents). */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "fid-store-audit.h"
#include "fid-store-export.h"
#include "fid-store-private.h"
#include "fid-text.h"

/* Rows between two looks at the cancellable: often enough to stop within a
 * few milliseconds, rare enough to cost nothing. */
#define CANCEL_CHECK_INTERVAL 4096

typedef struct
{
  const char         *name;
  const char * const *columns;
  guint               n_columns;
  /* Bit i set: column i holds cents and is written as euros. */
  guint32             money_columns;
  const char         *sql;
} ExportSpec;

static const char * const customer_columns[] = {
  "id", "kind", "title", "first_name", "last_name", "birth_date", "email", "phone",
  "address", "postcode", "city", "household_id", "advisor_id", "branch_id",
  "lifecycle_stage", "segment", "created_at", NULL
};

static const char * const transaction_columns[] = {
  "id", "customer_id", "date", "amount", "margin", "product_family", "channel", NULL
};

static const char * const interaction_columns[] = {
  "id", "customer_id", "channel", "direction", "at", "advisor_id", "subject", "notes",
  "outcome", "next_step", "follow_up_on", NULL
};

/* Indexed by FidExportTable. Every query walks the table's rowid order, the
 * cheapest scan SQLite has, and needs no sort however large the table. */
static const ExportSpec export_specs[] = {
  [FID_EXPORT_TABLE_CUSTOMERS] = {
    "customers", customer_columns, G_N_ELEMENTS (customer_columns) - 1, 0,
    "SELECT id, kind, title, first_name, last_name, birth_date, email, phone,"
    "       address, postcode, city, household_id, advisor_id, branch_id,"
    "       lifecycle_stage, segment, created_at"
    "  FROM customers ORDER BY id",
  },
  [FID_EXPORT_TABLE_TRANSACTIONS] = {
    "transactions", transaction_columns, G_N_ELEMENTS (transaction_columns) - 1,
    (1u << 3) | (1u << 4),
    "SELECT id, customer_id, substr (date, 1, 10), amount_cents, margin_cents,"
    "       product_family, channel"
    "  FROM transactions ORDER BY id",
  },
  [FID_EXPORT_TABLE_INTERACTIONS] = {
    "interactions", interaction_columns, G_N_ELEMENTS (interaction_columns) - 1, 0,
    "SELECT id, customer_id, channel, direction, at, advisor_id, subject, notes,"
    "       outcome, next_step, follow_up_on"
    "  FROM interactions ORDER BY id",
  },
};

/* The widest row any spec has: the value arrays live on the stack. */
#define MAX_EXPORT_COLUMNS 24

/* Who exported what (issue 9): on a store that can be written, every
 * export that let rows out is one audit row, even one cut short. */
static void
audit_export (FidStore         *self,
              const ExportSpec *spec,
              guint64           n_rows,
              gboolean          complete,
              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *details = NULL;

  if (fid_store_is_read_only (self) || n_rows == 0)
    return;
  details = g_strdup_printf ("{\"table\": \"%s\", \"rows\": %" G_GUINT64_FORMAT ", \"complete\": %s}",
                             spec->name, n_rows, complete ? "true" : "false");
  if (!fid_store_audit_append (self, "export", spec->name, 0, details, &local_error))
    {
      if (complete)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_warning ("Could not record the export in the audit log: %s", local_error->message);
    }
}

static const ExportSpec *
get_spec (FidExportTable table)
{
  if ((guint) table >= G_N_ELEMENTS (export_specs))
    return NULL;
  return &export_specs[table];
}

gboolean
fid_export_table_from_name (const char     *name,
                            FidExportTable *table)
{
  g_return_val_if_fail (table != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (export_specs); i++)
    {
      if (g_str_equal (name, export_specs[i].name))
        {
          *table = (FidExportTable) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
fid_export_table_to_name (FidExportTable table)
{
  const ExportSpec *spec = get_spec (table);

  g_return_val_if_fail (spec != NULL, NULL);

  return spec->name;
}

const char * const *
fid_export_table_get_columns (FidExportTable  table,
                              guint          *n_columns)
{
  const ExportSpec *spec = get_spec (table);

  g_return_val_if_fail (spec != NULL, NULL);

  if (n_columns != NULL)
    *n_columns = spec->n_columns;
  return spec->columns;
}

gboolean
fid_store_export_table (FidStore          *self,
                        FidExportTable     table,
                        FidExportRowFunc   func,
                        gpointer           user_data,
                        GCancellable      *cancellable,
                        GError           **error)
{
  const ExportSpec *spec = get_spec (table);
  const char *values[MAX_EXPORT_COLUMNS];
  /* The euro strings of the current row, freed once the row is handed on. */
  char *money[MAX_EXPORT_COLUMNS] = { NULL, };
  g_autoptr(GError) local_error = NULL;
  gboolean keep_going;
  sqlite3_stmt *stmt;
  guint64 n_rows = 0;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (spec->n_columns <= MAX_EXPORT_COLUMNS, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  stmt = fid_store_prepare (self, spec->sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < spec->n_columns; i++)
        {
          if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
            {
              values[i] = NULL;
            }
          else if (spec->money_columns & (1u << i))
            {
              money[i] = fid_text_cents_to_decimal (sqlite3_column_int64 (stmt, i));
              values[i] = money[i];
            }
          else
            {
              values[i] = (const char *) sqlite3_column_text (stmt, i);
            }
        }

      keep_going = func (spec->n_columns, spec->columns, values, user_data, error);

      for (guint i = 0; i < spec->n_columns; i++)
        g_clear_pointer (&money[i], g_free);

      n_rows++;
      if (!keep_going)
        {
          sqlite3_reset (stmt);
          audit_export (self, spec, n_rows, FALSE, NULL);
          return FALSE;
        }

      if (n_rows % CANCEL_CHECK_INTERVAL == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          audit_export (self, spec, n_rows, FALSE, NULL);
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      g_autofree char *doing = g_strdup_printf (_("export the %s table"), spec->name);

      fid_store_set_sqlite_error (self, error, rc, doing);
      sqlite3_reset (stmt);
      audit_export (self, spec, n_rows, FALSE, NULL);
      return FALSE;
    }

  /* Ends the read transaction at once, so a long-lived store does not pin
   * the WAL file. */
  sqlite3_reset (stmt);
  audit_export (self, spec, n_rows, TRUE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

void
fid_consent_free (FidConsent *consent)
{
  if (consent == NULL)
    return;

  g_free (consent->channel);
  g_free (consent->given_at);
  g_free (consent->source);
  g_free (consent);
}

GPtrArray *
fid_store_get_holdings (FidStore  *self,
                        gint64     customer_id,
                        GError   **error)
{
  g_autoptr(GPtrArray) holdings = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fid_store_prepare (self,
                            "SELECT h.id, p.code, p.name, p.family, h.opened_on, h.closed_on,"
                            "       h.balance_cents"
                            "  FROM holdings AS h JOIN products AS p ON p.id = h.product_id"
                            " WHERE h.customer_id = ?1"
                            " ORDER BY h.opened_on, h.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);

  holdings = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidHolding *holding = fid_holding_new ();

      fid_holding_set_id (holding, sqlite3_column_int64 (stmt, 0));
      fid_holding_set_product_code (holding, fid_sqlite_text (stmt, 1));
      fid_holding_set_product_name (holding, fid_sqlite_text (stmt, 2));
      fid_holding_set_family (holding, fid_sqlite_text (stmt, 3));
      fid_holding_set_opened_on (holding, fid_sqlite_text (stmt, 4));
      fid_holding_set_closed_on (holding, fid_sqlite_text (stmt, 5));
      fid_holding_set_balance_cents (holding, sqlite3_column_int64 (stmt, 6));
      g_ptr_array_add (holdings, holding);
    }

  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the customer’s contracts"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&holdings);
}

GPtrArray *
fid_store_get_household_members (FidStore  *self,
                                 gint64     customer_id,
                                 GError   **error)
{
  g_autoptr(GPtrArray) members = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A self-join through customers_household: no household, no rows. */
  stmt = fid_store_prepare (self,
                            "SELECT m.id, m.kind, m.title, m.first_name, m.last_name,"
                            "       m.household_id, m.household_role"
                            "  FROM customers AS c"
                            "  JOIN customers AS m ON m.household_id = c.household_id"
                            " WHERE c.id = ?1"
                            " ORDER BY m.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);

  members = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidCustomer *member = fid_customer_new ();

      fid_customer_set_id (member, sqlite3_column_int64 (stmt, 0));
      fid_customer_set_kind (member, fid_sqlite_text (stmt, 1));
      fid_customer_set_title (member, fid_sqlite_text (stmt, 2));
      fid_customer_set_first_name (member, fid_sqlite_text (stmt, 3));
      fid_customer_set_last_name (member, fid_sqlite_text (stmt, 4));
      fid_customer_set_household_id (member, sqlite3_column_int64 (stmt, 5));
      fid_customer_set_household_role (member, fid_sqlite_text (stmt, 6));
      g_ptr_array_add (members, member);
    }

  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the customer’s household"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&members);
}

char *
fid_store_dup_household_name (FidStore  *self,
                              gint64     household_id,
                              GError   **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fid_store_prepare (self, "SELECT name FROM households WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = g_strdup (fid_sqlite_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                 _("There is no household number %" PRId64 "."), household_id);
  else
    fid_store_set_sqlite_error (self, error, rc, _("read a household"));

  sqlite3_reset (stmt);
  return g_steal_pointer (&name);
}

GPtrArray *
fid_store_get_consents (FidStore  *self,
                        gint64     customer_id,
                        GError   **error)
{
  g_autoptr(GPtrArray) consents = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fid_store_prepare (self,
                            "SELECT channel, marketing, given_at, source"
                            "  FROM consents WHERE customer_id = ?1"
                            " ORDER BY channel",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);

  consents = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_consent_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidConsent *consent = g_new0 (FidConsent, 1);

      consent->channel = g_strdup (fid_sqlite_text (stmt, 0));
      consent->marketing = sqlite3_column_int (stmt, 1) != 0;
      consent->given_at = g_strdup (fid_sqlite_text (stmt, 2));
      consent->source = g_strdup (fid_sqlite_text (stmt, 3));
      g_ptr_array_add (consents, consent);
    }

  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the customer’s consents"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&consents);
}
