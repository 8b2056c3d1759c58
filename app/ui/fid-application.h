/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Size of the demo bank made on first run when --customers is not given:
 * small enough that the first start takes seconds. */
#define FID_APPLICATION_DEFAULT_DEMO_CUSTOMERS 20000

#define FID_TYPE_APPLICATION (fid_application_get_type ())

G_DECLARE_FINAL_TYPE (FidApplication, fid_application, FID, APPLICATION, AdwApplication)

FidApplication *fid_application_new            (void);
GSettings      *fid_application_get_settings   (FidApplication *self);
gint64          fid_application_get_advisor_id (FidApplication *self);
void            fid_application_set_advisor_id (FidApplication *self,
                                                gint64          advisor_id);
char           *fid_application_dup_demo_path  (void);
void            fid_application_open_database  (FidApplication *self,
                                                const char     *path);

G_END_DECLS
