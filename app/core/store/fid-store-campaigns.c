/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Campaigns (issue 10): the definition and the targeting, written and read.
 * The plan and launch are in fid-store-campaign-plan.c, the responses and
 * results in fid-store-campaign-results.c. */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "fid-store-campaigns.h"
#include "fid-store-error.h"
#include "fid-store-private.h"

G_DEFINE_QUARK (fid-campaign-error-quark, fid_campaign_error)

/* The product families of the products table's CHECK. */
static const char * const families[] = {
  "current_account", "savings", "card", "mortgage", "consumer_loan", "student_loan",
  "insurance", "investment", NULL
};

static const char * const stages[] = {
  "unknown", "prospect", "new", "satisfied", "dissatisfied", "inactive", "lost", "reactivated", NULL
};

FidCampaign *
fid_campaign_new (void)
{
  FidCampaign *campaign = g_new0 (FidCampaign, 1);

  campaign->name = g_strdup ("");
  campaign->objective = g_strdup ("");
  campaign->channel = g_strdup ("email");
  campaign->channel_mode = g_strdup ("forced");
  campaign->product_family = g_strdup ("savings");
  campaign->starts_on = fid_store_today_iso ();
  campaign->control_share = 0.10;
  campaign->attribution_days = 30;
  campaign->status = g_strdup ("draft");
  campaign->pressure_max = -1;
  campaign->pressure_days = -1;
  /* A seed of its own, so two campaigns on the same target do not hold out
   * the same customers. */
  campaign->seed = g_random_int_range (1, G_MAXINT32);
  campaign->targeting.age_min = -1;
  campaign->targeting.age_max = -1;
  return campaign;
}

static void
targeting_clear (FidCampaignTargeting *t)
{
  g_clear_pointer (&t->snapshot_scheme, g_free);
  g_clear_pointer (&t->snapshot_taken_on, g_free);
  g_clear_pointer (&t->snapshot_segment, g_free);
  g_clear_pointer (&t->segment, g_free);
  g_clear_pointer (&t->lifecycle_stage, g_free);
  g_clear_pointer (&t->family_held, g_free);
  g_clear_pointer (&t->family_not_held, g_free);
}

