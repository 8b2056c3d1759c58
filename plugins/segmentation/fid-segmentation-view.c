/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSegmentationView: draws a FidSegmentation with the chart library and
 * turns a click on the chart into the list of the customers behind it.
 * Everything the charts show is summed here once, when the result
 * arrives; the charts then only scale (DESIGN.md §8). */

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "fid-bar-chart.h"
#include "fid-chart-view.h"
#include "fid-format.h"
#include "fid-grid-chart.h"
#include "fid-histogram.h"
#include "fid-matrix-chart.h"
#include "fid-pareto-chart.h"
#include "fid-rfm.h"
#include "fid-segment-labels.h"
#include "fid-segmentation.h"
#include "fid-segmentation-view.h"
#include "fid-window.h"

#define HISTOGRAM_BINS 20

/* Quadrants of FidMatrixChart: 0 top left, 1 top right, 2 bottom left,
 * 3 bottom right; x grows to the right, y upwards. */
static const char * const profitability_quadrants[4] = {
  "underdeveloped", "desirables", "undesirables", "mature"
};
static const char * const loyalty_quadrants[4] = {
  "latent_loyalty", "true_loyalty", "no_loyalty", "spurious_loyalty"
};

struct _FidSegmentationView
{
  FidAnalyticsView  parent_instance;

  FidSegmentation  *segmentation;
  GtkWidget        *content;      /* this result's widgets, first in the box */
  FidChart         *chart;
  double           *edges;        /* histogram bin edges (HISTOGRAM_BINS + 1) */
};

G_DEFINE_FINAL_TYPE (FidSegmentationView, fid_segmentation_view, FID_TYPE_ANALYTICS_VIEW)

static const char *
scheme (FidSegmentationView *self)
{
  return fid_segmentation_get_scheme (self->segmentation);
}

static gboolean
scheme_is (FidSegmentationView *self,
           const char          *name)
{
  return g_strcmp0 (scheme (self), name) == 0;
}

static int
column (FidSegmentationView *self,
        const char          *name)
{
  return fid_segmentation_find_column (self->segmentation, name);
}

/* Opening the customers ------------------------------------------------- */

static void
show_customers (GtkWidget  *widget,
                const char *label,
                GArray     *ids)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (FID_IS_WINDOW (root) && ids != NULL && ids->len > 0)
    fid_window_show_customers (FID_WINDOW (root), label, ids);
}

/* Ids of the customers whose @segment is @key. */
static GArray *
segment_ids (FidSegmentationView *self,
             const char          *key)
{
  int segment = fid_segmentation_find_segment (self->segmentation, key);

  return segment >= 0 ? fid_segmentation_dup_segment_ids (self->segmentation, segment) : NULL;
}

static char *
segment_selection_label (FidSegmentationView *self,
                         const char          *key)
{
  g_autofree char *date = fid_format_date (fid_segmentation_get_as_of (self->segmentation));

  /* Translators: the customer list's bar: "RFM: Champions, as of 30 June 2026". */
  return g_strdup_printf (_("%s: %s, as of %s"), fid_segment_scheme_label (scheme (self)),
                          fid_segment_label (scheme (self), key), date);
}

