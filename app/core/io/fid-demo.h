/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called from the generating thread (fid_demo_write) or in the caller's main
 * context (fid_demo_write_async): fraction 0..1 and a short translated
 * description of the current stage. */
typedef void (*FidDemoProgressFunc) (double      fraction,
                                     const char *stage,
                                     gpointer    user_data);

#define FID_TYPE_DEMO (fid_demo_get_type ())

G_DECLARE_FINAL_TYPE (FidDemo, fid_demo, FID, DEMO, GObject)

FidDemo  *fid_demo_new          (guint                 n_customers,
                                 guint64               seed);
guint     fid_demo_get_n_customers (FidDemo           *self);
guint64   fid_demo_get_seed     (FidDemo              *self);

/* The "today" the bank is generated around (default 2026-06-30, fixed so that
 * the same seed and size give the same content on any day). */
void      fid_demo_set_reference_date (FidDemo        *self,
                                       GDate          *date);

/* Writes a new demo bank at @path: generated into "@path.partial" and renamed
 * over @path only when complete, so an interrupted run leaves nothing. Fails
 * if @path exists. */
gboolean  fid_demo_write        (FidDemo              *self,
                                 const char           *path,
                                 GCancellable         *cancellable,
                                 FidDemoProgressFunc   progress,
                                 gpointer              user_data,
                                 GError              **error);

void      fid_demo_write_async  (FidDemo              *self,
                                 const char           *path,
                                 GCancellable         *cancellable,
                                 FidDemoProgressFunc   progress,
                                 gpointer              progress_data,
                                 GDestroyNotify        progress_data_destroy,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
gboolean  fid_demo_write_finish (FidDemo              *self,
                                 GAsyncResult         *result,
                                 GError              **error);

G_END_DECLS
