/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* fidelis-cli loyalty ledger|accrue … and fidelis-cli score … (issue 14). */
int fid_cli_loyalty (int    argc,
                     char **argv);
int fid_cli_score   (int    argc,
                     char **argv);

G_END_DECLS
