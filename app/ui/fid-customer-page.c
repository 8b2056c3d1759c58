/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidCustomerPage: the customer 360 view, the account manager's
 * workstation. A header (name, lifecycle stage, advisor, the main
 * commands), KPI cards, then two columns on a wide window (one on a narrow
 * one): identity and contact, open tickets, products held, household,
 * consents, life events and opportunities beside the unified timeline.
 * Every piece is one store call through an index, so the page opens at
 * once; the timeline pages itself as the user scrolls. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-customer-page-private.h"
#include "fid-format.h"
#include "fid-segment-labels.h"
#include "fid-store-segments.h"
#include "fid-store-export.h"
#include "fid-store-workspace.h"
#include "fid-store-audit.h"
#include "fid-nbo-panel.h"
#include "fid-loyalty-panel.h"

/* Below this width the two columns stack. */
#define TWO_COLUMNS_MIN_WIDTH 840

struct _FidCustomerPage
{
  GtkWidget             parent_instance;

  FidStore             *store;
  gint64                advisor_id;
  gint64                customer_id;
  FidCustomer          *customer;
  gboolean              wide;

  GtkListBox           *contact_list;
  GtkListBox           *tickets_list;
  GtkListBox           *products_list;
  GtkListBox           *household_list;
  GtkListBox           *consents_list;
  GtkListBox           *life_events_list;
  GtkListBox           *opportunities_list;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  GtkScrolledWindow    *scrolled_window;
  AdwAvatar            *avatar;
  GtkLabel             *name_label;
  GtkLabel             *lifecycle_label;
  GtkLabel             *advisor_label;
  GtkFlowBox           *kpi_box;
  GtkBox               *columns;
  AdwPreferencesGroup  *contact_group;
  AdwPreferencesGroup  *tickets_group;
  AdwPreferencesGroup  *products_group;
  AdwPreferencesGroup  *household_group;
  AdwPreferencesGroup  *consents_group;
  AdwPreferencesGroup  *life_events_group;
  AdwPreferencesGroup  *opportunities_group;
  FidNboPanel          *nbo_panel;
  FidLoyaltyPanel      *loyalty_panel;
  FidTimeline          *timeline;
};

G_DEFINE_FINAL_TYPE (FidCustomerPage, fid_customer_page, GTK_TYPE_WIDGET)

static GtkListBox *
add_list (AdwPreferencesGroup *group)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (group, list);

  return GTK_LIST_BOX (list);
}

static void
clear_list (GtkListBox *list,
            const char *placeholder)
{
  GtkListBoxRow *row;
  GtkWidget *label = NULL;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));

  if (placeholder != NULL)
    {
      label = gtk_label_new (placeholder);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
    }
  gtk_list_box_set_placeholder (list, label);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static GtkWidget *
new_suffix_label (const char *text,
                  const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* "Label ........ value": the key-value rows of the contact group. */
static void
add_field (FidCustomerPage *self,
           const char      *title,
           const char      *value)
{
  GtkWidget *row;

  if (value == NULL || value[0] == '\0')
    return;

  row = new_row (title, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_suffix_label (value, NULL));
  gtk_list_box_append (self->contact_list, row);
}

static void
add_kpi (FidCustomerPage *self,
         const char      *caption,
         const char      *value,
         const char      *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "kpi-card");

  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption_label, "caption-heading");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_box_append (GTK_BOX (box), caption_label);

  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (value_label, "title-3");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_box_append (GTK_BOX (box), value_label);

  if (detail != NULL)
    {
      GtkWidget *detail_label = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (detail_label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (detail_label, "caption");
      gtk_widget_add_css_class (detail_label, "dim-label");
      gtk_box_append (GTK_BOX (box), detail_label);
    }

  gtk_flow_box_append (self->kpi_box, box);
}

static guint
count_open_holdings (GPtrArray *holdings)
{
  guint n = 0;

  for (guint i = 0; holdings != NULL && i < holdings->len; i++)
    if (fid_holding_is_open (g_ptr_array_index (holdings, i)))
      n++;

  return n;
}

