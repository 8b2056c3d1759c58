/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Accessible names (issue 8): every control a screen-reader user can reach
 * has a name, on every page of the main window (with the built-in plugins,
 * on a demo bank), in the customer's 360 view, and in the dialogs they
 * open.
 *
 * What "has a name" means here is what GTK 4.8 sends to AT-SPI, checked
 * against Orca's view of the running app (an AT-SPI client listing every
 * object's name): an object's name is its "label" accessible property,
 * else the "label" property of what its "labelled-by" relation points to
 * (one level: a button is labelled by its GtkLabel child, an entry by its
 * mnemonic label, a switch or spin button in an AdwActionRow by the row's
 * title, a GtkMenuButton's inner button by the menu button). Nothing else
 * counts in 4.8: a tooltip is only the *description* (an icon-only button
 * with a tooltip is announced as "GtkImage"), a placeholder is nothing
 * (a search entry is announced as "GtkSearchEntry").
 *
 * GTK 4.8 has no public getter for a computed name, so the test runs with
 * GTK_A11Y=test: every widget gets GTK's test accessibility context, whose
 * properties and relations the public gtk_test_accessible_* API reads. A
 * relation's target is found by asking, for candidate widgets near the
 * control, whether the relation is exactly that widget.
 *
 * Audited: every visible widget (pages not shown and closed popovers
 * included) whose role is a control (button, check box, switch, text box,
 * search box, spin button, combo box, slider, link, radio, menu item) and
 * that takes the keyboard focus — plus GtkDropDown, whose focusable inner
 * button GTK 4.8 leaves unnamed whatever the application does (the combo
 * box around it carries the name). Activatable list rows pass with a name
 * or with text of their own (what Orca reads for a list item). */

#include "config.h"

#include "fid-customer-page.h"
#include "fid-preferences-window.h"
#include "fid-segmentation-page.h"
#include "fid-surveys-page.h"
#include "fid-ui-test-util.h"

#define N_CUSTOMERS 400
#define SEED 8

typedef FidUiFixture Fixture;

static gboolean
is_control_role (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The "label" property is set and not empty. */
static gboolean
has_label (GtkWidget *widget)
{
  g_autofree char *difference = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;

  /* NULL when the label equals "". */
  difference = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  return difference != NULL;
}

static gboolean
is_sole_referent (GtkWidget *widget,
                  GtkWidget *candidate)
{
  g_autofree char *difference = NULL;

  if (candidate == widget)
    return FALSE;
  difference = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                   candidate, NULL);
  return difference == NULL;
}

static GtkWidget *
find_referent_below (GtkWidget *widget,
                     GtkWidget *under)
{
  if (is_sole_referent (widget, under))
    return under;

  for (GtkWidget *child = gtk_widget_get_first_child (under);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_referent_below (widget, child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What @widget's labelled-by relation points to: its children first (a
 * button's label), its mnemonic labels, then wider and wider around it. */
static GtkWidget *
find_referent (GtkWidget *widget)
{
  GtkWidget *found = find_referent_below (widget, widget);
  GList *mnemonic_labels;

  if (found != NULL)
    return found;

  mnemonic_labels = gtk_widget_list_mnemonic_labels (widget);
  for (GList *l = mnemonic_labels; l != NULL && found == NULL; l = l->next)
    if (is_sole_referent (widget, l->data))
      found = l->data;
  g_list_free (mnemonic_labels);

  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       found == NULL && ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    found = find_referent_below (widget, ancestor);

  return found;
}

static gboolean
has_text_of_its_own (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

      if (text[0] != '\0')
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text_of_its_own (child))
      return TRUE;

  return FALSE;
}

/* TRUE when GTK 4.8 gives @widget a name; @note says how when it could
 * not tell (a relation to several widgets). */
static gboolean
has_accessible_name (GtkWidget  *widget,
                     char      **note)
{
  GtkWidget *referent;

  if (has_label (widget))
    return TRUE;
  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;

  referent = find_referent (widget);
  if (referent == NULL)
    {
      /* Labelled by several widgets: counted as named. */
      *note = g_strdup ("labelled by several widgets");
      return TRUE;
    }

  return has_label (referent);
}

/* "FidWindow > … > GtkButton#id ‘tooltip’": enough to find it. */
static char *
describe (GtkWidget *widget)
{
  GString *path = g_string_new (NULL);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  guint depth = 0;

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) : NULL;
      const char *type = G_OBJECT_TYPE_NAME (w);

      /* Widgets not made by GtkBuilder answer with their type. */
      if (g_strcmp0 (id, type) == 0)
        id = NULL;

      /* The widget, its named ancestors, our own types and GTK's
       * calendar (whose inner buttons GTK 4.8 leaves unnamed). */
      if (w != widget && id == NULL && !g_str_has_prefix (type, "Fid") && !GTK_IS_CALENDAR (w))
        continue;
      if (depth++ > 0)
        g_string_prepend (path, " > ");
      if (id != NULL)
        {
          g_string_prepend (path, id);
          g_string_prepend_c (path, '#');
        }
      g_string_prepend (path, type);
    }

  /* A menu button's inner button: say what the menu button shows. */
  if (GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    {
      widget = gtk_widget_get_parent (widget);
      tooltip = gtk_widget_get_tooltip_text (widget);
    }
  if (tooltip != NULL)
    g_string_append_printf (path, " (tooltip “%s”)", tooltip);
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (path, " (icon %s)", gtk_button_get_icon_name (GTK_BUTTON (widget)));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL)
    g_string_append_printf (path, " (icon %s)", gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)));

  return g_string_free (path, FALSE);
}

