/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* fidelis-cli nbo … and pipeline … (issue 10); see fid-cli-nbo.c. */
int fid_cli_nbo      (int    argc,
                      char **argv);
int fid_cli_pipeline (int    argc,
                      char **argv);

G_END_DECLS
