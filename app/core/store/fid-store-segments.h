/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Segment snapshots (issue 5): a segmentation saved under its scheme and
 * as-of date, the migration matrix between two snapshots of one scheme,
 * and the latest segment of one customer per scheme for the 360 view. */

#include <gio/gio.h>

#include "fid-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *scheme;
  char   *taken_on;      /* YYYY-MM-DD: the analysis's as-of date */
  char   *created_at;    /* when it was saved (ISO date-time) */
  guint   window_days;
  char   *parameters;    /* JSON object of the analysis's parameters, or NULL */
  gint64  n_customers;
} FidSnapshotInfo;

void             fid_snapshot_info_free          (FidSnapshotInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidSnapshotInfo, fid_snapshot_info_free)

/* Saves (or replaces: one snapshot per scheme and date) @n customers with
 * their segment keys (@segment_keys[@segments[i]] for @ids[i]), in one
 * transaction with an audit row. @parameters: JSON text or NULL. */
gboolean         fid_store_save_snapshot         (FidStore            *self,
                                                  const char          *scheme,
                                                  const char          *taken_on,
                                                  guint                window_days,
                                                  const char          *parameters,
                                                  const gint64        *ids,
                                                  const guint8        *segments,
                                                  const char * const  *segment_keys,
                                                  gsize                n,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
/* Snapshots of @scheme (NULL: every scheme), newest first; FidSnapshotInfo. */
GPtrArray       *fid_store_list_snapshots        (FidStore            *self,
                                                  const char          *scheme,
                                                  GError             **error);
gboolean         fid_store_delete_snapshot       (FidStore            *self,
                                                  const char          *scheme,
                                                  const char          *taken_on,
                                                  GError             **error);

/* From × to counts between two snapshots of one scheme. Customers present
 * in one snapshot only are counted in the row or column "" (absent). */
typedef struct
{
  GStrv    from_keys;    /* row segments, sorted, "" last when present */
  GStrv    to_keys;      /* column segments, likewise */
  guint64 *counts;       /* n_from × n_to, row-major */
  guint64  in_both;      /* customers in both snapshots */
  guint64  stayed;       /* of those, with the same segment */
} FidMigration;

void             fid_migration_free              (FidMigration        *migration);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidMigration, fid_migration_free)

FidMigration    *fid_store_compute_migration     (FidStore            *self,
                                                  const char          *scheme,
                                                  const char          *from_taken_on,
                                                  const char          *to_taken_on,
                                                  GError             **error);
/* The customers of @segment in a snapshot, ascending (gint64); @segment ""
 * is not allowed. When @to_taken_on is not NULL, only those whose segment
 * in that later snapshot is @to_segment (for a migration cell). */
GArray          *fid_store_list_snapshot_members (FidStore            *self,
                                                  const char          *scheme,
                                                  const char          *taken_on,
                                                  const char          *segment,
                                                  const char          *to_taken_on,
                                                  const char          *to_segment,
                                                  GError             **error);

/* The latest snapshot segment of one customer for one scheme. */
typedef struct
{
  char *scheme;
  char *taken_on;
  char *segment;
} FidCustomerSegment;

void             fid_customer_segment_free       (FidCustomerSegment  *segment);

/* The latest segment of @customer_id in every scheme that has a snapshot
 * with them: FidCustomerSegment, ordered by scheme. */
GPtrArray       *fid_store_list_customer_segments (FidStore           *self,
                                                  gint64               customer_id,
                                                  GError             **error);

G_END_DECLS
