/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Labels of segmentation schemes and segments; the French terms follow
 * the course (DOMAIN.md). */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "fid-segment-labels.h"

typedef struct
{
  const char *scheme;   /* NULL: any scheme */
  const char *key;
  const char *label;
} Label;

static const Label scheme_labels[] = {
  { NULL, "rfm", N_("RFM") },
  { NULL, "frat", N_("FRAT") },
  { NULL, "abc", N_("ABC-Pareto") },
  { NULL, "profitability", N_("Profitability Matrix") },
  { NULL, "loyalty", N_("Loyalty (Dick & Basu)") },
  { NULL, "clv", N_("Lifetime Value") },
  { NULL, "lifecycle", N_("Lifecycle Stage") },
};

static const Label segment_labels[] = {
  { "rfm", "champions", N_("Champions") },
  { "rfm", "loyal", N_("Loyal") },
  { "rfm", "potential_loyalists", N_("Potential Loyalists") },
  { "rfm", "new", N_("New Customers") },
  { "rfm", "promising", N_("Promising") },
  { "rfm", "need_attention", N_("Need Attention") },
  { "rfm", "about_to_sleep", N_("About to Sleep") },
  { "rfm", "at_risk", N_("At Risk") },
  { "rfm", "cant_lose_them", N_("Can’t Lose Them") },
  { "rfm", "hibernating", N_("Hibernating") },
  { "rfm", "lost", N_("Lost Customers") },
  { "abc", "A", N_("Class A") },
  { "abc", "B", N_("Class B") },
  { "abc", "C", N_("Class C") },
  { "profitability", "desirables", N_("Desirable") },
  { "profitability", "underdeveloped", N_("Under-Developed") },
  { "profitability", "mature", N_("Mature") },
  { "profitability", "undesirables", N_("Undesirable") },
  { "loyalty", "true_loyalty", N_("True Loyalty") },
  { "loyalty", "latent_loyalty", N_("Latent Loyalty") },
  { "loyalty", "spurious_loyalty", N_("Spurious Loyalty") },
  { "loyalty", "no_loyalty", N_("No Loyalty") },
  { "loyalty", "not_measured", N_("Not Measured") },
  { "clv", "top_20", N_("Top 20 %") },
  { "clv", "second_20", N_("Second 20 %") },
  { "clv", "middle_20", N_("Middle 20 %") },
  { "clv", "fourth_20", N_("Fourth 20 %") },
  { "clv", "bottom_20", N_("Bottom 20 %") },
  { "lifecycle", "prospect", N_("Prospect") },
  { "lifecycle", "new", N_("New Customer") },
  { "lifecycle", "active", N_("Active") },
  { "lifecycle", "satisfied", N_("Satisfied") },
  { "lifecycle", "dissatisfied", N_("Dissatisfied") },
  { "lifecycle", "inactive", N_("Inactive") },
  { "lifecycle", "lost", N_("Lost") },
  { "lifecycle", "reactivated", N_("Reactivated") },
};

static const Label action_labels[] = {
  { NULL, "prospect", N_("Initiate a relationship") },
  { NULL, "new", N_("Establish the relationship") },
  { NULL, "active", N_("Develop") },
  { NULL, "satisfied", N_("Develop") },
  { NULL, "dissatisfied", N_("Handle complaints, stabilise") },
  { NULL, "inactive", N_("Reactivate") },
  { NULL, "lost", N_("Win back, re-initiate") },
  { NULL, "reactivated", N_("Establish the relationship again") },
};

static const char *
lookup (const Label *labels,
        gsize        n,
        const char  *scheme,
        const char  *key)
{
  if (key == NULL)
    return "";
  for (gsize i = 0; i < n; i++)
    if ((labels[i].scheme == NULL || g_strcmp0 (labels[i].scheme, scheme) == 0) &&
        g_str_equal (labels[i].key, key))
      return _(labels[i].label);
  return key;
}

const char *
fid_segment_scheme_label (const char *scheme)
{
  return lookup (scheme_labels, G_N_ELEMENTS (scheme_labels), NULL, scheme);
}

const char *
fid_segment_label (const char *scheme,
                   const char *key)
{
  /* FRAT names its segments as RFM does. */
  if (g_strcmp0 (scheme, "frat") == 0)
    scheme = "rfm";
  return lookup (segment_labels, G_N_ELEMENTS (segment_labels), scheme, key);
}

const char *
fid_lifecycle_action_label (const char *stage)
{
  return lookup (action_labels, G_N_ELEMENTS (action_labels), NULL, stage);
}

int
fid_segment_rank (const char *scheme,
                  const char *key)
{
  if (g_strcmp0 (scheme, "frat") == 0)
    scheme = "rfm";
  if (key == NULL || key[0] == '\0')
    return G_MAXINT;
  for (gsize i = 0; i < G_N_ELEMENTS (segment_labels); i++)
    if (g_strcmp0 (segment_labels[i].scheme, scheme) == 0 && g_str_equal (segment_labels[i].key, key))
      return (int) i;
  /* Unknown keys after the known ones, before "absent". */
  return G_MAXINT - 1;
}
