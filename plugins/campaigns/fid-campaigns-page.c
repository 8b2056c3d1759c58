/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidCampaignsPage: the list, the plan and its actions. The rules (target,
 * consent, pressure, control group) and the arithmetic are the core's
 * (fid-store-campaigns.h, fid-uplift.h); this file shows them and asks
 * before anything that cannot be undone. */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "fid-application.h"
#include "fid-campaign-editor.h"
#include "fid-campaign-results.h"
#include "fid-campaigns-page.h"
#include "fid-campaigns-page-private.h"
#include "fid-format.h"
#include "fid-segment-labels.h"
#include "fid-window.h"

#define DEFAULT_PRESSURE_MAX  2
#define DEFAULT_PRESSURE_DAYS 30


G_DEFINE_FINAL_TYPE (FidCampaignsPage, fid_campaigns_page, ADW_TYPE_BIN)

/* The cap of Preferences (GSettings), or its defaults when the app runs
 * without its settings (tests). */
void
fid_campaigns_page_get_pressure (guint *max,
              guint *days)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = FID_IS_APPLICATION (app) ? fid_application_get_settings (FID_APPLICATION (app)) : NULL;

  *max = settings != NULL ? (guint) g_settings_get_int (settings, "contact-pressure-max") : DEFAULT_PRESSURE_MAX;
  *days = settings != NULL ? (guint) g_settings_get_int (settings, "contact-pressure-days") : DEFAULT_PRESSURE_DAYS;
}

static FidWindow *
get_window (FidCampaignsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return FID_IS_WINDOW (root) ? FID_WINDOW (root) : NULL;
}

void
fid_campaigns_page_toast (FidCampaignsPage *self,
       const char       *text)
{
  FidWindow *window = get_window (self);

  if (window != NULL)
    fid_window_add_toast (window, adw_toast_new (text));
}

