/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Help and shortcuts (issue 8): F1 opens the user guide's page about the
 * visible page, whichever page that is; the Keyboard Shortcuts window is
 * loaded from the resources and lists every application accelerator; the
 * primary menu offers both. Needs a display (run under Xvfb); without one
 * the tests are skipped, not passed. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fid-application.h"
#include "fid-demo.h"
#include "fid-window.h"

#define N_CUSTOMERS 30
#define SEED 42
#define TIMEOUT_MS 20000
#define HELP "help:" APP_ID "/"

static gboolean have_display;
static FidApplication *app;

typedef gboolean (*Condition) (gpointer data);

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

static gboolean
iterate_until (Condition condition,
               gpointer  data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (TIMEOUT_MS, on_timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout);

  return !timed_out;
}

static gboolean
window_is_loaded (gpointer data)
{
  FidWindow *window = data;

  return !fid_window_get_busy (window) &&
         g_strcmp0 (fid_window_get_visible_page (window), "customers") == 0 &&
         gtk_column_view_get_model (fid_window_get_column_view (window)) != NULL;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
destroy_all_windows (void)
{
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
}

#define assert_help_uri(window, page) \
  G_STMT_START { \
    g_autofree char *uri_ = fid_window_dup_help_uri (window); \
    g_assert_cmpstr (uri_, ==, HELP page); \
  } G_STMT_END

/* Every page of the window, the 360 view included, has its help page; a
 * page the guide does not know and no database at all get the index. */
static void
test_help_uri_follows_page (void)
{
  /* The plugins' pages (plugins/NAME/fid-NAME-addin.c), stood in for by labels:
   * the window only knows them by id. */
  static const char * const plugin_pages[] = {
    "contact", "segmentation", "analyses", "surveys", "dashboard", "my-dashboard",
    "campaigns", "workshop", "map", "loyalty",
  };
  static const char * const own_pages[] = { "follow-ups", "tickets", "customers" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FidDemo) demo = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(FidCustomer) first = NULL;
  GListModel *model;
  FidWindow *window;

  if (!have_display)
    {
      g_test_skip ("No display: run the ui suite under xvfb-run");
      return;
    }

  dir = g_dir_make_tmp ("fidelis-help-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo-bank.db", NULL);
  demo = fid_demo_new (N_CUSTOMERS, SEED);
  fid_demo_write (demo, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  window = fid_window_new (app, NULL);
  gtk_window_present (GTK_WINDOW (window));

  /* No database: the guide's first page. */
  assert_help_uri (window, "index");

  fid_window_set_store (window, store);
  /* Still loading: the index too. */
  assert_help_uri (window, "index");
  g_assert_true (iterate_until (window_is_loaded, window));
  assert_help_uri (window, "customers");

  for (guint i = 0; i < G_N_ELEMENTS (plugin_pages); i++)
    fid_window_add_page (window, plugin_pages[i], plugin_pages[i], NULL, gtk_label_new (plugin_pages[i]));
  fid_window_add_page (window, "fax", "Fax", NULL, gtk_label_new ("A third-party plugin's page"));

  for (guint i = 0; i < G_N_ELEMENTS (plugin_pages); i++)
    {
      g_autofree char *expected = g_strconcat (HELP, plugin_pages[i], NULL);
      g_autofree char *uri = NULL;

      g_assert_true (fid_window_show_page (window, plugin_pages[i]));
      uri = fid_window_dup_help_uri (window);
      g_assert_cmpstr (uri, ==, expected);
    }

  /* The Pipeline is explained with the next best offer. */
  fid_window_add_page (window, "pipeline", "Pipeline", NULL, gtk_label_new ("pipeline"));
  g_assert_true (fid_window_show_page (window, "pipeline"));
  assert_help_uri (window, "next-best-offer");

  /* A page the guide does not cover. */
  g_assert_true (fid_window_show_page (window, "fax"));
  assert_help_uri (window, "index");

  for (guint i = 0; i < G_N_ELEMENTS (own_pages); i++)
    {
      g_autofree char *expected = g_strconcat (HELP, own_pages[i], NULL);
      g_autofree char *uri = NULL;

      /* Through the action the sidebar and menus use. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", own_pages[i]);
      g_assert_cmpstr (fid_window_get_visible_page (window), ==, own_pages[i]);
      uri = fid_window_dup_help_uri (window);
      g_assert_cmpstr (uri, ==, expected);
    }

  /* The 360 view, opened from the list, and back. */
  model = G_LIST_MODEL (gtk_column_view_get_model (fid_window_get_column_view (window)));
  first = g_list_model_get_item (model, 0);
  g_assert_nonnull (first);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-customer", "x", fid_customer_get_id (first));
  g_assert_cmpstr (fid_window_get_visible_page (window), ==, "customer");
  assert_help_uri (window, "customer");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  assert_help_uri (window, "customers");

  /* The database closed: the index again. */
  fid_window_set_store (window, NULL);
  assert_help_uri (window, "index");

  destroy_all_windows ();
  g_clear_object (&store);
  remove_dir (dir);
}

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *accelerators)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (accelerator, " ", -1);

          for (guint i = 0; parts[i] != NULL; i++)
            if (parts[i][0] != '\0')
              g_ptr_array_add (accelerators, g_strdup (parts[i]));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, accelerators);
}

