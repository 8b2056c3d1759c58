/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared formatting for the pages: money, dates and the translated labels
 * of the store's codes (channels, kinds, stages, statuses). Labels returned
 * as const char * are static (translated) strings; unknown codes come back
 * as they are. */

char       *fid_format_money              (gint64       cents);
char       *fid_format_date               (const char  *iso);
char       *fid_format_date_time          (const char  *iso);
char       *fid_format_relative_day       (const char  *iso_date);
char       *fid_format_count              (guint64      n);

/* Today as YYYY-MM-DD (local time) and a GDate for an ISO date (NULL when
 * it does not parse). */
char       *fid_format_today_iso          (void);
gboolean    fid_format_parse_date         (const char  *text,
                                           GDate       *date);
char       *fid_format_date_to_iso        (const GDate *date);

const char *fid_format_lifecycle_stage    (const char  *stage);
const char *fid_format_channel            (const char  *channel);
const char *fid_format_channel_icon       (const char  *channel);
const char *fid_format_direction          (const char  *direction);
const char *fid_format_timeline_kind      (const char  *kind);
const char *fid_format_timeline_kind_icon (const char  *kind);
const char *fid_format_ticket_kind        (const char  *kind);
const char *fid_format_ticket_status      (const char  *status);
const char *fid_format_ticket_priority    (const char  *priority);
const char *fid_format_life_event         (const char  *kind);
const char *fid_format_product_family     (const char  *family);
const char *fid_format_household_role     (const char  *role);
const char *fid_format_consent_source     (const char  *source);
const char *fid_format_opportunity_stage  (const char  *stage);

G_END_DECLS
