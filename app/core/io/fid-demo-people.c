/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The demo bank's people: its branches and advisors, its products, and its
 * customers (persons, households and companies) with their consents and
 * the products they hold. See fid-demo.c for how a bank is generated. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fid-demo-private.h"

static const char * const stage_names[N_STAGES] = {
  "unknown", "prospect", "new", "satisfied", "dissatisfied", "inactive", "lost", "reactivated"
};
static const guint8 stage_weights[N_STAGES] = { 2, 8, 10, 45, 9, 12, 8, 6 };

static const char * const special_product_codes[N_SPECIAL_PRODUCTS] = {
  "CC-JEUNE", "CC-JOINT", "CC-PRO", "CB-PREMIER", "CB-GOLD", "CB-INFINITE", "CB-JEUNE", "CB-PRO", "LIV-J"
};

static const char *
pick_first_name (Gen  *gen,
                 int   female,
                 int   birth_day,
                 char **email)
{
  int y, m, d;
  guint era, i;

  fid_demo_civil_from_days (birth_day, &y, &m, &d);
  era = (guint) CLAMP ((y - 1920) / 10, 0, N_ERAS - 1);
  i = fid_demo_picker_pick (&gen->first_names[female][era], &gen->rng);
  *email = female ? gen->email_female[i] : gen->email_male[i];
  return female ? fid_demo_female_names[i].name : fid_demo_male_names[i].name;
}

/* Reference data */

gboolean
fid_demo_gen_add_products (Gen     *gen,
                           GError **error)
{
  gen->product_ids = g_new0 (gint64, fid_demo_products_len);
  for (guint i = 0; i < fid_demo_products_len; i++)
    {
      const FidDemoProduct *p = &fid_demo_products[i];

      gen->product_ids[i] = fid_bulk_loader_add_product (gen->loader, p->code, p->name, p->family, error);
      if (gen->product_ids[i] == 0)
        return FALSE;
      for (guint k = 0; k < N_SPECIAL_PRODUCTS; k++)
        if (g_str_equal (p->code, special_product_codes[k]))
          gen->special_products[k] = i;
    }

  for (guint f = 0; f < N_FAMILIES; f++)
    {
      g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < fid_demo_products_len; i++)
        if (g_str_equal (fid_demo_products[i].family, families[f].name))
          {
            guint32 weight = fid_demo_products[i].weight;

            g_array_append_val (weights, weight);
            g_array_append_val (members, i);
          }
      g_assert (members->len > 0);
      fid_demo_picker_init (&gen->family_products[f], (guint32 *) (gpointer) weights->data, weights->len);
      gen->family_members[f] = (guint *) (gpointer) g_array_free (g_steal_pointer (&members), FALSE);
    }
  return TRUE;
}

static void
jitter_position (Gen    *gen,
                 guint   city,
                 double  spread,
                 double *latitude,
                 double *longitude)
{
  /* Rounded to 1e-5 degrees (about a metre): enough, and stable as text. */
  *latitude = round ((fid_demo_cities[city].latitude + spread * (fid_demo_rng_double (&gen->rng) - 0.5)) * 1e5) / 1e5;
  *longitude = round ((fid_demo_cities[city].longitude + spread * (fid_demo_rng_double (&gen->rng) - 0.5)) * 1e5) / 1e5;
}

static void
format_postcode (Gen   *gen,
                 guint  city,
                 char   buf[6])
{
  const FidDemoCity *c = &fid_demo_cities[city];
  guint code = c->postcode + (c->n_districts > 0 ? (guint) fid_demo_rng_range (&gen->rng, 1, c->n_districts) : 0);

  g_snprintf (buf, 6, "%05u", code);
}

