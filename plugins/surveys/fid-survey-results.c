/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSurveyResults: the widgets are built once per survey (build_*), and
 * every update only reads the answers again, runs the core's arithmetic
 * and hands the figures to the charts (update_*): after each response a
 * trainer types, the Kano points move instead of the page being redrawn
 * from scratch. The arithmetic is the core's (fid-kano.h, fid-servqual.h,
 * fid-satisfaction.h); this file only lays it out. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fid-bar-chart.h"
#include "fid-chart-view.h"
#include "fid-format.h"
#include "fid-line-chart.h"
#include "fid-scatter-chart.h"
#include "fid-servqual-diagnostic.h"
#include "fid-store-surveys.h"
#include "fid-survey-results.h"
#include "fid-survey-results-private.h"

struct _FidSurveyResults
{
  AdwBin         parent_instance;

  gboolean       compact;
  gint64         survey_id;
  FidSurveyKind  kind;
  GtkBox        *box;
  GHashTable    *charts;      /* id → FidChart, owned by their views */
  GtkLabel      *headline;    /* the figure (NPS +12), scores only */
  GtkLabel      *summary;
  GtkWidget     *details;     /* rebuilt on update: ranking, scores */
  GtkWidget     *gap1_view;
  char          *empty_text;  /* NULL: the Surveys page's own */
};

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidSurveyResults, fid_survey_results, ADW_TYPE_BIN)

