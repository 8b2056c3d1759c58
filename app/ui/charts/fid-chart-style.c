/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidChartStyle: the charts' colours and fonts. The series colours are the
 * Okabe–Ito palette, told apart by people with any common colour-vision
 * deficiency; on dark backgrounds the darkest of them (blue, green,
 * vermillion, black) are lifted so they keep their contrast. Heat maps use
 * a sequential blue ramp whose luminance is monotonic, so order reads even
 * in grey; the text on a cell is black or white by luminance. */

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <pango/pangocairo.h>

#include "fid-chart-style.h"

G_DEFINE_BOXED_TYPE (FidChartStyle, fid_chart_style,
                     fid_chart_style_copy, fid_chart_style_free)

/* Okabe–Ito, reordered for charts: blue and orange first (the pair that
 * separates best), yellow late (weak on white), black last. */
static const char * const light_series[FID_CHART_N_SERIES_COLORS] = {
  "#0072B2", "#E69F00", "#009E73", "#D55E00",
  "#56B4E9", "#CC79A7", "#F0E442", "#000000",
};

/* The same hues, the dark ones lightened for a dark background. */
static const char * const dark_series[FID_CHART_N_SERIES_COLORS] = {
  "#3A9AD9", "#E69F00", "#1DB88A", "#F07A2A",
  "#56B4E9", "#D98DB8", "#F0E442", "#DEDDDA",
};

/* ColorBrewer "Blues" light to dark, without its near-white first class:
 * the lowest cell must still stand out from a white page. */
static const char * const light_ramp[] = {
  "#DEEBF7", "#C6DBEF", "#9ECAE1", "#6BAED6",
  "#4292C6", "#2171B5", "#08519C", "#08306B",
};

/* On a dark background the low end must recede: dark to light blue. */
static const char * const dark_ramp[] = {
  "#1A3550", "#1D4569", "#215686", "#2A6AA6",
  "#4486C4", "#6BA3D8", "#9CC3E8", "#D2E5F6",
};

static void
parse (GdkRGBA    *color,
       const char *spec)
{
  if (!gdk_rgba_parse (color, spec))
    g_assert_not_reached ();
}

static PangoFontDescription *
font_for (const PangoFontDescription *base,
          double                      scale,
          PangoWeight                 weight)
{
  PangoFontDescription *font = pango_font_description_copy (base);
  int size = pango_font_description_get_size (base);

  if (size <= 0)
    size = 11 * PANGO_SCALE;

  if (pango_font_description_get_size_is_absolute (base))
    pango_font_description_set_absolute_size (font, size * scale);
  else
    pango_font_description_set_size (font, (int) lround (size * scale));
  pango_font_description_set_weight (font, weight);

  return font;
}

static PangoContext *
create_context (double resolution)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: text measures the same on screen, in an image, in
   * SVG, PDF and on paper, whatever the scale. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, resolution);
  cairo_font_options_destroy (options);

  return context;
}

static FidChartStyle *
style_new (gboolean    dark,
           const char *font_name,
           double      resolution)
{
  FidChartStyle *self = g_new0 (FidChartStyle, 1);
  g_autoptr(PangoFontDescription) base = NULL;
  const char * const *series = dark ? dark_series : light_series;

  self->dark = dark;
  /* The Adwaita "view" colours, so a chart sits well in a card. */
  parse (&self->background, dark ? "#1E1E1E" : "#FFFFFF");
  parse (&self->foreground, dark ? "#F0F0F0" : "#1C1C1C");
  parse (&self->secondary, dark ? "#B8B8B8" : "#5E5C64");
  parse (&self->grid, dark ? "#3D3D3D" : "#E2E2E2");
  parse (&self->empty_cell, dark ? "#262626" : "#F6F6F6");
  parse (&self->focus, dark ? "#78AEED" : "#1C71D8");
  parse (&self->positive, dark ? "#1DB88A" : "#007A5A");
  parse (&self->negative, dark ? "#F07A2A" : "#C2410C");
  for (guint i = 0; i < FID_CHART_N_SERIES_COLORS; i++)
    parse (&self->series[i], series[i]);

  base = pango_font_description_from_string (font_name != NULL && font_name[0] ? font_name : "Sans 11");
  if (pango_font_description_get_family (base) == NULL)
    pango_font_description_set_family (base, "Sans");

  self->fonts[FID_CHART_FONT_TITLE] = font_for (base, 1.15, PANGO_WEIGHT_BOLD);
  self->fonts[FID_CHART_FONT_SUBTITLE] = font_for (base, 0.9, PANGO_WEIGHT_NORMAL);
  self->fonts[FID_CHART_FONT_LABEL] = font_for (base, 0.82, PANGO_WEIGHT_NORMAL);
  self->fonts[FID_CHART_FONT_SMALL] = font_for (base, 0.74, PANGO_WEIGHT_NORMAL);
  self->fonts[FID_CHART_FONT_EMPHASIS] = font_for (base, 1.0, PANGO_WEIGHT_BOLD);
  self->fonts[FID_CHART_FONT_HUGE] = font_for (base, 2.1, PANGO_WEIGHT_BOLD);

  self->context = create_context (resolution);

  return self;
}

FidChartStyle *
fid_chart_style_new (gboolean    dark,
                     const char *font_name)
{
  return style_new (dark, font_name, 96.0);
}

