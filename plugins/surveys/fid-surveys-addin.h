/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* FidSurveysAddin: adds the Surveys page to a window. */

#define FID_TYPE_SURVEYS_ADDIN (fid_surveys_addin_get_type ())

G_DECLARE_FINAL_TYPE (FidSurveysAddin, fid_surveys_addin, FID, SURVEYS_ADDIN, GObject)

G_END_DECLS
