/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: collecting survey responses (issue 6): validating and adding
 * them, one at a time (the entry form) or many in one transaction (a CSV
 * import), deleting and listing them; and FidSurveyResponse itself.
 *
 * Messages name questions by position ("question 3"), as the trainer sees
 * them on paper, never by row id. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "fid-store-surveys-private.h"

/* Responses (the boxed type) */

FidSurveyResponse *
fid_survey_response_new (gint64 survey_id)
{
  FidSurveyResponse *response = g_new0 (FidSurveyResponse, 1);

  response->survey_id = survey_id;
  response->answers = g_array_new (FALSE, FALSE, sizeof (FidSurveyAnswer));
  return response;
}

FidSurveyResponse *
fid_survey_response_copy (const FidSurveyResponse *response)
{
  FidSurveyResponse *copy = fid_survey_response_new (response->survey_id);

  copy->id = response->id;
  copy->customer_id = response->customer_id;
  copy->respondent = g_strdup (response->respondent);
  copy->answered_at = g_strdup (response->answered_at);
  if (response->answers != NULL)
    g_array_append_vals (copy->answers, response->answers->data, response->answers->len);
  return copy;
}

void
fid_survey_response_free (FidSurveyResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->respondent);
  g_free (response->answered_at);
  g_clear_pointer (&response->answers, g_array_unref);
  g_free (response);
}

G_DEFINE_BOXED_TYPE (FidSurveyResponse, fid_survey_response,
                     fid_survey_response_copy, fid_survey_response_free)

void
fid_survey_response_add_answer (FidSurveyResponse *response,
                                gint64             item_id,
                                FidSurveyPart      part,
                                int                value)
{
  FidSurveyAnswer answer = { item_id, part, value };

  g_array_append_val (response->answers, answer);
}

/* What validating one response needs to know about its survey. */
typedef struct
{
  gint64         survey_id;
  FidSurveyKind  kind;
  GArray        *infos;   /* FidSurveyItemInfo, by position */
} SurveyContext;

static void
survey_context_clear (SurveyContext *context)
{
  g_clear_pointer (&context->infos, g_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SurveyContext, survey_context_clear)

static gboolean
load_context (FidStore       *self,
              gint64          survey_id,
              SurveyContext  *context,
              GError        **error)
{
  context->survey_id = survey_id;
  return fid_store_survey_get_kind (self, survey_id, &context->kind, error) &&
         (context->infos = fid_store_survey_get_item_infos (self, survey_id, error)) != NULL;
}

static const char *
part_name (FidSurveyPart part)
{
  switch (part)
    {
    case FID_SURVEY_PART_FUNCTIONAL:
      return _("functional answer");
    case FID_SURVEY_PART_DYSFUNCTIONAL:
      return _("dysfunctional answer");
    case FID_SURVEY_PART_IMPORTANCE:
      return _("importance");
    case FID_SURVEY_PART_EXPECTATION:
      return _("expectation");
    case FID_SURVEY_PART_PERCEPTION:
      return _("perception");
    case FID_SURVEY_PART_WEIGHT:
      return _("weight");
    case FID_SURVEY_PART_MANAGEMENT:
      return _("management’s expectation");
    case FID_SURVEY_PART_SCORE:
      return _("score");
    case FID_SURVEY_N_PARTS:
    default:
      return "?";
    }
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE, message);
  return FALSE;
}

/* Per item of the survey, which parts the response answers. */
typedef struct
{
  guint8 parts;   /* bit (1 << FidSurveyPart) */
  int    weight;
} ItemParts;

#define HAS(p, part) (((p).parts & (1u << (part))) != 0)

static gboolean
check_kano (const SurveyContext *context,
            const ItemParts     *items,
            GError             **error)
{
  for (guint i = 0; i < context->infos->len; i++)
    {
      gboolean any = items[i].parts != 0;

      if (any && !(HAS (items[i], FID_SURVEY_PART_FUNCTIONAL) && HAS (items[i], FID_SURVEY_PART_DYSFUNCTIONAL)))
        return invalid (error, _("Question %u needs both the functional and the dysfunctional answer."), i + 1);
    }
  return TRUE;
}

static gboolean
check_servqual (const SurveyContext *context,
                const ItemParts     *items,
                gboolean             management,
                GError             **error)
{
  gboolean weighted[FID_SERVQUAL_N_DIMENSIONS] = { FALSE };
  gboolean any_weight = FALSE;
  int sum = 0;

  for (guint i = 0; i < context->infos->len; i++)
    {
      int dimension = g_array_index (context->infos, FidSurveyItemInfo, i).dimension;
      gboolean e = HAS (items[i], FID_SURVEY_PART_EXPECTATION), p = HAS (items[i], FID_SURVEY_PART_PERCEPTION);

      if (management && (items[i].parts & ~(1u << FID_SURVEY_PART_MANAGEMENT)) != 0)
        return invalid (error, _("Management’s expectations are a response of their own: "
                                 "question %u also has a customer’s answer."), i + 1);
      if (e != p)
        return invalid (error, _("Question %u needs both the expectation and the perception."), i + 1);
      if (HAS (items[i], FID_SURVEY_PART_WEIGHT))
        {
          if (dimension < 0 || weighted[dimension])
            return invalid (error, _("The weight of question %u repeats its dimension’s: "
                                     "give each dimension its points once."), i + 1);
          weighted[dimension] = TRUE;
          any_weight = TRUE;
          sum += items[i].weight;
        }
    }
  if (any_weight && sum != 100)
    return invalid (error, _("The weights add up to %d points: share exactly 100 between the dimensions."), sum);
  return TRUE;
}

