/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The audit trail (issue 9): who did what, when, to which record.
 *
 * An append-only table (triggers refuse UPDATE and DELETE) whose rows form
 * a hash chain: each row carries the SHA-256 of the row before it and of
 * its own fields, so a row edited, inserted or removed behind the store's
 * back (the triggers dropped in another SQLite client) is found by
 * fid_store_audit_verify, which names the first row that does not check.
 *
 * Rows never hold personal data: ids, actions and small JSON details
 * only, so a customer's erasure leaves the trail intact. */

#include <gio/gio.h>

#include "fid-store.h"

G_BEGIN_DECLS

/* prev_hash of the first row. */
#define FID_AUDIT_GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct
{
  gint64  id;
  char   *at;           /* ISO 8601 with the UTC offset (rows from before schema 5: without) */
  char   *actor;        /* "advisor:12 Jeanne Roux", "cli:alice", or the login name */
  char   *action;       /* create, update, delete, merge, export, view, erase, anonymise,
                         * backup, restore, trash, consent, import… */
  char   *entity;       /* customer, interaction, ticket, database, survey… */
  gint64  entity_id;    /* 0: none */
  gint64  customer_id;  /* the customer the row is about; 0: none */
  char   *details;      /* a JSON text, or NULL */
  char   *prev_hash;
  char   *hash;
} FidAuditEntry;

void        fid_audit_entry_free            (FidAuditEntry        *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidAuditEntry, fid_audit_entry_free)

/* The hash a row must carry: SHA-256 (hex) over @prev_hash and the row's
 * fields in the canonical form described in fid-store-audit.c. */
char       *fid_audit_entry_compute_hash    (const FidAuditEntry  *entry);

typedef struct
{
  gint64  n_rows;       /* rows read */
  gint64  broken_id;    /* 0: the chain holds; else the first row that does not */
  char   *reason;       /* why that row does not check (translated); NULL when intact */
  char   *head_hash;    /* the last row's hash (the genesis hash when empty) */
} FidAuditVerification;

void        fid_audit_verification_clear    (FidAuditVerification *verification);

/* Appends one row: now, the store's actor, @action on @entity @entity_id
 * (0: none). @details is a JSON text (anything else is kept as
 * {"note": "…"}), or NULL. The customer the row is about is found from
 * the entity (a customer, or an interaction's, ticket's or survey
 * response's customer). Inside the caller's write transaction when there
 * is one (so the row commits or rolls back with the change it records),
 * else in a transaction of its own. */
gboolean    fid_store_audit_append          (FidStore             *self,
                                             const char           *action,
                                             const char           *entity,
                                             gint64                entity_id,
                                             const char           *details,
                                             GError              **error);

/* Records that the customer's 360 view was opened. Never keeps the user
 * waiting: when another program holds the write lock, the row is queued
 * (with the time of the opening) and written with the next one, or when
 * the store is closed. Does nothing on a read-only store. */
gboolean    fid_store_audit_customer_view   (FidStore             *self,
                                             gint64                customer_id,
                                             GError              **error);

/* Rows newest first: those with an id below @before_id (0: from the
 * newest), at most @limit; only those about @customer_id when not 0.
 * A GPtrArray of FidAuditEntry. */
GPtrArray  *fid_store_audit_list            (FidStore             *self,
                                             gint64                customer_id,
                                             gint64                before_id,
                                             guint                 limit,
                                             GError              **error);

/* Reads the whole chain in id order and checks every link and hash.
 * TRUE when the check ran: @result says whether the chain holds and, if
 * not, which row breaks it first. FALSE with @error when the log could
 * not be read (or @cancellable fired). One read snapshot: other
 * connections keep writing. */
gboolean    fid_store_audit_verify          (FidStore             *self,
                                             FidAuditVerification *result,
                                             GCancellable         *cancellable,
                                             GError              **error);

/* Who the rows written from now on name (see FidAuditEntry.actor): a
 * worker thread's store takes its window's. */
const char *fid_store_audit_get_actor       (FidStore             *self);

/* Makes the actor of the rows written from now on the advisor @advisor_id
 * ("advisor:ID First Last"). */
gboolean    fid_store_set_actor_advisor     (FidStore             *self,
                                             gint64                advisor_id,
                                             GError              **error);

G_END_DECLS
