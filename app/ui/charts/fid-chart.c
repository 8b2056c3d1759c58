/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidChart: what every chart shares — the title and axis names, the empty
 * state, the one drawing path (fid_chart_draw_to) used by the snapshot and
 * by every export, hovering, keyboard navigation and activation, and the
 * screen reader's description.
 *
 * A chart is a plain object (no display needed); FidChartWidget shows it
 * on screen, handing a cairo node to the same function the exports call
 * (fid-chart-widget.c). It is told to redraw only when the data, the
 * style or the highlight change.
 *
 * Geometry is a function of the size: every subclass lays its elements out
 * from its normalised data and the style's fonts, so hit testing (hover,
 * click) finds exactly the rectangles drawing used. The screen's element
 * areas are kept until the size, data or style change. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-chart-private.h"

/* Space around the chart on every side. */
#define OUTER_PAD 12.0


enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_X_LABEL,
  PROP_Y_LABEL,
  PROP_EMPTY_TEXT,
  PROP_SHOW_TITLE,
  N_PROPS
};

enum {
  ELEMENT_ACTIVATED,
  DATA_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (FidChart, fid_chart, G_TYPE_INITIALLY_UNOWNED)

FidChartPrivate *
fid_chart_get_private (FidChart *self)
{
  return fid_chart_get_instance_private (self);
}

void
fid_chart_forget_areas (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_clear_pointer (&priv->areas, g_array_unref);
}

void
fid_chart_queue_redraw (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  if (priv->widget != NULL)
    gtk_widget_queue_draw (priv->widget);
}

void
fid_chart_reset_style (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_clear_pointer (&priv->style, fid_chart_style_free);
  fid_chart_forget_areas (self);
  fid_chart_queue_redraw (self);
}

double
fid_chart_get_header_height (FidChart            *self,
                             const FidChartStyle *style,
                             gboolean             with_title)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);
  double height = 0, line;

  if (!with_title || FID_CHART_GET_CLASS (self)->draws_title)
    return 0;

  if (priv->title != NULL && priv->title[0])
    {
      fid_chart_text_size (style, FID_CHART_FONT_TITLE, priv->title, NULL, &line);
      height += line;
    }
  if (priv->subtitle != NULL && priv->subtitle[0])
    {
      fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, priv->subtitle, NULL, &line);
      height += line + 2;
    }

  return height > 0 ? height + 2 * FID_CHART_GAP : 0;
}

void
fid_chart_get_inner_area (FidChart            *self,
                          const FidChartStyle *style,
                          double               width,
                          double               height,
                          gboolean             with_title,
                          graphene_rect_t     *inner)
{
  /* Whole units, so that lines the charts put on pixel centres land there. */
  double header = ceil (fid_chart_get_header_height (self, style, with_title));

  graphene_rect_init (inner, OUTER_PAD, OUTER_PAD + header,
                      MAX (width - 2 * OUTER_PAD, 1),
                      MAX (height - 2 * OUTER_PAD - header, 1));
}

static void
draw_header (FidChart            *self,
             cairo_t             *cr,
             double               width,
             const FidChartStyle *style)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);
  double y = OUTER_PAD, line;

  if (priv->title != NULL && priv->title[0])
    {
      fid_chart_draw_text (cr, style, FID_CHART_FONT_TITLE, &style->foreground, priv->title,
                           OUTER_PAD, y, 0, 0, width - 2 * OUTER_PAD);
      fid_chart_text_size (style, FID_CHART_FONT_TITLE, priv->title, NULL, &line);
      y += line + 2;
    }
  if (priv->subtitle != NULL && priv->subtitle[0])
    fid_chart_draw_text (cr, style, FID_CHART_FONT_SUBTITLE, &style->secondary, priv->subtitle,
                         OUTER_PAD, y, 0, 0, width - 2 * OUTER_PAD);
}

/* @on_screen: the widget's own drawing — its title only if shown, the
 * highlight, and no background (the container's shows through). */
