/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidWindow on a small demo bank: the list fills, the first row shows a
 * name, and the column headers sort through the model. Needs a display (run
 * under Xvfb); without one the test is skipped, not passed. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fid-application.h"
#include "fid-demo.h"
#include "fid-demo-window.h"
#include "fid-window.h"

#define N_CUSTOMERS 200
#define SEED 42
#define TIMEOUT_MS 20000

/* gtk_init_check() answers once: a second call claims success. */
static gboolean have_display;

/* One registered application for every test: a second one with the same
 * id could not export itself on the session bus. */
static FidApplication *app;

typedef gboolean (*Condition) (gpointer data);

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; FALSE on timeout. */
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
         gtk_column_view_get_model (fid_window_get_column_view (window)) != NULL;
}

/* The mapped name label nearest the top of the list: the first visible row. */
static void
find_first_name_label (GtkWidget  *widget,
                       GtkWidget  *list,
                       GtkLabel  **best,
                       float      *best_y)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "customer-name"))
    {
      graphene_point_t point;

      if (gtk_widget_compute_point (widget, list, &GRAPHENE_POINT_INIT (0, 0), &point) &&
          point.y >= 0 && (*best == NULL || point.y < *best_y))
        {
          *best = GTK_LABEL (widget);
          *best_y = point.y;
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_first_name_label (child, list, best, best_y);
}

static GtkLabel *
get_first_name_label (GtkColumnView *column_view)
{
  GtkLabel *best = NULL;
  float best_y = 0;

  find_first_name_label (GTK_WIDGET (column_view), GTK_WIDGET (column_view), &best, &best_y);

  return best;
}

static gboolean
first_row_is_shown (gpointer data)
{
  GtkLabel *label = get_first_name_label (data);

  return label != NULL && gtk_label_get_text (label)[0] != '\0';
}

static gint64
revenue_at (GListModel *model,
            guint       position)
{
  g_autoptr(FidCustomer) customer = g_list_model_get_item (model, position);

  g_assert_nonnull (customer);

  return fid_customer_get_revenue_12m_cents (customer);
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
test_window_shows_customers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FidDemo) demo = NULL;
  g_autoptr(FidStore) store = NULL;
  g_autoptr(FidCustomer) first = NULL;
  g_autofree char *first_name = NULL;
  GtkColumnView *column_view;
  GListModel *columns;
  GListModel *model;
  GtkLabel *label;
  FidWindow *window;

  if (!have_display)
    {
      g_test_skip ("No display: run the ui suite under xvfb-run");
      return;
    }

  dir = g_dir_make_tmp ("fidelis-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo-bank.db", NULL);

  demo = fid_demo_new (N_CUSTOMERS, SEED);
  fid_demo_write (demo, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);


  window = fid_window_new (app, store);
  g_assert_true (fid_window_get_store (window) == store);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (iterate_until (window_is_loaded, window));

  column_view = fid_window_get_column_view (window);
  model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_CUSTOMERS);

  /* The first visible row shows the first customer's name. */
  g_assert_true (iterate_until (first_row_is_shown, column_view));
  label = get_first_name_label (column_view);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), !=, "");

  first = g_list_model_get_item (model, 0);
  first_name = fid_customer_dup_display_name (first);
  g_assert_cmpstr (gtk_label_get_text (label), ==, first_name);

  /* Sorting by the 12-month revenue header, descending, goes through the
   * model. (The demo bank has no segments: no Segment column. The last
   * column is the engagement score, issue 14.) */
  columns = gtk_column_view_get_columns (column_view);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 7);
  {
    g_autoptr(GtkColumnViewColumn) revenue = g_list_model_get_item (columns, 4);

    g_assert_cmpstr (gtk_column_view_column_get_title (revenue), ==, "12-Month Revenue");
    gtk_column_view_sort_by_column (column_view, revenue, GTK_SORT_DESCENDING);
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_CUSTOMERS);
  for (guint i = 1; i < N_CUSTOMERS; i++)
    g_assert_cmpint (revenue_at (model, i - 1), >=, revenue_at (model, i));
  g_assert_cmpint (revenue_at (model, 0), >, revenue_at (model, N_CUSTOMERS - 1));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  remove_dir (dir);
}