static void
fill_kpis (FidCustomerPage *self,
           GPtrArray       *holdings)
{
  FidCustomer *c = self->customer;
  g_autoptr(FidTimelineEntry) satisfaction = NULL;
  g_autofree char *revenue = fid_format_money (fid_customer_get_revenue_12m_cents (c));
  g_autofree char *margin = fid_format_money (fid_customer_get_margin_12m_cents (c));
  g_autofree char *revenue_all = fid_format_money (fid_customer_get_tx_sum_cents (c));
  g_autofree char *margin_all = fid_format_money (fid_customer_get_margin_cents (c));
  g_autofree char *revenue_detail = g_strdup_printf (_("%s all time"), revenue_all);
  g_autofree char *margin_detail = g_strdup_printf (_("%s all time"), margin_all);
  g_autofree char *products = fid_format_count (count_open_holdings (holdings));
  g_autofree char *products_detail = NULL;
  g_autofree char *since = NULL;
  g_autofree char *since_detail = NULL;
  const char *segment = fid_customer_get_segment (c);
  g_autoptr(GPtrArray) segments = NULL;
  GtkFlowBoxChild *child;

  while ((child = gtk_flow_box_get_child_at_index (self->kpi_box, 0)) != NULL)
    gtk_flow_box_remove (self->kpi_box, GTK_WIDGET (child));

  products_detail = g_strdup_printf (ngettext ("%u contract in all", "%u contracts in all",
                                               holdings ? holdings->len : 0),
                                     holdings ? holdings->len : 0);

  add_kpi (self, _("Revenue, 12 months"), revenue, revenue_detail);
  add_kpi (self, _("Margin, 12 months"), margin, margin_detail);
  add_kpi (self, _("Products held"), products, products_detail);
  if (fid_customer_get_first_tx_date (c) != NULL && fid_customer_get_first_tx_date (c)[0] != '\0')
    {
      since = fid_format_date (fid_customer_get_first_tx_date (c));
      since_detail = g_strdup_printf (_("Customer since %s"), since);
    }
  else
    {
      since_detail = g_strdup (_("No transactions yet"));
    }
  add_kpi (self, _("Lifecycle stage"), fid_format_lifecycle_stage (fid_customer_get_lifecycle_stage (c)),
           since_detail);
  /* The latest saved segment of each method (Segmentation page). */
  segments = fid_store_list_customer_segments (self->store, self->customer_id, NULL);
  for (guint i = 0; segments != NULL && i < segments->len; i++)
    {
      FidCustomerSegment *cs = g_ptr_array_index (segments, i);
      g_autofree char *date = fid_format_date (cs->taken_on);
      /* Translators: under a customer's segment: the snapshot's date. */
      g_autofree char *detail = g_strdup_printf (_("As of %s"), date);

      add_kpi (self, fid_segment_scheme_label (cs->scheme), fid_segment_label (cs->scheme, cs->segment), detail);
    }
  if ((segments == NULL || segments->len == 0) && segment != NULL && segment[0] != '\0')
    add_kpi (self, _("Segment"), segment, NULL);
  else if (segments == NULL || segments->len == 0)
    add_kpi (self, _("Segments"), _("Not computed"), _("Save a snapshot on the Segmentation page"));

  satisfaction = fid_store_get_last_satisfaction (self->store, self->customer_id, NULL);
  if (satisfaction != NULL)
    {
      gboolean nps = g_strcmp0 (fid_timeline_entry_get_kind (satisfaction), "nps") == 0;
      g_autofree char *score = g_strdup_printf (nps ? _("NPS %d / 10") : _("CSAT %d / 5"),
                                                (int) fid_timeline_entry_get_amount_cents (satisfaction));
      g_autofree char *when = fid_format_date (fid_timeline_entry_get_at (satisfaction));

      add_kpi (self, _("Last satisfaction answer"), score, when);
    }
  else
    {
      add_kpi (self, _("Last satisfaction answer"), _("None"), _("No NPS or CSAT survey answered"));
    }
}

