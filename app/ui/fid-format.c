/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Shared formatting: money and dates in the user's locale, and translated
 * labels and icons for the codes the store keeps (channel names, timeline
 * kinds, ticket statuses…). Nothing here touches a widget. */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "fid-format.h"

typedef struct
{
  const char *code;
  const char *label;   /* NC_ () marked, translated with the table's context */
  const char *icon;
} Label;

static const Label *
lookup (const Label *labels,
        gsize        n_labels,
        const char  *code)
{
  for (gsize i = 0; i < n_labels; i++)
    {
      if (g_strcmp0 (code, labels[i].code) == 0)
        return &labels[i];
    }

  return NULL;
}

static const char *
translate (const char  *context,
           const Label *labels,
           gsize        n_labels,
           const char  *code)
{
  const Label *label = lookup (labels, n_labels, code);

  if (label == NULL)
    return code != NULL ? code : "";

  return g_dpgettext2 (GETTEXT_PACKAGE, context, label->label);
}

#define TRANSLATE(context, table, code) translate (context, table, G_N_ELEMENTS (table), code)

/* Cents as money in the user's locale: "12,345.60 €", "12 345,60 €". The
 * integer part is grouped by printf's ' flag; no floating point. */
char *
fid_format_money (gint64 cents)
{
  const struct lconv *lc = localeconv ();
  const char *point = lc->decimal_point != NULL && lc->decimal_point[0] ? lc->decimal_point : ".";
  guint64 magnitude = cents < 0 ? -(guint64) cents : (guint64) cents;

  return g_strdup_printf ("%s%'" G_GUINT64_FORMAT "%s%02u\u00a0€",
                          cents < 0 ? "\u2212" : "",
                          magnitude / 100, point, (guint) (magnitude % 100));
}

/* A count with the locale's digit grouping: "20,000", "20 000". */
char *
fid_format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static GDateTime *
parse_iso (const char *iso,
           gboolean   *has_time)
{
  int year, month, day, hour = 0, minute = 0;
  int n;

  *has_time = FALSE;

  if (iso == NULL || iso[0] == '\0')
    return NULL;

  n = sscanf (iso, "%4d-%2d-%2d%*1[T ]%2d:%2d", &year, &month, &day, &hour, &minute);
  if (n < 3 || !g_date_valid_dmy (day, month, year))
    return NULL;

  *has_time = n == 5;

  return g_date_time_new_local (year, month, day, n == 5 ? hour : 0, n == 5 ? minute : 0, 0);
}

/* An ISO 8601 date or date-time as a short date in the user's language. */
char *
fid_format_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  gboolean has_time;

  if (iso == NULL || iso[0] == '\0')
    return g_strdup ("—");

  date = parse_iso (iso, &has_time);
  if (date == NULL)
    return g_strdup (iso);

  /* Translators: a short date ("3 Apr 2026"), see
   * https://docs.gtk.org/glib/method.DateTime.format.html */
  /* xgettext:no-c-format */
  return g_date_time_format (date, _("%-d %b %Y"));
}

/* An ISO 8601 moment as date and time ("3 Apr 2026, 14:05"); a plain date
 * as a date. */
char *
fid_format_date_time (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  gboolean has_time;

  if (iso == NULL || iso[0] == '\0')
    return g_strdup ("—");

  date = parse_iso (iso, &has_time);
  if (date == NULL)
    return g_strdup (iso);

  if (!has_time)
    return fid_format_date (iso);

  /* Translators: a date with the time ("3 Apr 2026, 14:05"), see
   * https://docs.gtk.org/glib/method.DateTime.format.html */
  /* xgettext:no-c-format */
  return g_date_time_format (date, _("%-d %b %Y, %H:%M"));
}

char *
fid_format_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* "Today", "Tomorrow", "Yesterday", else the short date. */
char *
fid_format_relative_day (const char *iso_date)
{
  GDate date, today;
  int days;

  if (!fid_format_parse_date (iso_date, &date))
    return fid_format_date (iso_date);

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  days = g_date_days_between (&today, &date);

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Tomorrow"));
  if (days == -1)
    return g_strdup (_("Yesterday"));

  return fid_format_date (iso_date);
}

