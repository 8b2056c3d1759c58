/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The unified timeline: every kind merged newest first, with the author,
 * and pages that neither skip nor repeat. */

#include "config.h"

#include "fid-test-util.h"

static const char fixture[] =
  "INSERT INTO branches (id, code, name, city) VALUES (1, 'NTE1', 'Nantes Graslin', 'Nantes');"
  "INSERT INTO advisors (id, branch_id, first_name, last_name) VALUES (1, 1, 'Claire', 'Faure');"
  "INSERT INTO campaigns (id, name, channel, created_at) VALUES (1, 'Livret jeunes 2026', 'sms', '2026-01-01');"
  "INSERT INTO interactions (customer_id, channel, direction, at, advisor_id, subject, notes, outcome)"
  " VALUES (1, 'branch', 'inbound', '2026-03-02T10:00:00', 1, 'Rendez-vous annuel',"
  "         'Point sur l''épargne ; projet immobilier dans deux ans.', 'follow_up'),"
  "        (1, 'phone', 'outbound', '2026-01-15T09:30:00', 1, 'Relance carte', '', 'reached'),"
  "        (2, 'email', 'inbound', '2026-03-05T08:00:00', NULL, 'Autre client', '', NULL);"
  "INSERT INTO tickets (customer_id, kind, subject, opened_at, advisor_id)"
  " VALUES (1, 'complaint', 'Frais contestés', '2026-02-10T14:00:00', 1);"
  "INSERT INTO life_events (customer_id, kind, occurred_on) VALUES (1, 'birth', '2025-12-01');"
  "INSERT INTO campaign_targets (campaign_id, customer_id, grp, contacted_at, responded_at)"
  " VALUES (1, 1, 'test', '2026-01-20T12:00:00', '2026-01-21T08:00:00');";

static void
test_timeline_order_and_kinds (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fid_test_tmp_path ("timeline.db");
  g_autoptr(FidStore) store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) entries = NULL;
  static const char * const expected[] = {
    "interaction", "ticket", "transaction", "campaign", "interaction", "life_event", "transaction",
  };

  g_assert_no_error (error);
  fid_test_insert (store, "Louis", "Garnier", "Nantes");
  fid_test_insert (store, "Léa", "Garnier", "Nantes");
  g_assert_cmpint (fid_store_add_transaction (store, 1, "2026-02-01", 4500, 120, "card", "web", &error), >, 0);
  g_assert_cmpint (fid_store_add_transaction (store, 1, "2025-06-30", 900, 40, "savings", NULL, &error), >, 0);
  fid_test_exec_raw (path, fixture);

  entries = fid_store_get_timeline (store, 1, NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < entries->len; i++)
    {
      FidTimelineEntry *entry = entries->pdata[i];

      g_assert_cmpstr (fid_timeline_entry_get_kind (entry), ==, expected[i]);
      if (i > 0)
        g_assert_cmpstr (fid_timeline_entry_get_at (entries->pdata[i - 1]), >=, fid_timeline_entry_get_at (entry));
    }

  /* Who wrote it and what it says travel with the entry. */
  g_assert_cmpstr (fid_timeline_entry_get_author (entries->pdata[0]), ==, "Claire Faure");
  g_assert_cmpstr (fid_timeline_entry_get_title (entries->pdata[0]), ==, "Rendez-vous annuel");
  g_assert_nonnull (strstr (fid_timeline_entry_get_detail (entries->pdata[0]), "immobilier"));
  g_assert_cmpstr (fid_timeline_entry_get_channel (entries->pdata[0]), ==, "branch");
  g_assert_cmpint (fid_timeline_entry_get_amount_cents (entries->pdata[2]), ==, 4500);
  g_assert_cmpstr (fid_timeline_entry_get_status (entries->pdata[3]), ==, "responded");
  g_assert_cmpstr (fid_timeline_entry_get_title (entries->pdata[3]), ==, "Livret jeunes 2026");

  /* Customer 2's e-mail is not in customer 1's timeline, and vice versa. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = fid_store_get_timeline (store, 2, NULL, 100, &error);
  g_assert_cmpuint (entries->len, ==, 1);
}

static void
test_timeline_paging (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(FidTimelineEntry) before = NULL;
  gint64 who = fid_test_insert (store, "Louis", "Garnier", "Nantes");
  guint seen = 0;

  /* Many entries on the same few days: ties on the date must page cleanly. */
  for (guint i = 0; i < 47; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-01-%02u", 1 + i % 3);
      g_assert_cmpint (fid_store_add_transaction (store, who, date, 100 + i, 1, "card", NULL, &error), >, 0);
    }

  all = fid_store_get_timeline (store, who, NULL, 1000, &error);
  g_assert_cmpuint (all->len, ==, 47);

  for (;;)
    {
      g_autoptr(GPtrArray) page = fid_store_get_timeline (store, who, before, 10, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < page->len; i++, seen++)
        g_assert_cmpint (fid_timeline_entry_get_id (page->pdata[i]), ==,
                         fid_timeline_entry_get_id (all->pdata[seen]));
      if (page->len < 10)
        break;
      g_set_object (&before, page->pdata[page->len - 1]);
    }
  g_assert_cmpuint (seen, ==, 47);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/order-and-kinds", test_timeline_order_and_kinds);
  g_test_add_func ("/timeline/paging", test_timeline_paging);

  return g_test_run ();
}
