/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fid-store.h"

G_BEGIN_DECLS

/* FidBulkLoader: fast, typed inserts into a FidStore for generators and
 * importers that write many rows at once (the demo bank writes tens of
 * millions). Everything runs inside one write transaction begun by
 * fid_bulk_loader_new(); nothing is visible to other connections until
 * fid_bulk_loader_commit(), and disposing an uncommitted loader rolls back.
 *
 * Conventions of every add function: strings are borrowed for the duration
 * of the call only, and NULL stores SQL NULL; ids <= 0 in a reference column
 * store NULL; doubles that are NAN store NULL. Adders return the new row id,
 * or 0 with @error set. Tables without a row id (consents, campaign targets,
 * survey answers, segment snapshots) return TRUE/FALSE instead.
 *
 * The triggers of the schema stay active: inserting a customer creates its
 * customer_stats row and its search entry; transactions and interactions
 * keep customer_stats current (with FID_BULK_LOADER_FRESH_FILE, from the
 * final commit on). */

#define FID_TYPE_BULK_LOADER (fid_bulk_loader_get_type ())

G_DECLARE_FINAL_TYPE (FidBulkLoader, fid_bulk_loader, FID, BULK_LOADER, GObject)

typedef enum
{
  FID_BULK_LOADER_DEFAULT    = 0,
  /* For a file that is thrown away if the load fails (a ".partial" file):
   * no journal, no fsync, no foreign-key checks, a large page cache, and
   * rows inserted OR FAIL. A failed or abandoned load leaves the file
   * unusable. The previous settings (WAL…) are restored on dispose.
   * customer_stats is brought up to date once, by fid_bulk_loader_commit(),
   * rather than row by row: the triggers that maintain it from
   * transactions and interactions, and its indexes, are dropped for the
   * load and created again, exactly as they were, at the commit. */
  FID_BULK_LOADER_FRESH_FILE = 1 << 0,
} FidBulkLoaderFlags;

typedef struct
{
  const char *code;
  const char *name;
  const char *city;
  const char *postcode;
  double      latitude;
  double      longitude;
} FidBulkBranch;

typedef struct
{
  gint64      branch_id;
  const char *first_name;
  const char *last_name;
  const char *email;
  const char *role;          /* advisor, branch_manager, marketing, trainer */
} FidBulkAdvisor;

typedef struct
{
  const char *kind;          /* person or company; NULL: person */
  const char *title;
  const char *first_name;    /* NULL: "" */
  const char *last_name;
  const char *birth_date;
  const char *email;
  const char *phone;
  const char *address;
  const char *postcode;
  const char *city;
  double      latitude;
  double      longitude;
  gint64      household_id;
  const char *household_role;
  gint64      advisor_id;
  gint64      branch_id;
  const char *lifecycle_stage; /* NULL: prospect */
  const char *segment;
  gint64      annual_income_cents; /* < 0: NULL */
  const char *preferred_channel;
  gboolean    is_reference;
  gboolean    is_fast_growing;
  gboolean    other_division;
  const char *created_at;    /* NULL: now */
  const char *updated_at;    /* NULL: created_at */
} FidBulkCustomer;

typedef struct
{
  gint64      customer_id;
  const char *date;
  gint64      amount_cents;
  gint64      margin_cents;
  const char *product_family;
  const char *channel;
} FidBulkTransaction;

typedef struct
{
  gint64      customer_id;
  const char *channel;
  const char *direction;     /* inbound or outbound */
  const char *at;
  gint64      advisor_id;
  const char *subject;       /* NULL: "" */
  const char *notes;         /* NULL: "" */
  const char *outcome;
  const char *next_step;
  const char *follow_up_on;
  gboolean    follow_up_done;
  gint64      campaign_id;
  const char *status;        /* done, failed, planned; NULL: done */
} FidBulkInteraction;

typedef struct
{
  gint64      customer_id;
  const char *kind;          /* request, complaint, incident */
  const char *category;
  const char *subject;
  const char *description;   /* NULL: "" */
  const char *status;        /* open, in_progress, resolved, closed */
  const char *priority;      /* low, normal, high, urgent */
  const char *opened_at;
  const char *due_on;
  const char *resolved_at;
  const char *resolution;
  gboolean    critical_incident;
  gint64      advisor_id;
} FidBulkTicket;

typedef struct
{
  gint64      customer_id;
  gint64      product_id;
  const char *stage;         /* lead … won, lost */
  gint64      amount_cents;
  double      probability;   /* 0..1 */
  gint64      advisor_id;
  const char *created_at;
  const char *expected_close_on;
} FidBulkOpportunity;

typedef struct
{
  const char *name;
  const char *objective;
  const char *channel;
  const char *product_family;
  const char *starts_on;
  const char *ends_on;
  gint64      cost_per_contact_cents;
  gint64      fixed_cost_cents;
  gint64      seed;
  double      control_share;
  const char *status;        /* draft, launched, closed */
  const char *created_at;
} FidBulkCampaign;

FidBulkLoader *fid_bulk_loader_new             (FidStore            *store,
                                                GError             **error);
FidBulkLoader *fid_bulk_loader_new_full        (FidStore            *store,
                                                FidBulkLoaderFlags   flags,
                                                GError             **error);
