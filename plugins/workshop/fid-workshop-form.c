/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The phone form of a live workshop (issue 12). One self-contained page:
 * the style sheet is inline and there is no script, so the form works on
 * any phone's browser, offline, from the trainer's laptop. Radio buttons
 * carry `required`, so most browsers refuse an incomplete form before
 * sending it; the server checks everything again all the same. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "fid-store-error.h"
#include "fid-workshop-form.h"

/* Large tap targets (44 px, as the mobile guidelines ask), one column,
 * system fonts, and colours with a 4.5:1 contrast at least. */
static const char style[] =
  "*{box-sizing:border-box}"
  "body{margin:0 auto;max-width:40rem;padding:16px;font:18px/1.4 system-ui,-apple-system,'Cantarell',sans-serif;"
  "background:#f6f5f4;color:#241f31}"
  "h1{font-size:1.4rem;margin:0 0 4px}"
  "p.lead{margin:0 0 16px;color:#5e5c64}"
  "fieldset{border:1px solid #c0bfbc;border-radius:12px;padding:12px;margin:0 0 16px;background:#fff;min-width:0}"
  /* A floated legend sits inside its box instead of cutting its border
   * when a feature's name wraps on a narrow screen. */
  "legend{float:left;width:100%;font-weight:700;padding:0;margin:0 0 4px}legend+*{clear:both}"
  ".q{margin:10px 0 6px}"
  ".opts{display:flex;flex-wrap:wrap;gap:6px}"
  ".opt{display:flex;align-items:center;gap:10px;flex:1 1 100%;min-height:44px;padding:8px 12px;"
  "border:1px solid #9a9996;border-radius:8px;background:#fff}"
  ".scale .opt{flex:1 0 2.75rem;justify-content:center;flex-direction:column;gap:2px;padding:6px 0}"
  ".ends{display:flex;justify-content:space-between;font-size:.85rem;color:#5e5c64;margin-top:4px}"
  "input[type=radio]{width:22px;height:22px;margin:0;accent-color:#1c71d8}"
  "button{width:100%;font:inherit;font-weight:700;padding:14px;border:0;border-radius:10px;"
  "background:#1c71d8;color:#fff}"
  ".problem{border:2px solid #c01c28;background:#fbe6e6;border-radius:10px;padding:10px 12px;margin:0 0 16px}"
  ".box{border-radius:12px;padding:20px;background:#fff;border:1px solid #c0bfbc}"
  ".ok h1{color:#26a269}.error h1{color:#c01c28}";

static const char *
page_language (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "fr") ? "fr" : "en";
}

static void
begin_page (GString    *html,
            const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  g_string_append_printf (html,
                          "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                          "<title>%s</title><style>%s</style></head><body>\n",
                          page_language (), escaped, style);
}

/* Appends @text escaped for HTML text and attribute values. */
static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (html, escaped);
}

static void
append_choices (GString     *html,
                GHashTable  *values,
                const char  *name,
                int          min,
                int          max,
                const char **labels,      /* max - min + 1 labels, or NULL: the numbers */
                const char  *low_end,     /* under the first choice of a scale, or NULL */
                const char  *high_end)
{
  const char *chosen = values != NULL ? g_hash_table_lookup (values, name) : NULL;

  g_string_append_printf (html, "<div class=\"opts%s\">", labels == NULL ? " scale" : "");
  for (int v = min; v <= max; v++)
    {
      g_autofree char *value = g_strdup_printf ("%d", v);

      g_string_append_printf (html,
                              "<label class=\"opt\"><input type=\"radio\" name=\"%s\" value=\"%d\" required%s>",
                              name, v, g_strcmp0 (chosen, value) == 0 ? " checked" : "");
      if (labels != NULL)
        append_escaped (html, labels[v - min]);
      else
        g_string_append (html, value);
      g_string_append (html, "</label>");
    }
  g_string_append (html, "</div>");
  if (low_end != NULL && high_end != NULL)
    {
      g_string_append (html, "<div class=\"ends\"><span>");
      append_escaped (html, low_end);
      g_string_append (html, "</span><span>");
      append_escaped (html, high_end);
      g_string_append (html, "</span></div>");
    }
}

static void
append_question (GString    *html,
                 const char *question)
{
  g_string_append (html, "<div class=\"q\">");
  append_escaped (html, question);
  g_string_append (html, "</div>");
}

