/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "fid-interaction.h"

G_BEGIN_DECLS

/* An interaction's details: a JSON object in interactions.details holding
 * what is particular to its channel (a call's duration, an e-mail's
 * recipient, a meeting's products discussed…). These helpers read and
 * change one member at a time; details that are absent or not an object
 * read as an empty object. */

JsonObject *fid_details_parse       (const char     *details);
char       *fid_details_to_string   (JsonObject     *object);

char       *fid_details_dup_string  (FidInteraction *interaction,
                                     const char     *key);
gint64      fid_details_get_int     (FidInteraction *interaction,
                                     const char     *key,
                                     gint64          fallback);
gboolean    fid_details_get_boolean (FidInteraction *interaction,
                                     const char     *key,
                                     gboolean        fallback);
char      **fid_details_dup_strv    (FidInteraction *interaction,
                                     const char     *key);

void        fid_details_set_string  (FidInteraction *interaction,
                                     const char     *key,
                                     const char     *value);
void        fid_details_set_int     (FidInteraction *interaction,
                                     const char     *key,
                                     gint64          value);
void        fid_details_set_boolean (FidInteraction *interaction,
                                     const char     *key,
                                     gboolean        value);
void        fid_details_set_strv    (FidInteraction *interaction,
                                     const char     *key,
                                     const char * const *value);

G_END_DECLS
