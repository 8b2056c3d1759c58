/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidCustomerListModel: the customers of a FidStore as a lazy GListModel.
 *
 * Rows are never all loaded. The model knows the count, and reads pages of
 * page-size rows by keyset paging (fid_store_list_customers after the cursor
 * of the row before the page). Page start cursors are remembered: reading a
 * page gives the next page's cursor for free, and a jump far ahead costs one
 * index-only pass (fid_store_list_page_cursors). Loaded pages are kept in a
 * small LRU so memory stays bounded while scrolling a million rows.
 *
 * Descending order is the ascending listing read backwards: row i is
 * ascending row n - 1 - i. */

#include "config.h"

#include "fid-customer-list-model.h"

/* When the cursors must be extended, read this many more than needed so
 * that scrolling near a jump target does not cost another pass. */
#define CURSOR_READ_AHEAD 64

typedef struct
{
  GList      link;     /* in the LRU queue, data points back to the page */
  guint      index;
  GPtrArray *items;    /* FidCustomer */
} Page;

struct _FidCustomerListModel
{
  GObject          parent_instance;

  FidStore        *store;
  FidCustomerSort  sort;
  gboolean         descending;
  /* Which customers: the strings are owned copies. */
  FidCustomerFilter filter;
  guint            page_size;
  guint            n_items;

  /* cursors->pdata[p] is the cursor of the row before page p; page 0 starts
   * at the beginning, so cursors->pdata[0] is NULL. */
  GPtrArray       *cursors;
  GHashTable      *pages;   /* page index -> Page */
  GQueue           lru;     /* most recently used first */

  guint            warned : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SORT,
  PROP_DESCENDING,
  PROP_PAGE_SIZE,
  PROP_N_ITEMS,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FidCustomerListModel, fid_customer_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static void
page_free (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page);
}

static void
cursor_free (gpointer data)
{
  if (data != NULL)
    fid_customer_cursor_free (data);
}

static void
warn_once (FidCustomerListModel *self,
           const GError         *error)
{
  if (self->warned)
    return;

  self->warned = TRUE;
  g_warning ("Cannot read the customer list: %s", error->message);
}

static guint
get_n_pages (FidCustomerListModel *self)
{
  return (self->n_items + self->page_size - 1) / self->page_size;
}

/* Forgets every loaded page and cursor (not the count). */
static void
clear_pages (FidCustomerListModel *self)
{
  g_queue_init (&self->lru);
  g_hash_table_remove_all (self->pages);
  g_ptr_array_set_size (self->cursors, 0);
  g_ptr_array_add (self->cursors, NULL);
}

static gboolean
cursor_equal (const FidCustomerCursor *a,
              const FidCustomerCursor *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->id == b->id &&
         a->int_key == b->int_key &&
         g_strcmp0 (a->text_key, b->text_key) == 0;
}

/* Makes sure the cursor of page @index is known, with one index-only pass
 * from the last known cursor. */
static gboolean
ensure_cursor (FidCustomerListModel  *self,
               guint                  index,
               GError               **error)
{
  g_autoptr(GPtrArray) found = NULL;
  const FidCustomerCursor *last;
  guint n_pages = get_n_pages (self);
  guint wanted;
  guint i = 0;

  if (index < self->cursors->len)
    return TRUE;

  last = g_ptr_array_index (self->cursors, self->cursors->len - 1);
  wanted = MIN (index - (self->cursors->len - 1) + CURSOR_READ_AHEAD,
                n_pages - self->cursors->len);

  found = fid_store_list_page_cursors (self->store, &self->filter, self->sort, last,
                                       self->page_size, wanted, error);
  if (found == NULL)
    return FALSE;

  /* The pass may start with the page that begins right after @last, whose
   * cursor we already have. */
  if (found->len > 0 && cursor_equal (g_ptr_array_index (found, 0), last))
    i = 1;

  for (; i < found->len; i++)
    {
      g_ptr_array_add (self->cursors, g_ptr_array_index (found, i));
      g_ptr_array_index (found, i) = NULL;
    }

  if (index >= self->cursors->len)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_FAILED,
                   "The list of customers changed while it was read");
      return FALSE;
    }

  return TRUE;
}