GArray *
fid_segmentation_view_dup_element_ids (FidSegmentationView *self,
                                       guint                index,
                                       char               **label)
{
  FidSegmentation *s;
  GArray *ids = NULL;
  const char *key = NULL;

  g_return_val_if_fail (FID_IS_SEGMENTATION_VIEW (self), NULL);

  s = self->segmentation;
  if (label != NULL)
    *label = NULL;
  if (s == NULL)
    return NULL;

  if (scheme_is (self, "rfm") || scheme_is (self, "frat"))
    {
      /* Rows are F 5..1 from the top, columns R 1..5. */
      int f = 5 - (int) (index / 5), r = (int) (index % 5) + 1;
      const gint64 *rs = fid_segmentation_get_int_column (s, column (self, "r"));
      const gint64 *fs = fid_segmentation_get_int_column (s, column (self, "f"));
      const gint64 *all = fid_segmentation_get_ids (s);

      if (index >= 25)
        return NULL;
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (gsize i = 0; i < fid_segmentation_get_size (s); i++)
        if (rs[i] == r && fs[i] == f)
          g_array_append_val (ids, all[i]);
      if (label != NULL)
        {
          g_autofree char *date = fid_format_date (fid_segmentation_get_as_of (s));
          const char *name = fid_segment_label (scheme (self),
                                                fid_rfm_segment_keys ()[fid_rfm_segment_for (r, f)]);

          /* Translators: "RFM: R 5 · F 4, Champions, as of 30 June 2026". */
          *label = g_strdup_printf (_("%s: R %d · F %d, %s, as of %s"),
                                    fid_segment_scheme_label (scheme (self)), r, f, name, date);
        }
      return ids;
    }
  else if (scheme_is (self, "abc"))
    key = index == 0 ? "A" : index == 1 ? "B" : index == 2 ? "C" : NULL;
  else if (scheme_is (self, "profitability"))
    key = index < 4 ? profitability_quadrants[index] : NULL;
  else if (scheme_is (self, "loyalty"))
    key = index < 4 ? loyalty_quadrants[index] : NULL;
  else if (scheme_is (self, "lifecycle"))
    key = index < fid_segmentation_get_n_segments (s) ? fid_segmentation_get_segment_key (s, index) : NULL;
  else if (scheme_is (self, "clv") && self->edges != NULL && index < HISTOGRAM_BINS)
    {
      int c = column (self, "clv_course");
      const gint64 *all = fid_segmentation_get_ids (s);
      double low = self->edges[index], high = self->edges[index + 1];

      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (gsize i = 0; c >= 0 && i < fid_segmentation_get_size (s); i++)
        {
          double v = fid_segmentation_get_value (s, c, i) / 100.0;

          /* The first and last bins hold the extremes (build_clv). */
          if ((v >= low || index == 0) && (v < high || index == HISTOGRAM_BINS - 1))
            g_array_append_val (ids, all[i]);
        }
      if (label != NULL)
        {
          g_autofree char *from = fid_format_money ((gint64) llround (low * 100));
          g_autofree char *to = fid_format_money ((gint64) llround (high * 100));

          *label = g_strdup_printf (_("Lifetime value from %s to %s"), from, to);
        }
      return ids;
    }

  if (key == NULL)
    return NULL;
  ids = segment_ids (self, key);
  if (label != NULL)
    *label = segment_selection_label (self, key);
  return ids;
}

static void
on_element_activated_cb (FidChart            *chart,
                         guint                index,
                         FidSegmentationView *self)
{
  g_autofree char *label = NULL;
  g_autoptr(GArray) ids = fid_segmentation_view_dup_element_ids (self, index, &label);

  show_customers (GTK_WIDGET (self), label, ids);
}

static void
on_show_segment_clicked_cb (GtkButton           *button,
                            FidSegmentationView *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "segment");
  g_autofree char *label = segment_selection_label (self, key);
  g_autoptr(GArray) ids = segment_ids (self, key);

  show_customers (GTK_WIDGET (self), label, ids);
}

/* Building each chart ---------------------------------------------------- */

static void
build_rfm (FidSegmentationView *self)
{
  static const char * const rows[] = { "F 5", "F 4", "F 3", "F 2", "F 1" };
  static const char * const columns[] = { "R 1", "R 2", "R 3", "R 4", "R 5" };
  FidSegmentation *s = self->segmentation;
  const gint64 *rs = fid_segmentation_get_int_column (s, column (self, "r"));
  const gint64 *fs = fid_segmentation_get_int_column (s, column (self, "f"));
  const gint64 *money = fid_segmentation_get_int_column (s, column (self, "monetary"));
  guint64 counts[25] = { 0 };
  double means[25];

  for (guint i = 0; i < 25; i++)
    means[i] = 0;
  for (gsize i = 0; i < fid_segmentation_get_size (s); i++)
    {
      guint cell;

      if (rs[i] < 1 || rs[i] > 5 || fs[i] < 1 || fs[i] > 5)
        continue;  /* lost: below the grid */
      cell = (5 - fs[i]) * 5 + (rs[i] - 1);
      counts[cell]++;
      means[cell] += money[i] / 100.0;
    }
  for (guint i = 0; i < 25; i++)
    means[i] = counts[i] > 0 ? means[i] / counts[i] : NAN;

  self->chart = fid_grid_chart_new ();
  fid_grid_chart_set_data (FID_GRID_CHART (self->chart), 5, 5, rows, columns, counts, means);
  fid_grid_chart_set_value_name (FID_GRID_CHART (self->chart), _("Mean monetary value"), FID_CHART_FORMAT_MONEY);
  fid_chart_set_x_label (self->chart, _("Recency score (5: most recent)"));
  fid_chart_set_y_label (self->chart, _("Frequency score (5: most frequent)"));
}

