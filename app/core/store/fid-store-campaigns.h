/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Marketing campaigns (issue 10): a campaign's definition and targeting
 * (fid-store-campaigns.c), its plan and launch (fid-store-campaign-plan.c),
 * and its responses and results (fid-store-campaign-results.c).
 *
 * The plan of a campaign, in order:
 *   1. targeted: the customers its targeting selects;
 *   2. excluded for consent: no marketing consent on the channel they
 *      would be contacted on. E-mail, SMS and web are opt-in (French law,
 *      CPCE L34-5, GDPR): a customer without a consent row on them is
 *      excluded. Phone, post and branch are opt-out: only a recorded "no"
 *      excludes (the FidChannel consent policies);
 *   3. excluded by the contact-pressure cap: customers who already had
 *      @cap_max marketing contacts (interactions of a campaign, or marked
 *      "marketing" in their details, that took place) in the @cap_days
 *      days before the launch, across all campaigns;
 *   4. the control group: of the customers left, the round (n × share)
 *      ones with the smallest hash of (seed, customer id). Same seed and
 *      same target: same control group, whatever the order of the rows;
 *   5. the test group: the others, contacted at the launch. */

#include <gio/gio.h>

#include "fid-store.h"

G_BEGIN_DECLS

#define FID_CAMPAIGN_ERROR (fid_campaign_error_quark ())

typedef enum
{
  FID_CAMPAIGN_ERROR_INVALID,       /* a field of the campaign or of an import is wrong */
  FID_CAMPAIGN_ERROR_NOT_DRAFT,     /* launching or editing a campaign already launched */
  FID_CAMPAIGN_ERROR_NOT_LAUNCHED,  /* a response to a campaign not launched */
  FID_CAMPAIGN_ERROR_NOT_TARGET,    /* a response from a customer the campaign did not target */
} FidCampaignError;

GQuark fid_campaign_error_quark (void);

/* Who a campaign targets: every set field narrows it. */
typedef struct
{
  char   *snapshot_scheme;     /* a saved segment: scheme, date and segment key, */
  char   *snapshot_taken_on;   /* all three or none */
  char   *snapshot_segment;
  char   *segment;             /* customers.segment */
  char   *lifecycle_stage;
  gint64  branch_id;           /* 0: any */
  char   *family_held;         /* holds an open product of that family */
  char   *family_not_held;     /* holds none */
  int     age_min;             /* -1: no bound */
  int     age_max;             /* -1: no bound */
} FidCampaignTargeting;

typedef struct
{
  gint64   id;
  char    *name;
  char    *objective;
  char    *channel;            /* the forced channel, or the fallback of "preferred" */
  char    *channel_mode;       /* "forced" or "preferred" */
  char    *product_family;     /* what is promoted (conversions) */
  char    *starts_on;          /* YYYY-MM-DD */
  char    *ends_on;
  gint64   cost_per_contact_cents;
  gint64   fixed_cost_cents;
  gint64   margin_per_conversion_cents;
  gint64   seed;
  double   control_share;      /* 0 … 0.9 */
  guint    attribution_days;   /* 1 … 366 */
  char    *status;             /* "draft", "launched", "closed" */
  char    *launched_at;        /* NULL for a draft */
  char    *created_at;
  int      pressure_max;       /* the cap applied at the launch; -1 unknown */
  int      pressure_days;
  FidCampaignTargeting targeting;
  /* Read by fid_store_list_campaigns / fid_store_get_campaign. */
  guint64  n_test;
  guint64  n_control;
  guint64  n_excluded;
} FidCampaign;

/* A new campaign with the defaults: forced e-mail, 10 % control group,
 * 30-day attribution window, no targeting, starting today. */
FidCampaign *fid_campaign_new                  (void);
void         fid_campaign_free                 (FidCampaign   *campaign);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidCampaign, fid_campaign_free)

/* Checks the fields a user types (FID_CAMPAIGN_ERROR_INVALID with the
 * reason); the store calls it before writing. */
gboolean     fid_campaign_validate             (const FidCampaign *campaign,
                                                GError        **error);

/* Writes a new draft (status and launch fields are ignored) with its
 * targeting; returns its id, 0 on error. With an audit row. */
gint64       fid_store_create_campaign         (FidStore      *self,
                                                FidCampaign   *campaign,
                                                GError       **error);
/* Replaces a draft's definition and targeting (FID_CAMPAIGN_ERROR_NOT_DRAFT
 * once launched). */
gboolean     fid_store_update_campaign         (FidStore      *self,
                                                FidCampaign   *campaign,
                                                GError       **error);
/* Deletes a draft. */
gboolean     fid_store_delete_campaign         (FidStore      *self,
                                                gint64         id,
                                                GError       **error);
FidCampaign *fid_store_get_campaign            (FidStore      *self,
                                                gint64         id,
                                                GError       **error);
