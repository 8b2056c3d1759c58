/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-analytics.h"

G_BEGIN_DECLS

/* FidSegmentationAnalytics: the segmentation analyses of issue 5 (RFM,
 * FRAT, ABC-Pareto, profitability, Dick & Basu loyalty, lifetime value,
 * lifecycle) on the FidAnalytics extension point. The "scheme" parameter
 * picks one; the result is the per-segment table, with the FidSegmentation
 * (one row per customer) as its data for the view. */

#define FID_TYPE_SEGMENTATION_ANALYTICS (fid_segmentation_analytics_get_type ())

G_DECLARE_FINAL_TYPE (FidSegmentationAnalytics, fid_segmentation_analytics, FID, SEGMENTATION_ANALYTICS, GObject)

/* The schemes, NULL-terminated, in menu order. */
const char * const *fid_segmentation_analytics_schemes (void);

G_END_DECLS
