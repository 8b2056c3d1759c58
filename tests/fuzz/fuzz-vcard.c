/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The vCard reader (app/core/io/fid-vcard.c), which contacts from GNOME
 * Contacts or a phone are imported through. Contract: a NULL result comes
 * with an error and a line; cards come in file order, their texts valid
 * UTF-8, a birthday YYYY-MM-DD when there is one. */

#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include "fid-vcard.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_text (const char *text)
{
  if (text != NULL)
    g_assert_true (g_utf8_validate (text, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  guint error_line = 0, line = 0;

  /* Sniffing must never read past the end either. */
  (void) fid_vcard_sniff ((const char *) data, size);
  cards = fid_vcard_parse ((const char *) data, size, &error_line, &error);
  if (cards == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_null (error);

  for (guint i = 0; i < cards->len; i++)
    {
      FidVcard *card = cards->pdata[i];

      g_assert_cmpuint (card->line, >, line);
      line = card->line;
      check_text (card->formatted_name);
      check_text (card->family_name);
      check_text (card->given_name);
      check_text (card->organization);
      check_text (card->email);
      check_text (card->phone);
      check_text (card->street);
      check_text (card->locality);
      check_text (card->note);
      if (card->birthday != NULL)
        {
          int y, m, d;

          g_assert_cmpint (sscanf (card->birthday, "%4d-%2d-%2d", &y, &m, &d), ==, 3);
          g_assert_true (g_date_valid_dmy (d, m, y));
        }
    }
  return 0;
}
