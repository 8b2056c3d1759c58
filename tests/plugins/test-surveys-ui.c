/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Surveys page in a window (needs a display: the "ui" suite): a Kano
 * survey created from the page, three respondents typed through the entry
 * form, and the Better/Worse scatter holding one point per feature at the
 * coefficients worked out by hand below — after the first respondent
 * already, and after the third. A response with a dysfunctional answer
 * missing saves nothing and shows the store's message beside the form.
 * SERVQUAL: two respondents typed give the gaps and means worked out by
 * hand, and every chart draws. */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "fid-bar-chart.h"
#include "fid-demo.h"
#include "fid-plugin-test-util.h"
#include "fid-window-test-fixture.h"
#include "fid-scatter-chart.h"
#include "fid-store-surveys.h"
#include "fid-surveys-page.h"
#include "fid-window.h"

#define N_FEATURES 11
#define N_RESPONDENTS 3

/* The answers (functional, dysfunctional) of each respondent to each of
 * the default survey's eleven features, and what the evaluation table
 * makes of them (rows: functional 1..5; 1: Q A A A O, 2–4: R I I I M,
 * 5: R R R R Q). */
static const int answers[N_FEATURES][N_RESPONDENTS][2] = {
  { { 2, 5 }, { 2, 5 }, { 2, 5 } },  /* M M M */
  { { 1, 5 }, { 1, 5 }, { 2, 5 } },  /* O O M */
  { { 1, 3 }, { 1, 3 }, { 1, 4 } },  /* A A A */
  { { 3, 3 }, { 3, 3 }, { 1, 3 } },  /* I I A */
  { { 1, 5 }, { 2, 5 }, { 1, 3 } },  /* O M A */
  { { 3, 3 }, { 2, 5 }, { 5, 1 } },  /* I M R: R left out */
  { { 1, 1 }, { 1, 5 }, { 3, 3 } },  /* Q O I: Q left out */
  { { 2, 4 }, { 2, 3 }, { 4, 5 } },  /* I I M */
  { { 1, 2 }, { 1, 4 }, { 2, 2 } },  /* A A I */
  { { 5, 5 }, { 3, 5 }, { 1, 5 } },  /* Q M O */
  { { 4, 4 }, { 3, 2 }, { 2, 3 } },  /* I I I */
};

/* Better = (A + O) / (A + O + M + I), Worse = −(O + M) / (A + O + M + I),
 * from the categories above. */
static const double better[N_FEATURES] = {
  0, 2.0 / 3, 1, 1.0 / 3, 2.0 / 3, 0, 1.0 / 2, 0, 2.0 / 3, 1.0 / 2, 0,
};
static const double worse[N_FEATURES] = {
  -1, -1, 0, 0, -2.0 / 3, -1.0 / 2, -1.0 / 2, -1.0 / 3, 0, -1, 0,
};

typedef FidWindowFixture Fixture;

#define spin fid_window_fixture_spin

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fid_window_fixture_set_up (fixture, 200, 11);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fid_window_fixture_tear_down (fixture);
}

static FidSurveysPage *
show_page (Fixture *fixture)
{
  FidSurveysPage *page = FID_SURVEYS_PAGE (fid_window_get_page (fixture->window, "surveys"));

  g_assert_nonnull (page);
  g_assert_true (fid_window_show_page (fixture->window, "surveys"));
  return page;
}

static gint64
create_kano (Fixture        *fixture,
             FidSurveysPage *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSurvey) survey = NULL;
  gint64 id = fid_surveys_page_create_survey (page, FID_SURVEY_KANO, "Kano workshop", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (fid_surveys_page_get_survey_id (page), ==, id);
  survey = fid_store_get_survey (fixture->store, id, &error);
  g_assert_no_error (error);
  /* The default wording: the course's eleven bank features. */
  g_assert_cmpuint (fid_survey_get_items (survey)->len, ==, N_FEATURES);
  fid_surveys_page_show_view (page, "collect");
  spin (100);
  return id;
}

