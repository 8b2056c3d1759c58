/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many SMS a text takes (3GPP TS 23.038 / 23.040). A text made only
 * of the GSM 7-bit alphabet takes 160 characters in one SMS, or 153 per
 * part when it has to be concatenated; the extension characters
 * (^ { } \ [ ~ ] | €) count twice. Anything else (ç, ê, â, emoji…) makes
 * the whole text UCS-2: 70 characters in one SMS, 67 per part, counted in
 * UTF-16 units. */

typedef enum
{
  FID_SMS_ENCODING_GSM7,
  FID_SMS_ENCODING_UCS2,
} FidSmsEncoding;

typedef struct
{
  FidSmsEncoding encoding;
  guint          units;          /* septets (GSM-7) or UTF-16 units (UCS-2) */
  guint          segments;       /* 0 for an empty text */
  guint          per_segment;    /* 160/153 or 70/67, as it applies */
  guint          remaining;      /* units left in the last segment */
  gunichar       first_non_gsm;  /* what made it UCS-2, or 0 */
} FidSmsCount;

void fid_sms_count (const char  *text,
                    FidSmsCount *count);

/* +33612345678 from a French number as people write it ("06 12 34 56 78",
 * "+33 6 12…", "0033 6…"); other numbers keep their digits and a leading
 * +. NULL when there are no digits. */
char *fid_sms_normalize_number (const char *number);

G_END_DECLS
