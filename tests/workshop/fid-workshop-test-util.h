/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A phone for the workshop tests: HTTP requests sent from a thread of
 * their own (libsoup's synchronous API), while the calling thread keeps
 * running the main loop that the server under test answers from. */

#include <libsoup/soup.h>

#include "fid-store-surveys.h"

typedef struct
{
  /* request */
  const char *method;
  const char *url;
  const char *cookie;        /* "fidelis_device=…" or NULL */
  const char *content_type;  /* POST only */
  const char *body;          /* POST only */
  gsize       body_length;   /* 0: strlen (body) */
  /* reply */
  guint       status;        /* 0: no connection */
  char       *text;
  char       *set_cookie;    /* "fidelis_device=…" (name=value only) or NULL */
  gboolean    done;
} FidTestRequest;

static gpointer
fid_test_request_thread (gpointer data)
{
  FidTestRequest *request = data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 10, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (request->method, request->url);
  g_autoptr(GBytes) reply = NULL;
  const char *set_cookie;

  if (request->cookie != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Cookie", request->cookie);
  if (request->body != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (request->body, request->body_length > 0 ? request->body_length
                                                                                    : strlen (request->body));

      soup_message_set_request_body_from_bytes (msg, request->content_type, body);
    }
  reply = soup_session_send_and_read (session, msg, NULL, NULL);
  if (reply != NULL)
    {
      request->status = soup_message_get_status (msg);
      request->text = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
      set_cookie = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Set-Cookie");
      if (set_cookie != NULL)
        request->set_cookie = g_strndup (set_cookie, strcspn (set_cookie, ";"));
    }
  g_atomic_int_set (&request->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* Sends @request and runs the default main context until the reply. */
static inline void
fid_test_request_run (FidTestRequest *request)
{
  GThread *thread = g_thread_new ("phone", fid_test_request_thread, request);

  while (!g_atomic_int_get (&request->done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
}

static inline void
fid_test_request_clear (FidTestRequest *request)
{
  g_free (request->text);
  g_free (request->set_cookie);
}

/* A Kano survey with five features (the default eleven, cut down). */
static inline gint64
fid_test_kano_survey_5 (FidStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidSurvey) survey = NULL;
  gint64 id = fid_store_create_survey (store, FID_SURVEY_KANO, "Atelier", &error);
  GPtrArray *items;

  g_assert_no_error (error);
  survey = fid_store_get_survey (store, id, &error);
  g_assert_no_error (error);
  items = fid_survey_get_items (survey);
  for (guint i = 5; i < items->len; i++)
    {
      fid_store_delete_survey_item (store, fid_survey_item_get_id (g_ptr_array_index (items, i)), &error);
      g_assert_no_error (error);
    }
  return id;
}
