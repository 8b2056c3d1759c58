/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The survey answer readers (app/core/io/fid-survey-csv.c): Kano,
 * SERVQUAL (with and without a weights file) and the NPS/CSAT/CES scores.
 * The first byte picks the reader; for SERVQUAL with weights the rest is
 * split at the first form feed. Contract: a result exactly when there is
 * no problem, and every problem has a line, a column and a reason. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fid-survey-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_problems (gpointer   result,
                GPtrArray *problems)
{
  g_assert_true ((result != NULL) == (problems->len == 0));
  for (guint i = 0; i < problems->len; i++)
    {
      const FidSurveyCsvProblem *problem = problems->pdata[i];
      g_autofree char *text = fid_survey_csv_problem_to_string (problem);

      g_assert_cmpuint (problem->line, >=, 1);
      g_assert_nonnull (problem->reason);
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = fid_survey_csv_problems_new ();
  const char *text = (const char *) data + 1;
  gssize length = size > 0 ? (gssize) size - 1 : 0;

  if (size == 0)
    return 0;

  switch (data[0] % 6)
    {
    case 0:
      {
        FidKanoData *kano = fid_survey_csv_read_kano (text, length, problems);

        check_problems (kano, problems);
        g_clear_pointer (&kano, fid_kano_data_free);
      }
      break;
    case 1:
    case 2:
      {
        const char *split = memchr (text, '\f', length);
        FidServqualData *servqual;

        if (data[0] % 6 == 2 && split != NULL)
          servqual = fid_survey_csv_read_servqual (text, split - text, split + 1,
                                                   length - (split - text) - 1, problems);
        else
          servqual = fid_survey_csv_read_servqual (text, length, NULL, 0, problems);
        check_problems (servqual, problems);
        g_clear_pointer (&servqual, fid_servqual_data_free);
      }
      break;
    default:
      {
        static const FidSurveyKind kinds[] = { FID_SURVEY_NPS, FID_SURVEY_CSAT, FID_SURVEY_CES };
        FidScoreData *scores = fid_survey_csv_read_scores (kinds[data[0] % 6 - 3], text, length, problems);

        check_problems (scores, problems);
        g_clear_pointer (&scores, fid_score_data_free);
      }
      break;
    }
  return 0;
}