static void
draw_full (FidChart            *self,
           cairo_t             *cr,
           double               width,
           double               height,
           const FidChartStyle *style,
           gboolean             on_screen)
{
  FidChartClass *klass = FID_CHART_GET_CLASS (self);
  FidChartPrivate *priv = fid_chart_get_instance_private (self);
  gboolean with_title = !on_screen || priv->show_title;
  gboolean with_highlight = on_screen;
  graphene_rect_t inner;

  cairo_save (cr);

  if (!on_screen)
    {
      gdk_cairo_set_source_rgba (cr, &style->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  if (with_title && !klass->draws_title)
    draw_header (self, cr, width, style);

  fid_chart_get_inner_area (self, style, width, height, with_title, &inner);
  cairo_translate (cr, inner.origin.x, inner.origin.y);

  if (fid_chart_is_empty (self))
    {
      fid_chart_draw_text (cr, style, FID_CHART_FONT_SUBTITLE, &style->secondary,
                           priv->empty_text, inner.size.width / 2, inner.size.height / 2,
                           0.5, 0.5, inner.size.width);
    }
  else
    {
      klass->draw (self, cr, inner.size.width, inner.size.height, style);

      if (with_highlight && priv->highlighted >= 0 && klass->layout_elements != NULL)
        {
          g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

          klass->layout_elements (self, inner.size.width, inner.size.height, style, areas);
          if ((guint) priv->highlighted < areas->len)
            {
              const graphene_rect_t *area = &g_array_index (areas, graphene_rect_t, priv->highlighted);
              graphene_rect_t bounds = GRAPHENE_RECT_INIT (-inner.origin.x, -inner.origin.y, width, height);

              fid_chart_draw_focus (cr, style, area);
              if (priv->highlight_from_keyboard)
                fid_chart_draw_callout (self, cr, style, area, &bounds);
            }
        }
    }

  cairo_restore (cr);
}

static int
fid_chart_real_hit_test (FidChart            *self,
                         double               width,
                         double               height,
                         const FidChartStyle *style,
                         double               x,
                         double               y,
                         char               **tooltip)
{
  FidChartClass *klass = FID_CHART_GET_CLASS (self);
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);

  if (klass->layout_elements == NULL)
    return -1;

  klass->layout_elements (self, width, height, style, areas);
  for (guint i = 0; i < areas->len; i++)
    {
      if (graphene_rect_contains_point (&g_array_index (areas, graphene_rect_t, i), &point))
        {
          if (tooltip != NULL && klass->get_element_text != NULL)
            *tooltip = klass->get_element_text (self, i);
          return (int) i;
        }
    }

  return -1;
}

static gboolean
fid_chart_real_is_empty (FidChart *self)
{
  return fid_chart_get_n_elements (self) == 0;
}

void
fid_chart_draw_on_screen (FidChart *self,
                          cairo_t  *cr,
                          double    width,
                          double    height)
{
  draw_full (self, cr, width, height, fid_chart_get_style (self), TRUE);
}

static void
fid_chart_real_get_size_hint (FidChart       *self,
                              GtkOrientation  orientation,
                              int            *minimum,
                              int            *natural)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 320;
}

static void
fid_chart_finalize (GObject *object)
{
  FidChart *self = FID_CHART (object);
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_free (priv->title);
  g_free (priv->subtitle);
  g_free (priv->x_label);
  g_free (priv->y_label);
  g_free (priv->empty_text);
  g_clear_pointer (&priv->style, fid_chart_style_free);
  g_clear_pointer (&priv->areas, g_array_unref);

  G_OBJECT_CLASS (fid_chart_parent_class)->finalize (object);
}

