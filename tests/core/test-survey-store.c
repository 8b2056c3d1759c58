/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Surveys in the store (issue 6): default wordings, editing the items,
 * responses validated and atomic, CSV import (nothing imported when any
 * line is bad, every bad line reported), export, and the link to the
 * customer 360 view. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fid-store-error.h"
#include "fid-store-surveys.h"
#include "fid-store-workspace.h"
#include "fid-survey-csv.h"
#include "fid-test-util.h"

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

static gint64
create (FidStore      *store,
        FidSurveyKind  kind)
{
  g_autoptr(GError) error = NULL;
  gint64 id = fid_store_create_survey (store, kind, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
item_id (FidStore *store,
         gint64    survey_id,
         guint     position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSurvey) survey = fid_store_get_survey (store, survey_id, &error);

  g_assert_no_error (error);
  return fid_survey_item_get_id (g_ptr_array_index (fid_survey_get_items (survey), position - 1));
}

/* Designing */

static void
test_defaults (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSurvey) kano = NULL;
  g_autoptr(FidSurvey) servqual = NULL;
  g_autoptr(FidSurvey) nps = NULL;
  g_autoptr(GPtrArray) list = NULL;
  guint per_dimension[FID_SERVQUAL_N_DIMENSIONS] = { 0 };
  GPtrArray *items;

  kano = fid_store_get_survey (store, create (store, FID_SURVEY_KANO), &error);
  g_assert_no_error (error);
  g_assert_cmpint (fid_survey_get_kind (kano), ==, FID_SURVEY_KANO);
  g_assert_cmpstr (fid_survey_get_title (kano), ==, "Kano survey of branch services");
  items = fid_survey_get_items (kano);
  g_assert_cmpuint (items->len, >=, 8);
  g_assert_cmpstr (fid_survey_item_get_label (g_ptr_array_index (items, 0)), ==,
                   "Mobile app with instant card blocking");
  g_assert_cmpstr (fid_survey_item_get_label (g_ptr_array_index (items, 1)), ==,
                   "Advisor reachable by direct line");
  g_assert_cmpstr (fid_survey_item_get_label (g_ptr_array_index (items, 2)), ==,
                   "Free ATM withdrawals at any bank");
  for (guint i = 0; i < items->len; i++)
    {
      g_assert_cmpint (fid_survey_item_get_position (g_ptr_array_index (items, i)), ==, (int) i + 1);
      g_assert_null (fid_survey_item_get_dimension (g_ptr_array_index (items, i)));
    }

  servqual = fid_store_get_survey (store, create (store, FID_SURVEY_SERVQUAL), &error);
  g_assert_no_error (error);
  items = fid_survey_get_items (servqual);
  g_assert_cmpuint (items->len, ==, 22);
  g_assert_cmpstr (fid_survey_item_get_label (g_ptr_array_index (items, 0)), ==,
                   "The branch has modern-looking equipment");
  for (guint i = 0; i < items->len; i++)
    {
      FidServqualDimension d;

      g_assert_true (fid_servqual_dimension_from_key (fid_survey_item_get_dimension (g_ptr_array_index (items, i)), &d));
      g_assert_cmpint (d, ==, fid_servqual_standard_dimension (i + 1));
      per_dimension[d]++;
    }
  g_assert_cmpuint (per_dimension[FID_SERVQUAL_TANGIBLES], ==, 4);
  g_assert_cmpuint (per_dimension[FID_SERVQUAL_RELIABILITY], ==, 5);
  g_assert_cmpuint (per_dimension[FID_SERVQUAL_EMPATHY], ==, 5);

  nps = fid_store_get_survey (store, create (store, FID_SURVEY_NPS), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fid_survey_get_items (nps)->len, ==, 1);
  g_assert_cmpstr (fid_survey_item_get_label (g_ptr_array_index (fid_survey_get_items (nps), 0)), ==,
                   "How likely are you to recommend our bank to a friend or colleague?");
  create (store, FID_SURVEY_CSAT);
  create (store, FID_SURVEY_CES);

  /* The title given wins over the default. */
  g_assert_cmpint (fid_store_create_survey (store, FID_SURVEY_CES, "  Effort at the counter ", &error), >, 0);
  g_assert_no_error (error);

  list = fid_store_list_surveys (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 6);
  /* Newest first. */
  g_assert_cmpstr (fid_survey_get_title (g_ptr_array_index (list, 0)), ==, "Effort at the counter");
  g_assert_null (fid_survey_get_items (g_ptr_array_index (list, 0)));
  g_assert_cmpint (fid_survey_get_n_items (g_ptr_array_index (list, 5)), ==, fid_survey_get_items (kano)->len);
  g_assert_cmpint (fid_survey_get_n_responses (g_ptr_array_index (list, 5)), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log WHERE entity = 'survey' AND action = 'create'"), ==, 6);

  g_assert_null (fid_store_get_survey (store, 999, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
}

static void
test_rename_delete (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSurvey) survey = NULL;
  gint64 id = create (store, FID_SURVEY_KANO);

  g_assert_true (fid_store_rename_survey (store, id, "Services de l’agence", &error));
  g_assert_no_error (error);
  g_assert_false (fid_store_rename_survey (store, id, "  ", &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_EMPTY_NAME);
  g_clear_error (&error);
  survey = fid_store_get_survey (store, id, &error);
  g_assert_cmpstr (fid_survey_get_title (survey), ==, "Services de l’agence");
  g_assert_false (fid_store_rename_survey (store, 999, "x", &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (fid_store_delete_survey (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM survey_items"), ==, 0);
  g_assert_false (fid_store_delete_survey (store, id, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
}

static void
assert_labels (FidStore           *store,
               gint64              survey_id,
               const char * const *labels)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSurvey) survey = fid_store_get_survey (store, survey_id, &error);
  GPtrArray *items = fid_survey_get_items (survey);

  g_assert_cmpuint (items->len, ==, g_strv_length ((char **) labels));
  for (guint i = 0; i < items->len; i++)
    {
      g_assert_cmpstr (fid_survey_item_get_label (g_ptr_array_index (items, i)), ==, labels[i]);
      g_assert_cmpint (fid_survey_item_get_position (g_ptr_array_index (items, i)), ==, (int) i + 1);
    }
}

static void
test_items (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 nps = create (store, FID_SURVEY_NPS);
  gint64 servqual = create (store, FID_SURVEY_SERVQUAL);
  gint64 a, b, c;
  const char *question = "How likely are you to recommend our bank to a friend or colleague?";

  a = fid_store_add_survey_item (store, nps, " Second question ", NULL, &error);
  g_assert_no_error (error);
  b = fid_store_add_survey_item (store, nps, "Third", NULL, &error);
  g_assert_no_error (error);
  assert_labels (store, nps, (const char *[]) { question, "Second question", "Third", NULL });

  /* Validated: a label, and a dimension for SERVQUAL only. */
  g_assert_cmpint (fid_store_add_survey_item (store, nps, "", NULL, &error), ==, 0);
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_EMPTY_NAME);
  g_clear_error (&error);
  g_assert_cmpint (fid_store_add_survey_item (store, nps, "x", "empathy", &error), ==, 0);
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (fid_store_add_survey_item (store, servqual, "x", NULL, &error), ==, 0);
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (fid_store_add_survey_item (store, servqual, "x", "courtesy", &error), ==, 0);
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  c = fid_store_add_survey_item (store, servqual, "The branch has a quiet room", "tangibles", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM survey_items WHERE position = 23"), ==, 1);

  g_assert_true (fid_store_update_survey_item (store, a, "Second", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (fid_store_update_survey_item (store, a, " ", NULL, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_EMPTY_NAME);
  g_clear_error (&error);
  g_assert_false (fid_store_update_survey_item (store, c, "x", "widgets", &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (fid_store_update_survey_item (store, c, "Quiet room", "empathy", &error));
  g_assert_no_error (error);

  /* Moves and reorders keep positions 1..n. */
  g_assert_true (fid_store_move_survey_item (store, b, 1, &error));
  g_assert_no_error (error);
  assert_labels (store, nps, (const char *[]) { "Third", question, "Second", NULL });
  g_assert_true (fid_store_move_survey_item (store, b, 99, &error));
  assert_labels (store, nps, (const char *[]) { question, "Second", "Third", NULL });
  g_assert_true (fid_store_reorder_survey_items (store, nps, (gint64[]) { a, b, item_id (store, nps, 1) }, 3, &error));
  g_assert_no_error (error);
  assert_labels (store, nps, (const char *[]) { "Second", "Third", question, NULL });
  /* Not each item once: refused, order unchanged. */
  g_assert_false (fid_store_reorder_survey_items (store, nps, (gint64[]) { a, a, b }, 3, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (fid_store_reorder_survey_items (store, nps, (gint64[]) { a, b }, 2, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (fid_store_reorder_survey_items (store, nps, (gint64[]) { a, b, c }, 3, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  assert_labels (store, nps, (const char *[]) { "Second", "Third", question, NULL });

  g_assert_true (fid_store_delete_survey_item (store, b, &error));
  g_assert_no_error (error);
  assert_labels (store, nps, (const char *[]) { "Second", question, NULL });
  g_assert_false (fid_store_delete_survey_item (store, b, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log WHERE entity = 'survey_item'"), ==, 6);
}

/* Collecting */

static FidSurveyResponse *
kano_response (FidStore   *store,
               gint64      survey,
               const char *respondent,
               int         f1,
               int         d1,
               int         importance)
{
  FidSurveyResponse *response = fid_survey_response_new (survey);

  response->respondent = g_strdup (respondent);
  fid_survey_response_add_answer (response, item_id (store, survey, 1), FID_SURVEY_PART_FUNCTIONAL, f1);
  fid_survey_response_add_answer (response, item_id (store, survey, 1), FID_SURVEY_PART_DYSFUNCTIONAL, d1);
  if (importance > 0)
    fid_survey_response_add_answer (response, item_id (store, survey, 1), FID_SURVEY_PART_IMPORTANCE, importance);
  return response;
}

/* @response is refused with @code and nothing is written. */
static void
assert_refused (FidStore          *store,
                FidSurveyResponse *response,
                int                code,
                const char        *fragment)
{
  g_autoptr(GError) error = NULL;
  gint64 before = count_rows (store, "SELECT count(*) FROM survey_responses");
  gint64 answers = count_rows (store, "SELECT count(*) FROM survey_answers");

  g_assert_false (fid_store_add_survey_response (store, response, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  g_assert_cmpint (response->id, ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM survey_responses"), ==, before);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM survey_answers"), ==, answers);
  fid_survey_response_free (response);
}

static void
test_kano_responses (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 survey = create (store, FID_SURVEY_KANO);
  gint64 other = create (store, FID_SURVEY_NPS);
  g_autoptr(FidSurveyResponse) good = kano_response (store, survey, "AB", 2, 5, 9);
  g_autoptr(FidKanoData) data = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  FidSurveyResponse *r;

  g_assert_true (fid_store_add_survey_response (store, good, &error));
  g_assert_no_error (error);
  g_assert_cmpint (good->id, >, 0);
  g_assert_nonnull (good->answered_at);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log WHERE entity = 'survey_response'"), ==, 1);

  /* Out of range, for each part. */
  assert_refused (store, kano_response (store, survey, "x", 6, 5, 0), FID_VALIDATION_ERROR_INVALID_VALUE, "1 to 5");
  assert_refused (store, kano_response (store, survey, "x", 1, 0, 0), FID_VALIDATION_ERROR_INVALID_VALUE, "question 1");
  assert_refused (store, kano_response (store, survey, "x", 1, 2, 10), FID_VALIDATION_ERROR_INVALID_VALUE, "importance");
  /* Functional without dysfunctional. */
  r = fid_survey_response_new (survey);
  fid_survey_response_add_answer (r, item_id (store, survey, 2), FID_SURVEY_PART_FUNCTIONAL, 1);
  assert_refused (store, r, FID_VALIDATION_ERROR_INVALID_VALUE, "dysfunctional");
  /* Importance alone. */
  r = fid_survey_response_new (survey);
  fid_survey_response_add_answer (r, item_id (store, survey, 2), FID_SURVEY_PART_IMPORTANCE, 5);
  assert_refused (store, r, FID_VALIDATION_ERROR_INVALID_VALUE, "functional");
  /* A part of another kind. */
  r = kano_response (store, survey, "x", 1, 2, 0);
  fid_survey_response_add_answer (r, item_id (store, survey, 1), FID_SURVEY_PART_SCORE, 5);
  assert_refused (store, r, FID_VALIDATION_ERROR_INVALID_VALUE, NULL);
  /* The same answer twice. */
  r = kano_response (store, survey, "x", 1, 2, 0);
  fid_survey_response_add_answer (r, item_id (store, survey, 1), FID_SURVEY_PART_FUNCTIONAL, 1);
  assert_refused (store, r, FID_VALIDATION_ERROR_INVALID_VALUE, "twice");
  /* A question of another survey. */
  r = fid_survey_response_new (survey);
  fid_survey_response_add_answer (r, item_id (store, other, 1), FID_SURVEY_PART_FUNCTIONAL, 1);
  fid_survey_response_add_answer (r, item_id (store, other, 1), FID_SURVEY_PART_DYSFUNCTIONAL, 1);
  assert_refused (store, r, FID_VALIDATION_ERROR_INVALID_VALUE, "not a question");
  /* No answer, an unknown customer, a bad date. */
  assert_refused (store, fid_survey_response_new (survey), FID_VALIDATION_ERROR_INVALID_VALUE, NULL);
  r = kano_response (store, survey, "x", 1, 2, 0);
  r->customer_id = 4242;
  assert_refused (store, r, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER, "4242");
  r = kano_response (store, survey, "x", 1, 2, 0);
  r->answered_at = g_strdup ("31/12/2025");
  assert_refused (store, r, FID_VALIDATION_ERROR_INVALID_DATE_TIME, "31/12/2025");

  /* Several at once: all or none. */
  responses = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_survey_response_free);
  g_ptr_array_add (responses, kano_response (store, survey, "C1", 1, 5, 0));
  g_ptr_array_add (responses, kano_response (store, survey, "C2", 1, 9, 0));
  g_assert_false (fid_store_add_survey_responses (store, survey, responses, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "C2"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM survey_responses"), ==, 1);
  ((FidSurveyResponse *) g_ptr_array_index (responses, 1))->answers->len = 0;
  fid_survey_response_add_answer (g_ptr_array_index (responses, 1), item_id (store, survey, 1),
                                  FID_SURVEY_PART_FUNCTIONAL, 3);
  fid_survey_response_add_answer (g_ptr_array_index (responses, 1), item_id (store, survey, 1),
                                  FID_SURVEY_PART_DYSFUNCTIONAL, 3);
  g_assert_true (fid_store_add_survey_responses (store, survey, responses, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM survey_responses"), ==, 3);

  /* What the analysis reads: feature 1 has M (2, 5), O (1, 5), I (3, 3). */
  data = fid_store_load_kano_data (store, survey, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (data->features), >=, 8);
  g_assert_cmpuint (data->answers->len, ==, 3);
  results = fid_kano_analyze (data);
  r = NULL;
  g_assert_cmpuint (((FidKanoResult *) g_ptr_array_index (results, 0))->n, ==, 3);
  g_assert_cmpuint (((FidKanoResult *) g_ptr_array_index (results, 0))->counts[FID_KANO_MUST_BE], ==, 1);
  g_assert_cmpfloat (((FidKanoResult *) g_ptr_array_index (results, 0))->importance, ==, 9);
  g_assert_null (fid_store_load_servqual_data (store, survey, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* Listing and deleting. */
  g_clear_pointer (&responses, g_ptr_array_unref);
  responses = fid_store_list_survey_responses (store, survey, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, 3);
  r = g_ptr_array_index (responses, 0);
  g_assert_cmpint (r->id, ==, good->id);
  g_assert_cmpstr (r->respondent, ==, "AB");
  g_assert_cmpuint (r->answers->len, ==, 3);
  g_assert_true (fid_store_delete_survey_response (store, good->id, &error));
  g_assert_no_error (error);
  g_assert_false (fid_store_delete_survey_response (store, good->id, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM survey_answers"), ==, 4);
}

static FidSurveyResponse *
servqual_weights (FidStore *store,
                  gint64    survey,
                  int       t,
                  int       rel,
                  int       resp,
                  int       ass,
                  int       emp)
{
  FidSurveyResponse *response = fid_survey_response_new (survey);
  /* Each dimension's first item: 1, 5, 10, 14, 18. */
  guint first[] = { 1, 5, 10, 14, 18 };
  int points[] = { t, rel, resp, ass, emp };

  for (guint d = 0; d < G_N_ELEMENTS (first); d++)
    fid_survey_response_add_answer (response, item_id (store, survey, first[d]), FID_SURVEY_PART_WEIGHT, points[d]);
  fid_survey_response_add_answer (response, item_id (store, survey, 2), FID_SURVEY_PART_EXPECTATION, 7);
  fid_survey_response_add_answer (response, item_id (store, survey, 2), FID_SURVEY_PART_PERCEPTION, 4);
  return response;
}

static void
test_servqual_responses (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 survey = create (store, FID_SURVEY_SERVQUAL);
  g_autoptr(FidSurveyResponse) good = servqual_weights (store, survey, 20, 30, 10, 15, 25);
  g_autoptr(FidSurveyResponse) management = fid_survey_response_new (survey);
  g_autoptr(FidServqualData) data = NULL;
  g_autoptr(FidServqualAnalysis) analysis = NULL;
  FidSurveyResponse *r;

  g_assert_true (fid_store_add_survey_response (store, good, &error));
  g_assert_no_error (error);

  assert_refused (store, servqual_weights (store, survey, 20, 30, 10, 15, 20), FID_VALIDATION_ERROR_INVALID_VALUE, "95");
  r = servqual_weights (store, survey, 20, 30, 10, 15, 25);
  /* A second weight for tangibles, on item 3. */
  fid_survey_response_add_answer (r, item_id (store, survey, 3), FID_SURVEY_PART_WEIGHT, 0);
  assert_refused (store, r, FID_VALIDATION_ERROR_INVALID_VALUE, "once");
  r = fid_survey_response_new (survey);
  fid_survey_response_add_answer (r, item_id (store, survey, 4), FID_SURVEY_PART_PERCEPTION, 4);
  assert_refused (store, r, FID_VALIDATION_ERROR_INVALID_VALUE, "expectation");
  r = fid_survey_response_new (survey);
  fid_survey_response_add_answer (r, item_id (store, survey, 4), FID_SURVEY_PART_PERCEPTION, 8);
  fid_survey_response_add_answer (r, item_id (store, survey, 4), FID_SURVEY_PART_EXPECTATION, 1);
  assert_refused (store, r, FID_VALIDATION_ERROR_INVALID_VALUE, "1 to 7");
  r = servqual_weights (store, survey, 20, 30, 10, 15, 25);
  fid_survey_response_add_answer (r, item_id (store, survey, 4), FID_SURVEY_PART_MANAGEMENT, 5);
  assert_refused (store, r, FID_VALIDATION_ERROR_INVALID_VALUE, "own");

  /* Management's expectations, alone in their response: gap 1. */
  management->respondent = g_strdup ("management");
  fid_survey_response_add_answer (management, item_id (store, survey, 2), FID_SURVEY_PART_MANAGEMENT, 5);
  g_assert_true (fid_store_add_survey_response (store, management, &error));
  g_assert_no_error (error);

  data = fid_store_load_servqual_data (store, survey, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n_items, ==, 22);
  g_assert_cmpuint (data->answers->len, ==, 1);
  g_assert_cmpuint (data->weights->len, ==, 5);
  g_assert_cmpuint (data->management->len, ==, 1);
  analysis = fid_servqual_analyze (data);
  g_assert_cmpfloat (analysis->items[1].gap, ==, -3);
  g_assert_cmpfloat (analysis->items[1].gap1, ==, -2);
  g_assert_cmpfloat (analysis->dimensions[FID_SERVQUAL_TANGIBLES].weight, ==, 20);
  /* Only tangibles measured, yet every dimension weighted: the weighted
   * score is unknown rather than 0.2 × −3. */
  g_assert_true (isnan (analysis->weighted));
  g_assert_cmpfloat (analysis->unweighted, ==, -3);
  g_clear_pointer (&analysis, fid_servqual_analysis_free);
  g_clear_pointer (&data, fid_servqual_data_free);

  /* Deleting the item that holds tangibles' points moves them to the
   * next tangibles item. */
  g_assert_true (fid_store_delete_survey_item (store, item_id (store, survey, 1), &error));
  g_assert_no_error (error);
  data = fid_store_load_servqual_data (store, survey, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n_items, ==, 21);
  g_assert_cmpuint (data->weights->len, ==, 5);
  analysis = fid_servqual_analyze (data);
  g_assert_cmpfloat (analysis->dimensions[FID_SERVQUAL_TANGIBLES].weight, ==, 20);
  g_assert_cmpfloat (analysis->items[0].gap, ==, -3);
}

static void
test_score_responses (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  gint64 customer = fid_test_insert (store, "Hélène", "Martin", "Lyon");
  gint64 survey = create (store, FID_SURVEY_NPS);
  gint64 csat = create (store, FID_SURVEY_CSAT);
  g_autoptr(FidSurveyResponse) first = fid_survey_response_new (survey);
  g_autoptr(FidSurveyResponse) later = fid_survey_response_new (csat);
  g_autoptr(FidTimelineEntry) entry = NULL;
  g_autoptr(FidScoreData) data = NULL;
  FidSurveyResponse *r;

  first->customer_id = customer;
  first->answered_at = g_strdup ("2025-03-04");
  fid_survey_response_add_answer (first, item_id (store, survey, 1), FID_SURVEY_PART_SCORE, 9);
  g_assert_true (fid_store_add_survey_response (store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first->answered_at, ==, "2025-03-04T12:00:00");

  /* The customer 360 view reads the last NPS or CSAT answer. */
  entry = fid_store_get_last_satisfaction (store, customer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpstr (fid_timeline_entry_get_kind (entry), ==, "nps");
  g_assert_cmpint (fid_timeline_entry_get_amount_cents (entry), ==, 9);
  g_clear_object (&entry);

  later->customer_id = customer;
  later->answered_at = g_strdup ("2025-06-01 10:30");
  fid_survey_response_add_answer (later, item_id (store, csat, 1), FID_SURVEY_PART_SCORE, 2);
  g_assert_true (fid_store_add_survey_response (store, later, &error));
  g_assert_no_error (error);
  entry = fid_store_get_last_satisfaction (store, customer, &error);
  g_assert_cmpstr (fid_timeline_entry_get_kind (entry), ==, "csat");
  g_assert_cmpint (fid_timeline_entry_get_amount_cents (entry), ==, 2);

  r = fid_survey_response_new (survey);
  fid_survey_response_add_answer (r, item_id (store, survey, 1), FID_SURVEY_PART_SCORE, 11);
  assert_refused (store, r, FID_VALIDATION_ERROR_INVALID_VALUE, "0 to 10");
  r = fid_survey_response_new (csat);
  fid_survey_response_add_answer (r, item_id (store, csat, 1), FID_SURVEY_PART_SCORE, 0);
  assert_refused (store, r, FID_VALIDATION_ERROR_INVALID_VALUE, "1 to 5");

  data = fid_store_load_score_data (store, survey, &error);
  g_assert_no_error (error);
  g_assert_cmpint (data->kind, ==, FID_SURVEY_NPS);
  g_assert_cmpuint (data->answers->len, ==, 1);
  g_assert_cmpint (g_array_index (data->answers, FidScoreAnswer, 0).score, ==, 9);
  g_assert_cmpuint (g_array_index (data->answers, FidScoreAnswer, 0).month, ==, 202503);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/survey-store/defaults", test_defaults);
  g_test_add_func ("/survey-store/rename-delete", test_rename_delete);
  g_test_add_func ("/survey-store/items", test_items);
  g_test_add_func ("/survey-store/kano-responses", test_kano_responses);
  g_test_add_func ("/survey-store/servqual-responses", test_servqual_responses);
  g_test_add_func ("/survey-store/score-responses", test_score_responses);

  return g_test_run ();
}