static gboolean
accelerator_listed (GPtrArray  *listed,
                    const char *accelerator)
{
  guint keyval;
  GdkModifierType mods;

  if (!gtk_accelerator_parse (accelerator, &keyval, &mods))
    return FALSE;

  for (guint i = 0; i < listed->len; i++)
    {
      guint other_keyval;
      GdkModifierType other_mods;

      if (gtk_accelerator_parse (g_ptr_array_index (listed, i), &other_keyval, &other_mods) &&
          gdk_keyval_to_lower (other_keyval) == gdk_keyval_to_lower (keyval) && other_mods == mods)
        return TRUE;
    }

  return FALSE;
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *button = find_primary_menu_button (child);

      if (button != NULL)
        return button;
    }

  return NULL;
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;

      section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

/* The Keyboard Shortcuts window comes from the resources, Ctrl+? and the
 * primary menu open it, and it lists every accelerator of the application
 * and the window's own keys; F1 is Help, also in the menu; the window icon
 * is the application's, found in the resources. */
static void
test_shortcuts_and_menu (void)
{
  static const char * const window_keys[] = {
    "<Control>f", "<Control>n", "<Control>i", "<Control>e", "<Control>w", "<Alt>Left",
  };
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) actions = NULL;
  g_auto(GStrv) help_accels = NULL;
  g_auto(GStrv) overlay_accels = NULL;
  GtkShortcutsWindow *overlay;
  GtkMenuButton *menu_button;
  FidWindow *window;

  if (!have_display)
    {
      g_test_skip ("No display: run the ui suite under xvfb-run");
      return;
    }

  window = fid_window_new (app, NULL);
  gtk_window_present (GTK_WINDOW (window));

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  overlay_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *) overlay_accels, "<Control>question"));

  help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_assert_true (g_strv_contains ((const char * const *) help_accels, "F1"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));

  collect_shortcuts (GTK_WIDGET (overlay), listed);
  g_assert_cmpuint (listed->len, >, 0);

  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = NULL;

      if (g_strcmp0 (actions[i], "win.show-help-overlay") == 0)
        continue;  /* "<Control>?" alongside "<Control>question" */

      accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);
      for (guint j = 0; accels[j] != NULL; j++)
        {
          g_test_message ("%s: %s", actions[i], accels[j]);
          g_assert_true (accelerator_listed (listed, accels[j]));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (window_keys); i++)
    {
      g_test_message ("window: %s", window_keys[i]);
      g_assert_true (accelerator_listed (listed, window_keys[i]));
    }
  g_assert_true (accelerator_listed (listed, "<Control>question"));

  /* Ctrl+? shows it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));

  menu_button = find_primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "win.show-help-overlay"));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "app.help"));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "app.preferences"));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "app.about"));

  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APP_ID);
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window))),
                                          APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window))),
                                          APP_ID "-symbolic"));

  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      g_autoptr(GError) error = NULL;

      adw_init ();
      app = g_object_new (FID_TYPE_APPLICATION,
                          "application-id", "io.github.fidelis.Fidelis.Test",
                          "resource-base-path", "/io/github/fidelis/Fidelis",
                          "flags", G_APPLICATION_NON_UNIQUE,
                          NULL);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  g_test_add_func ("/ui/help/uri-follows-page", test_help_uri_follows_page);
  g_test_add_func ("/ui/help/shortcuts-and-menu", test_shortcuts_and_menu);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