static void
build_abc (FidSegmentationView *self)
{
  GVariant *curve = fid_segmentation_get_extra (self->segmentation, "pareto");
  GVariant *a = fid_segmentation_get_extra (self->segmentation, "a_percent");
  GVariant *b = fid_segmentation_get_extra (self->segmentation, "b_percent");
  const char *names[] = { _("A"), _("B"), _("C") };
  double limits[3] = { 0.10, 0.35, 1.0 };
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));

  if (a != NULL)
    limits[0] = g_variant_get_uint32 (a) / 100.0;
  if (b != NULL)
    limits[1] = g_variant_get_uint32 (b) / 100.0;
  if (curve != NULL)
    {
      GVariantIter iter;
      double x, y;

      g_variant_iter_init (&iter, curve);
      while (g_variant_iter_next (&iter, "(dd)", &x, &y))
        {
          g_array_append_val (xs, x);
          g_array_append_val (ys, y);
        }
    }

  self->chart = fid_pareto_chart_new ();
  if (fid_segmentation_get_size (self->segmentation) > 0)
    {
      fid_pareto_chart_set_curve (FID_PARETO_CHART (self->chart), (double *) xs->data, (double *) ys->data, xs->len);
      fid_pareto_chart_set_bands (FID_PARETO_CHART (self->chart), limits, names, 3);
    }
  fid_chart_set_x_label (self->chart, _("Share of customers, best first"));
  fid_chart_set_y_label (self->chart, _("Share of revenue"));
}

/* A 2×2 matrix from four segment keys; the flagged customers of every
 * quadrant but the first key's are counted, so that a reference customer
 * is never read as "not a priority" without a warning. */
