/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the dashboards read from the store (issue 7). The definitions of the
 * figures are FidDashboard's (fid-dashboard.h); this is the SQL behind
 * them. Counts that would scan millions of rows come from
 * dashboard_counts, kept by triggers (data/sql/004-dashboard.sql); the
 * rest reads small tables or one portfolio's rows through its index.
 *
 * Every function takes the customers it counts as @branch_id and
 * @advisor_id (0: any). Days are YYYY-MM-DD; a period includes both ends. */

#include <gio/gio.h>

#include "fid-store.h"
#include "fid-store-segments.h"

G_BEGIN_DECLS

/* The lifecycle stages of the schema in lifecycle order, NULL-terminated. */
const char * const *fid_store_lifecycle_stages          (void);

/* Refills dashboard_counts from the rows (the fresh-file bulk load, which
 * drops its triggers, calls it at the end; also a repair). Inside the
 * caller's transaction if there is one. */
gboolean            fid_store_rebuild_dashboard_counts  (FidStore      *self,
                                                         GError       **error);

/* The latest transaction day of the bank (the day its data reaches), or
 * NULL when it has no transaction. */
char               *fid_store_dup_last_activity_day     (FidStore      *self,
                                                         GError       **error);

/* The ids of the customers of @branch_id and @advisor_id, ascending
 * (gint64); both 0 is allowed (every customer). */
GArray             *fid_store_list_dashboard_customers  (FidStore      *self,
                                                         gint64         branch_id,
                                                         gint64         advisor_id,
                                                         GError       **error);

/* Customers created on or before @day_a and on or before @day_b. */
gboolean            fid_store_count_dashboard_customers (FidStore      *self,
                                                         gint64         branch_id,
                                                         gint64         advisor_id,
                                                         const char    *day_a,
                                                         const char    *day_b,
                                                         gint64        *n_a,
                                                         gint64        *n_b,
                                                         GError       **error);

/* Customers now in each stage, in fid_store_lifecycle_stages() order
 * (@counts has room for all of them). */
gboolean            fid_store_count_dashboard_stages    (FidStore      *self,
                                                         gint64         branch_id,
                                                         gint64         advisor_id,
                                                         gint64        *counts,
                                                         GError       **error);

/* A count by key and month. */
typedef struct
{
  char   *key;       /* a channel, a score, a category, a segment… */
  char    month[8];  /* YYYY-MM, or "" when not by month */
  gint64  n;
} FidDashboardCount;

void                fid_dashboard_count_free            (FidDashboardCount *count);

/* Contacts (interactions with status 'done') per channel and month of
 * [@start, @end]: FidDashboardCount. */
GPtrArray          *fid_store_list_dashboard_contacts   (FidStore      *self,
                                                         gint64         branch_id,
                                                         gint64         advisor_id,
                                                         const char    *start,
                                                         const char    *end,
                                                         GError       **error);
/* 'score' answers to the surveys of @kind ("nps" or "csat") answered in
 * [@start, @end], per score (the key, as text) and month. */
GPtrArray          *fid_store_list_dashboard_scores     (FidStore      *self,
                                                         gint64         branch_id,
                                                         gint64         advisor_id,
                                                         const char    *kind,
                                                         const char    *start,
                                                         const char    *end,
                                                         GError       **error);

/* Tickets at two dates and complaints in a period. A ticket is open on a
 * day D when it was opened on or before D and is either still open now
 * (status open or in_progress) or was resolved after D. */
typedef struct
{
  gint64     open_complaints[2];   /* complaints open on day_a, on day_b */
  gint64     overdue_tickets[2];   /* tickets open on the day, due before it */
  GPtrArray *complaint_categories; /* FidDashboardCount: complaints opened in
                                    * the period by category ("" none), no month */
  gint64     complaints;           /* complaints opened in the period */
} FidDashboardTickets;

void                fid_dashboard_tickets_clear         (FidDashboardTickets *tickets);
gboolean            fid_store_read_dashboard_tickets    (FidStore      *self,
                                                         gint64         branch_id,
                                                         gint64         advisor_id,
                                                         const char    *start,
                                                         const char    *end,
                                                         const char    *day_a,
                                                         const char    *day_b,
                                                         FidDashboardTickets *tickets,
                                                         GError       **error);

/* The campaigns running at some time in [@start, @end] (starts_on ≤ end,
 * ends_on ≥ start or none), oldest first, with their targets among the
 * customers counted. */
