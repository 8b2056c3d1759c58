/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The plugins in the window (needs a display: the "ui" suite, under Xvfb):
 * the Contact Centre's addin and its channel.* actions, each channel's
 * editor in the channel dialog (consent refusals shown, interactions
 * saved), disabling a plugin from Preferences, and the broken fixtures
 * listed while the window still works. */

#include "config.h"

#include <adwaita.h>

#include "fid-analyses-page.h"
#include "fid-analytics-view.h"
#include "fid-channel-dialog.h"
#include "fid-plugin-row.h"
#include "fid-plugin-test-util.h"
#include "fid-preferences-window.h"
#include "fid-window.h"

typedef struct
{
  GSettings        *settings;
  FidPluginManager *manager;
  FidStore         *store;
  FidWindow        *window;
  gint64            marie;   /* SMS marketing refused */
  char             *dir;
} Fixture;

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *extra = data;

  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "enabled-plugins");
  fixture->manager = fid_test_load_manager (fixture->settings, extra, 0);

  fixture->dir = g_dir_make_tmp ("fidelis-plugin-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "bank.db", NULL);
  fixture->store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->marie = fid_test_add_customer (fixture->store, "Marie", "Durand", "marie.durand@example.fr", "06 11 22 33 44");
  g_assert_true (fid_store_set_consent (fixture->store, fixture->marie, "sms", FALSE, NULL, "web", &error));

  fixture->window = g_object_ref_sink (fid_window_new (NULL, fixture->store));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fid_plugin_manager_add_window (fixture->manager, GTK_WINDOW (fixture->window));
  spin (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fid_plugin_manager_remove_window (fixture->manager, GTK_WINDOW (fixture->window));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  g_free (fixture->dir);
  spin (50);
}

static FidChannelDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (FID_IS_CHANNEL_DIALOG (window))
        return FID_CHANNEL_DIALOG (window);
    }

  return NULL;
}

static GtkWidget *
find_child (GtkWidget  *widget,
            GType       type,
            const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (title == NULL || (ADW_IS_PREFERENCES_ROW (widget) &&
                         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_in_timeline (Fixture    *fixture,
                   const char *channel_id)
{
  g_autoptr(GPtrArray) entries = fid_store_get_timeline (fixture->store, fixture->marie, NULL, 100, NULL);
  guint n = 0;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (g_strcmp0 (fid_timeline_entry_get_channel (g_ptr_array_index (entries, i)), channel_id) == 0)
      n++;

  return n;
}

static FidChannelDialog *
open_channel (Fixture    *fixture,
              const char *id)
{
  g_autofree char *action = g_strdup_printf ("channel.%s", id);
  FidChannelDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, "x", fixture->marie));
  spin (150);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  return dialog;
}

static void
close_dialogs (void)
{
  FidChannelDialog *dialog;

  while ((dialog = find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
}

static void
test_window_addin (Fixture       *fixture,
                   gconstpointer  data)
{
  FidChannelDialog *dialog;
  g_autoptr(GError) error = NULL;

  /* The Contact Centre's page and one action per channel. */
  g_assert_nonnull (fid_window_get_page (fixture->window, "contact"));

  dialog = open_channel (fixture, "phone");
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (fid_channel_dialog_get_editor (dialog)), ==, "FidPhoneEditor");
  fid_channel_dialog_confirm (dialog);
  spin (100);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (count_in_timeline (fixture, "phone"), ==, 1);

  /* Disabled: the action goes away with the plugin. */
  g_assert_true (fid_plugin_manager_set_plugin_enabled (fixture->manager, "channel-phone", FALSE, &error));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "channel.phone", "x", fixture->marie));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "channel.sms", "x", fixture->marie));
  close_dialogs ();

  /* And it comes back. */
  g_assert_true (fid_plugin_manager_set_plugin_enabled (fixture->manager, "channel-phone", TRUE, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "channel.phone", "x", fixture->marie));
  close_dialogs ();
}

