/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <qrencode.h>

#include "fid-qr-code.h"

/* Light space around the code, in modules (the standard asks for 4). */
#define QUIET_ZONE 4

guint8 *
fid_qr_code_encode (const char *text,
                    guint      *width)
{
  QRcode *code;
  guint8 *modules;
  guint n;

  g_return_val_if_fail (text != NULL && width != NULL, NULL);

  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    return NULL;
  n = (guint) code->width;
  modules = g_new (guint8, n * n);
  /* Bit 0 of each byte is the module's colour; the others say what part
   * of the symbol it is, which a painter does not need. */
  for (guint i = 0; i < n * n; i++)
    modules[i] = code->data[i] & 1;
  QRcode_free (code);
  *width = n;
  return modules;
}

gboolean
fid_qr_code_paint (cairo_t    *cr,
                   const char *text,
                   double      x,
                   double      y,
                   double      size)
{
  g_autofree guint8 *modules = NULL;
  guint width = 0;
  double module;
  double offset;

  modules = fid_qr_code_encode (text, &width);
  if (modules == NULL || size <= 0)
    return FALSE;

  module = size / (width + 2 * QUIET_ZONE);
  if (module >= 2)
    module = floor (module);   /* whole pixels: crisp edges for the camera */
  offset = (size - module * width) / 2;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint row = 0; row < width; row++)
    for (guint col = 0; col < width; col++)
      if (modules[row * width + col])
        cairo_rectangle (cr, round (x + offset + col * module), round (y + offset + row * module),
                         ceil (module), ceil (module));
  cairo_fill (cr);
  cairo_restore (cr);
  return TRUE;
}
