/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The SERVQUAL gap model (issue 6).
 *
 * Items carry a dimension; the standard questionnaire has 22 items:
 * tangibles 1–4, reliability 5–9, responsiveness 10–13, assurance 14–17,
 * empathy 18–22 (fid_servqual_standard_dimension). Each respondent gives,
 * per item, an expectation E and a perception P on 1–7.
 *
 * Per item: E and P = means over the respondents who answered the item
 * (both parts needed), gap = P − E (= the mean of the respondents' gaps).
 * Per dimension: E, P and gap = means of its items' E, P and gap (items
 * without answers left out). Unweighted score = mean of the dimension
 * gaps (dimensions without answers left out). Weights: each respondent
 * may share 100 points across the five dimensions; a dimension's weight =
 * the mean of its points over the respondents who gave weights (points
 * out of 100); weighted score = Σ (weight / 100 × dimension gap), NAN when
 * no weights were given or a weighted dimension has no gap.
 *
 * Gap 1 (customers' expectations vs management's perception of them):
 * when management answers are given, per item management = their mean and
 * gap1 = management − E (negative: management underestimates what
 * customers expect); per dimension, the means of its items'. NAN without.
 * Every NAN above means "not measured". */

typedef enum
{
  FID_SERVQUAL_TANGIBLES,
  FID_SERVQUAL_RELIABILITY,
  FID_SERVQUAL_RESPONSIVENESS,
  FID_SERVQUAL_ASSURANCE,
  FID_SERVQUAL_EMPATHY,
  FID_SERVQUAL_N_DIMENSIONS
} FidServqualDimension;

#define FID_SERVQUAL_N_STANDARD_ITEMS 22

/* "tangibles", "reliability", "responsiveness", "assurance", "empathy",
 * NULL-terminated, in the enum's order (survey_items.dimension). */
const char * const  *fid_servqual_dimension_keys      (void);
const char          *fid_servqual_dimension_to_key    (FidServqualDimension  dimension);
/* FALSE when @key names no dimension. Case-insensitive; also accepts the
 * dimension number 1..5. */
gboolean             fid_servqual_dimension_from_key  (const char           *key,
                                                       FidServqualDimension *dimension);
/* "Tangibles", "Reliability"…, translated. */
const char          *fid_servqual_dimension_get_name  (FidServqualDimension  dimension);
/* The dimension of standard item @item (1..22); -1 outside. */
int                  fid_servqual_standard_dimension  (guint                 item);

/* One respondent's answer to one item (index into the items). */
typedef struct
{
  guint  item;
  guint8 expectation;    /* 1..7 */
  guint8 perception;     /* 1..7 */
} FidServqualAnswer;

/* One respondent's points for one dimension. */
typedef struct
{
  guint                respondent;   /* any id, the same for one respondent */
  FidServqualDimension dimension;
  double               points;       /* 0..100; a respondent's sum is 100 */
} FidServqualWeight;

/* One management answer: the expectation management thinks customers have
 * for one item. */
typedef struct
{
  guint  item;
  guint8 value;          /* 1..7 */
} FidServqualRating;

/* Everything an analysis reads, from the store or from CSV files. */
typedef struct
{
  guint                 n_items;
  char                **item_labels;      /* n_items (NULL-terminated) */
  FidServqualDimension *item_dimensions;  /* n_items */
  GArray               *answers;          /* FidServqualAnswer */
  GArray               *weights;          /* FidServqualWeight */
  GArray               *management;       /* FidServqualRating */
} FidServqualData;

FidServqualData     *fid_servqual_data_new            (void);
/* The 22 standard items, labelled "1"…"22", and empty arrays. */
FidServqualData     *fid_servqual_data_new_standard   (void);
void                 fid_servqual_data_free           (FidServqualData      *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidServqualData, fid_servqual_data_free)

typedef struct
{
  guint                item;          /* 1-based position */
  char                *label;
  FidServqualDimension dimension;
  guint                n;             /* respondents who answered it */
  double               expectation;
  double               perception;
  double               gap;           /* perception − expectation */
  guint                n_management;
  double               management;
  double               gap1;          /* management − expectation */
} FidServqualItem;

typedef struct
{
  FidServqualDimension dimension;
  guint                n_items;       /* items with answers */
  double               expectation;
  double               perception;
  double               gap;
  double               weight;        /* mean points out of 100; NAN without */
  double               management;
  double               gap1;
} FidServqualDimensionResult;

typedef struct
{
  guint                      n_items;
  FidServqualItem           *items;      /* n_items */
  FidServqualDimensionResult dimensions[FID_SERVQUAL_N_DIMENSIONS];
  guint                      n_respondents_weights;
  double                     unweighted;
  double                     weighted;
  double                     gap1;       /* mean of the dimensions' gap1 */
} FidServqualAnalysis;

#define FID_TYPE_SERVQUAL_ANALYSIS (fid_servqual_analysis_get_type ())

GType                fid_servqual_analysis_get_type   (void) G_GNUC_CONST;
FidServqualAnalysis *fid_servqual_analysis_copy       (const FidServqualAnalysis *analysis);
void                 fid_servqual_analysis_free       (FidServqualAnalysis  *analysis);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidServqualAnalysis, fid_servqual_analysis_free)

/* Never fails: what was not measured is NAN. Answers, ratings or weights
 * out of range or about unknown items are ignored (the store and the CSV
 * reader refuse them first). */
FidServqualAnalysis *fid_servqual_analyze             (const FidServqualData *data);

G_END_DECLS
