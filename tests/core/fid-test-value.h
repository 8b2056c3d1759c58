/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Fixture helpers of test-value.c: rows written into a store with SQL of
 * their own (never the store's code), and segmentations rendered one line
 * per row. */

#include <glib.h>
#include <stdio.h>

#include "fid-test-util.h"
#include "fid-value.h"

#define AS_OF    20634          /* 2026-06-30 */
#define AS_OF_S  "2026-06-30"

#include "fid-test-columns.h"

/* The date @offset days from AS_OF, YYYY-MM-DD. */
static char *
day_iso (int offset)
{
  return fid_day_to_iso (AS_OF + offset);
}

/* Runs printf-style SQL on the store's file. */
static void G_GNUC_PRINTF (2, 3)
sql (FidStore   *store,
     const char *format,
     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  fid_test_exec_raw (fid_store_get_path (store), text);
}

/* A customer row; @birth and @income may be "NULL". */
static void
customer (FidStore   *store,
          gint64      id,
          const char *kind,
          const char *birth,
          const char *income,
          int         flags)
{
  sql (store,
       "INSERT INTO customers (id, kind, last_name, sort_name, birth_date, annual_income_cents,"
       " is_reference, is_fast_growing, other_division, created_at, updated_at)"
       " VALUES (%" G_GINT64_FORMAT ", '%s', 'Client', 'client', %s, %s, %d, %d, %d,"
       " '2015-01-01T09:00:00', '2015-01-01T09:00:00')",
       id, kind, birth, income, flags & 1, (flags >> 1) & 1, (flags >> 2) & 1);
}

static void
interaction (FidStore   *store,
             gint64      id,
             const char *channel,
             const char *at,
             const char *status)
{
  sql (store,
       "INSERT INTO interactions (customer_id, channel, direction, at, status)"
       " VALUES (%" G_GINT64_FORMAT ", '%s', 'inbound', '%s', '%s')", id, channel, at, status);
}

/* @resolved_at: "NULL" or a quoted date-time. */
static void
ticket (FidStore   *store,
        gint64      id,
        const char *kind,
        const char *status,
        const char *opened_at,
        const char *resolved_at)
{
  sql (store,
       "INSERT INTO tickets (customer_id, kind, subject, status, opened_at, resolved_at)"
       " VALUES (%" G_GINT64_FORMAT ", '%s', 'Sujet', '%s', '%s', %s)", id, kind, status, opened_at, resolved_at);
}

/* Surveys 1 (NPS), 2 (CSAT) and 3 (Kano, never read here), one item each
 * (item id = survey id). */
static void
surveys (FidStore *store)
{
  sql (store,
       "INSERT INTO surveys (id, kind, title, created_at) VALUES"
       " (1, 'nps', 'NPS', '2024-01-01T09:00:00'), (2, 'csat', 'CSAT', '2024-01-01T09:00:00'),"
       " (3, 'kano', 'Kano', '2024-01-01T09:00:00');"
       "INSERT INTO survey_items (id, survey_id, position, label) VALUES"
       " (1, 1, 1, 'Recommend?'), (2, 2, 1, 'Satisfied?'), (3, 3, 1, 'Feature');");
}

/* One response of @id (0: anonymous) to @survey (1 NPS, 2 CSAT, 3 Kano), answered at
 * @at, scoring @value; @response is its id (the tie-break). */
static void
answer (FidStore   *store,
        gint64      response,
        gint64      id,
        int         survey,
        const char *at,
        int         value)
{
  char customer_id[32] = "NULL";

  if (id > 0)
    g_snprintf (customer_id, sizeof customer_id, "%" G_GINT64_FORMAT, id);
  sql (store,
       "INSERT INTO survey_responses (id, survey_id, customer_id, answered_at)"
       " VALUES (%" G_GINT64_FORMAT ", %d, %s, '%s');"
       "INSERT INTO survey_answers (response_id, item_id, part, value)"
       " VALUES (%" G_GINT64_FORMAT ", %d, 'score', %d)",
       response, survey, customer_id, at, response, survey, value);
}

/* "id|columns…|segment" per row; reals with 4 decimals. */
static char *
render_values (FidSegmentation *s)
{
  GString *out = g_string_new (NULL);
  guint n_columns = fid_segmentation_get_n_columns (s);
  const gint64 *ids = fid_segmentation_get_ids (s);
  const guint8 *segments = fid_segmentation_get_segments (s);

  for (gsize i = 0; i < fid_segmentation_get_size (s); i++)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, ids[i]);
      for (guint c = 0; c < n_columns; c++)
        if (fid_segmentation_get_column_type (s, c) == FID_COLUMN_INT)
          g_string_append_printf (out, "|%" G_GINT64_FORMAT, fid_segmentation_get_int_column (s, c)[i]);
        else
          g_string_append_printf (out, "|%.4f", fid_segmentation_get_double_column (s, c)[i]);
      g_string_append_printf (out, "|%s\n", fid_segmentation_get_segment_key (s, segments[i]));
    }
  return g_string_free (out, FALSE);
}

static void
assert_column_names (FidSegmentation    *s,
                     const char * const *names)
{
  g_assert_cmpuint (fid_segmentation_get_n_columns (s), ==, g_strv_length ((char **) names));
  for (guint c = 0; names[c] != NULL; c++)
    g_assert_cmpstr (fid_segmentation_get_column_name (s, c), ==, names[c]);
}

static double
extra_double (FidSegmentation *s,
              const char      *name)
{
  GVariant *value = fid_segmentation_get_extra (s, name);

  g_assert_nonnull (value);
  return g_variant_get_double (value);
}
