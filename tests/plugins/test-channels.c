/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The channel plugins through the FidChannel extension point, as the app
 * uses them, without a display: consent, the phone log, the SMS segments
 * and gateway batch, the web-form import (all or nothing), the e-mail sent
 * to an SMTP sink on loopback, the letter rendered to PDF, and the
 * channel-mix analysis in its worker thread. */

#include "config.h"

#include <stdlib.h>

#include "fid-analytics.h"
#include "fid-details.h"
#include "fid-plugin-test-util.h"
#include "fid-sms-segments.h"
#include "fid-store-export.h"
#include "fid-store-workspace.h"
#include "smtp-sink.h"

typedef struct
{
  GSettings        *settings;
  FidPluginManager *manager;
  PeasExtensionSet *channels;
  FidStore         *store;
  char             *dir;
  gint64            marie;   /* e-mail yes, SMS no, phone no, post yes */
  gint64            paul;    /* no consent on record */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "enabled-plugins");
  fixture->manager = fid_test_load_manager (fixture->settings, NULL, 0);
  fixture->channels = peas_extension_set_new (fid_plugin_manager_get_engine (fixture->manager),
                                              FID_TYPE_CHANNEL, NULL);

  fixture->dir = g_dir_make_tmp ("fidelis-channels-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "bank.db", NULL);
  fixture->store = fid_store_open (path, FID_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  fixture->marie = fid_test_add_customer (fixture->store, "Marie", "Durand", "marie.durand@example.fr", "06 11 22 33 44");
  fixture->paul = fid_test_add_customer (fixture->store, "Paul", "Martin", "paul.martin@example.fr", "07 55 66 77 88");
  g_assert_true (fid_store_set_consent (fixture->store, fixture->marie, "email", TRUE, "2024-01-10T10:00:00", "branch", &error));
  g_assert_true (fid_store_set_consent (fixture->store, fixture->marie, "sms", FALSE, "2024-03-02T09:00:00", "web", &error));
  g_assert_true (fid_store_set_consent (fixture->store, fixture->marie, "phone", FALSE, "2024-03-02T09:00:00", "phone", &error));
  g_assert_true (fid_store_set_consent (fixture->store, fixture->marie, "mail", TRUE, "2024-01-10T10:00:00", "branch", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->channels);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  g_free (fixture->dir);
}

static FidChannel *
channel (Fixture    *fixture,
         const char *id)
{
  FidChannel *found = fid_test_find_channel (fixture->channels, id);

  g_assert_nonnull (found);
  return found;
}

static FidInteraction *
new_message (gint64      customer_id,
             const char *subject,
             gboolean    marketing)
{
  FidInteraction *interaction = fid_interaction_new ();

  fid_interaction_set_customer_id (interaction, customer_id);
  fid_interaction_set_direction (interaction, "outbound");
  fid_interaction_set_subject (interaction, subject);
  fid_interaction_set_notes (interaction, "Bonjour, ceci est un test.");
  fid_details_set_boolean (interaction, "marketing", marketing);

  return interaction;
}

/* Interactions of @channel in the customer's timeline. */
static guint
count_in_timeline (Fixture    *fixture,
                   gint64      customer_id,
                   const char *channel_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  entries = fid_store_get_timeline (fixture->store, customer_id, NULL, 500, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      FidTimelineEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (fid_timeline_entry_get_kind (entry), "interaction") == 0 &&
          g_strcmp0 (fid_timeline_entry_get_channel (entry), channel_id) == 0)
        n++;
    }

  return n;
}

static void
on_async_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  fid_test_watchdog (FID_TEST_WATCHDOG_S);
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  fid_test_watchdog (0);

  return *result;
}

