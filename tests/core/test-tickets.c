/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tickets: every allowed move of the workflow and every refused one, each
 * refusal with its own error and nothing saved; validation of the fields;
 * row-version conflicts; the open-tickets view across customers. */

#include "config.h"

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
                     "INSERT INTO advisors (id, first_name, last_name) VALUES (1, 'Claire', 'Moreau'),"
                     " (2, 'Hugo', 'Blanc');");
  f->customer = fid_test_insert (f->store, "Hélène", "Martin", "Lyon");
  f->other_customer = fid_test_insert (f->store, "", "Boulangerie Paul", "Lyon");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static FidTicket *
new_ticket (gint64      customer_id,
            const char *kind,
            const char *due_on)
{
  FidTicket *ticket = fid_ticket_new ();

  fid_ticket_set_customer_id (ticket, customer_id);
  fid_ticket_set_kind (ticket, kind);
  fid_ticket_set_subject (ticket, "Frais contestés");
  fid_ticket_set_description (ticket, "Double prélèvement de frais de tenue de compte.");
  fid_ticket_set_category (ticket, "fees");
  fid_ticket_set_due_on (ticket, due_on);
  fid_ticket_set_advisor_id (ticket, 1);
  return ticket;
}

static gint64
add_ticket (Fixture    *f,
            gint64      customer_id,
            const char *kind,
            const char *due_on,
            const char *priority)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidTicket) ticket = new_ticket (customer_id, kind, due_on);

  if (priority != NULL)
    fid_ticket_set_priority (ticket, priority);
  g_assert_true (fid_store_add_ticket (f->store, ticket, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fid_ticket_get_id (ticket), >, 0);
  g_assert_cmpint (fid_ticket_get_version (ticket), ==, 1);
  return fid_ticket_get_id (ticket);
}

static char *
status_of (Fixture *f,
           gint64   id)
{
  g_autoptr(FidTicket) ticket = fid_store_get_ticket (f->store, id, NULL);

  return g_strdup (fid_ticket_get_status (ticket));
}

/* Moves ticket @id to @to and checks the outcome: @domain 0 means it must
 * succeed; otherwise it must fail with that error and change nothing. */
