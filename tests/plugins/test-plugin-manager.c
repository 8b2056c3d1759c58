/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The plugin manager without a display: built-in plugins, the example
 * plugin from a folder, the broken fixtures, enabling and disabling that
 * lasts, core plugins, the crash sentinel and safe mode. GSettings uses
 * the memory backend (tests/meson.build): a new manager in the same
 * process sees what the last one saved, as after a restart. */

#include "config.h"

#include "fid-analytics.h"
#include "fid-plugin-test-util.h"

static const char * const builtin_plugins[] = {
  "contact", "analyses", "channel-phone", "channel-sms", "channel-branch",
  "channel-web", "channel-email", "channel-mail", "analytics-channel-mix", "segmentation",
  "surveys", "dashboards",
};

static const char * const builtin_channels[] = {
  "phone", "sms", "branch", "web", "email", "mail",
};

static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "enabled-plugins");
  return settings;
}

static char *
example_dir (void)
{
  return g_test_build_filename (G_TEST_BUILT, "example", NULL);
}

static char *
broken_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "broken", NULL);
}

static void
test_builtin_plugins_load (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(FidPluginManager) manager = fid_test_load_manager (settings, NULL, 0);
  g_autoptr(PeasExtensionSet) channels = NULL;
  g_autoptr(PeasExtensionSet) analyses = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (builtin_plugins); i++)
    {
      FidPlugin *plugin = fid_plugin_manager_find_plugin (manager, builtin_plugins[i]);

      g_test_message ("%s", builtin_plugins[i]);
      g_assert_nonnull (plugin);
      g_assert_true (fid_plugin_get_builtin (plugin));
      g_assert_true (fid_plugin_get_enabled (plugin));
      g_assert_true (fid_plugin_get_loaded (plugin));
      g_assert_null (fid_plugin_get_error (plugin));
      g_assert_cmpstr (fid_plugin_get_name (plugin), !=, "");
      g_assert_cmpstr (fid_plugin_get_version (plugin), ==, "1.0");
    }

  g_assert_cmpint (fid_plugin_get_category (fid_plugin_manager_find_plugin (manager, "channel-sms")),
                   ==, FID_PLUGIN_CATEGORY_CHANNEL);
  g_assert_cmpint (fid_plugin_get_category (fid_plugin_manager_find_plugin (manager, "analytics-channel-mix")),
                   ==, FID_PLUGIN_CATEGORY_ANALYTICS);
  g_assert_true (fid_plugin_get_core (fid_plugin_manager_find_plugin (manager, "contact")));
  g_assert_true (fid_plugin_get_core (fid_plugin_manager_find_plugin (manager, "analyses")));
  g_assert_false (fid_plugin_get_core (fid_plugin_manager_find_plugin (manager, "channel-phone")));

  channels = peas_extension_set_new (fid_plugin_manager_get_engine (manager), FID_TYPE_CHANNEL, NULL);
  g_assert_cmpuint (fid_test_count_extensions (channels), ==, G_N_ELEMENTS (builtin_channels));
  for (guint i = 0; i < G_N_ELEMENTS (builtin_channels); i++)
    {
      FidChannel *channel = fid_test_find_channel (channels, builtin_channels[i]);

      g_assert_nonnull (channel);
      g_assert_cmpstr (fid_channel_get_name (channel), !=, "");
      g_assert_cmpstr (fid_channel_get_icon_name (channel), !=, "");
      g_assert_cmpuint (fid_channel_get_capabilities (channel), !=, 0);
    }
  g_assert_true (fid_channel_has_capability (fid_test_find_channel (channels, "email"), FID_CHANNEL_CAN_SEND));
  g_assert_true (fid_channel_has_capability (fid_test_find_channel (channels, "web"), FID_CHANNEL_CAN_IMPORT));
  g_assert_true (fid_channel_has_capability (fid_test_find_channel (channels, "sms"), FID_CHANNEL_CAN_EXPORT));
  g_assert_cmpint (fid_channel_get_consent_policy (fid_test_find_channel (channels, "sms")), ==,
                   FID_CONSENT_POLICY_OPT_IN);
  g_assert_cmpint (fid_channel_get_consent_policy (fid_test_find_channel (channels, "phone")), ==,
                   FID_CONSENT_POLICY_OPT_OUT);

  analyses = peas_extension_set_new (fid_plugin_manager_get_engine (manager), FID_TYPE_ANALYTICS, NULL);
  g_assert_cmpuint (fid_test_count_extensions (analyses), ==, 2);  /* channel mix, segmentation */
}

