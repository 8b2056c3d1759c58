/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Helpers the built-in plugins share. */

#include "config.h"

#include "fid-plugin-util.h"

char *
fid_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

void
fid_text_view_set_text (GtkTextView *view,
                        const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

const char *
fid_string_list_get_selected (GListModel *model,
                              guint       position)
{
  if (!GTK_IS_STRING_LIST (model) || position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
}
