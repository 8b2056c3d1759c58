/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* QR codes (libqrencode) painted with Cairo: the workshop's address on
 * the projector, for the class's phones to scan (issue 12). */

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The modules of @text's QR code (byte mode, error correction level M,
 * the smallest version that holds it): a @width × @width array, row by
 * row, TRUE for dark. NULL when the text does not fit in a QR code. */
guint8  *fid_qr_code_encode (const char *text,
                             guint      *width);

/* Paints @text's QR code, with its four-module quiet zone, as dark
 * squares on white filling the @size × @size square at (@x, @y); modules
 * are whole device pixels where possible, so that cameras read it
 * sharply. FALSE (nothing painted) when it cannot be encoded. */
gboolean fid_qr_code_paint  (cairo_t    *cr,
                             const char *text,
                             double      x,
                             double      y,
                             double      size);

G_END_DECLS
