/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: what the survey analyses read (issue 6): the answers of a
 * Kano, SERVQUAL, NPS, CSAT or CES survey as the arrays of fid-kano.h,
 * fid-servqual.h and fid-satisfaction.h. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "fid-store-surveys-private.h"

static gboolean
check_kind (FidStore       *self,
            gint64          survey_id,
            FidSurveyKind   wanted,
            FidSurveyKind  *kind,
            GError        **error)
{
  if (!fid_store_survey_get_kind (self, survey_id, kind, error))
    return FALSE;
  if (wanted != FID_SURVEY_N_KINDS && *kind != wanted)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("Survey %" PRId64 " is a %s survey, not a %s one."), survey_id,
                   fid_survey_kind_get_name (*kind), fid_survey_kind_get_name (wanted));
      return FALSE;
    }
  return TRUE;
}

/* The answers of the survey, ordered by response, then item position. */
static sqlite3_stmt *
select_answers (FidStore  *self,
                gint64     survey_id,
                GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = fid_store_prepare (self,
                            "SELECT a.response_id, i.position, a.part, a.value FROM survey_answers a"
                            " JOIN survey_responses r ON r.id = a.response_id"
                            " JOIN survey_items i ON i.id = a.item_id"
                            " WHERE r.survey_id = ?1"
                            " ORDER BY r.answered_at, r.id, i.position", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, survey_id);
  return stmt;
}

/* One (response, item) group of answers, filled while reading the rows. */
typedef struct
{
  gint64 response;
  int    position;
  int    value[FID_SURVEY_N_PARTS];   /* -1 when not answered */
} Group;

static void
group_reset (Group  *group,
             gint64  response,
             int     position)
{
  group->response = response;
  group->position = position;
  for (guint p = 0; p < FID_SURVEY_N_PARTS; p++)
    group->value[p] = -1;
}

typedef void (*GroupFunc) (const Group *group,
                           guint        response_index,
                           gpointer     user_data);

/* Calls @func for each group, with the response's index in answered
 * order. */
