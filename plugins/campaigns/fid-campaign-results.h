/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-store-campaigns.h"
#include "fid-uplift.h"

G_BEGIN_DECLS

/* FidCampaignResults: a campaign's results — the rates of the test and
 * control groups side by side, what the campaign changed (uplift, z-test,
 * incremental margin, return on investment) and a chart of the rates. */

#define FID_TYPE_CAMPAIGN_RESULTS (fid_campaign_results_get_type ())

G_DECLARE_FINAL_TYPE (FidCampaignResults, fid_campaign_results, FID, CAMPAIGN_RESULTS, GtkBox)

GtkWidget       *fid_campaign_results_new        (void);
void             fid_campaign_results_set        (FidCampaignResults      *self,
                                                  const FidCampaignCounts *counts);
/* For tests: the figures shown. */
const FidUplift *fid_campaign_results_get_uplift (FidCampaignResults      *self);
/* For tests and screenshots: the label of figure @name ("uplift",
 * "p-value", "roi"…). */
const char      *fid_campaign_results_get_text   (FidCampaignResults      *self,
                                                  const char              *name);

G_END_DECLS
