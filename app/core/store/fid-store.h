/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fid-customer.h"
#include "fid-store-error.h"
#include "fid-timeline-entry.h"

G_BEGIN_DECLS

#define FID_TYPE_STORE (fid_store_get_type ())

G_DECLARE_FINAL_TYPE (FidStore, fid_store, FID, STORE, GObject)

typedef enum
{
  FID_STORE_OPEN_DEFAULT   = 0,
  FID_STORE_OPEN_CREATE    = 1 << 0,  /* create the file (and its schema) when absent */
  FID_STORE_OPEN_READ_ONLY = 1 << 1,  /* never write, not even a migration */
} FidStoreOpenFlags;

/* Sort orders of the customer listing. Every order is total: ties on the key
 * are broken by the customer id, which is what makes keyset paging exact. */
typedef enum
{
  FID_CUSTOMER_SORT_NAME,
  FID_CUSTOMER_SORT_CITY,
  FID_CUSTOMER_SORT_REVENUE,       /* all-time sum of transactions */
  FID_CUSTOMER_SORT_LAST_CONTACT,
  FID_CUSTOMER_SORT_ADVISOR,       /* advisor's folded "first last" ('' without advisor: first) */
  FID_CUSTOMER_SORT_SEGMENT,       /* segment text ('' without segment: first) */
  FID_CUSTOMER_SORT_LIFECYCLE,     /* lifecycle order: unknown, prospect, new, satisfied,
                                    * dissatisfied, inactive, lost, reactivated */
  FID_CUSTOMER_SORT_REVENUE_12M,   /* revenue-12m-cents as of the last refresh */
  FID_CUSTOMER_SORT_ENGAGEMENT,    /* engagement score 0–100 as of the last refresh */
  FID_CUSTOMER_SORT_ID,            /* stays last: code loops up to it */
} FidCustomerSort;

/* Which customers the listing shows; 0 / NULL fields mean "any". Filters
 * combine with every sort order. A NULL filter pointer shows everyone. */
typedef struct
{
  gint64      advisor_id;
  gint64      branch_id;
  const char *segment;
  const char *lifecycle_stage;
  /* Only these customers (gint64 ids, any order): the customers behind a
   * chart element, a segment cell, a migration cell. The store keeps its
   * own reference to the array it last loaded; do not change an array's
   * contents once a filter has used it, make a new one. */
  GArray     *ids;
} FidCustomerFilter;

/* Where a page of the listing starts: the sort key and id of the row just
 * before it. Built from the last row of the previous page. */
typedef struct
{
  FidCustomerSort sort;
  char           *text_key;   /* NAME, CITY, LAST_CONTACT, ADVISOR, SEGMENT ('' when none: sorts first) */
  gint64          int_key;    /* REVENUE, LIFECYCLE (the stage's rank), REVENUE_12M, ENGAGEMENT, ID */
  gint64          id;
} FidCustomerCursor;

FidStore          *fid_store_open                  (const char         *path,
                                                    FidStoreOpenFlags   flags,
                                                    GError            **error);
const char        *fid_store_get_path              (FidStore           *self);
int                fid_store_get_schema_version    (FidStore           *self);
int                fid_store_get_latest_schema_version (void);

/* The name of the network file system with statfs f_type @f_type ("NFS",
 * "CIFS"…; for FUSE, @fuse_subtype when it is a remote one such as
 * "sshfs"), or NULL for a local one. fid_store_open refuses to write a
 * database on a network file system (FID_STORE_ERROR_NETWORK_FILESYSTEM)
 * unless FIDELIS_ALLOW_NETWORK_FS=1. */
const char        *fid_filesystem_network_name     (guint64             f_type,
                                                    const char         *fuse_subtype);
gboolean           fid_store_is_read_only          (FidStore           *self);

/* The actor written in the audit log (the signed-in advisor's name). */
void               fid_store_set_actor             (FidStore           *self,
                                                    const char         *actor);

/* Row counts of every domain table, in schema order: NULL-terminated table
 * names in *names (static strings), counts in the returned array. */
GArray            *fid_store_count_rows            (FidStore           *self,
                                                    const char * const **names,
                                                    GError            **error);

/* Customers */
gboolean           fid_store_validate_customer     (FidStore           *self,
                                                    FidCustomer        *customer,
                                                    GError            **error);
