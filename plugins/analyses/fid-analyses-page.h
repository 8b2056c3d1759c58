/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-analytics.h"
#include "fid-store.h"

G_BEGIN_DECLS

/* FidAnalysesPage: choose an analysis, set its parameters (a form built
 * from its GParamSpecs), run it in the background with a progress bar and
 * Cancel, see the result in the analysis's view and export it as CSV. */

#define FID_TYPE_ANALYSES_PAGE (fid_analyses_page_get_type ())

G_DECLARE_FINAL_TYPE (FidAnalysesPage, fid_analyses_page, FID, ANALYSES_PAGE, AdwBin)

GtkWidget *fid_analyses_page_new              (void);
void       fid_analyses_page_set_store        (FidAnalysesPage *self,
                                               FidStore        *store);
void       fid_analyses_page_add_analytics    (FidAnalysesPage *self,
                                               FidAnalytics    *analytics);
void       fid_analyses_page_remove_analytics (FidAnalysesPage *self,
                                               FidAnalytics    *analytics);
/* Runs the selected analysis, as the Run button does. */
void       fid_analyses_page_run              (FidAnalysesPage *self);
/* Selects the analysis whose id is @id; FALSE when there is none. */
gboolean   fid_analyses_page_select           (FidAnalysesPage *self,
                                               const char      *id);

G_END_DECLS
