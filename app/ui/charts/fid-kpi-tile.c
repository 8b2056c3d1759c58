/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidKpiTile: a label, a big value and its change. The tile draws its own
 * label (the chart's title) in its top left corner, like a dashboard card.
 * The arrow's direction carries the sign and its colour whether that is
 * good news, so neither colour vision nor reading the number alone is
 * needed to tell. */

#include "config.h"

#include "fid-chart-private.h"
#include "fid-kpi-tile.h"

#define ARROW_SIZE 10.0

struct _FidKpiTile
{
  FidChart  parent_instance;

  char     *value_text;
  double    change;
  gboolean  higher_is_better;
  gboolean  in_points;   /* a rate's change, in percentage points */
  char     *caption;

  /* Prepared on set. */
  char     *change_text;
};

enum {
  PROP_0,
  PROP_VALUE,
  PROP_CHANGE,
  PROP_HIGHER_IS_BETTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidKpiTile, fid_kpi_tile, FID_TYPE_CHART)

static gboolean
has_change (FidKpiTile *self)
{
  return !isnan (self->change);
}

/* The colour of the change: good, bad or neither. */
static const GdkRGBA *
change_color (FidKpiTile          *self,
              const FidChartStyle *style)
{
  if (self->change == 0)
    return &style->secondary;

  return (self->change > 0) == self->higher_is_better ? &style->positive : &style->negative;
}

static void
fid_kpi_tile_draw (FidChart            *chart,
                   cairo_t             *cr,
                   double               width,
                   double               height,
                   const FidChartStyle *style)
{
  FidKpiTile *self = FID_KPI_TILE (chart);
  const char *label = fid_chart_get_title (chart);
  double label_h, value_h, change_h, y = 0, text_x, caption_x, change_w;
  FidChartFont value_font = FID_CHART_FONT_HUGE;
  double value_w;

  fid_chart_text_size (style, FID_CHART_FONT_SUBTITLE, label, NULL, &label_h);
  fid_chart_draw_text (cr, style, FID_CHART_FONT_SUBTITLE, &style->secondary, label,
                       0, y, 0, 0, width);
  y += label_h + 2;

  /* The value in the biggest font it fits in. */
  fid_chart_text_size (style, value_font, self->value_text, &value_w, &value_h);
  if (value_w > width)
    {
      value_font = FID_CHART_FONT_TITLE;
      fid_chart_text_size (style, value_font, self->value_text, NULL, &value_h);
    }
  fid_chart_draw_text (cr, style, value_font, &style->foreground, self->value_text,
                       0, y, 0, 0, width);
  y += value_h + 2;

  if (!has_change (self))
    return;

  fid_chart_text_size (style, FID_CHART_FONT_EMPHASIS, self->change_text, &change_w, &change_h);
  if (y + change_h > height + 1)
    return;

  /* A triangle up, down, or a bar for no change. */
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, change_color (self, style));
  if (self->change > 0)
    {
      cairo_move_to (cr, 0, y + change_h / 2 + ARROW_SIZE / 2);
      cairo_rel_line_to (cr, ARROW_SIZE, 0);
      cairo_rel_line_to (cr, -ARROW_SIZE / 2, -ARROW_SIZE);
      cairo_close_path (cr);
    }
  else if (self->change < 0)
    {
      cairo_move_to (cr, 0, y + change_h / 2 - ARROW_SIZE / 2);
      cairo_rel_line_to (cr, ARROW_SIZE, 0);
      cairo_rel_line_to (cr, -ARROW_SIZE / 2, ARROW_SIZE);
      cairo_close_path (cr);
    }
  else
    cairo_rectangle (cr, 0, y + change_h / 2 - 1, ARROW_SIZE, 2);
  cairo_fill (cr);
  cairo_restore (cr);

  text_x = ARROW_SIZE + 4;
  fid_chart_draw_text (cr, style, FID_CHART_FONT_EMPHASIS, change_color (self, style), self->change_text,
                       text_x, y, 0, 0, width - text_x);
  caption_x = text_x + change_w + FID_CHART_GAP;
  if (caption_x < width - 24)
    fid_chart_draw_text (cr, style, FID_CHART_FONT_SMALL, &style->secondary, self->caption,
                         caption_x, y + change_h / 2, 0, 0.5, width - caption_x);
}

