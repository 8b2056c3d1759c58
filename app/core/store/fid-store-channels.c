/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: the channel plugins' queries (see fid-store-channels.h). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fid-store-channels.h"
#include "fid-store-private.h"
#include "fid-text.h"

gboolean
fid_store_find_customer_by_email (FidStore    *self,
                                  const char  *email,
                                  gint64      *customer_id,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (email != NULL, FALSE);
  g_return_val_if_fail (customer_id != NULL, FALSE);

  stmt = fid_store_prepare (self,
                            "SELECT min (id) FROM customers WHERE email = ?1 COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *customer_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      fid_store_set_sqlite_error (self, error, rc, _("look up a customer by e-mail"));
      return FALSE;
    }

  return TRUE;
}

gboolean
fid_store_set_consent (FidStore    *self,
                       gint64       customer_id,
                       const char  *channel,
                       gboolean     marketing,
                       const char  *given_at,
                       const char  *source,
                       GError     **error)
{
  g_autofree char *now = fid_store_now_iso ();
  g_autofree char *audit = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (channel != NULL && channel[0] != '\0', FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;

  stmt = fid_store_prepare (self,
                            "INSERT INTO consents (customer_id, channel, marketing, given_at, source)"
                            " VALUES (?1, ?2, ?3, ?4, ?5)"
                            " ON CONFLICT (customer_id, channel) DO UPDATE SET"
                            " marketing = excluded.marketing, given_at = excluded.given_at,"
                            " source = excluded.source",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, channel, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, marketing ? 1 : 0);
  sqlite3_bind_text (stmt, 4, given_at ? given_at : now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, source, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("save a consent"));
      goto failed;
    }

  audit = g_strdup_printf ("%s: %s", channel, marketing ? "yes" : "no");
  if (!fid_store_audit (self, "consent", "customer", customer_id, audit, error) ||
      !fid_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

static gboolean
insert_prospect (FidStore     *self,
                 FidCustomer  *customer,
                 const char   *now,
                 GError      **error)
{
  g_autofree char *sort_name = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  stmt = fid_store_prepare (self,
                            "INSERT INTO customers (kind, first_name, last_name, sort_name, email,"
                            " phone, postcode, city, lifecycle_stage, preferred_channel,"
                            " created_at, updated_at)"
                            " VALUES ('person', ?1, ?2, ?3, ?4, ?5, ?6, ?7, 'prospect', ?8, ?9, ?9)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sort_name = fid_text_sort_name (fid_customer_get_last_name (customer),
                                  fid_customer_get_first_name (customer));
  sqlite3_bind_text (stmt, 1, fid_customer_get_first_name (customer) ? fid_customer_get_first_name (customer) : "",
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, fid_customer_get_last_name (customer), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sort_name, -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 4, fid_customer_get_email (customer));
  fid_sqlite_bind_text_or_null (stmt, 5, fid_customer_get_phone (customer));
  fid_sqlite_bind_text_or_null (stmt, 6, fid_customer_get_postcode (customer));
  sqlite3_bind_text (stmt, 7, fid_customer_get_city (customer) ? fid_customer_get_city (customer) : "",
                     -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 8, fid_customer_get_preferred_channel (customer));
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("save a new prospect"));
      return FALSE;
    }

  id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  fid_customer_set_id (customer, id);
  fid_customer_set_lifecycle_stage (customer, "prospect");
  fid_customer_set_created_at (customer, now);
  fid_customer_set_updated_at (customer, now);
  fid_customer_set_version (customer, 1);

  return fid_store_audit (self, "create", "customer", id, "web form", error);
}

static gboolean
insert_interaction (FidStore        *self,
                    FidInteraction  *interaction,
                    const char      *now,
                    GError         **error)
{
  const char *at = fid_interaction_get_at (interaction);
  const char *status = fid_interaction_get_status (interaction);
  sqlite3_stmt *stmt;
  int rc;

  stmt = fid_store_prepare (self,
                            "INSERT INTO interactions (customer_id, channel, direction, at, advisor_id,"
                            " subject, notes, outcome, next_step, follow_up_on, campaign_id, status, details)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                            error);
  if (stmt == NULL)
    return FALSE;

  if (at == NULL || at[0] == '\0')
    {
      at = now;
      fid_interaction_set_at (interaction, now);
    }

  sqlite3_bind_int64 (stmt, 1, fid_interaction_get_customer_id (interaction));
  sqlite3_bind_text (stmt, 2, fid_interaction_get_channel (interaction), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, fid_interaction_get_direction (interaction) ? fid_interaction_get_direction (interaction) : "inbound",
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, at, -1, SQLITE_TRANSIENT);
  if (fid_interaction_get_advisor_id (interaction) > 0)
    sqlite3_bind_int64 (stmt, 5, fid_interaction_get_advisor_id (interaction));
  sqlite3_bind_text (stmt, 6, fid_interaction_get_subject (interaction) ? fid_interaction_get_subject (interaction) : "",
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, fid_interaction_get_notes (interaction) ? fid_interaction_get_notes (interaction) : "",
                     -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 8, fid_interaction_get_outcome (interaction));
  fid_sqlite_bind_text_or_null (stmt, 9, fid_interaction_get_next_step (interaction));
  fid_sqlite_bind_text_or_null (stmt, 10, fid_interaction_get_follow_up_on (interaction));
  if (fid_interaction_get_campaign_id (interaction) > 0)
    sqlite3_bind_int64 (stmt, 11, fid_interaction_get_campaign_id (interaction));
  sqlite3_bind_text (stmt, 12, status ? status : "done", -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 13, fid_interaction_get_details (interaction));

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("save an interaction"));
      return FALSE;
    }

  fid_interaction_set_id (interaction, sqlite3_last_insert_rowid (fid_store_get_db (self)));
  return TRUE;
}

