/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The dashboard report: pages drawn by draw_page () onto any cairo_t of
 * the page's size in points — a PDF surface or a print context — so the
 * PDF and the printout are the same document. Text is set with Pango at
 * 72 dpi, so a size in points is that size on paper; the charts are drawn
 * at PRINT_WIDTH logical units and scaled to the page, as a printed chart
 * is (fid-chart-export.c), keeping their proportions to the text. */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fid-chart-style.h"
#include "fid-dashboard-charts.h"
#include "fid-dashboard-report.h"
#include "fid-format.h"

/* A4 landscape, in points. */
#define PAGE_WIDTH   841.89
#define PAGE_HEIGHT  595.28
#define MARGIN       42.0
#define FOOTER       24.0
#define PRINT_WIDTH  960.0

typedef struct
{
  FidDashboard  *dashboard;
  char          *scope;
  char          *generated;     /* the date the report was made */
  GPtrArray     *charts;        /* FidChart, filled */
  FidChartStyle *style;
  char          *font_family;
} Report;

static void
report_free (Report *report)
{
  g_clear_object (&report->dashboard);
  g_free (report->scope);
  g_free (report->generated);
  g_clear_pointer (&report->charts, g_ptr_array_unref);
  g_clear_pointer (&report->style, fid_chart_style_free);
  g_free (report->font_family);
  g_free (report);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Report, report_free)

static Report *
report_new (FidDashboard *dashboard,
            const char   *scope)
{
  Report *report = g_new0 (Report, 1);
  const FidDashboardChartId *ids;
  guint n_ids;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  report->dashboard = g_object_ref (dashboard);
  report->scope = g_strdup (scope != NULL ? scope : _("The whole bank"));
  report->generated = fid_format_date (today);
  report->style = fid_chart_style_for_print ();
  report->font_family = g_strdup (pango_font_description_get_family (report->style->fonts[FID_CHART_FONT_LABEL]));
  report->charts = g_ptr_array_new_with_free_func (g_object_unref);
  ids = fid_dashboard_kind_charts (fid_dashboard_get_filter (dashboard)->kind, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      FidChart *chart = g_object_ref_sink (fid_dashboard_chart_new (ids[i]));

      fid_dashboard_chart_fill (chart, dashboard);
      g_ptr_array_add (report->charts, chart);
    }
  return report;
}

static guint
report_n_pages (Report *report)
{
  /* Title, one page per chart, definitions. */
  return report->charts->len + 2;
}

guint
fid_dashboard_report_get_n_pages (FidDashboard *dashboard)
{
  guint n_charts;

  g_return_val_if_fail (FID_IS_DASHBOARD (dashboard), 0);

  fid_dashboard_kind_charts (fid_dashboard_get_filter (dashboard)->kind, &n_charts);
  return n_charts + 2;
}

/* Text -------------------------------------------------------------------------- */

static PangoLayout *
text_layout (Report     *report,
             cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();

  /* 72 dpi: a size in points is that size on paper. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_font_description_set_family (font, report->font_family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text at (@x, @y), aligned on @xalign (0 left, 1 right) of @x;
 * returns its height. */
static double
draw_text (Report        *report,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           double         size,
           gboolean       bold,
           const GdkRGBA *color,
           double         xalign,
           double         width)
{
  g_autoptr(PangoLayout) layout = text_layout (report, cr, text, size, bold, width);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x - xalign * w, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  return h;
}

static void
draw_footer (Report  *report,
             cairo_t *cr,
             double   width,
             double   height,
             guint    page,
             guint    n_pages)
{
  const FidDashboardFilter *f = fid_dashboard_get_filter (report->dashboard);
  g_autofree char *period = fid_dashboard_format_period (f->start, f->end);
  /* Translators: the report's footer: app, dashboard, period */
  g_autofree char *left = g_strdup_printf (_("Fidelis · %s · %s"), fid_dashboard_kind_title (f->kind), period);
  /* Translators: the report's page number */
  g_autofree char *right = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  double y = height - MARGIN / 2 - 8;

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &report->style->grid);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, y - 6);
  cairo_line_to (cr, width - MARGIN, y - 6);
  cairo_stroke (cr);
  cairo_restore (cr);
  draw_text (report, cr, left, MARGIN, y, 8, FALSE, &report->style->secondary, 0, 0);
  draw_text (report, cr, right, width - MARGIN, y, 8, FALSE, &report->style->secondary, 1, 0);
}

