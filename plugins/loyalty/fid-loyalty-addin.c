/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidLoyaltyAddin: the loyalty programme's page in a window (issue 14),
 * read again when the window's data change (a referral recorded or a
 * reward redeemed in a 360 view). */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-loyalty-addin.h"
#include "fid-loyalty-programme-page.h"
#include "fid-window-addin.h"

struct _FidLoyaltyAddin
{
  GObject    parent_instance;

  GtkWidget *page;
  FidWindow *window;
};

static void window_addin_iface_init (FidWindowAddinInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidLoyaltyAddin, fid_loyalty_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_WINDOW_ADDIN, window_addin_iface_init))

static void
on_data_changed_cb (FidWindow        *window,
                    FidLoyaltyAddin *self)
{
  if (self->page != NULL)
    fid_loyalty_programme_page_reload (FID_LOYALTY_PROGRAMME_PAGE (self->page));
}

static void
fid_loyalty_addin_load (FidWindowAddin *addin,
                         FidWindow      *window)
{
  FidLoyaltyAddin *self = FID_LOYALTY_ADDIN (addin);

  self->page = g_object_ref_sink (fid_loyalty_programme_page_new ());
  self->window = window;
  fid_loyalty_programme_page_set_store (FID_LOYALTY_PROGRAMME_PAGE (self->page), fid_window_get_store (window));
  fid_window_add_page (window, "loyalty", _("Loyalty"), "starred-symbolic", self->page);
  g_signal_connect_object (window, "data-changed", G_CALLBACK (on_data_changed_cb), self, 0);
}

static void
fid_loyalty_addin_unload (FidWindowAddin *addin,
                           FidWindow      *window)
{
  FidLoyaltyAddin *self = FID_LOYALTY_ADDIN (addin);

  g_signal_handlers_disconnect_by_func (window, on_data_changed_cb, self);
  fid_window_remove_page (window, "loyalty");
  g_clear_object (&self->page);
  self->window = NULL;
}

static void
fid_loyalty_addin_store_changed (FidWindowAddin *addin,
                                  FidStore       *store)
{
  FidLoyaltyAddin *self = FID_LOYALTY_ADDIN (addin);

  if (self->page != NULL)
    fid_loyalty_programme_page_set_store (FID_LOYALTY_PROGRAMME_PAGE (self->page), store);
}

static void
window_addin_iface_init (FidWindowAddinInterface *iface)
{
  iface->load = fid_loyalty_addin_load;
  iface->unload = fid_loyalty_addin_unload;
  iface->store_changed = fid_loyalty_addin_store_changed;
}

static void
fid_loyalty_addin_class_init (FidLoyaltyAddinClass *klass)
{
}

static void
fid_loyalty_addin_init (FidLoyaltyAddin *self)
{
}
