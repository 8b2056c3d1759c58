/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: small helpers shared by the store files — the checks every
 * validation needs (blank text, dates, a referenced row exists) and the
 * step-and-report of a single write. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "fid-store-private.h"

gboolean
fid_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
fid_parse_iso_date (const char *text,
                    GDate      *date)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  if (date != NULL)
    g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
fid_normalize_iso_date_time (const char *text)
{
  g_autofree char *day = NULL;
  int hour, minute, second = 0;
  gsize len;

  if (text == NULL)
    return NULL;
  len = strlen (text);
  /* YYYY-MM-DDTHH:MM (16) or YYYY-MM-DDTHH:MM:SS (19), nothing else. */
  if ((len != 16 && len != 19) || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
      (len == 19 && text[16] != ':'))
    return NULL;
  for (gsize i = 11; i < len; i++)
    if (i != 13 && i != 16 && !g_ascii_isdigit (text[i]))
      return NULL;
  day = g_strndup (text, 10);
  if (!fid_parse_iso_date (day, NULL))
    return NULL;
  hour = g_ascii_digit_value (text[11]) * 10 + g_ascii_digit_value (text[12]);
  minute = g_ascii_digit_value (text[14]) * 10 + g_ascii_digit_value (text[15]);
  if (len == 19)
    second = g_ascii_digit_value (text[17]) * 10 + g_ascii_digit_value (text[18]);
  if (hour > 23 || minute > 59 || second > 59)
    return NULL;
  return g_strdup_printf ("%sT%02d:%02d:%02d", day, hour, minute, second);
}

char *
fid_store_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
fid_store_row_exists (FidStore    *self,
                      const char  *sql,
                      gint64       id,
                      gboolean    *exists,
                      GError     **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("check a reference"));
      return FALSE;
    }
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
fid_store_step_write (FidStore      *self,
                      sqlite3_stmt  *stmt,
                      const char    *doing,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fid_store_set_sqlite_error (self, error, rc, doing);
      return FALSE;
    }
  return TRUE;
}

void
fid_sqlite_bind_id_or_null (sqlite3_stmt *stmt,
                            int           index,
                            gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}
