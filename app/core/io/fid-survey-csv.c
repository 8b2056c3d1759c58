/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading survey CSV files (issue 6): the Kano, SERVQUAL, weights and
 * score formats of fid-survey-csv.h, checked line by line.
 *
 * Every line is checked even after a bad one, so that the trainer fixes
 * the whole file in one pass; a line reports its first problem only (a
 * missing column would otherwise bring a cascade). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "fid-csv.h"
#include "fid-survey-csv-private.h"

/* Problems */

void
fid_survey_csv_problem_free (FidSurveyCsvProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->reason);
  g_free (problem);
}

char *
fid_survey_csv_problem_to_string (const FidSurveyCsvProblem *problem)
{
  return g_strdup_printf (_("line %u, column %u: %s"), problem->line, problem->column, problem->reason);
}

GPtrArray *
fid_survey_csv_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) fid_survey_csv_problem_free);
}

void
fid_survey_csv_add_problem (GPtrArray        *problems,
                            FidSurveyCsvFile  file,
                            guint             line,
                            guint             column,
                            const char       *format,
                            ...)
{
  FidSurveyCsvProblem *problem = g_new0 (FidSurveyCsvProblem, 1);
  va_list args;

  problem->file = file;
  problem->line = line;
  problem->column = column;
  va_start (args, format);
  problem->reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, problem);
}

void
fid_survey_csv_row_free (FidSurveyCsvRow *row)
{
  if (row == NULL)
    return;
  g_free (row->respondent);
  g_free (row->key);
  g_free (row->date);
  g_free (row);
}

/* Checking one file */

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

typedef struct
{
  FidSurveyCsvFile  file;
  GPtrArray        *problems;
  const char * const *columns;   /* the format's column names */
  guint             min_columns;
  guint             max_columns;
} Format;

/* fid_csv_parse says a quote is never closed but not where it opened:
 * find the line and column (field) of the last quote left open. */
static void
locate_open_quote (const char *text,
                   gsize       length,
                   guint      *line,
                   guint      *column)
{
  gboolean quoted = FALSE;
  guint l = 1, c = 1;
  char separator = ',';
  const char *eol = memchr (text, '\n', length);
  gsize first = eol != NULL ? (gsize) (eol - text) : length;
  guint commas = 0, semicolons = 0;

  for (gsize i = 0; i < first; i++)
    commas += text[i] == ',', semicolons += text[i] == ';';
  if (semicolons > commas)
    separator = ';';

  *line = *column = 1;
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '"')
        {
          if (!quoted)
            *line = l, *column = c;
          quoted = !quoted;
        }
      else if (text[i] == '\n')
        l++, c = quoted ? c : 1;
      else if (text[i] == separator && !quoted)
        c++;
    }
}

/* The records after the header, or NULL with a problem when the file is
 * empty, unreadable, or starts with answers instead of a header. */
static GPtrArray *
read_records (const Format *format,
              const char   *text,
              gssize        length,
              guint         numeric_column)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  FidCsvRecord *header;
  gsize len = length < 0 ? (text != NULL ? strlen (text) : 0) : (gsize) length;
  gint64 number;

  if (text == NULL)
    text = "";
  records = fid_csv_parse (text, len, &error);
  if (records == NULL)
    {
      guint line = 1, column = 1;

      if (g_utf8_validate_len (text, len, NULL))
        {
          locate_open_quote (text, len, &line, &column);
          fid_survey_csv_add_problem (format->problems, format->file, line, column,
                                      _("a quoted field is never closed"));
        }
      else
        fid_survey_csv_add_problem (format->problems, format->file, 1, 1,
                                    _("the file is not UTF-8 text: save it as “CSV UTF-8”"));
      return NULL;
    }
  if (records->len == 0)
    {
      fid_survey_csv_add_problem (format->problems, format->file, 1, 1, _("the file is empty"));
      return NULL;
    }

  /* A file whose first line holds a number where the answers are forgot
   * its header: reading it as one would silently drop the first answer. */
  header = g_ptr_array_index (records, 0);
  if (g_strv_length (header->fields) > numeric_column)
    {
      g_autofree char *field = g_strstrip (g_strdup (header->fields[numeric_column]));

      if (g_ascii_string_to_signed (field, 10, G_MININT64, G_MAXINT64, &number, NULL))
        {
          g_autofree char *names = g_strjoinv (",", (char **) format->columns);

          fid_survey_csv_add_problem (format->problems, format->file, header->line, numeric_column + 1,
                                      _("the first line holds answers: it must be the header line (%s)"),
                                      names);
          return NULL;
        }
    }
  if (records->len == 1)
    {
      fid_survey_csv_add_problem (format->problems, format->file, header->line, 1,
                                  _("the file is empty: it has a header line but no answers"));
      return NULL;
    }
  g_ptr_array_remove_index (records, 0);
  return g_steal_pointer (&records);
}

