/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* fidelis-cli survey analyze|import … (issue 6); see fid-cli-survey.c. */
int fid_cli_survey (int    argc,
                    char **argv);

G_END_DECLS