static void
move (Fixture    *f,
      gint64      id,
      const char *to,
      const char *resolution,
      GQuark      domain,
      int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fid_store_content_digest (f->store, NULL);
  g_autofree char *after = NULL;
  g_autofree char *status = NULL;
  gboolean ok = fid_store_set_ticket_status (f->store, id, to, resolution, &error);

  after = fid_store_content_digest (f->store, NULL);
  status = status_of (f, id);
  if (domain == 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpstr (status, ==, to);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, domain, code);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_workflow (Fixture       *f,
               gconstpointer  data)
{
  static const char * const statuses[] = { "open", "in_progress", "resolved", "closed" };
  /* allowed[from][to] */
  static const gboolean allowed[4][4] = {
    { FALSE, TRUE, FALSE, FALSE },
    { FALSE, FALSE, TRUE, FALSE },
    { FALSE, TRUE, FALSE, TRUE },
    { FALSE, FALSE, FALSE, FALSE },
  };
  static const char * const path_to[4][4] = {
    { NULL },
    { "in_progress", NULL },
    { "in_progress", "resolved", NULL },
    { "in_progress", "resolved", "closed", NULL },
  };

  /* For each (from, to): a fresh ticket walked to @from, then the move. */
  for (guint from = 0; from < 4; from++)
    for (guint to = 0; to < 4; to++)
      {
        gint64 id = add_ticket (f, f->customer, "complaint", "2025-04-01", NULL);

        for (guint s = 0; path_to[from][s] != NULL; s++)
          move (f, id, path_to[from][s], "Frais remboursés le 2 avril.", 0, 0);
        if (allowed[from][to])
          move (f, id, statuses[to], "Frais remboursés.", 0, 0);
        else
          move (f, id, statuses[to], "Frais remboursés.", FID_TICKET_ERROR, FID_TICKET_ERROR_INVALID_TRANSITION);
      }
}

static void
test_resolution_and_reopen (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidTicket) ticket = NULL;
  gint64 id = add_ticket (f, f->customer, "request", NULL, NULL);

  move (f, id, "in_progress", NULL, 0, 0);
  /* Resolving needs a note; blank is none. */
  move (f, id, "resolved", NULL, FID_TICKET_ERROR, FID_TICKET_ERROR_RESOLUTION_REQUIRED);
  move (f, id, "resolved", "  \n", FID_TICKET_ERROR, FID_TICKET_ERROR_RESOLUTION_REQUIRED);
  move (f, id, "resolved", "  RIB envoyé par courrier. ", 0, 0);
  ticket = fid_store_get_ticket (f->store, id, &error);
  g_assert_cmpstr (fid_ticket_get_resolution (ticket), ==, "RIB envoyé par courrier.");
  g_assert_nonnull (fid_ticket_get_resolved_at (ticket));
  g_assert_cmpint (fid_ticket_get_version (ticket), ==, 3);
  g_clear_object (&ticket);

  /* Reopening clears the resolution time and keeps the note. */
  move (f, id, "in_progress", NULL, 0, 0);
  ticket = fid_store_get_ticket (f->store, id, &error);
  g_assert_null (fid_ticket_get_resolved_at (ticket));
  g_assert_cmpstr (fid_ticket_get_resolution (ticket), ==, "RIB envoyé par courrier.");

  /* Unknown statuses and tickets. */
  move (f, id, "done", NULL, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE);
  g_assert_false (fid_store_set_ticket_status (f->store, 9999, "in_progress", NULL, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
}

static void
test_critical_incident (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidTicket) complaint = new_ticket (f->customer, "complaint", NULL);
  g_autoptr(FidTicket) request = new_ticket (f->customer, "request", NULL);
  g_autoptr(FidTicket) read = NULL;

  fid_ticket_set_critical_incident (complaint, TRUE);
  g_assert_true (fid_store_add_ticket (f->store, complaint, &error));
  g_assert_no_error (error);
  read = fid_store_get_ticket (f->store, fid_ticket_get_id (complaint), &error);
  g_assert_true (fid_ticket_get_critical_incident (read));

  fid_ticket_set_critical_incident (request, TRUE);
  g_assert_false (fid_store_add_ticket (f->store, request, &error));
  g_assert_error (error, FID_TICKET_ERROR, FID_TICKET_ERROR_CRITICAL_NOT_COMPLAINT);
  g_clear_error (&error);

  /* Turning the complaint into a request while flagged is refused too. */
  fid_ticket_set_kind (complaint, "incident");
  g_assert_false (fid_store_update_ticket (f->store, complaint, &error));
  g_assert_error (error, FID_TICKET_ERROR, FID_TICKET_ERROR_CRITICAL_NOT_COMPLAINT);
}

typedef void (*Spoil) (FidTicket *ticket);

static void spoil_customer (FidTicket *t) { fid_ticket_set_customer_id (t, 4242); }
static void spoil_kind (FidTicket *t) { fid_ticket_set_kind (t, "praise"); }
static void spoil_subject (FidTicket *t) { fid_ticket_set_subject (t, " "); }
static void spoil_priority (FidTicket *t) { fid_ticket_set_priority (t, "whenever"); }
static void spoil_due (FidTicket *t) { fid_ticket_set_due_on (t, "2025-02-29"); }
static void spoil_advisor (FidTicket *t) { fid_ticket_set_advisor_id (t, 99); }
static void spoil_status (FidTicket *t) { fid_ticket_set_status (t, "resolved"); }
static void spoil_opened (FidTicket *t) { fid_ticket_set_opened_at (t, "yesterday"); }

static void
test_validation_saves_nothing (Fixture       *f,
                               gconstpointer  data)
{
  static const struct { Spoil spoil; const char *domain; int code; } cases[] = {
    { spoil_customer, "validation", FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER },
    { spoil_kind, "validation", FID_VALIDATION_ERROR_INVALID_VALUE },
    { spoil_subject, "validation", FID_VALIDATION_ERROR_EMPTY_SUBJECT },
    { spoil_priority, "validation", FID_VALIDATION_ERROR_INVALID_VALUE },
    { spoil_due, "validation", FID_VALIDATION_ERROR_INVALID_DATE },
    { spoil_advisor, "validation", FID_VALIDATION_ERROR_UNKNOWN_ADVISOR },
    { spoil_status, "ticket", FID_TICKET_ERROR_INVALID_TRANSITION },
    { spoil_opened, "validation", FID_VALIDATION_ERROR_INVALID_DATE_TIME },
  };
  g_autofree char *digest = fid_store_content_digest (f->store, NULL);
  gint64 id = add_ticket (f, f->customer, "request", "2025-04-01", NULL);
  g_autofree char *with_one = fid_store_content_digest (f->store, NULL);

  g_assert_cmpstr (digest, !=, with_one);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GQuark domain = g_str_equal (cases[i].domain, "ticket") ? FID_TICKET_ERROR : FID_VALIDATION_ERROR;
      g_autoptr(GError) error = NULL;
      g_autoptr(FidTicket) ticket = new_ticket (f->customer, "request", "2025-04-01");
      g_autoptr(FidTicket) existing = fid_store_get_ticket (f->store, id, NULL);
      g_autofree char *after = NULL;

      cases[i].spoil (ticket);
      g_assert_false (fid_store_add_ticket (f->store, ticket, &error));
      g_assert_error (error, domain, cases[i].code);
      g_clear_error (&error);

      /* The same spoiling on an edit (where the field is editable). */
      if (cases[i].spoil != spoil_customer && cases[i].spoil != spoil_status && cases[i].spoil != spoil_opened)
        {
          cases[i].spoil (existing);
          g_assert_false (fid_store_update_ticket (f->store, existing, &error));
          g_assert_error (error, domain, cases[i].code);
        }
      after = fid_store_content_digest (f->store, NULL);
      g_assert_cmpstr (after, ==, with_one);
    }
}

