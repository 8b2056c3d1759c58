/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The 360 page's data and the directory: advisors, branches and segments
 * for the filters; the timeline with transactions grouped by month,
 * filtered by kind and channel and paged without gaps; life events, open
 * opportunities and the last NPS/CSAT answer. */

#include "config.h"

#include "fid-store-workspace.h"
#include "fid-test-util.h"

static FidStore *
new_bank (gint64 *customer)
{
  FidStore *store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  fid_test_exec_raw (fid_store_get_path (store),
                     "INSERT INTO branches (id, code, name, city) VALUES (1, 'LYS', 'Lyon Saxe', 'Lyon'),"
                     " (2, 'ANN', 'Annecy Lac', 'Annecy');"
                     "INSERT INTO advisors (id, branch_id, first_name, last_name, role) VALUES"
                     " (1, 1, 'Claire', 'Moreau', 'advisor'), (2, 2, 'Hugo', 'Blanc', 'branch_manager'),"
                     " (3, 1, 'Anne', 'Blanc', 'advisor');"
                     "INSERT INTO products (id, code, name, family) VALUES (1, 'LA', 'Livret A', 'savings'),"
                     " (2, 'PI', 'Prêt immobilier', 'mortgage');"
                     "INSERT INTO campaigns (id, name, channel, created_at) VALUES (1, 'Printemps', 'email', '2025-01-01');"
                     "INSERT INTO surveys (id, kind, title, created_at) VALUES (1, 'nps', 'NPS 2025', '2025-01-01'),"
                     " (2, 'csat', 'Satisfaction agence', '2025-01-01'), (3, 'kano', 'Kano appli', '2025-01-01');"
                     "INSERT INTO survey_items (id, survey_id, position, label) VALUES (1, 1, 1, 'Recommanderiez-vous ?'),"
                     " (2, 2, 1, 'Satisfait ?'), (3, 3, 1, 'Virement instantané');");
  *customer = fid_test_insert (store, "Hélène", "Martin", "Lyon");
  fid_test_insert (store, "Paul", "Roux", "Lyon");
  sql = g_strdup_printf (
    "UPDATE customers SET segment = CASE id WHEN 1 THEN 'gold' ELSE 'bronze' END;"
    "INSERT INTO life_events (customer_id, kind, occurred_on, notes) VALUES (%1$" G_GINT64_FORMAT ", 'marriage', '2023-06-10', ''),"
    " (%1$" G_GINT64_FORMAT ", 'birth', '2025-02-01', 'Léa');"
    "INSERT INTO opportunities (customer_id, product_id, stage, amount_cents, probability, advisor_id, created_at, expected_close_on) VALUES"
    " (%1$" G_GINT64_FORMAT ", 2, 'proposal', 25000000, 0.4, 1, '2025-02-10', '2025-05-01'),"
    " (%1$" G_GINT64_FORMAT ", 1, 'won', 100000, 1, 1, '2025-01-10', NULL);"
    "INSERT INTO campaign_targets VALUES (1, %1$" G_GINT64_FORMAT ", 'test', '2025-03-20T08:00:00', '2025-03-21T08:00:00', NULL);"
    "INSERT INTO survey_responses (id, survey_id, customer_id, answered_at) VALUES"
    " (1, 1, %1$" G_GINT64_FORMAT ", '2025-01-15'), (2, 2, %1$" G_GINT64_FORMAT ", '2025-03-15'),"
    " (3, 3, %1$" G_GINT64_FORMAT ", '2025-04-15');"
    "INSERT INTO survey_answers VALUES (1, 1, 'score', 9), (2, 2, 'score', 4), (3, 3, 'functional', 1);",
    *customer);
  fid_test_exec_raw (fid_store_get_path (store), sql);

  /* Transactions in three months, two channels. */
  {
    static const struct { const char *date; gint64 amount; const char *channel; } tx[] = {
      { "2025-01-05", 100, "web" }, { "2025-01-20", 200, "branch" }, { "2025-01-31", 300, "web" },
      { "2025-02-14", 400, "web" }, { "2025-03-01", 500, "branch" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (tx); i++)
      g_assert_cmpint (fid_store_add_transaction (store, *customer, tx[i].date, tx[i].amount, 1, "card",
                                                  tx[i].channel, &error), >, 0);
  }
  {
    static const struct { const char *at; const char *channel; } in[] = {
      { "2025-01-31T17:00:00", "phone" }, { "2025-02-20T09:00:00", "web" }, { "2025-03-02T10:00:00", "branch" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (in); i++)
      {
        g_autoptr(FidInteraction) interaction = fid_interaction_new ();

        fid_interaction_set_customer_id (interaction, *customer);
        fid_interaction_set_advisor_id (interaction, 1);
        fid_interaction_set_channel (interaction, in[i].channel);
        fid_interaction_set_at (interaction, in[i].at);
        g_assert_true (fid_store_add_interaction (store, interaction, &error));
      }
  }
  {
    g_autoptr(FidTicket) ticket = fid_ticket_new ();

    fid_ticket_set_customer_id (ticket, *customer);
    fid_ticket_set_subject (ticket, "Carte bloquée");
    fid_ticket_set_opened_at (ticket, "2025-02-21T09:00:00");
    g_assert_true (fid_store_add_ticket (store, ticket, &error));
  }
  g_assert_no_error (error);
  return store;
}

static void
test_directory (void)
{
  gint64 customer;
  g_autoptr(FidStore) store = new_bank (&customer);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) advisors = fid_store_list_advisors (store, 0, &error);
  g_autoptr(GPtrArray) in_lyon = fid_store_list_advisors (store, 1, &error);
  g_autoptr(GPtrArray) branches = fid_store_list_branches (store, &error);
  g_auto(GStrv) segments = fid_store_list_segments (store, &error);
  g_autoptr(FidAdvisor) advisor = fid_store_get_advisor (store, 2, &error);
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  /* By last, then first name. */
  g_assert_cmpuint (advisors->len, ==, 3);
  g_assert_cmpstr (fid_advisor_get_first_name (advisors->pdata[0]), ==, "Anne");
  g_assert_cmpstr (fid_advisor_get_first_name (advisors->pdata[1]), ==, "Hugo");
  g_assert_cmpstr (fid_advisor_get_last_name (advisors->pdata[2]), ==, "Moreau");
  g_assert_cmpuint (in_lyon->len, ==, 2);
  g_assert_cmpstr (fid_advisor_get_branch_name (in_lyon->pdata[0]), ==, "Lyon Saxe");

  g_assert_cmpstr (fid_advisor_get_role (advisor), ==, "branch_manager");
  g_assert_cmpint (fid_advisor_get_branch_id (advisor), ==, 2);
  name = fid_advisor_dup_display_name (advisor);
  g_assert_cmpstr (name, ==, "Hugo Blanc");
  g_assert_null (fid_store_get_advisor (store, 99, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);

  g_assert_cmpuint (branches->len, ==, 2);
  g_assert_cmpstr (fid_branch_get_name (branches->pdata[0]), ==, "Annecy Lac");
  g_assert_cmpstr (fid_branch_get_code (branches->pdata[1]), ==, "LYS");

  g_assert_cmpuint (g_strv_length (segments), ==, 2);
  g_assert_cmpstr (segments[0], ==, "bronze");
  g_assert_cmpstr (segments[1], ==, "gold");
}

static GPtrArray *
timeline (FidStore   *store,
          gint64      customer,
          const char *kind,
          const char *channel,
          guint       page)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FidTimelineEntry) before = NULL;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = fid_store_get_timeline_filtered (store, customer, kind, channel, before, page, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        g_ptr_array_add (all, g_object_ref (rows->pdata[i]));
      if (rows->len < page)
        break;
      g_set_object (&before, rows->pdata[rows->len - 1]);
    }
  return all;
}

