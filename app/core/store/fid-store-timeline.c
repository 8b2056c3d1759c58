/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: a customer's unified timeline.
 *
 * Interactions, transactions, tickets, life events and campaign contacts
 * are merged newest first. Each source is read through its (customer, date)
 * index, so one page costs a few index range scans whatever the size of
 * the bank. Paging is by keyset on (at, kind, id), the same total order
 * the ORDER BY uses. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fid-store-private.h"

#define TIMELINE_SQL \
  "SELECT kind, id, at, channel, title, detail, author, status, amount FROM (" \
  " SELECT 'interaction' AS kind, i.id AS id, i.at AS at, i.channel AS channel," \
  "  i.subject AS title, i.notes AS detail, a.first_name || ' ' || a.last_name AS author," \
  "  coalesce (i.outcome, i.direction) AS status, 0 AS amount" \
  " FROM interactions i LEFT JOIN advisors a ON a.id = i.advisor_id WHERE i.customer_id = ?1" \
  " UNION ALL" \
  " SELECT 'transaction', t.id, t.date, t.channel, t.product_family, NULL, NULL, NULL, t.amount_cents" \
  " FROM transactions t WHERE t.customer_id = ?1" \
  " UNION ALL" \
  " SELECT 'ticket', k.id, k.opened_at, k.kind, k.subject, coalesce (k.resolution, k.description)," \
  "  a.first_name || ' ' || a.last_name, k.status, 0" \
  " FROM tickets k LEFT JOIN advisors a ON a.id = k.advisor_id WHERE k.customer_id = ?1" \
  " UNION ALL" \
  " SELECT 'life_event', e.id, e.occurred_on, NULL, e.kind, e.notes, NULL, NULL, 0" \
  " FROM life_events e WHERE e.customer_id = ?1" \
  " UNION ALL" \
  " SELECT 'campaign', ct.campaign_id, ct.contacted_at, cp.channel, cp.name, NULL, NULL," \
  "  CASE WHEN ct.converted_at IS NOT NULL THEN 'converted'" \
  "       WHEN ct.responded_at IS NOT NULL THEN 'responded' ELSE 'contacted' END, 0" \
  " FROM campaign_targets ct JOIN campaigns cp ON cp.id = ct.campaign_id" \
  " WHERE ct.customer_id = ?1 AND ct.contacted_at IS NOT NULL" \
  ") WHERE (at, kind, id) < (?2, ?3, ?4) ORDER BY at DESC, kind DESC, id DESC LIMIT ?5"

GPtrArray *
fid_store_get_timeline (FidStore          *self,
                        gint64             customer_id,
                        FidTimelineEntry  *before,
                        guint              limit,
                        GError           **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (before == NULL || FID_IS_TIMELINE_ENTRY (before), NULL);

  stmt = fid_store_prepare (self, TIMELINE_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (before != NULL)
    {
      fid_sqlite_bind_text_or_null (stmt, 2, fid_timeline_entry_get_at (before));
      fid_sqlite_bind_text_or_null (stmt, 3, fid_timeline_entry_get_kind (before));
      sqlite3_bind_int64 (stmt, 4, fid_timeline_entry_get_id (before));
    }
  else
    {
      /* Above every date and kind: the first page starts at the newest. */
      sqlite3_bind_text (stmt, 2, "\xff", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, "\xff", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, G_MAXINT64);
    }
  sqlite3_bind_int64 (stmt, 5, limit);

  entries = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidTimelineEntry *entry = fid_timeline_entry_new ();

      fid_timeline_entry_set_kind (entry, fid_sqlite_text (stmt, 0));
      fid_timeline_entry_set_id (entry, sqlite3_column_int64 (stmt, 1));
      fid_timeline_entry_set_at (entry, fid_sqlite_text (stmt, 2));
      fid_timeline_entry_set_channel (entry, fid_sqlite_text (stmt, 3));
      fid_timeline_entry_set_title (entry, fid_sqlite_text (stmt, 4));
      fid_timeline_entry_set_detail (entry, fid_sqlite_text (stmt, 5));
      fid_timeline_entry_set_author (entry, fid_sqlite_text (stmt, 6));
      fid_timeline_entry_set_status (entry, fid_sqlite_text (stmt, 7));
      fid_timeline_entry_set_amount_cents (entry, sqlite3_column_int64 (stmt, 8));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the timeline"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}
