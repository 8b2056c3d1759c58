/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidChartWidget: a FidChart on screen, and the chart's input.
 *
 * The snapshot hands a cairo node to the chart's drawing function, the one
 * the exports call: GSK renders cairo nodes at the surface's scale, so the
 * chart is crisp at any scale factor, and GTK keeps the node until the
 * chart asks for a redraw — only when its data, style or highlight change.
 *
 * The pointer hovering an element highlights it and its tooltip gives the
 * exact value; a click activates it. The keyboard moves the highlight
 * (Left/Right, Home/End) and activates it (Enter, Space); since GTK 4.8
 * has no keyboard tooltips, a keyboard highlight draws the value in a
 * small callout beside the element instead. */

#include "config.h"

#include <adwaita.h>
#include <pango/pangocairo.h>

#include "fid-chart-private.h"

struct _FidChartWidget
{
  GtkWidget  parent_instance;

  FidChart  *chart;
  GObject   *style_manager;  /* AdwStyleManager, while realized */
};

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidChartWidget, fid_chart_widget, GTK_TYPE_WIDGET)

GArray *
fid_chart_get_screen_areas (FidChart *self,
                            double    width,
                            double    height)
{
  FidChartClass *klass = FID_CHART_GET_CLASS (self);
  FidChartPrivate *priv = fid_chart_get_private (self);
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

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              FidChartWidget           *self)
{
  int index = fid_chart_hit_test (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                                  gtk_widget_get_height (GTK_WIDGET (self)), x, y, NULL);

  /* Moving over empty space keeps what the keyboard chose. */
  if (index >= 0 || !fid_chart_get_keyboard_highlight (self->chart))
    fid_chart_highlight (self->chart, index, FALSE);
}

static void
on_leave_cb (GtkEventControllerMotion *motion,
             FidChartWidget           *self)
{
  if (!fid_chart_get_keyboard_highlight (self->chart))
    fid_chart_highlight (self->chart, -1, FALSE);
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     FidChartWidget *self)
{
  FidChart *chart = self->chart;
  FidChartClass *klass = FID_CHART_GET_CLASS (chart);
  g_autofree char *text = NULL;
  GArray *areas;
  int index;

  if (keyboard_mode)
    {
      index = fid_chart_get_highlighted (chart);
      if (index >= 0 && klass->get_element_text != NULL)
        text = klass->get_element_text (chart, index);
    }
  else
    index = fid_chart_hit_test (chart, gtk_widget_get_width (widget),
                                gtk_widget_get_height (widget), x, y, &text);

  if (index < 0 || text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  /* Leaving the element asks again, so the text follows the pointer. */
  areas = fid_chart_get_screen_areas (chart, gtk_widget_get_width (widget),
                                      gtk_widget_get_height (widget));
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
                      FidChartWidget  *self)
{
  if (n_press != 1)
    return;

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  if (fid_chart_click_at (self->chart, x, y))
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
                   FidChartWidget        *widget)
{
  FidChart *self = widget->chart;
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
                   FidChartWidget          *self)
{
  if (fid_chart_get_keyboard_highlight (self->chart))
    fid_chart_highlight (self->chart, -1, FALSE);
}

static void
setup_input (FidChartWidget *self)
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

/* The widget ------------------------------------------------------------------------- */

static void
on_style_changed_cb (GObject        *object,
                     GParamSpec     *pspec,
                     FidChartWidget *self)
{
  fid_chart_reset_style (self->chart);
}

static void
fid_chart_widget_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  FidChartWidget *self = FID_CHART_WIDGET (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  fid_chart_draw_on_screen (self->chart, cr, width, height);
  cairo_destroy (cr);
}

static void
fid_chart_widget_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  FidChartWidget *self = FID_CHART_WIDGET (widget);

  FID_CHART_GET_CLASS (self->chart)->get_size_hint (self->chart, orientation, minimum, natural);
}

static void
fid_chart_widget_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  fid_chart_forget_areas (FID_CHART_WIDGET (widget)->chart);
}

static void
fid_chart_widget_realize (GtkWidget *widget)
{
  FidChartWidget *self = FID_CHART_WIDGET (widget);
  AdwStyleManager *manager;

  GTK_WIDGET_CLASS (fid_chart_widget_parent_class)->realize (widget);

  /* Light or dark, and the font, can change while the chart is shown. */
  manager = adw_style_manager_get_for_display (gtk_widget_get_display (widget));
  self->style_manager = G_OBJECT (g_object_ref (manager));
  g_signal_connect_object (self->style_manager, "notify::dark",
                           G_CALLBACK (on_style_changed_cb), self, 0);
  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-font-name",
                           G_CALLBACK (on_style_changed_cb), self, 0);
  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-xft-dpi",
                           G_CALLBACK (on_style_changed_cb), self, 0);
  fid_chart_reset_style (self->chart);
}

static void
fid_chart_widget_unrealize (GtkWidget *widget)
{
  FidChartWidget *self = FID_CHART_WIDGET (widget);

  if (self->style_manager != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->style_manager, on_style_changed_cb, self);
      g_clear_object (&self->style_manager);
    }
  g_signal_handlers_disconnect_by_func (gtk_widget_get_settings (widget), on_style_changed_cb, self);

  GTK_WIDGET_CLASS (fid_chart_widget_parent_class)->unrealize (widget);
}

static void
fid_chart_widget_constructed (GObject *object)
{
  FidChartWidget *self = FID_CHART_WIDGET (object);

  G_OBJECT_CLASS (fid_chart_widget_parent_class)->constructed (object);

  g_assert (FID_IS_CHART (self->chart));
  fid_chart_set_widget (self->chart, GTK_WIDGET (self));
  fid_chart_widget_sync_accessible (self);
}

static void
fid_chart_widget_dispose (GObject *object)
{
  FidChartWidget *self = FID_CHART_WIDGET (object);

  if (self->chart != NULL)
    {
      fid_chart_set_widget (self->chart, NULL);
      g_clear_object (&self->chart);
    }

  G_OBJECT_CLASS (fid_chart_widget_parent_class)->dispose (object);
}

static void
fid_chart_widget_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FidChartWidget *self = FID_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_chart_widget_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FidChartWidget *self = FID_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CHART:
      /* Sinks a new chart: the widget owns it, as a container its child. */
      self->chart = g_object_ref_sink (g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_chart_widget_class_init (FidChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fid_chart_widget_constructed;
  object_class->dispose = fid_chart_widget_dispose;
  object_class->get_property = fid_chart_widget_get_property;
  object_class->set_property = fid_chart_widget_set_property;

  widget_class->snapshot = fid_chart_widget_snapshot;
  widget_class->measure = fid_chart_widget_measure;
  widget_class->size_allocate = fid_chart_widget_size_allocate;
  widget_class->realize = fid_chart_widget_realize;
  widget_class->unrealize = fid_chart_widget_unrealize;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, FID_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fidchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fid_chart_widget_init (FidChartWidget *self)
{
  setup_input (self);
}

GtkWidget *
fid_chart_widget_new (FidChart *chart)
{
  g_return_val_if_fail (FID_IS_CHART (chart), NULL);

  return g_object_new (FID_TYPE_CHART_WIDGET, "chart", chart, NULL);
}

FidChart *
fid_chart_widget_get_chart (FidChartWidget *self)
{
  g_return_val_if_fail (FID_IS_CHART_WIDGET (self), NULL);

  return self->chart;
}

void
fid_chart_widget_sync_accessible (FidChartWidget *self)
{
  const char *title = fid_chart_get_title (self->chart);
  g_autofree char *description = fid_chart_describe (self->chart);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
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
