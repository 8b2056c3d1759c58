/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidContactPage: find a customer, then log or send on any channel. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-contact-page.h"
#include "fid-store-export.h"

#define MAX_RESULTS 6

typedef struct
{
  FidChannel *channel;
  GtkWidget  *log_row;      /* in log_group, or NULL */
  GtkWidget  *log_button;
  GtkWidget  *import_row;   /* in files_group, or NULL */
  GtkWidget  *export_row;
} ChannelRows;

struct _FidContactPage
{
  AdwBin               parent_instance;

  FidStore            *store;
  FidCustomer         *customer;
  GPtrArray           *channels;   /* ChannelRows */
  GPtrArray           *results;    /* result rows */

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkListBox          *results_list;
  AdwPreferencesGroup *customer_group;
  GtkButton           *show_customer_button;
  AdwActionRow        *contact_row;
  AdwActionRow        *consent_row;
  AdwPreferencesGroup *log_group;
  AdwPreferencesGroup *files_group;
};

G_DEFINE_FINAL_TYPE (FidContactPage, fid_contact_page, ADW_TYPE_BIN)

static void
channel_rows_free (ChannelRows *rows)
{
  g_clear_object (&rows->channel);
  g_free (rows);
}

static const char *
channel_name_for_id (FidContactPage *self,
                     const char     *id)
{
  static const struct { const char *id; const char *name; } known[] = {
    { "email", N_("E-mail") },
    { "sms", N_("SMS") },
    { "phone", N_("Phone") },
    { "mail", N_("Postal Mail") },
  };

  for (guint i = 0; i < self->channels->len; i++)
    {
      ChannelRows *rows = g_ptr_array_index (self->channels, i);

      if (g_strcmp0 (fid_channel_get_id (rows->channel), id) == 0)
        return fid_channel_get_name (rows->channel);
    }
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_strcmp0 (known[i].id, id) == 0)
      return _(known[i].name);

  return id;
}

static void
update_customer (FidContactPage *self)
{
  g_autoptr(GPtrArray) consents = NULL;
  g_autoptr(GString) contact = g_string_new (NULL);
  g_autoptr(GString) consent_text = g_string_new (NULL);
  g_autofree char *name = NULL;
  GVariant *target = NULL;
  gint64 id = self->customer != NULL ? fid_customer_get_id (self->customer) : 0;
  guint n_log_rows = 0;
  guint n_file_rows = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->customer_group), self->customer != NULL);

  if (self->customer != NULL)
    {
      const char *email = fid_customer_get_email (self->customer);
      const char *phone = fid_customer_get_phone (self->customer);
      const char *city = fid_customer_get_city (self->customer);

      name = fid_customer_dup_display_name (self->customer);
      adw_preferences_group_set_title (self->customer_group, name);
      if (fid_customer_get_advisor_name (self->customer) != NULL)
        {
          g_autofree char *advisor = g_strdup_printf (_("Advisor: %s"),
                                                      fid_customer_get_advisor_name (self->customer));

          adw_preferences_group_set_description (self->customer_group, advisor);
        }
      else
        adw_preferences_group_set_description (self->customer_group, NULL);

      const char *parts[] = { email, phone, city };

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          if (parts[i] == NULL || parts[i][0] == '\0')
            continue;
          if (contact->len > 0)
            g_string_append (contact, " · ");
          g_string_append (contact, parts[i]);
        }
      adw_action_row_set_subtitle (self->contact_row, contact->len ? contact->str : _("No e-mail or phone on record"));

      consents = fid_store_get_consents (self->store, id, NULL);
      for (guint i = 0; consents != NULL && i < consents->len; i++)
        {
          FidConsent *consent = g_ptr_array_index (consents, i);

          if (consent_text->len > 0)
            g_string_append (consent_text, " · ");
          /* Translators: a channel's marketing consent: "E-mail: yes" */
          g_string_append_printf (consent_text, consent->marketing ? _("%s: yes") : _("%s: no"),
                                  channel_name_for_id (self, consent->channel));
        }
      adw_action_row_set_subtitle (self->consent_row,
                                   consent_text->len ? consent_text->str
                                                     : _("None on record: marketing by e-mail and SMS is not allowed"));

      target = g_variant_ref_sink (g_variant_new_int64 (id));
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->show_customer_button), target);
    }

  for (guint i = 0; i < self->channels->len; i++)
    {
      ChannelRows *rows = g_ptr_array_index (self->channels, i);

      if (rows->import_row != NULL || rows->export_row != NULL)
        n_file_rows++;
      if (rows->log_row == NULL)
        continue;
      n_log_rows++;
      gtk_widget_set_sensitive (rows->log_row, self->customer != NULL);
      if (target != NULL)
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (rows->log_button), target);
    }

  adw_preferences_group_set_description (self->log_group,
                                         n_log_rows == 0 ? _("No channel plugin is enabled: turn one on in Preferences.")
                                         : self->customer == NULL ? _("Find a customer first.")
                                         : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->files_group), n_file_rows > 0);
  g_clear_pointer (&target, g_variant_unref);
}

