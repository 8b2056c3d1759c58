/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The loyalty panel's two dialogs (fid-loyalty-panel.h):
 *  - Redeem a Reward: the balance, the rewards on offer with their cost;
 *    a refusal (not enough points) is shown in a dialog of its own that
 *    says the balance and the cost, and nothing is written.
 *  - Record a Referral: search for the person (as the search bar does),
 *    or type a new prospect's name; the prospect is created and the
 *    referral recorded.
 * Both are AdwMessageDialogs with an extra child: libadwaita 1.2 has no
 * AdwDialog, and these are one-question dialogs. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "fid-loyalty-panel.h"
#include "fid-store-loyalty.h"

#define SEARCH_LIMIT 8

static void
show_refusal (GtkWindow    *parent,
              const char   *heading,
              const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Redeem */

static void
on_redeem_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       FidLoyaltyPanel  *panel)
{
  g_autoptr(GError) error = NULL;
  GtkDropDown *rewards = g_object_get_data (G_OBJECT (dialog), "rewards");
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  guint selected;

  if (!g_str_equal (response, "redeem") || ids == NULL)
    return;
  selected = gtk_drop_down_get_selected (rewards);
  if (selected >= ids->len)
    return;
  if (!fid_loyalty_panel_redeem (panel, g_array_index (ids, gint64, selected), &error))
    show_refusal (gtk_window_get_transient_for (GTK_WINDOW (dialog)), _("Cannot Redeem the Reward"), error);
}

GtkWidget *
fid_loyalty_redeem_dialog_new (FidLoyaltyPanel *panel,
                               GtkWindow       *parent,
                               FidStore        *store,
                               gint64           customer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rewards = fid_store_loyalty_list_rewards (store, FALSE, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *dialog, *dropdown;
  gint64 balance = 0;

  if (rewards == NULL || !fid_store_loyalty_get_balance (store, customer_id, &balance, &error))
    {
      g_array_unref (ids);
      dialog = adw_message_dialog_new (parent, _("Cannot Redeem a Reward"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      return dialog;
    }
  for (guint i = 0; i < rewards->len; i++)
    {
      FidReward *reward = rewards->pdata[i];
      g_autofree char *label = g_strdup_printf (_("%s — %" PRId64 " points"), reward->name, reward->cost_points);

      gtk_string_list_append (names, label);
      g_array_append_val (ids, reward->id);
    }
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The customer has %" PRId64 " point.",
                                       "The customer has %" PRId64 " points.", (gulong) ABS (balance)),
                          balance);
  dialog = adw_message_dialog_new (parent, _("Redeem a Reward"), body);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reward"), -1);
  /* The first reward the balance covers, when there is one. */
  for (guint i = 0; i < rewards->len; i++)
    if (((FidReward *) rewards->pdata[i])->cost_points <= balance)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "redeem", _("_Redeem"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "redeem", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "redeem", ids->len > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "redeem");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "rewards", dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "ids", ids, (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_redeem_response_cb), panel, 0);
  return dialog;
}

/* Referral */

typedef struct
{
  FidStore   *store;
  GtkListBox *results;
  GtkEditable *first_name;
  GtkEditable *last_name;
  gint64      customer_id;
} Referral;

static void
referral_free (Referral *r)
{
  g_clear_object (&r->store);
  g_free (r);
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      Referral       *r)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *child;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (r->results))) != NULL)
    gtk_list_box_remove (r->results, child);
  if (text == NULL || *text == '\0')
    return;
  found = fid_store_search_customers (r->store, text, SEARCH_LIMIT, &error);
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      FidCustomer *c = found->pdata[i];
      g_autofree char *name = fid_customer_dup_display_name (c);
      GtkWidget *row = adw_action_row_new ();

      if (fid_customer_get_id (c) == r->customer_id)
        continue;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fid_customer_get_city (c));
      g_object_set_data (G_OBJECT (row), "customer-id", GSIZE_TO_POINTER ((gsize) fid_customer_get_id (c)));
      gtk_list_box_append (r->results, row);
    }
}

/* The chosen person's id: the selected search result, or a new prospect
 * created from the typed name; 0 with @error when neither. */
static gint64
chosen_person (Referral  *r,
               GError   **error)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (r->results);
  g_autofree char *last = g_strstrip (g_strdup (gtk_editable_get_text (r->last_name)));
  g_autoptr(FidCustomer) prospect = NULL;

  if (row != NULL)
    return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "customer-id"));
  if (last[0] == '\0')
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_EMPTY_NAME,
                           _("Pick the person in the search results, or type the new prospect’s last name."));
      return 0;
    }
  prospect = fid_customer_new ();
  fid_customer_set_first_name (prospect, gtk_editable_get_text (r->first_name));
  fid_customer_set_last_name (prospect, last);
  fid_customer_set_lifecycle_stage (prospect, "prospect");
  if (!fid_store_insert_customer (r->store, prospect, error))
    return 0;
  return fid_customer_get_id (prospect);
}

static void
on_referral_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         FidLoyaltyPanel  *panel)
{
  g_autoptr(GError) error = NULL;
  Referral *r = g_object_get_data (G_OBJECT (dialog), "referral");
  gint64 id;

  if (!g_str_equal (response, "record"))
    return;
  if ((id = chosen_person (r, &error)) == 0 || !fid_loyalty_panel_record_referral (panel, id, &error))
    show_refusal (gtk_window_get_transient_for (GTK_WINDOW (dialog)), _("Cannot Record the Referral"), error);
}

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

GtkWidget *
fid_loyalty_referral_dialog_new (FidLoyaltyPanel *panel,
                                 GtkWindow       *parent,
                                 FidStore        *store,
                                 gint64           customer_id)
{
  Referral *r = g_new0 (Referral, 1);
  GtkWidget *dialog, *box, *search, *results, *names, *first, *last, *label;

  r->store = g_object_ref (store);
  r->customer_id = customer_id;
  dialog = adw_message_dialog_new (parent, _("Record a Referral"),
                                   _("Whom did this customer bring in? Search for the person, or type a new "
                                     "prospect’s name. The points arrive when that person opens a product."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  search = gtk_search_entry_new ();
  g_object_set (search, "placeholder-text", _("Search by name, e-mail, phone or city"), NULL);
  results = boxed_list ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (results), GTK_SELECTION_SINGLE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (results), GTK_ACCESSIBLE_PROPERTY_LABEL, _("People found"), -1);
  label = gtk_label_new (_("Or a new prospect:"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  names = boxed_list ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (names), GTK_SELECTION_NONE);
  first = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (first), _("First name"));
  last = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (last), _("Last name"));
  gtk_list_box_append (GTK_LIST_BOX (names), first);
  gtk_list_box_append (GTK_LIST_BOX (names), last);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), results);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), names);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  r->results = GTK_LIST_BOX (results);
  r->first_name = GTK_EDITABLE (first);
  r->last_name = GTK_EDITABLE (last);
  g_object_set_data_full (G_OBJECT (dialog), "referral", r, (GDestroyNotify) referral_free);
  g_object_set_data (G_OBJECT (dialog), "search", search);
  g_signal_connect (search, "search-changed", G_CALLBACK (on_search_changed_cb), r);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_referral_response_cb), panel, 0);
  return dialog;
}
