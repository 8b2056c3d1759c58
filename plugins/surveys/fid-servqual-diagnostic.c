/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The texts of the gap model's diagnostic, worded for a bank branch. Kept
 * apart from the results widget so the CLI or help could reuse them. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-servqual-diagnostic.h"

static const FidGapDiagnostic diagnostics[] = {
  {
    N_("Gap 1 — Listening"),
    N_("Between what customers expect and what management believes they expect."),
    N_("Too little customer research and complaint analysis; what advisers hear at the counter does not reach managers; too many management layers; attention on transactions rather than relationships."),
    N_("Ask management the same questions as customers (enter a management response to measure this gap); analyse complaints; meet front-line staff regularly; shorten the line between customers and decision makers."),
  },
  {
    N_("Gap 2 — Service Design and Standards"),
    N_("Between management’s perception of customers’ expectations and the service standards actually set."),
    N_("Standards not derived from customers’ expectations; vague service design; a belief that expectations cannot be met; no measurable service-quality goals; weak commitment of management to quality."),
    N_("Write customer-defined, measurable standards (for example: an appointment within five working days, a call returned the same day); standardise routine tasks with procedures and tools; make management’s commitment visible and follow the standards up."),
  },
  {
    N_("Gap 3 — Service Delivery"),
    N_("Between the service standards and the service actually delivered."),
    N_("Staff unsure of their role or caught between conflicting demands; people or tools that do not fit the job; evaluation and rewards that ignore service; too little empowerment and teamwork; customers or intermediaries not playing their part."),
    N_("Recruit and train for service; give advisers the tools and the authority to solve problems; reward the standards that are measured; build teamwork between back office and branch; tell customers what is expected of them."),
  },
  {
    N_("Gap 4 — Communication"),
    N_("Between the service delivered and what advertising, sales staff and the website promise."),
    N_("Campaigns promising more than branches deliver; poor coordination between marketing and operations; policies that differ from one branch or channel to another; customers’ expectations left unmanaged."),
    N_("Check every promise with operations before it is made; keep policies the same across branches and channels; promise what is delivered and deliver what is promised; tell customers what they can realistically expect."),
  },
};

gboolean
fid_servqual_gap_diagnostic (guint             gap,
                             FidGapDiagnostic *diagnostic)
{
  const FidGapDiagnostic *d;

  g_return_val_if_fail (diagnostic != NULL, FALSE);

  if (gap < 1 || gap > G_N_ELEMENTS (diagnostics))
    return FALSE;
  d = &diagnostics[gap - 1];
  diagnostic->title = _(d->title);
  diagnostic->definition = _(d->definition);
  diagnostic->causes = _(d->causes);
  diagnostic->remedies = _(d->remedies);
  return TRUE;
}
