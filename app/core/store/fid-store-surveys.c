/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: designing satisfaction surveys (issue 6): surveys and their
 * items. Responses are in fid-store-survey-responses.c, what the analyses
 * load in fid-store-survey-data.c.
 *
 * Positions stay 1..n within a survey. UNIQUE (survey_id, position) is
 * checked row by row during an UPDATE, so renumbering first moves the rows
 * to negative positions, then to their new ones. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "fid-store-surveys-private.h"

/* Shared helpers (fid-store-surveys-private.h) */

gboolean
fid_store_survey_get_kind (FidStore       *self,
                           gint64          survey_id,
                           FidSurveyKind  *kind,
                           GError        **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = fid_store_prepare (self, "SELECT kind FROM surveys WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  if (!fid_store_step_row (self, stmt, _("read the survey"), error,
                           _("There is no survey number %" PRId64 "."), survey_id))
    return FALSE;
  ok = fid_survey_kind_from_key (fid_sqlite_text (stmt, 0), kind);
  sqlite3_reset (stmt);
  if (!ok)
    g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_CORRUPT,
                 _("Survey %" PRId64 " is of an unknown kind."), survey_id);
  return ok;
}

GArray *
fid_store_survey_get_item_infos (FidStore  *self,
                                 gint64     survey_id,
                                 GError   **error)
{
  g_autoptr(GArray) infos = g_array_new (FALSE, FALSE, sizeof (FidSurveyItemInfo));
  sqlite3_stmt *stmt;
  int rc;

  stmt = fid_store_prepare (self,
                            "SELECT id, position, dimension FROM survey_items"
                            " WHERE survey_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidSurveyItemInfo info = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1), -1 };
      FidServqualDimension dimension;

      if (fid_servqual_dimension_from_key (fid_sqlite_text (stmt, 2), &dimension))
        info.dimension = dimension;
      g_array_append_val (infos, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the survey’s questions"));
      return NULL;
    }
  return g_steal_pointer (&infos);
}

int
fid_survey_item_infos_find (GArray *infos,
                            gint64  item_id)
{
  for (guint i = 0; i < infos->len; i++)
    if (g_array_index (infos, FidSurveyItemInfo, i).id == item_id)
      return (int) i;
  return -1;
}

/* Validation */

static gboolean
check_title (const char  *title,
             GError     **error)
{
  if (fid_text_is_blank (title))
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_EMPTY_NAME,
                           _("The survey has no title: give it one."));
      return FALSE;
    }
  return TRUE;
}

/* A SERVQUAL item needs a dimension; the other kinds' items have none. */
static gboolean
check_item (FidSurveyKind   kind,
            const char     *label,
            const char     *dimension,
            GError        **error)
{
  if (fid_text_is_blank (label))
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_EMPTY_NAME,
                           _("The question has no text: type the statement or feature."));
      return FALSE;
    }
  if (kind == FID_SURVEY_SERVQUAL)
    {
      if (dimension == NULL || !g_strv_contains (fid_servqual_dimension_keys (), dimension))
        {
          g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                       _("“%s” is not a SERVQUAL dimension: choose tangibles, reliability, "
                         "responsiveness, assurance or empathy."), dimension != NULL ? dimension : "");
          return FALSE;
        }
    }
  else if (dimension != NULL)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("Only SERVQUAL questions have a dimension, not those of a %s survey."),
                   fid_survey_kind_get_name (kind));
      return FALSE;
    }
  return TRUE;
}

/* Writes */

static gboolean
insert_item (FidStore    *self,
             gint64       survey_id,
             int          position,
             const char  *label,
             const char  *dimension,
             gint64      *id,
             GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (label));
  sqlite3_stmt *stmt;

  stmt = fid_store_prepare (self,
                            "INSERT INTO survey_items (survey_id, position, label, dimension)"
                            " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, trimmed, -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 4, dimension);
  if (!fid_store_step_write (self, stmt, _("save the survey question"), error))
    return FALSE;
  if (id != NULL)
    *id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  return TRUE;
}