static gint64
add_advisor (Gen         *gen,
             gint64       branch_id,
             const char  *role,
             GError     **error)
{
  FidBulkAdvisor advisor = { 0, };
  int female = (int) fid_demo_rng_below (&gen->rng, 2);
  int birth = gen->today - fid_demo_rng_range (&gen->rng, 23 * 365, 62 * 365);
  guint surname = fid_demo_picker_pick (&gen->surnames, &gen->rng);
  g_autofree char *email = NULL;
  char *first_email;

  advisor.branch_id = branch_id;
  advisor.first_name = pick_first_name (gen, female, birth, &first_email);
  advisor.last_name = fid_demo_surnames[surname].name;
  email = g_strdup_printf ("%s.%s@fidelis-banque.fr", first_email, gen->email_surnames[surname]);
  advisor.email = email;
  advisor.role = role;
  return fid_bulk_loader_add_advisor (gen->loader, &advisor, error);
}

gboolean
fid_demo_gen_add_branches (Gen     *gen,
                           GError **error)
{
  g_autofree guint *per_city = g_new0 (guint, fid_demo_cities_len);
  g_autofree guint *named = g_new0 (guint, fid_demo_cities_len);

  /* Branches by D'Hondt allocation over population: big cities get several
   * branches, in a fixed order that needs no random draw. */
  gen->n_branches = MAX (3, gen->n_customers / 16000);
  gen->branches = g_new0 (Branch, gen->n_branches);
  gen->city_branches = g_new0 (GArray *, fid_demo_cities_len);
  for (guint c = 0; c < fid_demo_cities_len; c++)
    gen->city_branches[c] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint b = 0; b < gen->n_branches; b++)
    {
      guint best = 0;
      double best_quotient = -1;

      for (guint c = 0; c < fid_demo_cities_len; c++)
        {
          double quotient = fid_demo_cities[c].population / (per_city[c] + 1.0);

          if (quotient > best_quotient)
            {
              best_quotient = quotient;
              best = c;
            }
        }
      gen->branches[b].city = best;
      per_city[best]++;
      g_array_append_val (gen->city_branches[best], b);
    }

  /* Five to eleven advisors per branch, the first one managing it. */
  gen->advisor_ids = g_new0 (gint64, gen->n_branches * 11);
  for (guint b = 0; b < gen->n_branches; b++)
    {
      Branch *branch = &gen->branches[b];
      const char *city = fid_demo_cities[branch->city].name;
      guint rank = named[branch->city]++;
      guint n_suffixes = fid_demo_branch_suffixes_len;
      g_autofree char *code = g_strdup_printf ("AG%04u", b + 1);
      g_autofree char *name = NULL;
      char postcode[6];
      FidBulkBranch row = { 0, };

      /* Several branches in one city are told apart by their quarter. */
      if (per_city[branch->city] == 1)
        name = g_strdup_printf ("Agence %s", city);
      else if (rank < n_suffixes)
        name = g_strdup_printf ("Agence %s %s", city, fid_demo_branch_suffixes[rank]);
      else
        name = g_strdup_printf ("Agence %s %s %u", city, fid_demo_branch_suffixes[rank % n_suffixes],
                                rank / n_suffixes + 1);
      format_postcode (gen, branch->city, postcode);
      row.code = code;
      row.name = name;
      row.city = city;
      row.postcode = postcode;
      jitter_position (gen, branch->city, 0.02, &row.latitude, &row.longitude);
      branch->id = fid_bulk_loader_add_branch (gen->loader, &row, error);
      if (branch->id == 0)
        return FALSE;

      branch->first_advisor = gen->n_advisors;
      branch->n_advisors = (guint) fid_demo_rng_range (&gen->rng, 5, 11);
      for (guint a = 0; a < branch->n_advisors; a++)
        {
          gen->advisor_ids[gen->n_advisors] = add_advisor (gen, branch->id, a == 0 ? "branch_manager" : "advisor", error);
          if (gen->advisor_ids[gen->n_advisors++] == 0)
            return FALSE;
        }
    }

  /* Head office: marketing and training, in no branch and with no
   * customers of their own. */
  for (guint a = 0; a < 5; a++)
    if (add_advisor (gen, 0, a < 3 ? "marketing" : "trainer", error) == 0)
      return FALSE;

  /* Customers of a town without a branch go to the nearest one. */
  gen->nearest_branch = g_new0 (guint, fid_demo_cities_len);
  for (guint c = 0; c < fid_demo_cities_len; c++)
    {
      double best = G_MAXDOUBLE;
      double cos_lat = cos (fid_demo_cities[c].latitude * G_PI / 180.0);

      for (guint b = 0; b < gen->n_branches; b++)
        {
          const FidDemoCity *bc = &fid_demo_cities[gen->branches[b].city];
          double dy = bc->latitude - fid_demo_cities[c].latitude;
          double dx = (bc->longitude - fid_demo_cities[c].longitude) * cos_lat;

          if (dx * dx + dy * dy < best)
            {
              best = dx * dx + dy * dy;
              gen->nearest_branch[c] = b;
            }
        }
    }
  return TRUE;
}

