/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* FidChartStyle: everything a chart needs to paint that is not data —
 * colours and fonts — so that one drawing function serves the screen
 * (light or dark, following AdwStyleManager), image/SVG/PDF exports and
 * paper. A plain boxed struct: read its fields, do not change them. */

#define FID_TYPE_CHART_STYLE (fid_chart_style_get_type ())

/* The Okabe–Ito palette has eight colours; series beyond wrap around. */
#define FID_CHART_N_SERIES_COLORS 8

typedef enum
{
  FID_CHART_FONT_TITLE,     /* the chart's title */
  FID_CHART_FONT_SUBTITLE,  /* subtitle, axis names, legend */
  FID_CHART_FONT_LABEL,     /* tick labels, value labels, cell texts */
  FID_CHART_FONT_SMALL,     /* footnotes, secondary lines */
  FID_CHART_FONT_EMPHASIS,  /* a count in a cell or a quadrant (bold) */
  FID_CHART_FONT_HUGE,      /* the value of a KPI tile */
  FID_CHART_N_FONTS
} FidChartFont;

typedef struct _FidChartStyle FidChartStyle;

struct _FidChartStyle
{
  gboolean               dark;

  GdkRGBA                background;
  GdkRGBA                foreground;   /* titles, values, axes */
  GdkRGBA                secondary;    /* tick labels, subtitles */
  GdkRGBA                grid;         /* grid lines, empty cells' border */
  GdkRGBA                empty_cell;   /* a grid cell without customers */
  GdkRGBA                focus;        /* the highlighted element's outline */
  GdkRGBA                positive;     /* a change for the better */
  GdkRGBA                negative;     /* a change for the worse */
  GdkRGBA                series[FID_CHART_N_SERIES_COLORS];

  PangoFontDescription  *fonts[FID_CHART_N_FONTS];

  /* Text is measured and laid out in this context for every target, so a
   * chart's geometry (and its hit testing) only depends on its size. */
  PangoContext          *context;
};

GType          fid_chart_style_get_type         (void) G_GNUC_CONST;

/* @font_name: a Pango font description ("Cantarell 11"); NULL: "Sans 11". */
FidChartStyle *fid_chart_style_new              (gboolean             dark,
                                                 const char          *font_name);
/* Dark or light as the widget's AdwStyleManager says, in its font. */
FidChartStyle *fid_chart_style_for_widget       (GtkWidget           *widget);
/* Light, for paper, in the default GTK font when there is a display. */
FidChartStyle *fid_chart_style_for_print        (void);
FidChartStyle *fid_chart_style_copy             (const FidChartStyle *self);
void           fid_chart_style_free             (FidChartStyle       *self);

/* The @index-th series colour (wraps around). */
const GdkRGBA *fid_chart_style_get_series_color (const FidChartStyle *self,
                                                 guint                index);
/* The sequential ramp (light to dark blue on light; dark to light on
 * dark) at @t in 0..1: its luminance is monotonic in @t. */
void           fid_chart_style_get_ramp_color   (const FidChartStyle *self,
                                                 double               t,
                                                 GdkRGBA             *color);
/* Black or white, whichever reads better on @background. */
void           fid_chart_style_get_text_color_on (const FidChartStyle *self,
                                                  const GdkRGBA       *background,
                                                  GdkRGBA             *color);
/* @color blended towards the background by 1 - @amount (a tint). */
void           fid_chart_style_get_tint         (const FidChartStyle *self,
                                                 const GdkRGBA       *color,
                                                 double               amount,
                                                 GdkRGBA             *tint);

/* The WCAG relative luminance of @color (0 black .. 1 white). */
double         fid_chart_color_luminance        (const GdkRGBA       *color);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidChartStyle, fid_chart_style_free)

G_END_DECLS
