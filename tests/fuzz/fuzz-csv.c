/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The CSV reader (app/core/io/fid-csv.c), which every CSV import reads
 * through. Beyond not crashing, its contract: a NULL result comes with an
 * error; records have at least one field, valid UTF-8, no NUL, and line
 * numbers that only go up. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fid-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = fid_csv_parse ((const char *) data, size, &error);
  guint line = 0;

  if (records == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      return 0;
    }
  g_assert_null (error);

  for (guint i = 0; i < records->len; i++)
    {
      FidCsvRecord *record = records->pdata[i];

      g_assert_cmpuint (record->line, >, line);
      line = record->line;
      g_assert_nonnull (record->fields);
      g_assert_nonnull (record->fields[0]);
      for (guint f = 0; record->fields[f] != NULL; f++)
        g_assert_true (g_utf8_validate (record->fields[f], -1, NULL));
    }
  return 0;
}