typedef struct
{
  gint64  id;
  char   *name;
  gint64  test;               /* targets in the test group */
  gint64  test_contacted;
  gint64  test_responded;
  gint64  test_converted;
  gint64  control;            /* targets in the control group */
  gint64  control_responded;  /* responded without being contacted */
} FidDashboardCampaign;

void                fid_dashboard_campaign_free         (FidDashboardCampaign *campaign);
GPtrArray          *fid_store_list_dashboard_campaigns  (FidStore      *self,
                                                         gint64         branch_id,
                                                         gint64         advisor_id,
                                                         const char    *start,
                                                         const char    *end,
                                                         GError       **error);

/* The migration between two snapshots of @scheme among the customers
 * counted (as fid_store_compute_migration, which it calls when both ids
 * are 0). */
FidMigration       *fid_store_compute_dashboard_migration (FidStore    *self,
                                                           gint64       branch_id,
                                                           gint64       advisor_id,
                                                           const char  *scheme,
                                                           const char  *from_taken_on,
                                                           const char  *to_taken_on,
                                                           GError     **error);

/* One snapshot whole, in customer order: @ids (gint64, ascending) and
 * each one's segment as an index into @keys (NULL-terminated, sorted).
 * A million rows read in one pass of the primary key, so that migrations
 * for any filter are then counted in memory. */
gboolean            fid_store_read_dashboard_snapshot   (FidStore      *self,
                                                         const char    *scheme,
                                                         const char    *taken_on,
                                                         GArray       **ids,
                                                         GByteArray   **segments,
                                                         GStrv         *keys,
                                                         GError       **error);

/* The customers counted per segment of one snapshot (no month); those
 * not in it under the key "". */
GPtrArray          *fid_store_list_dashboard_segments   (FidStore      *self,
                                                         gint64         branch_id,
                                                         gint64         advisor_id,
                                                         const char    *scheme,
                                                         const char    *taken_on,
                                                         GError       **error);

/* The advisor's day (as of @day): follow-ups not done and due on or
 * before it, their life events in its month by kind (FidDashboardCount,
 * no month), the open tickets assigned to them and how many of those are
 * overdue (due before @day). */
typedef struct
{
  gint64     follow_ups_due;
  gint64     follow_ups_overdue;
  gint64     life_events;
  GPtrArray *life_event_kinds;
  gint64     open_tickets;
  gint64     overdue_tickets;
  GPtrArray *open_ticket_kinds;    /* FidDashboardCount by ticket kind */
} FidDashboardAdvisorDay;

void                fid_dashboard_advisor_day_clear     (FidDashboardAdvisorDay *day);
gboolean            fid_store_read_dashboard_advisor_day (FidStore     *self,
                                                          gint64        advisor_id,
                                                          const char   *day,
                                                          FidDashboardAdvisorDay *out,
                                                          GError      **error);

/* The customers behind a chart element (gint64, ascending). */
typedef enum
{
  FID_DASHBOARD_IDS_STAGE,          /* @key a lifecycle stage */
  FID_DASHBOARD_IDS_STAGES,         /* @key lifecycle stages, comma-separated */
  FID_DASHBOARD_IDS_COMPLAINTS,     /* @key a category ("" none): a
                                     * complaint opened in [start, end] */
  FID_DASHBOARD_IDS_CONTACTS,       /* @key a channel: contacted in [start, end] */
  FID_DASHBOARD_IDS_SCORES,         /* @key "nps" or "csat": answered in [start, end] */
  FID_DASHBOARD_IDS_CAMPAIGN,       /* @key the campaign id as text; test group */
  FID_DASHBOARD_IDS_CAMPAIGN_RESPONDED,
  FID_DASHBOARD_IDS_CAMPAIGN_CONVERTED,
  FID_DASHBOARD_IDS_SEGMENT,        /* @key "scheme/taken_on/segment" ("" segment:
                                     * not in the snapshot) */
  FID_DASHBOARD_IDS_MIGRATION,      /* @key "scheme/from/segment/to/segment" */
  FID_DASHBOARD_IDS_FOLLOW_UPS,     /* the advisor's follow-ups due by @end */
  FID_DASHBOARD_IDS_LIFE_EVENTS,    /* @key a kind ("" any): in [start, end] */
  FID_DASHBOARD_IDS_OPEN_TICKETS,   /* @key a kind ("" any), assigned to the advisor */
} FidDashboardIds;

GArray             *fid_store_list_dashboard_ids        (FidStore      *self,
                                                         gint64         branch_id,
                                                         gint64         advisor_id,
                                                         FidDashboardIds what,
                                                         const char    *key,
                                                         const char    *start,
                                                         const char    *end,
                                                         GError       **error);

G_END_DECLS