static void
append_item (GString       *html,
             FidSurveyKind  kind,
             FidSurveyItem *item,
             GHashTable    *values)
{
  const char *kano_answers[] = {
    _("I like it"), _("I expect it"), _("I am neutral"), _("I can live with it"), _("I dislike it"),
  };
  int position = fid_survey_item_get_position (item);
  const char *label = fid_survey_item_get_label (item);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  int min = 0, max = 0;

  g_string_append (html, "<fieldset><legend>");
  if (kind == FID_SURVEY_KANO || kind == FID_SURVEY_SERVQUAL)
    append_escaped (html, label);
  else
    append_escaped (html, _("Your answer"));
  g_string_append (html, "</legend>");

  switch (kind)
    {
    case FID_SURVEY_KANO:
      first = g_strdup_printf ("f%d", position);
      second = g_strdup_printf ("d%d", position);
      append_question (html, _("If the bank offers it, how do you feel?"));
      append_choices (html, values, first, 1, 5, kano_answers, NULL, NULL);
      append_question (html, _("If it does not, how do you feel?"));
      append_choices (html, values, second, 1, 5, kano_answers, NULL, NULL);
      break;

    case FID_SURVEY_SERVQUAL:
      first = g_strdup_printf ("e%d", position);
      second = g_strdup_printf ("p%d", position);
      append_question (html, _("What you expect of an excellent bank"));
      append_choices (html, values, first, 1, 7, NULL, _("Strongly disagree"), _("Strongly agree"));
      append_question (html, _("What you find at this bank"));
      append_choices (html, values, second, 1, 7, NULL, _("Strongly disagree"), _("Strongly agree"));
      break;

    case FID_SURVEY_NPS:
    case FID_SURVEY_CSAT:
    case FID_SURVEY_CES:
    default:
      first = g_strdup_printf ("s%d", position);
      fid_survey_part_get_range (kind, FID_SURVEY_PART_SCORE, &min, &max);
      append_question (html, label);
      append_choices (html, values, first, min, max, NULL,
                      kind == FID_SURVEY_NPS ? _("Not at all likely") : _("Lowest"),
                      kind == FID_SURVEY_NPS ? _("Extremely likely") : _("Highest"));
      break;
    }
  g_string_append (html, "</fieldset>\n");
}

char *
fid_workshop_form_render (FidSurvey   *survey,
                          const char  *action,
                          GHashTable  *values,
                          const char  *problem)
{
  GString *html = g_string_new (NULL);
  GPtrArray *items = fid_survey_get_items (survey);
  FidSurveyKind kind = fid_survey_get_kind (survey);

  g_return_val_if_fail (items != NULL, NULL);

  begin_page (html, fid_survey_get_title (survey));
  g_string_append (html, "<h1>");
  append_escaped (html, fid_survey_get_title (survey));
  g_string_append (html, "</h1><p class=\"lead\">");
  append_escaped (html, _("Your answers are anonymous. Answer every question, then send."));
  g_string_append (html, "</p>\n");
  if (problem != NULL)
    {
      g_string_append (html, "<div class=\"problem\" role=\"alert\">");
      append_escaped (html, problem);
      g_string_append (html, "</div>\n");
    }
  g_string_append (html, "<form method=\"post\" action=\"");
  append_escaped (html, action);
  g_string_append (html, "\">\n");
  for (guint i = 0; i < items->len; i++)
    append_item (html, kind, g_ptr_array_index (items, i), values);
  g_string_append (html, "<button type=\"submit\">");
  append_escaped (html, _("Send My Answers"));
  g_string_append (html, "</button></form></body></html>\n");
  return g_string_free (html, FALSE);
}

char *
fid_workshop_page_render (const char *kind,
                          const char *title,
                          const char *message)
{
  GString *html = g_string_new (NULL);

  begin_page (html, title);
  g_string_append_printf (html, "<div class=\"box %s\"><h1>", g_strcmp0 (kind, "ok") == 0 ? "ok" : "error");
  append_escaped (html, title);
  g_string_append (html, "</h1><p>");
  append_escaped (html, message);
  g_string_append (html, "</p></div></body></html>\n");
  return g_string_free (html, FALSE);
}

/* Reading */

/* The item at @position, or NULL. */
static FidSurveyItem *
item_at (FidSurvey *survey,
         gint64     position)
{
  GPtrArray *items = fid_survey_get_items (survey);

  for (guint i = 0; i < items->len; i++)
    if (fid_survey_item_get_position (g_ptr_array_index (items, i)) == position)
      return g_ptr_array_index (items, i);
  return NULL;
}