static void
fill_header (FidCustomerPage *self)
{
  FidCustomer *c = self->customer;
  g_autofree char *name = fid_customer_dup_display_name (c);
  const char *stage = fid_customer_get_lifecycle_stage (c);
  g_autofree char *stage_class = g_strdup_printf ("lifecycle-%s", stage ? stage : "unknown");
  const char *classes[] = { "lifecycle", stage_class, NULL };
  const char *advisor = fid_customer_get_advisor_name (c);
  g_autofree char *advisor_text = NULL;

  gtk_label_set_text (self->name_label, name);
  adw_avatar_set_text (self->avatar, name);

  gtk_label_set_text (self->lifecycle_label, fid_format_lifecycle_stage (stage));
  gtk_widget_set_css_classes (GTK_WIDGET (self->lifecycle_label), classes);

  if (advisor != NULL && advisor[0] != '\0')
    /* Translators: under the customer's name on the 360 page. */
    advisor_text = g_strdup_printf (_("Advisor: %s"), advisor);
  else
    advisor_text = g_strdup (_("No advisor"));
  gtk_label_set_text (self->advisor_label, advisor_text);
}

static void
fill_contact (FidCustomerPage *self)
{
  FidCustomer *c = self->customer;
  g_autofree char *birth = NULL;
  g_autofree char *income = NULL;
  g_autofree char *created = NULL;
  g_autofree char *address = NULL;
  g_autofree char *town = NULL;
  const char *postcode = fid_customer_get_postcode (c);
  const char *city = fid_customer_get_city (c);

  clear_list (self->contact_list, NULL);

  add_field (self, _("Kind"), g_strcmp0 (fid_customer_get_kind (c), "company") == 0
                              ? C_("customer kind", "Company") : C_("customer kind", "Person"));
  if (fid_customer_get_birth_date (c) != NULL)
    birth = fid_format_date (fid_customer_get_birth_date (c));
  add_field (self, _("Birth date"), birth);
  add_field (self, _("E-mail"), fid_customer_get_email (c));
  add_field (self, _("Phone"), fid_customer_get_phone (c));

  town = g_strjoin (" ", postcode ? postcode : "", city ? city : "", NULL);
  g_strstrip (town);
  address = g_strjoin ("\n", fid_customer_get_address (c) ? fid_customer_get_address (c) : "", town, NULL);
  g_strstrip (address);
  add_field (self, _("Address"), address);

  add_field (self, _("Preferred channel"), fid_format_channel (fid_customer_get_preferred_channel (c)));
  add_field (self, _("Branch"), fid_customer_get_branch_name (c));
  if (fid_customer_get_annual_income_cents (c) > 0)
    income = fid_format_money (fid_customer_get_annual_income_cents (c));
  add_field (self, _("Annual income"), income);
  created = fid_format_date (fid_customer_get_created_at (c));
  add_field (self, _("In the bank's files since"), created);
}

static void
fill_tickets (FidCustomerPage *self)
{
  g_autoptr(GPtrArray) tickets = fid_store_list_customer_tickets (self->store, self->customer_id, NULL);
  g_autofree char *today = fid_format_today_iso ();

  clear_list (self->tickets_list, _("No open tickets."));

  for (guint i = 0; tickets != NULL && i < tickets->len; i++)
    {
      FidTicket *ticket = g_ptr_array_index (tickets, i);
      const char *status = fid_ticket_get_status (ticket);
      const char *due_on = fid_ticket_get_due_on (ticket);
      g_autofree char *subtitle = NULL;
      g_autofree char *due = NULL;
      GtkWidget *row;
      GtkWidget *due_label;
      gboolean overdue;

      if (g_strcmp0 (status, "open") != 0 && g_strcmp0 (status, "in_progress") != 0)
        continue;

      overdue = due_on != NULL && due_on[0] != '\0' && g_strcmp0 (due_on, today) < 0;
      subtitle = g_strdup_printf ("%s · %s · %s%s%s", fid_format_ticket_kind (fid_ticket_get_kind (ticket)),
                                  fid_format_ticket_status (status),
                                  fid_format_ticket_priority (fid_ticket_get_priority (ticket)),
                                  fid_ticket_get_critical_incident (ticket) ? " · " : "",
                                  fid_ticket_get_critical_incident (ticket) ? _("Critical incident") : "");
      row = new_row (fid_ticket_get_subject (ticket), subtitle);

      if (due_on != NULL && due_on[0] != '\0')
        {
          g_autofree char *date = fid_format_relative_day (due_on);

          /* Translators: when a ticket must be settled ("Due 3 Apr 2026"). */
          due = g_strdup_printf (_("Due %s"), date);
        }
      else
        {
          due = g_strdup (_("No due date"));
        }
      due_label = new_suffix_label (due, overdue ? "error" : "dim-label");
      gtk_label_set_selectable (GTK_LABEL (due_label), FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), due_label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "customer.edit-ticket");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", fid_ticket_get_id (ticket));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->tickets_list, row);
    }
}