/* Customers: who they are */

static int
draw_adult_age (Gen *gen)
{
  static const guint8 band_weights[] = { 16, 26, 27, 21, 10 };
  static const int band_lo[] = { 18, 30, 45, 60, 75 };
  static const int band_hi[] = { 29, 44, 59, 74, 92 };
  guint band = fid_demo_pick_weighted (&gen->rng, band_weights, G_N_ELEMENTS (band_weights));

  return fid_demo_rng_range (&gen->rng, band_lo[band], band_hi[band]);
}

static void
make_phone (Gen      *gen,
            Customer *c,
            gboolean  mobile)
{
  const FidDemoCity *city = &fid_demo_cities[c->city];
  guint department = city->postcode / 1000;
  int prefix;

  if (mobile)
    prefix = fid_demo_rng_chance (&gen->rng, 0.7) ? 6 : 7;
  else if (department == 75 || department == 77 || department == 78 || (department >= 91 && department <= 95))
    prefix = 1;   /* the landline zones of metropolitan France */
  else if (city->latitude >= 46.5 && city->longitude < 2.0)
    prefix = 2;
  else if (city->latitude >= 46.0)
    prefix = 3;
  else if (city->longitude >= 3.0)
    prefix = 4;
  else
    prefix = 5;
  g_snprintf (c->phone, sizeof c->phone, "0%d %02d %02d %02d %02d", prefix,
              fid_demo_rng_range (&gen->rng, 10, 99), fid_demo_rng_range (&gen->rng, 0, 99),
              fid_demo_rng_range (&gen->rng, 0, 99), fid_demo_rng_range (&gen->rng, 0, 99));
}