/* The message dialog whose body names @name, among all toplevels. */
static AdwMessageDialog *
find_error_dialog (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      const char *body;

      if (!ADW_IS_MESSAGE_DIALOG (toplevel))
        continue;

      body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (toplevel));
      if (body != NULL && strstr (body, name) != NULL)
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
error_dialog_is_shown (gpointer data)
{
  return find_error_dialog (data) != NULL;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Files that are no database: the window says why (naming the file), shows
 * no store, and nothing is written. */
static void
test_window_open_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidDemo) demo = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *full = NULL;
  g_autofree char *full_contents = NULL;
  g_autofree char *not_sqlite = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *missing_dir = NULL;
  g_autofree char *missing = NULL;
  gsize full_length;
  const char *paths[3];

  if (!have_display)
    {
      g_test_skip ("No display: run the ui suite under xvfb-run");
      return;
    }

  dir = g_dir_make_tmp ("fidelis-open-errors-XXXXXX", &error);
  g_assert_no_error (error);

  not_sqlite = g_build_filename (dir, "letter.db", NULL);
  g_file_set_contents (not_sqlite, "Dear customer, this is not a database.\n", -1, &error);
  g_assert_no_error (error);

  /* The first part of a real bank. */
  full = g_build_filename (dir, "full.db", NULL);
  demo = fid_demo_new (30, SEED);
  fid_demo_write (demo, full, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (full, &full_contents, &full_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (full_length, >, 8192);
  truncated = g_build_filename (dir, "truncated.db", NULL);
  g_file_set_contents (truncated, full_contents, full_length / 2, &error);
  g_assert_no_error (error);

  missing_dir = g_build_filename (dir, "no-such-folder", NULL);
  missing = g_build_filename (missing_dir, "bank.db", NULL);


  paths[0] = not_sqlite;
  paths[1] = truncated;
  paths[2] = missing;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *before = g_file_test (paths[i], G_FILE_TEST_EXISTS) ? read_file (paths[i]) : NULL;
      g_autofree char *name = g_path_get_basename (paths[i]);
      AdwMessageDialog *dialog;

      g_test_message ("Opening %s", paths[i]);
      fid_application_open_database (app, paths[i]);
      g_assert_true (iterate_until (error_dialog_is_shown, name));

      for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
        {
          if (FID_IS_WINDOW (l->data))
            g_assert_null (fid_window_get_store (l->data));
        }

      if (before != NULL)
        {
          g_autofree char *after = read_file (paths[i]);
          g_assert_cmpstr (after, ==, before);
        }
      else
        {
          g_assert_false (g_file_test (paths[i], G_FILE_TEST_EXISTS));
        }

      dialog = find_error_dialog (name);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  remove_dir (dir);
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_demo_done_cb (FidDemoWindow *demo_window,
                 gboolean      *done)
{
  *done = TRUE;
}

/* The first-run window writes the bank and says so. */
static void
test_demo_window_done (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  FidDemoWindow *demo_window;
  gboolean done = FALSE;

  if (!have_display)
    {
      g_test_skip ("No display: run the ui suite under xvfb-run");
      return;
    }

  dir = g_dir_make_tmp ("fidelis-demo-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo-bank.db", NULL);

  demo_window = fid_demo_window_new (NULL, path, 30);
  g_signal_connect (demo_window, "done", G_CALLBACK (on_demo_done_cb), &done);
  gtk_window_present (GTK_WINDOW (demo_window));
  fid_demo_window_start (demo_window);

  g_assert_true (iterate_until (flag_is_set, &done));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (demo_window));
  remove_dir (dir);
}

/* Cancel stops the generator, closes the window and leaves no file. */
static void
test_demo_window_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;
  FidDemoWindow *demo_window;
  gboolean done = FALSE;

  if (!have_display)
    {
      g_test_skip ("No display: run the ui suite under xvfb-run");
      return;
    }

  dir = g_dir_make_tmp ("fidelis-demo-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo-bank.db", NULL);
  partial = g_strconcat (path, ".partial", NULL);

  demo_window = fid_demo_window_new (NULL, path, 20000);
  g_object_add_weak_pointer (G_OBJECT (demo_window), (gpointer *) &demo_window);
  g_signal_connect (demo_window, "done", G_CALLBACK (on_demo_done_cb), &done);
  gtk_window_present (GTK_WINDOW (demo_window));
  fid_demo_window_start (demo_window);
  fid_demo_window_cancel (demo_window);

  /* The window goes by itself once the generator has stopped. */
  g_assert_true (iterate_until (pointer_is_null, &demo_window));
  g_assert_false (done);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  remove_dir (dir);
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

  g_test_add_func ("/ui/window/shows-customers", test_window_shows_customers);
  g_test_add_func ("/ui/window/open-errors", test_window_open_errors);
  g_test_add_func ("/ui/demo-window/done", test_demo_window_done);
  g_test_add_func ("/ui/demo-window/cancel", test_demo_window_cancel);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
