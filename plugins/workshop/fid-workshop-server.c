/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The workshop's web server (see fid-workshop-server.h for what it
 * promises). libsoup 3 does the HTTP; this file decides what is allowed. */

#include "config.h"

#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <sys/random.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "fid-store-surveys.h"
#include "fid-workshop-form.h"
#include "fid-workshop-server.h"

#define COOKIE_NAME "fidelis_device"

struct _FidWorkshopServer
{
  GObject     parent_instance;

  FidStore   *store;
  gint64      survey_id;
  FidSurvey  *survey;        /* with its items, read at start */
  char       *title;         /* shown on the phones, or NULL: the survey's */
  SoupServer *server;
  char       *token;         /* 32 hex digits */
  char       *prefix;        /* "/s/TOKEN/" */
  char       *url;
  guint       port;

  GHashTable *issued;        /* device ids given out: id -> GINT_TO_POINTER (answered) */
  GHashTable *rates;         /* remote host -> GArray of gint64 request times (µs) */
  guint       n_responses;

  gsize       max_body;
  guint       rate_requests;
  guint       rate_seconds;
};

G_DEFINE_FINAL_TYPE (FidWorkshopServer, fid_workshop_server, G_TYPE_OBJECT)

enum { RESPONSE_ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
random_hex (void)
{
  guint8 bytes[16];
  GString *hex = g_string_new (NULL);

  /* The kernel's generator: the token is what keeps the rest of the
   * network out, so it must not be guessable from the time or the pid. */
  if (getrandom (bytes, sizeof bytes, 0) != sizeof bytes)
    for (guint i = 0; i < sizeof bytes; i++)
      bytes[i] = (guint8) g_random_int ();
  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  return g_string_free (hex, FALSE);
}

/* Whether the @n first bytes of @a and @b are equal, in a time that does
 * not depend on where they differ (the token is a secret). */
static gboolean
same_bytes (const char *a,
            const char *b,
            gsize       n)
{
  guint8 diff = 0;

  for (gsize i = 0; i < n; i++)
    diff |= (guint8) (a[i] ^ b[i]);
  return diff == 0;
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         char              *html)   /* taken */
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  /* The page may only use its own inline style and post to itself: no
   * script, no frame, nothing fetched from anywhere. */
  soup_message_headers_replace (headers, "Content-Security-Policy",
                                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE, html, strlen (html));
}

static void
respond_page (SoupServerMessage *msg,
              guint              status,
              const char        *kind,
              const char        *title,
              const char        *message)
{
  respond (msg, status, fid_workshop_page_render (kind, title, message));
}

/* TRUE when @host made fewer than rate_requests requests in the last
 * rate_seconds; records this one. */
static gboolean
within_rate (FidWorkshopServer *self,
             const char        *host)
{
  gint64 now = g_get_monotonic_time ();
  gint64 since = now - (gint64) self->rate_seconds * G_USEC_PER_SEC;
  GArray *times = g_hash_table_lookup (self->rates, host != NULL ? host : "");
  guint kept = 0;

  if (times == NULL)
    {
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->rates, g_strdup (host != NULL ? host : ""), times);
    }
  for (guint i = 0; i < times->len; i++)
    if (g_array_index (times, gint64, i) > since)
      g_array_index (times, gint64, kept++) = g_array_index (times, gint64, i);
  g_array_set_size (times, kept);
  if (kept >= self->rate_requests)
    return FALSE;
  g_array_append_val (times, now);
  return TRUE;
}

/* Our device cookie's value in the request, or NULL. */
static char *
device_cookie (SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Cookie");
  g_autoptr(GHashTable) params = NULL;

  if (header == NULL)
    return NULL;
  params = soup_header_parse_semi_param_list (header);
  return params != NULL ? g_strdup (g_hash_table_lookup (params, COOKIE_NAME)) : NULL;
}

/* Runs once the headers are in, before any body is read: a request that
 * is refused here never gets its body read at all. */
