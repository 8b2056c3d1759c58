/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidWindowAddin: the main window's extension point. */

#include "config.h"

#include "fid-window-addin.h"

G_DEFINE_INTERFACE (FidWindowAddin, fid_window_addin, G_TYPE_OBJECT)

static void
fid_window_addin_default_init (FidWindowAddinInterface *iface)
{
}

void
fid_window_addin_load (FidWindowAddin *self,
                       FidWindow      *window)
{
  g_return_if_fail (FID_IS_WINDOW_ADDIN (self));
  g_return_if_fail (FID_IS_WINDOW (window));

  if (FID_WINDOW_ADDIN_GET_IFACE (self)->load != NULL)
    FID_WINDOW_ADDIN_GET_IFACE (self)->load (self, window);
}

void
fid_window_addin_unload (FidWindowAddin *self,
                         FidWindow      *window)
{
  g_return_if_fail (FID_IS_WINDOW_ADDIN (self));
  g_return_if_fail (FID_IS_WINDOW (window));

  if (FID_WINDOW_ADDIN_GET_IFACE (self)->unload != NULL)
    FID_WINDOW_ADDIN_GET_IFACE (self)->unload (self, window);
}

void
fid_window_addin_store_changed (FidWindowAddin *self,
                                FidStore       *store)
{
  g_return_if_fail (FID_IS_WINDOW_ADDIN (self));
  g_return_if_fail (!store || FID_IS_STORE (store));

  if (FID_WINDOW_ADDIN_GET_IFACE (self)->store_changed != NULL)
    FID_WINDOW_ADDIN_GET_IFACE (self)->store_changed (self, store);
}
