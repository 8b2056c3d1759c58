/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidTimeline: a customer's unified timeline on the 360 page: interactions
 * on every channel, transactions grouped by month, tickets, life events and
 * campaign contacts, newest first. Each entry shows its kind (icon), what
 * happened, the channel, who wrote it and when; notes and meeting reports
 * unfold. Entries are read from the store FID_TIMELINE_PAGE_SIZE at a time
 * (keyset paging: the next page starts after the last entry shown), so a
 * customer with years of history opens at once. */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "fid-format.h"
#include "fid-store-workspace.h"
#include "fid-timeline.h"

struct _FidTimeline
{
  GtkWidget    parent_instance;

  FidStore    *store;
  gint64       customer_id;
  GListStore  *entries;
  gboolean     has_more;
  gboolean     setting_filter;

  /* Template widgets */
  GtkDropDown *kind_dropdown;
  GtkDropDown *channel_dropdown;
  GtkListBox  *list_box;
  GtkButton   *more_button;
};

G_DEFINE_FINAL_TYPE (FidTimeline, fid_timeline, GTK_TYPE_WIDGET)

/* In the order of the dropdowns' items; NULL: all. */
static const char * const kinds[] = {
  NULL, "interaction", "month", "ticket", "life_event", "campaign",
};

static const char * const channels[] = {
  NULL, "phone", "email", "sms", "branch", "mail", "web",
};

static const char *
selected_code (GtkDropDown        *dropdown,
               const char * const *codes,
               guint               n_codes)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected < n_codes ? codes[selected] : NULL;
}

static void
append_to_subtitle (GString    *subtitle,
                    const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;

  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  g_string_append (subtitle, text);
}

static char *
format_month (const char *year_month)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month;

  if (year_month == NULL || sscanf (year_month, "%4d-%2d", &year, &month) != 2 ||
      month < 1 || month > 12)
    return g_strdup (year_month ? year_month : "");

  date = g_date_time_new_local (year, month, 1, 0, 0, 0);

  /* Translators: a month of the timeline ("April 2026"), see
   * https://docs.gtk.org/glib/method.DateTime.format.html */
  /* xgettext:no-c-format */
  return g_date_time_format (date, _("%B %Y"));
}

/* The row's title, subtitle and suffix for @entry, by kind. */
static void
describe_entry (FidTimelineEntry  *entry,
                char             **title,
                GString           *subtitle,
                char             **suffix)
{
  const char *kind = fid_timeline_entry_get_kind (entry);
  const char *channel = fid_timeline_entry_get_channel (entry);
  const char *status = fid_timeline_entry_get_status (entry);
  const char *entry_title = fid_timeline_entry_get_title (entry);

  *suffix = fid_format_date_time (fid_timeline_entry_get_at (entry));

  if (g_strcmp0 (kind, "interaction") == 0)
    {
      *title = g_strdup (entry_title != NULL && entry_title[0] != '\0'
                         ? entry_title : fid_format_channel (channel));
      append_to_subtitle (subtitle, fid_format_channel (channel));
      /* The status is the outcome, or the direction when there is none. */
      if (g_strcmp0 (status, "inbound") == 0 || g_strcmp0 (status, "outbound") == 0)
        append_to_subtitle (subtitle, fid_format_direction (status));
      else
        append_to_subtitle (subtitle, status);
    }
  else if (g_strcmp0 (kind, "month") == 0)
    {
      g_autofree char *count = fid_format_count (fid_timeline_entry_get_count (entry));
      g_autofree char *money = fid_format_money (fid_timeline_entry_get_amount_cents (entry));
      g_autofree char *month = format_month (entry_title);

      *title = g_strdup_printf (ngettext ("%s transaction, %s", "%s transactions, %s",
                                          fid_timeline_entry_get_count (entry)),
                                count, money);
      append_to_subtitle (subtitle, month);
      g_free (*suffix);
      *suffix = NULL;
    }
  else if (g_strcmp0 (kind, "transaction") == 0)
    {
      g_autofree char *money = fid_format_money (fid_timeline_entry_get_amount_cents (entry));

      *title = g_strdup_printf ("%s, %s", fid_format_product_family (entry_title), money);
      append_to_subtitle (subtitle, fid_format_channel (channel));
    }
  else if (g_strcmp0 (kind, "ticket") == 0)
    {
      *title = g_strdup (entry_title);
      append_to_subtitle (subtitle, fid_format_ticket_kind (channel));
      append_to_subtitle (subtitle, fid_format_ticket_status (status));
    }
  else if (g_strcmp0 (kind, "life_event") == 0)
    {
      *title = g_strdup (fid_format_life_event (entry_title));
      append_to_subtitle (subtitle, fid_format_timeline_kind (kind));
      g_free (*suffix);
      *suffix = fid_format_date (fid_timeline_entry_get_at (entry));
    }
  else if (g_strcmp0 (kind, "campaign") == 0)
    {
      const char *response = g_strcmp0 (status, "converted") == 0 ? C_("campaign contact", "Converted")
                           : g_strcmp0 (status, "responded") == 0 ? C_("campaign contact", "Responded")
                           : C_("campaign contact", "Contacted");

      *title = g_strdup (entry_title);
      append_to_subtitle (subtitle, fid_format_timeline_kind (kind));
      append_to_subtitle (subtitle, fid_format_channel (channel));
      append_to_subtitle (subtitle, response);
    }
  else
    {
      *title = g_strdup (entry_title);
      append_to_subtitle (subtitle, fid_format_timeline_kind (kind));
    }

  /* Who wrote it. */
  if (fid_timeline_entry_get_author (entry) != NULL && fid_timeline_entry_get_author (entry)[0] != '\0')
    {
      g_autofree char *by = g_strdup_printf (_("by %s"), fid_timeline_entry_get_author (entry));

      append_to_subtitle (subtitle, by);
    }
}