gboolean
fid_store_import_interactions (FidStore   *self,
                               GPtrArray  *interactions,
                               GPtrArray  *prospects,
                               const char *source,
                               guint      *n_created,
                               GError    **error)
{
  g_autofree char *now = fid_store_now_iso ();
  g_autofree char *audit = NULL;
  g_autoptr(GPtrArray) inserted = g_ptr_array_new ();
  guint created = 0;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (interactions != NULL, FALSE);
  g_return_val_if_fail (prospects == NULL || prospects->len == interactions->len, FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < interactions->len; i++)
    {
      FidInteraction *interaction = g_ptr_array_index (interactions, i);
      FidCustomer *prospect = prospects != NULL ? g_ptr_array_index (prospects, i) : NULL;

      if (prospect != NULL)
        {
          if (fid_customer_get_id (prospect) <= 0)
            {
              if (!insert_prospect (self, prospect, now, error))
                goto failed;
              g_ptr_array_add (inserted, prospect);
              created++;
            }
          fid_interaction_set_customer_id (interaction, fid_customer_get_id (prospect));
        }

      if (!insert_interaction (self, interaction, now, error))
        goto failed;
    }

  audit = g_strdup_printf ("%s: %u interactions, %u new customers",
                           source ? source : "import", interactions->len, created);
  if (!fid_store_audit (self, "import", "interaction", 0, audit, error) ||
      !fid_store_commit (self, error))
    goto failed;

  if (n_created != NULL)
    *n_created = created;
  return TRUE;

failed:
  fid_store_rollback (self);
  /* Nothing was written: forget the ids handed out inside the transaction. */
  for (guint i = 0; i < interactions->len; i++)
    fid_interaction_set_id (g_ptr_array_index (interactions, i), 0);
  for (guint i = 0; i < inserted->len; i++)
    fid_customer_set_id (g_ptr_array_index (inserted, i), 0);
  return FALSE;
}

GPtrArray *
fid_store_list_channel_interactions (FidStore    *self,
                                     const char  *channel,
                                     const char  *status,
                                     GError     **error)
{
  g_autoptr(GPtrArray) interactions = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (channel != NULL, NULL);
  g_return_val_if_fail (status != NULL, NULL);

  stmt = fid_store_prepare (self,
                            "SELECT i.id, i.customer_id, c.first_name, c.last_name, i.direction, i.at,"
                            " i.subject, i.notes, i.outcome, i.details"
                            " FROM interactions i JOIN customers c ON c.id = i.customer_id"
                            " WHERE i.channel = ?1 AND i.status = ?2 ORDER BY i.at, i.id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, channel, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_TRANSIENT);

  interactions = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidInteraction *interaction = fid_interaction_new ();
      const char *first = fid_sqlite_text (stmt, 2);
      g_autofree char *name = g_strdup_printf ("%s%s%s", first ? first : "",
                                               first && first[0] ? " " : "",
                                               fid_sqlite_text (stmt, 3));

      fid_interaction_set_id (interaction, sqlite3_column_int64 (stmt, 0));
      fid_interaction_set_customer_id (interaction, sqlite3_column_int64 (stmt, 1));
      fid_interaction_set_customer_name (interaction, name);
      fid_interaction_set_channel (interaction, channel);
      fid_interaction_set_direction (interaction, fid_sqlite_text (stmt, 4));
      fid_interaction_set_at (interaction, fid_sqlite_text (stmt, 5));
      fid_interaction_set_subject (interaction, fid_sqlite_text (stmt, 6));
      fid_interaction_set_notes (interaction, fid_sqlite_text (stmt, 7));
      fid_interaction_set_outcome (interaction, fid_sqlite_text (stmt, 8));
      fid_interaction_set_details (interaction, fid_sqlite_text (stmt, 9));
      fid_interaction_set_status (interaction, status);
      g_ptr_array_add (interactions, interaction);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list a channel's interactions"));
      return NULL;
    }

  return g_steal_pointer (&interactions);
}

gboolean
fid_store_set_interactions_status (FidStore    *self,
                                   GArray      *ids,
                                   const char  *status,
                                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;

  stmt = fid_store_prepare (self, "UPDATE interactions SET status = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto failed;

  for (guint i = 0; i < ids->len; i++)
    {
      int rc;

      sqlite3_bind_text (stmt, 1, status, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          fid_store_set_sqlite_error (self, error, rc, _("change the status of interactions"));
          goto failed;
        }
    }

  if (!fid_store_audit (self, "update", "interaction", 0, status, error) ||
      !fid_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

static void
clear_month_count (gpointer data)
{
  FidChannelMonthCount *count = data;

  g_free (count->channel);
}

GArray *
fid_store_count_interactions_by_month (FidStore      *self,
                                       const char    *since,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  g_autoptr(GArray) counts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT substr (at, 1, 7) AS month, channel, count (*) FROM interactions"
                            " WHERE at >= ?1 GROUP BY month, channel ORDER BY month, channel",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, since ? since : "", -1, SQLITE_TRANSIENT);

  counts = g_array_new (FALSE, TRUE, sizeof (FidChannelMonthCount));
  g_array_set_clear_func (counts, clear_month_count);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidChannelMonthCount count = { { 0 }, NULL, 0 };

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_strlcpy (count.month, fid_sqlite_text (stmt, 0) ? fid_sqlite_text (stmt, 0) : "", sizeof count.month);
      count.channel = g_strdup (fid_sqlite_text (stmt, 1));
      count.count = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (counts, count);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("count interactions by month"));
      return NULL;
    }

  return g_steal_pointer (&counts);
}
