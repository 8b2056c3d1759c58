/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* fidelis-cli report FILE --output FILE.pdf … (issue 7); see fid-cli-report.c. */
int fid_cli_report (int    argc,
                    char **argv);

G_END_DECLS
