/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* FidSegmentationAddin: adds the Segmentation page to a window. */

#define FID_TYPE_SEGMENTATION_ADDIN (fid_segmentation_addin_get_type ())

G_DECLARE_FINAL_TYPE (FidSegmentationAddin, fid_segmentation_addin, FID, SEGMENTATION_ADDIN, GObject)

G_END_DECLS
