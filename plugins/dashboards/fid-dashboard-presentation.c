/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidDashboardPresentation: the dashboard as slides, for trainers.
 *
 * Each slide is a drawing area that draws one chart through
 * fid_chart_draw_to () on a canvas of CANVAS_WIDTH × CANVAS_HEIGHT
 * logical units, scaled to fill the screen: on a projector the type grows
 * with the chart and the layout stays the one the chart was designed for.
 * The slides live in an AdwCarousel (swipe and scroll work too); the keys
 * are handled here. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-chart-style.h"
#include "fid-dashboard-charts.h"
#include "fid-dashboard-presentation.h"
#include "fid-kpi-tile.h"

#define CANVAS_WIDTH   1024.0
#define CANVAS_HEIGHT  576.0
#define CANVAS_MARGIN  28.0
#define TILE_COLUMNS   4

struct _FidDashboardPresentation
{
  AdwWindow      parent_instance;

  FidDashboard  *dashboard;
  char          *scope;
  GPtrArray     *charts;   /* FidChart, filled */
  GPtrArray     *tiles;    /* FidKpiTile, filled */
  FidChartStyle *style;
  AdwCarousel   *carousel;
  GtkLabel      *counter;
};

G_DEFINE_FINAL_TYPE (FidDashboardPresentation, fid_dashboard_presentation, ADW_TYPE_WINDOW)

/* The canvas scaled into @width × @height, centred. */
static void
begin_canvas (FidDashboardPresentation *self,
              cairo_t                  *cr,
              int                       width,
              int                       height)
{
  double scale = MIN (width / CANVAS_WIDTH, height / CANVAS_HEIGHT);

  gdk_cairo_set_source_rgba (cr, &self->style->background);
  cairo_paint (cr);
  cairo_translate (cr, (width - CANVAS_WIDTH * scale) / 2, (height - CANVAS_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
}

static double
draw_text (FidDashboardPresentation *self,
           cairo_t                  *cr,
           const char               *text,
           double                    x,
           double                    y,
           double                    size,
           gboolean                  bold,
           const GdkRGBA            *color)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_copy (self->style->fonts[FID_CHART_FONT_LABEL]);
  int h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) ((CANVAS_WIDTH - 2 * CANVAS_MARGIN) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &h);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

static void
draw_title_slide (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  FidDashboardPresentation *self = user_data;
  const FidDashboardFilter *f = fid_dashboard_get_filter (self->dashboard);
  g_autofree char *period = fid_dashboard_format_period (f->start, f->end);
  g_autofree char *previous = fid_dashboard_format_period (fid_dashboard_get_previous_start (self->dashboard),
                                                           fid_dashboard_get_previous_end (self->dashboard));
  g_autofree char *line = g_strdup_printf ("%s · %s", self->scope, period);
  /* Translators: on the presentation's first slide, under the period */
  g_autofree char *compared = g_strdup_printf (_("Arrows: change against %s"), previous);
  guint rows = (self->tiles->len + TILE_COLUMNS - 1) / TILE_COLUMNS;
  double y = CANVAS_MARGIN, cell_width, cell_height;

  begin_canvas (self, cr, width, height);
  y += draw_text (self, cr, fid_dashboard_kind_title (f->kind), CANVAS_MARGIN, y, 40, TRUE, &self->style->foreground);
  y += draw_text (self, cr, line, CANVAS_MARGIN, y + 4, 20, FALSE, &self->style->secondary) + 4;
  y += draw_text (self, cr, compared, CANVAS_MARGIN, y + 4, 14, FALSE, &self->style->secondary) + 14;

  cell_width = (CANVAS_WIDTH - 2 * CANVAS_MARGIN) / TILE_COLUMNS;
  cell_height = MIN ((CANVAS_HEIGHT - y - CANVAS_MARGIN) / MAX (rows, 1), 170);
  for (guint i = 0; i < self->tiles->len; i++)
    {
      double x = CANVAS_MARGIN + (i % TILE_COLUMNS) * cell_width + 6;
      double top = y + (i / TILE_COLUMNS) * cell_height + 6;
      double w = cell_width - 12, h = cell_height - 12, r = 10;

      /* A card behind each figure, as on the page: the paper's colour
       * with a thin border. */
      cairo_save (cr);
      cairo_new_path (cr);
      cairo_arc (cr, x + r, top + r, r, G_PI, 1.5 * G_PI);
      cairo_arc (cr, x + w - r, top + r, r, 1.5 * G_PI, 2 * G_PI);
      cairo_arc (cr, x + w - r, top + h - r, r, 0, 0.5 * G_PI);
      cairo_arc (cr, x + r, top + h - r, r, 0.5 * G_PI, G_PI);
      cairo_close_path (cr);
      gdk_cairo_set_source_rgba (cr, &self->style->background);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &self->style->grid);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_translate (cr, x + 16, top + 12);
      fid_chart_draw_to (g_ptr_array_index (self->tiles, i), cr, w - 32, h - 20, self->style);
      cairo_restore (cr);
    }
}

