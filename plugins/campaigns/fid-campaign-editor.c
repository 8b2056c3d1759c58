/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidCampaignEditor: the form of a new campaign. The combo rows get their
 * choices here (families, stages and channels are fixed lists; branches
 * and saved segments come from the store); every check is the core's
 * (fid_campaign_validate), so the CLI and this form refuse the same
 * things with the same words. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fid-campaign-editor.h"
#include "fid-format.h"
#include "fid-segment-labels.h"
#include "fid-store-campaigns.h"
#include "fid-store-workspace.h"

static const char * const families[] = {
  "current_account", "savings", "card", "mortgage", "consumer_loan", "student_loan",
  "insurance", "investment", NULL
};
static const char * const stages[] = {
  "unknown", "prospect", "new", "satisfied", "dissatisfied", "inactive", "lost", "reactivated", NULL
};
/* The channels a campaign sends on (branch and web are where customers
 * come to us, not ways to reach them). */
static const char * const channels[] = { "email", "sms", "phone", "mail", NULL };

struct _FidCampaignEditor
{
  AdwWindow      parent_instance;

  FidStore      *store;
  GArray        *branch_ids;        /* gint64, as branch_row's items after "Any" */
  GPtrArray     *segments;          /* GStrv {scheme, taken_on, segment, count} */

  /* Template widgets */
  GtkButton     *create_button;
  GtkLabel      *error_label;
  AdwEntryRow   *name_row;
  AdwEntryRow   *objective_row;
  AdwComboRow   *family_row;
  GtkEntry      *starts_entry;
  GtkEntry      *ends_entry;
  AdwComboRow   *segment_row;
  AdwComboRow   *stage_row;
  AdwComboRow   *branch_row;
  AdwComboRow   *held_row;
  AdwComboRow   *not_held_row;
  GtkSpinButton *age_min_spin;
  GtkSpinButton *age_max_spin;
  AdwComboRow   *channel_row;
  GtkSwitch     *preferred_switch;
  GtkSpinButton *control_spin;
  GtkSpinButton *attribution_spin;
  GtkSpinButton *cost_per_contact_spin;
  GtkSpinButton *fixed_cost_spin;
  GtkSpinButton *margin_spin;
};

enum { CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FidCampaignEditor, fid_campaign_editor, ADW_TYPE_WINDOW)

