/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-analytics-view.h"
#include "fid-chart.h"
#include "fid-store-segments.h"

G_BEGIN_DECLS

/* FidSegmentationView: a segmentation result as its matrix — the RFM grid,
 * the Pareto curve, the 2×2 profitability and loyalty matrices, the
 * lifetime-value histogram, the lifecycle bars — above the per-segment
 * table. Activating a cell, quadrant, band or bar opens the customer list
 * narrowed to its customers. */

#define FID_TYPE_SEGMENTATION_VIEW (fid_segmentation_view_get_type ())

G_DECLARE_FINAL_TYPE (FidSegmentationView, fid_segmentation_view, FID, SEGMENTATION_VIEW, FidAnalyticsView)

/* The chart shown (NULL before a result), for tests. */
FidChart  *fid_segmentation_view_get_chart     (FidSegmentationView *self);
/* The customers behind chart element @index, ascending; and what they are
 * ("RFM: R 5 · F 4, Champions"). NULL when the element has none. */
GArray    *fid_segmentation_view_dup_element_ids (FidSegmentationView *self,
                                                  guint                index,
                                                  char               **label);

/* The migration between two snapshots of @scheme as a from × to grid;
 * activating a cell lists its customers. */
GtkWidget *fid_segmentation_view_new_migration (const char          *scheme,
                                                const char          *from_taken_on,
                                                const char          *to_taken_on,
                                                const FidMigration  *migration);

G_END_DECLS
