/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Drawing helpers shared by the charts: aligned text, nice scales, the
 * axes frame and legends, value formatting. Text is always laid out in the
 * style's own Pango context (unhinted metrics), whatever the target, so a
 * chart's geometry is a function of its size alone: hit testing computes
 * the same rectangles that drawing painted. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "fid-chart-private.h"
#include "fid-format.h"

PangoLayout *
fid_chart_text_layout (const FidChartStyle *style,
                       FidChartFont         font,
                       const char          *text)
{
  PangoLayout *layout = pango_layout_new (style->context);

  pango_layout_set_font_description (layout, style->fonts[font]);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

void
fid_chart_text_size (const FidChartStyle *style,
                     FidChartFont         font,
                     const char          *text,
                     double              *width,
                     double              *height)
{
  g_autoptr(PangoLayout) layout = fid_chart_text_layout (style, font, text);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

void
fid_chart_draw_text (cairo_t             *cr,
                     const FidChartStyle *style,
                     FidChartFont         font,
                     const GdkRGBA       *color,
                     const char          *text,
                     double               x,
                     double               y,
                     double               xalign,
                     double               yalign,
                     double               max_width)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  if (text == NULL || text[0] == '\0')
    return;

  layout = fid_chart_text_layout (style, font, text);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_extents (layout, NULL, &logical);

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr,
                 x - (double) (logical.x + logical.width * xalign) / PANGO_SCALE,
                 y - (double) (logical.y + logical.height * yalign) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
fid_chart_draw_text_vertical (cairo_t             *cr,
                              const FidChartStyle *style,
                              FidChartFont         font,
                              const GdkRGBA       *color,
                              const char          *text,
                              double               x,
                              double               y,
                              double               max_height)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, -G_PI / 2);
  fid_chart_draw_text (cr, style, font, color, text, 0, 0, 0.5, 0.5, max_height);
  cairo_restore (cr);
}