static void
test_consent (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidInteraction) message = NULL;

  /* A recorded "yes" lets marketing through. */
  message = new_message (fixture->marie, "Offre épargne", TRUE);
  g_assert_true (fid_channel_check_consent (channel (fixture, "email"), fixture->store, message, &error));
  g_assert_no_error (error);

  /* A recorded "no" stops it, with a reason naming the customer. */
  g_assert_false (fid_channel_check_consent (channel (fixture, "sms"), fixture->store, message, &error));
  g_assert_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NO_CONSENT);
  g_assert_nonnull (strstr (error->message, "Marie Durand"));
  g_assert_nonnull (strstr (error->message, "opted out"));
  g_assert_nonnull (strstr (error->message, "2024-03-02"));
  g_clear_error (&error);

  /* Phone is opt-out, but Marie said no. */
  g_assert_false (fid_channel_check_consent (channel (fixture, "phone"), fixture->store, message, &error));
  g_assert_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NO_CONSENT);
  g_clear_error (&error);

  /* Service messages always pass. */
  g_clear_object (&message);
  message = new_message (fixture->marie, "Votre rendez-vous", FALSE);
  g_assert_true (fid_channel_check_consent (channel (fixture, "sms"), fixture->store, message, &error));
  g_assert_no_error (error);

  /* Nothing on record: opt-in channels refuse, opt-out ones allow. */
  g_clear_object (&message);
  message = new_message (fixture->paul, "Offre", TRUE);
  g_assert_false (fid_channel_check_consent (channel (fixture, "email"), fixture->store, message, &error));
  g_assert_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NO_CONSENT);
  g_assert_nonnull (strstr (error->message, "no consent"));
  g_clear_error (&error);
  g_assert_true (fid_channel_check_consent (channel (fixture, "phone"), fixture->store, message, &error));
  g_assert_true (fid_channel_check_consent (channel (fixture, "mail"), fixture->store, message, &error));
  g_assert_no_error (error);

  /* A refused record writes nothing. */
  g_clear_object (&message);
  message = new_message (fixture->marie, "Offre", TRUE);
  g_assert_false (fid_channel_record (channel (fixture, "sms"), fixture->store, message, &error));
  g_assert_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NO_CONSENT);
  g_assert_cmpuint (count_in_timeline (fixture, fixture->marie, "sms"), ==, 0);
}

static void
test_send_refused_without_consent (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(FidInteraction) message = new_message (fixture->paul, "Offre", TRUE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fid_details_set_string (message, "to", "paul.martin@example.fr");
  fid_channel_send_async (channel (fixture, "email"), fixture->store, message, NULL,
                          on_async_done_cb, &result);
  g_assert_false (fid_channel_send_finish (channel (fixture, "email"), wait_for (&result), &error));
  g_assert_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NO_CONSENT);
  g_assert_cmpint (fid_interaction_get_id (message), ==, 0);
  g_assert_cmpuint (count_in_timeline (fixture, fixture->paul, "email"), ==, 0);
}

static void
test_phone_log (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FidInteraction) call = fid_interaction_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidInteraction) saved = NULL;
  g_autofree char *number = NULL;

  fid_interaction_set_customer_id (call, fixture->marie);
  fid_interaction_set_direction (call, "inbound");
  fid_interaction_set_subject (call, "Question sur un prélèvement");
  fid_interaction_set_outcome (call, "reached");
  fid_details_set_string (call, "number", "06 11 22 33 44");
  fid_details_set_int (call, "duration_s", 300);

  g_assert_true (fid_channel_record (channel (fixture, "phone"), fixture->store, call, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fid_interaction_get_id (call), >, 0);
  g_assert_cmpuint (count_in_timeline (fixture, fixture->marie, "phone"), ==, 1);

  saved = fid_store_get_interaction (fixture->store, fid_interaction_get_id (call), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_interaction_get_channel (saved), ==, "phone");
  g_assert_cmpstr (fid_interaction_get_status (saved), ==, "done");
  number = fid_details_dup_string (saved, "number");
  g_assert_cmpstr (number, ==, "06 11 22 33 44");
  g_assert_cmpint (fid_details_get_int (saved, "duration_s", 0), ==, 300);
}

