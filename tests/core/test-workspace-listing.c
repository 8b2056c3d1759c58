/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The customer listing of the workspace: the sort orders added for issue 3
 * (advisor, segment, lifecycle, revenue over 12 months) and the filters
 * (advisor, branch, segment, lifecycle), alone and combined with every
 * sort, at the edges — no row, one row, keys shared by many rows — and the
 * 12-month revenue refresh they sort by. The expected order is computed
 * here, in C, from the rows themselves. */

#include "config.h"

#include "fid-store-workspace.h"
#include "fid-test-util.h"
#include "fid-text.h"

static const char * const stages[] = {
  "unknown", "prospect", "new", "satisfied", "dissatisfied", "inactive", "lost", "reactivated", NULL
};

typedef struct
{
  FidStore *store;
  char     *path;
  gint64    advisors[3];
  gint64    branches[2];
  GArray   *ids;
} Bank;

/* Three advisors whose sort keys differ from their ids' order (and one
 * with an accent, which sorts folded), two branches, and @n customers
 * that share keys a lot: advisor i % 4 (0: none), segment i % 3 (none,
 * gold, silver), lifecycle i % 8, revenue in 4 distinct values. */
static void
bank_init (Bank  *bank,
           guint  n)
{
  g_autoptr(GError) error = NULL;

  bank->store = fid_test_new_store ();
  bank->path = g_strdup (fid_store_get_path (bank->store));
  fid_test_exec_raw (bank->path,
                     "INSERT INTO branches (id, code, name, city) VALUES (1, 'LYS', 'Lyon Saxe', 'Lyon'),"
                     " (2, 'BRE', 'Brest Siam', 'Brest');"
                     "INSERT INTO advisors (id, branch_id, first_name, last_name, sort_key) VALUES"
                     " (1, 1, 'Zoé', 'Petit', 'zoe petit'), (2, 1, 'Élodie', 'Martin', 'elodie martin'),"
                     " (3, 2, 'Bruno', 'Adam', 'bruno adam');");
  bank->advisors[0] = 1;
  bank->advisors[1] = 2;
  bank->advisors[2] = 3;
  bank->branches[0] = 1;
  bank->branches[1] = 2;
  bank->ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      static const char * const segments[] = { NULL, "gold", "silver" };
      g_autofree char *last = g_strdup_printf ("Name%02u", (i * 7) % 13);
      g_autoptr(FidCustomer) customer = fid_test_customer ("Jean", last, "Lyon");
      gint64 id;

      if (i % 4 != 0)
        {
          fid_customer_set_advisor_id (customer, bank->advisors[i % 4 - 1]);
          fid_customer_set_branch_id (customer, i % 4 == 3 ? 2 : 1);
        }
      fid_customer_set_segment (customer, segments[i % 3]);
      fid_customer_set_lifecycle_stage (customer, stages[i % 8]);
      g_assert_true (fid_store_insert_customer (bank->store, customer, &error));
      g_assert_no_error (error);
      id = fid_customer_get_id (customer);
      g_array_append_val (bank->ids, id);
      /* Revenue over 12 months as of 2025-06-30: 0, 1000, 2000 or 3000. */
      for (guint k = 0; k < i % 4; k++)
        g_assert_cmpint (fid_store_add_transaction (bank->store, id, "2025-01-15", 1000, 100,
                                                    "card", NULL, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (fid_store_refresh_revenue_12m (bank->store, "2025-06-30", NULL, &error));
  g_assert_no_error (error);
}

static void
bank_clear (Bank *bank)
{
  g_clear_object (&bank->store);
  g_clear_pointer (&bank->path, g_free);
  g_clear_pointer (&bank->ids, g_array_unref);
}

static gint64
lifecycle_rank (const char *stage)
{
  for (guint i = 0; stages[i] != NULL; i++)
    if (g_strcmp0 (stage, stages[i]) == 0)
      return i;
  return 8;
}

/* The sort key as the store defines it, as text that compares right
 * (integers are offset and zero-padded). */
static char *
sort_key (FidCustomer     *customer,
          FidCustomerSort  sort)
{
  switch (sort)
    {
    case FID_CUSTOMER_SORT_NAME:
      return fid_text_sort_name (fid_customer_get_last_name (customer), fid_customer_get_first_name (customer));
    case FID_CUSTOMER_SORT_CITY:
      return g_strdup (fid_customer_get_city (customer));
    case FID_CUSTOMER_SORT_REVENUE:
      return g_strdup_printf ("%020" G_GINT64_FORMAT, fid_customer_get_tx_sum_cents (customer) + G_GINT64_CONSTANT (1000000000000));
    case FID_CUSTOMER_SORT_LAST_CONTACT:
      return g_strdup (fid_customer_get_last_contact_at (customer));
    case FID_CUSTOMER_SORT_ADVISOR:
      return fid_text_fold (fid_customer_get_advisor_name (customer) ?: "");
    case FID_CUSTOMER_SORT_SEGMENT:
      return g_strdup (fid_customer_get_segment (customer) ?: "");
    case FID_CUSTOMER_SORT_LIFECYCLE:
      return g_strdup_printf ("%02" G_GINT64_FORMAT, lifecycle_rank (fid_customer_get_lifecycle_stage (customer)));
    case FID_CUSTOMER_SORT_REVENUE_12M:
      return g_strdup_printf ("%020" G_GINT64_FORMAT, fid_customer_get_revenue_12m_cents (customer) + G_GINT64_CONSTANT (1000000000000));
    case FID_CUSTOMER_SORT_ID:
    default:
      return g_strdup ("");
    }
}

typedef struct
{
  char   *key;
  gint64  id;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  if (c != 0)
    return c;
  return x->id < y->id ? -1 : x->id > y->id;
}

static gboolean
matches (FidCustomer             *customer,
         const FidCustomerFilter *filter)
{
  if (filter == NULL)
    return TRUE;
  if (filter->advisor_id != 0 && fid_customer_get_advisor_id (customer) != filter->advisor_id)
    return FALSE;
  if (filter->branch_id != 0 && fid_customer_get_branch_id (customer) != filter->branch_id)
    return FALSE;
  if (filter->segment != NULL && g_strcmp0 (fid_customer_get_segment (customer), filter->segment) != 0)
    return FALSE;
  if (filter->lifecycle_stage != NULL && g_strcmp0 (fid_customer_get_lifecycle_stage (customer), filter->lifecycle_stage) != 0)
    return FALSE;
  return TRUE;
}

/* The ids the listing must return, in order. */
static GArray *
expected_ids (Bank                    *bank,
              const FidCustomerFilter *filter,
              FidCustomerSort          sort)
{
  g_autoptr(GArray) keyed = g_array_new (FALSE, FALSE, sizeof (Keyed));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < bank->ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FidCustomer) customer = fid_store_get_customer (bank->store, g_array_index (bank->ids, gint64, i), &error);
      Keyed k;

      g_assert_no_error (error);
      if (!matches (customer, filter))
        continue;
      k.key = sort_key (customer, sort);
      k.id = fid_customer_get_id (customer);
      g_array_append_val (keyed, k);
    }
  g_array_sort (keyed, compare_keyed);
  for (guint i = 0; i < keyed->len; i++)
    {
      g_array_append_val (ids, g_array_index (keyed, Keyed, i).id);
      g_free (g_array_index (keyed, Keyed, i).key);
    }
  return ids;
}