void
fid_campaign_free (FidCampaign *campaign)
{
  if (campaign == NULL)
    return;
  g_free (campaign->name);
  g_free (campaign->objective);
  g_free (campaign->channel);
  g_free (campaign->channel_mode);
  g_free (campaign->product_family);
  g_free (campaign->starts_on);
  g_free (campaign->ends_on);
  g_free (campaign->status);
  g_free (campaign->launched_at);
  g_free (campaign->created_at);
  targeting_clear (&campaign->targeting);
  g_free (campaign);
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_one_of (const char         *text,
           const char * const *list)
{
  return text != NULL && g_strv_contains (list, text);
}

gboolean
fid_campaign_validate (const FidCampaign  *c,
                       GError            **error)
{
  const FidCampaignTargeting *t = &c->targeting;
  GDate starts, ends;
  int n_snapshot;

  g_return_val_if_fail (c != NULL, FALSE);

  if (fid_text_is_blank (c->name))
    return invalid (error, _("The campaign needs a name."));
  if (fid_text_is_blank (c->channel) || strpbrk (c->channel, " \t\n\"'") != NULL)
    return invalid (error, _("The campaign needs a channel."));
  if (!is_one_of (c->channel_mode, (const char * const[]) { "forced", "preferred", NULL }))
    return invalid (error, _("The channel rule must be “forced” or “preferred”."));
  if (!is_one_of (c->product_family, families))
    return invalid (error, _("The promoted product family is not known."));
  if (!fid_parse_iso_date (c->starts_on, &starts))
    return invalid (error, _("The start date must be a date (YYYY-MM-DD)."));
  if (c->ends_on != NULL && c->ends_on[0] != '\0')
    {
      if (!fid_parse_iso_date (c->ends_on, &ends))
        return invalid (error, _("The end date must be a date (YYYY-MM-DD)."));
      if (g_date_compare (&ends, &starts) < 0)
        return invalid (error, _("The campaign ends before it starts."));
    }
  if (c->cost_per_contact_cents < 0 || c->fixed_cost_cents < 0 || c->margin_per_conversion_cents < 0)
    return invalid (error, _("Costs and margins cannot be negative."));
  /* A hold-out above 90 % leaves too few customers to contact to measure. */
  if (!(c->control_share >= 0.0 && c->control_share <= 0.9))
    /* xgettext:no-c-format */
    return invalid (error, _("The control group must be between 0 % and 90 % of the target."));
  if (c->attribution_days < 1 || c->attribution_days > 366)
    return invalid (error, _("The attribution window must be between 1 and 366 days."));

  n_snapshot = (t->snapshot_scheme != NULL) + (t->snapshot_taken_on != NULL) + (t->snapshot_segment != NULL);
  if (n_snapshot != 0 && n_snapshot != 3)
    return invalid (error, _("A saved segment needs its scheme, its date and its segment."));
  if (t->snapshot_taken_on != NULL && !fid_parse_iso_date (t->snapshot_taken_on, NULL))
    return invalid (error, _("The saved segment’s date must be a date (YYYY-MM-DD)."));
  if (t->lifecycle_stage != NULL && !is_one_of (t->lifecycle_stage, stages))
    return invalid (error, _("The lifecycle stage is not known."));
  if ((t->family_held != NULL && !is_one_of (t->family_held, families)) ||
      (t->family_not_held != NULL && !is_one_of (t->family_not_held, families)))
    return invalid (error, _("The product family of the target is not known."));
  if (t->age_min > 150 || t->age_max > 150 || (t->age_min >= 0 && t->age_max >= 0 && t->age_min > t->age_max))
    return invalid (error, _("The age band is not valid."));
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  fid_sqlite_bind_text_or_null (stmt, index, text != NULL && text[0] != '\0' ? text : NULL);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  int           value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

/* Binds ?1 … ?13 in the order of the INSERT and UPDATE below. */
static void
bind_definition (sqlite3_stmt *stmt,
                 FidCampaign  *c)
{
  sqlite3_bind_text (stmt, 1, c->name, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, c->objective);
  sqlite3_bind_text (stmt, 3, c->channel, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, c->channel_mode, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, c->product_family, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, c->starts_on, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 7, c->ends_on);
  sqlite3_bind_int64 (stmt, 8, c->cost_per_contact_cents);
  sqlite3_bind_int64 (stmt, 9, c->fixed_cost_cents);
  sqlite3_bind_int64 (stmt, 10, c->margin_per_conversion_cents);
  sqlite3_bind_int64 (stmt, 11, c->seed);
  sqlite3_bind_double (stmt, 12, c->control_share);
  sqlite3_bind_int (stmt, 13, (int) c->attribution_days);
}

static gboolean
write_targeting (FidStore     *self,
                 FidCampaign  *c,
                 GError      **error)
{
  const FidCampaignTargeting *t = &c->targeting;
  sqlite3_stmt *stmt;

  stmt = fid_store_prepare (self, "DELETE FROM campaign_targeting WHERE campaign_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  if (!fid_store_step_write (self, stmt, _("save a campaign’s target"), error))
    return FALSE;

  stmt = fid_store_prepare (self,
                            "INSERT INTO campaign_targeting (campaign_id, snapshot_scheme, snapshot_taken_on,"
                            " snapshot_segment, segment, lifecycle_stage, branch_id, family_held,"
                            " family_not_held, age_min, age_max)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  bind_text_or_null (stmt, 2, t->snapshot_scheme);
  bind_text_or_null (stmt, 3, t->snapshot_taken_on);
  bind_text_or_null (stmt, 4, t->snapshot_segment);
  bind_text_or_null (stmt, 5, t->segment);
  bind_text_or_null (stmt, 6, t->lifecycle_stage);
  fid_sqlite_bind_id_or_null (stmt, 7, t->branch_id);
  bind_text_or_null (stmt, 8, t->family_held);
  bind_text_or_null (stmt, 9, t->family_not_held);
  bind_int_or_null (stmt, 10, t->age_min);
  bind_int_or_null (stmt, 11, t->age_max);
  return fid_store_step_write (self, stmt, _("save a campaign’s target"), error);
}

gint64
fid_store_create_campaign (FidStore     *self,
                           FidCampaign  *campaign,
                           GError      **error)
{
  g_autofree char *now = fid_store_now_iso ();
  g_autofree char *name = NULL;
  g_autofree char *audit = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), 0);
  g_return_val_if_fail (campaign != NULL, 0);

  if (!fid_campaign_validate (campaign, error) || !fid_store_begin (self, error))
    return 0;

  stmt = fid_store_prepare (self,
                            "INSERT INTO campaigns (name, objective, channel, channel_mode, product_family,"
                            " starts_on, ends_on, cost_per_contact_cents, fixed_cost_cents,"
                            " margin_per_conversion_cents, seed, control_share, attribution_days,"
                            " status, created_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'draft', ?14)",
                            error);
  if (stmt == NULL)
    goto failed;
  bind_definition (stmt, campaign);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("save a campaign"), error))
    goto failed;
  campaign->id = sqlite3_last_insert_rowid (fid_store_get_db (self));

  name = fid_store_json_string (campaign->name);
  audit = g_strdup_printf ("{\"name\": %s}", name);
  if (!write_targeting (self, campaign, error) ||
      !fid_store_audit (self, "create", "campaign", campaign->id, audit, error) ||
      !fid_store_commit (self, error))
    goto failed;

  g_free (campaign->status);
  campaign->status = g_strdup ("draft");
  g_free (campaign->created_at);
  campaign->created_at = g_steal_pointer (&now);
  return campaign->id;

failed:
  fid_store_rollback (self);
  campaign->id = 0;
  return 0;
}

