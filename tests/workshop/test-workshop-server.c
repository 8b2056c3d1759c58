/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The workshop's web server on loopback (issue 12), driven the way the
 * class's phones drive it: the form is served with a device cookie, a
 * valid answer is stored and counts in the Kano analysis, and everything
 * the issue says must be refused is refused with a page that says why,
 * storing nothing: a missing or wrong token, a second answer from the
 * same phone, a post without the form's cookie, an oversized body, a
 * malformed form, too many requests. Then the server is gone once
 * stopped. No display needed. */

#include "config.h"

#include <string.h>
#include <cairo.h>
#include <math.h>

#include "fid-qr-code.h"
#include "fid-test-util.h"
#include "fid-workshop-server.h"
#include "fid-workshop-test-util.h"

typedef struct
{
  FidStore          *store;
  gint64             survey_id;
  FidWorkshopServer *server;
  gint64             last_response;
  guint              n_signals;
} Fixture;

static void
response_added_cb (FidWorkshopServer *server,
                   gint64             response_id,
                   Fixture           *fixture)
{
  fixture->last_response = response_id;
  fixture->n_signals++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = fid_test_new_store ();
  fixture->survey_id = fid_test_kano_survey_5 (fixture->store);
  fixture->server = fid_workshop_server_new (fixture->store, fixture->survey_id);
  g_signal_connect (fixture->server, "response-added", G_CALLBACK (response_added_cb), fixture);
  g_assert_true (fid_workshop_server_start (fixture->server, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  g_assert_true (fid_workshop_server_is_running (fixture->server));
  g_assert_cmpuint (fid_workshop_server_get_port (fixture->server), >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->store);
}

static guint
n_stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) responses = fid_store_list_survey_responses (fixture->store, fixture->survey_id, &error);

  g_assert_no_error (error);
  return responses->len;
}

/* GET the form; returns the device cookie it set. */
static char *
open_form (Fixture *fixture)
{
  FidTestRequest get = { .method = "GET", .url = fid_workshop_server_get_url (fixture->server) };
  char *cookie;

  fid_test_request_run (&get);
  g_assert_cmpuint (get.status, ==, 200);
  g_assert_nonnull (get.set_cookie);
  g_assert_true (g_str_has_prefix (get.set_cookie, "fidelis_device="));
  cookie = g_steal_pointer (&get.set_cookie);
  fid_test_request_clear (&get);
  return cookie;
}

static FidTestRequest
post (Fixture    *fixture,
      const char *cookie,
      const char *body)
{
  FidTestRequest request = { .method = "POST", .url = fid_workshop_server_get_url (fixture->server),
                             .cookie = cookie, .content_type = "application/x-www-form-urlencoded",
                             .body = body };

  fid_test_request_run (&request);
  return request;
}

/* Every feature liked if present and disliked if absent (Kano: O). */
#define ALL_O "f1=1&d1=5&f2=1&d2=5&f3=1&d3=5&f4=1&d4=5&f5=1&d5=5"

static void
test_form_served (Fixture       *fixture,
                  gconstpointer  data)
{
  FidTestRequest get = { .method = "GET", .url = fid_workshop_server_get_url (fixture->server) };
  g_autoptr(FidSurvey) survey = fid_store_get_survey (fixture->store, fixture->survey_id, NULL);

  fid_test_request_run (&get);
  g_assert_cmpuint (get.status, ==, 200);
  g_assert_nonnull (get.set_cookie);
  /* Each of the five features with its two questions, nothing more. */
  for (guint i = 0; i < 5; i++)
    {
      FidSurveyItem *item = g_ptr_array_index (fid_survey_get_items (survey), i);
      g_autofree char *label = g_markup_escape_text (fid_survey_item_get_label (item), -1);
      g_autofree char *f = g_strdup_printf ("name=\"f%u\"", i + 1);
      g_autofree char *d = g_strdup_printf ("name=\"d%u\"", i + 1);

      g_assert_nonnull (strstr (get.text, label));
      g_assert_nonnull (strstr (get.text, f));
      g_assert_nonnull (strstr (get.text, d));
    }
  g_assert_null (strstr (get.text, "name=\"f6\""));
  /* Works without script and fetches nothing from elsewhere. */
  g_assert_null (strstr (get.text, "<script"));
  g_assert_null (strstr (get.text, "src="));
  g_assert_null (strstr (get.text, "http://"));
  g_assert_null (strstr (get.text, "https://"));
  g_assert_nonnull (strstr (get.text, "name=\"viewport\""));
  fid_test_request_clear (&get);
}

