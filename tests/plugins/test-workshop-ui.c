/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The live workshop in the window (issue 12; needs a display: the "ui"
 * suite). The Workshop page starts a workshop on a five-feature Kano
 * survey on loopback; three simulated phones answer; the projector view's
 * count and Kano chart fill in without anyone touching the window; the
 * workshop's answers are in a survey of their own, the original survey
 * untouched; reset empties the chart; closing the window stops the
 * server (the address no longer answers) and, the session not kept,
 * leaves no survey behind. */

#include "config.h"

#include <adwaita.h>

#include "fid-chart.h"
#include "fid-plugin-test-util.h"
#include "fid-store-surveys.h"
#include "fid-window-test-fixture.h"
#include "fid-window.h"
#include "surveys/fid-survey-results.h"
#include "workshop/fid-workshop-page.h"
#include "workshop/fid-workshop-window.h"
#include "../workshop/fid-workshop-test-util.h"

#define spin fid_window_fixture_spin

static gboolean
wait_for_count (FidWorkshopWindow *workshop,
                const char        *text)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      if (g_strcmp0 (fid_workshop_window_get_count_text (workshop), text) == 0)
        return TRUE;
    }
  return FALSE;
}

static guint
n_surveys (FidStore *store)
{
  g_autoptr(GPtrArray) surveys = fid_store_list_surveys (store, NULL);

  return surveys->len;
}

static void
test_live_workshop (FidWindowFixture *fixture,
                    gconstpointer     data)
{
  FidWorkshopPage *page = FID_WORKSHOP_PAGE (fid_window_get_page (fixture->window, "workshop"));
  g_autoptr(GError) error = NULL;
  FidWorkshopWindow *workshop;
  FidWorkshopServer *server;
  FidSurveyResults *results;
  FidChart *scatter;
  g_autofree char *url = NULL;
  gint64 source_id, copy_id;
  guint before;

  g_assert_nonnull (page);
  source_id = fid_test_kano_survey_5 (fixture->store);
  before = n_surveys (fixture->store);

  workshop = fid_workshop_page_start (page, source_id, "127.0.0.1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (workshop);
  g_object_ref (workshop);
  gtk_window_present (GTK_WINDOW (workshop));
  spin (300);
  server = fid_workshop_window_get_server (workshop);
  url = g_strdup (fid_workshop_server_get_url (server));
  copy_id = fid_workshop_server_get_survey_id (server);
  g_assert_cmpint (copy_id, !=, source_id);
  g_assert_cmpuint (n_surveys (fixture->store), ==, before + 1);
  g_assert_cmpstr (fid_workshop_window_get_count_text (workshop), ==, "0 respondents");
  results = FID_SURVEY_RESULTS (fid_workshop_window_get_results (workshop));
  scatter = fid_survey_results_get_chart (results, "kano-scatter");
  g_assert_nonnull (scatter);
  g_assert_true (fid_chart_is_empty (scatter));
  /* It says the answers come from the phones. */
  g_assert_true (g_str_has_prefix (fid_chart_get_empty_text (scatter), "Waiting for the class"));

  /* Three phones answer. */
  for (guint phone = 0; phone < 3; phone++)
    {
      FidTestRequest get = { .method = "GET", .url = url };
      FidTestRequest post = { .method = "POST", .url = url, .content_type = "application/x-www-form-urlencoded",
                              .body = "f1=1&d1=5&f2=2&d2=5&f3=3&d3=3&f4=1&d4=3&f5=3&d5=5" };

      fid_test_request_run (&get);
      g_assert_cmpuint (get.status, ==, 200);
      /* The phones see the survey's title, not the session's. */
      g_assert_nonnull (strstr (get.text, "<h1>Atelier</h1>"));
      post.cookie = get.set_cookie;
      fid_test_request_run (&post);
      g_assert_cmpuint (post.status, ==, 200);
      fid_test_request_clear (&get);
      fid_test_request_clear (&post);
    }
  g_assert_true (wait_for_count (workshop, "3 respondents"));
  spin (600);   /* the charts redraw 300 ms after the last answer */
  scatter = fid_survey_results_get_chart (results, "kano-scatter");
  g_assert_false (fid_chart_is_empty (scatter));
  g_assert_cmpuint (fid_chart_get_n_elements (scatter), ==, 5);
  g_assert_true (g_str_has_prefix (fid_survey_results_get_summary (results), "3 respondents"));
  {
    g_autoptr(GPtrArray) copy = fid_store_list_survey_responses (fixture->store, copy_id, NULL);
    g_autoptr(GPtrArray) source = fid_store_list_survey_responses (fixture->store, source_id, NULL);

    g_assert_cmpuint (copy->len, ==, 3);
    g_assert_cmpuint (source->len, ==, 0);
  }

  /* Reset empties the count and the chart. */
  g_assert_true (fid_workshop_server_reset (server, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_count (workshop, "0 respondents"));
  spin (600);
  g_assert_true (fid_chart_is_empty (fid_survey_results_get_chart (results, "kano-scatter")));

  /* Closing stops the server; nothing answered, nothing kept: the
   * workshop's survey goes. */
  gtk_window_close (GTK_WINDOW (workshop));
  spin (200);
  g_assert_false (fid_workshop_server_is_running (server));
  g_object_unref (workshop);
  {
    FidTestRequest get = { .method = "GET", .url = url };

    fid_test_request_run (&get);
    g_assert_cmpuint (get.status, ==, 0);
    fid_test_request_clear (&get);
  }
  g_assert_cmpuint (n_surveys (fixture->store), ==, before);
}

static void
set_up (FidWindowFixture *fixture,
        gconstpointer     data)
{
  fid_window_fixture_set_up (fixture, 200, 11);
}

static void
tear_down (FidWindowFixture *fixture,
           gconstpointer     data)
{
  fid_window_fixture_tear_down (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fidelis-workshop-ui-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  /* Private crash sentinel and column cache, as test-surveys-ui.c. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (fid_test_ignore_libpeas, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("No display: run the ui suite under Xvfb");
      return g_test_run ();
    }
  adw_init ();
  g_test_add ("/workshop/ui/live", FidWindowFixture, NULL, set_up, test_live_workshop, tear_down);
  return g_test_run ();
}
