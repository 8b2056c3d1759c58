/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidNboRulesDialog: one expander row per rule; every edit is saved as it
 * is made (there is no "Save" to forget), and a refused value (the store
 * checks it) is shown in a toast and the list read again, so what is shown
 * is always what is stored. */

#include "config.h"

#include <glib/gi18n.h>

#include "fid-format.h"
#include "fid-nbo.h"
#include "fid-nbo-rules-dialog.h"
#include "fid-window.h"

struct _FidNboRulesDialog
{
  AdwWindow            parent_instance;

  GtkButton           *add_button;
  GtkButton           *reset_button;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *group;

  FidStore            *store;
  GPtrArray           *rules;   /* FidNboRule */
  GPtrArray           *rows;    /* the expander rows shown */
  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (FidNboRulesDialog, fid_nbo_rules_dialog, ADW_TYPE_WINDOW)

static void fill (FidNboRulesDialog *self);

static GtkStringList *
labels_of (const char * const *codes,
           const char         *(*label) (const char *))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (list, label (codes[i]));
  return list;
}

static guint
index_of (const char * const *codes,
          const char         *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i;
  return 0;
}

static char *
rule_title (FidNboRule *rule)
{
  return g_strdup_printf ("%s → %s%s%s%s", fid_format_life_event (rule->event_kind),
                          fid_format_product_family (rule->product_family),
                          rule->product_code ? " (" : "", rule->product_code ? rule->product_code : "",
                          rule->product_code ? ")" : "");
}

static char *
rule_subtitle (FidNboRule *rule)
{
  return g_strdup_printf (g_dngettext (NULL, "%d day after the event · weight %.1f",
                                       "%d days after the event · weight %.1f", rule->window_days),
                          rule->window_days, rule->weight);
}

/* The 360 view shows suggestions from the rules: tell the window. */
static void
rules_changed (FidNboRulesDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL && FID_IS_WINDOW (parent))
    fid_window_data_changed (FID_WINDOW (parent));
}

static void
save (FidNboRulesDialog *self,
      FidNboRule        *rule)
{
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!fid_nbo_save_rule (self->store, rule, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      fill (self);
      return;
    }
  rules_changed (self);
}

static FidNboRule *
rule_of (GObject *widget)
{
  return g_object_get_data (widget, "rule");
}

static void
on_kind_cb (AdwComboRow       *row,
            GParamSpec        *pspec,
            FidNboRulesDialog *self)
{
  FidNboRule *rule = rule_of (G_OBJECT (row));

  g_free (rule->event_kind);
  rule->event_kind = g_strdup (fid_nbo_event_kinds[adw_combo_row_get_selected (row)]);
  save (self, rule);
}

static void
on_family_cb (AdwComboRow       *row,
              GParamSpec        *pspec,
              FidNboRulesDialog *self)
{
  FidNboRule *rule = rule_of (G_OBJECT (row));

  g_free (rule->product_family);
  rule->product_family = g_strdup (fid_nbo_product_families[adw_combo_row_get_selected (row)]);
  save (self, rule);
}

static void
on_code_applied_cb (AdwEntryRow       *row,
                    FidNboRulesDialog *self)
{
  FidNboRule *rule = rule_of (G_OBJECT (row));
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_free (rule->product_code);
  rule->product_code = code[0] != '\0' ? g_steal_pointer (&code) : NULL;
  save (self, rule);
}

static void
on_window_cb (GtkSpinButton     *spin,
              FidNboRulesDialog *self)
{
  FidNboRule *rule = rule_of (G_OBJECT (spin));

  rule->window_days = gtk_spin_button_get_value_as_int (spin);
  save (self, rule);
}

static void
on_weight_cb (GtkSpinButton     *spin,
              FidNboRulesDialog *self)
{
  FidNboRule *rule = rule_of (G_OBJECT (spin));

  rule->weight = gtk_spin_button_get_value (spin);
  save (self, rule);
}

static void
on_enabled_cb (AdwExpanderRow    *row,
               GParamSpec        *pspec,
               FidNboRulesDialog *self)
{
  FidNboRule *rule = rule_of (G_OBJECT (row));

  rule->enabled = adw_expander_row_get_enable_expansion (row);
  save (self, rule);
}

