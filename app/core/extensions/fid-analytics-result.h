/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* FidAnalyticsResult: what an analysis returns, as a table: a title, the
 * column names and rows of cells (text, numbers written with a dot). Views
 * read it to draw; the export writes it as CSV. Immutable once returned,
 * so it can cross from the worker thread to the UI. */

#define FID_TYPE_ANALYTICS_RESULT (fid_analytics_result_get_type ())

G_DECLARE_FINAL_TYPE (FidAnalyticsResult, fid_analytics_result, FID, ANALYTICS_RESULT, GObject)

FidAnalyticsResult  *fid_analytics_result_new          (const char          *title,
                                                        const char * const  *columns);
const char          *fid_analytics_result_get_title    (FidAnalyticsResult  *self);
guint                fid_analytics_result_get_n_columns (FidAnalyticsResult *self);
const char          *fid_analytics_result_get_column   (FidAnalyticsResult  *self,
                                                        guint                column);
/* Appends a row of exactly n_columns cells (copied). */
void                 fid_analytics_result_add_row      (FidAnalyticsResult  *self,
                                                        const char * const  *cells);
guint                fid_analytics_result_get_n_rows   (FidAnalyticsResult  *self);
const char          *fid_analytics_result_get_cell     (FidAnalyticsResult  *self,
                                                        guint                row,
                                                        guint                column);
double               fid_analytics_result_get_number   (FidAnalyticsResult  *self,
                                                        guint                row,
                                                        guint                column);

/* What a view needs beyond the table (a FidSegmentation, say): any object,
 * immutable once the result is returned. */
void                 fid_analytics_result_set_data     (FidAnalyticsResult  *self,
                                                        GObject             *data);
GObject             *fid_analytics_result_get_data     (FidAnalyticsResult  *self);

/* RFC 4180 CSV with a header line, UTF-8, CRLF line ends. */
gboolean             fid_analytics_result_write_csv    (FidAnalyticsResult  *self,
                                                        GOutputStream       *stream,
                                                        GCancellable        *cancellable,
                                                        GError             **error);

G_END_DECLS