typedef struct
{
  GHashTable *seen;      /* set of GtkWidget: each audited once */
  GPtrArray  *unnamed;   /* descriptions */
  guint       n_checked;
} Audit;

static void
audit_widget (Audit     *audit,
              GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  /* An entry takes the focus through its inner text (which has no role). */
  gboolean focusable = gtk_widget_get_focusable (widget) ||
                       (GTK_IS_EDITABLE (widget) && gtk_editable_get_delegate (GTK_EDITABLE (widget)) != NULL);
  gboolean control = is_control_role (role) && focusable;
  gboolean row = GTK_IS_LIST_BOX_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget));
  g_autofree char *note = NULL;

  /* A popover is hidden until it opens: audit what it holds anyway. */
  if (!gtk_widget_get_visible (widget) && !GTK_IS_POPOVER (widget))
    return;

  if (GTK_IS_DROP_DOWN (widget))
    control = TRUE;
  /* Inside a drop-down: its inner button (see above) and its list. */
  if (GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget))
    {
      if (!has_accessible_name (widget, &note))
        g_ptr_array_add (audit->unnamed, describe (widget));
      audit->n_checked++;
      return;
    }

  if ((control || row) && !g_hash_table_contains (audit->seen, widget))
    {
      g_hash_table_add (audit->seen, widget);
      audit->n_checked++;
      if (!has_accessible_name (widget, &note) && !(row && has_text_of_its_own (widget)))
        g_ptr_array_add (audit->unnamed, describe (widget));
      else if (note != NULL)
        {
          g_autofree char *where = describe (widget);

          g_test_message ("%s: %s", where, note);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    audit_widget (audit, child);
}

/* Audits @window; adds "where: description" to @unnamed. */
static void
audit_window (GtkWindow  *window,
              const char *where,
              GPtrArray  *unnamed)
{
  Audit audit = { g_hash_table_new (NULL, NULL), g_ptr_array_new_with_free_func (g_free), 0 };

  audit_widget (&audit, GTK_WIDGET (window));
  g_test_message ("%s: %u controls checked, %u without a name", where, audit.n_checked, audit.unnamed->len);
  for (guint i = 0; i < audit.unnamed->len; i++)
    {
      const char *what = g_ptr_array_index (audit.unnamed, i);
      gboolean known = FALSE;

      /* The same control seen on two visits is reported once, with the
       * visit that found it first. */
      for (guint j = 0; j < unnamed->len && !known; j++)
        known = g_str_has_suffix (g_ptr_array_index (unnamed, j), what);
      if (!known)
        g_ptr_array_add (unnamed, g_strdup_printf ("[%s] %s", where, what));
    }

  g_hash_table_unref (audit.seen);
  g_ptr_array_unref (audit.unnamed);
}

/* Controls that do not fail the test, each reported as a message:
 *
 * - made in code that another change is rewriting right now: remove the
 *   entry with the fix;
 * - inside GTK 4.8 and libadwaita 1.2 composites, out of the application's
 *   reach (named in later versions): GtkCalendar's month and year arrows,
 *   the "Show Text" button of AdwPasswordEntryRow, AdwPreferencesWindow's
 *   search button and entry.
 *
 * Each entry is "Ancestor > Control": an ancestor type or id and the start
 * of the control's description. Nothing else may be added here: name the
 * control. */
static const struct
{
  const char *what;
  const char *why;
} allowed_unnamed[] = {
  { "GtkCalendar > GtkButton (icon pan-start-symbolic)", "GTK 4.8" },
  { "GtkCalendar > GtkButton (icon pan-end-symbolic)", "GTK 4.8" },
  { "AdwPasswordEntryRow > GtkButton (tooltip “Show Text”)", "libadwaita 1.2" },
  { "FidPreferencesWindow > GtkSearchEntry#search_entry", "libadwaita 1.2" },
  { "FidPreferencesWindow > GtkToggleButton#search_button", "libadwaita 1.2" },
};

/* @description names both parts of an allowed entry. */
static gboolean
is_allowed (const char *description)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed_unnamed); i++)
    {
      g_auto(GStrv) parts = g_strsplit (allowed_unnamed[i].what, " > ", 2);

      if (strstr (description, parts[0]) != NULL && strstr (description, parts[1]) != NULL)
        {
          g_test_message ("Allowed (%s): %s", allowed_unnamed[i].why, description);
          return TRUE;
        }
    }

  return FALSE;
}

