/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidGeoPage: the map and its controls. The figures come from the store
 * (fid-store-geo.h); the page only turns them into the chart's values and
 * texts. The map is moved with the pointer (drag, scroll) and the keyboard
 * (arrows pan, + and − zoom, 0 shows the whole map; Page Up and Page Down
 * go from territory to territory, Enter opens its customers). */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "fid-chart-view.h"
#include "fid-format.h"
#include "fid-geo-page.h"
#include "fid-segment-labels.h"
#include "fid-store-geo.h"
#include "fid-window.h"

#define PAN_STEP 60.0
#define ZOOM_STEP 1.25

struct _FidGeoPage
{
  AdwBin        parent_instance;

  GtkDropDown  *measure_dropdown;
  GtkDropDown  *classes_dropdown;
  GtkCheckButton *catchment_check;
  GtkLabel     *set_label;
  GtkButton    *zoom_out_button;
  GtkButton    *zoom_fit_button;
  GtkButton    *zoom_in_button;
  GtkButton    *import_button;
  GtkButton    *empty_import_button;
  GtkStack     *stack;
  AdwBin       *map_bin;
  GtkListBox   *branch_list;

  FidStore     *store;
  FidChart     *chart;          /* owned by its widget, in the view */
  GtkWidget    *chart_widget;
  GPtrArray    *territories;    /* FidGeoTerritory */
  GPtrArray    *branches;       /* FidGeoBranch */
  GStrv         segment_keys;
  GStrv         segment_schemes;
  double        drag_x;
  double        drag_y;
  double        pointer_x;
  double        pointer_y;
  int           hovered;
  gboolean      filling;
  /* The figures are read when the page is shown: on a million customers
   * they take seconds, which a hidden page should not cost at every
   * change of the data. */
  gboolean      stale;
  GCancellable *loading;        /* the figures being read, or NULL */
};

G_DEFINE_FINAL_TYPE (FidGeoPage, fid_geo_page, ADW_TYPE_BIN)

enum { MEASURE_CUSTOMERS, MEASURE_REVENUE, MEASURE_PENETRATION, MEASURE_MEAN_MARGIN, N_FIXED_MEASURES };

static void
toast (FidGeoPage *self,
       const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (FID_IS_WINDOW (root))
    fid_window_add_toast (FID_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* The measures ------------------------------------------------------------------ */

static void
fill_measures (FidGeoPage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->measure_dropdown);

  gtk_string_list_append (list, _("Customers"));
  gtk_string_list_append (list, _("Revenue, last 12 months"));
  gtk_string_list_append (list, _("Penetration (share of customers)"));
  gtk_string_list_append (list, _("Mean margin per customer"));
  g_clear_pointer (&self->segment_keys, g_strfreev);
  g_clear_pointer (&self->segment_schemes, g_strfreev);
  if (self->store != NULL)
    self->segment_keys = fid_store_geo_list_segments (self->store, &self->segment_schemes, &error);
  for (guint i = 0; self->segment_keys != NULL && self->segment_keys[i] != NULL; i++)
    {
      /* Translators: a measure of the map: the share of a segment, then its scheme */
      g_autofree char *label = g_strdup_printf (_("Share of “%s” (%s)"),
                                                fid_segment_label (self->segment_schemes[i], self->segment_keys[i]),
                                                fid_segment_scheme_label (self->segment_schemes[i]));

      gtk_string_list_append (list, label);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->measure_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->measure_dropdown,
                              selected < g_list_model_get_n_items (G_LIST_MODEL (list)) ? selected : MEASURE_REVENUE);
  self->filling = FALSE;
}

static FidGeoMeasure
selected_measure (FidGeoPage  *self,
                  const char **segment)
{
  guint selected = gtk_drop_down_get_selected (self->measure_dropdown);

  *segment = NULL;
  switch (selected)
    {
    case MEASURE_CUSTOMERS:
      return FID_GEO_MEASURE_CUSTOMERS;
    case MEASURE_REVENUE:
      return FID_GEO_MEASURE_REVENUE;
    case MEASURE_PENETRATION:
      return FID_GEO_MEASURE_PENETRATION;
    case MEASURE_MEAN_MARGIN:
      return FID_GEO_MEASURE_MEAN_MARGIN;
    default:
      if (self->segment_keys != NULL && selected - N_FIXED_MEASURES < g_strv_length (self->segment_keys))
        {
          *segment = self->segment_keys[selected - N_FIXED_MEASURES];
          return FID_GEO_MEASURE_SEGMENT;
        }
      return FID_GEO_MEASURE_CUSTOMERS;
    }
}

/* The map's value: money in euros (the chart's money format), shares 0..1. */
static double
chart_value (const FidGeoTerritory *t,
             FidGeoMeasure          measure)
{
  double value = fid_geo_territory_value (t, measure);

  if (measure == FID_GEO_MEASURE_REVENUE || measure == FID_GEO_MEASURE_MEAN_MARGIN)
    return value / 100;
  return value;
}

static FidChartFormat
measure_format (FidGeoMeasure measure)
{
  switch (measure)
    {
    case FID_GEO_MEASURE_REVENUE:
    case FID_GEO_MEASURE_MEAN_MARGIN:
      return FID_CHART_FORMAT_MONEY;
    case FID_GEO_MEASURE_PENETRATION:
    case FID_GEO_MEASURE_SEGMENT:
      return FID_CHART_FORMAT_PERCENT;
    default:
      return FID_CHART_FORMAT_INTEGER;
    }
}

/* Branches ---------------------------------------------------------------------- */

static char *
branch_details (const FidGeoBranch *b)
{
  g_autofree char *catchment = fid_format_count ((guint64) b->catchment);
  g_autofree char *own = fid_format_count ((guint64) b->own_in_cell);
  g_autofree char *total = fid_format_count ((guint64) b->customers);
  g_autofree char *share = fid_chart_format_value (fid_geo_branch_own_share (b), FID_CHART_FORMAT_PERCENT, FALSE);

  /* Translators: a branch's catchment figures: customers living nearest to
   * it; then the share (and count) of its own customers who live there */
  return g_strdup_printf (_("%s customers live nearest to it\n%s of its customers live in its area (%s of %s)"),
                          catchment, share, own, total);
}

static void
on_branch_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        FidGeoPage    *self)
{
  guint index = (guint) gtk_list_box_row_get_index (row);

  if (self->territories != NULL)
    fid_chart_activate_element (self->chart, self->territories->len + index);
}