/* Reads a date typed by the user: ISO 8601 (2026-04-03) or the locale's
 * own numeric form (03/04/2026 in French). */
gboolean
fid_format_parse_date (const char *text,
                       GDate      *date)
{
  int year, month, day;
  char rest;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &rest) == 3)
    {
      if (!g_date_valid_dmy (day, month, year))
        return FALSE;
      g_date_set_dmy (date, day, month, year);
      return TRUE;
    }

  /* Only numeric dates with a full year: "3 avr." or "3/4" are ambiguous. */
  if (sscanf (text, "%d%*1[/.-]%d%*1[/.-]%4d%c", &day, &month, &year, &rest) != 3 || year < 1000)
    return FALSE;

  g_date_set_parse (date, text);

  return g_date_valid (date);
}

char *
fid_format_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

static const Label lifecycle_stages[] = {
  { "unknown", NC_("lifecycle stage", "Unknown"), NULL },
  { "prospect", NC_("lifecycle stage", "Prospect"), NULL },
  { "new", NC_("lifecycle stage", "New customer"), NULL },
  { "satisfied", NC_("lifecycle stage", "Satisfied"), NULL },
  { "dissatisfied", NC_("lifecycle stage", "Dissatisfied"), NULL },
  { "inactive", NC_("lifecycle stage", "Inactive"), NULL },
  { "lost", NC_("lifecycle stage", "Lost"), NULL },
  { "reactivated", NC_("lifecycle stage", "Reactivated"), NULL },
};

const char *
fid_format_lifecycle_stage (const char *stage)
{
  return TRANSLATE ("lifecycle stage", lifecycle_stages, stage);
}

static const Label channels[] = {
  { "phone", NC_("channel", "Phone"), "call-start-symbolic" },
  { "email", NC_("channel", "E-mail"), "mail-unread-symbolic" },
  { "sms", NC_("channel", "SMS"), "phone-symbolic" },
  { "branch", NC_("channel", "Branch"), "system-users-symbolic" },
  { "mail", NC_("channel", "Postal Mail"), "mail-send-symbolic" },
  { "web", NC_("channel", "Web"), "web-browser-symbolic" },
  { "card", NC_("channel", "Card"), "x-office-spreadsheet-symbolic" },
  { "direct_debit", NC_("channel", "Direct debit"), "view-refresh-symbolic" },
};

const char *
fid_format_channel (const char *channel)
{
  if (channel == NULL || channel[0] == '\0')
    return "";

  return TRANSLATE ("channel", channels, channel);
}

const char *
fid_format_channel_icon (const char *channel)
{
  const Label *label = lookup (channels, G_N_ELEMENTS (channels), channel);

  return label != NULL ? label->icon : "mail-unread-symbolic";
}

static const Label directions[] = {
  { "inbound", NC_("interaction direction", "Inbound"), NULL },
  { "outbound", NC_("interaction direction", "Outbound"), NULL },
};

const char *
fid_format_direction (const char *direction)
{
  return TRANSLATE ("interaction direction", directions, direction);
}

static const Label timeline_kinds[] = {
  { "interaction", NC_("timeline kind", "Interaction"), "user-available-symbolic" },
  { "month", NC_("timeline kind", "Transactions"), "x-office-spreadsheet-symbolic" },
  { "transaction", NC_("timeline kind", "Transaction"), "x-office-spreadsheet-symbolic" },
  { "ticket", NC_("timeline kind", "Ticket"), "mail-mark-important-symbolic" },
  { "life_event", NC_("timeline kind", "Life event"), "emblem-favorite-symbolic" },
  { "campaign", NC_("timeline kind", "Campaign"), "send-to-symbolic" },
  { "opportunity", NC_("timeline kind", "Opportunity"), "starred-symbolic" },
};

const char *
fid_format_timeline_kind (const char *kind)
{
  return TRANSLATE ("timeline kind", timeline_kinds, kind);
}

const char *
fid_format_timeline_kind_icon (const char *kind)
{
  const Label *label = lookup (timeline_kinds, G_N_ELEMENTS (timeline_kinds), kind);

  return label != NULL ? label->icon : "document-open-recent-symbolic";
}

