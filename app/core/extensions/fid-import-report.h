/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What an import did, or why it did nothing: the rows read, the rows
 * written, the customers it created, and every problem found with the line
 * of the file it is on. */

#define FID_TYPE_IMPORT_REPORT (fid_import_report_get_type ())

G_DECLARE_FINAL_TYPE (FidImportReport, fid_import_report, FID, IMPORT_REPORT, GObject)

FidImportReport *fid_import_report_new                (void);

guint            fid_import_report_get_n_rows         (FidImportReport *self);
void             fid_import_report_set_n_rows         (FidImportReport *self,
                                                       guint            n_rows);
guint            fid_import_report_get_n_imported     (FidImportReport *self);
void             fid_import_report_set_n_imported     (FidImportReport *self,
                                                       guint            n_imported);
guint            fid_import_report_get_n_created      (FidImportReport *self);
void             fid_import_report_set_n_created      (FidImportReport *self,
                                                       guint            n_created);

/* @line counts from 1 (the header of a CSV file is line 1); 0 when the
 * problem is about the whole file. */
void             fid_import_report_add_problem        (FidImportReport *self,
                                                       guint            line,
                                                       const char      *reason);
guint            fid_import_report_get_n_problems     (FidImportReport *self);
guint            fid_import_report_get_problem_line   (FidImportReport *self,
                                                       guint            index);
const char      *fid_import_report_get_problem_reason (FidImportReport *self,
                                                       guint            index);
void             fid_import_report_clear              (FidImportReport *self);

G_END_DECLS