GtkLabel *
_fid_survey_results_new_text (GtkBox     *box,
                              const char *text,
                              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

/* A chart in its view (table, PNG/SVG/PDF, print), kept under @id. */
static GtkWidget *
add_chart (FidSurveyResults *self,
           const char       *id,
           FidChart         *chart,
           const char       *title,
           int               height)
{
  GtkWidget *view;

  fid_chart_set_title (chart, title);
  fid_chart_set_empty_text (chart, self->empty_text != NULL ? self->empty_text
                                   : _("No answers yet: type them in Collect or import a CSV file"));
  gtk_widget_set_size_request (fid_chart_get_widget (chart), -1, self->compact ? MIN (height, 440) : height);
  view = fid_chart_view_new (chart);
  gtk_box_append (self->box, view);
  g_hash_table_insert (self->charts, g_strdup (id), chart);
  return view;
}

static gboolean
wanted (FidSurveyResults *self,
        guint             rank)
{
  /* Compact: the first chart only. */
  return !self->compact || rank == 0;
}

static void
set_summary (FidSurveyResults *self,
             const char       *text)
{
  gtk_label_set_text (self->summary, text != NULL ? text : "");
}

static void
replace_details (FidSurveyResults *self,
                 GtkWidget        *details)
{
  if (self->details != NULL)
    gtk_box_remove (self->box, self->details);
  self->details = details;
  /* Under the charts and their line of figures, above the diagnostic. */
  if (details != NULL)
    gtk_box_insert_child_after (self->box, details, GTK_WIDGET (self->summary));
}

char *
_fid_survey_results_format (double value)
{
  return isnan (value) ? g_strdup ("—") : fid_chart_format_value (value, FID_CHART_FORMAT_NUMBER, FALSE);
}

/* Kano ---------------------------------------------------------------------- */

static void
build_kano (FidSurveyResults *self)
{
  const char *quadrants[4] = {
    fid_kano_category_get_name (FID_KANO_ATTRACTIVE),      /* top left: Better high, |Worse| low */
    fid_kano_category_get_name (FID_KANO_ONE_DIMENSIONAL), /* top right */
    fid_kano_category_get_name (FID_KANO_INDIFFERENT),     /* bottom left */
    fid_kano_category_get_name (FID_KANO_MUST_BE),         /* bottom right */
  };
  FidChart *scatter = fid_scatter_chart_new ();

  /* The course's Better/Worse diagram: |Worse| to the right, so that
   * must-be features sit bottom right and attractive ones top left. */
  fid_scatter_chart_set_ranges (FID_SCATTER_CHART (scatter), 0, 1, 0, 1);
  fid_scatter_chart_set_quadrants (FID_SCATTER_CHART (scatter), 0.5, 0.5, quadrants);
  fid_scatter_chart_set_formats (FID_SCATTER_CHART (scatter), FID_CHART_FORMAT_NUMBER, FID_CHART_FORMAT_NUMBER);
  fid_chart_set_x_label (scatter, _("|Worse|: dissatisfaction when the feature is missing"));
  fid_chart_set_y_label (scatter, _("Better: satisfaction when it is offered"));
  add_chart (self, "kano-scatter", scatter, _("Kano: Better and Worse"), 560);

  if (wanted (self, 1))
    {
      FidChart *bars = fid_bar_chart_new ();

      fid_bar_chart_set_format (FID_BAR_CHART (bars), FID_CHART_FORMAT_INTEGER);
      fid_chart_set_x_label (bars, _("Feature"));
      fid_chart_set_y_label (bars, _("Respondents"));
      add_chart (self, "kano-categories", bars, _("Kano Categories per Feature"), 420);
    }
}

/* The two most frequent categories of @result (first the mode as the
 * core ranks it), for "mixed". */
static void
leading_pair (const FidKanoResult *result,
              FidKanoCategory     *first,
              FidKanoCategory     *second)
{
  *first = result->category;
  *second = FID_KANO_N_CATEGORIES;
  for (guint c = 0; c < FID_KANO_N_CATEGORIES; c++)
    if (c != (guint) *first &&
        (*second == FID_KANO_N_CATEGORIES || result->counts[c] > result->counts[*second]))
      *second = c;
}

/* "Must-be" or, when Fong's test says the leader is not clear, "Mixed
 * (M/O)" with the two most frequent categories. */
char *
_fid_survey_results_kano_category_text (const FidKanoResult *result)
{
  FidKanoCategory first, second;

  if (result->n == 0)
    return g_strdup ("—");
  if (result->significant)
    return g_strdup (fid_kano_category_get_name (result->category));

  leading_pair (result, &first, &second);
  /* Translators: a Kano category that Fong's test cannot tell apart from
   * the next one: "Mixed (M/O)" */
  return g_strdup_printf (_("Mixed (%s/%s)"), fid_kano_category_to_key (first),
                          fid_kano_category_to_key (second));
}

static char *
kano_bar_label (const FidKanoResult *result)
{
  FidKanoCategory first, second;

  if (result->n == 0)
    return g_strdup (result->feature);
  if (result->significant)
    /* Translators: a Kano bar's label: category letter and feature, "M · Error-free statements" */
    return g_strdup_printf (_("%s · %s"), fid_kano_category_to_key (result->category), result->feature);
  leading_pair (result, &first, &second);
  return g_strdup_printf (_("%s/%s · %s"), fid_kano_category_to_key (first),
                          fid_kano_category_to_key (second), result->feature);
}

static void
update_kano (FidSurveyResults *self,
             FidStore         *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidKanoData) data = fid_store_load_kano_data (store, self->survey_id, &error);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) mixed = g_ptr_array_new ();
  g_autoptr(GPtrArray) bar_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  g_autofree const char **labels = NULL;
  g_autofree double *counts = NULL;
  g_autofree const char **features = NULL;
  guint n_points = 0, respondents = 0, per_category[FID_KANO_N_CATEGORIES] = { 0 };
  g_autofree char *subtitle = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  FidChart *chart;

  if (data == NULL)
    {
      set_summary (self, error->message);
      return;
    }
  results = fid_kano_analyze (data);
  /* Each bar says its category under it, where exports keep it:
   * "M · Feature", or "M/I · Feature" when Fong's test finds no clear
   * category between the two most frequent. */
  for (guint i = 0; i < results->len; i++)
    g_ptr_array_add (bar_labels, kano_bar_label (g_ptr_array_index (results, i)));
  x = g_new0 (double, results->len + 1);
  y = g_new0 (double, results->len + 1);
  labels = g_new0 (const char *, results->len + 1);
  features = g_new0 (const char *, results->len + 1);
  counts = g_new0 (double, FID_KANO_N_CATEGORIES * (results->len + 1));

  for (guint i = 0; i < results->len; i++)
    {
      FidKanoResult *r = g_ptr_array_index (results, i);

      respondents = MAX (respondents, r->n);
      features[i] = g_ptr_array_index (bar_labels, i);
      for (guint c = 0; c < FID_KANO_N_CATEGORIES; c++)
        counts[c * results->len + i] = r->counts[c];
      if (r->n > 0)
        {
          per_category[r->category]++;
          if (!r->significant)
            g_ptr_array_add (mixed, r->feature);
        }
      /* A feature answered only R or Q has no Better/Worse. */
      if (isnan (r->better) || isnan (r->worse))
        continue;
      x[n_points] = -r->worse + 0.0;  /* + 0.0: never "−0" */
      y[n_points] = r->better;
      /* Beside the form, the narrow chart has no room for names: the
       * numbers of the form's rows. */
      if (self->compact)
        g_ptr_array_add (numbers, g_strdup_printf ("%u", i + 1));
      labels[n_points] = self->compact ? g_ptr_array_index (numbers, numbers->len - 1) : r->feature;
      n_points++;
    }

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent", "%u respondents", respondents),
                              respondents);
  chart = g_hash_table_lookup (self->charts, "kano-scatter");
  fid_scatter_chart_set_points (FID_SCATTER_CHART (chart), x, y, labels, n_points);
  fid_chart_set_subtitle (chart, subtitle);

  chart = g_hash_table_lookup (self->charts, "kano-categories");
  if (chart != NULL)
    {
      const char *series[FID_KANO_N_CATEGORIES];
      g_autofree char *note = NULL;

      for (guint c = 0; c < FID_KANO_N_CATEGORIES; c++)
        series[c] = fid_kano_category_get_name (c);
      fid_bar_chart_set_stacked (FID_BAR_CHART (chart), features, respondents > 0 ? results->len : 0,
                                 series, FID_KANO_N_CATEGORIES, counts);
      /* The significance is part of the figure: it goes with the exports. */
      if (mixed->len > 0)
        {
          g_autofree char *names = NULL;

          g_ptr_array_add (mixed, NULL);
          names = g_strjoinv (", ", (char **) mixed->pdata);
          g_ptr_array_remove_index (mixed, mixed->len - 1);
          /* Translators: over the Kano bars: features whose category is not clear */
          note = g_strdup_printf (_("%s · two letters (M/I): mixed, Fong’s test finds no clear category: %s"),
                                  subtitle, names);
        }
      else if (respondents > 0)
        note = g_strdup_printf (_("%s · every category is significant by Fong’s test"), subtitle);
      fid_chart_set_subtitle (chart, note != NULL ? note : subtitle);
    }

  g_string_append (summary, subtitle);
  for (guint c = 0; c < FID_KANO_N_CATEGORIES && respondents > 0; c++)
    if (per_category[c] > 0)
      g_string_append_printf (summary, " · %s %u", fid_kano_category_get_name (c), per_category[c]);
  if (mixed->len > 0)
    g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, " (%u mixed)", " (%u mixed)", mixed->len),
                            mixed->len);
  set_summary (self, summary->str);

  if (!self->compact)
    replace_details (self, _fid_survey_results_new_kano_ranking (results));
}