static void
make_person (Gen        *gen,
             Customer   *c,
             int         age,
             gboolean    female,
             const char *household_role)
{
  char *first_email;
  const char *last_email = gen->email_surnames[c->surname];
  const char *domain = fid_demo_email_domains[fid_demo_rng_below (&gen->rng, fid_demo_email_domains_len)];
  int y, m, d;

  c->company = FALSE;
  c->female = female;
  c->age = age;
  c->birth_day = gen->today - (int) (age * 365.2425) - fid_demo_rng_range (&gen->rng, 0, 364);
  fid_demo_format_date (c->birth, c->birth_day);
  fid_demo_civil_from_days (c->birth_day, &y, &m, &d);
  c->first_name = pick_first_name (gen, female, c->birth_day, &first_email);
  c->last_name = fid_demo_surnames[c->surname].name;
  c->title = female ? "Mme" : "M.";
  c->household_role = household_role;

  c->email[0] = '\0';
  if (age >= 15 && fid_demo_rng_chance (&gen->rng, age < 75 ? 0.88 : 0.55))
    {
      switch (fid_demo_rng_below (&gen->rng, 5))
        {
        case 0:
          g_snprintf (c->email, sizeof c->email, "%s.%s@%s", first_email, last_email, domain);
          break;
        case 1:
          g_snprintf (c->email, sizeof c->email, "%s.%s%d@%s", first_email, last_email,
                      fid_demo_rng_range (&gen->rng, 1, 99), domain);
          break;
        case 2:
          g_snprintf (c->email, sizeof c->email, "%c%s@%s", first_email[0], last_email, domain);
          break;
        case 3:
          g_snprintf (c->email, sizeof c->email, "%s%s%02d@%s", first_email, last_email, y % 100, domain);
          break;
        default:
          g_snprintf (c->email, sizeof c->email, "%s.%s@%s", last_email, first_email, domain);
          break;
        }
    }
  c->phone[0] = '\0';
  if (age >= 13 && fid_demo_rng_chance (&gen->rng, 0.93))
    make_phone (gen, c, age < 70 || fid_demo_rng_chance (&gen->rng, 0.5));

  /* Income grows to mid-career and falls at retirement. */
  if (age < 18)
    c->income = -1;
  else
    {
      double base = age < 25 ? 16000 : age < 35 ? 27000 : age < 60 ? 34000 : 24000;

      c->income = (gint64) (round (base * rng_lognormal (gen, 0.45) / 10) * 1000);
    }
}

static void
make_company (Gen      *gen,
              Customer *c)
{
  static const char * const forms[] = { "SARL", "SAS", "EURL", "SASU", "SCI" };
  static const guint8 form_weights[] = { 45, 30, 12, 10, 3 };
  const char *activity = fid_demo_company_activities[fid_demo_rng_below (&gen->rng, fid_demo_company_activities_len)];
  const char *form = forms[fid_demo_pick_weighted (&gen->rng, form_weights, G_N_ELEMENTS (forms))];
  g_autofree char *slug = fid_demo_email_part (activity);

  c->company = TRUE;
  c->female = FALSE;
  c->age = 45;
  c->birth[0] = '\0';
  g_snprintf (c->company_name, sizeof c->company_name, "%s %s %s",
              activity, fid_demo_surnames[c->surname].name, form);
  c->first_name = "";
  c->last_name = c->company_name;
  c->title = NULL;
  c->household_role = NULL;
  g_snprintf (c->email, sizeof c->email, "contact@%s-%s.fr", slug, gen->email_surnames[c->surname]);
  make_phone (gen, c, FALSE);
  /* For a company the column holds its yearly turnover. */
  c->income = (gint64) (round (250000 * rng_lognormal (gen, 0.9) / 100) * 10000);
}

static int
draw_preferred_channel (Gen      *gen,
                        Customer *c)
{
  static const guint8 young[N_CHANNELS] = { 10, 25, 20, 10, 30, 5 };
  static const guint8 middle[N_CHANNELS] = { 25, 25, 8, 20, 15, 7 };
  static const guint8 senior[N_CHANNELS] = { 30, 12, 3, 35, 5, 15 };
  static const guint8 company[N_CHANNELS] = { 35, 40, 0, 15, 10, 0 };
  const guint8 *weights = c->company ? company : c->age < 35 ? young : c->age <= 60 ? middle : senior;

  return (int) fid_demo_pick_weighted (&gen->rng, weights, N_CHANNELS);
}

/* Customers: their relationship with the bank */

