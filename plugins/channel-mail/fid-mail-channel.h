/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-channel.h"
#include "fid-letter.h"

G_BEGIN_DECLS

/* FidMailChannel: postal mail. "Sending" a letter renders it to a PDF in
 * the letters folder (Documents/Fidelis/Letters, or FIDELIS_LETTERS_DIR),
 * ready to print and post; the interaction records the file in
 * details.pdf. Marketing by post is allowed unless refused (opt-out). */

#define FID_TYPE_MAIL_CHANNEL (fid_mail_channel_get_type ())

G_DECLARE_FINAL_TYPE (FidMailChannel, fid_mail_channel, FID, MAIL_CHANNEL, GObject)

char *fid_mail_channel_dup_letters_dir (void);

/* The editor hands the letter's parts to the channel through the
 * interaction: subject and notes (the body), and in details "recipient",
 * "sender", "place_date" and "signature". */
void  fid_mail_channel_letter_from_interaction (FidInteraction *interaction,
                                                FidLetter      *letter);

G_END_DECLS