static void
fill_products (FidCustomerPage *self,
               GPtrArray       *holdings)
{
  clear_list (self->products_list, _("No products held."));

  for (guint i = 0; holdings != NULL && i < holdings->len; i++)
    {
      FidHolding *holding = g_ptr_array_index (holdings, i);
      g_autofree char *opened = fid_format_date (fid_holding_get_opened_on (holding));
      g_autofree char *subtitle = NULL;
      g_autofree char *balance = fid_format_money (fid_holding_get_balance_cents (holding));
      GtkWidget *row;

      if (fid_holding_is_open (holding))
        subtitle = g_strdup_printf (_("%s · opened %s"),
                                    fid_format_product_family (fid_holding_get_family (holding)), opened);
      else
        {
          g_autofree char *closed = fid_format_date (fid_holding_get_closed_on (holding));

          subtitle = g_strdup_printf (_("%s · closed %s"),
                                      fid_format_product_family (fid_holding_get_family (holding)), closed);
        }

      row = new_row (fid_holding_get_product_name (holding), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_suffix_label (balance, fid_holding_is_open (holding) ? "numeric" : "dim-label"));
      if (!fid_holding_is_open (holding))
        gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->products_list, row);
    }
}

static void
fill_household (FidCustomerPage *self)
{
  g_autoptr(GPtrArray) members = fid_store_get_household_members (self->store, self->customer_id, NULL);
  gint64 household_id = fid_customer_get_household_id (self->customer);
  g_autofree char *household_name = NULL;
  guint shown = 0;

  clear_list (self->household_list, NULL);

  if (household_id != 0)
    household_name = fid_store_dup_household_name (self->store, household_id, NULL);
  adw_preferences_group_set_description (self->household_group, household_name);

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      FidCustomer *member = g_ptr_array_index (members, i);
      g_autofree char *name = NULL;
      GtkWidget *row;

      if (fid_customer_get_id (member) == self->customer_id)
        continue;

      name = fid_customer_dup_display_name (member);
      row = new_row (name, fid_format_household_role (fid_customer_get_household_role (member)));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("avatar-default-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-customer");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", fid_customer_get_id (member));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->household_list, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->household_group), shown > 0);
}

static void
fill_consents (FidCustomerPage *self)
{
  g_autoptr(GPtrArray) consents = fid_store_get_consents (self->store, self->customer_id, NULL);

  clear_list (self->consents_list, _("No consent recorded."));

  for (guint i = 0; consents != NULL && i < consents->len; i++)
    {
      FidConsent *consent = g_ptr_array_index (consents, i);
      g_autofree char *given = fid_format_date (consent->given_at);
      g_autofree char *subtitle = g_strdup_printf (_("Recorded %s · %s"), given,
                                                   fid_format_consent_source (consent->source));
      GtkWidget *row = new_row (fid_format_channel (consent->channel), subtitle);
      GtkWidget *tag = gtk_label_new (consent->marketing ? _("Accepts marketing") : _("Refuses marketing"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "consent-tag");
      gtk_widget_add_css_class (tag, consent->marketing ? "consent-yes" : "consent-no");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (fid_format_channel_icon (consent->channel)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      gtk_list_box_append (self->consents_list, row);
    }
}

static void
fill_life_events (FidCustomerPage *self)
{
  g_autoptr(GPtrArray) events = fid_store_list_life_events (self->store, self->customer_id, NULL);

  clear_list (self->life_events_list, NULL);

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      FidTimelineEntry *event = g_ptr_array_index (events, i);
      g_autofree char *date = fid_format_date (fid_timeline_entry_get_at (event));
      GtkWidget *row = new_row (fid_format_life_event (fid_timeline_entry_get_title (event)),
                                fid_timeline_entry_get_detail (event));

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_suffix_label (date, "dim-label"));
      gtk_list_box_append (self->life_events_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->life_events_group), events != NULL && events->len > 0);
}

