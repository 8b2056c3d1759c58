/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Campaigns page (issue 10) on a small demo bank with the built-in
 * plugins: a marketing manager saves nothing but an "At Risk" segment,
 * creates a campaign on it in the editor (10 % control group, e-mail),
 * reads the plan (targeted = excluded + control + to contact), launches
 * it through the confirmation, imports responses (a half-bad file changes
 * nothing) and reads the results. Checked against the database. */

#include "config.h"

#include <sqlite3.h>

#include "fid-campaign-editor.h"
#include "fid-campaign-results.h"
#include "fid-campaigns-page.h"
#include "fid-ui-test-util.h"

#define N_CUSTOMERS 400
#define SEED 7

typedef FidUiFixture Fixture;

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gboolean
is_message_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(GtkWindow **) data = window;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_button_with_label (GtkWidget *widget,
                      gpointer   label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
page_is_idle (gpointer data)
{
  return !fid_campaigns_page_get_busy (FID_CAMPAIGNS_PAGE (data));
}

/* The editor closes (and goes) once the campaign is written. */
static gboolean
editor_closed (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_create_and_launch (Fixture       *fixture,
                        gconstpointer  unused)
{
  FidCampaignsPage *page;
  FidCampaignEditor *editor;
  FidCampaignPlan *plan;
  GtkWidget *launch_button, *create_button;
  GtkWindow *dialog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("customer_id,responded_at\n");
  g_autofree char *sql = NULL;
  const FidUplift *uplift;
  gint64 n_segment, id, n_test, n_control, n_excluded;
  guint n_imported = 0, n_expected;

  /* A saved RFM segment: every third customer is "at risk". */
  exec_sql (fixture->path,
            "INSERT INTO segment_snapshots (scheme, taken_on, customer_id, segment)"
            " SELECT 'rfm', '2026-10-31', id, CASE WHEN id % 3 = 0 THEN 'at_risk' ELSE 'champions' END"
            " FROM customers");
  n_segment = query_int (fixture->path, "SELECT count (*) FROM customers WHERE id % 3 = 0");

  page = FID_CAMPAIGNS_PAGE (fid_window_get_page (fixture->window, "campaigns"));
  g_assert_nonnull (page);
  g_assert_true (fid_window_show_page (fixture->window, "campaigns"));
  fid_ui_spin (100);
  /* The demo bank's own campaigns are listed. */
  g_assert_cmpuint (fid_campaigns_page_get_n_campaigns (page), ==,
                    query_int (fixture->path, "SELECT count (*) FROM campaigns"));

  /* The editor: name, saved segment, e-mail (the first channel), 10 %. */
  editor = FID_CAMPAIGN_EDITOR (fid_campaigns_page_new_campaign (page));
  g_assert_nonnull (editor);
  fid_ui_spin (100);
  /* No name: refused in the dialog, nothing written. */
  create_button = fid_campaign_editor_get_widget (editor, "create_button");
  g_assert_false (fid_campaign_editor_save (editor));
  g_assert_true (gtk_widget_get_visible (fid_campaign_editor_get_widget (editor, "error_label")));
  gtk_editable_set_text (GTK_EDITABLE (fid_campaign_editor_get_widget (editor, "name_row")), "Relance à risque");
  gtk_editable_set_text (GTK_EDITABLE (fid_campaign_editor_get_widget (editor, "objective_row")),
                         "Réactiver les clients à risque");
  g_assert_true (fid_campaign_editor_select_segment (editor, "rfm", "2026-10-31", "at_risk"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (fid_campaign_editor_get_widget (editor, "channel_row"))),
                    ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (fid_campaign_editor_get_widget (editor, "control_spin"))),
                     ==, 10.0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (fid_campaign_editor_get_widget (editor, "margin_spin")), 40.0);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_emit_by_name (create_button, "clicked");
  g_assert_true (fid_ui_wait_until (editor_closed, &editor, FID_UI_TIMEOUT_MS));

  id = query_int (fixture->path, "SELECT max (id) FROM campaigns");
  g_assert_cmpint (fid_campaigns_page_get_selected (page), ==, id);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM campaigns WHERE name = 'Relance à risque'"
                                             " AND status = 'draft' AND channel = 'email'"
                                             " AND margin_per_conversion_cents = 4000"), ==, 1);

  /* The plan: every targeted customer is in exactly one list; the
   * e-mail consent rule holds; 10 % of those left are held out. */
  plan = fid_campaigns_page_get_plan (page);
  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->n_targeted, ==, n_segment);
  g_assert_cmpuint (plan->excluded_consent->len, ==,
                    query_int (fixture->path, "SELECT count (*) FROM customers c WHERE c.id % 3 = 0 AND NOT EXISTS"
                                              " (SELECT 1 FROM consents k WHERE k.customer_id = c.id"
                                              "  AND k.channel = 'email' AND k.marketing = 1)"));
  g_assert_cmpuint (plan->excluded_consent->len + plan->excluded_pressure->len + plan->control->len +
                    plan->test->len, ==, plan->n_targeted);
  g_assert_cmpuint (plan->control->len, ==,
                    (guint) ((plan->control->len + plan->test->len) * 0.10 + 0.5));
  g_assert_cmpuint (plan->test->len, >, 0);

  /* Launch, through the confirmation. */
  launch_button = fid_ui_find_widget (GTK_WIDGET (page), TRUE, is_button_with_label, (gpointer) "_Launch…");
  g_assert_nonnull (launch_button);
  g_signal_emit_by_name (launch_button, "clicked");
  g_assert_true (fid_ui_wait_until (is_message_dialog, &dialog, FID_UI_TIMEOUT_MS));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "launch");
  /* The launch runs on a worker thread; the page is busy meanwhile. */
  g_assert_true (fid_ui_wait_until (page_is_idle, page, FID_UI_TIMEOUT_MS));
  fid_ui_spin (100);

  sql = g_strdup_printf ("SELECT count (*) FROM interactions WHERE campaign_id = %" G_GINT64_FORMAT
                         " AND channel = 'email' AND direction = 'outbound'", id);
  n_test = query_int (fixture->path, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM campaign_targets WHERE campaign_id = %" G_GINT64_FORMAT
                         " AND grp = 'control'", id);
  n_control = query_int (fixture->path, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM campaign_exclusions WHERE campaign_id = %" G_GINT64_FORMAT, id);
  n_excluded = query_int (fixture->path, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM campaigns WHERE id = %" G_GINT64_FORMAT
                         " AND status = 'launched' AND pressure_max = 2 AND pressure_days = 30", id);
  g_assert_cmpint (query_int (fixture->path, sql), ==, 1);

  plan = fid_campaigns_page_get_plan (page);
  g_assert_nonnull (plan);
  g_assert_cmpint (n_test, ==, plan->test->len);
  g_assert_cmpint (n_control, ==, plan->control->len);
  g_assert_cmpint (n_excluded, ==, plan->excluded_consent->len + plan->excluded_pressure->len);
  g_assert_null (fid_ui_find_widget (GTK_WIDGET (page), TRUE, is_button_with_label, (gpointer) "_Launch…"));
  g_assert_nonnull (fid_ui_find_widget (GTK_WIDGET (page), TRUE, is_button_with_label,
                                        (gpointer) "_Import Responses…"));

  /* A half-bad file: nothing imported. */
  g_assert_false (fid_campaigns_page_import_responses (page, "customer_id\n999999\n", 19, &n_imported, &error));
  g_assert_error (error, FID_CAMPAIGN_ERROR, FID_CAMPAIGN_ERROR_INVALID);
  g_clear_error (&error);
  sql = g_strdup_printf ("SELECT count (*) FROM campaign_targets WHERE campaign_id = %" G_GINT64_FORMAT
                         " AND responded_at IS NOT NULL", id);
  g_assert_cmpint (query_int (fixture->path, sql), ==, 0);

  /* Half the test group responds, one control customer too. */
  for (guint i = 0; i < plan->test->len; i += 2)
    g_string_append_printf (csv, "%" G_GINT64_FORMAT ",\n", g_array_index (plan->test, gint64, i));
  if (plan->control->len > 0)
    g_string_append_printf (csv, "%" G_GINT64_FORMAT ",\n", g_array_index (plan->control, gint64, 0));
  n_expected = (plan->test->len + 1) / 2 + (plan->control->len > 0 ? 1 : 0);
  /* The import reloads the page: @plan is not valid after it. */
  g_assert_true (fid_campaigns_page_import_responses (page, csv->str, csv->len, &n_imported, &error));
  g_assert_no_error (error);
  plan = NULL;
  g_assert_cmpuint (n_imported, ==, n_expected);
  g_assert_cmpint (query_int (fixture->path, sql), ==, n_imported);
  fid_ui_spin (100);

  /* The results: the page read them again after the import. */
  fid_campaigns_page_show_view (page, "results");
  fid_ui_spin (100);
  uplift = fid_campaign_results_get_uplift (FID_CAMPAIGN_RESULTS (fid_campaigns_page_get_results (page)));
  g_assert_nonnull (uplift);
  g_assert_cmpfloat_with_epsilon (uplift->response.test_rate, (double) ((n_test + 1) / 2) / (double) n_test, 1e-9);
  g_assert_nonnull (strstr (fid_campaign_results_get_text (FID_CAMPAIGN_RESULTS (fid_campaigns_page_get_results (page)),
                                                           "p-value"), "p = "));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  unused)
{
  fid_ui_fixture_set_up (fixture, N_CUSTOMERS, SEED, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  unused)
{
  fid_ui_fixture_tear_down (fixture);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("fidelis-campaigns-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

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

  g_test_add ("/campaigns-ui/create-and-launch", Fixture, NULL,
              fixture_set_up, test_create_and_launch, fixture_tear_down);
  return g_test_run ();
}
