/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidLoyaltyPanel: the loyalty programme in the 360 view (see the header).
 * Everything shown is a handful of index lookups on the customer (the
 * ledger's and the referrals' indexes, and the engagement explanation's
 * per-customer probes), so the panel costs the page nothing noticeable on
 * a million customers. The dialogs are in fid-loyalty-dialogs.c. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "fid-format.h"
#include "fid-loyalty-panel.h"
#include "fid-store-loyalty.h"
#include "fid-window.h"

#define RECENT_LINES 5

struct _FidLoyaltyPanel
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;
  GtkListBox          *list;

  FidStore            *store;
  gint64               customer_id;
  gint64               advisor_id;
  gint64               balance;
  gboolean             member;
  GtkWidget           *dialog;   /* weak */
};

G_DEFINE_FINAL_TYPE (FidLoyaltyPanel, fid_loyalty_panel, ADW_TYPE_BIN)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_rows (FidLoyaltyPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static GtkWidget *
add_row (FidLoyaltyPanel *self,
         const char      *title,
         const char      *subtitle,
         const char      *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  gtk_list_box_append (self->list, row);
  return row;
}

static void
add_error_row (FidLoyaltyPanel *self,
               const GError    *error)
{
  g_warning ("Cannot read the loyalty programme: %s", error->message);
  add_row (self, _("The loyalty programme cannot be read"), error->message, "dialog-warning-symbolic");
}

static void
fill_balance (FidLoyaltyPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *points = NULL;
  g_autofree char *since = NULL;
  g_autofree char *count = NULL;
  GtkWidget *row, *label;

  if (!fid_store_loyalty_get_membership (self->store, self->customer_id, &joined, &error) ||
      !fid_store_loyalty_get_balance (self->store, self->customer_id, &self->balance, &error))
    {
      add_error_row (self, error);
      return;
    }
  self->member = joined != NULL;
  if (joined != NULL)
    {
      since = fid_format_date (joined);
      subtitle = g_strdup_printf (_("Member since %s"), since);
    }
  else
    subtitle = g_strdup (_("Not a member yet: recording a referral enrols the customer"));
  row = add_row (self, _("Points Balance"), subtitle, "starred-symbolic");
  count = fid_format_count ((guint64) ABS (self->balance));
  points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point", "%s points", (gulong) ABS (self->balance)),
                            count);
  label = gtk_label_new (points);
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static void
fill_engagement (FidLoyaltyPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = fid_store_engagement_explain (self->store, self->customer_id, NULL, &error);
  GtkWidget *row;

  if (text == NULL)
    {
      add_error_row (self, error);
      return;
    }
  row = add_row (self, _("Engagement"), text, "emblem-favorite-symbolic");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
}

static void
fill_ledger (FidLoyaltyPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = fid_store_loyalty_list_ledger (self->store, self->customer_id, RECENT_LINES, &error);

  if (lines == NULL)
    {
      add_error_row (self, error);
      return;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      FidLedgerLine *line = lines->pdata[i];
      g_autofree char *date = fid_format_date (line->posted_on);
      g_autofree char *expires = line->expires_on ? fid_format_date (line->expires_on) : NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (g_str_equal (line->source_kind, "redemption"))
        /* Translators: a ledger line: "−500 · Reward redeemed: Two cinema tickets" */
        title = g_strdup_printf (_("%+" PRId64 " · %s: %s"), line->points,
                                 fid_ledger_source_label (line->source_kind), line->reason);
      else
        title = g_strdup_printf (_("%+" PRId64 " · %s"), line->points,
                                 fid_ledger_source_label (line->source_kind));
      subtitle = expires ? g_strdup_printf (_("%s · expires on %s"), date, expires)
                         : g_strdup (date);
      add_row (self, title, subtitle, line->points > 0 ? "list-add-symbolic" : "list-remove-symbolic");
    }
}

static void
fill_referrals (FidLoyaltyPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) referrals = fid_store_loyalty_list_referrals (self->store, self->customer_id, &error);

  if (referrals == NULL)
    {
      add_error_row (self, error);
      return;
    }
  for (guint i = 0; i < referrals->len; i++)
    {
      FidReferral *r = referrals->pdata[i];
      gboolean by = r->referred_id == self->customer_id;
      g_autofree char *title = by ? g_strdup_printf (_("Referred by %s"), r->referrer_name)
                                  : g_strdup_printf (_("Referred %s"), r->referred_name);
      g_autofree char *on = fid_format_date (r->referred_on);
      g_autofree char *converted = r->converted_on ? fid_format_date (r->converted_on) : NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (converted == NULL)
        subtitle = g_strdup_printf (_("On %s · not a customer yet"), on);
      else if (!by && r->points > 0)
        subtitle = g_strdup_printf (_("On %s · became a customer on %s (+%" PRId64 " points)"),
                                    on, converted, r->points);
      else
        subtitle = g_strdup_printf (_("On %s · became a customer on %s"), on, converted);
      row = add_row (self, title, subtitle, converted ? "emblem-ok-symbolic" : "contact-new-symbolic");
      /* The other person's 360 view, one click away. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* Target first: an action name without its target warns. */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_int64 (by ? r->referrer_id : r->referred_id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-customer");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
}

static void
fill (FidLoyaltyPanel *self)
{
  clear_rows (self);
  self->balance = 0;
  self->member = FALSE;
  if (self->store == NULL || self->customer_id == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  fill_balance (self);
  fill_engagement (self);
  fill_ledger (self);
  fill_referrals (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "loyalty.redeem",
                                 self->member && !fid_store_is_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "loyalty.refer", !fid_store_is_read_only (self->store));
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

/* After a write: the window reloads every page, this 360 view included. */
static void
written (FidLoyaltyPanel *self,
         const char      *toast_text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_signal_emit (self, signals[CHANGED], 0);
  if (root != NULL && FID_IS_WINDOW (root))
    {
      fid_window_add_toast (FID_WINDOW (root), adw_toast_new (toast_text));
      fid_window_data_changed (FID_WINDOW (root));
    }
  /* The window reloads the page it shows; a panel elsewhere (a test, a
   * page not shown) reloads itself. */
  fill (self);
}

gboolean
fid_loyalty_panel_redeem (FidLoyaltyPanel  *self,
                          gint64            reward_id,
                          GError          **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (FID_IS_LOYALTY_PANEL (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (fid_store_loyalty_redeem (self->store, self->customer_id, reward_id, NULL, error) == 0)
    {
      /* Points that expired on the way are gone: show the real balance. */
      fill (self);
      return FALSE;
    }
  text = g_strdup (_("Reward redeemed"));
  written (self, text);
  return TRUE;
}

gboolean
fid_loyalty_panel_record_referral (FidLoyaltyPanel  *self,
                                   gint64            referred_id,
                                   GError          **error)
{
  g_return_val_if_fail (FID_IS_LOYALTY_PANEL (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (fid_store_loyalty_record_referral (self->store, self->customer_id, referred_id, NULL, error) == 0)
    return FALSE;
  written (self, _("Referral recorded: the points arrive when the person opens a product"));
  return TRUE;
}

static GtkWindow *
parent_window (FidLoyaltyPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
present_dialog (FidLoyaltyPanel *self,
                GtkWidget       *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
fid_loyalty_panel_show_redeem (FidLoyaltyPanel *self)
{
  g_return_if_fail (FID_IS_LOYALTY_PANEL (self));

  if (self->store != NULL && self->customer_id != 0)
    present_dialog (self, fid_loyalty_redeem_dialog_new (self, parent_window (self), self->store, self->customer_id));
}

void
fid_loyalty_panel_show_referral (FidLoyaltyPanel *self)
{
  g_return_if_fail (FID_IS_LOYALTY_PANEL (self));

  if (self->store != NULL && self->customer_id != 0)
    present_dialog (self, fid_loyalty_referral_dialog_new (self, parent_window (self), self->store,
                                                           self->customer_id));
}

static void
redeem_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  fid_loyalty_panel_show_redeem (FID_LOYALTY_PANEL (widget));
}

static void
refer_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  fid_loyalty_panel_show_referral (FID_LOYALTY_PANEL (widget));
}

static void
fid_loyalty_panel_dispose (GObject *object)
{
  FidLoyaltyPanel *self = FID_LOYALTY_PANEL (object);

  g_clear_weak_pointer (&self->dialog);
  g_clear_object (&self->store);
  /* No gtk_widget_dispose_template: the group is AdwBin's child, and
   * AdwBin unparents it; unparenting it here too is a double free. */

  G_OBJECT_CLASS (fid_loyalty_panel_parent_class)->dispose (object);
}

static void
fid_loyalty_panel_class_init (FidLoyaltyPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fid_loyalty_panel_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fidelis/Fidelis/ui/fid-loyalty-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FidLoyaltyPanel, group);
  gtk_widget_class_bind_template_child (widget_class, FidLoyaltyPanel, list);
  gtk_widget_class_install_action (widget_class, "loyalty.redeem", NULL, redeem_action);
  gtk_widget_class_install_action (widget_class, "loyalty.refer", NULL, refer_action);
}

static void
fid_loyalty_panel_init (FidLoyaltyPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
fid_loyalty_panel_new (void)
{
  return g_object_new (FID_TYPE_LOYALTY_PANEL, NULL);
}

void
fid_loyalty_panel_set_customer (FidLoyaltyPanel *self,
                                FidStore        *store,
                                gint64           customer_id,
                                gint64           advisor_id)
{
  g_return_if_fail (FID_IS_LOYALTY_PANEL (self));
  g_return_if_fail (store == NULL || FID_IS_STORE (store));

  g_set_object (&self->store, store);
  self->customer_id = customer_id;
  self->advisor_id = advisor_id;
  fill (self);
}

void
fid_loyalty_panel_reload (FidLoyaltyPanel *self)
{
  g_return_if_fail (FID_IS_LOYALTY_PANEL (self));

  fill (self);
}

gint64
fid_loyalty_panel_get_balance (FidLoyaltyPanel *self)
{
  g_return_val_if_fail (FID_IS_LOYALTY_PANEL (self), 0);

  return self->balance;
}

GtkWidget *
fid_loyalty_panel_get_dialog (FidLoyaltyPanel *self)
{
  g_return_val_if_fail (FID_IS_LOYALTY_PANEL (self), NULL);

  return self->dialog;
}
