/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-chart.h"

G_BEGIN_DECLS

/* FidHistogram: counts over contiguous bins of a value (customers by age,
 * by balance). Elements: the bins. */

#define FID_TYPE_HISTOGRAM (fid_histogram_get_type ())

G_DECLARE_FINAL_TYPE (FidHistogram, fid_histogram, FID, HISTOGRAM, FidChart)

FidChart *fid_histogram_new        (void);
/* @edges has @n_bins + 1 increasing values; bin i is [edges[i], edges[i+1]). */
void      fid_histogram_set_bins   (FidHistogram  *self,
                                    const double  *edges,
                                    const guint64 *counts,
                                    guint          n_bins);
/* How the binned value is written (the x axis). */
void      fid_histogram_set_format (FidHistogram  *self,
                                    FidChartFormat format);

G_END_DECLS
