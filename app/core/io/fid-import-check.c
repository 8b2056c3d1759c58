/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidImport: checking every row of a mapped file before anything is
 * written, and turning the good ones into FidImportRecords.
 *
 * Every problem of every row is reported (a wrong amount and an unknown
 * customer on the same line are two problems), each with its line and
 * column, so that the file is fixed in one pass. The customers' own rules
 * (e-mail, phone, birth date, advisor, branch) are the store's
 * (fid_store_validate_customer), the same as in the customer editor. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

#include "fid-import-private.h"
#include "fid-store-error.h"

#define MAX_FIELDS 24  /* more than any kind has */

/* How often (rows) the check looks at the cancellable and reports progress. */
#define CHECK_STEP 128

typedef struct
{
  FidImport   *self;
  FidStore    *store;
  GError      *error;          /* a store error: stops the check */
  int          column_of[MAX_FIELDS];
  guint        line;           /* of the row being checked */
  GHashTable  *ids;            /* gint64 id → line, ids given in the file */
  GHashTable  *customers;      /* gint64 id → TRUE/FALSE exists */
  GHashTable  *advisors;       /* gint64 id → TRUE/FALSE exists */
  GHashTable  *emails;         /* folded e-mail → gint64 id, 0 none, -1 several */
  GHashTable  *products;       /* text → Product */
} Checker;

typedef struct
{
  gint64  id;       /* 0: no such product */
  char   *family;
} Product;

static void
product_free (gpointer data)
{
  Product *product = data;

  g_free (product->family);
  g_free (product);
}

static void
checker_clear (Checker *c)
{
  g_clear_pointer (&c->ids, g_hash_table_unref);
  g_clear_pointer (&c->customers, g_hash_table_unref);
  g_clear_pointer (&c->advisors, g_hash_table_unref);
  g_clear_pointer (&c->emails, g_hash_table_unref);
  g_clear_pointer (&c->products, g_hash_table_unref);
  g_clear_error (&c->error);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Checker, checker_clear)

