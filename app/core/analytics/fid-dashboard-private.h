/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by fid-dashboard.c and fid-dashboard-columns.c only: the figures
 * read from the transaction columns (fid-tx-columns.h). */

#include "fid-dashboard.h"
#include "fid-tx-columns.h"

G_BEGIN_DECLS

#define FID_DASHBOARD_NO_CELL 255

typedef struct
{
  /* Inputs */
  const FidTxColumnsView *view;
  /* The counted customers: a bit per customer id (NULL: everyone). */
  const guint8 *members;
  gint64        members_max_id;
  gint32        start, end;             /* the period */
  gint32        previous_start, previous_end;
  gboolean      with_pareto;
  gboolean      with_rfm;

  /* Outputs, [0] the period, [1] the previous one */
  gint64        revenue[2];
  gint64        active[2];
  gint64        retention_base[2];      /* active in the year before the last */
  gint64        retained[2];            /* of those, active in the last year */
  gint64        margin_12m[2];          /* of the customers active in the last year */
  gint64        active_12m[2];
  double        top10_share[2];

  /* The Pareto curve and bands of the period */
  double       *pareto_x;
  double       *pareto_y;
  guint         n_pareto;
  double        band_share[FID_DASHBOARD_N_BANDS];
  guint8       *band;                   /* per view customer, or NO_CELL */

  /* RFM as of end */
  guint64       rfm_counts[25];
  double        rfm_sums[25];
  guint8       *rfm_cell;               /* per view customer, or NO_CELL */
} FidDashboardColumns;

gboolean  fid_dashboard_columns_compute (FidDashboardColumns *columns,
                                         GCancellable        *cancellable,
                                         GError             **error);
void      fid_dashboard_columns_clear   (FidDashboardColumns *columns);

/* FidDashboard's fields, for its files (fid-dashboard*.c). */
struct _FidDashboard
{
  GObject              parent_instance;

  FidDashboardFilter   filter;
  char                 previous_start[11];
  char                 previous_end[11];
  double               kpis[FID_N_KPIS][2];

  gint64               stages[8];
  FidTxColumns        *columns;          /* the figures' band and cell arrays index its view */
  FidDashboardColumns  figures;
  double               rfm_means[25];    /* cents, NAN for an empty cell */

  /* The counted customers during the computation (a bit per id; NULL:
   * everyone). */
  guint8              *members;
  gint64               members_max_id;

  FidMigration        *migration;
  char                *migration_from;
  char                *migration_to;

  GPtrArray           *months;           /* YYYY-MM */
  double              *nps_trend;
  gint64              *nps_answers;
  GStrv                channels;
  gint64              *contacts;
  GStrv                categories;
  gint64              *category_counts;
  GPtrArray           *campaigns;

  GStrv                segments;
  gint64              *segment_counts;
  char                *segments_taken_on;
  FidDashboardAdvisorDay advisor_day;

  /* Marketing: the map's territories and branches (issue 13), read only
   * when territories were imported; empty arrays otherwise. */
  GPtrArray           *territories;
  GPtrArray           *geo_branches;
};

/* fid-dashboard.c */
gboolean  fid_dashboard_parse_day       (const char          *iso,
                                         GDate               *date);
void      fid_dashboard_format_day      (const GDate         *date,
                                         char                 out[11]);

/* fid-dashboard-series.c: the map's figures (issue 13), whole bank. */
gboolean  fid_dashboard_read_map        (FidDashboard        *self,
                                         FidStore            *store,
                                         GError             **error);

/* fid-dashboard-read.c: each fills its part of @self from @store. */
void      fid_dashboard_fill_months     (FidDashboard        *self,
                                         char                 trend_start[11]);
gboolean  fid_dashboard_read_scores     (FidDashboard        *self,
                                         FidStore            *store,
                                         const char          *kind,
                                         const char          *trend_start,
                                         FidKpi               kpi,
                                         GError             **error);
gboolean  fid_dashboard_read_contacts   (FidDashboard        *self,
                                         FidStore            *store,
                                         const char          *trend_start,
                                         GError             **error);
gboolean  fid_dashboard_read_tickets    (FidDashboard        *self,
                                         FidStore            *store,
                                         GError             **error);
gboolean  fid_dashboard_read_segments   (FidDashboard        *self,
                                         FidStore            *store,
                                         GError             **error);
gboolean  fid_dashboard_read_migration  (FidDashboard        *self,
                                         FidStore            *store,
                                         GError             **error);

static inline gboolean
fid_dashboard_is_member (const guint8 *members,
                         gint64        max_id,
                         gint64        id)
{
  return members == NULL || (id >= 0 && id <= max_id && (members[id >> 3] & (1u << (id & 7))) != 0);
}

G_END_DECLS
