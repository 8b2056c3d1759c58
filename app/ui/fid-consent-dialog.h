/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-window.h"

G_BEGIN_DECLS

/* "Record Consent…" on a customer's page (issue 9, GDPR): which marketing
 * channel, whether the customer accepts or refuses, and where it was
 * collected; saved with today's date (replacing the one on record, with an
 * audit row), then every page is read again. */

/* The marketing channels a consent is recorded for, NULL-terminated. */
const char * const *fid_consent_channels      (void);
/* Where a consent is collected, NULL-terminated (fid_format_consent_source). */
const char * const *fid_consent_sources       (void);

void                fid_consent_dialog_present (FidWindow *window,
                                                gint64     customer_id);

G_END_DECLS