static gboolean
check_answers (const SurveyContext     *context,
               const FidSurveyResponse *response,
               GError                 **error)
{
  g_autofree ItemParts *items = g_new0 (ItemParts, MAX (context->infos->len, 1));
  gboolean management = FALSE;
  guint n_scores = 0;

  if (response->answers == NULL || response->answers->len == 0)
    return invalid (error, _("The response has no answer."));

  for (guint i = 0; i < response->answers->len; i++)
    {
      const FidSurveyAnswer *a = &g_array_index (response->answers, FidSurveyAnswer, i);
      int index = fid_survey_item_infos_find (context->infos, a->item_id);
      int min, max;

      if (index < 0)
        return invalid (error, _("Question %" PRId64 " is not a question of this survey."), a->item_id);
      if (!fid_survey_part_get_range (context->kind, a->part, &min, &max))
        return invalid (error, _("A %s survey has no %s (question %d)."),
                        fid_survey_kind_get_name (context->kind), part_name (a->part), index + 1);
      if (a->value < min || a->value > max)
        return invalid (error, _("The %s of question %d is %d: it goes from %d to %d."),
                        part_name (a->part), index + 1, a->value, min, max);
      if (HAS (items[index], a->part))
        return invalid (error, _("The %s of question %d is given twice."), part_name (a->part), index + 1);
      items[index].parts |= 1u << a->part;
      if (a->part == FID_SURVEY_PART_WEIGHT)
        items[index].weight = a->value;
      management |= a->part == FID_SURVEY_PART_MANAGEMENT;
      n_scores += a->part == FID_SURVEY_PART_SCORE;
    }

  switch (context->kind)
    {
    case FID_SURVEY_KANO:
      return check_kano (context, items, error);
    case FID_SURVEY_SERVQUAL:
      return check_servqual (context, items, management, error);
    case FID_SURVEY_NPS:
    case FID_SURVEY_CSAT:
    case FID_SURVEY_CES:
      if (n_scores != 1)
        return invalid (error, _("A %s response has one score, not %u."),
                        fid_survey_kind_get_name (context->kind), n_scores);
      return TRUE;
    case FID_SURVEY_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
fid_store_check_survey_customer (FidStore  *self,
                                 gint64     customer_id,
                                 GError   **error)
{
  gboolean exists;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_row_exists (self, "SELECT 1 FROM customers WHERE id = ?1", customer_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_UNKNOWN_CUSTOMER,
                   _("There is no customer number %" PRId64 "."), customer_id);
      return FALSE;
    }
  return TRUE;
}

/* The answered_at to store: now, a date-time, or a date at noon (a paper
 * form has a day, not an hour). NULL with @error set when invalid. */
static char *
normalize_answered_at (const char  *given,
                       GError     **error)
{
  char *normalized;

  if (fid_text_is_blank (given))
    return fid_store_now_iso ();
  if (strlen (given) == 10 && fid_parse_iso_date (given, NULL))
    return g_strconcat (given, "T12:00:00", NULL);
  if ((normalized = fid_normalize_iso_date_time (given)) != NULL)
    return normalized;
  g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE_TIME,
               _("“%s” is not a valid date (expected YYYY-MM-DD or YYYY-MM-DD HH:MM)."), given);
  return NULL;
}