/* The title page ---------------------------------------------------------------- */

static void
draw_title_page (Report  *report,
                 cairo_t *cr,
                 double   width,
                 double   height)
{
  FidDashboard *d = report->dashboard;
  const FidDashboardFilter *f = fid_dashboard_get_filter (d);
  const FidChartStyle *style = report->style;
  g_autofree char *period = fid_dashboard_format_period (f->start, f->end);
  g_autofree char *previous = fid_dashboard_format_period (fid_dashboard_get_previous_start (d),
                                                           fid_dashboard_get_previous_end (d));
  g_autofree char *line_period = NULL;
  g_autofree char *line_made = NULL;
  const char *headers[] = { _("Key figure"), _("Period"), _("Previous period"), _("Change") };
  double columns[] = { MARGIN, width - MARGIN - 300, width - MARGIN - 160, width - MARGIN };
  double y = MARGIN, row_height = 21;
  const FidKpi *kpis;
  guint n_kpis;

  /* A band of the palette's first colour: the report's one ornament. */
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, fid_chart_style_get_series_color (style, 0));
  cairo_rectangle (cr, MARGIN, y, 56, 5);
  cairo_fill (cr);
  cairo_restore (cr);
  y += 14;

  y += draw_text (report, cr, fid_dashboard_kind_title (f->kind), MARGIN, y, 26, TRUE, &style->foreground, 0, 0) + 6;
  /* Translators: the report's period line: the period, the one it is compared with */
  line_period = g_strdup_printf (_("%s, compared with %s"), period, previous);
  y += draw_text (report, cr, line_period, MARGIN, y, 12, FALSE, &style->foreground, 0, width - 2 * MARGIN) + 3;
  y += draw_text (report, cr, report->scope, MARGIN, y, 12, FALSE, &style->foreground, 0, width - 2 * MARGIN) + 3;
  /* Translators: when the report was made */
  line_made = g_strdup_printf (_("Report of %s"), report->generated);
  y += draw_text (report, cr, line_made, MARGIN, y, 10, FALSE, &style->secondary, 0, 0) + 22;

  /* The key figures: name, value, previous, change (coloured as good or bad). */
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    draw_text (report, cr, headers[c], columns[c], y, 9.5, TRUE, &style->secondary, c == 0 ? 0 : 1, 0);
  y += 16;
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &style->foreground);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, MARGIN, y);
  cairo_line_to (cr, width - MARGIN, y);
  cairo_stroke (cr);
  cairo_restore (cr);

  kpis = fid_dashboard_kind_kpis (f->kind, &n_kpis);
  for (guint k = 0; k < n_kpis; k++)
    {
      FidKpi kpi = kpis[k];
      g_autofree char *value = fid_dashboard_format_kpi (d, kpi, FALSE);
      g_autofree char *before = fid_dashboard_format_kpi (d, kpi, TRUE);
      g_autofree char *change = fid_dashboard_format_change (d, kpi);
      double delta = fid_dashboard_get_kpi_change (d, kpi);
      const GdkRGBA *color = &style->secondary;

      if (!isnan (delta) && delta != 0)
        color = (delta > 0) == fid_kpi_higher_is_better (kpi) ? &style->positive : &style->negative;
      if (k % 2 == 1)
        {
          GdkRGBA stripe;

          fid_chart_style_get_tint (style, &style->grid, 0.35, &stripe);
          cairo_save (cr);
          gdk_cairo_set_source_rgba (cr, &stripe);
          cairo_rectangle (cr, MARGIN, y, width - 2 * MARGIN, row_height);
          cairo_fill (cr);
          cairo_restore (cr);
        }
      draw_text (report, cr, fid_dashboard_kpi_label (kpi), columns[0] + 4, y + 4, 11, FALSE, &style->foreground, 0, 0);
      draw_text (report, cr, value, columns[1], y + 4, 11, TRUE, &style->foreground, 1, 0);
      draw_text (report, cr, before, columns[2], y + 4, 11, FALSE, &style->secondary, 1, 0);
      draw_text (report, cr, change, columns[3] - 4, y + 4, 11, TRUE, color, 1, 0);
      y += row_height;
    }
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &style->grid);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, y);
  cairo_line_to (cr, width - MARGIN, y);
  cairo_stroke (cr);
  cairo_restore (cr);
  y += 8;
  y += draw_text (report, cr, _("Green: a change for the better; red: for the worse. Definitions on the last page."),
                  MARGIN, y, 8.5, FALSE, &style->secondary, 0, width - 2 * MARGIN) + 22;

  /* What follows, two columns of chart titles with their pages. */
  y += draw_text (report, cr, _("In This Report"), MARGIN, y, 11, TRUE, &style->foreground, 0, 0) + 6;
  {
    guint n = report->charts->len + 1, per_column = (n + 1) / 2;
    double column_width = (width - 2 * MARGIN) / 2;

    for (guint i = 0; i < n; i++)
      {
        const char *name = i < report->charts->len ? fid_chart_get_title (g_ptr_array_index (report->charts, i))
                                                   : _("Definitions");
        g_autofree char *page = g_strdup_printf ("%u", i + 2);
        double x = MARGIN + (i / per_column) * column_width, top = y + (i % per_column) * 16;

        draw_text (report, cr, name, x, top, 10, FALSE, &style->foreground, 0, 0);
        draw_text (report, cr, page, x + column_width - 24, top, 10, FALSE, &style->secondary, 1, 0);
      }
  }
}