static void
test_token_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  guint port = fid_workshop_server_get_port (fixture->server);
  const char *url = fid_workshop_server_get_url (fixture->server);
  g_autofree char *root = g_strdup_printf ("http://127.0.0.1:%u/", port);
  g_autofree char *no_token = g_strdup_printf ("http://127.0.0.1:%u/s/", port);
  g_autofree char *wrong = g_strdup (url);
  g_autofree char *below = g_strdup_printf ("%sother", url);
  g_autofree char *cookie = open_form (fixture);
  const char *refused[] = { root, no_token, wrong };
  char *token_digit;

  /* Same length, one digit changed. */
  token_digit = wrong + strlen (wrong) - 2;
  *token_digit = *token_digit == '0' ? '1' : '0';

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      FidTestRequest get = { .method = "GET", .url = refused[i] };
      FidTestRequest bad_post = { .method = "POST", .url = refused[i], .cookie = cookie,
                                  .content_type = "application/x-www-form-urlencoded", .body = ALL_O };

      fid_test_request_run (&get);
      g_assert_cmpuint (get.status, ==, 403);
      g_assert_nonnull (strstr (get.text, "Scan the code"));
      fid_test_request_run (&bad_post);
      g_assert_cmpuint (bad_post.status, ==, 403);
      fid_test_request_clear (&get);
      fid_test_request_clear (&bad_post);
    }
  {
    FidTestRequest get = { .method = "GET", .url = below };

    fid_test_request_run (&get);
    g_assert_cmpuint (get.status, ==, 404);
    fid_test_request_clear (&get);
  }
  g_assert_cmpuint (n_stored (fixture), ==, 0);
  g_assert_cmpuint (fixture->n_signals, ==, 0);
}

static void
test_valid_submission (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *cookie = open_form (fixture);
  FidTestRequest request = post (fixture, cookie, "f1=1&d1=5&f2=2&d2=5&f3=3&d3=3&f4=1&d4=3&f5=3&d5=5");
  g_autoptr(GError) error = NULL;
  g_autoptr(FidKanoData) kano = NULL;
  g_autoptr(GPtrArray) results = NULL;
  const FidKanoCategory expected[] = {
    FID_KANO_ONE_DIMENSIONAL,   /* like / dislike */
    FID_KANO_MUST_BE,           /* expect / dislike */
    FID_KANO_INDIFFERENT,       /* neutral / neutral */
    FID_KANO_ATTRACTIVE,        /* like / neutral */
    FID_KANO_MUST_BE,           /* neutral / dislike */
  };

  g_assert_cmpuint (request.status, ==, 200);
  g_assert_nonnull (strstr (request.text, "Thank"));
  g_assert_cmpuint (n_stored (fixture), ==, 1);
  g_assert_cmpuint (fid_workshop_server_get_n_responses (fixture->server), ==, 1);
  g_assert_cmpuint (fixture->n_signals, ==, 1);
  g_assert_cmpint (fixture->last_response, >, 0);

  /* The model the projector draws counts it. */
  kano = fid_store_load_kano_data (fixture->store, fixture->survey_id, &error);
  g_assert_no_error (error);
  results = fid_kano_analyze (kano);
  g_assert_cmpuint (results->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      FidKanoResult *result = g_ptr_array_index (results, i);

      g_assert_cmpuint (result->n, ==, 1);
      g_assert_cmpint (result->category, ==, expected[i]);
    }
  fid_test_request_clear (&request);
}

static void
test_second_submission (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *cookie = open_form (fixture);
  FidTestRequest first = post (fixture, cookie, ALL_O);
  FidTestRequest second = post (fixture, cookie, ALL_O);
  FidTestRequest again = { .method = "GET", .url = fid_workshop_server_get_url (fixture->server), .cookie = cookie };

  g_assert_cmpuint (first.status, ==, 200);
  g_assert_cmpuint (second.status, ==, 409);
  g_assert_nonnull (strstr (second.text, "already answered"));
  /* Opening the form again says so instead of offering it. */
  fid_test_request_run (&again);
  g_assert_cmpuint (again.status, ==, 200);
  g_assert_nonnull (strstr (again.text, "already answered"));
  g_assert_null (strstr (again.text, "<form"));
  g_assert_cmpuint (n_stored (fixture), ==, 1);
  fid_test_request_clear (&first);
  fid_test_request_clear (&second);
  fid_test_request_clear (&again);
}

