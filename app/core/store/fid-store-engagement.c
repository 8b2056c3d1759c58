/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: what the engagement score reads and where it is cached (the
 * formula is in app/core/analytics/fid-engagement.c).
 *
 * The refresh over a whole bank is one sequential pass per source table
 * (customer_stats, interactions, campaign_targets, survey_responses,
 * referrals), each adding into flat arrays indexed by customer id, then
 * one write transaction that updates only the scores that changed. No
 * per-customer query: a million customers would mean a million index
 * probes per table. */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fid-store-audit.h"
#include "fid-store-loyalty-private.h"
#include "fid-store-private.h"

gboolean
fid_store_engagement_get_weights (FidStore              *self,
                                  FidEngagementWeights  *weights,
                                  GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);

  fid_engagement_weights_init_default (weights);
  stmt = fid_store_prepare (self, "SELECT name, value FROM engagement_weights", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double *field = fid_engagement_weight_field (weights, fid_sqlite_text (stmt, 0));

      if (field != NULL)
        *field = sqlite3_column_double (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the engagement weights"));
      return FALSE;
    }
  return TRUE;
}

gboolean
fid_store_engagement_set_weight (FidStore    *self,
                                 const char  *name,
                                 double       value,
                                 GError     **error)
{
  FidEngagementWeights weights;
  g_autofree char *details = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  if (fid_engagement_weight_field (&weights, name) == NULL)
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("“%s” is not an engagement weight."), name ? name : "");
      return FALSE;
    }
  if (!(value >= 0 && value <= 100000))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                   _("A weight is a number from 0 to 100,000."));
      return FALSE;
    }
  if ((g_str_equal (name, "recency_days") || g_str_equal (name, "window_days")) && value < 1)
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                           _("A number of days is at least 1."));
      return FALSE;
    }
  if (!fid_store_begin (self, error))
    return FALSE;
  stmt = fid_store_prepare (self, "INSERT INTO engagement_weights (name, value) VALUES (?1, ?2)"
                                  " ON CONFLICT (name) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 2, value);
  g_ascii_dtostr (number, sizeof number, value);
  details = g_strdup_printf ("{\"weight\":\"%s\",\"value\":%s}", name, number);
  if (!fid_store_step_write (self, stmt, _("change the engagement weights"), error) ||
      !fid_store_audit_append (self, "update", "engagement_weights", 0, details, error) ||
      !fid_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

/* Day number of a YYYY-MM-DD prefix (days from civil, proleptic
 * Gregorian), or G_MININT32 when @text does not start with a date. Fast:
 * called once per interaction of the bank. */
static gint32
day_number (const char *text)
{
  int y, m, d, era;
  unsigned yoe, doy, doe;

  if (text == NULL || strlen (text) < 10 || text[4] != '-' || text[7] != '-')
    return G_MININT32;
  y = atoi (text);
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  if (m < 1 || m > 12 || d < 1 || d > 31)
    return G_MININT32;
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (unsigned) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint32) doe;
}

/* [@lo, @hi): the window's first day and the day after @as_of. */
static void
window_bounds (const char *as_of,
               double      window_days,
               char        lo[16],
               char        hi[16])
{
  GDate d;

  fid_parse_iso_date (as_of, &d);
  g_date_add_days (&d, 1);
  g_date_strftime (hi, 16, "%Y-%m-%d", &d);
  g_date_subtract_days (&d, (guint) MAX (1.0, window_days));
  g_date_strftime (lo, 16, "%Y-%m-%d", &d);
}

typedef enum
{
  SOURCE_INTERACTIONS,
  SOURCE_RESPONSES,
  SOURCE_SURVEYS,
  SOURCE_REFERRALS,
  N_SOURCES,
} Source;

/* Each source in the window: customer id, then what it adds. ?1 and ?2
 * are the window, ?3 the customer for one customer's inputs. */
#define ONE " AND customer_id = ?3"
static const char * const source_sql[N_SOURCES][2] = {
  { "SELECT customer_id, channel, 0 FROM interactions WHERE status = 'done' AND at >= ?1 AND at < ?2",
    "SELECT customer_id, channel, 0 FROM interactions WHERE status = 'done' AND at >= ?1 AND at < ?2" ONE },
  { "SELECT customer_id, NULL, 0 FROM campaign_targets WHERE responded_at >= ?1 AND responded_at < ?2",
    "SELECT customer_id, NULL, 0 FROM campaign_targets WHERE responded_at >= ?1 AND responded_at < ?2" ONE },
  { "SELECT customer_id, NULL, 0 FROM survey_responses"
    " WHERE customer_id IS NOT NULL AND answered_at >= ?1 AND answered_at < ?2",
    "SELECT customer_id, NULL, 0 FROM survey_responses"
    " WHERE customer_id IS NOT NULL AND answered_at >= ?1 AND answered_at < ?2" ONE },
  { "SELECT referrer_id, NULL, converted_on IS NOT NULL FROM referrals WHERE referred_on >= ?1 AND referred_on < ?2",
    "SELECT referrer_id, NULL, converted_on IS NOT NULL FROM referrals"
    " WHERE referred_on >= ?1 AND referred_on < ?2 AND referrer_id = ?3" },
};
#undef ONE

static inline void
bump (guint16 *count)
{
  if (*count < G_MAXUINT16)
    (*count)++;
}

/* Adds each source's rows into @inputs (indexed by customer id minus
 * @base; ids outside [base, base + len) are skipped). */
static gboolean
add_sources (FidStore             *self,
             FidEngagementInputs  *inputs,
             gint64                base,
             gsize                 len,
             gint64                one_customer,
             const char           *lo,
             const char           *hi,
             GCancellable         *cancellable,
             GError              **error)
{
  for (Source s = 0; s < N_SOURCES; s++)
    {
      sqlite3_stmt *stmt = fid_store_prepare (self, source_sql[s][one_customer > 0], error);
      guint64 n = 0;
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, lo, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, hi, -1, SQLITE_TRANSIENT);
      if (one_customer > 0)
        sqlite3_bind_int64 (stmt, 3, one_customer);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0) - base;
          FidEngagementInputs *in;

          if ((++n & 0xffff) == 0 && g_cancellable_is_cancelled (cancellable))
            break;
          if (id < 0 || (gsize) id >= len)
            continue;
          in = &inputs[id];
          switch (s)
            {
            case SOURCE_INTERACTIONS:
              bump (&in->n_channel[fid_engagement_channel_from_name ((const char *) sqlite3_column_text (stmt, 1))]);
              break;
            case SOURCE_RESPONSES:
              bump (&in->n_responses);
              break;
            case SOURCE_SURVEYS:
              bump (&in->n_surveys);
              break;
            case SOURCE_REFERRALS:
              bump (&in->n_referrals);
              if (sqlite3_column_int (stmt, 2))
                bump (&in->n_converted);
              break;
            case N_SOURCES:
            default:
              break;
            }
        }
      sqlite3_reset (stmt);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (rc != SQLITE_DONE)
        {
          fid_store_set_sqlite_error (self, error, rc, _("compute the engagement scores"));
          return FALSE;
        }
    }
  return TRUE;
}

