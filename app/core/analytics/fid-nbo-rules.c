/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Next best offer: editing the life-event rules (table nbo_rules). Checks
 * what the table's CHECK constraints check, first, so that a form gets a
 * sentence rather than "CHECK constraint failed". */

#include "config.h"

#include <inttypes.h>
#include <math.h>

#include <glib/gi18n-lib.h>

#include "fid-nbo.h"
#include "fid-store-private.h"

const char * const fid_nbo_event_kinds[] = {
  "marriage", "birth", "higher_education", "move", "new_job", "retirement", "old_vehicle",
  "divorce", "death_in_family", "inheritance", NULL,
};

const char * const fid_nbo_product_families[] = {
  "current_account", "savings", "card", "mortgage", "consumer_loan", "student_loan",
  "insurance", "investment", NULL,
};

/* The course's defaults, as data/sql/007-nbo-pipeline.sql seeds them. */
static const char default_rules_sql[] =
  "INSERT INTO nbo_rules (event_kind, product_family, product_code, window_days, weight) VALUES"
  "  ('higher_education', 'student_loan',    'PE',       365, 1.0),"
  "  ('old_vehicle',      'consumer_loan',   'P-AUTO',   180, 0.8),"
  "  ('marriage',         'current_account', 'CC-JOINT', 365, 0.9),"
  "  ('marriage',         'insurance',       'A-HAB',    365, 0.7),"
  "  ('birth',            'savings',         'PEL',      365, 0.8),"
  "  ('move',             'insurance',       'A-HAB',    180, 0.9),"
  "  ('retirement',       'investment',      'PER',      365, 0.9);";

void
fid_nbo_rule_free (FidNboRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->event_kind);
  g_free (rule->product_family);
  g_free (rule->product_code);
  g_free (rule);
}

GPtrArray *
fid_nbo_list_rules (FidStore  *self,
                    GError   **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_nbo_rule_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT id, event_kind, product_family, product_code, window_days, weight, enabled"
                            " FROM nbo_rules ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidNboRule *rule = g_new0 (FidNboRule, 1);

      rule->id = sqlite3_column_int64 (stmt, 0);
      rule->event_kind = g_strdup (fid_sqlite_text (stmt, 1));
      rule->product_family = g_strdup (fid_sqlite_text (stmt, 2));
      rule->product_code = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? NULL : g_strdup (fid_sqlite_text (stmt, 3));
      rule->window_days = sqlite3_column_int (stmt, 4);
      rule->weight = sqlite3_column_double (stmt, 5);
      rule->enabled = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (rules, rule);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the next-best-offer rules"));
      return NULL;
    }
  return g_steal_pointer (&rules);
}

static gboolean
validate_rule (const FidNboRule  *rule,
               GError           **error)
{
  if (rule->event_kind == NULL || !g_strv_contains (fid_nbo_event_kinds, rule->event_kind))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a kind of life event."), rule->event_kind ? rule->event_kind : "");
      return FALSE;
    }
  if (rule->product_family == NULL || !g_strv_contains (fid_nbo_product_families, rule->product_family))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a product family."), rule->product_family ? rule->product_family : "");
      return FALSE;
    }
  if (rule->window_days < 1 || rule->window_days > 3650)
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                           _("The window must be between 1 and 3650 days after the event."));
      return FALSE;
    }
  if (isnan (rule->weight) || rule->weight <= 0 || rule->weight > 10)
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                           _("The weight must be above 0 and at most 10."));
      return FALSE;
    }
  return TRUE;
}

gboolean
fid_nbo_save_rule (FidStore    *self,
                   FidNboRule  *rule,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  const char *code;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  if (!validate_rule (rule, error))
    return FALSE;
  code = fid_text_is_blank (rule->product_code) ? NULL : rule->product_code;
  if (!fid_store_begin (self, error))
    return FALSE;
  if (rule->id == 0)
    stmt = fid_store_prepare (self,
                              "INSERT INTO nbo_rules (event_kind, product_family, product_code, window_days,"
                              " weight, enabled) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  else
    stmt = fid_store_prepare (self,
                              "UPDATE nbo_rules SET event_kind = ?1, product_family = ?2, product_code = ?3,"
                              " window_days = ?4, weight = ?5, enabled = ?6 WHERE id = ?7", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, rule->event_kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, rule->product_family, -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 3, code);
  sqlite3_bind_int (stmt, 4, rule->window_days);
  sqlite3_bind_double (stmt, 5, rule->weight);
  sqlite3_bind_int (stmt, 6, rule->enabled ? 1 : 0);
  if (rule->id != 0)
    sqlite3_bind_int64 (stmt, 7, rule->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int rc = sqlite3_extended_errcode (fid_store_get_db (self));

      sqlite3_reset (stmt);
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                             _("A rule already suggests this product after this life event."));
      else
        fid_store_set_sqlite_error (self, error, rc, _("save the rule"));
      goto failed;
    }
  sqlite3_reset (stmt);
  if (rule->id == 0)
    rule->id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  else if (sqlite3_changes (fid_store_get_db (self)) != 1)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                   _("Rule %" PRId64 " no longer exists."), rule->id);
      goto failed;
    }
  if (!fid_store_audit (self, "update", "nbo_rule", rule->id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_nbo_delete_rule (FidStore  *self,
                     gint64     id,
                     GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self, "DELETE FROM nbo_rules WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!fid_store_step_write (self, stmt, _("delete the rule"), error) ||
      !fid_store_audit (self, "delete", "nbo_rule", id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_nbo_reset_rules (FidStore  *self,
                     GError   **error)
{
  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  if (!fid_store_exec (self, "DELETE FROM nbo_rules", error) ||
      !fid_store_exec (self, default_rules_sql, error) ||
      !fid_store_audit (self, "update", "nbo_rule", 0, "{\"reset\":true}", error) ||
      !fid_store_commit (self, error))
    {
      fid_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
