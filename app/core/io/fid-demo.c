/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidDemo: writes a plausible French retail bank into a new Fidelis file.
 *
 * The bank is a pure function of (seed, number of customers, reference
 * date): one xoshiro stream drives every draw in a fixed order, dates are
 * computed from the reference date and never from the clock, and rows are
 * inserted in generation order, so their ids repeat too.
 *
 * Customers are drawn a batch of about a hundred at a time (households
 * whole), written with one multi-row INSERT, then their rows (transactions,
 * contacts, tickets…) are streamed through FidBulkLoader's prepared
 * statements. Only the small tables (branches, advisors, products,
 * campaigns, survey items) and the current batch stay in memory, so a
 * million customers cost no more memory than a thousand; the rest is
 * SQLite's page cache.
 *
 * Revenue is Pareto-shaped on purpose: each customer gets a lognormal scale
 * that multiplies every flow, so about a tenth of the customers make about
 * two thirds of the revenue, as the ABC analysis of the course expects. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fid-bulk-loader.h"
#include "fid-demo.h"
#include "fid-demo-data.h"
#include "fid-text.h"

struct _FidDemo
{
  GObject  parent_instance;

  guint    n_customers;
  guint64  seed;
  int      reference_day;   /* days since 1970-01-01 */
};

enum {
  PROP_0,
  PROP_N_CUSTOMERS,
  PROP_SEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidDemo, fid_demo, G_TYPE_OBJECT)

/* Async: progress crosses from the generating thread to the caller's main
 * context. The relay is shared by the task and by every queued update, and
 * the caller's data is released, in that context, when the last of them is
 * gone. Updates are idle sources attached to the context rather than
 * g_main_context_invoke_full(): a GTask worker's thread-default context is
 * the global default, so invoke would run the callback right there in the
 * worker whenever it can acquire a default context nobody is iterating. */
typedef struct
{
  gatomicrefcount      ref_count;
  GMainContext        *context;
  FidDemoProgressFunc  func;
  gpointer             data;
  GDestroyNotify       destroy;
  /* Worker thread only. */
  gint64               last_sent;
  const char          *last_stage;
} ProgressRelay;

typedef struct
{
  ProgressRelay *relay;
  double         fraction;
  char          *stage;
} ProgressUpdate;

typedef struct
{
  FidDemo       *snapshot;  /* settings frozen at the call */
  char          *path;
  ProgressRelay *relay;
} WriteData;

/* At most this many progress updates per second reach the main context. */
#define PROGRESS_RATE 20

static ProgressRelay *
progress_relay_ref (ProgressRelay *relay)
{
  g_atomic_ref_count_inc (&relay->ref_count);
  return relay;
}

static void
progress_relay_unref (ProgressRelay *relay)
{
  if (!g_atomic_ref_count_dec (&relay->ref_count))
    return;
  if (relay->destroy != NULL)
    relay->destroy (relay->data);
  g_main_context_unref (relay->context);
  g_free (relay);
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  progress_relay_unref (update->relay);
  g_free (update->stage);
  g_free (update);
}

