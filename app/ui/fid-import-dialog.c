/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidImportDialog: importing a CSV or vCard file (issue 9).
 *
 * Pages: "loading" while the file is read; "mapping" — the kind, the
 * field of each column (guessed by the core, changed here) and a preview
 * of the first rows; "progress" — the check and the write in a worker
 * thread (FidImport's own connection), with a Cancel that leaves the
 * database as it was; "report" — every problem, by line and column, when
 * the file or its mapping is refused. Nothing here reads or writes the
 * database: FidImport does. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-import-dialog.h"

/* Rows shown in the preview. */
#define PREVIEW_ROWS 100

struct _FidImportDialog
{
  AdwWindow      parent_instance;

  FidWindow     *window;        /* weak */
  FidImport     *import;
  GFile         *file;
  GCancellable  *cancellable;
  guint          progress_id;
  gboolean       running;
  gboolean       loaded;
  gboolean       close_when_done;
  gboolean       updating;      /* setting the drop-downs from the mapping */
  GPtrArray     *column_rows;   /* AdwActionRow, one per file column */
  GPtrArray     *dropdowns;     /* GtkDropDown, one per file column */
  GPtrArray     *preview_columns; /* GtkColumnViewColumn, after the line number */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkButton       *close_button;
  GtkButton       *import_button;
  GtkStack        *stack;
  AdwActionRow    *file_row;
  GtkImage        *file_icon;
  AdwComboRow     *kind_row;
  GtkStringList   *kind_list;
  AdwPreferencesGroup *columns_group;
  GtkLabel        *missing_label;
  GtkLabel        *preview_caption;
  GtkColumnView   *preview_view;
  GtkLabel        *report_title;
  GtkLabel        *report_description;
  GtkButton       *back_button;
  GtkColumnView   *report_view;
  AdwStatusPage   *progress_page;
  GtkProgressBar  *progress_bar;
  GtkButton       *cancel_button;
};

G_DEFINE_FINAL_TYPE (FidImportDialog, fid_import_dialog, ADW_TYPE_WINDOW)

static void update_mapping (FidImportDialog *self);

/* Helpers */

/* A cell as one line: line breaks shown as ⏎. */
static char *
one_line (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n')
        g_string_append (out, " ⏎ ");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
separator_name (char separator)
{
  switch (separator)
    {
    case ';':
      return _("semicolons");
    case '\t':
      return _("tabs");
    default:
      return _("commas");
    }
}

static guint
row_index (GtkListItem *item)
{
  GtkStringObject *object = gtk_list_item_get_item (item);

  return (guint) g_ascii_strtoull (gtk_string_object_get_string (object), NULL, 10);
}

static GtkStringList *
index_list (guint n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", i);
      gtk_string_list_append (list, number);
    }
  return list;
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean wrap = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "wrap"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      /* At least a short name's width: an ellipsized label can otherwise
       * shrink to "…" when the preview has many columns (it scrolls). */
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
    }
  gtk_list_item_set_child (item, label);
}

static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            const char    *title,
            GCallback      bind,
            gpointer       user_data,
            guint          column,
            gboolean       wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "wrap", GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", bind, user_data);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_append_column (view, view_column);
  return view_column;  /* owned by the view */
}

static void
clear_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }
}

/* The preview */

static void
bind_line_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              FidImportDialog          *self)
{
  char number[16];

  g_snprintf (number, sizeof number, "%u", fid_import_get_row_line (self->import, row_index (item)));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), number);
  gtk_widget_add_css_class (gtk_list_item_get_child (item), "dim-label");
  gtk_widget_add_css_class (gtk_list_item_get_child (item), "numeric");
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              FidImportDialog          *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  g_autofree char *text = one_line (fid_import_get_cell (self->import, row_index (item), column));
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text);
  /* Columns that are not imported are shown, dimmed. */
  if (fid_import_get_mapping (self->import, column) < 0)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
