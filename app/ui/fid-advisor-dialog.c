/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidAdvisorDialog: "who are you?" at first start and from the menu. Lists
 * the store's advisors (name, branch), narrowed by a search; activating one
 * emits ::chosen and closes. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "fid-advisor-dialog.h"
#include "fid-store-workspace.h"

struct _FidAdvisorDialog
{
  AdwWindow       parent_instance;

  char           *search;   /* folded, NULL: show all */

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkListBox     *list_box;
};

enum {
  CHOSEN,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FidAdvisorDialog, fid_advisor_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autofree char *lower = g_utf8_casefold (normalized, -1);
  GString *folded = g_string_new (NULL);

  /* Drops combining marks: "hélène" → "helene". */
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (folded, c);
    }

  return g_string_free (folded, FALSE);
}

static gboolean
filter_row_cb (GtkListBoxRow *row,
               gpointer       user_data)
{
  FidAdvisorDialog *self = user_data;
  const char *haystack = g_object_get_data (G_OBJECT (row), "fid-search-key");
  g_auto(GStrv) words = NULL;

  if (self->search == NULL)
    return TRUE;

  words = g_strsplit (self->search, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != '\0' && strstr (haystack, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry   *entry,
                                   FidAdvisorDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->search, g_free);
  if (text[0] != '\0')
    self->search = fold (text);

  gtk_list_box_invalidate_filter (self->list_box);
}

static void
choose (FidAdvisorDialog *self,
        gint64            advisor_id)
{
  g_signal_emit (self, signals[CHOSEN], 0, advisor_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Enter chooses the first advisor shown. */
static void
on_search_entry_activate_cb (GtkSearchEntry   *entry,
                             FidAdvisorDialog *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
        {
          choose (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "fid-advisor-id")));
          return;
        }
    }
}

static void
on_list_box_row_activated_cb (GtkListBox       *list_box,
                              GtkListBoxRow    *row,
                              FidAdvisorDialog *self)
{
  choose (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "fid-advisor-id")));
}

static void
fill (FidAdvisorDialog *self,
      FidStore         *store,
      gint64            current_id)
{
  g_autoptr(GPtrArray) advisors = NULL;
  g_autoptr(GError) error = NULL;

  advisors = fid_store_list_advisors (store, 0, &error);
  if (advisors == NULL)
    {
      g_warning ("Cannot list the advisors: %s", error->message);
      return;
    }

  for (guint i = 0; i < advisors->len; i++)
    {
      FidAdvisor *advisor = g_ptr_array_index (advisors, i);
      g_autofree char *name = fid_advisor_dup_display_name (advisor);
      const char *branch = fid_advisor_get_branch_name (advisor);
      g_autofree char *key = NULL;
      g_autofree char *haystack = NULL;
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   branch != NULL && branch[0] != '\0' ? branch : _("Head office"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

      if (fid_advisor_get_id (advisor) == current_id)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));

      haystack = g_strconcat (name, " ", branch ? branch : "", NULL);
      key = fold (haystack);
      g_object_set_data_full (G_OBJECT (row), "fid-search-key", g_steal_pointer (&key), g_free);
      g_object_set_data (G_OBJECT (row), "fid-advisor-id", GSIZE_TO_POINTER (fid_advisor_get_id (advisor)));
      gtk_list_box_append (self->list_box, row);
    }
}

static void
fid_advisor_dialog_finalize (GObject *object)
{
  FidAdvisorDialog *self = FID_ADVISOR_DIALOG (object);

  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (fid_advisor_dialog_parent_class)->finalize (object);
}

static void
fid_advisor_dialog_class_init (FidAdvisorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fid_advisor_dialog_finalize;

  /**
   * FidAdvisorDialog::chosen:
   * @advisor_id: the advisor's id
   */
  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-advisor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FidAdvisorDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FidAdvisorDialog, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fid_advisor_dialog_init (FidAdvisorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->list_box, filter_row_cb, self, NULL);
}

FidAdvisorDialog *
fid_advisor_dialog_new (GtkWindow *parent,
                        FidStore  *store,
                        gint64     current_id)
{
  FidAdvisorDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FID_IS_STORE (store), NULL);

  self = g_object_new (FID_TYPE_ADVISOR_DIALOG,
                       "transient-for", parent,
                       NULL);
  fill (self, store, current_id);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return self;
}

void
fid_advisor_dialog_choose (FidAdvisorDialog *self,
                           gint64            advisor_id)
{
  g_return_if_fail (FID_IS_ADVISOR_DIALOG (self));

  choose (self, advisor_id);
}