static void
fid_kpi_tile_layout_elements (FidChart            *chart,
                              double               width,
                              double               height,
                              const FidChartStyle *style,
                              GArray              *areas)
{
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, 0, width, height);

  g_array_append_val (areas, area);
}

static char *
fid_kpi_tile_describe (FidChart *chart)
{
  FidKpiTile *self = FID_KPI_TILE (chart);
  const char *verdict;

  if (!has_change (self))
    return g_strdup (self->value_text);

  if (self->change == 0)
    verdict = _("unchanged");
  else if ((self->change > 0) == self->higher_is_better)
    verdict = self->change > 0 ? _("up, for the better") : _("down, for the better");
  else
    verdict = self->change > 0 ? _("up, for the worse") : _("down, for the worse");

  /* Translators: a key figure: value, change, up/down and good/bad, what it compares with */
  return g_strdup_printf (_("%s, %s %s %s"), self->value_text, self->change_text, verdict,
                          self->caption != NULL ? self->caption : "");
}

static char *
fid_kpi_tile_get_element_text (FidChart *chart,
                               guint     index)
{
  FidKpiTile *self = FID_KPI_TILE (chart);
  g_autofree char *description = fid_kpi_tile_describe (chart);

  if (index > 0 || self->value_text == NULL)
    return NULL;

  return g_strdup_printf (_("%s: %s"), fid_chart_get_title (chart) ? fid_chart_get_title (chart) : "",
                          description);
}

static void
fid_kpi_tile_fill_table (FidChart      *chart,
                         GtkStringList *columns,
                         GListStore    *rows)
{
  FidKpiTile *self = FID_KPI_TILE (chart);
  const char *cells[] = {
    fid_chart_get_title (chart), self->value_text, has_change (self) ? self->change_text : "—",
  };

  gtk_string_list_append (columns, _("Figure"));
  gtk_string_list_append (columns, _("Value"));
  gtk_string_list_append (columns, _("Change"));
  fid_chart_table_add_row (rows, cells, G_N_ELEMENTS (cells));
}

static guint
fid_kpi_tile_get_n_elements (FidChart *chart)
{
  return FID_KPI_TILE (chart)->value_text != NULL ? 1 : 0;
}

static void
fid_kpi_tile_get_size_hint (FidChart       *chart,
                            GtkOrientation  orientation,
                            int            *minimum,
                            int            *natural)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 160 : 104;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 220 : 112;
}

static void
prepare (FidKpiTile *self)
{
  g_autofree char *number = NULL;

  g_clear_pointer (&self->change_text, g_free);
  if (has_change (self))
    {
      const char *sign = self->change > 0 ? "+" : self->change < 0 ? "\u2212" : "±";

      if (self->in_points)
        {
          /* To a tenth of a point, as the percentages beside it. */
          number = fid_chart_format_value (round (fabs (self->change) * 1000) / 10, FID_CHART_FORMAT_NUMBER, TRUE);
          /* Translators: a change in percentage points ("+1.5 pts") */
          self->change_text = g_strdup_printf (_("%s%s\u202fpts"), sign, number);
        }
      else
        {
          number = fid_chart_format_value (fabs (self->change), FID_CHART_FORMAT_PERCENT, TRUE);
          self->change_text = g_strconcat (sign, number, NULL);
        }
    }

  fid_chart_data_changed (FID_CHART (self));
}