static void
test_update_conflict (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_ticket (f, f->customer, "request", NULL, NULL);
  g_autoptr(FidTicket) mine = fid_store_get_ticket (f->store, id, &error);
  g_autoptr(FidTicket) theirs = fid_store_get_ticket (f->store, id, &error);
  g_autoptr(FidTicket) read = NULL;

  fid_ticket_set_priority (theirs, "urgent");
  g_assert_true (fid_store_update_ticket (f->store, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fid_ticket_get_version (theirs), ==, 2);

  fid_ticket_set_subject (mine, "Autre sujet");
  g_assert_false (fid_store_update_ticket (f->store, mine, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  read = fid_store_get_ticket (f->store, id, &error);
  g_assert_cmpstr (fid_ticket_get_subject (read), ==, "Frais contestés");
  g_assert_cmpstr (fid_ticket_get_priority (read), ==, "urgent");

  /* A status change is an edit too: the copy read before it is stale. */
  g_assert_true (fid_store_set_ticket_status (f->store, id, "in_progress", NULL, &error));
  g_assert_false (fid_store_update_ticket (f->store, theirs, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  fid_ticket_set_id (mine, 9999);
  g_assert_false (fid_store_update_ticket (f->store, mine, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
}

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  gint64 late_low = add_ticket (f, f->customer, "request", "2025-03-01", "low");
  gint64 late_urgent = add_ticket (f, f->other_customer, "incident", "2025-03-05", "urgent");
  gint64 soon = add_ticket (f, f->customer, "request", "2025-03-20", "normal");
  gint64 undated = add_ticket (f, f->customer, "request", NULL, "normal");
  gint64 resolved = add_ticket (f, f->customer, "request", "2025-01-01", "urgent");
  gint64 theirs;

  g_assert_true (fid_store_set_ticket_status (f->store, resolved, "in_progress", NULL, &error));
  g_assert_true (fid_store_set_ticket_status (f->store, resolved, "resolved", "Fait.", &error));
  g_assert_true (fid_store_set_ticket_status (f->store, soon, "in_progress", NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(FidTicket) ticket = new_ticket (f->other_customer, "request", "2025-03-02");

    fid_ticket_set_advisor_id (ticket, 2);
    g_assert_true (fid_store_add_ticket (f->store, ticket, &error));
    theirs = fid_ticket_get_id (ticket);
  }

  /* Overdue first (urgent before low), then by due date, undated last. */
  open = fid_store_list_open_tickets (f->store, 1, "2025-03-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 4);
  g_assert_cmpint (fid_ticket_get_id (open->pdata[0]), ==, late_urgent);
  g_assert_cmpint (fid_ticket_get_id (open->pdata[1]), ==, late_low);
  g_assert_cmpint (fid_ticket_get_id (open->pdata[2]), ==, soon);
  g_assert_cmpint (fid_ticket_get_id (open->pdata[3]), ==, undated);
  g_assert_cmpstr (fid_ticket_get_customer_name (open->pdata[0]), ==, "Boulangerie Paul");
  g_assert_cmpstr (fid_ticket_get_status (open->pdata[2]), ==, "in_progress");
  g_clear_pointer (&open, g_ptr_array_unref);

  open = fid_store_list_open_tickets (f->store, 0, "2025-03-10", &error);
  g_assert_cmpuint (open->len, ==, 5);
  /* Overdue: urgent, then normal (theirs), then low. */
  g_assert_cmpint (fid_ticket_get_id (open->pdata[1]), ==, theirs);
  g_assert_cmpint (fid_ticket_get_id (open->pdata[2]), ==, late_low);

  mine = fid_store_list_customer_tickets (f->store, f->customer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 4);
  /* Newest first: same second, so by id. */
  g_assert_cmpint (fid_ticket_get_id (mine->pdata[0]), ==, resolved);
  g_assert_cmpstr (fid_ticket_get_customer_name (mine->pdata[0]), ==, "Hélène Martin");
  g_assert_cmpstr (fid_ticket_get_advisor_name (mine->pdata[0]), ==, "Claire Moreau");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tickets/workflow", test_workflow);
  ADD ("/tickets/resolution-and-reopen", test_resolution_and_reopen);
  ADD ("/tickets/critical-incident", test_critical_incident);
  ADD ("/tickets/validation-saves-nothing", test_validation_saves_nothing);
  ADD ("/tickets/update-conflict", test_update_conflict);
  ADD ("/tickets/lists", test_lists);
#undef ADD

  return g_test_run ();
}