gint64
fid_store_create_survey (FidStore       *self,
                         FidSurveyKind   kind,
                         const char     *title,
                         GError        **error)
{
  g_autofree char *default_title = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *now = fid_store_now_iso ();
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (FID_IS_STORE (self), 0);
  g_return_val_if_fail (kind < FID_SURVEY_N_KINDS, 0);

  if (fid_text_is_blank (title))
    title = default_title = fid_survey_default_title (kind);
  trimmed = g_strstrip (g_strdup (title));
  items = fid_survey_default_items (kind);

  if (!fid_store_begin (self, error))
    return 0;
  stmt = fid_store_prepare (self, "INSERT INTO surveys (kind, title, created_at) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, fid_survey_kind_to_key (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("save the survey"), error))
    goto failed;
  id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  for (guint i = 0; i < items->len; i++)
    {
      FidSurveyItem *item = g_ptr_array_index (items, i);

      if (!insert_item (self, id, fid_survey_item_get_position (item), fid_survey_item_get_label (item),
                        fid_survey_item_get_dimension (item), NULL, error))
        goto failed;
    }
  if (!fid_store_audit (self, "create", "survey", id, fid_survey_kind_to_key (kind), error) ||
      !fid_store_commit (self, error))
    goto failed;
  return id;

failed:
  fid_store_rollback (self);
  return 0;
}

#define SURVEY_COLUMNS \
  "s.id, s.kind, s.title, s.created_at," \
  " (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id)," \
  " (SELECT count(*) FROM survey_items i WHERE i.survey_id = s.id)"

static FidSurvey *
read_survey (sqlite3_stmt *stmt)
{
  FidSurvey *survey = fid_survey_new ();
  FidSurveyKind kind = FID_SURVEY_KANO;

  fid_survey_kind_from_key (fid_sqlite_text (stmt, 1), &kind);
  fid_survey_set_id (survey, sqlite3_column_int64 (stmt, 0));
  fid_survey_set_kind (survey, kind);
  fid_survey_set_title (survey, fid_sqlite_text (stmt, 2));
  fid_survey_set_created_at (survey, fid_sqlite_text (stmt, 3));
  fid_survey_set_n_responses (survey, sqlite3_column_int64 (stmt, 4));
  fid_survey_set_n_items (survey, sqlite3_column_int64 (stmt, 5));
  return survey;
}

GPtrArray *
fid_store_list_surveys (FidStore  *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) surveys = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self,
                            "SELECT " SURVEY_COLUMNS " FROM surveys s"
                            " ORDER BY s.created_at DESC, s.id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (surveys, read_survey (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("list the surveys"));
      return NULL;
    }
  return g_steal_pointer (&surveys);
}

static GPtrArray *
list_items (FidStore  *self,
            gint64     survey_id,
            GError   **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = fid_store_prepare (self,
                            "SELECT id, position, label, dimension FROM survey_items"
                            " WHERE survey_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidSurveyItem *item = fid_survey_item_new ();

      fid_survey_item_set_id (item, sqlite3_column_int64 (stmt, 0));
      fid_survey_item_set_survey_id (item, survey_id);
      fid_survey_item_set_position (item, sqlite3_column_int (stmt, 1));
      fid_survey_item_set_label (item, fid_sqlite_text (stmt, 2));
      fid_survey_item_set_dimension (item, (const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the survey’s questions"));
      return NULL;
    }
  return g_steal_pointer (&items);
}

FidSurvey *
fid_store_get_survey (FidStore  *self,
                      gint64     survey_id,
                      GError   **error)
{
  g_autoptr(FidSurvey) survey = NULL;
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self, "SELECT " SURVEY_COLUMNS " FROM surveys s WHERE s.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  if (!fid_store_step_row (self, stmt, _("read the survey"), error,
                           _("There is no survey number %" PRId64 "."), survey_id))
    return NULL;
  survey = read_survey (stmt);
  sqlite3_reset (stmt);

  items = list_items (self, survey_id, error);
  if (items == NULL)
    return NULL;
  fid_survey_set_items (survey, items);
  return g_steal_pointer (&survey);
}

/* Runs @stmt (bound by the caller), an UPDATE or DELETE of one survey row
 * by id, inside a transaction with an audit row; NOT_FOUND when no row
 * changed. */
static gboolean
write_survey_row (FidStore      *self,
                  sqlite3_stmt  *stmt,
                  gint64         survey_id,
                  const char    *action,
                  const char    *doing,
                  GError       **error)
{
  if (!fid_store_step_write (self, stmt, doing, error))
    return FALSE;
  if (sqlite3_changes (fid_store_get_db (self)) == 0)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                   _("There is no survey number %" PRId64 "."), survey_id);
      return FALSE;
    }
  return fid_store_audit (self, action, "survey", survey_id, NULL, error);
}

