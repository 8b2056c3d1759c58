/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: the bank's directory — advisors, branches and the segment
 * values — for the list's filters and the sign-in chooser. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "fid-store-private.h"
#include "fid-store-workspace.h"

#define ADVISOR_COLUMNS \
  "a.id, a.first_name, a.last_name, a.email, a.branch_id, b.name, a.role"

static FidAdvisor *
read_advisor (sqlite3_stmt *stmt)
{
  FidAdvisor *advisor = fid_advisor_new ();

  fid_advisor_set_id (advisor, sqlite3_column_int64 (stmt, 0));
  fid_advisor_set_first_name (advisor, fid_sqlite_text (stmt, 1));
  fid_advisor_set_last_name (advisor, fid_sqlite_text (stmt, 2));
  fid_advisor_set_email (advisor, fid_sqlite_text (stmt, 3));
  fid_advisor_set_branch_id (advisor, sqlite3_column_int64 (stmt, 4));
  fid_advisor_set_branch_name (advisor, fid_sqlite_text (stmt, 5));
  fid_advisor_set_role (advisor, fid_sqlite_text (stmt, 6));
  return advisor;
}

GPtrArray *
fid_store_list_advisors (FidStore  *self,
                         gint64     branch_id,
                         GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT " ADVISOR_COLUMNS " FROM advisors a"
                            " LEFT JOIN branches b ON b.id = a.branch_id"
                            " WHERE ?1 = 0 OR a.branch_id = ?1"
                            " ORDER BY a.last_name, a.first_name, a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (branch_id, 0));
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_advisor (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list the advisors"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

FidAdvisor *
fid_store_get_advisor (FidStore  *self,
                       gint64     id,
                       GError   **error)
{
  FidAdvisor *advisor;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT " ADVISOR_COLUMNS " FROM advisors a"
                            " LEFT JOIN branches b ON b.id = a.branch_id WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!fid_store_step_row (self, stmt, _("read the advisor"), error,
                           _("There is no advisor number %" PRId64 "."), id))
    return NULL;
  advisor = read_advisor (stmt);
  sqlite3_reset (stmt);
  return advisor;
}

GPtrArray *
fid_store_list_branches (FidStore  *self,
                         GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT id, code, name, city, postcode FROM branches ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidBranch *branch = fid_branch_new ();

      fid_branch_set_id (branch, sqlite3_column_int64 (stmt, 0));
      fid_branch_set_code (branch, fid_sqlite_text (stmt, 1));
      fid_branch_set_name (branch, fid_sqlite_text (stmt, 2));
      fid_branch_set_city (branch, fid_sqlite_text (stmt, 3));
      fid_branch_set_postcode (branch, fid_sqlite_text (stmt, 4));
      g_ptr_array_add (rows, branch);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list the branches"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

char **
fid_store_list_segments (FidStore  *self,
                         GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  /* A skip scan of customers_segment: one index seek per distinct value
   * instead of reading a million entries. */
  stmt = fid_store_prepare (self,
                            "WITH RECURSIVE s (v) AS ("
                            " SELECT min (segment) FROM customers WHERE segment > ''"
                            " UNION ALL"
                            " SELECT (SELECT min (segment) FROM customers WHERE segment > s.v)"
                            " FROM s WHERE s.v IS NOT NULL)"
                            " SELECT v FROM s WHERE v IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, fid_sqlite_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list the segments"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}
