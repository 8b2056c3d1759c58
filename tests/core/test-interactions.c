/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Interactions and follow-ups: a meeting report is saved with its advisor
 * and time and shows in the timeline; every validation rule refuses with
 * its own code and saves nothing; the follow-ups list holds exactly the
 * advisor's pending ones due by the day, overdue first. */

#include "config.h"

#include <string.h>

#include "fid-store-workspace.h"
#include "fid-test-util.h"

typedef struct
{
  FidStore *store;
  gint64    customer;
  gint64    other_customer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = fid_test_new_store ();
  fid_test_exec_raw (fid_store_get_path (f->store),
                     "INSERT INTO branches (id, code, name, city) VALUES (1, 'LYS', 'Lyon Saxe', 'Lyon');"
                     "INSERT INTO advisors (id, branch_id, first_name, last_name) VALUES"
                     " (1, 1, 'Claire', 'Moreau'), (2, 1, 'Hugo', 'Blanc');");
  f->customer = fid_test_insert (f->store, "Hélène", "Martin", "Lyon");
  f->other_customer = fid_test_insert (f->store, "Paul", "Durand", "Lyon");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static FidInteraction *
meeting (gint64      customer_id,
         gint64      advisor_id,
         const char *at,
         const char *follow_up_on)
{
  FidInteraction *interaction = fid_interaction_new ();

  fid_interaction_set_customer_id (interaction, customer_id);
  fid_interaction_set_advisor_id (interaction, advisor_id);
  fid_interaction_set_channel (interaction, "branch");
  fid_interaction_set_direction (interaction, "inbound");
  fid_interaction_set_at (interaction, at);
  fid_interaction_set_subject (interaction, "Projet immobilier");
  fid_interaction_set_notes (interaction, "Souhaite acheter à Villeurbanne ; apport 40 k€.");
  fid_interaction_set_outcome (interaction, "follow_up");
  fid_interaction_set_next_step (interaction, "Envoyer une simulation de prêt");
  fid_interaction_set_follow_up_on (interaction, follow_up_on);
  return interaction;
}

static gint64
count (FidStore   *store,
       const char *table)
{
  const char * const *names = NULL;
  g_autoptr(GArray) counts = fid_store_count_rows (store, &names, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], table))
      return g_array_index (counts, gint64, i);
  g_assert_not_reached ();
}

