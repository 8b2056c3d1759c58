/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window in French (issue 8): started with LANGUAGE=fr on the
 * catalogue this build compiled (po/), the main window, its .ui templates
 * and the plugins' pages show French labels. Like the app, it sets the
 * locale from the environment and binds the text domain before GTK starts;
 * the suite runs with LC_ALL=C.UTF-8, under which gettext honours LANGUAGE
 * (it ignores it only in the C/POSIX locale), so the machine needs no
 * fr_FR locale. */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "fid-ui-test-util.h"

#define N_CUSTOMERS 50
#define SEED 3

typedef FidUiFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fid_ui_fixture_set_up (fixture, N_CUSTOMERS, SEED, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fid_ui_fixture_tear_down (fixture);
}

static gboolean
is_sidebar_row_label (GtkWidget *widget,
                      gpointer   text)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return fid_ui_is_label_with_text (widget, text) &&
         row != NULL && g_object_get_data (G_OBJECT (row), "fid-page-id") != NULL;
}

static gboolean
is_widget_with_id (GtkWidget *widget,
                   gpointer   id)
{
  return GTK_IS_BUILDABLE (widget) &&
         g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

static void
test_window_in_french (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *customers = fid_window_get_page (fixture->window, "customers");
  GtkWidget *search;
  GtkWidget *portfolio;

  /* The sidebar (strings in C, the window's and a plugin's). */
  g_assert_nonnull (fid_ui_find_widget (window, TRUE, is_sidebar_row_label, "Clients"));
  g_assert_nonnull (fid_ui_find_widget (window, TRUE, is_sidebar_row_label, "Enquêtes"));
  g_assert_null (fid_ui_find_widget (window, FALSE, is_sidebar_row_label, "Customers"));

  /* The customer list's template (.ui strings): the search entry's hint,
   * a button with a mnemonic, a column title. */
  search = fid_ui_find_widget (customers, FALSE, is_widget_with_id, "search_entry");
  g_assert_nonnull (search);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  {
    g_autofree char *placeholder = NULL;

    g_object_get (search, "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, "Rechercher par nom, e-mail, téléphone ou ville");
  }
  portfolio = fid_ui_find_widget (customers, FALSE, is_widget_with_id, "portfolio_button");
  g_assert_nonnull (portfolio);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (portfolio)), ==, "_Mon portefeuille");
  g_assert_nonnull (fid_ui_find_label (customers, "Nom"));

  /* The 360 view's main action. */
  {
    GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (fid_window_get_column_view (fixture->window)));
    g_autoptr(FidCustomer) customer = g_list_model_get_item (model, 0);

    fid_window_show_customer (fixture->window, fid_customer_get_id (customer));
    fid_ui_spin (300);
    g_assert_nonnull (fid_ui_find_label (fid_window_get_page (fixture->window, "customer"), "Nouvelle interaction"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fidelis-french-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *catalogue = g_build_filename (FIDELIS_TEST_LOCALEDIR, "fr", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);
  const char *messages;

  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("GTK_A11Y", "test", FALSE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  /* As app/main.c does, with the build's catalogue. */
  setlocale (LC_ALL, "");
  messages = setlocale (LC_MESSAGES, NULL);
  /* LANGUAGE means nothing in the C locale: take its UTF-8 twin. */
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, FIDELIS_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (fid_test_ignore_libpeas, NULL);

  /* Not built is a failure, not a skip. */
  if (!g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
    g_error ("No French catalogue at %s: build the po targets", catalogue);
  /* The catalogue is read (the locale lets gettext use it). */
  g_assert_cmpstr (_("Customers"), ==, "Clients");

  /* GTK would set the locale from the environment again. */
  gtk_disable_setlocale ();
  if (!gtk_init_check ())
    {
      g_test_skip ("No display: run the ui suite under Xvfb");
      return g_test_run ();
    }
  adw_init ();

  g_test_add ("/french/window", Fixture, NULL, fixture_set_up, test_window_in_french, fixture_tear_down);

  return g_test_run ();
}
