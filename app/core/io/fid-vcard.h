/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Reading vCard 2.1, 3.0 and 4.0 files (RFC 2426, RFC 6350) as GNOME
 * Contacts, Evolution and phones export them: several cards per file,
 * folded lines, quoted-printable values (2.1, and 3.0 files written by
 * old phones), escaped \, \; \n, grouped properties (item1.EMAIL). Only
 * what a customer record holds is kept: FN, N, ORG, EMAIL, TEL, ADR,
 * BDAY, TITLE and NOTE. */

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint  line;          /* of BEGIN:VCARD, from 1 */
  char  *version;       /* "2.1", "3.0", "4.0"; NULL when the card has none */
  char  *formatted_name;
  char  *family_name;   /* N, its first components */
  char  *given_name;
  char  *prefix;        /* N's honorific prefix (Mme, M.) */
  char  *organization;  /* ORG's first component */
  gboolean is_organization; /* KIND:org (4.0) or X-ABShowAs:COMPANY */
  char  *email;         /* the preferred one, else the first */
  char  *phone;         /* the preferred one, else the first; "tel:" removed */
  char  *street;        /* ADR: extended and street addresses, one line each */
  char  *locality;
  char  *postcode;
  char  *country;
  char  *birthday;      /* BDAY as YYYY-MM-DD; NULL without a year */
  char  *bad_birthday;  /* BDAY as written when it is not a date */
  char  *note;
} FidVcard;

void       fid_vcard_free       (FidVcard     *card);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidVcard, fid_vcard_free)

/* Parses UTF-8 @text into a GPtrArray of FidVcard. NULL with
 * G_IO_ERROR_INVALID_DATA and @error_line (may be NULL) set when the file
 * is not a vCard file: no card, text outside a card, a card never ended,
 * a line that is not a property, an unsupported version or a broken
 * quoted-printable value. */
GPtrArray *fid_vcard_parse      (const char   *text,
                                 gsize         length,
                                 guint        *error_line,
                                 GError      **error);

/* Whether @text looks like a vCard file (it starts with BEGIN:VCARD,
 * after blank lines). */
gboolean   fid_vcard_sniff      (const char   *text,
                                 gsize         length);

G_END_DECLS
