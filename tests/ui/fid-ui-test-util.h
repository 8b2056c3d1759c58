/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the whole-window UI tests (accessibility, keyboard, French):
 *
 * - a fixture: the built-in plugins loaded as the app loads them, a demo
 *   bank in a temporary folder and a window on it with every page, an
 *   advisor already signed in (so no "Who are you?" dialog takes the
 *   focus);
 * - helpers to run the main loop until something holds and to find
 *   widgets and windows;
 * - key presses without a keyboard (see fid_ui_press_key ()).
 *
 * Needs a display: run under Xvfb. */

#include <adwaita.h>
#include <string.h>

#include "fid-demo.h"
#include "fid-plugin-test-util.h"
#include "fid-window.h"

#define FID_UI_TIMEOUT_MS 30000

typedef struct
{
  GSettings        *settings;
  FidPluginManager *manager;
  FidStore         *store;
  FidWindow        *window;
  char             *dir;
  char             *path;
} FidUiFixture;

typedef gboolean (*FidUiCondition) (gpointer data);

/* Runs the main loop for @ms milliseconds. */
static inline void
fid_ui_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until @condition holds; FALSE after @timeout_ms. */
static inline gboolean
fid_ui_wait_until (FidUiCondition condition,
                   gpointer       data,
                   guint          timeout_ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static inline gboolean
fid_ui_window_is_loaded (gpointer data)
{
  FidWindow *window = data;
  GtkColumnView *view = fid_window_get_column_view (window);

  return !fid_window_get_busy (window) &&
         gtk_column_view_get_model (view) != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))) > 0;
}

/* @advisor_id: who is signed in (0: nobody, the advisor dialog opens). */
static inline void
fid_ui_fixture_set_up (FidUiFixture *fixture,
                       guint         n_customers,
                       guint64       seed,
                       gint64        advisor_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidDemo) demo = fid_demo_new (n_customers, seed);

  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "enabled-plugins");
  fixture->manager = fid_test_load_manager (fixture->settings, NULL, 0);

  fixture->dir = g_dir_make_tmp ("fidelis-ui-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "bank.db", NULL);
  g_assert_true (fid_demo_write (demo, fixture->path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  fixture->store = fid_store_open (fixture->path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (fid_window_new (NULL, fixture->store));
  if (advisor_id != 0)
    fid_window_set_advisor_id (fixture->window, advisor_id);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fid_plugin_manager_add_window (fixture->manager, GTK_WINDOW (fixture->window));
  g_assert_true (fid_ui_wait_until (fid_ui_window_is_loaded, fixture->window, FID_UI_TIMEOUT_MS));
  fid_ui_spin (200);
}

/* Closes every window but the fixture's (dialogs a test opened). */
static inline void
fid_ui_close_other_windows (FidUiFixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean found = TRUE;

  while (found)
    {
      found = FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (window != GTK_WINDOW (fixture->window) &&
              gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->window))
            {
              gtk_window_destroy (window);
              found = TRUE;
              break;
            }
        }
    }
}

static inline void
fid_ui_remove_dir (const char *path)
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

static inline void
fid_ui_fixture_tear_down (FidUiFixture *fixture)
{
  fid_ui_close_other_windows (fixture);
  fid_plugin_manager_remove_window (fixture->manager, GTK_WINDOW (fixture->window));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  fid_ui_spin (50);
  fid_ui_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* ---- Finding widgets ---------------------------------------------------- */

typedef gboolean (*FidUiWidgetFilter) (GtkWidget *widget,
                                       gpointer   data);

/* The first widget under @root (included), depth first, that @filter
 * accepts; only mapped ones when @mapped_only. */
static inline GtkWidget *
fid_ui_find_widget (GtkWidget         *root,
                    gboolean           mapped_only,
                    FidUiWidgetFilter  filter,
                    gpointer           data)
{
  if (mapped_only && !gtk_widget_get_mapped (root))
    return NULL;
  if (filter (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fid_ui_find_widget (child, mapped_only, filter, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
fid_ui_is_label_with_text (GtkWidget *widget,
                           gpointer   text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A mapped GtkLabel showing exactly @text under @root. */
static inline GtkWidget *
fid_ui_find_label (GtkWidget  *root,
                   const char *text)
{
  return fid_ui_find_widget (root, TRUE, fid_ui_is_label_with_text, (gpointer) text);
}

/* The visible toplevel of @type other than @except, or NULL. */
static inline GtkWindow *
fid_ui_find_toplevel (GType      type,
                      GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != except && G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static inline gboolean
fid_ui_is_ancestor (GtkWidget *widget,
                    GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

/* ---- Keys ----------------------------------------------------------------
 *
 * GTK 4 has no gtk_test_widget_send_key () and no public way to make a
 * GdkEvent. A key press is dispatched by GTK to the event controllers of
 * the focus widget and its ancestors: capture phase from the window down,
 * then bubble phase back up. Every key binding of GTK and of Fidelis — Tab
 * and the arrows (GtkWindow's "move-focus"), Enter and Space on buttons,
 * rows and entries ("activate"), the list's cursor keys, Ctrl+I, Escape,
 * Ctrl+Enter, mnemonics (Alt+letter) — is a GtkShortcut in a
 * GtkShortcutController on that chain (class bindings live in each
 * widget's "gtk-widget-class-shortcuts" controller). fid_ui_press_key ()
 * does that dispatch itself: it walks the same chain in the same order,
 * finds the first enabled shortcut whose trigger is that key, and runs its
 * action on its widget, exactly as GTK does on a real key press. What it
 * cannot reach are plain GtkEventControllerKey handlers (typing into a
 * text field goes through the input method); fid_ui_type_text () inserts
 * the text at the cursor of the focused editable, which is what the input
 * method's commit does. Nothing here calls an application function or
 * action directly: a step that needs the mouse fails. */

static inline gboolean
fid_ui_trigger_matches (GtkShortcutTrigger *trigger,
                        guint               keyval,
                        GdkModifierType     mods,
                        GdkModifierType     mnemonic_mods)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) == gdk_keyval_to_lower (keyval) &&
           gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;
  if (GTK_IS_MNEMONIC_TRIGGER (trigger))
    return mods == mnemonic_mods &&
           gdk_keyval_to_lower (gtk_mnemonic_trigger_get_keyval (GTK_MNEMONIC_TRIGGER (trigger))) == gdk_keyval_to_lower (keyval);
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return fid_ui_trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods, mnemonic_mods) ||
           fid_ui_trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods, mnemonic_mods);

  return FALSE;
}

/* Runs the first shortcut of @controller that @keyval + @mods triggers. */
static inline gboolean
fid_ui_controller_handle_key (GtkShortcutController *controller,
                              guint                  keyval,
                              GdkModifierType        mods)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GListModel *shortcuts = G_LIST_MODEL (controller);
  GdkModifierType mnemonic_mods = gtk_shortcut_controller_get_mnemonics_modifiers (controller);

  if (!gtk_widget_is_sensitive (widget))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
      GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

      if (trigger == NULL || action == NULL ||
          !fid_ui_trigger_matches (trigger, keyval, mods, mnemonic_mods))
        continue;
      /* A mnemonic whose widget is hidden does nothing. */
      if (GTK_IS_MNEMONIC_TRIGGER (trigger) && !gtk_widget_is_drawable (widget))
        continue;
      {
        /* Said before: the action may destroy the widget (Escape). */
        g_autofree char *what = gtk_shortcut_action_to_string (action);
        g_autofree char *type = g_strdup (G_OBJECT_TYPE_NAME (widget));

        if (gtk_shortcut_action_activate (action, 0, widget, gtk_shortcut_get_arguments (shortcut)))
          {
            if (g_test_verbose ())
              g_test_message ("Key %s: %s on %s", gdk_keyval_name (keyval), what, type);
            return TRUE;
          }
      }
    }

  return FALSE;
}

static inline gboolean
fid_ui_widget_handle_key (GtkWidget           *widget,
                          GtkPropagationPhase  phase,
                          gboolean             local_only,
                          guint                keyval,
                          GdkModifierType      mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      if (local_only && gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_LOCAL)
        continue;
      handled = fid_ui_controller_handle_key (GTK_SHORTCUT_CONTROLLER (controller), keyval, mods);
    }

  return handled;
}

/* Managed and global shortcut controllers anywhere in the window (the
 * window runs them after the bubble phase). */
static inline gboolean
fid_ui_tree_handle_managed_key (GtkWidget       *widget,
                                guint            keyval,
                                GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = NULL;

  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_LOCAL &&
          fid_ui_controller_handle_key (GTK_SHORTCUT_CONTROLLER (controller), keyval, mods))
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (fid_ui_tree_handle_managed_key (child, keyval, mods))
        return TRUE;
    }

  return FALSE;
}

