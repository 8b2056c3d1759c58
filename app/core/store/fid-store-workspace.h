/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The account manager's workspace (issue 3): interactions and follow-ups,
 * tickets, advisors and branches, duplicates and merge, delete with undo,
 * and the pieces of the customer 360 page that fid-store-export.h does not
 * already give (holdings, household members, consents are there).
 *
 * Every write runs in one transaction with a row in the audit log. Every
 * refusal is a GError whose message names what is wrong: validation errors
 * are FID_VALIDATION_ERROR (one code per rule, so the UI can put the
 * message next to its field), workflow refusals FID_TICKET_ERROR, and
 * missing rows or concurrent edits FID_STORE_ERROR_NOT_FOUND / _CONFLICT.
 * A refused write saves nothing. */

#include <gio/gio.h>

#include "fid-advisor.h"
#include "fid-branch.h"
#include "fid-interaction.h"
#include "fid-store.h"
#include "fid-ticket.h"
#include "fid-timeline-entry.h"

G_BEGIN_DECLS

/* Revenue over 12 months ------------------------------------------------- */

/* Recomputes every customer's revenue-12m-cents and margin-12m-cents: the
 * sums of the transactions dated after (as_of − 12 months) and up to
 * @as_of included. @as_of is YYYY-MM-DD; NULL means today. One aggregate
 * query computes the sums while only reading (a few seconds on a million
 * customers, during which other connections write as usual); a short
 * write transaction then saves those that changed, with the as-of date.
 * Call it from a worker thread with its own FidStore, once a day;
 * @cancellable interrupts it (nothing is saved). Transactions written
 * after a refresh are counted at the next one. */
gboolean     fid_store_refresh_revenue_12m     (FidStore        *self,
                                                const char      *as_of,
                                                GCancellable    *cancellable,
                                                GError         **error);
/* The as-of date of the last refresh (YYYY-MM-DD), NULL when never run. */
char        *fid_store_dup_revenue_12m_as_of   (FidStore        *self,
                                                GError         **error);

/* Interactions and meeting reports ---------------------------------------- */

/* Validates and saves @interaction: the customer exists; the channel is a
 * non-empty id (phone, email, sms, branch, mail, web or a plugin's id);
 * the direction is inbound or outbound; at is an ISO 8601 date-time
 * (YYYY-MM-DDTHH:MM[:SS]; NULL or "" means now); follow-up-on, when set,
 * is YYYY-MM-DD; status is done, failed or planned; the advisor, when not
 * 0, exists. Details, when set, must be a JSON object. Sets the id (and at
 * when it was empty). The customer's last contact follows (trigger). */
gboolean        fid_store_add_interaction      (FidStore        *self,
                                                FidInteraction  *interaction,
                                                GError         **error);
/* With advisor-name and customer-name filled. */
FidInteraction *fid_store_get_interaction      (FidStore        *self,
                                                gint64           id,
                                                GError         **error);
/* The follow-ups @advisor_id has to do: not done and due on or before
 * @as_of (YYYY-MM-DD; NULL: today), oldest first (so overdue ones come
 * before today's), as FidInteraction with customer-name filled. */
GPtrArray      *fid_store_list_follow_ups      (FidStore        *self,
                                                gint64           advisor_id,
                                                const char      *as_of,
                                                GError         **error);
/* Marks the follow-up of interaction @interaction_id done. Refused with
 * FID_VALIDATION_ERROR_INVALID_VALUE when it has no follow-up date. */
gboolean        fid_store_complete_follow_up   (FidStore        *self,
                                                gint64           interaction_id,
                                                GError         **error);

/* Tickets ------------------------------------------------------------------ */

#define FID_TICKET_ERROR (fid_ticket_error_quark ())

/* Refusals of the ticket workflow, each its own code. */
typedef enum
{
  FID_TICKET_ERROR_INVALID_TRANSITION,   /* e.g. open → closed, closed → anything */
  FID_TICKET_ERROR_RESOLUTION_REQUIRED,  /* resolving without a resolution note */
  FID_TICKET_ERROR_CRITICAL_NOT_COMPLAINT, /* only complaints can be critical incidents */
} FidTicketError;

GQuark       fid_ticket_error_quark            (void);

/* Saves a new ticket. Validates: the customer exists; kind is request,
 * complaint or incident; the subject is not empty; priority is low,
 * normal, high or urgent; due-on, when set, is YYYY-MM-DD; the advisor,
 * when not 0, exists; only a complaint is flagged critical-incident. The
 * status is always "open" (anything else is refused with
 * FID_TICKET_ERROR_INVALID_TRANSITION); opened-at "" or NULL means now.
 * Sets id, opened-at and version (1). */
gboolean     fid_store_add_ticket              (FidStore        *self,
                                                FidTicket       *ticket,
                                                GError         **error);
/* Saves the editable fields (kind, category, subject, description,
 * priority, due-on, critical-incident, advisor-id) with the same checks.
 * Status and resolution change only through fid_store_set_ticket_status.
 * Refused with FID_STORE_ERROR_CONFLICT when the row's version is no
 * longer the ticket's (someone saved it meanwhile); bumps the version. */
gboolean     fid_store_update_ticket           (FidStore        *self,
                                                FidTicket       *ticket,
                                                GError         **error);
/* Moves ticket @id along the workflow:
 *   open → in_progress → resolved → closed, and resolved → in_progress
 *   (reopen). Any other move: FID_TICKET_ERROR_INVALID_TRANSITION.
 * Resolving needs a non-blank @resolution (FID_TICKET_ERROR_RESOLUTION_REQUIRED),
 * which is saved with resolved-at = now; reopening clears resolved-at and
 * keeps the note. @resolution is ignored for other moves. Bumps the version. */