static GArray *
walk (FidStore                *store,
      const FidCustomerFilter *filter,
      FidCustomerSort          sort,
      guint                    page)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(FidCustomerCursor) cursor = NULL;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = fid_store_list_customers (store, filter, sort, cursor, page, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, <=, page);
      for (guint i = 0; i < rows->len; i++)
        {
          gint64 id = fid_customer_get_id (rows->pdata[i]);

          g_assert_true (matches (rows->pdata[i], filter));
          g_array_append_val (ids, id);
        }
      if (rows->len < page)
        break;
      g_clear_pointer (&cursor, fid_customer_cursor_free);
      cursor = fid_customer_cursor_new_for (sort, rows->pdata[rows->len - 1]);
    }
  return ids;
}

static void
assert_same_ids (GArray *a,
                 GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpmem (a->data, a->len * sizeof (gint64), b->data, b->len * sizeof (gint64));
}

/* Every page cursor starts the page a straight walk has there. */
static void
check_cursors (FidStore                *store,
               const FidCustomerFilter *filter,
               FidCustomerSort          sort,
               GArray                  *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cursors = fid_store_list_page_cursors (store, filter, sort, NULL, 3, 1000, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cursors->len, ==, expected->len / 3);
  for (guint i = 0; i < cursors->len; i++)
    {
      g_autoptr(GPtrArray) page = fid_store_list_customers (store, filter, sort, cursors->pdata[i], 3, &error);

      g_assert_no_error (error);
      g_assert_cmpint (((FidCustomerCursor *) cursors->pdata[i])->id, ==,
                       g_array_index (expected, gint64, (i + 1) * 3 - 1));
      if ((i + 1) * 3 < expected->len)
        g_assert_cmpint (fid_customer_get_id (page->pdata[0]), ==, g_array_index (expected, gint64, (i + 1) * 3));
      else
        g_assert_cmpuint (page->len, ==, 0);
    }
}

