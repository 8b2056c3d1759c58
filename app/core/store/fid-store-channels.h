/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the channel plugins need from the store beyond one interaction at a
 * time (fid_store_add_interaction): finding a customer by e-mail, a
 * web-form import written in one transaction, the SMS batch, and the
 * interactions-per-channel-per-month count behind the example analysis. */

#include <gio/gio.h>

#include "fid-customer.h"
#include "fid-interaction.h"
#include "fid-store.h"

G_BEGIN_DECLS

/* The id of the customer whose e-mail is @email (case ignored), in
 * *customer_id; 0 when there is none. The lowest id wins when several
 * share it. */
gboolean   fid_store_find_customer_by_email      (FidStore     *self,
                                                  const char   *email,
                                                  gint64       *customer_id,
                                                  GError      **error);

/* Records the customer's marketing consent on @channel (replacing the
 * one on record): @marketing TRUE when they agree. @given_at NULL: now.
 * With an audit row. */
gboolean   fid_store_set_consent                 (FidStore     *self,
                                                  gint64        customer_id,
                                                  const char   *channel,
                                                  gboolean      marketing,
                                                  const char   *given_at,
                                                  const char   *source,
                                                  GError      **error);

/* Writes @interactions in one transaction: all of them or none. For each
 * index i, when prospects[i] is not NULL the interaction belongs to that
 * new customer: it is inserted first (lifecycle stage "prospect", once
 * even when several rows share the same object) and its id is set on the
 * customer and the interaction. @prospects is NULL or as long as
 * @interactions. Interactions get their ids. *n_created counts the new
 * customers. Each new customer and the import get an audit row. */
gboolean   fid_store_import_interactions         (FidStore     *self,
                                                  GPtrArray    *interactions,
                                                  GPtrArray    *prospects,
                                                  const char   *source,
                                                  guint        *n_created,
                                                  GError      **error);

/* Interactions of @channel with @status, oldest first, with customer-name
 * and details filled (e.g. the SMS waiting for the gateway). */
GPtrArray *fid_store_list_channel_interactions   (FidStore     *self,
                                                  const char   *channel,
                                                  const char   *status,
                                                  GError      **error);

/* Sets the status of interactions @ids (gint64) in one transaction. */
gboolean   fid_store_set_interactions_status     (FidStore     *self,
                                                  GArray       *ids,
                                                  const char   *status,
                                                  GError      **error);

typedef struct
{
  char   month[8];      /* YYYY-MM */
  char  *channel;
  gint64 count;
} FidChannelMonthCount;

/* Interactions per channel and month since @since (YYYY-MM-DD, NULL: all),
 * by month then channel: a GArray of FidChannelMonthCount (the array frees
 * the channels). Checks @cancellable between rows. */
GArray    *fid_store_count_interactions_by_month (FidStore     *self,
                                                  const char   *since,
                                                  GCancellable *cancellable,
                                                  GError      **error);

G_END_DECLS