static void
fill_branches (FidGeoPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->branch_list))) != NULL)
    gtk_list_box_remove (self->branch_list, child);
  for (guint j = 0; self->branches != NULL && j < self->branches->len; j++)
    {
      FidGeoBranch *b = g_ptr_array_index (self->branches, j);
      g_autofree char *details = branch_details (b);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), b->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Show the customers of its catchment area"));
      gtk_list_box_append (self->branch_list, row);
    }
}

/* Loading ------------------------------------------------------------------------ */

static void
update_chart (FidGeoPage *self)
{
  g_autoptr(GPtrArray) outlines = g_ptr_array_new ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lons = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lats = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) branch_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) branch_texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *set = NULL;
  g_autofree char *title = NULL;
  const char *segment;
  FidGeoMeasure measure = selected_measure (self, &segment);
  const char *value_name = gtk_string_object_get_string (
    GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (self->measure_dropdown)));

  for (guint i = 0; self->territories != NULL && i < self->territories->len; i++)
    {
      FidGeoTerritory *t = g_ptr_array_index (self->territories, i);
      double value = chart_value (t, measure);
      g_autofree char *customers = fid_format_count ((guint64) t->customers);
      g_autofree char *revenue = fid_format_money (t->revenue_cents);
      g_autofree char *share = fid_chart_format_value (t->penetration, FID_CHART_FORMAT_PERCENT, FALSE);

      g_ptr_array_add (outlines, t->geometry);
      g_ptr_array_add (codes, t->code);
      g_ptr_array_add (names, g_strdup_printf ("%s (%s)", t->name, t->code));
      /* Translators: a territory's tooltip: customers, 12-month revenue, share of all customers */
      g_ptr_array_add (details, g_strdup_printf (_("Customers: %s\nRevenue, last 12 months: %s\nShare of the customers: %s\nClick to see its customers"),
                                                 customers, revenue, share));
      g_array_append_val (values, value);
    }
  for (guint j = 0; self->branches != NULL && j < self->branches->len; j++)
    {
      FidGeoBranch *b = g_ptr_array_index (self->branches, j);

      g_array_append_val (lons, b->longitude);
      g_array_append_val (lats, b->latitude);
      g_ptr_array_add (branch_names, b->name);
      g_ptr_array_add (branch_texts, branch_details (b));
    }

  fid_map_chart_set_value_name (FID_MAP_CHART (self->chart), value_name, measure_format (measure));
  fid_map_chart_set_territories (FID_MAP_CHART (self->chart), outlines->len,
                                 (FidGeometry * const *) outlines->pdata,
                                 (const char * const *) codes->pdata, (const char * const *) names->pdata,
                                 (const double *) (gpointer) values->data, (const char * const *) details->pdata);
  fid_map_chart_set_branches (FID_MAP_CHART (self->chart), lons->len, (const double *) (gpointer) lons->data,
                              (const double *) (gpointer) lats->data, (const char * const *) branch_names->pdata,
                              (const char * const *) branch_texts->pdata);
  set = self->store != NULL ? fid_store_geo_dup_current_set (self->store, NULL) : NULL;
  /* Translators: the map's title: what is measured, by which territories */
  title = g_strdup_printf (_("%s by %s"), value_name, set != NULL ? set : "");
  fid_chart_set_title (self->chart, title);
}

