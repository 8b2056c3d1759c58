/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Importing survey CSV files into a survey and exporting a survey's
 * answers in the same formats (issue 6). Reading and checking the files is
 * fid-survey-csv.c; this file maps their lines to the survey's questions
 * and responses, which the store then adds in one transaction. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "fid-csv.h"
#include "fid-store-error.h"
#include "fid-store-surveys.h"
#include "fid-survey-csv-private.h"

/* The responses being built, one per respondent, in file order. */
typedef struct
{
  gint64      survey_id;
  GPtrArray  *responses;   /* FidSurveyResponse */
  GHashTable *by_name;     /* respondent → FidSurveyResponse */
  GHashTable *seen;        /* "respondent\x1fitem id" → line */
} Builder;

static void
builder_init (Builder *builder,
              gint64   survey_id)
{
  builder->survey_id = survey_id;
  builder->responses = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_survey_response_free);
  builder->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  builder->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
builder_clear (Builder *builder)
{
  g_clear_pointer (&builder->by_name, g_hash_table_unref);
  g_clear_pointer (&builder->seen, g_hash_table_unref);
  g_clear_pointer (&builder->responses, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Builder, builder_clear)

static FidSurveyResponse *
builder_response (Builder    *builder,
                  const char *respondent)
{
  FidSurveyResponse *response = g_hash_table_lookup (builder->by_name, respondent);

  if (response == NULL)
    {
      response = fid_survey_response_new (builder->survey_id);
      response->respondent = g_strdup (respondent);
      g_ptr_array_add (builder->responses, response);
      g_hash_table_insert (builder->by_name, response->respondent, response);
    }
  return response;
}

/* Two spellings of one question ("3" and its label) are one question: the
 * file's own duplicate check compared the spellings, this compares the
 * questions. */
static gboolean
builder_check_duplicate (Builder               *builder,
                         GPtrArray             *problems,
                         FidSurveyCsvFile       file,
                         const FidSurveyCsvRow *row,
                         gint64                 item_id,
                         const char            *shown)
{
  char *key = g_strdup_printf ("%d\x1f%s\x1f%" PRId64, file, row->respondent, item_id);
  gpointer line;

  if (g_hash_table_lookup_extended (builder->seen, key, NULL, &line))
    {
      fid_survey_csv_add_problem (problems, file, row->line, 2,
                                  _("duplicate: respondent “%s” already answered “%s” on line %u"),
                                  row->respondent, shown, GPOINTER_TO_UINT (line));
      g_free (key);
      return FALSE;
    }
  g_hash_table_insert (builder->seen, key, GUINT_TO_POINTER (row->line));
  return TRUE;
}

static gint64
item_id_at (GPtrArray *items,
            guint      index)
{
  return fid_survey_item_get_id (g_ptr_array_index (items, index));
}

/* The item a Kano line names: a label (any case) or a position. */
static gint64
find_feature (GPtrArray  *items,
              const char *key)
{
  g_autofree char *folded = g_utf8_casefold (key, -1);
  gint64 position;

  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *label = g_utf8_casefold (fid_survey_item_get_label (g_ptr_array_index (items, i)), -1);

      if (g_str_equal (folded, label))
        return item_id_at (items, i);
    }
  if (g_ascii_string_to_signed (key, 10, 1, items->len, &position, NULL))
    return item_id_at (items, (guint) position - 1);
  return 0;
}

