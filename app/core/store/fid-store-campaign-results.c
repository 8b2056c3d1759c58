/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Campaigns (issue 10): responses, by hand or from a CSV file, and the
 * counts behind the results (fid-uplift.c does the arithmetic). */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "fid-csv.h"
#include "fid-store-campaigns.h"
#include "fid-store-error.h"
#include "fid-store-private.h"

/* The campaign's launch moment (or start date for campaigns written before
 * schema 6) in @launched; FALSE with NOT_LAUNCHED for a draft. */
static gboolean
read_launch (FidStore  *self,
             gint64     campaign_id,
             char     **launched,
             GError   **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self,
                                          "SELECT status, coalesce (launched_at, starts_on, created_at), name"
                                          " FROM campaigns WHERE id = ?1", error);
  gboolean draft;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (!fid_store_step_row (self, stmt, _("read a campaign"), error,
                           _("There is no campaign %" PRId64 "."), campaign_id))
    return FALSE;
  draft = g_strcmp0 (fid_sqlite_text (stmt, 0), "draft") == 0;
  if (draft)
    g_set_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_NOT_LAUNCHED,
                 _("Campaign “%s” has not been launched: it has no responses yet."),
                 fid_sqlite_text (stmt, 2));
  else
    *launched = g_strdup (fid_sqlite_text (stmt, 1));
  sqlite3_reset (stmt);
  return !draft;
}

/* NULL with the reason in @problem unless @text is a date or a date-time
 * not before @launched; empty: now. */
static char *
parse_response_moment (const char  *text,
                       const char  *launched,
                       char       **problem)
{
  g_autofree char *at = NULL;

  if (text == NULL || text[0] == '\0')
    at = fid_store_now_iso ();
  else if (fid_parse_iso_date (text, NULL))
    at = g_strdup_printf ("%sT00:00:00", text);
  else
    at = fid_normalize_iso_date_time (text);
  if (at == NULL)
    {
      *problem = g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD) or a date and time"), text);
      return NULL;
    }
  if (launched != NULL && strncmp (at, launched, 10) < 0)
    {
      *problem = g_strdup_printf (_("the response on %.10s is before the launch (%.10s)"), at, launched);
      return NULL;
    }
  return g_steal_pointer (&at);
}

static gboolean
is_target (FidStore  *self,
           gint64     campaign_id,
           gint64     customer_id,
           gboolean  *found,
           GError   **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self,
                                          "SELECT 1 FROM campaign_targets WHERE campaign_id = ?1 AND customer_id = ?2",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read a campaign’s targets"));
      return FALSE;
    }
  *found = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
write_response (FidStore    *self,
                gint64       campaign_id,
                gint64       customer_id,
                const char  *at,
                GError     **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self,
                                          "UPDATE campaign_targets SET responded_at = ?3"
                                          " WHERE campaign_id = ?1 AND customer_id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  sqlite3_bind_text (stmt, 3, at, -1, SQLITE_TRANSIENT);
  return fid_store_step_write (self, stmt, _("record a campaign response"), error);
}