static void
set_choices (AdwComboRow        *row,
             const char         *any,
             const char * const *keys,
             const char       *(*label) (const char *key))
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  if (any != NULL)
    gtk_string_list_append (list, any);
  for (guint i = 0; keys[i] != NULL; i++)
    gtk_string_list_append (list, label (keys[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

/* The key chosen in a row built by set_choices, NULL for "Any". */
static const char *
chosen_key (AdwComboRow        *row,
            gboolean            has_any,
            const char * const *keys)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || (has_any && selected == 0))
    return NULL;
  selected -= has_any ? 1 : 0;
  return selected < g_strv_length ((char **) keys) ? keys[selected] : NULL;
}

static void
fill_from_store (FidCampaignEditor *self)
{
  g_autoptr(GtkStringList) branches = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) segments = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  gtk_string_list_append (branches, _("Any"));
  list = fid_store_list_branches (self->store, &error);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      FidBranch *branch = g_ptr_array_index (list, i);
      gint64 id = fid_branch_get_id (branch);

      gtk_string_list_append (branches, fid_branch_get_name (branch));
      g_array_append_val (self->branch_ids, id);
    }
  adw_combo_row_set_model (self->branch_row, G_LIST_MODEL (branches));

  gtk_string_list_append (segments, _("Whole customer base"));
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  self->segments = fid_store_list_target_segments (self->store, &error);
  for (guint i = 0; self->segments != NULL && i < self->segments->len; i++)
    {
      char **row = g_ptr_array_index (self->segments, i);
      g_autofree char *date = fid_format_date (row[1]);
      g_autofree char *count = fid_format_count (g_ascii_strtoull (row[3], NULL, 10));
      /* Translators: a saved segment: scheme, segment, snapshot date and
       * how many customers, e.g. "RFM: At Risk, 1 Nov 2026 (1,234)". */
      g_autofree char *label = g_strdup_printf (_("%s: %s, %s (%s)"), fid_segment_scheme_label (row[0]),
                                                fid_segment_label (row[0], row[2]), date, count);

      gtk_string_list_append (segments, label);
    }
  adw_combo_row_set_model (self->segment_row, G_LIST_MODEL (segments));
  if (error != NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static gint64
spin_cents (GtkSpinButton *spin)
{
  return (gint64) llround (gtk_spin_button_get_value (spin) * 100.0);
}

gboolean
fid_campaign_editor_save (FidCampaignEditor *self)
{
  g_autoptr(FidCampaign) c = fid_campaign_new ();
  g_autoptr(GError) error = NULL;
  FidCampaignTargeting *t = &c->targeting;
  const char *ends = gtk_editable_get_text (GTK_EDITABLE (self->ends_entry));
  guint segment = adw_combo_row_get_selected (self->segment_row);
  guint branch = adw_combo_row_get_selected (self->branch_row);
  int age_min = gtk_spin_button_get_value_as_int (self->age_min_spin);
  int age_max = gtk_spin_button_get_value_as_int (self->age_max_spin);
  const char *key;
  gint64 id;

  g_return_val_if_fail (FID_IS_CAMPAIGN_EDITOR (self), FALSE);

  g_free (c->name);
  c->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_free (c->objective);
  c->objective = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->objective_row))));
  g_free (c->product_family);
  c->product_family = g_strdup (chosen_key (self->family_row, FALSE, families));
  g_free (c->starts_on);
  c->starts_on = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->starts_entry))));
  c->ends_on = ends[0] != '\0' ? g_strstrip (g_strdup (ends)) : NULL;
  g_free (c->channel);
  c->channel = g_strdup (chosen_key (self->channel_row, FALSE, channels));
  g_free (c->channel_mode);
  c->channel_mode = g_strdup (gtk_switch_get_active (self->preferred_switch) ? "preferred" : "forced");
  c->control_share = gtk_spin_button_get_value (self->control_spin) / 100.0;
  c->attribution_days = (guint) gtk_spin_button_get_value_as_int (self->attribution_spin);
  c->cost_per_contact_cents = spin_cents (self->cost_per_contact_spin);
  c->fixed_cost_cents = spin_cents (self->fixed_cost_spin);
  c->margin_per_conversion_cents = spin_cents (self->margin_spin);

  if (segment != GTK_INVALID_LIST_POSITION && segment > 0 && self->segments != NULL &&
      segment - 1 < self->segments->len)
    {
      char **row = g_ptr_array_index (self->segments, segment - 1);

      t->snapshot_scheme = g_strdup (row[0]);
      t->snapshot_taken_on = g_strdup (row[1]);
      t->snapshot_segment = g_strdup (row[2]);
    }
  if ((key = chosen_key (self->stage_row, TRUE, stages)) != NULL)
    t->lifecycle_stage = g_strdup (key);
  if (branch != GTK_INVALID_LIST_POSITION && branch > 0 && branch - 1 < self->branch_ids->len)
    t->branch_id = g_array_index (self->branch_ids, gint64, branch - 1);
  if ((key = chosen_key (self->held_row, TRUE, families)) != NULL)
    t->family_held = g_strdup (key);
  if ((key = chosen_key (self->not_held_row, TRUE, families)) != NULL)
    t->family_not_held = g_strdup (key);
  t->age_min = age_min > 0 ? age_min : -1;
  t->age_max = age_max < 120 ? age_max : -1;

  id = self->store != NULL ? fid_store_create_campaign (self->store, c, &error) : 0;
  if (id == 0)
    {
      gtk_label_set_text (self->error_label, error != NULL ? error->message : _("No database is open."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[CREATED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_cancel_clicked_cb (FidCampaignEditor *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
fid_campaign_editor_dispose (GObject *object)
{
  FidCampaignEditor *self = FID_CAMPAIGN_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_CAMPAIGN_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->branch_ids, g_array_unref);
  g_clear_pointer (&self->segments, g_ptr_array_unref);

  G_OBJECT_CLASS (fid_campaign_editor_parent_class)->dispose (object);
}

static void
fid_campaign_editor_class_init (FidCampaignEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_campaign_editor_dispose;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fidelis/Fidelis/plugins/campaigns/fid-campaign-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, create_button);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, objective_row);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, family_row);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, starts_entry);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, ends_entry);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, segment_row);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, branch_row);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, held_row);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, not_held_row);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, age_min_spin);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, age_max_spin);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, preferred_switch);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, control_spin);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, attribution_spin);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, cost_per_contact_spin);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, fixed_cost_spin);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignEditor, margin_spin);
  gtk_widget_class_bind_template_callback (widget_class, fid_campaign_editor_save);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fid_campaign_editor_init (FidCampaignEditor *self)
{
  g_autofree char *today = fid_format_today_iso ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  set_choices (self->family_row, NULL, families, fid_format_product_family);
  adw_combo_row_set_selected (self->family_row, 1);     /* savings */
  set_choices (self->stage_row, _("Any"), stages, fid_format_lifecycle_stage);
  set_choices (self->held_row, _("Any"), families, fid_format_product_family);
  set_choices (self->not_held_row, _("Any"), families, fid_format_product_family);
  set_choices (self->channel_row, NULL, channels, fid_format_channel);
  gtk_editable_set_text (GTK_EDITABLE (self->starts_entry), today);
}

FidCampaignEditor *
fid_campaign_editor_new (GtkWindow *parent,
                         FidStore  *store)
{
  FidCampaignEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || FID_IS_STORE (store), NULL);

  self = g_object_new (FID_TYPE_CAMPAIGN_EDITOR, "transient-for", parent, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  if (store != NULL)
    fill_from_store (self);
  return self;
}

GtkWidget *
fid_campaign_editor_get_widget (FidCampaignEditor *self,
                                const char        *id)
{
  g_return_val_if_fail (FID_IS_CAMPAIGN_EDITOR (self), NULL);

  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), FID_TYPE_CAMPAIGN_EDITOR, id));
}

gboolean
fid_campaign_editor_select_segment (FidCampaignEditor *self,
                                    const char        *scheme,
                                    const char        *taken_on,
                                    const char        *segment)
{
  g_return_val_if_fail (FID_IS_CAMPAIGN_EDITOR (self), FALSE);

  for (guint i = 0; self->segments != NULL && i < self->segments->len; i++)
    {
      char **row = g_ptr_array_index (self->segments, i);

      if (g_str_equal (row[0], scheme) && g_str_equal (row[1], taken_on) && g_str_equal (row[2], segment))
        {
          adw_combo_row_set_selected (self->segment_row, i + 1);
          return TRUE;
        }
    }
  return FALSE;
}
