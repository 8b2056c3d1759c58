/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The engagement (quality) score, 0–100, of every customer and prospect
 * (issue 14): how much, how recently and through which channels they
 * interact, whether they answer campaigns and surveys, whether they bring
 * referrals. The formula is in fid-engagement.c; the weights are editable
 * (the engagement_weights table). The score is cached in customer_stats
 * so that the customer list sorts by it. */

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  FID_ENGAGEMENT_CHANNEL_BRANCH,
  FID_ENGAGEMENT_CHANNEL_PHONE,
  FID_ENGAGEMENT_CHANNEL_WEB,
  FID_ENGAGEMENT_CHANNEL_EMAIL,
  FID_ENGAGEMENT_CHANNEL_SMS,
  FID_ENGAGEMENT_CHANNEL_MAIL,
  FID_ENGAGEMENT_CHANNEL_OTHER,
  FID_ENGAGEMENT_N_CHANNELS,
} FidEngagementChannel;

/* The channel of an interactions.channel value (OTHER when unknown). */
FidEngagementChannel fid_engagement_channel_from_name (const char *channel);
const char          *fid_engagement_channel_name      (FidEngagementChannel channel);

typedef struct
{
  double recency_points;        /* at most this much for a contact today */
  double recency_days;          /* … falling linearly to 0 after this many days */
  double window_days;           /* activity counted over this many days */
  double interactions_cap;
  double channel[FID_ENGAGEMENT_N_CHANNELS];   /* per interaction */
  double campaign_response;     /* per response */
  double campaign_cap;
  double survey_answered;       /* per survey answered */
  double survey_cap;
  double referral;              /* per referral made */
  double referral_converted;    /* more per referral that became a customer */
  double referral_cap;
} FidEngagementWeights;

/* The defaults of data/sql/008-loyalty.sql. */
void         fid_engagement_weights_init_default (FidEngagementWeights *weights);
/* The weights' names in the engagement_weights table, NULL-terminated,
 * and a pointer to the field of @weights that @name names (NULL: none). */
const char * const *fid_engagement_weight_names  (void);
double      *fid_engagement_weight_field         (FidEngagementWeights *weights,
                                                  const char           *name);

/* What the score is computed from, for one customer, as of a date. */
typedef struct
{
  gint64   customer_id;
  gint32   days_since_contact;  /* days since the last interaction; -1: never */
  guint16  n_channel[FID_ENGAGEMENT_N_CHANNELS];  /* interactions in the window */
  guint16  n_responses;         /* campaign responses in the window */
  guint16  n_surveys;           /* surveys answered in the window */
  guint16  n_referrals;         /* referrals made in the window */
  guint16  n_converted;         /* … of which became customers */
  guint8   is_prospect;
  guint8   exists;
} FidEngagementInputs;

/* The parts of a score, before rounding. */
typedef struct
{
  double recency;
  double interactions;
  double campaigns;
  double surveys;
  double referrals;
} FidEngagementParts;

/* The score 0–100; @parts (may be NULL) gets each part. */
int          fid_engagement_score       (const FidEngagementWeights *weights,
                                         const FidEngagementInputs  *inputs,
                                         FidEngagementParts         *parts);
/* A prospect with no activity at all in the window: not worth more effort. */
gboolean     fid_engagement_is_unqualified (const FidEngagementInputs *inputs);
/* "Score 80 of 100: …", the contributions largest first (translated). */
char        *fid_engagement_explain     (const FidEngagementWeights *weights,
                                         const FidEngagementInputs  *inputs);

G_END_DECLS