static void
fill_opportunities (FidCustomerPage *self)
{
  g_autoptr(GPtrArray) opportunities = fid_store_list_open_opportunities (self->store, self->customer_id, NULL);

  clear_list (self->opportunities_list, NULL);

  for (guint i = 0; opportunities != NULL && i < opportunities->len; i++)
    {
      FidTimelineEntry *opportunity = g_ptr_array_index (opportunities, i);
      g_autofree char *amount = fid_format_money (fid_timeline_entry_get_amount_cents (opportunity));
      g_autofree char *subtitle = g_strdup_printf (_("%s · %d %% likely"),
                                                   fid_format_opportunity_stage (fid_timeline_entry_get_status (opportunity)),
                                                   (int) fid_timeline_entry_get_count (opportunity));
      GtkWidget *row = new_row (fid_timeline_entry_get_title (opportunity), subtitle);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_suffix_label (amount, "numeric"));
      gtk_list_box_append (self->opportunities_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->opportunities_group),
                          opportunities != NULL && opportunities->len > 0);
}

static void
fill (FidCustomerPage *self)
{
  g_autoptr(GPtrArray) holdings = fid_store_get_holdings (self->store, self->customer_id, NULL);

  fill_header (self);
  fill_kpis (self, holdings);
  fill_contact (self);
  fill_tickets (self);
  fill_products (self, holdings);
  fill_household (self);
  fill_consents (self);
  fill_life_events (self);
  fid_nbo_panel_set_customer (self->nbo_panel, self->store, self->customer_id, self->advisor_id);
  fill_opportunities (self);
  fid_loyalty_panel_set_customer (self->loyalty_panel, self->store, self->customer_id, self->advisor_id);
}

static void
set_actions_enabled (FidCustomerPage *self,
                     gboolean         enabled)
{
  static const char * const actions[] = {
    "customer.add-interaction", "customer.new-ticket", "customer.edit-ticket",
    "customer.edit", "customer.delete",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], enabled);
}

/* The timeline reads its next page when the user nears the end. */
static void
on_vadjustment_value_changed_cb (GtkAdjustment   *adjustment,
                                 FidCustomerPage *self)
{
  double bottom = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);

  if (bottom >= gtk_adjustment_get_upper (adjustment) - 300 && fid_timeline_get_has_more (self->timeline))
    fid_timeline_load_more (self->timeline);
}

/* Two columns side by side on a wide page, stacked on a narrow one. (No
 * layout manager: it would bypass this vfunc.) */
static void
fid_customer_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  FidCustomerPage *self = FID_CUSTOMER_PAGE (widget);
  gboolean wide = width >= TWO_COLUMNS_MIN_WIDTH;

  if (wide != self->wide)
    {
      self->wide = wide;
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns),
                                      wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
      gtk_box_set_homogeneous (self->columns, wide);
    }

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

