/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The account manager's workspace (issue 3), driven the way a user would
 * through actions and signals on a small demo bank: search narrows the
 * list, a customer's 360 page shows the timeline, a meeting report appears
 * at once and survives reopening the database, follow-ups due today are
 * listed, the ticket workflow goes through its dialog, a validation error
 * is shown under its field with nothing saved, and a delete is undone with
 * the customer's history. Needs a display (Xvfb); skipped without one. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fid-advisor-dialog.h"
#include "fid-store-export.h"
#include "fid-application.h"
#include "fid-customer-editor.h"
#include "fid-customer-page.h"
#include "fid-customers-page.h"
#include "fid-demo.h"
#include "fid-follow-ups-page.h"
#include "fid-form.h"
#include "fid-format.h"
#include "fid-interaction-dialog.h"
#include "fid-store-workspace.h"
#include "fid-ticket-dialog.h"
#include "fid-window.h"

#define N_CUSTOMERS 200
#define SEED 42
#define TIMEOUT_MS 20000

static gboolean have_display;
static FidApplication *app;

typedef struct
{
  char      *dir;
  char      *path;
  FidStore  *store;
  FidWindow *window;
  gint64     advisor_id;
  char      *advisor_name;
  gint64     customer_id;   /* one with a history and an e-mail */
} Fixture;

typedef gboolean (*Condition) (gpointer data);

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

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

/* Lets pending idles and redraws run. */
static void
settle (void)
{
  for (guint i = 0; i < 20 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
window_is_idle (gpointer data)
{
  return !fid_window_get_busy (data);
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }

  return NULL;
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

static guint
count_timeline (FidStore *store,
                gint64    customer_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = fid_store_get_timeline (store, customer_id, NULL, 100000, &error);
  g_assert_no_error (error);

  return entries->len;
}

static gint64
count_customers (FidStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = fid_store_count_customers (store, NULL, &error);

  g_assert_no_error (error);

  return n;
}

static void
open_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->store = fid_store_open (fixture->path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  fixture->window = fid_window_new (app, fixture->store);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (iterate_until (window_is_idle, fixture->window));
  settle ();
}

static void
close_window (Fixture *fixture)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (iterate_until (pointer_is_null, &fixture->window));
  g_clear_object (&fixture->store);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidDemo) demo = NULL;
  g_autoptr(GPtrArray) advisors = NULL;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("fidelis-workspace-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "bank.db", NULL);

  demo = fid_demo_new (N_CUSTOMERS, SEED);
  fid_demo_write (demo, fixture->path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture->store = fid_store_open (fixture->path, FID_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  advisors = fid_store_list_advisors (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (advisors->len, >, 0);
  fixture->advisor_id = fid_advisor_get_id (g_ptr_array_index (advisors, 0));
  fixture->advisor_name = fid_advisor_dup_display_name (g_ptr_array_index (advisors, 0));

  /* A customer with some history and an e-mail. */
  for (gint64 id = 1; id <= N_CUSTOMERS && fixture->customer_id == 0; id++)
    {
      g_autoptr(FidCustomer) customer = fid_store_get_customer (fixture->store, id, NULL);

      if (customer != NULL && fid_customer_get_email (customer) != NULL &&
          strlen (fid_customer_get_last_name (customer)) >= 4 &&
          count_timeline (fixture->store, id) >= 3)
        fixture->customer_id = id;
    }
  g_assert_cmpint (fixture->customer_id, >, 0);
  g_clear_object (&fixture->store);

  /* Signed in, as after the first start. */
  fid_application_set_advisor_id (app, fixture->advisor_id);

  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  close_window (fixture);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->advisor_name);
}

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (!have_display) \
      { \
        g_test_skip ("No display: run the ui suite under xvfb-run"); \
        return; \
      } \
  } G_STMT_END

static GListModel *
get_list_model (Fixture *fixture)
{
  GtkColumnView *column_view = fid_window_get_column_view (fixture->window);

  return gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view)));
}

static FidCustomersPage *
get_customers_page (Fixture *fixture)
{
  return FID_CUSTOMERS_PAGE (fid_window_get_page (fixture->window, "customers"));
}

static FidCustomerPage *
get_customer_page (Fixture *fixture)
{
  return FID_CUSTOMER_PAGE (fid_window_get_page (fixture->window, "customer"));
}