fill_preview (FidImportDialog *self)
{
  guint n_rows = fid_import_get_n_rows (self->import);
  guint shown = MIN (n_rows, PREVIEW_ROWS);
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (index_list (shown)));
  g_autofree char *caption = NULL;

  clear_columns (self->preview_view);
  g_ptr_array_set_size (self->preview_columns, 0);
  gtk_column_view_column_set_fixed_width (add_column (self->preview_view, _("Line"), G_CALLBACK (bind_line_cb),
                                                      self, 0, FALSE), 60);
  for (guint i = 0; i < fid_import_get_n_columns (self->import); i++)
    g_ptr_array_add (self->preview_columns,
                     add_column (self->preview_view, fid_import_get_column_name (self->import, i),
                                 G_CALLBACK (bind_cell_cb), self, i, FALSE));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));

  if (shown < n_rows)
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The first %u rows of %u", "The first %u rows of %u", n_rows),
                               shown, n_rows);
  else
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n_rows), n_rows);
  gtk_label_set_text (self->preview_caption, caption);
}

/* The columns' titles: "Nom → Last name", or the file's name alone. */
static void
update_preview_titles (FidImportDialog *self)
{
  FidImportKind kind = fid_import_get_kind (self->import);

  for (guint i = 0; i < self->preview_columns->len; i++)
    {
      int field = fid_import_get_mapping (self->import, i);
      const char *name = fid_import_get_column_name (self->import, i);
      const char *label = field >= 0 ? fid_import_field_get_label (kind, field) : NULL;
      /* A vCard's columns are already named after the fields. */
      g_autofree char *title = label != NULL && g_strcmp0 (label, name) != 0
                               ? g_strdup_printf ("%s → %s", name, label)
                               : g_strdup (name);

      gtk_column_view_column_set_title (g_ptr_array_index (self->preview_columns, i), title);
    }
  /* Dimmed cells follow the mapping. */
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_view));
  {
    GtkSelectionModel *model = gtk_column_view_get_model (self->preview_view);
    guint n = model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;

    if (n > 0)
      g_list_model_items_changed (G_LIST_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (model))), 0, n, n);
  }
}

/* The mapping */

/* First non-empty value of @column, as a hint of what it holds. */
static char *
sample_of (FidImport *import,
           guint      column)
{
  for (guint r = 0; r < fid_import_get_n_rows (import) && r < PREVIEW_ROWS; r++)
    {
      const char *cell = fid_import_get_cell (import, r, column);
      g_autofree char *trimmed = g_strstrip (g_strdup (cell != NULL ? cell : ""));

      if (*trimmed != '\0')
        {
          g_autofree char *line = one_line (cell);

          if (g_utf8_strlen (line, -1) > 40)
            {
              g_autofree char *cut = g_utf8_substring (line, 0, 39);

              return g_strdup_printf (_("e.g. %s…"), cut);
            }
          return g_strdup_printf (_("e.g. %s"), line);
        }
    }
  return g_strdup (_("empty"));
}

static void
on_dropdown_selected_cb (GtkDropDown     *dropdown,
                         GParamSpec      *pspec,
                         FidImportDialog *self)
{
  guint column;
  guint selected;

  if (self->updating)
    return;
  if (!g_ptr_array_find (self->dropdowns, dropdown, &column))
    return;
  selected = gtk_drop_down_get_selected (dropdown);
  fid_import_set_mapping (self->import, column, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                                ? -1 : (int) selected - 1);
  update_mapping (self);
}

/* One row per column of the file: its name, a sample, the field. */
static void
build_column_rows (FidImportDialog *self)
{
  FidImportKind kind = fid_import_get_kind (self->import);
  guint n_fields = fid_import_kind_get_n_fields (kind);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);
  g_ptr_array_set_size (self->dropdowns, 0);

  for (guint i = 0; i < fid_import_get_n_columns (self->import); i++)
    {
      g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
      g_autofree char *sample = sample_of (self->import, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dropdown;

      gtk_string_list_append (fields, _("Not imported"));
      for (guint f = 0; f < n_fields; f++)
        {
          g_autofree char *label = fid_import_field_is_required (kind, f)
                                   /* Translators: a required field in the list of fields */
                                   ? g_strdup_printf (_("%s (required)"), fid_import_field_get_label (kind, f))
                                   : g_strdup (fid_import_field_get_label (kind, f));

          gtk_string_list_append (fields, label);
        }
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&fields)), NULL);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (dropdown, 170, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      fid_import_get_column_name (self->import, i), -1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fid_import_get_column_name (self->import, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
      adw_preferences_group_add (self->columns_group, row);

      g_ptr_array_add (self->column_rows, row);
      g_ptr_array_add (self->dropdowns, dropdown);
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self);
    }
  update_mapping (self);
}

/* Shows the mapping in the drop-downs and the preview, and what is still
 * missing. */
