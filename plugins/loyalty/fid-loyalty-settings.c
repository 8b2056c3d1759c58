/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The loyalty programme's settings: see fid-loyalty-settings.h. The rows
 * are made from the store's lists (the rules, the weights' names), so a
 * weight added to the schema appears here without a change. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fid-engagement.h"
#include "fid-format.h"
#include "fid-loyalty-settings.h"
#include "fid-store-loyalty.h"

struct _FidLoyaltySettings
{
  AdwPreferencesWindow parent_instance;

  FidStore   *store;
  GHashTable *spins;            /* name -> GtkSpinButton (borrowed) */
  gboolean    weights_changed;
  gboolean    filling;
};

G_DEFINE_FINAL_TYPE (FidLoyaltySettings, fid_loyalty_settings, ADW_TYPE_PREFERENCES_WINDOW)

static void
toast (FidLoyaltySettings *self,
       const char         *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

/* A weight's name in words. */
static char *
weight_label (const char *name)
{
  static const struct
  {
    const char *name;
    const char *label;
  } labels[] = {
    { "recency_points", N_("Points for a contact today") },
    { "recency_days", N_("Days until a contact no longer counts") },
    { "window_days", N_("Activity counted over (days)") },
    { "interactions_cap", N_("Most points from interactions") },
    { "campaign_response", N_("Per campaign response") },
    { "campaign_cap", N_("Most points from campaigns") },
    { "survey_answered", N_("Per survey answered") },
    { "survey_cap", N_("Most points from surveys") },
    { "referral", N_("Per referral made") },
    { "referral_converted", N_("More per referral that became a customer") },
    { "referral_cap", N_("Most points from referrals") },
  };

  if (g_str_has_prefix (name, "channel:"))
    /* Translators: an engagement weight: points per interaction on a channel */
    return g_strdup_printf (_("Per interaction: %s"), fid_format_channel (name + strlen ("channel:")));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (name, labels[i].name))
      return g_strdup (_(labels[i].label));
  return g_strdup (name);
}

static void
on_value_changed_cb (GtkSpinButton      *spin,
                     FidLoyaltySettings *self)
{
  const char *name = g_object_get_data (G_OBJECT (spin), "name");
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (self->filling)
    return;
  if (g_str_equal (name, "validity"))
    saved = fid_store_loyalty_set_validity_months (self->store, gtk_spin_button_get_value_as_int (spin), &error);
  else if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "rule")) > 0)
    saved = fid_store_loyalty_set_rule_points (self->store,
                                               GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "rule")) - 1,
                                               gtk_spin_button_get_value_as_int (spin), &error);
  else
    {
      saved = fid_store_engagement_set_weight (self->store, name, gtk_spin_button_get_value (spin), &error);
      self->weights_changed |= saved;
    }
  if (!saved)
    toast (self, error->message);
}

static GtkSpinButton *
add_row (FidLoyaltySettings  *self,
         AdwPreferencesGroup *group,
         const char          *name,
         const char          *title,
         const char          *subtitle,
         double               value,
         double               max,
         guint                digits)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, digits > 0 ? 0.5 : 1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  g_object_set_data_full (G_OBJECT (spin), "name", g_strdup (name), g_free);
  g_hash_table_insert (self->spins, g_strdup (name), spin);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_value_changed_cb), self);
  return GTK_SPIN_BUTTON (spin);
}

static void
fill (FidLoyaltySettings *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *earning = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *weights = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  FidEngagementWeights values;
  g_autoptr(GError) error = NULL;
  int months = 0;

  self->filling = TRUE;
  adw_preferences_page_set_title (page, _("Loyalty Programme"));
  adw_preferences_page_set_icon_name (page, "starred-symbolic");

  adw_preferences_group_set_title (earning, _("Earning Points"));
  adw_preferences_group_set_description (earning, _("Points credited to members for each event; 0 switches a rule off. "
                                                    "Points already credited do not change."));
  for (guint r = 0; r < FID_LOYALTY_N_RULES; r++)
    {
      gint64 points = 0;
      GtkSpinButton *spin;

      if (!fid_store_loyalty_get_rule_points (self->store, r, &points, &error))
        break;
      spin = add_row (self, earning, fid_loyalty_rule_kind (r), fid_loyalty_rule_label (r), NULL,
                      (double) points, 100000, 0);
      g_object_set_data (G_OBJECT (spin), "rule", GINT_TO_POINTER (r + 1));
    }
  if (error == NULL && fid_store_loyalty_get_validity_months (self->store, &months, &error))
    add_row (self, earning, "validity", _("Points valid for (months)"), _("0: points never expire"),
             months, 240, 0);
  adw_preferences_page_add (page, earning);

  adw_preferences_group_set_title (weights, _("Engagement Score"));
  adw_preferences_group_set_description (weights, _("How each kind of activity counts towards the score out of 100. "
                                                    "Every score is computed again when this window closes."));
  if (error == NULL && fid_store_engagement_get_weights (self->store, &values, &error))
    {
      const char * const *names = fid_engagement_weight_names ();

      for (guint i = 0; names[i] != NULL; i++)
        {
          double *value = fid_engagement_weight_field (&values, names[i]);
          g_autofree char *label = weight_label (names[i]);
          gboolean days = g_str_has_suffix (names[i], "_days");

          if (value != NULL)
            add_row (self, weights, names[i], label, NULL, *value, days ? 3650 : 100, days ? 0 : 1);
        }
    }
  adw_preferences_page_add (page, weights);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
  self->filling = FALSE;
  if (error != NULL)
    toast (self, error->message);
}

/* Closing: the scores follow the new weights, in a thread of their own. */
static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_store_open (task_data, FID_STORE_OPEN_DEFAULT, &error);

  if (store == NULL || !fid_store_engagement_refresh (store, NULL, cancellable, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_refreshed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("The engagement scores could not be computed again: %s", error->message);
}

static gboolean
fid_loyalty_settings_close_request (GtkWindow *window)
{
  FidLoyaltySettings *self = FID_LOYALTY_SETTINGS (window);

  if (self->weights_changed)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, on_refreshed_cb, NULL);

      g_task_set_task_data (task, g_strdup (fid_store_get_path (self->store)), g_free);
      g_task_run_in_thread (task, refresh_thread);
      self->weights_changed = FALSE;
    }
  return GTK_WINDOW_CLASS (fid_loyalty_settings_parent_class)->close_request (window);
}

static void
fid_loyalty_settings_finalize (GObject *object)
{
  FidLoyaltySettings *self = FID_LOYALTY_SETTINGS (object);

  g_clear_object (&self->store);
  g_hash_table_unref (self->spins);
  G_OBJECT_CLASS (fid_loyalty_settings_parent_class)->finalize (object);
}

static void
fid_loyalty_settings_class_init (FidLoyaltySettingsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fid_loyalty_settings_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = fid_loyalty_settings_close_request;
}

static void
fid_loyalty_settings_init (FidLoyaltySettings *self)
{
  self->spins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Loyalty Programme Settings"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
}

FidLoyaltySettings *
fid_loyalty_settings_new (GtkWindow *parent,
                          FidStore  *store)
{
  FidLoyaltySettings *self;

  g_return_val_if_fail (FID_IS_STORE (store), NULL);

  self = g_object_new (FID_TYPE_LOYALTY_SETTINGS, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  fill (self);
  return self;
}

GtkSpinButton *
fid_loyalty_settings_get_spin (FidLoyaltySettings *self,
                               const char         *name)
{
  g_return_val_if_fail (FID_IS_LOYALTY_SETTINGS (self), NULL);
  return g_hash_table_lookup (self->spins, name);
}
