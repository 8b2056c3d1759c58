/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fid-analytics-result.h"
#include "fid-store.h"

G_BEGIN_DECLS

/* FidAnalytics: the extension point for an analysis of the customer base.
 * It names its parameters (GParamSpecs, so a UI can build a form from
 * them), computes in a worker thread with progress and cancellation, and
 * returns a FidAnalyticsResult that can be shown and exported. As with
 * FidChannel the core has no widgets: the result's widget is named by its
 * GType (a FidAnalyticsView subclass in app/ui). */

#define FID_TYPE_ANALYTICS (fid_analytics_get_type ())

G_DECLARE_INTERFACE (FidAnalytics, fid_analytics, FID, ANALYTICS, GObject)

/* Called from the worker thread; @fraction is 0..1. */
typedef void (*FidProgressFunc) (double    fraction,
                                 gpointer  user_data);

struct _FidAnalyticsInterface
{
  GTypeInterface parent_iface;

  void                 (*load)            (FidAnalytics    *self);
  void                 (*unload)          (FidAnalytics    *self);

  /* Required. */
  const char          *(*get_id)          (FidAnalytics    *self);
  const char          *(*get_name)        (FidAnalytics    *self);
  /* Optional. */
  const char          *(*get_description) (FidAnalytics    *self);
  /* Optional: the parameters, as GParamSpecs (array of owned references);
   * values are passed to compute as an a{sv} keyed by the specs' names.
   * Default: none. */
  GPtrArray           *(*list_parameters) (FidAnalytics    *self);
  /* Required. Runs in a worker thread, on a read-only FidStore of its own
   * (never the UI's). Checks @cancellable often; calls @progress. */
  FidAnalyticsResult  *(*compute)         (FidAnalytics    *self,
                                           FidStore        *store,
                                           GVariant        *parameters,
                                           FidProgressFunc  progress,
                                           gpointer         progress_data,
                                           GCancellable    *cancellable,
                                           GError         **error);
  /* Optional: a GtkWidget type derived from FidAnalyticsView, or
   * G_TYPE_NONE (the default: the app shows the result as a table). */
  GType                (*get_view_type)   (FidAnalytics    *self);

  /*< private >*/
  gpointer padding[8];
};

void                fid_analytics_load            (FidAnalytics         *self);
void                fid_analytics_unload          (FidAnalytics         *self);
const char         *fid_analytics_get_id          (FidAnalytics         *self);
const char         *fid_analytics_get_name        (FidAnalytics         *self);
const char         *fid_analytics_get_description (FidAnalytics         *self);
GPtrArray          *fid_analytics_list_parameters (FidAnalytics         *self);
GVariant           *fid_analytics_dup_default_parameters (FidAnalytics  *self);
GType               fid_analytics_get_view_type   (FidAnalytics         *self);

/* Runs compute in a worker thread on its own read-only connection to
 * @store's file. @progress is called on the caller's main context, never
 * after @callback. @parameters (NULL: the defaults) is sunk if floating. */
void                fid_analytics_compute_async   (FidAnalytics         *self,
                                                   FidStore             *store,
                                                   GVariant             *parameters,
                                                   FidProgressFunc       progress,
                                                   gpointer              progress_data,
                                                   GDestroyNotify        progress_notify,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
FidAnalyticsResult *fid_analytics_compute_finish  (FidAnalytics         *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