void
fid_chart_rounded_rect (cairo_t *cr,
                        double   x,
                        double   y,
                        double   width,
                        double   height,
                        double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  if (radius <= 0)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
fid_chart_draw_focus (cairo_t               *cr,
                      const FidChartStyle   *style,
                      const graphene_rect_t *area)
{
  cairo_save (cr);
  fid_chart_rounded_rect (cr, area->origin.x - 2, area->origin.y - 2,
                          area->size.width + 4, area->size.height + 4, 4);
  gdk_cairo_set_source_rgba (cr, &style->focus);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The smallest 1, 2, 2.5 or 5 × 10^k step that covers [@min, @max] in at
 * most @max_ticks ticks on multiples of itself. */
static double
nice_step (double min,
           double max,
           guint  max_ticks)
{
  static const double multipliers[] = { 1, 2, 2.5, 5 };
  double magnitude = pow (10, floor (log10 ((max - min) / (max_ticks - 1))));

  for (;; magnitude *= 10)
    {
      for (guint i = 0; i < G_N_ELEMENTS (multipliers); i++)
        {
          double step = multipliers[i] * magnitude;
          double ticks = ceil (max / step - 1e-9) - floor (min / step + 1e-9) + 1;

          if (ticks <= max_ticks)
            return step;
        }
    }
}

void
fid_chart_scale_init (FidChartScale *scale,
                      double         min,
                      double         max,
                      guint          max_ticks,
                      gboolean       from_zero)
{
  if (!isfinite (min) || !isfinite (max))
    min = max = 0;
  if (from_zero)
    {
      min = MIN (min, 0);
      max = MAX (max, 0);
    }
  if (max <= min)
    {
      /* A single value: an axis around it (or 0..1 for nothing). */
      double spread = fabs (max) > 0 ? fabs (max) * 0.5 : 1.0;

      if (from_zero && min >= 0)
        max = min + spread * 2;
      else
        {
          min -= spread;
          max += spread;
        }
    }

  max_ticks = MAX (max_ticks, 3);
  scale->step = nice_step (min, max, max_ticks);
  /* The small epsilon keeps 0.30000000000000004 from adding a tick. */
  scale->min = floor (min / scale->step + 1e-9) * scale->step;
  scale->max = ceil (max / scale->step - 1e-9) * scale->step;
  scale->first = scale->min;
  scale->n_ticks = (guint) lround ((scale->max - scale->min) / scale->step) + 1;
}

void
fid_chart_scale_make_integral (FidChartScale *scale)
{
  if (scale->step >= 1)
    return;

  scale->step = 1;
  scale->min = floor (scale->min + 1e-9);
  scale->max = MAX (ceil (scale->max - 1e-9), scale->min + 1);
  scale->first = scale->min;
  scale->n_ticks = (guint) lround (scale->max - scale->min) + 1;
}

void
fid_chart_scale_init_exact (FidChartScale *scale,
                            double         min,
                            double         max,
                            guint          max_ticks)
{
  if (!isfinite (min) || !isfinite (max) || max <= min)
    {
      fid_chart_scale_init (scale, min, max, max_ticks, FALSE);
      return;
    }

  max_ticks = MAX (max_ticks, 3);
  scale->min = min;
  scale->max = max;
  scale->step = nice_step (min, max, max_ticks);
  scale->first = ceil (min / scale->step - 1e-9) * scale->step;
  scale->n_ticks = (guint) floor ((max - scale->first) / scale->step + 1e-9) + 1;
}

double
fid_chart_scale_fraction (const FidChartScale *scale,
                          double               value)
{
  if (scale->max <= scale->min)
    return 0;

  return (value - scale->min) / (scale->max - scale->min);
}

static double
scale_tick (const FidChartScale *scale,
            guint                i)
{
  double value = scale->first + i * scale->step;

  /* No "-0" on an axis. */
  return fabs (value) < scale->step * 1e-9 ? 0.0 : value;
}

static double
widest_tick (const FidChartStyle *style,
             const FidChartScale *scale,
             FidChartFormat       format)
{
  double widest = 0;

  for (guint i = 0; i < scale->n_ticks; i++)
    {
      g_autofree char *text = fid_chart_format_tick (scale_tick (scale, i), format, scale);
      double width;

      fid_chart_text_size (style, FID_CHART_FONT_LABEL, text, &width, NULL);
      widest = MAX (widest, width);
    }

  return widest;
}

/* Label every n-th tick so labels keep @room between them. */
static guint
tick_stride (const FidChartScale *scale,
             double               length,
             double               room)
{
  double spacing = length * scale->step / MAX (scale->max - scale->min, 1e-12);

  return spacing >= room ? 1 : (guint) ceil (room / MAX (spacing, 1e-6));
}

void
fid_chart_axes_layout (FidChartAxes        *axes,
                       const FidChartStyle *style,
                       double               width,
                       double               height,
                       double               top)
{
  double label_height, name_height, left, bottom, right;

  fid_chart_text_size (style, FID_CHART_FONT_LABEL, "0", NULL, &label_height);
  fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, "Ag", NULL, &name_height);

  left = widest_tick (style, axes->y_scale, axes->y_format) + FID_CHART_GAP;
  if (axes->y_label != NULL && axes->y_label[0])
    left += name_height + FID_CHART_GAP;

  bottom = label_height + FID_CHART_GAP;
  if (axes->x_label != NULL && axes->x_label[0])
    bottom += name_height + FID_CHART_GAP;

  /* Room for half of the top tick label and of the last x tick label. */
  top += label_height / 2;
  right = FID_CHART_PAD;
  if (axes->x_scale != NULL)
    {
      double last_tick = scale_tick (axes->x_scale, axes->x_scale->n_ticks - 1);
      g_autofree char *last = fid_chart_format_tick (last_tick, axes->x_format, axes->x_scale);
      double last_width;

      fid_chart_text_size (style, FID_CHART_FONT_LABEL, last, &last_width, NULL);
      right = MAX (right, last_width / 2);
    }

  graphene_rect_init (&axes->plot, left, top,
                      MAX (width - left - right, 1), MAX (height - top - bottom, 1));
}

double
fid_chart_axes_x (const FidChartAxes *axes,
                  double              fraction)
{
  return axes->plot.origin.x + fraction * axes->plot.size.width;
}

double
fid_chart_axes_y (const FidChartAxes *axes,
                  double              fraction)
{
  return axes->plot.origin.y + (1.0 - fraction) * axes->plot.size.height;
}

void
fid_chart_axes_band (const FidChartAxes *axes,
                     guint               index,
                     double             *x,
                     double             *width)
{
  double band = axes->plot.size.width / MAX (axes->n_categories, 1);
  double padding = band * axes->band_padding;

  *x = axes->plot.origin.x + index * band + padding / 2;
  *width = band - padding;
}

static void
draw_categories (const FidChartAxes  *axes,
                 cairo_t             *cr,
                 const FidChartStyle *style,
                 double               y)
{
  double band = axes->plot.size.width / MAX (axes->n_categories, 1);
  double widest = 0;
  guint every = 1;

  for (guint i = 0; i < axes->n_categories; i++)
    {
      double width;

      fid_chart_text_size (style, FID_CHART_FONT_LABEL, axes->categories[i], &width, NULL);
      widest = MAX (widest, width);
    }

  /* Labels that do not fit: ellipsized in wide bands, else every n-th. */
  if (widest > band - 4 && band < 48)
    every = (guint) ceil ((MIN (widest, 96) + 4) / band);

  for (guint i = 0; i < axes->n_categories; i += every)
    fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->secondary,
                         axes->categories[i],
                         axes->plot.origin.x + (i + 0.5) * band, y, 0.5, 0,
                         band * every - 4);
}

