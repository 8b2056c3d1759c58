/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The text under the survey charts: the Kano ranking, the SERVQUAL scores
 * and the gap model's diagnostic, the NPS/CSAT/CES figures. Plain widgets
 * rebuilt on each update (a few dozen labels at most). */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fid-chart.h"
#include "fid-servqual-diagnostic.h"
#include "fid-survey-results-private.h"

static GtkWidget *
grid_label (GtkGrid    *grid,
            const char *text,
            int         column,
            int         row,
            gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
    }
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

static void
add_heading (GtkBox     *box,
             const char *title,
             const char *caption)
{
  _fid_survey_results_new_text (box, title, "title-4");
  if (caption != NULL)
    _fid_survey_results_new_text (box, caption, "dim-label");
}

GtkWidget *
_fid_survey_results_new_kano_ranking (GPtrArray *results)
{
  g_autoptr(GPtrArray) ranked = g_ptr_array_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  const char * const *keys = fid_kano_category_keys ();
  int column = 0, row = 1;

  for (guint i = 0; i < results->len; i++)
    if (((FidKanoResult *) g_ptr_array_index (results, i))->n > 0)
      g_ptr_array_add (ranked, g_ptr_array_index (results, i));
  if (ranked->len == 0)
    return NULL;
  g_ptr_array_sort (ranked, fid_kano_result_compare_rank);

  add_heading (GTK_BOX (box), _("What to Fix First"),
               _("Must-be features first (missing, they dissatisfy), then one-dimensional, attractive and indifferent ones; within a category, by stated importance. “Mixed”: Fong’s test finds no clear category."));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 14);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_add_css_class (grid_label (GTK_GRID (grid), _("Feature"), column++, 0, FALSE), "heading");
  gtk_widget_add_css_class (grid_label (GTK_GRID (grid), _("Category"), column++, 0, FALSE), "heading");
  gtk_widget_add_css_class (grid_label (GTK_GRID (grid), _("n"), column++, 0, TRUE), "heading");
  for (guint c = 0; c < FID_KANO_N_CATEGORIES; c++)
    {
      GtkWidget *label = grid_label (GTK_GRID (grid), keys[c], column++, 0, TRUE);

      gtk_widget_set_tooltip_text (label, fid_kano_category_get_name (c));
      gtk_widget_add_css_class (label, "heading");
    }
  gtk_widget_add_css_class (grid_label (GTK_GRID (grid), _("Better"), column++, 0, TRUE), "heading");
  gtk_widget_add_css_class (grid_label (GTK_GRID (grid), _("Worse"), column++, 0, TRUE), "heading");
  gtk_widget_add_css_class (grid_label (GTK_GRID (grid), _("Importance"), column++, 0, TRUE), "heading");

  for (guint i = 0; i < ranked->len; i++, row++)
    {
      const FidKanoResult *r = g_ptr_array_index (ranked, i);
      g_autofree char *category = _fid_survey_results_kano_category_text (r);
      g_autofree char *n = g_strdup_printf ("%u", r->n);
      g_autofree char *better = _fid_survey_results_format (r->better);
      g_autofree char *worse = _fid_survey_results_format (r->worse);
      g_autofree char *importance = _fid_survey_results_format (r->importance);
      GtkWidget *label;

      column = 0;
      grid_label (GTK_GRID (grid), r->feature, column++, row, FALSE);
      label = grid_label (GTK_GRID (grid), category, column++, row, FALSE);
      if (!r->significant)
        gtk_widget_add_css_class (label, "warning");
      grid_label (GTK_GRID (grid), n, column++, row, TRUE);
      for (guint c = 0; c < FID_KANO_N_CATEGORIES; c++)
        {
          g_autofree char *count = g_strdup_printf ("%u", r->counts[c]);

          label = grid_label (GTK_GRID (grid), count, column++, row, TRUE);
          if (c == (guint) r->category)
            gtk_widget_add_css_class (label, "heading");
        }
      grid_label (GTK_GRID (grid), better, column++, row, TRUE);
      grid_label (GTK_GRID (grid), worse, column++, row, TRUE);
      grid_label (GTK_GRID (grid), importance, column++, row, TRUE);
    }
  gtk_box_append (GTK_BOX (box), grid);
  return box;
}

