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
#include "fid-store-workspace.h"

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

/* The 360 page's timeline: transactions grouped by month unless asked for
 * one by one, every source filtered by kind and channel. ?6 is the kind
 * ('' for all), ?7 the channel ('' for all); conditions on them alone are
 * constant, so SQLite checks them once and skips the whole branch. Tickets
 * and life events have no channel: a channel filter leaves them out. */
#define TIMELINE_FILTERED_SQL \
  "SELECT kind, id, at, channel, title, detail, author, status, amount, n FROM (" \
  " SELECT 'interaction' AS kind, i.id AS id, i.at AS at, i.channel AS channel," \
  "  i.subject AS title, i.notes AS detail, a.first_name || ' ' || a.last_name AS author," \
  "  coalesce (i.outcome, i.direction) AS status, 0 AS amount, 0 AS n" \
  " FROM interactions i LEFT JOIN advisors a ON a.id = i.advisor_id" \
  " WHERE i.customer_id = ?1 AND ?6 IN ('', 'interaction') AND (?7 = '' OR i.channel = ?7)" \
  " UNION ALL" \
  " SELECT 'month', CAST (substr (t.date, 1, 4) || substr (t.date, 6, 2) AS INTEGER), max (t.date)," \
  "  nullif (?7, ''), substr (t.date, 1, 7), NULL, NULL, NULL, sum (t.amount_cents), count (*)" \
  " FROM transactions t" \
  " WHERE t.customer_id = ?1 AND ?6 IN ('', 'month') AND (?7 = '' OR t.channel = ?7)" \
  " GROUP BY substr (t.date, 1, 7)" \
  " UNION ALL" \
  " SELECT 'transaction', t.id, t.date, t.channel, t.product_family, NULL, NULL, NULL, t.amount_cents, 0" \
  " FROM transactions t WHERE t.customer_id = ?1 AND ?6 = 'transaction' AND (?7 = '' OR t.channel = ?7)" \
  " UNION ALL" \
  " SELECT 'ticket', k.id, k.opened_at, k.kind, k.subject, coalesce (k.resolution, k.description)," \
  "  a.first_name || ' ' || a.last_name, k.status, 0, 0" \
  " FROM tickets k LEFT JOIN advisors a ON a.id = k.advisor_id" \
  " WHERE k.customer_id = ?1 AND ?6 IN ('', 'ticket') AND ?7 = ''" \
  " UNION ALL" \
  " SELECT 'life_event', e.id, e.occurred_on, NULL, e.kind, e.notes, NULL, NULL, 0, 0" \
  " FROM life_events e WHERE e.customer_id = ?1 AND ?6 IN ('', 'life_event') AND ?7 = ''" \
  " UNION ALL" \
  " SELECT 'campaign', ct.campaign_id, ct.contacted_at, cp.channel, cp.name, NULL, NULL," \
  "  CASE WHEN ct.converted_at IS NOT NULL THEN 'converted'" \
  "       WHEN ct.responded_at IS NOT NULL THEN 'responded' ELSE 'contacted' END, 0, 0" \
  " FROM campaign_targets ct JOIN campaigns cp ON cp.id = ct.campaign_id" \
  " WHERE ct.customer_id = ?1 AND ct.contacted_at IS NOT NULL AND ?6 IN ('', 'campaign')" \
  "  AND (?7 = '' OR cp.channel = ?7)" \
  ") WHERE (at, kind, id) < (?2, ?3, ?4) ORDER BY at DESC, kind DESC, id DESC LIMIT ?5"

static const char * const timeline_kinds[] = {
  "interaction", "month", "transaction", "ticket", "life_event", "campaign", NULL
};

static FidTimelineEntry *
read_entry (sqlite3_stmt *stmt)
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
  if (sqlite3_column_count (stmt) > 9)
    fid_timeline_entry_set_count (entry, sqlite3_column_int64 (stmt, 9));
  return entry;
}

static GPtrArray *
collect_entries (FidStore      *self,
                 sqlite3_stmt  *stmt,
                 const char    *doing,
                 GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, read_entry (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, doing);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
fid_store_get_timeline_filtered (FidStore          *self,
                                 gint64             customer_id,
                                 const char        *kind,
                                 const char        *channel,
                                 FidTimelineEntry  *before,
                                 guint              limit,
                                 GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (before == NULL || FID_IS_TIMELINE_ENTRY (before), NULL);

  if (kind != NULL && !g_strv_contains (timeline_kinds, kind))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not a kind of timeline entry."), kind);
      return NULL;
    }

  stmt = fid_store_prepare (self, TIMELINE_FILTERED_SQL, error);
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
      sqlite3_bind_text (stmt, 2, "\xff", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, "\xff", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, G_MAXINT64);
    }
  sqlite3_bind_int64 (stmt, 5, limit);
  sqlite3_bind_text (stmt, 6, kind ? kind : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, channel ? channel : "", -1, SQLITE_TRANSIENT);
  return collect_entries (self, stmt, _("read the timeline"), error);
}

GPtrArray *
fid_store_list_life_events (FidStore  *self,
                            gint64     customer_id,
                            GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT 'life_event', id, occurred_on, NULL, kind, notes, NULL, NULL, 0"
                            " FROM life_events WHERE customer_id = ?1 ORDER BY occurred_on DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  return collect_entries (self, stmt, _("read the life events"), error);
}

GPtrArray *
fid_store_list_open_opportunities (FidStore  *self,
                                   gint64     customer_id,
                                   GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT 'opportunity', o.id, o.created_at, p.family, p.name, o.expected_close_on,"
                            " a.first_name || ' ' || a.last_name, o.stage, o.amount_cents,"
                            " CAST (round (o.probability * 100) AS INTEGER)"
                            " FROM opportunities o JOIN products p ON p.id = o.product_id"
                            " LEFT JOIN advisors a ON a.id = o.advisor_id"
                            " WHERE o.customer_id = ?1 AND o.stage NOT IN ('won', 'lost')"
                            " ORDER BY o.created_at DESC, o.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  return collect_entries (self, stmt, _("read the opportunities"), error);
}

FidTimelineEntry *
fid_store_get_last_satisfaction (FidStore  *self,
                                 gint64     customer_id,
                                 GError   **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  /* The score is the answer of part 'score' to the survey's first item. */
  stmt = fid_store_prepare (self,
                            "SELECT kind, id, answered_at, NULL, title, NULL, NULL, NULL, score FROM ("
                            " SELECT s.kind AS kind, r.id AS id, r.answered_at AS answered_at, s.title AS title,"
                            "  (SELECT a.value FROM survey_answers a JOIN survey_items it ON it.id = a.item_id"
                            "   WHERE a.response_id = r.id AND a.part = 'score' ORDER BY it.position LIMIT 1) AS score"
                            " FROM survey_responses r JOIN surveys s ON s.id = r.survey_id"
                            " WHERE r.customer_id = ?1 AND s.kind IN ('nps', 'csat'))"
                            " WHERE score IS NOT NULL ORDER BY answered_at DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  entries = collect_entries (self, stmt, _("read the satisfaction answers"), error);
  if (entries == NULL || entries->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (entries, 0));
}