/* Types respondent @r's sheet into the form and saves it as Ctrl+Enter does. */
static void
type_respondent (FidSurveyForm *form,
                 guint          r)
{
  for (guint f = 0; f < N_FEATURES; f++)
    {
      g_autofree char *functional = g_strdup_printf ("%d", answers[f][r][0]);
      g_autofree char *dysfunctional = g_strdup_printf ("%d", answers[f][r][1]);

      g_assert_true (fid_survey_form_set_answer (form, f, FID_SURVEY_PART_FUNCTIONAL, functional));
      g_assert_true (fid_survey_form_set_answer (form, f, FID_SURVEY_PART_DYSFUNCTIONAL, dysfunctional));
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  g_assert_null (fid_survey_form_get_error (form));
  spin (50);
}

/* The scatter's points, read back from the chart's own table (label,
 * |Worse|, Better, as the chart writes them): one per feature in the
 * survey's order, but none where the expected Better is NAN (only R or Q
 * answers). Labelled with the features' names, or with @numbered their
 * positions (the narrow chart beside the form). */
static void
assert_points (FidChart     *chart,
               FidSurvey    *survey,
               const double *expected_better,
               const double *expected_worse,
               gboolean      numbered)
{
  g_auto(GStrv) columns = NULL;
  g_autoptr(GListModel) rows = NULL;
  GPtrArray *items = fid_survey_get_items (survey);
  guint n_expected = 0, row_index = 0;

  for (guint f = 0; f < N_FEATURES; f++)
    n_expected += !isnan (expected_better[f]);

  g_assert_true (FID_IS_SCATTER_CHART (chart));
  g_assert_cmpuint (fid_chart_get_n_elements (chart), ==, n_expected);
  rows = fid_chart_create_table (chart, &columns);
  g_assert_cmpuint (g_strv_length (columns), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_expected);

  for (guint f = 0; f < N_FEATURES; f++)
    {
      g_autoptr(GtkStringList) row = NULL;
      g_autofree char *x = NULL;
      g_autofree char *y = NULL;

      if (isnan (expected_better[f]))
        continue;
      row = g_list_model_get_item (rows, row_index++);
      x = fid_chart_format_value (-expected_worse[f] + 0.0, FID_CHART_FORMAT_NUMBER, FALSE);
      y = fid_chart_format_value (expected_better[f], FID_CHART_FORMAT_NUMBER, FALSE);
      g_test_message ("%s: |Worse| %s, Better %s", gtk_string_list_get_string (row, 0), x, y);
      if (numbered)
        {
          g_autofree char *number = g_strdup_printf ("%u", f + 1);

          g_assert_cmpstr (gtk_string_list_get_string (row, 0), ==, number);
        }
      else
        g_assert_cmpstr (gtk_string_list_get_string (row, 0), ==,
                         fid_survey_item_get_label (g_ptr_array_index (items, f)));
      g_assert_cmpstr (gtk_string_list_get_string (row, 1), ==, x);
      g_assert_cmpstr (gtk_string_list_get_string (row, 2), ==, y);
    }
}

static void
test_kano_entry_moves_scatter (Fixture       *fixture,
                               gconstpointer  data)
{
  FidSurveysPage *page = show_page (fixture);
  gint64 id = create_kano (fixture, page);
  FidSurveyForm *form = fid_surveys_page_get_form (page);
  FidSurveyResults *results = fid_surveys_page_get_results (page);
  FidSurveyResults *preview = fid_surveys_page_get_preview (page);
  g_autoptr(FidSurvey) survey = fid_store_get_survey (fixture->store, id, NULL);
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GError) error = NULL;
  /* After the first respondent alone (M O A I O I Q I A Q I): Better and
   * Worse are 0 or ±1, and the two features answered Q have no point. */
  static const double first_better[N_FEATURES] = { 0, 1, 1, 0, 1, 0, NAN, 0, 1, NAN, 0 };
  static const double first_worse[N_FEATURES] = { -1, -1, 0, 0, -1, 0, NAN, 0, 0, NAN, 0 };

  /* Nothing answered yet: an empty diagram. */
  g_assert_true (fid_chart_is_empty (fid_survey_results_get_chart (results, "kano-scatter")));

  type_respondent (form, 0);
  assert_points (fid_survey_results_get_chart (results, "kano-scatter"), survey, first_better, first_worse, FALSE);

  type_respondent (form, 1);
  type_respondent (form, 2);

  /* The Results view and the live chart beside the form agree. */
  assert_points (fid_survey_results_get_chart (results, "kano-scatter"), survey, better, worse, FALSE);
  assert_points (fid_survey_results_get_chart (preview, "kano-scatter"), survey, better, worse, TRUE);

  /* Respondents numbered for the trainer: 1, 2, 3. */
  responses = fid_store_list_survey_responses (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, N_RESPONDENTS);
  for (guint r = 0; r < N_RESPONDENTS; r++)
    {
      g_autofree char *expected = g_strdup_printf ("%u", r + 1);
      FidSurveyResponse *response = g_ptr_array_index (responses, r);

      g_assert_cmpstr (response->respondent, ==, expected);
      g_assert_cmpuint (response->answers->len, ==, 2 * N_FEATURES);
    }
}