static void
fid_customer_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  FidCustomerPage *self = FID_CUSTOMER_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
fid_customer_page_dispose (GObject *object)
{
  FidCustomerPage *self = FID_CUSTOMER_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_CUSTOMER_PAGE);
  /* Children the template made without binding them (separators…). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->customer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fid_customer_page_parent_class)->dispose (object);
}

static void
fid_customer_page_class_init (FidCustomerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_customer_page_dispose;

  widget_class->measure = fid_customer_page_measure;
  widget_class->size_allocate = fid_customer_page_size_allocate;

  g_type_ensure (FID_TYPE_TIMELINE);
  g_type_ensure (FID_TYPE_NBO_PANEL);
  g_type_ensure (FID_TYPE_LOYALTY_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-customer-page.ui");
  gtk_widget_class_set_css_name (widget_class, "customer-page");
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, lifecycle_label);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, advisor_label);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, kpi_box);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, columns);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, contact_group);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, tickets_group);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, products_group);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, household_group);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, consents_group);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, life_events_group);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, opportunities_group);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, nbo_panel);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, loyalty_panel);
  gtk_widget_class_bind_template_child (widget_class, FidCustomerPage, timeline);

  _fid_customer_page_class_install_actions (widget_class);

}

static void
fid_customer_page_init (FidCustomerPage *self)
{
  GtkAdjustment *vadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->contact_list = add_list (self->contact_group);
  self->tickets_list = add_list (self->tickets_group);
  self->products_list = add_list (self->products_group);
  self->household_list = add_list (self->household_group);
  self->consents_list = add_list (self->consents_group);
  self->life_events_list = add_list (self->life_events_group);
  self->opportunities_list = add_list (self->opportunities_group);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns), GTK_ORIENTATION_VERTICAL);

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  g_signal_connect_object (vadjustment, "value-changed",
                           G_CALLBACK (on_vadjustment_value_changed_cb), self, 0);

  set_actions_enabled (self, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

void
fid_customer_page_set_store (FidCustomerPage *self,
                             FidStore        *store)
{
  g_return_if_fail (FID_IS_CUSTOMER_PAGE (self));
  g_return_if_fail (!store || FID_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  self->customer_id = 0;
  g_clear_object (&self->customer);
  fid_timeline_set_store (self->timeline, store);
  set_actions_enabled (self, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

void
fid_customer_page_set_advisor_id (FidCustomerPage *self,
                                  gint64           advisor_id)
{
  g_return_if_fail (FID_IS_CUSTOMER_PAGE (self));

  self->advisor_id = advisor_id;
}

void
fid_customer_page_load (FidCustomerPage *self,
                        gint64           customer_id)
{
  g_autoptr(GError) error = NULL;
  FidCustomer *customer;

  g_return_if_fail (FID_IS_CUSTOMER_PAGE (self));

  if (self->store == NULL)
    return;

  customer = fid_store_get_customer (self->store, customer_id, &error);
  g_clear_object (&self->customer);
  self->customer_id = customer_id;

  if (customer == NULL)
    {
      adw_status_page_set_title (self->status_page, _("Customer Not Found"));
      adw_status_page_set_description (self->status_page, error ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "none");
      set_actions_enabled (self, FALSE);
      fid_timeline_set_customer (self->timeline, 0);
      return;
    }

  self->customer = customer;
  fid_store_audit_customer_view (self->store, customer_id, NULL);  /* audit trail (issue 9) */
  fill (self);
  fid_timeline_set_customer (self->timeline, customer_id);
  set_actions_enabled (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "customer");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

/* Reads everything again, keeping the scroll position and the timeline's
 * filters. */
void
fid_customer_page_reload (FidCustomerPage *self)
{
  g_autoptr(FidCustomer) customer = NULL;

  g_return_if_fail (FID_IS_CUSTOMER_PAGE (self));

  if (self->store == NULL || self->customer_id == 0)
    return;

  customer = fid_store_get_customer (self->store, self->customer_id, NULL);
  if (customer == NULL)
    {
      fid_customer_page_load (self, self->customer_id);
      return;
    }

  g_set_object (&self->customer, customer);
  fill (self);
  fid_timeline_reload (self->timeline);
  set_actions_enabled (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "customer");
}

FidStore *
_fid_customer_page_get_store (FidCustomerPage *self)
{
  return self->store;
}

gint64
_fid_customer_page_get_advisor_id (FidCustomerPage *self)
{
  return self->advisor_id;
}

gint64
fid_customer_page_get_customer_id (FidCustomerPage *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMER_PAGE (self), 0);

  return self->customer != NULL ? self->customer_id : 0;
}

FidCustomer *
fid_customer_page_get_customer (FidCustomerPage *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMER_PAGE (self), NULL);

  return self->customer;
}

FidTimeline *
fid_customer_page_get_timeline (FidCustomerPage *self)
{
  g_return_val_if_fail (FID_IS_CUSTOMER_PAGE (self), NULL);

  return self->timeline;
}
