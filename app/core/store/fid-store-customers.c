/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: reading, validating and writing customers.
 *
 * Validation happens here, in the store, so that the app, the CLI and every
 * importer refuse the same things with the same messages. Each rule has its
 * own FidValidationError code so the UI can show the message next to the
 * field it is about. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "fid-store-private.h"
#include "fid-text.h"

static const char * const lifecycle_stages[] = {
  "unknown", "prospect", "new", "satisfied", "dissatisfied", "inactive", "lost", "reactivated", NULL
};

FidCustomer *
fid_store_read_customer (sqlite3_stmt *stmt,
                         int           first)
{
  FidCustomer *customer = fid_customer_new ();
  int i = first;

#define TEXT(setter) setter (customer, fid_sqlite_text (stmt, i++))
#define INT64(setter) setter (customer, sqlite3_column_int64 (stmt, i++))
  INT64 (fid_customer_set_id);
  TEXT (fid_customer_set_kind);
  TEXT (fid_customer_set_title);
  TEXT (fid_customer_set_first_name);
  TEXT (fid_customer_set_last_name);
  TEXT (fid_customer_set_birth_date);
  TEXT (fid_customer_set_email);
  TEXT (fid_customer_set_phone);
  TEXT (fid_customer_set_address);
  TEXT (fid_customer_set_postcode);
  TEXT (fid_customer_set_city);
  INT64 (fid_customer_set_household_id);
  TEXT (fid_customer_set_household_role);
  INT64 (fid_customer_set_advisor_id);
  TEXT (fid_customer_set_advisor_name);
  INT64 (fid_customer_set_branch_id);
  TEXT (fid_customer_set_branch_name);
  TEXT (fid_customer_set_lifecycle_stage);
  TEXT (fid_customer_set_segment);
  if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
    {
      fid_customer_set_annual_income_cents (customer, -1);
      i++;
    }
  else
    INT64 (fid_customer_set_annual_income_cents);
  TEXT (fid_customer_set_preferred_channel);
  INT64 (fid_customer_set_is_reference);
  INT64 (fid_customer_set_is_fast_growing);
  INT64 (fid_customer_set_other_division);
  TEXT (fid_customer_set_created_at);
  TEXT (fid_customer_set_updated_at);
  INT64 (fid_customer_set_version);
  INT64 (fid_customer_set_tx_count);
  INT64 (fid_customer_set_tx_sum_cents);
  INT64 (fid_customer_set_margin_cents);
  TEXT (fid_customer_set_first_tx_date);
  TEXT (fid_customer_set_last_tx_date);
  TEXT (fid_customer_set_last_contact_at);
  INT64 (fid_customer_set_revenue_12m_cents);
  INT64 (fid_customer_set_margin_12m_cents);
  INT64 (fid_customer_set_engagement_score);
#undef TEXT
#undef INT64

  return customer;
}

/* Deliberately simple: one @, something on both sides, a dot in the domain,
 * no spaces. Real validation is the customer answering the e-mail. */
