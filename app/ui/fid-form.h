/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Helpers shared by the forms (customer editor, interaction and ticket
 * dialogs): a validation message shown right under the row it is about,
 * the text of entry rows and text views, and a date row with a calendar. */

/* Shows @message under @row (a row of a boxed list, e.g. an AdwEntryRow in
 * an AdwPreferencesGroup) and marks the row as wrong; NULL clears both. */
void        fid_form_set_row_error       (GtkWidget   *row,
                                          const char  *message);
/* The message shown under @row, NULL when none (tests). */
const char *fid_form_get_row_error       (GtkWidget   *row);

/* Shows @message in @label (hidden when NULL) and marks @widget wrong. */
void        fid_form_set_label_error     (GtkLabel    *label,
                                          GtkWidget   *widget,
                                          const char  *message);

/* The stripped text of an editable, NULL when blank. */
char       *fid_form_dup_text            (GtkEditable *editable);
char       *fid_form_dup_text_view_text  (GtkTextView *text_view);
void        fid_form_set_text            (GtkEditable *editable,
                                          const char  *text);

/* Ctrl+Enter runs @action_name from anywhere in @window, text views
 * included (they would insert a line otherwise). */
void        fid_form_add_save_shortcut   (GtkWidget   *window,
                                          const char  *action_name);

/* Tab and Shift+Tab move the focus out of @list (a GtkColumnView or
 * GtkListView) instead of from row to row through every row: GTK 4.8 has
 * no GtkListView:tab-behavior yet. The arrows still move between rows. */
void        fid_form_tab_leaves_list     (GtkWidget   *list);
/* Adds a calendar button to @row (an AdwEntryRow holding a date): picking
 * a day writes it as YYYY-MM-DD. */
void        fid_form_add_calendar_button (AdwEntryRow *row);

G_END_DECLS