static void
draw_relationship (Gen      *gen,
                   Customer *c,
                   int       created_day)
{
  int today = gen->today;
  int window = today - TX_WINDOW_DAYS;

  c->stage = (int) fid_demo_pick_weighted (&gen->rng, stage_weights, N_STAGES);
  if (c->age < 18 && (c->stage == ST_LOST || c->stage == ST_INACTIVE || c->stage == ST_REACTIVATED))
    c->stage = ST_SATISFIED;

  if (created_day > 0)
    c->created_day = MIN (created_day, today - 1);
  else if (c->stage == ST_NEW)
    c->created_day = today - fid_demo_rng_range (&gen->rng, 10, 180);
  else if (c->stage == ST_PROSPECT)
    c->created_day = today - fid_demo_rng_range (&gen->rng, 5, 720);
  else if (c->stage == ST_UNKNOWN)
    c->created_day = today - fid_demo_rng_range (&gen->rng, 30, 2000);
  else
    c->created_day = today - fid_demo_rng_range (&gen->rng, 400, MAX (400, MIN (c->age * 365 - 30, 35 * 365)));
  /* Nobody is a customer before birth; a household member may join later. */
  if (!c->company && c->created_day <= c->birth_day)
    c->created_day = c->birth_day + fid_demo_rng_range (&gen->rng, 1, MAX (1, today - c->birth_day - 1));
  if (c->stage == ST_NEW && c->created_day < today - 180)
    c->stage = ST_SATISFIED;

  fid_demo_format_datetime (c->created, c->created_day, office_seconds (gen));
  if (fid_demo_rng_chance (&gen->rng, 0.6))
    fid_demo_format_datetime (c->updated, fid_demo_rng_range (&gen->rng, c->created_day, today), office_seconds (gen));
  else
    memcpy (c->updated, c->created, sizeof c->updated);

  /* The span with transactions, shaped by the stage: inactive customers
   * stopped months ago, lost ones more than a year and a half ago,
   * reactivated ones came back after a long gap. */
  c->tx_start = MAX (window, c->created_day + 1);
  c->tx_end = today;
  c->gap_start = c->gap_end = 0;
  switch (c->stage)
    {
    case ST_UNKNOWN:
    case ST_PROSPECT:
      c->tx_end = 0;
      break;
    case ST_INACTIVE:
      c->tx_end = today - fid_demo_rng_range (&gen->rng, 200, 500);
      break;
    case ST_LOST:
      c->tx_end = today - fid_demo_rng_range (&gen->rng, 540, 1000);
      break;
    case ST_REACTIVATED:
      c->gap_start = today - fid_demo_rng_range (&gen->rng, 450, 700);
      c->gap_end = today - fid_demo_rng_range (&gen->rng, 60, 180);
      break;
    default:
      break;
    }

  /* Pareto-shaped value: a log-normal scale, higher with income. */
  c->scale = rng_lognormal (gen, SCALE_SIGMA);
  if (c->company)
    c->scale *= 3.0;
  else if (c->income > 0)
    c->scale *= sqrt (c->income / 3000000.0);   /* relative to 30,000 € a year */
  else
    c->scale *= 0.25;
  c->life_event = -1;
}

guint
fid_demo_gen_pick_product (Gen      *gen,
                           Customer *c,
                           guint     family)
{
  const guint *special = gen->special_products;

  /* Young people, couples, the well-off and companies have products of
   * their own; everyone else gets the catalogue's usual mix. */
  switch (family)
    {
    case F_CURRENT:
      if (c->company)
        return special[P_ACCOUNT_PRO];
      if (c->age < 26)
        return special[P_ACCOUNT_YOUNG];
      if (c->household_role != NULL && !g_str_equal (c->household_role, "child") &&
          fid_demo_rng_chance (&gen->rng, 0.5))
        return special[P_ACCOUNT_JOINT];
      break;
    case F_CARD:
      if (c->company)
        return special[P_CARD_PRO];
      if (c->age < 26 && fid_demo_rng_chance (&gen->rng, 0.6))
        return special[P_CARD_YOUNG];
      if (c->income > 6000000 && fid_demo_rng_chance (&gen->rng, 0.7))
        return special[P_CARD_PREMIER + fid_demo_rng_below (&gen->rng, 3)];
      break;
    case F_SAVINGS:
      if (c->age < 25 && fid_demo_rng_chance (&gen->rng, 0.5))
        return special[P_SAVINGS_YOUNG];
      break;
    default:
      break;
    }
  return gen->family_members[family][fid_demo_picker_pick (&gen->family_products[family], &gen->rng)];
}