static void
update_mapping (FidImportDialog *self)
{
  g_auto(GStrv) missing = fid_import_dup_missing_fields (self->import);

  self->updating = TRUE;
  for (guint i = 0; i < self->dropdowns->len; i++)
    gtk_drop_down_set_selected (g_ptr_array_index (self->dropdowns, i),
                                (guint) (fid_import_get_mapping (self->import, i) + 1));
  self->updating = FALSE;

  update_preview_titles (self);

  if (missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (_(", "), missing);
      g_autofree char *text = g_strdup_printf (_("Choose a column for: %s."), list);

      gtk_label_set_text (self->missing_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), missing[0] != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), missing[0] == NULL && !self->running);
}

static void
on_kind_selected_cb (AdwComboRow     *row,
                     GParamSpec      *pspec,
                     FidImportDialog *self)
{
  guint kind = adw_combo_row_get_selected (row);

  if (self->updating || !self->loaded || kind >= FID_IMPORT_N_KINDS ||
      kind == fid_import_get_kind (self->import))
    return;
  fid_import_set_kind (self->import, kind);
  build_column_rows (self);
}

/* The report */

static void
bind_problem_line_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      FidImportDialog          *self)
{
  const FidImportProblem *problem = fid_import_get_problem (self->import, row_index (item));
  char number[16] = "";

  if (problem->line > 0)
    g_snprintf (number, sizeof number, "%u", problem->line);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), number);
  gtk_widget_add_css_class (gtk_list_item_get_child (item), "numeric");
}

static void
bind_problem_column_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        FidImportDialog          *self)
{
  const FidImportProblem *problem = fid_import_get_problem (self->import, row_index (item));
  g_autofree char *text = NULL;

  if (problem->column > 0 && problem->column_name != NULL)
    /* Translators: a column in the validation report: its number and its name */
    text = g_strdup_printf (_("%u · %s"), problem->column, problem->column_name);
  else if (problem->column > 0)
    text = g_strdup_printf ("%u", problem->column);
  else
    text = g_strdup (problem->column_name != NULL ? problem->column_name : "");
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
bind_problem_reason_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        FidImportDialog          *self)
{
  const FidImportProblem *problem = fid_import_get_problem (self->import, row_index (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), problem->reason);
}

static void
show_report (FidImportDialog *self,
             gboolean         can_go_back)
{
  guint n = fid_import_get_n_problems (self->import);
  g_autofree char *title = NULL;
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (index_list (n)));
  GtkColumnViewColumn *reason;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The file has %u problem", "The file has %u problems", n), n);
  gtk_label_set_text (self->report_title, title);
  gtk_label_set_text (self->report_description,
                      can_go_back
                      ? _("Nothing was imported. Correct the file, or the field of a column, and import again.")
                      : _("Nothing was imported: the file cannot be read as it is. Correct it and open it again."));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), can_go_back);

  clear_columns (self->report_view);
  gtk_column_view_column_set_fixed_width (add_column (self->report_view, _("Line"), G_CALLBACK (bind_problem_line_cb),
                                                      self, 0, FALSE), 70);
  gtk_column_view_column_set_fixed_width (add_column (self->report_view, _("Column"), G_CALLBACK (bind_problem_column_cb),
                                                      self, 0, FALSE), 220);
  reason = add_column (self->report_view, _("Problem"), G_CALLBACK (bind_problem_reason_cb), self, 0, TRUE);
  gtk_column_view_column_set_expand (reason, TRUE);
  gtk_column_view_set_model (self->report_view, GTK_SELECTION_MODEL (selection));

  gtk_stack_set_visible_child_name (self->stack, "report");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_button_set_label (self->close_button, _("_Close"));
}

static void
on_back_button_clicked_cb (GtkButton       *button,
                           FidImportDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "mapping");
  gtk_button_set_label (self->close_button, _("_Cancel"));
  update_mapping (self);
}

/* Running */

static gboolean
update_progress_cb (gpointer user_data)
{
  FidImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fid_import_get_fraction (self->import));
  return G_SOURCE_CONTINUE;
}

static void
stop_progress (FidImportDialog *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->running = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
}