static void
test_editors (Fixture       *fixture,
              gconstpointer  data)
{
  FidChannelDialog *dialog;
  GtkWidget *text_view;
  GtkWidget *purpose;
  g_autofree char *letters = g_build_filename (fixture->dir, "letters", NULL);

  /* SMS: a marketing SMS to a customer who said no is refused, shown in
   * the dialog, which stays open; as a service message it is queued. */
  dialog = open_channel (fixture, "sms");
  text_view = find_child (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL);
  purpose = find_child (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Purpose");
  g_assert_nonnull (text_view);
  g_assert_nonnull (purpose);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "Nouveau livret à 3 % ! STOP au 36111", -1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (purpose), 1);
  fid_channel_dialog_confirm (dialog);
  spin (50);
  g_assert_true (find_dialog () == dialog);
  g_assert_nonnull (fid_channel_dialog_get_error (dialog));
  g_assert_nonnull (strstr (fid_channel_dialog_get_error (dialog), "opted out"));
  g_assert_cmpuint (count_in_timeline (fixture, "sms"), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (purpose), 0);
  fid_channel_dialog_confirm (dialog);
  spin (50);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (count_in_timeline (fixture, "sms"), ==, 1);

  /* Branch visit: the needs are required. */
  dialog = open_channel (fixture, "branch");
  fid_channel_dialog_confirm (dialog);
  g_assert_nonnull (fid_channel_dialog_get_error (dialog));
  text_view = find_child (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "Souhaite financer l’achat d’un appartement à Lyon.", -1);
  fid_channel_dialog_confirm (dialog);
  spin (50);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (count_in_timeline (fixture, "branch"), ==, 1);

  /* E-mail without a server: told so, nothing recorded. */
  g_settings_set_string (fixture->settings, "smtp-host", "");
  dialog = open_channel (fixture, "email");
  {
    GtkWidget *subject = find_child (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Subject");

    g_assert_nonnull (subject);
    gtk_editable_set_text (GTK_EDITABLE (subject), "Votre rendez-vous");
    text_view = find_child (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "À mardi.", -1);
  }
  fid_channel_dialog_confirm (dialog);
  fid_test_watchdog (FID_TEST_WATCHDOG_S);
  while (fid_channel_dialog_get_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  fid_test_watchdog (0);
  g_assert_nonnull (fid_channel_dialog_get_error (dialog));
  g_assert_nonnull (strstr (fid_channel_dialog_get_error (dialog), "SMTP"));
  g_assert_cmpuint (count_in_timeline (fixture, "email"), ==, 0);
  close_dialogs ();

  /* Postal mail: a PDF, and the letter in the timeline. */
  g_setenv ("FIDELIS_LETTERS_DIR", letters, TRUE);
  dialog = open_channel (fixture, "mail");
  fid_channel_dialog_confirm (dialog);
  fid_test_watchdog (FID_TEST_WATCHDOG_S);
  while (find_dialog () != NULL && fid_channel_dialog_get_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  fid_test_watchdog (0);
  spin (50);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (count_in_timeline (fixture, "mail"), ==, 1);
  g_unsetenv ("FIDELIS_LETTERS_DIR");
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FidPreferencesWindow) preferences = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  GtkSwitch *toggle;

  preferences = g_object_ref_sink (fid_preferences_window_new (GTK_WINDOW (fixture->window), fixture->manager));
  gtk_window_present (GTK_WINDOW (preferences));
  spin (100);

  /* Every plugin is listed. */
  for (guint i = 0; i < g_list_model_get_n_items (fid_plugin_manager_get_plugins (fixture->manager)); i++)
    {
      g_autoptr(FidPlugin) plugin = g_list_model_get_item (fid_plugin_manager_get_plugins (fixture->manager), i);

      g_assert_nonnull (fid_preferences_window_get_plugin_row (preferences, fid_plugin_get_module_name (plugin)));
    }

  /* A core plugin's switch cannot be used. */
  row = fid_preferences_window_get_plugin_row (preferences, "contact");
  toggle = fid_plugin_row_get_switch (FID_PLUGIN_ROW (row));
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (toggle)));

  /* Turning a channel off there takes its action away. */
  row = fid_preferences_window_get_plugin_row (preferences, "channel-sms");
  toggle = fid_plugin_row_get_switch (FID_PLUGIN_ROW (row));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (toggle)));
  gtk_switch_set_active (toggle, FALSE);
  spin (50);
  g_assert_false (fid_plugin_get_loaded (fid_plugin_manager_find_plugin (fixture->manager, "channel-sms")));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "channel.sms", "x", fixture->marie));

  gtk_switch_set_active (toggle, TRUE);
  spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "channel.sms", "x", fixture->marie));
  close_dialogs ();

  gtk_window_destroy (GTK_WINDOW (preferences));
}