static void
invoke_in_context (GMainContext   *context,
                   GSourceFunc     func,
                   gpointer        data,
                   GDestroyNotify  notify)
{
  GSource *source = g_idle_source_new ();

  /* Same priority as the GTask's completion, and attached before it, so
   * every update is delivered before the result. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[fidelis] demo progress");
  g_source_attach (source, context);
  g_source_unref (source);
}

static gboolean
release_in_context (gpointer data)
{
  return G_SOURCE_REMOVE;
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *update = data;

  update->relay->func (update->fraction, update->stage, update->relay->data);
  return G_SOURCE_REMOVE;
}

/* Runs in the generating thread. */
static void
relay_progress (double      fraction,
                const char *stage,
                gpointer    user_data)
{
  ProgressRelay *relay = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressUpdate *update;

  /* Stage changes and the final update always go through; the rest are
   * thinned to PROGRESS_RATE a second so a fast generator cannot flood the
   * main loop. Stage strings are static translations: pointers compare. */
  if (stage == relay->last_stage && fraction < 1.0 &&
      now - relay->last_sent < G_USEC_PER_SEC / PROGRESS_RATE)
    return;
  relay->last_sent = now;
  relay->last_stage = stage;

  update = g_new0 (ProgressUpdate, 1);
  update->relay = progress_relay_ref (relay);
  update->fraction = fraction;
  update->stage = g_strdup (stage);
  invoke_in_context (relay->context, deliver_progress, update, progress_update_free);
}

static void
write_data_free (gpointer data)
{
  WriteData *write_data = data;

  g_clear_object (&write_data->snapshot);
  g_free (write_data->path);
  /* The task may be finalized in the worker thread: drop our reference in
   * the caller's context, so that progress_data_destroy runs there. */
  if (write_data->relay != NULL)
    invoke_in_context (write_data->relay->context, release_in_context, write_data->relay,
                       (GDestroyNotify) progress_relay_unref);
  g_free (write_data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (fid_demo_write (data->snapshot, data->path, cancellable,
                      data->relay != NULL ? relay_progress : NULL, data->relay, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The generator */

#define CHECKPOINT_EVERY  50000  /* customers per commit: keeps the WAL bounded */
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
static const guint8 channel_weights[N_CHANNELS] = { 28, 25, 12, 18, 10, 7 };

enum {
  ST_UNKNOWN, ST_PROSPECT, ST_NEW, ST_SATISFIED, ST_DISSATISFIED, ST_INACTIVE, ST_LOST,
  ST_REACTIVATED, N_STAGES
};
static const char * const stage_names[N_STAGES] = {
  "unknown", "prospect", "new", "satisfied", "dissatisfied", "inactive", "lost", "reactivated"
};
static const guint8 stage_weights[N_STAGES] = { 2, 8, 10, 45, 9, 12, 8, 6 };

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

/* Products given by rule rather than by their weight in the catalogue. */
enum {
  P_ACCOUNT_YOUNG, P_ACCOUNT_JOINT, P_ACCOUNT_PRO, P_CARD_PREMIER, P_CARD_GOLD, P_CARD_INFINITE,
  P_CARD_YOUNG, P_CARD_PRO, P_SAVINGS_YOUNG, N_SPECIAL_PRODUCTS
};
static const char * const special_product_codes[N_SPECIAL_PRODUCTS] = {
  "CC-JEUNE", "CC-JOINT", "CC-PRO", "CB-PREMIER", "CB-GOLD", "CB-INFINITE", "CB-JEUNE", "CB-PRO", "LIV-J"
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

static inline int
office_seconds (Gen *gen)
{
  return fid_demo_rng_range (&gen->rng, 9 * 3600, 18 * 3600 + 1800);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

static char *
email_part (const char *name)
{
  g_autofree char *folded = fid_text_fold (name);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static char **
email_parts_for (const char * const *names,
                 gsize                stride,
                 guint                n)
{
  char **parts = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    parts[i] = email_part (*(const char * const *) ((const char *) names + i * stride));
  return parts;
}

static void
init_first_name_pickers (Gen                    *gen,
                         int                     female,
                         const FidDemoFirstName *names,
                         guint                   n)
{
  g_autofree guint32 *weights = g_new (guint32, n);

  for (guint era = 0; era < N_ERAS; era++)
    {
      double centre = 1925 + 10 * era;

      /* A name is given around its peak year, fading over a generation. */
      for (guint i = 0; i < n; i++)
        {
          double distance = (centre - names[i].peak_year) / 13.0;

          weights[i] = (guint32) (1 + 100.0 * names[i].weight * exp (-distance * distance));
        }
      fid_demo_picker_init (&gen->first_names[female][era], weights, n);
    }
}

static void
gen_init (Gen *gen)
{
  g_autofree guint32 *weights = NULL;

  init_first_name_pickers (gen, 1, fid_demo_female_names, fid_demo_female_names_len);
  init_first_name_pickers (gen, 0, fid_demo_male_names, fid_demo_male_names_len);

  weights = g_new (guint32, MAX (fid_demo_surnames_len, fid_demo_cities_len));
  for (guint i = 0; i < fid_demo_surnames_len; i++)
    weights[i] = fid_demo_surnames[i].weight;
  fid_demo_picker_init (&gen->surnames, weights, fid_demo_surnames_len);
  for (guint i = 0; i < fid_demo_cities_len; i++)
    weights[i] = fid_demo_cities[i].population;
  fid_demo_picker_init (&gen->cities, weights, fid_demo_cities_len);

  gen->email_female = email_parts_for (&fid_demo_female_names[0].name, sizeof (FidDemoFirstName),
                                       fid_demo_female_names_len);
  gen->email_male = email_parts_for (&fid_demo_male_names[0].name, sizeof (FidDemoFirstName),
                                     fid_demo_male_names_len);
  gen->email_surnames = email_parts_for (&fid_demo_surnames[0].name, sizeof (FidDemoSurname),
                                         fid_demo_surnames_len);

  gen->batch = g_new0 (Customer, CUSTOMER_BATCH);
  gen->batch_rows = g_new0 (FidBulkCustomer, CUSTOMER_BATCH);
  gen->batch_ids = g_new0 (gint64, CUSTOMER_BATCH);

  for (guint c = 0; c < N_CHANNELS; c++)
    gen->notes_by_channel[c] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < fid_demo_notes_len; i++)
    for (guint c = 0; c < N_CHANNELS; c++)
      if (g_str_equal (fid_demo_notes[i].channel, channel_names[c]))
        g_array_append_val (gen->notes_by_channel[c], i);
  for (guint i = 0; i < fid_demo_notes_len; i++)
    if (g_str_equal (fid_demo_notes[i].subject, "Reprise de contact"))
      gen->reprise_note = i;
  for (guint k = 0; k < G_N_ELEMENTS (ticket_kinds); k++)
    {
      gen->tickets_by_kind[k] = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < fid_demo_ticket_subjects_len; i++)
        if (g_str_equal (fid_demo_ticket_subjects[i].kind, ticket_kinds[k]))
          g_array_append_val (gen->tickets_by_kind[k], i);
    }
}

static void
gen_clear (Gen *gen)
{
  for (guint s = 0; s < 2; s++)
    for (guint era = 0; era < N_ERAS; era++)
      fid_demo_picker_clear (&gen->first_names[s][era]);
  fid_demo_picker_clear (&gen->surnames);
  fid_demo_picker_clear (&gen->cities);
  g_strfreev (gen->email_female);
  g_strfreev (gen->email_male);
  g_strfreev (gen->email_surnames);
  for (guint c = 0; c < fid_demo_cities_len && gen->city_branches != NULL; c++)
    g_array_unref (gen->city_branches[c]);
  g_free (gen->city_branches);
  g_free (gen->nearest_branch);
  g_free (gen->branches);
  g_free (gen->advisor_ids);
  g_free (gen->product_ids);
  for (guint f = 0; f < N_FAMILIES; f++)
    {
      fid_demo_picker_clear (&gen->family_products[f]);
      g_free (gen->family_members[f]);
    }
  g_free (gen->batch);
  g_free (gen->batch_rows);
  g_free (gen->batch_ids);
  g_free (gen->kano_items);
  g_free (gen->servqual_items);
  for (guint i = 0; i < G_N_ELEMENTS (gen->campaigns); i++)
    g_free (gen->campaigns[i].subject);
  for (guint c = 0; c < N_CHANNELS; c++)
    g_clear_pointer (&gen->notes_by_channel[c], g_array_unref);
  for (guint k = 0; k < G_N_ELEMENTS (gen->tickets_by_kind); k++)
    g_clear_pointer (&gen->tickets_by_kind[k], g_array_unref);
  g_clear_object (&gen->loader);
}

static void
report (Gen        *gen,
        double      fraction,
        const char *stage)
{
  if (gen->progress != NULL)
    gen->progress (fraction, stage, gen->progress_data);
}

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

static gboolean
add_products (Gen     *gen,
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

static gboolean
add_branches (Gen     *gen,
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

static gboolean
add_campaigns (Gen     *gen,
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

static gboolean
add_surveys (Gen     *gen,
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
  g_autofree char *slug = email_part (activity);

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

static guint
pick_product (Gen      *gen,
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
  c->holdings[0].product = pick_product (gen, c, F_CURRENT);
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
      h->product = pick_product (gen, c, h->family);
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

/* Customers: the rows */

static gboolean
add_transactions (Gen       *gen,
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

static gboolean
add_interactions (Gen       *gen,
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

static gboolean
add_ticket (Gen       *gen,
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

static gboolean
add_life_event (Gen       *gen,
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

static gboolean
add_opportunity (Gen       *gen,
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
  row.product_id = gen->product_ids[pick_product (gen, c, family)];
  row.stage = stages[stage];
  row.amount_cents = (gint64) round (amounts[family] * rng_lognormal (gen, 0.5)) * 100;
  row.probability = probabilities[stage];
  row.advisor_id = c->advisor_id;
  row.created_at = created;
  row.expected_close_on = closing;
  return fid_bulk_loader_add_opportunity (gen->loader, &row, error) != 0;
}

static gboolean
add_campaign_targets (Gen       *gen,
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

static gboolean
add_survey_responses (Gen       *gen,
                      Customer  *c,
                      GError   **error)
{
  char answered[20];
  gint64 response;

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

static gboolean
add_consents (Gen       *gen,
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
static void
prepare_customer_row (Gen             *gen,
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

/* The rows that hang off a written customer. */
static gboolean
add_customer_rows (Gen       *gen,
                   Customer  *c,
                   GError   **error)
{
  if (!add_consents (gen, c, error))
    return FALSE;
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
  return add_transactions (gen, c, error) &&
         add_interactions (gen, c, error) &&
         add_ticket (gen, c, error) &&
         add_life_event (gen, c, error) &&
         add_opportunity (gen, c, error) &&
         add_campaign_targets (gen, c, error) &&
         add_survey_responses (gen, c, error);
}

/* One household (or a single customer, or a company) into @out: members
 * share the surname, the address and the branch. About 40 % of persons live
 * in a household of two to four. Returns the number of customers drawn
 * (at most @max_size), 0 on error. */
static guint
draw_group (Gen       *gen,
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

/* Customers are drawn a batch at a time, written with one multi-row INSERT,
 * then their transactions, contacts and the rest follow. */
static gboolean
add_customer_batch (Gen       *gen,
                    guint      n,
                    GError   **error)
{
  guint drawn = 0;

  while (drawn < n)
    {
      /* A household never straddles two batches. */
      guint added = draw_group (gen, &gen->batch[drawn], MIN (4, n - drawn), error);

      if (added == 0)
        return FALSE;
      drawn += added;
      if (drawn + 4 > CUSTOMER_BATCH)
        break;
    }
  for (guint i = 0; i < drawn; i++)
    prepare_customer_row (gen, &gen->batch[i], &gen->batch_rows[i]);
  if (!fid_bulk_loader_add_customers (gen->loader, gen->batch_rows, drawn, gen->batch_ids, error))
    return FALSE;
  for (guint i = 0; i < drawn; i++)
    {
      gen->batch[i].id = gen->batch_ids[i];
      if (!add_customer_rows (gen, &gen->batch[i], error))
        return FALSE;
    }
  gen->n_done += drawn;
  return TRUE;
}

static gboolean
fid_demo_generate (FidStore             *store,
                   guint                 n_customers,
                   guint64               seed,
                   int                   today,
                   GCancellable         *cancellable,
                   FidDemoProgressFunc   progress,
                   gpointer              user_data,
                   GError              **error)
{
  const char *stage;
  Gen gen = { 0, };
  guint next_checkpoint = CHECKPOINT_EVERY;
  guint report_every = MAX (1, n_customers / 1000);
  guint next_report = 0;
  gboolean ok = FALSE;

  gen.today = today;
  gen.n_customers = n_customers;
  gen.cancellable = cancellable;
  gen.progress = progress;
  gen.progress_data = user_data;
  fid_demo_rng_seed (&gen.rng, seed);
  gen_init (&gen);

  report (&gen, 0.0, _("Preparing branches and products"));
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  gen.loader = fid_bulk_loader_new_full (store, FID_BULK_LOADER_FRESH_FILE, error);
  if (gen.loader == NULL ||
      !add_products (&gen, error) ||
      !add_branches (&gen, error) ||
      !add_campaigns (&gen, error) ||
      !add_surveys (&gen, error))
    goto out;

  stage = _("Generating customers");
  while (gen.n_done < n_customers)
    {
      if (gen.n_done >= next_report)
        {
          report (&gen, 0.02 + 0.93 * gen.n_done / n_customers, stage);
          next_report = gen.n_done + report_every;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      if (!add_customer_batch (&gen, MIN (CUSTOMER_BATCH, n_customers - gen.n_done), error))
        goto out;

      /* Commit now and then, so that dirty pages go to the file instead
       * of piling up in memory. */
      if (gen.n_done >= next_checkpoint)
        {
          if (!fid_bulk_loader_checkpoint (gen.loader, error))
            goto out;
          next_checkpoint += CHECKPOINT_EVERY;
        }
    }

  report (&gen, 0.95, _("Writing the file"));
  ok = fid_bulk_loader_commit (gen.loader, error);

out:
  gen_clear (&gen);
  return ok;
}

/* Files */

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static gboolean
refuse_existing (const char  *path,
                 GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("“%s” already exists. Choose another file name, or remove it first."), path);
  return FALSE;
}

/* GObject */

static void
fid_demo_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FidDemo *self = FID_DEMO (object);

  switch (prop_id)
    {
    case PROP_N_CUSTOMERS:
      g_value_set_uint (value, self->n_customers);
      break;
    case PROP_SEED:
      g_value_set_uint64 (value, self->seed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_demo_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  FidDemo *self = FID_DEMO (object);

  switch (prop_id)
    {
    case PROP_N_CUSTOMERS:
      self->n_customers = g_value_get_uint (value);
      break;
    case PROP_SEED:
      self->seed = g_value_get_uint64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_demo_class_init (FidDemoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = fid_demo_get_property;
  object_class->set_property = fid_demo_set_property;

  properties[PROP_N_CUSTOMERS] =
    g_param_spec_uint ("n-customers", NULL, NULL, 0, G_MAXUINT, 1000,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEED] =
    g_param_spec_uint64 ("seed", NULL, NULL, 0, G_MAXUINT64, 1,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_demo_init (FidDemo *self)
{
  self->reference_day = fid_demo_days_from_civil (2026, 6, 30);
}

/* Public API */

FidDemo *
fid_demo_new (guint   n_customers,
              guint64 seed)
{
  return g_object_new (FID_TYPE_DEMO,
                       "n-customers", n_customers,
                       "seed", seed,
                       NULL);
}

guint
fid_demo_get_n_customers (FidDemo *self)
{
  g_return_val_if_fail (FID_IS_DEMO (self), 0);
  return self->n_customers;
}

guint64
fid_demo_get_seed (FidDemo *self)
{
  g_return_val_if_fail (FID_IS_DEMO (self), 0);
  return self->seed;
}

void
fid_demo_set_reference_date (FidDemo *self,
                             GDate   *date)
{
  g_return_if_fail (FID_IS_DEMO (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->reference_day = fid_demo_days_from_civil (g_date_get_year (date),
                                                  g_date_get_month (date),
                                                  g_date_get_day (date));
}

gboolean
fid_demo_write (FidDemo              *self,
                const char           *path,
                GCancellable         *cancellable,
                FidDemoProgressFunc   progress,
                gpointer              user_data,
                GError              **error)
{
  g_autofree char *partial = NULL;
  g_autoptr(FidStore) store = NULL;
  gboolean ok;

  g_return_val_if_fail (FID_IS_DEMO (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_existing (path, error))
    return FALSE;

  /* A .partial left by a crashed run is ours to replace. */
  partial = g_strconcat (path, ".partial", NULL);
  remove_database_files (partial);

  store = fid_store_open (partial, FID_STORE_OPEN_CREATE, error);
  if (store == NULL)
    {
      remove_database_files (partial);
      return FALSE;
    }

  ok = fid_demo_generate (store, self->n_customers, self->seed, self->reference_day,
                          cancellable, progress, user_data, error);

  /* Closing checkpoints the WAL into the file and removes -wal and -shm,
   * so only the finished file is renamed. */
  g_clear_object (&store);

  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok && !refuse_existing (path, error))
    ok = FALSE;
  if (ok && g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not move the demo bank to “%s”: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    {
      remove_database_files (partial);
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, _("Done"), user_data);
  return TRUE;
}

void
fid_demo_write_async (FidDemo              *self,
                      const char           *path,
                      GCancellable         *cancellable,
                      FidDemoProgressFunc   progress,
                      gpointer              progress_data,
                      GDestroyNotify        progress_data_destroy,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (FID_IS_DEMO (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (WriteData, 1);
  data->snapshot = fid_demo_new (self->n_customers, self->seed);
  data->snapshot->reference_day = self->reference_day;
  data->path = g_strdup (path);
  if (progress != NULL)
    {
      data->relay = g_new0 (ProgressRelay, 1);
      g_atomic_ref_count_init (&data->relay->ref_count);
      data->relay->context = g_main_context_ref_thread_default ();
      data->relay->func = progress;
      data->relay->data = progress_data;
      data->relay->destroy = progress_data_destroy;
    }
  else if (progress_data_destroy != NULL)
    {
      progress_data_destroy (progress_data);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fid_demo_write_async);
  g_task_set_task_data (task, data, write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
fid_demo_write_finish (FidDemo       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (FID_IS_DEMO (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
