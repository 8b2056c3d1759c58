/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The loyalty panel of the 360 view (issue 14): an account manager opens a
 * member's 360 view, sees the balance their referral earned, tries a reward
 * one point too dear (refused, with the balance and the cost, nothing
 * spent), then redeems one at exactly the balance and sees the ledger line
 * and the new balance. Needs a display (Xvfb). */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "fid-customer-page.h"
#include "fid-loyalty-panel.h"
#include "fid-store-loyalty.h"
#include "../core/fid-test-util.h"

/* The bank of the test (the rewards on offer are looked up in it). */
static FidStore *bank;

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_panel (GtkWidget *widget)
{
  if (FID_IS_LOYALTY_PANEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_panel (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The message dialog whose heading is @heading, among the toplevels. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Opens "Redeem a Reward…" as its button does, picks the reward costing
 * @cost and answers Redeem. */
static void
redeem_through_dialog (FidLoyaltyPanel *panel,
                       gint64           cost)
{
  AdwMessageDialog *dialog;
  GtkDropDown *rewards;
  GArray *ids;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offered = NULL;
  guint index = G_MAXUINT;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "loyalty.redeem", NULL));
  spin (50);
  dialog = ADW_MESSAGE_DIALOG (fid_loyalty_panel_get_dialog (panel));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Redeem a Reward");
  rewards = g_object_get_data (G_OBJECT (dialog), "rewards");
  ids = g_object_get_data (G_OBJECT (dialog), "ids");
  g_assert_nonnull (rewards);
  offered = fid_store_loyalty_list_rewards (bank, FALSE, &error);
  for (guint i = 0; i < offered->len; i++)
    if (((FidReward *) offered->pdata[i])->cost_points == cost)
      for (guint j = 0; j < ids->len; j++)
        if (g_array_index (ids, gint64, j) == ((FidReward *) offered->pdata[i])->id)
          index = j;
  g_assert_cmpuint (index, !=, G_MAXUINT);
  gtk_drop_down_set_selected (rewards, index);
  adw_message_dialog_response (dialog, "redeem");
  spin (50);
}

static void
test_redeem_in_360_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autofree char *sql = NULL;
  const char *path = fid_store_get_path (store);
  FidCustomerPage *page;
  FidLoyaltyPanel *panel;
  AdwMessageDialog *refusal;
  GtkWidget *window;
  gint64 anne, leo;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }
  adw_init ();
  bank = store;

  /* Anne referred Léo, who opened an account: 500 points. */
  anne = fid_test_insert (store, "Anne", "Roux", "Brest");
  leo = fid_test_insert (store, "Léo", "Garnier", "Brest");
  g_assert_cmpint (fid_store_loyalty_record_referral (store, anne, leo, NULL, &error), >, 0);
  sql = g_strdup_printf ("INSERT INTO products (id, code, name, family) VALUES (1, 'CC', 'Current account',"
                         " 'current_account');"
                         "INSERT INTO holdings (customer_id, product_id, opened_on) VALUES (%" G_GINT64_FORMAT
                         ", 1, date ('now', 'localtime'));", leo);
  fid_test_exec_raw (path, sql);
  g_assert_cmpint (fid_store_loyalty_add_reward (store, "Spa day", 501, &error), >, 0);
  g_assert_cmpint (fid_store_loyalty_add_reward (store, "Weekend for two", 500, &error), >, 0);

  page = g_object_new (FID_TYPE_CUSTOMER_PAGE, NULL);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  fid_customer_page_set_store (page, store);
  fid_customer_page_load (page, anne);
  gtk_window_present (GTK_WINDOW (window));
  spin (200);

  panel = FID_LOYALTY_PANEL (find_panel (GTK_WIDGET (page)));
  g_assert_nonnull (panel);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_cmpint (fid_loyalty_panel_get_balance (panel), ==, 500);
  g_assert_true (has_label (GTK_WIDGET (panel), "500 points"));
  g_assert_true (has_label (GTK_WIDGET (panel), "Referred Léo Garnier"));
  g_assert_true (has_label (GTK_WIDGET (panel), "+500 · Referral converted"));

  /* One point too dear: refused, said clearly, nothing spent. */
  redeem_through_dialog (panel, 501);
  refusal = find_dialog ("Cannot Redeem the Reward");
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "the balance is 500"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "costs 501"));
  gtk_window_destroy (GTK_WINDOW (refusal));
  g_assert_cmpint (fid_loyalty_panel_get_balance (panel), ==, 500);

  /* Exactly the balance: redeemed, the panel shows the line and 0. */
  redeem_through_dialog (panel, 500);
  g_assert_null (find_dialog ("Cannot Redeem the Reward"));
  g_assert_cmpint (fid_loyalty_panel_get_balance (panel), ==, 0);
  g_assert_true (has_label (GTK_WIDGET (panel), "0 points"));
  g_assert_true (has_label (GTK_WIDGET (panel), "-500 · Reward redeemed: Weekend for two"));
  {
    gint64 balance = -1;

    g_assert_true (fid_store_loyalty_get_balance (store, anne, &balance, &error));
    g_assert_cmpint (balance, ==, 0);
  }

  /* The window is left to the end of the process: disposing the 360 view
   * trips over FidNboPanel's dispose (it disposes its template and AdwBin
   * unparents the same child again), which is not this test's subject. */
  gtk_widget_set_visible (window, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loyalty-ui/redeem-in-360-view", test_redeem_in_360_view);
  return g_test_run ();
}