GtkWidget *
_fid_survey_results_new_servqual_details (const FidServqualAnalysis *analysis)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *unweighted = _fid_survey_results_format (analysis->unweighted);
  g_autofree char *text = NULL;
  int worst = -1;

  add_heading (GTK_BOX (box), _("Scores"),
               _("Gap 5, the customer gap, is what this survey measures: perception minus expectation. Below zero, the service falls short of what customers expect."));

  text = g_strdup_printf (_("Unweighted SERVQUAL score (mean of the five dimension gaps): %s"), unweighted);
  _fid_survey_results_new_text (GTK_BOX (box), text, NULL);
  g_clear_pointer (&text, g_free);

  if (!isnan (analysis->weighted))
    {
      g_autofree char *weighted = _fid_survey_results_format (analysis->weighted);
      g_autoptr(GString) weights = g_string_new (NULL);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Weighted score (100 points shared out by %u respondent): %s",
                                           "Weighted score (100 points shared out by %u respondents): %s",
                                           analysis->n_respondents_weights),
                              analysis->n_respondents_weights, weighted);
      _fid_survey_results_new_text (GTK_BOX (box), text, NULL);
      g_clear_pointer (&text, g_free);
      for (guint d = 0; d < FID_SERVQUAL_N_DIMENSIONS; d++)
        {
          g_autofree char *points = _fid_survey_results_format (analysis->dimensions[d].weight);

          /* Translators: one dimension's mean weight: "Reliability 31.5" */
          g_string_append_printf (weights, "%s%s %s", d > 0 ? " · " : "",
                                  fid_servqual_dimension_get_name (d), points);
        }
      text = g_strdup_printf (_("Mean points: %s"), weights->str);
      _fid_survey_results_new_text (GTK_BOX (box), text, "dim-label");
      g_clear_pointer (&text, g_free);
    }
  else
    _fid_survey_results_new_text (GTK_BOX (box),
                                  _("Weighted score: not measured. Enter the 100 points that respondents share out across the five dimensions in Collect."),
                                  "dim-label");

  for (guint d = 0; d < FID_SERVQUAL_N_DIMENSIONS; d++)
    if (!isnan (analysis->dimensions[d].gap) &&
        (worst < 0 || analysis->dimensions[d].gap < analysis->dimensions[worst].gap))
      worst = (int) d;
  if (worst >= 0 && analysis->dimensions[worst].gap < 0)
    {
      g_autofree char *gap = _fid_survey_results_format (analysis->dimensions[worst].gap);

      text = g_strdup_printf (_("Largest shortfall: %s (%s)"), fid_servqual_dimension_get_name (worst), gap);
      _fid_survey_results_new_text (GTK_BOX (box), text, "heading");
      g_clear_pointer (&text, g_free);
    }

  if (!isnan (analysis->gap1))
    {
      g_autofree char *gap1 = _fid_survey_results_format (analysis->gap1);

      text = g_strdup_printf (_("Gap 1 (management’s view − customers’ expectations), mean of the dimensions: %s"), gap1);
      _fid_survey_results_new_text (GTK_BOX (box), text, NULL);
    }
  return box;
}

void
_fid_survey_results_add_diagnostic (GtkBox *box)
{
  GtkWidget *list = gtk_list_box_new ();

  add_heading (box, _("Diagnostic of Gaps 1 to 4"),
               _("The customer gap has its causes inside the company. Unless management answers the survey, gap 1 is read here too."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint gap = 1; gap <= 4; gap++)
    {
      FidGapDiagnostic d;
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      g_autofree char *causes = NULL;
      g_autofree char *remedies = NULL;
      GtkLabel *label;

      fid_servqual_gap_diagnostic (gap, &d);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d.title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), d.definition);
      /* Translators: a paragraph of the gap diagnostic: "Causes: …" */
      causes = g_strdup_printf (_("Causes: %s"), d.causes);
      remedies = g_strdup_printf (_("Remedies: %s"), d.remedies);
      label = _fid_survey_results_new_text (GTK_BOX (texts), causes, NULL);
      gtk_label_set_selectable (label, FALSE);
      label = _fid_survey_results_new_text (GTK_BOX (texts), remedies, NULL);
      gtk_label_set_selectable (label, FALSE);
      gtk_widget_set_margin_start (texts, 12);
      gtk_widget_set_margin_end (texts, 12);
      gtk_widget_set_margin_top (texts, 10);
      gtk_widget_set_margin_bottom (texts, 10);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), texts);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (box, list);
}

static char *
share (guint part,
       guint n)
{
  return fid_chart_format_value (n > 0 ? (double) part / n : NAN, FID_CHART_FORMAT_PERCENT, FALSE);
}

void
_fid_survey_results_score_texts (const FidScoreSummary  *s,
                                 char                  **headline,
                                 char                  **line)
{
  g_autofree char *answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer", "%u answers", s->n), s->n);
  g_autofree char *base = NULL;

  switch (s->kind)
    {
    case FID_SURVEY_NPS:
      {
        g_autofree char *promoters = share (s->promoters, s->n);
        g_autofree char *passives = share (s->passives, s->n);
        g_autofree char *detractors = share (s->detractors, s->n);
        g_autofree char *value = isnan (s->value) ? g_strdup ("—") : g_strdup_printf ("%+.0f", s->value);

        *headline = g_strdup_printf (_("NPS %s"), value);
        /* Translators: "240 answers: 45 % promoters, 30 % passives, 25 % detractors" */
        base = g_strdup_printf (_("%s: %s promoters, %s passives, %s detractors"),
                                answers, promoters, passives, detractors);
      }
      break;
    case FID_SURVEY_CSAT:
      {
        g_autofree char *satisfied = share (s->satisfied, s->n);
        g_autofree char *mean = _fid_survey_results_format (s->mean);

        *headline = g_strdup_printf (_("CSAT %s"), satisfied);
        base = g_strdup_printf (_("%s: %s satisfied (4–5), mean %s out of 5"), answers, satisfied, mean);
      }
      break;
    case FID_SURVEY_CES:
    case FID_SURVEY_KANO:
    case FID_SURVEY_SERVQUAL:
    case FID_SURVEY_N_KINDS:
    default:
      {
        g_autofree char *mean = _fid_survey_results_format (s->mean);

        *headline = g_strdup_printf (_("CES %s"), mean);
        base = g_strdup_printf (_("%s: mean %s out of 7 (7: easiest)"), answers, mean);
      }
      break;
    }
  if (s->n_invalid > 0)
    *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u answer outside the scale not counted",
                                          "%s · %u answers outside the scale not counted", s->n_invalid),
                             base, s->n_invalid);
  else
    *line = g_steal_pointer (&base);
}