static gboolean
build_kano (Builder    *builder,
            GPtrArray  *items,
            const char *text,
            gssize      length,
            GPtrArray  *problems)
{
  g_autoptr(GPtrArray) rows = fid_survey_csv_parse_kano (text, length, problems);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const FidSurveyCsvRow *row = g_ptr_array_index (rows, i);
      gint64 item = find_feature (items, row->key);
      FidSurveyResponse *response;

      if (item == 0)
        {
          fid_survey_csv_add_problem (problems, FID_SURVEY_CSV_ANSWERS, row->line, 2,
                                      _("unknown feature “%s”: the survey has no such question"), row->key);
          continue;
        }
      if (!builder_check_duplicate (builder, problems, FID_SURVEY_CSV_ANSWERS, row, item, row->key))
        continue;
      response = builder_response (builder, row->respondent);
      fid_survey_response_add_answer (response, item, FID_SURVEY_PART_FUNCTIONAL, row->values[0]);
      fid_survey_response_add_answer (response, item, FID_SURVEY_PART_DYSFUNCTIONAL, row->values[1]);
      if (row->values[2] > 0)
        fid_survey_response_add_answer (response, item, FID_SURVEY_PART_IMPORTANCE, row->values[2]);
    }
  return TRUE;
}

static gboolean
build_servqual (Builder    *builder,
                GPtrArray  *items,
                const char *text,
                gssize      length,
                const char *weights_text,
                gssize      weights_length,
                GPtrArray  *problems)
{
  g_autoptr(GPtrArray) rows = fid_survey_csv_parse_servqual (text, length, items->len, problems);
  g_autoptr(GPtrArray) weight_rows = NULL;

  if (weights_text != NULL)
    weight_rows = fid_survey_csv_parse_weights (weights_text, weights_length, problems);
  if (rows == NULL || (weights_text != NULL && weight_rows == NULL))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const FidSurveyCsvRow *row = g_ptr_array_index (rows, i);
      FidSurveyResponse *response = builder_response (builder, row->respondent);
      gint64 item = item_id_at (items, (guint) row->index);

      fid_survey_response_add_answer (response, item, FID_SURVEY_PART_EXPECTATION, row->values[0]);
      fid_survey_response_add_answer (response, item, FID_SURVEY_PART_PERCEPTION, row->values[1]);
    }

  /* A dimension's points go on its first question, as the entry form
   * stores them. */
  for (guint i = 0; weight_rows != NULL && i < weight_rows->len; i++)
    {
      const FidSurveyCsvRow *row = g_ptr_array_index (weight_rows, i);
      const char *key = fid_servqual_dimension_to_key (row->index);
      gint64 item = 0;

      for (guint j = 0; j < items->len && item == 0; j++)
        if (g_strcmp0 (fid_survey_item_get_dimension (g_ptr_array_index (items, j)), key) == 0)
          item = item_id_at (items, j);
      if (item == 0)
        {
          fid_survey_csv_add_problem (problems, FID_SURVEY_CSV_WEIGHTS, row->line, 2,
                                      _("the survey has no question in the %s dimension"),
                                      fid_servqual_dimension_get_name (row->index));
          continue;
        }
      fid_survey_response_add_answer (builder_response (builder, row->respondent),
                                      item, FID_SURVEY_PART_WEIGHT, row->values[0]);
    }
  return TRUE;
}

static gboolean
build_scores (Builder        *builder,
              FidStore       *store,
              FidSurveyKind   kind,
              GPtrArray      *items,
              const char     *text,
              gssize          length,
              GPtrArray      *problems,
              GError        **error)
{
  g_autoptr(GPtrArray) rows = fid_survey_csv_parse_scores (kind, text, length, problems);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (rows == NULL)
    return TRUE;
  if (items->len == 0)
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                           _("The survey has no question: add one before importing scores."));
      return FALSE;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const FidSurveyCsvRow *row = g_ptr_array_index (rows, i);
      FidSurveyResponse *response;

      /* Each line is its own response: the same respondent may answer
       * every wave of a barometer. */
      if (row->customer_id != 0 && !g_hash_table_contains (known, &row->customer_id))
        {
          g_autoptr(GError) local_error = NULL;

          if (!fid_store_check_survey_customer (store, row->customer_id, &local_error))
            {
              if (!g_error_matches (local_error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              fid_survey_csv_add_problem (problems, FID_SURVEY_CSV_ANSWERS, row->line, 3,
                                          _("unknown customer %" PRId64), row->customer_id);
              continue;
            }
          g_hash_table_add (known, g_memdup2 (&row->customer_id, sizeof (gint64)));
        }
      response = fid_survey_response_new (builder->survey_id);
      response->respondent = g_strdup (row->respondent);
      response->customer_id = row->customer_id;
      response->answered_at = g_strdup (row->date);
      fid_survey_response_add_answer (response, item_id_at (items, 0), FID_SURVEY_PART_SCORE, row->values[0]);
      g_ptr_array_add (builder->responses, response);
    }
  return TRUE;
}

