/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-customer.h"

G_BEGIN_DECLS

/* Fills the placeholders of a letter or e-mail template from a customer:
 * {title} {first_name} {last_name} {name} {email} {phone} {address}
 * {postcode} {city} {advisor} {branch} {today}. {salutation} is "Dear
 * Madam", "Dear Sir" or "Dear Sir or Madam" from the title (in French
 * "Madame", "Monsieur", "Madame, Monsieur"). Unknown placeholders
 * are left as they are, so a typo shows in the preview. */
char *fid_template_fill (const char  *text,
                         FidCustomer *customer);

G_END_DECLS