/* Checks the number of fields and the respondent of @record. */
static gboolean
check_shape (const Format       *format,
             const FidCsvRecord *record)
{
  guint n = g_strv_length (record->fields);

  if (n < format->min_columns)
    {
      fid_survey_csv_add_problem (format->problems, format->file, record->line, n + 1,
                                  _("missing column: %s"), format->columns[n]);
      return FALSE;
    }
  if (n > format->max_columns)
    {
      fid_survey_csv_add_problem (format->problems, format->file, record->line, format->max_columns + 1,
                                  _("too many columns: expected at most %u"), format->max_columns);
      return FALSE;
    }
  if (is_blank (record->fields[0]))
    {
      fid_survey_csv_add_problem (format->problems, format->file, record->line, 1,
                                  _("missing respondent: the column is empty"));
      return FALSE;
    }
  return TRUE;
}

/* Reads the integer of column @column (0-based) into @value. An empty
 * optional column gives @value 0 and TRUE. */
static gboolean
check_int (const Format       *format,
           const FidCsvRecord *record,
           guint               column,
           const char         *what,
           int                 min,
           int                 max,
           gboolean            optional,
           int                *value)
{
  const char *raw = g_strv_length (record->fields) > column ? record->fields[column] : NULL;
  g_autofree char *field = g_strstrip (g_strdup (raw != NULL ? raw : ""));
  gint64 number;
  char *end;

  *value = 0;
  if (*field == '\0')
    {
      if (optional)
        return TRUE;
      fid_survey_csv_add_problem (format->problems, format->file, record->line, column + 1,
                                  _("missing %s: the column is empty"), what);
      return FALSE;
    }
  if (!g_ascii_string_to_signed (field, 10, G_MININT64, G_MAXINT64, &number, NULL))
    {
      /* "4.5" or "4,5": a number, but answers are whole points of a scale. */
      g_ascii_strtod (field, &end);
      if (end != field && *end == '\0')
        fid_survey_csv_add_problem (format->problems, format->file, record->line, column + 1,
                                    _("%s “%s” is not a whole number"), what, field);
      else
        fid_survey_csv_add_problem (format->problems, format->file, record->line, column + 1,
                                    _("%s “%s” is not a number"), what, field);
      return FALSE;
    }
  if (number < min || number > max)
    {
      fid_survey_csv_add_problem (format->problems, format->file, record->line, column + 1,
                                  _("%s %" PRId64 " is out of range (%d to %d)"), what, number, min, max);
      return FALSE;
    }
  *value = (int) number;
  return TRUE;
}

/* Reports @key of @respondent when the file had it before; keeps it. */
static gboolean
check_duplicate (const Format       *format,
                 GHashTable         *seen,
                 const FidCsvRecord *record,
                 guint               column,
                 const char         *respondent,
                 const char         *key,
                 const char         *shown)
{
  g_autofree char *folded = g_utf8_casefold (key, -1);
  char *full = g_strconcat (respondent, "\x1f", folded, NULL);
  gpointer line;

  if (g_hash_table_lookup_extended (seen, full, NULL, &line))
    {
      fid_survey_csv_add_problem (format->problems, format->file, record->line, column + 1,
                                  _("duplicate: respondent “%s” already answered “%s” on line %u"),
                                  respondent, shown, GPOINTER_TO_UINT (line));
      g_free (full);
      return FALSE;
    }
  g_hash_table_insert (seen, full, GUINT_TO_POINTER (record->line));
  return TRUE;
}

