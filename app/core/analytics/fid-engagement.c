/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The engagement score (see fid-engagement.h).
 *
 * The formula, meant to be worked out by hand. W is the weights table, d
 * the days since the last interaction, and every count is over the
 * window (the last window_days days up to the as-of date):
 *
 *   recency      R = recency_points × max (0, 1 − d / recency_days)
 *                    (0 when never contacted)
 *   interactions I = min (interactions_cap, Σ_channel channel[c] × n_c)
 *   campaigns    C = min (campaign_cap, campaign_response × responses)
 *   surveys      S = min (survey_cap, survey_answered × surveys answered)
 *   referrals    F = min (referral_cap, referral × referrals made
 *                                       + referral_converted × converted)
 *
 *   score = R + I + C + S + F, rounded half up, clamped to 0 … 100.
 *
 * With the default weights the caps add up to 100 (30 + 30 + 15 + 10 +
 * 15): a customer contacted today, often, through the branch, who answers
 * campaigns and surveys and brings customers scores 100.
 *
 * Example (tests/core/test-engagement.c): as of 2026-11-30, last contact
 * 2026-11-12 (d = 18): R = 30 × (1 − 18/365) = 28.52; 2 branch visits, 3
 * calls and 4 e-mails: I = 2×4 + 3×3 + 4×1 = 21; one campaign response:
 * C = 5; three surveys: S = min (10, 15) = 10; one referral, converted:
 * F = min (15, 5 + 10) = 15; score = round (79.52) = 80.
 *
 * Recency and volume are separate terms on purpose: a single call today
 * is recent but thin, forty calls two years ago are neither. */

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fid-engagement.h"

static const char * const channel_names[FID_ENGAGEMENT_N_CHANNELS] = {
  "branch", "phone", "web", "email", "sms", "mail", "other",
};

FidEngagementChannel
fid_engagement_channel_from_name (const char *channel)
{
  for (guint i = 0; channel != NULL && i < FID_ENGAGEMENT_CHANNEL_OTHER; i++)
    if (g_str_equal (channel, channel_names[i]))
      return i;
  return FID_ENGAGEMENT_CHANNEL_OTHER;
}

const char *
fid_engagement_channel_name (FidEngagementChannel channel)
{
  g_return_val_if_fail (channel < FID_ENGAGEMENT_N_CHANNELS, NULL);
  return channel_names[channel];
}

static const struct
{
  const char *name;
  gsize       offset;
} weight_fields[] = {
  { "recency_points", G_STRUCT_OFFSET (FidEngagementWeights, recency_points) },
  { "recency_days", G_STRUCT_OFFSET (FidEngagementWeights, recency_days) },
  { "window_days", G_STRUCT_OFFSET (FidEngagementWeights, window_days) },
  { "interactions_cap", G_STRUCT_OFFSET (FidEngagementWeights, interactions_cap) },
  { "channel:branch", G_STRUCT_OFFSET (FidEngagementWeights, channel[FID_ENGAGEMENT_CHANNEL_BRANCH]) },
  { "channel:phone", G_STRUCT_OFFSET (FidEngagementWeights, channel[FID_ENGAGEMENT_CHANNEL_PHONE]) },
  { "channel:web", G_STRUCT_OFFSET (FidEngagementWeights, channel[FID_ENGAGEMENT_CHANNEL_WEB]) },
  { "channel:email", G_STRUCT_OFFSET (FidEngagementWeights, channel[FID_ENGAGEMENT_CHANNEL_EMAIL]) },
  { "channel:sms", G_STRUCT_OFFSET (FidEngagementWeights, channel[FID_ENGAGEMENT_CHANNEL_SMS]) },
  { "channel:mail", G_STRUCT_OFFSET (FidEngagementWeights, channel[FID_ENGAGEMENT_CHANNEL_MAIL]) },
  { "channel:other", G_STRUCT_OFFSET (FidEngagementWeights, channel[FID_ENGAGEMENT_CHANNEL_OTHER]) },
  { "campaign_response", G_STRUCT_OFFSET (FidEngagementWeights, campaign_response) },
  { "campaign_cap", G_STRUCT_OFFSET (FidEngagementWeights, campaign_cap) },
  { "survey_answered", G_STRUCT_OFFSET (FidEngagementWeights, survey_answered) },
  { "survey_cap", G_STRUCT_OFFSET (FidEngagementWeights, survey_cap) },
  { "referral", G_STRUCT_OFFSET (FidEngagementWeights, referral) },
  { "referral_converted", G_STRUCT_OFFSET (FidEngagementWeights, referral_converted) },
  { "referral_cap", G_STRUCT_OFFSET (FidEngagementWeights, referral_cap) },
};

const char * const *
fid_engagement_weight_names (void)
{
  static const char *names[G_N_ELEMENTS (weight_fields) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (weight_fields); i++)
      names[i] = weight_fields[i].name;
  return names;
}

double *
fid_engagement_weight_field (FidEngagementWeights *weights,
                             const char           *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (weight_fields); i++)
    if (g_str_equal (name, weight_fields[i].name))
      return G_STRUCT_MEMBER_P (weights, weight_fields[i].offset);
  return NULL;
}

void
fid_engagement_weights_init_default (FidEngagementWeights *weights)
{
  g_return_if_fail (weights != NULL);

  *weights = (FidEngagementWeights) {
    .recency_points = 30, .recency_days = 365, .window_days = 365, .interactions_cap = 30,
    .channel = { 4, 3, 2, 1, 1, 1, 1 },
    .campaign_response = 5, .campaign_cap = 15,
    .survey_answered = 5, .survey_cap = 10,
    .referral = 5, .referral_converted = 10, .referral_cap = 15,
  };
}