static void
test_example_plugin_from_folder (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *dir = example_dir ();
  g_autoptr(FidPluginManager) manager = NULL;
  g_autoptr(PeasExtensionSet) channels = NULL;
  g_autoptr(GError) error = NULL;
  FidPlugin *plugin;

  /* Found but off until enabled: a plugin installed later stays off. */
  manager = fid_test_load_manager (settings, dir, 0);
  plugin = fid_plugin_manager_find_plugin (manager, "example");
  g_assert_nonnull (plugin);
  g_assert_false (fid_plugin_get_builtin (plugin));
  g_assert_false (fid_plugin_get_enabled (plugin));
  g_assert_false (fid_plugin_get_loaded (plugin));
  g_assert_null (fid_plugin_get_error (plugin));
  g_assert_cmpstr (fid_plugin_get_name (plugin), ==, "Fax (Example)");

  channels = peas_extension_set_new (fid_plugin_manager_get_engine (manager), FID_TYPE_CHANNEL, NULL);
  g_assert_null (fid_test_find_channel (channels, "fax"));

  /* Enabled: its channel appears in the set at once. */
  fid_test_watchdog (FID_TEST_WATCHDOG_S);
  fid_plugin_manager_set_plugin_enabled (manager, "example", TRUE, &error);
  fid_test_watchdog (0);
  g_assert_no_error (error);
  g_assert_true (fid_plugin_get_loaded (plugin));
  g_assert_null (fid_plugin_get_error (plugin));
  g_assert_nonnull (fid_test_find_channel (channels, "fax"));
  g_assert_cmpstr (fid_channel_get_name (fid_test_find_channel (channels, "fax")), ==, "Fax");
  g_clear_object (&channels);
  g_clear_object (&manager);

  /* And it is still loaded after a restart. */
  manager = fid_test_load_manager (settings, dir, 0);
  g_assert_true (fid_plugin_get_loaded (fid_plugin_manager_find_plugin (manager, "example")));
  channels = peas_extension_set_new (fid_plugin_manager_get_engine (manager), FID_TYPE_CHANNEL, NULL);
  g_assert_nonnull (fid_test_find_channel (channels, "fax"));
}

static void
assert_error_contains (FidPluginManager *manager,
                       const char       *module,
                       const char       *text)
{
  FidPlugin *plugin = fid_plugin_manager_find_plugin (manager, module);

  g_test_message ("%s", module);
  g_assert_nonnull (plugin);
  g_assert_false (fid_plugin_get_loaded (plugin));
  g_assert_nonnull (fid_plugin_get_error (plugin));
  g_test_message ("%s: %s", module, fid_plugin_get_error (plugin));
  g_assert_nonnull (strstr (fid_plugin_get_error (plugin), text));
}

static void
test_broken_plugins_reported (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *dir = broken_dir ();
  g_autofree char *malformed = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) defaults = g_settings_get_strv (settings, "enabled-plugins");
  g_auto(GStrv) enabled = NULL;
  g_autoptr(FidPluginManager) manager = NULL;
  const char * const broken[] = { "bad-abi", "missing-module", "missing-dep" };

  /* Enabled, as a user would have done: they are tried, and fail. */
  g_strv_builder_addv (builder, (const char **) defaults);
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    g_strv_builder_add (builder, broken[i]);
  enabled = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "enabled-plugins", (const char * const *) enabled);

  manager = fid_test_load_manager (settings, dir, 0);

  assert_error_contains (manager, "bad-abi", "ABI 999");
  assert_error_contains (manager, "missing-module", "missing");
  assert_error_contains (manager, "missing-dep", "does-not-exist");

  malformed = g_build_filename (dir, "malformed", "malformed.plugin", NULL);
  assert_error_contains (manager, malformed, "malformed");

  /* The rest still works: every built-in plugin is loaded. */
  for (guint i = 0; i < G_N_ELEMENTS (builtin_plugins); i++)
    g_assert_true (fid_plugin_get_loaded (fid_plugin_manager_find_plugin (manager, builtin_plugins[i])));
  g_clear_object (&manager);

  /* Disabled, they are listed with the same reasons (but the missing
   * dependency, which only matters when loading). */
  g_settings_reset (settings, "enabled-plugins");
  manager = fid_test_load_manager (settings, dir, 0);
  assert_error_contains (manager, "bad-abi", "ABI 999");
  assert_error_contains (manager, "missing-module", "missing");
  assert_error_contains (manager, malformed, "malformed");
}