static void
check_all_sorts (Bank                    *bank,
                 const FidCustomerFilter *filter)
{
  for (FidCustomerSort sort = FID_CUSTOMER_SORT_NAME; sort <= FID_CUSTOMER_SORT_ID; sort++)
    {
      g_autoptr(GArray) expected = expected_ids (bank, filter, sort);
      g_autoptr(GError) error = NULL;

      for (guint page = 1; page <= 7; page += 3)
        {
          g_autoptr(GArray) got = walk (bank->store, filter, sort, page);

          assert_same_ids (got, expected);
        }
      check_cursors (bank->store, filter, sort, expected);
      g_assert_cmpint (fid_store_count_customers (bank->store, filter, &error), ==, expected->len);
      g_assert_no_error (error);
    }
}

static void
test_new_sorts_with_ties (void)
{
  Bank bank = { 0 };

  bank_init (&bank, 61);
  check_all_sorts (&bank, NULL);
  bank_clear (&bank);
}

static void
test_new_sorts_order (void)
{
  Bank bank = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  bank_init (&bank, 8);

  /* No advisor first (''), then Bruno Adam, Élodie Martin (folded: "elodie"),
   * Zoé Petit: by displayed name, accents folded. */
  rows = fid_store_list_customers (bank.store, NULL, FID_CUSTOMER_SORT_ADVISOR, NULL, 8, &error);
  g_assert_no_error (error);
  g_assert_null (fid_customer_get_advisor_name (rows->pdata[0]));
  g_assert_cmpstr (fid_customer_get_advisor_name (rows->pdata[2]), ==, "Bruno Adam");
  g_assert_cmpstr (fid_customer_get_advisor_name (rows->pdata[4]), ==, "Élodie Martin");
  g_assert_cmpstr (fid_customer_get_advisor_name (rows->pdata[7]), ==, "Zoé Petit");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The lifecycle in its own order, not alphabetical. */
  rows = fid_store_list_customers (bank.store, NULL, FID_CUSTOMER_SORT_LIFECYCLE, NULL, 8, &error);
  for (guint i = 0; i < 8; i++)
    g_assert_cmpstr (fid_customer_get_lifecycle_stage (rows->pdata[i]), ==, stages[i]);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Revenue over 12 months, smallest first (the list reverses it for display). */
  rows = fid_store_list_customers (bank.store, NULL, FID_CUSTOMER_SORT_REVENUE_12M, NULL, 8, &error);
  g_assert_cmpint (fid_customer_get_revenue_12m_cents (rows->pdata[0]), ==, 0);
  g_assert_cmpint (fid_customer_get_revenue_12m_cents (rows->pdata[7]), ==, 3000);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Renaming an advisor (a new sort key) moves their customers. */
  fid_test_exec_raw (bank.path, "UPDATE advisors SET first_name = 'Aurore', sort_key = 'aurore martin' WHERE id = 2");
  rows = fid_store_list_customers (bank.store, NULL, FID_CUSTOMER_SORT_ADVISOR, NULL, 8, &error);
  g_assert_cmpstr (fid_customer_get_advisor_name (rows->pdata[2]), ==, "Aurore Martin");
  g_clear_pointer (&rows, g_ptr_array_unref);
  check_all_sorts (&bank, NULL);

  bank_clear (&bank);
}

static void
test_filters (void)
{
  Bank bank = { 0 };
  const FidCustomerFilter filters[] = {
    { .advisor_id = 2 },
    { .branch_id = 1 },
    { .branch_id = 2 },
    { .segment = "gold" },
    { .lifecycle_stage = "new" },
    { .advisor_id = 1, .segment = "silver" },
    { .branch_id = 1, .lifecycle_stage = "prospect", .segment = "gold" },
    { 0 },
  };

  bank_init (&bank, 50);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    check_all_sorts (&bank, &filters[i]);
  bank_clear (&bank);
}