static gboolean
part_for_letter (FidSurveyKind  kind,
                 char           letter,
                 FidSurveyPart *part)
{
  switch (letter)
    {
    case 'f': *part = FID_SURVEY_PART_FUNCTIONAL; break;
    case 'd': *part = FID_SURVEY_PART_DYSFUNCTIONAL; break;
    case 'e': *part = FID_SURVEY_PART_EXPECTATION; break;
    case 'p': *part = FID_SURVEY_PART_PERCEPTION; break;
    case 's': *part = FID_SURVEY_PART_SCORE; break;
    default: return FALSE;
    }
  return fid_survey_part_get_range (kind, *part, NULL, NULL);
}

/* The parts every item of @kind must have answered. */
static guint
required_parts (FidSurveyKind  kind,
                FidSurveyPart  parts[2])
{
  switch (kind)
    {
    case FID_SURVEY_KANO:
      parts[0] = FID_SURVEY_PART_FUNCTIONAL;
      parts[1] = FID_SURVEY_PART_DYSFUNCTIONAL;
      return 2;
    case FID_SURVEY_SERVQUAL:
      parts[0] = FID_SURVEY_PART_EXPECTATION;
      parts[1] = FID_SURVEY_PART_PERCEPTION;
      return 2;
    case FID_SURVEY_NPS:
    case FID_SURVEY_CSAT:
    case FID_SURVEY_CES:
    default:
      parts[0] = FID_SURVEY_PART_SCORE;
      return 1;
    }
}

FidSurveyResponse *
fid_workshop_form_read (FidSurvey   *survey,
                        GHashTable  *fields,
                        GError     **error)
{
  g_autoptr(FidSurveyResponse) response = fid_survey_response_new (fid_survey_get_id (survey));
  FidSurveyKind kind = fid_survey_get_kind (survey);
  GPtrArray *items = fid_survey_get_items (survey);
  GHashTableIter iter;
  gpointer key, value;
  FidSurveyPart parts[2];
  guint n_parts = required_parts (kind, parts);

  g_return_val_if_fail (items != NULL, NULL);

  /* Every field must be one of ours, with a whole number in range. */
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = key;
      const char *text = value;
      FidSurveyPart part;
      guint64 position = 0;
      gint64 number = 0;
      int min = 0, max = 0;
      char *end = NULL;

      if (name[0] == '\0' || !part_for_letter (kind, name[0], &part) ||
          !g_ascii_string_to_unsigned (name + 1, 10, 1, G_MAXINT, &position, NULL) ||
          item_at (survey, (gint64) position) == NULL)
        {
          g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                       _("The form sent a field this survey does not have. Reload the page and answer again."));
          return NULL;
        }
      fid_survey_part_get_range (kind, part, &min, &max);
      errno = 0;
      number = g_ascii_strtoll (text, &end, 10);
      if (text[0] == '\0' || *end != '\0' || errno != 0 || number < min || number > max)
        {
          g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                       _("An answer is not one of the choices offered. Pick one of the buttons."));
          return NULL;
        }
    }

  /* And every question answered, checked in the order of the page so the
   * message names the first one the respondent missed. */
  for (guint i = 0; i < items->len; i++)
    {
      FidSurveyItem *item = g_ptr_array_index (items, i);
      int position = fid_survey_item_get_position (item);

      for (guint p = 0; p < n_parts; p++)
        {
          static const char letters[FID_SURVEY_N_PARTS] = {
            [FID_SURVEY_PART_FUNCTIONAL] = 'f', [FID_SURVEY_PART_DYSFUNCTIONAL] = 'd',
            [FID_SURVEY_PART_EXPECTATION] = 'e', [FID_SURVEY_PART_PERCEPTION] = 'p',
            [FID_SURVEY_PART_SCORE] = 's',
          };
          g_autofree char *name = g_strdup_printf ("%c%d", letters[parts[p]], position);
          const char *text = g_hash_table_lookup (fields, name);

          if (text == NULL)
            {
              g_set_error (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                           _("Question %d (“%s”) is not answered yet."), position,
                           fid_survey_item_get_label (item));
              return NULL;
            }
          fid_survey_response_add_answer (response, fid_survey_item_get_id (item), parts[p],
                                          (int) g_ascii_strtoll (text, NULL, 10));
        }
    }
  return g_steal_pointer (&response);
}
