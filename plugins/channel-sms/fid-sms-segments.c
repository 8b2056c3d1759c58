/* SPDX-License-Identifier: GPL-3.0-or-later */

/* SMS segment counting and number normalisation. */

#include "config.h"

#include <string.h>

#include "fid-sms-segments.h"

/* The GSM 03.38 default alphabet (without the escape) and its extension. */
static const char gsm_basic[] =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
static const char gsm_extension[] = "^{}\\[~]|€\f";

static gboolean
in_set (const char *set,
        gunichar    c)
{
  for (const char *p = set; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;

  return FALSE;
}

void
fid_sms_count (const char  *text,
               FidSmsCount *count)
{
  guint septets = 0;
  guint utf16 = 0;
  gunichar first_non_gsm = 0;
  guint single, multi, units;

  g_return_if_fail (count != NULL);

  memset (count, 0, sizeof *count);
  if (text == NULL)
    text = "";

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      utf16 += c > 0xFFFF ? 2 : 1;
      if (first_non_gsm != 0)
        continue;
      if (in_set (gsm_basic, c))
        septets += 1;
      else if (in_set (gsm_extension, c))
        septets += 2;
      else
        first_non_gsm = c;
    }

  count->first_non_gsm = first_non_gsm;
  if (first_non_gsm == 0)
    {
      count->encoding = FID_SMS_ENCODING_GSM7;
      units = septets;
      single = 160;
      multi = 153;
    }
  else
    {
      count->encoding = FID_SMS_ENCODING_UCS2;
      units = utf16;
      single = 70;
      multi = 67;
    }

  count->units = units;
  if (units == 0)
    {
      count->segments = 0;
      count->per_segment = single;
      count->remaining = single;
    }
  else if (units <= single)
    {
      count->segments = 1;
      count->per_segment = single;
      count->remaining = single - units;
    }
  else
    {
      count->segments = (units + multi - 1) / multi;
      count->per_segment = multi;
      count->remaining = count->segments * multi - units;
    }
}

char *
fid_sms_normalize_number (const char *number)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean plus = FALSE;

  if (number == NULL)
    return NULL;

  for (const char *p = number; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && digits->len == 0)
        plus = TRUE;
    }

  if (digits->len == 0)
    return NULL;

  if (!plus && g_str_has_prefix (digits->str, "00"))
    return g_strdup_printf ("+%s", digits->str + 2);
  if (!plus && digits->len == 10 && digits->str[0] == '0')
    return g_strdup_printf ("+33%s", digits->str + 1);

  return g_strdup_printf ("%s%s", plus ? "+" : "", digits->str);
}
