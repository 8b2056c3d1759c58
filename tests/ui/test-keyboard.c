/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The main window with the keyboard alone (issue 8), on a demo bank with
 * the built-in plugins: Tab reaches the sidebar, the search entry and the
 * customer list; then, with key presses only,
 *   (a) find a customer: search, move to the list, Enter → the 360 view;
 *   (b) Add Interaction from the 360 view (Tab to it, Enter; and Ctrl+I)
 *       → the meeting report dialog, Escape closes it;
 *   (c) the Segmentation page from the sidebar, Run → a result;
 *   (d) the Surveys page, a survey, its Results → the charts;
 * and in a narrow window, where the sidebar folds away, Alt+Left brings
 * it back and Enter on a page goes to that page.
 * Tab never goes through the list's rows one by one (see
 * fid_form_tab_leaves_list ()). Every step asserts what the user would see. Keys go through GTK's own
 * bindings (see fid_ui_press_key () in fid-ui-test-util.h for how and what
 * that leaves out); nothing calls the application directly, so a step that
 * needs the mouse fails here. */

#include "config.h"

#include "fid-customer-page.h"
#include "fid-interaction-dialog.h"
#include "fid-segmentation-page.h"
#include "fid-surveys-page.h"
#include "fid-ui-test-util.h"

#define N_CUSTOMERS 300
#define SEED 11
/* Enough Tab presses to go round the biggest page. */
#define MAX_TABS 120

typedef FidUiFixture Fixture;

static GtkWindow *
window_of (Fixture *fixture)
{
  return GTK_WINDOW (fixture->window);
}

static GtkWidget *
focus_of (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

/* For failure messages: the focus widget and its ancestors. */
static char *
describe_focus (Fixture *fixture)
{
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = focus_of (fixture); w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));

      if (path->len > 0)
        g_string_prepend (path, " > ");
      if (id != NULL && g_strcmp0 (id, G_OBJECT_TYPE_NAME (w)) != 0)
        {
          g_string_prepend (path, id);
          g_string_prepend_c (path, '#');
        }
      g_string_prepend (path, G_OBJECT_TYPE_NAME (w));
    }

  return g_string_free (path, FALSE);
}

static void
press (Fixture         *fixture,
       guint            keyval,
       GdkModifierType  mods)
{
  if (!fid_ui_press_key (window_of (fixture), keyval, mods))
    {
      g_autofree char *focus = describe_focus (fixture);

      g_error ("Nothing handled key %s (mods %x) with the focus on %s",
               gdk_keyval_name (keyval), mods, focus);
    }
}

/* Focus predicates --------------------------------------------------------- */

static gboolean
interaction_dialog_is_shown (gpointer data)
{
  return fid_ui_find_toplevel (FID_TYPE_INTERACTION_DIALOG, data) != NULL;
}

static gboolean
is_in_widget (GtkWidget *focus,
              gpointer   widget)
{
  return fid_ui_is_ancestor (focus, widget);
}

static gboolean
is_widget_with_id (GtkWidget *widget,
                   gpointer   id)
{
  return GTK_IS_BUILDABLE (widget) &&
         g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

/* The sidebar's list of pages. */
static GtkWidget *
get_sidebar (Fixture *fixture)
{
  GtkWidget *sidebar = fid_ui_find_widget (GTK_WIDGET (fixture->window), FALSE,
                                           is_widget_with_id, "sidebar_list");

  g_assert_nonnull (sidebar);
  return sidebar;
}

static GtkWidget *
get_search_entry (Fixture *fixture)
{
  GtkWidget *customers = fid_window_get_page (fixture->window, "customers");
  GtkWidget *entry = fid_ui_find_widget (customers, FALSE, is_widget_with_id, "search_entry");

  g_assert_nonnull (entry);
  return entry;
}

static gboolean
is_button_with_action (GtkWidget *widget,
                       gpointer   action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
is_sidebar_row (GtkWidget *focus,
                gpointer   page_id)
{
  return GTK_IS_LIST_BOX_ROW (focus) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (focus), "fid-page-id"), page_id) == 0;
}

