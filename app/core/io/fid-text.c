/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Small text helpers shared by the store, the importers and the exporters. */

#include "config.h"

#include "fid-text.h"

char *
fid_text_fold (const char *text)
{
  g_autofree char *ascii = NULL;

  if (text == NULL)
    return g_strdup ("");

  /* g_str_to_ascii transliterates with the C locale's rules: é -> e, œ -> oe. */
  ascii = g_str_to_ascii (text, "C");
  return g_ascii_strdown (ascii, -1);
}

char *
fid_text_sort_name (const char *last_name,
                    const char *first_name)
{
  g_autofree char *joined = NULL;

  joined = g_strdup_printf ("%s %s", last_name ? last_name : "", first_name ? first_name : "");
  return fid_text_fold (g_strstrip (joined));
}

char *
fid_text_cents_to_decimal (gint64 cents)
{
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          cents < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}