static char *
imported_message (FidImportKind kind,
                  guint         n,
                  const char   *name)
{
  switch (kind)
    {
    case FID_IMPORT_CUSTOMERS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer imported from %s",
                                           "%u customers imported from %s", n), n, name);
    case FID_IMPORT_TRANSACTIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u transaction imported from %s",
                                           "%u transactions imported from %s", n), n, name);
    case FID_IMPORT_HOLDINGS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u holding imported from %s",
                                           "%u holdings imported from %s", n), n, name);
    case FID_IMPORT_INTERACTIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u interaction imported from %s",
                                           "%u interactions imported from %s", n), n, name);
    case FID_IMPORT_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
on_run_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FidImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = fid_import_run_finish (FID_IMPORT (object), result, &error);

  stop_progress (self);
  if (self->close_when_done || self->stack == NULL)
    {
      if (self->stack != NULL)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (ok)
    {
      g_autofree char *message = imported_message (fid_import_get_kind (self->import),
                                                   fid_import_get_n_imported (self->import),
                                                   fid_import_get_name (self->import));

      if (self->window != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (message, -1);

          fid_window_add_toast (self->window, adw_toast_new (escaped));
          fid_window_data_changed (self->window);
        }
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_stack_set_visible_child_name (self->stack, "mapping");
      update_mapping (self);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Import stopped: nothing was written")));
      return;
    }
  if (g_error_matches (error, FID_IMPORT_ERROR, FID_IMPORT_ERROR_INVALID))
    {
      show_report (self, TRUE);
      return;
    }

  /* The database refused (busy, read-only, full disk): nothing written. */
  {
    GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"), error->message);

    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
    gtk_stack_set_visible_child_name (self->stack, "mapping");
    update_mapping (self);
  }
}

void
fid_import_dialog_start (FidImportDialog *self)
{
  FidStore *store;
  g_autofree char *description = NULL;

  g_return_if_fail (FID_IS_IMPORT_DIALOG (self));

  if (self->running || !self->loaded || self->window == NULL)
    return;
  store = fid_window_get_store (self->window);
  g_return_if_fail (store != NULL);

  self->running = TRUE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  description = g_strdup_printf (_("Checking every row of %s, then writing them all in one go. "
                                   "Stopping leaves the database as it was."),
                                 fid_import_get_name (self->import));
  adw_status_page_set_description (self->progress_page, description);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  fid_import_run_async (self->import, fid_store_get_path (store), FALSE, self->cancellable,
                        on_run_done_cb, g_object_ref (self));
  self->progress_id = g_timeout_add (100, update_progress_cb, self);
}

static void
on_import_button_clicked_cb (GtkButton       *button,
                             FidImportDialog *self)
{
  fid_import_dialog_start (self);
}

static void
on_cancel_button_clicked_cb (GtkButton       *button,
                             FidImportDialog *self)
{
  if (!self->running)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  g_cancellable_cancel (self->cancellable);
}

/* Loading */

static void
show_file (FidImportDialog *self)
{
  g_autofree char *subtitle = NULL;
  guint n = fid_import_get_n_rows (self->import);
  const char *encoding = fid_csv_encoding_get_name (fid_import_get_encoding (self->import));

  if (fid_import_get_format (self->import) == FID_IMPORT_FORMAT_VCARD)
    {
      /* Translators: the file's format, encoding and size */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "vCard · %s · %u contact", "vCard · %s · %u contacts", n),
                                  encoding, n);
      gtk_image_set_from_icon_name (self->file_icon, "x-office-address-book-symbolic");
    }
  else
    /* Translators: the file's format, encoding, separator and size: "CSV · Windows-1252 · semicolons · 12 rows" */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "CSV · %s · %s · %u row", "CSV · %s · %s · %u rows", n),
                                encoding, separator_name (fid_import_get_separator (self->import)), n);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), fid_import_get_name (self->import));
  adw_action_row_set_subtitle (self->file_row, subtitle);
  adw_window_title_set_subtitle (self->window_title, fid_import_get_name (self->import));
}