static void
tab_to (Fixture           *fixture,
        FidUiWidgetFilter  condition,
        gpointer           data,
        const char        *what)
{
  if (!fid_ui_tab_until (window_of (fixture), FALSE, condition, data, MAX_TABS))
    {
      g_autofree char *focus = describe_focus (fixture);

      g_error ("Tab never reached %s (the focus is on %s)", what, focus);
    }
}

/* Goes to the sidebar with Tab, then to @page_id's row with the arrows,
 * and opens it with Enter. */
static void
open_page_with_keys (Fixture    *fixture,
                     const char *page_id)
{
  GtkWidget *sidebar = get_sidebar (fixture);
  guint n;

  tab_to (fixture, is_in_widget, sidebar, "the sidebar");
  /* Down to the row, wrapping round once from the top at most. */
  for (n = 0; n < 40 && !is_sidebar_row (focus_of (fixture), (gpointer) page_id); n++)
    press (fixture, n < 20 ? GDK_KEY_Down : GDK_KEY_Up, 0);
  g_assert_true (is_sidebar_row (focus_of (fixture), (gpointer) page_id));

  press (fixture, GDK_KEY_Return, 0);
  fid_ui_spin (200);
  g_assert_cmpstr (fid_window_get_visible_page (fixture->window), ==, page_id);
}

/* Steps ---------------------------------------------------------------------- */

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

/* Tab goes round the whole window and passes the sidebar, the search
 * entry and the customer list. */
static void
test_tab_order (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *sidebar = get_sidebar (fixture);
  GtkWidget *search = get_search_entry (fixture);
  GtkWidget *list = GTK_WIDGET (fid_window_get_column_view (fixture->window));
  gboolean in_sidebar = FALSE, in_search = FALSE, in_list = FALSE;
  GtkWidget *first = NULL;
  guint n;

  for (n = 0; n < MAX_TABS; n++)
    {
      GtkWidget *focus;

      press (fixture, GDK_KEY_Tab, 0);
      focus = focus_of (fixture);
      g_assert_nonnull (focus);
      if (g_test_verbose ())
        {
          g_autofree char *where = describe_focus (fixture);

          g_test_message ("Tab %u: %s", n + 1, where);
        }
      in_sidebar |= fid_ui_is_ancestor (focus, sidebar);
      in_search |= fid_ui_is_ancestor (focus, search);
      in_list |= fid_ui_is_ancestor (focus, list);
      if (first == NULL)
        first = focus;
      else if (focus == first)
        break;
    }
  g_test_message ("Tab goes round the customers page in %u presses", n + 1);

  g_assert_true (in_sidebar);
  g_assert_true (in_search);
  g_assert_true (in_list);
  /* And comes back where it started. */
  g_assert_true (focus_of (fixture) == first);

  /* In the list, Tab and Shift+Tab leave it at once (GTK 4.8 would go
   * through every row: 300 presses here, a million on a big bank). */
  tab_to (fixture, is_in_widget, list, "the customer list");
  press (fixture, GDK_KEY_Tab, 0);
  g_assert_false (fid_ui_is_ancestor (focus_of (fixture), list));
  tab_to (fixture, is_in_widget, list, "the customer list");
  press (fixture, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_false (fid_ui_is_ancestor (focus_of (fixture), list));
  /* The arrows still move between rows. */
  tab_to (fixture, is_in_widget, list, "the customer list");
  {
    GtkWidget *row = focus_of (fixture);

    press (fixture, GDK_KEY_Down, 0);
    g_assert_true (fid_ui_is_ancestor (focus_of (fixture), list));
    g_assert_true (focus_of (fixture) != row);
  }
}

static gboolean
list_has_n_items (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];
  guint n = GPOINTER_TO_UINT (((gpointer *) data)[1]);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (fid_window_get_column_view (fixture->window)));

  return !fid_window_get_busy (fixture->window) && model != NULL && g_list_model_get_n_items (model) == n;
}

