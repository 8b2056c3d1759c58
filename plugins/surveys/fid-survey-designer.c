/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSurveyDesigner: one row per item. Every edit goes to the store at
 * once (there is no Save: a trainer adapting a survey in front of a class
 * should not lose an edit), then "changed" makes the page read the survey
 * again. When that comes back with the same items in the same order the
 * rows stay (the focus with them) and only their texts follow; a move or
 * a removal rebuilds the rows and gives the focus back to the moved one. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-servqual.h"
#include "fid-store-surveys.h"
#include "fid-survey-designer.h"

typedef struct
{
  FidSurveyItem *item;
  GtkWidget     *row;
  GtkEditable   *entry;
  GtkDropDown   *dimension;
  GtkWidget     *up;
  GtkWidget     *down;
} ItemRow;

struct _FidSurveyDesigner
{
  AdwBin        parent_instance;

  FidStore     *store;
  FidSurvey    *survey;
  GPtrArray    *rows;           /* ItemRow */
  gint64        focus_item_id;  /* after a rebuild: the moved item */
  int           focus_delta;
  gboolean      updating;

  /* Template widgets */
  GtkLabel     *hint_label;
  GtkListBox   *item_list;
  GtkWidget    *add_box;
  GtkEntry     *add_entry;
  GtkDropDown  *add_dimension;
  GtkLabel     *status_label;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FidSurveyDesigner, fid_survey_designer, ADW_TYPE_BIN)

static void
item_row_free (ItemRow *row)
{
  g_clear_object (&row->item);
  g_free (row);
}

static gboolean
is_servqual (FidSurveyDesigner *self)
{
  return self->survey != NULL && fid_survey_get_kind (self->survey) == FID_SURVEY_SERVQUAL;
}

/* NPS, CSAT and CES ask one question: it can be reworded, not multiplied. */
static gboolean
has_many_items (FidSurveyDesigner *self)
{
  FidSurveyKind kind = self->survey != NULL ? fid_survey_get_kind (self->survey) : FID_SURVEY_NPS;

  return kind == FID_SURVEY_KANO || kind == FID_SURVEY_SERVQUAL;
}

static void
set_status (FidSurveyDesigner *self,
            const GError      *error)
{
  gtk_label_set_text (self->status_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), error != NULL);
}

static GtkStringList *
new_dimension_list (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint d = 0; d < FID_SERVQUAL_N_DIMENSIONS; d++)
    gtk_string_list_append (list, fid_servqual_dimension_get_name (d));
  return list;
}

static guint
dimension_index (const char *key)
{
  FidServqualDimension dimension;

  return key != NULL && fid_servqual_dimension_from_key (key, &dimension) ? (guint) dimension : 0;
}

static ItemRow *
find_row_of (FidSurveyDesigner *self,
             GtkWidget         *widget)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ItemRow *row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_is_ancestor (widget, row->row))
        return row;
    }
  return NULL;
}

static void
changed (FidSurveyDesigner *self)
{
  set_status (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Saves the row's label and dimension when they differ from the item's. */
static void
commit_row (FidSurveyDesigner *self,
            ItemRow           *row)
{
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (row->entry)));
  const char *dimension = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->store == NULL)
    return;
  if (is_servqual (self))
    dimension = fid_servqual_dimension_to_key (gtk_drop_down_get_selected (row->dimension));
  if (g_strcmp0 (label, fid_survey_item_get_label (row->item)) == 0 &&
      g_strcmp0 (dimension, fid_survey_item_get_dimension (row->item)) == 0)
    return;

  if (!fid_store_update_survey_item (self->store, fid_survey_item_get_id (row->item), label, dimension, &error))
    {
      /* Back to what is stored, with the reason. */
      self->updating = TRUE;
      gtk_editable_set_text (row->entry, fid_survey_item_get_label (row->item));
      gtk_drop_down_set_selected (row->dimension, dimension_index (fid_survey_item_get_dimension (row->item)));
      self->updating = FALSE;
      set_status (self, error);
      return;
    }
  fid_survey_item_set_label (row->item, label);
  fid_survey_item_set_dimension (row->item, dimension);
  changed (self);
}