typedef struct
{
  Fixture *fixture;
  guint    below;
} Narrowed;

static gboolean
list_is_narrowed (gpointer data)
{
  Narrowed *narrowed = data;
  GListModel *model = get_list_model (narrowed->fixture);

  return fid_customers_page_get_searching (get_customers_page (narrowed->fixture)) &&
         g_list_model_get_n_items (model) < narrowed->below;
}

static gboolean
list_is_full (gpointer data)
{
  Fixture *fixture = data;

  return !fid_customers_page_get_searching (get_customers_page (fixture)) &&
         g_list_model_get_n_items (get_list_model (fixture)) == N_CUSTOMERS;
}

/* The position of @customer_id in the list, or -1. */
static int
find_in_list (Fixture *fixture,
              gint64   customer_id)
{
  GListModel *model = get_list_model (fixture);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FidCustomer) customer = g_list_model_get_item (model, i);

      if (fid_customer_get_id (customer) == customer_id)
        return i;
    }

  return -1;
}

/* A status page on screen whose description contains @text. */
static gboolean
status_page_shows (GtkWidget  *widget,
                   const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  if (ADW_IS_STATUS_PAGE (widget))
    {
      const char *description = adw_status_page_get_description (ADW_STATUS_PAGE (widget));

      if (description != NULL && strstr (description, text) != NULL)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (status_page_shows (child, text))
      return TRUE;

  return FALSE;
}

static void
test_search_narrows (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(FidCustomer) customer = NULL;
  g_autofree char *prefix = NULL;
  GtkEditable *entry;
  Narrowed narrowed = { fixture, N_CUSTOMERS };
  GListModel *model;

  SKIP_WITHOUT_DISPLAY ();

  model = get_list_model (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_CUSTOMERS);

  customer = fid_store_get_customer (fid_window_get_store (fixture->window), fixture->customer_id, NULL);
  prefix = g_utf8_substring (fid_customer_get_last_name (customer), 0, 3);

  /* Ctrl+F's action puts the focus in the search entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  entry = fid_customers_page_get_search_entry (get_customers_page (fixture));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (entry)));

  /* Three letters: the list narrows (after the debounce) and keeps the
   * customer they come from. */
  gtk_editable_set_text (entry, prefix);
  g_assert_true (iterate_until (list_is_narrowed, &narrowed));
  model = get_list_model (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpint (find_in_list (fixture, fixture->customer_id), >=, 0);

  /* A word nobody has: an empty state that says what was typed. */
  gtk_editable_set_text (entry, "zzqxw");
  narrowed.below = 1;
  g_assert_true (iterate_until (list_is_narrowed, &narrowed));
  settle ();
  g_assert_true (status_page_shows (GTK_WIDGET (fixture->window), "zzqxw"));

  /* Cleared: everyone again. */
  gtk_editable_set_text (entry, "");
  g_assert_true (iterate_until (list_is_full, fixture));
}

static gboolean
customer_is_shown (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (fid_window_get_visible_page (fixture->window), "customer") == 0 &&
         fid_customer_page_get_customer_id (get_customer_page (fixture)) == fixture->customer_id;
}

/* Opens the fixture's customer the way Enter on its row does. */
static void
open_customer_from_list (Fixture *fixture)
{
  GtkColumnView *column_view = fid_window_get_column_view (fixture->window);
  int position = find_in_list (fixture, fixture->customer_id);

  g_assert_cmpint (position, >=, 0);
  g_signal_emit_by_name (column_view, "activate", (guint) position);
  g_assert_true (iterate_until (customer_is_shown, fixture));
}

static void
test_customer_timeline (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *entries;
  guint n;

  SKIP_WITHOUT_DISPLAY ();

  open_customer_from_list (fixture);

  entries = fid_timeline_get_entries (fid_customer_page_get_timeline (get_customer_page (fixture)));
  expected = fid_store_get_timeline_filtered (fid_window_get_store (fixture->window), fixture->customer_id,
                                              NULL, NULL, NULL, FID_TIMELINE_PAGE_SIZE, &error);
  g_assert_no_error (error);

  n = g_list_model_get_n_items (entries);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, ==, expected->len);

  /* Newest first, the same entries the store gives. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FidTimelineEntry) entry = g_list_model_get_item (entries, i);
      FidTimelineEntry *want = g_ptr_array_index (expected, i);

      g_assert_cmpstr (fid_timeline_entry_get_kind (entry), ==, fid_timeline_entry_get_kind (want));
      g_assert_cmpint (fid_timeline_entry_get_id (entry), ==, fid_timeline_entry_get_id (want));
      if (i > 0)
        {
          g_autoptr(FidTimelineEntry) newer = g_list_model_get_item (entries, i - 1);

          g_assert_cmpstr (fid_timeline_entry_get_at (newer), >=, fid_timeline_entry_get_at (entry));
        }
    }

  /* Back goes to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL));
  g_assert_cmpstr (fid_window_get_visible_page (fixture->window), ==, "customers");
}

static FidInteractionDialog *
open_interaction_dialog (Fixture *fixture)
{
  FidInteractionDialog *dialog;

  /* Ctrl+I's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-interaction", NULL));
  dialog = find_toplevel (FID_TYPE_INTERACTION_DIALOG);
  g_assert_nonnull (dialog);

  return dialog;
}

/* Writes a meeting report with a follow-up due today; returns its
 * interaction id (from the timeline's first entry). */
static gint64
add_meeting_report (Fixture    *fixture,
                    const char *subject,
                    const char *notes)
{
  FidInteractionDialog *dialog;
  g_autofree char *today = fid_format_today_iso ();
  g_autoptr(FidTimelineEntry) first = NULL;
  GtkTextView *notes_view;
  GListModel *entries;

  dialog = open_interaction_dialog (fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  adw_combo_row_set_selected (ADW_COMBO_ROW (fid_interaction_dialog_get_field (dialog, "channel")), 0);
  gtk_editable_set_text (GTK_EDITABLE (fid_interaction_dialog_get_field (dialog, "subject")), subject);
  notes_view = GTK_TEXT_VIEW (fid_interaction_dialog_get_field (dialog, "notes"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes_view), notes, -1);
  gtk_editable_set_text (GTK_EDITABLE (fid_interaction_dialog_get_field (dialog, "outcome")), "Simulation given");
  gtk_editable_set_text (GTK_EDITABLE (fid_interaction_dialog_get_field (dialog, "next-step")),
                         "Call back with a mortgage simulation");
  gtk_editable_set_text (GTK_EDITABLE (fid_interaction_dialog_get_field (dialog, "follow-up")), today);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "interaction.save", NULL));
  g_assert_true (iterate_until (pointer_is_null, &dialog));

  /* At once at the top of the timeline, with its author. */
  entries = fid_timeline_get_entries (fid_customer_page_get_timeline (get_customer_page (fixture)));
  first = g_list_model_get_item (entries, 0);
  g_assert_nonnull (first);
  g_assert_cmpstr (fid_timeline_entry_get_kind (first), ==, "interaction");
  g_assert_cmpstr (fid_timeline_entry_get_title (first), ==, subject);
  g_assert_cmpstr (fid_timeline_entry_get_detail (first), ==, notes);
  g_assert_cmpstr (fid_timeline_entry_get_author (first), ==, fixture->advisor_name);
  g_assert_cmpstr (fid_timeline_entry_get_channel (first), ==, "branch");

  return fid_timeline_entry_get_id (first);
}

static void
test_meeting_report_persists (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *subject = "Annual review";
  const char *notes = "Met at the branch. Plans to buy a flat within two years;\n"
                      "gave a home-savings simulation. Wants to compare with her partner.";
  g_autoptr(GPtrArray) reread = NULL;
  g_autoptr(GError) error = NULL;
  FidTimelineEntry *first;

  SKIP_WITHOUT_DISPLAY ();

  open_customer_from_list (fixture);
  add_meeting_report (fixture, subject, notes);

  /* Closed, opened again: still there. */
  close_window (fixture);
  open_window (fixture);

  reread = fid_store_get_timeline_filtered (fid_window_get_store (fixture->window), fixture->customer_id,
                                            "interaction", NULL, NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reread->len, ==, 1);
  first = g_ptr_array_index (reread, 0);
  g_assert_cmpstr (fid_timeline_entry_get_title (first), ==, subject);
  g_assert_cmpstr (fid_timeline_entry_get_detail (first), ==, notes);

  /* And the reopened window shows it too. */
  fid_window_show_customer (fixture->window, fixture->customer_id);
  {
    GListModel *entries = fid_timeline_get_entries (fid_customer_page_get_timeline (get_customer_page (fixture)));
    g_autoptr(FidTimelineEntry) shown = g_list_model_get_item (entries, 0);

    g_assert_cmpstr (fid_timeline_entry_get_title (shown), ==, subject);
  }
}

static void
test_follow_up_listed (Fixture       *fixture,
                       gconstpointer  data)
{
  FidFollowUpsPage *page;
  GListModel *items;
  gboolean found = FALSE;
  gint64 interaction_id;

  SKIP_WITHOUT_DISPLAY ();

  open_customer_from_list (fixture);
  interaction_id = add_meeting_report (fixture, "Phone call about the loan", "Asked for the rates.");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "follow-ups"));
  g_assert_cmpstr (fid_window_get_visible_page (fixture->window), ==, "follow-ups");

  page = FID_FOLLOW_UPS_PAGE (fid_window_get_page (fixture->window, "follow-ups"));
  items = fid_follow_ups_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FidInteraction) item = g_list_model_get_item (items, i);

      if (fid_interaction_get_id (item) == interaction_id)
        {
          g_autofree char *today = fid_format_today_iso ();

          g_assert_cmpint (fid_interaction_get_customer_id (item), ==, fixture->customer_id);
          g_assert_cmpstr (fid_interaction_get_follow_up_on (item), ==, today);
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* Done: it leaves the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "follow-ups.done", "x", interaction_id));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FidInteraction) item = g_list_model_get_item (items, i);

      g_assert_cmpint (fid_interaction_get_id (item), !=, interaction_id);
    }
}