static void
test_timeline (void)
{
  gint64 customer;
  g_autoptr(FidStore) store = new_bank (&customer);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = timeline (store, customer, NULL, NULL, 100);
  g_autoptr(GPtrArray) paged = timeline (store, customer, NULL, NULL, 2);
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) web = NULL;
  g_autoptr(GPtrArray) single = NULL;
  static const char * const expected_kinds[] = {
    "campaign", "interaction", "month", "ticket", "interaction", "month", "life_event",
    "interaction", "month", "life_event", NULL
  };

  /* Newest first: 3 interactions, 3 months, 1 ticket, 2 life events, 1
   * campaign contact; paging by 2 gives the same. */
  g_assert_cmpuint (all->len, ==, g_strv_length ((char **) expected_kinds));
  g_assert_cmpuint (paged->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    {
      g_assert_cmpstr (fid_timeline_entry_get_kind (all->pdata[i]), ==, expected_kinds[i]);
      g_assert_cmpstr (fid_timeline_entry_get_kind (paged->pdata[i]), ==, fid_timeline_entry_get_kind (all->pdata[i]));
      g_assert_cmpint (fid_timeline_entry_get_id (paged->pdata[i]), ==, fid_timeline_entry_get_id (all->pdata[i]));
    }

  /* A month: YYYYMM, its last transaction's date, count and sum. */
  months = timeline (store, customer, "month", NULL, 10);
  g_assert_cmpuint (months->len, ==, 3);
  g_assert_cmpint (fid_timeline_entry_get_id (months->pdata[2]), ==, 202501);
  g_assert_cmpstr (fid_timeline_entry_get_title (months->pdata[2]), ==, "2025-01");
  g_assert_cmpstr (fid_timeline_entry_get_at (months->pdata[2]), ==, "2025-01-31");
  g_assert_cmpint (fid_timeline_entry_get_count (months->pdata[2]), ==, 3);
  g_assert_cmpint (fid_timeline_entry_get_amount_cents (months->pdata[2]), ==, 600);

  /* One channel: its interactions, months of its transactions only. */
  web = timeline (store, customer, NULL, "web", 10);
  g_assert_cmpuint (web->len, ==, 3);
  g_assert_cmpstr (fid_timeline_entry_get_kind (web->pdata[0]), ==, "interaction");
  g_assert_cmpstr (fid_timeline_entry_get_kind (web->pdata[1]), ==, "month");
  g_assert_cmpint (fid_timeline_entry_get_amount_cents (web->pdata[1]), ==, 400);
  g_assert_cmpint (fid_timeline_entry_get_amount_cents (web->pdata[2]), ==, 400);
  g_assert_cmpint (fid_timeline_entry_get_count (web->pdata[2]), ==, 2);

  /* Single transactions on request; e-mail campaigns by channel. */
  single = timeline (store, customer, "transaction", NULL, 2);
  g_assert_cmpuint (single->len, ==, 5);
  g_clear_pointer (&single, g_ptr_array_unref);
  single = timeline (store, customer, "campaign", "email", 2);
  g_assert_cmpuint (single->len, ==, 1);
  g_assert_cmpstr (fid_timeline_entry_get_status (single->pdata[0]), ==, "responded");
  g_clear_pointer (&single, g_ptr_array_unref);
  single = timeline (store, customer, "ticket", "web", 2);
  g_assert_cmpuint (single->len, ==, 0);

  g_assert_null (fid_store_get_timeline_filtered (store, customer, "gossip", NULL, NULL, 10, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
}

static void
test_360_pieces (void)
{
  gint64 customer;
  g_autoptr(FidStore) store = new_bank (&customer);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = fid_store_list_life_events (store, customer, &error);
  g_autoptr(GPtrArray) opportunities = fid_store_list_open_opportunities (store, customer, &error);
  g_autoptr(FidTimelineEntry) last = fid_store_get_last_satisfaction (store, customer, &error);
  g_autoptr(FidTimelineEntry) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (fid_timeline_entry_get_title (events->pdata[0]), ==, "birth");
  g_assert_cmpstr (fid_timeline_entry_get_detail (events->pdata[0]), ==, "Léa");
  g_assert_cmpstr (fid_timeline_entry_get_at (events->pdata[1]), ==, "2023-06-10");

  /* Won and lost ones are not open. */
  g_assert_cmpuint (opportunities->len, ==, 1);
  g_assert_cmpstr (fid_timeline_entry_get_title (opportunities->pdata[0]), ==, "Prêt immobilier");
  g_assert_cmpstr (fid_timeline_entry_get_status (opportunities->pdata[0]), ==, "proposal");
  g_assert_cmpint (fid_timeline_entry_get_amount_cents (opportunities->pdata[0]), ==, 25000000);
  g_assert_cmpint (fid_timeline_entry_get_count (opportunities->pdata[0]), ==, 40);
  g_assert_cmpstr (fid_timeline_entry_get_author (opportunities->pdata[0]), ==, "Claire Moreau");
  g_assert_cmpstr (fid_timeline_entry_get_detail (opportunities->pdata[0]), ==, "2025-05-01");

  /* The newest NPS/CSAT answer (the later Kano one does not count). */
  g_assert_nonnull (last);
  g_assert_cmpstr (fid_timeline_entry_get_kind (last), ==, "csat");
  g_assert_cmpint (fid_timeline_entry_get_amount_cents (last), ==, 4);
  g_assert_cmpstr (fid_timeline_entry_get_title (last), ==, "Satisfaction agence");

  none = fid_store_get_last_satisfaction (store, customer + 1, &error);
  g_assert_no_error (error);
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workspace-360/directory", test_directory);
  g_test_add_func ("/workspace-360/timeline", test_timeline);
  g_test_add_func ("/workspace-360/pieces", test_360_pieces);

  return g_test_run ();
}