gboolean
fid_survey_csv_import (FidStore    *store,
                       gint64       survey_id,
                       const char  *text,
                       gssize       length,
                       const char  *weights_text,
                       gssize       weights_length,
                       GPtrArray   *problems,
                       guint       *n_responses,
                       GError     **error)
{
  g_autoptr(FidSurvey) survey = NULL;
  g_auto(Builder) builder = { 0 };
  FidSurveyKind kind;
  GPtrArray *items;
  guint before = problems->len;

  g_return_val_if_fail (FID_IS_STORE (store), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if ((survey = fid_store_get_survey (store, survey_id, error)) == NULL)
    return FALSE;
  kind = fid_survey_get_kind (survey);
  items = fid_survey_get_items (survey);
  if (weights_text != NULL && kind != FID_SURVEY_SERVQUAL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Only SERVQUAL surveys have a weights file, not a %s survey."),
                   fid_survey_kind_get_name (kind));
      return FALSE;
    }

  builder_init (&builder, survey_id);
  switch (kind)
    {
    case FID_SURVEY_KANO:
      build_kano (&builder, items, text, length, problems);
      break;
    case FID_SURVEY_SERVQUAL:
      build_servqual (&builder, items, text, length, weights_text, weights_length, problems);
      break;
    case FID_SURVEY_NPS:
    case FID_SURVEY_CSAT:
    case FID_SURVEY_CES:
      if (!build_scores (&builder, store, kind, items, text, length, problems, error))
        return FALSE;
      break;
    case FID_SURVEY_N_KINDS:
    default:
      g_assert_not_reached ();
    }
  if (problems->len > before)
    return FALSE;

  if (!fid_store_add_survey_responses (store, survey_id, builder.responses, error))
    return FALSE;
  if (n_responses != NULL)
    *n_responses = builder.responses->len;
  return TRUE;
}

/* Export */

static void
append_row (GString             *out,
            const char * const  *fields,
            guint                n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      fid_csv_append_field (out, fields[i] != NULL ? fields[i] : "");
    }
  g_string_append (out, "\r\n");
}

/* The value of @part for @item_id in @response, or -1. */
static int
answer_value (const FidSurveyResponse *response,
              gint64                   item_id,
              FidSurveyPart            part)
{
  for (guint i = 0; i < response->answers->len; i++)
    {
      const FidSurveyAnswer *a = &g_array_index (response->answers, FidSurveyAnswer, i);

      if (a->item_id == item_id && a->part == part)
        return a->value;
    }
  return -1;
}

