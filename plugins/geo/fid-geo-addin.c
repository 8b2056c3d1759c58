/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidGeoAddin: the Map page in a window; it reads its figures again when
 * the window's data change. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-geo-addin.h"
#include "fid-geo-page.h"
#include "fid-window-addin.h"
#include "fid-window.h"

struct _FidGeoAddin
{
  GObject    parent_instance;

  GtkWidget *page;
};

static void window_addin_iface_init (FidWindowAddinInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidGeoAddin, fid_geo_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_WINDOW_ADDIN, window_addin_iface_init))

static void
on_data_changed_cb (FidWindow   *window,
                    FidGeoAddin *self)
{
  if (self->page != NULL)
    fid_geo_page_reload (FID_GEO_PAGE (self->page));
}

static void
fid_geo_addin_load (FidWindowAddin *addin,
                    FidWindow      *window)
{
  FidGeoAddin *self = FID_GEO_ADDIN (addin);

  self->page = g_object_ref_sink (fid_geo_page_new ());
  fid_geo_page_set_store (FID_GEO_PAGE (self->page), fid_window_get_store (window));
  fid_window_add_page (window, "map", _("Map"), "mark-location-symbolic", self->page);
  g_signal_connect_object (window, "data-changed", G_CALLBACK (on_data_changed_cb), self, 0);
}

static void
fid_geo_addin_unload (FidWindowAddin *addin,
                      FidWindow      *window)
{
  FidGeoAddin *self = FID_GEO_ADDIN (addin);

  g_signal_handlers_disconnect_by_func (window, on_data_changed_cb, self);
  fid_window_remove_page (window, "map");
  g_clear_object (&self->page);
}

static void
fid_geo_addin_store_changed (FidWindowAddin *addin,
                             FidStore       *store)
{
  FidGeoAddin *self = FID_GEO_ADDIN (addin);

  if (self->page != NULL)
    fid_geo_page_set_store (FID_GEO_PAGE (self->page), store);
}

static void
window_addin_iface_init (FidWindowAddinInterface *iface)
{
  iface->load = fid_geo_addin_load;
  iface->unload = fid_geo_addin_unload;
  iface->store_changed = fid_geo_addin_store_changed;
}

static void
fid_geo_addin_class_init (FidGeoAddinClass *klass)
{
}

static void
fid_geo_addin_init (FidGeoAddin *self)
{
}
