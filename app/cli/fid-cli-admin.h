/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* fidelis-cli's commands of issue 9: the audit trail, backup and restore,
 * GDPR access and erasure. */

#include "fid-cli-private.h"

G_BEGIN_DECLS

int       fid_cli_audit               (int          argc,
                                       char       **argv);
int       fid_cli_backup              (int          argc,
                                       char       **argv);
int       fid_cli_restore             (int          argc,
                                       char       **argv);
int       fid_cli_gdpr                (int          argc,
                                       char       **argv);

/* Opens @path for writing, so that what the command reads is recorded in
 * the audit log, as "cli:LOGIN"; a file that cannot be written is opened
 * read-only with a note on stderr that the audit log misses the command.
 * Prints the error and returns NULL when it cannot be opened at all. */
FidStore *fid_cli_open_audited_store  (const char  *path);

/* Opens @path for writing (actor "cli:LOGIN"), or prints why not. */
FidStore *fid_cli_open_writable_store (const char  *path);

G_END_DECLS