static FidSurveyCsvRow *
new_row (const FidCsvRecord *record)
{
  FidSurveyCsvRow *row = g_new0 (FidSurveyCsvRow, 1);

  row->line = record->line;
  row->respondent = g_strstrip (g_strdup (record->fields[0]));
  return row;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const FidSurveyCsvProblem *x = *(FidSurveyCsvProblem * const *) a;
  const FidSurveyCsvProblem *y = *(FidSurveyCsvProblem * const *) b;

  if (x->file != y->file)
    return x->file < y->file ? -1 : 1;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return (x->column > y->column) - (x->column < y->column);
}

/* @rows, or NULL when problems were found; the report in file order (the
 * weights' sums are found after the lines that follow them). */
static GPtrArray *
finish (GPtrArray *rows,
        GPtrArray *problems,
        guint      n_problems_before)
{
  if (problems->len > n_problems_before)
    {
      g_ptr_array_sort (problems, compare_problems);
      g_ptr_array_unref (rows);
      return NULL;
    }
  return rows;
}

/* Kano */

static const char * const kano_columns[] = {
  "respondent", "feature", "functional", "dysfunctional", "importance", NULL
};

GPtrArray *
fid_survey_csv_parse_kano (const char *text,
                           gssize      length,
                           GPtrArray  *problems)
{
  Format format = { FID_SURVEY_CSV_ANSWERS, problems, kano_columns, 4, 5 };
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_survey_csv_row_free);
  guint before = problems->len;

  if ((records = read_records (&format, text, length, 2)) == NULL)
    return finish (rows, problems, before);

  for (guint i = 0; i < records->len; i++)
    {
      const FidCsvRecord *record = g_ptr_array_index (records, i);
      g_autoptr(FidSurveyCsvRow) row = NULL;

      if (!check_shape (&format, record))
        continue;
      row = new_row (record);
      row->key = g_strstrip (g_strdup (record->fields[1]));
      if (*row->key == '\0')
        {
          fid_survey_csv_add_problem (problems, format.file, record->line, 2,
                                      _("missing feature: the column is empty"));
          continue;
        }
      if (check_int (&format, record, 2, "functional", 1, 5, FALSE, &row->values[0]) &&
          check_int (&format, record, 3, "dysfunctional", 1, 5, FALSE, &row->values[1]) &&
          check_int (&format, record, 4, "importance", 1, 9, TRUE, &row->values[2]) &&
          check_duplicate (&format, seen, record, 1, row->respondent, row->key, row->key))
        g_ptr_array_add (rows, g_steal_pointer (&row));
    }
  return finish (rows, problems, before);
}

FidKanoData *
fid_survey_csv_read_kano (const char *text,
                          gssize      length,
                          GPtrArray  *problems)
{
  g_autoptr(GPtrArray) rows = fid_survey_csv_parse_kano (text, length, problems);
  g_autoptr(GHashTable) features = NULL;
  g_autoptr(GPtrArray) names = NULL;
  FidKanoData *data;

  if (rows == NULL)
    return NULL;

  /* Features in the order they first appear, matched without case. */
  features = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names = g_ptr_array_new ();
  data = fid_kano_data_new ();
  for (guint i = 0; i < rows->len; i++)
    {
      const FidSurveyCsvRow *row = g_ptr_array_index (rows, i);
      char *folded = g_utf8_casefold (row->key, -1);
      gpointer index;
      FidKanoAnswer answer;

      if (!g_hash_table_lookup_extended (features, folded, NULL, &index))
        {
          index = GUINT_TO_POINTER (names->len);
          g_hash_table_insert (features, folded, index);
          g_ptr_array_add (names, g_strdup (row->key));
        }
      else
        g_free (folded);
      answer.feature = GPOINTER_TO_UINT (index);
      answer.functional = (guint8) row->values[0];
      answer.dysfunctional = (guint8) row->values[1];
      answer.importance = (guint8) row->values[2];
      g_array_append_val (data->answers, answer);
    }
  g_ptr_array_add (names, NULL);
  g_strfreev (data->features);
  data->features = (char **) g_ptr_array_steal (names, NULL);
  return data;
}

