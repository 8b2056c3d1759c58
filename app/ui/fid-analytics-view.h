/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-analytics-result.h"

G_BEGIN_DECLS

/* FidAnalyticsView: shows a FidAnalyticsResult. As is, it draws the result
 * as a table; an analysis names a subclass (get_view_type) to show it its
 * own way, and may chain up to keep the table under its chart. */

#define FID_TYPE_ANALYTICS_VIEW (fid_analytics_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (FidAnalyticsView, fid_analytics_view, FID, ANALYTICS_VIEW, AdwBin)

struct _FidAnalyticsViewClass
{
  AdwBinClass parent_class;

  /* Called when the result changes (NULL: none). The default fills the
   * table (fid_analytics_view_get_table). */
  void (*result_changed) (FidAnalyticsView   *self,
                          FidAnalyticsResult *result);

  /*< private >*/
  gpointer padding[8];
};

/* A view of @view_type (G_TYPE_NONE: the table). */
FidAnalyticsView   *fid_analytics_view_new        (GType               view_type);
FidAnalyticsResult *fid_analytics_view_get_result (FidAnalyticsView   *self);
void                fid_analytics_view_set_result (FidAnalyticsView   *self,
                                                   FidAnalyticsResult *result);
/* The box the view's content goes in: the table is its last child. */
GtkBox             *fid_analytics_view_get_box    (FidAnalyticsView   *self);

G_END_DECLS