static void
draw_holdings (Gen      *gen,
               Customer *c)
{
  static const guint8 count_weights[] = { 30, 35, 22, 13 };   /* 2, 3, 4, 5 products */
  int today = gen->today;
  guint target;
  guint8 weights[N_FAMILIES];

  c->n_holdings = 0;
  if (c->stage == ST_PROSPECT || c->stage == ST_UNKNOWN)
    return;

  target = c->age < 18 ? 2 : 2 + fid_demo_pick_weighted (&gen->rng, count_weights, G_N_ELEMENTS (count_weights));

  /* Which families this customer may hold beside the current account. */
  for (guint f = 0; f < N_FAMILIES; f++)
    weights[f] = families[f].hold_weight;
  if (c->age < 18)
    {
      memset (weights, 0, sizeof weights);
      weights[F_SAVINGS] = 1;
    }
  if (c->company || c->age < 25 || c->age > 70)
    weights[F_MORTGAGE] = 0;
  if (c->company || c->age < 18 || c->age > 27)
    weights[F_STUDENT] = 0;
  if (c->age >= 50)
    weights[F_INVESTMENT] *= 2;

  c->holdings[0].family = F_CURRENT;
  c->holdings[0].product = fid_demo_gen_pick_product (gen, c, F_CURRENT);
  c->holdings[0].opened = c->created_day;
  c->holdings[0].closed = 0;
  c->n_holdings = 1;
  while (c->n_holdings < target)
    {
      guint total = 0;
      Holding *h;
      int term = 0;

      for (guint f = 0; f < N_FAMILIES; f++)
        total += weights[f];
      if (total == 0)
        break;
      h = &c->holdings[c->n_holdings++];
      h->family = fid_demo_pick_weighted (&gen->rng, weights, N_FAMILIES);
      weights[h->family] = 0;
      h->product = fid_demo_gen_pick_product (gen, c, h->family);
      h->opened = fid_demo_rng_range (&gen->rng, c->created_day, MAX (c->created_day, today - 30));
      h->closed = 0;
      /* Loans end when paid off. */
      term = h->family == F_MORTGAGE ? 20 * 365 : h->family == F_CONSUMER ? 4 * 365 :
             h->family == F_STUDENT ? 8 * 365 : 0;
      if (term > 0 && h->opened + term < today)
        h->closed = h->opened + term;
    }

  /* A lost customer closed everything a few weeks after the last flow. */
  if (c->stage == ST_LOST)
    for (guint i = 0; i < c->n_holdings; i++)
      {
        int closed = c->tx_end + fid_demo_rng_range (&gen->rng, 10, 90);

        if (c->holdings[i].closed == 0 || c->holdings[i].closed > closed)
          c->holdings[i].closed = MAX (closed, c->holdings[i].opened + 1);
      }
}

static gint64
holding_balance (Gen      *gen,
                 Customer *c,
                 Holding  *h)
{
  double remaining;

  if (h->closed != 0)
    return 0;
  remaining = 1.0 - (gen->today - h->opened) / (h->family == F_MORTGAGE ? 7300.0 : h->family == F_STUDENT ? 2920.0 : 1460.0);
  remaining = CLAMP (remaining, 0.05, 1.0);
  switch (h->family)
    {
    case F_CURRENT:
      return (gint64) round (c->scale * 150000 * (fid_demo_rng_double (&gen->rng) - 0.15));
    case F_SAVINGS:
      return (gint64) round (600000 * sqrt (c->scale) * rng_lognormal (gen, 0.8));
    case F_INVESTMENT:
      return (gint64) round (2500000 * pow (c->scale, 0.7) * rng_lognormal (gen, 0.7));
    case F_MORTGAGE:
      return -(gint64) round (18000000 * remaining * rng_lognormal (gen, 0.4));
    case F_CONSUMER:
      return -(gint64) round (1200000 * remaining * rng_lognormal (gen, 0.5));
    case F_STUDENT:
      return -(gint64) round (1000000 * remaining * rng_lognormal (gen, 0.3));
    default:
      return 0;
    }
}