void
fid_chart_axes_draw (const FidChartAxes  *axes,
                     cairo_t             *cr,
                     const FidChartStyle *style,
                     gboolean             x_grid)
{
  const graphene_rect_t *plot = &axes->plot;
  double bottom = plot->origin.y + plot->size.height;
  double label_height, name_height, tick_width;
  guint every;

  fid_chart_text_size (style, FID_CHART_FONT_LABEL, "0", NULL, &label_height);
  fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, "Ag", NULL, &name_height);
  tick_width = widest_tick (style, axes->y_scale, axes->y_format);

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);

  /* Horizontal grid lines on the y ticks, aligned on pixel centres; in a
   * short plot only every n-th tick is labelled. */
  every = tick_stride (axes->y_scale, plot->size.height, 1.6 * label_height);
  for (guint i = 0; i < axes->y_scale->n_ticks; i++)
    {
      double value = scale_tick (axes->y_scale, i);
      double y = round (fid_chart_axes_y (axes, fid_chart_scale_fraction (axes->y_scale, value))) + 0.5;
      g_autofree char *text = NULL;

      gdk_cairo_set_source_rgba (cr, value == 0 ? &style->secondary : &style->grid);
      cairo_move_to (cr, plot->origin.x, y);
      cairo_line_to (cr, plot->origin.x + plot->size.width, y);
      cairo_stroke (cr);

      if (i % every != 0)
        continue;
      text = fid_chart_format_tick (value, axes->y_format, axes->y_scale);
      fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->secondary, text,
                           plot->origin.x - FID_CHART_GAP, y, 1.0, 0.5, 0);
    }

  if (axes->x_scale != NULL)
    {
      every = tick_stride (axes->x_scale, plot->size.width,
                           widest_tick (style, axes->x_scale, axes->x_format) + 2 * FID_CHART_GAP);
      for (guint i = 0; i < axes->x_scale->n_ticks; i++)
        {
          double value = scale_tick (axes->x_scale, i);
          double x = round (fid_chart_axes_x (axes, fid_chart_scale_fraction (axes->x_scale, value))) + 0.5;
          g_autofree char *text = NULL;

          if (x_grid)
            {
              gdk_cairo_set_source_rgba (cr, &style->grid);
              cairo_move_to (cr, x, plot->origin.y);
              cairo_line_to (cr, x, bottom);
              cairo_stroke (cr);
            }
          if (i % every != 0)
            continue;
          text = fid_chart_format_tick (value, axes->x_format, axes->x_scale);
          fid_chart_draw_text (cr, style, FID_CHART_FONT_LABEL, &style->secondary, text,
                               x, bottom + FID_CHART_GAP, 0.5, 0, 0);
        }
    }
  else
    draw_categories (axes, cr, style, bottom + FID_CHART_GAP);

  /* Axis names: x centred under the labels, y turned along the left. */
  if (axes->x_label != NULL && axes->x_label[0])
    fid_chart_draw_text (cr, style, FID_CHART_FONT_SUBTITLE, &style->secondary, axes->x_label,
                         plot->origin.x + plot->size.width / 2,
                         bottom + FID_CHART_GAP + label_height + FID_CHART_GAP, 0.5, 0,
                         plot->size.width);
  if (axes->y_label != NULL && axes->y_label[0])
    fid_chart_draw_text_vertical (cr, style, FID_CHART_FONT_SUBTITLE, &style->secondary,
                                  axes->y_label,
                                  plot->origin.x - 2 * FID_CHART_GAP - tick_width - name_height / 2,
                                  plot->origin.y + plot->size.height / 2, plot->size.height);

  cairo_restore (cr);
}