static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  FidWorkshopServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset length = soup_message_headers_get_content_length (headers);

  if (!within_rate (self, soup_server_message_get_remote_host (msg)))
    {
      respond_page (msg, 429 /* Too Many Requests: not in libsoup 3.2's enum */, "error", _("Too Many Requests"),
                    _("This phone sent too many requests. Wait a few seconds, then try again."));
      return;
    }
  if (length > (goffset) self->max_body ||
      (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED))
    {
      /* Chunked bodies have no length to check in advance: a form never
       * needs them, so they are refused too. */
      respond_page (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "error", _("Answers Too Long"),
                    _("What this phone sent is far longer than a survey form. Reload the page and answer again."));
    }
}

static void
serve_form (FidWorkshopServer *self,
            SoupServerMessage *msg)
{
  g_autofree char *device = device_cookie (msg);

  if (device == NULL || !g_hash_table_contains (self->issued, device))
    {
      g_autofree char *cookie = NULL;

      g_free (device);
      device = random_hex ();
      g_hash_table_insert (self->issued, g_strdup (device), GINT_TO_POINTER (FALSE));
      /* Only for this workshop's path, never sent to other sites, not
       * readable by script, gone after a day. */
      cookie = g_strdup_printf ("%s=%s; Path=%s; Max-Age=86400; HttpOnly; SameSite=Strict",
                                COOKIE_NAME, device, self->prefix);
      soup_message_headers_append (soup_server_message_get_response_headers (msg), "Set-Cookie", cookie);
    }
  if (GPOINTER_TO_INT (g_hash_table_lookup (self->issued, device)))
    {
      respond_page (msg, SOUP_STATUS_OK, "ok", _("Already Answered"),
                    _("This phone has already answered this survey. Thank you!"));
      return;
    }
  respond (msg, SOUP_STATUS_OK, fid_workshop_form_render (self->survey, self->prefix, NULL, NULL));
}