static void
build_matrix (FidSegmentationView *self,
              const char * const  *quadrants,
              const char          *priority_key,
              int                  money_column)
{
  FidSegmentation *s = self->segmentation;
  guint n = fid_segmentation_get_n_segments (s);
  g_autofree guint64 *counts = g_new0 (guint64, n);
  g_autofree double *sums = g_new0 (double, n);
  g_autofree guint64 *flagged = g_new0 (guint64, n);
  int flags = column (self, "flags");
  gsize total = 0;

  fid_segmentation_count (s, counts, money_column, sums);
  if (flags >= 0)
    {
      const gint64 *f = fid_segmentation_get_int_column (s, flags);
      const guint8 *segments = fid_segmentation_get_segments (s);

      for (gsize i = 0; i < fid_segmentation_get_size (s); i++)
        if (f[i] != 0 && segments[i] < n)
          flagged[segments[i]]++;
    }

  self->chart = fid_matrix_chart_new ();
  for (guint q = 0; q < 4; q++)
    {
      int segment = fid_segmentation_find_segment (s, quadrants[q]);
      g_autofree char *money = NULL;
      g_autofree char *detail = NULL;

      if (segment < 0)
        continue;
      total += counts[segment];
      money = money_column >= 0 ? fid_format_money ((gint64) llround (sums[segment])) : NULL;
      if (money != NULL)
        /* Translators: a quadrant's second line: the margin of its customers. */
        detail = g_strdup_printf (_("Margin %s"), money);
      if (flagged[segment] > 0 && g_strcmp0 (quadrants[q], priority_key) != 0)
        {
          /* Customers flagged as reference, fast-growing or of another
           * division: never "not a priority" without a second look. */
          g_autofree char *line = detail;

          detail = g_strdup_printf (ngettext ("%s · ⚑ %" PRIu64 " flagged",
                                              "%s · ⚑ %" PRIu64 " flagged",
                                              flagged[segment]),
                                    line != NULL ? line : "", flagged[segment]);
        }
      fid_matrix_chart_set_quadrant (FID_MATRIX_CHART (self->chart), q,
                                     fid_segment_label (scheme (self), quadrants[q]),
                                     counts[segment], detail, q);
    }
  if (total == 0)
    fid_matrix_chart_clear (FID_MATRIX_CHART (self->chart));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Lifetime values are very skewed (a few customers worth a hundred times
 * the median): the bins span the 1st to the 99th percentile, and the
 * values beyond fall in the first or last bin, so the bulk stays legible. */
static void
build_clv (FidSegmentationView *self)
{
  FidSegmentation *s = self->segmentation;
  int c = column (self, "clv_course");
  guint64 counts[HISTOGRAM_BINS] = { 0 };
  gsize n = fid_segmentation_get_size (s);
  g_autofree double *sorted = NULL;
  double low, high;

  self->chart = fid_histogram_new ();
  fid_histogram_set_format (FID_HISTOGRAM (self->chart), FID_CHART_FORMAT_MONEY);
  fid_chart_set_x_label (self->chart, _("Lifetime value (course form); first and last bars include the extremes"));
  fid_chart_set_y_label (self->chart, _("Customers"));
  if (n == 0 || c < 0)
    return;

  sorted = g_new (double, n);
  for (gsize i = 0; i < n; i++)
    sorted[i] = fid_segmentation_get_value (s, c, i) / 100.0;
  qsort (sorted, n, sizeof (double), compare_doubles);
  low = sorted[(gsize) (0.01 * (n - 1))];
  high = sorted[(gsize) (0.99 * (n - 1))];
  if (high <= low)
    high = low + 1;

  self->edges = g_new (double, HISTOGRAM_BINS + 1);
  for (guint b = 0; b <= HISTOGRAM_BINS; b++)
    self->edges[b] = low + (high - low) * b / HISTOGRAM_BINS;
  for (gsize i = 0; i < n; i++)
    {
      int bin = (int) floor ((sorted[i] - low) / (high - low) * HISTOGRAM_BINS);

      counts[CLAMP (bin, 0, HISTOGRAM_BINS - 1)]++;
    }
  fid_histogram_set_bins (FID_HISTOGRAM (self->chart), self->edges, counts, HISTOGRAM_BINS);
}

static void
build_bars (FidSegmentationView *self)
{
  FidSegmentation *s = self->segmentation;
  guint n = fid_segmentation_get_n_segments (s);
  g_autofree guint64 *counts = g_new0 (guint64, n);
  g_autofree double *values = g_new0 (double, n);
  g_autofree const char **labels = g_new0 (const char *, n + 1);

  fid_segmentation_count (s, counts, -1, NULL);
  for (guint i = 0; i < n; i++)
    {
      values[i] = counts[i];
      labels[i] = fid_segment_label (scheme (self), fid_segmentation_get_segment_key (s, i));
    }
  self->chart = fid_bar_chart_new ();
  if (fid_segmentation_get_size (s) > 0)
    fid_bar_chart_set_data (FID_BAR_CHART (self->chart), labels, values, n);
  fid_bar_chart_set_format (FID_BAR_CHART (self->chart), FID_CHART_FORMAT_INTEGER);
  fid_chart_set_y_label (self->chart, _("Customers"));
}

/* A button under the chart for a segment the chart does not draw (RFM's
 * lost customers, loyalty's unmeasured ones). */
static void
add_segment_button (FidSegmentationView *self,
                    GtkBox              *box,
                    const char          *key,
                    const char          *title)
{
  int segment = fid_segmentation_find_segment (self->segmentation, key);
  g_autofree guint64 *counts = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  GtkWidget *button;

  if (segment < 0)
    return;
  counts = g_new0 (guint64, fid_segmentation_get_n_segments (self->segmentation));
  fid_segmentation_count (self->segmentation, counts, -1, NULL);
  if (counts[segment] == 0)
    return;
  count = fid_format_count (counts[segment]);
  /* Translators: a button: "Show Lost Customers (1 234)". */
  text = g_strdup_printf (_("%s (%s)"), title, count);
  button = gtk_button_new_with_label (text);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "segment", (gpointer) key);
  g_signal_connect (button, "clicked", G_CALLBACK (on_show_segment_clicked_cb), self);
  gtk_box_append (box, button);
}

