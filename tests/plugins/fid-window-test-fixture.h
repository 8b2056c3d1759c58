/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The fixture of the plugin pages' UI tests (segmentation, surveys,
 * dashboards): the built-in plugins loaded as the app loads them, a demo
 * bank of a given size in a temporary folder, and a window on it with
 * every page added. */

#include <adwaita.h>

#include "fid-demo.h"
#include "fid-plugin-test-util.h"
#include "fid-window.h"

typedef struct
{
  GSettings        *settings;
  FidPluginManager *manager;
  FidStore         *store;
  FidWindow        *window;
  char             *dir;
  char             *path;
} FidWindowFixture;

/* Runs the main loop for @ms milliseconds (worker threads report back
 * through it). */
static inline void
fid_window_fixture_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static inline void
fid_window_fixture_set_up (FidWindowFixture *fixture,
                           guint             n_customers,
                           guint64           seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidDemo) demo = fid_demo_new (n_customers, seed);

  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "enabled-plugins");
  fixture->manager = fid_test_load_manager (fixture->settings, NULL, 0);

  fixture->dir = g_dir_make_tmp ("fidelis-window-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "bank.db", NULL);
  g_assert_true (fid_demo_write (demo, fixture->path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  fixture->store = fid_store_open (fixture->path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (fid_window_new (NULL, fixture->store));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fid_plugin_manager_add_window (fixture->manager, GTK_WINDOW (fixture->window));
  fid_window_fixture_spin (200);
}

static inline void
fid_window_fixture_tear_down (FidWindowFixture *fixture)
{
  fid_plugin_manager_remove_window (fixture->manager, GTK_WINDOW (fixture->window));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  g_free (fixture->path);
  g_free (fixture->dir);
  fid_window_fixture_spin (50);
}