static void
set_recency (FidEngagementInputs *in,
             const char          *last_contact_at,
             gint32               as_of_day)
{
  gint32 day = day_number (last_contact_at);

  /* A contact dated after the as-of date counts as that day. */
  in->days_since_contact = day == G_MININT32 ? -1 : MAX (0, as_of_day - day);
}

gboolean
fid_store_engagement_get_inputs (FidStore             *self,
                                 gint64                customer_id,
                                 const char           *as_of,
                                 double                window_days,
                                 FidEngagementInputs  *inputs,
                                 GError              **error)
{
  char lo[16], hi[16];
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);
  g_return_val_if_fail (inputs != NULL, FALSE);

  memset (inputs, 0, sizeof *inputs);
  if (!fid_parse_iso_date (as_of, NULL))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)."), as_of ? as_of : "");
      return FALSE;
    }
  stmt = fid_store_prepare (self, "SELECT c.lifecycle_stage = 'prospect', s.last_contact_at"
                                  " FROM customers c JOIN customer_stats s ON s.customer_id = c.id"
                                  " WHERE c.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!fid_store_step_row (self, stmt, _("compute the engagement score"), error,
                           _("There is no customer number %" PRId64 "."), customer_id))
    return FALSE;
  inputs->customer_id = customer_id;
  inputs->exists = TRUE;
  inputs->is_prospect = sqlite3_column_int (stmt, 0) != 0;
  set_recency (inputs, fid_sqlite_text (stmt, 1), day_number (as_of));
  sqlite3_reset (stmt);
  window_bounds (as_of, window_days, lo, hi);
  return add_sources (self, inputs, customer_id, 1, customer_id, lo, hi, NULL, error);
}

