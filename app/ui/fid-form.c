/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Form helpers: validation messages under their row, text of entries and
 * text views, a calendar popover for date rows. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-form.h"
#include "fid-format.h"

#define ERROR_ROW_KEY "fid-form-error-row"

static GtkWidget *
ensure_error_row (GtkWidget *row)
{
  GtkWidget *error_row = g_object_get_data (G_OBJECT (row), ERROR_ROW_KEY);
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *label;

  if (error_row != NULL || !GTK_IS_LIST_BOX (list) || !GTK_IS_LIST_BOX_ROW (row))
    return error_row;

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "form-error");

  error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_widget_set_focusable (error_row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);
  gtk_widget_set_visible (error_row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), error_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);

  g_object_set_data_full (G_OBJECT (row), ERROR_ROW_KEY, g_object_ref (error_row), g_object_unref);

  return error_row;
}

void
fid_form_set_row_error (GtkWidget  *row,
                        const char *message)
{
  GtkWidget *error_row;

  g_return_if_fail (GTK_IS_WIDGET (row));

  if (message == NULL)
    {
      error_row = g_object_get_data (G_OBJECT (row), ERROR_ROW_KEY);
      gtk_widget_remove_css_class (row, "error");
      if (error_row != NULL)
        gtk_widget_set_visible (error_row, FALSE);
      return;
    }

  gtk_widget_add_css_class (row, "error");
  error_row = ensure_error_row (row);
  if (error_row == NULL)
    {
      gtk_widget_set_tooltip_text (row, message);
      return;
    }

  gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row))), message);
  gtk_widget_set_visible (error_row, TRUE);
}

const char *
fid_form_get_row_error (GtkWidget *row)
{
  GtkWidget *error_row;

  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  error_row = g_object_get_data (G_OBJECT (row), ERROR_ROW_KEY);
  if (error_row == NULL || !gtk_widget_get_visible (error_row))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row))));
}

void
fid_form_set_label_error (GtkLabel   *label,
                          GtkWidget  *widget,
                          const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);

  if (widget == NULL)
    return;

  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

char *
fid_form_dup_text (GtkEditable *editable)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (text[0] == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

char *
fid_form_dup_text_view_text (GtkTextView *text_view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (text_view), NULL);

  buffer = gtk_text_view_get_buffer (text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (text[0] == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

void
fid_form_set_text (GtkEditable *editable,
                   const char  *text)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  gtk_editable_set_text (editable, text ? text : "");
}

void
fid_form_add_save_shortcut (GtkWidget  *window,
                            const char *action_name)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut;

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (action_name != NULL);

  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                               gtk_named_action_new (action_name));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (window, controller);
}

static gboolean
leave_list_cb (GtkWidget *list,
               GVariant  *args,
               gpointer   user_data)
{
  GtkDirectionType direction = g_variant_get_int32 (args);
  GtkRoot *root = gtk_widget_get_root (list);
  gboolean moved;

  if (root == NULL)
    return FALSE;

  /* With the list out of the focus chain for a moment, the window's focus
   * moves past it, as Tab does past any other widget (and wraps round
   * as GtkWindow does at the end of the chain). */
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  if (!moved)
    {
      gtk_root_set_focus (root, NULL);
      moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  gtk_widget_set_can_focus (list, TRUE);

  return moved;
}

void
fid_form_tab_leaves_list (GtkWidget *list)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  g_return_if_fail (GTK_IS_WIDGET (list));

  controller = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Tab|KP_Tab"),
                               gtk_callback_action_new (leave_list_cb, NULL, NULL));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (GTK_DIR_TAB_FORWARD));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>Tab|<Shift>ISO_Left_Tab|<Shift>KP_Tab"),
                               gtk_callback_action_new (leave_list_cb, NULL, NULL));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (GTK_DIR_TAB_BACKWARD));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (list, controller);
}

static void
on_calendar_day_selected_cb (GtkCalendar *calendar,
                             AdwEntryRow *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), iso);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Opens the calendar on the date typed, when there is one. */
static void
on_popover_show_cb (GtkPopover  *popover,
                    AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  GDate date;

  if (fid_format_parse_date (gtk_editable_get_text (GTK_EDITABLE (row)), &date))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&date),
                                                        g_date_get_month (&date),
                                                        g_date_get_day (&date), 0, 0, 0);

      g_signal_handlers_block_by_func (calendar, on_calendar_day_selected_cb, row);
      gtk_calendar_select_day (calendar, day);
      g_signal_handlers_unblock_by_func (calendar, on_calendar_day_selected_cb, row);
    }
}

void
fid_form_add_calendar_button (AdwEntryRow *row)
{
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb), row, 0);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show_cb), row, 0);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Pick a Date"));
  /* The tooltip is only a description for screen readers (GTK 4.8). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date"),
                                  -1);
  gtk_widget_add_css_class (button, "flat");

  adw_entry_row_add_suffix (row, button);
}