static void
draw_chart_slide (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  FidDashboardPresentation *self = g_object_get_data (G_OBJECT (area), "presentation");
  FidChart *chart = user_data;

  begin_canvas (self, cr, width, height);
  cairo_translate (cr, CANVAS_MARGIN, CANVAS_MARGIN);
  fid_chart_draw_to (chart, cr, CANVAS_WIDTH - 2 * CANVAS_MARGIN, CANVAS_HEIGHT - 2 * CANVAS_MARGIN - 16,
                     self->style);
}

static void
update_counter (FidDashboardPresentation *self)
{
  g_autofree char *text = g_strdup_printf ("%u / %u", fid_dashboard_presentation_get_slide (self) + 1,
                                           fid_dashboard_presentation_get_n_slides (self));

  gtk_label_set_text (self->counter, text);
}

static void
go_to (FidDashboardPresentation *self,
       int                       slide)
{
  int n = (int) fid_dashboard_presentation_get_n_slides (self);

  slide = CLAMP (slide, 0, n - 1);
  adw_carousel_scroll_to (self->carousel, adw_carousel_get_nth_page (self->carousel, (guint) slide), TRUE);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey    *controller,
                   guint                     keyval,
                   guint                     keycode,
                   GdkModifierType           state,
                   FidDashboardPresentation *self)
{
  int slide = (int) fid_dashboard_presentation_get_slide (self);

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
    case GDK_KEY_Down:
      go_to (self, slide + 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Page_Up:
    case GDK_KEY_Up:
      go_to (self, slide - 1);
      return TRUE;
    case GDK_KEY_Home:
      go_to (self, 0);
      return TRUE;
    case GDK_KEY_End:
      go_to (self, G_MAXINT);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static GtkWidget *
new_slide (FidDashboardPresentation *self,
           GtkDrawingAreaDrawFunc    draw,
           gpointer                  data,
           const char               *name)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_widget_set_hexpand (area, TRUE);
  gtk_widget_set_vexpand (area, TRUE);
  g_object_set_data (G_OBJECT (area), "presentation", self);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw, data, NULL);
  /* Screen readers hear the chart's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return area;
}

static void
fid_dashboard_presentation_dispose (GObject *object)
{
  FidDashboardPresentation *self = FID_DASHBOARD_PRESENTATION (object);

  g_clear_object (&self->dashboard);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->tiles, g_ptr_array_unref);
  g_clear_pointer (&self->style, fid_chart_style_free);
  g_clear_pointer (&self->scope, g_free);

  G_OBJECT_CLASS (fid_dashboard_presentation_parent_class)->dispose (object);
}

static void
fid_dashboard_presentation_class_init (FidDashboardPresentationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fid_dashboard_presentation_dispose;
}

static void
fid_dashboard_presentation_init (FidDashboardPresentation *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Before the carousel, which would take the arrows for itself. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
fid_dashboard_presentation_new (GtkWindow    *parent,
                                FidDashboard *dashboard,
                                const char   *scope)
{
  FidDashboardPresentation *self;
  const FidDashboardChartId *ids;
  const FidKpi *kpis;
  guint n_ids, n_kpis;
  GtkWidget *overlay, *dots, *box;
  g_autofree char *font_name = NULL;
  g_autofree char *font = NULL;
  PangoFontDescription *description;

  g_return_val_if_fail (FID_IS_DASHBOARD (dashboard), NULL);

  self = g_object_new (FID_TYPE_DASHBOARD_PRESENTATION,
                       "title", fid_dashboard_kind_title (fid_dashboard_get_filter (dashboard)->kind),
                       "transient-for", parent,
                       NULL);
  self->dashboard = g_object_ref (dashboard);
  self->scope = g_strdup (scope != NULL ? scope : "");

  /* The desktop's font, a little larger: read from across a room. */
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-font-name", &font_name, NULL);
  description = pango_font_description_from_string (font_name != NULL ? font_name : "Sans 11");
  font = g_strdup_printf ("%s 13", pango_font_description_get_family (description) ?
                                   pango_font_description_get_family (description) : "Sans");
  pango_font_description_free (description);
  self->style = fid_chart_style_new (adw_style_manager_get_dark (adw_style_manager_get_default ()), font);

  self->carousel = ADW_CAROUSEL (adw_carousel_new ());
  adw_carousel_set_allow_long_swipes (self->carousel, FALSE);
  self->tiles = g_ptr_array_new_with_free_func (g_object_unref);
  kpis = fid_dashboard_kind_kpis (fid_dashboard_get_filter (dashboard)->kind, &n_kpis);
  for (guint i = 0; i < n_kpis; i++)
    {
      FidChart *tile = g_object_ref_sink (fid_dashboard_tile_new (kpis[i]));

      fid_dashboard_chart_fill (tile, dashboard);
      /* The slide says once what the arrows compare with. */
      fid_kpi_tile_set_change_caption (FID_KPI_TILE (tile), "");
      g_ptr_array_add (self->tiles, tile);
    }
  adw_carousel_append (self->carousel, new_slide (self, draw_title_slide, self,
                                                  fid_dashboard_kind_title (fid_dashboard_get_filter (dashboard)->kind)));

  self->charts = g_ptr_array_new_with_free_func (g_object_unref);
  ids = fid_dashboard_kind_charts (fid_dashboard_get_filter (dashboard)->kind, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      FidChart *chart = g_object_ref_sink (fid_dashboard_chart_new (ids[i]));

      fid_dashboard_chart_fill (chart, dashboard);
      g_ptr_array_add (self->charts, chart);
      adw_carousel_append (self->carousel, new_slide (self, draw_chart_slide, chart, fid_chart_get_title (chart)));
    }

  self->counter = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->counter), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->counter), "numeric");
  dots = adw_carousel_indicator_dots_new ();
  adw_carousel_indicator_dots_set_carousel (ADW_CAROUSEL_INDICATOR_DOTS (dots), self->carousel);
  box = gtk_center_box_new ();
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (box), dots);
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (box), GTK_WIDGET (self->counter));
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->carousel));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), box);
  adw_window_set_content (ADW_WINDOW (self), overlay);
  g_signal_connect_swapped (self->carousel, "page-changed", G_CALLBACK (update_counter), self);
  update_counter (self);

  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  gtk_window_fullscreen (GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

guint
fid_dashboard_presentation_get_n_slides (FidDashboardPresentation *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD_PRESENTATION (self), 0);
  return adw_carousel_get_n_pages (self->carousel);
}

guint
fid_dashboard_presentation_get_slide (FidDashboardPresentation *self)
{
  g_return_val_if_fail (FID_IS_DASHBOARD_PRESENTATION (self), 0);
  return (guint) (adw_carousel_get_position (self->carousel) + 0.5);
}
