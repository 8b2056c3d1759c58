/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fid-csv.h"
#include "fid-csv-guard.h"

/* "-12.50", "+3", "-1,5", "1e-3": what a spreadsheet reads as a number. */
static gboolean
is_plain_number (const char *value)
{
  const char *p = value;
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.' || *p == ',')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  if (digits && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return digits && *p == '\0';
}

gboolean
fid_csv_cell_is_formula (const char *value)
{
  if (value == NULL)
    return FALSE;

  switch (value[0])
    {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    case '+':
    case '-':
      return !is_plain_number (value);
    default:
      return FALSE;
    }
}

void
fid_csv_append_guarded (GString    *out,
                        const char *value)
{
  g_autofree char *guarded = NULL;

  if (fid_csv_cell_is_formula (value))
    value = guarded = g_strconcat ("'", value, NULL);
  fid_csv_append_field (out, value);
}
