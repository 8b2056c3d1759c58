/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The demo bank's NPS and CSAT answers: the attitude that Dick & Basu
 * loyalty and the lifecycle's satisfaction rules read (issue 5).
 *
 * About a quarter of the customers answer, within the 18 months before the
 * reference date: the NPS question, the CSAT question, or both, and some
 * answered the NPS twice. Scores follow the customer's relationship:
 * satisfied and new customers recommend, dissatisfied and lost ones do
 * not, and a complaint, above all a recent or unresolved one, pulls the
 * score down.
 *
 * These draws come from a random stream of their own (Gen.score_rng),
 * seeded from the bank's seed without drawing from Gen.rng: every other
 * row of a bank stays what it was before the scores existed, so figures
 * measured on earlier banks (bench/, README) still hold. */

#include "config.h"

#include <math.h>

#include "fid-demo-private.h"

#define SCORE_SHARE      0.28   /* of customers (not prospects): ~25 % of all */
#define SCORE_DAYS       547    /* 18 months */
#define SCORE_SALT       G_GUINT64_CONSTANT (0x6e70732d63736174)  /* "nps-csat" */

/* The NPS score a customer of each stage tends to give (0–10); the CSAT
 * follows the same mood. */
static const double stage_mood[N_STAGES] = {
  [ST_UNKNOWN] = 7.0,
  [ST_PROSPECT] = 7.0,
  [ST_NEW] = 8.3,
  [ST_SATISFIED] = 8.8,
  [ST_DISSATISFIED] = 3.8,
  [ST_INACTIVE] = 6.4,
  [ST_LOST] = 4.6,
  [ST_REACTIVATED] = 7.3,
};

gboolean
fid_demo_gen_add_score_surveys (Gen     *gen,
                                GError **error)
{
  FidDemoRng copy = gen->rng;
  char created[20];

  /* A copy of the main stream gives the seed: the main stream itself is
   * not advanced. */
  fid_demo_rng_seed (&gen->score_rng, fid_demo_rng_next (&copy) ^ SCORE_SALT);

  fid_demo_format_datetime (created, gen->today - SCORE_DAYS - 10, 9 * 3600);
  gen->nps_survey = fid_bulk_loader_add_survey (gen->loader, "nps",
                                                "Baromètre de recommandation (NPS)", created, error);
  if (gen->nps_survey == 0)
    return FALSE;
  gen->nps_item = fid_bulk_loader_add_survey_item (gen->loader, gen->nps_survey, 1,
                                                   "How likely are you to recommend our bank to a friend or colleague?",
                                                   NULL, error);
  if (gen->nps_item == 0)
    return FALSE;

  gen->csat_survey = fid_bulk_loader_add_survey (gen->loader, "csat",
                                                 "Satisfaction après contact (CSAT)", created, error);
  if (gen->csat_survey == 0)
    return FALSE;
  gen->csat_item = fid_bulk_loader_add_survey_item (gen->loader, gen->csat_survey, 1,
                                                    "Overall, how satisfied are you with our bank?",
                                                    NULL, error);
  return gen->csat_item != 0;
}

/* The customer's mood on @day, on the NPS scale. */
static double
mood_on (Gen      *gen,
         Customer *c,
         int       day)
{
  double mood = stage_mood[c->stage] + 1.5 * fid_demo_rng_normal (&gen->score_rng);

  if (c->complaint_day > 0 && c->complaint_day <= day)
    {
      /* Unresolved or fresh complaints weigh most. */
      if (c->complaint_open || day - c->complaint_day <= 120)
        mood -= 3.0;
      else
        mood -= 1.0;
    }
  return mood;
}

static gboolean
add_answer (Gen       *gen,
            Customer  *c,
            gint64     survey,
            gint64     item,
            int        day,
            int        value,
            GError   **error)
{
  char answered[20];
  gint64 response;

  fid_demo_format_datetime (answered, day, fid_demo_rng_range (&gen->score_rng, 8 * 3600, 22 * 3600));
  response = fid_bulk_loader_add_survey_response (gen->loader, survey, c->id, NULL, answered, error);
  return response != 0 &&
         fid_bulk_loader_add_survey_answer (gen->loader, response, item, "score", value, error);
}

gboolean
fid_demo_gen_add_score_responses (Gen       *gen,
                                  Customer  *c,
                                  GError   **error)
{
  FidDemoRng *rng = &gen->score_rng;
  int first = MAX (c->created_day + 1, gen->today - SCORE_DAYS);
  gboolean nps, csat;
  double u;

  u = fid_demo_rng_double (rng);
  if (c->stage == ST_UNKNOWN || c->stage == ST_PROSPECT || first > gen->today ||
      u >= SCORE_SHARE)
    return TRUE;

  /* 55 % answer the NPS only, 25 % the CSAT only, 20 % both. */
  u = fid_demo_rng_double (rng);
  nps = u < 0.75;
  csat = u >= 0.55;
  if (nps)
    {
      int day = fid_demo_rng_range (rng, first, gen->today);
      /* Some answered a second wave, four to six months later. */
      int waves = gen->today - day >= 200 && fid_demo_rng_chance (rng, 0.25) ? 2 : 1;

      for (int w = 0; w < waves; w++, day += fid_demo_rng_range (rng, 120, 200))
        {
          /* CLAMP evaluates its argument more than once: draw first. */
          int mood = (int) lround (mood_on (gen, c, day));
          int score = CLAMP (mood, 0, 10);

          if (!add_answer (gen, c, gen->nps_survey, gen->nps_item, day, score, error))
            return FALSE;
        }
    }
  if (csat)
    {
      int day = fid_demo_rng_range (rng, first, gen->today);
      double mood = mood_on (gen, c, day);
      int raw = (int) lround (0.5 + 0.45 * mood + 0.5 * fid_demo_rng_normal (rng));
      int score = CLAMP (raw, 1, 5);

      if (!add_answer (gen, c, gen->csat_survey, gen->csat_item, day, score, error))
        return FALSE;
    }
  return TRUE;
}