/* SERVQUAL ------------------------------------------------------------------ */

static void
build_servqual (FidSurveyResults *self)
{
  FidChart *chart = fid_bar_chart_new ();

  /* The gap per dimension first: the chart a class looks at. */
  fid_chart_set_y_label (chart, _("Gap: perception − expectation"));
  add_chart (self, "servqual-dimension-gaps", chart, _("SERVQUAL Gap per Dimension"), 380);
  if (self->compact)
    return;

  chart = fid_bar_chart_new ();
  fid_bar_chart_set_max (FID_BAR_CHART (chart), 7);
  fid_chart_set_x_label (chart, _("Dimension"));
  fid_chart_set_y_label (chart, _("Mean answer, 1–7"));
  add_chart (self, "servqual-dimensions", chart, _("Expectations and Perceptions per Dimension"), 380);

  chart = fid_bar_chart_new ();
  fid_chart_set_x_label (chart, _("Statement"));
  fid_chart_set_y_label (chart, _("Gap: perception − expectation"));
  add_chart (self, "servqual-item-gaps", chart, _("SERVQUAL Gap per Statement"), 380);

  chart = fid_bar_chart_new ();
  fid_chart_set_y_label (chart, _("Gap 1: management − customers"));
  self->gap1_view = add_chart (self, "servqual-gap1", chart, _("Gap 1: What Management Thinks Customers Expect"), 340);
}