static void
on_entry_activate_cb (GtkEditable       *entry,
                      FidSurveyDesigner *self)
{
  ItemRow *row = find_row_of (self, GTK_WIDGET (entry));

  if (row != NULL)
    commit_row (self, row);
}

static void
on_entry_leave_cb (GtkEventControllerFocus *controller,
                   FidSurveyDesigner       *self)
{
  on_entry_activate_cb (GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))), self);
}

static void
on_dimension_selected_cb (GtkDropDown       *drop_down,
                          GParamSpec        *pspec,
                          FidSurveyDesigner *self)
{
  ItemRow *row = find_row_of (self, GTK_WIDGET (drop_down));

  if (row != NULL)
    commit_row (self, row);
}

static void
on_move_clicked_cb (GtkButton         *button,
                    FidSurveyDesigner *self)
{
  ItemRow *row = find_row_of (self, GTK_WIDGET (button));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  guint index;

  if (row != NULL && g_ptr_array_find (self->rows, row, &index))
    fid_survey_designer_move_item (self, index, delta);
}

static void
on_remove_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       FidSurveyDesigner *self)
{
  gint64 item_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "item-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || self->store == NULL)
    return;
  if (!fid_store_delete_survey_item (self->store, item_id, &error))
    {
      set_status (self, error);
      return;
    }
  changed (self);
}

static void
on_remove_clicked_cb (GtkButton         *button,
                      FidSurveyDesigner *self)
{
  ItemRow *row = find_row_of (self, GTK_WIDGET (button));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (row == NULL || self->survey == NULL)
    return;

  heading = g_strdup_printf (_("Remove “%s”?"), fid_survey_item_get_label (row->item));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   fid_survey_get_n_responses (self->survey) > 0
                                   ? _("The answers already given to it are removed with it.")
                                   : NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "item-id", GSIZE_TO_POINTER (fid_survey_item_get_id (row->item)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  /* GTK 4.8 makes a tooltip the description, not the name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static ItemRow *
new_item_row (FidSurveyDesigner *self,
              FidSurveyItem     *item,
              GtkStringList     *dimensions)
{
  ItemRow *row = g_new0 (ItemRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *number = g_strdup_printf ("%d", fid_survey_item_get_position (item));
  GtkWidget *position = gtk_label_new (number);
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  /* Translators: the accessible name of a survey question's text entry */
  g_autofree char *entry_name = g_strdup_printf (_("Question %d"), fid_survey_item_get_position (item));
  GtkWidget *remove;

  row->item = g_object_ref (item);
  row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  gtk_widget_set_focusable (row->row, FALSE);

  gtk_label_set_width_chars (GTK_LABEL (position), 3);
  gtk_label_set_xalign (GTK_LABEL (position), 1);
  gtk_widget_add_css_class (position, "dim-label");
  gtk_widget_add_css_class (position, "numeric");
  gtk_box_append (GTK_BOX (box), position);

  row->entry = GTK_EDITABLE (entry);
  gtk_editable_set_text (row->entry, fid_survey_item_get_label (item));
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_name, -1);
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  gtk_box_append (GTK_BOX (box), entry);

  row->dimension = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (dimensions)), NULL));
  gtk_drop_down_set_selected (row->dimension, dimension_index (fid_survey_item_get_dimension (item)));
  gtk_widget_set_valign (GTK_WIDGET (row->dimension), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (row->dimension), is_servqual (self));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->dimension), _("Dimension"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->dimension), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dimension"), -1);
  g_signal_connect (row->dimension, "notify::selected", G_CALLBACK (on_dimension_selected_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->dimension));

  row->up = new_icon_button ("go-up-symbolic", _("Move Up"));
  g_object_set_data (G_OBJECT (row->up), "delta", GINT_TO_POINTER (-1));
  g_signal_connect (row->up, "clicked", G_CALLBACK (on_move_clicked_cb), self);
  row->down = new_icon_button ("go-down-symbolic", _("Move Down"));
  g_object_set_data (G_OBJECT (row->down), "delta", GINT_TO_POINTER (1));
  g_signal_connect (row->down, "clicked", G_CALLBACK (on_move_clicked_cb), self);
  remove = new_icon_button ("list-remove-symbolic", _("Remove"));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), row->up);
  gtk_box_append (GTK_BOX (box), row->down);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_visible (row->up, has_many_items (self));
  gtk_widget_set_visible (row->down, has_many_items (self));
  gtk_widget_set_visible (remove, has_many_items (self));

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
  return row;
}