#define SWATCH 10.0
#define LEGEND_SPACING 16.0

/* Calls @place for each legend item with its position; returns the height. */
static double
legend_flow (const FidChartStyle *style,
             const char * const  *names,
             guint                n_names,
             double               width,
             cairo_t             *cr,
             double               x0,
             double               y0)
{
  double line_height, x = 0, y = 0;

  if (n_names == 0)
    return 0;

  fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, "Ag", NULL, &line_height);

  for (guint i = 0; i < n_names; i++)
    {
      double text_width, item_width;

      fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, names[i], &text_width, NULL);
      item_width = MIN (SWATCH + 4 + text_width, width);
      if (x > 0 && x + item_width > width)
        {
          x = 0;
          y += line_height + 2;
        }

      if (cr != NULL)
        {
          fid_chart_rounded_rect (cr, x0 + x, y0 + y + (line_height - SWATCH) / 2, SWATCH, SWATCH, 2);
          gdk_cairo_set_source_rgba (cr, fid_chart_style_get_series_color (style, i));
          cairo_fill (cr);
          fid_chart_draw_text (cr, style, FID_CHART_FONT_SUBTITLE, &style->foreground, names[i],
                               x0 + x + SWATCH + 4, y0 + y, 0, 0, item_width - SWATCH - 4);
        }
      x += item_width + LEGEND_SPACING;
    }

  return y + line_height;
}

double
fid_chart_legend_height (const FidChartStyle *style,
                         const char * const  *names,
                         guint                n_names,
                         double               width)
{
  return legend_flow (style, names, n_names, width, NULL, 0, 0);
}

void
fid_chart_legend_draw (cairo_t             *cr,
                       const FidChartStyle *style,
                       const char * const  *names,
                       guint                n_names,
                       double               x,
                       double               y,
                       double               width)
{
  legend_flow (style, names, n_names, width, cr, x, y);
}

char **
fid_chart_strv_copy (const char * const *strings,
                     guint               n)
{
  char **copy = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (strings != NULL && strings[i] != NULL ? strings[i] : "");

  return copy;
}

void
fid_chart_table_add_row (GListStore         *rows,
                         const char * const *cells,
                         guint               n_cells)
{
  g_autoptr(GtkStringList) row = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_cells; i++)
    gtk_string_list_append (row, cells[i] != NULL ? cells[i] : "");
  g_list_store_append (rows, row);
}