/* The lifecycle's actions, under its bars: what each stage calls for. */
static void
add_actions (FidSegmentationView *self,
             GtkBox              *box)
{
  GtkWidget *grid = gtk_grid_new ();
  guint row = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint i = 0; i < fid_segmentation_get_n_segments (self->segmentation); i++)
    {
      const char *key = fid_segmentation_get_segment_key (self->segmentation, i);
      GtkWidget *stage = gtk_label_new (fid_segment_label ("lifecycle", key));
      GtkWidget *action = gtk_label_new (fid_lifecycle_action_label (key));

      gtk_label_set_xalign (GTK_LABEL (stage), 0);
      gtk_label_set_xalign (GTK_LABEL (action), 0);
      gtk_widget_add_css_class (stage, "heading");
      gtk_widget_add_css_class (action, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), stage, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), action, 1, row, 1, 1);
      row++;
    }
  gtk_box_append (box, grid);
}

static void
add_clv_means (FidSegmentationView *self,
               GtkBox              *box)
{
  FidSegmentation *s = self->segmentation;
  int course = column (self, "clv_course"), retention = column (self, "clv_retention");
  double sum_course = 0, sum_retention = 0;
  gsize n = fid_segmentation_get_size (s);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (n == 0 || course < 0 || retention < 0)
    return;
  for (gsize i = 0; i < n; i++)
    {
      sum_course += fid_segmentation_get_value (s, course, i);
      sum_retention += fid_segmentation_get_value (s, retention, i);
    }
  a = fid_format_money ((gint64) llround (sum_course / n));
  b = fid_format_money ((gint64) llround (sum_retention / n));
  text = g_strdup_printf (_("Mean lifetime value: %s by the course’s form (direct profit and potential, weighted by reliability); %s by the retention form m·r / (1 + d − r)."),
                          a, b);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (box, label);
}

static void
on_export_response_cb (GtkNativeDialog     *native,
                       int                  response,
                       FidSegmentationView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  FILE *out;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || self->segmentation == NULL)
    return;

  path = g_file_get_path (file);
  out = path != NULL ? g_fopen (path, "w") : NULL;
  if (out == NULL)
    g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno),
                 _("Could not write “%s”: %s"), path ? path : "?", g_strerror (errno));
  else
    {
      fid_segmentation_write_csv (self->segmentation, out, &error);
      if (fclose (out) != 0 && error == NULL)
        g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno),
                     _("Could not write “%s”: %s"), path, g_strerror (errno));
    }
  if (error != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (FID_IS_WINDOW (root))
        {
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          fid_window_add_toast (FID_WINDOW (root), adw_toast_new (escaped));
        }
    }
}