void
fid_campaigns_page_show_error (FidCampaignsPage *self,
            const char       *heading,
            const GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
fid_campaigns_page_data_changed (FidCampaignsPage *self)
{
  FidWindow *window = get_window (self);

  /* Dashboards count contacts; the window tells every page, this one
   * included (the addin reloads it). */
  if (window != NULL)
    fid_window_data_changed (window);
  else
    fid_campaigns_page_reload (self);
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_("campaign status", "Draft");
  if (g_strcmp0 (status, "launched") == 0)
    return C_("campaign status", "Launched");
  return C_("campaign status", "Closed");
}

static char *
describe_target (const FidCampaign *c)
{
  const FidCampaignTargeting *t = &c->targeting;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (t->snapshot_scheme != NULL)
    {
      g_autofree char *date = fid_format_date (t->snapshot_taken_on);

      g_ptr_array_add (parts, g_strdup_printf ("%s: %s (%s)", fid_segment_scheme_label (t->snapshot_scheme),
                                               fid_segment_label (t->snapshot_scheme, t->snapshot_segment), date));
    }
  if (t->segment != NULL)
    g_ptr_array_add (parts, g_strdup (t->segment));
  if (t->lifecycle_stage != NULL)
    g_ptr_array_add (parts, g_strdup (fid_format_lifecycle_stage (t->lifecycle_stage)));
  if (t->branch_id > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("branch %" PRId64), t->branch_id));
  if (t->family_held != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("holds %s"), fid_format_product_family (t->family_held)));
  if (t->family_not_held != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("does not hold %s"), fid_format_product_family (t->family_not_held)));
  if (t->age_min >= 0 || t->age_max >= 0)
    g_ptr_array_add (parts, t->age_max < 0 ? g_strdup_printf (_("aged %d or more"), t->age_min)
                            : g_strdup_printf (_("aged %d to %d"), MAX (t->age_min, 0), t->age_max));
  if (parts->len == 0)
    return g_strdup (_("every customer"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

static char *
describe (const FidCampaign *c)
{
  g_autofree char *target = describe_target (c);
  g_autofree char *starts = fid_format_date (c->starts_on);
  g_autofree char *cost = fid_format_money (c->cost_per_contact_cents);
  g_autofree char *fixed = fid_format_money (c->fixed_cost_cents);
  g_autofree char *margin = fid_format_money (c->margin_per_conversion_cents);
  const char *channel = fid_format_channel (c->channel);
  g_autofree char *channel_text = g_strcmp0 (c->channel_mode, "preferred") == 0
                                  /* Translators: the channel rule; %s is the fallback channel. */
                                  ? g_strdup_printf (_("preferred channel, else %s"), channel)
                                  : g_strdup (channel);

  /* Translators: a campaign's summary under its name. */
  return g_strdup_printf (_("%s. Target: %s. Channel: %s. Promotes %s from %s, conversions counted %u days "
                            "after the contact. Control group: %.0f %%. Cost: %s per contact + %s; "
                            "margin per conversion: %s."),
                          c->objective != NULL && c->objective[0] != '\0' ? c->objective : _("No objective"),
                          target, channel_text, fid_format_product_family (c->product_family), starts,
                          c->attribution_days, 100.0 * c->control_share, cost, fixed, margin);
}

static void
set_count (GtkLabel *label,
           guint64   n)
{
  g_autofree char *text = fid_format_count (n);

  gtk_label_set_text (label, text);
}

void
fid_campaigns_page_show_campaign (FidCampaignsPage *self)
{
  FidCampaign *c = self->campaign;
  gboolean draft = c != NULL && g_strcmp0 (c->status, "draft") == 0;
  FidCampaignCounts counts = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  guint cap_max, cap_days;

  g_clear_pointer (&self->plan, fid_campaign_plan_free);
  if (c == NULL || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "campaign");
  gtk_label_set_text (self->title_label, c->name);
  summary = describe (c);
  gtk_label_set_text (self->summary_label, summary);

  fid_campaigns_page_get_pressure (&cap_max, &cap_days);
  if (draft)
    {
      FidCampaignPlanOptions options = { .cap_max = cap_max, .cap_days = cap_days };

      self->plan = fid_store_plan_campaign (self->store, c->id, &options, &error);
      description = cap_max > 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "If launched now: at most %u marketing contact per customer in %u days (Preferences).",
                                        "If launched now: at most %u marketing contacts per customer in %u days (Preferences).",
                                        cap_max), cap_max, cap_days)
        : g_strdup (_("If launched now: no contact-pressure cap (Preferences)."));
    }
  else
    {
      g_autofree char *at = fid_format_date_time (c->launched_at != NULL ? c->launched_at : c->starts_on);

      self->plan = fid_store_load_campaign_plan (self->store, c->id, &error);
      if (self->plan != NULL)
        fid_store_count_campaign_results (self->store, c->id, &counts, &error);
      description = c->pressure_max > 0
        ? g_strdup_printf (_("Launched on %s, with at most %d marketing contacts per customer in %d days."),
                           at, c->pressure_max, c->pressure_days)
        : g_strdup_printf (_("Launched on %s."), at);
    }
  adw_preferences_group_set_description (self->plan_group, description);
  if (error != NULL)
    fid_campaigns_page_toast (self, error->message);

  set_count (self->targeted_label, self->plan ? self->plan->n_targeted : 0);
  set_count (self->consent_label, self->plan ? self->plan->excluded_consent->len : 0);
  set_count (self->pressure_label, self->plan ? self->plan->excluded_pressure->len : 0);
  set_count (self->control_label, self->plan ? self->plan->control->len : 0);
  set_count (self->contact_label, self->plan ? self->plan->test->len : 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_button), self->plan && self->plan->excluded_consent->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pressure_button), self->plan && self->plan->excluded_pressure->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->control_button), self->plan && self->plan->control->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->contact_button), self->plan && self->plan->test->len > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->launch_button), draft);
  gtk_widget_set_sensitive (GTK_WIDGET (self->launch_button), self->plan && self->plan->test->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), draft);
  gtk_widget_set_visible (GTK_WIDGET (self->respond_button), !draft);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), !draft);

  fid_campaign_results_set (FID_CAMPAIGN_RESULTS (self->results), &counts);
}