static gboolean
email_is_valid (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (strpbrk (email, " \t\r\n,;<>\"") != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* French and international numbers as people type them: digits with
 * spaces, dots, dashes or parentheses, an optional leading +, 6 to 15 digits. */
static gboolean
phone_is_valid (const char *phone)
{
  guint digits = 0;

  for (const char *p = phone; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+' && p == phone)
        continue;
      else if (strchr (" .-()", *p) == NULL)
        return FALSE;
    }
  return digits >= 6 && digits <= 15;
}

gboolean
fid_store_validate_customer (FidStore     *self,
                             FidCustomer  *customer,
                             GError      **error)
{
  const char *email, *phone, *birth_date, *stage, *kind;
  gboolean exists;
  gint64 id;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (FID_IS_CUSTOMER (customer), FALSE);

  if (fid_text_is_blank (fid_customer_get_last_name (customer)))
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_EMPTY_NAME,
                           _("The name cannot be empty."));
      return FALSE;
    }

  kind = fid_customer_get_kind (customer);
  if (g_strcmp0 (kind, "person") != 0 && g_strcmp0 (kind, "company") != 0)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a kind of customer: use a person or a company."), kind ? kind : "");
      return FALSE;
    }

  email = fid_customer_get_email (customer);
  if (!fid_text_is_blank (email) && !email_is_valid (email))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_EMAIL,
                   _("“%s” is not a valid e-mail address (expected name@domain.fr)."), email);
      return FALSE;
    }

  phone = fid_customer_get_phone (customer);
  if (!fid_text_is_blank (phone) && !phone_is_valid (phone))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_PHONE,
                   _("“%s” is not a valid phone number (6 to 15 digits, e.g. 06 12 34 56 78)."), phone);
      return FALSE;
    }

  birth_date = fid_customer_get_birth_date (customer);
  if (!fid_text_is_blank (birth_date))
    {
      GDate date, today;

      if (!fid_parse_iso_date (birth_date, &date))
        {
          g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                       _("“%s” is not a valid date (expected YYYY-MM-DD)."), birth_date);
          return FALSE;
        }
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      if (g_date_compare (&date, &today) > 0)
        {
          g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_FUTURE_BIRTH_DATE,
                       _("The birth date %s is in the future."), birth_date);
          return FALSE;
        }
    }

  /* -1 means "not declared"; anything below is a typing mistake. */
  if (fid_customer_get_annual_income_cents (customer) < -1)
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_NEGATIVE_AMOUNT,
                           _("The annual income cannot be negative."));
      return FALSE;
    }

  stage = fid_customer_get_lifecycle_stage (customer);
  if (stage == NULL || !g_strv_contains (lifecycle_stages, stage))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a lifecycle stage."), stage ? stage : "");
      return FALSE;
    }

  if ((id = fid_customer_get_advisor_id (customer)) != 0)
    {
      if (!fid_store_row_exists (self, "SELECT 1 FROM advisors WHERE id = ?", id, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_ADVISOR,
                       _("There is no advisor number %" PRId64 "."), id);
          return FALSE;
        }
    }
  if ((id = fid_customer_get_household_id (customer)) != 0)
    {
      if (!fid_store_row_exists (self, "SELECT 1 FROM households WHERE id = ?", id, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_HOUSEHOLD,
                       _("There is no household number %" PRId64 "."), id);
          return FALSE;
        }
    }
  if ((id = fid_customer_get_branch_id (customer)) != 0)
    {
      if (!fid_store_row_exists (self, "SELECT 1 FROM branches WHERE id = ?", id, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_BRANCH,
                       _("There is no branch number %" PRId64 "."), id);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
strip_or_null (const char *text)
{
  return fid_text_is_blank (text) ? NULL : g_strstrip (g_strdup (text));
}

/* Binds the editable columns, in the order both INSERT and UPDATE list them
 * (?1 … ?23); the import binds them the same way (fid-store-import.c). */
void
fid_store_bind_customer (sqlite3_stmt *stmt,
                         FidCustomer  *customer,
                         const char   *now)
{
  g_autofree char *first = strip_or_null (fid_customer_get_first_name (customer));
  g_autofree char *last = strip_or_null (fid_customer_get_last_name (customer));
  g_autofree char *email = strip_or_null (fid_customer_get_email (customer));
  g_autofree char *phone = strip_or_null (fid_customer_get_phone (customer));
  g_autofree char *city = strip_or_null (fid_customer_get_city (customer));
  g_autofree char *sort_name = fid_text_sort_name (last, first);
  gint64 income = fid_customer_get_annual_income_cents (customer);

  sqlite3_bind_text (stmt, 1, fid_customer_get_kind (customer), -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 2, fid_customer_get_title (customer));
  sqlite3_bind_text (stmt, 3, first ? first : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, last, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, sort_name, -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 6, fid_text_is_blank (fid_customer_get_birth_date (customer)) ? NULL : fid_customer_get_birth_date (customer));
  fid_sqlite_bind_text_or_null (stmt, 7, email);
  fid_sqlite_bind_text_or_null (stmt, 8, phone);
  fid_sqlite_bind_text_or_null (stmt, 9, fid_customer_get_address (customer));
  fid_sqlite_bind_text_or_null (stmt, 10, fid_customer_get_postcode (customer));
  sqlite3_bind_text (stmt, 11, city ? city : "", -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_id_or_null (stmt, 12, fid_customer_get_household_id (customer));
  fid_sqlite_bind_text_or_null (stmt, 13, fid_customer_get_household_role (customer));
  fid_sqlite_bind_id_or_null (stmt, 14, fid_customer_get_advisor_id (customer));
  fid_sqlite_bind_id_or_null (stmt, 15, fid_customer_get_branch_id (customer));
  sqlite3_bind_text (stmt, 16, fid_customer_get_lifecycle_stage (customer), -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 17, fid_customer_get_segment (customer));
  if (income >= 0)
    sqlite3_bind_int64 (stmt, 18, income);
  else
    sqlite3_bind_null (stmt, 18);
  fid_sqlite_bind_text_or_null (stmt, 19, fid_customer_get_preferred_channel (customer));
  sqlite3_bind_int (stmt, 20, fid_customer_get_is_reference (customer));
  sqlite3_bind_int (stmt, 21, fid_customer_get_is_fast_growing (customer));
  sqlite3_bind_int (stmt, 22, fid_customer_get_other_division (customer));
  sqlite3_bind_text (stmt, 23, now, -1, SQLITE_TRANSIENT);
}

gboolean
fid_store_insert_customer (FidStore     *self,
                           FidCustomer  *customer,
                           GError      **error)
{
  g_autofree char *now = fid_store_now_iso ();
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (FID_IS_CUSTOMER (customer), FALSE);

  if (!fid_store_validate_customer (self, customer, error))
    return FALSE;
  if (!fid_store_begin (self, error))
    return FALSE;

  stmt = fid_store_prepare (self,
                            "INSERT INTO customers (kind, title, first_name, last_name, sort_name,"
                            " birth_date, email, phone, address, postcode, city, household_id,"
                            " household_role, advisor_id, branch_id, lifecycle_stage, segment,"
                            " annual_income_cents, preferred_channel, is_reference, is_fast_growing,"
                            " other_division, created_at, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                            " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?23)",
                            error);
  if (stmt == NULL)
    goto failed;
  fid_store_bind_customer (stmt, customer, now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("save the customer"));
      goto failed;
    }
  id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  if (!fid_store_audit (self, "create", "customer", id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;

  fid_customer_set_id (customer, id);
  fid_customer_set_created_at (customer, now);
  fid_customer_set_updated_at (customer, now);
  fid_customer_set_version (customer, 1);
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_store_update_customer (FidStore     *self,
                           FidCustomer  *customer,
                           GError      **error)
{
  g_autofree char *now = fid_store_now_iso ();
  gint64 id = fid_customer_get_id (customer);
  sqlite3_stmt *stmt;
  gboolean exists;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (FID_IS_CUSTOMER (customer), FALSE);

  if (!fid_store_validate_customer (self, customer, error))
    return FALSE;
  if (!fid_store_begin (self, error))
    return FALSE;

  /* The row version in the WHERE clause: if someone else saved this customer
   * since we read it, nothing is updated and the caller is told. */
  stmt = fid_store_prepare (self,
                            "UPDATE customers SET kind = ?1, title = ?2, first_name = ?3, last_name = ?4,"
                            " sort_name = ?5, birth_date = ?6, email = ?7, phone = ?8, address = ?9,"
                            " postcode = ?10, city = ?11, household_id = ?12, household_role = ?13,"
                            " advisor_id = ?14, branch_id = ?15, lifecycle_stage = ?16, segment = ?17,"
                            " annual_income_cents = ?18, preferred_channel = ?19, is_reference = ?20,"
                            " is_fast_growing = ?21, other_division = ?22,"
                            " updated_at = ?23, version = version + 1"
                            " WHERE id = ?24 AND version = ?25",
                            error);
  if (stmt == NULL)
    goto failed;
  fid_store_bind_customer (stmt, customer, now);
  sqlite3_bind_int64 (stmt, 24, id);
  sqlite3_bind_int64 (stmt, 25, fid_customer_get_version (customer));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("save the customer"));
      goto failed;
    }
  if (sqlite3_changes (fid_store_get_db (self)) == 0)
    {
      if (!fid_store_row_exists (self, "SELECT 1 FROM customers WHERE id = ?", id, &exists, error))
        goto failed;
      if (exists)
        g_set_error_literal (error, FID_STORE_ERROR, FID_STORE_ERROR_CONFLICT,
                             _("Someone else changed this customer since you opened it. "
                               "Reopen the customer to see their changes, then edit again."));
      else
        g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                     _("Customer %" PRId64 " no longer exists."), id);
      goto failed;
    }
  if (!fid_store_audit (self, "update", "customer", id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;

  fid_customer_set_updated_at (customer, now);
  fid_customer_set_version (customer, fid_customer_get_version (customer) + 1);
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_store_delete_customer (FidStore  *self,
                           gint64     id,
                           GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self, "DELETE FROM customers WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("delete the customer"));
      goto failed;
    }
  if (sqlite3_changes (fid_store_get_db (self)) == 0)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                   _("Customer %" PRId64 " does not exist."), id);
      goto failed;
    }
  if (!fid_store_audit (self, "delete", "customer", id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

FidCustomer *
fid_store_get_customer (FidStore  *self,
                        gint64     id,
                        GError   **error)
{
  sqlite3_stmt *stmt;
  FidCustomer *customer;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT " FID_CUSTOMER_COLUMNS " FROM customers c" FID_CUSTOMER_JOINS
                            " WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!fid_store_step_row (self, stmt, _("read the customer"), error,
                           _("Customer %" PRId64 " does not exist."), id))
    return NULL;
  customer = fid_store_read_customer (stmt, 0);
  sqlite3_reset (stmt);
  return customer;
}
