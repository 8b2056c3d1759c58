/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Workshop page: see fid-workshop-page.h. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-store-surveys.h"
#include "fid-workshop-page.h"

struct _FidWorkshopPage
{
  AdwBin       parent_instance;

  FidWindow   *window;          /* weak */
  GArray      *survey_ids;      /* gint64, in the order of survey_row */
  char       **addresses;       /* "NAME\tADDRESS", in the order of network_row */

  AdwComboRow *survey_row;
  AdwComboRow *network_row;
};

G_DEFINE_FINAL_TYPE (FidWorkshopPage, fid_workshop_page, ADW_TYPE_BIN)

static void
load_networks (FidWorkshopPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_strfreev (self->addresses);
  self->addresses = fid_workshop_list_addresses ();
  for (guint i = 0; self->addresses[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (self->addresses[i], "\t", 2);
      g_autofree char *text = NULL;

      if (g_strcmp0 (parts[0], "lo") == 0)
        text = g_strdup_printf (_("This computer only (%s)"), parts[1]);
      else
        text = g_strdup_printf (_("%s (%s)"), parts[0], parts[1]);
      gtk_string_list_append (names, text);
    }
  adw_combo_row_set_model (self->network_row, G_LIST_MODEL (names));
}

void
fid_workshop_page_reload (FidWorkshopPage *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) surveys = NULL;
  g_autoptr(GError) error = NULL;
  FidStore *store;

  g_return_if_fail (FID_IS_WORKSHOP_PAGE (self));

  g_array_set_size (self->survey_ids, 0);
  store = self->window != NULL ? fid_window_get_store (self->window) : NULL;
  if (store != NULL && (surveys = fid_store_list_surveys (store, &error)) == NULL)
    g_warning ("Could not list the surveys: %s", error->message);
  for (guint i = 0; surveys != NULL && i < surveys->len; i++)
    {
      FidSurvey *survey = g_ptr_array_index (surveys, i);
      gint64 id = fid_survey_get_id (survey);
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), fid_survey_get_title (survey),
                                               fid_survey_kind_get_name (fid_survey_get_kind (survey)));

      gtk_string_list_append (titles, text);
      g_array_append_val (self->survey_ids, id);
    }
  adw_combo_row_set_model (self->survey_row, G_LIST_MODEL (titles));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop-page.start", self->survey_ids->len > 0);
}

FidWorkshopWindow *
fid_workshop_page_start (FidWorkshopPage  *self,
                         gint64            survey_id,
                         const char       *address,
                         GError          **error)
{
  g_autoptr(FidWorkshopServer) server = NULL;
  g_autoptr(FidSurvey) survey = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) parts = NULL;
  FidStore *store;
  gint64 copy_id;
  guint n;

  g_return_val_if_fail (FID_IS_WORKSHOP_PAGE (self), NULL);

  store = self->window != NULL ? fid_window_get_store (self->window) : NULL;
  if (store == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No database is open"));
      return NULL;
    }
  n = adw_combo_row_get_selected (self->network_row);
  if (address == NULL)
    {
      if (self->addresses == NULL || n >= g_strv_length (self->addresses))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Pick a network first"));
          return NULL;
        }
      parts = g_strsplit (self->addresses[n], "\t", 2);
    }
  else
    {
      parts = g_new0 (char *, 3);
      parts[0] = g_strdup (g_str_has_prefix (address, "127.") ? "lo" : "");
      parts[1] = g_strdup (address);
    }

  survey = fid_store_get_survey (store, survey_id, error);
  if (survey == NULL)
    return NULL;
  /* Translators: the title of a workshop's survey: the survey's title and
   * the date and time the workshop started. */
  when = g_date_time_format (now, _("%d/%m/%Y %H:%M"));
  title = g_strdup_printf (_("%s — Workshop of %s"), fid_survey_get_title (survey), when);
  copy_id = fid_store_copy_survey (store, survey_id, title, error);
  if (copy_id == 0)
    return NULL;
  server = fid_workshop_server_new (store, copy_id);
  fid_workshop_server_set_title (server, fid_survey_get_title (survey));
  if (!fid_workshop_server_start (server, parts[1], 0, error))
    {
      fid_store_delete_survey (store, copy_id, NULL);
      return NULL;
    }
  fid_window_data_changed (self->window);
  return fid_workshop_window_new (self->window, server, parts[0]);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FidWorkshopPage *self = FID_WORKSHOP_PAGE (widget);
  guint selected = adw_combo_row_get_selected (self->survey_row);
  g_autoptr(GError) error = NULL;
  FidWorkshopWindow *workshop;

  if (selected >= self->survey_ids->len)
    return;
  workshop = fid_workshop_page_start (self, g_array_index (self->survey_ids, gint64, selected), NULL, &error);
  if (workshop == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The workshop could not start: %s"), error->message);
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      if (self->window != NULL)
        fid_window_add_toast (self->window, adw_toast_new (escaped));
      return;
    }
  gtk_window_present (GTK_WINDOW (workshop));
}

static void
fid_workshop_page_map (GtkWidget *widget)
{
  FidWorkshopPage *self = FID_WORKSHOP_PAGE (widget);

  /* The surveys and networks of now: a survey may have been made in the
   * Surveys page, or the laptop joined the classroom's Wi-Fi. */
  fid_workshop_page_reload (self);
  load_networks (self);
  GTK_WIDGET_CLASS (fid_workshop_page_parent_class)->map (widget);
}

static void
fid_workshop_page_dispose (GObject *object)
{
  FidWorkshopPage *self = FID_WORKSHOP_PAGE (object);

  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_WORKSHOP_PAGE);
  G_OBJECT_CLASS (fid_workshop_page_parent_class)->dispose (object);
}

static void
fid_workshop_page_finalize (GObject *object)
{
  FidWorkshopPage *self = FID_WORKSHOP_PAGE (object);

  g_array_unref (self->survey_ids);
  g_strfreev (self->addresses);
  G_OBJECT_CLASS (fid_workshop_page_parent_class)->finalize (object);
}

static void
fid_workshop_page_class_init (FidWorkshopPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_workshop_page_dispose;
  object_class->finalize = fid_workshop_page_finalize;
  widget_class->map = fid_workshop_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fidelis/Fidelis/plugins/workshop/fid-workshop-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FidWorkshopPage, survey_row);
  gtk_widget_class_bind_template_child (widget_class, FidWorkshopPage, network_row);
  gtk_widget_class_install_action (widget_class, "workshop-page.start", NULL, start_action);
}

static void
fid_workshop_page_init (FidWorkshopPage *self)
{
  self->survey_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  load_networks (self);
}

GtkWidget *
fid_workshop_page_new (FidWindow *window)
{
  FidWorkshopPage *self = g_object_new (FID_TYPE_WORKSHOP_PAGE, NULL);

  g_set_weak_pointer (&self->window, window);
  fid_workshop_page_reload (self);
  return GTK_WIDGET (self);
}