/* SERVQUAL */

static const char * const servqual_columns[] = {
  "respondent", "item", "expectation", "perception", NULL
};
static const char * const weights_columns[] = { "respondent", "dimension", "points", NULL };

GPtrArray *
fid_survey_csv_parse_servqual (const char *text,
                               gssize      length,
                               guint       n_items,
                               GPtrArray  *problems)
{
  Format format = { FID_SURVEY_CSV_ANSWERS, problems, servqual_columns, 4, 4 };
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_survey_csv_row_free);
  guint before = problems->len;

  if ((records = read_records (&format, text, length, 2)) == NULL)
    return finish (rows, problems, before);

  for (guint i = 0; i < records->len; i++)
    {
      const FidCsvRecord *record = g_ptr_array_index (records, i);
      g_autoptr(FidSurveyCsvRow) row = NULL;
      g_autofree char *item = NULL;
      gint64 number;

      if (!check_shape (&format, record))
        continue;
      row = new_row (record);
      item = g_strstrip (g_strdup (record->fields[1]));
      if (!g_ascii_string_to_signed (item, 10, 1, n_items, &number, NULL))
        {
          fid_survey_csv_add_problem (problems, format.file, record->line, 2,
                                      _("unknown item “%s”: items are numbered 1 to %u"), item, n_items);
          continue;
        }
      row->index = (int) number - 1;
      row->key = g_strdup_printf ("%d", (int) number);
      if (check_int (&format, record, 2, "expectation", 1, 7, FALSE, &row->values[0]) &&
          check_int (&format, record, 3, "perception", 1, 7, FALSE, &row->values[1]) &&
          check_duplicate (&format, seen, record, 1, row->respondent, row->key, row->key))
        g_ptr_array_add (rows, g_steal_pointer (&row));
    }
  return finish (rows, problems, before);
}

GPtrArray *
fid_survey_csv_parse_weights (const char *text,
                              gssize      length,
                              GPtrArray  *problems)
{
  Format format = { FID_SURVEY_CSV_WEIGHTS, problems, weights_columns, 3, 3 };
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) sums = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) last_lines = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) bad = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) respondents = g_ptr_array_new ();
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_survey_csv_row_free);
  guint before = problems->len;

  if ((records = read_records (&format, text, length, 2)) == NULL)
    return finish (rows, problems, before);

  for (guint i = 0; i < records->len; i++)
    {
      const FidCsvRecord *record = g_ptr_array_index (records, i);
      g_autoptr(FidSurveyCsvRow) row = NULL;
      FidServqualDimension dimension;
      guint n_problems = problems->len;

      if (!check_shape (&format, record))
        continue;
      row = new_row (record);
      row->key = g_strstrip (g_strdup (record->fields[1]));
      if (!fid_servqual_dimension_from_key (row->key, &dimension))
        {
          fid_survey_csv_add_problem (problems, format.file, record->line, 2,
                                      _("unknown dimension “%s”: expected tangibles, reliability, "
                                        "responsiveness, assurance or empathy (or 1 to 5)"), row->key);
          g_hash_table_add (bad, g_strdup (row->respondent));
          continue;
        }
      row->index = dimension;
      if (check_int (&format, record, 2, "points", 0, 100, FALSE, &row->values[0]) &&
          check_duplicate (&format, seen, record, 1, row->respondent,
                           fid_servqual_dimension_to_key (dimension), row->key))
        {
          FidSurveyCsvRow *kept = g_steal_pointer (&row);
          gpointer sum = g_hash_table_lookup (sums, kept->respondent);

          if (!g_hash_table_contains (sums, kept->respondent))
            g_ptr_array_add (respondents, kept->respondent);
          g_hash_table_insert (sums, kept->respondent, GINT_TO_POINTER (GPOINTER_TO_INT (sum) + kept->values[0]));
          g_hash_table_insert (last_lines, kept->respondent, GUINT_TO_POINTER (kept->line));
          g_ptr_array_add (rows, kept);
        }
      else if (problems->len > n_problems)
        g_hash_table_add (bad, g_strdup (row->respondent));
    }

  /* Checked once all the respondent's lines are read: the report names
   * the last one. A respondent with a bad line is left out: that line is
   * reported already, and its sum would be wrong because of it. */
  for (guint i = 0; i < respondents->len; i++)
    {
      const char *respondent = g_ptr_array_index (respondents, i);
      int sum = GPOINTER_TO_INT (g_hash_table_lookup (sums, respondent));

      if (sum != 100 && !g_hash_table_contains (bad, respondent))
        fid_survey_csv_add_problem (problems, format.file,
                                    GPOINTER_TO_UINT (g_hash_table_lookup (last_lines, respondent)), 3,
                                    _("the points of respondent “%s” add up to %d, not 100"),
                                    respondent, sum);
    }
  return finish (rows, problems, before);
}