static const Label ticket_kinds[] = {
  { "request", NC_("ticket kind", "Request"), NULL },
  { "complaint", NC_("ticket kind", "Complaint"), NULL },
  { "incident", NC_("ticket kind", "Incident"), NULL },
};

const char *
fid_format_ticket_kind (const char *kind)
{
  return TRANSLATE ("ticket kind", ticket_kinds, kind);
}

static const Label ticket_statuses[] = {
  { "open", NC_("ticket status", "Open"), NULL },
  { "in_progress", NC_("ticket status", "In progress"), NULL },
  { "resolved", NC_("ticket status", "Resolved"), NULL },
  { "closed", NC_("ticket status", "Closed"), NULL },
};

const char *
fid_format_ticket_status (const char *status)
{
  return TRANSLATE ("ticket status", ticket_statuses, status);
}

static const Label priorities[] = {
  { "low", NC_("ticket priority", "Low"), NULL },
  { "normal", NC_("ticket priority", "Normal"), NULL },
  { "high", NC_("ticket priority", "High"), NULL },
  { "urgent", NC_("ticket priority", "Urgent"), NULL },
};

const char *
fid_format_ticket_priority (const char *priority)
{
  return TRANSLATE ("ticket priority", priorities, priority);
}

static const Label life_events[] = {
  { "marriage", NC_("life event", "Marriage"), NULL },
  { "birth", NC_("life event", "Birth"), NULL },
  { "higher_education", NC_("life event", "Child starts higher education"), NULL },
  { "move", NC_("life event", "Move"), NULL },
  { "new_job", NC_("life event", "New job"), NULL },
  { "retirement", NC_("life event", "Retirement"), NULL },
  { "old_vehicle", NC_("life event", "Vehicle older than average"), NULL },
  { "divorce", NC_("life event", "Divorce"), NULL },
  { "death_in_family", NC_("life event", "Death in the family"), NULL },
  { "inheritance", NC_("life event", "Inheritance"), NULL },
};

const char *
fid_format_life_event (const char *kind)
{
  return TRANSLATE ("life event", life_events, kind);
}

static const Label product_families[] = {
  { "current_account", NC_("product family", "Current account"), NULL },
  { "savings", NC_("product family", "Savings"), NULL },
  { "card", NC_("product family", "Card"), NULL },
  { "mortgage", NC_("product family", "Mortgage"), NULL },
  { "consumer_loan", NC_("product family", "Consumer loan"), NULL },
  { "student_loan", NC_("product family", "Student loan"), NULL },
  { "insurance", NC_("product family", "Insurance"), NULL },
  { "investment", NC_("product family", "Investment"), NULL },
};

const char *
fid_format_product_family (const char *family)
{
  return TRANSLATE ("product family", product_families, family);
}

static const Label household_roles[] = {
  { "holder", NC_("household role", "Account holder"), NULL },
  { "spouse", NC_("household role", "Spouse"), NULL },
  { "child", NC_("household role", "Child"), NULL },
};

const char *
fid_format_household_role (const char *role)
{
  return TRANSLATE ("household role", household_roles, role);
}

static const Label consent_sources[] = {
  { "branch", NC_("consent source", "in the branch"), NULL },
  { "web", NC_("consent source", "online"), NULL },
  { "contract", NC_("consent source", "in the contract"), NULL },
  { "phone", NC_("consent source", "by phone"), NULL },
};

const char *
fid_format_consent_source (const char *source)
{
  return TRANSLATE ("consent source", consent_sources, source);
}

static const Label opportunity_stages[] = {
  { "lead", NC_("opportunity stage", "Lead"), NULL },
  { "qualified", NC_("opportunity stage", "Qualified"), NULL },
  { "proposal", NC_("opportunity stage", "Proposal"), NULL },
  { "negotiation", NC_("opportunity stage", "Negotiation"), NULL },
  { "won", NC_("opportunity stage", "Won"), NULL },
  { "lost", NC_("opportunity stage", "Lost"), NULL },
};

const char *
fid_format_opportunity_stage (const char *stage)
{
  return TRANSLATE ("opportunity stage", opportunity_stages, stage);
}