static void
on_file_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FidImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  gboolean ok;

  bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  if (self->stack == NULL)
    return;  /* closed meanwhile */
  if (bytes == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Read the File"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      g_signal_connect_swapped (dialog, "response", G_CALLBACK (gtk_window_destroy), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  ok = fid_import_load_bytes (self->import, bytes, name, &error);
  show_file (self);
  if (!ok)
    {
      show_report (self, FALSE);
      return;
    }

  self->loaded = TRUE;
  fid_import_set_kind (self->import, fid_import_guess_kind (self->import));
  self->updating = TRUE;
  adw_combo_row_set_selected (self->kind_row, fid_import_get_kind (self->import));
  self->updating = FALSE;
  /* Contacts are customers, nothing else. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row),
                            fid_import_get_format (self->import) != FID_IMPORT_FORMAT_VCARD);
  fill_preview (self);
  build_column_rows (self);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
}

/* The window */

static gboolean
fid_import_dialog_close_request (GtkWindow *window)
{
  FidImportDialog *self = FID_IMPORT_DIALOG (window);

  /* Closing while the import runs stops it; the window goes once the
   * worker has rolled back. */
  if (self->running)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (fid_import_dialog_parent_class)->close_request (window);
}

static void
fid_import_dialog_dispose (GObject *object)
{
  FidImportDialog *self = FID_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_weak_pointer (&self->window);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (fid_import_dialog_parent_class)->dispose (object);
}

static void
fid_import_dialog_finalize (GObject *object)
{
  FidImportDialog *self = FID_IMPORT_DIALOG (object);

  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->preview_columns, g_ptr_array_unref);

  G_OBJECT_CLASS (fid_import_dialog_parent_class)->finalize (object);
}

static void
fid_import_dialog_class_init (FidImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fid_import_dialog_dispose;
  object_class->finalize = fid_import_dialog_finalize;
  window_class->close_request = fid_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, file_icon);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, kind_list);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, missing_label);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, preview_caption);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, report_title);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, report_description);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, report_view);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FidImportDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fid_import_dialog_init (FidImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();
  self->dropdowns = g_ptr_array_new ();
  self->preview_columns = g_ptr_array_new ();
  for (guint k = 0; k < FID_IMPORT_N_KINDS; k++)
    gtk_string_list_append (self->kind_list, fid_import_kind_get_label (k));
  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);
}

FidImportDialog *
fid_import_dialog_present (FidWindow *window,
                           GFile     *file)
{
  FidImportDialog *self;

  g_return_val_if_fail (FID_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (FID_TYPE_IMPORT_DIALOG,
                       "transient-for", window,
                       "application", gtk_window_get_application (GTK_WINDOW (window)),
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->file = g_object_ref (file);
  self->import = fid_import_new (FID_IMPORT_CUSTOMERS);
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_window_present (GTK_WINDOW (self));

  g_file_load_bytes_async (file, self->cancellable, on_file_loaded_cb, g_object_ref (self));
  return self;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  FidWindow *window = g_object_get_data (G_OBJECT (chooser), "window");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && window != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    fid_import_dialog_present (window, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
fid_import_dialog_choose_file (FidWindow *window)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) both = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) vcard = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (FID_IS_WINDOW (window));

  chooser = gtk_file_chooser_native_new (_("Import Customers, Transactions, Holdings or Interactions"),
                                         GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (both, _("Spreadsheets and Contacts (CSV, vCard)"));
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_set_name (vcard, _("Contacts (vCard)"));
  gtk_file_filter_set_name (all, _("All Files"));
  for (guint i = 0; i < 2; i++)
    {
      GtkFileFilter *filter = i == 0 ? both : csv;

      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
      gtk_file_filter_add_pattern (filter, "*.csv");
      gtk_file_filter_add_pattern (filter, "*.CSV");
      gtk_file_filter_add_pattern (filter, "*.tsv");
      gtk_file_filter_add_pattern (filter, "*.txt");
    }
  for (guint i = 0; i < 2; i++)
    {
      GtkFileFilter *filter = i == 0 ? both : vcard;

      gtk_file_filter_add_mime_type (filter, "text/vcard");
      gtk_file_filter_add_mime_type (filter, "text/x-vcard");
      gtk_file_filter_add_pattern (filter, "*.vcf");
      gtk_file_filter_add_pattern (filter, "*.VCF");
      gtk_file_filter_add_pattern (filter, "*.vcard");
    }
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), both);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), vcard);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_object_set_data_full (G_OBJECT (chooser), "window", g_object_ref (window), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

FidImport *
fid_import_dialog_get_import (FidImportDialog *self)
{
  g_return_val_if_fail (FID_IS_IMPORT_DIALOG (self), NULL);
  return self->import;
}

const char *
fid_import_dialog_get_page (FidImportDialog *self)
{
  g_return_val_if_fail (FID_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
