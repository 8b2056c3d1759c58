/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A tiny SMTP responder on loopback, for the e-mail channel's tests. */

#include <string.h>

#include "smtp-sink.h"

#define IDLE_TIMEOUT_S 10
#define LIFETIME_US    (60 * G_USEC_PER_SEC)

struct _SmtpSink
{
  GSocket  *listener;
  guint16   port;
  GThread  *thread;
  gint      stop;
  GMutex    mutex;
  char     *reject_rcpt;
  char     *message;
  char     *rcpt;
};

static gboolean
send_line (GSocket    *socket,
           const char *line)
{
  g_autofree char *data = g_strconcat (line, "\r\n", NULL);

  return g_socket_send (socket, data, strlen (data), NULL, NULL) == (gssize) strlen (data);
}

static void
serve_client (SmtpSink *sink,
              GSocket  *client)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GString) data = NULL;
  char chunk[4096];

  g_socket_set_timeout (client, IDLE_TIMEOUT_S);
  if (!send_line (client, "220 sink.test ESMTP Fidelis test sink"))
    return;

  while (!g_atomic_int_get (&sink->stop))
    {
      gssize n = g_socket_receive (client, chunk, sizeof chunk, NULL, NULL);
      char *end;

      if (n <= 0)
        return;
      g_string_append_len (buffer, chunk, n);

      while ((end = strstr (buffer->str, "\r\n")) != NULL)
        {
          g_autofree char *line = g_strndup (buffer->str, end - buffer->str);

          g_string_erase (buffer, 0, end - buffer->str + 2);

          if (data != NULL)
            {
              if (g_str_equal (line, "."))
                {
                  g_mutex_lock (&sink->mutex);
                  g_free (sink->message);
                  sink->message = g_string_free (g_steal_pointer (&data), FALSE);
                  g_mutex_unlock (&sink->mutex);
                  send_line (client, "250 2.0.0 Ok: queued as FID42");
                }
              else
                {
                  /* Undo the dot-stuffing. */
                  g_string_append (data, line[0] == '.' ? line + 1 : line);
                  g_string_append (data, "\r\n");
                }
              continue;
            }

          if (g_ascii_strncasecmp (line, "EHLO", 4) == 0)
            {
              send_line (client, "250-sink.test greets you");
              send_line (client, "250-8BITMIME");
              send_line (client, "250 SIZE 1048576");
            }
          else if (g_ascii_strncasecmp (line, "HELO", 4) == 0)
            send_line (client, "250 sink.test");
          else if (g_ascii_strncasecmp (line, "MAIL FROM:", 10) == 0)
            send_line (client, "250 2.1.0 Ok");
          else if (g_ascii_strncasecmp (line, "RCPT TO:", 8) == 0)
            {
              g_mutex_lock (&sink->mutex);
              g_free (sink->rcpt);
              sink->rcpt = g_strstrip (g_strdup (line + 8));
              g_mutex_unlock (&sink->mutex);
              if (sink->reject_rcpt != NULL && strstr (line, sink->reject_rcpt) != NULL)
                send_line (client, "550 5.1.1 Recipient address rejected: User unknown in local recipient table");
              else
                send_line (client, "250 2.1.5 Ok");
            }
          else if (g_ascii_strncasecmp (line, "DATA", 4) == 0)
            {
              data = g_string_new (NULL);
              send_line (client, "354 End data with <CR><LF>.<CR><LF>");
            }
          else if (g_ascii_strncasecmp (line, "RSET", 4) == 0 ||
                   g_ascii_strncasecmp (line, "NOOP", 4) == 0)
            send_line (client, "250 2.0.0 Ok");
          else if (g_ascii_strncasecmp (line, "QUIT", 4) == 0)
            {
              send_line (client, "221 2.0.0 Bye");
              return;
            }
          else
            send_line (client, "502 5.5.2 Command not recognized");
        }
    }
}

static gpointer
sink_thread (gpointer user_data)
{
  SmtpSink *sink = user_data;
  gint64 deadline = g_get_monotonic_time () + LIFETIME_US;

  while (!g_atomic_int_get (&sink->stop) && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GSocket) client = NULL;

      if (!g_socket_condition_timed_wait (sink->listener, G_IO_IN, 100 * 1000, NULL, NULL))
        continue;
      client = g_socket_accept (sink->listener, NULL, NULL);
      if (client != NULL)
        {
          serve_client (sink, client);
          g_socket_close (client, NULL);
        }
    }

  return NULL;
}

SmtpSink *
smtp_sink_start (const char  *reject_rcpt,
                 GError     **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  SmtpSink *sink = g_new0 (SmtpSink, 1);

  g_mutex_init (&sink->mutex);
  sink->reject_rcpt = g_strdup (reject_rcpt);
  sink->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (sink->listener == NULL ||
      !g_socket_bind (sink->listener, address, TRUE, error) ||
      !g_socket_listen (sink->listener, error) ||
      (bound = g_socket_get_local_address (sink->listener, error)) == NULL)
    {
      smtp_sink_stop (sink);
      return NULL;
    }

  sink->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  sink->thread = g_thread_new ("smtp-sink", sink_thread, sink);

  return sink;
}

guint16
smtp_sink_get_port (SmtpSink *sink)
{
  return sink->port;
}

char *
smtp_sink_dup_message (SmtpSink *sink)
{
  char *message;

  g_mutex_lock (&sink->mutex);
  message = g_strdup (sink->message);
  g_mutex_unlock (&sink->mutex);

  return message;
}

char *
smtp_sink_dup_rcpt (SmtpSink *sink)
{
  char *rcpt;

  g_mutex_lock (&sink->mutex);
  rcpt = g_strdup (sink->rcpt);
  g_mutex_unlock (&sink->mutex);

  return rcpt;
}

void
smtp_sink_stop (SmtpSink *sink)
{
  if (sink == NULL)
    return;

  g_atomic_int_set (&sink->stop, 1);
  if (sink->thread != NULL)
    g_thread_join (sink->thread);
  if (sink->listener != NULL)
    g_socket_close (sink->listener, NULL);
  g_clear_object (&sink->listener);
  g_mutex_clear (&sink->mutex);
  g_free (sink->reject_rcpt);
  g_free (sink->message);
  g_free (sink->rcpt);
  g_free (sink);
}