/* (a) and (b). */
static void
test_find_customer_and_add_interaction (Fixture       *fixture,
                                        gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (fid_window_get_column_view (fixture->window)));
  GtkWidget *list = GTK_WIDGET (fid_window_get_column_view (fixture->window));
  FidCustomerPage *customer_page = FID_CUSTOMER_PAGE (fid_window_get_page (fixture->window, "customer"));
  g_autoptr(FidCustomer) wanted = g_list_model_get_item (model, N_CUSTOMERS / 2);
  g_autofree char *name = fid_customer_dup_display_name (wanted);
  gpointer one[2] = { fixture, GUINT_TO_POINTER (1) };
  GtkWindow *dialog;
  GtkWidget *add_button;

  /* (a) Tab to the search entry, type the name (e-mail: one customer). */
  tab_to (fixture, is_in_widget, get_search_entry (fixture), "the search entry");
  fid_ui_type_text (window_of (fixture), fid_customer_get_email (wanted));
  g_assert_true (fid_ui_wait_until (list_has_n_items, one, FID_UI_TIMEOUT_MS));

  /* To the list, Enter on the row: the 360 view of that customer. */
  tab_to (fixture, is_in_widget, list, "the customer list");
  press (fixture, GDK_KEY_Return, 0);
  fid_ui_spin (300);
  g_assert_cmpstr (fid_window_get_visible_page (fixture->window), ==, "customer");
  g_assert_cmpint (fid_customer_page_get_customer_id (customer_page), ==, fid_customer_get_id (wanted));
  g_assert_nonnull (fid_ui_find_label (GTK_WIDGET (customer_page), name));

  /* (b) Tab to Add Interaction, Enter: the meeting report dialog. */
  tab_to (fixture, is_button_with_action, "customer.add-interaction", "Add Interaction");
  add_button = focus_of (fixture);
  g_assert_true (gtk_widget_is_ancestor (add_button, GTK_WIDGET (customer_page)));
  press (fixture, GDK_KEY_Return, 0);
  /* A button clicks a moment after Enter (it shows itself pressed). */
  g_assert_true (fid_ui_wait_until (interaction_dialog_is_shown, window_of (fixture), 2000));
  dialog = fid_ui_find_toplevel (FID_TYPE_INTERACTION_DIALOG, window_of (fixture));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == window_of (fixture));

  /* The dialog has the focus in a field, and Escape closes it. */
  fid_ui_spin (100);
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (dialog)));
  g_assert_true (fid_ui_press_key (dialog, GDK_KEY_Escape, 0));
  fid_ui_spin (100);
  g_assert_null (fid_ui_find_toplevel (FID_TYPE_INTERACTION_DIALOG, window_of (fixture)));

  /* Ctrl+I from the 360 view opens it too. */
  press (fixture, GDK_KEY_i, GDK_CONTROL_MASK);
  dialog = fid_ui_find_toplevel (FID_TYPE_INTERACTION_DIALOG, window_of (fixture));
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  /* Alt+Left goes back to the list. */
  press (fixture, GDK_KEY_Left, GDK_ALT_MASK);
  g_assert_cmpstr (fid_window_get_visible_page (fixture->window), ==, "customers");
}

