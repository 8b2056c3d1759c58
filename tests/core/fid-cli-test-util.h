/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Running fidelis-cli from the core tests: the tests that drive the
 * command line set cli_path from their first argument (meson passes the
 * built executable) and call RUN (&out, &err, "command", "arg", …). */

#include <glib.h>
#include <sys/wait.h>

static const char *cli_path;

/* Runs fidelis-cli with @args (NULL-terminated); returns its exit status.
 * Callers that do not look at stderr (@err NULL) expect a quiet success:
 * a GLib warning or critical there is a bug even when the output looks
 * right. */
static inline int
fid_test_run_cli (const char * const  *args,
                  char               **out,
                  char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  if (err == NULL && WEXITSTATUS (wait_status) == 0)
    g_assert_cmpstr (stderr_text, ==, "");
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return WEXITSTATUS (wait_status);
}

#define RUN(out, err, ...) fid_test_run_cli ((const char * const[]) { __VA_ARGS__, NULL }, out, err)