static void
fail_if_unnamed (GPtrArray *unnamed)
{
  guint n_failures = 0;

  for (guint i = 0; i < unnamed->len; i++)
    {
      const char *description = g_ptr_array_index (unnamed, i);

      if (is_allowed (description))
        continue;
      g_printerr ("# Control without an accessible name: %s\n", description);
      n_failures++;
    }

  g_assert_cmpuint (n_failures, ==, 0);
}

/* The page ids of the sidebar, in order. */
static GPtrArray *
get_page_ids (Fixture *fixture)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char *known[] = { "customers", "follow-ups", "tickets", "contact", "analyses",
                          "segmentation", "surveys", "dashboard", "my-dashboard" };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      if (fid_window_get_page (fixture->window, known[i]) != NULL)
        g_ptr_array_add (ids, g_strdup (known[i]));
    }

  return ids;
}

static gboolean
window_is_idle (gpointer data)
{
  return !fid_window_get_busy (data);
}

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

/* Every page of the sidebar, each one shown (some build their content
 * when first shown), and the 360 view. */
static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = get_page_ids (fixture);
  g_autoptr(FidCustomer) customer = NULL;
  GListModel *model;

  /* The built-in plugins' pages are there. */
  g_assert_cmpuint (ids->len, >=, 9);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      g_assert_true (fid_window_show_page (fixture->window, id));
      g_assert_true (fid_ui_wait_until (window_is_idle, fixture->window, FID_UI_TIMEOUT_MS));
      /* Dashboards and survey results fill in a worker thread. */
      fid_ui_spin (g_str_has_suffix (id, "dashboard") ? 1500 : 300);
      audit_window (GTK_WINDOW (fixture->window), id, unnamed);
    }

  /* A segmentation result: its chart, table and controls. */
  {
    FidSegmentationPage *page = FID_SEGMENTATION_PAGE (fid_window_get_page (fixture->window, "segmentation"));
    gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    g_assert_true (fid_window_show_page (fixture->window, "segmentation"));
    fid_segmentation_page_run (page);
    while (fid_segmentation_page_get_result (page) == NULL && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
    g_assert_nonnull (fid_segmentation_page_get_result (page));
    fid_ui_spin (300);
    audit_window (GTK_WINDOW (fixture->window), "segmentation result", unnamed);
  }

  /* A survey of each kind, each of its three views. */
  {
    FidSurveysPage *page = FID_SURVEYS_PAGE (fid_window_get_page (fixture->window, "surveys"));
    const char *views[] = { "design", "collect", "results" };

    g_assert_true (fid_window_show_page (fixture->window, "surveys"));
    for (FidSurveyKind kind = 0; kind < FID_SURVEY_N_KINDS; kind++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_cmpint (fid_surveys_page_create_survey (page, kind, NULL, &error), >, 0);
        g_assert_no_error (error);
        for (guint i = 0; i < G_N_ELEMENTS (views); i++)
          {
            g_autofree char *where = g_strdup_printf ("survey kind %d, %s", kind, views[i]);

            fid_surveys_page_show_view (page, views[i]);
            fid_ui_spin (200);
            audit_window (GTK_WINDOW (fixture->window), where, unnamed);
          }
      }
  }

  /* The 360 view of the first customer. */
  model = G_LIST_MODEL (gtk_column_view_get_model (fid_window_get_column_view (fixture->window)));
  customer = g_list_model_get_item (model, 0);
  fid_window_show_customer (fixture->window, fid_customer_get_id (customer));
  fid_ui_spin (500);
  g_assert_cmpstr (fid_window_get_visible_page (fixture->window), ==, "customer");
  audit_window (GTK_WINDOW (fixture->window), "customer 360", unnamed);

  fail_if_unnamed (unnamed);
}

