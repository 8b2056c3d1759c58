/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-window-addin.h"
#include "fid-workshop-addin.h"
#include "fid-workshop-page.h"

struct _FidWorkshopAddin
{
  GObject    parent_instance;

  GtkWidget *page;
};

static void window_addin_iface_init (FidWindowAddinInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidWorkshopAddin, fid_workshop_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_WINDOW_ADDIN, window_addin_iface_init))

static void
fid_workshop_addin_load (FidWindowAddin *addin,
                         FidWindow      *window)
{
  FidWorkshopAddin *self = FID_WORKSHOP_ADDIN (addin);

  self->page = g_object_ref_sink (fid_workshop_page_new (window));
  fid_window_add_page (window, "workshop", _("Workshop"), "video-display-symbolic", self->page);
}

static void
fid_workshop_addin_unload (FidWindowAddin *addin,
                           FidWindow      *window)
{
  FidWorkshopAddin *self = FID_WORKSHOP_ADDIN (addin);

  fid_window_remove_page (window, "workshop");
  g_clear_object (&self->page);
}

static void
fid_workshop_addin_store_changed (FidWindowAddin *addin,
                                  FidStore       *store)
{
  FidWorkshopAddin *self = FID_WORKSHOP_ADDIN (addin);

  if (self->page != NULL)
    fid_workshop_page_reload (FID_WORKSHOP_PAGE (self->page));
}

static void
window_addin_iface_init (FidWindowAddinInterface *iface)
{
  iface->load = fid_workshop_addin_load;
  iface->unload = fid_workshop_addin_unload;
  iface->store_changed = fid_workshop_addin_store_changed;
}

static void
fid_workshop_addin_class_init (FidWorkshopAddinClass *klass)
{
}

static void
fid_workshop_addin_init (FidWorkshopAddin *self)
{
}