static void
test_cookie_required (Fixture       *fixture,
                      gconstpointer  data)
{
  FidTestRequest none = post (fixture, NULL, ALL_O);
  FidTestRequest forged = post (fixture, "fidelis_device=0123456789abcdef0123456789abcdef", ALL_O);

  g_assert_cmpuint (none.status, ==, 400);
  g_assert_nonnull (strstr (none.text, "Scan the code"));
  g_assert_cmpuint (forged.status, ==, 400);
  g_assert_cmpuint (n_stored (fixture), ==, 0);
  fid_test_request_clear (&none);
  fid_test_request_clear (&forged);
}

static void
test_oversized (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *cookie = open_form (fixture);
  g_autofree char *huge = NULL;
  GString *body = g_string_new (ALL_O);
  FidTestRequest request;

  fid_workshop_server_set_limits (fixture->server, 2048, 100, 10);
  while (body->len < 4096)
    g_string_append (body, "&padding=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  huge = g_string_free (body, FALSE);
  request = post (fixture, cookie, huge);
  g_assert_cmpuint (request.status, ==, 413);
  g_assert_nonnull (strstr (request.text, "longer than a survey form"));
  g_assert_cmpuint (n_stored (fixture), ==, 0);
  fid_test_request_clear (&request);

  /* A normal answer still goes through. */
  request = post (fixture, cookie, ALL_O);
  g_assert_cmpuint (request.status, ==, 200);
  fid_test_request_clear (&request);
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *cookie = open_form (fixture);
  const struct
  {
    const char *body;
    const char *content_type;
    const char *message;
  } cases[] = {
    { ALL_O "&x9=1", NULL, "does not have" },                                      /* unknown field */
    { ALL_O "&f6=1", NULL, "does not have" },                                      /* no 6th feature */
    { "f1=9&d1=5&f2=1&d2=5&f3=1&d3=5&f4=1&d4=5&f5=1&d5=5", NULL, "not one of the choices" },
    { "f1=one&d1=5&f2=1&d2=5&f3=1&d3=5&f4=1&d4=5&f5=1&d5=5", NULL, "not one of the choices" },
    { "f1=1&d1=5&f2=1&d2=5&f3=1&f4=1&d4=5&f5=1&d5=5", NULL, "Question 3" },         /* d3 missing */
    { ALL_O, "text/plain", "could not be read" },
    { "", NULL, "Question 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FidTestRequest request = { .method = "POST", .url = fid_workshop_server_get_url (fixture->server),
                                 .cookie = cookie,
                                 .content_type = cases[i].content_type != NULL ? cases[i].content_type
                                                                               : "application/x-www-form-urlencoded",
                                 .body = cases[i].body, .body_length = strlen (cases[i].body) };

      if (request.body_length == 0)
        request.body = " ", request.body_length = 1;
      g_test_message ("case %u: %s", i, cases[i].body);
      fid_test_request_run (&request);
      g_assert_cmpuint (request.status, ==, 400);
      g_assert_nonnull (strstr (request.text, cases[i].message));
      /* The form comes back, to be fixed and sent again. */
      g_assert_nonnull (strstr (request.text, "<form"));
      fid_test_request_clear (&request);
    }
  g_assert_cmpuint (n_stored (fixture), ==, 0);
  g_assert_cmpuint (fixture->n_signals, ==, 0);
}

static void
test_rate_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  fid_workshop_server_set_limits (fixture->server, FID_WORKSHOP_MAX_BODY, 5, 60);
  for (guint i = 0; i < 6; i++)
    {
      FidTestRequest get = { .method = "GET", .url = fid_workshop_server_get_url (fixture->server) };

      fid_test_request_run (&get);
      g_assert_cmpuint (get.status, ==, i < 5 ? 200 : 429);
      fid_test_request_clear (&get);
    }
}