static GtkWidget *
build_row (FidCampaign *c)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (c->name);
  g_autofree char *date = fid_format_date (c->starts_on);
  g_autofree char *test = fid_format_count (c->n_test);
  /* Translators: under a campaign's name: status, channel, start date and
   * how many customers were contacted. */
  g_autofree char *line = g_strcmp0 (c->status, "draft") == 0
                          ? g_strdup_printf (_("%s · %s · %s"), status_label (c->status),
                                             fid_format_channel (c->channel), date)
                          : g_strdup_printf (_("%s · %s · %s · %s contacted"), status_label (c->status),
                                             fid_format_channel (c->channel), date, test);
  GtkWidget *sub = gtk_label_new (line);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  /* Status, channel, date and count: all of it matters, so it wraps. */
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
on_row_selected_cb (FidCampaignsPage *self,
                    GtkListBoxRow    *row)
{
  g_autoptr(GError) error = NULL;
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (self->reloading)
    return;
  g_clear_pointer (&self->campaign, fid_campaign_free);
  if (index >= 0 && self->campaigns != NULL && (guint) index < self->campaigns->len)
    {
      FidCampaign *listed = g_ptr_array_index (self->campaigns, index);

      self->campaign = fid_store_get_campaign (self->store, listed->id, &error);
      if (error != NULL)
        fid_campaigns_page_toast (self, error->message);
    }
  fid_campaigns_page_show_campaign (self);
}

static void
on_show_clicked_cb (GtkButton        *button,
                    FidCampaignsPage *self)
{
  FidWindow *window = get_window (self);
  GArray *ids = NULL;
  const char *what = NULL;
  g_autofree char *label = NULL;

  if (self->plan == NULL || self->campaign == NULL || window == NULL)
    return;
  if (button == self->consent_button)
    ids = self->plan->excluded_consent, what = _("excluded, no consent");
  else if (button == self->pressure_button)
    ids = self->plan->excluded_pressure, what = _("excluded, contact pressure");
  else if (button == self->control_button)
    ids = self->plan->control, what = _("control group");
  else
    ids = self->plan->test, what = _("to contact");
  /* Translators: the customer list's title: campaign name and which list. */
  label = g_strdup_printf (_("%s: %s"), self->campaign->name, what);
  fid_window_show_customers (window, label, ids);
}

static void
on_campaign_created_cb (FidCampaignEditor *editor,
                        gint64             id,
                        FidCampaignsPage  *self)
{
  fid_campaigns_page_reload (self);
  fid_campaigns_page_select (self, id);
}

/* GObject ------------------------------------------------------------------ */

static void
fid_campaigns_page_dispose (GObject *object)
{
  FidCampaignsPage *self = FID_CAMPAIGNS_PAGE (object);

  /* The list box unselects its rows as it goes: nothing to show then. */
  self->reloading = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), FID_TYPE_CAMPAIGNS_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->campaign, fid_campaign_free);
  g_clear_pointer (&self->plan, fid_campaign_plan_free);

  G_OBJECT_CLASS (fid_campaigns_page_parent_class)->dispose (object);
}

static void
fid_campaigns_page_class_init (FidCampaignsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_campaigns_page_dispose;

  g_type_ensure (FID_TYPE_CAMPAIGN_RESULTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fidelis/Fidelis/plugins/campaigns/fid-campaigns-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, plan_group);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, targeted_label);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, consent_label);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, pressure_label);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, control_label);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, contact_label);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, consent_button);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, pressure_button);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, control_button);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, contact_button);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, launch_button);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, respond_button);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, FidCampaignsPage, results_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_launch_clicked_cb", G_CALLBACK (fid_campaigns_page_on_launch_clicked_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_respond_clicked_cb", G_CALLBACK (fid_campaigns_page_on_respond_clicked_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_import_clicked_cb", G_CALLBACK (fid_campaigns_page_on_import_clicked_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_delete_clicked_cb", G_CALLBACK (fid_campaigns_page_on_delete_clicked_cb));
  gtk_widget_class_bind_template_callback (widget_class, fid_campaigns_page_new_campaign);
}

static void
fid_campaigns_page_init (FidCampaignsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->results = fid_campaign_results_new ();
  adw_bin_set_child (self->results_bin, self->results);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
fid_campaigns_page_new (void)
{
  return g_object_new (FID_TYPE_CAMPAIGNS_PAGE, NULL);
}

void
fid_campaigns_page_set_store (FidCampaignsPage *self,
                              FidStore         *store)
{
  g_return_if_fail (FID_IS_CAMPAIGNS_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_pointer (&self->campaign, fid_campaign_free);
  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (self->list_box)), store != NULL);
  fid_campaigns_page_reload (self);
}