static Page *
load_page (FidCustomerListModel  *self,
           guint                  index,
           GError               **error)
{
  g_autoptr(GPtrArray) items = NULL;
  const FidCustomerCursor *after;
  Page *page;

  if (!ensure_cursor (self, index, error))
    return NULL;

  after = g_ptr_array_index (self->cursors, index);
  items = fid_store_list_customers (self->store, &self->filter, self->sort, after,
                                    self->page_size, error);
  if (items == NULL)
    return NULL;

  /* Reading a full page tells where the next one starts. */
  if (index + 1 == self->cursors->len && items->len == self->page_size)
    g_ptr_array_add (self->cursors,
                     fid_customer_cursor_new_for (self->sort,
                                                  g_ptr_array_index (items, items->len - 1)));

  page = g_new0 (Page, 1);
  page->index = index;
  page->items = g_steal_pointer (&items);
  page->link.data = page;

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head_link (&self->lru, &page->link);

  while (self->lru.length > FID_CUSTOMER_LIST_MODEL_MAX_PAGES)
    {
      GList *oldest = g_queue_pop_tail_link (&self->lru);
      Page *evicted = oldest->data;

      g_hash_table_remove (self->pages, GUINT_TO_POINTER (evicted->index));
    }

  return page;
}

static Page *
lookup_page (FidCustomerListModel  *self,
             guint                  index,
             GError               **error)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

  if (page == NULL)
    return load_page (self, index, error);

  if (self->lru.head != &page->link)
    {
      g_queue_unlink (&self->lru, &page->link);
      g_queue_push_head_link (&self->lru, &page->link);
    }

  return page;
}

static guint
count_items (FidCustomerListModel *self)
{
  g_autoptr(GError) error = NULL;
  gint64 count;

  count = fid_store_count_customers (self->store, &self->filter, &error);
  if (count < 0 || error != NULL)
    {
      if (error != NULL)
        warn_once (self, error);
      return 0;
    }

  return (guint) MIN (count, (gint64) G_MAXUINT);
}

static GType
fid_customer_list_model_get_item_type (GListModel *model)
{
  return FID_TYPE_CUSTOMER;
}

static guint
fid_customer_list_model_get_n_items (GListModel *model)
{
  return FID_CUSTOMER_LIST_MODEL (model)->n_items;
}

static gpointer
fid_customer_list_model_get_item (GListModel *model,
                                  guint       position)
{
  FidCustomerListModel *self = FID_CUSTOMER_LIST_MODEL (model);
  g_autoptr(GError) error = NULL;
  guint row;
  guint offset;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  row = self->descending ? self->n_items - 1 - position : position;
  offset = row % self->page_size;

  page = lookup_page (self, row / self->page_size, &error);
  if (page == NULL)
    {
      warn_once (self, error);
      return NULL;
    }

  if (offset >= page->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->items, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = fid_customer_list_model_get_item_type;
  iface->get_n_items = fid_customer_list_model_get_n_items;
  iface->get_item = fid_customer_list_model_get_item;
}

static void
fid_customer_list_model_constructed (GObject *object)
{
  FidCustomerListModel *self = FID_CUSTOMER_LIST_MODEL (object);

  G_OBJECT_CLASS (fid_customer_list_model_parent_class)->constructed (object);

  g_return_if_fail (FID_IS_STORE (self->store));

  self->n_items = count_items (self);
}

static void
fid_customer_list_model_finalize (GObject *object)
{
  FidCustomerListModel *self = FID_CUSTOMER_LIST_MODEL (object);

  g_queue_init (&self->lru);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->cursors, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer ((char **) &self->filter.segment, g_free);
  g_clear_pointer ((char **) &self->filter.lifecycle_stage, g_free);
  g_clear_pointer (&self->filter.ids, g_array_unref);

  G_OBJECT_CLASS (fid_customer_list_model_parent_class)->finalize (object);
}

static void
fid_customer_list_model_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  FidCustomerListModel *self = FID_CUSTOMER_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SORT:
      g_value_set_uint (value, self->sort);
      break;

    case PROP_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_customer_list_model_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  FidCustomerListModel *self = FID_CUSTOMER_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SORT:
      fid_customer_list_model_set_sort (self, g_value_get_uint (value), self->descending);
      break;

    case PROP_DESCENDING:
      fid_customer_list_model_set_sort (self, self->sort, g_value_get_boolean (value));
      break;

    case PROP_PAGE_SIZE:
      self->page_size = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_customer_list_model_class_init (FidCustomerListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fid_customer_list_model_constructed;
  object_class->finalize = fid_customer_list_model_finalize;
  object_class->get_property = fid_customer_list_model_get_property;
  object_class->set_property = fid_customer_list_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FID_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* A FidCustomerSort (the core registers no enum type). */
  properties[PROP_SORT] =
    g_param_spec_uint ("sort", NULL, NULL,
                       FID_CUSTOMER_SORT_NAME, FID_CUSTOMER_SORT_ID, FID_CUSTOMER_SORT_NAME,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL,
                       1, 65536, FID_CUSTOMER_LIST_MODEL_PAGE_SIZE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_customer_list_model_init (FidCustomerListModel *self)
{
  self->sort = FID_CUSTOMER_SORT_NAME;
  self->page_size = FID_CUSTOMER_LIST_MODEL_PAGE_SIZE;
  self->cursors = g_ptr_array_new_with_free_func (cursor_free);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  g_queue_init (&self->lru);
  g_ptr_array_add (self->cursors, NULL);
}

FidCustomerListModel *
fid_customer_list_model_new (FidStore *store)
{
  g_return_val_if_fail (FID_IS_STORE (store), NULL);

  return g_object_new (FID_TYPE_CUSTOMER_LIST_MODEL,
                       "store", store,
                       NULL);
}

FidStore *
fid_customer_list_model_get_store (FidCustomerListModel *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMER_LIST_MODEL (self), NULL);

  return self->store;
}

FidCustomerSort
fid_customer_list_model_get_sort (FidCustomerListModel *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMER_LIST_MODEL (self), FID_CUSTOMER_SORT_NAME);

  return self->sort;
}

gboolean
fid_customer_list_model_get_descending (FidCustomerListModel *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMER_LIST_MODEL (self), FALSE);

  return self->descending;
}

