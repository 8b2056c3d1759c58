/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* FidAnalysesAddin: the window addin of the Analyses plugin. It owns a
 * PeasExtensionSet of FidAnalytics and adds the Analyses page, which
 * lists them as analysis plugins come and go. */

#define FID_TYPE_ANALYSES_ADDIN (fid_analyses_addin_get_type ())

G_DECLARE_FINAL_TYPE (FidAnalysesAddin, fid_analyses_addin, FID, ANALYSES_ADDIN, GObject)

G_END_DECLS
