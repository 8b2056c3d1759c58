/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fid-import.h"
#include "fid-window.h"

G_BEGIN_DECLS

#define FID_TYPE_IMPORT_DIALOG (fid_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FidImportDialog, fid_import_dialog, FID, IMPORT_DIALOG, AdwWindow)

/* Opens the import of @file (CSV or vCard) into @window's database: the
 * kind and the columns' fields to check, a preview, then the import with
 * its progress and Cancel, or the report of what is wrong. On success the
 * dialog closes, a toast says how many rows came in and the window's pages
 * are told (fid_window_data_changed). */
FidImportDialog *fid_import_dialog_present   (FidWindow       *window,
                                              GFile           *file);

/* Asks for the file to import (CSV or vCard; GtkFileChooserNative, as
 * GTK 4.8 has no GtkFileDialog), then presents the dialog for it: what a
 * menu item "Import…" calls. */
void             fid_import_dialog_choose_file (FidWindow     *window);

/* For tests. */
FidImport       *fid_import_dialog_get_import (FidImportDialog *self);
/* "loading", "mapping", "report" or "progress". */
const char      *fid_import_dialog_get_page   (FidImportDialog *self);
/* Starts the import, as the Import button does. */
void             fid_import_dialog_start      (FidImportDialog *self);

G_END_DECLS