/* Changes the order: every row may move, so the whole model changes. */
void
fid_customer_list_model_set_sort (FidCustomerListModel *self,
                                  FidCustomerSort       sort,
                                  gboolean              descending)
{
  gboolean sort_changed;
  gboolean descending_changed;

  g_return_if_fail (FID_IS_CUSTOMER_LIST_MODEL (self));
  g_return_if_fail (sort <= FID_CUSTOMER_SORT_ID);

  descending = !!descending;
  sort_changed = self->sort != sort;
  descending_changed = self->descending != descending;

  if (!sort_changed && !descending_changed)
    return;

  self->sort = sort;
  self->descending = descending;

  /* Cursors depend on the sort key; pages on the direction too. */
  clear_pages (self);

  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->n_items, self->n_items);

  if (sort_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  if (descending_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
}

/* Reads the count again and forgets every loaded row, after the store was
 * changed. */
void
fid_customer_list_model_reload (FidCustomerListModel *self)
{
  guint old_n_items;

  g_return_if_fail (FID_IS_CUSTOMER_LIST_MODEL (self));

  old_n_items = self->n_items;
  clear_pages (self);
  self->warned = FALSE;
  self->n_items = count_items (self);

  if (old_n_items > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);

  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Shows only the customers @filter keeps (NULL: everyone). The count is
 * read again and the whole model changes. */
void
fid_customer_list_model_set_filter (FidCustomerListModel    *self,
                                    const FidCustomerFilter *filter)
{
  static const FidCustomerFilter everyone = { 0, };
  guint old_n_items;

  g_return_if_fail (FID_IS_CUSTOMER_LIST_MODEL (self));

  if (filter == NULL)
    filter = &everyone;

  if (self->filter.advisor_id == filter->advisor_id &&
      self->filter.branch_id == filter->branch_id &&
      g_strcmp0 (self->filter.segment, filter->segment) == 0 &&
      g_strcmp0 (self->filter.lifecycle_stage, filter->lifecycle_stage) == 0 &&
      self->filter.ids == filter->ids)
    return;

  self->filter.advisor_id = filter->advisor_id;
  self->filter.branch_id = filter->branch_id;
  g_free ((char *) self->filter.segment);
  self->filter.segment = g_strdup (filter->segment);
  g_free ((char *) self->filter.lifecycle_stage);
  self->filter.lifecycle_stage = g_strdup (filter->lifecycle_stage);
  g_clear_pointer (&self->filter.ids, g_array_unref);
  self->filter.ids = filter->ids != NULL ? g_array_ref (filter->ids) : NULL;

  old_n_items = self->n_items;
  clear_pages (self);
  self->warned = FALSE;
  self->n_items = count_items (self);

  if (old_n_items > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);

  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

guint
fid_customer_list_model_get_n_loaded_pages (FidCustomerListModel *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMER_LIST_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}

guint
fid_customer_list_model_get_page_size (FidCustomerListModel *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMER_LIST_MODEL (self), 0);

  return self->page_size;
}
