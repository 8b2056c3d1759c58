/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidChartView: a chart with its header row. The header shows the chart's
 * title (the chart itself then leaves it out on screen; exports keep it),
 * the "Show as Table" toggle and the export menu. The table is filled from
 * the chart's fill_table when it is shown and again when the data changes
 * while it is. Exports ask for a file with GtkFileChooserNative (GTK 4.8
 * has no GtkFileDialog) and draw at the size the chart has on screen. */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "fid-chart-export.h"
#include "fid-chart-private.h"
#include "fid-chart-view.h"
#include "fid-form.h"

/* The export size when the chart was never shown. */
#define DEFAULT_WIDTH 960
#define DEFAULT_HEIGHT 600

struct _FidChartView
{
  GtkWidget      parent_instance;

  FidChart      *chart;
  gboolean       show_table;
  gboolean       table_stale;

  GtkWidget     *box;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkStack      *stack;
  GtkColumnView *column_view;
};

enum {
  PROP_0,
  PROP_CHART,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  EXPORT_PNG,
  EXPORT_SVG,
  EXPORT_PDF,
} ExportKind;

G_DEFINE_FINAL_TYPE (FidChartView, fid_chart_view, GTK_TYPE_WIDGET)

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = GPOINTER_TO_UINT (data) > 0;

  /* The first column names the row; the others are figures, on the right. */
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (data);
  const char *text = NULL;

  if (column < g_list_model_get_n_items (G_LIST_MODEL (row)))
    text = gtk_string_list_get_string (row, column);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static void
fill_table (FidChartView *self)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_auto(GStrv) titles = NULL;
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }

  rows = fid_chart_create_table (self->chart, &titles);
  for (guint i = 0; titles[i] != NULL; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }

  selection = gtk_no_selection_new (g_steal_pointer (&rows));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  self->table_stale = FALSE;
}

static void
on_chart_data_changed_cb (FidChart     *chart,
                          FidChartView *self)
{
  self->table_stale = TRUE;
  if (self->show_table)
    fill_table (self);
}

static void
on_chart_subtitle_cb (FidChart     *chart,
                      GParamSpec   *pspec,
                      FidChartView *self)
{
  const char *subtitle = fid_chart_get_subtitle (chart);

  gtk_label_set_text (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && subtitle[0]);
}

/* A file name from the chart's title: "Revenue by month.png". */
static char *
suggested_name (FidChartView *self,
                const char   *extension)
{
  const char *title = fid_chart_get_title (self->chart);
  g_autofree char *base = g_strdup (title != NULL && title[0] ? title : _("Chart"));

  g_strdelimit (base, "/\\:*?\"<>|", '-');

  return g_strconcat (base, ".", extension, NULL);
}