static void
fid_chart_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FidChart *self = FID_CHART (object);
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, priv->subtitle);
      break;
    case PROP_X_LABEL:
      g_value_set_string (value, priv->x_label);
      break;
    case PROP_Y_LABEL:
      g_value_set_string (value, priv->y_label);
      break;
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, priv->empty_text);
      break;
    case PROP_SHOW_TITLE:
      g_value_set_boolean (value, priv->show_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_chart_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FidChart *self = FID_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      fid_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      fid_chart_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_X_LABEL:
      fid_chart_set_x_label (self, g_value_get_string (value));
      break;
    case PROP_Y_LABEL:
      fid_chart_set_y_label (self, g_value_get_string (value));
      break;
    case PROP_EMPTY_TEXT:
      fid_chart_set_empty_text (self, g_value_get_string (value));
      break;
    case PROP_SHOW_TITLE:
      fid_chart_set_show_title (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_chart_class_init (FidChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_chart_finalize;
  object_class->get_property = fid_chart_get_property;
  object_class->set_property = fid_chart_set_property;

  klass->hit_test = fid_chart_real_hit_test;
  klass->is_empty = fid_chart_real_is_empty;
  klass->get_size_hint = fid_chart_real_get_size_hint;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_X_LABEL] =
    g_param_spec_string ("x-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_Y_LABEL] =
    g_param_spec_string ("y-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TITLE] =
    g_param_spec_boolean ("show-title", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An element was clicked or activated with the keyboard. */
  signals[ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* The data changed (a table showing it is filled again). */
  signals[DATA_CHANGED] =
    g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fid_chart_init (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  priv->show_title = TRUE;
  priv->highlighted = -1;
  priv->empty_text = g_strdup (_("No data"));
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

/* Title or axis names changed: the layout moves with them. */
static void
texts_changed (FidChart *self,
               guint     prop)
{
  fid_chart_forget_areas (self);
  fid_chart_queue_redraw (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
fid_chart_get_title (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHART (self), NULL);

  return priv->title;
}

void
fid_chart_set_title (FidChart   *self,
                     const char *title)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_if_fail (FID_IS_CHART (self));

  if (!set_string (&priv->title, title))
    return;

  texts_changed (self, PROP_TITLE);
  if (priv->widget != NULL)
    fid_chart_widget_sync_accessible (FID_CHART_WIDGET (priv->widget));
}

const char *
fid_chart_get_subtitle (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHART (self), NULL);

  return priv->subtitle;
}

void
fid_chart_set_subtitle (FidChart   *self,
                        const char *subtitle)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_if_fail (FID_IS_CHART (self));

  if (set_string (&priv->subtitle, subtitle))
    texts_changed (self, PROP_SUBTITLE);
}

const char *
fid_chart_get_x_label (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHART (self), NULL);

  return priv->x_label;
}

void
fid_chart_set_x_label (FidChart   *self,
                       const char *x_label)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_if_fail (FID_IS_CHART (self));

  if (set_string (&priv->x_label, x_label))
    texts_changed (self, PROP_X_LABEL);
}

const char *
fid_chart_get_y_label (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHART (self), NULL);

  return priv->y_label;
}

void
fid_chart_set_y_label (FidChart   *self,
                       const char *y_label)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_if_fail (FID_IS_CHART (self));

  if (set_string (&priv->y_label, y_label))
    texts_changed (self, PROP_Y_LABEL);
}

const char *
fid_chart_get_empty_text (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHART (self), NULL);

  return priv->empty_text;
}

void
fid_chart_set_empty_text (FidChart   *self,
                          const char *empty_text)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_if_fail (FID_IS_CHART (self));

  if (empty_text == NULL)
    empty_text = _("No data");
  if (!set_string (&priv->empty_text, empty_text))
    return;

  texts_changed (self, PROP_EMPTY_TEXT);
  if (fid_chart_is_empty (self))
    fid_chart_data_changed (self);
}

gboolean
fid_chart_get_show_title (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHART (self), FALSE);

  return priv->show_title;
}

void
fid_chart_set_show_title (FidChart *self,
                          gboolean  show_title)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_if_fail (FID_IS_CHART (self));

  show_title = !!show_title;
  if (priv->show_title == show_title)
    return;

  priv->show_title = show_title;
  texts_changed (self, PROP_SHOW_TITLE);
}

void
fid_chart_draw_to (FidChart            *self,
                   cairo_t             *cr,
                   double               width,
                   double               height,
                   const FidChartStyle *style)
{
  g_return_if_fail (FID_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  draw_full (self, cr, width, height, style != NULL ? style : fid_chart_get_style (self), FALSE);
}

int
fid_chart_hit_test (FidChart  *self,
                    double     width,
                    double     height,
                    double     x,
                    double     y,
                    char     **tooltip)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);
  const FidChartStyle *style;
  graphene_rect_t inner;

  g_return_val_if_fail (FID_IS_CHART (self), -1);

  if (tooltip != NULL)
    *tooltip = NULL;
  if (width <= 0 || height <= 0 || fid_chart_is_empty (self))
    return -1;

  style = fid_chart_get_style (self);
  fid_chart_get_inner_area (self, style, width, height, priv->show_title, &inner);

  return FID_CHART_GET_CLASS (self)->hit_test (self, inner.size.width, inner.size.height, style,
                                               x - inner.origin.x, y - inner.origin.y, tooltip);
}

char *
fid_chart_describe (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);
  FidChartClass *klass;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (FID_IS_CHART (self), NULL);

  klass = FID_CHART_GET_CLASS (self);
  if (fid_chart_is_empty (self))
    summary = g_strdup (priv->empty_text);
  else if (klass->describe != NULL)
    summary = klass->describe (self);

  if (priv->title == NULL || priv->title[0] == '\0')
    return g_steal_pointer (&summary);

  /* Translators: a chart's title, then what it shows */
  return g_strdup_printf (_("%s: %s"), priv->title, summary != NULL ? summary : "");
}