void
fid_campaigns_page_reload (FidCampaignsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 selected = self->campaign != NULL ? self->campaign->id : 0;
  GtkWidget *child;

  g_return_if_fail (FID_IS_CAMPAIGNS_PAGE (self));

  self->reloading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  if (self->store != NULL)
    self->campaigns = fid_store_list_campaigns (self->store, &error);
  for (guint i = 0; self->campaigns != NULL && i < self->campaigns->len; i++)
    gtk_list_box_append (self->list_box, build_row (g_ptr_array_index (self->campaigns, i)));
  self->reloading = FALSE;
  if (error != NULL)
    fid_campaigns_page_toast (self, error->message);

  if (selected == 0 || !fid_campaigns_page_select (self, selected))
    {
      g_clear_pointer (&self->campaign, fid_campaign_free);
      fid_campaigns_page_show_campaign (self);
    }
}

GtkWindow *
fid_campaigns_page_new_campaign (FidCampaignsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  FidCampaignEditor *editor;

  g_return_val_if_fail (FID_IS_CAMPAIGNS_PAGE (self), NULL);

  editor = fid_campaign_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
  g_signal_connect_object (editor, "created", G_CALLBACK (on_campaign_created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

gboolean
fid_campaigns_page_select (FidCampaignsPage *self,
                           gint64            id)
{
  g_return_val_if_fail (FID_IS_CAMPAIGNS_PAGE (self), FALSE);

  for (guint i = 0; self->campaigns != NULL && i < self->campaigns->len; i++)
    {
      FidCampaign *c = g_ptr_array_index (self->campaigns, i);

      if (c->id == id)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) i);

          /* Selecting the row already selected emits nothing: show it. */
          if (gtk_list_box_get_selected_row (self->list_box) == row)
            on_row_selected_cb (self, row);
          else
            gtk_list_box_select_row (self->list_box, row);
          return TRUE;
        }
    }
  return FALSE;
}

gint64
fid_campaigns_page_get_selected (FidCampaignsPage *self)
{
  g_return_val_if_fail (FID_IS_CAMPAIGNS_PAGE (self), 0);

  return self->campaign != NULL ? self->campaign->id : 0;
}

gboolean
fid_campaigns_page_launch (FidCampaignsPage  *self,
                           GError           **error)
{
  FidCampaignPlanOptions options = { 0, };
  g_autoptr(FidCampaignPlan) plan = NULL;
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;

  g_return_val_if_fail (FID_IS_CAMPAIGNS_PAGE (self), FALSE);
  g_return_val_if_fail (self->campaign != NULL, FALSE);

  fid_campaigns_page_get_pressure (&options.cap_max, &options.cap_days);
  if (!fid_store_launch_campaign (self->store, self->campaign->id, &options, &plan, error))
    return FALSE;
  count = fid_format_count (plan->test->len);
  text = g_strdup_printf (_("Campaign launched: %s customers contacted"), count);
  fid_campaigns_page_toast (self, text);
  fid_campaigns_page_data_changed (self);
  return TRUE;
}

gboolean
fid_campaigns_page_import_responses (FidCampaignsPage  *self,
                                     const char        *data,
                                     gsize              length,
                                     guint             *n_imported,
                                     GError           **error)
{
  g_return_val_if_fail (FID_IS_CAMPAIGNS_PAGE (self), FALSE);
  g_return_val_if_fail (self->campaign != NULL, FALSE);

  if (!fid_store_import_campaign_responses (self->store, self->campaign->id, data, length, n_imported, error))
    return FALSE;
  fid_campaigns_page_data_changed (self);
  return TRUE;
}

void
fid_campaigns_page_show_view (FidCampaignsPage *self,
                              const char       *name)
{
  g_return_if_fail (FID_IS_CAMPAIGNS_PAGE (self));

  gtk_stack_set_visible_child_name (self->view_stack, name);
}

FidCampaignPlan *
fid_campaigns_page_get_plan (FidCampaignsPage *self)
{
  g_return_val_if_fail (FID_IS_CAMPAIGNS_PAGE (self), NULL);

  return self->plan;
}

GtkWidget *
fid_campaigns_page_get_results (FidCampaignsPage *self)
{
  g_return_val_if_fail (FID_IS_CAMPAIGNS_PAGE (self), NULL);

  return self->results;
}

gboolean
fid_campaigns_page_get_busy (FidCampaignsPage *self)
{
  g_return_val_if_fail (FID_IS_CAMPAIGNS_PAGE (self), FALSE);

  return self->busy;
}

guint
fid_campaigns_page_get_n_campaigns (FidCampaignsPage *self)
{
  g_return_val_if_fail (FID_IS_CAMPAIGNS_PAGE (self), 0);

  return self->campaigns != NULL ? self->campaigns->len : 0;
}