/* Every customer's inputs, dense by id (element i is id min_id + i, with
 * exists FALSE for ids no customer has). @old (may be NULL) gets, at the
 * same index, the cached score with the unqualified flag in bit 7. */
static GArray *
collect (FidStore      *self,
         const char    *as_of,
         double         window_days,
         GByteArray   **old,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GArray) inputs = NULL;
  g_autoptr(GByteArray) scores = NULL;
  gint32 as_of_day = day_number (as_of);
  gint64 bounds[2] = { 0, 0 };
  char lo[16], hi[16];
  sqlite3_stmt *stmt;
  gsize len;
  int rc;

  stmt = fid_store_prepare (self, "SELECT coalesce (min (id), 1), coalesce (max (id), 0) FROM customers", error);
  if (stmt == NULL)
    return NULL;
  if (!fid_store_step_row (self, stmt, _("compute the engagement scores"), error, _("Nothing found.")))
    return NULL;
  bounds[0] = sqlite3_column_int64 (stmt, 0);
  bounds[1] = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  len = bounds[1] >= bounds[0] ? (gsize) (bounds[1] - bounds[0] + 1) : 0;
  inputs = g_array_sized_new (FALSE, TRUE, sizeof (FidEngagementInputs), len);
  g_array_set_size (inputs, len);
  scores = g_byte_array_sized_new (len);
  g_byte_array_set_size (scores, len);

  stmt = fid_store_prepare (self, "SELECT customer_id, last_contact_at, engagement_score,"
                                  " engagement_unqualified FROM customer_stats", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 i = sqlite3_column_int64 (stmt, 0) - bounds[0];
      FidEngagementInputs *in;

      if (i < 0 || (gsize) i >= len)
        continue;
      in = &g_array_index (inputs, FidEngagementInputs, i);
      in->customer_id = i + bounds[0];
      in->exists = TRUE;
      set_recency (in, (const char *) sqlite3_column_text (stmt, 1), as_of_day);
      scores->data[i] = (guint8) (sqlite3_column_int (stmt, 2) | (sqlite3_column_int (stmt, 3) ? 0x80 : 0));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("compute the engagement scores"));
      return NULL;
    }

  /* The lifecycle index holds the id: prospects without reading customers. */
  stmt = fid_store_prepare (self, "SELECT id FROM customers WHERE lifecycle_stage = 'prospect'", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 i = sqlite3_column_int64 (stmt, 0) - bounds[0];

      if (i >= 0 && (gsize) i < len)
        g_array_index (inputs, FidEngagementInputs, i).is_prospect = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("compute the engagement scores"));
      return NULL;
    }

  window_bounds (as_of, window_days, lo, hi);
  if (!add_sources (self, (FidEngagementInputs *) (void *) inputs->data, bounds[0], len, 0,
                    lo, hi, cancellable, error))
    return NULL;
  if (old != NULL)
    *old = g_steal_pointer (&scores);
  return g_steal_pointer (&inputs);
}

GArray *
fid_store_engagement_collect (FidStore      *self,
                              const char    *as_of,
                              double         window_days,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  if (!fid_parse_iso_date (as_of, NULL))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)."), as_of ? as_of : "");
      return NULL;
    }
  return collect (self, as_of, window_days, NULL, cancellable, error);
}

gboolean
fid_store_engagement_refresh (FidStore      *self,
                              const char    *as_of,
                              GCancellable  *cancellable,
                              gint64        *n_changed,
                              GError       **error)
{
  return fid_loyalty_engagement_refresh (self, as_of, cancellable, n_changed, TRUE, error);
}

