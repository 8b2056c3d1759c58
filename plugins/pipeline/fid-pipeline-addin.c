/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidPipelineAddin: the Pipeline page in a window, read again when the
 * window's data change (an opportunity accepted in a 360 view, a move on
 * the board). */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-pipeline-addin.h"
#include "fid-pipeline-page.h"
#include "fid-window-addin.h"

struct _FidPipelineAddin
{
  GObject    parent_instance;

  GtkWidget *page;
  FidWindow *window;
};

static void window_addin_iface_init (FidWindowAddinInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidPipelineAddin, fid_pipeline_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_WINDOW_ADDIN, window_addin_iface_init))

static void
on_data_changed_cb (FidWindow        *window,
                    FidPipelineAddin *self)
{
  if (self->page != NULL)
    fid_pipeline_page_reload (FID_PIPELINE_PAGE (self->page));
}

static void
fid_pipeline_addin_load (FidWindowAddin *addin,
                         FidWindow      *window)
{
  FidPipelineAddin *self = FID_PIPELINE_ADDIN (addin);

  self->page = g_object_ref_sink (fid_pipeline_page_new ());
  self->window = window;
  fid_pipeline_page_set_store (FID_PIPELINE_PAGE (self->page), fid_window_get_store (window));
  fid_window_add_page (window, "pipeline", _("Pipeline"), "view-paged-symbolic", self->page);
  g_signal_connect_object (window, "data-changed", G_CALLBACK (on_data_changed_cb), self, 0);
}

static void
fid_pipeline_addin_unload (FidWindowAddin *addin,
                           FidWindow      *window)
{
  FidPipelineAddin *self = FID_PIPELINE_ADDIN (addin);

  g_signal_handlers_disconnect_by_func (window, on_data_changed_cb, self);
  fid_window_remove_page (window, "pipeline");
  g_clear_object (&self->page);
  self->window = NULL;
}

static void
fid_pipeline_addin_store_changed (FidWindowAddin *addin,
                                  FidStore       *store)
{
  FidPipelineAddin *self = FID_PIPELINE_ADDIN (addin);

  if (self->page != NULL)
    fid_pipeline_page_set_store (FID_PIPELINE_PAGE (self->page), store);
}

static void
window_addin_iface_init (FidWindowAddinInterface *iface)
{
  iface->load = fid_pipeline_addin_load;
  iface->unload = fid_pipeline_addin_unload;
  iface->store_changed = fid_pipeline_addin_store_changed;
}

static void
fid_pipeline_addin_class_init (FidPipelineAddinClass *klass)
{
}

static void
fid_pipeline_addin_init (FidPipelineAddin *self)
{
}
