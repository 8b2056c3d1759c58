/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidCampaignResults: the Results view of the Campaigns page. Built in
 * code: its rows are the same every time, only their figures change, and
 * the chart comes from app/ui/charts. The arithmetic is fid-uplift.c's. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fid-bar-chart.h"
#include "fid-campaign-results.h"
#include "fid-format.h"

struct _FidCampaignResults
{
  GtkBox       parent_instance;

  FidUplift    uplift;
  gboolean     has_uplift;
  GHashTable  *labels;        /* figure name → GtkLabel */
  FidChart    *chart;
};

G_DEFINE_FINAL_TYPE (FidCampaignResults, fid_campaign_results, GTK_TYPE_BOX)

static char *
format_rate (double rate)
{
  /* Translators: a rate in percent, e.g. "12.5 %". */
  return g_strdup_printf (_("%.1f %%"), 100.0 * rate);
}

/* "p = 0.040", or "p < 0.001": three decimals say all a reader needs. */
static char *
format_p (double p_value)
{
  if (p_value < 0.001)
    return g_strdup (_("p < 0.001"));
  /* Translators: a p-value. */
  return g_strdup_printf (_("p = %.3f"), p_value);
}

static void
set_figure (FidCampaignResults *self,
            const char         *name,
            const char         *text)
{
  GtkLabel *label = g_hash_table_lookup (self->labels, name);

  if (label != NULL)
    gtk_label_set_text (label, text);
}

static GtkWidget *
value_label (FidCampaignResults *self,
             const char         *name,
             gboolean            heading)
{
  GtkWidget *label = gtk_label_new ("—");

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, heading ? "heading" : "numeric");
  g_hash_table_insert (self->labels, (gpointer) name, label);
  return label;
}

/* The table of the two groups: one line per measure. */
static GtkWidget *
build_groups_table (FidCampaignResults *self)
{
  static const struct { const char *title; const char *test; const char *control; } rows[] = {
    { N_("Customers"), "n-test", "n-control" },
    { N_("Contacted"), "contacted-test", "contacted-control" },
    { N_("Responses"), "responses-test", "responses-control" },
    { N_("Response rate"), "response-rate-test", "response-rate-control" },
    { N_("Conversions"), "conversions-test", "conversions-control" },
    { N_("Conversion rate"), "conversion-rate-test", "conversion-rate-control" },
  };
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 36);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);

  label = gtk_label_new (_("Test group (contacted)"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 1, 0, 1, 1);
  label = gtk_label_new (_("Control group (held out)"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 2, 0, 1, 1);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      label = gtk_label_new (_(rows[i].title));
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value_label (self, rows[i].test, FALSE), 1, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value_label (self, rows[i].control, FALSE), 2, (int) i + 1, 1, 1);
    }
  gtk_frame_set_child (GTK_FRAME (frame), grid);
  gtk_widget_add_css_class (frame, "view");
  return frame;
}

static GtkWidget *
build_changes_group (FidCampaignResults *self)
{
  static const struct { const char *name; const char *title; const char *subtitle; } rows[] = {
    { "uplift", N_("Conversion Uplift"), N_("Conversion rate of the test group minus the control group’s") },
    { "p-value", N_("Significance of the Conversion Uplift"), N_("Two-proportion z-test: the p-value is the chance of such a gap if the campaign changed nothing") },
    { "response-uplift", N_("Response Uplift"), N_("Response rate of the test group minus the control group’s") },
    { "incremental", N_("Incremental Conversions"), N_("Uplift × customers in the test group") },
    { "margin", N_("Incremental Margin"), N_("Incremental conversions × margin per conversion") },
    { "cost", N_("Cost"), N_("Fixed cost + cost per contact × contacts") },
    { "roi", N_("Return on Investment"), N_("(Incremental margin − cost) / cost") },
  };
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("What the Campaign Changed"));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(rows[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(rows[i].subtitle));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label (self, rows[i].name, TRUE));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
fid_campaign_results_finalize (GObject *object)
{
  FidCampaignResults *self = FID_CAMPAIGN_RESULTS (object);

  g_clear_pointer (&self->labels, g_hash_table_unref);

  G_OBJECT_CLASS (fid_campaign_results_parent_class)->finalize (object);
}

static void
fid_campaign_results_class_init (FidCampaignResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_campaign_results_finalize;
}

static void
fid_campaign_results_init (FidCampaignResults *self)
{
  GtkWidget *chart_widget;

  self->labels = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 18);

  gtk_box_append (GTK_BOX (self), build_groups_table (self));
  gtk_box_append (GTK_BOX (self), build_changes_group (self));

  self->chart = fid_bar_chart_new ();
  fid_bar_chart_set_format (FID_BAR_CHART (self->chart), FID_CHART_FORMAT_PERCENT);
  fid_chart_set_title (self->chart, _("Response and Conversion Rates"));
  fid_chart_set_y_label (self->chart, _("Share of the group"));
  fid_chart_set_empty_text (self->chart, _("No results yet"));
  chart_widget = fid_chart_get_widget (self->chart);
  gtk_widget_set_size_request (chart_widget, -1, 320);
  gtk_box_append (GTK_BOX (self), chart_widget);
}