gboolean           fid_store_insert_customer       (FidStore           *self,
                                                    FidCustomer        *customer,
                                                    GError            **error);
gboolean           fid_store_update_customer       (FidStore           *self,
                                                    FidCustomer        *customer,
                                                    GError            **error);
gboolean           fid_store_delete_customer       (FidStore           *self,
                                                    gint64              id,
                                                    GError            **error);
FidCustomer       *fid_store_get_customer          (FidStore           *self,
                                                    gint64              id,
                                                    GError            **error);

/* Listing for a lazy GListModel: rows after @after (NULL: from the start),
 * at most @limit of them, as FidCustomer with advisor/branch names and
 * aggregates filled. @filter (NULL: everyone) narrows every call the same
 * way; a model passes the same filter to all three. */
gint64             fid_store_count_customers       (FidStore           *self,
                                                    const FidCustomerFilter *filter,
                                                    GError            **error);
GPtrArray         *fid_store_list_customers        (FidStore           *self,
                                                    const FidCustomerFilter *filter,
                                                    FidCustomerSort     sort,
                                                    const FidCustomerCursor *after,
                                                    guint               limit,
                                                    GError            **error);
/* Page boundaries without OFFSET: walks the sort index once after @after
 * (NULL: from the start) and returns the cursor of every @page_size-th row,
 * at most @max_pages of them. Element i is the cursor after which page i+1
 * (counting the page that starts right after @after as page 0) begins, so
 * a model can jump to row N with one index-only pass. */
GPtrArray         *fid_store_list_page_cursors     (FidStore           *self,
                                                    const FidCustomerFilter *filter,
                                                    FidCustomerSort     sort,
                                                    const FidCustomerCursor *after,
                                                    guint               page_size,
                                                    guint               max_pages,
                                                    GError            **error);
FidCustomerCursor *fid_customer_cursor_new_for     (FidCustomerSort     sort,
                                                    FidCustomer        *customer);
FidCustomerCursor *fid_customer_cursor_copy        (const FidCustomerCursor *cursor);
void               fid_customer_cursor_free        (FidCustomerCursor  *cursor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FidCustomerCursor, fid_customer_cursor_free)

/* Full-text search: every word of @text is a prefix ("hel mar" finds Hélène
 * Martin); accents and case are folded. Text never reaches SQL as SQL. */
GPtrArray         *fid_store_search_customers      (FidStore           *self,
                                                    const char         *text,
                                                    guint               limit,
                                                    GError            **error);
/* The same, keeping only customers inside @filter (NULL: everyone); @limit
 * counts the customers kept. */
GPtrArray         *fid_store_search_customers_filtered (FidStore       *self,
                                                    const FidCustomerFilter *filter,
                                                    const char         *text,
                                                    guint               limit,
                                                    GError            **error);

/* A customer's unified timeline, newest first: entries older than @before
 * (NULL: from the newest), at most @limit. */
GPtrArray         *fid_store_get_timeline          (FidStore           *self,
                                                    gint64              customer_id,
                                                    FidTimelineEntry   *before,
                                                    guint               limit,
                                                    GError            **error);

/* Transactions. Each write keeps the customer's aggregates current (in
 * triggers, inside the same transaction). */
gint64             fid_store_add_transaction       (FidStore           *self,
                                                    gint64              customer_id,
                                                    const char         *date,
                                                    gint64              amount_cents,
                                                    gint64              margin_cents,
                                                    const char         *product_family,
                                                    const char         *channel,
                                                    GError            **error);
gboolean           fid_store_update_transaction    (FidStore           *self,
                                                    gint64              id,
                                                    gint64              customer_id,
                                                    const char         *date,
                                                    gint64              amount_cents,
                                                    gint64              margin_cents,
                                                    GError            **error);
gboolean           fid_store_delete_transaction    (FidStore           *self,
                                                    gint64              id,
                                                    GError            **error);
/* Recomputes every customer's aggregates from the raw transactions and
 * counts the customers whose stored aggregates differ (0 when all is well). */
gboolean           fid_store_check_aggregates      (FidStore           *self,
                                                    gint64             *n_wrong,
                                                    GError            **error);

/* A stable digest (SHA-256, hex) of every domain row in id order: two
 * databases with the same content have the same digest. */
char              *fid_store_content_digest        (FidStore           *self,
                                                    GError            **error);

G_END_DECLS