static GtkWindow *
wait_for_dialog (Fixture *fixture)
{
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWindow *dialog = NULL;

  while (dialog == NULL && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      dialog = fid_ui_find_toplevel (GTK_TYPE_WINDOW, GTK_WINDOW (fixture->window));
    }
  g_assert_nonnull (dialog);
  fid_ui_spin (200);

  return dialog;
}

static void
audit_dialog (Fixture    *fixture,
              const char *where,
              GPtrArray  *unnamed)
{
  GtkWindow *dialog = wait_for_dialog (fixture);

  audit_window (dialog, where, unnamed);
  gtk_window_destroy (dialog);
  fid_ui_spin (50);
}

/* The dialogs: new customer, who are you, a 360 view's interaction and
 * ticket, every channel's form, Preferences. */
static void
test_dialogs (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FidCustomer) customer = NULL;
  const char *channels[] = { "phone", "email", "sms", "branch", "mail" };
  GtkWidget *customer_page;
  GListModel *model;
  gint64 id;

  model = G_LIST_MODEL (gtk_column_view_get_model (fid_window_get_column_view (fixture->window)));
  customer = g_list_model_get_item (model, 0);
  id = fid_customer_get_id (customer);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-customer", NULL);
  audit_dialog (fixture, "new customer", unnamed);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-customer", "x", id);
  audit_dialog (fixture, "edit customer", unnamed);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.change-advisor", NULL);
  audit_dialog (fixture, "advisor", unnamed);

  fid_window_show_customer (fixture->window, id);
  fid_ui_spin (300);
  customer_page = fid_window_get_page (fixture->window, "customer");
  gtk_widget_activate_action (customer_page, "customer.add-interaction", NULL);
  audit_dialog (fixture, "add interaction", unnamed);
  gtk_widget_activate_action (customer_page, "customer.new-ticket", NULL);
  audit_dialog (fixture, "new ticket", unnamed);

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      g_autofree char *action = g_strdup_printf ("channel.%s", channels[i]);
      g_autofree char *where = g_strdup_printf ("%s form", channels[i]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, "x", id));
      audit_dialog (fixture, where, unnamed);
    }

  gtk_window_present (GTK_WINDOW (fid_preferences_window_new (GTK_WINDOW (fixture->window), fixture->manager)));
  audit_dialog (fixture, "preferences", unnamed);

  fail_if_unnamed (unnamed);
}

/* The audit itself: an icon-only button with a tooltip and nothing else is
 * caught; with a label it passes; so do the usual named controls. */
static void
test_audit_catches_icon_button (void)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bare = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *named = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *labelled_menu = gtk_menu_button_new ();
  GtkWidget *entry = gtk_search_entry_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic ("_Name");
  GtkWidget *named_entry = gtk_entry_new ();
  GtkWidget *text_button = gtk_button_new_with_mnemonic ("_Save");
  GtkWidget *check = gtk_check_button_new_with_label ("Agree");
  GtkWidget *switch_ = gtk_switch_new ();
  GtkWidget *drop_down = gtk_drop_down_new_from_strings ((const char *[]) { "a", "b", NULL });

  gtk_widget_set_tooltip_text (bare, "Add");
  gtk_widget_set_tooltip_text (named, "Remove");
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove", -1);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  gtk_widget_set_tooltip_text (menu, "Menu");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (labelled_menu), "open-menu-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (labelled_menu), GTK_ACCESSIBLE_PROPERTY_LABEL, "Menu", -1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), named_entry);
  gtk_widget_set_tooltip_text (drop_down, "Period");

  for (GtkWidget **w = (GtkWidget *[]) { bare, named, menu, labelled_menu, entry, label, named_entry,
                                         text_button, check, switch_, drop_down, NULL }; *w; w++)
    gtk_box_append (GTK_BOX (box), *w);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  fid_ui_spin (100);

  audit_window (GTK_WINDOW (window), "sample", unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (unnamed, i));

  /* The bare button, the tooltip-only menu button (its inner button), the
   * search entry with no label, the bare switch, the tooltip-only
   * drop-down: five. */
  g_assert_cmpuint (unnamed->len, ==, 5);
  g_assert_nonnull (strstr (g_ptr_array_index (unnamed, 0), "tooltip “Add”"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fidelis-a11y-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  /* Every widget gets GTK's test accessibility context (see above). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  /* Private crash sentinel and column cache (see
   * tests/plugins/test-plugin-ui.c). */
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

  g_test_add_func ("/a11y/audit-catches-icon-button", test_audit_catches_icon_button);
  g_test_add ("/a11y/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/a11y/dialogs", Fixture, NULL, fixture_set_up, test_dialogs, fixture_tear_down);

  return g_test_run ();
}
