/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* fidelis-cli campaign list|create|plan|responses|results … (issue 10);
 * see fid-cli-campaign.c. */
int fid_cli_campaign (int    argc,
                      char **argv);

G_END_DECLS
