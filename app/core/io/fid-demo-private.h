/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The demo generator's shared state, for fid-demo.c (the FidDemo object and
 * the generation loop), fid-demo-people.c (branches, advisors, households,
 * customers, consents, holdings) and fid-demo-activity.c (transactions,
 * contacts, tickets, life events, opportunities, campaigns, surveys).
 *
 * Every draw goes through Gen.rng, in one fixed order: moving a draw from one
 * function to another, or calling the fid_demo_gen_*() functions in another
 * order, changes every bank generated after it. */

#include <math.h>

#include "fid-bulk-loader.h"
#include "fid-demo.h"
#include "fid-demo-data.h"

G_BEGIN_DECLS

#define TX_WINDOW_DAYS    1095   /* three years of transactions */
#define MAX_TX            600
#define MAX_HOLDINGS      6
#define MAX_INTERACTIONS  16
#define N_ERAS            11     /* birth decades, 1920s to 2020s */
#define CUSTOMER_BATCH    128    /* customers per multi-row INSERT */
/* Spread of the per-customer revenue scale (log-normal sigma): with the
 * spread of transaction counts it puts ~65 % of revenue in the top 10 %. */
#define SCALE_SIGMA       1.25

enum { CH_PHONE, CH_EMAIL, CH_SMS, CH_BRANCH, CH_WEB, CH_MAIL, N_CHANNELS };
static const char * const channel_names[N_CHANNELS] = {
  "phone", "email", "sms", "branch", "web", "mail"
};

enum {
  ST_UNKNOWN, ST_PROSPECT, ST_NEW, ST_SATISFIED, ST_DISSATISFIED, ST_INACTIVE, ST_LOST,
  ST_REACTIVATED, N_STAGES
};

enum {
  F_CURRENT, F_SAVINGS, F_CARD, F_MORTGAGE, F_CONSUMER, F_STUDENT, F_INSURANCE, F_INVESTMENT,
  N_FAMILIES
};

typedef struct
{
  const char *name;
  double      amount;        /* median revenue of one flow at scale 1, cents */
  double      margin;        /* share of the amount kept as margin */
  guint8      tx_weight;     /* how often flows come from this family */
  guint8      hold_weight;   /* how often it is held beside the current account */
  const char *channels[2];   /* where its flows happen */
} Family;

static const Family families[N_FAMILIES] = {
  [F_CURRENT] = { "current_account", 800, 0.80, 30, 0, { "direct_debit", "web" } },
  [F_SAVINGS] = { "savings", 1200, 0.25, 8, 35, { "web", "branch" } },
  [F_CARD] = { "card", 500, 0.35, 40, 40, { "card", "card" } },
  [F_MORTGAGE] = { "mortgage", 8000, 0.22, 12, 15, { "direct_debit", "direct_debit" } },
  [F_CONSUMER] = { "consumer_loan", 3500, 0.40, 10, 12, { "direct_debit", "direct_debit" } },
  [F_STUDENT] = { "student_loan", 1200, 0.30, 8, 10, { "direct_debit", "direct_debit" } },
  [F_INSURANCE] = { "insurance", 3000, 0.30, 12, 25, { "direct_debit", "direct_debit" } },
  [F_INVESTMENT] = { "investment", 5000, 0.45, 6, 12, { "web", "branch" } },
};

/* Products given by rule rather than by their weight in the catalogue
 * (their codes: fid-demo-people.c). */
enum {
  P_ACCOUNT_YOUNG, P_ACCOUNT_JOINT, P_ACCOUNT_PRO, P_CARD_PREMIER, P_CARD_GOLD, P_CARD_INFINITE,
  P_CARD_YOUNG, P_CARD_PRO, P_SAVINGS_YOUNG, N_SPECIAL_PRODUCTS
};

typedef struct
{
  gint64 id;
  guint  city;
  guint  first_advisor;
  guint  n_advisors;
} Branch;

typedef struct
{
  gint64      id;
  int         channel;
  int         family;
  int         starts;
  int         ends;
  double      control_share;
  char       *subject;
  const char *notes;
} Campaign;

typedef struct
{
  guint family;
  guint product;   /* index in fid_demo_products */
  int   opened;
  int   closed;    /* 0: still open */
} Holding;

typedef struct
{
  gint64      id;
  gboolean    company;
  gboolean    female;
  int         age;
  int         birth_day;
  int         created_day;
  int         stage;
  int         preferred;
  const char *first_name;
  const char *last_name;
  const char *title;
  const char *household_role;
  gint64      income;
  double      scale;
  char        company_name[128];
  char        email[128];
  char        phone[20];
  char        birth[11];
  char        created[20];
  char        updated[20];
  /* Shared within a household. */
  guint       city;
  guint       surname;
  char        postcode[6];
  char        address[128];
  double      latitude;
  double      longitude;
  gint64      household_id;
  guint       branch;
  /* The relationship. */
  gint64      advisor_id;
  Holding     holdings[MAX_HOLDINGS];
  guint       n_holdings;
  int         tx_start;
  int         tx_end;
  int         gap_start;
  int         gap_end;
  gboolean    marketing[N_CHANNELS];
  int         life_event;   /* index in fid_demo_life_events, or -1 */
  /* Their complaint, for the NPS and CSAT scores (fid-demo-surveys.c). */
  int         complaint_day;  /* 0: none */
  gboolean    complaint_open;
} Customer;