static void
test_kano_missing_answer (Fixture       *fixture,
                          gconstpointer  data)
{
  FidSurveysPage *page = show_page (fixture);
  gint64 id = create_kano (fixture, page);
  FidSurveyForm *form = fid_surveys_page_get_form (page);
  FidSurveyResults *results = fid_surveys_page_get_results (page);
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GError) error = NULL;

  type_respondent (form, 0);
  g_assert_cmpuint (fid_chart_get_n_elements (fid_survey_results_get_chart (results, "kano-scatter")), ==,
                    N_FEATURES - 2);

  /* The second sheet: feature 4's dysfunctional answer left blank. */
  for (guint f = 0; f < N_FEATURES; f++)
    {
      g_autofree char *functional = g_strdup_printf ("%d", answers[f][1][0]);
      g_autofree char *dysfunctional = g_strdup_printf ("%d", answers[f][1][1]);

      fid_survey_form_set_answer (form, f, FID_SURVEY_PART_FUNCTIONAL, functional);
      fid_survey_form_set_answer (form, f, FID_SURVEY_PART_DYSFUNCTIONAL, f == 4 ? "" : dysfunctional);
    }
  g_assert_false (fid_survey_form_save (form));
  g_test_message ("Refused: %s", fid_survey_form_get_error (form));
  g_assert_nonnull (fid_survey_form_get_error (form));
  g_assert_cmpstr (fid_survey_form_get_error (form), !=, "");

  /* Nothing saved, and the chart did not move. */
  responses = fid_store_list_survey_responses (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, 1);
  g_assert_cmpuint (fid_chart_get_n_elements (fid_survey_results_get_chart (results, "kano-scatter")), ==,
                    N_FEATURES - 2);

  /* A letter instead of a digit: refused by the form, nothing saved. */
  fid_survey_form_set_answer (form, 4, FID_SURVEY_PART_DYSFUNCTIONAL, "x");
  g_assert_false (fid_survey_form_save (form));
  g_assert_nonnull (fid_survey_form_get_error (form));
  g_clear_pointer (&responses, g_ptr_array_unref);
  responses = fid_store_list_survey_responses (fixture->store, id, &error);
  g_assert_cmpuint (responses->len, ==, 1);

  /* What was typed stays: fixing the box and saving again is enough. */
  fid_survey_form_set_answer (form, 4, FID_SURVEY_PART_DYSFUNCTIONAL, "5");
  g_assert_true (fid_survey_form_save (form));
  g_assert_null (fid_survey_form_get_error (form));
  g_clear_pointer (&responses, g_ptr_array_unref);
  responses = fid_store_list_survey_responses (fixture->store, id, &error);
  g_assert_cmpuint (responses->len, ==, 2);
}

/* Draws @chart off screen: every survey chart goes through the one path
 * that exports and printing use. */
