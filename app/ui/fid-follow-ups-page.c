/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidFollowUpsPage: what the signed-in advisor promised to do, due today
 * or overdue (overdue first, in the error colour). A row opens its
 * customer; "Done" marks the follow-up done in the store. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-follow-ups-page.h"
#include "fid-format.h"
#include "fid-store-workspace.h"
#include "fid-window.h"

struct _FidFollowUpsPage
{
  GtkWidget            parent_instance;

  FidStore            *store;
  gint64               advisor_id;
  GListStore          *items;

  /* Template widgets */
  GtkStack            *stack;
  AdwPreferencesGroup *overdue_group;
  AdwPreferencesGroup *today_group;
  GtkListBox          *overdue_list;
  GtkListBox          *today_list;
};

G_DEFINE_FINAL_TYPE (FidFollowUpsPage, fid_follow_ups_page, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
new_row (FidInteraction *follow_up,
         int             days_late)
{
  const char *next_step = fid_interaction_get_next_step (follow_up);
  const char *subject = fid_interaction_get_subject (follow_up);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *due = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  GtkWidget *due_label;
  GtkWidget *done_button;

  if (next_step != NULL && next_step[0] != '\0')
    g_string_append (subtitle, next_step);
  else if (subject != NULL && subject[0] != '\0')
    g_string_append (subtitle, subject);
  g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "",
                          fid_format_channel (fid_interaction_get_channel (follow_up)));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fid_interaction_get_customer_name (follow_up));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  icon = gtk_image_new_from_icon_name (days_late > 0 ? "task-past-due-symbolic" : "task-due-symbolic");
  if (days_late > 0)
    gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (days_late > 14)
    {
      g_autofree char *date = fid_format_date (fid_interaction_get_follow_up_on (follow_up));

      /* Translators: a follow-up that was due long ago ("Due 3 Apr 2026"). */
      due = g_strdup_printf (_("Due %s"), date);
    }
  else if (days_late > 0)
    due = g_strdup_printf (ngettext ("%d day late", "%d days late", days_late), days_late);
  else
    due = g_strdup (_("Today"));
  due_label = gtk_label_new (due);
  gtk_widget_add_css_class (due_label, days_late > 0 ? "error" : "dim-label");
  gtk_widget_add_css_class (due_label, "numeric");
  gtk_widget_set_tooltip_text (due_label, fid_interaction_get_follow_up_on (follow_up));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), due_label);

  done_button = gtk_button_new_with_mnemonic (_("_Done"));
  gtk_widget_set_valign (done_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (done_button, _("Mark this follow-up done"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done_button), "follow-ups.done");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (done_button), "x", fid_interaction_get_id (follow_up));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), done_button);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-customer");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", fid_interaction_get_customer_id (follow_up));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static int
days_between (const GDate *from,
              const char  *iso_date)
{
  GDate date;

  if (!fid_format_parse_date (iso_date, &date))
    return 0;

  return g_date_days_between (&date, from);
}

static void
update_titles (FidFollowUpsPage *self,
               guint             n_overdue,
               guint             n_today)
{
  g_autofree char *overdue = g_strdup_printf (_("Overdue (%u)"), n_overdue);
  g_autofree char *today = g_strdup_printf (_("Due Today (%u)"), n_today);

  adw_preferences_group_set_title (self->overdue_group, overdue);
  adw_preferences_group_set_title (self->today_group, today);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_group), n_overdue > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->today_group), n_today > 0);
}

static void
fill (FidFollowUpsPage *self)
{
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GError) error = NULL;
  guint n_overdue = 0;
  guint n_today = 0;
  GDate today;

  clear_list (self->overdue_list);
  clear_list (self->today_list);
  g_list_store_remove_all (self->items);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (self->advisor_id == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-advisor");
      return;
    }

  follow_ups = fid_store_list_follow_ups (self->store, self->advisor_id, NULL, &error);
  if (follow_ups == NULL)
    {
      g_warning ("Cannot list the follow-ups: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  for (guint i = 0; i < follow_ups->len; i++)
    {
      FidInteraction *follow_up = g_ptr_array_index (follow_ups, i);
      int late = days_between (&today, fid_interaction_get_follow_up_on (follow_up));

      if (late > 0)
        {
          gtk_list_box_append (self->overdue_list, new_row (follow_up, late));
          n_overdue++;
        }
      else
        {
          gtk_list_box_append (self->today_list, new_row (follow_up, 0));
          n_today++;
        }
    }

  g_list_store_splice (self->items, 0, 0, follow_ups->pdata, follow_ups->len);
  update_titles (self, n_overdue, n_today);
  gtk_stack_set_visible_child_name (self->stack, follow_ups->len > 0 ? "list" : "empty");
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FidFollowUpsPage *self = FID_FOLLOW_UPS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL)
    return;

  if (!fid_store_complete_follow_up (self->store, g_variant_get_int64 (parameter), &error))
    {
      if (FID_IS_WINDOW (root))
        {
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          fid_window_add_toast (FID_WINDOW (root), adw_toast_new (escaped));
        }
      else
        g_warning ("Cannot mark the follow-up done: %s", error->message);
      return;
    }

  fill (self);
}

static void
fid_follow_ups_page_dispose (GObject *object)
{
  FidFollowUpsPage *self = FID_FOLLOW_UPS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_FOLLOW_UPS_PAGE);
  /* Children the template made without binding them (separators…). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->items);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fid_follow_ups_page_parent_class)->dispose (object);
}

static void
fid_follow_ups_page_class_init (FidFollowUpsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_follow_ups_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-follow-ups-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, FidFollowUpsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FidFollowUpsPage, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, FidFollowUpsPage, today_group);
  gtk_widget_class_bind_template_child (widget_class, FidFollowUpsPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, FidFollowUpsPage, today_list);

  gtk_widget_class_install_action (widget_class, "follow-ups.done", "x", done_action);
}

static void
fid_follow_ups_page_init (FidFollowUpsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (FID_TYPE_INTERACTION);
  fill (self);
}

void
fid_follow_ups_page_set_store (FidFollowUpsPage *self,
                               FidStore         *store)
{
  g_return_if_fail (FID_IS_FOLLOW_UPS_PAGE (self));
  g_return_if_fail (!store || FID_IS_STORE (store));

  if (g_set_object (&self->store, store))
    fill (self);
}

void
fid_follow_ups_page_set_advisor_id (FidFollowUpsPage *self,
                                    gint64            advisor_id)
{
  g_return_if_fail (FID_IS_FOLLOW_UPS_PAGE (self));

  if (self->advisor_id == advisor_id)
    return;

  self->advisor_id = advisor_id;
  fill (self);
}

void
fid_follow_ups_page_reload (FidFollowUpsPage *self)
{
  g_return_if_fail (FID_IS_FOLLOW_UPS_PAGE (self));

  fill (self);
}

GListModel *
fid_follow_ups_page_get_items (FidFollowUpsPage *self)
{
  g_return_val_if_fail (FID_IS_FOLLOW_UPS_PAGE (self), NULL);

  return G_LIST_MODEL (self->items);
}
