/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidPipelineBoard: the kanban of the sales pipeline. Each column lists at
 * most FID_PIPELINE_CARDS_PER_COLUMN cards, most valuable first (a branch
 * of the million-customer bank has thousands of opportunities: a board of
 * all of them would be unreadable and slow), under totals that count
 * every one. A move is one store call (fid_store_move_opportunity, which
 * also creates the holding of a won opportunity); the board then keeps the
 * keyboard focus on the moved card. */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "fid-format.h"
#include "fid-pipeline-board.h"

struct _FidPipelineBoard
{
  AdwBin            parent_instance;

  GtkBox           *columns;
  GtkListBox       *lists[FID_OPPORTUNITY_N_STAGES];
  GtkLabel         *totals_labels[FID_OPPORTUNITY_N_STAGES];
  GtkLabel         *more_labels[FID_OPPORTUNITY_N_STAGES];

  FidStore         *store;
  FidPipelineFilter filter;
  FidPipelineTotal  totals[FID_OPPORTUNITY_N_STAGES];
  gint64            focus_id;   /* the card to focus after a reload */
};

G_DEFINE_FINAL_TYPE (FidPipelineBoard, fid_pipeline_board, ADW_TYPE_BIN)

enum
{
  MOVED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The labels the 360 view uses too (fid-format.c, "opportunity stage"). */
static const char *
stage_title (guint i)
{
  return fid_format_opportunity_stage (fid_opportunity_stages[i]);
}

static gint64
card_id (GtkWidget *widget)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "opportunity-id"));
}

static const char *
card_stage (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "stage");
}

/* A move asked by a card's button: "target" is "previous", "next", "won"
 * or "lost". */
static void
move_card (FidPipelineBoard *self,
           GtkWidget        *card,
           const char       *target)
{
  const char *stage = card_stage (card);
  const char *to = NULL;

  if (g_str_equal (target, "previous"))
    to = fid_opportunity_stage_step (stage, -1);
  else if (g_str_equal (target, "next"))
    to = fid_opportunity_stage_step (stage, 1);
  else if (fid_opportunity_stage_is_open (stage))
    to = target;
  if (to != NULL)
    fid_pipeline_board_move (self, card_id (card), to);
}

static void
on_card_button_clicked_cb (GtkButton        *button,
                           FidPipelineBoard *self)
{
  GtkWidget *card = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  move_card (self, card, g_object_get_data (G_OBJECT (button), "target"));
}

static gboolean
on_card_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        FidPipelineBoard      *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK);
  const char *target = NULL;

  if (mods == GDK_CONTROL_MASK && keyval == GDK_KEY_Right)
    target = gtk_widget_get_direction (card) == GTK_TEXT_DIR_RTL ? "previous" : "next";
  else if (mods == GDK_CONTROL_MASK && keyval == GDK_KEY_Left)
    target = gtk_widget_get_direction (card) == GTK_TEXT_DIR_RTL ? "next" : "previous";
  else if (mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) && (keyval == GDK_KEY_W || keyval == GDK_KEY_w))
    target = "won";
  else if (mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) && (keyval == GDK_KEY_L || keyval == GDK_KEY_l))
    target = "lost";
  if (target == NULL)
    return GDK_EVENT_PROPAGATE;
  move_card (self, card, target);
  return GDK_EVENT_STOP;
}

static void
on_row_activated_cb (GtkListBox       *list,
                     GtkListBoxRow    *row,
                     FidPipelineBoard *self)
{
  gint64 customer_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "customer-id"));

  if (customer_id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-customer", "x", customer_id);
}

static GtkWidget *
card_button (FidPipelineBoard *self,
             const char       *icon_name,
             const char       *tooltip,
             const char       *target,
             gboolean          sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "target", (gpointer) target);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_card_button_clicked_cb), self, 0);
  return button;
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_card (FidPipelineBoard *self,
          FidOpportunity   *o)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autofree char *amount = fid_format_money (o->amount_cents);
  g_autofree char *figures = g_strdup_printf (_("%s · %d %%"), amount, (int) (o->probability * 100 + 0.5));
  g_autofree char *a11y = NULL;
  gboolean open = fid_opportunity_stage_is_open (o->stage);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), new_label (o->customer_name, "heading"));
  gtk_box_append (GTK_BOX (box), new_label (o->product_name, "dim-label"));
  gtk_box_append (GTK_BOX (box), new_label (figures, "numeric"));
  if (open)
    {
      gtk_box_append (GTK_BOX (buttons), card_button (self, "go-previous-symbolic", _("Previous stage (Ctrl+←)"),
                                                      "previous", fid_opportunity_stage_step (o->stage, -1) != NULL));
      gtk_box_append (GTK_BOX (buttons), card_button (self, "go-next-symbolic", _("Next stage (Ctrl+→)"),
                                                      "next", fid_opportunity_stage_step (o->stage, 1) != NULL));
      gtk_box_append (GTK_BOX (buttons), card_button (self, "object-select-symbolic",
                                                      _("Won: the customer gets the product (Ctrl+Shift+W)"),
                                                      "won", TRUE));
      gtk_box_append (GTK_BOX (buttons), card_button (self, "window-close-symbolic", _("Lost (Ctrl+Shift+L)"),
                                                      "lost", TRUE));
      gtk_widget_set_halign (buttons, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (box), buttons);
    }
  else if (o->closed_on != NULL)
    {
      g_autofree char *date = fid_format_date (o->closed_on);

      gtk_box_append (GTK_BOX (box), new_label (date, "dim-label"));
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "opportunity-id", GSIZE_TO_POINTER ((gsize) o->id));
  g_object_set_data (G_OBJECT (row), "customer-id", GSIZE_TO_POINTER ((gsize) o->customer_id));
  g_object_set_data_full (G_OBJECT (row), "stage", g_strdup (o->stage), g_free);
  a11y = g_strdup_printf ("%s, %s, %s", o->customer_name, o->product_name, figures);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_card_key_pressed_cb), self, 0);
  gtk_widget_add_controller (row, keys);
  return row;
}