/* The colour the widget stands on: a card's, a view's or the window's, as
 * the theme defines them. On screen the chart paints no background of its
 * own (a card's rounded corners stay round); this colour is what markers,
 * tints and veils are mixed with. GtkStyleContext is the GTK 4.8 way to
 * read a named theme colour. */
static void
widget_background (GtkWidget *widget,
                   GdkRGBA   *background)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  const char *name = "window_bg_color";
  GdkRGBA color, base;

  for (GtkWidget *ancestor = widget; ancestor != NULL; ancestor = gtk_widget_get_parent (ancestor))
    {
      if (gtk_widget_has_css_class (ancestor, "card"))
        {
          name = "card_bg_color";
          break;
        }
      if (gtk_widget_has_css_class (ancestor, "view"))
        {
          name = "view_bg_color";
          break;
        }
    }

  if (!gtk_style_context_lookup_color (context, name, &color))
    return;
  /* A translucent card (dark Adwaita) over the window. */
  if (color.alpha < 1.0 && gtk_style_context_lookup_color (context, "window_bg_color", &base))
    {
      color.red = color.red * color.alpha + base.red * (1 - color.alpha);
      color.green = color.green * color.alpha + base.green * (1 - color.alpha);
      color.blue = color.blue * color.alpha + base.blue * (1 - color.alpha);
    }
  color.alpha = 1.0;
  *background = color;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

FidChartStyle *
fid_chart_style_for_widget (GtkWidget *widget)
{
  g_autofree char *font_name = NULL;
  AdwStyleManager *manager;
  PangoContext *widget_context;
  FidChartStyle *style;
  double resolution = 96.0;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  manager = adw_style_manager_get_for_display (gtk_widget_get_display (widget));
  g_object_get (gtk_widget_get_settings (widget), "gtk-font-name", &font_name, NULL);

  /* The widget's resolution carries the "Large Text" scaling. */
  widget_context = gtk_widget_get_pango_context (widget);
  if (widget_context != NULL && pango_cairo_context_get_resolution (widget_context) > 0)
    resolution = pango_cairo_context_get_resolution (widget_context);

  style = style_new (adw_style_manager_get_dark (manager), font_name, resolution);
  widget_background (widget, &style->background);

  return style;
}

FidChartStyle *
fid_chart_style_for_print (void)
{
  g_autofree char *font_name = NULL;
  GtkSettings *settings = gtk_settings_get_default ();

  if (settings != NULL)
    g_object_get (settings, "gtk-font-name", &font_name, NULL);

  return style_new (FALSE, font_name, 96.0);
}

FidChartStyle *
fid_chart_style_copy (const FidChartStyle *self)
{
  FidChartStyle *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  for (guint i = 0; i < FID_CHART_N_FONTS; i++)
    copy->fonts[i] = pango_font_description_copy (self->fonts[i]);
  copy->context = g_object_ref (self->context);

  return copy;
}

void
fid_chart_style_free (FidChartStyle *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < FID_CHART_N_FONTS; i++)
    pango_font_description_free (self->fonts[i]);
  g_clear_object (&self->context);
  g_free (self);
}

const GdkRGBA *
fid_chart_style_get_series_color (const FidChartStyle *self,
                                  guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->series[index % FID_CHART_N_SERIES_COLORS];
}

void
fid_chart_style_get_ramp_color (const FidChartStyle *self,
                                double               t,
                                GdkRGBA             *color)
{
  const char * const *ramp = self->dark ? dark_ramp : light_ramp;
  const guint n = G_N_ELEMENTS (light_ramp);

  G_STATIC_ASSERT (G_N_ELEMENTS (light_ramp) == G_N_ELEMENTS (dark_ramp));
  GdkRGBA a, b;
  double position;
  guint i;

  if (isnan (t))
    t = 0.0;
  t = CLAMP (t, 0.0, 1.0);
  position = t * (n - 1);
  i = MIN ((guint) position, n - 2);
  position -= i;

  parse (&a, ramp[i]);
  parse (&b, ramp[i + 1]);
  color->red = a.red + (b.red - a.red) * position;
  color->green = a.green + (b.green - a.green) * position;
  color->blue = a.blue + (b.blue - a.blue) * position;
  color->alpha = 1.0;
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

double
fid_chart_color_luminance (const GdkRGBA *color)
{
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) +
         0.0722 * linear (color->blue);
}

void
fid_chart_style_get_text_color_on (const FidChartStyle *self,
                                   const GdkRGBA       *background,
                                   GdkRGBA             *color)
{
  double luminance = fid_chart_color_luminance (background);
  /* WCAG contrast ratios against near-black and white text. */
  double on_dark = (1.0 + 0.05) / (luminance + 0.05);
  double on_light = (luminance + 0.05) / (0.011 + 0.05);

  parse (color, on_light >= on_dark ? "#1C1C1C" : "#FFFFFF");
}

void
fid_chart_style_get_tint (const FidChartStyle *self,
                          const GdkRGBA       *color,
                          double               amount,
                          GdkRGBA             *tint)
{
  tint->red = self->background.red + (color->red - self->background.red) * amount;
  tint->green = self->background.green + (color->green - self->background.green) * amount;
  tint->blue = self->background.blue + (color->blue - self->background.blue) * amount;
  tint->alpha = 1.0;
}