static void
test_sms_segments (void)
{
  FidSmsCount count;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *number = NULL;

  fid_sms_count ("", &count);
  g_assert_cmpuint (count.segments, ==, 0);

  g_string_append_printf (text, "%0160d", 0);
  fid_sms_count (text->str, &count);
  g_assert_cmpint (count.encoding, ==, FID_SMS_ENCODING_GSM7);
  g_assert_cmpuint (count.units, ==, 160);
  g_assert_cmpuint (count.segments, ==, 1);

  g_string_append_c (text, '1');
  fid_sms_count (text->str, &count);
  g_assert_cmpuint (count.segments, ==, 2);
  g_assert_cmpuint (count.per_segment, ==, 153);
  g_assert_cmpuint (count.remaining, ==, 2 * 153 - 161);

  /* é and à are in the GSM alphabet; € counts twice. */
  fid_sms_count ("Rendez-vous mardi à 10h, frais 5€", &count);
  g_assert_cmpint (count.encoding, ==, FID_SMS_ENCODING_GSM7);
  g_assert_cmpuint (count.units, ==, 34);

  /* ç and ê are not: the whole text is UCS-2, 70 per SMS, 67 per part. */
  fid_sms_count ("Reçu, à très bientôt", &count);
  g_assert_cmpint (count.encoding, ==, FID_SMS_ENCODING_UCS2);
  g_assert_cmpuint (count.first_non_gsm, ==, g_utf8_get_char ("ç"));
  g_assert_cmpuint (count.units, ==, 20);
  g_assert_cmpuint (count.segments, ==, 1);

  g_string_truncate (text, 0);
  for (guint i = 0; i < 71; i++)
    g_string_append (text, "ê");
  fid_sms_count (text->str, &count);
  g_assert_cmpuint (count.segments, ==, 2);
  g_assert_cmpuint (count.per_segment, ==, 67);

  /* An emoji is two UTF-16 units. */
  fid_sms_count ("👍", &count);
  g_assert_cmpuint (count.units, ==, 2);

  number = fid_sms_normalize_number ("06 11 22 33 44");
  g_assert_cmpstr (number, ==, "+33611223344");
  g_clear_pointer (&number, g_free);
  number = fid_sms_normalize_number ("0033 7 55 66 77 88");
  g_assert_cmpstr (number, ==, "+33755667788");
}

static void
test_sms_batch (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "batch.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) queued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint n = 0;

  /* Nothing queued yet: a clear refusal. */
  g_assert_false (fid_channel_export (channel (fixture, "sms"), fixture->store, file, &n, NULL, &error));
  g_assert_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(FidInteraction) sms = new_message (fixture->marie, "Rappel", FALSE);

      fid_interaction_set_status (sms, "planned");
      fid_interaction_set_notes (sms, i == 0 ? "Votre carte est disponible en agence." : "RDV mardi, 10h");
      fid_details_set_string (sms, "to", "06 11 22 33 44");
      g_assert_true (fid_channel_record (channel (fixture, "sms"), fixture->store, sms, &error));
      g_assert_no_error (error);
    }

  g_assert_true (fid_channel_export (channel (fixture, "sms"), fixture->store, file, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "number,message,reference\r\n"));
  g_assert_nonnull (strstr (contents, "+33611223344,Votre carte est disponible en agence.,fidelis-"));
  g_assert_nonnull (strstr (contents, "+33611223344,\"RDV mardi, 10h\",fidelis-"));

  /* Handed over: no longer queued. */
  queued = fid_store_list_channel_interactions (fixture->store, "sms", "planned", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queued->len, ==, 0);
  g_assert_cmpuint (count_in_timeline (fixture, fixture->marie, "sms"), ==, 2);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
