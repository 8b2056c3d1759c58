/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The entry form's answer boxes: one row per item in the survey's order
 * (SERVQUAL with a heading per dimension), one small entry per answer, so
 * that Tab walks them in reading order; the SERVQUAL weights below. The
 * boxes of every mode are built once and shown or hidden by mode, so that
 * switching to management's answers keeps what was typed. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-servqual.h"
#include "fid-survey-form-private.h"

/* Enter moves on like Tab: a number pad is enough to type a whole sheet. */
void
_fid_survey_form_move_on (FidSurveyForm *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL)
    gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
}

static void
on_answer_changed_cb (GtkEditable *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static GtkEditable *
new_answer_entry (FidSurveyForm *self,
                  const char    *accessible_name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_max_length (GTK_ENTRY (entry), 3);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 3);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 3);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 0.5);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_set_halign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (_fid_survey_form_move_on), self);
  g_signal_connect (entry, "changed", G_CALLBACK (on_answer_changed_cb), NULL);
  return GTK_EDITABLE (entry);
}

static const char *
part_title (FidSurveyPart part)
{
  switch (part)
    {
    case FID_SURVEY_PART_FUNCTIONAL:
      return _("Functional");
    case FID_SURVEY_PART_DYSFUNCTIONAL:
      return _("Dysfunctional");
    case FID_SURVEY_PART_IMPORTANCE:
      return _("Importance");
    case FID_SURVEY_PART_EXPECTATION:
      return _("Expectation");
    case FID_SURVEY_PART_PERCEPTION:
      return _("Perception");
    case FID_SURVEY_PART_MANAGEMENT:
      return _("Management");
    case FID_SURVEY_PART_WEIGHT:
      return _("Points");
    case FID_SURVEY_PART_SCORE:
    case FID_SURVEY_N_PARTS:
    default:
      return _("Score");
    }
}

static void
add_input (FidSurveyForm *self,
           GtkGrid       *grid,
           FidSurveyItem *item,
           FidSurveyPart  part,
           const char    *what,
           int            column,
           int            row)
{
  Input *input = g_new0 (Input, 1);

  input->item = g_object_ref (item);
  input->part = part;
  /* Translators: names an answer box: "Online appointment booking, functional" */
  input->name = g_strdup_printf (_("%s, %s"), what, part_title (part));
  input->entry = new_answer_entry (self, input->name);
  gtk_grid_attach (grid, GTK_WIDGET (input->entry), column, row, 1, 1);
  g_ptr_array_add (self->inputs, input);
}

static void
add_header (FidSurveyForm *self,
            FidSurveyPart  part,
            int            column)
{
  GtkWidget *label = gtk_label_new (part_title (part));

  gtk_widget_add_css_class (label, "caption-heading");
  g_object_set_data (G_OBJECT (label), "part", GINT_TO_POINTER (part));
  gtk_grid_attach (self->answers_grid, label, column, 0, 1, 1);
  g_ptr_array_add (self->headers, label);
}

static GtkWidget *
new_item_label (FidSurveyItem *item)
{
  g_autofree char *number = g_strdup_printf ("%d", fid_survey_item_get_position (item));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *position = gtk_label_new (number);
  GtkWidget *label = gtk_label_new (fid_survey_item_get_label (item));

  gtk_label_set_width_chars (GTK_LABEL (position), 2);
  gtk_label_set_xalign (GTK_LABEL (position), 1);
  gtk_widget_add_css_class (position, "dim-label");
  gtk_widget_add_css_class (position, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), position);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
build_weights (FidSurveyForm *self,
               GPtrArray     *items)
{
  guint n = 0;

  /* A weight is stored on one item of its dimension: the first. */
  for (guint d = 0; d < FID_SERVQUAL_N_DIMENSIONS; d++)
    for (guint i = 0; i < items->len; i++)
      {
        FidSurveyItem *item = g_ptr_array_index (items, i);
        GtkWidget *label;

        if (g_strcmp0 (fid_survey_item_get_dimension (item), fid_servqual_dimension_to_key (d)) != 0)
          continue;
        label = gtk_label_new (fid_servqual_dimension_get_name (d));
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_widget_set_hexpand (label, TRUE);
        gtk_grid_attach (self->weights_grid, label, 0, n, 1, 1);
        add_input (self, self->weights_grid, item, FID_SURVEY_PART_WEIGHT,
                   fid_servqual_dimension_get_name (d), 1, n);
        n++;
        break;
      }
}