static void
test_add_and_read (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidInteraction) added = meeting (f->customer, 1, "2025-03-04 10:30", "2025-03-11");
  g_autoptr(FidInteraction) read = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(FidCustomer) customer = NULL;
  gint64 audit_before = count (f->store, "audit_log");

  fid_interaction_set_details (added, "{\"room\": \"B2\"}");
  g_assert_true (fid_store_add_interaction (f->store, added, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fid_interaction_get_id (added), >, 0);
  /* The moment is stored normalised. */
  g_assert_cmpstr (fid_interaction_get_at (added), ==, "2025-03-04T10:30:00");
  g_assert_cmpint (count (f->store, "audit_log"), ==, audit_before + 1);

  read = fid_store_get_interaction (f->store, fid_interaction_get_id (added), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_interaction_get_advisor_name (read), ==, "Claire Moreau");
  g_assert_cmpstr (fid_interaction_get_customer_name (read), ==, "Hélène Martin");
  g_assert_cmpstr (fid_interaction_get_notes (read), ==, "Souhaite acheter à Villeurbanne ; apport 40 k€.");
  g_assert_cmpstr (fid_interaction_get_follow_up_on (read), ==, "2025-03-11");
  g_assert_cmpstr (fid_interaction_get_details (read), ==, "{\"room\": \"B2\"}");
  g_assert_false (fid_interaction_get_follow_up_done (read));

  /* It is at once in the timeline, with its author, and the last contact. */
  timeline = fid_store_get_timeline_filtered (f->store, f->customer, NULL, NULL, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 1);
  g_assert_cmpstr (fid_timeline_entry_get_kind (timeline->pdata[0]), ==, "interaction");
  g_assert_cmpstr (fid_timeline_entry_get_author (timeline->pdata[0]), ==, "Claire Moreau");
  customer = fid_store_get_customer (f->store, f->customer, &error);
  g_assert_cmpstr (fid_customer_get_last_contact_at (customer), ==, "2025-03-04T10:30:00");

  /* Without a moment, it happened now. */
  {
    g_autoptr(FidInteraction) now = meeting (f->customer, 0, NULL, NULL);

    g_assert_true (fid_store_add_interaction (f->store, now, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (fid_interaction_get_at (now)), ==, 19);
  }

  g_assert_null (fid_store_get_interaction (f->store, 9999, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
}

typedef void (*Spoil) (FidInteraction *interaction);

static void spoil_customer (FidInteraction *i) { fid_interaction_set_customer_id (i, 4242); }
static void spoil_channel_empty (FidInteraction *i) { fid_interaction_set_channel (i, "  "); }
static void spoil_channel_null (FidInteraction *i) { fid_interaction_set_channel (i, NULL); }
static void spoil_channel_syntax (FidInteraction *i) { fid_interaction_set_channel (i, "Phone; DROP"); }
static void spoil_direction (FidInteraction *i) { fid_interaction_set_direction (i, "sideways"); }
static void spoil_at (FidInteraction *i) { fid_interaction_set_at (i, "2025-02-30T10:00"); }
static void spoil_at_hour (FidInteraction *i) { fid_interaction_set_at (i, "2025-02-03T25:00"); }
static void spoil_at_date_only (FidInteraction *i) { fid_interaction_set_at (i, "2025-02-03"); }
static void spoil_follow_up (FidInteraction *i) { fid_interaction_set_follow_up_on (i, "11/03/2025"); }
static void spoil_advisor (FidInteraction *i) { fid_interaction_set_advisor_id (i, 77); }
static void spoil_status (FidInteraction *i) { fid_interaction_set_status (i, "maybe"); }
static void spoil_details (FidInteraction *i) { fid_interaction_set_details (i, "[1, 2]"); }
static void spoil_campaign (FidInteraction *i) { fid_interaction_set_campaign_id (i, 5); }

static void
test_validation_saves_nothing (Fixture       *f,
                               gconstpointer  data)
{
  static const struct { Spoil spoil; int code; } cases[] = {
    { spoil_customer, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER },
    { spoil_channel_empty, FID_VALIDATION_ERROR_EMPTY_CHANNEL },
    { spoil_channel_null, FID_VALIDATION_ERROR_EMPTY_CHANNEL },
    { spoil_channel_syntax, FID_VALIDATION_ERROR_INVALID_VALUE },
    { spoil_direction, FID_VALIDATION_ERROR_INVALID_VALUE },
    { spoil_at, FID_VALIDATION_ERROR_INVALID_DATE_TIME },
    { spoil_at_hour, FID_VALIDATION_ERROR_INVALID_DATE_TIME },
    { spoil_at_date_only, FID_VALIDATION_ERROR_INVALID_DATE_TIME },
    { spoil_follow_up, FID_VALIDATION_ERROR_INVALID_DATE },
    { spoil_advisor, FID_VALIDATION_ERROR_UNKNOWN_ADVISOR },
    { spoil_status, FID_VALIDATION_ERROR_INVALID_VALUE },
    { spoil_details, FID_VALIDATION_ERROR_INVALID_VALUE },
    { spoil_campaign, FID_VALIDATION_ERROR_INVALID_VALUE },
  };
  g_autofree char *digest = fid_store_content_digest (f->store, NULL);
  gint64 audit = count (f->store, "audit_log");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FidInteraction) interaction = meeting (f->customer, 1, "2025-03-04T10:30:00", "2025-03-11");
      g_autofree char *after = NULL;

      cases[i].spoil (interaction);
      g_assert_false (fid_store_add_interaction (f->store, interaction, &error));
      g_assert_error (error, FID_VALIDATION_ERROR, cases[i].code);
      /* The message says what is wrong, in words. */
      g_assert_cmpuint (strlen (error->message), >, 10);
      g_assert_cmpint (fid_interaction_get_id (interaction), ==, 0);
      after = fid_store_content_digest (f->store, NULL);
      g_assert_cmpstr (after, ==, digest);
      g_assert_cmpint (count (f->store, "audit_log"), ==, audit);
    }
}

static gint64
add (Fixture    *f,
     gint64      customer,
     gint64      advisor,
     const char *at,
     const char *follow_up_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidInteraction) interaction = meeting (customer, advisor, at, follow_up_on);

  g_assert_true (fid_store_add_interaction (f->store, interaction, &error));
  g_assert_no_error (error);
  return fid_interaction_get_id (interaction);
}

