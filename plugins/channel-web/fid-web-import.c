/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Parsing and checking web-form submissions (CSV or JSON). */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "fid-csv.h"
#include "fid-text.h"
#include "fid-web-import.h"

enum {
  COL_SUBMITTED_AT,
  COL_EMAIL,
  COL_FIRST_NAME,
  COL_LAST_NAME,
  COL_PHONE,
  COL_SUBJECT,
  COL_MESSAGE,
  COL_FORM,
  N_COLUMNS
};

/* Header names, folded (lower case, no accents), per column. */
static const char * const column_names[N_COLUMNS][4] = {
  { "submitted_at", "date", "soumis_le", NULL },
  { "email", "e-mail", "courriel", NULL },
  { "first_name", "prenom", NULL },
  { "last_name", "nom", NULL },
  { "phone", "telephone", NULL },
  { "subject", "sujet", "objet", NULL },
  { "message", NULL },
  { "form", "formulaire", NULL },
};

void
fid_web_submission_free (FidWebSubmission *submission)
{
  if (submission == NULL)
    return;

  g_free (submission->submitted_at);
  g_free (submission->email);
  g_free (submission->first_name);
  g_free (submission->last_name);
  g_free (submission->phone);
  g_free (submission->subject);
  g_free (submission->message);
  g_free (submission->form);
  g_free (submission);
}

void
fid_web_import_problem (FidImportReport  *report,
                        FidWebSubmission *submission,
                        gboolean          json,
                        const char       *reason)
{
  if (!json)
    {
      fid_import_report_add_problem (report, submission->line, reason);
    }
  else
    {
      /* Translators: a problem in a JSON file: "Submission 3: …" */
      g_autofree char *text = g_strdup_printf (_("Submission %u: %s"), submission->line, reason);

      fid_import_report_add_problem (report, 0, text);
    }
}

static int
column_for_header (const char *header)
{
  g_autofree char *stripped = g_strstrip (g_strdup (header));
  g_autofree char *folded = fid_text_fold (stripped);

  g_strdelimit (folded, " ", '_');
  for (int c = 0; c < N_COLUMNS; c++)
    for (guint i = 0; column_names[c][i] != NULL; i++)
      if (g_str_equal (folded, column_names[c][i]))
        return c;

  return -1;
}

static char *
dup_trimmed_or_null (const char *text)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  return trimmed[0] != '\0' ? g_steal_pointer (&trimmed) : NULL;
}

static gboolean
email_looks_valid (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL || strpbrk (email, " \t,;<>") != NULL)
    return FALSE;
  dot = strrchr (at, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* YYYY-MM-DD, with an optional time after a space or T → ISO 8601. */
static char *
normalize_date (const char *text)
{
  int year, month, day, hour = 0, minute = 0, second = 0;
  char sep = 'T';
  int n;

  n = sscanf (text, "%4d-%2d-%2d%c%2d:%2d:%2d", &year, &month, &day, &sep, &hour, &minute, &second);
  if (n < 3 || (n > 3 && n < 6) || (sep != 'T' && sep != ' ') ||
      !g_date_valid_dmy (day, month, year) ||
      hour > 23 || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0)
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
}

/* The checks that need no store. Adds problems; TRUE when there was none. */
static gboolean
check_submission (FidWebSubmission *submission,
                  gboolean          json,
                  FidImportReport  *report)
{
  gboolean ok = TRUE;

  if (submission->email == NULL)
    {
      fid_web_import_problem (report, submission, json, _("the e-mail address is missing"));
      ok = FALSE;
    }
  else if (!email_looks_valid (submission->email))
    {
      g_autofree char *reason = g_strdup_printf (_("“%s” is not a valid e-mail address"), submission->email);

      fid_web_import_problem (report, submission, json, reason);
      ok = FALSE;
    }

  if (submission->submitted_at != NULL)
    {
      g_autofree char *iso = normalize_date (submission->submitted_at);

      if (iso == NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("“%s” is not a date (expected YYYY-MM-DD HH:MM)"),
                                                     submission->submitted_at);

          fid_web_import_problem (report, submission, json, reason);
          ok = FALSE;
        }
      g_free (submission->submitted_at);
      submission->submitted_at = g_steal_pointer (&iso);
    }

  if (submission->subject == NULL && submission->message == NULL)
    {
      fid_web_import_problem (report, submission, json, _("the submission has neither a subject nor a message"));
      ok = FALSE;
    }

  return ok;
}

