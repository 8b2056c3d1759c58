/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidAnalysesAddin: the analyses' host in a window. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-analyses-addin.h"
#include "fid-analyses-page.h"
#include "fid-plugin-manager.h"
#include "fid-window-addin.h"

struct _FidAnalysesAddin
{
  GObject           parent_instance;

  FidWindow        *window;
  PeasExtensionSet *analyses;
  GtkWidget        *page;
};

static void window_addin_iface_init (FidWindowAddinInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidAnalysesAddin, fid_analyses_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_WINDOW_ADDIN, window_addin_iface_init))

static void
on_analytics_added_cb (PeasExtensionSet *set,
                       PeasPluginInfo   *info,
                       GObject          *extension,
                       gpointer          user_data)
{
  FidAnalysesAddin *self = user_data;

  fid_analytics_load (FID_ANALYTICS (extension));
  fid_analyses_page_add_analytics (FID_ANALYSES_PAGE (self->page), FID_ANALYTICS (extension));
}

static void
on_analytics_removed_cb (PeasExtensionSet *set,
                         PeasPluginInfo   *info,
                         GObject          *extension,
                         gpointer          user_data)
{
  FidAnalysesAddin *self = user_data;

  fid_analyses_page_remove_analytics (FID_ANALYSES_PAGE (self->page), FID_ANALYTICS (extension));
  fid_analytics_unload (FID_ANALYTICS (extension));
}

static void
fid_analyses_addin_load (FidWindowAddin *addin,
                         FidWindow      *window)
{
  FidAnalysesAddin *self = FID_ANALYSES_ADDIN (addin);
  FidPluginManager *manager = fid_plugin_manager_get_default ();

  g_return_if_fail (manager != NULL);

  self->window = window;
  self->page = g_object_ref_sink (fid_analyses_page_new ());
  fid_analyses_page_set_store (FID_ANALYSES_PAGE (self->page), fid_window_get_store (window));
  fid_window_add_page (window, "analyses", _("Analyses"), "x-office-spreadsheet-symbolic", self->page);

  self->analyses = peas_extension_set_new (fid_plugin_manager_get_engine (manager), FID_TYPE_ANALYTICS, NULL);
  g_signal_connect (self->analyses, "extension-added", G_CALLBACK (on_analytics_added_cb), self);
  g_signal_connect (self->analyses, "extension-removed", G_CALLBACK (on_analytics_removed_cb), self);
  /* extension-added is not emitted for the analyses that already exist. */
  peas_extension_set_foreach (self->analyses, on_analytics_added_cb, self);
}

static void
fid_analyses_addin_unload (FidWindowAddin *addin,
                           FidWindow      *window)
{
  FidAnalysesAddin *self = FID_ANALYSES_ADDIN (addin);

  if (self->analyses != NULL)
    {
      peas_extension_set_foreach (self->analyses, on_analytics_removed_cb, self);
      g_signal_handlers_disconnect_by_data (self->analyses, self);
      g_clear_object (&self->analyses);
    }

  fid_window_remove_page (window, "analyses");
  g_clear_object (&self->page);
  self->window = NULL;
}

static void
fid_analyses_addin_store_changed (FidWindowAddin *addin,
                                  FidStore       *store)
{
  FidAnalysesAddin *self = FID_ANALYSES_ADDIN (addin);

  if (self->page != NULL)
    fid_analyses_page_set_store (FID_ANALYSES_PAGE (self->page), store);
}

static void
window_addin_iface_init (FidWindowAddinInterface *iface)
{
  iface->load = fid_analyses_addin_load;
  iface->unload = fid_analyses_addin_unload;
  iface->store_changed = fid_analyses_addin_store_changed;
}

static void
fid_analyses_addin_class_init (FidAnalysesAddinClass *klass)
{
}

static void
fid_analyses_addin_init (FidAnalysesAddin *self)
{
}