static void
test_filters_edges (void)
{
  Bank bank = { 0 };
  /* Advisor 3's customers are i % 4 == 3 and lifecycle i % 8: with 8
   * customers, "inactive" (5) matches none, "reactivated" (7) one. */
  const FidCustomerFilter none = { .advisor_id = 3, .lifecycle_stage = "inactive" };
  const FidCustomerFilter one = { .advisor_id = 3, .lifecycle_stage = "reactivated" };
  const FidCustomerFilter unknown_advisor = { .advisor_id = 999 };

  bank_init (&bank, 8);
  for (FidCustomerSort sort = FID_CUSTOMER_SORT_NAME; sort <= FID_CUSTOMER_SORT_ID; sort++)
    {
      g_autoptr(GArray) empty = walk (bank.store, &none, sort, 3);
      g_autoptr(GArray) single = walk (bank.store, &one, sort, 1);
      g_autoptr(GArray) nobody = walk (bank.store, &unknown_advisor, sort, 3);
      g_autoptr(GPtrArray) cursors = fid_store_list_page_cursors (bank.store, &one, sort, NULL, 1, 10, NULL);

      g_assert_cmpuint (empty->len, ==, 0);
      g_assert_cmpuint (nobody->len, ==, 0);
      g_assert_cmpuint (single->len, ==, 1);
      g_assert_cmpint (g_array_index (single, gint64, 0), ==, g_array_index (bank.ids, gint64, 7));
      g_assert_cmpuint (cursors->len, ==, 1);
    }
  g_assert_cmpint (fid_store_count_customers (bank.store, &none, NULL), ==, 0);
  g_assert_cmpint (fid_store_count_customers (bank.store, &one, NULL), ==, 1);
  bank_clear (&bank);
}

static void
test_revenue_12m_window (void)
{
  g_autoptr(FidStore) store = fid_test_new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FidCustomer) customer = NULL;
  g_autofree char *as_of = NULL;
  gint64 id = fid_test_insert (store, "Anne", "Roux", "Lille");
  gint64 other = fid_test_insert (store, "Paul", "Roux", "Lille");
  static const struct { const char *date; gint64 amount; } rows[] = {
    { "2024-06-30", 1 },      /* 12 months before: outside */
    { "2024-07-01", 10 },     /* first day inside */
    { "2025-02-28", 100 },
    { "2025-06-30", 1000 },   /* the as-of date itself: inside */
    { "2025-07-01", 10000 },  /* after: outside */
  };

  g_assert_null (fid_store_dup_revenue_12m_as_of (store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpint (fid_store_add_transaction (store, id, rows[i].date, rows[i].amount, 2 * rows[i].amount,
                                                "card", NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (fid_store_refresh_revenue_12m (store, "2025-06-30", NULL, &error));
  g_assert_no_error (error);
  customer = fid_store_get_customer (store, id, &error);
  g_assert_cmpint (fid_customer_get_revenue_12m_cents (customer), ==, 1110);
  g_assert_cmpint (fid_customer_get_margin_12m_cents (customer), ==, 2220);
  g_clear_object (&customer);
  customer = fid_store_get_customer (store, other, &error);
  g_assert_cmpint (fid_customer_get_revenue_12m_cents (customer), ==, 0);
  g_clear_object (&customer);
  as_of = fid_store_dup_revenue_12m_as_of (store, &error);
  g_assert_cmpstr (as_of, ==, "2025-06-30");

  /* A day later the window moves: 2024-07-01 leaves, 2025-07-01 enters. */
  g_assert_true (fid_store_refresh_revenue_12m (store, "2025-07-01", NULL, &error));
  customer = fid_store_get_customer (store, id, &error);
  g_assert_cmpint (fid_customer_get_revenue_12m_cents (customer), ==, 11100);

  /* A bad date is refused and changes nothing. */
  g_assert_false (fid_store_refresh_revenue_12m (store, "2025-13-01", NULL, &error));
  g_assert_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE);
  g_clear_error (&error);

  /* A cancelled refresh does nothing either. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    g_assert_false (fid_store_refresh_revenue_12m (store, "2024-01-01", cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_clear_object (&customer);
    customer = fid_store_get_customer (store, id, &error);
    g_assert_cmpint (fid_customer_get_revenue_12m_cents (customer), ==, 11100);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workspace-listing/new-sorts-with-ties", test_new_sorts_with_ties);
  g_test_add_func ("/workspace-listing/new-sorts-order", test_new_sorts_order);
  g_test_add_func ("/workspace-listing/filters", test_filters);
  g_test_add_func ("/workspace-listing/filters-edges", test_filters_edges);
  g_test_add_func ("/workspace-listing/revenue-12m-window", test_revenue_12m_window);

  return g_test_run ();
}
