/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-store.h"

G_BEGIN_DECLS

/* Next best offer (issue 10): the products to propose to a customer now,
 * best first, each with the reason an advisor can say out loud.
 *
 * (a) Life-event rules (table nbo_rules, editable): an event of the
 *     customer makes a product timely from 90 days before the event (an
 *     announced event) until window_days after it. Score:
 *       1 + weight × (1 − days since the event / window_days)
 *     (days before the event count as 0): a timely life event always ranks
 *     above a statistical suggestion, a fresh one above an old one.
 * (b) Item-to-item co-holding over the current holdings (closed_on IS
 *     NULL), N = customers with at least one current holding:
 *       support (X→Y)    = holders of X and Y / N
 *       confidence (X→Y) = holders of X and Y / holders of X
 *       lift (X→Y)       = confidence (X→Y) / (holders of Y / N)
 *     For each product Y the customer lacks, the rule X→Y with the highest
 *     confidence among the products X they hold, kept when lift ≥ 1.1,
 *     confidence ≥ 10 % and at least 20 customers hold both; not a second
 *     product of a family one holds once (current account, card, mortgage,
 *     consumer or student loan). Score:
 *       confidence × min (lift, 3) / 3            (below 1)
 *
 * Never suggested: a product the customer holds (currently), one with an
 * open opportunity (it is already being worked on), one they dismissed
 * (nbo_dismissals). One suggestion per product: the best scored. */

typedef enum
{
  FID_NBO_SOURCE_LIFE_EVENT,
  FID_NBO_SOURCE_CO_HOLDING,
} FidNboSource;

typedef struct
{
  gint64        product_id;
  char         *product_code;
  char         *product_name;
  char         *product_family;
  FidNboSource  source;
  double        score;
  char         *reason;          /* translated, e.g. "Marriage on 2 Sep 2026" */
  /* Life event */
  gint64        life_event_id;
  char         *event_kind;
  char         *event_date;      /* YYYY-MM-DD */
  /* Co-holding */
  gint64        antecedent_id;   /* X of X→Y */
  char         *antecedent_name;
  double        support;
  double        confidence;
  double        lift;
} FidNboSuggestion;

void        fid_nbo_suggestion_free      (FidNboSuggestion *suggestion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidNboSuggestion, fid_nbo_suggestion_free)

/* At most @max suggestions (FidNboSuggestion) for the customer, best first,
 * as of @as_of (YYYY-MM-DD; NULL: today). Uses the co-holding counts as
 * cached; when they were never computed or are stale and the bank is
 * small (under FID_NBO_INLINE_REFRESH_MAX holdings) computes them first;
 * a big bank's are refreshed on demand (fid_nbo_refresh_pairs). */
GPtrArray  *fid_nbo_suggest              (FidStore     *self,
                                          gint64        customer_id,
                                          const char   *as_of,
                                          guint         max,
                                          GError      **error);

#define FID_NBO_INLINE_REFRESH_MAX 200000

/* Recomputes the co-holding counts in one pass over the current holdings
 * and replaces the cache, in one transaction. */
gboolean    fid_nbo_refresh_pairs        (FidStore     *self,
                                          GError      **error);

/* When the counts were computed (NULL: never) and over how many customers. */
gboolean    fid_nbo_get_pairs_state      (FidStore     *self,
                                          char        **refreshed_at,
                                          gint64       *customers,
                                          GError      **error);

/* Stale: never computed, or more than FID_NBO_STALE_DAYS days old. */
#define FID_NBO_STALE_DAYS 7
gboolean    fid_nbo_pairs_are_stale      (FidStore     *self);

/* Remembers that @product_id is not to be proposed to the customer again
 * (by @advisor_id, 0: unknown). Dismissing twice is not an error. */
gboolean    fid_nbo_dismiss              (FidStore     *self,
                                          gint64        customer_id,
                                          gint64        product_id,
                                          gint64        advisor_id,
                                          GError      **error);

/* Accepts a suggestion: an opportunity at the lead stage, source "nbo",
 * with the family's typical amount. Returns its id, 0 on error. */
gint64      fid_nbo_accept               (FidStore               *self,
                                          gint64                  customer_id,
                                          const FidNboSuggestion *suggestion,
                                          gint64                  advisor_id,
                                          GError                **error);

/* The typical amount of an opportunity on a product of @family, in cents. */
gint64      fid_nbo_typical_amount       (const char   *family);

/* Life-event rules (fid-nbo-rules.c). */
typedef struct
{
  gint64    id;              /* 0: a new rule */
  char     *event_kind;
  char     *product_family;
  char     *product_code;    /* NULL: the family's most held product */
  int       window_days;
  double    weight;
  gboolean  enabled;
} FidNboRule;

void        fid_nbo_rule_free            (FidNboRule   *rule);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidNboRule, fid_nbo_rule_free)

/* The life-event kinds and product families, NULL-terminated. */
extern const char * const fid_nbo_event_kinds[];
extern const char * const fid_nbo_product_families[];

GPtrArray  *fid_nbo_list_rules           (FidStore     *self,
                                          GError      **error);
/* Adds the rule (id 0, which is then set) or updates it. */
gboolean    fid_nbo_save_rule            (FidStore     *self,
                                          FidNboRule   *rule,
                                          GError      **error);
gboolean    fid_nbo_delete_rule          (FidStore     *self,
                                          gint64        id,
                                          GError      **error);
/* Puts the course's default rules back (the others are deleted). */
gboolean    fid_nbo_reset_rules          (FidStore     *self,
                                          GError      **error);

/* "Child starting higher education on %s" and the like: the reason a
 * life event gives, with @date already formatted. */
char       *fid_nbo_event_reason         (const char   *kind,
                                          const char   *date);

G_END_DECLS