/* (c) */
static void
test_run_segmentation (Fixture       *fixture,
                       gconstpointer  data)
{
  FidSegmentationPage *page = FID_SEGMENTATION_PAGE (fid_window_get_page (fixture->window, "segmentation"));
  gint64 until;

  open_page_with_keys (fixture, "segmentation");

  /* Tab to Run (the method and date keep their defaults), Enter. */
  tab_to (fixture, is_widget_with_id, "run_button", "Run");
  press (fixture, GDK_KEY_Return, 0);

  until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (fid_segmentation_page_get_result (page) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  fid_ui_spin (200);

  /* The result is shown: its chart (with its summary) and its table. */
  g_assert_nonnull (fid_segmentation_page_get_result (page));
  g_assert_nonnull (fid_segmentation_page_get_view (page));
  g_assert_true (gtk_widget_get_mapped (fid_segmentation_page_get_view (page)));
}

static gboolean
is_results_switch (GtkWidget *widget,
                   gpointer   data)
{
  const char *text = NULL;

  /* AdwViewSwitcher's buttons: a toggle button showing "Results". */
  if (!GTK_IS_TOGGLE_BUTTON (widget))
    return FALSE;

  return fid_ui_find_label (widget, "Results") != NULL ||
         ((text = gtk_widget_get_tooltip_text (widget)) != NULL && g_str_equal (text, "Results"));
}

/* (d) */
static void
test_open_survey_result (Fixture       *fixture,
                         gconstpointer  data)
{
  FidSurveysPage *page = FID_SURVEYS_PAGE (fid_window_get_page (fixture->window, "surveys"));
  FidSurveyResults *results = fid_surveys_page_get_results (page);
  GtkWidget *survey_list;
  GtkWidget *view_stack;
  gint64 first_survey;

  open_page_with_keys (fixture, "surveys");
  survey_list = fid_ui_find_widget (GTK_WIDGET (page), FALSE, is_widget_with_id, "survey_list");
  view_stack = fid_ui_find_widget (GTK_WIDGET (page), FALSE, is_widget_with_id, "view_stack");
  g_assert_nonnull (survey_list);
  g_assert_nonnull (view_stack);

  /* Into the list of surveys, and down to the second one (the cursor
   * selects in a browse list). */
  tab_to (fixture, is_in_widget, survey_list, "the list of surveys");
  first_survey = fid_surveys_page_get_survey_id (page);
  press (fixture, GDK_KEY_Down, 0);
  fid_ui_spin (300);
  g_assert_cmpint (fid_surveys_page_get_survey_id (page), !=, 0);
  g_assert_cmpint (fid_surveys_page_get_survey_id (page), !=, first_survey);

  /* Tab to the Results switch, Space: the results view with its charts. */
  tab_to (fixture, is_results_switch, NULL, "the Results view switch");
  press (fixture, GDK_KEY_space, 0);
  fid_ui_spin (300);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (view_stack)), ==, "results");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (results)));
  g_assert_nonnull (fid_survey_results_get_summary (results));
  g_assert_cmpstr (fid_survey_results_get_summary (results), !=, "");
}

static gboolean
is_leaflet (GtkWidget *widget,
            gpointer   data)
{
  return ADW_IS_LEAFLET (widget);
}

static gboolean
leaflet_is_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

/* A narrow window: the sidebar folds away; the keyboard still gets there
 * and back. */
static void
test_narrow_window (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (fid_ui_find_widget (GTK_WIDGET (fixture->window), FALSE, is_leaflet, NULL));
  GtkWidget *sidebar = get_sidebar (fixture);

  g_assert_false (adw_leaflet_get_folded (leaflet));
  gtk_window_set_default_size (window_of (fixture), 640, 480);
  g_assert_true (fid_ui_wait_until (leaflet_is_folded, leaflet, 5000));
  fid_ui_spin (300);

  /* The list is shown, not the sidebar. */
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_false (gtk_widget_get_mapped (sidebar) && gtk_widget_get_child_visible (sidebar));

  /* Alt+Left: the sidebar; Tab into it, Down to Tickets, Enter: the
   * tickets, full width. */
  tab_to (fixture, is_in_widget, get_search_entry (fixture), "the search entry");
  press (fixture, GDK_KEY_Left, GDK_ALT_MASK);
  fid_ui_spin (400);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
  open_page_with_keys (fixture, "tickets");
  fid_ui_spin (400);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fidelis-keyboard-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  /* No AT-SPI bus under the test (see tests/meson.build). */
  g_setenv ("GTK_A11Y", "test", FALSE);
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

  g_test_add ("/keyboard/tab-order", Fixture, NULL, fixture_set_up, test_tab_order, fixture_tear_down);
  g_test_add ("/keyboard/find-customer-add-interaction", Fixture, NULL, fixture_set_up,
              test_find_customer_and_add_interaction, fixture_tear_down);
  g_test_add ("/keyboard/run-segmentation", Fixture, NULL, fixture_set_up, test_run_segmentation, fixture_tear_down);
  g_test_add ("/keyboard/open-survey-result", Fixture, NULL, fixture_set_up, test_open_survey_result, fixture_tear_down);
  g_test_add ("/keyboard/narrow-window", Fixture, NULL, fixture_set_up, test_narrow_window, fixture_tear_down);

  return g_test_run ();
}
