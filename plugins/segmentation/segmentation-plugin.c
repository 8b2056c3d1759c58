/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Segmentation plugin: the segmentation analyses (FidAnalytics, so
 * the Analyses page lists them too) and the Segmentation page. */

#include "config.h"

#include "fid-plugin-util.h"
#include "fid-segmentation-addin.h"
#include "fid-segmentation-analytics.h"
#include "fid-window-addin.h"

FID_PLUGIN_REGISTER (fid_segmentation_plugin_register_types)
{
  peas_object_module_register_extension_type (module,
                                              FID_TYPE_WINDOW_ADDIN,
                                              FID_TYPE_SEGMENTATION_ADDIN);
  peas_object_module_register_extension_type (module,
                                              FID_TYPE_ANALYTICS,
                                              FID_TYPE_SEGMENTATION_ANALYTICS);
}
