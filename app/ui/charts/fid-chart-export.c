/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Chart exports: a cairo surface of the kind asked (image, SVG, PDF) or
 * the print context, one call to fid_chart_draw_to(). Surfaces write
 * through a GOutputStream, so any GFile works and write errors come back
 * as GErrors; the file is replaced atomically (g_file_replace), never left
 * half written. */

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "fid-chart-export.h"

/* The logical width a printed chart is drawn at, then scaled to the page:
 * fonts keep their proportions to the chart whatever the paper. */
#define PRINT_WIDTH 960.0

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

static gboolean
check_size (int      width,
            int      height,
            GError **error)
{
  if (width > 0 && height > 0 && width <= 32767 && height <= 32767)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("Cannot export a chart of %d × %d"), width, height);

  return FALSE;
}

/* Draws the chart on @surface (already sized) and finishes it when it
 * writes to a stream (@closure). */
static gboolean
draw_and_finish (FidChart        *chart,
                 cairo_surface_t *surface,
                 double           width,
                 double           height,
                 double           scale,
                 WriteClosure    *closure,
                 GError         **error)
{
  g_autoptr(FidChartStyle) style = fid_chart_style_for_print ();
  cairo_status_t status;
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  fid_chart_draw_to (chart, cr, width, height, style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  /* Vector surfaces write out when finished; an image is written later. */
  if (closure != NULL)
    cairo_surface_finish (surface);
  else
    cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);

  if (closure != NULL && closure->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&closure->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

static GOutputStream *
open_file (GFile   *file,
           GError **error)
{
  return G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                          NULL, error));
}

gboolean
fid_chart_export_png_scaled (FidChart  *chart,
                             GFile     *file,
                             int        width,
                             int        height,
                             double     scale,
                             GError   **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  WriteClosure closure = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  int pixel_width, pixel_height;

  g_return_val_if_fail (FID_IS_CHART (chart), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  pixel_width = (int) ceil (width * scale);
  pixel_height = (int) ceil (height * scale);
  if (!check_size (pixel_width, pixel_height, error))
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  if (!draw_and_finish (chart, surface, width, height, scale, NULL, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  stream = open_file (file, error);
  if (stream == NULL)
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  closure.stream = stream;
  status = cairo_surface_write_to_png_stream (surface, write_cb, &closure);
  cairo_surface_destroy (surface);
  if (closure.error != NULL)
    {
      g_propagate_error (error, closure.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the image: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return g_output_stream_close (stream, NULL, error);
}

gboolean
fid_chart_export_png (FidChart  *chart,
                      GFile     *file,
                      int        width,
                      int        height,
                      GError   **error)
{
  return fid_chart_export_png_scaled (chart, file, width, height, 1.0, error);
}

typedef cairo_surface_t *(*VectorSurfaceNew) (cairo_write_func_t, void *, double, double);

static gboolean
export_vector (FidChart          *chart,
               GFile             *file,
               int                width,
               int                height,
               VectorSurfaceNew   surface_new,
               GError           **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  WriteClosure closure = { 0 };
  cairo_surface_t *surface;
  gboolean ok;

  if (!check_size (width, height, error))
    return FALSE;

  stream = open_file (file, error);
  if (stream == NULL)
    return FALSE;

  closure.stream = stream;
  surface = surface_new (write_cb, &closure, width, height);
  ok = draw_and_finish (chart, surface, width, height, 1.0, &closure, error);
  cairo_surface_destroy (surface);
  if (!ok)
    {
      g_output_stream_close (stream, NULL, NULL);
      return FALSE;
    }

  return g_output_stream_close (stream, NULL, error);
}

gboolean
fid_chart_export_svg (FidChart  *chart,
                      GFile     *file,
                      int        width,
                      int        height,
                      GError   **error)
{
  g_return_val_if_fail (FID_IS_CHART (chart), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return export_vector (chart, file, width, height, cairo_svg_surface_create_for_stream, error);
}

gboolean
fid_chart_export_pdf (FidChart  *chart,
                      GFile     *file,
                      int        width,
                      int        height,
                      GError   **error)
{
  g_return_val_if_fail (FID_IS_CHART (chart), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return export_vector (chart, file, width, height, cairo_pdf_surface_create_for_stream, error);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   FidChart          *chart)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

/* The chart at PRINT_WIDTH logical units, as tall as the page allows
 * (at most 3:4), scaled to the printable width and centred. */
static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 FidChart          *chart)
{
  g_autoptr(FidChartStyle) style = fid_chart_style_for_print ();
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  double scale = page_width / PRINT_WIDTH;
  double height = MIN (page_height / scale, PRINT_WIDTH * 0.75);

  cairo_save (cr);
  cairo_translate (cr, 0, (page_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  fid_chart_draw_to (chart, cr, PRINT_WIDTH, height, style);
  cairo_restore (cr);
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            gpointer                 data)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  g_warning ("Could not print the chart: %s", error != NULL ? error->message : "unknown error");
}

void
fid_chart_print (FidChart  *chart,
                 GtkWindow *parent)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  const char *title;

  g_return_if_fail (FID_IS_CHART (chart));

  operation = gtk_print_operation_new ();
  title = fid_chart_get_title (chart);
  gtk_print_operation_set_job_name (operation, title != NULL && title[0] ? title : _("Chart"));
  /* Charts are wider than tall: landscape unless the user says otherwise. */
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  /* An asynchronous print outlives the call: the operation keeps the chart. */
  g_object_set_data_full (G_OBJECT (operation), "fid-chart", g_object_ref (chart), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), chart);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), chart);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), NULL);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Could not print the chart: %s", error->message);
}
