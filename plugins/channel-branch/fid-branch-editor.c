/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidBranchEditor: a face-to-face meeting report. The notes hold the
 * report as text for the timeline; the details hold it structured:
 * {"purpose", "products": [...], "needs"}. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "fid-branch-editor.h"
#include "fid-details.h"
#include "fid-plugin-util.h"

typedef struct
{
  const char *code;
  const char *label;
} Choice;

static const Choice purposes[] = {
  { "account_opening", N_("Account opening") },
  { "loan", N_("Loan or mortgage") },
  { "savings", N_("Savings") },
  { "insurance", N_("Insurance") },
  { "annual_review", N_("Annual review") },
  { "life_event", N_("Life event") },
  { "complaint", N_("Complaint") },
  { "other", N_("Other") },
};

static const Choice outcomes[] = {
  { "agreed", N_("Agreed") },
  { "thinking", N_("Thinking it over") },
  { "declined", N_("Declined") },
  { "information", N_("Information only") },
};

/* The product families of DESIGN.md §3. */
static const Choice products[] = {
  { "current_account", N_("Current account") },
  { "savings", N_("Savings") },
  { "card", N_("Card") },
  { "mortgage", N_("Mortgage") },
  { "consumer_loan", N_("Consumer loan") },
  { "student_loan", N_("Student loan") },
  { "insurance", N_("Insurance") },
  { "investment", N_("Investments") },
};

struct _FidBranchEditor
{
  FidChannelEditor  parent_instance;

  GtkCheckButton   *product_checks[G_N_ELEMENTS (products)];

  /* Template widgets */
  AdwEntryRow      *when_row;
  AdwComboRow      *purpose_row;
  GtkFlowBox       *products_box;
  GtkTextView      *needs_view;
  AdwComboRow      *outcome_row;
  AdwEntryRow      *next_step_row;
  AdwEntryRow      *follow_up_row;
};

G_DEFINE_FINAL_TYPE (FidBranchEditor, fid_branch_editor, FID_TYPE_CHANNEL_EDITOR)

static void
set_choices (AdwComboRow  *row,
             const Choice *choices,
             guint         n_choices)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_choices; i++)
    gtk_string_list_append (list, _(choices[i].label));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

/* "2026-03-04 14:30" or "2026-03-04T14:30" → "2026-03-04T14:30:00". */
static char *
parse_when (const char *text)
{
  int year, month, day, hour = 0, minute = 0;
  char sep = 'T';

  if (text == NULL)
    return NULL;

  if (sscanf (text, "%4d-%2d-%2d%c%2d:%2d", &year, &month, &day, &sep, &hour, &minute) < 3 ||
      (sep != 'T' && sep != ' ') || !g_date_valid_dmy (day, month, year) ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00", year, month, day, hour, minute);
}

static gboolean
valid_date (const char *text)
{
  int year, month, day;
  char extra;

  return sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &extra) == 3 &&
         g_date_valid_dmy (day, month, year);
}