static void
rebuild (FidSurveyDesigner *self)
{
  GPtrArray *items = self->survey != NULL ? fid_survey_get_items (self->survey) : NULL;
  g_autoptr(GtkStringList) dimensions = new_dimension_list ();

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->item_list, ((ItemRow *) g_ptr_array_index (self->rows, i))->row);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      ItemRow *row = new_item_row (self, g_ptr_array_index (items, i), dimensions);

      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->item_list, row->row);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      ItemRow *row = g_ptr_array_index (self->rows, i);

      gtk_widget_set_sensitive (row->up, i > 0);
      gtk_widget_set_sensitive (row->down, i + 1 < self->rows->len);
      /* Reordering with the keyboard: the focus follows the moved item. */
      if (self->focus_item_id != 0 && fid_survey_item_get_id (row->item) == self->focus_item_id)
        {
          GtkWidget *button = self->focus_delta < 0 ? row->up : row->down;

          gtk_widget_grab_focus (gtk_widget_get_sensitive (button) ? button
                                 : self->focus_delta < 0 ? row->down : row->up);
        }
    }
  self->focus_item_id = 0;
}

/* TRUE when the rows show exactly @items, in order. */
static gboolean
same_items (FidSurveyDesigner *self,
            GPtrArray         *items)
{
  if (items == NULL || items->len != self->rows->len)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      ItemRow *row = g_ptr_array_index (self->rows, i);

      if (fid_survey_item_get_id (row->item) != fid_survey_item_get_id (g_ptr_array_index (items, i)))
        return FALSE;
    }
  return TRUE;
}

static void
on_add_clicked_cb (FidSurveyDesigner *self)
{
  const char *dimension = NULL;
  g_autofree char *label = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry)));

  if (is_servqual (self))
    dimension = fid_servqual_dimension_to_key (gtk_drop_down_get_selected (self->add_dimension));
  if (fid_survey_designer_add_item (self, label, dimension))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
    }
}

static void
update_hint (FidSurveyDesigner *self)
{
  FidSurveyKind kind = self->survey != NULL ? fid_survey_get_kind (self->survey) : FID_SURVEY_N_KINDS;
  const char *hint = "";

  switch (kind)
    {
    case FID_SURVEY_KANO:
      hint = _("Each feature is asked twice: “If the branch offers it, how do you feel?” and “If it does not, how do you feel?”. Answers: 1 I like it, 2 I expect it, 3 I am neutral, 4 I can live with it, 5 I dislike it.");
      gtk_entry_set_placeholder_text (self->add_entry, _("New feature"));
      break;
    case FID_SURVEY_SERVQUAL:
      hint = _("Each statement belongs to one of the five dimensions. Respondents rate what they expect of an excellent bank and what they perceive of this one, from 1 (strongly disagree) to 7 (strongly agree), and may share 100 points across the dimensions.");
      gtk_entry_set_placeholder_text (self->add_entry, _("New statement"));
      break;
    case FID_SURVEY_NPS:
      hint = _("One question, answered from 0 (not at all likely) to 10 (extremely likely).");
      break;
    case FID_SURVEY_CSAT:
      hint = _("One question, answered from 1 (very dissatisfied) to 5 (very satisfied).");
      break;
    case FID_SURVEY_CES:
      hint = _("One statement, answered from 1 (strongly disagree) to 7 (strongly agree).");
      break;
    case FID_SURVEY_N_KINDS:
    default:
      break;
    }
  gtk_label_set_text (self->hint_label, hint);
  gtk_widget_set_visible (self->add_box, has_many_items (self));
  gtk_widget_set_visible (GTK_WIDGET (self->add_dimension), is_servqual (self));
}

