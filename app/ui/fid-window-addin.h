/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-window.h"

G_BEGIN_DECLS

/* FidWindowAddin: how a plugin adds to the main window. load() adds its
 * pages (fid_window_add_page), its action group under its own name
 * (gtk_widget_insert_action_group) and the like; unload() takes every one
 * of them away again. The plugin manager makes one addin per window and
 * plugin, calls load() when the plugin is enabled or the window opens, and
 * unload() when the plugin is disabled or the window closes. An addin
 * never reaches into the window's own widgets. */

#define FID_TYPE_WINDOW_ADDIN (fid_window_addin_get_type ())

G_DECLARE_INTERFACE (FidWindowAddin, fid_window_addin, FID, WINDOW_ADDIN, GObject)

struct _FidWindowAddinInterface
{
  GTypeInterface parent_iface;

  void (*load)         (FidWindowAddin *self,
                        FidWindow      *window);
  void (*unload)       (FidWindowAddin *self,
                        FidWindow      *window);
  /* Optional: the window now shows another store (or none). */
  void (*store_changed) (FidWindowAddin *self,
                         FidStore       *store);

  /*< private >*/
  gpointer padding[8];
};

void fid_window_addin_load          (FidWindowAddin *self,
                                     FidWindow      *window);
void fid_window_addin_unload        (FidWindowAddin *self,
                                     FidWindow      *window);
void fid_window_addin_store_changed (FidWindowAddin *self,
                                     FidStore       *store);

G_END_DECLS