static void
update_servqual (FidSurveyResults *self,
                 FidStore         *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidServqualData) data = fid_store_load_servqual_data (store, self->survey_id, &error);
  g_autoptr(FidServqualAnalysis) analysis = NULL;
  const char *dimensions[FID_SERVQUAL_N_DIMENSIONS];
  double gaps[FID_SERVQUAL_N_DIMENSIONS], gap1[FID_SERVQUAL_N_DIMENSIONS];
  double ep[2 * FID_SERVQUAL_N_DIMENSIONS];
  guint respondents = 0;
  gboolean any = FALSE;
  g_autofree char *subtitle = NULL;
  g_autofree char *unweighted = NULL;
  g_autofree char *summary = NULL;
  FidChart *chart;

  if (data == NULL)
    {
      set_summary (self, error->message);
      return;
    }
  analysis = fid_servqual_analyze (data);
  for (guint i = 0; i < analysis->n_items; i++)
    respondents = MAX (respondents, analysis->items[i].n);
  for (guint d = 0; d < FID_SERVQUAL_N_DIMENSIONS; d++)
    {
      const FidServqualDimensionResult *r = &analysis->dimensions[d];

      dimensions[d] = fid_servqual_dimension_get_name (d);
      /* A dimension without answers draws no bar (0), and says "—" in
       * the table of the grouped chart. */
      gaps[d] = isnan (r->gap) ? 0 : r->gap;
      gap1[d] = isnan (r->gap1) ? 0 : r->gap1;
      ep[d] = r->expectation;
      ep[FID_SERVQUAL_N_DIMENSIONS + d] = r->perception;
      any |= !isnan (r->gap);
    }
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent", "%u respondents", respondents),
                              respondents);
  unweighted = _fid_survey_results_format (analysis->unweighted);
  /* Translators: "12 respondents · SERVQUAL score −0.84" */
  summary = g_strdup_printf (_("%s · unweighted SERVQUAL score %s"), subtitle, unweighted);

  chart = g_hash_table_lookup (self->charts, "servqual-dimension-gaps");
  fid_bar_chart_set_data (FID_BAR_CHART (chart), dimensions, gaps, any ? FID_SERVQUAL_N_DIMENSIONS : 0);
  fid_chart_set_subtitle (chart, summary);
  set_summary (self, summary);
  if (self->compact)
    return;

  chart = g_hash_table_lookup (self->charts, "servqual-dimensions");
  {
    const char *series[] = { _("Expectation"), _("Perception") };

    fid_bar_chart_set_grouped (FID_BAR_CHART (chart), dimensions, any ? FID_SERVQUAL_N_DIMENSIONS : 0,
                               series, 2, ep);
    fid_chart_set_subtitle (chart, subtitle);
  }

  chart = g_hash_table_lookup (self->charts, "servqual-item-gaps");
  {
    g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
    g_autofree double *item_gaps = g_new0 (double, analysis->n_items + 1);

    for (guint i = 0; i < analysis->n_items; i++)
      {
        g_ptr_array_add (numbers, g_strdup_printf ("%u", analysis->items[i].item));
        item_gaps[i] = isnan (analysis->items[i].gap) ? 0 : analysis->items[i].gap;
      }
    fid_bar_chart_set_data (FID_BAR_CHART (chart), (const char * const *) numbers->pdata, item_gaps,
                            any ? analysis->n_items : 0);
    fid_chart_set_subtitle (chart, _("Statements numbered as in the questionnaire; the table lists them"));
  }

  chart = g_hash_table_lookup (self->charts, "servqual-gap1");
  fid_bar_chart_set_data (FID_BAR_CHART (chart), dimensions, gap1, FID_SERVQUAL_N_DIMENSIONS);
  fid_chart_set_subtitle (chart, _("Negative: management underestimates what customers expect"));
  gtk_widget_set_visible (self->gap1_view, !isnan (analysis->gap1));

  replace_details (self, _fid_survey_results_new_servqual_details (analysis));
}

/* NPS, CSAT, CES -------------------------------------------------------------- */

static void
build_scores (FidSurveyResults *self)
{
  FidChart *chart = fid_bar_chart_new ();

  self->headline = _fid_survey_results_new_text (self->box, "", "title-1");
  fid_bar_chart_set_format (FID_BAR_CHART (chart), FID_CHART_FORMAT_INTEGER);
  fid_chart_set_x_label (chart, _("Answer"));
  fid_chart_set_y_label (chart, _("Respondents"));
  add_chart (self, "scores-breakdown", chart, _("Answers by Score"), 380);
  if (self->compact)
    return;

  chart = fid_line_chart_new ();
  add_chart (self, "scores-trend", chart, _("Month by Month"), 340);
}