static void
test_follow_ups (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  gint64 overdue_old, overdue, today, tomorrow, done, other_advisor, no_follow_up;

  overdue = add (f, f->customer, 1, "2025-03-01T09:00", "2025-03-09");
  today = add (f, f->other_customer, 1, "2025-03-02T09:00", "2025-03-10");
  tomorrow = add (f, f->customer, 1, "2025-03-03T09:00", "2025-03-11");
  overdue_old = add (f, f->other_customer, 1, "2025-02-01T09:00", "2025-02-15");
  done = add (f, f->customer, 1, "2025-03-01T10:00", "2025-03-05");
  other_advisor = add (f, f->customer, 2, "2025-03-01T11:00", "2025-03-05");
  no_follow_up = add (f, f->customer, 1, "2025-03-01T12:00", NULL);

  g_assert_true (fid_store_complete_follow_up (f->store, done, &error));
  g_assert_no_error (error);

  due = fid_store_list_follow_ups (f->store, 1, "2025-03-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 3);
  /* Oldest first: the overdue ones, then today's. */
  g_assert_cmpint (fid_interaction_get_id (due->pdata[0]), ==, overdue_old);
  g_assert_cmpint (fid_interaction_get_id (due->pdata[1]), ==, overdue);
  g_assert_cmpint (fid_interaction_get_id (due->pdata[2]), ==, today);
  g_assert_cmpstr (fid_interaction_get_customer_name (due->pdata[0]), ==, "Paul Durand");
  g_assert_cmpstr (fid_interaction_get_customer_name (due->pdata[1]), ==, "Hélène Martin");
  g_clear_pointer (&due, g_ptr_array_unref);

  /* The other advisor sees only theirs. */
  due = fid_store_list_follow_ups (f->store, 2, "2025-03-10", &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (fid_interaction_get_id (due->pdata[0]), ==, other_advisor);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Completing one removes it; tomorrow's appears tomorrow. */
  g_assert_true (fid_store_complete_follow_up (f->store, overdue_old, &error));
  due = fid_store_list_follow_ups (f->store, 1, "2025-03-11", &error);
  g_assert_cmpuint (due->len, ==, 3);
  g_assert_cmpint (fid_interaction_get_id (due->pdata[2]), ==, tomorrow);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Nothing to complete without a follow-up, or without an interaction. */
  g_assert_false (fid_store_complete_follow_up (f->store, no_follow_up, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (fid_store_complete_follow_up (f->store, 9999, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (fid_store_list_follow_ups (f->store, 1, "10/03/2025", &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE);
}

static void
test_persists_after_reopening (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (fid_store_get_path (f->store));
  gint64 id = add (f, f->customer, 1, "2025-03-04T10:30", "2025-03-11");
  g_autoptr(FidStore) reopened = NULL;
  g_autoptr(FidInteraction) read = NULL;

  g_clear_object (&f->store);
  reopened = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  read = fid_store_get_interaction (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_interaction_get_subject (read), ==, "Projet immobilier");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/interactions/add-and-read", test_add_and_read);
  ADD ("/interactions/validation-saves-nothing", test_validation_saves_nothing);
  ADD ("/interactions/follow-ups", test_follow_ups);
  ADD ("/interactions/persists-after-reopening", test_persists_after_reopening);
#undef ADD

  return g_test_run ();
}