/* Index of @respondent in @names, added when new. */
static guint
respondent_index (GHashTable *indexes,
                  const char *respondent)
{
  gpointer index;

  if (!g_hash_table_lookup_extended (indexes, respondent, NULL, &index))
    {
      index = GUINT_TO_POINTER (g_hash_table_size (indexes));
      g_hash_table_insert (indexes, g_strdup (respondent), index);
    }
  return GPOINTER_TO_UINT (index);
}

FidServqualData *
fid_survey_csv_read_servqual (const char *text,
                              gssize      length,
                              const char *weights_text,
                              gssize      weights_length,
                              GPtrArray  *problems)
{
  g_autoptr(GPtrArray) rows = fid_survey_csv_parse_servqual (text, length, FID_SERVQUAL_N_STANDARD_ITEMS, problems);
  g_autoptr(GPtrArray) weight_rows = NULL;
  g_autoptr(GHashTable) indexes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FidServqualData *data;

  /* Both files are checked, so that one report lists every problem. */
  if (weights_text != NULL)
    weight_rows = fid_survey_csv_parse_weights (weights_text, weights_length, problems);
  if (rows == NULL || (weights_text != NULL && weight_rows == NULL))
    return NULL;

  data = fid_servqual_data_new_standard ();
  for (guint i = 0; i < rows->len; i++)
    {
      const FidSurveyCsvRow *row = g_ptr_array_index (rows, i);
      FidServqualAnswer answer = { (guint) row->index, (guint8) row->values[0], (guint8) row->values[1] };

      respondent_index (indexes, row->respondent);
      g_array_append_val (data->answers, answer);
    }
  for (guint i = 0; weight_rows != NULL && i < weight_rows->len; i++)
    {
      const FidSurveyCsvRow *row = g_ptr_array_index (weight_rows, i);
      FidServqualWeight weight = { respondent_index (indexes, row->respondent),
                                   (FidServqualDimension) row->index, row->values[0] };

      g_array_append_val (data->weights, weight);
    }
  return data;
}

/* Scores */

static const char * const score_columns[] = { "respondent", "score", "customer_id", "date", NULL };
static const char * const score_date_columns[] = { "respondent", "score", "date", NULL };

