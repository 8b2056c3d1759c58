/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The default wording of new surveys (issue 6), in the user's language:
 * the 22 SERVQUAL statements of Parasuraman, Zeithaml and Berry (1991
 * revision, perception form) worded for a bank branch, Kano features of
 * bank services, and the standard NPS, CSAT and CES questions. Kept apart
 * from fid-store-surveys.c because it is all translatable text. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fid-store-surveys.h"

typedef struct
{
  const char           *label;
  FidServqualDimension  dimension;
} DefaultItem;

static const DefaultItem servqual_items[FID_SERVQUAL_N_STANDARD_ITEMS] = {
  /* Tangibles, 1–4 */
  { N_("The branch has modern-looking equipment"), FID_SERVQUAL_TANGIBLES },
  { N_("The branch’s premises are visually appealing"), FID_SERVQUAL_TANGIBLES },
  { N_("The branch’s staff are neat in appearance"), FID_SERVQUAL_TANGIBLES },
  { N_("Brochures, statements and other documents are visually appealing"), FID_SERVQUAL_TANGIBLES },
  /* Reliability, 5–9 */
  { N_("When the branch promises to do something by a certain time, it does so"), FID_SERVQUAL_RELIABILITY },
  { N_("When you have a problem, the branch shows a sincere interest in solving it"), FID_SERVQUAL_RELIABILITY },
  { N_("The branch gets the service right the first time"), FID_SERVQUAL_RELIABILITY },
  { N_("The branch provides its services at the time it promises to do so"), FID_SERVQUAL_RELIABILITY },
  { N_("The branch keeps error-free records of your accounts"), FID_SERVQUAL_RELIABILITY },
  /* Responsiveness, 10–13 */
  { N_("The staff tell you exactly when a service will be performed"), FID_SERVQUAL_RESPONSIVENESS },
  { N_("The staff give you prompt service"), FID_SERVQUAL_RESPONSIVENESS },
  { N_("The staff are always willing to help you"), FID_SERVQUAL_RESPONSIVENESS },
  { N_("The staff are never too busy to respond to your requests"), FID_SERVQUAL_RESPONSIVENESS },
  /* Assurance, 14–17 */
  { N_("The behaviour of the staff instils confidence in you"), FID_SERVQUAL_ASSURANCE },
  { N_("You feel safe in your transactions with the branch"), FID_SERVQUAL_ASSURANCE },
  { N_("The staff are consistently courteous with you"), FID_SERVQUAL_ASSURANCE },
  { N_("The staff have the knowledge to answer your questions"), FID_SERVQUAL_ASSURANCE },
  /* Empathy, 18–22 */
  { N_("The branch gives you individual attention"), FID_SERVQUAL_EMPATHY },
  { N_("The branch has opening hours convenient to all its customers"), FID_SERVQUAL_EMPATHY },
  { N_("Your advisor gives you personal attention"), FID_SERVQUAL_EMPATHY },
  { N_("The branch has your best interests at heart"), FID_SERVQUAL_EMPATHY },
  { N_("The staff understand your specific needs"), FID_SERVQUAL_EMPATHY },
};

/* A mix that a class can expect to sort into every category: must-be
 * (statements, card blocking), one-dimensional (loan decision, direct
 * line), attractive (Saturday opening, savings review), indifferent. */
static const char * const kano_items[] = {
  N_("Mobile app with instant card blocking"),
  N_("Advisor reachable by direct line"),
  N_("Free ATM withdrawals at any bank"),
  N_("Loan decision within 24 hours"),
  N_("Online appointment booking"),
  N_("Instant transfers at no charge"),
  N_("Branch open on Saturday mornings"),
  N_("Real-time spending notifications"),
  N_("Error-free account statements"),
  N_("Yearly personal review of your savings"),
  N_("Coffee corner in the branch"),
};

char *
fid_survey_default_title (FidSurveyKind kind)
{
  switch (kind)
    {
    case FID_SURVEY_KANO:
      return g_strdup (_("Kano survey of branch services"));
    case FID_SURVEY_SERVQUAL:
      return g_strdup (_("SERVQUAL survey of the branch"));
    case FID_SURVEY_NPS:
      return g_strdup (_("Recommendation barometer (NPS)"));
    case FID_SURVEY_CSAT:
      return g_strdup (_("Customer satisfaction (CSAT)"));
    case FID_SURVEY_CES:
      return g_strdup (_("Customer effort (CES)"));
    case FID_SURVEY_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static FidSurveyItem *
new_item (int         position,
          const char *label,
          const char *dimension)
{
  FidSurveyItem *item = fid_survey_item_new ();

  fid_survey_item_set_position (item, position);
  fid_survey_item_set_label (item, label);
  fid_survey_item_set_dimension (item, dimension);
  return item;
}

GPtrArray *
fid_survey_default_items (FidSurveyKind kind)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  switch (kind)
    {
    case FID_SURVEY_KANO:
      for (guint i = 0; i < G_N_ELEMENTS (kano_items); i++)
        g_ptr_array_add (items, new_item (i + 1, _(kano_items[i]), NULL));
      break;
    case FID_SURVEY_SERVQUAL:
      for (guint i = 0; i < G_N_ELEMENTS (servqual_items); i++)
        g_ptr_array_add (items, new_item (i + 1, _(servqual_items[i].label),
                                          fid_servqual_dimension_to_key (servqual_items[i].dimension)));
      break;
    case FID_SURVEY_NPS:
      g_ptr_array_add (items, new_item (1, _("How likely are you to recommend our bank to a friend or colleague?"), NULL));
      break;
    case FID_SURVEY_CSAT:
      g_ptr_array_add (items, new_item (1, _("Overall, how satisfied are you with our bank?"), NULL));
      break;
    case FID_SURVEY_CES:
      g_ptr_array_add (items, new_item (1, _("Our bank made it easy for me to handle my request"), NULL));
      break;
    case FID_SURVEY_N_KINDS:
    default:
      g_return_val_if_reached (items);
    }
  return items;
}