static void
update_scores (FidSurveyResults *self,
               FidStore         *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidScoreData) data = fid_store_load_score_data (store, self->survey_id, &error);
  g_autoptr(GArray) trend = NULL;
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *headline = NULL;
  g_autofree char *summary = NULL;
  FidScoreSummary s;
  FidChart *chart;
  int min, max;
  guint n_values;

  if (data == NULL)
    {
      set_summary (self, error->message);
      return;
    }
  fid_score_summarize (self->kind, (const FidScoreAnswer *) data->answers->data, data->answers->len, &s);
  fid_score_scale (self->kind, &min, &max);
  n_values = (guint) (max - min + 1);
  for (int v = min; v <= max; v++)
    g_ptr_array_add (categories, g_strdup_printf ("%d", v));

  _fid_survey_results_score_texts (&s, &headline, &summary);
  gtk_label_set_text (self->headline, headline);
  set_summary (self, summary);

  chart = g_hash_table_lookup (self->charts, "scores-breakdown");
  {
    /* Coloured by group: the bar of a score goes in its group's series. */
    const char *nps_series[] = { _("Detractors (0–6)"), _("Passives (7–8)"), _("Promoters (9–10)") };
    const char *csat_series[] = { _("Not satisfied (1–3)"), _("Satisfied (4–5)") };
    double values[3 * FID_SCORE_MAX_VALUES] = { 0 };
    guint n = s.n > 0 ? n_values : 0;

    for (guint i = 0; i < n_values; i++)
      {
        int score = min + (int) i;
        guint series = 0;

        if (self->kind == FID_SURVEY_NPS)
          series = score >= 9 ? 2 : score >= 7 ? 1 : 0;
        else if (self->kind == FID_SURVEY_CSAT)
          series = score >= 4 ? 1 : 0;
        values[series * n_values + i] = s.distribution[i];
      }
    if (self->kind == FID_SURVEY_NPS)
      fid_bar_chart_set_stacked (FID_BAR_CHART (chart), (const char * const *) categories->pdata, n,
                                 nps_series, 3, values);
    else if (self->kind == FID_SURVEY_CSAT)
      fid_bar_chart_set_stacked (FID_BAR_CHART (chart), (const char * const *) categories->pdata, n,
                                 csat_series, 2, values);
    else
      fid_bar_chart_set_data (FID_BAR_CHART (chart), (const char * const *) categories->pdata, values, n);
    fid_chart_set_subtitle (chart, summary);
  }
  if (self->compact)
    return;

  trend = fid_score_trend (self->kind, (const FidScoreAnswer *) data->answers->data, data->answers->len);
  chart = g_hash_table_lookup (self->charts, "scores-trend");
  {
    g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_free);
    g_autofree double *values = g_new0 (double, trend->len + 1);
    const char *series[1];

    for (guint i = 0; i < trend->len; i++)
      {
        const FidScoreMonth *m = &g_array_index (trend, FidScoreMonth, i);
        g_autoptr(GDateTime) date = g_date_time_new_utc (m->month / 100, m->month % 100, 1, 0, 0, 0);

        g_ptr_array_add (months, date != NULL ? g_date_time_format (date, "%b %Y") : g_strdup ("?"));
        values[i] = self->kind == FID_SURVEY_CSAT ? m->summary.value / 100.0 : m->summary.value;
      }
    series[0] = self->kind == FID_SURVEY_NPS ? _("NPS") : self->kind == FID_SURVEY_CSAT ? _("CSAT") : _("CES");
    fid_line_chart_set_format (FID_LINE_CHART (chart), self->kind == FID_SURVEY_CSAT ? FID_CHART_FORMAT_PERCENT
                                                                                     : FID_CHART_FORMAT_NUMBER);
    fid_line_chart_set_data (FID_LINE_CHART (chart), (const char * const *) months->pdata, trend->len,
                             series, 1, values);
    fid_chart_set_y_label (chart, series[0]);
    fid_chart_set_subtitle (chart, trend->len == 0 ? NULL : _("Dated answers, by calendar month"));
  }
}

/* The widget ------------------------------------------------------------------ */

