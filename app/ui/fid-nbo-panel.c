/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidNboPanel: the next best offers in the 360 view. The suggestions come
 * from the core (fid_nbo_suggest: the customer's own rows and the cached
 * co-holding counts), so the panel is read with the rest of the page and
 * costs it no noticeable time, even on a million customers. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fid-format.h"
#include "fid-nbo.h"
#include "fid-nbo-panel.h"
#include "fid-window.h"

#define MAX_SUGGESTIONS 3

struct _FidNboPanel
{
  AdwBin               parent_instance;

  GtkListBox          *list;

  FidStore            *store;
  gint64               customer_id;
  gint64               advisor_id;
  GPtrArray           *suggestions;   /* FidNboSuggestion */
};

G_DEFINE_FINAL_TYPE (FidNboPanel, fid_nbo_panel, ADW_TYPE_BIN)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_rows (FidNboPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static const char *
source_icon (FidNboSuggestion *s)
{
  return s->source == FID_NBO_SOURCE_LIFE_EVENT ? "x-office-calendar-symbolic" : "view-dual-symbolic";
}

static void
on_button_clicked_cb (GtkButton   *button,
                      FidNboPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (g_object_get_data (G_OBJECT (button), "accept") != NULL)
    fid_nbo_panel_accept (self, index);
  else
    fid_nbo_panel_dismiss (self, index);
}

static GtkWidget *
new_button (FidNboPanel *self,
            guint        index,
            const char  *label,
            const char  *tooltip,
            gboolean     accept)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* One suggested-action per view (HIG): three blue buttons would shout. */
  if (!accept)
    gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  if (accept)
    g_object_set_data (G_OBJECT (button), "accept", GINT_TO_POINTER (1));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_button_clicked_cb), self, 0);
  return button;
}

/* "Livret A · Savings": the family says what an unfamiliar product name
 * is, unless the name says it already ("Prêt étudiant · Prêt étudiant"). */
static char *
row_title (FidNboSuggestion *s)
{
  const char *family = fid_format_product_family (s->product_family);
  g_autofree char *name_folded = g_utf8_casefold (s->product_name, -1);
  g_autofree char *family_folded = g_utf8_casefold (family, -1);

  if (strstr (name_folded, family_folded) != NULL)
    return g_strdup (s->product_name);
  return g_strdup_printf ("%s · %s", s->product_name, family);
}

static void
fill (FidNboPanel *self)
{
  g_autoptr(GError) error = NULL;

  clear_rows (self);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  if (self->store == NULL || self->customer_id == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  self->suggestions = fid_nbo_suggest (self->store, self->customer_id, NULL, MAX_SUGGESTIONS, &error);
  if (self->suggestions == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      g_warning ("Cannot compute the suggested offers: %s", error->message);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The suggestions cannot be computed"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_list_box_append (self->list, row);
      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
      return;
    }

  for (guint i = 0; i < self->suggestions->len; i++)
    {
      FidNboSuggestion *s = g_ptr_array_index (self->suggestions, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (source_icon (s));
      g_autofree char *title = row_title (s);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s->reason);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_set_tooltip_text (icon, s->source == FID_NBO_SOURCE_LIFE_EVENT ? _("From a life event")
                                                                                : _("Often held together"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_button (self, i, _("_Dismiss"), _("Do not suggest this product to this customer again"), FALSE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_button (self, i, _("_Accept"), _("Create an opportunity for this product"), TRUE));
      gtk_list_box_append (self->list, row);
    }
  if (self->suggestions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No suggestion for now"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

/* After a write: the window reloads every page, the 360 view (and so this
 * panel and Open Opportunities) included. */
static void
written (FidNboPanel *self,
         const char  *toast_text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_signal_emit (self, signals[CHANGED], 0);
  if (root != NULL && FID_IS_WINDOW (root))
    {
      fid_window_add_toast (FID_WINDOW (root), adw_toast_new (toast_text));
      fid_window_data_changed (FID_WINDOW (root));
    }
  else
    fill (self);
}

static void
show_error (FidNboPanel  *self,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_warning ("%s", error->message);
  if (root != NULL && FID_IS_WINDOW (root))
    fid_window_add_toast (FID_WINDOW (root), adw_toast_new (error->message));
}

gboolean
fid_nbo_panel_accept (FidNboPanel *self,
                      guint        index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FidNboSuggestion *s;

  g_return_val_if_fail (FID_IS_NBO_PANEL (self), FALSE);

  if (self->suggestions == NULL || index >= self->suggestions->len)
    return FALSE;
  s = g_ptr_array_index (self->suggestions, index);
  if (fid_nbo_accept (self->store, self->customer_id, s, self->advisor_id, &error) == 0)
    {
      show_error (self, error);
      return FALSE;
    }
  text = g_strdup_printf (_("Opportunity created: %s"), s->product_name);
  written (self, text);
  return TRUE;
}

gboolean
fid_nbo_panel_dismiss (FidNboPanel *self,
                       guint        index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FidNboSuggestion *s;

  g_return_val_if_fail (FID_IS_NBO_PANEL (self), FALSE);

  if (self->suggestions == NULL || index >= self->suggestions->len)
    return FALSE;
  s = g_ptr_array_index (self->suggestions, index);
  if (!fid_nbo_dismiss (self->store, self->customer_id, s->product_id, self->advisor_id, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  text = g_strdup_printf (_("%s will not be suggested to this customer again"), s->product_name);
  written (self, text);
  return TRUE;
}

static void
fid_nbo_panel_dispose (GObject *object)
{
  FidNboPanel *self = FID_NBO_PANEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  /* No gtk_widget_dispose_template: the panel's group is AdwBin's child,
   * which AdwBin unparents; unparenting it here as well, while the 360
   * view disposes its own template, freed it twice. */

  G_OBJECT_CLASS (fid_nbo_panel_parent_class)->dispose (object);
}

static void
fid_nbo_panel_class_init (FidNboPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_nbo_panel_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-nbo-panel.ui");
  /* Not the root child "group": AdwBin disposes of its child itself, and a
   * bound root would be freed twice. */
  gtk_widget_class_bind_template_child (widget_class, FidNboPanel, list);
}

static void
fid_nbo_panel_init (FidNboPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
fid_nbo_panel_new (void)
{
  return g_object_new (FID_TYPE_NBO_PANEL, NULL);
}

void
fid_nbo_panel_set_customer (FidNboPanel *self,
                            FidStore    *store,
                            gint64       customer_id,
                            gint64       advisor_id)
{
  g_return_if_fail (FID_IS_NBO_PANEL (self));
  g_return_if_fail (store == NULL || FID_IS_STORE (store));

  g_set_object (&self->store, store);
  self->customer_id = customer_id;
  self->advisor_id = advisor_id;
  fill (self);
}

void
fid_nbo_panel_reload (FidNboPanel *self)
{
  g_return_if_fail (FID_IS_NBO_PANEL (self));

  fill (self);
}

GPtrArray *
fid_nbo_panel_get_suggestions (FidNboPanel *self)
{
  g_return_val_if_fail (FID_IS_NBO_PANEL (self), NULL);

  return self->suggestions;
}