static FidTicket *
reread_ticket (Fixture *fixture,
               gint64   ticket_id)
{
  g_autoptr(GError) error = NULL;
  FidTicket *ticket = fid_store_get_ticket (fid_window_get_store (fixture->window), ticket_id, &error);

  g_assert_no_error (error);

  return ticket;
}

static void
assert_status (Fixture    *fixture,
               gint64      ticket_id,
               const char *status)
{
  g_autoptr(FidTicket) ticket = reread_ticket (fixture, ticket_id);

  g_assert_cmpstr (fid_ticket_get_status (ticket), ==, status);
}

static void
test_ticket_workflow (Fixture       *fixture,
                      gconstpointer  data)
{
  FidTicketDialog *dialog;
  GtkWidget *resolution;
  GtkWidget *critical;
  GtkWidget *critical_row;
  g_autoptr(FidTicket) saved = NULL;
  gint64 ticket_id;

  SKIP_WITHOUT_DISPLAY ();

  fid_window_show_customer (fixture->window, fixture->customer_id);

  /* New ticket: a complaint flagged as a critical incident. The switch
   * only applies to complaints. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_customer_page (fixture)), "customer.new-ticket", NULL));
  dialog = find_toplevel (FID_TYPE_TICKET_DIALOG);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  critical = fid_ticket_dialog_get_field (dialog, "critical");
  critical_row = gtk_widget_get_ancestor (critical, ADW_TYPE_ACTION_ROW);
  adw_combo_row_set_selected (ADW_COMBO_ROW (fid_ticket_dialog_get_field (dialog, "kind")), 0);
  g_assert_false (gtk_widget_get_sensitive (critical_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (fid_ticket_dialog_get_field (dialog, "kind")), 1);
  g_assert_true (gtk_widget_get_sensitive (critical_row));
  gtk_switch_set_active (GTK_SWITCH (critical), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (fid_ticket_dialog_get_field (dialog, "subject")), "Card payment refused");
  gtk_editable_set_text (GTK_EDITABLE (fid_ticket_dialog_get_field (dialog, "category")), "card");
  adw_combo_row_set_selected (ADW_COMBO_ROW (fid_ticket_dialog_get_field (dialog, "priority")), 3);
  gtk_editable_set_text (GTK_EDITABLE (fid_ticket_dialog_get_field (dialog, "due")), "2030-01-15");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "ticket.save", NULL));
  g_assert_true (iterate_until (pointer_is_null, &dialog));

  {
    g_autoptr(GPtrArray) tickets = fid_store_list_customer_tickets (fid_window_get_store (fixture->window),
                                                                    fixture->customer_id, NULL);

    g_assert_nonnull (tickets);
    g_assert_cmpuint (tickets->len, >, 0);
    ticket_id = fid_ticket_get_id (g_ptr_array_index (tickets, 0));
  }
  saved = reread_ticket (fixture, ticket_id);
  g_assert_cmpstr (fid_ticket_get_subject (saved), ==, "Card payment refused");
  g_assert_cmpstr (fid_ticket_get_kind (saved), ==, "complaint");
  g_assert_cmpstr (fid_ticket_get_priority (saved), ==, "urgent");
  g_assert_cmpstr (fid_ticket_get_due_on (saved), ==, "2030-01-15");
  g_assert_true (fid_ticket_get_critical_incident (saved));
  g_assert_cmpstr (fid_ticket_get_status (saved), ==, "open");

  /* Edit: the workflow buttons, each asked of the store. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_customer_page (fixture)),
                                             "customer.edit-ticket", "x", ticket_id));
  dialog = find_toplevel (FID_TYPE_TICKET_DIALOG);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  resolution = fid_ticket_dialog_get_field (dialog, "resolution");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "ticket.start", NULL));
  assert_status (fixture, ticket_id, "in_progress");

  /* Resolving without a note: the store refuses, said under the note. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "ticket.resolve", NULL));
  assert_status (fixture, ticket_id, "in_progress");
  g_assert_nonnull (fid_form_get_row_error (resolution));

  gtk_editable_set_text (GTK_EDITABLE (resolution), "Card unblocked, fees refunded.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "ticket.resolve", NULL));
  assert_status (fixture, ticket_id, "resolved");
  g_assert_null (fid_form_get_row_error (resolution));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "ticket.reopen", NULL));
  assert_status (fixture, ticket_id, "in_progress");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "ticket.resolve", NULL));
  assert_status (fixture, ticket_id, "resolved");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "ticket.close", NULL));
  assert_status (fixture, ticket_id, "closed");

  {
    g_autoptr(FidTicket) closed = reread_ticket (fixture, ticket_id);

    g_assert_cmpstr (fid_ticket_get_resolution (closed), ==, "Card unblocked, fees refunded.");
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (iterate_until (pointer_is_null, &dialog));
}

static void
test_validation_error (Fixture       *fixture,
                       gconstpointer  data)
{
  FidCustomerEditor *editor;
  GtkWidget *email;
  gint64 before;

  SKIP_WITHOUT_DISPLAY ();

  before = count_customers (fid_window_get_store (fixture->window));

  /* Ctrl+N's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-customer", NULL));
  editor = find_toplevel (FID_TYPE_CUSTOMER_EDITOR);
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  gtk_editable_set_text (GTK_EDITABLE (fid_customer_editor_get_field (editor, "first-name")), "Paul");
  gtk_editable_set_text (GTK_EDITABLE (fid_customer_editor_get_field (editor, "last-name")), "Lefèvre");
  email = fid_customer_editor_get_field (editor, "email");
  gtk_editable_set_text (GTK_EDITABLE (email), "paul.lefevre-at-example");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  settle ();

  /* The store's message, under the e-mail row; the other rows clean;
   * the form still open; nothing saved. */
  g_assert_nonnull (editor);
  g_assert_nonnull (fid_form_get_row_error (email));
  g_assert_nonnull (strstr (fid_form_get_row_error (email), "paul.lefevre-at-example"));
  g_assert_true (gtk_widget_has_css_class (email, "error"));
  g_assert_null (fid_form_get_row_error (fid_customer_editor_get_field (editor, "last-name")));
  g_assert_cmpint (count_customers (fid_window_get_store (fixture->window)), ==, before);

  /* A birth date in the future goes under its own row. */
  gtk_editable_set_text (GTK_EDITABLE (email), "paul.lefevre@example.fr");
  gtk_editable_set_text (GTK_EDITABLE (fid_customer_editor_get_field (editor, "birth-date")), "2999-01-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_null (fid_form_get_row_error (email));
  g_assert_nonnull (fid_form_get_row_error (fid_customer_editor_get_field (editor, "birth-date")));
  g_assert_cmpint (count_customers (fid_window_get_store (fixture->window)), ==, before);

  /* Fixed, and flagged as a reference customer of another division:
   * saved with the flags, and the new customer's page opens. */
  gtk_editable_set_text (GTK_EDITABLE (fid_customer_editor_get_field (editor, "birth-date")), "1980-05-17");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (fid_customer_editor_get_field (editor, "reference"))));
  gtk_switch_set_active (GTK_SWITCH (fid_customer_editor_get_field (editor, "reference")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (fid_customer_editor_get_field (editor, "other-division")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (iterate_until (pointer_is_null, &editor));
  g_assert_cmpint (count_customers (fid_window_get_store (fixture->window)), ==, before + 1);
  g_assert_cmpstr (fid_window_get_visible_page (fixture->window), ==, "customer");
  {
    FidCustomer *saved = fid_customer_page_get_customer (get_customer_page (fixture));
    g_autoptr(FidCustomer) stored = fid_store_get_customer (fid_window_get_store (fixture->window),
                                                            fid_customer_get_id (saved), NULL);

    g_assert_cmpstr (fid_customer_get_last_name (saved), ==, "Lefèvre");
    g_assert_nonnull (stored);
    g_assert_true (fid_customer_get_is_reference (stored));
    g_assert_false (fid_customer_get_is_fast_growing (stored));
    g_assert_true (fid_customer_get_other_division (stored));
  }
}

static void
test_duplicates_offered (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(FidCustomer) existing = NULL;
  g_autoptr(FidCustomer) merged = NULL;
  FidCustomerEditor *editor;
  GListModel *duplicates;
  gint64 before;

  SKIP_WITHOUT_DISPLAY ();

  existing = fid_store_get_customer (fid_window_get_store (fixture->window), fixture->customer_id, NULL);
  before = count_customers (fid_window_get_store (fixture->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-customer", NULL));
  editor = find_toplevel (FID_TYPE_CUSTOMER_EDITOR);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  gtk_editable_set_text (GTK_EDITABLE (fid_customer_editor_get_field (editor, "last-name")), "Someone");
  gtk_editable_set_text (GTK_EDITABLE (fid_customer_editor_get_field (editor, "email")),
                         fid_customer_get_email (existing));
  gtk_editable_set_text (GTK_EDITABLE (fid_customer_editor_get_field (editor, "phone")), "06 11 22 33 44");

  /* The same e-mail: shown as a likely duplicate, nothing saved yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  duplicates = fid_customer_editor_get_duplicates (editor);
  g_assert_cmpuint (g_list_model_get_n_items (duplicates), >=, 1);
  {
    g_autoptr(FidCustomer) first = g_list_model_get_item (duplicates, 0);

    g_assert_cmpint (fid_customer_get_id (first), ==, fixture->customer_id);
  }
  g_assert_cmpint (count_customers (fid_window_get_store (fixture->window)), ==, before);

  /* Merge into it: still one customer, its page opens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.merge-duplicate", "x",
                                             fixture->customer_id));
  g_assert_true (iterate_until (pointer_is_null, &editor));
  g_assert_cmpint (count_customers (fid_window_get_store (fixture->window)), ==, before);
  g_assert_true (customer_is_shown (fixture));

  merged = fid_store_get_customer (fid_window_get_store (fixture->window), fixture->customer_id, NULL);
  g_assert_cmpstr (fid_customer_get_last_name (merged), ==, fid_customer_get_last_name (existing));
}

static void
test_undo_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  FidStore *store;
  g_autoptr(FidCustomer) back = NULL;
  g_autoptr(GError) error = NULL;
  guint history;
  gint64 trash_id;

  SKIP_WITHOUT_DISPLAY ();

  store = fid_window_get_store (fixture->window);
  history = count_timeline (store, fixture->customer_id);
  g_assert_cmpuint (history, >=, 3);

  /* A name that is markup: the toast must show it escaped (an unescaped
   * title makes fid_window_add_toast complain, fatal here). */
  {
    g_autoptr(FidCustomer) customer = fid_store_get_customer (store, fixture->customer_id, &error);

    g_assert_no_error (error);
    fid_customer_set_last_name (customer, "Dupont & <Fils>");
    g_assert_true (fid_store_update_customer (store, customer, &error));
    g_assert_no_error (error);
  }

  fid_window_show_customer (fixture->window, fixture->customer_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_customer_page (fixture)), "customer.delete", NULL));

  /* Gone, from the store and the list; the 360 page left. */
  g_assert_null (fid_store_get_customer (store, fixture->customer_id, &error));
  g_assert_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_customers (store), ==, N_CUSTOMERS - 1);
  g_assert_cmpuint (g_list_model_get_n_items (get_list_model (fixture)), ==, N_CUSTOMERS - 1);
  g_assert_cmpstr (fid_window_get_visible_page (fixture->window), ==, "customers");

  /* The toast's Undo. */
  trash_id = fid_window_get_last_trash_id (fixture->window);
  g_assert_cmpint (trash_id, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-delete", "x", trash_id));

  back = fid_store_get_customer (store, fixture->customer_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_timeline (store, fixture->customer_id), ==, history);
  g_assert_cmpint (count_customers (store), ==, N_CUSTOMERS);
  g_assert_cmpuint (g_list_model_get_n_items (get_list_model (fixture)), ==, N_CUSTOMERS);
  g_assert_cmpint (find_in_list (fixture, fixture->customer_id), >=, 0);
}

static void
test_choose_advisor (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) advisors = NULL;
  FidAdvisorDialog *dialog;
  gint64 other;

  SKIP_WITHOUT_DISPLAY ();

  advisors = fid_store_list_advisors (fid_window_get_store (fixture->window), 0, NULL);
  g_assert_cmpuint (advisors->len, >, 1);
  other = fid_advisor_get_id (g_ptr_array_index (advisors, 1));

  /* "Change Advisor…" in the menu. */
  g_assert_cmpint (fid_window_get_advisor_id (fixture->window), ==, fixture->advisor_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.change-advisor", NULL));
  dialog = find_toplevel (FID_TYPE_ADVISOR_DIALOG);
  g_assert_nonnull (dialog);
  fid_advisor_dialog_choose (dialog, other);

  g_assert_cmpint (fid_window_get_advisor_id (fixture->window), ==, other);
  g_assert_cmpint (fid_application_get_advisor_id (app), ==, other);
  if (fid_application_get_settings (app) != NULL)
    g_assert_cmpint (g_settings_get_int64 (fid_application_get_settings (app), "advisor-id"), ==, other);
}

/* The top-level AdwMessageDialog shown, or NULL. */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Recording a consent from the 360 page: the channel, the refusal and
 * where it was collected are kept, dated today, and the page lists it. */
static void
test_record_consent (Fixture       *fixture,
                     gconstpointer  data)
{
  FidStore *store;
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) consents = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  SKIP_WITHOUT_DISPLAY ();

  store = fid_window_get_store (fixture->window);
  fid_window_show_customer (fixture->window, fixture->customer_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_customer_page (fixture)), "customer.record-consent", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  /* The defaults: e-mail, refused, collected in the branch. */
  adw_message_dialog_response (dialog, "record");
  /* A click on the button closes the dialog; emitting its response does not. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  consents = fid_store_get_consents (store, fixture->customer_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < consents->len; i++)
    {
      FidConsent *consent = consents->pdata[i];

      if (g_str_equal (consent->channel, "email"))
        {
          found = TRUE;
          g_assert_false (consent->marketing);
          g_assert_cmpstr (consent->source, ==, "branch");
          g_assert_true (g_str_has_prefix (consent->given_at, today));
        }
    }
  g_assert_true (found);
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
                          "application-id", "io.github.fidelis.Fidelis.TestWorkspace",
                          "resource-base-path", "/io/github/fidelis/Fidelis",
                          "flags", G_APPLICATION_NON_UNIQUE,
                          NULL);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

#define ADD(path, func) \
  g_test_add ("/ui/workspace/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("search-narrows", test_search_narrows);
  ADD ("customer-timeline", test_customer_timeline);
  ADD ("meeting-report-persists", test_meeting_report_persists);
  ADD ("follow-up-listed", test_follow_up_listed);
  ADD ("ticket-workflow", test_ticket_workflow);
  ADD ("validation-error", test_validation_error);
  ADD ("duplicates-offered", test_duplicates_offered);
  ADD ("undo-delete", test_undo_delete);
  ADD ("record-consent", test_record_consent);
  ADD ("choose-advisor", test_choose_advisor);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
