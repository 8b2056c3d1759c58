/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidLetter: a letter rendered to PDF (Cairo PDF surface, Pango layout).
 * Units are PostScript points (1/72 inch); A4 is 595.28 × 841.89. */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "fid-letter.h"

#define PAGE_WIDTH    595.28
#define PAGE_HEIGHT   841.89
#define MM            (72.0 / 25.4)
#define MARGIN_LEFT   (25 * MM)
#define MARGIN_RIGHT  (20 * MM)
#define MARGIN_TOP    (20 * MM)
#define MARGIN_BOTTOM (25 * MM)
#define WINDOW_LEFT   (110 * MM)
#define WINDOW_TOP    (50 * MM)
#define TEXT_WIDTH    (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)

void
fid_letter_clear (FidLetter *letter)
{
  g_clear_pointer (&letter->sender, g_free);
  g_clear_pointer (&letter->recipient, g_free);
  g_clear_pointer (&letter->place_date, g_free);
  g_clear_pointer (&letter->subject, g_free);
  g_clear_pointer (&letter->body, g_free);
  g_clear_pointer (&letter->signature, g_free);
}

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *font,
            double      width,
            const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_font_description_free (description);

  return layout;
}

/* Draws @layout at @y, returns the y below it. */
static double
draw_block (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y)
{
  int height;

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);

  return y + (double) height / PANGO_SCALE;
}

/* Draws @layout line by line from @y, starting new pages as needed;
 * returns the y below its last line. */
static double
draw_flowing (cairo_t     *cr,
              PangoLayout *layout,
              double       y,
              guint       *n_pages)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double offset = 0;      /* layout y of the first line on this page */
  double page_top = y;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (iter);
      double line_top, line_bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = (double) logical.y / PANGO_SCALE;
      line_bottom = (double) (logical.y + logical.height) / PANGO_SCALE;

      if (page_top + line_bottom - offset > PAGE_HEIGHT - MARGIN_BOTTOM)
        {
          cairo_show_page (cr);
          (*n_pages)++;
          offset = line_top;
          page_top = MARGIN_TOP;
        }

      cairo_move_to (cr, MARGIN_LEFT, page_top + (double) baseline / PANGO_SCALE - offset);
      pango_cairo_show_layout_line (cr, line);
      y = page_top + line_bottom - offset;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);

  return y;
}

guint
fid_letter_render_pdf (const FidLetter  *letter,
                       const char       *path,
                       GError          **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  PangoLayout *layout;
  g_autofree char *subject = NULL;
  guint n_pages = 1;
  double y;

  g_return_val_if_fail (letter != NULL, 0);
  g_return_val_if_fail (path != NULL, 0);

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the letter to “%s”: %s"), path,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return 0;
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, letter->subject ? letter->subject : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Fidelis " PACKAGE_VERSION);

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);

  /* Sender, top left. */
  layout = new_layout (cr, "Sans 9.5", 80 * MM, letter->sender);
  draw_block (cr, layout, MARGIN_LEFT, MARGIN_TOP);
  g_object_unref (layout);

  /* Recipient, in the envelope's window. */
  layout = new_layout (cr, "Sans 10.5", 85 * MM, letter->recipient);
  y = draw_block (cr, layout, WINDOW_LEFT, WINDOW_TOP);
  g_object_unref (layout);

  /* Place and date, right-aligned under the address. */
  layout = new_layout (cr, "Sans 10.5", TEXT_WIDTH, letter->place_date);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  y = draw_block (cr, layout, MARGIN_LEFT, MAX (y + 12 * MM, 95 * MM));
  g_object_unref (layout);

  /* Subject. */
  /* Translators: the subject line of a French letter, "Objet : …" */
  subject = g_strdup_printf (_("Subject: %s"), letter->subject ? letter->subject : "");
  layout = new_layout (cr, "Sans Bold 10.5", TEXT_WIDTH, subject);
  y = draw_block (cr, layout, MARGIN_LEFT, y + 10 * MM);
  g_object_unref (layout);

  /* Body, over as many pages as it takes, then the signature. */
  layout = new_layout (cr, "Serif 11", TEXT_WIDTH, letter->body);
  pango_layout_set_spacing (layout, 2 * PANGO_SCALE);
  y = draw_flowing (cr, layout, y + 8 * MM, &n_pages);
  g_object_unref (layout);

  layout = new_layout (cr, "Serif 11", 70 * MM, letter->signature);
  {
    int height;

    pango_layout_get_size (layout, NULL, &height);
    if (y + 12 * MM + (double) height / PANGO_SCALE > PAGE_HEIGHT - MARGIN_BOTTOM)
      {
        cairo_show_page (cr);
        n_pages++;
        y = MARGIN_TOP - 12 * MM;
      }
  }
  draw_block (cr, layout, PAGE_WIDTH - MARGIN_RIGHT - 70 * MM, y + 12 * MM);
  g_object_unref (layout);

  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the letter to “%s”: %s"), path, cairo_status_to_string (status));
      return 0;
    }

  return n_pages;
}