static void
test_disable_persists (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(FidPluginManager) manager = fid_test_load_manager (settings, NULL, 0);
  g_autoptr(PeasExtensionSet) channels = NULL;
  g_autoptr(GSettings) settings2 = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) enabled = NULL;

  channels = peas_extension_set_new (fid_plugin_manager_get_engine (manager), FID_TYPE_CHANNEL, NULL);
  g_assert_nonnull (fid_test_find_channel (channels, "phone"));

  g_assert_true (fid_plugin_manager_set_plugin_enabled (manager, "channel-phone", FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (fid_test_find_channel (channels, "phone"));
  g_assert_false (fid_plugin_get_loaded (fid_plugin_manager_find_plugin (manager, "channel-phone")));
  g_assert_false (fid_plugin_get_enabled (fid_plugin_manager_find_plugin (manager, "channel-phone")));
  enabled = g_settings_get_strv (settings, "enabled-plugins");
  g_assert_false (g_strv_contains ((const char * const *) enabled, "channel-phone"));
  g_clear_object (&channels);
  g_clear_object (&manager);

  /* A restart: new settings object, new manager; still off. */
  settings2 = g_settings_new (APP_ID);
  manager = fid_test_load_manager (settings2, NULL, 0);
  g_assert_false (fid_plugin_get_loaded (fid_plugin_manager_find_plugin (manager, "channel-phone")));
  channels = peas_extension_set_new (fid_plugin_manager_get_engine (manager), FID_TYPE_CHANNEL, NULL);
  g_assert_null (fid_test_find_channel (channels, "phone"));
  g_assert_nonnull (fid_test_find_channel (channels, "sms"));

  /* On again, at once. */
  g_assert_true (fid_plugin_manager_set_plugin_enabled (manager, "channel-phone", TRUE, &error));
  g_assert_nonnull (fid_test_find_channel (channels, "phone"));
}

static void
test_core_plugin_cannot_be_disabled (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(FidPluginManager) manager = fid_test_load_manager (settings, NULL, 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (fid_plugin_manager_set_plugin_enabled (manager, "contact", FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_true (fid_plugin_get_loaded (fid_plugin_manager_find_plugin (manager, "contact")));

  /* Even when the setting forgets it. */
  g_settings_set_strv (settings, "enabled-plugins", NULL);
  g_assert_true (fid_plugin_get_loaded (fid_plugin_manager_find_plugin (manager, "contact")));
  g_assert_false (fid_plugin_get_loaded (fid_plugin_manager_find_plugin (manager, "channel-sms")));
}

static void
test_crash_sentinel (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *state_dir = g_build_filename (g_get_user_state_dir (), "fidelis", NULL);
  g_autofree char *sentinel = g_build_filename (state_dir, "plugin-activating", NULL);
  g_autoptr(FidPluginManager) manager = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) enabled = NULL;
  const char * const *crashed;
  FidPlugin *plugin;

  /* What a crash while activating the SMS plugin leaves behind. */
  g_assert_cmpint (g_mkdir_with_parents (state_dir, 0700), ==, 0);
  g_file_set_contents (sentinel, "channel-sms", -1, &error);
  g_assert_no_error (error);

  manager = fid_test_load_manager (settings, NULL, 0);

  g_assert_false (g_file_test (sentinel, G_FILE_TEST_EXISTS));
  crashed = fid_plugin_manager_get_crashed_plugins (manager);
  g_assert_cmpstr (crashed[0], ==, "channel-sms");
  g_assert_null (crashed[1]);

  plugin = fid_plugin_manager_find_plugin (manager, "channel-sms");
  g_assert_false (fid_plugin_get_loaded (plugin));
  g_assert_false (fid_plugin_get_enabled (plugin));
  g_assert_nonnull (strstr (fid_plugin_get_error (plugin), "stopped"));
  enabled = g_settings_get_strv (settings, "enabled-plugins");
  g_assert_false (g_strv_contains ((const char * const *) enabled, "channel-sms"));

  /* The others are fine, and no sentinel is left after a clean load. */
  g_assert_true (fid_plugin_get_loaded (fid_plugin_manager_find_plugin (manager, "channel-phone")));

  /* Enabling it again clears the report. */
  g_assert_true (fid_plugin_manager_set_plugin_enabled (manager, "channel-sms", TRUE, &error));
  g_assert_true (fid_plugin_get_loaded (plugin));
  g_assert_null (fid_plugin_get_error (plugin));
  g_assert_false (g_file_test (sentinel, G_FILE_TEST_EXISTS));
}

static void
test_safe_mode (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *dir = example_dir ();
  g_autoptr(FidPluginManager) manager = NULL;
  const char * const enabled[] = { "channel-phone", "example", NULL };
  FidPlugin *example;

  g_settings_set_strv (settings, "enabled-plugins", enabled);
  manager = fid_test_load_manager (settings, dir, FID_PLUGIN_MANAGER_SAFE_MODE);

  example = fid_plugin_manager_find_plugin (manager, "example");
  g_assert_false (fid_plugin_get_loaded (example));
  g_assert_nonnull (strstr (fid_plugin_get_error (example), "safe mode"));
  g_assert_true (fid_plugin_get_loaded (fid_plugin_manager_find_plugin (manager, "channel-phone")));
  g_assert_true (fid_plugin_get_loaded (fid_plugin_manager_find_plugin (manager, "contact")));
}

/* tests/ui/test-no-gtk3.sh checks what the binary links; this checks what
 * the process maps once every plugin (the example one too) is loaded. */
static void
test_no_gtk3_at_runtime (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *dir = example_dir ();
  g_autoptr(FidPluginManager) manager = NULL;
  g_autofree char *maps = NULL;
  g_autoptr(GError) error = NULL;
  const char * const enabled[] = { "example", NULL };

  g_settings_set_strv (settings, "enabled-plugins", enabled);
  manager = fid_test_load_manager (settings, dir, 0);
  g_assert_true (fid_plugin_get_loaded (fid_plugin_manager_find_plugin (manager, "example")));

  if (!g_file_get_contents ("/proc/self/maps", &maps, NULL, &error))
    {
      g_test_skip ("No /proc/self/maps on this system");
      return;
    }
  g_assert_null (strstr (maps, "libgtk-3"));
  g_assert_null (strstr (maps, "libpeas-gtk"));
  g_assert_nonnull (strstr (maps, "libexample"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_log_set_fatal_handler (fid_test_ignore_libpeas, NULL);

  g_test_add_func ("/plugins/manager/builtin", test_builtin_plugins_load);
  g_test_add_func ("/plugins/manager/example-from-folder", test_example_plugin_from_folder);
  g_test_add_func ("/plugins/manager/broken-reported", test_broken_plugins_reported);
  g_test_add_func ("/plugins/manager/disable-persists", test_disable_persists);
  g_test_add_func ("/plugins/manager/core-cannot-be-disabled", test_core_plugin_cannot_be_disabled);
  g_test_add_func ("/plugins/manager/crash-sentinel", test_crash_sentinel);
  g_test_add_func ("/plugins/manager/safe-mode", test_safe_mode);
  g_test_add_func ("/plugins/manager/no-gtk3-at-runtime", test_no_gtk3_at_runtime);

  return g_test_run ();
}