/* @value with up to @decimals decimals, trailing zeros dropped, grouped
 * digits and a true minus sign. */
static char *
format_trimmed (double value,
                int    decimals)
{
  const char *point = localeconv ()->decimal_point;
  g_autofree char *text = NULL;
  gsize point_len = point != NULL ? strlen (point) : 0;

  if (fabs (value) < 0.5 * pow (10, -decimals))
    value = 0;
  text = g_strdup_printf ("%'.*f", decimals, fabs (value));

  if (decimals > 0 && point_len > 0 && strstr (text, point) != NULL)
    {
      gsize len = strlen (text);

      while (len > 0 && text[len - 1] == '0')
        text[--len] = '\0';
      if (len >= point_len && strcmp (text + len - point_len, point) == 0)
        text[len - point_len] = '\0';
    }

  return value < 0 ? g_strconcat ("\u2212", text, NULL) : g_steal_pointer (&text);
}

/* @value in thousands or millions when @reference is that large: the
 * unit follows the reference (an axis' largest tick), so all the ticks of
 * an axis share it. About three significant digits. */
static char *
format_compact (double value,
                double reference)
{
  double magnitude = MAX (fabs (value), fabs (reference));
  g_autofree char *number = NULL;
  double scaled;

  /* Zero needs no unit: "0", not "0 k". */
  if (value == 0 || magnitude < 1e4)
    return format_trimmed (value, fabs (value) >= 100 ? 0 : 2);

  scaled = value / (magnitude >= 1e6 ? 1e6 : 1e3);
  number = format_trimmed (scaled, fabs (scaled) >= 100 ? 0 : fabs (scaled) >= 10 ? 1 : 2);

  if (magnitude >= 1e6)
    /* Translators: millions on a chart ("3.5 M"); %s is the number */
    return g_strdup_printf (_("%s\u202fM"), number);

  /* Translators: thousands on a chart ("12 k"); %s is the number */
  return g_strdup_printf (_("%s\u202fk"), number);
}

static char *
format_value (double         value,
              FidChartFormat format,
              gboolean       compact,
              double         reference)
{
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup ("—");

  switch (format)
    {
    case FID_CHART_FORMAT_INTEGER:
      return compact ? format_compact (round (value), reference) : format_trimmed (round (value), 0);

    case FID_CHART_FORMAT_PERCENT:
      number = format_trimmed (value * 100, compact ? 1 : 2);
      /* Translators: a percentage; use your language's spacing */
      return g_strdup_printf (_("%s\u202f%%"), number);

    case FID_CHART_FORMAT_MONEY:
      if (!compact)
        return fid_format_money ((gint64) llround (value * 100));
      number = format_compact (value, reference);
      return g_strdup_printf ("%s\u00a0€", number);

    case FID_CHART_FORMAT_NUMBER:
    default:
      return compact ? format_compact (value, reference) : format_trimmed (value, 2);
    }
}

char *
fid_chart_format_tick (double               value,
                       FidChartFormat       format,
                       const FidChartScale *scale)
{
  double reference = MAX (fabs (scale->min), fabs (scale->max));

  /* Ticks of a small scale keep their decimals (0.25, 0.5…). */
  if (format != FID_CHART_FORMAT_PERCENT && reference < 1e4)
    {
      /* A step of 2.5 keeps its half (2.5, 5, 7.5); whole steps none. */
      int decimals = scale->step < 1 ? 2 : (fabs (scale->step - round (scale->step)) > 1e-9 ? 1 : 0);
      g_autofree char *number = format_trimmed (value, decimals);

      return format == FID_CHART_FORMAT_MONEY ? g_strdup_printf ("%s\u00a0€", number)
                                              : g_steal_pointer (&number);
    }

  return format_value (value, format, TRUE, reference);
}

char *
fid_chart_format_value (double         value,
                        FidChartFormat format,
                        gboolean       compact)
{
  return format_value (value, format, compact, 0);
}
