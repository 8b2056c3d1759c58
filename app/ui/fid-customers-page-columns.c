/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidCustomersPage's cells (one factory per column, bound in the
 * template), and what search results need in memory: the filters
 * applied to them and their order, the same orders the store uses for
 * the whole list. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-customers-page-private.h"
#include "fid-format.h"

static GtkWidget *
new_cell_label (float xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  return label;
}

static void
set_cell_text (GtkListItem *list_item,
               const char  *text)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text ? text : "");
}

/* Search results are a few hundred rows: sorted here, in the same orders
 * the store uses for the whole list. */
static int
compare_text (const char *a,
              const char *b)
{
  return g_utf8_collate (a ? a : "", b ? b : "");
}

static int
compare_int (gint64 a,
             gint64 b)
{
  return (a > b) - (a < b);
}

static int
lifecycle_rank (const char *stage)
{
  static const char * const order[] = {
    "unknown", "prospect", "new", "satisfied", "dissatisfied", "inactive", "lost", "reactivated",
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (g_strcmp0 (stage, order[i]) == 0)
        return i;
    }

  return G_N_ELEMENTS (order);
}

int
_fid_customers_page_compare (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  FidCustomer *x = FID_CUSTOMER ((gpointer) a);
  FidCustomer *y = FID_CUSTOMER ((gpointer) b);
  FidCustomerSort sort = GPOINTER_TO_UINT (user_data) >> 1;
  gboolean descending = GPOINTER_TO_UINT (user_data) & 1;
  int result = 0;

  switch (sort)
    {
    case FID_CUSTOMER_SORT_NAME:
      result = compare_text (fid_customer_get_last_name (x), fid_customer_get_last_name (y));
      if (result == 0)
        result = compare_text (fid_customer_get_first_name (x), fid_customer_get_first_name (y));
      break;

    case FID_CUSTOMER_SORT_CITY:
      result = compare_text (fid_customer_get_city (x), fid_customer_get_city (y));
      break;

    case FID_CUSTOMER_SORT_ADVISOR:
      result = compare_text (fid_customer_get_advisor_name (x), fid_customer_get_advisor_name (y));
      break;

    case FID_CUSTOMER_SORT_SEGMENT:
      result = compare_text (fid_customer_get_segment (x), fid_customer_get_segment (y));
      break;

    case FID_CUSTOMER_SORT_LIFECYCLE:
      result = compare_int (lifecycle_rank (fid_customer_get_lifecycle_stage (x)),
                            lifecycle_rank (fid_customer_get_lifecycle_stage (y)));
      break;

    case FID_CUSTOMER_SORT_REVENUE:
      result = compare_int (fid_customer_get_tx_sum_cents (x), fid_customer_get_tx_sum_cents (y));
      break;

    case FID_CUSTOMER_SORT_REVENUE_12M:
      result = compare_int (fid_customer_get_revenue_12m_cents (x), fid_customer_get_revenue_12m_cents (y));
      break;

    case FID_CUSTOMER_SORT_LAST_CONTACT:
      result = g_strcmp0 (fid_customer_get_last_contact_at (x), fid_customer_get_last_contact_at (y));
      break;

    case FID_CUSTOMER_SORT_ENGAGEMENT:
      result = compare_int (fid_customer_get_engagement_score (x), fid_customer_get_engagement_score (y));
      break;

    case FID_CUSTOMER_SORT_ID:
    default:
      break;
    }

  if (result == 0)
    result = compare_int (fid_customer_get_id (x), fid_customer_get_id (y));

  return descending ? -result : result;
}

static void
on_text_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  FidCustomersPage         *self)
{
  gtk_list_item_set_child (list_item, new_cell_label (0.0f));
}

static void
on_name_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  FidCustomersPage         *self)
{
  GtkWidget *label = new_cell_label (0.0f);

  gtk_widget_add_css_class (label, "customer-name");
  gtk_list_item_set_child (list_item, label);
}

