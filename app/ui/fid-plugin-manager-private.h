/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For fid-plugin-manager*.c only. */

#include "fid-plugin-manager.h"

G_BEGIN_DECLS

struct _FidPluginManager
{
  GObject                parent_instance;

  PeasEngine            *engine;
  GSettings             *settings;       /* NULL: enabled list kept in memory */
  GStrv                  enabled;        /* used when settings is NULL */
  FidPluginManagerFlags  flags;
  GPtrArray             *search_paths;
  char                  *state_dir;
  GListStore            *plugins;
  GPtrArray             *crashed;        /* NULL-terminated names */
  GHashTable            *windows;        /* GtkWindow → PeasExtensionSet */
  GtkApplication        *application;    /* weak */
  guint                  log_handler;
  char                  *peas_message;   /* last libpeas warning while capturing */
  gboolean               loaded;
  gboolean               crash_reported;
};

G_END_DECLS