/* A chart page ------------------------------------------------------------------- */

/* The chart's text summary without its title, which the page shows above. */
static char *
dup_summary (FidChart *chart)
{
  g_autofree char *summary = fid_chart_describe (chart);
  const char *title = fid_chart_get_title (chart);

  if (summary != NULL && title != NULL && g_str_has_prefix (summary, title) &&
      g_str_has_prefix (summary + strlen (title), ": "))
    return g_strdup (summary + strlen (title) + 2);
  return g_steal_pointer (&summary);
}

static void
draw_chart_page (Report   *report,
                 cairo_t  *cr,
                 FidChart *chart,
                 double    width,
                 double    height)
{
  g_autofree char *summary = dup_summary (chart);
  double content_width = width - 2 * MARGIN;
  double scale = content_width / PRINT_WIDTH;
  double summary_height = 0;
  double chart_height;

  if (summary != NULL && summary[0] != '\0')
    {
      g_autoptr(PangoLayout) layout = text_layout (report, cr, summary, 9, FALSE, content_width);
      int h;

      pango_layout_get_pixel_size (layout, NULL, &h);
      summary_height = h + 10;
    }
  chart_height = MIN ((height - 2 * MARGIN - FOOTER - summary_height) / scale, PRINT_WIDTH * 0.62);

  cairo_save (cr);
  cairo_translate (cr, MARGIN, MARGIN);
  cairo_scale (cr, scale, scale);
  fid_chart_draw_to (chart, cr, PRINT_WIDTH, chart_height, report->style);
  cairo_restore (cr);

  if (summary_height > 0)
    draw_text (report, cr, summary, MARGIN, MARGIN + chart_height * scale + 10, 9, FALSE,
               &report->style->secondary, 0, content_width);
}