static void
test_three_phones_and_reset (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first_cookie = NULL;

  for (guint phone = 0; phone < 3; phone++)
    {
      g_autofree char *cookie = open_form (fixture);
      FidTestRequest request = post (fixture, cookie, ALL_O);

      g_assert_cmpuint (request.status, ==, 200);
      fid_test_request_clear (&request);
      if (phone == 0)
        first_cookie = g_steal_pointer (&cookie);
    }
  g_assert_cmpuint (n_stored (fixture), ==, 3);
  g_assert_cmpuint (fid_workshop_server_get_n_responses (fixture->server), ==, 3);

  /* Reset: nothing left, and a phone that answered may answer again. */
  g_assert_true (fid_workshop_server_reset (fixture->server, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_stored (fixture), ==, 0);
  g_assert_cmpuint (fid_workshop_server_get_n_responses (fixture->server), ==, 0);
  {
    FidTestRequest request = post (fixture, first_cookie, ALL_O);

    g_assert_cmpuint (request.status, ==, 200);
    fid_test_request_clear (&request);
  }
  g_assert_cmpuint (n_stored (fixture), ==, 1);
}

static void
test_stopped (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *url = g_strdup (fid_workshop_server_get_url (fixture->server));
  FidTestRequest get = { .method = "GET", .url = url };

  fid_workshop_server_stop (fixture->server);
  g_assert_false (fid_workshop_server_is_running (fixture->server));
  g_assert_null (fid_workshop_server_get_url (fixture->server));
  fid_test_request_run (&get);
  g_assert_cmpuint (get.status, ==, 0);   /* connection refused */
  fid_test_request_clear (&get);

  /* Gone with the object too. */
  {
    g_autoptr(GError) error = NULL;
    FidTestRequest again = { .method = "GET" };
    g_autofree char *url2 = NULL;

    g_assert_true (fid_workshop_server_start (fixture->server, "127.0.0.1", 0, &error));
    url2 = g_strdup (fid_workshop_server_get_url (fixture->server));
    g_assert_cmpstr (url2, !=, url);   /* a new token */
    g_clear_object (&fixture->server);
    again.url = url2;
    fid_test_request_run (&again);
    g_assert_cmpuint (again.status, ==, 0);
    fid_test_request_clear (&again);
  }
}

static void
test_bad_address (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(FidWorkshopServer) server = fid_workshop_server_new (store, fid_test_kano_survey_5 (store));
  g_autoptr(FidWorkshopServer) missing = fid_workshop_server_new (store, 999);
  g_autoptr(GError) error = NULL;

  g_assert_false (fid_workshop_server_start (server, "not an address", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (fid_workshop_server_is_running (server));
  g_assert_false (fid_workshop_server_start (missing, "127.0.0.1", 0, &error));
  g_assert_nonnull (error);
}

static void
test_addresses (void)
{
  g_auto(GStrv) addresses = fid_workshop_list_addresses ();
  guint n = g_strv_length (addresses);

  /* Loopback is always offered, last. */
  g_assert_cmpuint (n, >=, 1);
  g_assert_nonnull (strstr (addresses[n - 1], "\t127."));
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (strchr (addresses[i], '\t'));
}

static void
test_qr_code (void)
{
  const char *url = "http://192.168.100.200:45678/s/0123456789abcdef0123456789abcdef/";
  g_autofree guint8 *modules = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint width = 0;
  guint8 *pixels;
  int stride;
  double module;

  modules = fid_qr_code_encode (url, &width);
  g_assert_nonnull (modules);
  /* 67 bytes at level M need version 5 (37 × 37 modules) or close. */
  g_assert_cmpuint (width, >=, 33);
  g_assert_cmpuint (width, <=, 41);
  g_assert_cmpuint ((width - 17) % 4, ==, 0);
  /* Finder pattern: the top-left 7 × 7 square has a dark border and a
   * dark 3 × 3 centre with a light ring between. */
  g_assert_true (modules[0] && modules[6] && modules[6 * width] && modules[3 * width + 3]);
  g_assert_false (modules[1 * width + 1]);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 450, 450);
  cr = cairo_create (surface);
  g_assert_true (fid_qr_code_paint (cr, url, 0, 0, 450));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  module = floor (450.0 / (width + 8));
  {
    double offset = (450 - module * width) / 2;
    int cx = (int) (offset + 3.5 * module), cy = cx;
    int qx = (int) (offset / 2);
    guint32 centre = *(guint32 *) (pixels + cy * stride + cx * 4) & 0xffffff;
    guint32 quiet = *(guint32 *) (pixels + qx * stride + qx * 4) & 0xffffff;

    g_assert_cmphex (centre, ==, 0x000000);
    g_assert_cmphex (quiet, ==, 0xffffff);
  }
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/workshop/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("form-served", test_form_served);
  ADD ("token-refused", test_token_refused);
  ADD ("valid-submission", test_valid_submission);
  ADD ("second-submission", test_second_submission);
  ADD ("cookie-required", test_cookie_required);
  ADD ("oversized", test_oversized);
  ADD ("malformed", test_malformed);
  ADD ("rate-limit", test_rate_limit);
  ADD ("three-phones-and-reset", test_three_phones_and_reset);
  ADD ("stopped", test_stopped);
#undef ADD
  g_test_add_func ("/workshop/bad-address", test_bad_address);
  g_test_add_func ("/workshop/addresses", test_addresses);
  g_test_add_func ("/workshop/qr-code", test_qr_code);
  return g_test_run ();
}
