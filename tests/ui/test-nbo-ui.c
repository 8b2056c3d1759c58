/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Next best offer and the pipeline in the window (issue 10), on a small
 * demo bank with the built-in plugins: the 360 view of a customer whose
 * child starts higher education shows a student-loan suggestion with its
 * reason; Accept creates the opportunity (Open Opportunities shows it, the
 * suggestion goes); Dismiss is remembered; the Pipeline page's board moves
 * the new card and a won card creates the holding. Needs a display (Xvfb);
 * skipped without one. */

#include "config.h"

#include <sqlite3.h>

#include "fid-customer-page.h"
#include "fid-nbo.h"
#include "fid-nbo-panel.h"
#include "fid-pipeline-board.h"
#include "fid-pipeline-page.h"
#include "fid-store-export.h"
#include "fid-store-opportunities.h"
#include "fid-store-workspace.h"
#include "fid-ui-test-util.h"

typedef struct
{
  FidUiFixture ui;
  gint64       customer_id;
} Fixture;

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed: %s", message);
  sqlite3_close (db);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) advisors = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -20);
  g_autofree char *date = g_date_time_format (then, "%Y-%m-%d");
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* Plugins and a window first, on a fresh bank (advisor 1 signed in). */
  fid_ui_fixture_set_up (&f->ui, 300, 42, 1);

  /* A customer holding products but no student loan, no life event, no
   * open opportunity: the child's higher education is all there is. */
  g_assert_cmpint (sqlite3_open (f->ui.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT c.id FROM customers c WHERE c.kind = 'person'"
                                       " AND EXISTS (SELECT 1 FROM holdings h WHERE h.customer_id = c.id AND h.closed_on IS NULL)"
                                       " AND NOT EXISTS (SELECT 1 FROM holdings h JOIN products p ON p.id = h.product_id"
                                       "   WHERE h.customer_id = c.id AND p.code = 'PE')"
                                       " AND NOT EXISTS (SELECT 1 FROM life_events e WHERE e.customer_id = c.id)"
                                       " AND NOT EXISTS (SELECT 1 FROM opportunities o WHERE o.customer_id = c.id)"
                                       " ORDER BY c.id LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  f->customer_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  sql = g_strdup_printf ("INSERT INTO life_events (customer_id, kind, occurred_on, notes)"
                         " VALUES (%" G_GINT64_FORMAT ", 'higher_education', '%s', 'Rentrée universitaire');",
                         f->customer_id, date);
  exec_raw (f->ui.path, sql);
  advisors = fid_store_list_advisors (f->ui.store, 0, NULL);
  g_assert_cmpuint (advisors->len, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fid_ui_fixture_tear_down (&f->ui);
}

static gboolean
is_nbo_panel (GtkWidget *widget,
              gpointer   data)
{
  return FID_IS_NBO_PANEL (widget);
}

static gboolean
is_accept_button (GtkWidget *widget,
                  gpointer   data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
is_group_titled (GtkWidget *widget,
                 gpointer   data)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), data) == 0;
}

static FidNboSuggestion *
find_code (GPtrArray  *list,
           const char *code)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_str_equal (((FidNboSuggestion *) g_ptr_array_index (list, i))->product_code, code))
      return g_ptr_array_index (list, i);
  return NULL;
}

static gint64
open_opportunity_for (FidStore   *store,
                      gint64      customer_id,
                      const char *product_name)
{
  g_autoptr(GPtrArray) open = fid_store_list_open_opportunities (store, customer_id, NULL);

  for (guint i = 0; open != NULL && i < open->len; i++)
    if (g_strcmp0 (fid_timeline_entry_get_title (g_ptr_array_index (open, i)), product_name) == 0)
      return fid_timeline_entry_get_id (g_ptr_array_index (open, i));
  return 0;
}