static void
on_numeric_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     FidCustomersPage         *self)
{
  GtkWidget *label = new_cell_label (1.0f);

  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_date_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  FidCustomersPage         *self)
{
  GtkWidget *label = new_cell_label (0.0f);

  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_lifecycle_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       FidCustomersPage         *self)
{
  GtkWidget *label = new_cell_label (0.5f);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_list_item_set_child (list_item, label);
}

static void
on_name_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 FidCustomersPage         *self)
{
  FidCustomer *customer = gtk_list_item_get_item (list_item);
  g_autofree char *name = fid_customer_dup_display_name (customer);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GString *why = g_string_new (NULL);

  /* A reference customer, one about to grow fast or a customer of another
   * division is flagged wherever they are listed, so that a list opened
   * from a "not a priority" cell never hides it (DOMAIN.md). */
  if (fid_customer_get_is_reference (customer))
    g_string_append_printf (why, "%s%s", why->len ? "\n" : "", _("Reference customer"));
  if (fid_customer_get_is_fast_growing (customer))
    g_string_append_printf (why, "%s%s", why->len ? "\n" : "", _("About to grow fast"));
  if (fid_customer_get_other_division (customer))
    g_string_append_printf (why, "%s%s", why->len ? "\n" : "", _("Customer of another division"));

  if (why->len > 0)
    {
      g_autofree char *flagged = g_strconcat (name, " ⚑", NULL);

      set_cell_text (list_item, flagged);
      gtk_widget_set_tooltip_text (label, why->str);
    }
  else
    {
      set_cell_text (list_item, name);
      gtk_widget_set_tooltip_text (label, NULL);
    }
  g_string_free (why, TRUE);
}

static void
on_city_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 FidCustomersPage         *self)
{
  set_cell_text (list_item, fid_customer_get_city (gtk_list_item_get_item (list_item)));
}

static void
on_advisor_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    FidCustomersPage         *self)
{
  set_cell_text (list_item, fid_customer_get_advisor_name (gtk_list_item_get_item (list_item)));
}

static void
on_segment_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    FidCustomersPage         *self)
{
  const char *segment = fid_customer_get_segment (gtk_list_item_get_item (list_item));

  set_cell_text (list_item, segment != NULL && segment[0] != '\0' ? segment : "—");
}

static void
on_lifecycle_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      FidCustomersPage         *self)
{
  const char *stage = fid_customer_get_lifecycle_stage (gtk_list_item_get_item (list_item));
  g_autofree char *stage_class = g_strdup_printf ("lifecycle-%s", stage ? stage : "unknown");
  const char *classes[] = { "lifecycle", stage_class, NULL };

  set_cell_text (list_item, fid_format_lifecycle_stage (stage));
  gtk_widget_set_css_classes (gtk_list_item_get_child (list_item), classes);
}

static void
on_revenue_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    FidCustomersPage         *self)
{
  FidCustomer *customer = gtk_list_item_get_item (list_item);
  g_autofree char *money = fid_format_money (fid_customer_get_revenue_12m_cents (customer));

  set_cell_text (list_item, money);
}

static void
on_last_contact_bind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         FidCustomersPage         *self)
{
  FidCustomer *customer = gtk_list_item_get_item (list_item);
  g_autofree char *date = fid_format_date (fid_customer_get_last_contact_at (customer));

  set_cell_text (list_item, date);
}

/* The cached engagement score 0–100 (issue 14), as of its last refresh. */
static void
on_engagement_bind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       FidCustomersPage         *self)
{
  FidCustomer *customer = gtk_list_item_get_item (list_item);
  g_autofree char *score = g_strdup_printf ("%" G_GINT64_FORMAT, fid_customer_get_engagement_score (customer));

  set_cell_text (list_item, score);
}

gboolean
_fid_customer_filter_is_set (const FidCustomerFilter *filter)
{
  return filter->advisor_id != 0 || filter->branch_id != 0 ||
         filter->segment != NULL || filter->lifecycle_stage != NULL || filter->ids != NULL;
}

void
_fid_customers_page_class_bind_cells (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_text_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_numeric_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_lifecycle_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_city_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_advisor_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_segment_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_lifecycle_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_revenue_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_last_contact_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_engagement_bind_cb);
}