void
_fid_survey_form_update_mode (FidSurveyForm *self)
{
  gboolean management = gtk_check_button_get_active (self->management_check);
  gboolean importance = gtk_check_button_get_active (self->importance_check);

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      gboolean shown = TRUE;

      if (input->part == FID_SURVEY_PART_IMPORTANCE)
        shown = importance;
      else if (input->part == FID_SURVEY_PART_MANAGEMENT)
        shown = management;
      else if (input->part == FID_SURVEY_PART_EXPECTATION || input->part == FID_SURVEY_PART_PERCEPTION)
        shown = !management;
      gtk_widget_set_visible (GTK_WIDGET (input->entry), shown);
    }
  for (guint i = 0; i < self->headers->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (self->headers, i);
      FidSurveyPart part = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "part"));

      gtk_widget_set_visible (label, part == FID_SURVEY_PART_IMPORTANCE ? importance
                                     : part == FID_SURVEY_PART_MANAGEMENT ? management
                                     : part == FID_SURVEY_PART_EXPECTATION || part == FID_SURVEY_PART_PERCEPTION ? !management
                                     : TRUE);
    }
  gtk_widget_set_visible (self->weights_box, _fid_survey_form_kind (self) == FID_SURVEY_SERVQUAL && !management);

  switch (_fid_survey_form_kind (self))
    {
    case FID_SURVEY_KANO:
      gtk_label_set_text (self->scale_label, _("1 I like it · 2 I expect it · 3 I am neutral · 4 I can live with it · 5 I dislike it. Functional: if the branch offers the feature; dysfunctional: if it does not."));
      break;
    case FID_SURVEY_SERVQUAL:
      gtk_label_set_text (self->scale_label, management
                          ? _("1 strongly disagree … 7 strongly agree: what managers think customers expect of an excellent bank.")
                          : _("1 strongly disagree … 7 strongly agree. Expectation: of an excellent bank; perception: of this branch."));
      break;
    case FID_SURVEY_NPS:
      gtk_label_set_text (self->scale_label, _("0 not at all likely … 10 extremely likely"));
      break;
    case FID_SURVEY_CSAT:
      gtk_label_set_text (self->scale_label, _("1 very dissatisfied … 5 very satisfied"));
      break;
    case FID_SURVEY_CES:
      gtk_label_set_text (self->scale_label, _("1 strongly disagree … 7 strongly agree"));
      break;
    case FID_SURVEY_N_KINDS:
    default:
      gtk_label_set_text (self->scale_label, "");
      break;
    }
}

void
_fid_survey_form_build (FidSurveyForm *self)
{
  GPtrArray *items = self->survey != NULL ? fid_survey_get_items (self->survey) : NULL;
  const char *last_dimension = NULL;
  int row = 1;

  g_ptr_array_set_size (self->inputs, 0);
  g_ptr_array_set_size (self->headers, 0);
  clear_grid (self->answers_grid);
  clear_grid (self->weights_grid);
  gtk_widget_set_visible (GTK_WIDGET (self->importance_check), _fid_survey_form_kind (self) == FID_SURVEY_KANO);
  gtk_widget_set_visible (GTK_WIDGET (self->management_check), _fid_survey_form_kind (self) == FID_SURVEY_SERVQUAL);
  if (items == NULL)
    {
      _fid_survey_form_update_mode (self);
      return;
    }

  switch (_fid_survey_form_kind (self))
    {
    case FID_SURVEY_KANO:
      add_header (self, FID_SURVEY_PART_FUNCTIONAL, 1);
      add_header (self, FID_SURVEY_PART_DYSFUNCTIONAL, 2);
      add_header (self, FID_SURVEY_PART_IMPORTANCE, 3);
      break;
    case FID_SURVEY_SERVQUAL:
      add_header (self, FID_SURVEY_PART_EXPECTATION, 1);
      add_header (self, FID_SURVEY_PART_PERCEPTION, 2);
      add_header (self, FID_SURVEY_PART_MANAGEMENT, 3);
      break;
    case FID_SURVEY_NPS:
    case FID_SURVEY_CSAT:
    case FID_SURVEY_CES:
      add_header (self, FID_SURVEY_PART_SCORE, 1);
      break;
    case FID_SURVEY_N_KINDS:
    default:
      break;
    }

  for (guint i = 0; i < items->len; i++)
    {
      FidSurveyItem *item = g_ptr_array_index (items, i);
      const char *label = fid_survey_item_get_label (item);
      const char *dimension = fid_survey_item_get_dimension (item);

      /* SERVQUAL: a heading where the dimension changes. */
      if (_fid_survey_form_kind (self) == FID_SURVEY_SERVQUAL && g_strcmp0 (dimension, last_dimension) != 0)
        {
          FidServqualDimension d;
          GtkWidget *heading;

          if (dimension != NULL && fid_servqual_dimension_from_key (dimension, &d))
            {
              heading = gtk_label_new (fid_servqual_dimension_get_name (d));
              gtk_label_set_xalign (GTK_LABEL (heading), 0);
              gtk_widget_add_css_class (heading, "heading");
              gtk_widget_set_margin_top (heading, row > 1 ? 8 : 0);
              gtk_grid_attach (self->answers_grid, heading, 0, row++, 1, 1);
            }
          last_dimension = dimension;
        }

      gtk_grid_attach (self->answers_grid, new_item_label (item), 0, row, 1, 1);
      switch (_fid_survey_form_kind (self))
        {
        case FID_SURVEY_KANO:
          add_input (self, self->answers_grid, item, FID_SURVEY_PART_FUNCTIONAL, label, 1, row);
          add_input (self, self->answers_grid, item, FID_SURVEY_PART_DYSFUNCTIONAL, label, 2, row);
          add_input (self, self->answers_grid, item, FID_SURVEY_PART_IMPORTANCE, label, 3, row);
          break;
        case FID_SURVEY_SERVQUAL:
          add_input (self, self->answers_grid, item, FID_SURVEY_PART_EXPECTATION, label, 1, row);
          add_input (self, self->answers_grid, item, FID_SURVEY_PART_PERCEPTION, label, 2, row);
          add_input (self, self->answers_grid, item, FID_SURVEY_PART_MANAGEMENT, label, 3, row);
          break;
        case FID_SURVEY_NPS:
        case FID_SURVEY_CSAT:
        case FID_SURVEY_CES:
          /* One question: its score. */
          if (i == 0)
            add_input (self, self->answers_grid, item, FID_SURVEY_PART_SCORE, label, 1, row);
          break;
        case FID_SURVEY_N_KINDS:
        default:
          break;
        }
      row++;
    }

  if (_fid_survey_form_kind (self) == FID_SURVEY_SERVQUAL)
    build_weights (self, items);
  _fid_survey_form_update_mode (self);
}