static GtkWidget *
new_kind_icon (FidTimelineEntry *entry)
{
  const char *kind = fid_timeline_entry_get_kind (entry);
  const char *icon_name = g_strcmp0 (kind, "interaction") == 0
                          ? fid_format_channel_icon (fid_timeline_entry_get_channel (entry))
                          : fid_format_timeline_kind_icon (kind);
  g_autofree char *kind_class = g_strdup_printf ("timeline-%s", kind ? kind : "other");
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "timeline-icon");
  gtk_widget_add_css_class (icon, kind_class);
  gtk_widget_set_tooltip_text (icon, fid_format_timeline_kind (kind));

  return icon;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  FidTimelineEntry *entry = item;
  const char *detail = fid_timeline_entry_get_detail (entry);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *suffix = NULL;
  GtkWidget *row;
  GtkWidget *date_label = NULL;

  describe_entry (entry, &title, subtitle, &suffix);

  if (suffix != NULL)
    {
      date_label = gtk_label_new (suffix);
      gtk_widget_add_css_class (date_label, "dim-label");
      gtk_widget_add_css_class (date_label, "caption");
      gtk_widget_add_css_class (date_label, "numeric");
    }

  /* Notes unfold; entries without notes are plain rows. */
  if (detail != NULL && detail[0] != '\0' && g_strcmp0 (fid_timeline_entry_get_kind (entry), "month") != 0)
    {
      GtkWidget *notes = gtk_label_new (detail);
      GtkWidget *notes_row = gtk_list_box_row_new ();

      gtk_label_set_wrap (GTK_LABEL (notes), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (notes), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (notes), 0);
      gtk_label_set_selectable (GTK_LABEL (notes), TRUE);
      gtk_widget_add_css_class (notes, "timeline-notes");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (notes_row), notes);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (notes_row), FALSE);

      row = adw_expander_row_new ();
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), new_kind_icon (entry));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
      if (date_label != NULL)
        adw_expander_row_add_action (ADW_EXPANDER_ROW (row), date_label);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), notes_row);
    }
  else
    {
      row = adw_action_row_new ();
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), new_kind_icon (entry));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      if (date_label != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), date_label);

      /* A ticket opens its dialog. */
      if (g_strcmp0 (fid_timeline_entry_get_kind (entry), "ticket") == 0)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  g_object_set_data_full (G_OBJECT (row), "fid-entry", g_object_ref (entry), g_object_unref);

  return row;
}

static GtkWidget *
new_placeholder (FidTimeline *self)
{
  gboolean filtered = gtk_drop_down_get_selected (self->kind_dropdown) > 0 ||
                      gtk_drop_down_get_selected (self->channel_dropdown) > 0;
  GtkWidget *label = gtk_label_new (filtered ? _("No entries of this kind or channel.")
                                             : _("Nothing recorded for this customer yet."));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);

  return label;
}

