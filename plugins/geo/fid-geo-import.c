/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Importing territories from the Map page: a file, then its name and
 * code properties (the French open-data files' "nom" and "code" filled in),
 * then the import in a worker thread with its own connection, so that
 * placing a million customers does not freeze the window. */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "fid-geo-page.h"
#include "fid-store-geo.h"

typedef struct
{
  FidGeoPage *page;
  GFile      *file;
  char       *db_path;
  char       *set_name;
  char       *name_property;
  char       *code_property;
  GtkEntry   *set_entry;
  GtkEntry   *name_entry;
  GtkEntry   *code_entry;
  guint       n_territories;
  FidGeoAssignStats stats;
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->page);
  g_clear_object (&import->file);
  g_free (import->db_path);
  g_free (import->set_name);
  g_free (import->name_property);
  g_free (import->code_property);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Import *import = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) territories = NULL;
  g_autoptr(FidStore) store = NULL;

  territories = fid_geojson_load_territories (import->file, import->name_property, import->code_property, &error);
  if (territories != NULL)
    store = fid_store_open (import->db_path, FID_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    {
      g_autofree char *source_name = g_file_get_basename (import->file);

      if (fid_store_geo_import (store, import->set_name, source_name, import->name_property, import->code_property,
                                territories, &import->stats, &error))
        import->n_territories = territories->len;
    }
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  Import *import = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (import->page), TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: the import of territories failed; the reason follows */
      message = g_strdup_printf (_("Nothing imported: %s"), error->message);
      _fid_geo_page_imported (import->page, message);
      return;
    }
  /* Translators: after importing territories: how many, and customers placed */
  message = g_strdup_printf (_("%u territories imported; %" PRId64 " of %" PRId64 " customers placed in one"),
                             import->n_territories, import->stats.in_territory, import->stats.customers);
  _fid_geo_page_imported (import->page, message);
}

static void
on_properties_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           gpointer          data)
{
  g_autoptr(Import) import = data;
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (response, "import") != 0)
    return;
  import->set_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (import->set_entry))));
  import->name_property = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (import->name_entry))));
  import->code_property = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (import->code_entry))));
  if (*import->set_name == '\0' || *import->name_property == '\0' || *import->code_property == '\0')
    {
      _fid_geo_page_imported (import->page, _("Nothing imported: the name and both properties are needed."));
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (import->page), FALSE);
  task = g_task_new (NULL, NULL, on_import_done_cb, NULL);
  g_task_set_task_data (task, g_steal_pointer (&import), (GDestroyNotify) import_free);
  g_task_run_in_thread (task, import_thread);
}

static GtkEntry *
add_entry (GtkGrid    *grid,
           int         row,
           const char *label,
           const char *text)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);
  return GTK_ENTRY (entry);
}

static void
ask_properties (FidGeoPage *page,
                GFile      *file)
{
  Import *import = g_new0 (Import, 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  g_autofree char *base = g_file_get_basename (file);
  GtkWidget *dialog, *grid;
  char *dot;

  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  if (fid_geo_page_get_store (page) == NULL)
    {
      g_free (import);
      return;
    }
  import->page = g_object_ref (page);
  import->file = g_object_ref (file);
  import->db_path = g_strdup (fid_store_get_path (fid_geo_page_get_store (page)));
  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Import Territories"),
                                   _("Which feature properties hold each territory’s name and code? "
                                     "The file is checked completely first: if anything is wrong in it, "
                                     "nothing is imported."));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  import->set_entry = add_entry (GTK_GRID (grid), 0, _("_Name of the set"), base);
  import->name_entry = add_entry (GTK_GRID (grid), 1, _("Name _property"), "nom");
  import->code_entry = add_entry (GTK_GRID (grid), 2, _("_Code property"), "code");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_properties_response_cb), import);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_file_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     FidGeoPage      *page)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      ask_properties (page, file);
    }
  g_object_unref (chooser);
  g_object_unref (page);
}

void
fid_geo_page_import (FidGeoPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Territories"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("GeoJSON files"));
  gtk_file_filter_add_pattern (filter, "*.geojson");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/geo+json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
