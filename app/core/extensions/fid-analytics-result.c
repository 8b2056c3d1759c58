/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidAnalyticsResult: a titled table of cells, and its CSV export. */

#include "config.h"

#include "fid-analytics-result.h"
#include "fid-csv.h"

struct _FidAnalyticsResult
{
  GObject     parent_instance;

  char       *title;
  GStrv       columns;
  guint       n_columns;
  GPtrArray  *rows;      /* of GStrv */
  GObject    *data;
};

G_DEFINE_FINAL_TYPE (FidAnalyticsResult, fid_analytics_result, G_TYPE_OBJECT)

static void
fid_analytics_result_finalize (GObject *object)
{
  FidAnalyticsResult *self = FID_ANALYTICS_RESULT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->columns, g_strfreev);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->data);

  G_OBJECT_CLASS (fid_analytics_result_parent_class)->finalize (object);
}

static void
fid_analytics_result_class_init (FidAnalyticsResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fid_analytics_result_finalize;
}

static void
fid_analytics_result_init (FidAnalyticsResult *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

FidAnalyticsResult *
fid_analytics_result_new (const char         *title,
                          const char * const *columns)
{
  FidAnalyticsResult *self;

  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);

  self = g_object_new (FID_TYPE_ANALYTICS_RESULT, NULL);
  self->title = g_strdup (title);
  self->columns = g_strdupv ((char **) columns);
  self->n_columns = g_strv_length (self->columns);

  return self;
}

const char *
fid_analytics_result_get_title (FidAnalyticsResult *self)
{
  g_return_val_if_fail (FID_IS_ANALYTICS_RESULT (self), NULL);

  return self->title;
}

guint
fid_analytics_result_get_n_columns (FidAnalyticsResult *self)
{
  g_return_val_if_fail (FID_IS_ANALYTICS_RESULT (self), 0);

  return self->n_columns;
}

const char *
fid_analytics_result_get_column (FidAnalyticsResult *self,
                                 guint               column)
{
  g_return_val_if_fail (FID_IS_ANALYTICS_RESULT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->columns[column];
}

void
fid_analytics_result_add_row (FidAnalyticsResult *self,
                              const char * const *cells)
{
  char **row;

  g_return_if_fail (FID_IS_ANALYTICS_RESULT (self));
  g_return_if_fail (cells != NULL);

  row = g_new0 (char *, self->n_columns + 1);
  for (guint i = 0; i < self->n_columns; i++)
    row[i] = g_strdup (cells[i] ? cells[i] : "");
  g_ptr_array_add (self->rows, row);
}

guint
fid_analytics_result_get_n_rows (FidAnalyticsResult *self)
{
  g_return_val_if_fail (FID_IS_ANALYTICS_RESULT (self), 0);

  return self->rows->len;
}

const char *
fid_analytics_result_get_cell (FidAnalyticsResult *self,
                               guint               row,
                               guint               column)
{
  g_return_val_if_fail (FID_IS_ANALYTICS_RESULT (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return ((char **) g_ptr_array_index (self->rows, row))[column];
}

/* The cell read as a number (C locale); 0 when it is not one. */
double
fid_analytics_result_get_number (FidAnalyticsResult *self,
                                 guint               row,
                                 guint               column)
{
  const char *cell = fid_analytics_result_get_cell (self, row, column);

  return cell != NULL ? g_ascii_strtod (cell, NULL) : 0.0;
}

gboolean
fid_analytics_result_write_csv (FidAnalyticsResult  *self,
                                GOutputStream       *stream,
                                GCancellable        *cancellable,
                                GError             **error)
{
  g_return_val_if_fail (FID_IS_ANALYTICS_RESULT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!fid_csv_write_row (stream, (const char * const *) self->columns, self->n_columns,
                          cancellable, error))
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    if (!fid_csv_write_row (stream, g_ptr_array_index (self->rows, i), self->n_columns,
                            cancellable, error))
      return FALSE;

  return TRUE;
}

void
fid_analytics_result_set_data (FidAnalyticsResult *self,
                               GObject            *data)
{
  g_return_if_fail (FID_IS_ANALYTICS_RESULT (self));
  g_return_if_fail (data == NULL || G_IS_OBJECT (data));

  g_set_object (&self->data, data);
}

GObject *
fid_analytics_result_get_data (FidAnalyticsResult *self)
{
  g_return_val_if_fail (FID_IS_ANALYTICS_RESULT (self), NULL);
  return self->data;
}
