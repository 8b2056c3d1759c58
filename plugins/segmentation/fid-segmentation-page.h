/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-analytics.h"
#include "fid-store.h"

G_BEGIN_DECLS

/* FidSegmentationPage: the Segmentation page (issue 5). Choose a method,
 * its date and parameters, run it on a worker thread (progress, cancel),
 * read the matrix, click through to the customers; save snapshots and
 * compare two of them as a migration matrix. */

#define FID_TYPE_SEGMENTATION_PAGE (fid_segmentation_page_get_type ())

G_DECLARE_FINAL_TYPE (FidSegmentationPage, fid_segmentation_page, FID, SEGMENTATION_PAGE, AdwBin)

/* @analytics: the FidSegmentationAnalytics that computes. */
GtkWidget          *fid_segmentation_page_new        (FidAnalytics        *analytics);
void                fid_segmentation_page_set_store  (FidSegmentationPage *self,
                                                      FidStore            *store);
/* Selects @scheme ("rfm", "abc"…); FALSE when unknown. */
gboolean            fid_segmentation_page_set_scheme (FidSegmentationPage *self,
                                                      const char          *scheme);
void                fid_segmentation_page_set_as_of  (FidSegmentationPage *self,
                                                      const char          *as_of);
void                fid_segmentation_page_run        (FidSegmentationPage *self);
/* For tests: the result shown (NULL while none). */
FidAnalyticsResult *fid_segmentation_page_get_result (FidSegmentationPage *self);
GtkWidget          *fid_segmentation_page_get_view   (FidSegmentationPage *self);

G_END_DECLS