GtkWidget *
fid_campaign_results_new (void)
{
  return g_object_new (FID_TYPE_CAMPAIGN_RESULTS, NULL);
}

void
fid_campaign_results_set (FidCampaignResults      *self,
                          const FidCampaignCounts *counts)
{
  FidUplift *u = &self->uplift;
  const char *labels[4];
  double values[4];
  char *text;

  g_return_if_fail (FID_IS_CAMPAIGN_RESULTS (self));
  g_return_if_fail (counts != NULL);

  fid_uplift_compute (counts, u);
  self->has_uplift = TRUE;

#define SET_OWNED(name, expr) G_STMT_START { text = (expr); set_figure (self, name, text); g_free (text); } G_STMT_END
  SET_OWNED ("n-test", fid_format_count (counts->n_test));
  SET_OWNED ("n-control", fid_format_count (counts->n_control));
  SET_OWNED ("contacted-test", fid_format_count (counts->n_contacted));
  set_figure (self, "contacted-control", "0");
  SET_OWNED ("responses-test", fid_format_count (counts->test_responses));
  SET_OWNED ("responses-control", fid_format_count (counts->control_responses));
  SET_OWNED ("response-rate-test", format_rate (u->response.test_rate));
  SET_OWNED ("response-rate-control", format_rate (u->response.control_rate));
  SET_OWNED ("conversions-test", fid_format_count (counts->test_conversions));
  SET_OWNED ("conversions-control", fid_format_count (counts->control_conversions));
  SET_OWNED ("conversion-rate-test", format_rate (u->conversion.test_rate));
  SET_OWNED ("conversion-rate-control", format_rate (u->conversion.control_rate));
  /* Translators: an uplift in percentage points, e.g. "+2.0 points". */
  SET_OWNED ("uplift", g_strdup_printf (_("%+.1f points"), 100.0 * u->conversion.uplift));
  if (counts->n_test == 0 || counts->n_control == 0)
    SET_OWNED ("response-uplift", g_strdup_printf (_("%+.1f points"), 100.0 * u->response.uplift));
  else
    {
      g_autofree char *p = format_p (u->response.p_value);

      /* Translators: the response uplift in points, its z and p-value. */
      SET_OWNED ("response-uplift", g_strdup_printf (_("%+.1f points (z = %.2f, %s)"),
                                                     100.0 * u->response.uplift, u->response.z, p));
    }
  if (counts->n_test == 0 || counts->n_control == 0)
    set_figure (self, "p-value", _("No control group to compare with"));
  else
    {
      g_autofree char *p = format_p (u->conversion.p_value);

      /* Translators: the z-test's statistic and p-value, and whether the
       * uplift is significant at the 5 % level. */
      SET_OWNED ("p-value", g_strdup_printf (_("z = %.2f, %s — %s"), u->conversion.z, p,
                                             fid_uplift_is_significant (&u->conversion, 0.05)
                                             ? _("significant") : _("not significant")));
    }
  SET_OWNED ("incremental", g_strdup_printf ("%.1f", u->incremental_conversions));
  SET_OWNED ("margin", fid_format_money (u->incremental_margin_cents));
  SET_OWNED ("cost", fid_format_money (u->cost_cents));
  if (isnan (u->roi))
    set_figure (self, "roi", _("— (no cost)"));
  else
    SET_OWNED ("roi", g_strdup_printf (_("%+.1f %%"), 100.0 * u->roi));
#undef SET_OWNED

  labels[0] = _("Responses, test");
  labels[1] = _("Responses, control");
  labels[2] = _("Conversions, test");
  labels[3] = _("Conversions, control");
  values[0] = u->response.test_rate;
  values[1] = u->response.control_rate;
  values[2] = u->conversion.test_rate;
  values[3] = u->conversion.control_rate;
  if (counts->n_test + counts->n_control > 0)
    fid_bar_chart_set_data (FID_BAR_CHART (self->chart), labels, values, 4);
  else
    fid_bar_chart_set_data (FID_BAR_CHART (self->chart), NULL, NULL, 0);
}

const FidUplift *
fid_campaign_results_get_uplift (FidCampaignResults *self)
{
  g_return_val_if_fail (FID_IS_CAMPAIGN_RESULTS (self), NULL);

  return self->has_uplift ? &self->uplift : NULL;
}

const char *
fid_campaign_results_get_text (FidCampaignResults *self,
                               const char         *name)
{
  GtkLabel *label;

  g_return_val_if_fail (FID_IS_CAMPAIGN_RESULTS (self), NULL);

  label = g_hash_table_lookup (self->labels, name);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}
