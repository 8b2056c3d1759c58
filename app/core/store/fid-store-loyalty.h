/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The loyalty programme (issue 14): members, referrals, earning rules, the
 * append-only points ledger, rewards and redemptions, and the programme's
 * figures.
 *
 * Points arrive when the event happens: the schema's triggers credit a
 * converted referral and a product opened when the holding is written,
 * and a survey answered when the response is (data/sql/008-loyalty.sql).
 * fid_store_loyalty_accrue posts what no row announces: years of
 * relationship and expiry. Every credit is unique per source, so nothing
 * is ever credited twice. */

#include <gio/gio.h>

#include "fid-engagement.h"
#include "fid-store.h"

G_BEGIN_DECLS

#define FID_LOYALTY_ERROR (fid_loyalty_error_quark ())

typedef enum
{
  FID_LOYALTY_ERROR_INSUFFICIENT_POINTS,  /* the balance does not cover the reward */
  FID_LOYALTY_ERROR_NOT_A_MEMBER,         /* only members redeem */
  FID_LOYALTY_ERROR_ALREADY_REFERRED,     /* a person is referred once */
  FID_LOYALTY_ERROR_ALREADY_CUSTOMER,     /* the referred person already holds a product */
  FID_LOYALTY_ERROR_UNKNOWN_REWARD,       /* no such reward, or withdrawn */
} FidLoyaltyError;

GQuark fid_loyalty_error_quark (void);

typedef enum
{
  FID_LOYALTY_RULE_REFERRAL_CONVERTED,
  FID_LOYALTY_RULE_PRODUCT_OPENED,
  FID_LOYALTY_RULE_RELATIONSHIP_YEAR,
  FID_LOYALTY_RULE_SURVEY_ANSWERED,
  FID_LOYALTY_N_RULES,
} FidLoyaltyRule;

/* "referral_converted", … (the loyalty_rules.kind) and its label. */
const char *fid_loyalty_rule_kind       (FidLoyaltyRule rule);
const char *fid_loyalty_rule_label      (FidLoyaltyRule rule);

typedef struct
{
  gint64  id;
  gint64  referrer_id;
  char   *referrer_name;
  gint64  referred_id;
  char   *referred_name;
  char   *referred_on;    /* YYYY-MM-DD */
  char   *converted_on;   /* NULL while the referred person holds nothing */
  gint64  points;         /* credited to the referrer for it (0: none yet) */
} FidReferral;

void fid_referral_free (FidReferral *referral);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidReferral, fid_referral_free)

typedef struct
{
  gint64  id;
  gint64  customer_id;
  gint64  points;         /* + earned, − spent or expired */
  char   *reason;
  char   *source_kind;    /* referral, holding, relationship_year, survey_response, redemption, expiry */
  gint64  source_id;
  char   *posted_on;
  char   *expires_on;     /* earning lines: first day they are no longer valid; NULL: never */
} FidLedgerLine;

void fid_ledger_line_free (FidLedgerLine *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidLedgerLine, fid_ledger_line_free)
/* "Referral converted", "Product opened"… for @source_kind. */
const char *fid_ledger_source_label (const char *source_kind);

typedef struct
{
  gint64    id;
  char     *name;
  gint64    cost_points;
  gboolean  active;
} FidReward;

void fid_reward_free (FidReward *reward);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidReward, fid_reward_free)

/* Membership. @joined_on NULL: today. Enrolling a member again keeps the
 * first date. */
gboolean    fid_store_loyalty_enrol           (FidStore     *self,
                                               gint64        customer_id,
                                               const char   *joined_on,
                                               GError      **error);
/* *joined_on (may be NULL) is set to a new string, or NULL for a non-member. */
gboolean    fid_store_loyalty_get_membership  (FidStore     *self,
                                               gint64        customer_id,
                                               char        **joined_on,
                                               GError      **error);

/* Records that @referrer_id referred @referred_id on @referred_on (NULL:
 * today) and enrols the referrer. Refused (nothing written) when either is
 * unknown, they are the same person, the person was already referred, or
 * already holds a product (a referral brings in a new customer). When the
 * referred person opens their first holding, the referral converts and the
 * referrer is credited. Returns the referral id, 0 on error. */
gint64      fid_store_loyalty_record_referral (FidStore     *self,
                                               gint64        referrer_id,
                                               gint64        referred_id,
                                               const char   *referred_on,
                                               GError      **error);
/* The referrals @customer_id made or came from, oldest first: a
 * GPtrArray of FidReferral. */
GPtrArray  *fid_store_loyalty_list_referrals  (FidStore     *self,
                                               gint64        customer_id,
                                               GError      **error);

/* Ledger. The balance is the sum of the customer's lines. */
gboolean    fid_store_loyalty_get_balance     (FidStore     *self,
                                               gint64        customer_id,
                                               gint64       *balance,
                                               GError      **error);
/* Newest first, at most @limit lines (0: all): FidLedgerLine. */
GPtrArray  *fid_store_loyalty_list_ledger     (FidStore     *self,
                                               gint64        customer_id,
                                               guint         limit,
                                               GError      **error);

/* Rules and settings. */
gboolean    fid_store_loyalty_get_rule_points (FidStore     *self,
                                               FidLoyaltyRule rule,
                                               gint64       *points,
                                               GError      **error);
gboolean    fid_store_loyalty_set_rule_points (FidStore     *self,
                                               FidLoyaltyRule rule,
                                               gint64        points,
                                               GError      **error);
