/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A French business letter on A4, rendered to PDF with Cairo and Pango:
 * the sender top left, the recipient's address where a DL window
 * envelope shows it (11 cm from the left, 5 cm from the top), place and
 * date, the subject ("Objet"), the body over as many pages as it needs,
 * and the signature. Safe to call from a worker thread. */

typedef struct
{
  char *sender;      /* several lines: the bank, the branch, its address */
  char *recipient;   /* several lines: name, street, postcode and city */
  char *place_date;  /* "Paris, le 3 avril 2026" */
  char *subject;
  char *body;
  char *signature;   /* several lines: name, role */
} FidLetter;

void      fid_letter_clear      (FidLetter   *letter);
/* Returns the number of pages written, 0 with @error set. */
guint     fid_letter_render_pdf (const FidLetter *letter,
                                 const char      *path,
                                 GError         **error);

G_END_DECLS