static void
on_delete_cb (GtkButton         *button,
              FidNboRulesDialog *self)
{
  g_autoptr(GError) error = NULL;
  FidNboRule *rule = rule_of (G_OBJECT (button));

  if (!fid_nbo_delete_rule (self->store, rule->id, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  fill (self);
  rules_changed (self);
}

static GtkWidget *
spin_row (const char        *title,
          FidNboRule        *rule,
          double             min,
          double             max,
          double             step,
          guint              digits,
          double             value,
          GCallback          callback,
          FidNboRulesDialog *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (spin), "rule", rule);
  g_signal_connect_object (spin, "value-changed", callback, self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  return row;
}

static GtkWidget *
combo_row (const char        *title,
           GtkStringList     *model,
           guint              selected,
           FidNboRule        *rule,
           GCallback          callback,
           FidNboRulesDialog *self)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data (G_OBJECT (row), "rule", rule);
  g_signal_connect_object (row, "notify::selected", callback, self, 0);
  g_object_unref (model);
  return row;
}

static GtkWidget *
new_rule_row (FidNboRulesDialog *self,
              FidNboRule        *rule)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *code = adw_entry_row_new ();
  GtkWidget *delete_row = adw_action_row_new ();
  GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Rule"));
  g_autofree char *title = rule_title (rule);
  g_autofree char *subtitle = rule_subtitle (rule);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), TRUE);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), rule->enabled);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "rule", rule);
  g_signal_connect_object (row, "notify::enable-expansion", G_CALLBACK (on_enabled_cb), self, 0);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            combo_row (_("Life event"), labels_of (fid_nbo_event_kinds, fid_format_life_event),
                                       index_of (fid_nbo_event_kinds, rule->event_kind), rule,
                                       G_CALLBACK (on_kind_cb), self));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            combo_row (_("Product family"),
                                       labels_of (fid_nbo_product_families, fid_format_product_family),
                                       index_of (fid_nbo_product_families, rule->product_family), rule,
                                       G_CALLBACK (on_family_cb), self));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (code), _("Product code (empty: the family’s most held)"));
  gtk_editable_set_text (GTK_EDITABLE (code), rule->product_code ? rule->product_code : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (code), TRUE);
  g_object_set_data (G_OBJECT (code), "rule", rule);
  g_signal_connect_object (code, "apply", G_CALLBACK (on_code_applied_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), code);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            spin_row (_("Days after the event"), rule, 1, 3650, 1, 0, rule->window_days,
                                      G_CALLBACK (on_window_cb), self));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            spin_row (_("Weight"), rule, 0.1, 10, 0.1, 1, rule->weight,
                                      G_CALLBACK (on_weight_cb), self));

  gtk_widget_add_css_class (delete, "destructive-action");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (delete), "rule", rule);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), delete);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), delete_row);
  return row;
}

static void
fill (FidNboRulesDialog *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rules;

  self->filling = TRUE;
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  rules = self->store != NULL ? fid_nbo_list_rules (self->store, &error) : NULL;
  if (rules == NULL && error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  /* The old rules stay alive until the old rows are gone (their handlers
   * point at them). */
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  self->rules = rules;
  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      GtkWidget *row = new_rule_row (self, g_ptr_array_index (rules, i));

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
  self->filling = FALSE;
}

static void
on_add_clicked_cb (GtkButton         *button,
                   FidNboRulesDialog *self)
{
  g_autoptr(GError) error = NULL;
  FidNboRule rule = { 0, (char *) "new_job", (char *) "card", NULL, 90, 0.5, TRUE };

  if (!fid_nbo_save_rule (self->store, &rule, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  fill (self);
  rules_changed (self);
}

static void
on_reset_clicked_cb (GtkButton         *button,
                     FidNboRulesDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!fid_nbo_reset_rules (self->store, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The course’s default rules are back")));
  fill (self);
  rules_changed (self);
}

static void
fid_nbo_rules_dialog_dispose (GObject *object)
{
  FidNboRulesDialog *self = FID_NBO_RULES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_NBO_RULES_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fid_nbo_rules_dialog_parent_class)->dispose (object);
}

static void
fid_nbo_rules_dialog_class_init (FidNboRulesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_nbo_rules_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-nbo-rules-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FidNboRulesDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, FidNboRulesDialog, reset_button);
  gtk_widget_class_bind_template_child (widget_class, FidNboRulesDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FidNboRulesDialog, group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fid_nbo_rules_dialog_init (FidNboRulesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self, 0);
  g_signal_connect_object (self->reset_button, "clicked", G_CALLBACK (on_reset_clicked_cb), self, 0);
}

GtkWidget *
fid_nbo_rules_dialog_new (GtkWindow *parent,
                          FidStore  *store)
{
  FidNboRulesDialog *self = g_object_new (FID_TYPE_NBO_RULES_DIALOG, "transient-for", parent, NULL);

  g_set_object (&self->store, store);
  fill (self);
  return GTK_WIDGET (self);
}