/* Validates and inserts @response, inside the caller's transaction. */
static gboolean
insert_response (FidStore            *self,
                 const SurveyContext *context,
                 FidSurveyResponse   *response,
                 GError             **error)
{
  g_autofree char *answered_at = NULL;
  g_autofree char *respondent = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (response->survey_id != context->survey_id)
    return invalid (error, _("The response is for survey %" PRId64 ", not %" PRId64 "."),
                    response->survey_id, context->survey_id);
  if (!check_answers (context, response, error))
    return FALSE;
  if (response->customer_id != 0 && !fid_store_check_survey_customer (self, response->customer_id, error))
    return FALSE;
  if ((answered_at = normalize_answered_at (response->answered_at, error)) == NULL)
    return FALSE;
  if (!fid_text_is_blank (response->respondent))
    respondent = g_strstrip (g_strdup (response->respondent));

  stmt = fid_store_prepare (self,
                            "INSERT INTO survey_responses (survey_id, customer_id, respondent, answered_at)"
                            " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, context->survey_id);
  fid_sqlite_bind_id_or_null (stmt, 2, response->customer_id);
  fid_sqlite_bind_text_or_null (stmt, 3, respondent);
  sqlite3_bind_text (stmt, 4, answered_at, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("save the survey response"), error))
    return FALSE;
  id = sqlite3_last_insert_rowid (fid_store_get_db (self));

  for (guint i = 0; i < response->answers->len; i++)
    {
      const FidSurveyAnswer *a = &g_array_index (response->answers, FidSurveyAnswer, i);

      stmt = fid_store_prepare (self,
                                "INSERT INTO survey_answers (response_id, item_id, part, value)"
                                " VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, a->item_id);
      sqlite3_bind_text (stmt, 3, fid_survey_part_to_key (a->part), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, a->value);
      if (!fid_store_step_write (self, stmt, _("save the survey answers"), error))
        return FALSE;
    }

  response->id = id;
  g_free (response->answered_at);
  response->answered_at = g_steal_pointer (&answered_at);
  return TRUE;
}

gboolean
fid_store_add_survey_response (FidStore           *self,
                               FidSurveyResponse  *response,
                               GError            **error)
{
  g_auto(SurveyContext) context = { 0 };

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (response != NULL, FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  if (!load_context (self, response->survey_id, &context, error) ||
      !insert_response (self, &context, response, error) ||
      !fid_store_audit (self, "create", "survey_response", response->id, NULL, error) ||
      !fid_store_commit (self, error))
    {
      fid_store_rollback (self);
      response->id = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
fid_store_add_survey_responses (FidStore   *self,
                                gint64      survey_id,
                                GPtrArray  *responses,
                                GError    **error)
{
  g_auto(SurveyContext) context = { 0 };
  g_autofree char *details = NULL;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (responses != NULL, FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  if (!load_context (self, survey_id, &context, error))
    goto failed;
  for (guint i = 0; i < responses->len; i++)
    {
      FidSurveyResponse *response = g_ptr_array_index (responses, i);

      if (!insert_response (self, &context, response, error))
        {
          if (error != NULL && *error != NULL && (*error)->domain == FID_VALIDATION_ERROR)
            g_prefix_error (error, _("Respondent “%s”: "),
                            response->respondent != NULL ? response->respondent : "");
          goto failed;
        }
    }
  /* One audit row for the import, as for any other single user action. */
  details = g_strdup_printf ("%u", responses->len);
  if (!fid_store_audit (self, "import", "survey", survey_id, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  for (guint i = 0; i < responses->len; i++)
    ((FidSurveyResponse *) g_ptr_array_index (responses, i))->id = 0;
  return FALSE;
}

gboolean
fid_store_delete_survey_response (FidStore  *self,
                                  gint64     response_id,
                                  GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self, "DELETE FROM survey_responses WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, response_id);
  if (!fid_store_step_write (self, stmt, _("delete the survey response"), error))
    goto failed;
  if (sqlite3_changes (fid_store_get_db (self)) == 0)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                   _("There is no survey response number %" PRId64 "."), response_id);
      goto failed;
    }
  if (!fid_store_audit (self, "delete", "survey_response", response_id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

GPtrArray *
fid_store_list_survey_responses (FidStore  *self,
                                 gint64     survey_id,
                                 GError   **error)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_survey_response_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  FidSurveyKind kind;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  if (!fid_store_survey_get_kind (self, survey_id, &kind, error))
    return NULL;
  stmt = fid_store_prepare (self,
                            "SELECT id, customer_id, respondent, answered_at FROM survey_responses"
                            " WHERE survey_id = ?1 ORDER BY answered_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidSurveyResponse *response = fid_survey_response_new (survey_id);

      response->id = sqlite3_column_int64 (stmt, 0);
      response->customer_id = sqlite3_column_int64 (stmt, 1);
      response->respondent = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      response->answered_at = g_strdup (fid_sqlite_text (stmt, 3));
      g_ptr_array_add (responses, response);
      g_hash_table_insert (by_id, &response->id, response);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the survey responses"));
      return NULL;
    }

  stmt = fid_store_prepare (self,
                            "SELECT a.response_id, a.item_id, a.part, a.value FROM survey_answers a"
                            " JOIN survey_responses r ON r.id = a.response_id"
                            " JOIN survey_items i ON i.id = a.item_id"
                            " WHERE r.survey_id = ?1 ORDER BY a.response_id, i.position, a.part", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 response_id = sqlite3_column_int64 (stmt, 0);
      FidSurveyResponse *response = g_hash_table_lookup (by_id, &response_id);
      FidSurveyPart part;

      /* Parts this version does not know are kept out rather than
       * misread. */
      if (response != NULL && fid_survey_part_from_key (fid_sqlite_text (stmt, 2), &part))
        fid_survey_response_add_answer (response, sqlite3_column_int64 (stmt, 1), part,
                                        sqlite3_column_int (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the survey answers"));
      return NULL;
    }
  return g_steal_pointer (&responses);
}