static GHashTable *
new_id_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
problem (Checker    *c,
         int         field,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (Checker    *c,
         int         field,
         const char *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  fid_import_add_problem (c->self, c->line, field >= 0 ? c->column_of[field] : -1, "%s", reason);
}

static const char *
label (Checker *c,
       int      field)
{
  return fid_import_field_get_label (c->self->kind, field);
}

/* Refusals of a value, by what it should have been. */
typedef enum
{
  BAD_KIND,
  BAD_STAGE,
  BAD_FAMILY,
  BAD_DIRECTION,
  BAD_STATUS,
  BAD_ADVISOR_NUMBER,
  BAD_BRANCH_NUMBER,
  NEGATIVE_INCOME,
  NEGATIVE_AMOUNT,
} Bad;

static void
bad_value (Checker    *c,
           int         field,
           Bad         bad,
           const char *value)
{
  switch (bad)
    {
    case BAD_KIND:
      problem (c, field, _("“%s” is not a kind of customer: write person (particulier) or company (entreprise)"), value);
      break;
    case BAD_STAGE:
      problem (c, field, _("“%s” is not a lifecycle stage (unknown, prospect, new, satisfied, dissatisfied, inactive, lost, reactivated)"),
               value);
      break;
    case BAD_FAMILY:
      problem (c, field, _("“%s” is neither a product family (current account, savings, card, mortgage, consumer loan, "
                           "student loan, insurance, investment) nor a product’s code or name"), value);
      break;
    case BAD_DIRECTION:
      problem (c, field, _("“%s” is not a direction: write inbound (entrant) or outbound (sortant)"), value);
      break;
    case BAD_STATUS:
      problem (c, field, _("“%s” is not a status: write done (fait), failed (échec) or planned (prévu)"), value);
      break;
    case BAD_ADVISOR_NUMBER:
      problem (c, field, _("“%s” is not an advisor number (a whole number above 0)"), value);
      break;
    case BAD_BRANCH_NUMBER:
      problem (c, field, _("“%s” is not a branch number (a whole number above 0)"), value);
      break;
    case NEGATIVE_INCOME:
      problem (c, field, _("negative income “%s”: an annual income cannot be below zero"), value);
      break;
    case NEGATIVE_AMOUNT:
      problem (c, field, _("negative amount “%s”: a transaction is revenue and cannot be below zero"), value);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Values */

static gboolean
parse_number (const char *text,
              gint64     *id)
{
  return g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL);
}

static gboolean
check_text (Checker     *c,
            char       **v,
            int          field,
            guint        max_chars,
            gboolean     one_line)
{
  glong n;

  if (v[field] == NULL)
    return TRUE;
  if ((n = g_utf8_strlen (v[field], -1)) > (glong) max_chars)
    {
      problem (c, field, _("too long: %ld characters where %u at most are expected"), n, max_chars);
      return FALSE;
    }
  if (one_line && strpbrk (v[field], "\r\n") != NULL)
    {
      problem (c, field, _("a line break in a one-line value: is a quote misplaced?"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_required (Checker  *c,
                char    **v,
                int       field)
{
  if (v[field] != NULL)
    return TRUE;
  problem (c, field, _("missing value: “%s” is required"), label (c, field));
  return FALSE;
}

/* @negative: the refusal of a negative amount, -1 when one is fine. */
static gboolean
check_amount (Checker     *c,
              char       **v,
              int          field,
              int          negative,
              gint64      *cents)
{
  g_autoptr(GError) error = NULL;

  *cents = 0;
  if (v[field] == NULL)
    return TRUE;
  if (!fid_import_parse_amount (v[field], cents, &error))
    {
      problem (c, field, "%s", error->message);
      return FALSE;
    }
  if (*cents < 0 && negative >= 0)
    {
      bad_value (c, field, negative, v[field]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_date (Checker     *c,
            char       **v,
            int          field,
            gboolean     with_time,
            char       **iso)
{
  g_autoptr(GError) error = NULL;

  *iso = NULL;
  if (v[field] == NULL)
    return TRUE;
  if (!(with_time ? fid_import_parse_date_time (v[field], iso, &error)
                  : fid_import_parse_date (v[field], iso, &error)))
    {
      problem (c, field, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* A value of @table ("key|word|…" lines): *key is the store's key. */
static gboolean
check_choice (Checker             *c,
              char               **v,
              int                  field,
              const char * const  *table,
              Bad                  bad,
              const char         **key)
{
  const char *found;

  if (v[field] == NULL)
    return TRUE;
  if ((found = fid_import_lookup_value (table, v[field])) == NULL)
    {
      bad_value (c, field, bad, v[field]);
      return FALSE;
    }
  *key = found;
  return TRUE;
}

/* A channel: one of the built-in ones by any of their names, or a
 * plugin's id as it is (lower-case letters, digits, - and _). */
static gboolean
check_channel (Checker     *c,
               char       **v,
               int          field,
               const char **key)
{
  const char *found;

  if (v[field] == NULL)
    return TRUE;
  if ((found = fid_import_lookup_value (fid_import_channels, v[field])) != NULL)
    {
      *key = found;
      return TRUE;
    }
  for (const char *p = v[field]; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_')
      {
        problem (c, field, _("“%s” is not a channel (phone, email, sms, branch, mail, web or a plugin’s id)"),
                 v[field]);
        return FALSE;
      }
  *key = g_intern_string (v[field]);
  return TRUE;
}

/* References and duplicates */

/* A number the file gives a new row: not twice in the file, not already
 * in the database. */
static gboolean
check_new_id (Checker         *c,
              char           **v,
              int              field,
              FidImportTable   table,
              gint64          *id)
{
  gpointer line;
  gboolean exists = FALSE;

  *id = 0;
  if (v[field] == NULL)
    return TRUE;
  if (!parse_number (v[field], id))
    {
      problem (c, field, _("“%s” is not a number (a whole number above 0)"), v[field]);
      return FALSE;
    }
  if (g_hash_table_lookup_extended (c->ids, id, NULL, &line))
    {
      problem (c, field, _("duplicate: number %" PRId64 " is already on line %u"), *id, GPOINTER_TO_UINT (line));
      return FALSE;
    }
  g_hash_table_insert (c->ids, g_memdup2 (id, sizeof *id), GUINT_TO_POINTER (c->line));
  if (!fid_store_import_lookup_id (c->store, table, *id, &exists, &c->error))
    return FALSE;
  if (exists)
    {
      switch (table)
        {
        case FID_IMPORT_TABLE_CUSTOMERS:
          problem (c, field, _("duplicate: there is already a customer number %" PRId64), *id);
          break;
        case FID_IMPORT_TABLE_TRANSACTIONS:
          problem (c, field, _("duplicate: there is already a transaction number %" PRId64), *id);
          break;
        case FID_IMPORT_TABLE_HOLDINGS:
          problem (c, field, _("duplicate: there is already a contract number %" PRId64), *id);
          break;
        case FID_IMPORT_TABLE_INTERACTIONS:
        case FID_IMPORT_TABLE_ADVISORS:
        case FID_IMPORT_TABLE_BRANCHES:
        case FID_IMPORT_TABLE_HOUSEHOLDS:
        default:
          problem (c, field, _("duplicate: there is already an interaction number %" PRId64), *id);
          break;
        }
      return FALSE;
    }
  return TRUE;
}

/* Whether @id exists in @table, asking the store once per id. */
static gboolean
known (Checker         *c,
       GHashTable      *cache,
       FidImportTable   table,
       gint64           id,
       gboolean        *exists)
{
  gpointer value;

  if (g_hash_table_lookup_extended (cache, &id, NULL, &value))
    {
      *exists = GPOINTER_TO_INT (value);
      return TRUE;
    }
  if (!fid_store_import_lookup_id (c->store, table, id, exists, &c->error))
    return FALSE;
  g_hash_table_insert (cache, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (*exists));
  return TRUE;
}

/* The customer a row is about: its number, or its e-mail address. */
static gboolean
check_customer (Checker  *c,
                char    **v,
                int       id_field,
                int       email_field,
                gint64   *customer_id)
{
  gboolean exists = FALSE;

  *customer_id = 0;
  if (v[id_field] != NULL)
    {
      if (!parse_number (v[id_field], customer_id))
        {
          problem (c, id_field, _("“%s” is not a customer number (a whole number above 0)"), v[id_field]);
          return FALSE;
        }
      if (!known (c, c->customers, FID_IMPORT_TABLE_CUSTOMERS, *customer_id, &exists))
        return FALSE;
      if (!exists)
        {
          problem (c, id_field, _("unknown customer: there is no customer number %" PRId64), *customer_id);
          return FALSE;
        }
      return TRUE;
    }
  if (v[email_field] != NULL)
    {
      g_autofree char *key = g_utf8_casefold (v[email_field], -1);
      gpointer value;
      gint64 id;

      if (g_hash_table_lookup_extended (c->emails, key, NULL, &value))
        id = *(gint64 *) value;
      else
        {
          guint n_found = 0;

          if (!fid_store_import_lookup_email (c->store, v[email_field], &id, &n_found, &c->error))
            return FALSE;
          if (n_found > 1)
            id = -1;
          g_hash_table_insert (c->emails, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
        }
      if (id == 0)
        {
          problem (c, email_field, _("unknown customer: no customer has the e-mail address “%s”"), v[email_field]);
          return FALSE;
        }
      if (id < 0)
        {
          problem (c, email_field, _("several customers have the e-mail address “%s”: give the customer number instead"),
                   v[email_field]);
          return FALSE;
        }
      *customer_id = id;
      return TRUE;
    }
  problem (c, c->column_of[id_field] >= 0 ? id_field : email_field,
           _("the customer is missing: give their number or their e-mail address"));
  return FALSE;
}

static gboolean
check_advisor (Checker  *c,
               char    **v,
               int       field,
               gint64   *advisor_id)
{
  gboolean exists = FALSE;

  *advisor_id = 0;
  if (v[field] == NULL)
    return TRUE;
  if (!parse_number (v[field], advisor_id))
    {
      problem (c, field, _("“%s” is not an advisor number (a whole number above 0)"), v[field]);
      return FALSE;
    }
  if (!known (c, c->advisors, FID_IMPORT_TABLE_ADVISORS, *advisor_id, &exists))
    return FALSE;
  if (!exists)
    {
      problem (c, field, _("unknown advisor: there is no advisor number %" PRId64), *advisor_id);
      return FALSE;
    }
  return TRUE;
}

/* The product named @text (its code or its name), asking the store once
 * per name; NULL after a store error. */
static const Product *
find_product (Checker    *c,
              const char *text)
{
  Product *product = g_hash_table_lookup (c->products, text);

  if (product != NULL)
    return product;
  product = g_new0 (Product, 1);
  if (!fid_store_import_lookup_product (c->store, text, &product->id, &product->family, &c->error))
    {
      product_free (product);
      return NULL;
    }
  g_hash_table_insert (c->products, g_strdup (text), product);
  return product;
}

/* Customers */

/* The field a refusal of fid_store_validate_customer is about. */
static int
field_of_validation_error (const GError *error)
{
  switch (error->code)
    {
    case FID_VALIDATION_ERROR_EMPTY_NAME:
      return C_LAST_NAME;
    case FID_VALIDATION_ERROR_INVALID_EMAIL:
      return C_EMAIL;
    case FID_VALIDATION_ERROR_INVALID_PHONE:
      return C_PHONE;
    case FID_VALIDATION_ERROR_INVALID_DATE:
    case FID_VALIDATION_ERROR_FUTURE_BIRTH_DATE:
      return C_BIRTH_DATE;
    case FID_VALIDATION_ERROR_NEGATIVE_AMOUNT:
      return C_INCOME;
    case FID_VALIDATION_ERROR_UNKNOWN_ADVISOR:
      return C_ADVISOR;
    case FID_VALIDATION_ERROR_UNKNOWN_BRANCH:
      return C_BRANCH;
    default:
      return -1;
    }
}

static gboolean
check_id_value (Checker     *c,
                char       **v,
                int          field,
                Bad          bad,
                gint64      *id)
{
  *id = 0;
  if (v[field] == NULL || parse_number (v[field], id))
    return TRUE;
  bad_value (c, field, bad, v[field]);
  return FALSE;
}

static FidImportRecord *
check_customer_row (Checker  *c,
                    char    **v)
{
  g_autoptr(FidImportRecord) record = fid_import_record_new (c->line);
  g_autoptr(GError) error = NULL;
  g_autofree char *birth_date = NULL;
  const char *kind = "person", *stage = "prospect", *channel = NULL;
  gint64 advisor = 0, branch = 0, income = -1;
  gboolean ok = TRUE;

  ok &= check_new_id (c, v, C_ID, FID_IMPORT_TABLE_CUSTOMERS, &record->id);
  if (c->error != NULL)
    return NULL;
  ok &= check_choice (c, v, C_KIND, fid_import_kinds_of_customer, BAD_KIND, &kind);
  ok &= check_text (c, v, C_TITLE, 40, TRUE);
  ok &= check_text (c, v, C_FIRST_NAME, 200, TRUE);
  ok &= check_required (c, v, C_LAST_NAME) && check_text (c, v, C_LAST_NAME, 200, TRUE);
  ok &= check_date (c, v, C_BIRTH_DATE, FALSE, &birth_date);
  ok &= check_text (c, v, C_EMAIL, 254, TRUE);
  ok &= check_text (c, v, C_PHONE, 40, TRUE);
  ok &= check_text (c, v, C_ADDRESS, 500, FALSE);
  ok &= check_text (c, v, C_POSTCODE, 20, TRUE);
  ok &= check_text (c, v, C_CITY, 200, TRUE);
  ok &= check_id_value (c, v, C_ADVISOR, BAD_ADVISOR_NUMBER, &advisor);
  ok &= check_id_value (c, v, C_BRANCH, BAD_BRANCH_NUMBER, &branch);
  ok &= check_choice (c, v, C_LIFECYCLE, fid_import_lifecycle_stages, BAD_STAGE, &stage);
  ok &= check_text (c, v, C_SEGMENT, 100, TRUE);
  if (v[C_INCOME] != NULL)
    ok &= check_amount (c, v, C_INCOME, NEGATIVE_INCOME, &income);
  ok &= check_channel (c, v, C_CHANNEL, &channel);
  if (!ok)
    return NULL;

  record->customer = fid_customer_new ();
  fid_customer_set_kind (record->customer, kind);
  fid_customer_set_title (record->customer, v[C_TITLE]);
  fid_customer_set_first_name (record->customer, v[C_FIRST_NAME] != NULL ? v[C_FIRST_NAME] : "");
  fid_customer_set_last_name (record->customer, v[C_LAST_NAME]);
  fid_customer_set_birth_date (record->customer, birth_date);
  fid_customer_set_email (record->customer, v[C_EMAIL]);
  fid_customer_set_phone (record->customer, v[C_PHONE]);
  if (v[C_ADDRESS] != NULL)
    {
      /* A multi-line address cell (Alt+Enter in Excel): one line here. */
      g_auto(GStrv) lines = g_strsplit_set (v[C_ADDRESS], "\r\n", -1);
      g_autoptr(GString) address = g_string_new (NULL);

      for (guint i = 0; lines[i] != NULL; i++)
        if (*g_strstrip (lines[i]) != '\0')
          g_string_append_printf (address, "%s%s", address->len > 0 ? ", " : "", lines[i]);
      fid_customer_set_address (record->customer, address->str);
    }
  fid_customer_set_postcode (record->customer, v[C_POSTCODE]);
  fid_customer_set_city (record->customer, v[C_CITY] != NULL ? v[C_CITY] : "");
  fid_customer_set_advisor_id (record->customer, advisor);
  fid_customer_set_branch_id (record->customer, branch);
  fid_customer_set_lifecycle_stage (record->customer, stage);
  fid_customer_set_segment (record->customer, v[C_SEGMENT]);
  fid_customer_set_annual_income_cents (record->customer, income);
  fid_customer_set_preferred_channel (record->customer, channel);

  if (!fid_store_validate_customer (c->store, record->customer, &error))
    {
      g_autofree char *reason = NULL;
      gsize len;

      if (error->domain != FID_VALIDATION_ERROR)
        {
          c->error = g_steal_pointer (&error);
          return NULL;
        }
      /* The store's messages are sentences; the report's reasons are not. */
      reason = g_strdup (error->message);
      len = strlen (reason);
      if (len > 0 && reason[len - 1] == '.')
        reason[len - 1] = '\0';
      if (g_ascii_isupper (reason[0]) && g_ascii_islower (reason[1]))
        reason[0] = g_ascii_tolower (reason[0]);
      problem (c, field_of_validation_error (error), "%s", reason);
      return NULL;
    }
  return g_steal_pointer (&record);
}

/* Transactions, holdings, interactions */

static FidImportRecord *
check_transaction_row (Checker  *c,
                       char    **v)
{
  g_autoptr(FidImportRecord) record = fid_import_record_new (c->line);
  const char *family = "current_account", *channel = NULL;
  gboolean ok = TRUE;

  ok &= check_new_id (c, v, T_ID, FID_IMPORT_TABLE_TRANSACTIONS, &record->id);
  if (c->error == NULL)
    ok &= check_customer (c, v, T_CUSTOMER, T_EMAIL, &record->customer_id);
  if (c->error != NULL)
    return NULL;
  ok &= check_required (c, v, T_DATE) && check_date (c, v, T_DATE, FALSE, &record->date);
  ok &= check_required (c, v, T_AMOUNT) &&
        check_amount (c, v, T_AMOUNT, NEGATIVE_AMOUNT, &record->amount_cents);
  ok &= check_amount (c, v, T_MARGIN, -1, &record->margin_cents);
  /* A family ("épargne"), or a product whose family it is ("Livret A"). */
  if (v[T_FAMILY] != NULL && fid_import_lookup_value (fid_import_product_families, v[T_FAMILY]) == NULL)
    {
      const Product *product = find_product (c, v[T_FAMILY]);

      if (product == NULL)
        return NULL;
      if (product->id != 0)
        family = g_intern_string (product->family);
      else
        {
          bad_value (c, T_FAMILY, BAD_FAMILY, v[T_FAMILY]);
          ok = FALSE;
        }
    }
  else
    ok &= check_choice (c, v, T_FAMILY, fid_import_product_families, BAD_FAMILY, &family);
  ok &= check_channel (c, v, T_CHANNEL, &channel);
  if (!ok)
    return NULL;
  record->family = g_strdup (family);
  record->channel = g_strdup (channel);
  return g_steal_pointer (&record);
}

static FidImportRecord *
check_holding_row (Checker  *c,
                   char    **v)
{
  g_autoptr(FidImportRecord) record = fid_import_record_new (c->line);
  gboolean ok = TRUE;

  ok &= check_new_id (c, v, H_ID, FID_IMPORT_TABLE_HOLDINGS, &record->id);
  if (c->error == NULL)
    ok &= check_customer (c, v, H_CUSTOMER, H_EMAIL, &record->customer_id);
  if (c->error != NULL)
    return NULL;
  if (check_required (c, v, H_PRODUCT))
    {
      const Product *product = find_product (c, v[H_PRODUCT]);

      if (product == NULL)
        return NULL;
      record->product_id = product->id;
      if (record->product_id == 0)
        {
          problem (c, H_PRODUCT, _("unknown product: there is no product “%s” (give its code, such as LIV-A, or its name)"),
                   v[H_PRODUCT]);
          ok = FALSE;
        }
    }
  else
    ok = FALSE;
  ok &= check_required (c, v, H_OPENED) && check_date (c, v, H_OPENED, FALSE, &record->date);
  if (check_date (c, v, H_CLOSED, FALSE, &record->end_date))
    {
      if (record->date != NULL && record->end_date != NULL && strcmp (record->end_date, record->date) < 0)
        {
          problem (c, H_CLOSED, _("closed on %s, before it was opened (%s)"), record->end_date, record->date);
          ok = FALSE;
        }
    }
  else
    ok = FALSE;
  ok &= check_amount (c, v, H_BALANCE, -1, &record->amount_cents);
  return ok ? g_steal_pointer (&record) : NULL;
}

static FidImportRecord *
check_interaction_row (Checker  *c,
                       char    **v)
{
  g_autoptr(FidImportRecord) record = fid_import_record_new (c->line);
  const char *channel = NULL, *direction = "inbound", *status = "done";
  gboolean ok = TRUE;

  ok &= check_new_id (c, v, I_ID, FID_IMPORT_TABLE_INTERACTIONS, &record->id);
  if (c->error == NULL)
    ok &= check_customer (c, v, I_CUSTOMER, I_EMAIL, &record->customer_id);
  if (c->error == NULL)
    ok &= check_advisor (c, v, I_ADVISOR, &record->advisor_id);
  if (c->error != NULL)
    return NULL;
  ok &= check_required (c, v, I_CHANNEL) && check_channel (c, v, I_CHANNEL, &channel);
  ok &= check_choice (c, v, I_DIRECTION, fid_import_directions, BAD_DIRECTION, &direction);
  ok &= check_required (c, v, I_AT) && check_date (c, v, I_AT, TRUE, &record->date);
  ok &= check_text (c, v, I_SUBJECT, 200, TRUE);
  ok &= check_text (c, v, I_NOTES, FID_CSV_MAX_FIELD_BYTES, FALSE);
  ok &= check_text (c, v, I_OUTCOME, 200, FALSE);
  ok &= check_text (c, v, I_NEXT_STEP, 500, FALSE);
  ok &= check_date (c, v, I_FOLLOW_UP, FALSE, &record->end_date);
  ok &= check_choice (c, v, I_STATUS, fid_import_statuses, BAD_STATUS, &status);
  if (!ok)
    return NULL;
  record->channel = g_strdup (channel);
  record->direction = g_strdup (direction);
  record->status = g_strdup (status);
  record->subject = g_strdup (v[I_SUBJECT]);
  record->notes = g_strdup (v[I_NOTES]);
  record->outcome = g_strdup (v[I_OUTCOME]);
  record->next_step = g_strdup (v[I_NEXT_STEP]);
  return g_steal_pointer (&record);
}

/* The file */

/* Problems with the mapping itself: every row would have them. */
static gboolean
check_mapping (Checker *c)
{
  FidImport *self = c->self;
  guint n_fields = fid_import_kind_get_n_fields (self->kind);
  gboolean ok = TRUE;
  int id_field = -1, email_field = -1;

  c->line = self->header_line;
  for (guint f = 0; f < n_fields; f++)
    if (fid_import_field_is_required (self->kind, f) && c->column_of[f] < 0)
      {
        problem (c, -1, _("no column is mapped to the required field “%s”"), label (c, f));
        ok = FALSE;
      }
  switch (self->kind)
    {
    case FID_IMPORT_TRANSACTIONS:
      id_field = T_CUSTOMER, email_field = T_EMAIL;
      break;
    case FID_IMPORT_HOLDINGS:
      id_field = H_CUSTOMER, email_field = H_EMAIL;
      break;
    case FID_IMPORT_INTERACTIONS:
      id_field = I_CUSTOMER, email_field = I_EMAIL;
      break;
    case FID_IMPORT_CUSTOMERS:
    case FID_IMPORT_N_KINDS:
    default:
      break;
    }
  if (id_field >= 0 && c->column_of[id_field] < 0 && c->column_of[email_field] < 0)
    {
      problem (c, -1, _("no column gives the customer: map a column to “%s” or to “%s”"),
               label (c, id_field), label (c, email_field));
      ok = FALSE;
    }
  return ok;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Checks the number of fields of @row; TRUE when it can be read. */
static gboolean
check_shape (Checker            *c,
             const FidCsvRecord *row)
{
  guint n = g_strv_length (row->fields);
  guint expected = c->self->columns->len;

  if (n < expected)
    {
      fid_import_add_problem (c->self, c->line, n,
                              _("wrong number of fields: the line has %u, the header %u"), n, expected);
      return FALSE;
    }
  /* Trailing separators ("a;b;c;;") are harmless; values are not. */
  for (guint i = expected; i < n; i++)
    if (!is_blank (row->fields[i]))
      {
        fid_import_add_problem (c->self, c->line, i,
                                _("wrong number of fields: the line has %u, the header %u (is a value with a separator not quoted?)"),
                                n, expected);
        return FALSE;
      }
  return TRUE;
}

gboolean
fid_import_check_rows (FidImport               *self,
                       FidStore                *store,
                       const FidImportProgress *progress,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  g_auto(Checker) c = { self, store, NULL };
  guint n_fields = fid_import_kind_get_n_fields (self->kind);

  g_assert (n_fields <= MAX_FIELDS);

  for (guint f = 0; f < MAX_FIELDS; f++)
    c.column_of[f] = -1;
  for (guint col = 0; col < self->mapping->len; col++)
    {
      int f = g_array_index (self->mapping, int, col);

      if (f >= 0 && (guint) f < n_fields && c.column_of[f] < 0)
        c.column_of[f] = col;
    }
  c.ids = new_id_table ();
  c.customers = new_id_table ();
  c.advisors = new_id_table ();
  c.emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c.products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, product_free);

  g_clear_pointer (&self->records, g_ptr_array_unref);
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_import_record_free);

  if (!check_mapping (&c))
    return TRUE;

  for (guint r = 0; r < self->rows->len && !self->too_many; r++)
    {
      const FidCsvRecord *row = g_ptr_array_index (self->rows, r);
      char *v[MAX_FIELDS] = { NULL };
      FidImportRecord *record = NULL;
      gboolean blank = TRUE;

      if (r % CHECK_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          fid_import_progress (self, progress, (double) r / self->rows->len);
        }

      for (guint i = 0; row->fields[i] != NULL && blank; i++)
        blank = is_blank (row->fields[i]);
      if (blank)
        continue;  /* ";;;;" lines spreadsheets leave at the end */

      c.line = row->line;
      if (!check_shape (&c, row))
        continue;

      for (guint f = 0; f < n_fields; f++)
        if (c.column_of[f] >= 0 && !is_blank (row->fields[c.column_of[f]]))
          v[f] = g_strstrip (g_strdup (row->fields[c.column_of[f]]));

      switch (self->kind)
        {
        case FID_IMPORT_CUSTOMERS:
          record = check_customer_row (&c, v);
          break;
        case FID_IMPORT_TRANSACTIONS:
          record = check_transaction_row (&c, v);
          break;
        case FID_IMPORT_HOLDINGS:
          record = check_holding_row (&c, v);
          break;
        case FID_IMPORT_INTERACTIONS:
          record = check_interaction_row (&c, v);
          break;
        case FID_IMPORT_N_KINDS:
        default:
          g_assert_not_reached ();
        }
      for (guint f = 0; f < n_fields; f++)
        g_free (v[f]);

      if (c.error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&c.error));
          return FALSE;
        }
      if (record != NULL)
        g_ptr_array_add (self->records, record);
    }
  fid_import_progress (self, progress, 1.0);
  return TRUE;
}