/* Reads one page after the last entry shown (or the first page). */
static void
load_page (FidTimeline *self)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FidTimelineEntry) last = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  if (self->store == NULL || self->customer_id == 0)
    return;

  if (n_items > 0)
    last = g_list_model_get_item (G_LIST_MODEL (self->entries), n_items - 1);

  page = fid_store_get_timeline_filtered (self->store, self->customer_id,
                                          selected_code (self->kind_dropdown, kinds, G_N_ELEMENTS (kinds)),
                                          selected_code (self->channel_dropdown, channels, G_N_ELEMENTS (channels)),
                                          last, FID_TIMELINE_PAGE_SIZE, &error);
  if (page == NULL)
    {
      g_warning ("Cannot read the timeline: %s", error->message);
      self->has_more = FALSE;
    }
  else
    {
      self->has_more = page->len == FID_TIMELINE_PAGE_SIZE;
      g_list_store_splice (self->entries, n_items, 0, page->pdata, page->len);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->has_more);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.load-more", self->has_more);
}

static void
reload (FidTimeline *self)
{
  g_list_store_remove_all (self->entries);
  gtk_list_box_set_placeholder (self->list_box, new_placeholder (self));
  self->has_more = FALSE;
  load_page (self);
}

static void
on_filter_dropdown_selected_cb (GtkDropDown *dropdown,
                                GParamSpec  *pspec,
                                FidTimeline *self)
{
  if (!self->setting_filter)
    reload (self);
}

static void
on_list_box_row_activated_cb (GtkListBox    *list_box,
                              GtkListBoxRow *row,
                              FidTimeline   *self)
{
  FidTimelineEntry *entry = g_object_get_data (G_OBJECT (row), "fid-entry");

  if (entry != NULL && g_strcmp0 (fid_timeline_entry_get_kind (entry), "ticket") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "customer.edit-ticket", "x",
                                fid_timeline_entry_get_id (entry));
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  fid_timeline_load_more (FID_TIMELINE (widget));
}

static void
fid_timeline_dispose (GObject *object)
{
  FidTimeline *self = FID_TIMELINE (object);
  GtkWidget *child;

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_TIMELINE);
  /* Children the template made without binding them (separators…). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->entries);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fid_timeline_parent_class)->dispose (object);
}

static void
fid_timeline_class_init (FidTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_timeline_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-timeline.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, FidTimeline, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FidTimeline, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FidTimeline, list_box);
  gtk_widget_class_bind_template_child (widget_class, FidTimeline, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "timeline.load-more", NULL, load_more_action);
}

static void
fid_timeline_init (FidTimeline *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  self->entries = g_list_store_new (FID_TYPE_TIMELINE_ENTRY);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->entries), create_row_cb, self, NULL);
  gtk_list_box_set_placeholder (self->list_box, new_placeholder (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.load-more", FALSE);
}

/* Sets the dropdowns without reading: the caller reloads. */
static void
set_dropdowns (FidTimeline *self,
               const char  *kind,
               const char  *channel)
{
  guint kind_index = 0;
  guint channel_index = 0;

  for (guint i = 1; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      kind_index = i;
  for (guint i = 1; i < G_N_ELEMENTS (channels); i++)
    if (g_strcmp0 (channel, channels[i]) == 0)
      channel_index = i;

  self->setting_filter = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, kind_index);
  gtk_drop_down_set_selected (self->channel_dropdown, channel_index);
  self->setting_filter = FALSE;
}

void
fid_timeline_set_store (FidTimeline *self,
                        FidStore    *store)
{
  g_return_if_fail (FID_IS_TIMELINE (self));
  g_return_if_fail (!store || FID_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      self->customer_id = 0;
      reload (self);
    }
}

void
fid_timeline_set_customer (FidTimeline *self,
                           gint64       customer_id)
{
  g_return_if_fail (FID_IS_TIMELINE (self));

  self->customer_id = customer_id;
  set_dropdowns (self, NULL, NULL);
  reload (self);
}

void
fid_timeline_reload (FidTimeline *self)
{
  g_return_if_fail (FID_IS_TIMELINE (self));

  reload (self);
}

void
fid_timeline_load_more (FidTimeline *self)
{
  g_return_if_fail (FID_IS_TIMELINE (self));

  if (self->has_more)
    load_page (self);
}

gboolean
fid_timeline_get_has_more (FidTimeline *self)
{
  g_return_val_if_fail (FID_IS_TIMELINE (self), FALSE);

  return self->has_more;
}

void
fid_timeline_set_filter (FidTimeline *self,
                         const char  *kind,
                         const char  *channel)
{
  g_return_if_fail (FID_IS_TIMELINE (self));

  set_dropdowns (self, kind, channel);
  reload (self);
}

GListModel *
fid_timeline_get_entries (FidTimeline *self)
{
  g_return_val_if_fail (FID_IS_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->entries);
}