FidStore      *fid_bulk_loader_get_store       (FidBulkLoader       *self);

/* Commits everything added so far and ends the loader's transaction: the
 * loader accepts no more rows afterwards. */
gboolean       fid_bulk_loader_commit          (FidBulkLoader       *self,
                                                GError             **error);
/* Commits what was added so far and begins a new transaction, so that a
 * long load keeps the write-ahead log bounded. A later failure then rolls
 * back only to the last checkpoint. */
gboolean       fid_bulk_loader_checkpoint      (FidBulkLoader       *self,
                                                GError             **error);

gint64   fid_bulk_loader_add_branch           (FidBulkLoader            *self,
                                               const FidBulkBranch      *branch,
                                               GError                  **error);
gint64   fid_bulk_loader_add_advisor          (FidBulkLoader            *self,
                                               const FidBulkAdvisor     *advisor,
                                               GError                  **error);
gint64   fid_bulk_loader_add_household        (FidBulkLoader            *self,
                                               const char               *name,
                                               const char               *created_at,
                                               GError                  **error);
gint64   fid_bulk_loader_add_customer         (FidBulkLoader            *self,
                                               const FidBulkCustomer    *customer,
                                               GError                  **error);
/* Several customers in one statement, much faster than one by one (the
 * search index is flushed once per statement). Their ids, in order, are
 * stored in @ids when not NULL. */
gboolean fid_bulk_loader_add_customers        (FidBulkLoader            *self,
                                               const FidBulkCustomer    *customers,
                                               guint                     n_customers,
                                               gint64                   *ids,
                                               GError                  **error);
gboolean fid_bulk_loader_add_consent          (FidBulkLoader            *self,
                                               gint64                    customer_id,
                                               const char               *channel,
                                               gboolean                  marketing,
                                               const char               *given_at,
                                               const char               *source,
                                               GError                  **error);
gint64   fid_bulk_loader_add_product          (FidBulkLoader            *self,
                                               const char               *code,
                                               const char               *name,
                                               const char               *family,
                                               GError                  **error);
gint64   fid_bulk_loader_add_holding          (FidBulkLoader            *self,
                                               gint64                    customer_id,
                                               gint64                    product_id,
                                               const char               *opened_on,
                                               const char               *closed_on,
                                               gint64                    balance_cents,
                                               GError                  **error);
/* The hot path: plain parameters, no allocation. */
gint64   fid_bulk_loader_add_transaction      (FidBulkLoader            *self,
                                               gint64                    customer_id,
                                               const char               *date,
                                               gint64                    amount_cents,
                                               gint64                    margin_cents,
                                               const char               *product_family,
                                               const char               *channel,
                                               GError                  **error);
/* Several at once (a customer's history): faster, as for customers. */
gboolean fid_bulk_loader_add_transactions     (FidBulkLoader            *self,
                                               const FidBulkTransaction *transactions,
                                               guint                     n_transactions,
                                               GError                  **error);
gint64   fid_bulk_loader_add_interaction      (FidBulkLoader            *self,
                                               const FidBulkInteraction *interaction,
                                               GError                  **error);
gint64   fid_bulk_loader_add_ticket           (FidBulkLoader            *self,
                                               const FidBulkTicket      *ticket,
                                               GError                  **error);
gint64   fid_bulk_loader_add_life_event       (FidBulkLoader            *self,
                                               gint64                    customer_id,
                                               const char               *kind,
                                               const char               *occurred_on,
                                               const char               *notes,
                                               GError                  **error);
gint64   fid_bulk_loader_add_opportunity      (FidBulkLoader            *self,
                                               const FidBulkOpportunity *opportunity,
                                               GError                  **error);
gint64   fid_bulk_loader_add_campaign         (FidBulkLoader            *self,
                                               const FidBulkCampaign    *campaign,
                                               GError                  **error);
gboolean fid_bulk_loader_add_campaign_target  (FidBulkLoader            *self,
                                               gint64                    campaign_id,
                                               gint64                    customer_id,
                                               const char               *grp,
                                               const char               *contacted_at,
                                               const char               *responded_at,
                                               const char               *converted_at,
                                               GError                  **error);
gint64   fid_bulk_loader_add_survey           (FidBulkLoader            *self,
                                               const char               *kind,
                                               const char               *title,
                                               const char               *created_at,
                                               GError                  **error);
gint64   fid_bulk_loader_add_survey_item      (FidBulkLoader            *self,
                                               gint64                    survey_id,
                                               int                       position,
                                               const char               *label,
                                               const char               *dimension,
                                               GError                  **error);
gint64   fid_bulk_loader_add_survey_response  (FidBulkLoader            *self,
                                               gint64                    survey_id,
                                               gint64                    customer_id,
                                               const char               *respondent,
                                               const char               *answered_at,
                                               GError                  **error);
gboolean fid_bulk_loader_add_survey_answer    (FidBulkLoader            *self,
                                               gint64                    response_id,
                                               gint64                    item_id,
                                               const char               *part,
                                               gint64                    value,
                                               GError                  **error);
gboolean fid_bulk_loader_add_segment_snapshot (FidBulkLoader            *self,
                                               const char               *scheme,
                                               const char               *taken_on,
                                               gint64                    customer_id,
                                               const char               *segment,
                                               GError                  **error);

G_END_DECLS