static void
fid_kpi_tile_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FidKpiTile *self = FID_KPI_TILE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value_text);
      break;
    case PROP_CHANGE:
      g_value_set_double (value, self->change);
      break;
    case PROP_HIGHER_IS_BETTER:
      g_value_set_boolean (value, self->higher_is_better);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_kpi_tile_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FidKpiTile *self = FID_KPI_TILE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      fid_kpi_tile_set_value (self, g_value_get_string (value));
      break;
    case PROP_CHANGE:
      fid_kpi_tile_set_change (self, g_value_get_double (value));
      break;
    case PROP_HIGHER_IS_BETTER:
      fid_kpi_tile_set_higher_is_better (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_kpi_tile_finalize (GObject *object)
{
  FidKpiTile *self = FID_KPI_TILE (object);

  g_free (self->value_text);
  g_free (self->caption);
  g_free (self->change_text);

  G_OBJECT_CLASS (fid_kpi_tile_parent_class)->finalize (object);
}

static void
fid_kpi_tile_class_init (FidKpiTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FidChartClass *chart_class = FID_CHART_CLASS (klass);

  object_class->finalize = fid_kpi_tile_finalize;
  object_class->get_property = fid_kpi_tile_get_property;
  object_class->set_property = fid_kpi_tile_set_property;

  chart_class->get_size_hint = fid_kpi_tile_get_size_hint;

  chart_class->draw = fid_kpi_tile_draw;
  chart_class->describe = fid_kpi_tile_describe;
  chart_class->fill_table = fid_kpi_tile_fill_table;
  chart_class->get_n_elements = fid_kpi_tile_get_n_elements;
  chart_class->layout_elements = fid_kpi_tile_layout_elements;
  chart_class->get_element_text = fid_kpi_tile_get_element_text;
  chart_class->draws_title = TRUE;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* NAN (no comparison, the initial state) cannot be a GParamSpec default. */
  properties[PROP_CHANGE] =
    g_param_spec_double ("change", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHER_IS_BETTER] =
    g_param_spec_boolean ("higher-is-better", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_kpi_tile_init (FidKpiTile *self)
{
  self->change = NAN;
  self->higher_is_better = TRUE;
  self->caption = g_strdup (_("vs previous period"));
}

FidChart *
fid_kpi_tile_new (const char *label)
{
  return g_object_new (FID_TYPE_KPI_TILE, "title", label, NULL);
}

void
fid_kpi_tile_set_value (FidKpiTile *self,
                        const char *value_text)
{
  g_return_if_fail (FID_IS_KPI_TILE (self));

  if (g_strcmp0 (self->value_text, value_text) == 0)
    return;

  g_free (self->value_text);
  self->value_text = g_strdup (value_text);
  prepare (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
fid_kpi_tile_get_value (FidKpiTile *self)
{
  g_return_val_if_fail (FID_IS_KPI_TILE (self), NULL);

  return self->value_text;
}

void
fid_kpi_tile_set_change (FidKpiTile *self,
                         double      change)
{
  g_return_if_fail (FID_IS_KPI_TILE (self));

  if (self->change == change || (isnan (self->change) && isnan (change)))
    return;

  self->change = change;
  prepare (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGE]);
}

double
fid_kpi_tile_get_change (FidKpiTile *self)
{
  g_return_val_if_fail (FID_IS_KPI_TILE (self), NAN);

  return self->change;
}

void
fid_kpi_tile_set_higher_is_better (FidKpiTile *self,
                                   gboolean    higher_is_better)
{
  g_return_if_fail (FID_IS_KPI_TILE (self));

  higher_is_better = !!higher_is_better;
  if (self->higher_is_better == higher_is_better)
    return;

  self->higher_is_better = higher_is_better;
  prepare (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHER_IS_BETTER]);
}

gboolean
fid_kpi_tile_get_higher_is_better (FidKpiTile *self)
{
  g_return_val_if_fail (FID_IS_KPI_TILE (self), TRUE);

  return self->higher_is_better;
}

void
fid_kpi_tile_set_change_caption (FidKpiTile *self,
                                 const char *caption)
{
  g_return_if_fail (FID_IS_KPI_TILE (self));

  g_free (self->caption);
  self->caption = g_strdup (caption);
  prepare (self);
}

void
fid_kpi_tile_set_change_in_points (FidKpiTile *self,
                                   gboolean    in_points)
{
  g_return_if_fail (FID_IS_KPI_TILE (self));

  in_points = !!in_points;
  if (self->in_points == in_points)
    return;
  self->in_points = in_points;
  prepare (self);
}
