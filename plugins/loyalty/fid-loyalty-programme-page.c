/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidLoyaltyProgrammePage: the loyalty programme's dashboard (see the
 * header). A page of its own rather than a tile set of the Dashboards
 * plugin: those dashboards read per-branch counts kept by triggers
 * (004-dashboard.sql) and filter by advisor and branch, while these
 * figures are programme-wide sums over the ledger and one pass over the
 * holdings; fitting them in would have meant new counts in that schema. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "fid-format.h"
#include "fid-loyalty-programme-page.h"
#include "fid-store-loyalty.h"
#include "fid-window.h"
#include "fid-loyalty-settings.h"

struct _FidLoyaltyProgrammePage
{
  AdwBin               parent_instance;

  AdwComboRow         *period_row;
  AdwPreferencesGroup *members_group;
  AdwPreferencesGroup *referrals_group;
  AdwPreferencesGroup *engagement_group;
  GPtrArray           *rows;   /* the figure rows, removed on each fill */

  FidStore            *store;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (FidLoyaltyProgrammePage, fid_loyalty_programme_page, ADW_TYPE_BIN)

static const int period_days[] = { 365, 91, 30 };

typedef struct
{
  char            *path;
  char            *from;
  char            *to;
  FidLoyaltyStats  stats;
  GArray          *unqualified;   /* customer ids */
  GArray          *engaged;
} Job;

/* "Most engaged": this score or more. */
#define ENGAGED_SCORE 40

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->from);
  g_free (job->to);
  g_clear_pointer (&job->unqualified, g_array_unref);
  g_clear_pointer (&job->engaged, g_array_unref);
  g_free (job);
}

/* In a thread, on a connection of its own: the retention pass reads every
 * holding and must not hold up the window. */
static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_store_open (job->path, FID_STORE_OPEN_READ_ONLY, &error);

  if (store == NULL || !fid_store_loyalty_get_stats (store, job->from, job->to, &job->stats, &error) ||
      (job->unqualified = fid_store_engagement_list_ids (store, 0, 100, TRUE, &error)) == NULL ||
      (job->engaged = fid_store_engagement_list_ids (store, ENGAGED_SCORE, 100, FALSE, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
clear_rows (FidLoyaltyProgrammePage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_figure (FidLoyaltyProgrammePage *self,
            AdwPreferencesGroup     *group,
            const char              *title,
            const char              *subtitle,
            const char              *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "title-4");
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
on_show_clicked_cb (GtkButton               *button,
                    FidLoyaltyProgrammePage *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (button), "ids");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ids != NULL && root != NULL && FID_IS_WINDOW (root))
    fid_window_show_customers (FID_WINDOW (root), g_object_get_data (G_OBJECT (button), "label"), ids);
}

/* A row with the number of customers and a button that lists them. */
static void
add_customers_row (FidLoyaltyProgrammePage *self,
                   const char              *title,
                   const char              *subtitle,
                   GArray                  *ids)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *count = fid_format_count (ids->len);
  GtkWidget *label = gtk_label_new (count);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Show"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "title-4");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, ids->len > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (button), "ids", g_array_ref (ids), (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (button), "label", g_strdup (title), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_show_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (self->engagement_group, row);
  g_ptr_array_add (self->rows, row);
}

static char *
points_text (gint64 points)
{
  g_autofree char *count = fid_format_count ((guint64) ABS (points));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point", "%s points", (gulong) ABS (points)), count);
}

static char *
percent_text (double share)
{
  return g_strdup_printf ("%.1f %%", 100.0 * share);
}

static void
show_stats (FidLoyaltyProgrammePage *self,
            const FidLoyaltyStats   *s)
{
  g_autofree char *members = fid_format_count ((guint64) s->members);
  g_autofree char *active = fid_format_count ((guint64) s->active_members);
  g_autofree char *issued = points_text (s->points_issued);
  g_autofree char *redeemed = points_text (s->points_redeemed);
  g_autofree char *expired = points_text (s->points_expired);
  g_autofree char *outstanding = points_text (s->outstanding_points);
  g_autofree char *liability = fid_format_money (s->liability_cents);
  g_autofree char *liability_note = g_strdup_printf (_("Outstanding points: %s"), outstanding);
  g_autofree char *referrals = g_strdup_printf (_("%" PRId64 " of %" PRId64), s->referrals_converted, s->referrals);
  g_autofree char *conversion = percent_text (s->conversion_rate);
  g_autofree char *member_retention = percent_text (s->member_retention);
  g_autofree char *other_retention = percent_text (s->other_retention);
  g_autofree char *member_note = g_strdup_printf (_("%" PRId64 " of the %" PRId64 " members holding a product at the start"
                                                    " still hold one"), s->members_retained, s->members_at_start);
  g_autofree char *other_note = g_strdup_printf (_("%" PRId64 " of the %" PRId64 " other customers"),
                                                 s->others_retained, s->others_at_start);

  clear_rows (self);
  add_figure (self, self->members_group, _("Members"), _("Enrolled by the end of the period"), members);
  add_figure (self, self->members_group, _("Active members"), _("With points earned or spent in the period"), active);
  add_figure (self, self->members_group, _("Points issued"), NULL, issued);
  add_figure (self, self->members_group, _("Points redeemed"), NULL, redeemed);
  add_figure (self, self->members_group, _("Points expired"), NULL, expired);
  add_figure (self, self->members_group, _("Liability"), liability_note, liability);
  add_figure (self, self->referrals_group, _("Referrals converted"), _("Referrals made in the period that became customers"),
              referrals);
  add_figure (self, self->referrals_group, _("Referral conversion rate"), NULL, conversion);
  add_figure (self, self->referrals_group, _("Retention of members"), member_note, member_retention);
  add_figure (self, self->referrals_group, _("Retention of other customers"), other_note, other_retention);
}

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  FidLoyaltyProgrammePage *self;
  Job *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self = FID_LOYALTY_PROGRAMME_PAGE (source);
      clear_rows (self);
      add_figure (self, self->members_group, _("The figures cannot be computed"), error->message, "");
      return;
    }
  self = FID_LOYALTY_PROGRAMME_PAGE (source);
  show_stats (self, &job->stats);
  add_customers_row (self, _("Unqualified prospects"),
                     _("Prospects with no contact, response, survey or referral in the last year"), job->unqualified);
  add_customers_row (self, _("Most engaged customers"), _("Engagement score of 40 or more"), job->engaged);
}