gboolean
fid_chart_is_empty (FidChart *self)
{
  g_return_val_if_fail (FID_IS_CHART (self), TRUE);

  return FID_CHART_GET_CLASS (self)->is_empty (self);
}

guint
fid_chart_get_n_elements (FidChart *self)
{
  FidChartClass *klass;

  g_return_val_if_fail (FID_IS_CHART (self), 0);

  klass = FID_CHART_GET_CLASS (self);

  return klass->get_n_elements != NULL ? klass->get_n_elements (self) : 0;
}

GListModel *
fid_chart_create_table (FidChart   *self,
                        char     ***columns)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GListStore *rows;

  g_return_val_if_fail (FID_IS_CHART (self), NULL);

  rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  if (FID_CHART_GET_CLASS (self)->fill_table != NULL && !fid_chart_is_empty (self))
    FID_CHART_GET_CLASS (self)->fill_table (self, titles, rows);

  if (columns != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (titles));

      *columns = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        (*columns)[i] = g_strdup (gtk_string_list_get_string (titles, i));
    }

  return G_LIST_MODEL (rows);
}

void
fid_chart_activate_element (FidChart *self,
                            guint     index)
{
  g_return_if_fail (FID_IS_CHART (self));
  g_return_if_fail (index < fid_chart_get_n_elements (self));

  g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, index);
}

const FidChartStyle *
fid_chart_get_style (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHART (self), NULL);

  if (priv->style == NULL)
    priv->style = priv->widget != NULL ? fid_chart_style_for_widget (priv->widget)
                                       : fid_chart_style_for_print ();

  return priv->style;
}

void
fid_chart_data_changed (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_if_fail (FID_IS_CHART (self));

  fid_chart_forget_areas (self);
  if (priv->highlighted >= 0 && (guint) priv->highlighted >= fid_chart_get_n_elements (self))
    priv->highlighted = -1;

  if (priv->widget != NULL)
    {
      fid_chart_widget_sync_accessible (FID_CHART_WIDGET (priv->widget));
      gtk_widget_queue_draw (priv->widget);
    }
  g_signal_emit (self, signals[DATA_CHANGED], 0);
}

GtkWidget *
fid_chart_get_widget (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHART (self), NULL);

  /* The widget sets priv->widget and clears it when it goes. */
  if (priv->widget == NULL)
    return fid_chart_widget_new (self);

  return priv->widget;
}

void
fid_chart_set_widget (FidChart  *self,
                      GtkWidget *widget)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  priv->widget = widget;
  g_clear_pointer (&priv->style, fid_chart_style_free);
  fid_chart_forget_areas (self);
}

/* Highlight ---------------------------------------------------------------------------- */

gboolean
fid_chart_get_keyboard_highlight (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  return priv->highlight_from_keyboard;
}

void
fid_chart_highlight (FidChart *self,
                     int       index,
                     gboolean  from_keyboard)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  if (index < 0 || (guint) index >= fid_chart_get_n_elements (self))
    index = -1;
  if (priv->highlighted == index && priv->highlight_from_keyboard == from_keyboard)
    return;

  priv->highlighted = index;
  priv->highlight_from_keyboard = from_keyboard;
  fid_chart_queue_redraw (self);
}

int
fid_chart_get_highlighted (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);

  g_return_val_if_fail (FID_IS_CHART (self), -1);

  return priv->highlighted;
}

void
fid_chart_set_highlighted (FidChart *self,
                           int       index)
{
  g_return_if_fail (FID_IS_CHART (self));

  fid_chart_highlight (self, index, fid_chart_get_keyboard_highlight (self));
}

gboolean
fid_chart_click_at (FidChart *self,
                    double    x,
                    double    y)
{
  FidChartPrivate *priv = fid_chart_get_instance_private (self);
  int index;

  g_return_val_if_fail (FID_IS_CHART (self), FALSE);

  if (priv->widget == NULL)
    return FALSE;

  index = fid_chart_hit_test (self, gtk_widget_get_width (priv->widget),
                              gtk_widget_get_height (priv->widget), x, y, NULL);
  if (index < 0)
    return FALSE;

  fid_chart_highlight (self, index, FALSE);
  fid_chart_activate_element (self, index);

  return TRUE;
}
