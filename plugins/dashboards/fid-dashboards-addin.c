/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidDashboardsAddin: the two dashboard pages in a window. The advisor's
 * page follows the window's signed-in advisor (its advisor-id property);
 * both follow the window's data changes ("data-changed"). */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-dashboard-page.h"
#include "fid-dashboards-addin.h"
#include "fid-window-addin.h"

#define ICONS_PATH "/io/github/fidelis/Fidelis/plugins/dashboards/icons"

struct _FidDashboardsAddin
{
  GObject    parent_instance;

  FidWindow *window;      /* not owned: between load and unload */
  GtkWidget *marketing;
  GtkWidget *advisor;
};

static void window_addin_iface_init (FidWindowAddinInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidDashboardsAddin, fid_dashboards_addin, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FID_TYPE_WINDOW_ADDIN, window_addin_iface_init))

static void
on_advisor_changed_cb (FidWindow          *window,
                       GParamSpec         *pspec,
                       FidDashboardsAddin *self)
{
  if (self->advisor != NULL)
    fid_dashboard_page_set_advisor_id (FID_DASHBOARD_PAGE (self->advisor), fid_window_get_advisor_id (window));
}

static void
on_data_changed_cb (FidWindow          *window,
                    FidDashboardsAddin *self)
{
  if (self->marketing != NULL)
    fid_dashboard_page_data_changed (FID_DASHBOARD_PAGE (self->marketing));
  if (self->advisor != NULL)
    fid_dashboard_page_data_changed (FID_DASHBOARD_PAGE (self->advisor));
}

static void
fid_dashboards_addin_load (FidWindowAddin *addin,
                           FidWindow      *window)
{
  FidDashboardsAddin *self = FID_DASHBOARDS_ADDIN (addin);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  FidStore *store = fid_window_get_store (window);

  /* The sidebar icon is ours: Adwaita has no dashboard. */
  if (!gtk_icon_theme_has_icon (theme, "fid-dashboard-symbolic"))
    gtk_icon_theme_add_resource_path (theme, ICONS_PATH);

  self->window = window;
  self->marketing = g_object_ref_sink (fid_dashboard_page_new (FID_DASHBOARD_MARKETING));
  self->advisor = g_object_ref_sink (fid_dashboard_page_new (FID_DASHBOARD_ADVISOR));
  fid_dashboard_page_set_advisor_id (FID_DASHBOARD_PAGE (self->advisor), fid_window_get_advisor_id (window));
  fid_dashboard_page_set_store (FID_DASHBOARD_PAGE (self->marketing), store);
  fid_dashboard_page_set_store (FID_DASHBOARD_PAGE (self->advisor), store);
  g_signal_connect_object (window, "notify::advisor-id", G_CALLBACK (on_advisor_changed_cb), self, 0);
  /* A ticket, an interaction, a customer saved: the figures follow. */
  g_signal_connect_object (window, "data-changed", G_CALLBACK (on_data_changed_cb), self, 0);
  fid_window_add_page (window, "dashboard", _("Dashboard"), "fid-dashboard-symbolic", self->marketing);
  fid_window_add_page (window, "my-dashboard", _("My Dashboard"), "avatar-default-symbolic", self->advisor);
}

static void
fid_dashboards_addin_unload (FidWindowAddin *addin,
                             FidWindow      *window)
{
  FidDashboardsAddin *self = FID_DASHBOARDS_ADDIN (addin);

  g_signal_handlers_disconnect_by_func (window, on_advisor_changed_cb, self);
  g_signal_handlers_disconnect_by_func (window, on_data_changed_cb, self);
  fid_window_remove_page (window, "dashboard");
  fid_window_remove_page (window, "my-dashboard");
  g_clear_object (&self->marketing);
  g_clear_object (&self->advisor);
  self->window = NULL;
}

static void
fid_dashboards_addin_store_changed (FidWindowAddin *addin,
                                    FidStore       *store)
{
  FidDashboardsAddin *self = FID_DASHBOARDS_ADDIN (addin);

  if (self->marketing != NULL)
    fid_dashboard_page_set_store (FID_DASHBOARD_PAGE (self->marketing), store);
  if (self->advisor != NULL)
    {
      if (self->window != NULL)
        fid_dashboard_page_set_advisor_id (FID_DASHBOARD_PAGE (self->advisor), fid_window_get_advisor_id (self->window));
      fid_dashboard_page_set_store (FID_DASHBOARD_PAGE (self->advisor), store);
    }
}

static void
window_addin_iface_init (FidWindowAddinInterface *iface)
{
  iface->load = fid_dashboards_addin_load;
  iface->unload = fid_dashboards_addin_unload;
  iface->store_changed = fid_dashboards_addin_store_changed;
}

static void
fid_dashboards_addin_class_init (FidDashboardsAddinClass *klass)
{
}

static void
fid_dashboards_addin_init (FidDashboardsAddin *self)
{
}