gboolean
fid_loyalty_engagement_refresh (FidStore      *self,
                                const char    *as_of,
                                GCancellable  *cancellable,
                                gint64        *n_changed,
                                gboolean       audit,
                                GError       **error)
{
  FidEngagementWeights weights;
  g_autoptr(GArray) inputs = NULL;
  g_autoptr(GByteArray) old = NULL;
  g_autofree char *date = NULL;
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  gint64 changed = 0;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  date = as_of ? g_strdup (as_of) : fid_store_today_iso ();
  if (!fid_parse_iso_date (date, NULL))
    {
      g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_DATE,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)."), date);
      return FALSE;
    }
  /* Read outside the write transaction: other programs keep writing
   * while the passes run; what they add is scored at the next refresh. */
  if (!fid_store_engagement_get_weights (self, &weights, error) ||
      (inputs = collect (self, date, weights.window_days, &old, cancellable, error)) == NULL)
    return FALSE;

  if (!fid_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < inputs->len; i++)
    {
      const FidEngagementInputs *in = &g_array_index (inputs, FidEngagementInputs, i);
      int score;
      gboolean unqualified;

      if (!in->exists)
        continue;
      score = fid_engagement_score (&weights, in, NULL);
      unqualified = fid_engagement_is_unqualified (in);
      if (old->data[i] == (guint8) (score | (unqualified ? 0x80 : 0)))
        continue;
      stmt = fid_store_prepare (self, "UPDATE customer_stats SET engagement_score = ?2,"
                                      " engagement_unqualified = ?3 WHERE customer_id = ?1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, in->customer_id);
      sqlite3_bind_int (stmt, 2, score);
      sqlite3_bind_int (stmt, 3, unqualified ? 1 : 0);
      if (!fid_store_step_write (self, stmt, _("save the engagement scores"), error))
        goto failed;
      changed++;
    }
  stmt = fid_store_prepare (self, "UPDATE loyalty_settings SET engagement_as_of = ?1 WHERE id = 1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("save the engagement scores"), error))
    goto failed;
  details = g_strdup_printf ("{\"as_of\":\"%s\",\"changed\":%" G_GINT64_FORMAT "}", date, changed);
  if ((audit && !fid_store_audit_append (self, "refresh", "engagement", 0, details, error)) ||
      !fid_store_commit (self, error))
    goto failed;
  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;

failed:
  fid_store_rollback (self);
  return FALSE;
}

char *
fid_store_engagement_dup_as_of (FidStore  *self,
                                GError   **error)
{
  sqlite3_stmt *stmt;
  char *as_of;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = fid_store_prepare (self, "SELECT coalesce (engagement_as_of, '') FROM loyalty_settings WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  if (!fid_store_step_row (self, stmt, _("read the engagement scores"), error, _("Nothing found.")))
    return NULL;
  as_of = g_strdup (fid_sqlite_text (stmt, 0));
  sqlite3_reset (stmt);
  return as_of;
}

char *
fid_store_engagement_explain (FidStore  *self,
                              gint64     customer_id,
                              const char *as_of,
                              GError   **error)
{
  FidEngagementWeights weights;
  FidEngagementInputs inputs;
  g_autofree char *date = NULL;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  date = as_of ? g_strdup (as_of) : fid_store_today_iso ();
  if (!fid_store_engagement_get_weights (self, &weights, error) ||
      !fid_store_engagement_get_inputs (self, customer_id, date, weights.window_days, &inputs, error))
    return NULL;
  return fid_engagement_explain (&weights, &inputs);
}

GArray *
fid_store_engagement_list_ids (FidStore  *self,
                               int        min_score,
                               int        max_score,
                               gboolean   unqualified_only,
                               GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  /* The (engagement_score, customer_id) index gives the range directly. */
  stmt = fid_store_prepare (self, "SELECT customer_id FROM customer_stats"
                                  " WHERE engagement_score BETWEEN ?1 AND ?2 AND (NOT ?3 OR engagement_unqualified)"
                                  " ORDER BY engagement_score DESC, customer_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, min_score);
  sqlite3_bind_int (stmt, 2, max_score);
  sqlite3_bind_int (stmt, 3, unqualified_only ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the engagement scores"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}
