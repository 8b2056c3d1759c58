/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Formula injection (CSV injection): a spreadsheet evaluates a cell that
 * begins with '=', '+', '-' or '@' (and some with a tab or a carriage
 * return first) as a formula, so a customer named "=HYPERLINK(…)" would
 * run in the marketing manager's spreadsheet. Every CSV Fidelis writes
 * goes through these: such a cell gets a leading apostrophe, which
 * spreadsheets show as text and do not evaluate. Plain numbers ("-12.50",
 * "+3", "-1,5") are left alone: they are numbers, not formulas, and the
 * exports' amounts must stay numbers. */

/* Whether @value would be evaluated as a formula. */
gboolean fid_csv_cell_is_formula  (const char *value);
/* Appends @value to @out neutralised, then quoted as RFC 4180 needs. */
void     fid_csv_append_guarded   (GString    *out,
                                   const char *value);

G_END_DECLS
