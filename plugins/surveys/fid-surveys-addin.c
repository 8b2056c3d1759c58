/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSurveysAddin: the Surveys page in a window. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-surveys-addin.h"
#include "fid-surveys-page.h"
#include "fid-window-addin.h"

struct _FidSurveysAddin
{
  GObject    parent_instance;

  GtkWidget *page;
};

static void window_addin_iface_init (FidWindowAddinInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidSurveysAddin, fid_surveys_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_WINDOW_ADDIN, window_addin_iface_init))

static void
fid_surveys_addin_load (FidWindowAddin *addin,
                        FidWindow      *window)
{
  FidSurveysAddin *self = FID_SURVEYS_ADDIN (addin);

  self->page = g_object_ref_sink (fid_surveys_page_new ());
  fid_surveys_page_set_store (FID_SURVEYS_PAGE (self->page), fid_window_get_store (window));
  fid_window_add_page (window, "surveys", _("Surveys"), "checkbox-checked-symbolic", self->page);
}

static void
fid_surveys_addin_unload (FidWindowAddin *addin,
                          FidWindow      *window)
{
  FidSurveysAddin *self = FID_SURVEYS_ADDIN (addin);

  fid_window_remove_page (window, "surveys");
  g_clear_object (&self->page);
}

static void
fid_surveys_addin_store_changed (FidWindowAddin *addin,
                                 FidStore       *store)
{
  FidSurveysAddin *self = FID_SURVEYS_ADDIN (addin);

  if (self->page != NULL)
    fid_surveys_page_set_store (FID_SURVEYS_PAGE (self->page), store);
}

static void
window_addin_iface_init (FidWindowAddinInterface *iface)
{
  iface->load = fid_surveys_addin_load;
  iface->unload = fid_surveys_addin_unload;
  iface->store_changed = fid_surveys_addin_store_changed;
}

static void
fid_surveys_addin_class_init (FidSurveysAddinClass *klass)
{
}

static void
fid_surveys_addin_init (FidSurveysAddin *self)
{
}
