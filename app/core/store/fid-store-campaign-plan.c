/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Campaigns (issue 10): the plan — target, consent, contact pressure,
 * control group — and the launch. fid-store-campaigns.h describes the
 * rules; this file is how they run over a million customers: one pass over
 * the targeted customers in id order, two index probes each (the consent
 * row, the customer's recent interactions through interactions_customer_at),
 * and for the launch, three prepared inserts per customer in one
 * transaction. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fid-store-campaigns.h"
#include "fid-store-error.h"
#include "fid-store-private.h"

static const char * const default_opt_out[] = { "phone", "mail", "branch", NULL };

void
fid_campaign_plan_free (FidCampaignPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->excluded_consent, g_array_unref);
  g_clear_pointer (&plan->excluded_pressure, g_array_unref);
  g_clear_pointer (&plan->control, g_array_unref);
  g_clear_pointer (&plan->test, g_array_unref);
  g_clear_pointer (&plan->test_channels, g_ptr_array_unref);
  g_free (plan);
}

static FidCampaignPlan *
plan_new (gint64 campaign_id)
{
  FidCampaignPlan *plan = g_new0 (FidCampaignPlan, 1);

  plan->campaign_id = campaign_id;
  plan->excluded_consent = g_array_new (FALSE, FALSE, sizeof (gint64));
  plan->excluded_pressure = g_array_new (FALSE, FALSE, sizeof (gint64));
  plan->control = g_array_new (FALSE, FALSE, sizeof (gint64));
  plan->test = g_array_new (FALSE, FALSE, sizeof (gint64));
  plan->test_channels = g_ptr_array_new ();
  return plan;
}

/* splitmix64's finaliser: every bit of the input moves every bit of the
 * output, so consecutive ids land far apart. */