test_web_import (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FidImportReport) report = fid_import_report_new ();
  g_autoptr(GFile) invalid = NULL;
  g_autoptr(GFile) valid = NULL;
  g_autoptr(GFile) json = NULL;
  g_autoptr(GError) error = NULL;
  gint64 prospect = 0;
  gint64 n_before;

  n_before = fid_store_count_customers (fixture->store, NULL, NULL);

  /* Two bad rows among good ones: nothing is imported, both reported. */
  invalid = write_file (fixture, "invalid.csv",
                        "submitted_at,email,first_name,last_name,subject,message\n"
                        "2026-05-02 10:15,marie.durand@example.fr,Marie,Durand,Prêt immobilier,Je voudrais un rendez-vous\n"
                        "2026-05-02,not-an-address,Luc,Petit,Contact,Bonjour\n"
                        "le 3 mai,luc.petit@example.fr,Luc,Petit,Contact,Bonjour\n"
                        "2026-05-04,jeanne@example.fr,Jeanne,,Contact,Sans nom de famille\n");
  g_assert_false (fid_channel_import (channel (fixture, "web"), fixture->store, invalid, report, NULL, &error));
  g_assert_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (fid_import_report_get_n_problems (report), ==, 3);
  g_assert_cmpuint (fid_import_report_get_problem_line (report, 0), ==, 3);
  g_assert_nonnull (strstr (fid_import_report_get_problem_reason (report, 0), "not-an-address"));
  g_assert_cmpuint (fid_import_report_get_problem_line (report, 1), ==, 4);
  g_assert_nonnull (strstr (fid_import_report_get_problem_reason (report, 1), "le 3 mai"));
  g_assert_cmpuint (fid_import_report_get_problem_line (report, 2), ==, 5);
  g_assert_nonnull (strstr (fid_import_report_get_problem_reason (report, 2), "last name"));
  g_assert_cmpuint (fid_import_report_get_n_imported (report), ==, 0);
  g_assert_cmpuint (count_in_timeline (fixture, fixture->marie, "web"), ==, 0);
  g_assert_cmpint (fid_store_count_customers (fixture->store, NULL, NULL), ==, n_before);

  /* A good file (French headers, ';' as a spreadsheet writes it): known
   * addresses go to their customer, an unknown one makes one prospect
   * even when it appears twice. */
  valid = write_file (fixture, "valid.csv",
                      "Date;Courriel;Prénom;Nom;Objet;Message;Formulaire\r\n"
                      "2026-05-02 10:15;MARIE.DURAND@example.fr;Marie;Durand;Prêt immobilier;\"Je voudrais un rendez-vous; le matin\";mortgage-quote\r\n"
                      "2026-05-03 18:40;luc.petit@example.fr;Luc;Petit;Ouvrir un compte;Bonjour;contact\r\n"
                      "2026-05-04 09:00;luc.petit@example.fr;Luc;Petit;Relance;Toujours intéressé;contact\r\n");
  g_assert_true (fid_channel_import (channel (fixture, "web"), fixture->store, valid, report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fid_import_report_get_n_problems (report), ==, 0);
  g_assert_cmpuint (fid_import_report_get_n_rows (report), ==, 3);
  g_assert_cmpuint (fid_import_report_get_n_imported (report), ==, 3);
  g_assert_cmpuint (fid_import_report_get_n_created (report), ==, 1);
  g_assert_cmpuint (count_in_timeline (fixture, fixture->marie, "web"), ==, 1);
  g_assert_cmpint (fid_store_count_customers (fixture->store, NULL, NULL), ==, n_before + 1);

  g_assert_true (fid_store_find_customer_by_email (fixture->store, "luc.petit@example.fr", &prospect, &error));
  g_assert_cmpint (prospect, >, 0);
  g_assert_cmpuint (count_in_timeline (fixture, prospect, "web"), ==, 2);
  {
    g_autoptr(FidCustomer) luc = fid_store_get_customer (fixture->store, prospect, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (fid_customer_get_lifecycle_stage (luc), ==, "prospect");
    g_assert_cmpstr (fid_customer_get_last_name (luc), ==, "Petit");
  }

  /* JSON works the same way. */
  json = write_file (fixture, "forms.json",
                     "{\"submissions\": ["
                     " {\"submitted_at\": \"2026-05-05T08:30:00\", \"email\": \"paul.martin@example.fr\","
                     "  \"subject\": \"Assurance habitation\", \"message\": \"Un devis svp\"},"
                     " {\"email\": \"nobody\", \"message\": \"x\"}]}");
  g_assert_false (fid_channel_import (channel (fixture, "web"), fixture->store, json, report, NULL, &error));
  g_assert_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (fid_import_report_get_n_problems (report), ==, 1);
  g_assert_nonnull (strstr (fid_import_report_get_problem_reason (report, 0), "Submission 2"));
  g_assert_cmpuint (count_in_timeline (fixture, fixture->paul, "web"), ==, 0);
}

static void
send_email (Fixture        *fixture,
            const char     *to,
            FidInteraction *message,
            GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  fid_details_set_string (message, "to", to);
  fid_channel_send_async (channel (fixture, "email"), fixture->store, message, NULL,
                          on_async_done_cb, &result);
  fid_channel_send_finish (channel (fixture, "email"), wait_for (&result), error);
}

static void
test_email_to_smtp_sink (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidInteraction) message = NULL;
  g_autoptr(FidInteraction) saved = NULL;
  g_autofree char *received = NULL;
  g_autofree char *rcpt = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *failure = NULL;
  SmtpSink *sink;

  sink = smtp_sink_start ("unknown@example.fr", &error);
  g_assert_no_error (error);

  /* No server set: refused before anything, nothing recorded. */
  message = new_message (fixture->marie, "Votre rendez-vous", FALSE);
  g_settings_set_string (fixture->settings, "smtp-host", "");
  send_email (fixture, "marie.durand@example.fr", message, &error);
  g_assert_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_NOT_CONFIGURED);
  g_clear_error (&error);
  g_assert_cmpint (fid_interaction_get_id (message), ==, 0);

  g_settings_set_string (fixture->settings, "smtp-host", "127.0.0.1");
  g_settings_set_int (fixture->settings, "smtp-port", smtp_sink_get_port (sink));
  g_settings_set_string (fixture->settings, "smtp-security", "none");
  g_settings_set_string (fixture->settings, "smtp-user", "");
  g_settings_set_string (fixture->settings, "smtp-from", "agence.lyon@banque-fidelis.example");

  /* Delivered, and recorded with the server's reply. */
  send_email (fixture, "marie.durand@example.fr", message, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fid_interaction_get_id (message), >, 0);

  received = smtp_sink_dup_message (sink);
  rcpt = smtp_sink_dup_rcpt (sink);
  g_assert_nonnull (received);
  g_assert_cmpstr (rcpt, ==, "<marie.durand@example.fr>");
  g_assert_nonnull (strstr (received, "From: <agence.lyon@banque-fidelis.example>\r\n"));
  g_assert_nonnull (strstr (received, "To: <marie.durand@example.fr>\r\n"));
  g_assert_nonnull (strstr (received, "Subject: Votre rendez-vous\r\n"));
  g_assert_nonnull (strstr (received, "Content-Type: text/plain; charset=UTF-8\r\n"));
  {
    const char *body = strstr (received, "\r\n\r\n");
    gsize length = 0;
    g_autofree guchar *decoded = NULL;

    g_assert_nonnull (body);
    decoded = g_base64_decode (body + 4, &length);
    g_assert_nonnull (strstr ((const char *) decoded, "ceci est un test"));
  }

  saved = fid_store_get_interaction (fixture->store, fid_interaction_get_id (message), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_interaction_get_channel (saved), ==, "email");
  g_assert_cmpstr (fid_interaction_get_status (saved), ==, "done");
  reply = fid_details_dup_string (saved, "smtp_reply");
  g_assert_cmpstr (reply, ==, "250 2.0.0 Ok: queued as FID42");
  g_assert_cmpuint (count_in_timeline (fixture, fixture->marie, "email"), ==, 1);

  /* Refused by the server: an error quoting it, recorded as failed. */
  g_clear_object (&message);
  g_clear_object (&saved);
  message = new_message (fixture->marie, "Votre rendez-vous", FALSE);
  send_email (fixture, "unknown@example.fr", message, &error);
  g_assert_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_SEND_FAILED);
  g_assert_nonnull (strstr (error->message, "550 5.1.1"));
  g_assert_cmpint (fid_interaction_get_id (message), >, 0);
  g_clear_error (&error);

  saved = fid_store_get_interaction (fixture->store, fid_interaction_get_id (message), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fid_interaction_get_status (saved), ==, "failed");
  failure = fid_details_dup_string (saved, "error");
  g_assert_nonnull (strstr (failure, "550 5.1.1"));
  g_assert_cmpuint (count_in_timeline (fixture, fixture->marie, "email"), ==, 2);

  smtp_sink_stop (sink);
}