typedef struct
{
  FidBulkLoader       *loader;
  FidDemoRng           rng;
  int                  today;
  GCancellable        *cancellable;
  FidDemoProgressFunc  progress;
  gpointer             progress_data;
  guint                n_customers;
  guint                n_done;

  FidDemoPicker        first_names[2][N_ERAS];  /* [female][era] */
  FidDemoPicker        surnames;
  FidDemoPicker        cities;
  char               **email_female;   /* names reduced to e-mail characters */
  char               **email_male;
  char               **email_surnames;

  Branch              *branches;
  guint                n_branches;
  guint               *nearest_branch;  /* per city */
  GArray             **city_branches;   /* per city: branch indexes */
  gint64              *advisor_ids;
  guint                n_advisors;

  gint64              *product_ids;
  FidDemoPicker        family_products[N_FAMILIES];  /* picks k-th product of the family */
  guint               *family_members[N_FAMILIES];   /* k-th product -> catalogue index */
  guint                special_products[N_SPECIAL_PRODUCTS];

  Campaign             campaigns[3];
  gint64               kano_survey;
  gint64               servqual_survey;
  gint64              *kano_items;
  gint64              *servqual_items;
  int                  kano_day;
  int                  servqual_day;
  /* NPS and CSAT (fid-demo-surveys.c), drawn from a stream of their own. */
  FidDemoRng           score_rng;
  gint64               nps_survey;
  gint64               nps_item;
  gint64               csat_survey;
  gint64               csat_item;

  Customer            *batch;        /* CUSTOMER_BATCH of each */
  FidBulkCustomer     *batch_rows;
  gint64              *batch_ids;

  GArray              *notes_by_channel[N_CHANNELS];
  guint                reprise_note;
  GArray              *tickets_by_kind[3];
} Gen;

static const char * const ticket_kinds[3] = { "request", "complaint", "incident" };

static inline double
rng_lognormal (Gen    *gen,
               double  sigma)
{
  return exp (sigma * fid_demo_rng_normal (&gen->rng));
}

static inline int
office_seconds (Gen *gen)
{
  return fid_demo_rng_range (&gen->rng, 9 * 3600, 18 * 3600 + 1800);
}

/* fid-demo.c */
char     *fid_demo_email_part                (const char  *name);

/* fid-demo-people.c */
gboolean  fid_demo_gen_add_products          (Gen         *gen,
                                              GError     **error);
gboolean  fid_demo_gen_add_branches          (Gen         *gen,
                                              GError     **error);
guint     fid_demo_gen_pick_product          (Gen         *gen,
                                              Customer    *c,
                                              guint        family);
guint     fid_demo_gen_draw_group            (Gen         *gen,
                                              Customer    *out,
                                              guint        max_size,
                                              GError     **error);
void      fid_demo_gen_prepare_customer_row  (Gen             *gen,
                                              Customer        *c,
                                              FidBulkCustomer *row);
gboolean  fid_demo_gen_add_consents          (Gen         *gen,
                                              Customer    *c,
                                              GError     **error);
gboolean  fid_demo_gen_add_holdings          (Gen         *gen,
                                              Customer    *c,
                                              GError     **error);

/* fid-demo-activity.c */
gboolean  fid_demo_gen_add_campaigns         (Gen         *gen,
                                              GError     **error);
gboolean  fid_demo_gen_add_surveys           (Gen         *gen,
                                              GError     **error);
gboolean  fid_demo_gen_add_transactions      (Gen         *gen,
                                              Customer    *c,
                                              GError     **error);
gboolean  fid_demo_gen_add_interactions      (Gen         *gen,
                                              Customer    *c,
                                              GError     **error);
gboolean  fid_demo_gen_add_ticket            (Gen         *gen,
                                              Customer    *c,
                                              GError     **error);
gboolean  fid_demo_gen_add_life_event        (Gen         *gen,
                                              Customer    *c,
                                              GError     **error);
gboolean  fid_demo_gen_add_opportunity       (Gen         *gen,
                                              Customer    *c,
                                              GError     **error);
gboolean  fid_demo_gen_add_campaign_targets  (Gen         *gen,
                                              Customer    *c,
                                              GError     **error);
gboolean  fid_demo_gen_add_survey_responses  (Gen         *gen,
                                              Customer    *c,
                                              GError     **error);

/* fid-demo-surveys.c */
gboolean  fid_demo_gen_add_score_surveys     (Gen         *gen,
                                              GError     **error);
gboolean  fid_demo_gen_add_score_responses   (Gen         *gen,
                                              Customer    *c,
                                              GError     **error);

G_END_DECLS
