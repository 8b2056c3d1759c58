/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The demo bank's activity: campaigns and surveys, and for each customer
 * the transactions, contacts, tickets, life events, opportunities, campaign
 * targets and survey answers (the NPS and CSAT scores: fid-demo-surveys.c). See fid-demo.c for how a bank is generated. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fid-demo-private.h"

static const guint8 channel_weights[N_CHANNELS] = { 28, 25, 12, 18, 10, 7 };

/* A day in [lo, hi], more often near hi: contacts and events cluster in the
 * recent past, as in any living customer file. */
static inline int
recent_day (Gen *gen,
            int  lo,
            int  hi)
{
  double u = fid_demo_rng_double (&gen->rng);

  if (hi <= lo)
    return hi;
  return hi - (int) ((hi - lo) * u * u);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

/* Campaigns and surveys */

gboolean
fid_demo_gen_add_campaigns (Gen     *gen,
                            GError **error)
{
  static const struct {
    const char *name;          /* followed by the year it starts */
    const char *objective;
    const char *notes;
    int         channel;
    int         family;
    int         starts_ago;
    int         days;
    gint64      cost_per_contact;
    gint64      fixed_cost;
    double      control_share;
  } specs[] = {
    { "Livret A — rentrée", "Augmenter l'encours d'épargne réglementée",
      "Envoi par courrier de l'offre Livret A de la rentrée, avec coupon-réponse.",
      CH_MAIL, F_SAVINGS, 300, 60, 85, 150000, 0.20 },
    { "Assurance habitation — printemps", "Équiper les clients sans assurance habitation",
      "Envoi par e-mail du devis d'assurance habitation personnalisé.",
      CH_EMAIL, F_INSURANCE, 90, 60, 5, 60000, 0.10 },
    { "Prêt étudiant — été", "Accompagner les familles dont un enfant entre dans le supérieur",
      "SMS présentant le prêt étudiant et le lien de simulation.",
      CH_SMS, F_STUDENT, 20, 60, 8, 40000, 0.15 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      Campaign *campaign = &gen->campaigns[i];
      FidBulkCampaign row = { 0, };
      g_autofree char *name = NULL;
      char starts[11], ends[11], created[20];
      int y, m, d;

      campaign->channel = specs[i].channel;
      campaign->family = specs[i].family;
      campaign->starts = gen->today - specs[i].starts_ago;
      campaign->ends = campaign->starts + specs[i].days;
      campaign->control_share = specs[i].control_share;
      campaign->notes = specs[i].notes;
      fid_demo_civil_from_days (campaign->starts, &y, &m, &d);
      name = g_strdup_printf ("%s %d", specs[i].name, y);
      campaign->subject = g_strdup_printf ("Campagne « %s »", name);

      fid_demo_format_date (starts, campaign->starts);
      fid_demo_format_date (ends, campaign->ends);
      fid_demo_format_datetime (created, campaign->starts - 30, 10 * 3600);
      row.name = name;
      row.objective = specs[i].objective;
      row.channel = channel_names[campaign->channel];
      row.product_family = families[campaign->family].name;
      row.starts_on = starts;
      row.ends_on = ends;
      row.cost_per_contact_cents = specs[i].cost_per_contact;
      row.fixed_cost_cents = specs[i].fixed_cost;
      row.seed = (gint64) (fid_demo_rng_next (&gen->rng) >> 33);
      row.control_share = campaign->control_share;
      row.status = campaign->ends < gen->today ? "closed" : "launched";
      row.created_at = created;
      campaign->id = fid_bulk_loader_add_campaign (gen->loader, &row, error);
      if (campaign->id == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
fid_demo_gen_add_surveys (Gen     *gen,
                          GError **error)
{
  char created[20];

  gen->kano_day = gen->today - 120;
  fid_demo_format_datetime (created, gen->kano_day, 9 * 3600);
  gen->kano_survey = fid_bulk_loader_add_survey (gen->loader, "kano",
                                                 "Enquête Kano — services de l'agence et de l'application",
                                                 created, error);
  if (gen->kano_survey == 0)
    return FALSE;
  gen->kano_items = g_new0 (gint64, fid_demo_kano_features_len);
  for (guint i = 0; i < fid_demo_kano_features_len; i++)
    {
      gen->kano_items[i] = fid_bulk_loader_add_survey_item (gen->loader, gen->kano_survey, (int) i + 1,
                                                            fid_demo_kano_features[i].label, NULL, error);
      if (gen->kano_items[i] == 0)
        return FALSE;
    }

  gen->servqual_day = gen->today - 200;
  fid_demo_format_datetime (created, gen->servqual_day, 9 * 3600);
  gen->servqual_survey = fid_bulk_loader_add_survey (gen->loader, "servqual",
                                                     "Baromètre SERVQUAL — qualité de service en agence",
                                                     created, error);
  if (gen->servqual_survey == 0)
    return FALSE;
  gen->servqual_items = g_new0 (gint64, fid_demo_servqual_items_len);
  for (guint i = 0; i < fid_demo_servqual_items_len; i++)
    {
      gen->servqual_items[i] = fid_bulk_loader_add_survey_item (gen->loader, gen->servqual_survey, (int) i + 1,
                                                                fid_demo_servqual_items[i].label,
                                                                fid_demo_servqual_items[i].dimension, error);
      if (gen->servqual_items[i] == 0)
        return FALSE;
    }
  return fid_demo_gen_add_score_surveys (gen, error);
}

/* Customers: the rows */

gboolean
fid_demo_gen_add_transactions (Gen       *gen,
                               Customer  *c,
                               GError   **error)
{
  int days[MAX_TX];
  char dates[MAX_TX][11];
  FidBulkTransaction rows[MAX_TX];
  int len1, len2, k;
  guint n;
  double rate;

  if (c->tx_end <= c->tx_start || c->n_holdings == 0)
    return TRUE;

  /* Reactivated customers have no flows during their gap. */
  if (c->gap_end > c->gap_start && c->gap_start > c->tx_start)
    {
      len1 = c->gap_start - c->tx_start;
      len2 = c->tx_end - c->gap_end;
    }
  else
    {
      len1 = c->tx_end - c->tx_start;
      len2 = 0;
    }

  /* About 8 flows a year for a typical customer, which with the stages'
   * shorter spans averages out near 20 over the three years. */
  rate = 8.7 * rng_lognormal (gen, 0.45) * (c->company ? 2.0 : c->age < 18 ? 0.4 : 1.0);
  k = (int) (rate * (len1 + len2) / 365.25 + fid_demo_rng_double (&gen->rng));
  k = CLAMP (k, 1, MAX_TX);
  for (int i = 0; i < k; i++)
    {
      int offset = (int) fid_demo_rng_below (&gen->rng, (guint) (len1 + len2));

      days[i] = offset < len1 ? c->tx_start + offset : c->gap_end + (offset - len1);
    }
  /* In date order, so the customer_stats trigger only ever moves
   * last_tx_date forward and the (customer, date) index is appended to. */
  qsort (days, k, sizeof days[0], compare_ints);

  n = 0;
  for (int i = 0; i < k; i++)
    {
      guint8 weights[MAX_HOLDINGS] = { 0, };
      const Family *family;
      FidBulkTransaction *row = &rows[n];
      gboolean any = FALSE;
      guint h;

      for (guint j = 0; j < c->n_holdings; j++)
        if (c->holdings[j].opened <= days[i] && (c->holdings[j].closed == 0 || c->holdings[j].closed > days[i]))
          {
            weights[j] = families[c->holdings[j].family].tx_weight;
            any = TRUE;
          }
      if (!any)
        continue;
      h = fid_demo_pick_weighted (&gen->rng, weights, c->n_holdings);
      family = &families[c->holdings[h].family];
      row->customer_id = c->id;
      fid_demo_format_date (dates[n], days[i]);
      row->date = dates[n];
      row->amount_cents = MAX (1, (gint64) round (c->scale * family->amount * rng_lognormal (gen, 0.5)));
      row->margin_cents = (gint64) round (row->amount_cents * family->margin *
                                          (0.8 + 0.4 * fid_demo_rng_double (&gen->rng)));
      row->product_family = family->name;
      row->channel = family->channels[fid_demo_rng_below (&gen->rng, 2)];
      n++;
    }
  return fid_bulk_loader_add_transactions (gen->loader, rows, n, error);
}

static gboolean
add_interaction_row (Gen              *gen,
                     Customer         *c,
                     const FidDemoNote *note,
                     int               channel,
                     int               day,
                     int               seconds,
                     gint64            campaign_id,
                     GError          **error)
{
  FidBulkInteraction row = { 0, };
  char at[20], follow_up[11];

  fid_demo_format_datetime (at, day, seconds);
  row.customer_id = c->id;
  row.channel = channel_names[channel];
  row.direction = note->direction;
  row.at = at;
  row.advisor_id = channel == CH_WEB && fid_demo_rng_chance (&gen->rng, 0.5) ? 0 : c->advisor_id;
  row.subject = note->subject;
  row.notes = note->notes;
  row.outcome = note->outcome;
  row.next_step = note->next_step;
  row.campaign_id = campaign_id;
  row.status = note->status;
  if (day > gen->today)
    {
      /* Booked but not held yet: nothing to report. */
      row.notes = "";
      row.outcome = NULL;
      row.next_step = NULL;
      row.status = "planned";
    }
  else if (note->next_step != NULL && fid_demo_rng_chance (&gen->rng, 0.4))
    {
      int due = day + fid_demo_rng_range (&gen->rng, 3, 21);

      /* Some next steps get a date. Old ones were mostly done; recent ones
       * are the advisor's to-do list around the reference date. */
      fid_demo_format_date (follow_up, due);
      row.follow_up_on = follow_up;
      row.follow_up_done = due < gen->today - 7 && fid_demo_rng_chance (&gen->rng, 0.93);
    }
  return fid_bulk_loader_add_interaction (gen->loader, &row, error) != 0;
}

gboolean
fid_demo_gen_add_interactions (Gen       *gen,
                               Customer  *c,
                               GError   **error)
{
  static const guint8 count_weights[] = { 8, 14, 20, 20, 16, 10, 7, 5 };
  int days[MAX_INTERACTIONS];
  int n, first, last;

  n = (int) fid_demo_pick_weighted (&gen->rng, count_weights, G_N_ELEMENTS (count_weights));
  if (c->stage == ST_PROSPECT)
    n = fid_demo_rng_range (&gen->rng, 1, 2);
  else if (c->stage == ST_UNKNOWN)
    n = fid_demo_rng_range (&gen->rng, 0, 1);
  else if (c->stage == ST_DISSATISFIED)
    n += 2;

  first = MAX (c->created_day, gen->today - TX_WINDOW_DAYS);
  last = c->stage == ST_LOST ? MAX (first, MIN (gen->today, c->tx_end + 120)) : gen->today;
  for (int i = 0; i < n; i++)
    days[i] = recent_day (gen, first, last);
  qsort (days, n, sizeof days[0], compare_ints);

  for (int i = 0; i < n; i++)
    {
      int channel;
      guint note;
      int seconds;

      if ((c->stage == ST_INACTIVE || c->stage == ST_LOST) && i == n - 1 && fid_demo_rng_chance (&gen->rng, 0.5))
        {
          /* The advisor tried to win them back. */
          note = gen->reprise_note;
          channel = CH_PHONE;
        }
      else
        {
          GArray *notes;

          channel = fid_demo_rng_chance (&gen->rng, 0.45) ? c->preferred :
                    (int) fid_demo_pick_weighted (&gen->rng, channel_weights, N_CHANNELS);
          notes = gen->notes_by_channel[channel];
          note = g_array_index (notes, guint, fid_demo_rng_below (&gen->rng, notes->len));
        }
      seconds = channel == CH_BRANCH || channel == CH_PHONE ? office_seconds (gen) :
                fid_demo_rng_range (&gen->rng, 7 * 3600, 22 * 3600);
      if (!add_interaction_row (gen, c, &fid_demo_notes[note], channel, days[i], seconds, 0, error))
        return FALSE;
    }

  /* Some customers already have their next meeting booked. */
  if (c->stage != ST_LOST && c->stage != ST_UNKNOWN && fid_demo_rng_chance (&gen->rng, 0.04))
    {
      GArray *notes = gen->notes_by_channel[CH_BRANCH];
      guint note = g_array_index (notes, guint, fid_demo_rng_below (&gen->rng, notes->len));

      if (!add_interaction_row (gen, c, &fid_demo_notes[note], CH_BRANCH,
                                gen->today + fid_demo_rng_range (&gen->rng, 1, 30),
                                office_seconds (gen), 0, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
fid_demo_gen_add_ticket (Gen       *gen,
                         Customer  *c,
                         GError   **error)
{
  static const guint8 kind_weights[] = { 50, 30, 20 };
  static const guint8 unhappy_kind_weights[] = { 25, 60, 15 };
  static const int sla_days[] = { 10, 30, 5 };
  const FidDemoTicketSubject *subject;
  FidBulkTicket row = { 0, };
  GArray *subjects;
  char opened_at[20], due_on[11], resolved_at[20];
  guint kind;
  int opened, age;
  double p = c->stage == ST_DISSATISFIED ? 0.30 : c->stage == ST_LOST ? 0.12 : 0.065;

  c->complaint_day = 0;
  c->complaint_open = FALSE;
  if (c->stage == ST_UNKNOWN || !fid_demo_rng_chance (&gen->rng, p))
    return TRUE;

  kind = fid_demo_pick_weighted (&gen->rng, c->stage == ST_DISSATISFIED ? unhappy_kind_weights : kind_weights, 3);
  subjects = gen->tickets_by_kind[kind];
  subject = &fid_demo_ticket_subjects[g_array_index (subjects, guint, fid_demo_rng_below (&gen->rng, subjects->len))];
  opened = recent_day (gen, MAX (c->created_day, gen->today - 730), gen->today);
  age = gen->today - opened;
  fid_demo_format_datetime (opened_at, opened, office_seconds (gen));
  fid_demo_format_date (due_on, opened + sla_days[kind]);

  row.customer_id = c->id;
  row.kind = ticket_kinds[kind];
  row.category = subject->category;
  row.subject = subject->subject;
  row.description = subject->description;
  row.opened_at = opened_at;
  row.due_on = due_on;
  row.advisor_id = c->advisor_id;

  /* Old tickets are settled; recent ones are still open, some overdue. */
  {
    static const guint8 old_weights[] = { 0, 8, 46, 46 };     /* open, in_progress, resolved, closed */
    static const guint8 late_weights[] = { 15, 25, 60, 0 };
    static const guint8 fresh_weights[] = { 30, 35, 35, 0 };
    static const char * const statuses[] = { "open", "in_progress", "resolved", "closed" };
    const guint8 *weights = age > sla_days[kind] + 15 ? old_weights : age > sla_days[kind] ? late_weights : fresh_weights;
    guint status = fid_demo_pick_weighted (&gen->rng, weights, 4);

    row.status = statuses[status];
    if (kind == 1)
      {
        c->complaint_day = opened;
        c->complaint_open = status < 2;
      }
    if (status >= 2)
      {
        int resolved = opened + fid_demo_rng_range (&gen->rng, 0, MIN (age, sla_days[kind] + 10));

        fid_demo_format_datetime (resolved_at, resolved, office_seconds (gen));
        row.resolved_at = resolved_at;
        row.resolution = subject->resolution;
      }
  }

  switch (kind)
    {
    case 0:
      row.priority = fid_demo_rng_chance (&gen->rng, 0.4) ? "low" : "normal";
      break;
    case 1:
      row.priority = fid_demo_rng_chance (&gen->rng, 0.5) ? "normal" : fid_demo_rng_chance (&gen->rng, 0.8) ? "high" : "urgent";
      /* Bitner's critical incidents: the complaints that change the
       * relationship, more often among unhappy customers. */
      row.critical_incident = fid_demo_rng_chance (&gen->rng, c->stage == ST_DISSATISFIED ? 0.35 : 0.15);
      break;
    default:
      row.priority = fid_demo_rng_chance (&gen->rng, 0.3) ? "normal" : fid_demo_rng_chance (&gen->rng, 0.7) ? "high" : "urgent";
      row.critical_incident = g_str_equal (subject->category, "fraud") && fid_demo_rng_chance (&gen->rng, 0.3);
      break;
    }
  return fid_bulk_loader_add_ticket (gen->loader, &row, error) != 0;
}

gboolean
fid_demo_gen_add_life_event (Gen       *gen,
                             Customer  *c,
                             GError   **error)
{
  guint8 weights[16];
  const FidDemoLifeEvent *event;
  char occurred[11];
  guint n = MIN (fid_demo_life_events_len, G_N_ELEMENTS (weights));
  gboolean any = FALSE;

  if (c->company || c->stage == ST_UNKNOWN || !fid_demo_rng_chance (&gen->rng, 0.17))
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      event = &fid_demo_life_events[i];
      weights[i] = c->age >= event->min_age && c->age <= event->max_age ? event->weight : 0;
      any |= weights[i] > 0;
    }
  if (!any)
    return TRUE;
  c->life_event = (int) fid_demo_pick_weighted (&gen->rng, weights, n);
  event = &fid_demo_life_events[c->life_event];
  fid_demo_format_date (occurred, recent_day (gen, MAX (c->created_day, gen->today - 700), gen->today));
  return fid_bulk_loader_add_life_event (gen->loader, c->id, event->kind, occurred, event->notes, error) != 0;
}

gboolean
fid_demo_gen_add_opportunity (Gen       *gen,
                              Customer  *c,
                              GError   **error)
{
  static const char * const stages[] = { "lead", "qualified", "proposal", "negotiation", "won", "lost" };
  static const guint8 stage_weights_[] = { 25, 20, 20, 10, 15, 10 };
  static const double probabilities[] = { 0.1, 0.25, 0.5, 0.7, 1.0, 0.0 };
  /* Typical amount per family, euros. */
  static const double amounts[N_FAMILIES] = { 100, 8000, 120, 220000, 15000, 10000, 900, 40000 };
  FidBulkOpportunity row = { 0, };
  char created[20], closing[11];
  guint family, stage;
  int day;

  /* More likely after a life event: that is what the advisor acts on. */
  if (c->stage == ST_UNKNOWN || c->stage == ST_LOST ||
      !fid_demo_rng_chance (&gen->rng, c->life_event >= 0 ? 0.25 : 0.03))
    return TRUE;

  family = F_CURRENT;
  if (c->life_event >= 0)
    {
      const char *name = fid_demo_life_events[c->life_event].product_family;

      for (guint f = 0; f < N_FAMILIES; f++)
        if (g_str_equal (families[f].name, name))
          family = f;
    }
  else
    {
      family = 1 + fid_demo_rng_below (&gen->rng, N_FAMILIES - 1);
      if (family == F_STUDENT && (c->age < 17 || c->age > 27))
        family = F_INSURANCE;
    }

  stage = fid_demo_pick_weighted (&gen->rng, stage_weights_, G_N_ELEMENTS (stages));
  day = gen->today - fid_demo_rng_range (&gen->rng, 0, 180);
  fid_demo_format_datetime (created, day, office_seconds (gen));
  fid_demo_format_date (closing, day + fid_demo_rng_range (&gen->rng, 20, 120));
  row.customer_id = c->id;
  row.product_id = gen->product_ids[fid_demo_gen_pick_product (gen, c, family)];
  row.stage = stages[stage];
  row.amount_cents = (gint64) round (amounts[family] * rng_lognormal (gen, 0.5)) * 100;
  row.probability = probabilities[stage];
  row.advisor_id = c->advisor_id;
  row.created_at = created;
  row.expected_close_on = closing;
  return fid_bulk_loader_add_opportunity (gen->loader, &row, error) != 0;
}

gboolean
fid_demo_gen_add_campaign_targets (Gen       *gen,
                                   Customer  *c,
                                   GError   **error)
{
  if (c->stage == ST_UNKNOWN || c->stage == ST_PROSPECT || c->stage == ST_LOST || c->company)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (gen->campaigns); i++)
    {
      Campaign *campaign = &gen->campaigns[i];
      char contacted[20], responded[20], converted[20];
      const char *contacted_at = NULL, *responded_at = NULL, *converted_at = NULL;
      int contacted_day = 0;
      gboolean control;

      /* Only customers who accept marketing on the campaign's channel, and
       * for the student loan, students and parents of students. */
      if (!c->marketing[campaign->channel] || c->created_day > campaign->starts)
        continue;
      if (campaign->family == F_STUDENT && !(c->age >= 17 && c->age <= 26) && !(c->age >= 42 && c->age <= 60))
        continue;
      if (!fid_demo_rng_chance (&gen->rng, 0.15))
        continue;

      control = fid_demo_rng_chance (&gen->rng, campaign->control_share);
      if (!control)
        {
          int day = campaign->starts + fid_demo_rng_range (&gen->rng, 0, 7);

          if (day <= gen->today)
            {
              fid_demo_format_datetime (contacted, day, office_seconds (gen));
              contacted_at = contacted;
              contacted_day = day;
              if (fid_demo_rng_chance (&gen->rng, 0.09))
                {
                  day += fid_demo_rng_range (&gen->rng, 1, 20);
                  if (day <= gen->today)
                    {
                      fid_demo_format_datetime (responded, day, office_seconds (gen));
                      responded_at = responded;
                      day += fid_demo_rng_range (&gen->rng, 0, 15);
                      if (fid_demo_rng_chance (&gen->rng, 0.35) && day <= gen->today)
                        {
                          fid_demo_format_datetime (converted, day, office_seconds (gen));
                          converted_at = converted;
                        }
                    }
                }
            }
        }
      else if (fid_demo_rng_chance (&gen->rng, 0.015))
        {
          /* The control group converts a little on its own: the baseline. */
          int day = campaign->starts + fid_demo_rng_range (&gen->rng, 5, campaign->ends - campaign->starts);

          if (day <= gen->today)
            {
              fid_demo_format_datetime (converted, day, office_seconds (gen));
              converted_at = converted;
            }
        }

      if (!fid_bulk_loader_add_campaign_target (gen->loader, campaign->id, c->id,
                                                control ? "control" : "test",
                                                contacted_at, responded_at, converted_at, error))
        return FALSE;
      if (contacted_at != NULL)
        {
          FidDemoNote note = { channel_names[campaign->channel], "outbound", campaign->subject,
                               campaign->notes, responded_at != NULL ? "Réponse positive" : "Sans réponse",
                               NULL, NULL };

          if (!add_interaction_row (gen, c, &note, campaign->channel, contacted_day, office_seconds (gen),
                                    campaign->id, error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
kano_answers (Gen *gen,
              int  category,
              int *functional,
              int *dysfunctional,
              int *importance)
{
  static const guint8 a_dys[] = { 15, 50, 35 };         /* expect, neutral, live with */
  static const guint8 m_fun[] = { 60, 25, 15 };
  static const guint8 i_fun[] = { 20, 55, 25 };
  static const guint8 i_dys[] = { 20, 50, 30 };
  static const guint8 r_dys[] = { 60, 15, 15, 10 };     /* like … live with */
  FidDemoRng *rng = &gen->rng;

  /* One answer pair that the 5×5 Kano table maps to @category. */
  switch (category)
    {
    case FID_DEMO_KANO_A:
      *functional = FID_DEMO_KANO_LIKE;
      *dysfunctional = FID_DEMO_KANO_EXPECT + (int) fid_demo_pick_weighted (rng, a_dys, 3);
      *importance = fid_demo_rng_range (rng, 4, 8);
      break;
    case FID_DEMO_KANO_O:
      *functional = FID_DEMO_KANO_LIKE;
      *dysfunctional = FID_DEMO_KANO_DISLIKE;
      *importance = fid_demo_rng_range (rng, 6, 9);
      break;
    case FID_DEMO_KANO_M:
      *functional = FID_DEMO_KANO_EXPECT + (int) fid_demo_pick_weighted (rng, m_fun, 3);
      *dysfunctional = FID_DEMO_KANO_DISLIKE;
      *importance = fid_demo_rng_range (rng, 6, 9);
      break;
    case FID_DEMO_KANO_I:
      *functional = FID_DEMO_KANO_EXPECT + (int) fid_demo_pick_weighted (rng, i_fun, 3);
      *dysfunctional = FID_DEMO_KANO_EXPECT + (int) fid_demo_pick_weighted (rng, i_dys, 3);
      *importance = fid_demo_rng_range (rng, 1, 5);
      break;
    case FID_DEMO_KANO_R:
      if (fid_demo_rng_chance (rng, 0.6))
        {
          *functional = FID_DEMO_KANO_DISLIKE;
          *dysfunctional = FID_DEMO_KANO_LIKE + (int) fid_demo_pick_weighted (rng, r_dys, 4);
        }
      else
        {
          *functional = FID_DEMO_KANO_EXPECT + (int) fid_demo_rng_below (rng, 3);
          *dysfunctional = FID_DEMO_KANO_LIKE;
        }
      *importance = fid_demo_rng_range (rng, 1, 4);
      break;
    default:
      *functional = *dysfunctional = fid_demo_rng_chance (rng, 0.5) ? FID_DEMO_KANO_LIKE : FID_DEMO_KANO_DISLIKE;
      *importance = fid_demo_rng_range (rng, 1, 9);
      break;
    }
}

gboolean
fid_demo_gen_add_survey_responses (Gen       *gen,
                                   Customer  *c,
                                   GError   **error)
{
  char answered[20];
  gint64 response;

  if (!fid_demo_gen_add_score_responses (gen, c, error))
    return FALSE;
  if (c->stage == ST_UNKNOWN || c->stage == ST_PROSPECT || c->created_day > gen->kano_day)
    return TRUE;

  if (fid_demo_rng_chance (&gen->rng, 0.011))
    {
      fid_demo_format_datetime (answered, gen->kano_day + fid_demo_rng_range (&gen->rng, 1, 45),
                                fid_demo_rng_range (&gen->rng, 8 * 3600, 22 * 3600));
      response = fid_bulk_loader_add_survey_response (gen->loader, gen->kano_survey, c->id, NULL, answered, error);
      if (response == 0)
        return FALSE;
      for (guint i = 0; i < fid_demo_kano_features_len; i++)
        {
          int category = (int) fid_demo_pick_weighted (&gen->rng, fid_demo_kano_features[i].share, FID_DEMO_N_KANO);
          int functional, dysfunctional, importance;

          kano_answers (gen, category, &functional, &dysfunctional, &importance);
          if (!fid_bulk_loader_add_survey_answer (gen->loader, response, gen->kano_items[i], "functional", functional, error) ||
              !fid_bulk_loader_add_survey_answer (gen->loader, response, gen->kano_items[i], "dysfunctional", dysfunctional, error) ||
              !fid_bulk_loader_add_survey_answer (gen->loader, response, gen->kano_items[i], "importance", importance, error))
            return FALSE;
        }
    }

  if (c->created_day <= gen->servqual_day && fid_demo_rng_chance (&gen->rng, 0.011))
    {
      /* A respondent's mood shifts all their perceptions; unhappy customers
       * perceive less. Expectations are high everywhere, as usual. */
      double mood = 0.5 * fid_demo_rng_normal (&gen->rng) - (c->stage == ST_DISSATISFIED ? 1.0 : 0.0);
      guint n_dims = fid_demo_servqual_dimensions_len;
      double raw[8], total = 0;
      int points[8], given = 0;

      fid_demo_format_datetime (answered, gen->servqual_day + fid_demo_rng_range (&gen->rng, 1, 45),
                                fid_demo_rng_range (&gen->rng, 8 * 3600, 22 * 3600));
      response = fid_bulk_loader_add_survey_response (gen->loader, gen->servqual_survey, c->id, NULL, answered, error);
      if (response == 0)
        return FALSE;

      for (guint i = 0; i < fid_demo_servqual_items_len; i++)
        {
          const char *dim = fid_demo_servqual_items[i].dimension;
          double perception = 5.0;
          int e, p;

          for (guint d = 0; d < n_dims; d++)
            if (g_str_equal (fid_demo_servqual_dimensions[d].id, dim))
              perception = fid_demo_servqual_dimensions[d].perception;
          e = CLAMP ((int) lround (6.2 + 0.6 * fid_demo_rng_normal (&gen->rng)), 1, 7);
          p = CLAMP ((int) lround (perception + mood + 0.9 * fid_demo_rng_normal (&gen->rng)), 1, 7);
          if (!fid_bulk_loader_add_survey_answer (gen->loader, response, gen->servqual_items[i], "expectation", e, error) ||
              !fid_bulk_loader_add_survey_answer (gen->loader, response, gen->servqual_items[i], "perception", p, error))
            return FALSE;
        }

      /* 100 points over the dimensions, stored as the 'weight' answer of
       * each dimension's first item; rounded so they add up to exactly 100. */
      for (guint d = 0; d < n_dims && d < G_N_ELEMENTS (raw); d++)
        {
          raw[d] = MAX (1.0, fid_demo_servqual_dimensions[d].weight + 5.0 * fid_demo_rng_normal (&gen->rng));
          total += raw[d];
        }
      for (guint d = 0; d < n_dims && d < G_N_ELEMENTS (raw); d++)
        {
          points[d] = (int) floor (raw[d] * 100.0 / total);
          given += points[d];
        }
      points[0] += 100 - given;
      for (guint d = 0; d < n_dims && d < G_N_ELEMENTS (raw); d++)
        for (guint i = 0; i < fid_demo_servqual_items_len; i++)
          if (g_str_equal (fid_demo_servqual_items[i].dimension, fid_demo_servqual_dimensions[d].id))
            {
              if (!fid_bulk_loader_add_survey_answer (gen->loader, response, gen->servqual_items[i], "weight", points[d], error))
                return FALSE;
              break;
            }
    }
  return TRUE;
}
