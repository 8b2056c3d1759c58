/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The phone form as a phone shows it (issue 12): Chromium, headless, at
 * 390 CSS pixels wide (an iPhone 12 to 15's width), takes a screenshot
 * of the form served on loopback. Checked: text is drawn, and the page's
 * right margin is untouched all the way down, so nothing overflows the
 * screen (a table or a long line too wide would run into it, or force a
 * horizontal scroll). The screenshot stays in the build folder
 * (tests/workshop/form-390.png) to be looked at. Skipped, with the reason,
 * when Chromium is not installed. */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>

#include "fid-test-util.h"
#include "fid-workshop-server.h"
#include "fid-workshop-test-util.h"

#define WIDTH 390

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static void
test_form_on_a_phone (void)
{
  g_autofree char *chromium = g_find_program_in_path ("chromium");
  g_autoptr(FidStore) store = NULL;
  g_autoptr(FidWorkshopServer) server = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "form-390.png", NULL);
  g_autofree char *shot_arg = g_strdup_printf ("--screenshot=%s", shot);
  g_autofree char *size_arg = g_strdup_printf ("--window-size=%d,2600", WIDTH);
  cairo_surface_t *surface;
  guint8 *pixels;
  int stride, height;
  guint dark = 0;
  gboolean done = FALSE;

  if (chromium == NULL)
    {
      g_test_skip ("Chromium is not installed (apt-get install chromium): the phone form's rendering is not checked");
      return;
    }
  store = fid_test_new_store ();
  server = fid_workshop_server_new (store, fid_test_kano_survey_5 (store));
  g_assert_true (fid_workshop_server_start (server, "127.0.0.1", 0, &error));
  g_assert_no_error (error);

  profile = g_dir_make_tmp ("fidelis-chromium-XXXXXX", &error);
  g_assert_no_error (error);
  g_unlink (shot);
  {
    g_autofree char *profile_arg = g_strdup_printf ("--user-data-dir=%s", profile);

    /* --no-sandbox: the tests may run as root, where Chromium's sandbox
     * refuses to start; the page is our own, from loopback. */
    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                "--no-first-run", "--force-device-scale-factor=1", profile_arg, size_arg, shot_arg,
                                fid_workshop_server_get_url (server), NULL);
  }
  g_assert_no_error (error);
  /* The server answers from this thread's main loop while Chromium runs. */
  g_subprocess_wait_async (process, NULL, wait_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  surface = cairo_image_surface_create_from_png (shot);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, WIDTH);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        guint32 p = *(guint32 *) (pixels + y * stride + x * 4);
        guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        if (r + g + b < 200)
          dark++;
        /* The body's 16-pixel margin, right side: the page background
         * (#f6f5f4) only. */
        if (x >= WIDTH - 10)
          {
            if (!(r >= 0xf0 && g >= 0xf0 && b >= 0xf0))
              g_error ("something is drawn in the right margin at (%d, %d): #%06x — the form overflows a %d-pixel screen",
                       x, y, p & 0xffffff, WIDTH);
          }
      }
  /* Text: the title, five features with their ten questions and fifty
   * choices. */
  g_assert_cmpuint (dark, >, 5000);
  cairo_surface_destroy (surface);
  g_test_message ("screenshot: %s", shot);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/workshop/form-on-a-phone", test_form_on_a_phone);
  return g_test_run ();
}
