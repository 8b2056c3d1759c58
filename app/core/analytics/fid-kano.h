/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The Kano model (issue 6).
 *
 * Per feature, a functional question ("If the branch offers X, how do you
 * feel?") and a dysfunctional one ("If it does not…"), answered 1 I like
 * it, 2 I expect it, 3 I am neutral, 4 I can live with it, 5 I dislike it.
 * The evaluation table, rows = functional 1..5, columns = dysfunctional
 * 1..5:
 *
 *        1 2 3 4 5
 *   1    Q A A A O
 *   2    R I I I M
 *   3    R I I I M
 *   4    R I I I M
 *   5    R R R R Q
 *
 * Per feature: counts of A, O, M, I, R, Q over its n answer pairs;
 * category = the most frequent, ties broken M > O > A > I > R > Q;
 * Better = (A + O) / (A + O + M + I), Worse = −(O + M) / (A + O + M + I)
 * (R and Q are left out; NAN when A + O + M + I = 0); Fong's test: with a
 * and b the two largest counts, the category is significant when
 * |a − b| ≥ 1.65 · √((a + b)(2n − a − b) / (2n)), otherwise it is shown as
 * mixed (never significant when n = 0); importance = mean of the
 * self-stated importances (1–9) given, NAN when none. */

typedef enum
{
  FID_KANO_ATTRACTIVE,       /* A */
  FID_KANO_ONE_DIMENSIONAL,  /* O */
  FID_KANO_MUST_BE,          /* M */
  FID_KANO_INDIFFERENT,      /* I */
  FID_KANO_REVERSE,          /* R */
  FID_KANO_QUESTIONABLE,     /* Q */
  FID_KANO_N_CATEGORIES
} FidKanoCategory;

/* "A", "O", "M", "I", "R", "Q", NULL-terminated, in the enum's order. */
const char * const *fid_kano_category_keys      (void);
const char         *fid_kano_category_to_key    (FidKanoCategory category);
/* "Attractive", "One-dimensional", "Must-be", "Indifferent", "Reverse",
 * "Questionable", translated. */
const char         *fid_kano_category_get_name  (FidKanoCategory category);

/* The table above. Answers outside 1..5 give FID_KANO_QUESTIONABLE. */
FidKanoCategory     fid_kano_classify           (int              functional,
                                                 int              dysfunctional);

/* The most frequent category of @counts, ties broken M > O > A > I > R > Q
 * (FID_KANO_INDIFFERENT when every count is 0). */
FidKanoCategory     fid_kano_category_for_counts (const guint    *counts);
/* Fong's test on @counts (FID_KANO_N_CATEGORIES of them). */
gboolean            fid_kano_fong_significant   (const guint     *counts);

/* One answer pair of one respondent about one feature. */
typedef struct
{
  guint  feature;         /* index into the features */
  guint8 functional;      /* 1..5 */
  guint8 dysfunctional;   /* 1..5 */
  guint8 importance;      /* 1..9, 0 when not stated */
} FidKanoAnswer;

/* The answers of a Kano survey or file, as fid_kano_analyze reads them. */
typedef struct
{
  GStrv   features;       /* the feature labels, in order */
  GArray *answers;        /* FidKanoAnswer */
} FidKanoData;

FidKanoData        *fid_kano_data_new           (void);
void                fid_kano_data_free          (FidKanoData     *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidKanoData, fid_kano_data_free)

/* One feature's result. */
typedef struct
{
  char            *feature;
  guint            counts[FID_KANO_N_CATEGORIES];
  guint            n;              /* answer pairs: the sum of counts */
  FidKanoCategory  category;
  gboolean         significant;    /* Fong; FALSE: mixed */
  double           better;         /* 0..1, NAN when A+O+M+I = 0 */
  double           worse;          /* −1..0, NAN likewise */
  double           importance;     /* mean 1..9, NAN when none stated */
  guint            n_importance;   /* importances stated */
} FidKanoResult;

#define FID_TYPE_KANO_RESULT (fid_kano_result_get_type ())

GType               fid_kano_result_get_type    (void) G_GNUC_CONST;
/* Zero counts; call fid_kano_result_finish after adding answers. */
FidKanoResult      *fid_kano_result_new         (const char      *feature);
FidKanoResult      *fid_kano_result_copy        (const FidKanoResult *result);
void                fid_kano_result_free        (FidKanoResult   *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidKanoResult, fid_kano_result_free)

/* Counts one answer pair (@importance 0 when not stated). */
void                fid_kano_result_add         (FidKanoResult   *result,
                                                 int              functional,
                                                 int              dysfunctional,
                                                 int              importance);
/* Fills n, category, significant, better, worse and importance from the
 * counts and the importances added. */
void                fid_kano_result_finish      (FidKanoResult   *result);

/* The results list: a GPtrArray of FidKanoResult (its free function set),
 * one per feature of @data in its order, features without answers
 * included (n 0). */
GPtrArray          *fid_kano_analyze            (const FidKanoData *data);

/* Rank order for "what to fix first": M, O, A, I, R, Q; within a category
 * the higher mean importance first (NAN last), then the higher n. For
 * g_ptr_array_sort on a results list. */
int                 fid_kano_result_compare_rank (gconstpointer   a,
                                                  gconstpointer   b);

G_END_DECLS