static void
receive_answers (FidWorkshopServer *self,
                 SoupServerMessage *msg)
{
  g_autofree char *device = device_cookie (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(FidSurveyResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  const char *data;

  if (device == NULL || !g_hash_table_contains (self->issued, device))
    {
      respond_page (msg, SOUP_STATUS_BAD_REQUEST, "error", _("Open the Form First"),
                    _("This phone did not get the form from this workshop, or its browser refuses cookies. "
                      "Scan the code on the screen again and answer from the page that opens."));
      return;
    }
  if (GPOINTER_TO_INT (g_hash_table_lookup (self->issued, device)))
    {
      respond_page (msg, SOUP_STATUS_CONFLICT, "error", _("Already Answered"),
                    _("This phone has already answered this survey: one response per phone."));
      return;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  data = g_bytes_get_data (body, &length);
  if (g_strcmp0 (content_type, "application/x-www-form-urlencoded") != 0 || length > self->max_body ||
      !g_utf8_validate (data, (gssize) length, NULL) || memchr (data, '\0', length) != NULL)
    {
      respond (msg, SOUP_STATUS_BAD_REQUEST,
               fid_workshop_form_render (self->survey, self->prefix, NULL,
                                         _("The answers could not be read. Answer again and send.")));
      return;
    }
  text = g_strndup (data, length);
  fields = soup_form_decode (text);
  if (fields == NULL)
    {
      respond (msg, SOUP_STATUS_BAD_REQUEST,
               fid_workshop_form_render (self->survey, self->prefix, NULL,
                                         _("The answers could not be read. Answer again and send.")));
      return;
    }
  response = fid_workshop_form_read (self->survey, fields, &error);
  if (response != NULL)
    {
      response->respondent = g_strdup_printf (_("Workshop phone %u"), self->n_responses + 1);
      if (!fid_store_add_survey_response (self->store, response, &error))
        g_clear_pointer (&response, fid_survey_response_free);
    }
  if (response == NULL)
    {
      /* Back to the form, with what was chosen and what to fix. */
      respond (msg, SOUP_STATUS_BAD_REQUEST,
               fid_workshop_form_render (self->survey, self->prefix, fields, error->message));
      return;
    }

  g_hash_table_insert (self->issued, g_strdup (device), GINT_TO_POINTER (TRUE));
  self->n_responses++;
  respond_page (msg, SOUP_STATUS_OK, "ok", _("Thank You!"),
                _("Your answers are in. Look at the screen: the chart now counts them."));
  g_signal_emit (self, signals[RESPONSE_ADDED], 0, response->id);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  FidWorkshopServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  gsize prefix_length = strlen (self->prefix);
  gsize path_length;
  gboolean ours = FALSE;

  /* Only /s/TOKEN/ (or without its last slash) exists. The token is
   * compared in constant time; a wrong one and a missing one get the
   * same answer. */
  path_length = strlen (path);
  if (path_length >= prefix_length)
    ours = same_bytes (path, self->prefix, prefix_length);
  else if (path_length == prefix_length - 1)
    ours = same_bytes (path, self->prefix, prefix_length - 1);
  if (!ours)
    {
      respond_page (msg, SOUP_STATUS_FORBIDDEN, "error", _("Link Not Valid"),
                    _("This address is not the workshop’s, or the workshop is over. Scan the code on the screen again."));
      return;
    }
  if (path_length > prefix_length)
    {
      respond_page (msg, SOUP_STATUS_NOT_FOUND, "error", _("Not Found"), _("There is nothing else here."));
      return;
    }
  if (g_strcmp0 (method, "GET") == 0 || g_strcmp0 (method, "HEAD") == 0)
    serve_form (self, msg);
  else if (g_strcmp0 (method, "POST") == 0)
    receive_answers (self, msg);
  else
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET, HEAD, POST");
      respond_page (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "error", _("Not Allowed"), _("Open the form and send it."));
    }
}

gboolean
fid_workshop_server_start (FidWorkshopServer  *self,
                           const char         *address,
                           guint               port,
                           GError            **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(FidSurvey) survey = NULL;
  GSList *uris;

  g_return_val_if_fail (FID_IS_WORKSHOP_SERVER (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a network address."), address);
      return FALSE;
    }
  survey = fid_store_get_survey (self->store, self->survey_id, error);
  if (survey == NULL)
    return FALSE;

  self->server = soup_server_new ("server-header", "Fidelis-Workshop", NULL);
  soup_server_add_early_handler (self->server, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  socket_address = g_inet_socket_address_new (inet, (guint16) port);
  if (!soup_server_listen (self->server, socket_address, 0, error))
    {
      g_clear_object (&self->server);
      return FALSE;
    }

  g_set_object (&self->survey, survey);
  if (self->title != NULL)
    fid_survey_set_title (self->survey, self->title);
  g_free (self->token);
  self->token = random_hex ();
  g_free (self->prefix);
  self->prefix = g_strdup_printf ("/s/%s/", self->token);
  uris = soup_server_get_uris (self->server);
  self->port = uris != NULL ? (guint) g_uri_get_port (uris->data) : port;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_free (self->url);
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    self->url = g_strdup_printf ("http://[%s]:%u%s", address, self->port, self->prefix);
  else
    self->url = g_strdup_printf ("http://%s:%u%s", address, self->port, self->prefix);
  g_debug ("Workshop server for survey %" G_GINT64_FORMAT " at %s", self->survey_id, self->url);
  self->n_responses = 0;
  g_hash_table_remove_all (self->issued);
  g_hash_table_remove_all (self->rates);
  return TRUE;
}

void
fid_workshop_server_stop (FidWorkshopServer *self)
{
  g_return_if_fail (FID_IS_WORKSHOP_SERVER (self));

  if (self->server == NULL)
    return;
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->url, g_free);
  self->port = 0;
}

void
fid_workshop_server_set_title (FidWorkshopServer *self,
                               const char        *title)
{
  g_return_if_fail (FID_IS_WORKSHOP_SERVER (self));

  g_free (self->title);
  self->title = g_strdup (title);
  if (self->survey != NULL && title != NULL)
    fid_survey_set_title (self->survey, title);
}

gboolean
fid_workshop_server_is_running (FidWorkshopServer *self)
{
  g_return_val_if_fail (FID_IS_WORKSHOP_SERVER (self), FALSE);
  return self->server != NULL;
}

const char *
fid_workshop_server_get_url (FidWorkshopServer *self)
{
  g_return_val_if_fail (FID_IS_WORKSHOP_SERVER (self), NULL);
  return self->url;
}

guint
fid_workshop_server_get_port (FidWorkshopServer *self)
{
  g_return_val_if_fail (FID_IS_WORKSHOP_SERVER (self), 0);
  return self->port;
}

gint64
fid_workshop_server_get_survey_id (FidWorkshopServer *self)
{
  g_return_val_if_fail (FID_IS_WORKSHOP_SERVER (self), 0);
  return self->survey_id;
}

guint
fid_workshop_server_get_n_responses (FidWorkshopServer *self)
{
  g_return_val_if_fail (FID_IS_WORKSHOP_SERVER (self), 0);
  return self->n_responses;
}

gboolean
fid_workshop_server_reset (FidWorkshopServer  *self,
                           GError            **error)
{
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (FID_IS_WORKSHOP_SERVER (self), FALSE);

  if (!fid_store_delete_survey_responses (self->store, self->survey_id, error))
    return FALSE;
  /* The phones keep their cookies and may answer again. */
  g_hash_table_iter_init (&iter, self->issued);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_iter_replace (&iter, GINT_TO_POINTER (FALSE));
  self->n_responses = 0;
  g_signal_emit (self, signals[RESPONSE_ADDED], 0, (gint64) 0);
  return TRUE;
}

void
fid_workshop_server_set_limits (FidWorkshopServer *self,
                                gsize              max_body,
                                guint              rate_requests,
                                guint              rate_seconds)
{
  g_return_if_fail (FID_IS_WORKSHOP_SERVER (self));

  self->max_body = max_body;
  self->rate_requests = MAX (rate_requests, 1);
  self->rate_seconds = MAX (rate_seconds, 1);
}

char **
fid_workshop_list_addresses (void)
{
  GPtrArray *list = g_ptr_array_new ();
  GPtrArray *loopback = g_ptr_array_new ();
  struct ifaddrs *addresses = NULL;

  if (getifaddrs (&addresses) == 0)
    {
      for (struct ifaddrs *a = addresses; a != NULL; a = a->ifa_next)
        {
          char text[INET_ADDRSTRLEN];

          if (a->ifa_addr == NULL || a->ifa_addr->sa_family != AF_INET || !(a->ifa_flags & IFF_UP) ||
              inet_ntop (AF_INET, &((struct sockaddr_in *) a->ifa_addr)->sin_addr, text, sizeof text) == NULL)
            continue;
          g_ptr_array_add ((a->ifa_flags & IFF_LOOPBACK) ? loopback : list,
                           g_strdup_printf ("%s\t%s", a->ifa_name, text));
        }
      freeifaddrs (addresses);
    }
  if (loopback->len == 0)
    g_ptr_array_add (loopback, g_strdup ("lo\t127.0.0.1"));
  for (guint i = 0; i < loopback->len; i++)
    g_ptr_array_add (list, g_ptr_array_index (loopback, i));
  g_ptr_array_free (loopback, TRUE);
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (list, FALSE);
}

static void
fid_workshop_server_finalize (GObject *object)
{
  FidWorkshopServer *self = FID_WORKSHOP_SERVER (object);

  fid_workshop_server_stop (self);
  g_clear_object (&self->store);
  g_clear_object (&self->survey);
  g_free (self->title);
  g_free (self->token);
  g_free (self->prefix);
  g_free (self->url);
  g_hash_table_unref (self->issued);
  g_hash_table_unref (self->rates);

  G_OBJECT_CLASS (fid_workshop_server_parent_class)->finalize (object);
}

static void
fid_workshop_server_class_init (FidWorkshopServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_workshop_server_finalize;

  /* A response was stored (its id), or the answers were reset (0). */
  signals[RESPONSE_ADDED] = g_signal_new ("response-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
fid_workshop_server_init (FidWorkshopServer *self)
{
  self->issued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  self->max_body = FID_WORKSHOP_MAX_BODY;
  self->rate_requests = FID_WORKSHOP_RATE_REQUESTS;
  self->rate_seconds = FID_WORKSHOP_RATE_SECONDS;
}

FidWorkshopServer *
fid_workshop_server_new (FidStore *store,
                         gint64    survey_id)
{
  FidWorkshopServer *self;

  g_return_val_if_fail (FID_IS_STORE (store), NULL);

  self = g_object_new (FID_TYPE_WORKSHOP_SERVER, NULL);
  self->store = g_object_ref (store);
  self->survey_id = survey_id;
  return self;
}
