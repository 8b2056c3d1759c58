/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdio.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* Exit statuses, as documented in the usage text. */
enum
{
  FID_CLI_EXIT_OK      = 0,
  FID_CLI_EXIT_FAILURE = 1,  /* runtime error: unreadable database, unknown customer… */
  FID_CLI_EXIT_USAGE   = 2,  /* the command line itself is wrong */
};

/* Each command gets the arguments after its name and returns an exit
 * status. They print their own errors through the helpers below. */
int       fid_cli_demo             (int          argc,
                                    char       **argv);
int       fid_cli_customer         (int          argc,
                                    char       **argv);
int       fid_cli_export           (int          argc,
                                    char       **argv);
int       fid_cli_segment          (int          argc,
                                    char       **argv);
int       fid_cli_import           (int          argc,
                                    char       **argv);

/* "fidelis-cli: MESSAGE" then the short usage, on stderr; returns
 * FID_CLI_EXIT_USAGE. */
int       fid_cli_usage_error      (const char  *format,
                                    ...) G_GNUC_PRINTF (1, 2);

/* "fidelis-cli: MESSAGE" on one line on stderr; returns FID_CLI_EXIT_FAILURE. */
int       fid_cli_runtime_error    (const GError *error);

/* Opens @path read-only, printing the error when it cannot. */
FidStore *fid_cli_open_store       (const char  *path);

/* Parses a positive decimal id; FALSE when @text is not one. */
gboolean  fid_cli_parse_id         (const char  *text,
                                    gint64      *id);

/* Reads the value of --name VALUE or --name=VALUE at argv[*i], advancing
 * *i past it. *matched tells whether argv[*i] is that option at all; NULL
 * with *matched set means the value is missing. */
const char *fid_cli_take_option_value (int          argc,
                                       char       **argv,
                                       int         *i,
                                       const char  *name,
                                       gboolean    *matched);

/* TRUE when the command's arguments ask for help (-h, --help). */
gboolean  fid_cli_wants_help       (int          argc,
                                    char       **argv);
/* The synopsis, and with @full the commands and exit statuses too. */
void      fid_cli_print_usage      (FILE        *stream,
                                    gboolean     full);

G_END_DECLS