/* FALSE with NOT_FOUND or NOT_DRAFT unless campaign @id is a draft. */
static gboolean
check_draft (FidStore    *self,
             gint64       id,
             GError     **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self, "SELECT status FROM campaigns WHERE id = ?1", error);
  gboolean draft;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!fid_store_step_row (self, stmt, _("read a campaign"), error,
                           _("There is no campaign %" PRId64 "."), id))
    return FALSE;
  draft = g_strcmp0 (fid_sqlite_text (stmt, 0), "draft") == 0;
  sqlite3_reset (stmt);
  if (!draft)
    g_set_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_NOT_DRAFT,
                 _("Campaign %" PRId64 " has been launched: it can no longer be changed."), id);
  return draft;
}

gboolean
fid_store_update_campaign (FidStore     *self,
                           FidCampaign  *campaign,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (campaign != NULL, FALSE);

  if (!fid_campaign_validate (campaign, error) || !fid_store_begin (self, error))
    return FALSE;
  if (!check_draft (self, campaign->id, error))
    goto failed;

  stmt = fid_store_prepare (self,
                            "UPDATE campaigns SET name = ?1, objective = ?2, channel = ?3, channel_mode = ?4,"
                            " product_family = ?5, starts_on = ?6, ends_on = ?7, cost_per_contact_cents = ?8,"
                            " fixed_cost_cents = ?9, margin_per_conversion_cents = ?10, seed = ?11,"
                            " control_share = ?12, attribution_days = ?13 WHERE id = ?14",
                            error);
  if (stmt == NULL)
    goto failed;
  bind_definition (stmt, campaign);
  sqlite3_bind_int64 (stmt, 14, campaign->id);
  if (!fid_store_step_write (self, stmt, _("save a campaign"), error) ||
      !write_targeting (self, campaign, error) ||
      !fid_store_audit (self, "update", "campaign", campaign->id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_store_delete_campaign (FidStore  *self,
                           gint64     id,
                           GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  if (!check_draft (self, id, error))
    goto failed;
  stmt = fid_store_prepare (self, "DELETE FROM campaigns WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!fid_store_step_write (self, stmt, _("delete a campaign"), error) ||
      !fid_store_audit (self, "delete", "campaign", id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

#define CAMPAIGN_COLUMNS \
  "c.id, c.name, c.objective, c.channel, c.channel_mode, c.product_family, c.starts_on, c.ends_on," \
  " c.cost_per_contact_cents, c.fixed_cost_cents, c.margin_per_conversion_cents, c.seed," \
  " c.control_share, c.attribution_days, c.status, c.launched_at, c.created_at," \
  " coalesce (c.pressure_max, -1), coalesce (c.pressure_days, -1)," \
  " t.snapshot_scheme, t.snapshot_taken_on, t.snapshot_segment, t.segment, t.lifecycle_stage," \
  " coalesce (t.branch_id, 0), t.family_held, t.family_not_held," \
  " coalesce (t.age_min, -1), coalesce (t.age_max, -1)," \
  " (SELECT count (*) FROM campaign_targets g WHERE g.campaign_id = c.id AND g.grp = 'test')," \
  " (SELECT count (*) FROM campaign_targets g WHERE g.campaign_id = c.id AND g.grp = 'control')," \
  " (SELECT count (*) FROM campaign_exclusions x WHERE x.campaign_id = c.id)" \
  " FROM campaigns c LEFT JOIN campaign_targeting t ON t.campaign_id = c.id"

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static FidCampaign *
read_campaign (sqlite3_stmt *stmt)
{
  FidCampaign *c = g_new0 (FidCampaign, 1);
  FidCampaignTargeting *t = &c->targeting;

  c->id = sqlite3_column_int64 (stmt, 0);
  c->name = g_strdup (fid_sqlite_text (stmt, 1));
  c->objective = g_strdup (fid_sqlite_text (stmt, 2));
  c->channel = g_strdup (fid_sqlite_text (stmt, 3));
  c->channel_mode = dup_column (stmt, 4);
  c->product_family = g_strdup (fid_sqlite_text (stmt, 5));
  c->starts_on = dup_column (stmt, 6);
  c->ends_on = dup_column (stmt, 7);
  c->cost_per_contact_cents = sqlite3_column_int64 (stmt, 8);
  c->fixed_cost_cents = sqlite3_column_int64 (stmt, 9);
  c->margin_per_conversion_cents = sqlite3_column_int64 (stmt, 10);
  c->seed = sqlite3_column_int64 (stmt, 11);
  c->control_share = sqlite3_column_double (stmt, 12);
  c->attribution_days = (guint) sqlite3_column_int (stmt, 13);
  c->status = dup_column (stmt, 14);
  c->launched_at = dup_column (stmt, 15);
  c->created_at = dup_column (stmt, 16);
  c->pressure_max = sqlite3_column_int (stmt, 17);
  c->pressure_days = sqlite3_column_int (stmt, 18);
  t->snapshot_scheme = dup_column (stmt, 19);
  t->snapshot_taken_on = dup_column (stmt, 20);
  t->snapshot_segment = dup_column (stmt, 21);
  t->segment = dup_column (stmt, 22);
  t->lifecycle_stage = dup_column (stmt, 23);
  t->branch_id = sqlite3_column_int64 (stmt, 24);
  t->family_held = dup_column (stmt, 25);
  t->family_not_held = dup_column (stmt, 26);
  t->age_min = sqlite3_column_int (stmt, 27);
  t->age_max = sqlite3_column_int (stmt, 28);
  c->n_test = (guint64) sqlite3_column_int64 (stmt, 29);
  c->n_control = (guint64) sqlite3_column_int64 (stmt, 30);
  c->n_excluded = (guint64) sqlite3_column_int64 (stmt, 31);
  return c;
}

FidCampaign *
fid_store_get_campaign (FidStore  *self,
                        gint64     id,
                        GError   **error)
{
  sqlite3_stmt *stmt;
  FidCampaign *campaign;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self, "SELECT " CAMPAIGN_COLUMNS " WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!fid_store_step_row (self, stmt, _("read a campaign"), error,
                           _("There is no campaign %" PRId64 "."), id))
    return NULL;
  campaign = read_campaign (stmt);
  sqlite3_reset (stmt);
  return campaign;
}

GPtrArray *
fid_store_list_campaigns (FidStore  *self,
                          GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_campaign_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self, "SELECT " CAMPAIGN_COLUMNS " ORDER BY c.created_at DESC, c.id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_campaign (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list the campaigns"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
fid_store_list_target_segments (FidStore  *self,
                                GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  /* segment_snapshots_segment (scheme, taken_on, segment, customer_id)
   * gives the groups in one index pass. */
  stmt = fid_store_prepare (self,
                            "SELECT scheme, taken_on, segment, count (*) FROM segment_snapshots"
                            " GROUP BY scheme, taken_on, segment ORDER BY taken_on DESC, scheme, segment",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 5);

      row[0] = g_strdup (fid_sqlite_text (stmt, 0));
      row[1] = g_strdup (fid_sqlite_text (stmt, 1));
      row[2] = g_strdup (fid_sqlite_text (stmt, 2));
      row[3] = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 3));
      g_ptr_array_add (list, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list the saved segments"));
      return NULL;
    }
  return g_steal_pointer (&list);
}
