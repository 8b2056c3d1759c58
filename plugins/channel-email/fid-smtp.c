/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SMTP through libcurl. */

#include "config.h"

#include <string.h>
#include <curl/curl.h>
#include <glib/gi18n.h>

#include "fid-channel.h"
#include "fid-smtp.h"

typedef struct
{
  const char   *data;
  gsize         length;
  gsize         offset;
  GCancellable *cancellable;
  GString      *last_reply;
  GString      *last_ok_reply;
  GString      *last_error_reply;   /* 4xx or 5xx */
} Transfer;

FidSmtpConfig *
fid_smtp_config_copy (const FidSmtpConfig *config)
{
  FidSmtpConfig *copy = g_new0 (FidSmtpConfig, 1);

  copy->host = g_strdup (config->host);
  copy->port = config->port;
  copy->security = config->security;
  copy->user = g_strdup (config->user);
  copy->password = g_strdup (config->password);
  copy->from = g_strdup (config->from);
  copy->timeout_s = config->timeout_s;

  return copy;
}

void
fid_smtp_config_free (FidSmtpConfig *config)
{
  if (config == NULL)
    return;

  g_free (config->host);
  g_free (config->user);
  if (config->password != NULL)
    {
      memset (config->password, 0, strlen (config->password));
      g_free (config->password);
    }
  g_free (config->from);
  g_free (config);
}

FidSmtpSecurity
fid_smtp_security_from_string (const char *text)
{
  if (g_strcmp0 (text, "tls") == 0)
    return FID_SMTP_SECURITY_TLS;
  if (g_strcmp0 (text, "none") == 0)
    return FID_SMTP_SECURITY_NONE;

  return FID_SMTP_SECURITY_STARTTLS;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80 || *p == '\r' || *p == '\n')
      return FALSE;

  return TRUE;
}

static void
append_header_text (GString    *out,
                    const char *text)
{
  g_autofree char *encoded = NULL;

  if (is_ascii (text))
    {
      g_string_append (out, text);
      return;
    }

  encoded = g_base64_encode ((const guchar *) text, strlen (text));
  g_string_append_printf (out, "=?UTF-8?B?%s?=", encoded);
}