/* Definitions ---------------------------------------------------------------------- */

static const char *
kpi_definition (FidKpi kpi)
{
  switch (kpi)
    {
    case FID_KPI_CUSTOMERS:
      return _("Customers counted (of the branch or advisor chosen) created on or before the period’s last day, prospects included.");
    case FID_KPI_ACTIVE_CUSTOMERS:
      return _("Customers with at least one transaction in the period.");
    case FID_KPI_REVENUE:
      return _("Sum of the period’s transactions.");
    case FID_KPI_TOP10_SHARE:
      /* xgettext:no-c-format */
      return _("Share of the period’s revenue brought by the best 10 % of the customers with a revenue (ABC class A).");
    case FID_KPI_RETENTION:
      return _("Of the customers active in the year before the last twelve months, the share active again in those twelve months, to the period’s last day.");
    case FID_KPI_CHURN:
      return _("One minus the 12-month retention.");
    case FID_KPI_MEAN_CLV:
      /* xgettext:no-c-format */
      return _("Mean 12-month margin of the active customers × r / (1 + d − r), with r the 12-month retention and d a 10 % discount rate.");
    case FID_KPI_NPS:
      return _("NPS survey answers of the period: share of 9 and 10 minus share of 0 to 6, times 100.");
    case FID_KPI_CSAT:
      return _("CSAT survey answers of the period: share of 4 and 5 (out of 5).");
    case FID_KPI_OPEN_COMPLAINTS:
      return _("Complaints open on the period’s last day.");
    case FID_KPI_OVERDUE_TICKETS:
      return _("Tickets open on the period’s last day and due before it.");
    case FID_KPI_FOLLOW_UPS_DUE:
      return _("Your follow-ups not done and due by the period’s last day.");
    case FID_KPI_LIFE_EVENTS:
      return _("Life events of your customers from the first of the month to the period’s last day.");
    case FID_KPI_OPEN_TICKETS:
      return _("Open tickets assigned to you.");
    case FID_N_KPIS:
    default:
      return "";
    }
}

static void
draw_definitions_page (Report  *report,
                       cairo_t *cr,
                       double   width,
                       double   height)
{
  const FidChartStyle *style = report->style;
  const FidKpi *kpis;
  guint n_kpis;
  double y = MARGIN, label_width = 190;

  y += draw_text (report, cr, _("Definitions"), MARGIN, y, 18, TRUE, &style->foreground, 0, 0) + 12;
  kpis = fid_dashboard_kind_kpis (fid_dashboard_get_filter (report->dashboard)->kind, &n_kpis);
  for (guint k = 0; k < n_kpis; k++)
    {
      double h;

      draw_text (report, cr, fid_dashboard_kpi_label (kpis[k]), MARGIN, y, 10, TRUE, &style->foreground, 0, label_width - 10);
      h = draw_text (report, cr, kpi_definition (kpis[k]), MARGIN + label_width, y, 10, FALSE,
                     &style->foreground, 0, width - 2 * MARGIN - label_width);
      y += MAX (h, 12) + 7;
    }
  y += 8;
  y += draw_text (report, cr,
                  _("The previous period has as many days and ends the day before the period. Changes are relative "
                    "for counts and money, and in percentage points for shares and scores."),
                  MARGIN, y, 9, FALSE, &style->secondary, 0, width - 2 * MARGIN) + 4;
  if (fid_dashboard_get_filter (report->dashboard)->kind == FID_DASHBOARD_MARKETING)
    draw_text (report, cr,
               _("Trends show the whole months of the period, or the twelve months to its end when it is "
                 "shorter. The RFM heat map scores every customer of the bank over the year to the period’s "
                 "last day; the migration compares the two latest RFM snapshots."),
               MARGIN, y, 9, FALSE, &style->secondary, 0, width - 2 * MARGIN);
  else
    draw_text (report, cr,
               _("The portfolio by segment is the latest RFM snapshot saved in Segmentation."),
               MARGIN, y, 9, FALSE, &style->secondary, 0, width - 2 * MARGIN);
}

