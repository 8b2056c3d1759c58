/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the plugin tests: a watchdog (plugins are loaded under
 * a timeout: a plugin that hangs fails the test instead of blocking it), a
 * manager loaded the way the app does, channels found by id, and a small
 * bank with known consents. */

#include <glib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "fid-channel.h"
#include "fid-plugin-manager.h"
#include "fid-store.h"
#include "fid-store-channels.h"

#define FID_TEST_WATCHDOG_S 60

static gint fid_test_watchdog_armed;

static inline gpointer
fid_test_watchdog_thread (gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + GPOINTER_TO_UINT (data) * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      if (!g_atomic_int_get (&fid_test_watchdog_armed))
        return NULL;
      g_usleep (100 * 1000);
    }

  g_printerr ("Watchdog: a plugin test did not finish in %u s\n", GPOINTER_TO_UINT (data));
  abort ();
}

/* Arms (seconds > 0) or disarms (0) the watchdog. */
static inline void
fid_test_watchdog (guint seconds)
{
  static GThread *thread;

  if (thread != NULL)
    {
      g_atomic_int_set (&fid_test_watchdog_armed, 0);
      g_thread_join (thread);
      thread = NULL;
    }
  if (seconds > 0)
    {
      g_atomic_int_set (&fid_test_watchdog_armed, 1);
      thread = g_thread_new ("watchdog", fid_test_watchdog_thread, GUINT_TO_POINTER (seconds));
    }
}

/* libpeas warns about the broken fixtures: expected, not fatal. */
static inline gboolean
fid_test_ignore_libpeas (const char     *log_domain,
                         GLogLevelFlags  log_level,
                         const char     *message,
                         gpointer        user_data)
{
  return g_strcmp0 (log_domain, "libpeas") != 0;
}

static inline FidPluginManager *
fid_test_load_manager (GSettings             *settings,
                       const char            *extra_dir,
                       FidPluginManagerFlags  flags)
{
  FidPluginManager *manager = fid_plugin_manager_new (settings, flags);

  /* Reset by GLib at the start of every test case: set it each time. */
  g_test_log_set_fatal_handler (fid_test_ignore_libpeas, NULL);
  g_autofree char *state_dir = g_build_filename (g_get_user_state_dir (), "fidelis", NULL);

  fid_plugin_manager_set_state_dir (manager, state_dir);
  if (extra_dir != NULL)
    fid_plugin_manager_add_search_path (manager, extra_dir);

  fid_test_watchdog (FID_TEST_WATCHDOG_S);
  fid_plugin_manager_load (manager);
  fid_test_watchdog (0);

  return manager;
}

typedef struct
{
  const char *id;
  FidChannel *found;
  guint       n;
} FidTestFind;

static inline void
fid_test_find_cb (PeasExtensionSet *set,
                  PeasPluginInfo   *info,
                  GObject          *extension,
                  gpointer          user_data)
{
  FidTestFind *find = user_data;

  find->n++;
  if (find->id != NULL && g_strcmp0 (fid_channel_get_id (FID_CHANNEL (extension)), find->id) == 0)
    find->found = FID_CHANNEL (extension);
}

/* Returns: (transfer none): the channel @id of @set, or NULL. */
static inline FidChannel *
fid_test_find_channel (PeasExtensionSet *set,
                       const char       *id)
{
  FidTestFind find = { id, NULL, 0 };

  peas_extension_set_foreach (set, fid_test_find_cb, &find);
  return find.found;
}

static inline guint
fid_test_count_extensions (PeasExtensionSet *set)
{
  FidTestFind find = { NULL, NULL, 0 };

  peas_extension_set_foreach (set, fid_test_find_cb, &find);
  return find.n;
}

static inline gint64
fid_test_add_customer (FidStore   *store,
                       const char *first,
                       const char *last,
                       const char *email,
                       const char *phone)
{
  g_autoptr(FidCustomer) customer = fid_customer_new ();
  g_autoptr(GError) error = NULL;

  fid_customer_set_kind (customer, "person");
  fid_customer_set_title (customer, "Mme");
  fid_customer_set_first_name (customer, first);
  fid_customer_set_last_name (customer, last);
  fid_customer_set_email (customer, email);
  fid_customer_set_phone (customer, phone);
  fid_customer_set_address (customer, "12 rue de la République");
  fid_customer_set_postcode (customer, "69002");
  fid_customer_set_city (customer, "Lyon");
  fid_customer_set_lifecycle_stage (customer, "satisfied");
  fid_store_insert_customer (store, customer, &error);
  g_assert_no_error (error);

  return fid_customer_get_id (customer);
}
