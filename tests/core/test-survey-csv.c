/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Survey CSV files (issue 6): the three formats read with a BOM, ';' and
 * quotes; every kind of bad line reported with its line and column;
 * nothing imported when any line is bad; export in the import format; an
 * imported NPS answer linked to a customer shows in the 360 view. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fid-store-error.h"
#include "fid-store-surveys.h"
#include "fid-store-workspace.h"
#include "fid-survey-csv.h"
#include "fid-test-columns.h"
#include "fid-test-util.h"
#include "fid-value.h"

static gint64
count_rows (FidStore   *store,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (fid_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_read_formats (void)
{
  g_autoptr(GPtrArray) problems = fid_survey_csv_problems_new ();
  g_autoptr(FidKanoData) kano = NULL;
  g_autoptr(FidServqualData) servqual = NULL;
  g_autoptr(FidScoreData) scores = NULL;
  FidKanoAnswer *a;

  /* A French spreadsheet: BOM, ';', a quoted feature holding a ';', CRLF. */
  kano = fid_survey_csv_read_kano ("\xef\xbb\xbfrépondant;fonction;fonctionnel;dysfonctionnel;importance\r\n"
                                   "A;\"Conseiller joignable; ligne directe\";2;5;9\r\n"
                                   "B;Retraits gratuits;1;3;\r\n"
                                   "B;\"conseiller JOIGNABLE; ligne directe\";1;5;\r\n",
                                   -1, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (kano);
  /* Features in order of appearance, matched without case. */
  g_assert_cmpuint (g_strv_length (kano->features), ==, 2);
  g_assert_cmpstr (kano->features[0], ==, "Conseiller joignable; ligne directe");
  g_assert_cmpuint (kano->answers->len, ==, 3);
  a = &g_array_index (kano->answers, FidKanoAnswer, 2);
  g_assert_cmpuint (a->feature, ==, 0);
  g_assert_cmpuint (a->functional, ==, 1);
  g_assert_cmpuint (a->importance, ==, 0);
  g_assert_cmpuint (g_array_index (kano->answers, FidKanoAnswer, 0).importance, ==, 9);

  servqual = fid_survey_csv_read_servqual ("respondent,item,expectation,perception\n"
                                           "r1,1,7,5\nr1,22,6,6\nr2,5,7,3\n", -1,
                                           "respondent,dimension,points\n"
                                           "r2,tangibles,50\nr2,Empathy,50\n"
                                           "r1,1,20\nr1,2,20\nr1,3,20\nr1,4,20\nr1,5,20\n", -1,
                                           problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (servqual->n_items, ==, 22);
  g_assert_cmpuint (servqual->answers->len, ==, 3);
  g_assert_cmpuint (servqual->weights->len, ==, 7);
  /* r1 and r2 are two respondents across both files. */
  g_assert_cmpuint (g_array_index (servqual->weights, FidServqualWeight, 0).respondent, ==, 1);
  g_assert_cmpuint (g_array_index (servqual->weights, FidServqualWeight, 2).respondent, ==, 0);

  scores = fid_survey_csv_read_scores (FID_SURVEY_NPS, "respondent,score,customer_id,date\n"
                                       "a,10,,2024-01-05\nb,0,12,2024-02-01T09:30\nc,7\n", -1, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (scores->answers->len, ==, 3);
  g_assert_cmpuint (g_array_index (scores->answers, FidScoreAnswer, 1).month, ==, 202402);
  g_assert_cmpuint (g_array_index (scores->answers, FidScoreAnswer, 2).month, ==, 0);
  g_clear_pointer (&scores, fid_score_data_free);

  /* A date as third column when the header says so. */
  scores = fid_survey_csv_read_scores (FID_SURVEY_CES, "respondent,score,date\na,7,2024-03-01\n", -1, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (g_array_index (scores->answers, FidScoreAnswer, 0).month, ==, 202403);
}

typedef struct
{
  FidSurveyCsvFile file;
  guint            line;
  guint            column;
  const char      *fragment;
} Expected;

static void
assert_problems (GPtrArray      *problems,
                 const Expected *expected,
                 guint           n)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = fid_survey_csv_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", text);
    }
  g_assert_cmpuint (problems->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const FidSurveyCsvProblem *p = g_ptr_array_index (problems, i);

      g_assert_cmpint (p->file, ==, expected[i].file);
      g_assert_cmpuint (p->line, ==, expected[i].line);
      g_assert_cmpuint (p->column, ==, expected[i].column);
      if (strstr (p->reason, expected[i].fragment) == NULL)
        g_error ("“%s” does not say “%s”", p->reason, expected[i].fragment);
    }
}

/* Every kind of bad line, each reported where it is; nothing returned. */
static void
test_bad_lines (void)
{
  g_autoptr(GPtrArray) problems = fid_survey_csv_problems_new ();
  g_autofree char *text = NULL;

  g_assert_null (fid_survey_csv_read_kano ("respondent,feature,functional,dysfunctional,importance\n"
                                           "r1,ATM,1,5,7\n"
                                           "r2,ATM,6,5\n"             /* out of range */
                                           "r3,ATM,x,5\n"             /* not a number */
                                           "r4,ATM,1\n"               /* missing column */
                                           "r1,atm,2,2\n"             /* duplicate */
                                           "r5,ATM,2.5,1\n"           /* not a whole number */
                                           ",ATM,1,1\n"               /* no respondent */
                                           "r6,,1,1\n"                /* no feature */
                                           "r7,ATM,1,1,10\n"          /* importance out of range */
                                           "r8,ATM,1,1,1,1\n"         /* too many columns */
                                           "r9,ATM,1,\n",             /* empty answer */
                                           -1, problems));
  assert_problems (problems, (Expected[]) {
    { FID_SURVEY_CSV_ANSWERS, 3, 3, "out of range" },
    { FID_SURVEY_CSV_ANSWERS, 4, 3, "not a number" },
    { FID_SURVEY_CSV_ANSWERS, 5, 4, "missing column" },
    { FID_SURVEY_CSV_ANSWERS, 6, 2, "duplicate" },
    { FID_SURVEY_CSV_ANSWERS, 7, 3, "not a whole number" },
    { FID_SURVEY_CSV_ANSWERS, 8, 1, "missing respondent" },
    { FID_SURVEY_CSV_ANSWERS, 9, 2, "missing feature" },
    { FID_SURVEY_CSV_ANSWERS, 10, 5, "out of range" },
    { FID_SURVEY_CSV_ANSWERS, 11, 6, "too many columns" },
    { FID_SURVEY_CSV_ANSWERS, 12, 4, "missing dysfunctional" },
  }, 10);
  text = fid_survey_csv_problem_to_string (g_ptr_array_index (problems, 0));
  g_assert_cmpstr (text, ==, "line 3, column 3: functional 6 is out of range (1 to 5)");
  g_ptr_array_set_size (problems, 0);

  /* Empty files, a missing header, an unclosed quote. */
  g_assert_null (fid_survey_csv_read_kano ("", -1, problems));
  g_assert_null (fid_survey_csv_read_kano ("\xef\xbb\xbf\n\n", -1, problems));
  g_assert_null (fid_survey_csv_read_kano ("respondent,feature,functional,dysfunctional\n", -1, problems));
  g_assert_null (fid_survey_csv_read_kano ("r1,ATM,1,5\n", -1, problems));
  g_assert_null (fid_survey_csv_read_kano ("respondent,feature,functional,dysfunctional\n"
                                           "r1,ATM,1,5\nr2,\"ATM,1,5\n", -1, problems));
  assert_problems (problems, (Expected[]) {
    { FID_SURVEY_CSV_ANSWERS, 1, 1, "empty" },
    { FID_SURVEY_CSV_ANSWERS, 1, 1, "empty" },
    { FID_SURVEY_CSV_ANSWERS, 1, 1, "no answers" },
    { FID_SURVEY_CSV_ANSWERS, 1, 3, "header" },
    { FID_SURVEY_CSV_ANSWERS, 3, 2, "never closed" },
  }, 5);
  g_ptr_array_set_size (problems, 0);

  /* SERVQUAL: unknown item; weights: unknown dimension, duplicate, sums. */
  g_assert_null (fid_survey_csv_read_servqual ("respondent,item,expectation,perception\n"
                                               "r1,23,7,5\n"
                                               "r1,abc,7,5\n"
                                               "r1,1,0,5\n"
                                               "r1,2,7,5\n", -1,
                                               "respondent,dimension,points\n"
                                               "r1,tangibles,50\n"
                                               "r1,reliability,40\n"
                                               "r2,courtesy,100\n"
                                               "r3,tangibles,60\n"
                                               "r3,TANGIBLES,40\n"
                                               "r4,empathy,101\n", -1,
                                               problems));
  assert_problems (problems, (Expected[]) {
    { FID_SURVEY_CSV_ANSWERS, 2, 2, "unknown item" },
    { FID_SURVEY_CSV_ANSWERS, 3, 2, "unknown item" },
    { FID_SURVEY_CSV_ANSWERS, 4, 3, "out of range" },
    { FID_SURVEY_CSV_WEIGHTS, 3, 3, "add up to 90, not 100" },
    { FID_SURVEY_CSV_WEIGHTS, 4, 2, "unknown dimension" },
    { FID_SURVEY_CSV_WEIGHTS, 6, 2, "duplicate" },
    { FID_SURVEY_CSV_WEIGHTS, 7, 3, "out of range" },
  }, 7);
  g_ptr_array_set_size (problems, 0);

  /* Scores: range of each kind, customer, date, duplicate. */
  g_assert_null (fid_survey_csv_read_scores (FID_SURVEY_CSAT, "respondent,score,customer_id,date\n"
                                             "a,6\nb,0\nc,3,abc\nd,4,,2024-02-30\ne,5\ne,4\nf\n", -1, problems));
  assert_problems (problems, (Expected[]) {
    { FID_SURVEY_CSV_ANSWERS, 2, 2, "out of range" },
    { FID_SURVEY_CSV_ANSWERS, 3, 2, "out of range" },
    { FID_SURVEY_CSV_ANSWERS, 4, 3, "not a customer number" },
    { FID_SURVEY_CSV_ANSWERS, 5, 4, "not a valid date" },
    { FID_SURVEY_CSV_ANSWERS, 7, 1, "duplicate" },
    { FID_SURVEY_CSV_ANSWERS, 8, 2, "missing column" },
  }, 6);
}

/* Import */

static void
test_import_kano (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GPtrArray) problems = fid_survey_csv_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidKanoData) data = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(FidKanoData) reread = NULL;
  gint64 survey = fid_store_create_survey (store, FID_SURVEY_KANO, NULL, &error);
  gint64 copy = fid_store_create_survey (store, FID_SURVEY_KANO, NULL, &error);
  const char *good = "respondent,feature,functional,dysfunctional,importance\n"
                     "s1,Mobile app with instant card blocking,2,5,9\n"
                     "s1,2,1,3,\n"
                     "s2,mobile app with instant card blocking,1,5,7\n"
                     "s3,1,2,5,\n";
  guint n = 0;

  /* One bad line: nothing at all is imported. */
  g_assert_false (fid_survey_csv_import (store, survey,
                                         "respondent,feature,functional,dysfunctional\n"
                                         "s1,Mobile app with instant card blocking,2,5\n"
                                         "s1,Helicopter pickup,1,3\n"
                                         "s2,1,1,5\n"
                                         "s2,Mobile app with instant card blocking,1,4\n",
                                         -1, NULL, 0, problems, &n, &error));
  g_assert_no_error (error);
  assert_problems (problems, (Expected[]) {
    { FID_SURVEY_CSV_ANSWERS, 3, 2, "unknown feature" },
    { FID_SURVEY_CSV_ANSWERS, 5, 2, "duplicate" },   /* "1" and the label are one question */
  }, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM survey_responses"), ==, 0);
  g_ptr_array_set_size (problems, 0);

  g_assert_true (fid_survey_csv_import (store, survey, good, -1, NULL, 0, problems, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM survey_responses"), ==, 3);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 1);

  data = fid_store_load_kano_data (store, survey, &error);
  g_assert_no_error (error);
  results = fid_kano_analyze (data);
  g_assert_cmpuint (((FidKanoResult *) g_ptr_array_index (results, 0))->n, ==, 3);
  g_assert_cmpuint (((FidKanoResult *) g_ptr_array_index (results, 0))->counts[FID_KANO_MUST_BE], ==, 2);
  g_assert_cmpfloat (((FidKanoResult *) g_ptr_array_index (results, 0))->importance, ==, 8);
  g_assert_cmpuint (((FidKanoResult *) g_ptr_array_index (results, 1))->counts[FID_KANO_ATTRACTIVE], ==, 1);

  /* Exported in the same format, it imports into another survey as is. */
  exported = fid_survey_csv_export (store, survey, FID_SURVEY_CSV_ANSWERS, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (exported, "respondent,feature,functional,dysfunctional,importance\r\n"
                                             "s1,Mobile app with instant card blocking,2,5,9\r\n"));
  g_assert_true (fid_survey_csv_import (store, copy, exported, -1, NULL, 0, problems, &n, &error));
  g_assert_no_error (error);
  reread = fid_store_load_kano_data (store, copy, &error);
  g_assert_cmpuint (reread->answers->len, ==, data->answers->len);
  g_assert_cmpmem (reread->answers->data, reread->answers->len * sizeof (FidKanoAnswer),
                   data->answers->data, data->answers->len * sizeof (FidKanoAnswer));

  /* No weights file for Kano. */
  g_assert_false (fid_survey_csv_import (store, survey, good, -1, "respondent,dimension,points\n", -1,
                                         problems, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_import_servqual (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GPtrArray) problems = fid_survey_csv_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidServqualData) data = NULL;
  g_autoptr(FidServqualAnalysis) analysis = NULL;
  g_autofree char *weights = NULL;
  gint64 survey = fid_store_create_survey (store, FID_SURVEY_SERVQUAL, NULL, &error);
  const char *answers = "respondent,item,expectation,perception\n"
                        "r1,1,7,5\nr1,5,6,6\nr2,1,5,5\nr2,5,7,4\n";
  guint n = 0;

  /* A bad weights file stops the answers too. */
  g_assert_false (fid_survey_csv_import (store, survey, answers, -1,
                                         "respondent,dimension,points\nr1,tangibles,40\nr1,reliability,50\n", -1,
                                         problems, &n, &error));
  g_assert_no_error (error);
  assert_problems (problems, (Expected[]) { { FID_SURVEY_CSV_WEIGHTS, 3, 3, "add up to 90" } }, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM survey_answers"), ==, 0);
  g_ptr_array_set_size (problems, 0);

  g_assert_true (fid_survey_csv_import (store, survey, answers, -1,
                                        "respondent,dimension,points\nr1,tangibles,40\nr1,reliability,60\n"
                                        "r2,reliability,100\n", -1, problems, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  data = fid_store_load_servqual_data (store, survey, &error);
  g_assert_no_error (error);
  analysis = fid_servqual_analyze (data);
  /* Tangibles: E 6, P 5, gap −1; reliability: E 6.5, P 5, gap −1.5;
   * weights: tangibles (40 + 0) / 2 = 20, reliability 80. */
  g_assert_cmpfloat (analysis->dimensions[FID_SERVQUAL_TANGIBLES].gap, ==, -1);
  g_assert_cmpfloat (analysis->dimensions[FID_SERVQUAL_RELIABILITY].gap, ==, -1.5);
  g_assert_cmpfloat (analysis->dimensions[FID_SERVQUAL_TANGIBLES].weight, ==, 20);
  g_assert_cmpfloat (analysis->dimensions[FID_SERVQUAL_RELIABILITY].weight, ==, 80);
  g_assert_cmpfloat_with_epsilon (analysis->weighted, -1.4, 1e-12);

  weights = fid_survey_csv_export (store, survey, FID_SURVEY_CSV_WEIGHTS, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (weights, ==, "respondent,dimension,points\r\n"
                                "r1,tangibles,40\r\nr1,reliability,60\r\nr2,reliability,100\r\n");
}

static void
test_import_scores (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GPtrArray) problems = fid_survey_csv_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidTimelineEntry) entry = NULL;
  g_autoptr(FidScoreData) data = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *good = NULL;
  gint64 customer = fid_test_insert (store, "Hélène", "Martin", "Lyon");
  gint64 survey = fid_store_create_survey (store, FID_SURVEY_NPS, NULL, &error);
  FidScoreSummary summary;
  guint n = 0;

  g_assert_false (fid_survey_csv_import (store, survey, "respondent,score,customer_id,date\n"
                                         "a,9,424242,2025-01-02\n", -1, NULL, 0, problems, &n, &error));
  g_assert_no_error (error);
  assert_problems (problems, (Expected[]) { { FID_SURVEY_CSV_ANSWERS, 2, 3, "unknown customer 424242" } }, 1);
  g_ptr_array_set_size (problems, 0);

  good = g_strdup_printf ("respondent,score,customer_id,date\n"
                          "HM,3,%" G_GINT64_FORMAT ",2025-01-02\n"
                          "HM,10,%" G_GINT64_FORMAT ",2025-05-06T18:00\n"
                          "anon,7,,\n", customer, customer);
  g_assert_true (fid_survey_csv_import (store, survey, good, -1, NULL, 0, problems, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  /* The customer's latest answer feeds the 360 view. */
  entry = fid_store_get_last_satisfaction (store, customer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpstr (fid_timeline_entry_get_kind (entry), ==, "nps");
  g_assert_cmpint (fid_timeline_entry_get_amount_cents (entry), ==, 10);
  g_assert_cmpstr (fid_timeline_entry_get_at (entry), ==, "2025-05-06T18:00:00");

  data = fid_store_load_score_data (store, survey, &error);
  g_assert_no_error (error);
  fid_score_summarize (data->kind, (FidScoreAnswer *) (gpointer) data->answers->data, data->answers->len, &summary);
  /* 10 promoter, 7 passive, 3 detractor: 0. */
  g_assert_cmpuint (summary.n, ==, 3);
  g_assert_cmpfloat (summary.value, ==, 0);

  /* And the Dick & Basu attitude: latest answer 10 of 10, no purchase in
   * the window: latent loyalty. On 2025-03-01 the latest was the 3. */
  {
    g_autoptr(Columns) columns = columns_new ();
    g_autoptr(FidSegmentation) loyalty = NULL;
    FidLoyaltyParams params;
    int attitude;

    fid_loyalty_params_init (&params);
    params.as_of = "2025-12-31";
    loyalty = fid_loyalty_compute (store, columns_view (columns), &params, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (fid_segmentation_get_size (loyalty), ==, 1);
    g_assert_cmpint (fid_segmentation_get_ids (loyalty)[0], ==, customer);
    attitude = fid_segmentation_find_column (loyalty, "attitude");
    g_assert_cmpfloat (fid_segmentation_get_value (loyalty, attitude, 0), ==, 10);
    g_assert_cmpstr (fid_segmentation_get_segment_key (loyalty, fid_segmentation_get_segments (loyalty)[0]), ==,
                     "latent_loyalty");
    g_clear_object (&loyalty);
    params.as_of = "2025-03-01";
    loyalty = fid_loyalty_compute (store, columns_view (columns), &params, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (fid_segmentation_get_value (loyalty, attitude, 0), ==, 3);
  }

  exported = fid_survey_csv_export (store, survey, FID_SURVEY_CSV_ANSWERS, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (exported, "respondent,score,customer_id,date\r\nHM,3,"));
  g_assert_nonnull (strstr (exported, ",2025-05-06T18:00:00\r\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/survey-csv/read-formats", test_read_formats);
  g_test_add_func ("/survey-csv/bad-lines", test_bad_lines);
  g_test_add_func ("/survey-csv/import-kano", test_import_kano);
  g_test_add_func ("/survey-csv/import-servqual", test_import_servqual);
  g_test_add_func ("/survey-csv/import-scores", test_import_scores);

  return g_test_run ();
}
