/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the user reads for the segmentation schemes and segment keys that
 * the core stores untranslated (issue 5): "rfm" → "RFM", "champions" →
 * "Champions" / « Champions ». Unknown keys come back as given, so a
 * plugin's own scheme still shows something. */

const char *fid_segment_scheme_label   (const char *scheme);
const char *fid_segment_label          (const char *scheme,
                                        const char *key);
/* Where @key comes in its scheme's natural order (RFM: champions first;
 * lifecycle: prospect first), for sorting; "" (absent) comes last. */
int         fid_segment_rank           (const char *scheme,
                                        const char *key);
/* The course's action for a lifecycle stage ("Initiate a relationship"). */
const char *fid_lifecycle_action_label (const char *stage);

G_END_DECLS