static inline guint64
mix64 (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

guint64
fid_campaign_control_hash (gint64 seed,
                           gint64 customer_id)
{
  return mix64 ((guint64) seed ^ mix64 ((guint64) customer_id));
}

typedef struct
{
  guint64      hash;
  gint64       id;
  const char  *channel;
} Eligible;

static int
compare_eligible_hash (gconstpointer a,
                       gconstpointer b)
{
  const Eligible *x = a, *y = b;

  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

static int
compare_eligible_id (gconstpointer a,
                     gconstpointer b)
{
  const Eligible *x = a, *y = b;

  return (x->id > y->id) - (x->id < y->id);
}

/* The SELECT of the targeted customers: fixed fragments for the fields the
 * targeting sets, every value bound (named parameters). */
static char *
targeting_sql (const FidCampaignTargeting *t)
{
  GString *sql = g_string_new ("SELECT c.id, c.preferred_channel FROM customers c WHERE 1");

  if (t->snapshot_scheme != NULL)
    g_string_append (sql, " AND c.id IN (SELECT customer_id FROM segment_snapshots"
                          " WHERE scheme = :scheme AND taken_on = :taken_on AND segment = :snapshot_segment)");
  if (t->segment != NULL)
    g_string_append (sql, " AND c.segment = :segment");
  if (t->lifecycle_stage != NULL)
    g_string_append (sql, " AND c.lifecycle_stage = :stage");
  if (t->branch_id > 0)
    g_string_append (sql, " AND c.branch_id = :branch");
  if (t->family_held != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM holdings h JOIN products p ON p.id = h.product_id"
                          " WHERE h.customer_id = c.id AND h.closed_on IS NULL AND p.family = :held)");
  if (t->family_not_held != NULL)
    g_string_append (sql, " AND NOT EXISTS (SELECT 1 FROM holdings h JOIN products p ON p.id = h.product_id"
                          " WHERE h.customer_id = c.id AND h.closed_on IS NULL AND p.family = :not_held)");
  /* Age on the launch day: at least min years old (born on or before
   * day − min years) and less than max + 1 years old. */
  if (t->age_min >= 0)
    g_string_append (sql, " AND c.birth_date <= date (:ref, '-' || :age_min || ' years')");
  if (t->age_max >= 0)
    g_string_append (sql, " AND c.birth_date > date (:ref, '-' || (:age_max + 1) || ' years')");
  g_string_append (sql, " ORDER BY c.id");
  return g_string_free (sql, FALSE);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

/* The launch moment, normalised, from @options->at or now. */
static char *
plan_moment (const FidCampaignPlanOptions *options,
             GError                      **error)
{
  char *at;

  if (options == NULL || options->at == NULL)
    return fid_store_now_iso ();
  if (fid_parse_iso_date (options->at, NULL))
    return g_strdup_printf ("%sT00:00:00", options->at);
  at = fid_normalize_iso_date_time (options->at);
  if (at == NULL)
    g_set_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_INVALID,
                 _("“%s” is not a date and time."), options->at);
  return at;
}

/* @at minus @days days, as an ISO date-time. */
static char *
moment_minus_days (const char *at,
                   guint       days)
{
  int y, mo, d, h = 0, mi = 0, s = 0;
  g_autoptr(GDateTime) moment = NULL;
  g_autoptr(GDateTime) before = NULL;

  if (sscanf (at, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) < 3)
    return g_strdup (at);
  moment = g_date_time_new_utc (y, mo, d, h, mi, s);
  if (moment == NULL)
    return g_strdup (at);
  before = g_date_time_add_days (moment, -(int) days);
  return g_date_time_format (before, "%Y-%m-%dT%H:%M:%S");
}

/* The plan of @campaign at @at, read through the caller's connection (in
 * the launch's transaction, or in autocommit for a preview). */
static FidCampaignPlan *
compute_plan (FidStore                     *self,
              const FidCampaign            *campaign,
              const char                   *at,
              const FidCampaignPlanOptions *options,
              GError                      **error)
{
  const FidCampaignTargeting *t = &campaign->targeting;
  const char * const *opt_out = options != NULL && options->opt_out_channels != NULL
                                ? options->opt_out_channels : default_opt_out;
  guint cap_max = options != NULL ? options->cap_max : 0;
  guint cap_days = options != NULL && options->cap_days > 0 ? options->cap_days : 30;
  g_autoptr(FidCampaignPlan) plan = plan_new (campaign->id);
  g_autoptr(GArray) eligible = g_array_new (FALSE, FALSE, sizeof (Eligible));
  g_autofree char *sql = targeting_sql (t);
  g_autofree char *since = moment_minus_days (at, cap_days);
  char ref[11];
  sqlite3_stmt *targets, *consent, *pressure;
  const char *fallback = g_intern_string (campaign->channel);
  gboolean preferred = g_strcmp0 (campaign->channel_mode, "preferred") == 0;
  guint n_control;
  int rc;

  g_strlcpy (ref, at, sizeof ref);

  /* The probes first: fid_store_prepare resets a cached statement, and
   * these run while the target statement is stepping. */
  consent = fid_store_prepare (self, "SELECT marketing FROM consents WHERE customer_id = ?1 AND channel = ?2", error);
  if (consent == NULL)
    return NULL;
  /* A marketing contact: one of a campaign, or one marked as marketing,
   * that took place (a failed send or a planned call is not a contact). */
  pressure = fid_store_prepare (self,
                                "SELECT count (*) FROM interactions WHERE customer_id = ?1"
                                " AND at > ?2 AND at <= ?3 AND status = 'done'"
                                " AND (campaign_id IS NOT NULL OR (details IS NOT NULL AND details ->> '$.marketing' = 1))",
                                error);
  if (pressure == NULL)
    return NULL;
  targets = fid_store_prepare (self, sql, error);
  if (targets == NULL)
    return NULL;

  bind_named_text (targets, ":scheme", t->snapshot_scheme);
  bind_named_text (targets, ":taken_on", t->snapshot_taken_on);
  bind_named_text (targets, ":snapshot_segment", t->snapshot_segment);
  bind_named_text (targets, ":segment", t->segment);
  bind_named_text (targets, ":stage", t->lifecycle_stage);
  bind_named_int64 (targets, ":branch", t->branch_id);
  bind_named_text (targets, ":held", t->family_held);
  bind_named_text (targets, ":not_held", t->family_not_held);
  bind_named_text (targets, ":ref", ref);
  bind_named_int64 (targets, ":age_min", t->age_min);
  bind_named_int64 (targets, ":age_max", t->age_max);

  sqlite3_bind_text (pressure, 2, since, -1, SQLITE_STATIC);
  sqlite3_bind_text (pressure, 3, at, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (targets)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (targets, 0);
      const char *pref = (const char *) sqlite3_column_text (targets, 1);
      const char *channel = preferred && pref != NULL && pref[0] != '\0' ? g_intern_string (pref) : fallback;
      gboolean allowed;
      Eligible e;

      plan->n_targeted++;

      sqlite3_bind_int64 (consent, 1, id);
      sqlite3_bind_text (consent, 2, channel, -1, SQLITE_STATIC);
      rc = sqlite3_step (consent);
      if (rc == SQLITE_ROW)
        allowed = sqlite3_column_int (consent, 0) == 1;
      else if (rc == SQLITE_DONE)
        allowed = g_strv_contains (opt_out, channel);
      else
        break;
      sqlite3_reset (consent);
      if (!allowed)
        {
          g_array_append_val (plan->excluded_consent, id);
          continue;
        }

      if (cap_max > 0)
        {
          gint64 recent;

          sqlite3_bind_int64 (pressure, 1, id);
          rc = sqlite3_step (pressure);
          if (rc != SQLITE_ROW)
            break;
          recent = sqlite3_column_int64 (pressure, 0);
          sqlite3_reset (pressure);
          if (recent >= (gint64) cap_max)
            {
              g_array_append_val (plan->excluded_pressure, id);
              continue;
            }
        }

      e.hash = fid_campaign_control_hash (campaign->seed, id);
      e.id = id;
      e.channel = channel;
      g_array_append_val (eligible, e);
    }
  sqlite3_reset (consent);
  sqlite3_reset (pressure);
  sqlite3_clear_bindings (pressure);
  sqlite3_reset (targets);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("plan a campaign"));
      return NULL;
    }

  /* The hold-out: the round (n × share) smallest hashes; sorting the
   * two parts by id again keeps the lists in the order they are shown. */
  n_control = (guint) floor (eligible->len * campaign->control_share + 0.5);
  g_array_sort (eligible, compare_eligible_hash);
  if (n_control > 0)
    qsort (eligible->data, n_control, sizeof (Eligible), (int (*) (const void *, const void *)) compare_eligible_id);
  if (eligible->len > n_control)
    qsort (&g_array_index (eligible, Eligible, n_control), eligible->len - n_control, sizeof (Eligible),
           (int (*) (const void *, const void *)) compare_eligible_id);
  for (guint i = 0; i < eligible->len; i++)
    {
      const Eligible *e = &g_array_index (eligible, Eligible, i);

      if (i < n_control)
        g_array_append_val (plan->control, e->id);
      else
        {
          g_array_append_val (plan->test, e->id);
          g_ptr_array_add (plan->test_channels, (gpointer) e->channel);
        }
    }
  return g_steal_pointer (&plan);
}