static gboolean
all_digits (const char *text,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* YYYY-MM-DD, optionally followed by T or a space and HH:MM[:SS]: what
 * the store accepts for answered_at. */
static gboolean
is_valid_date (const char *text)
{
  gsize len = strlen (text);
  int year, month, day;

  if (len < 10 || !all_digits (text, 4) || text[4] != '-' || !all_digits (text + 5, 2) ||
      text[7] != '-' || !all_digits (text + 8, 2))
    return FALSE;
  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  if (len == 10)
    return TRUE;
  if ((len != 16 && len != 19) || (text[10] != 'T' && text[10] != ' ') ||
      !all_digits (text + 11, 2) || text[13] != ':' || !all_digits (text + 14, 2) ||
      atoi (text + 11) > 23 || atoi (text + 14) > 59)
    return FALSE;
  return len == 16 || (text[16] == ':' && all_digits (text + 17, 2) && atoi (text + 17) <= 59);
}

/* The third column is the customer, unless the header calls it a date
 * (a file of anonymous answers with their dates). */
static gboolean
third_column_is_date (const char *text,
                      gssize      length)
{
  g_autoptr(GPtrArray) records = fid_csv_parse (text, length < 0 ? strlen (text) : (gsize) length, NULL);
  FidCsvRecord *header;
  g_autofree char *name = NULL;

  if (records == NULL || records->len == 0)
    return FALSE;
  header = g_ptr_array_index (records, 0);
  if (g_strv_length (header->fields) != 3)
    return FALSE;
  name = g_strstrip (g_ascii_strdown (header->fields[2], -1));
  return g_str_equal (name, "date") || g_str_equal (name, "answered_at") || g_str_equal (name, "day");
}

GPtrArray *
fid_survey_csv_parse_scores (FidSurveyKind  kind,
                             const char    *text,
                             gssize         length,
                             GPtrArray     *problems)
{
  gboolean date_third = text != NULL && third_column_is_date (text, length);
  Format format = { FID_SURVEY_CSV_ANSWERS, problems,
                    date_third ? score_date_columns : score_columns, 2, date_third ? 3 : 4 };
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_survey_csv_row_free);
  guint before = problems->len;
  guint date_column = date_third ? 2 : 3;
  int min, max;

  if (!fid_score_scale (kind, &min, &max))
    g_return_val_if_reached (finish (rows, problems, before));
  if ((records = read_records (&format, text, length, 1)) == NULL)
    return finish (rows, problems, before);

  for (guint i = 0; i < records->len; i++)
    {
      const FidCsvRecord *record = g_ptr_array_index (records, i);
      g_autoptr(FidSurveyCsvRow) row = NULL;
      guint n = g_strv_length (record->fields);

      if (!check_shape (&format, record))
        continue;
      row = new_row (record);
      if (!check_int (&format, record, 1, "score", min, max, FALSE, &row->values[0]))
        continue;
      if (!date_third && n > 2)
        {
          g_autofree char *id = g_strstrip (g_strdup (record->fields[2]));

          if (*id != '\0' && !g_ascii_string_to_signed (id, 10, 1, G_MAXINT64, &row->customer_id, NULL))
            {
              fid_survey_csv_add_problem (problems, format.file, record->line, 3,
                                          _("customer_id “%s” is not a customer number"), id);
              continue;
            }
        }
      if (n > date_column)
        {
          g_autofree char *date = g_strstrip (g_strdup (record->fields[date_column]));

          if (*date != '\0' && !is_valid_date (date))
            {
              fid_survey_csv_add_problem (problems, format.file, record->line, date_column + 1,
                                          _("date “%s” is not a valid date (expected YYYY-MM-DD)"), date);
              continue;
            }
          if (*date != '\0')
            row->date = g_steal_pointer (&date);
        }
      /* A respondent answers once per date (waves of a barometer). */
      if (check_duplicate (&format, seen, record, 0, row->respondent,
                           row->date != NULL ? row->date : "",
                           row->date != NULL ? row->date : "score"))
        g_ptr_array_add (rows, g_steal_pointer (&row));
    }
  return finish (rows, problems, before);
}

FidScoreData *
fid_survey_csv_read_scores (FidSurveyKind  kind,
                            const char    *text,
                            gssize         length,
                            GPtrArray     *problems)
{
  g_autoptr(GPtrArray) rows = NULL;
  FidScoreData *data;

  g_return_val_if_fail (fid_score_scale (kind, NULL, NULL), NULL);

  if ((rows = fid_survey_csv_parse_scores (kind, text, length, problems)) == NULL)
    return NULL;
  data = fid_score_data_new (kind);
  for (guint i = 0; i < rows->len; i++)
    {
      const FidSurveyCsvRow *row = g_ptr_array_index (rows, i);
      FidScoreAnswer answer = { row->values[0], fid_score_month_from_date (row->date) };

      g_array_append_val (data->answers, answer);
    }
  return data;
}