gboolean     fid_store_set_ticket_status       (FidStore        *self,
                                                gint64           id,
                                                const char      *status,
                                                const char      *resolution,
                                                GError         **error);
/* With customer-name and advisor-name filled. */
FidTicket   *fid_store_get_ticket              (FidStore        *self,
                                                gint64           id,
                                                GError         **error);
/* Every ticket of the customer, newest first. */
GPtrArray   *fid_store_list_customer_tickets   (FidStore        *self,
                                                gint64           customer_id,
                                                GError         **error);
/* Open and in-progress tickets across customers (of @advisor_id, 0: all),
 * with customer-name: overdue ones first (due-on before @as_of, YYYY-MM-DD,
 * NULL: today), then by priority (urgent first), then by due date (none
 * last). A ticket is overdue when due-on < as_of: the caller highlights it. */
GPtrArray   *fid_store_list_open_tickets       (FidStore        *self,
                                                gint64           advisor_id,
                                                const char      *as_of,
                                                GError         **error);

/* Advisors, branches, segments --------------------------------------------- */

/* Advisors by last then first name (of branch @branch_id, 0: all), with
 * branch-name. */
GPtrArray   *fid_store_list_advisors           (FidStore        *self,
                                                gint64           branch_id,
                                                GError         **error);
FidAdvisor  *fid_store_get_advisor             (FidStore        *self,
                                                gint64           id,
                                                GError         **error);
/* Branches by name. */
GPtrArray   *fid_store_list_branches           (FidStore        *self,
                                                GError         **error);
/* The distinct non-empty segment values of customers, sorted. */
char       **fid_store_list_segments           (FidStore        *self,
                                                GError         **error);

/* Duplicates and merge ----------------------------------------------------- */

/* Customers that are likely the same person as @candidate: same e-mail
 * (case ignored), or same folded name ("Hélène DUPONT" = "helene dupont")
 * and same birth date. @candidate itself (when saved) is not returned. */
GPtrArray   *fid_store_find_duplicates         (FidStore        *self,
                                                FidCustomer     *candidate,
                                                GError         **error);
/* Moves every row of customer @merge_id to @keep_id (holdings,
 * transactions, interactions, tickets, life events, opportunities,
 * campaign targets and consents — @keep_id's own row wins where both have
 * one —, survey responses, segment snapshots), fills @keep_id's empty
 * contact fields from @merge_id, deletes @merge_id, and writes an audit
 * row "merge" naming both. Aggregates follow (triggers). */
gboolean     fid_store_merge_customers         (FidStore        *self,
                                                gint64           keep_id,
                                                gint64           merge_id,
                                                GError         **error);

/* Delete with undo --------------------------------------------------------- */

/* Deletes customer @id and every row linked to it, keeping a copy of all
 * of them in the trash. Returns the trash id (> 0), or 0 with @error set. */
gint64       fid_store_trash_customer          (FidStore        *self,
                                                gint64           id,
                                                GError         **error);
/* Puts every row of trash entry @trash_id back, with the same ids, and
 * removes the entry. Refused with FID_STORE_ERROR_CONFLICT when an id was
 * taken meanwhile. */
gboolean     fid_store_restore_customer        (FidStore        *self,
                                                gint64           trash_id,
                                                GError         **error);
/* Empties the trash of entries trashed before @before (ISO 8601 date-time;
 * NULL: all of them). */
gboolean     fid_store_purge_trash             (FidStore        *self,
                                                const char      *before,
                                                GError         **error);

/* The 360 page ------------------------------------------------------------- */

/* The customer's life events, newest first, as FidTimelineEntry:
 * kind "life_event", id, at = occurred on, title = the event kind
 * (marriage, birth…), detail = notes. */
GPtrArray   *fid_store_list_life_events        (FidStore        *self,
                                                gint64           customer_id,
                                                GError         **error);
/* Opportunities not won or lost, newest first, as FidTimelineEntry:
 * kind "opportunity", id, at = created at, channel = product family,
 * title = product name, status = stage, amount-cents = amount,
 * count = probability in percent, detail = expected close date,
 * author = advisor name. */
GPtrArray   *fid_store_list_open_opportunities (FidStore        *self,
                                                gint64           customer_id,
                                                GError         **error);
/* The customer's last NPS or CSAT answer, as FidTimelineEntry: kind
 * "nps" or "csat", id = the response, at = answered at, title = the
 * survey's title, amount-cents = the score (0–10 for NPS, 1–5 for CSAT).
 * NULL without error when the customer never answered one. */
FidTimelineEntry *fid_store_get_last_satisfaction (FidStore       *self,
                                                gint64           customer_id,
                                                GError         **error);

/* The unified timeline as the 360 page shows it, newest first, paged like
 * fid_store_get_timeline (before: the last entry of the previous page).
 * Transactions are grouped by month: one entry of kind "month" per month,
 * with id = YYYYMM, at = the date of the month's last transaction,
 * title = "YYYY-MM", count = number of transactions, amount-cents = their
 * sum. @kind (NULL: all) keeps one kind: interaction, month, transaction
 * (the single transactions, ungrouped), ticket, life_event, campaign.
 * @channel (NULL: all) keeps entries of that channel (interactions,
 * transactions and months of that channel's transactions, campaigns). */
GPtrArray   *fid_store_get_timeline_filtered   (FidStore         *self,
                                                gint64            customer_id,
                                                const char       *kind,
                                                const char       *channel,
                                                FidTimelineEntry *before,
                                                guint             limit,
                                                GError          **error);

G_END_DECLS
