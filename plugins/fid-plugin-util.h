/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpeas/peas.h>

G_BEGIN_DECLS

/* Every built-in plugin's register function is named in its .plugin file
 * (Embedded=) and looked up in the executable by libpeas: exported, and
 * declared here so that -Wmissing-prototypes is satisfied. */
#define FID_PLUGIN_REGISTER(name) \
  G_MODULE_EXPORT void name (PeasObjectModule *module); \
  G_MODULE_EXPORT void name (PeasObjectModule *module)

G_END_DECLS

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Helpers the channel editors share. */
char *fid_text_view_dup_text (GtkTextView *view);
void  fid_text_view_set_text (GtkTextView *view,
                              const char  *text);
/* The selected item of a GtkDropDown / AdwComboRow over a GtkStringList. */
const char *fid_string_list_get_selected (GListModel *model,
                                          guint       position);

G_END_DECLS