gboolean
fid_store_record_campaign_response (FidStore    *self,
                                    gint64       campaign_id,
                                    gint64       customer_id,
                                    const char  *responded_at,
                                    GError     **error)
{
  g_autofree char *launched = NULL;
  g_autofree char *at = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *audit = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  if (!read_launch (self, campaign_id, &launched, error) ||
      !is_target (self, campaign_id, customer_id, &found, error))
    goto failed;
  if (!found)
    {
      g_set_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_NOT_TARGET,
                   _("Customer %" PRId64 " is not in this campaign’s test or control group."), customer_id);
      goto failed;
    }
  at = parse_response_moment (responded_at, launched, &problem);
  if (at == NULL)
    {
      g_set_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_INVALID, "%s", problem);
      goto failed;
    }
  audit = g_strdup_printf ("{\"response\": %" G_GINT64_FORMAT "}", customer_id);
  if (!write_response (self, campaign_id, customer_id, at, error) ||
      !fid_store_audit (self, "response", "campaign", campaign_id, audit, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

static int
find_column (FidCsvRecord *header,
             const char   *const *names)
{
  for (int i = 0; header->fields[i] != NULL; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip (header->fields[i]), -1);

      if (g_strv_contains (names, name))
        return i;
    }
  return -1;
}

/* Refusals beyond this many are summed up: the user fixes the file and
 * tries again, a thousand lines of errors help nobody. */
#define MAX_PROBLEMS 10

gboolean
fid_store_import_campaign_responses (FidStore    *self,
                                     gint64       campaign_id,
                                     const char  *data,
                                     gsize        length,
                                     guint       *n_imported,
                                     GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) moments = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *launched = NULL;
  g_autofree char *audit = NULL;
  FidCsvInfo info = { 0, };
  FidCsvRecord *header;
  guint n_problems = 0;
  int id_column, at_column;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;

  records = fid_csv_read (data, length, 0, &info, error);
  if (records == NULL)
    return FALSE;
  if (records->len == 0)
    {
      g_set_error_literal (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_INVALID, _("The file is empty."));
      return FALSE;
    }
  header = g_ptr_array_index (records, 0);
  id_column = find_column (header, (const char * const[]) { "customer_id", "customer", "client", "id", NULL });
  at_column = find_column (header, (const char * const[]) { "responded_at", "response_date", "date", NULL });
  if (id_column < 0)
    {
      g_set_error_literal (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_INVALID,
                           _("The file has no “customer_id” column."));
      return FALSE;
    }

  /* Everything is checked inside the write transaction, so the targets
   * cannot change between the check and the write. */
  if (!fid_store_begin (self, error))
    return FALSE;
  if (!read_launch (self, campaign_id, &launched, error))
    goto failed;

  for (guint r = 1; r < records->len; r++)
    {
      FidCsvRecord *record = g_ptr_array_index (records, r);
      guint n_fields = g_strv_length (record->fields);
      const char *id_text = (guint) id_column < n_fields ? g_strstrip (record->fields[id_column]) : "";
      const char *at_text = at_column >= 0 && (guint) at_column < n_fields
                            ? g_strstrip (record->fields[at_column]) : NULL;
      g_autofree char *problem = NULL;
      g_autofree char *at = NULL;
      guint64 id = 0;
      gboolean found = FALSE;

      if (!g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXINT64, &id, NULL))
        problem = g_strdup_printf (_("“%s” is not a customer number"), id_text);
      else if (!is_target (self, campaign_id, (gint64) id, &found, error))
        goto failed;
      else if (!found)
        problem = g_strdup_printf (_("customer %" PRId64 " is not in this campaign"), (gint64) id);
      else
        at = parse_response_moment (at_text, launched, &problem);

      if (problem != NULL)
        {
          if (++n_problems <= MAX_PROBLEMS)
            /* Translators: a refused line of an imported file: its number
             * and why. */
            g_ptr_array_add (problems, g_strdup_printf (_("line %u: %s"), record->line, problem));
          continue;
        }
      g_array_append_val (ids, id);
      g_ptr_array_add (moments, g_steal_pointer (&at));
    }

  if (n_problems > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE, "%u line is wrong; nothing was imported.",
                                           "%u lines are wrong; nothing was imported.", n_problems),
                              n_problems);
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (message, "\n%s", (const char *) g_ptr_array_index (problems, i));
      g_set_error_literal (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_INVALID, message->str);
      goto failed;
    }

  for (guint i = 0; i < ids->len; i++)
    if (!write_response (self, campaign_id, g_array_index (ids, gint64, i),
                         g_ptr_array_index (moments, i), error))
      goto failed;
  audit = g_strdup_printf ("{\"responses\": %u}", ids->len);
  if (!fid_store_audit (self, "import", "campaign", campaign_id, audit, error) ||
      !fid_store_commit (self, error))
    goto failed;
  if (n_imported != NULL)
    *n_imported = ids->len;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_store_count_campaign_results (FidStore           *self,
                                  gint64              id,
                                  FidCampaignCounts  *counts,
                                  GError            **error)
{
  g_autoptr(FidCampaign) campaign = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  campaign = fid_store_get_campaign (self, id, error);
  if (campaign == NULL)
    return FALSE;

  /* A conversion window starts at the contact (test group; the launch when
   * a test customer was not contacted) or at the launch (control group),
   * and lasts attribution_days. The holding and transaction probes use
   * holdings_customer and transactions_customer_date. */
  stmt = fid_store_prepare (self,
                            "SELECT grp, count (*), count (responded_at), coalesce (sum (conv), 0),"
                            " count (contacted_at) FROM ("
                            "  SELECT t.grp, t.responded_at, t.contacted_at,"
                            "   CASE WHEN t.converted_at IS NOT NULL THEN 1"
                            "    WHEN EXISTS (SELECT 1 FROM holdings h JOIN products p ON p.id = h.product_id"
                            "      WHERE h.customer_id = t.customer_id AND p.family = ?2"
                            "      AND h.opened_on >= substr (t.start, 1, 10)"
                            "      AND h.opened_on <= date (t.start, '+' || ?3 || ' days')) THEN 1"
                            "    WHEN EXISTS (SELECT 1 FROM transactions x"
                            "      WHERE x.customer_id = t.customer_id AND x.product_family = ?2"
                            "      AND x.date >= substr (t.start, 1, 10)"
                            "      AND x.date <= date (t.start, '+' || ?3 || ' days')) THEN 1"
                            "    ELSE 0 END AS conv"
                            "  FROM (SELECT g.*, CASE WHEN g.grp = 'test' THEN coalesce (g.contacted_at, ?4)"
                            "        ELSE ?4 END AS start"
                            "        FROM campaign_targets g WHERE g.campaign_id = ?1) t"
                            ") GROUP BY grp", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, campaign->product_family, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int) campaign->attribution_days);
  sqlite3_bind_text (stmt, 4, campaign->launched_at != NULL ? campaign->launched_at : campaign->starts_on,
                     -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean test = g_strcmp0 (fid_sqlite_text (stmt, 0), "test") == 0;
      guint64 n = (guint64) sqlite3_column_int64 (stmt, 1);
      guint64 responses = (guint64) sqlite3_column_int64 (stmt, 2);
      guint64 conversions = (guint64) sqlite3_column_int64 (stmt, 3);

      if (test)
        {
          counts->n_test = n;
          counts->test_responses = responses;
          counts->test_conversions = conversions;
          counts->n_contacted = (guint64) sqlite3_column_int64 (stmt, 4);
        }
      else
        {
          counts->n_control = n;
          counts->control_responses = responses;
          counts->control_conversions = conversions;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("count a campaign’s results"));
      return FALSE;
    }
  counts->cost_cents = campaign->fixed_cost_cents + campaign->cost_per_contact_cents * (gint64) counts->n_contacted;
  counts->margin_per_conversion_cents = campaign->margin_per_conversion_cents;
  return TRUE;
}