static void
on_export_clicked_cb (GtkButton           *button,
                      FidSegmentationView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (_("Export Customers"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s-%s.csv", scheme (self), fid_segmentation_get_as_of (self->segmentation));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
fid_segmentation_view_result_changed (FidAnalyticsView   *view,
                                      FidAnalyticsResult *result)
{
  FidSegmentationView *self = FID_SEGMENTATION_VIEW (view);
  GtkBox *box = fid_analytics_view_get_box (view);
  GObject *data = result != NULL ? fid_analytics_result_get_data (result) : NULL;
  g_autofree char *date = NULL;
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *content, *chart_view, *export;

  /* The table below the chart. */
  FID_ANALYTICS_VIEW_CLASS (fid_segmentation_view_parent_class)->result_changed (view, result);

  if (self->content != NULL)
    gtk_box_remove (box, self->content);
  self->content = NULL;
  self->chart = NULL;
  g_clear_pointer (&self->edges, g_free);
  g_clear_object (&self->segmentation);
  if (!FID_IS_SEGMENTATION (data))
    return;
  self->segmentation = g_object_ref (FID_SEGMENTATION (data));

  if (scheme_is (self, "rfm") || scheme_is (self, "frat"))
    build_rfm (self);
  else if (scheme_is (self, "abc"))
    build_abc (self);
  else if (scheme_is (self, "profitability"))
    {
      build_matrix (self, profitability_quadrants, "desirables", column (self, "margin"));
      fid_chart_set_x_label (self->chart, _("Current profitability"));
      fid_chart_set_y_label (self->chart, _("Potential profitability"));
    }
  else if (scheme_is (self, "loyalty"))
    {
      build_matrix (self, loyalty_quadrants, NULL, -1);
      fid_chart_set_x_label (self->chart, _("Repeat purchase"));
      fid_chart_set_y_label (self->chart, _("Relative attitude"));
    }
  else if (scheme_is (self, "clv"))
    build_clv (self);
  else
    build_bars (self);

  date = fid_format_date (fid_segmentation_get_as_of (self->segmentation));
  count = fid_format_count (fid_segmentation_get_size (self->segmentation));
  subtitle = g_strdup_printf (_("%s customers, as of %s"), count, date);
  fid_chart_set_title (self->chart, fid_segment_scheme_label (scheme (self)));
  fid_chart_set_subtitle (self->chart, subtitle);
  fid_chart_set_empty_text (self->chart, _("No customer has a transaction in this window"));
  gtk_widget_set_size_request (fid_chart_get_widget (self->chart), -1, 460);
  g_signal_connect (self->chart, "element-activated", G_CALLBACK (on_element_activated_cb), self);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  chart_view = fid_chart_view_new (self->chart);
  gtk_box_append (GTK_BOX (content), chart_view);
  if (scheme_is (self, "rfm") || scheme_is (self, "frat"))
    add_segment_button (self, GTK_BOX (content), "lost", _("Show Lost Customers"));
  else if (scheme_is (self, "loyalty"))
    add_segment_button (self, GTK_BOX (content), "not_measured", _("Show Customers Without a Satisfaction Answer"));
  else if (scheme_is (self, "lifecycle"))
    add_actions (self, GTK_BOX (content));
  else if (scheme_is (self, "clv"))
    add_clv_means (self, GTK_BOX (content));

  export = gtk_button_new_with_mnemonic (_("E_xport Customers…"));
  gtk_widget_set_tooltip_text (export, _("One line per customer, as CSV"));
  gtk_widget_set_halign (export, GTK_ALIGN_START);
  g_signal_connect (export, "clicked", G_CALLBACK (on_export_clicked_cb), self);
  gtk_box_append (GTK_BOX (content), export);

  self->content = content;
  gtk_box_prepend (box, content);
}

static void
fid_segmentation_view_dispose (GObject *object)
{
  FidSegmentationView *self = FID_SEGMENTATION_VIEW (object);

  g_clear_object (&self->segmentation);
  g_clear_pointer (&self->edges, g_free);

  G_OBJECT_CLASS (fid_segmentation_view_parent_class)->dispose (object);
}

static void
fid_segmentation_view_class_init (FidSegmentationViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fid_segmentation_view_dispose;
  FID_ANALYTICS_VIEW_CLASS (klass)->result_changed = fid_segmentation_view_result_changed;
}

static void
fid_segmentation_view_init (FidSegmentationView *self)
{
}

FidChart *
fid_segmentation_view_get_chart (FidSegmentationView *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION_VIEW (self), NULL);
  return self->chart;
}

/* The migration matrix ---------------------------------------------------- */

typedef struct
{
  char  *scheme;
  char  *from;
  char  *to;
  GStrv  from_keys;
  GStrv  to_keys;
} Migration;

static void
migration_free (Migration *m)
{
  g_free (m->scheme);
  g_free (m->from);
  g_free (m->to);
  g_strfreev (m->from_keys);
  g_strfreev (m->to_keys);
  g_free (m);
}

static void
on_migration_activated_cb (FidChart  *chart,
                           guint      index,
                           Migration *m)
{
  guint n_to = g_strv_length (m->to_keys);
  const char *from_key = m->from_keys[index / n_to];
  const char *to_key = m->to_keys[index % n_to];
  GtkRoot *root = gtk_widget_get_root (fid_chart_get_widget (chart));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_date = fid_format_date (m->from);
  g_autofree char *to_date = fid_format_date (m->to);
  g_autofree char *label = NULL;
  FidStore *store;

  /* Customers absent from one snapshot cannot be listed from it. */
  if (!FID_IS_WINDOW (root) || from_key[0] == '\0' || to_key[0] == '\0')
    return;
  store = fid_window_get_store (FID_WINDOW (root));
  if (store == NULL)
    return;
  ids = fid_store_list_snapshot_members (store, m->scheme, m->from, from_key, m->to, to_key, &error);
  if (ids == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      fid_window_add_toast (FID_WINDOW (root), adw_toast_new (escaped));
      return;
    }
  /* Translators: "RFM: Champions on 31 May 2026, At Risk on 30 June 2026". */
  label = g_strdup_printf (_("%s: %s on %s, %s on %s"), fid_segment_scheme_label (m->scheme),
                           fid_segment_label (m->scheme, from_key), from_date,
                           fid_segment_label (m->scheme, to_key), to_date);
  show_customers (fid_chart_get_widget (chart), label, ids);
}

static char **
segment_labels (const char *scheme_name,
                GStrv       keys)
{
  guint n = g_strv_length (keys);
  char **labels = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    labels[i] = g_strdup (keys[i][0] == '\0' ? _("Not in snapshot") : fid_segment_label (scheme_name, keys[i]));
  return labels;
}

static const char *rank_scheme;

static int
compare_by_rank (gconstpointer a,
                 gconstpointer b)
{
  int x = fid_segment_rank (rank_scheme, *(const char * const *) a);
  int y = fid_segment_rank (rank_scheme, *(const char * const *) b);

  return (x > y) - (x < y);
}

/* @keys in the scheme's natural order (the store sorts them by name). */
static GStrv
ordered_keys (const char *scheme_name,
              GStrv       keys)
{
  GStrv copy = g_strdupv (keys);

  rank_scheme = scheme_name;  /* main thread only */
  qsort (copy, g_strv_length (copy), sizeof (char *), compare_by_rank);
  return copy;
}

static guint
key_index (GStrv       keys,
           const char *key)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_equal (keys[i], key))
      return i;
  g_return_val_if_reached (0);
}

