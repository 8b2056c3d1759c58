/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidAnalyticsView: a result as a table, or as an analysis draws it. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fid-analytics-view.h"

typedef struct
{
  FidAnalyticsResult *result;
  GtkBox             *box;
  GtkWidget          *table;   /* the GtkGrid's scroller, rebuilt per result */
} FidAnalyticsViewPrivate;

enum {
  PROP_0,
  PROP_RESULT,
  N_PROPS
};

G_DEFINE_TYPE_WITH_PRIVATE (FidAnalyticsView, fid_analytics_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static gboolean
looks_numeric (const char *text)
{
  char *end = NULL;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0';
}

static GtkWidget *
new_cell (const char *text,
          gboolean    header,
          gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");

  return label;
}

/* Cells hold numbers written with a dot (the CSV export's form); on
 * screen they are written the user's way: "1 118 042,98" in French,
 * "1,118,042.98" in English, with as many decimals as the cell has. */
static char *
display_number (const char *cell)
{
  const char *dot = strchr (cell, '.');
  char *end = NULL;
  double value = g_ascii_strtod (cell, &end);

  if (dot == NULL)
    return g_strdup_printf ("%'.0f", value);
  return g_strdup_printf ("%'.*f", (int) strlen (dot + 1), value);
}

static void
fid_analytics_view_real_result_changed (FidAnalyticsView   *self,
                                        FidAnalyticsResult *result)
{
  FidAnalyticsViewPrivate *priv = fid_analytics_view_get_instance_private (self);
  GtkWidget *card;
  GtkGrid *grid;

  if (priv->table != NULL)
    gtk_box_remove (priv->box, priv->table);
  priv->table = NULL;

  if (result == NULL)
    return;

  /* A card holding the grid, with room around the cells. A wide table
   * scrolls sideways on its own rather than widening the page beyond a
   * small window (800 pixels). */
  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_halign (card, GTK_ALIGN_START);
  priv->table = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (priv->table), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (priv->table), TRUE);
  gtk_widget_set_halign (priv->table, GTK_ALIGN_START);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (priv->table), card);
  grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  g_object_set (grid, "margin-top", 12, "margin-bottom", 12, "margin-start", 6, "margin-end", 6, NULL);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (grid));

  for (guint c = 0; c < fid_analytics_result_get_n_columns (result); c++)
    gtk_grid_attach (grid, new_cell (fid_analytics_result_get_column (result, c), TRUE, c > 0),
                     c, 0, 1, 1);
  for (guint r = 0; r < fid_analytics_result_get_n_rows (result); r++)
    for (guint c = 0; c < fid_analytics_result_get_n_columns (result); c++)
      {
        const char *cell = fid_analytics_result_get_cell (result, r, c);
        gboolean numeric = looks_numeric (cell);
        g_autofree char *shown = numeric ? display_number (cell) : g_strdup (cell);

        gtk_grid_attach (grid, new_cell (shown, FALSE, numeric), c, r + 1, 1, 1);
      }

  gtk_box_append (priv->box, priv->table);
}

static void
fid_analytics_view_dispose (GObject *object)
{
  FidAnalyticsView *self = FID_ANALYTICS_VIEW (object);
  FidAnalyticsViewPrivate *priv = fid_analytics_view_get_instance_private (self);

  g_clear_object (&priv->result);

  G_OBJECT_CLASS (fid_analytics_view_parent_class)->dispose (object);
}

static void
fid_analytics_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FidAnalyticsView *self = FID_ANALYTICS_VIEW (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_object (value, fid_analytics_view_get_result (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_analytics_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FidAnalyticsView *self = FID_ANALYTICS_VIEW (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      fid_analytics_view_set_result (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_analytics_view_class_init (FidAnalyticsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fid_analytics_view_dispose;
  object_class->get_property = fid_analytics_view_get_property;
  object_class->set_property = fid_analytics_view_set_property;

  klass->result_changed = fid_analytics_view_real_result_changed;

  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL, FID_TYPE_ANALYTICS_RESULT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_analytics_view_init (FidAnalyticsView *self)
{
  FidAnalyticsViewPrivate *priv = fid_analytics_view_get_instance_private (self);

  priv->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (priv->box));
}

FidAnalyticsView *
fid_analytics_view_new (GType view_type)
{
  if (view_type == G_TYPE_NONE)
    view_type = FID_TYPE_ANALYTICS_VIEW;

  if (!g_type_is_a (view_type, FID_TYPE_ANALYTICS_VIEW) || G_TYPE_IS_ABSTRACT (view_type))
    {
      g_warning ("%s is not a FidAnalyticsView: showing the result as a table", g_type_name (view_type));
      view_type = FID_TYPE_ANALYTICS_VIEW;
    }

  return g_object_new (view_type, NULL);
}

FidAnalyticsResult *
fid_analytics_view_get_result (FidAnalyticsView *self)
{
  FidAnalyticsViewPrivate *priv = fid_analytics_view_get_instance_private (self);

  g_return_val_if_fail (FID_IS_ANALYTICS_VIEW (self), NULL);

  return priv->result;
}

void
fid_analytics_view_set_result (FidAnalyticsView   *self,
                               FidAnalyticsResult *result)
{
  FidAnalyticsViewPrivate *priv = fid_analytics_view_get_instance_private (self);

  g_return_if_fail (FID_IS_ANALYTICS_VIEW (self));
  g_return_if_fail (!result || FID_IS_ANALYTICS_RESULT (result));

  if (!g_set_object (&priv->result, result))
    return;

  FID_ANALYTICS_VIEW_GET_CLASS (self)->result_changed (self, result);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

GtkBox *
fid_analytics_view_get_box (FidAnalyticsView *self)
{
  FidAnalyticsViewPrivate *priv = fid_analytics_view_get_instance_private (self);

  g_return_val_if_fail (FID_IS_ANALYTICS_VIEW (self), NULL);

  return priv->box;
}