/* The figures are read in a thread, on a connection of its own: on a
 * bank of a million customers the per-territory sums take seconds, and
 * the window must not freeze for them. */
typedef struct
{
  char      *path;
  char      *segment;        /* NULL: the fixed measures */
  gboolean   with_branches;
  char      *set;
  GPtrArray *territories;
  GPtrArray *branches;
} Load;

static void
load_free (Load *load)
{
  g_free (load->path);
  g_free (load->segment);
  g_free (load->set);
  g_clear_pointer (&load->territories, g_ptr_array_unref);
  g_clear_pointer (&load->branches, g_ptr_array_unref);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_store_open (load->path, FID_STORE_OPEN_READ_ONLY, &error);

  if (store != NULL)
    load->set = fid_store_geo_dup_current_set (store, &error);
  if (error == NULL && load->set != NULL)
    load->territories = fid_store_geo_list_territories (store, load->segment, &error);
  if (error == NULL && load->with_branches)
    load->branches = fid_store_geo_list_branches (store, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  FidGeoPage *self = FID_GEO_PAGE (source);
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      toast (self, error->message);
    }
  g_clear_object (&self->loading);
  g_clear_pointer (&self->territories, g_ptr_array_unref);
  self->territories = g_steal_pointer (&load->territories);
  if (load->with_branches)
    {
      g_clear_pointer (&self->branches, g_ptr_array_unref);
      self->branches = g_steal_pointer (&load->branches);
    }
  gtk_stack_set_visible_child_name (self->stack, self->territories != NULL && self->territories->len > 0
                                                   ? "map" : "empty");
  gtk_label_set_text (self->set_label, load->set != NULL ? load->set : "");
  update_chart (self);
  if (load->with_branches)
    fill_branches (self);
}

static void
start_load (FidGeoPage *self,
            const char *segment,
            gboolean    with_branches)
{
  g_autoptr(GTask) task = NULL;
  Load *load = g_new0 (Load, 1);

  /* A newer request replaces one still running. */
  if (self->loading != NULL)
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
    }
  load->path = g_strdup (fid_store_get_path (self->store));
  load->segment = g_strdup (segment);
  load->with_branches = with_branches;
  self->loading = g_cancellable_new ();
  task = g_task_new (self, self->loading, on_loaded_cb, NULL);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
fid_geo_page_is_loading (FidGeoPage *self)
{
  g_return_val_if_fail (FID_IS_GEO_PAGE (self), FALSE);
  return self->loading != NULL;
}

void
fid_geo_page_reload (FidGeoPage *self)
{
  const char *segment;

  g_return_if_fail (FID_IS_GEO_PAGE (self));
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  if (self->store == NULL)
    {
      g_clear_pointer (&self->territories, g_ptr_array_unref);
      g_clear_pointer (&self->branches, g_ptr_array_unref);
      return;
    }
  fill_measures (self);
  selected_measure (self, &segment);
  start_load (self, segment, TRUE);
}

void
fid_geo_page_set_store (FidGeoPage *self,
                        FidStore   *store)
{
  g_return_if_fail (FID_IS_GEO_PAGE (self));
  g_set_object (&self->store, store);
  fid_geo_page_reload (self);
}

FidStore *
fid_geo_page_get_store (FidGeoPage *self)
{
  g_return_val_if_fail (FID_IS_GEO_PAGE (self), NULL);
  return self->store;
}

FidMapChart *
fid_geo_page_get_chart (FidGeoPage *self)
{
  g_return_val_if_fail (FID_IS_GEO_PAGE (self), NULL);
  return FID_MAP_CHART (self->chart);
}