GtkWidget *
fid_segmentation_view_new_migration (const char         *scheme_name,
                                     const char         *from_taken_on,
                                     const char         *to_taken_on,
                                     const FidMigration *migration)
{
  g_auto(GStrv) from_keys = ordered_keys (scheme_name, migration->from_keys);
  g_auto(GStrv) to_keys = ordered_keys (scheme_name, migration->to_keys);
  g_auto(GStrv) row_labels = segment_labels (scheme_name, from_keys);
  g_auto(GStrv) column_labels = segment_labels (scheme_name, to_keys);
  guint n_from = g_strv_length (from_keys), n_to = g_strv_length (to_keys);
  g_autofree guint64 *counts = g_new0 (guint64, MAX (n_from * n_to, 1));
  g_autofree char *from_date = fid_format_date (from_taken_on);
  g_autofree char *to_date = fid_format_date (to_taken_on);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *stayed = NULL;
  Migration *m = g_new0 (Migration, 1);
  FidChart *chart = fid_grid_chart_new ();
  double share;

  for (guint r = 0; r < n_from; r++)
    for (guint c = 0; c < n_to; c++)
      counts[key_index (from_keys, migration->from_keys[r]) * n_to + key_index (to_keys, migration->to_keys[c])] =
        migration->counts[r * n_to + c];

  m->scheme = g_strdup (scheme_name);
  m->from = g_strdup (from_taken_on);
  m->to = g_strdup (to_taken_on);
  m->from_keys = g_strdupv (from_keys);
  m->to_keys = g_strdupv (to_keys);

  fid_grid_chart_set_data (FID_GRID_CHART (chart), n_from, n_to,
                           (const char * const *) row_labels, (const char * const *) column_labels,
                           counts, NULL);
  fid_grid_chart_set_value_name (FID_GRID_CHART (chart), _("Customers"), FID_CHART_FORMAT_INTEGER);
  share = migration->in_both > 0 ? (double) migration->stayed / migration->in_both : 0;
  stayed = fid_chart_format_value (share, FID_CHART_FORMAT_PERCENT, FALSE);
  /* Translators: the migration matrix's title: "RFM: segment migration". */
  title = g_strdup_printf (_("%s: segment migration"), fid_segment_scheme_label (scheme_name));
  subtitle = g_strdup_printf (_("From %s to %s: %s stayed in their segment"),
                              from_date, to_date, stayed);
  fid_chart_set_title (chart, title);
  fid_chart_set_subtitle (chart, subtitle);
  fid_chart_set_x_label (chart, to_date);
  fid_chart_set_y_label (chart, from_date);
  gtk_widget_set_size_request (fid_chart_get_widget (chart), -1, 520);
  g_signal_connect_data (chart, "element-activated", G_CALLBACK (on_migration_activated_cb), m,
                         (GClosureNotify) (void (*) (void)) migration_free, 0);
  return fid_chart_view_new (chart);
}