static void
show_error (FidChartView *self,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Could Not Export the Chart"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_to (FidChartView *self,
           ExportKind    kind,
           GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidChartStyle) style = fid_chart_style_for_print ();
  int width = gtk_widget_get_width (fid_chart_get_widget (self->chart));
  int height = gtk_widget_get_height (fid_chart_get_widget (self->chart));
  gboolean ok = FALSE;

  if (width <= 0 || height <= 0)
    {
      width = DEFAULT_WIDTH;
      height = DEFAULT_HEIGHT;
    }
  /* Room for the title, which the screen shows in the header instead:
   * the data keeps the size it has on screen. */
  height += (int) ceil (fid_chart_get_header_height (self->chart, style, TRUE));

  switch (kind)
    {
    case EXPORT_PNG:
      ok = fid_chart_export_png_scaled (self->chart, file, width, height, 2.0, &error);
      break;
    case EXPORT_SVG:
      ok = fid_chart_export_svg (self->chart, file, width, height, &error);
      break;
    case EXPORT_PDF:
      ok = fid_chart_export_pdf (self->chart, file, width, height, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    show_error (self, error);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        FidChartView    *self)
{
  ExportKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "fid-export-kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        export_to (self, kind, file);
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
ask_file (FidChartView *self,
          ExportKind    kind)
{
  static const char * const extensions[] = { "png", "svg", "pdf" };
  static const char * const types[] = { "image/png", "image/svg+xml", "application/pdf" };
  const char *titles[] = { _("Export Chart as PNG"), _("Export Chart as SVG"), _("Export Chart as PDF") };
  const char *filter_names[] = { _("PNG Images"), _("SVG Images"), _("PDF Documents") };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self, extensions[kind]);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (titles[kind], GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, filter_names[kind]);
  gtk_file_filter_add_mime_type (filter, types[kind]);
  gtk_file_filter_add_suffix (filter, extensions[kind]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_object_set_data (G_OBJECT (chooser), "fid-export-kind", GUINT_TO_POINTER (kind));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FidChartView *self = FID_CHART_VIEW (widget);

  if (g_str_equal (action_name, "chart.export-png"))
    ask_file (self, EXPORT_PNG);
  else if (g_str_equal (action_name, "chart.export-svg"))
    ask_file (self, EXPORT_SVG);
  else if (g_str_equal (action_name, "chart.export-pdf"))
    ask_file (self, EXPORT_PDF);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FidChartView *self = FID_CHART_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  fid_chart_print (self->chart, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static GtkWidget *
build_header (FidChartView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toggle, *button;

  /* In line with the chart's own margin. */
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 6);
  gtk_widget_set_margin_top (header, 6);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  self->subtitle_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle_label, 0);
  gtk_label_set_ellipsize (self->subtitle_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->subtitle_label));
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), titles);

  toggle = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (toggle), "view-list-symbolic");
  gtk_widget_set_tooltip_text (toggle, _("Show as Table"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show as Table"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (toggle), "chart.show-table");
  gtk_widget_add_css_class (toggle, "flat");
  gtk_box_append (GTK_BOX (header), toggle);

  g_menu_append (menu, _("Export as _PNG…"), "chart.export-png");
  g_menu_append (menu, _("Export as _SVG…"), "chart.export-svg");
  g_menu_append (menu, _("Export as P_DF…"), "chart.export-pdf");
  g_menu_append (menu, _("_Print…"), "chart.print");
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-save-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("Export"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (header), button);

  return header;
}

static void
set_chart (FidChartView *self,
           FidChart     *chart)
{
  g_return_if_fail (self->chart == NULL);

  self->chart = g_object_ref_sink (chart);
  fid_chart_set_show_title (chart, FALSE);
  gtk_widget_set_vexpand (fid_chart_get_widget (chart), TRUE);
  gtk_stack_add_named (self->stack, fid_chart_get_widget (chart), "chart");
  gtk_stack_set_visible_child_name (self->stack, "chart");

  g_object_bind_property (chart, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (chart, "notify::subtitle", G_CALLBACK (on_chart_subtitle_cb), self, 0);
  g_signal_connect_object (chart, "data-changed", G_CALLBACK (on_chart_data_changed_cb), self, 0);
  on_chart_subtitle_cb (chart, NULL, self);
  self->table_stale = TRUE;
}

static void
fid_chart_view_dispose (GObject *object)
{
  FidChartView *self = FID_CHART_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (fid_chart_view_parent_class)->dispose (object);
}

static void
fid_chart_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FidChartView *self = FID_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_chart_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FidChartView *self = FID_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      set_chart (self, g_value_get_object (value));
      break;
    case PROP_SHOW_TABLE:
      fid_chart_view_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_chart_view_class_init (FidChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_chart_view_dispose;
  object_class->get_property = fid_chart_view_get_property;
  object_class->set_property = fid_chart_view_set_property;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, FID_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "chart.show-table", "show-table");
  gtk_widget_class_install_action (widget_class, "chart.export-png", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.export-svg", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.print", NULL, print_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fidchartview");
}

static void
fid_chart_view_init (FidChartView *self)
{
  GtkWidget *scrolled;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->box), build_header (self));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  /* Tab leaves the table instead of walking every row (fid-form.h). */
  fid_form_tab_leaves_list (GTK_WIDGET (self->column_view));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_stack_add_named (self->stack, scrolled, "table");
}

GtkWidget *
fid_chart_view_new (FidChart *chart)
{
  g_return_val_if_fail (FID_IS_CHART (chart), NULL);

  return g_object_new (FID_TYPE_CHART_VIEW, "chart", chart, NULL);
}

FidChart *
fid_chart_view_get_chart (FidChartView *self)
{
  g_return_val_if_fail (FID_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

gboolean
fid_chart_view_get_show_table (FidChartView *self)
{
  g_return_val_if_fail (FID_IS_CHART_VIEW (self), FALSE);

  return self->show_table;
}

void
fid_chart_view_set_show_table (FidChartView *self,
                               gboolean      show_table)
{
  g_return_if_fail (FID_IS_CHART_VIEW (self));

  show_table = !!show_table;
  if (self->show_table == show_table)
    return;

  self->show_table = show_table;
  if (show_table && self->table_stale)
    fill_table (self);
  gtk_stack_set_visible_child_name (self->stack, show_table ? "table" : "chart");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

GtkColumnView *
fid_chart_view_get_column_view (FidChartView *self)
{
  g_return_val_if_fail (FID_IS_CHART_VIEW (self), NULL);

  return self->column_view;
}