static void
draw_page (Report  *report,
           cairo_t *cr,
           double   width,
           double   height,
           guint    page)
{
  guint n_pages = report_n_pages (report);

  /* Paper is white whatever the screen shows. */
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &report->style->background);
  cairo_paint (cr);
  cairo_restore (cr);

  if (page == 0)
    draw_title_page (report, cr, width, height);
  else if (page < n_pages - 1)
    draw_chart_page (report, cr, g_ptr_array_index (report->charts, page - 1), width, height);
  else
    draw_definitions_page (report, cr, width, height);
  draw_footer (report, cr, width, height, page, n_pages);
}

/* PDF ---------------------------------------------------------------------------- */

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *data,
          const unsigned char *bytes,
          unsigned int         length)
{
  WriteClosure *closure = data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (closure->stream, bytes, length, NULL, NULL, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
fid_dashboard_report_write_pdf (FidDashboard  *dashboard,
                                const char    *scope,
                                GFile         *file,
                                GError       **error)
{
  g_autoptr(Report) report = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  const FidDashboardFilter *f;
  WriteClosure closure = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (FID_IS_DASHBOARD (dashboard), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  report = report_new (dashboard, scope);
  f = fid_dashboard_get_filter (dashboard);
  /* Replaced whole or not at all. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;
  closure.stream = G_OUTPUT_STREAM (stream);
  surface = cairo_pdf_surface_create_for_stream (write_cb, &closure, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, fid_dashboard_kind_title (f->kind));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Fidelis");
  cr = cairo_create (surface);
  n_pages = report_n_pages (report);
  for (guint page = 0; page < n_pages; page++)
    {
      draw_page (report, cr, PAGE_WIDTH, PAGE_HEIGHT, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (closure.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      if (closure.error != NULL)
        g_propagate_error (error, closure.error);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the report: %s"),
                     cairo_status_to_string (status));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/* Printing ---------------------------------------------------------------------------- */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   Report            *report)
{
  gtk_print_operation_set_n_pages (operation, (int) report_n_pages (report));
}

/* The page is drawn at A4 landscape and scaled to the printable area, so
 * another paper size keeps the layout. */
static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 Report            *report)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale = MIN (width / PAGE_WIDTH, height / PAGE_HEIGHT);

  cairo_save (cr);
  cairo_translate (cr, (width - PAGE_WIDTH * scale) / 2, (height - PAGE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  draw_page (report, cr, PAGE_WIDTH, PAGE_HEIGHT, (guint) page_nr);
  cairo_restore (cr);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  gpointer                 data)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  g_warning ("Could not print the dashboard: %s", error != NULL ? error->message : "unknown error");
}

/* The print operation of @dashboard's report, A4 landscape by default. */
static GtkPrintOperation *
new_operation (FidDashboard *dashboard,
               const char   *scope)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Report *report = report_new (dashboard, scope);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, fid_dashboard_kind_title (fid_dashboard_get_filter (dashboard)->kind));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* An asynchronous print outlives the call: the operation keeps the report. */
  g_object_set_data_full (G_OBJECT (operation), "fid-report", report, (GDestroyNotify) report_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), report);
  return operation;
}

void
fid_dashboard_report_print (FidDashboard *dashboard,
                            const char   *scope,
                            GtkWindow    *parent)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FID_IS_DASHBOARD (dashboard));

  operation = new_operation (dashboard, scope);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), NULL);
  /* The dialog has the Preview button. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Could not print the dashboard: %s", error->message);
}

gboolean
fid_dashboard_report_print_to_file (FidDashboard  *dashboard,
                                    const char    *scope,
                                    const char    *path,
                                    GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (FID_IS_DASHBOARD (dashboard), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = new_operation (dashboard, scope);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}
