/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSegmentationAddin: the Segmentation page in a window. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-segmentation-addin.h"
#include "fid-segmentation-analytics.h"
#include "fid-segmentation-page.h"
#include "fid-window-addin.h"

struct _FidSegmentationAddin
{
  GObject    parent_instance;

  GtkWidget *page;
};

static void window_addin_iface_init (FidWindowAddinInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidSegmentationAddin, fid_segmentation_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_WINDOW_ADDIN, window_addin_iface_init))

static void
fid_segmentation_addin_load (FidWindowAddin *addin,
                             FidWindow      *window)
{
  FidSegmentationAddin *self = FID_SEGMENTATION_ADDIN (addin);
  /* The page computes with its own instance: the Analyses page's comes
   * and goes with its extension set. */
  g_autoptr(GObject) analytics = g_object_new (FID_TYPE_SEGMENTATION_ANALYTICS, NULL);

  self->page = g_object_ref_sink (fid_segmentation_page_new (FID_ANALYTICS (analytics)));
  fid_segmentation_page_set_store (FID_SEGMENTATION_PAGE (self->page), fid_window_get_store (window));
  fid_window_add_page (window, "segmentation", _("Segmentation"), "view-grid-symbolic", self->page);
}

static void
fid_segmentation_addin_unload (FidWindowAddin *addin,
                               FidWindow      *window)
{
  FidSegmentationAddin *self = FID_SEGMENTATION_ADDIN (addin);

  fid_window_remove_page (window, "segmentation");
  g_clear_object (&self->page);
}

static void
fid_segmentation_addin_store_changed (FidWindowAddin *addin,
                                      FidStore       *store)
{
  FidSegmentationAddin *self = FID_SEGMENTATION_ADDIN (addin);

  if (self->page != NULL)
    fid_segmentation_page_set_store (FID_SEGMENTATION_PAGE (self->page), store);
}

static void
window_addin_iface_init (FidWindowAddinInterface *iface)
{
  iface->load = fid_segmentation_addin_load;
  iface->unload = fid_segmentation_addin_unload;
  iface->store_changed = fid_segmentation_addin_store_changed;
}

static void
fid_segmentation_addin_class_init (FidSegmentationAddinClass *klass)
{
}

static void
fid_segmentation_addin_init (FidSegmentationAddin *self)
{
}
