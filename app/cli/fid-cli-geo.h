/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* fidelis-cli geo import|summary … (issue 13); see fid-cli-geo.c. */
int fid_cli_geo (int    argc,
                 char **argv);

G_END_DECLS