static void
clear_results (FidContactPage *self)
{
  for (guint i = 0; i < self->results->len; i++)
    gtk_list_box_remove (self->results_list, g_ptr_array_index (self->results, i));
  g_ptr_array_set_size (self->results, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
}

static void
on_search_changed_cb (FidContactPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GError) error = NULL;

  clear_results (self);
  if (self->store == NULL || g_utf8_strlen (text, -1) < 2)
    return;

  customers = fid_store_search_customers (self->store, text, MAX_RESULTS, &error);
  if (customers == NULL)
    {
      g_debug ("Search failed: %s", error->message);
      return;
    }

  for (guint i = 0; i < customers->len; i++)
    {
      FidCustomer *customer = g_ptr_array_index (customers, i);
      g_autofree char *name = fid_customer_dup_display_name (customer);
      g_autofree char *subtitle = g_strdup_printf ("%s%s%s",
                                                   fid_customer_get_city (customer) ? fid_customer_get_city (customer) : "",
                                                   fid_customer_get_email (customer) ? " · " : "",
                                                   fid_customer_get_email (customer) ? fid_customer_get_email (customer) : "");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "fid-customer", g_object_ref (customer), g_object_unref);
      gtk_list_box_append (self->results_list, row);
      g_ptr_array_add (self->results, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), customers->len > 0);
}

static void
on_result_activated_cb (FidContactPage *self,
                        GtkListBoxRow  *row)
{
  FidCustomer *customer = g_object_get_data (G_OBJECT (row), "fid-customer");

  if (customer != NULL)
    fid_contact_page_set_customer_id (self, fid_customer_get_id (customer));
}

static void
on_search_activate_cb (FidContactPage *self)
{
  if (self->results->len > 0)
    on_result_activated_cb (self, g_ptr_array_index (self->results, 0));
}

/* The usual channels in the order advisors use them, then the others by
 * name. */
static int
channel_rank (FidChannel *channel)
{
  static const char * const order[] = { "phone", "email", "sms", "branch", "mail", "web" };
  const char *id = fid_channel_get_id (channel);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_strcmp0 (order[i], id) == 0)
      return i;

  return G_N_ELEMENTS (order);
}

static int
compare_channel_rows (gconstpointer a,
                      gconstpointer b)
{
  const ChannelRows *ra = *(const ChannelRows * const *) a;
  const ChannelRows *rb = *(const ChannelRows * const *) b;
  int rank_a = channel_rank (ra->channel);
  int rank_b = channel_rank (rb->channel);

  if (rank_a != rank_b)
    return rank_a - rank_b;

  return g_utf8_collate (fid_channel_get_name (ra->channel), fid_channel_get_name (rb->channel));
}

/* Puts the rows back in order (groups only append). */
static void
sort_rows (FidContactPage *self)
{
  g_ptr_array_sort (self->channels, compare_channel_rows);

  for (guint i = 0; i < self->channels->len; i++)
    {
      ChannelRows *rows = g_ptr_array_index (self->channels, i);
      GtkWidget *widgets[] = { rows->log_row, rows->import_row, rows->export_row };

      for (guint w = 0; w < G_N_ELEMENTS (widgets); w++)
        {
          AdwPreferencesGroup *group = w == 0 ? self->log_group : self->files_group;

          if (widgets[w] == NULL)
            continue;
          g_object_ref (widgets[w]);
          if (gtk_widget_get_parent (widgets[w]) != NULL)
            adw_preferences_group_remove (group, widgets[w]);
          adw_preferences_group_add (group, widgets[w]);
          g_object_unref (widgets[w]);
        }
    }
}

static GtkWidget *
new_channel_row (FidChannel *channel,
                 const char *button_label,
                 const char *action_name,
                 GtkWidget **button_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);
  GtkWidget *icon = gtk_image_new_from_icon_name (fid_channel_get_icon_name (channel));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fid_channel_get_name (channel));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fid_channel_get_description (channel));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (button_out != NULL)  /* compose actions take the customer's id */
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", (gint64) 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  if (button_out != NULL)
    *button_out = button;

  return row;
}

static void
fid_contact_page_dispose (GObject *object)
{
  FidContactPage *self = FID_CONTACT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_CONTACT_PAGE);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_object (&self->customer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fid_contact_page_parent_class)->dispose (object);
}