static void
rebuild (FidSurveyResults *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);
  g_hash_table_remove_all (self->charts);
  self->details = NULL;
  self->headline = NULL;
  self->gap1_view = NULL;
  if (self->survey_id == 0)
    return;

  switch (self->kind)
    {
    case FID_SURVEY_KANO:
      build_kano (self);
      break;
    case FID_SURVEY_SERVQUAL:
      build_servqual (self);
      break;
    case FID_SURVEY_NPS:
    case FID_SURVEY_CSAT:
    case FID_SURVEY_CES:
      build_scores (self);
      break;
    case FID_SURVEY_N_KINDS:
    default:
      break;
    }
  self->summary = _fid_survey_results_new_text (self->box, "", "dim-label");
  /* The first child of the box is the first chart: the summary after it
   * in compact mode, last otherwise. */
  if (self->compact && self->kind != FID_SURVEY_NPS && self->kind != FID_SURVEY_CSAT && self->kind != FID_SURVEY_CES)
    gtk_box_reorder_child_after (self->box, GTK_WIDGET (self->summary), gtk_widget_get_first_child (GTK_WIDGET (self->box)));
  if (!self->compact && self->kind == FID_SURVEY_SERVQUAL)
    _fid_survey_results_add_diagnostic (self->box);
}

static void
fid_survey_results_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FidSurveyResults *self = FID_SURVEY_RESULTS (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_survey_results_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FidSurveyResults *self = FID_SURVEY_RESULTS (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_survey_results_finalize (GObject *object)
{
  FidSurveyResults *self = FID_SURVEY_RESULTS (object);

  g_hash_table_unref (self->charts);
  g_free (self->empty_text);

  G_OBJECT_CLASS (fid_survey_results_parent_class)->finalize (object);
}

static void
fid_survey_results_class_init (FidSurveyResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = fid_survey_results_get_property;
  object_class->set_property = fid_survey_results_set_property;
  object_class->finalize = fid_survey_results_finalize;

  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_survey_results_init (FidSurveyResults *self)
{
  self->charts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  self->kind = FID_SURVEY_N_KINDS;
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->box));
}

GtkWidget *
fid_survey_results_new (gboolean compact)
{
  return g_object_new (FID_TYPE_SURVEY_RESULTS, "compact", compact, NULL);
}

void
fid_survey_results_update (FidSurveyResults *self,
                           FidStore         *store,
                           FidSurvey        *survey)
{
  gint64 id;
  FidSurveyKind kind;

  g_return_if_fail (FID_IS_SURVEY_RESULTS (self));

  id = survey != NULL && store != NULL ? fid_survey_get_id (survey) : 0;
  kind = survey != NULL ? fid_survey_get_kind (survey) : FID_SURVEY_N_KINDS;
  if (id != self->survey_id || kind != self->kind)
    {
      self->survey_id = id;
      self->kind = kind;
      rebuild (self);
    }
  if (id == 0)
    return;

  switch (kind)
    {
    case FID_SURVEY_KANO:
      update_kano (self, store);
      break;
    case FID_SURVEY_SERVQUAL:
      update_servqual (self, store);
      break;
    case FID_SURVEY_NPS:
    case FID_SURVEY_CSAT:
    case FID_SURVEY_CES:
      update_scores (self, store);
      break;
    case FID_SURVEY_N_KINDS:
    default:
      break;
    }
}

FidChart *
fid_survey_results_get_chart (FidSurveyResults *self,
                              const char       *id)
{
  g_return_val_if_fail (FID_IS_SURVEY_RESULTS (self), NULL);
  return g_hash_table_lookup (self->charts, id);
}

const char *
fid_survey_results_get_summary (FidSurveyResults *self)
{
  g_return_val_if_fail (FID_IS_SURVEY_RESULTS (self), NULL);
  return self->summary != NULL ? gtk_label_get_text (self->summary) : NULL;
}

void
fid_survey_results_set_empty_text (FidSurveyResults *self,
                                   const char       *text)
{
  GHashTableIter iter;
  gpointer chart;

  g_return_if_fail (FID_IS_SURVEY_RESULTS (self));

  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
  g_hash_table_iter_init (&iter, self->charts);
  while (g_hash_table_iter_next (&iter, NULL, &chart))
    fid_chart_set_empty_text (chart, text != NULL ? text
                              : _("No answers yet: type them in Collect or import a CSV file"));
}