static void
export_response (GString                 *out,
                 FidSurveyKind            kind,
                 FidSurveyCsvFile         file,
                 GPtrArray               *items,
                 const FidSurveyResponse *response)
{
  g_autofree char *respondent = response->respondent != NULL && *response->respondent != '\0'
                                ? g_strdup (response->respondent)
                                : g_strdup_printf ("%" PRId64, response->id);

  for (guint i = 0; i < items->len; i++)
    {
      FidSurveyItem *item = g_ptr_array_index (items, i);
      gint64 id = fid_survey_item_get_id (item);
      g_autofree char *position = g_strdup_printf ("%u", i + 1);
      char v[4][24] = { "", "", "", "" };
      int a, b, c;

      if (kind == FID_SURVEY_KANO)
        {
          a = answer_value (response, id, FID_SURVEY_PART_FUNCTIONAL);
          b = answer_value (response, id, FID_SURVEY_PART_DYSFUNCTIONAL);
          c = answer_value (response, id, FID_SURVEY_PART_IMPORTANCE);
          if (a < 0 || b < 0)
            continue;
          g_snprintf (v[0], sizeof v[0], "%d", a);
          g_snprintf (v[1], sizeof v[1], "%d", b);
          if (c > 0)
            g_snprintf (v[2], sizeof v[2], "%d", c);
          append_row (out, (const char *[]) { respondent, fid_survey_item_get_label (item), v[0], v[1], v[2] }, 5);
        }
      else if (kind == FID_SURVEY_SERVQUAL && file == FID_SURVEY_CSV_WEIGHTS)
        {
          if ((a = answer_value (response, id, FID_SURVEY_PART_WEIGHT)) < 0)
            continue;
          g_snprintf (v[0], sizeof v[0], "%d", a);
          append_row (out, (const char *[]) { respondent, fid_survey_item_get_dimension (item), v[0] }, 3);
        }
      else if (kind == FID_SURVEY_SERVQUAL)
        {
          a = answer_value (response, id, FID_SURVEY_PART_EXPECTATION);
          b = answer_value (response, id, FID_SURVEY_PART_PERCEPTION);
          if (a < 0 || b < 0)
            continue;
          g_snprintf (v[0], sizeof v[0], "%d", a);
          g_snprintf (v[1], sizeof v[1], "%d", b);
          append_row (out, (const char *[]) { respondent, position, v[0], v[1] }, 4);
        }
      else
        {
          /* The first scored question is the response's score. */
          if ((a = answer_value (response, id, FID_SURVEY_PART_SCORE)) < 0)
            continue;
          g_snprintf (v[0], sizeof v[0], "%d", a);
          if (response->customer_id > 0)
            g_snprintf (v[1], sizeof v[1], "%" PRId64, response->customer_id);
          append_row (out, (const char *[]) { respondent, v[0], v[1], response->answered_at }, 4);
          return;
        }
    }
}

char *
fid_survey_csv_export (FidStore          *store,
                       gint64             survey_id,
                       FidSurveyCsvFile   file,
                       GError           **error)
{
  static const char * const headers[] = {
    [FID_SURVEY_KANO] = "respondent,feature,functional,dysfunctional,importance\r\n",
    [FID_SURVEY_SERVQUAL] = "respondent,item,expectation,perception\r\n",
    [FID_SURVEY_NPS] = "respondent,score,customer_id,date\r\n",
    [FID_SURVEY_CSAT] = "respondent,score,customer_id,date\r\n",
    [FID_SURVEY_CES] = "respondent,score,customer_id,date\r\n",
  };
  g_autoptr(FidSurvey) survey = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GString) out = NULL;
  FidSurveyKind kind;

  g_return_val_if_fail (FID_IS_STORE (store), NULL);

  if ((survey = fid_store_get_survey (store, survey_id, error)) == NULL ||
      (responses = fid_store_list_survey_responses (store, survey_id, error)) == NULL)
    return NULL;
  kind = fid_survey_get_kind (survey);
  if (file == FID_SURVEY_CSV_WEIGHTS && kind != FID_SURVEY_SERVQUAL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Only SERVQUAL surveys have a weights file, not a %s survey."),
                   fid_survey_kind_get_name (kind));
      return NULL;
    }

  out = g_string_new (file == FID_SURVEY_CSV_WEIGHTS ? "respondent,dimension,points\r\n" : headers[kind]);
  for (guint i = 0; i < responses->len; i++)
    {
      const FidSurveyResponse *response = g_ptr_array_index (responses, i);
      gboolean management = FALSE;

      /* Management's expectations have no column in these formats. */
      for (guint j = 0; j < response->answers->len && !management; j++)
        management = g_array_index (response->answers, FidSurveyAnswer, j).part == FID_SURVEY_PART_MANAGEMENT;
      if (!management)
        export_response (out, kind, file, fid_survey_get_items (survey), response);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