static void
fill (FidLoyaltyProgrammePage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = NULL;
  guint selected = adw_combo_row_get_selected (self->period_row);
  Job *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      clear_rows (self);
      return;
    }
  start = g_date_time_add_days (now, -period_days[MIN (selected, G_N_ELEMENTS (period_days) - 1)]);
  job = g_new0 (Job, 1);
  job->path = g_strdup (fid_store_get_path (self->store));
  job->from = g_date_time_format (start, "%Y-%m-%d");
  job->to = g_date_time_format (now, "%Y-%m-%d");
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_computed_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, compute_thread);
}

static void
on_period_selected_cb (FidLoyaltyProgrammePage *self)
{
  fill (self);
}

static void
fid_loyalty_programme_page_dispose (GObject *object)
{
  FidLoyaltyProgrammePage *self = FID_LOYALTY_PROGRAMME_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (fid_loyalty_programme_page_parent_class)->dispose (object);
}

static gboolean
on_settings_closed_cb (FidLoyaltyProgrammePage *self)
{
  /* The figures, and soon the scores, follow the new settings. */
  fill (self);
  return FALSE;   /* let it close */
}

static void
settings_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FidLoyaltyProgrammePage *self = FID_LOYALTY_PROGRAMME_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  FidLoyaltySettings *settings;

  if (self->store == NULL)
    return;
  settings = fid_loyalty_settings_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
  g_signal_connect_object (settings, "close-request", G_CALLBACK (on_settings_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (settings));
}

static void
fid_loyalty_programme_page_class_init (FidLoyaltyProgrammePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_loyalty_programme_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fidelis/Fidelis/plugins/loyalty/fid-loyalty-programme-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FidLoyaltyProgrammePage, period_row);
  gtk_widget_class_install_action (widget_class, "loyalty-page.settings", NULL, settings_action);
  gtk_widget_class_bind_template_child (widget_class, FidLoyaltyProgrammePage, members_group);
  gtk_widget_class_bind_template_child (widget_class, FidLoyaltyProgrammePage, referrals_group);
  gtk_widget_class_bind_template_child (widget_class, FidLoyaltyProgrammePage, engagement_group);
}

static void
fid_loyalty_programme_page_init (FidLoyaltyProgrammePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  g_signal_connect_swapped (self->period_row, "notify::selected", G_CALLBACK (on_period_selected_cb), self);
}

GtkWidget *
fid_loyalty_programme_page_new (void)
{
  return g_object_new (FID_TYPE_LOYALTY_PROGRAMME_PAGE, NULL);
}

void
fid_loyalty_programme_page_set_store (FidLoyaltyProgrammePage *self,
                                      FidStore                *store)
{
  g_return_if_fail (FID_IS_LOYALTY_PROGRAMME_PAGE (self));

  g_set_object (&self->store, store);
  fill (self);
}

void
fid_loyalty_programme_page_reload (FidLoyaltyProgrammePage *self)
{
  g_return_if_fail (FID_IS_LOYALTY_PROGRAMME_PAGE (self));

  fill (self);
}