static void
test_letter_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *letters = g_build_filename (fixture->dir, "letters", NULL);
  g_autoptr(FidInteraction) letter = new_message (fixture->paul, "Bienvenue à la Banque Fidelis", FALSE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_setenv ("FIDELIS_LETTERS_DIR", letters, TRUE);

  /* Long enough for two pages. */
  for (guint i = 0; i < 60; i++)
    g_string_append (body, "Nous vous remercions de votre confiance et restons à votre écoute. ");
  fid_interaction_set_notes (letter, body->str);
  fid_details_set_string (letter, "recipient", "M. Paul Martin\n12 rue de la République\n69002 Lyon");
  fid_details_set_string (letter, "sender", "Banque Fidelis\nAgence Lyon Presqu’île");
  fid_details_set_string (letter, "place_date", "Lyon, le 3 avril 2026");
  fid_details_set_string (letter, "signature", "Claire Morel\nVotre conseillère");

  fid_channel_send_async (channel (fixture, "mail"), fixture->store, letter, NULL, on_async_done_cb, &result);
  g_assert_true (fid_channel_send_finish (channel (fixture, "mail"), wait_for (&result), &error));
  g_assert_no_error (error);

  pdf = fid_details_dup_string (letter, "pdf");
  g_assert_nonnull (pdf);
  g_assert_true (g_str_has_prefix (pdf, letters));
  g_file_get_contents (pdf, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* The body does not fit on one page: the letter goes on. */
  {
    const char *count = NULL;

    /* The file has binary streams: no strstr. */
    for (gsize i = 0; i + 7 < length && count == NULL; i++)
      if (memcmp (contents + i, "/Count ", 7) == 0)
        count = contents + i;
    g_assert_nonnull (count);
    g_assert_cmpint (atoi (count + 7), >=, 2);
  }

  g_assert_cmpint (fid_interaction_get_id (letter), >, 0);
  g_assert_cmpuint (count_in_timeline (fixture, fixture->paul, "mail"), ==, 1);

  g_unsetenv ("FIDELIS_LETTERS_DIR");
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_channel_mix_analysis (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PeasExtensionSet) analyses = NULL;
  g_autoptr(FidAnalyticsResult) analysis_result = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) csv = g_memory_output_stream_new_resizable ();
  g_autoptr(FidInteraction) call = new_message (fixture->marie, "Appel", FALSE);
  g_autoptr(GVariantDict) parameters = g_variant_dict_new (NULL);
  FidAnalytics *analytics = NULL;
  double last = 0;
  guint total_column;

  g_assert_true (fid_channel_record (channel (fixture, "phone"), fixture->store, call, &error));
  g_assert_no_error (error);

  analyses = peas_extension_set_new (fid_plugin_manager_get_engine (fixture->manager), FID_TYPE_ANALYTICS, NULL);
  analytics = FID_ANALYTICS (peas_extension_set_get_extension (analyses,
                                                               peas_engine_get_plugin_info (fid_plugin_manager_get_engine (fixture->manager),
                                                                                            "analytics-channel-mix")));
  g_assert_nonnull (analytics);
  g_assert_cmpstr (fid_analytics_get_id (analytics), ==, "channel-mix");
  {
    g_autoptr(GPtrArray) specs = fid_analytics_list_parameters (analytics);

    g_assert_cmpuint (specs->len, ==, 1);
    g_assert_cmpstr (g_param_spec_get_name (g_ptr_array_index (specs, 0)), ==, "months");
  }

  g_variant_dict_insert (parameters, "months", "i", 3);
  fid_analytics_compute_async (analytics, fixture->store, g_variant_dict_end (parameters),
                               on_progress_cb, &last, NULL, NULL, on_async_done_cb, &result);
  analysis_result = fid_analytics_compute_finish (analytics, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (analysis_result);

  /* Month, Phone, Total; three months, the call in the last one. */
  g_assert_cmpuint (fid_analytics_result_get_n_rows (analysis_result), ==, 3);
  g_assert_cmpstr (fid_analytics_result_get_column (analysis_result, 0), ==, "Month");
  g_assert_cmpstr (fid_analytics_result_get_column (analysis_result, 1), ==, "Phone");
  total_column = fid_analytics_result_get_n_columns (analysis_result) - 1;
  g_assert_cmpfloat (fid_analytics_result_get_number (analysis_result, 2, total_column), ==, 1.0);
  g_assert_cmpfloat (last, ==, 1.0);

  g_assert_true (fid_analytics_result_write_csv (analysis_result, csv, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (csv, "", 1, NULL, NULL, NULL);
  g_assert_true (g_str_has_prefix (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (csv)),
                                   "Month,Phone,Total\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_log_set_fatal_handler (fid_test_ignore_libpeas, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/plugins/channels/consent", test_consent);
  ADD ("/plugins/channels/send-refused-without-consent", test_send_refused_without_consent);
  ADD ("/plugins/channels/phone-log", test_phone_log);
  g_test_add_func ("/plugins/channels/sms-segments", test_sms_segments);
  ADD ("/plugins/channels/sms-batch", test_sms_batch);
  ADD ("/plugins/channels/web-import", test_web_import);
  ADD ("/plugins/channels/email-smtp-sink", test_email_to_smtp_sink);
  ADD ("/plugins/channels/letter-pdf", test_letter_pdf);
  ADD ("/plugins/channels/channel-mix", test_channel_mix_analysis);

  return g_test_run ();
}