static void
fid_survey_designer_dispose (GObject *object)
{
  FidSurveyDesigner *self = FID_SURVEY_DESIGNER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->survey);
  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_SURVEY_DESIGNER);

  G_OBJECT_CLASS (fid_survey_designer_parent_class)->dispose (object);
}

static void
fid_survey_designer_finalize (GObject *object)
{
  FidSurveyDesigner *self = FID_SURVEY_DESIGNER (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (fid_survey_designer_parent_class)->finalize (object);
}

static void
fid_survey_designer_class_init (FidSurveyDesignerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_survey_designer_dispose;
  object_class->finalize = fid_survey_designer_finalize;

  /* FidSurveyDesigner::changed: an item was added, changed, moved or
   * removed in the store. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fidelis/Fidelis/plugins/surveys/fid-survey-designer.ui");
  gtk_widget_class_bind_template_child (widget_class, FidSurveyDesigner, hint_label);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyDesigner, item_list);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyDesigner, add_box);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyDesigner, add_entry);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyDesigner, add_dimension);
  gtk_widget_class_bind_template_child (widget_class, FidSurveyDesigner, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
fid_survey_designer_init (FidSurveyDesigner *self)
{
  g_autoptr(GtkStringList) dimensions = new_dimension_list ();

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) item_row_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->add_dimension, G_LIST_MODEL (dimensions));
  set_status (self, NULL);
}

void
fid_survey_designer_set_survey (FidSurveyDesigner *self,
                                FidStore          *store,
                                FidSurvey         *survey)
{
  GPtrArray *items;

  g_return_if_fail (FID_IS_SURVEY_DESIGNER (self));

  g_set_object (&self->store, store);
  if (self->survey != NULL && survey != NULL && fid_survey_get_id (self->survey) != fid_survey_get_id (survey))
    set_status (self, NULL);
  g_set_object (&self->survey, survey);
  update_hint (self);

  items = survey != NULL ? fid_survey_get_items (survey) : NULL;
  if (!same_items (self, items))
    {
      rebuild (self);
      return;
    }

  /* Same rows: take the stored texts, leaving the one being typed in. */
  self->updating = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      ItemRow *row = g_ptr_array_index (self->rows, i);
      FidSurveyItem *item = g_ptr_array_index (items, i);

      g_set_object (&row->item, item);
      if (!(gtk_widget_get_state_flags (GTK_WIDGET (row->entry)) & GTK_STATE_FLAG_FOCUS_WITHIN))
        gtk_editable_set_text (row->entry, fid_survey_item_get_label (item));
      gtk_drop_down_set_selected (row->dimension, dimension_index (fid_survey_item_get_dimension (item)));
    }
  self->updating = FALSE;
}

gboolean
fid_survey_designer_add_item (FidSurveyDesigner *self,
                              const char        *label,
                              const char        *dimension)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FID_IS_SURVEY_DESIGNER (self), FALSE);

  if (self->store == NULL || self->survey == NULL)
    return FALSE;
  if (fid_store_add_survey_item (self->store, fid_survey_get_id (self->survey), label,
                                 is_servqual (self) ? dimension : NULL, &error) == 0)
    {
      set_status (self, error);
      return FALSE;
    }
  changed (self);
  return TRUE;
}

gboolean
fid_survey_designer_move_item (FidSurveyDesigner *self,
                               guint              index,
                               int                delta)
{
  g_autoptr(GError) error = NULL;
  ItemRow *row;
  int position;

  g_return_val_if_fail (FID_IS_SURVEY_DESIGNER (self), FALSE);

  if (self->store == NULL || index >= self->rows->len)
    return FALSE;
  row = g_ptr_array_index (self->rows, index);
  position = (int) index + 1 + delta;
  if (position < 1 || position > (int) self->rows->len)
    return FALSE;
  if (!fid_store_move_survey_item (self->store, fid_survey_item_get_id (row->item), position, &error))
    {
      set_status (self, error);
      return FALSE;
    }
  self->focus_item_id = fid_survey_item_get_id (row->item);
  self->focus_delta = delta;
  changed (self);
  return TRUE;
}
