/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* FidPipelineAddin: adds the Pipeline page to a window. */

#define FID_TYPE_PIPELINE_ADDIN (fid_pipeline_addin_get_type ())

G_DECLARE_FINAL_TYPE (FidPipelineAddin, fid_pipeline_addin, FID, PIPELINE_ADDIN, GObject)

G_END_DECLS
