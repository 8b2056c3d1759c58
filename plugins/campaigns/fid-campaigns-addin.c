/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidCampaignsAddin: the Campaigns page in a window. The page follows the
 * window's data changes (a response recorded elsewhere, a customer
 * erased) by reading its campaign again. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-campaigns-addin.h"
#include "fid-campaigns-page.h"
#include "fid-window-addin.h"

struct _FidCampaignsAddin
{
  GObject    parent_instance;

  GtkWidget *page;
};

static void window_addin_iface_init (FidWindowAddinInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidCampaignsAddin, fid_campaigns_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_WINDOW_ADDIN, window_addin_iface_init))

static void
on_data_changed_cb (FidWindow         *window,
                    FidCampaignsAddin *self)
{
  if (self->page != NULL)
    fid_campaigns_page_reload (FID_CAMPAIGNS_PAGE (self->page));
}

static void
fid_campaigns_addin_load (FidWindowAddin *addin,
                          FidWindow      *window)
{
  FidCampaignsAddin *self = FID_CAMPAIGNS_ADDIN (addin);

  self->page = g_object_ref_sink (fid_campaigns_page_new ());
  fid_campaigns_page_set_store (FID_CAMPAIGNS_PAGE (self->page), fid_window_get_store (window));
  fid_window_add_page (window, "campaigns", _("Campaigns"), "mail-send-symbolic", self->page);
  g_signal_connect_object (window, "data-changed", G_CALLBACK (on_data_changed_cb), self, 0);
}

static void
fid_campaigns_addin_unload (FidWindowAddin *addin,
                            FidWindow      *window)
{
  FidCampaignsAddin *self = FID_CAMPAIGNS_ADDIN (addin);

  g_signal_handlers_disconnect_by_func (window, on_data_changed_cb, self);
  fid_window_remove_page (window, "campaigns");
  g_clear_object (&self->page);
}

static void
fid_campaigns_addin_store_changed (FidWindowAddin *addin,
                                   FidStore       *store)
{
  FidCampaignsAddin *self = FID_CAMPAIGNS_ADDIN (addin);

  if (self->page != NULL)
    fid_campaigns_page_set_store (FID_CAMPAIGNS_PAGE (self->page), store);
}

static void
window_addin_iface_init (FidWindowAddinInterface *iface)
{
  iface->load = fid_campaigns_addin_load;
  iface->unload = fid_campaigns_addin_unload;
  iface->store_changed = fid_campaigns_addin_store_changed;
}

static void
fid_campaigns_addin_class_init (FidCampaignsAddinClass *klass)
{
}

static void
fid_campaigns_addin_init (FidCampaignsAddin *self)
{
}