static void
test_analyses_page (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *page = fid_window_get_page (fixture->window, "analyses");
  GtkWidget *view;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (page);
  /* Every analysis plugin is listed; the channel mix is run here. */
  g_assert_true (fid_analyses_page_select (FID_ANALYSES_PAGE (page), "segmentation"));
  g_assert_true (fid_analyses_page_select (FID_ANALYSES_PAGE (page), "channel-mix"));
  g_assert_false (fid_analyses_page_select (FID_ANALYSES_PAGE (page), "no-such-analysis"));
  fid_analyses_page_run (FID_ANALYSES_PAGE (page));

  /* The analysis runs in its thread; the view it names shows the result. */
  fid_test_watchdog (FID_TEST_WATCHDOG_S);
  while ((view = find_child (page, FID_TYPE_ANALYTICS_VIEW, NULL)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  fid_test_watchdog (0);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (view), ==, "FidChannelMixView");
  g_assert_cmpuint (fid_analytics_result_get_n_rows (fid_analytics_view_get_result (FID_ANALYTICS_VIEW (view))), ==, 12);

  /* Disabling the analysis plugin takes it off the page. */
  g_assert_true (fid_plugin_manager_set_plugin_enabled (fixture->manager, "analytics-channel-mix", FALSE, &error));
  g_assert_null (find_child (page, FID_TYPE_ANALYTICS_VIEW, NULL));
  g_assert_true (fid_plugin_manager_set_plugin_enabled (fixture->manager, "analytics-channel-mix", TRUE, &error));
}

static void
test_broken_plugins_window (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(FidPreferencesWindow) preferences = NULL;
  GtkWidget *row;
  GtkWidget *label;

  /* Broken plugins found, and the window works all the same. */
  g_assert_nonnull (fid_plugin_get_error (fid_plugin_manager_find_plugin (fixture->manager, "bad-abi")));
  g_assert_nonnull (fid_window_get_page (fixture->window, "contact"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "channel.phone", "x", fixture->marie));
  close_dialogs ();

  preferences = g_object_ref_sink (fid_preferences_window_new (GTK_WINDOW (fixture->window), fixture->manager));
  row = fid_preferences_window_get_plugin_row (preferences, "bad-abi");
  g_assert_nonnull (row);
  label = find_child (row, GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (label);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *broken = NULL;
  g_autofree char *home = g_dir_make_tmp ("fidelis-plugin-ui-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);

  /* Private state (crash sentinel) and data (user plugins) folders, but
   * the system's XDG_DATA_DIRS: GTK needs the MIME database to load its
   * SVG icons, so not G_TEST_OPTION_ISOLATE_DIRS here. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (fid_test_ignore_libpeas, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display: run the ui suite under Xvfb");
      return g_test_run ();
    }
  adw_init ();

  broken = g_test_build_filename (G_TEST_DIST, "broken", NULL);

  g_test_add ("/plugins/ui/window-addin", Fixture, NULL, fixture_set_up, test_window_addin, fixture_tear_down);
  g_test_add ("/plugins/ui/editors", Fixture, NULL, fixture_set_up, test_editors, fixture_tear_down);
  g_test_add ("/plugins/ui/analyses", Fixture, NULL, fixture_set_up, test_analyses_page, fixture_tear_down);
  g_test_add ("/plugins/ui/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/plugins/ui/broken-plugins", Fixture, broken, fixture_set_up, test_broken_plugins_window, fixture_tear_down);

  return g_test_run ();
}
