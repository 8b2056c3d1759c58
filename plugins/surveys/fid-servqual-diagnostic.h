/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The gap model's diagnostic (Zeithaml, Parasuraman and Berry): what each
 * of the four company-side gaps is, what usually causes it and how it is
 * closed. A customer survey measures the fifth gap (perception −
 * expectation); gaps 2–4 are read from this text, and gap 1 too unless
 * management answered the survey. Strings are translated. */

typedef struct
{
  const char *title;
  const char *definition;
  const char *causes;
  const char *remedies;
} FidGapDiagnostic;

/* @gap: 1..4; FALSE outside. Fills @diagnostic with translated texts. */
gboolean fid_servqual_gap_diagnostic (guint             gap,
                                      FidGapDiagnostic *diagnostic);

G_END_DECLS
