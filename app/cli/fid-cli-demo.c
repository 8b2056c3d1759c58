/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli demo: generates a demo bank with a progress line. The
 * generator runs in its own thread (fid_demo_write_async) while this one
 * waits in a main loop, so Ctrl-C can cancel it cleanly: the generator then
 * removes its partial file instead of leaving half a bank behind. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fid-cli-private.h"
#include "fid-demo.h"

#define DEFAULT_CUSTOMERS 20000
#define DEFAULT_SEED      1

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GError       *error;
  gboolean      interactive;   /* stderr is a terminal: rewrite one line */
  int           last_percent;  /* last percentage printed, -1 for none */
  int           line_width;    /* characters of the line being rewritten */
  char         *stage;
} DemoRun;

static void
on_progress_cb (double      fraction,
                const char *stage,
                gpointer    user_data)
{
  DemoRun *run = user_data;
  int percent = (int) CLAMP (fraction * 100.0, 0.0, 100.0);
  g_autofree char *line = NULL;
  int width;

  if (run->interactive)
    {
      /* Only when something visible changed: the generator may report far
       * more often than a terminal can usefully redraw. */
      if (percent == run->last_percent && g_strcmp0 (stage, run->stage) == 0)
        return;

      /* Translators: progress of the demo generation, e.g. " 42 %  customers" */
      line = g_strdup_printf (_("%3d %%  %s"), percent, stage ? stage : "");
      width = (int) g_utf8_strlen (line, -1);
      /* Pad with spaces over the tail of a longer previous line. */
      fprintf (stderr, "\r%s%*s", line, MAX (0, run->line_width - width), "");
      fflush (stderr);
      run->line_width = width;
    }
  else
    {
      /* A log file gets a line every 10 %, not a stream of carriage returns. */
      if (run->last_percent >= 0 && percent / 10 <= run->last_percent / 10)
        return;
      percent -= percent % 10;
      line = g_strdup_printf (_("%3d %%  %s"), percent, stage ? stage : "");
      fprintf (stderr, "%s\n", line);
    }

  run->last_percent = percent;
  g_free (run->stage);
  run->stage = g_strdup (stage);
}

static void
on_demo_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DemoRun *run = user_data;

  fid_demo_write_finish (FID_DEMO (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
on_interrupt_cb (gpointer user_data)
{
  DemoRun *run = user_data;

  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

int
fid_cli_demo (int    argc,
              char **argv)
{
  guint64 n_customers = DEFAULT_CUSTOMERS;
  guint64 seed = DEFAULT_SEED;
  const char *output = NULL;
  g_autoptr(FidDemo) demo = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  DemoRun run = { 0, };
  guint sigint_id, sigterm_id;
  gint64 started;
  int status;

  for (int i = 0; i < argc; i++)
    {
      gboolean matched;
      const char *value;

      if ((value = fid_cli_take_option_value (argc, argv, &i, "--customers", &matched)) || matched)
        {
          if (value == NULL)
            return fid_cli_usage_error (_("--customers needs a number"));
          if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &n_customers, NULL))
            return fid_cli_usage_error (_("--customers expects a positive whole number, not “%s”"),
                                        value);
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--seed", &matched)) || matched)
        {
          if (value == NULL)
            return fid_cli_usage_error (_("--seed needs a number"));
          if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &seed, NULL))
            return fid_cli_usage_error (_("--seed expects a whole number, not “%s”"), value);
        }
      else if ((value = fid_cli_take_option_value (argc, argv, &i, "--output", &matched)) || matched)
        {
          if (value == NULL || value[0] == '\0')
            return fid_cli_usage_error (_("--output needs a file name"));
          output = value;
        }
      else
        {
          return fid_cli_usage_error (_("unexpected argument “%s” for demo"), argv[i]);
        }
    }

  if (output == NULL)
    return fid_cli_usage_error (_("demo needs --output FILE"));

  /* The generator refuses too, but only once it has started: saying so
   * before any progress is printed keeps the error on one line. */
  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS,
                                             _("“%s” already exists. Choose another file name or remove it first."),
                                             output);
      return fid_cli_runtime_error (error);
    }

  demo = fid_demo_new ((guint) n_customers, seed);
  loop = g_main_loop_new (NULL, FALSE);
  cancellable = g_cancellable_new ();

  run.loop = loop;
  run.cancellable = cancellable;
  run.interactive = isatty (fileno (stderr));
  run.last_percent = -1;

  sigint_id = g_unix_signal_add (SIGINT, on_interrupt_cb, &run);
  sigterm_id = g_unix_signal_add (SIGTERM, on_interrupt_cb, &run);

  started = g_get_monotonic_time ();
  fid_demo_write_async (demo, output, cancellable,
                        on_progress_cb, &run, NULL,
                        on_demo_written_cb, &run);
  g_main_loop_run (loop);

  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  if (run.interactive && run.line_width > 0)
    fputc ('\n', stderr);

  if (run.error != NULL)
    {
      status = fid_cli_runtime_error (run.error);
    }
  else
    {
      /* Translators: the number of customers, a duration in seconds, the file. */
      fprintf (stderr,
               ngettext ("Generated %u customer in %.1f s: %s\n",
                         "Generated %u customers in %.1f s: %s\n",
                         (unsigned long) n_customers),
               (guint) n_customers,
               (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC,
               output);
      status = FID_CLI_EXIT_OK;
    }

  g_clear_error (&run.error);
  g_free (run.stage);
  return status;
}
