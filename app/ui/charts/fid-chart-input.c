/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidChart's input: the pointer hovering an element highlights it and its
 * tooltip gives the exact value; a click activates it. The keyboard moves
 * the highlight (Left/Right, Home/End) and activates it (Enter, Space);
 * since GTK 4.8 has no keyboard tooltips, a keyboard highlight draws the
 * value in a small callout beside the element instead. */

#include "config.h"

#include <pango/pangocairo.h>

#include "fid-chart-private.h"

/* The on-screen areas of the elements, in widget coordinates. */
GArray *
fid_chart_get_screen_areas (FidChart *self)
{
  FidChartClass *klass = FID_CHART_GET_CLASS (self);
  FidChartPrivate *priv = fid_chart_get_private (self);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  const FidChartStyle *style = fid_chart_get_style (self);
  graphene_rect_t inner;

  if (priv->areas != NULL && priv->areas_width == width && priv->areas_height == height)
    return priv->areas;

  fid_chart_forget_areas (self);
  priv->areas = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  priv->areas_width = width;
  priv->areas_height = height;

  if (klass->layout_elements == NULL || fid_chart_is_empty (self))
    return priv->areas;

  fid_chart_get_inner_area (self, style, width, height, priv->show_title, &inner);
  klass->layout_elements (self, inner.size.width, inner.size.height, style, priv->areas);
  for (guint i = 0; i < priv->areas->len; i++)
    graphene_rect_offset (&g_array_index (priv->areas, graphene_rect_t, i),
                          inner.origin.x, inner.origin.y);

  return priv->areas;
}

gboolean
fid_chart_get_keyboard_highlight (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_private (self);

  return priv->highlight_from_keyboard;
}

void
fid_chart_highlight (FidChart *self,
                     int       index,
                     gboolean  from_keyboard)
{
  FidChartPrivate *priv = fid_chart_get_private (self);

  if (index < 0 || (guint) index >= fid_chart_get_n_elements (self))
    index = -1;
  if (priv->highlighted == index && priv->highlight_from_keyboard == from_keyboard)
    return;

  priv->highlighted = index;
  priv->highlight_from_keyboard = from_keyboard;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
fid_chart_get_highlighted (FidChart *self)
{
  FidChartPrivate *priv = fid_chart_get_private (self);

  g_return_val_if_fail (FID_IS_CHART (self), -1);

  return priv->highlighted;
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              FidChart                 *self)
{
  int index = fid_chart_hit_test (self, gtk_widget_get_width (GTK_WIDGET (self)),
                                  gtk_widget_get_height (GTK_WIDGET (self)), x, y, NULL);

  /* Moving over empty space keeps what the keyboard chose. */
  if (index >= 0 || !fid_chart_get_keyboard_highlight (self))
    fid_chart_highlight (self, index, FALSE);
}

static void
on_leave_cb (GtkEventControllerMotion *motion,
             FidChart                 *self)
{
  if (!fid_chart_get_keyboard_highlight (self))
    fid_chart_highlight (self, -1, FALSE);
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     FidChart   *self)
{
  FidChartClass *klass = FID_CHART_GET_CLASS (self);
  g_autofree char *text = NULL;
  GArray *areas;
  int index;

  if (keyboard_mode)
    {
      index = fid_chart_get_highlighted (self);
      if (index >= 0 && klass->get_element_text != NULL)
        text = klass->get_element_text (self, index);
    }
  else
    index = fid_chart_hit_test (self, gtk_widget_get_width (widget),
                                gtk_widget_get_height (widget), x, y, &text);

  if (index < 0 || text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  /* Leaving the element asks again, so the text follows the pointer. */
  areas = fid_chart_get_screen_areas (self);
  if ((guint) index < areas->len)
    {
      const graphene_rect_t *area = &g_array_index (areas, graphene_rect_t, index);
      GdkRectangle rect = {
        (int) floor (area->origin.x), (int) floor (area->origin.y),
        (int) ceil (area->size.width), (int) ceil (area->size.height),
      };

      gtk_tooltip_set_tip_area (tooltip, &rect);
    }

  return TRUE;
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      FidChart        *self)
{
  if (n_press != 1)
    return;

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  if (fid_chart_click_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
move_highlight (FidChart *self,
                int       delta,
                gboolean  to_end)
{
  int n = (int) fid_chart_get_n_elements (self);
  int highlighted = fid_chart_get_highlighted (self);
  int index;

  if (n == 0)
    return;

  if (to_end)
    index = delta < 0 ? 0 : n - 1;
  else if (highlighted < 0)
    index = delta < 0 ? n - 1 : 0;
  else
    index = CLAMP (highlighted + delta, 0, n - 1);

  fid_chart_highlight (self, index, TRUE);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *key,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   FidChart              *self)
{
  int highlighted = fid_chart_get_highlighted (self);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_highlight (self, -1, FALSE);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_highlight (self, 1, FALSE);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move_highlight (self, -1, TRUE);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move_highlight (self, 1, TRUE);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (highlighted < 0)
        return FALSE;
      fid_chart_activate_element (self, highlighted);
      return TRUE;

    case GDK_KEY_Escape:
      if (highlighted < 0)
        return FALSE;
      fid_chart_highlight (self, -1, FALSE);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_focus_leave_cb (GtkEventControllerFocus *focus,
                   FidChart                *self)
{
  if (fid_chart_get_keyboard_highlight (self))
    fid_chart_highlight (self, -1, FALSE);
}

void
fid_chart_setup_input (FidChart *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The exact value of the highlighted element in a small inverted label
 * above it: what a keyboard user gets instead of a tooltip. */
void
fid_chart_draw_callout (FidChart              *self,
              cairo_t               *cr,
              const FidChartStyle   *style,
              const graphene_rect_t *area,
              const graphene_rect_t *bounds)
{
  FidChartClass *klass = FID_CHART_GET_CLASS (self);
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double w, h, x, y;

  if (klass->get_element_text == NULL)
    return;
  text = klass->get_element_text (self, fid_chart_get_highlighted (self));
  if (text == NULL)
    return;

  layout = fid_chart_text_layout (style, FID_CHART_FONT_LABEL, text);
  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE + 12;
  h = (double) logical.height / PANGO_SCALE + 8;

  x = area->origin.x + area->size.width / 2 - w / 2;
  y = area->origin.y - h - 6;
  if (y < bounds->origin.y)
    y = MIN (area->origin.y + area->size.height + 6,
             bounds->origin.y + bounds->size.height - h);
  x = CLAMP (x, bounds->origin.x, MAX (bounds->origin.x, bounds->origin.x + bounds->size.width - w));

  cairo_save (cr);
  fid_chart_rounded_rect (cr, x, y, w, h, 4);
  gdk_cairo_set_source_rgba (cr, &style->foreground);
  cairo_fill (cr);
  gdk_cairo_set_source_rgba (cr, &style->background);
  cairo_move_to (cr, x + 6 - (double) logical.x / PANGO_SCALE, y + 4 - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
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
  int index;

  g_return_val_if_fail (FID_IS_CHART (self), FALSE);

  index = fid_chart_hit_test (self, gtk_widget_get_width (GTK_WIDGET (self)),
                              gtk_widget_get_height (GTK_WIDGET (self)), x, y, NULL);
  if (index < 0)
    return FALSE;

  fid_chart_highlight (self, index, FALSE);
  fid_chart_activate_element (self, index);

  return TRUE;
}