static void
fid_contact_page_class_init (FidContactPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_contact_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/plugins/contact/fid-contact-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FidContactPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FidContactPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, FidContactPage, customer_group);
  gtk_widget_class_bind_template_child (widget_class, FidContactPage, show_customer_button);
  gtk_widget_class_bind_template_child (widget_class, FidContactPage, contact_row);
  gtk_widget_class_bind_template_child (widget_class, FidContactPage, consent_row);
  gtk_widget_class_bind_template_child (widget_class, FidContactPage, log_group);
  gtk_widget_class_bind_template_child (widget_class, FidContactPage, files_group);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);
}

static void
fid_contact_page_init (FidContactPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->channels = g_ptr_array_new_with_free_func ((GDestroyNotify) channel_rows_free);
  self->results = g_ptr_array_new ();
  update_customer (self);
}

GtkWidget *
fid_contact_page_new (void)
{
  return g_object_new (FID_TYPE_CONTACT_PAGE, NULL);
}

void
fid_contact_page_set_store (FidContactPage *self,
                            FidStore       *store)
{
  g_return_if_fail (FID_IS_CONTACT_PAGE (self));
  g_return_if_fail (!store || FID_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_clear_object (&self->customer);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  clear_results (self);
  update_customer (self);
}

void
fid_contact_page_add_channel (FidContactPage *self,
                              FidChannel     *channel)
{
  ChannelRows *rows;
  const char *id;

  g_return_if_fail (FID_IS_CONTACT_PAGE (self));
  g_return_if_fail (FID_IS_CHANNEL (channel));

  id = fid_channel_get_id (channel);
  rows = g_new0 (ChannelRows, 1);
  rows->channel = g_object_ref (channel);

  if (fid_channel_has_capability (channel, FID_CHANNEL_CAN_LOG) ||
      fid_channel_has_capability (channel, FID_CHANNEL_CAN_SEND))
    {
      g_autofree char *action = g_strdup_printf ("channel.%s", id);

      rows->log_row = new_channel_row (channel, fid_channel_get_action_label (channel),
                                       action, &rows->log_button);
      adw_preferences_group_add (self->log_group, rows->log_row);
    }
  if (fid_channel_has_capability (channel, FID_CHANNEL_CAN_IMPORT))
    {
      g_autofree char *action = g_strdup_printf ("channel.%s-import", id);

      rows->import_row = new_channel_row (channel, _("_Import…"), action, NULL);
      adw_preferences_group_add (self->files_group, rows->import_row);
    }
  if (fid_channel_has_capability (channel, FID_CHANNEL_CAN_EXPORT))
    {
      g_autofree char *action = g_strdup_printf ("channel.%s-export", id);
      g_autofree char *title = g_strdup_printf (_("%s: Batch for the Gateway"), fid_channel_get_name (channel));

      rows->export_row = new_channel_row (channel, _("_Export…"), action, NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->export_row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (rows->export_row),
                                   _("Writes the queued messages to a CSV file and marks them sent"));
      adw_preferences_group_add (self->files_group, rows->export_row);
    }

  g_ptr_array_add (self->channels, rows);
  sort_rows (self);
  update_customer (self);
}

void
fid_contact_page_remove_channel (FidContactPage *self,
                                 FidChannel     *channel)
{
  g_return_if_fail (FID_IS_CONTACT_PAGE (self));
  g_return_if_fail (FID_IS_CHANNEL (channel));

  for (guint i = 0; i < self->channels->len; i++)
    {
      ChannelRows *rows = g_ptr_array_index (self->channels, i);

      if (rows->channel != channel)
        continue;

      if (rows->log_row != NULL)
        adw_preferences_group_remove (self->log_group, rows->log_row);
      if (rows->import_row != NULL)
        adw_preferences_group_remove (self->files_group, rows->import_row);
      if (rows->export_row != NULL)
        adw_preferences_group_remove (self->files_group, rows->export_row);
      g_ptr_array_remove_index (self->channels, i);
      break;
    }
  update_customer (self);
}

gint64
fid_contact_page_get_customer_id (FidContactPage *self)
{
  g_return_val_if_fail (FID_IS_CONTACT_PAGE (self), 0);

  return self->customer != NULL ? fid_customer_get_id (self->customer) : 0;
}

void
fid_contact_page_set_customer_id (FidContactPage *self,
                                  gint64          customer_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FID_IS_CONTACT_PAGE (self));

  g_clear_object (&self->customer);
  if (self->store != NULL && customer_id > 0)
    {
      self->customer = fid_store_get_customer (self->store, customer_id, &error);
      if (self->customer == NULL)
        g_debug ("Customer %" G_GINT64_FORMAT ": %s", customer_id, error->message);
    }
  clear_results (self);
  update_customer (self);
}

void
fid_contact_page_search (FidContactPage *self,
                         const char     *text)
{
  g_return_if_fail (FID_IS_CONTACT_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed_cb (self);
}