FidCampaignPlan *
fid_store_plan_campaign (FidStore                     *self,
                         gint64                        id,
                         const FidCampaignPlanOptions *options,
                         GError                      **error)
{
  g_autoptr(FidCampaign) campaign = NULL;
  g_autofree char *at = NULL;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  campaign = fid_store_get_campaign (self, id, error);
  if (campaign == NULL)
    return NULL;
  at = plan_moment (options, error);
  if (at == NULL)
    return NULL;
  return compute_plan (self, campaign, at, options, error);
}

static gboolean
insert_group (FidStore      *self,
              sqlite3_stmt  *stmt,
              gint64         campaign_id,
              GArray        *ids,
              const char    *grp,
              const char    *contacted_at,
              GError       **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, campaign_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      sqlite3_bind_text (stmt, 3, grp, -1, SQLITE_STATIC);
      fid_sqlite_bind_text_or_null (stmt, 4, contacted_at);
      if (!fid_store_step_write (self, stmt, _("save a campaign’s targets"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_exclusions (FidStore      *self,
                   gint64         campaign_id,
                   GArray        *ids,
                   const char    *reason,
                   GError       **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self,
                                          "INSERT INTO campaign_exclusions (campaign_id, customer_id, reason)"
                                          " VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, campaign_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_STATIC);
      if (!fid_store_step_write (self, stmt, _("save a campaign’s exclusions"), error))
        return FALSE;
    }
  return TRUE;
}

/* The page cache's size (PRAGMA cache_size: pages, or −KiB). */
static int
get_cache_size (FidStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int size = 0;

  if (sqlite3_prepare_v2 (fid_store_get_db (self), "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

/* The page cache's size, and for the launch a memory map of the file:
 * reading the pages it touches through the map saves a system call per
 * page (0 turns the map off again). */
static void
set_cache_size (FidStore *self,
                int       size,
                gint64    mmap_size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d; PRAGMA mmap_size = %" G_GINT64_FORMAT,
                                          size, mmap_size);

  sqlite3_exec (fid_store_get_db (self), sql, NULL, NULL, NULL);
}

/* A launch to 100,000 customers dirties tens of thousands of pages spread
 * over the file (each contact's index entries and aggregates): with the
 * store's usual 16 MiB cache they would spill to the WAL again and again
 * before the commit. For the launch only, the cache may hold them all. */
#define LAUNCH_CACHE_KIB 262144
#define LAUNCH_MMAP_BYTES G_GINT64_CONSTANT (0x100000000)

gboolean
fid_store_launch_campaign (FidStore                     *self,
                           gint64                        id,
                           const FidCampaignPlanOptions *options,
                           FidCampaignPlan             **plan_out,
                           GError                      **error)
{
  g_autoptr(FidCampaign) campaign = NULL;
  g_autoptr(FidCampaignPlan) plan = NULL;
  g_autofree char *at = NULL;
  g_autofree char *audit = NULL;
  sqlite3_stmt *stmt;
  int cache_size;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  at = plan_moment (options, error);
  if (at == NULL)
    return FALSE;
  cache_size = get_cache_size (self);
  set_cache_size (self, -LAUNCH_CACHE_KIB, LAUNCH_MMAP_BYTES);
  if (!fid_store_begin (self, error))
    {
      set_cache_size (self, cache_size, 0);
      return FALSE;
    }

  /* Read and plan inside the write transaction: no other program can add
   * a contact between the pressure check and the launch. */
  campaign = fid_store_get_campaign (self, id, error);
  if (campaign == NULL)
    goto failed;
  if (g_strcmp0 (campaign->status, "draft") != 0)
    {
      g_set_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_NOT_DRAFT,
                   _("Campaign “%s” has already been launched."), campaign->name);
      goto failed;
    }
  plan = compute_plan (self, campaign, at, options, error);
  if (plan == NULL)
    goto failed;

  stmt = fid_store_prepare (self,
                            "DELETE FROM campaign_targets WHERE campaign_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!fid_store_step_write (self, stmt, _("save a campaign’s targets"), error))
    goto failed;
  stmt = fid_store_prepare (self, "DELETE FROM campaign_exclusions WHERE campaign_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!fid_store_step_write (self, stmt, _("save a campaign’s exclusions"), error))
    goto failed;

  stmt = fid_store_prepare (self,
                            "INSERT INTO campaign_targets (campaign_id, customer_id, grp, contacted_at)"
                            " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL ||
      !insert_group (self, stmt, id, plan->control, "control", NULL, error) ||
      !insert_group (self, stmt, id, plan->test, "test", at, error) ||
      !insert_exclusions (self, id, plan->excluded_consent, "consent", error) ||
      !insert_exclusions (self, id, plan->excluded_pressure, "pressure", error))
    goto failed;

  /* Each contact is an outbound interaction on its channel, in the
   * customer's timeline, counted by the next campaign's pressure check. */
  stmt = fid_store_prepare (self,
                            "INSERT INTO interactions (customer_id, channel, direction, at, subject, notes,"
                            " outcome, campaign_id, status)"
                            " VALUES (?1, ?2, 'outbound', ?3, ?4, ?5, NULL, ?6, 'done')", error);
  if (stmt == NULL)
    goto failed;
  for (guint i = 0; i < plan->test->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (plan->test, gint64, i));
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (plan->test_channels, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, campaign->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, campaign->objective != NULL ? campaign->objective : "", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, id);
      if (!fid_store_step_write (self, stmt, _("record a campaign contact"), error))
        goto failed;
    }

  stmt = fid_store_prepare (self,
                            "UPDATE campaigns SET status = 'launched', launched_at = ?2,"
                            " pressure_max = ?3, pressure_days = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, options != NULL ? (int) options->cap_max : 0);
  sqlite3_bind_int (stmt, 4, options != NULL && options->cap_days > 0 ? (int) options->cap_days : 30);
  if (!fid_store_step_write (self, stmt, _("launch a campaign"), error))
    goto failed;

  /* One audit row for the launch, with the counts: the contacts are
   * in the interactions, with the campaign's id. */
  audit = g_strdup_printf ("{\"targeted\": %" G_GUINT64_FORMAT ", \"excluded_consent\": %u,"
                           " \"excluded_pressure\": %u, \"control\": %u, \"contacted\": %u}",
                           plan->n_targeted, plan->excluded_consent->len, plan->excluded_pressure->len,
                           plan->control->len, plan->test->len);
  if (!fid_store_audit (self, "launch", "campaign", id, audit, error) ||
      !fid_store_commit (self, error))
    goto failed;

  set_cache_size (self, cache_size, 0);
  if (plan_out != NULL)
    *plan_out = g_steal_pointer (&plan);
  return TRUE;

failed:
  fid_store_rollback (self);
  set_cache_size (self, cache_size, 0);
  return FALSE;
}

static const char * const member_sql[] = {
  [FID_CAMPAIGN_MEMBERS_TEST] =
    "SELECT customer_id FROM campaign_targets WHERE campaign_id = ?1 AND grp = 'test' ORDER BY customer_id",
  [FID_CAMPAIGN_MEMBERS_CONTROL] =
    "SELECT customer_id FROM campaign_targets WHERE campaign_id = ?1 AND grp = 'control' ORDER BY customer_id",
  [FID_CAMPAIGN_MEMBERS_RESPONDED] =
    "SELECT customer_id FROM campaign_targets WHERE campaign_id = ?1 AND responded_at IS NOT NULL"
    " ORDER BY customer_id",
  [FID_CAMPAIGN_MEMBERS_EXCLUDED_CONSENT] =
    "SELECT customer_id FROM campaign_exclusions WHERE campaign_id = ?1 AND reason = 'consent'"
    " ORDER BY customer_id",
  [FID_CAMPAIGN_MEMBERS_EXCLUDED_PRESSURE] =
    "SELECT customer_id FROM campaign_exclusions WHERE campaign_id = ?1 AND reason = 'pressure'"
    " ORDER BY customer_id",
};

GArray *
fid_store_list_campaign_members (FidStore            *self,
                                 gint64               id,
                                 FidCampaignMembers   members,
                                 GError             **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  g_return_val_if_fail (members <= FID_CAMPAIGN_MEMBERS_EXCLUDED_PRESSURE, NULL);

  stmt = fid_store_prepare (self, member_sql[members], error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 customer_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, customer_id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list a campaign’s customers"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

FidCampaignPlan *
fid_store_load_campaign_plan (FidStore  *self,
                              gint64     id,
                              GError   **error)
{
  g_autoptr(FidCampaignPlan) plan = plan_new (id);
  g_autoptr(FidCampaign) campaign = NULL;
  GArray **lists[] = { &plan->test, &plan->control, NULL, &plan->excluded_consent, &plan->excluded_pressure };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  campaign = fid_store_get_campaign (self, id, error);
  if (campaign == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      if (lists[i] == NULL)
        continue;
      g_array_unref (*lists[i]);
      *lists[i] = fid_store_list_campaign_members (self, id, (FidCampaignMembers) i, error);
      if (*lists[i] == NULL)
        return NULL;
    }

  /* A test customer's channel is their contact's (interactions_customer_at
   * finds it); the campaign's for a customer never contacted. */
  stmt = fid_store_prepare (self,
                            "SELECT coalesce ((SELECT i.channel FROM interactions i WHERE i.customer_id = t.customer_id"
                            "  AND i.campaign_id = t.campaign_id LIMIT 1), ?2)"
                            " FROM campaign_targets t WHERE t.campaign_id = ?1 AND t.grp = 'test'"
                            " ORDER BY t.customer_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, campaign->channel, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (plan->test_channels, (gpointer) g_intern_string (fid_sqlite_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read a campaign’s plan"));
      return NULL;
    }
  plan->n_targeted = plan->test->len + plan->control->len + plan->excluded_consent->len +
                     plan->excluded_pressure->len;
  return g_steal_pointer (&plan);
}