char *
fid_smtp_build_message (const char *from,
                        const char *to,
                        const char *subject,
                        const char *body)
{
  static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) crlf_body = g_string_new (NULL);
  g_autofree char *offset = g_date_time_format (now, "%z");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *encoded = NULL;
  const char *domain = from != NULL && strchr (from, '@') ? strchr (from, '@') + 1 : "fidelis.invalid";
  gsize length;

  g_string_append_printf (out, "Date: %s, %02d %s %d %02d:%02d:%02d %s\r\n",
                          days[g_date_time_get_day_of_week (now) - 1],
                          g_date_time_get_day_of_month (now),
                          months[g_date_time_get_month (now) - 1],
                          g_date_time_get_year (now),
                          g_date_time_get_hour (now), g_date_time_get_minute (now),
                          g_date_time_get_second (now), offset);
  g_string_append_printf (out, "From: <%s>\r\n", from ? from : "");
  g_string_append_printf (out, "To: <%s>\r\n", to);
  g_string_append (out, "Subject: ");
  append_header_text (out, subject ? subject : "");
  g_string_append (out, "\r\n");
  g_string_append_printf (out, "Message-ID: <%s@%s>\r\n", uuid, domain);
  g_string_append (out, "MIME-Version: 1.0\r\n");
  g_string_append (out, "Content-Type: text/plain; charset=UTF-8\r\n");
  g_string_append (out, "Content-Transfer-Encoding: base64\r\n");
  g_string_append (out, "X-Mailer: Fidelis " PACKAGE_VERSION "\r\n");
  g_string_append (out, "\r\n");

  /* Lines end with CRLF in the body too. */
  for (const char *p = body ? body : ""; *p != '\0'; p++)
    {
      if (*p == '\n' && (p == body || p[-1] != '\r'))
        g_string_append_c (crlf_body, '\r');
      g_string_append_c (crlf_body, *p);
    }

  encoded = g_base64_encode ((const guchar *) crlf_body->str, crlf_body->len);
  length = strlen (encoded);
  for (gsize i = 0; i < length; i += 76)
    {
      g_string_append_len (out, encoded + i, MIN (76, length - i));
      g_string_append (out, "\r\n");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static size_t
read_cb (char   *buffer,
         size_t  size,
         size_t  nitems,
         void   *user_data)
{
  Transfer *transfer = user_data;
  gsize room = size * nitems;
  gsize left = transfer->length - transfer->offset;
  gsize n = MIN (room, left);

  memcpy (buffer, transfer->data + transfer->offset, n);
  transfer->offset += n;

  return n;
}

static int
progress_cb (void       *user_data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  Transfer *transfer = user_data;

  return g_cancellable_is_cancelled (transfer->cancellable) ? 1 : 0;
}

/* The server's replies come as "header in" lines. */
static int
debug_cb (CURL          *handle,
          curl_infotype  type,
          char          *data,
          size_t         size,
          void          *user_data)
{
  Transfer *transfer = user_data;
  g_autofree char *line = NULL;

  if (type != CURLINFO_HEADER_IN || size == 0)
    return 0;

  line = g_strstrip (g_strndup (data, size));
  if (line[0] == '\0')
    return 0;

  g_string_assign (transfer->last_reply, line);
  if (line[0] == '2' && !g_str_has_prefix (line, "221") && !g_str_has_prefix (line, "220"))
    g_string_assign (transfer->last_ok_reply, line);
  else if (line[0] == '4' || line[0] == '5')
    g_string_assign (transfer->last_error_reply, line);

  return 0;
}

static gpointer
init_curl (gpointer data)
{
  curl_global_init (CURL_GLOBAL_DEFAULT);
  return NULL;
}

gboolean
fid_smtp_send (const FidSmtpConfig  *config,
               const char           *to,
               const char           *message,
               GCancellable         *cancellable,
               char                **server_reply,
               GError              **error)
{
  static GOnce curl_once = G_ONCE_INIT;
  g_autoptr(GString) last_reply = g_string_new (NULL);
  g_autoptr(GString) last_ok_reply = g_string_new (NULL);
  g_autoptr(GString) last_error_reply = g_string_new (NULL);
  g_autofree char *url = NULL;
  g_autofree char *mail_from = NULL;
  g_autofree char *mail_to = NULL;
  char error_buffer[CURL_ERROR_SIZE] = { 0 };
  struct curl_slist *recipients = NULL;
  Transfer transfer = { 0 };
  CURLcode res;
  CURL *curl;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  g_once (&curl_once, init_curl, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  curl = curl_easy_init ();
  if (curl == NULL)
    {
      g_set_error_literal (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_SEND_FAILED,
                           _("The e-mail could not be sent: libcurl could not start."));
      return FALSE;
    }

  transfer.data = message;
  transfer.length = strlen (message);
  transfer.cancellable = cancellable;
  transfer.last_reply = last_reply;
  transfer.last_ok_reply = last_ok_reply;
  transfer.last_error_reply = last_error_reply;

  url = g_strdup_printf ("%s://%s:%d", config->security == FID_SMTP_SECURITY_TLS ? "smtps" : "smtp",
                         config->host, config->port);
  mail_from = g_strdup_printf ("<%s>", config->from ? config->from : "");
  mail_to = g_strdup_printf ("<%s>", to);
  recipients = curl_slist_append (NULL, mail_to);

  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  if (config->security == FID_SMTP_SECURITY_STARTTLS)
    curl_easy_setopt (curl, CURLOPT_USE_SSL, (long) CURLUSESSL_ALL);
  if (config->user != NULL && config->user[0] != '\0')
    {
      curl_easy_setopt (curl, CURLOPT_USERNAME, config->user);
      curl_easy_setopt (curl, CURLOPT_PASSWORD, config->password ? config->password : "");
    }
  curl_easy_setopt (curl, CURLOPT_MAIL_FROM, mail_from);
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt (curl, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt (curl, CURLOPT_READDATA, &transfer);
  curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, 15L);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, (long) (config->timeout_s > 0 ? config->timeout_s : 60));
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, &transfer);
  curl_easy_setopt (curl, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt (curl, CURLOPT_DEBUGFUNCTION, debug_cb);
  curl_easy_setopt (curl, CURLOPT_DEBUGDATA, &transfer);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, error_buffer);

  res = curl_easy_perform (curl);

  curl_slist_free_all (recipients);
  curl_easy_cleanup (curl);

  if (res == CURLE_OK)
    {
      if (server_reply != NULL)
        *server_reply = g_strdup (last_ok_reply->len ? last_ok_reply->str : last_reply->str);
      return TRUE;
    }

  /* The refusal, not the goodbye that follows it. */
  if (last_error_reply->len > 0)
    g_string_assign (last_reply, last_error_reply->str);
  if (server_reply != NULL)
    *server_reply = g_strdup (last_reply->str);

  if (res == CURLE_ABORTED_BY_CALLBACK && g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  switch (res)
    {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
      g_set_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_SEND_FAILED,
                   _("Could not reach the SMTP server %s:%d (%s)."),
                   config->host, config->port, error_buffer[0] ? error_buffer : curl_easy_strerror (res));
      break;

    case CURLE_USE_SSL_FAILED:
      g_set_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_SEND_FAILED,
                   _("The SMTP server %s does not offer STARTTLS; the message was not sent unencrypted."),
                   config->host);
      break;

    case CURLE_LOGIN_DENIED:
      g_set_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_SEND_FAILED,
                   _("The SMTP server refused the user name or password. The server said: “%s”"),
                   last_reply->len ? last_reply->str : curl_easy_strerror (res));
      break;

    default:
      if (last_reply->len > 0 && (last_reply->str[0] == '4' || last_reply->str[0] == '5'))
        g_set_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_SEND_FAILED,
                     _("The SMTP server refused the message. The server said: “%s”"),
                     last_reply->str);
      else
        g_set_error (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_SEND_FAILED,
                     _("The e-mail could not be sent: %s"),
                     error_buffer[0] ? error_buffer : curl_easy_strerror (res));
      break;
    }

  return FALSE;
}