/* The products a written customer holds, with their balances today. */
gboolean
fid_demo_gen_add_holdings (Gen       *gen,
                           Customer  *c,
                           GError   **error)
{
  for (guint i = 0; i < c->n_holdings; i++)
    {
      Holding *h = &c->holdings[i];
      char opened[11], closed[11];

      fid_demo_format_date (opened, h->opened);
      if (h->closed != 0)
        fid_demo_format_date (closed, h->closed);
      if (fid_bulk_loader_add_holding (gen->loader, c->id, gen->product_ids[h->product], opened,
                                       h->closed != 0 ? closed : NULL, holding_balance (gen, c, h), error) == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
fid_demo_gen_add_consents (Gen       *gen,
                           Customer  *c,
                           GError   **error)
{
  static const int channels[] = { CH_EMAIL, CH_SMS, CH_PHONE, CH_MAIL };
  static const double accept[] = { 0.55, 0.35, 0.40, 0.70 };
  static const char * const sources[] = { "branch", "web", "contract", "phone" };

  memset (c->marketing, 0, sizeof c->marketing);
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      int channel = channels[i];

      if ((channel == CH_EMAIL && c->email[0] == '\0') ||
          ((channel == CH_SMS || channel == CH_PHONE) && c->phone[0] == '\0') ||
          (channel == CH_SMS && c->phone[1] != '6' && c->phone[1] != '7'))
        continue;
      /* Some customers refuse marketing on a channel: they are asked once,
       * when they join. */
      c->marketing[channel] = fid_demo_rng_chance (&gen->rng, accept[i]);
      if (!fid_bulk_loader_add_consent (gen->loader, c->id, channel_names[channel], c->marketing[channel],
                                        c->created, sources[fid_demo_rng_below (&gen->rng, G_N_ELEMENTS (sources))],
                                        error))
        return FALSE;
    }
  return TRUE;
}

/* Everything about a customer that is drawn before the row is written:
 * the row itself goes in with a batch of others. */
void
fid_demo_gen_prepare_customer_row (Gen             *gen,
                                   Customer        *c,
                                   FidBulkCustomer *row)
{
  const Branch *branch = &gen->branches[c->branch];

  c->advisor_id = gen->advisor_ids[branch->first_advisor + fid_demo_rng_below (&gen->rng, branch->n_advisors)];
  c->preferred = draw_preferred_channel (gen, c);
  draw_holdings (gen, c);

  memset (row, 0, sizeof *row);
  row->kind = c->company ? "company" : "person";
  row->title = c->title;
  row->first_name = c->first_name;
  row->last_name = c->last_name;
  row->birth_date = c->birth[0] != '\0' ? c->birth : NULL;
  row->email = c->email[0] != '\0' ? c->email : NULL;
  row->phone = c->phone[0] != '\0' ? c->phone : NULL;
  row->address = c->address;
  row->postcode = c->postcode;
  row->city = fid_demo_cities[c->city].name;
  row->latitude = c->latitude;
  row->longitude = c->longitude;
  row->household_id = c->household_id;
  row->household_role = c->household_role;
  row->advisor_id = c->advisor_id;
  row->branch_id = branch->id;
  row->lifecycle_stage = stage_names[c->stage];
  row->annual_income_cents = c->income;
  row->preferred_channel = channel_names[c->preferred];
  row->is_reference = fid_demo_rng_chance (&gen->rng, c->company ? 0.08 : 0.005);
  row->is_fast_growing = fid_demo_rng_chance (&gen->rng, c->company ? 0.10 : c->age < 35 ? 0.03 : 0.01);
  row->other_division = fid_demo_rng_chance (&gen->rng, 0.03);
  row->created_at = c->created;
  row->updated_at = c->updated;
}

/* One household (or a single customer, or a company) into @out: members
 * share the surname, the address and the branch. About 40 % of persons live
 * in a household of two to four. Returns the number of customers drawn
 * (at most @max_size), 0 on error. */
guint
fid_demo_gen_draw_group (Gen       *gen,
                         Customer  *out,
                         guint      max_size,
                         GError   **error)
{
  static const guint8 size_weights[] = { 80, 11, 6, 3 };  /* 1, 2, 3, 4 persons */
  static const char * const roles[] = { "holder", "spouse", "child", "child" };
  Customer shared;
  guint size;
  gboolean company;
  int holder_age = 0, holder_created = 0;
  gboolean holder_female = FALSE;

  memset (&shared, 0, sizeof shared);
  company = fid_demo_rng_chance (&gen->rng, 0.065);
  size = company ? 1 : 1 + fid_demo_pick_weighted (&gen->rng, size_weights, G_N_ELEMENTS (size_weights));
  size = MIN (size, max_size);

  shared.surname = fid_demo_picker_pick (&gen->surnames, &gen->rng);
  shared.city = fid_demo_picker_pick (&gen->cities, &gen->rng);
  format_postcode (gen, shared.city, shared.postcode);
  g_snprintf (shared.address, sizeof shared.address, "%d %s", fid_demo_rng_range (&gen->rng, 1, 150),
              fid_demo_streets[fid_demo_rng_below (&gen->rng, fid_demo_streets_len)]);
  jitter_position (gen, shared.city, 0.03, &shared.latitude, &shared.longitude);
  if (gen->city_branches[shared.city]->len > 0)
    shared.branch = g_array_index (gen->city_branches[shared.city], guint,
                                   fid_demo_rng_below (&gen->rng, gen->city_branches[shared.city]->len));
  else
    shared.branch = gen->nearest_branch[shared.city];

  if (size > 1)
    {
      char created[20];
      g_autofree char *name = g_strdup_printf ("Foyer %s", fid_demo_surnames[shared.surname].name);

      /* The household dates from its holder's first contract. */
      holder_created = gen->today - fid_demo_rng_range (&gen->rng, 400, 25 * 365);
      fid_demo_format_datetime (created, holder_created, office_seconds (gen));
      shared.household_id = fid_bulk_loader_add_household (gen->loader, name, created, error);
      if (shared.household_id == 0)
        return 0;
    }

  for (guint i = 0; i < size; i++)
    {
      Customer *c = &out[i];

      *c = shared;
      if (company)
        {
          make_company (gen, c);
        }
      else if (size == 1)
        {
          make_person (gen, c, draw_adult_age (gen), fid_demo_rng_below (&gen->rng, 2), NULL);
        }
      else if (i == 0)
        {
          holder_age = size >= 3 ? fid_demo_rng_range (&gen->rng, 32, 60) : draw_adult_age (gen);
          holder_female = fid_demo_rng_below (&gen->rng, 2);
          make_person (gen, c, holder_age, holder_female, roles[0]);
        }
      else if (i == 1)
        {
          int age = MAX (18, holder_age + (int) lround (3.0 * fid_demo_rng_normal (&gen->rng)));

          make_person (gen, c, age, fid_demo_rng_chance (&gen->rng, 0.93) ? !holder_female : holder_female, roles[1]);
        }
      else
        {
          make_person (gen, c, fid_demo_rng_range (&gen->rng, 12, MAX (12, MIN (28, holder_age - 20))),
                       fid_demo_rng_below (&gen->rng, 2), roles[i]);
        }

      draw_relationship (gen, c, i == 0 && size > 1 ? holder_created :
                         i > 0 ? holder_created + fid_demo_rng_range (&gen->rng, 0, 2000) : 0);
    }
  return size;
}