gboolean    fid_store_loyalty_get_validity_months (FidStore *self,
                                               int          *months,
                                               GError      **error);
/* 0: points never expire. */
gboolean    fid_store_loyalty_set_validity_months (FidStore *self,
                                               int           months,
                                               GError      **error);

/* Rewards: FidReward, cheapest first; only active ones unless @all. */
GPtrArray  *fid_store_loyalty_list_rewards    (FidStore     *self,
                                               gboolean      all,
                                               GError      **error);
gint64      fid_store_loyalty_add_reward      (FidStore     *self,
                                               const char   *name,
                                               gint64        cost_points,
                                               GError      **error);

/* Redeems @reward_id for a member on @today (NULL: today): expires what is
 * due first, then checks the balance and writes the redemption and its
 * negative ledger line, all in one write transaction, so two redemptions
 * at once (two windows, two programs) cannot overdraw: the second sees
 * the first's line. FID_LOYALTY_ERROR_INSUFFICIENT_POINTS names the
 * balance and the cost. Returns the redemption id, 0 on error. */
gint64      fid_store_loyalty_redeem          (FidStore     *self,
                                               gint64        customer_id,
                                               gint64        reward_id,
                                               const char   *today,
                                               GError      **error);

typedef struct
{
  gint64 relationship_lines;   /* years of relationship credited */
  gint64 relationship_points;
  gint64 expiry_lines;         /* earning lines expired */
  gint64 expired_points;
} FidLoyaltyAccrual;

/* Posts every member's years of relationship completed by @today (NULL:
 * today) and expires points whose expires_on is on or before @today.
 * Idempotent: a second run on the same day posts nothing. @accrual may be
 * NULL. */
gboolean    fid_store_loyalty_accrue          (FidStore     *self,
                                               const char   *today,
                                               FidLoyaltyAccrual *accrual,
                                               GError      **error);

/* Fills the demo bank's programme (members, referrals, credits and a few
 * redemptions), accrues it and computes the engagement scores as of
 * @today, without audit rows. */
gboolean    fid_store_loyalty_seed_demo       (FidStore     *self,
                                               const char   *today,
                                               GError      **error);

/* The programme dashboard over [@from, @to] (YYYY-MM-DD). */
typedef struct
{
  gint64 members;              /* joined on or before @to */
  gint64 active_members;       /* members with a ledger line in the period */
  gint64 points_issued;        /* earned in the period */
  gint64 points_redeemed;      /* spent on rewards in the period */
  gint64 points_expired;       /* expired in the period */
  gint64 outstanding_points;   /* every balance today: the liability */
  gint64 liability_cents;      /* outstanding points × the value of a point */
  gint64 referrals;            /* referred in the period */
  gint64 referrals_converted;  /* of those, converted */
  double conversion_rate;      /* converted / referrals (0 without referrals) */
  /* Retention: customers holding a product on @from who still hold one on
   * @to, among members (joined on or before @from) and among the others. */
  gint64 members_at_start;
  gint64 members_retained;
  gint64 others_at_start;
  gint64 others_retained;
  double member_retention;
  double other_retention;
} FidLoyaltyStats;

gboolean    fid_store_loyalty_get_stats       (FidStore     *self,
                                               const char   *from,
                                               const char   *to,
                                               FidLoyaltyStats *stats,
                                               GError      **error);

/* Engagement score (fid-store-engagement.c; formula in fid-engagement.c). */
gboolean    fid_store_engagement_get_weights  (FidStore     *self,
                                               FidEngagementWeights *weights,
                                               GError      **error);
/* @name is one of fid_engagement_weight_names (). */
gboolean    fid_store_engagement_set_weight   (FidStore     *self,
                                               const char   *name,
                                               double        value,
                                               GError      **error);
/* One customer's inputs as of @as_of (YYYY-MM-DD) over @window_days. */
gboolean    fid_store_engagement_get_inputs   (FidStore     *self,
                                               gint64        customer_id,
                                               const char   *as_of,
                                               double        window_days,
                                               FidEngagementInputs *inputs,
                                               GError      **error);
/* Everyone's inputs in one pass per table: a GArray of
 * FidEngagementInputs dense by id (skip elements whose exists is FALSE). */
GArray     *fid_store_engagement_collect      (FidStore     *self,
                                               const char   *as_of,
                                               double        window_days,
                                               GCancellable *cancellable,
                                               GError      **error);
/* Recomputes every score as of @as_of (NULL: today) with the stored
 * weights and caches the ones that changed (*n_changed). */
gboolean    fid_store_engagement_refresh      (FidStore     *self,
                                               const char   *as_of,
                                               GCancellable *cancellable,
                                               gint64       *n_changed,
                                               GError      **error);
/* The as-of date of the cached scores ("" before the first refresh). */
char       *fid_store_engagement_dup_as_of    (FidStore     *self,
                                               GError      **error);
/* The customers whose cached score is in [@min_score, @max_score] (only
 * the unqualified prospects with @unqualified_only), most engaged first:
 * a GArray of gint64, for a FidCustomerFilter's ids. */
GArray     *fid_store_engagement_list_ids     (FidStore     *self,
                                               int           min_score,
                                               int           max_score,
                                               gboolean      unqualified_only,
                                               GError      **error);
/* The explanation of one customer's score as of @as_of (NULL: today). */
char       *fid_store_engagement_explain      (FidStore     *self,
                                               gint64        customer_id,
                                               const char   *as_of,
                                               GError      **error);

G_END_DECLS
