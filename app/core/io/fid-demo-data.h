/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The demo bank's random numbers and static tables (internal to the demo
 * generator). Everything here is deterministic: the same seed draws the same
 * sequence on every run and every day. */

/* xoshiro256** seeded through splitmix64: fast, small state, good quality,
 * and ours, so no library change can alter a generated bank. */
typedef struct
{
  guint64 s[4];
} FidDemoRng;

void     fid_demo_rng_seed   (FidDemoRng *rng,
                              guint64     seed);
double   fid_demo_rng_normal (FidDemoRng *rng);

static inline guint64
fid_demo_rng_next (FidDemoRng *rng)
{
  guint64 *s = rng->s;
  guint64 x = s[1] * 5;
  guint64 result = ((x << 7) | (x >> 57)) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = (s[3] << 45) | (s[3] >> 19);
  return result;
}

/* Uniform in [0, 1). */
static inline double
fid_demo_rng_double (FidDemoRng *rng)
{
  return (double) (fid_demo_rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform in [0, n) (Lemire's multiply-shift; the bias is below 2^-32). */
static inline guint
fid_demo_rng_below (FidDemoRng *rng,
                    guint       n)
{
  return (guint) (((fid_demo_rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* Uniform in [lo, hi]. */
static inline int
fid_demo_rng_range (FidDemoRng *rng,
                    int         lo,
                    int         hi)
{
  return hi <= lo ? lo : lo + (int) fid_demo_rng_below (rng, (guint) (hi - lo + 1));
}

static inline gboolean
fid_demo_rng_chance (FidDemoRng *rng,
                     double      p)
{
  return fid_demo_rng_double (rng) < p;
}

/* Weighted choice among n entries by binary search in cumulative weights. */
typedef struct
{
  guint32 *cumulative;
  guint    n;
} FidDemoPicker;

void     fid_demo_picker_init  (FidDemoPicker *picker,
                                const guint32 *weights,
                                guint          n);
guint    fid_demo_picker_pick  (const FidDemoPicker *picker,
                                FidDemoRng          *rng);
void     fid_demo_picker_clear (FidDemoPicker *picker);

/* Draws an index from a small inline weight list (no setup). */
guint    fid_demo_pick_weighted (FidDemoRng    *rng,
                                 const guint8  *weights,
                                 guint          n);

/* Civil dates as day numbers (days since 1970-01-01), formatted without
 * allocation. */
int      fid_demo_days_from_civil (int y, int m, int d);
void     fid_demo_civil_from_days (int days, int *y, int *m, int *d);
void     fid_demo_format_date     (char buf[11], int days);
void     fid_demo_format_datetime (char buf[20], int days, int seconds);

/* Tables. Weights are relative frequencies. */
typedef struct
{
  const char *name;
  guint16     weight;     /* frequency at its peak */
  guint16     peak_year;  /* the year it was most given */
} FidDemoFirstName;

typedef struct
{
  const char *name;
  guint16     weight;
} FidDemoSurname;

typedef struct
{
  const char *name;
  guint32     postcode;     /* printed %05u */
  guint8      n_districts;  /* Paris, Lyon, Marseille: postcode + 1..n */
  float       latitude;
  float       longitude;
  guint32     population;   /* thousands */
} FidDemoCity;

typedef struct
{
  const char *code;
  const char *name;
  const char *family;
  guint8      weight;   /* how common within its family; 0: chosen by rule
                         * (young people's, couples', companies' products) */
} FidDemoProduct;

typedef struct
{
  const char *channel;
  const char *direction;
  const char *subject;
  const char *notes;
  const char *outcome;
  const char *next_step;    /* NULL: no follow-up */
  const char *status;       /* NULL: done */
} FidDemoNote;

typedef struct
{
  const char *kind;         /* request, complaint, incident */
  const char *category;
  const char *subject;
  const char *description;
  const char *resolution;
} FidDemoTicketSubject;

typedef struct
{
  const char *kind;
  guint8      weight;
  guint8      min_age;
  guint8      max_age;
  const char *notes;
  const char *product_family;  /* what the advisor would propose */
} FidDemoLifeEvent;

typedef struct
{
  const char *label;
  const char *dimension;
} FidDemoServqualItem;

/* Kano answers as stored in survey_answers.value for the 'functional' and
 * 'dysfunctional' parts; 'importance' is 1 (not important) to 9. */
enum
{
  FID_DEMO_KANO_LIKE = 1,
  FID_DEMO_KANO_EXPECT,
  FID_DEMO_KANO_NEUTRAL,
  FID_DEMO_KANO_LIVE_WITH,
  FID_DEMO_KANO_DISLIKE,
};

/* Kano categories, in the order of FidDemoKanoFeature.share. */
enum
{
  FID_DEMO_KANO_A,
  FID_DEMO_KANO_O,
  FID_DEMO_KANO_M,
  FID_DEMO_KANO_I,
  FID_DEMO_KANO_R,
  FID_DEMO_KANO_Q,
  FID_DEMO_N_KANO,
};

typedef struct
{
  const char *label;
  guint8      share[FID_DEMO_N_KANO];  /* percent of respondents per category */
} FidDemoKanoFeature;

/* SERVQUAL answers: 'expectation' and 'perception' (1..7) on every item;
 * the respondent's 100 points over the five dimensions are stored as a
 * 'weight' answer on the first item of each dimension, so that summing the
 * weight answers of a dimension's items gives its points. */
typedef struct
{
  const char *id;
  const char *label;
  guint8      weight;        /* mean of the 100-point allocation */
  float       perception;    /* mean perceived score, 1..7 */
} FidDemoServqualDimension;

typedef const char *FidDemoString;

#define FID_DEMO_TABLE(Type, name) \
  extern const Type name[];        \
  extern const guint name##_len;

FID_DEMO_TABLE (FidDemoFirstName, fid_demo_female_names)
FID_DEMO_TABLE (FidDemoFirstName, fid_demo_male_names)
FID_DEMO_TABLE (FidDemoSurname, fid_demo_surnames)
FID_DEMO_TABLE (FidDemoCity, fid_demo_cities)
FID_DEMO_TABLE (FidDemoString, fid_demo_streets)
FID_DEMO_TABLE (FidDemoString, fid_demo_branch_suffixes)
FID_DEMO_TABLE (FidDemoString, fid_demo_email_domains)
FID_DEMO_TABLE (FidDemoString, fid_demo_company_activities)
FID_DEMO_TABLE (FidDemoProduct, fid_demo_products)
FID_DEMO_TABLE (FidDemoNote, fid_demo_notes)
FID_DEMO_TABLE (FidDemoTicketSubject, fid_demo_ticket_subjects)
FID_DEMO_TABLE (FidDemoLifeEvent, fid_demo_life_events)
FID_DEMO_TABLE (FidDemoServqualItem, fid_demo_servqual_items)
FID_DEMO_TABLE (FidDemoServqualDimension, fid_demo_servqual_dimensions)
FID_DEMO_TABLE (FidDemoKanoFeature, fid_demo_kano_features)

G_END_DECLS