/* Every campaign, newest first, with its group sizes: FidCampaign. */
GPtrArray   *fid_store_list_campaigns          (FidStore      *self,
                                                GError       **error);

/* The saved segments a campaign can target: for every segment snapshot,
 * each segment it has, as a GPtrArray of GStrv {scheme, taken_on,
 * segment, count}, newest snapshot first. */
GPtrArray   *fid_store_list_target_segments    (FidStore      *self,
                                                GError       **error);

/* Planning and launching ------------------------------------------------- */

typedef struct
{
  guint               cap_max;        /* marketing contacts allowed per period */
  guint               cap_days;       /* the rolling period, in days (>= 1) */
  const char         *at;             /* the launch moment (date-time); NULL: now */
  /* Channels where only a recorded "no" excludes; NULL: phone, mail, branch. */
  const char * const *opt_out_channels;
} FidCampaignPlanOptions;

typedef struct
{
  gint64   campaign_id;
  guint64  n_targeted;
  GArray  *excluded_consent;     /* gint64 customer ids, ascending */
  GArray  *excluded_pressure;
  GArray  *control;
  GArray  *test;                 /* "to contact" */
  GPtrArray *test_channels;      /* interned channel of each test customer */
} FidCampaignPlan;

void             fid_campaign_plan_free        (FidCampaignPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidCampaignPlan, fid_campaign_plan_free)

/* The hold-out draw: the position of (@seed, @customer_id) in the control
 * order (a 64-bit mix; smaller is drawn first). */
guint64          fid_campaign_control_hash     (gint64          seed,
                                                gint64          customer_id);

/* Computes the plan of a draft without writing anything. */
FidCampaignPlan *fid_store_plan_campaign       (FidStore       *self,
                                                gint64          id,
                                                const FidCampaignPlanOptions *options,
                                                GError        **error);
/* Plans again and launches, in one transaction: writes the groups and the
 * exclusions, one outbound interaction per test customer on their channel
 * (with the campaign id), and marks the campaign launched. @plan (may be
 * NULL) receives what was launched. */
gboolean         fid_store_launch_campaign     (FidStore       *self,
                                                gint64          id,
                                                const FidCampaignPlanOptions *options,
                                                FidCampaignPlan **plan,
                                                GError        **error);
/* The plan a launched campaign was launched with (from its groups and
 * exclusions); for a draft, an empty plan. */
FidCampaignPlan *fid_store_load_campaign_plan  (FidStore       *self,
                                                gint64          id,
                                                GError        **error);

/* Responses and results ---------------------------------------------------- */

/* Records that @customer_id responded at @responded_at (date or
 * date-time; NULL: now). The customer must be in the campaign's groups. */
gboolean         fid_store_record_campaign_response (FidStore  *self,
                                                     gint64     campaign_id,
                                                     gint64     customer_id,
                                                     const char *responded_at,
                                                     GError   **error);
/* Imports responses from a CSV file with a header: customer_id (required),
 * responded_at (optional, date or date-time; empty: now). All or nothing:
 * when a row is wrong nothing is written and the error lists the lines
 * (FID_CAMPAIGN_ERROR_INVALID). *n_imported counts the rows. */
gboolean         fid_store_import_campaign_responses (FidStore   *self,
                                                      gint64      campaign_id,
                                                      const char *data,
                                                      gsize       length,
                                                      guint      *n_imported,
                                                      GError    **error);

/* The counts behind a campaign's results. A target converts when the
 * campaign recorded it, or when within the attribution window after its
 * contact (control group: after the launch) it opened a holding of the
 * promoted family or made a transaction of that family. */
typedef struct
{
  guint64 n_test;
  guint64 n_control;
  guint64 n_contacted;
  guint64 test_responses;
  guint64 control_responses;
  guint64 test_conversions;
  guint64 control_conversions;
  gint64  cost_cents;               /* fixed + per contact × contacted */
  gint64  margin_per_conversion_cents;
} FidCampaignCounts;

gboolean         fid_store_count_campaign_results (FidStore        *self,
                                                   gint64           id,
                                                   FidCampaignCounts *counts,
                                                   GError         **error);

typedef enum
{
  FID_CAMPAIGN_MEMBERS_TEST,
  FID_CAMPAIGN_MEMBERS_CONTROL,
  FID_CAMPAIGN_MEMBERS_RESPONDED,
  FID_CAMPAIGN_MEMBERS_EXCLUDED_CONSENT,
  FID_CAMPAIGN_MEMBERS_EXCLUDED_PRESSURE,
} FidCampaignMembers;

/* Customer ids (gint64, ascending) of one list of a launched campaign. */
GArray          *fid_store_list_campaign_members (FidStore         *self,
                                                  gint64            id,
                                                  FidCampaignMembers members,
                                                  GError          **error);

G_END_DECLS