/* Presses @keyval with @mods in @window: TRUE when a binding handled it.
 * The main loop runs a little afterwards, as after a real key press. */
static inline gboolean
fid_ui_press_key (GtkWindow       *window,
                  guint            keyval,
                  GdkModifierType  mods)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  gboolean handled = FALSE;

  for (GtkWidget *w = focus != NULL ? focus : GTK_WIDGET (window); w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, w);

  /* Capture: from the window down to the focus widget. */
  for (guint i = chain->len; !handled && i > 0; i--)
    handled = fid_ui_widget_handle_key (g_ptr_array_index (chain, i - 1), GTK_PHASE_CAPTURE, FALSE, keyval, mods);
  /* Target, then bubble: from the focus widget up to the window. */
  if (!handled)
    handled = fid_ui_widget_handle_key (g_ptr_array_index (chain, 0), GTK_PHASE_TARGET, FALSE, keyval, mods);
  for (guint i = 0; !handled && i < chain->len; i++)
    handled = fid_ui_widget_handle_key (g_ptr_array_index (chain, i), GTK_PHASE_BUBBLE, FALSE, keyval, mods);
  /* Managed shortcuts (mnemonics, a page's global shortcuts). */
  if (!handled)
    handled = fid_ui_tree_handle_managed_key (GTK_WIDGET (window), keyval, mods);

  fid_ui_spin (30);

  return handled;
}

/* Types @text into the focused text field, as the input method does. */
static inline void
fid_ui_type_text (GtkWindow  *window,
                  const char *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  int position;

  g_assert_true (GTK_IS_EDITABLE (focus));
  position = gtk_editable_get_position (GTK_EDITABLE (focus));
  gtk_editable_insert_text (GTK_EDITABLE (focus), text, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (focus), position);
  fid_ui_spin (30);
}

/* Presses Tab (or Shift+Tab when @backward) until @condition holds on the
 * focus widget; FALSE after @max presses. */
static inline gboolean
fid_ui_tab_until (GtkWindow         *window,
                  gboolean           backward,
                  FidUiWidgetFilter  condition,
                  gpointer           data,
                  guint              max)
{
  for (guint i = 0; i < max; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      if (focus != NULL && condition (focus, data))
        return TRUE;
      g_assert_true (fid_ui_press_key (window, GDK_KEY_Tab, backward ? GDK_SHIFT_MASK : 0));
    }

  return FALSE;
}
