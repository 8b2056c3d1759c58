/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli report: a dashboard as a PDF report.
 *
 *   report FILE --output REPORT.pdf [--dashboard marketing|advisor]
 *          [--branch ID] [--advisor ID] [--months N] [--end YYYY-MM-DD]
 *
 * The report is drawn by the app's charts and the dashboards plugin (one
 * drawing code for the screen, the files and paper). fidelis-cli links the
 * core only, so it checks the command line and runs `fidelis --report …`,
 * the application's executable, which needs no display (the charts draw
 * without one). The executable is the one next to fidelis-cli (installed
 * side by side, or app/ui/ in the build folder), else FIDELIS_APP, else the
 * one on PATH. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "fid-cli-private.h"
#include "fid-cli-report.h"

static const char * const value_options[] = {
  "--dashboard", "--output", "--branch", "--advisor", "--months", "--end", NULL
};

/* The application executable, or NULL. */
static char *
find_app (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : NULL;
  const char *override = g_getenv ("FIDELIS_APP");
  const char * const relative[] = { "fidelis", "../ui/fidelis", NULL };

  if (override != NULL && override[0] != '\0')
    return g_strdup (override);
  for (guint i = 0; dir != NULL && relative[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, relative[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE) && !g_file_test (path, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&path);
    }
  return g_find_program_in_path ("fidelis");
}

int
fid_cli_report (int    argc,
                char **argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *app = NULL;
  const char *database = NULL;
  gboolean has_output = FALSE;
  int wait_status = 0;

  for (int i = 0; i < argc; i++)
    {
      gboolean matched = FALSE;
      const char *value = NULL;

      for (guint o = 0; value_options[o] != NULL && !matched; o++)
        {
          value = fid_cli_take_option_value (argc, argv, &i, value_options[o], &matched);
          if (!matched)
            continue;
          if (value == NULL)
            return fid_cli_usage_error (_("%s needs a value"), value_options[o]);
          if (g_str_equal (value_options[o], "--dashboard") &&
              !g_str_equal (value, "marketing") && !g_str_equal (value, "advisor"))
            return fid_cli_usage_error (_("--dashboard is marketing or advisor, not “%s”"), value);
          has_output |= g_str_equal (value_options[o], "--output");
          g_ptr_array_add (args, g_strdup_printf ("%s=%s", value_options[o], value));
        }
      if (matched)
        continue;
      if (argv[i][0] == '-')
        return fid_cli_usage_error (_("unknown option “%s”"), argv[i]);
      if (database != NULL)
        return fid_cli_usage_error (_("report takes one database file"));
      database = argv[i];
    }
  if (database == NULL)
    return fid_cli_usage_error (_("report needs the database file"));
  if (!has_output)
    return fid_cli_usage_error (_("report needs --output FILE.pdf"));
  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” does not exist. Check the name, or create a demo bank with “fidelis-cli demo”."),
                   database);
      return fid_cli_runtime_error (error);
    }

  app = find_app ();
  if (app == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The report needs the Fidelis application (fidelis), which draws its charts; "
                             "it was not found next to fidelis-cli nor on PATH (was it built with -Dapp=false?)."));
      return fid_cli_runtime_error (error);
    }

  g_ptr_array_insert (args, 0, g_strdup (app));
  g_ptr_array_insert (args, 1, g_strdup_printf ("--report=%s", database));
  g_ptr_array_add (args, NULL);
  /* Its output and errors are ours: inherited, not captured. */
  fflush (stdout);
  if (!g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                     &wait_status, &error))
    return fid_cli_runtime_error (error);
  if (g_spawn_check_wait_status (wait_status, NULL))
    return FID_CLI_EXIT_OK;
  return WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == FID_CLI_EXIT_USAGE ? FID_CLI_EXIT_USAGE
                                                                                    : FID_CLI_EXIT_FAILURE;
}