void
_fid_geo_page_imported (FidGeoPage *self,
                        const char *message)
{
  toast (self, message);
  fid_map_chart_reset_view (FID_MAP_CHART (self->chart));
  fid_geo_page_reload (self);
}

/* Controls ----------------------------------------------------------------------- */

static void
on_measure_changed_cb (FidGeoPage *self)
{
  const char *segment;

  if (self->filling || self->store == NULL)
    return;
  selected_measure (self, &segment);
  /* Only a segment needs the figures again; the others are all read. */
  if (segment != NULL || self->territories == NULL)
    start_load (self, segment, FALSE);
  else
    update_chart (self);
}

static void
on_classes_changed_cb (FidGeoPage *self)
{
  fid_map_chart_set_class_method (FID_MAP_CHART (self->chart),
                                  gtk_drop_down_get_selected (self->classes_dropdown) == 1
                                    ? FID_MAP_CLASSES_EQUAL_STEPS : FID_MAP_CLASSES_QUANTILES);
}

static void
on_catchment_toggled_cb (FidGeoPage *self)
{
  fid_map_chart_set_show_catchment (FID_MAP_CHART (self->chart),
                                    gtk_check_button_get_active (self->catchment_check));
}

static void
zoom (FidGeoPage *self,
      double      factor,
      double      x,
      double      y)
{
  double w = gtk_widget_get_width (self->chart_widget), h = gtk_widget_get_height (self->chart_widget);

  if (x < 0)
    {
      x = w / 2;
      y = h / 2;
    }
  fid_map_chart_zoom_at (FID_MAP_CHART (self->chart), factor, x, y, w, h);
}

static void
on_zoom_in_cb (FidGeoPage *self)
{
  zoom (self, ZOOM_STEP, -1, -1);
}

static void
on_zoom_out_cb (FidGeoPage *self)
{
  zoom (self, 1 / ZOOM_STEP, -1, -1);
}

static void
on_zoom_fit_cb (FidGeoPage *self)
{
  fid_map_chart_reset_view (FID_MAP_CHART (self->chart));
}

static void
pan (FidGeoPage *self,
     double      dx,
     double      dy)
{
  fid_map_chart_pan (FID_MAP_CHART (self->chart), dx, dy, gtk_widget_get_width (self->chart_widget),
                     gtk_widget_get_height (self->chart_widget));
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  FidGeoPage     *self)
{
  self->drag_x = 0;
  self->drag_y = 0;
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   FidGeoPage     *self)
{
  pan (self, dx - self->drag_x, dy - self->drag_y);
  self->drag_x = dx;
  self->drag_y = dy;
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              FidGeoPage               *self)
{
  if (dy == 0)
    return FALSE;
  zoom (self, dy < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, self->pointer_x, self->pointer_y);
  return TRUE;
}

/* The tooltip's area is a small box in each territory: asking again when
 * the pointer crosses into another territory keeps the text right. */