gboolean
fid_store_rename_survey (FidStore    *self,
                         gint64       survey_id,
                         const char  *title,
                         GError     **error)
{
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!check_title (title, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (title));
  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self, "UPDATE surveys SET title = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  if (!write_survey_row (self, stmt, survey_id, "rename", _("rename the survey"), error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_store_delete_survey (FidStore  *self,
                         gint64     survey_id,
                         GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  /* Items, responses and answers go by ON DELETE CASCADE. */
  stmt = fid_store_prepare (self, "DELETE FROM surveys WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  if (!write_survey_row (self, stmt, survey_id, "delete", _("delete the survey"), error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

/* Items */

/* The survey, kind and infos of the item @item_id. */
static gboolean
get_item_context (FidStore       *self,
                  gint64          item_id,
                  gint64         *survey_id,
                  FidSurveyKind  *kind,
                  GArray        **infos,
                  int            *index,
                  GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = fid_store_prepare (self, "SELECT survey_id FROM survey_items WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!fid_store_step_row (self, stmt, _("read the survey question"), error,
                           _("There is no survey question number %" PRId64 "."), item_id))
    return FALSE;
  *survey_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (!fid_store_survey_get_kind (self, *survey_id, kind, error) ||
      (*infos = fid_store_survey_get_item_infos (self, *survey_id, error)) == NULL)
    return FALSE;
  *index = fid_survey_item_infos_find (*infos, item_id);
  return TRUE;
}

gint64
fid_store_add_survey_item (FidStore    *self,
                           gint64       survey_id,
                           const char  *label,
                           const char  *dimension,
                           GError     **error)
{
  g_autoptr(GArray) infos = NULL;
  FidSurveyKind kind;
  gint64 id = 0;

  g_return_val_if_fail (FID_IS_STORE (self), 0);

  if (!fid_store_survey_get_kind (self, survey_id, &kind, error) ||
      !check_item (kind, label, dimension, error))
    return 0;
  if (!fid_store_begin (self, error))
    return 0;
  if ((infos = fid_store_survey_get_item_infos (self, survey_id, error)) == NULL ||
      !insert_item (self, survey_id, (int) infos->len + 1, label, dimension, &id, error) ||
      !fid_store_audit (self, "create", "survey_item", id, NULL, error) ||
      !fid_store_commit (self, error))
    {
      fid_store_rollback (self);
      return 0;
    }
  return id;
}

/* Weights are points for a dimension, kept on one item of it: when that
 * item leaves the dimension (deleted or moved to another), they go to the
 * first other item of the dimension, or are deleted when there is none. */
static gboolean
rehome_weights (FidStore  *self,
                gint64     survey_id,
                GArray    *infos,
                int        index,
                GError   **error)
{
  const FidSurveyItemInfo *leaving = &g_array_index (infos, FidSurveyItemInfo, index);
  gint64 target = 0;
  sqlite3_stmt *stmt;

  if (leaving->dimension < 0)
    return TRUE;
  for (guint i = 0; i < infos->len && target == 0; i++)
    {
      const FidSurveyItemInfo *info = &g_array_index (infos, FidSurveyItemInfo, i);

      if ((int) i != index && info->dimension == leaving->dimension)
        target = info->id;
    }
  if (target != 0)
    {
      stmt = fid_store_prepare (self, "UPDATE survey_answers SET item_id = ?2"
                                " WHERE item_id = ?1 AND part = 'weight'", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 2, target);
    }
  else
    {
      stmt = fid_store_prepare (self, "DELETE FROM survey_answers WHERE item_id = ?1 AND part = 'weight'", error);
      if (stmt == NULL)
        return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, leaving->id);
  return fid_store_step_write (self, stmt, _("move the dimension’s weights"), error);
}

gboolean
fid_store_update_survey_item (FidStore    *self,
                              gint64       item_id,
                              const char  *label,
                              const char  *dimension,
                              GError     **error)
{
  g_autoptr(GArray) infos = NULL;
  g_autofree char *trimmed = NULL;
  FidSurveyKind kind;
  gint64 survey_id;
  sqlite3_stmt *stmt;
  int index;
  FidServqualDimension new_dimension;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  if (!get_item_context (self, item_id, &survey_id, &kind, &infos, &index, error) ||
      !check_item (kind, label, dimension, error))
    goto failed;
  if (kind == FID_SURVEY_SERVQUAL && fid_servqual_dimension_from_key (dimension, &new_dimension) &&
      g_array_index (infos, FidSurveyItemInfo, index).dimension != (int) new_dimension &&
      !rehome_weights (self, survey_id, infos, index, error))
    goto failed;

  trimmed = g_strstrip (g_strdup (label));
  stmt = fid_store_prepare (self, "UPDATE survey_items SET label = ?2, dimension = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  fid_sqlite_bind_text_or_null (stmt, 3, dimension);
  if (!fid_store_step_write (self, stmt, _("save the survey question"), error) ||
      !fid_store_audit (self, "update", "survey_item", item_id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

/* Gives the items @ids (every item of the survey) positions 1..n. */
static gboolean
renumber (FidStore      *self,
          gint64         survey_id,
          const gint64  *ids,
          gsize          n,
          GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = fid_store_prepare (self, "UPDATE survey_items SET position = -position WHERE survey_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  if (!fid_store_step_write (self, stmt, _("reorder the survey’s questions"), error))
    return FALSE;

  for (gsize i = 0; i < n; i++)
    {
      stmt = fid_store_prepare (self, "UPDATE survey_items SET position = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      sqlite3_bind_int64 (stmt, 2, (gint64) i + 1);
      if (!fid_store_step_write (self, stmt, _("reorder the survey’s questions"), error))
        return FALSE;
    }
  return TRUE;
}

static GArray *
ids_of (GArray *infos)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), infos->len);

  for (guint i = 0; i < infos->len; i++)
    g_array_append_val (ids, g_array_index (infos, FidSurveyItemInfo, i).id);
  return ids;
}

gboolean
fid_store_delete_survey_item (FidStore  *self,
                              gint64     item_id,
                              GError   **error)
{
  g_autoptr(GArray) infos = NULL;
  g_autoptr(GArray) ids = NULL;
  FidSurveyKind kind;
  gint64 survey_id;
  sqlite3_stmt *stmt;
  int index;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  if (!get_item_context (self, item_id, &survey_id, &kind, &infos, &index, error) ||
      !rehome_weights (self, survey_id, infos, index, error))
    goto failed;
  stmt = fid_store_prepare (self, "DELETE FROM survey_items WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!fid_store_step_write (self, stmt, _("delete the survey question"), error))
    goto failed;

  g_array_remove_index (infos, index);
  ids = ids_of (infos);
  if (!renumber (self, survey_id, (gint64 *) (gpointer) ids->data, ids->len, error) ||
      !fid_store_audit (self, "delete", "survey_item", item_id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_store_move_survey_item (FidStore  *self,
                            gint64     item_id,
                            int        position,
                            GError   **error)
{
  g_autoptr(GArray) infos = NULL;
  g_autoptr(GArray) ids = NULL;
  FidSurveyKind kind;
  gint64 survey_id;
  int index;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  if (!get_item_context (self, item_id, &survey_id, &kind, &infos, &index, error))
    goto failed;
  ids = ids_of (infos);
  g_array_remove_index (ids, index);
  position = CLAMP (position, 1, (int) infos->len);
  g_array_insert_val (ids, position - 1, item_id);
  if (!renumber (self, survey_id, (gint64 *) (gpointer) ids->data, ids->len, error) ||
      !fid_store_audit (self, "reorder", "survey", survey_id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

gboolean
fid_store_reorder_survey_items (FidStore      *self,
                                gint64         survey_id,
                                const gint64  *item_ids,
                                gsize          n_item_ids,
                                GError       **error)
{
  g_autoptr(GArray) infos = NULL;
  g_autofree gboolean *seen = NULL;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (!fid_store_begin (self, error))
    return FALSE;
  if ((infos = fid_store_survey_get_item_infos (self, survey_id, error)) == NULL)
    goto failed;
  if (infos->len == 0 && !fid_store_survey_get_kind (self, survey_id, &(FidSurveyKind) { 0 }, error))
    goto failed;

  /* Each item of the survey exactly once: anything else would lose or
   * duplicate a position. */
  seen = g_new0 (gboolean, MAX (infos->len, 1));
  for (gsize i = 0; i < n_item_ids; i++)
    {
      int index = fid_survey_item_infos_find (infos, item_ids[i]);

      if (index < 0 || seen[index])
        {
          g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                       _("Question %" PRId64 " is not in survey %" PRId64 " or is there twice: "
                         "the new order must list each question of the survey once."),
                       item_ids[i], survey_id);
          goto failed;
        }
      seen[index] = TRUE;
    }
  if (n_item_ids != infos->len)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("The new order lists %" PRIu64 " questions but the survey has %u."),
                   (guint64) n_item_ids, infos->len);
      goto failed;
    }
  if (!renumber (self, survey_id, item_ids, n_item_ids, error) ||
      !fid_store_audit (self, "reorder", "survey", survey_id, NULL, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}