static void
assert_draws (FidChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 500);
  cairo_t *cr = cairo_create (surface);

  fid_chart_draw_to (chart, cr, 800, 500, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Two respondents typed into a SERVQUAL survey: on tangibles (items 1–4)
 * the first expects 7 and perceives 4, elsewhere 7 and 7; the second
 * expects 5 and perceives 6 everywhere. Item gaps: tangibles (−3 + 1) / 2
 * = −1, the others (0 + 1) / 2 = 0.5; so dimension gaps −1, 0.5, 0.5,
 * 0.5, 0.5 and the unweighted score (−1 + 4 × 0.5) / 5 = 0.2. Means: E 6
 * everywhere, P 5 on tangibles and 6.5 elsewhere. The first shares 100
 * points 40/15/15/15/15, after a first try at 40/15/15/15/5 is refused. */
static void
test_servqual_gaps (Fixture       *fixture,
                    gconstpointer  data)
{
  static const double gaps[5] = { -1, 0.5, 0.5, 0.5, 0.5 };
  static const double expectations[5] = { 6, 6, 6, 6, 6 };
  static const double perceptions[5] = { 5, 6.5, 6.5, 6.5, 6.5 };
  FidSurveysPage *page = show_page (fixture);
  FidSurveyForm *form = fid_surveys_page_get_form (page);
  FidSurveyResults *results = fid_surveys_page_get_results (page);
  g_autoptr(GError) error = NULL;
  g_autofree char *score = NULL;
  static const guint weight_items[5] = { 0, 4, 9, 13, 17 };  /* each dimension's first item */
  gint64 id = fid_surveys_page_create_survey (page, FID_SURVEY_SERVQUAL, NULL, &error);
  FidChart *chart;

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  fid_surveys_page_show_view (page, "collect");

  for (guint r = 0; r < 2; r++)
    {
      for (guint i = 0; i < 22; i++)
        {
          const char *e = r == 0 ? "7" : "5";
          const char *p = r == 0 ? (i < 4 ? "4" : "7") : "6";

          g_assert_true (fid_survey_form_set_answer (form, i, FID_SURVEY_PART_EXPECTATION, e));
          g_assert_true (fid_survey_form_set_answer (form, i, FID_SURVEY_PART_PERCEPTION, p));
        }
      if (r == 0)
        {
          /* 90 points: refused, nothing saved. */
          for (guint d = 0; d < 5; d++)
            g_assert_true (fid_survey_form_set_answer (form, weight_items[d], FID_SURVEY_PART_WEIGHT,
                                                       d == 0 ? "40" : d == 4 ? "5" : "15"));
          g_assert_false (fid_survey_form_save (form));
          g_test_message ("Refused: %s", fid_survey_form_get_error (form));
          g_assert_nonnull (fid_survey_form_get_error (form));
          g_assert_true (fid_survey_form_set_answer (form, 17, FID_SURVEY_PART_WEIGHT, "15"));
        }
      g_assert_true (fid_survey_form_save (form));
      g_assert_null (fid_survey_form_get_error (form));
    }

  chart = fid_survey_results_get_chart (results, "servqual-dimension-gaps");
  g_assert_cmpuint (fid_chart_get_n_elements (chart), ==, 5);
  for (guint d = 0; d < 5; d++)
    g_assert_cmpfloat_with_epsilon (fid_bar_chart_get_value (FID_BAR_CHART (chart), d), gaps[d], 1e-9);

  chart = fid_survey_results_get_chart (results, "servqual-dimensions");
  g_assert_cmpuint (fid_chart_get_n_elements (chart), ==, 10);
  for (guint d = 0; d < 5; d++)
    {
      g_assert_cmpfloat_with_epsilon (fid_bar_chart_get_value (FID_BAR_CHART (chart), d),
                                      expectations[d], 1e-9);
      g_assert_cmpfloat_with_epsilon (fid_bar_chart_get_value (FID_BAR_CHART (chart), 5 + d),
                                      perceptions[d], 1e-9);
    }

  chart = fid_survey_results_get_chart (results, "servqual-item-gaps");
  g_assert_cmpuint (fid_chart_get_n_elements (chart), ==, 22);
  g_assert_cmpfloat_with_epsilon (fid_bar_chart_get_value (FID_BAR_CHART (chart), 0), -1, 1e-9);
  g_assert_cmpfloat_with_epsilon (fid_bar_chart_get_value (FID_BAR_CHART (chart), 21), 0.5, 1e-9);

  score = fid_chart_format_value (0.2, FID_CHART_FORMAT_NUMBER, FALSE);
  g_test_message ("%s", fid_survey_results_get_summary (results));
  g_assert_nonnull (strstr (fid_survey_results_get_summary (results), score));

  assert_draws (fid_survey_results_get_chart (results, "servqual-dimension-gaps"));
  assert_draws (fid_survey_results_get_chart (results, "servqual-dimensions"));
  assert_draws (fid_survey_results_get_chart (results, "servqual-item-gaps"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fidelis-surveys-ui-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  /* Private crash sentinel and column cache (see test-plugin-ui.c for why
   * not G_TEST_OPTION_ISOLATE_DIRS). */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (fid_test_ignore_libpeas, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("No display: run the ui suite under Xvfb");
      return g_test_run ();
    }
  adw_init ();

  g_test_add ("/surveys/ui/kano-entry-moves-scatter", Fixture, NULL, fixture_set_up,
              test_kano_entry_moves_scatter, fixture_tear_down);
  g_test_add ("/surveys/ui/kano-missing-answer", Fixture, NULL, fixture_set_up,
              test_kano_missing_answer, fixture_tear_down);
  g_test_add ("/surveys/ui/servqual-gaps", Fixture, NULL, fixture_set_up,
              test_servqual_gaps, fixture_tear_down);

  return g_test_run ();
}