int
fid_engagement_score (const FidEngagementWeights *w,
                      const FidEngagementInputs  *in,
                      FidEngagementParts         *parts)
{
  FidEngagementParts p = { 0 };
  double sum = 0, total;

  g_return_val_if_fail (w != NULL && in != NULL, 0);

  if (in->days_since_contact >= 0 && w->recency_days > 0)
    p.recency = w->recency_points * MAX (0.0, 1.0 - in->days_since_contact / w->recency_days);
  for (guint c = 0; c < FID_ENGAGEMENT_N_CHANNELS; c++)
    sum += w->channel[c] * in->n_channel[c];
  p.interactions = MIN (w->interactions_cap, sum);
  p.campaigns = MIN (w->campaign_cap, w->campaign_response * in->n_responses);
  p.surveys = MIN (w->survey_cap, w->survey_answered * in->n_surveys);
  p.referrals = MIN (w->referral_cap, w->referral * in->n_referrals + w->referral_converted * in->n_converted);
  if (parts != NULL)
    *parts = p;
  total = p.recency + p.interactions + p.campaigns + p.surveys + p.referrals;
  /* Half up, with a hair of slack so that 79.5 computed as 79.4999… rounds up. */
  return (int) CLAMP (floor (total + 0.5 + 1e-9), 0, 100);
}

gboolean
fid_engagement_is_unqualified (const FidEngagementInputs *in)
{
  guint activity = in->n_responses + in->n_surveys + in->n_referrals;

  g_return_val_if_fail (in != NULL, FALSE);

  for (guint c = 0; c < FID_ENGAGEMENT_N_CHANNELS; c++)
    activity += in->n_channel[c];
  return in->is_prospect && activity == 0;
}

static const char *
channel_label (FidEngagementChannel channel)
{
  switch (channel)
    {
    case FID_ENGAGEMENT_CHANNEL_BRANCH:
      return _("branch");
    case FID_ENGAGEMENT_CHANNEL_PHONE:
      return _("phone");
    case FID_ENGAGEMENT_CHANNEL_WEB:
      return _("web");
    case FID_ENGAGEMENT_CHANNEL_EMAIL:
      return _("e-mail");
    case FID_ENGAGEMENT_CHANNEL_SMS:
      return _("SMS");
    case FID_ENGAGEMENT_CHANNEL_MAIL:
      return _("mail");
    case FID_ENGAGEMENT_CHANNEL_OTHER:
    case FID_ENGAGEMENT_N_CHANNELS:
    default:
      return _("other");
    }
}

typedef struct
{
  double  value;
  char   *text;
  guint   order;
} Contribution;

static gint
compare_contributions (gconstpointer a,
                       gconstpointer b)
{
  const Contribution *x = a, *y = b;

  if (x->value != y->value)
    return x->value < y->value ? 1 : -1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static void
contribution_clear (gpointer data)
{
  g_free (((Contribution *) data)->text);
}

static void
add (GArray *list,
     double  value,
     char   *text)
{
  Contribution c = { value, text, list->len };

  if (value > 0)
    g_array_append_val (list, c);
  else
    g_free (text);
}

char *
fid_engagement_explain (const FidEngagementWeights *w,
                        const FidEngagementInputs  *in)
{
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (Contribution));
  g_autoptr(GString) channels = g_string_new (NULL);
  GString *text;
  FidEngagementParts p;
  guint n_interactions = 0;
  int score;

  g_return_val_if_fail (w != NULL && in != NULL, NULL);

  g_array_set_clear_func (list, contribution_clear);
  score = fid_engagement_score (w, in, &p);
  for (guint c = 0; c < FID_ENGAGEMENT_N_CHANNELS; c++)
    if (in->n_channel[c] > 0)
      {
        n_interactions += in->n_channel[c];
        /* Translators: one channel's count in the explanation, e.g. "phone 3". */
        g_string_append_printf (channels, _("%s%s %u"), channels->len ? ", " : "",
                                channel_label (c), in->n_channel[c]);
      }

  add (list, p.recency,
       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "last contact %d day ago (+%.0f)",
                                     "last contact %d days ago (+%.0f)", in->days_since_contact),
                        in->days_since_contact, p.recency));
  add (list, p.interactions,
       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u interaction: %s (+%.0f)",
                                     "%u interactions: %s (+%.0f)", n_interactions),
                        n_interactions, channels->str, p.interactions));
  add (list, p.referrals,
       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u referral, %u converted (+%.0f)",
                                     "%u referrals, %u converted (+%.0f)", in->n_referrals),
                        in->n_referrals, in->n_converted, p.referrals));
  add (list, p.campaigns,
       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u campaign response (+%.0f)",
                                     "%u campaign responses (+%.0f)", in->n_responses),
                        in->n_responses, p.campaigns));
  add (list, p.surveys,
       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u survey answered (+%.0f)",
                                     "%u surveys answered (+%.0f)", in->n_surveys),
                        in->n_surveys, p.surveys));
  /* Equal contributions keep the order above (g_array_sort is not stable). */
  g_array_sort (list, compare_contributions);

  text = g_string_new (NULL);
  g_string_append_printf (text, _("Score %d of 100"), score);
  if (list->len == 0)
    g_string_append (text, _(": no contact, response, survey or referral in the period."));
  else
    {
      g_string_append (text, ": ");
      for (guint i = 0; i < list->len; i++)
        {
          if (i > 0)
            g_string_append (text, "; ");
          g_string_append (text, g_array_index (list, Contribution, i).text);
        }
      g_string_append_c (text, '.');
    }
  if (fid_engagement_is_unqualified (in))
    g_string_append (text, _(" A prospect with no activity in the period: unqualified."));
  return g_string_free (text, FALSE);
}