static void
test_accept_and_dismiss (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *page = fid_window_get_page (f->ui.window, "customer");
  GtkWidget *panel, *accept, *group;
  GPtrArray *suggestions;
  FidNboSuggestion *s;
  g_autofree char *dismissed_code = NULL;
  g_autoptr(FidOpportunity) o = NULL;
  gint64 id;

  fid_window_show_customer (f->ui.window, f->customer_id);
  fid_ui_spin (300);
  g_assert_cmpint (fid_customer_page_get_customer_id (FID_CUSTOMER_PAGE (page)), ==, f->customer_id);

  panel = fid_ui_find_widget (page, FALSE, is_nbo_panel, NULL);
  g_assert_nonnull (panel);
  g_assert_true (gtk_widget_get_visible (panel));
  suggestions = fid_nbo_panel_get_suggestions (FID_NBO_PANEL (panel));
  g_assert_nonnull (suggestions);
  g_assert_cmpuint (suggestions->len, >=, 1);
  g_assert_cmpuint (suggestions->len, <=, 3);
  s = g_ptr_array_index (suggestions, 0);
  g_assert_cmpstr (s->product_code, ==, "PE");
  g_assert_cmpint (s->source, ==, FID_NBO_SOURCE_LIFE_EVENT);
  g_assert_true (g_str_has_prefix (s->reason, "Child starting higher education on "));

  /* Accept, as a click on the first row's button. */
  accept = fid_ui_find_widget (panel, FALSE, is_accept_button, (gpointer) "_Accept");
  g_assert_nonnull (accept);
  g_signal_emit_by_name (accept, "clicked");
  fid_ui_spin (300);

  id = open_opportunity_for (f->ui.store, f->customer_id, "Prêt étudiant");
  g_assert_cmpint (id, >, 0);
  o = fid_store_get_opportunity (f->ui.store, id, NULL);
  g_assert_cmpstr (o->source, ==, "nbo");
  g_assert_cmpstr (o->stage, ==, "lead");
  g_assert_cmpint (o->advisor_id, ==, 1);
  /* The 360 view shows it under Open Opportunities; the offer is gone. */
  group = fid_ui_find_widget (page, FALSE, is_group_titled, (gpointer) "Open Opportunities");
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (group));
  suggestions = fid_nbo_panel_get_suggestions (FID_NBO_PANEL (panel));
  g_assert_null (find_code (suggestions, "PE"));

  /* Dismiss the next one, if any: it stays away after reopening. */
  if (suggestions->len > 0)
    {
      dismissed_code = g_strdup (((FidNboSuggestion *) g_ptr_array_index (suggestions, 0))->product_code);
      g_assert_true (fid_nbo_panel_dismiss (FID_NBO_PANEL (panel), 0));
      fid_ui_spin (200);
      fid_window_show_customer (f->ui.window, f->customer_id);
      fid_ui_spin (200);
      g_assert_null (find_code (fid_nbo_panel_get_suggestions (FID_NBO_PANEL (panel)), dismissed_code));
    }

  /* The Pipeline page lists the new lead; moving it on, then winning it,
   * creates the customer's student loan. */
  {
    GtkWidget *pipeline = fid_window_get_page (f->ui.window, "pipeline");
    FidPipelineBoard *board;
    g_autoptr(FidOpportunity) moved = NULL;
    g_autoptr(GPtrArray) holdings = NULL;
    gboolean has_loan = FALSE;

    g_assert_nonnull (pipeline);
    g_assert_true (fid_window_show_page (f->ui.window, "pipeline"));
    fid_ui_spin (200);
    board = FID_PIPELINE_BOARD (fid_pipeline_page_get_board (FID_PIPELINE_PAGE (pipeline)));
    g_assert_cmpuint (fid_pipeline_board_count_cards (board, "lead"), >=, 1);
    g_assert_cmpint (fid_pipeline_board_get_totals (board)[0].count, >=, 1);

    g_assert_true (fid_pipeline_board_move (board, id, "qualified"));
    fid_ui_spin (200);
    moved = fid_store_get_opportunity (f->ui.store, id, NULL);
    g_assert_cmpstr (moved->stage, ==, "qualified");
    g_assert_true (fid_pipeline_board_move (board, id, "won"));
    fid_ui_spin (200);
    holdings = fid_store_get_holdings (f->ui.store, f->customer_id, NULL);
    for (guint i = 0; i < holdings->len; i++)
      has_loan |= g_strcmp0 (fid_holding_get_product_code (g_ptr_array_index (holdings, i)), "PE") == 0;
    g_assert_true (has_loan);
    /* Won is final: the board refuses another move. */
    g_assert_false (fid_pipeline_board_move (board, id, "lost"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("fidelis-nbo-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

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

  g_test_add ("/nbo-ui/accept-and-dismiss", Fixture, NULL, fixture_set_up, test_accept_and_dismiss,
              fixture_tear_down);

  return g_test_run ();
}
