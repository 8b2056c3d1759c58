/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by fid-store-dashboard*.c only. */

#include "fid-store-private.h"
#include "fid-store-dashboard.h"

G_BEGIN_DECLS

/* The values a dashboard statement may use, bound by name: each statement
 * names the ones it needs (:branch, :advisor, :scope, :start, :end,
 * :after, :day_a, :day_b, :key, :kind, :scheme, :from, :to…), the others
 * are left alone. Text is always bound, never written into SQL. */
typedef struct
{
  gint64      branch_id;
  gint64      advisor_id;
  const char *start;
  const char *end;
  char        after[11];    /* the day after end (datetime < after) */
  const char *day_a;
  const char *day_b;
  const char *key;
  const char *kind;
  const char *scheme;
  const char *from;
  const char *to;
  const char *from_key;
  const char *to_key;
  gint64      id;
} FidDashboardParams;

/* Sets branch, advisor, start and end (and after). */
void          fid_dashboard_params_init        (FidDashboardParams *params,
                                                gint64              branch_id,
                                                gint64              advisor_id,
                                                const char         *start,
                                                const char         *end);

/* The condition on customers c for the branch and advisor ("1" when
 * both are 0): a static string. */
const char   *fid_dashboard_customer_clause    (gint64              branch_id,
                                                gint64              advisor_id);

/* Prepares @sql_format with the customer clause in place of its one %s
 * (the statement is cached by its text), and binds @params by name. */
sqlite3_stmt *fid_dashboard_prepare            (FidStore           *self,
                                                const char         *sql_format,
                                                const FidDashboardParams *params,
                                                GError            **error);

/* Steps @stmt to the end collecting column 0 as gint64 (then resets it). */
GArray       *fid_dashboard_collect_ids        (FidStore           *self,
                                                sqlite3_stmt       *stmt,
                                                GError            **error);

/* Steps @stmt to the end collecting (key, month, n) rows from columns 0, 1
 * and 2 (month NULL or missing: ""), then resets it. */
GPtrArray    *fid_dashboard_collect_counts     (FidStore           *self,
                                                sqlite3_stmt       *stmt,
                                                gboolean            with_month,
                                                GError            **error);

G_END_DECLS