static GPtrArray *
parse_csv (const char       *data,
           gsize             length,
           FidImportReport  *report,
           GError          **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) submissions = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_web_submission_free);
  int columns[64];
  guint n_header;
  FidCsvRecord *header;

  records = fid_csv_parse (data, length, error);
  if (records == NULL)
    return NULL;
  if (records->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file is empty."));
      return NULL;
    }

  header = g_ptr_array_index (records, 0);
  n_header = MIN (g_strv_length (header->fields), G_N_ELEMENTS (columns));
  {
    gboolean has_email = FALSE;

    for (guint i = 0; i < n_header; i++)
      {
        columns[i] = column_for_header (header->fields[i]);
        has_email |= columns[i] == COL_EMAIL;
      }
    if (!has_email)
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("The first line must name the columns, and one of them must be “email”."));
        return NULL;
      }
  }

  fid_import_report_set_n_rows (report, records->len - 1);
  for (guint r = 1; r < records->len; r++)
    {
      FidCsvRecord *record = g_ptr_array_index (records, r);
      FidWebSubmission *submission = g_new0 (FidWebSubmission, 1);
      guint n_fields = g_strv_length (record->fields);
      char **fields[N_COLUMNS] = {
        &submission->submitted_at, &submission->email, &submission->first_name,
        &submission->last_name, &submission->phone, &submission->subject,
        &submission->message, &submission->form,
      };

      submission->line = record->line;
      if (n_fields != g_strv_length (header->fields))
        {
          g_autofree char *reason = g_strdup_printf (_("the row has %u fields but the header has %u"),
                                                     n_fields, g_strv_length (header->fields));

          fid_web_import_problem (report, submission, FALSE, reason);
          fid_web_submission_free (submission);
          continue;
        }

      for (guint i = 0; i < n_header; i++)
        if (columns[i] >= 0)
          *fields[columns[i]] = dup_trimmed_or_null (record->fields[i]);

      if (check_submission (submission, FALSE, report))
        g_ptr_array_add (submissions, submission);
      else
        fid_web_submission_free (submission);
    }

  return g_steal_pointer (&submissions);
}

static char *
dup_member (JsonObject *object,
            int         column)
{
  for (guint i = 0; column_names[column][i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, column_names[column][i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
        {
          if (json_node_get_value_type (node) == G_TYPE_STRING)
            return dup_trimmed_or_null (json_node_get_string (node));
          if (json_node_get_value_type (node) == G_TYPE_INT64)
            return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
        }
    }

  return NULL;
}

static GPtrArray *
parse_json (const char       *data,
            gsize             length,
            FidImportReport  *report,
            GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) submissions = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_web_submission_free);
  JsonNode *root;
  JsonArray *array = NULL;

  if (!json_parser_load_from_data (parser, data, length, error))
    {
      g_prefix_error (error, _("The file is not valid JSON: "));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    array = json_node_get_array (root);
  else if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
           json_object_has_member (json_node_get_object (root), "submissions") &&
           JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "submissions")))
    array = json_object_get_array_member (json_node_get_object (root), "submissions");

  if (array == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The JSON file must hold an array of submissions."));
      return NULL;
    }

  fid_import_report_set_n_rows (report, json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      FidWebSubmission *submission = g_new0 (FidWebSubmission, 1);
      JsonObject *object;

      submission->line = i + 1;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          fid_web_import_problem (report, submission, TRUE, _("it is not an object"));
          fid_web_submission_free (submission);
          continue;
        }

      object = json_node_get_object (node);
      submission->submitted_at = dup_member (object, COL_SUBMITTED_AT);
      submission->email = dup_member (object, COL_EMAIL);
      submission->first_name = dup_member (object, COL_FIRST_NAME);
      submission->last_name = dup_member (object, COL_LAST_NAME);
      submission->phone = dup_member (object, COL_PHONE);
      submission->subject = dup_member (object, COL_SUBJECT);
      submission->message = dup_member (object, COL_MESSAGE);
      submission->form = dup_member (object, COL_FORM);

      if (check_submission (submission, TRUE, report))
        g_ptr_array_add (submissions, submission);
      else
        fid_web_submission_free (submission);
    }

  return g_steal_pointer (&submissions);
}

GPtrArray *
fid_web_import_parse (const char       *data,
                      gsize             length,
                      gboolean          json,
                      FidImportReport  *report,
                      GError          **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (FID_IS_IMPORT_REPORT (report), NULL);

  return json ? parse_json (data, length, report, error)
              : parse_csv (data, length, report, error);
}
