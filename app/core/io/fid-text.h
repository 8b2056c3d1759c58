/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lower-case, accent-free ASCII form of @text ("Hélène" -> "helene"), used
 * for sort keys so that É sorts with E as people expect in a name list. */
char     *fid_text_fold              (const char *text);

/* The name sort key: folded "last first". */
char     *fid_text_sort_name         (const char *last_name,
                                      const char *first_name);

/* Formats cents as euros with a dot and two decimals ("-12.50"): the
 * machine-readable form used by CSV exports. */
char     *fid_text_cents_to_decimal  (gint64      cents);

G_END_DECLS