static FidInteraction *
fid_branch_editor_build_interaction (FidChannelEditor  *editor,
                                     GError           **error)
{
  FidBranchEditor *self = FID_BRANCH_EDITOR (editor);
  guint purpose = MIN (adw_combo_row_get_selected (self->purpose_row), G_N_ELEMENTS (purposes) - 1);
  guint outcome = MIN (adw_combo_row_get_selected (self->outcome_row), G_N_ELEMENTS (outcomes) - 1);
  g_autofree char *at = parse_when (gtk_editable_get_text (GTK_EDITABLE (self->when_row)));
  g_autofree char *needs = fid_text_view_dup_text (self->needs_view);
  g_autofree char *next_step = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->next_step_row))));
  g_autofree char *follow_up = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->follow_up_row))));
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_auto(GStrv) product_codes = NULL;
  FidInteraction *interaction;

  if (at == NULL)
    {
      g_set_error_literal (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                           _("Enter when the meeting took place, as YYYY-MM-DD HH:MM."));
      return NULL;
    }
  if (needs[0] == '\0')
    {
      g_set_error_literal (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                           _("Write down the customer’s needs: it is what a colleague reads first."));
      return NULL;
    }
  if (follow_up[0] != '\0' && !valid_date (follow_up))
    {
      g_set_error_literal (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                           _("The follow-up date must be a date, as YYYY-MM-DD."));
      return NULL;
    }
  if (follow_up[0] != '\0' && strncmp (follow_up, at, 10) < 0)
    {
      g_set_error_literal (error, FID_CHANNEL_ERROR, FID_CHANNEL_ERROR_INVALID,
                           _("The follow-up date is before the meeting."));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    if (gtk_check_button_get_active (self->product_checks[i]))
      {
        g_strv_builder_add (codes, products[i].code);
        if (labels->len > 0)
          g_string_append (labels, ", ");
        g_string_append (labels, _(products[i].label));
      }
  product_codes = g_strv_builder_end (codes);

  g_string_append_printf (report, _("Purpose: %s"), _(purposes[purpose].label));
  g_string_append_c (report, '\n');
  g_string_append_printf (report, _("Products discussed: %s"), labels->len ? labels->str : _("none"));
  g_string_append (report, "\n\n");
  g_string_append_printf (report, _("Customer’s needs: %s"), needs);
  g_string_append (report, "\n\n");
  g_string_append_printf (report, _("Outcome: %s"), _(outcomes[outcome].label));
  if (next_step[0] != '\0')
    {
      g_string_append_c (report, '\n');
      g_string_append_printf (report, _("Next step: %s"), next_step);
    }

  interaction = fid_interaction_new ();
  fid_interaction_set_direction (interaction, "inbound");
  fid_interaction_set_at (interaction, at);
  fid_interaction_set_subject (interaction, _(purposes[purpose].label));
  fid_interaction_set_notes (interaction, report->str);
  fid_interaction_set_outcome (interaction, outcomes[outcome].code);
  fid_interaction_set_next_step (interaction, next_step[0] ? next_step : NULL);
  fid_interaction_set_follow_up_on (interaction, follow_up[0] ? follow_up : NULL);
  fid_details_set_string (interaction, "purpose", purposes[purpose].code);
  fid_details_set_strv (interaction, "products", (const char * const *) product_codes);
  fid_details_set_string (interaction, "needs", needs);
  fid_details_set_boolean (interaction, "marketing", FALSE);

  return interaction;
}

static void
fid_branch_editor_constructed (GObject *object)
{
  FidBranchEditor *self = FID_BRANCH_EDITOR (object);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M");

  G_OBJECT_CLASS (fid_branch_editor_parent_class)->constructed (object);

  fid_channel_editor_set_title (FID_CHANNEL_EDITOR (self), _("Branch Meeting Report"));
  fid_channel_editor_set_action_label (FID_CHANNEL_EDITOR (self), _("_Save Report"));
  fid_channel_editor_set_initial_focus (FID_CHANNEL_EDITOR (self), GTK_WIDGET (self->needs_view));
  gtk_editable_set_text (GTK_EDITABLE (self->when_row), when);
}

static void
fid_branch_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FID_TYPE_BRANCH_EDITOR);

  G_OBJECT_CLASS (fid_branch_editor_parent_class)->dispose (object);
}

static void
fid_branch_editor_class_init (FidBranchEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  FidChannelEditorClass *editor_class = FID_CHANNEL_EDITOR_CLASS (klass);

  object_class->constructed = fid_branch_editor_constructed;
  object_class->dispose = fid_branch_editor_dispose;

  editor_class->build_interaction = fid_branch_editor_build_interaction;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/plugins/channel-branch/fid-branch-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FidBranchEditor, when_row);
  gtk_widget_class_bind_template_child (widget_class, FidBranchEditor, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, FidBranchEditor, products_box);
  gtk_widget_class_bind_template_child (widget_class, FidBranchEditor, needs_view);
  gtk_widget_class_bind_template_child (widget_class, FidBranchEditor, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, FidBranchEditor, next_step_row);
  gtk_widget_class_bind_template_child (widget_class, FidBranchEditor, follow_up_row);
}

static void
fid_branch_editor_init (FidBranchEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_choices (self->purpose_row, purposes, G_N_ELEMENTS (purposes));
  set_choices (self->outcome_row, outcomes, G_N_ELEMENTS (outcomes));

  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      self->product_checks[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_(products[i].label)));
      gtk_flow_box_append (self->products_box, GTK_WIDGET (self->product_checks[i]));
    }
}