static gboolean
for_each_group (FidStore   *self,
                gint64      survey_id,
                GroupFunc   func,
                gpointer    user_data,
                GError    **error)
{
  sqlite3_stmt *stmt = select_answers (self, survey_id, error);
  Group group;
  guint response_index = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  group_reset (&group, 0, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 response = sqlite3_column_int64 (stmt, 0);
      int position = sqlite3_column_int (stmt, 1);
      FidSurveyPart part;

      if (response != group.response || position != group.position)
        {
          if (group.response != 0)
            {
              func (&group, response_index, user_data);
              if (response != group.response)
                response_index++;
            }
          group_reset (&group, response, position);
        }
      if (fid_survey_part_from_key (fid_sqlite_text (stmt, 2), &part))
        group.value[part] = sqlite3_column_int (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the survey answers"));
      return FALSE;
    }
  if (group.response != 0)
    func (&group, response_index, user_data);
  return TRUE;
}

static char **
item_labels (FidStore  *self,
             gint64     survey_id,
             GArray    *infos,
             GError   **error)
{
  g_autoptr(FidSurvey) survey = fid_store_get_survey (self, survey_id, error);
  GPtrArray *items;
  char **labels;

  if (survey == NULL)
    return NULL;
  items = fid_survey_get_items (survey);
  labels = g_new0 (char *, items->len + 1);
  for (guint i = 0; i < items->len; i++)
    labels[i] = g_strdup (fid_survey_item_get_label (g_ptr_array_index (items, i)));
  return labels;
}

/* Kano */

static void
add_kano (const Group *group,
          guint        response_index,
          gpointer     user_data)
{
  FidKanoData *data = user_data;
  FidKanoAnswer answer = { 0 };
  int importance = group->value[FID_SURVEY_PART_IMPORTANCE];

  if (group->value[FID_SURVEY_PART_FUNCTIONAL] < 0 || group->value[FID_SURVEY_PART_DYSFUNCTIONAL] < 0)
    return;
  answer.feature = (guint) group->position - 1;
  answer.functional = (guint8) group->value[FID_SURVEY_PART_FUNCTIONAL];
  answer.dysfunctional = (guint8) group->value[FID_SURVEY_PART_DYSFUNCTIONAL];
  answer.importance = importance > 0 ? (guint8) importance : 0;
  g_array_append_val (data->answers, answer);
}

FidKanoData *
fid_store_load_kano_data (FidStore  *self,
                          gint64     survey_id,
                          GError   **error)
{
  g_autoptr(FidKanoData) data = fid_kano_data_new ();
  FidSurveyKind kind;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  if (!check_kind (self, survey_id, FID_SURVEY_KANO, &kind, error))
    return NULL;
  g_strfreev (data->features);
  if ((data->features = item_labels (self, survey_id, NULL, error)) == NULL ||
      !for_each_group (self, survey_id, add_kano, data, error))
    return NULL;
  return g_steal_pointer (&data);
}

/* SERVQUAL */

static void
add_servqual (const Group *group,
              guint        response_index,
              gpointer     user_data)
{
  FidServqualData *data = user_data;
  guint item = (guint) group->position - 1;
  const int *v = group->value;

  if (item >= data->n_items)
    return;
  if (v[FID_SURVEY_PART_EXPECTATION] >= 0 && v[FID_SURVEY_PART_PERCEPTION] >= 0)
    {
      FidServqualAnswer answer = { item, (guint8) v[FID_SURVEY_PART_EXPECTATION],
                                   (guint8) v[FID_SURVEY_PART_PERCEPTION] };

      g_array_append_val (data->answers, answer);
    }
  if (v[FID_SURVEY_PART_WEIGHT] >= 0)
    {
      FidServqualWeight weight = { response_index, data->item_dimensions[item], v[FID_SURVEY_PART_WEIGHT] };

      g_array_append_val (data->weights, weight);
    }
  if (v[FID_SURVEY_PART_MANAGEMENT] >= 0)
    {
      FidServqualRating rating = { item, (guint8) v[FID_SURVEY_PART_MANAGEMENT] };

      g_array_append_val (data->management, rating);
    }
}

FidServqualData *
fid_store_load_servqual_data (FidStore  *self,
                              gint64     survey_id,
                              GError   **error)
{
  g_autoptr(FidServqualData) data = fid_servqual_data_new ();
  g_autoptr(GArray) infos = NULL;
  FidSurveyKind kind;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  if (!check_kind (self, survey_id, FID_SURVEY_SERVQUAL, &kind, error) ||
      (infos = fid_store_survey_get_item_infos (self, survey_id, error)) == NULL)
    return NULL;
  g_strfreev (data->item_labels);
  if ((data->item_labels = item_labels (self, survey_id, infos, error)) == NULL)
    return NULL;
  data->n_items = infos->len;
  data->item_dimensions = g_new0 (FidServqualDimension, MAX (infos->len, 1));
  for (guint i = 0; i < infos->len; i++)
    {
      int dimension = g_array_index (infos, FidSurveyItemInfo, i).dimension;

      /* The store never writes an item without a dimension; one edited
       * outside Fidelis would count as N_DIMENSIONS: in no dimension. */
      data->item_dimensions[i] = dimension >= 0 ? (FidServqualDimension) dimension
                                                : FID_SERVQUAL_N_DIMENSIONS;
    }
  if (!for_each_group (self, survey_id, add_servqual, data, error))
    return NULL;
  return g_steal_pointer (&data);
}

/* Scores */

FidScoreData *
fid_store_load_score_data (FidStore  *self,
                           gint64     survey_id,
                           GError   **error)
{
  g_autoptr(FidScoreData) data = NULL;
  FidSurveyKind kind;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  if (!check_kind (self, survey_id, FID_SURVEY_N_KINDS, &kind, error))
    return NULL;
  if (!fid_score_scale (kind, NULL, NULL))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("Survey %" PRId64 " is a %s survey: it has no scores."), survey_id,
                   fid_survey_kind_get_name (kind));
      return NULL;
    }
  data = fid_score_data_new (kind);

  /* As the 360 view and the loyalty analysis read it: the score of the
   * first item the response answered. */
  stmt = fid_store_prepare (self,
                            "SELECT r.answered_at,"
                            "  (SELECT a.value FROM survey_answers a JOIN survey_items it ON it.id = a.item_id"
                            "   WHERE a.response_id = r.id AND a.part = 'score' ORDER BY it.position LIMIT 1)"
                            " FROM survey_responses r WHERE r.survey_id = ?1"
                            " ORDER BY r.answered_at, r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidScoreAnswer answer;

      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        continue;
      answer.score = sqlite3_column_int (stmt, 1);
      answer.month = fid_score_month_from_date (fid_sqlite_text (stmt, 0));
      g_array_append_val (data->answers, answer);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the survey answers"));
      return NULL;
    }
  return g_steal_pointer (&data);
}