static void
clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill (FidPipelineBoard *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *focus = NULL;

  for (guint i = 0; i < FID_OPPORTUNITY_N_STAGES; i++)
    clear (self->lists[i]);
  memset (self->totals, 0, sizeof self->totals);
  if (self->store == NULL)
    return;
  if (!fid_store_pipeline_totals (self->store, &self->filter, self->totals, &error))
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return;
    }

  for (guint i = 0; i < FID_OPPORTUNITY_N_STAGES; i++)
    {
      g_autoptr(GPtrArray) cards = fid_store_list_opportunities (self->store, &self->filter,
                                                                 fid_opportunity_stages[i],
                                                                 FID_PIPELINE_CARDS_PER_COLUMN, NULL);
      g_autofree char *amount = fid_format_money (self->totals[i].amount_cents);
      g_autofree char *weighted = fid_format_money (self->totals[i].weighted_cents);
      g_autofree char *count = fid_format_count ((guint64) self->totals[i].count);
      g_autofree char *totals = g_strdup_printf (_("%s · %s\nweighted %s"), count, amount, weighted);
      guint shown = cards != NULL ? cards->len : 0;

      gtk_label_set_text (self->totals_labels[i], totals);
      for (guint c = 0; c < shown; c++)
        {
          FidOpportunity *o = g_ptr_array_index (cards, c);
          GtkWidget *card = new_card (self, o);

          gtk_list_box_append (self->lists[i], card);
          if (o->id == self->focus_id)
            focus = card;
        }
      if (self->totals[i].count > (gint64) shown)
        {
          g_autofree char *more = g_strdup_printf (_("and %" PRId64 " more"),
                                                   self->totals[i].count - (gint64) shown);

          gtk_label_set_text (self->more_labels[i], more);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->more_labels[i]), self->totals[i].count > (gint64) shown);
    }
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  self->focus_id = 0;
}

gboolean
fid_pipeline_board_move (FidPipelineBoard *self,
                         gint64            opportunity_id,
                         const char       *stage)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FID_IS_PIPELINE_BOARD (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  if (!fid_store_move_opportunity (self->store, opportunity_id, stage, &error))
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return FALSE;
    }
  self->focus_id = opportunity_id;
  g_signal_emit (self, signals[MOVED], 0, opportunity_id);
  return TRUE;
}

static GtkWidget *
new_column (FidPipelineBoard *self,
            guint             i)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = new_label (stage_title (i), "title-4");
  GtkWidget *totals = new_label ("", "dim-label");
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *more = new_label ("", "dim-label");

  gtk_widget_set_size_request (column, 150, -1);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (totals), PANGO_ELLIPSIZE_NONE);
  gtk_widget_add_css_class (totals, "numeric");
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  /* A click focuses a card (for its keys); a double click or Enter opens
   * the customer. */
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, stage_title (i), -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_row_activated_cb), self, 0);
  gtk_widget_set_visible (more, FALSE);
  gtk_box_append (GTK_BOX (column), title);
  gtk_box_append (GTK_BOX (column), totals);
  gtk_box_append (GTK_BOX (column), list);
  gtk_box_append (GTK_BOX (column), more);
  self->lists[i] = GTK_LIST_BOX (list);
  self->totals_labels[i] = GTK_LABEL (totals);
  self->more_labels[i] = GTK_LABEL (more);
  return column;
}

static void
fid_pipeline_board_dispose (GObject *object)
{
  FidPipelineBoard *self = FID_PIPELINE_BOARD (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (fid_pipeline_board_parent_class)->dispose (object);
}

static void
fid_pipeline_board_class_init (FidPipelineBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fid_pipeline_board_dispose;

  signals[MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
fid_pipeline_board_init (FidPipelineBoard *self)
{
  /* No scrolled window of its own: the page scrolls (a horizontal one
   * would turn the mouse wheel over the board sideways). */
  self->columns = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_box_set_homogeneous (self->columns, TRUE);
  for (guint i = 0; i < FID_OPPORTUNITY_N_STAGES; i++)
    gtk_box_append (self->columns, new_column (self, i));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->columns));
}

GtkWidget *
fid_pipeline_board_new (void)
{
  return g_object_new (FID_TYPE_PIPELINE_BOARD, NULL);
}

void
fid_pipeline_board_load (FidPipelineBoard        *self,
                         FidStore                *store,
                         const FidPipelineFilter *filter)
{
  g_return_if_fail (FID_IS_PIPELINE_BOARD (self));

  g_set_object (&self->store, store);
  self->filter = filter != NULL ? *filter : (FidPipelineFilter) { 0, 0 };
  fill (self);
}

guint
fid_pipeline_board_count_cards (FidPipelineBoard *self,
                                const char       *stage)
{
  guint n = 0;

  for (guint i = 0; i < FID_OPPORTUNITY_N_STAGES; i++)
    if (g_strcmp0 (stage, fid_opportunity_stages[i]) == 0)
      for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->lists[i])); c != NULL;
           c = gtk_widget_get_next_sibling (c))
        n += GTK_IS_LIST_BOX_ROW (c);
  return n;
}

const FidPipelineTotal *
fid_pipeline_board_get_totals (FidPipelineBoard *self)
{
  return self->totals;
}