static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              FidGeoPage               *self)
{
  int index = fid_chart_hit_test (self->chart, gtk_widget_get_width (self->chart_widget),
                                  gtk_widget_get_height (self->chart_widget), x, y, NULL);

  self->pointer_x = x;
  self->pointer_y = y;
  if (index != self->hovered)
    {
      self->hovered = index;
      gtk_widget_trigger_tooltip_query (self->chart_widget);
    }
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *key,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   FidGeoPage            *self)
{
  int n = self->territories != NULL ? (int) self->territories->len : 0;
  int highlighted = fid_chart_get_highlighted (self->chart);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      pan (self, PAN_STEP, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      pan (self, -PAN_STEP, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      pan (self, 0, PAN_STEP);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      pan (self, 0, -PAN_STEP);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      on_zoom_in_cb (self);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      on_zoom_out_cb (self);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      on_zoom_fit_cb (self);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      if (n > 0)
        fid_chart_set_highlighted (self->chart, highlighted < 0 ? 0 : MIN (highlighted + 1, n - 1));
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      if (n > 0)
        fid_chart_set_highlighted (self->chart, highlighted < 0 ? n - 1 : MAX (highlighted - 1, 0));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_element_activated_cb (FidChart   *chart,
                         guint       index,
                         FidGeoPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *label = NULL;
  guint n = self->territories != NULL ? self->territories->len : 0;

  if (!FID_IS_WINDOW (root) || self->store == NULL)
    return;
  if (index < n)
    {
      FidGeoTerritory *t = g_ptr_array_index (self->territories, index);

      ids = fid_store_geo_list_customers (self->store, t->id, &error);
      /* Translators: the customer list's bar: the customers of a territory */
      label = g_strdup_printf (_("Map: %s (%s)"), t->name, t->code);
    }
  else if (self->branches != NULL && index - n < self->branches->len)
    {
      FidGeoBranch *b = g_ptr_array_index (self->branches, index - n);

      ids = fid_store_geo_list_catchment (self->store, b->id, &error);
      /* Translators: the customer list's bar: the customers nearest to a branch */
      label = g_strdup_printf (_("Catchment area: %s"), b->name);
    }
  if (error != NULL)
    toast (self, error->message);
  else if (ids != NULL && ids->len == 0)
    toast (self, _("No customer lives there"));
  else if (ids != NULL)
    fid_window_show_customers (FID_WINDOW (root), label, ids);
}

static void
on_import_clicked_cb (FidGeoPage *self)
{
  fid_geo_page_import (self);
}

/* The page --------------------------------------------------------------------- */

static void
setup_chart (FidGeoPage *self)
{
  GtkEventController *controller;
  GtkGesture *drag;
  GtkWidget *view;

  self->chart = fid_map_chart_new ();
  view = fid_chart_view_new (self->chart);
  self->chart_widget = fid_chart_get_widget (self->chart);
  fid_map_chart_set_show_catchment (FID_MAP_CHART (self->chart), TRUE);
  adw_bin_set_child (self->map_bin, view);
  g_signal_connect_object (self->chart, "element-activated", G_CALLBACK (on_element_activated_cb), self, 0);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  gtk_widget_add_controller (self->chart_widget, GTK_EVENT_CONTROLLER (drag));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (self->chart_widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (self->chart_widget, controller);

  /* Before the chart's own keys (its Left/Right move the highlight). */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (self->chart_widget, controller);
}

static void
on_map_cb (FidGeoPage *self)
{
  if (self->stale)
    fid_geo_page_reload (self);
}

static void
fid_geo_page_dispose (GObject *object)
{
  FidGeoPage *self = FID_GEO_PAGE (object);

  if (self->loading != NULL)
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->territories, g_ptr_array_unref);
  g_clear_pointer (&self->branches, g_ptr_array_unref);
  g_clear_pointer (&self->segment_keys, g_strfreev);
  g_clear_pointer (&self->segment_schemes, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_GEO_PAGE);
  G_OBJECT_CLASS (fid_geo_page_parent_class)->dispose (object);
}

static void
fid_geo_page_class_init (FidGeoPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_geo_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/plugins/geo/fid-geo-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FidGeoPage, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FidGeoPage, classes_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FidGeoPage, catchment_check);
  gtk_widget_class_bind_template_child (widget_class, FidGeoPage, set_label);
  gtk_widget_class_bind_template_child (widget_class, FidGeoPage, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, FidGeoPage, zoom_fit_button);
  gtk_widget_class_bind_template_child (widget_class, FidGeoPage, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, FidGeoPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, FidGeoPage, empty_import_button);
  gtk_widget_class_bind_template_child (widget_class, FidGeoPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FidGeoPage, map_bin);
  gtk_widget_class_bind_template_child (widget_class, FidGeoPage, branch_list);
}

static void
fid_geo_page_init (FidGeoPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->hovered = -1;
  setup_chart (self);
  g_signal_connect_swapped (self->measure_dropdown, "notify::selected", G_CALLBACK (on_measure_changed_cb), self);
  g_signal_connect_swapped (self->classes_dropdown, "notify::selected", G_CALLBACK (on_classes_changed_cb), self);
  g_signal_connect_swapped (self->catchment_check, "toggled", G_CALLBACK (on_catchment_toggled_cb), self);
  g_signal_connect_swapped (self->zoom_in_button, "clicked", G_CALLBACK (on_zoom_in_cb), self);
  g_signal_connect_swapped (self->zoom_out_button, "clicked", G_CALLBACK (on_zoom_out_cb), self);
  g_signal_connect_swapped (self->zoom_fit_button, "clicked", G_CALLBACK (on_zoom_fit_cb), self);
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (on_import_clicked_cb), self);
  g_signal_connect_swapped (self->empty_import_button, "clicked", G_CALLBACK (on_import_clicked_cb), self);
  g_signal_connect (self->branch_list, "row-activated", G_CALLBACK (on_branch_activated_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

GtkWidget *
fid_geo_page_new (void)
{
  return g_object_new (FID_TYPE_GEO_PAGE, NULL);
}
