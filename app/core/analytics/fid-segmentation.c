/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidSegmentation: a segmentation's per-customer rows, kept as columns
 * (one array per field) because the analyses produce up to a million rows
 * and the views group them by any field. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "fid-segmentation.h"

typedef struct
{
  char          *name;
  FidColumnType  type;
  gpointer       data;   /* gint64[] or double[] of size n */
  gsize          bytes;
} Column;

struct _FidSegmentation
{
  GObject       parent_instance;

  char         *scheme;
  char         *as_of;
  guint         window_days;
  GStrv         segment_keys;
  char         *segment_column;  /* "segment", or "class" for ABC */
  guint         n_segments;

  gsize         n;
  gint64       *ids;
  guint8       *segments;
  GArray       *columns;  /* of Column */
  GHashTable   *extras;   /* name → GVariant */
};

G_DEFINE_FINAL_TYPE (FidSegmentation, fid_segmentation, G_TYPE_OBJECT)

/* Columns of a million customers are 8 MB each. Fresh memory costs a page
 * fault per 4 KiB page, which on this class of machine is most of an RFM's
 * time; large blocks are mapped directly and asked for huge pages (the
 * kernel zeroes them, as g_new0 would). */
#define BIG_BLOCK ((gsize) 4 << 20)

static gpointer
block_new0 (gsize bytes)
{
  if (bytes >= BIG_BLOCK)
    {
      void *p = mmap (NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

      if (p != MAP_FAILED)
        {
#ifdef MADV_HUGEPAGE
          madvise (p, bytes, MADV_HUGEPAGE);
#endif
          return p;
        }
    }
  return g_malloc0 (MAX (bytes, 1));
}

static void
block_free (gpointer data,
            gsize    bytes)
{
  if (data == NULL)
    return;
  if (bytes >= BIG_BLOCK)
    munmap (data, bytes);
  else
    g_free (data);
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->name);
  block_free (column->data, column->bytes);
}

static void
fid_segmentation_finalize (GObject *object)
{
  FidSegmentation *self = FID_SEGMENTATION (object);

  g_free (self->scheme);
  g_free (self->as_of);
  g_strfreev (self->segment_keys);
  g_free (self->segment_column);
  block_free (self->ids, self->n * sizeof (gint64));
  block_free (self->segments, self->n);
  g_array_unref (self->columns);
  g_hash_table_unref (self->extras);

  G_OBJECT_CLASS (fid_segmentation_parent_class)->finalize (object);
}

static void
fid_segmentation_class_init (FidSegmentationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fid_segmentation_finalize;
}

static void
fid_segmentation_init (FidSegmentation *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->extras = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_variant_unref);
}

FidSegmentation *
fid_segmentation_new (const char         *scheme,
                      const char         *as_of,
                      guint               window_days,
                      const char * const *segment_keys)
{
  FidSegmentation *self;

  g_return_val_if_fail (scheme != NULL, NULL);
  g_return_val_if_fail (segment_keys != NULL, NULL);
  /* Segments are stored in a byte per customer. */
  g_return_val_if_fail (g_strv_length ((char **) segment_keys) <= 255, NULL);

  self = g_object_new (FID_TYPE_SEGMENTATION, NULL);
  self->scheme = g_strdup (scheme);
  self->as_of = g_strdup (as_of);
  self->window_days = window_days;
  self->segment_keys = g_strdupv ((char **) segment_keys);
  self->n_segments = g_strv_length (self->segment_keys);
  self->segment_column = g_strdup ("segment");
  return self;
}

void
fid_segmentation_set_segment_column_name (FidSegmentation *self,
                                          const char      *name)
{
  g_return_if_fail (FID_IS_SEGMENTATION (self));
  g_return_if_fail (name != NULL && *name != '\0');

  g_free (self->segment_column);
  self->segment_column = g_strdup (name);
}

const char *
fid_segmentation_get_segment_column_name (FidSegmentation *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), NULL);
  return self->segment_column;
}

guint
fid_segmentation_add_column (FidSegmentation *self,
                             const char      *name,
                             FidColumnType    type)
{
  Column column = { g_strdup (name), type, NULL, 0 };

  g_return_val_if_fail (FID_IS_SEGMENTATION (self), 0);
  g_return_val_if_fail (self->ids == NULL, 0);

  g_array_append_val (self->columns, column);
  return self->columns->len - 1;
}

void
fid_segmentation_set_size (FidSegmentation *self,
                           gsize            n_customers)
{
  g_return_if_fail (FID_IS_SEGMENTATION (self));
  g_return_if_fail (self->ids == NULL);

  self->n = n_customers;
  /* Never NULL, even for no customers, so that "not sized yet" stays
   * distinguishable. */
  self->ids = block_new0 (n_customers * sizeof (gint64));
  self->segments = block_new0 (n_customers);
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      /* gint64 and double are both 8 bytes. */
      column->bytes = n_customers * 8;
      column->data = block_new0 (column->bytes);
    }
}

gint64 *
fid_segmentation_get_ids_mut (FidSegmentation *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), NULL);
  return self->ids;
}

guint8 *
fid_segmentation_get_segments_mut (FidSegmentation *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), NULL);
  return self->segments;
}

gint64 *
fid_segmentation_get_int_column_mut (FidSegmentation *self,
                                     guint            column)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  g_return_val_if_fail (g_array_index (self->columns, Column, column).type == FID_COLUMN_INT, NULL);
  return g_array_index (self->columns, Column, column).data;
}

double *
fid_segmentation_get_double_column_mut (FidSegmentation *self,
                                        guint            column)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  g_return_val_if_fail (g_array_index (self->columns, Column, column).type == FID_COLUMN_DOUBLE, NULL);
  return g_array_index (self->columns, Column, column).data;
}

void
fid_segmentation_set_extra (FidSegmentation *self,
                            const char      *name,
                            GVariant        *value)
{
  g_return_if_fail (FID_IS_SEGMENTATION (self));
  g_return_if_fail (name != NULL && value != NULL);

  g_hash_table_replace (self->extras, g_strdup (name), g_variant_ref_sink (value));
}

const char *
fid_segmentation_get_scheme (FidSegmentation *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), NULL);
  return self->scheme;
}

const char *
fid_segmentation_get_as_of (FidSegmentation *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), NULL);
  return self->as_of;
}

guint
fid_segmentation_get_window_days (FidSegmentation *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), 0);
  return self->window_days;
}

gsize
fid_segmentation_get_size (FidSegmentation *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), 0);
  return self->n;
}

const gint64 *
fid_segmentation_get_ids (FidSegmentation *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), NULL);
  return self->ids;
}

const guint8 *
fid_segmentation_get_segments (FidSegmentation *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), NULL);
  return self->segments;
}

guint
fid_segmentation_get_n_segments (FidSegmentation *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), 0);
  return self->n_segments;
}

const char *
fid_segmentation_get_segment_key (FidSegmentation *self,
                                  guint            segment)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), NULL);
  g_return_val_if_fail (segment < self->n_segments, NULL);
  return self->segment_keys[segment];
}

int
fid_segmentation_find_segment (FidSegmentation *self,
                               const char      *key)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), -1);

  for (guint i = 0; i < self->n_segments; i++)
    if (g_strcmp0 (self->segment_keys[i], key) == 0)
      return (int) i;
  return -1;
}

guint
fid_segmentation_get_n_columns (FidSegmentation *self)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), 0);
  return self->columns->len;
}

const char *
fid_segmentation_get_column_name (FidSegmentation *self,
                                  guint            column)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_array_index (self->columns, Column, column).name;
}

FidColumnType
fid_segmentation_get_column_type (FidSegmentation *self,
                                  guint            column)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), FID_COLUMN_INT);
  g_return_val_if_fail (column < self->columns->len, FID_COLUMN_INT);
  return g_array_index (self->columns, Column, column).type;
}

int
fid_segmentation_find_column (FidSegmentation *self,
                              const char      *name)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), -1);

  for (guint i = 0; i < self->columns->len; i++)
    if (g_strcmp0 (g_array_index (self->columns, Column, i).name, name) == 0)
      return (int) i;
  return -1;
}

const gint64 *
fid_segmentation_get_int_column (FidSegmentation *self,
                                 guint            column)
{
  return fid_segmentation_get_int_column_mut (self, column);
}

const double *
fid_segmentation_get_double_column (FidSegmentation *self,
                                    guint            column)
{
  return fid_segmentation_get_double_column_mut (self, column);
}

double
fid_segmentation_get_value (FidSegmentation *self,
                            guint            column,
                            gsize            row)
{
  Column *c;

  g_return_val_if_fail (FID_IS_SEGMENTATION (self), 0.0);
  g_return_val_if_fail (column < self->columns->len, 0.0);
  g_return_val_if_fail (row < self->n, 0.0);

  c = &g_array_index (self->columns, Column, column);
  if (c->type == FID_COLUMN_INT)
    return (double) ((gint64 *) c->data)[row];
  return ((double *) c->data)[row];
}

GVariant *
fid_segmentation_get_extra (FidSegmentation *self,
                            const char      *name)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), NULL);
  return g_hash_table_lookup (self->extras, name);
}

void
fid_segmentation_count (FidSegmentation *self,
                        guint64         *counts,
                        int              column,
                        double          *sums)
{
  g_return_if_fail (FID_IS_SEGMENTATION (self));
  g_return_if_fail (counts != NULL);
  g_return_if_fail (column < (int) self->columns->len);

  memset (counts, 0, sizeof (guint64) * self->n_segments);
  if (sums != NULL)
    memset (sums, 0, sizeof (double) * self->n_segments);

  for (gsize i = 0; i < self->n; i++)
    {
      guint8 s = self->segments[i];

      if (s >= self->n_segments)
        continue;
      counts[s]++;
      if (sums != NULL && column >= 0)
        sums[s] += fid_segmentation_get_value (self, column, i);
    }
}

GArray *
fid_segmentation_dup_segment_ids (FidSegmentation *self,
                                  guint            segment)
{
  GArray *ids;

  g_return_val_if_fail (FID_IS_SEGMENTATION (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (gsize i = 0; i < self->n; i++)
    if (self->segments[i] == segment)
      g_array_append_val (ids, self->ids[i]);
  return ids;
}

static gboolean
check_written (FILE    *out,
               GError **error)
{
  if (ferror (out) || fflush (out) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the segmentation: %s"), g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static void
write_value (FidSegmentation *self,
             guint            column,
             gsize            row,
             gboolean         json,
             FILE            *out)
{
  Column *c = &g_array_index (self->columns, Column, column);

  if (c->type == FID_COLUMN_INT)
    fprintf (out, "%" G_GINT64_FORMAT, ((gint64 *) c->data)[row]);
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      double value = ((double *) c->data)[row];

      /* JSON has no NaN or infinity; CSV leaves the cell empty. */
      if (!isfinite (value))
        {
          if (json)
            fputs ("null", out);
          return;
        }

      /* %.6f in the C locale, whatever the user's locale says. */
      fputs (g_ascii_formatd (buffer, sizeof buffer, "%.6f", value), out);
    }
}

gboolean
fid_segmentation_write_csv (FidSegmentation *self,
                            FILE            *out,
                            GError         **error)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  /* Column names and segment keys are identifiers (letters, digits and
   * underscores), so no field ever needs quoting. */
  fputs ("customer_id", out);
  for (guint c = 0; c < self->columns->len; c++)
    fprintf (out, ",%s", g_array_index (self->columns, Column, c).name);
  fprintf (out, ",%s\n", self->segment_column);

  for (gsize i = 0; i < self->n; i++)
    {
      fprintf (out, "%" G_GINT64_FORMAT, self->ids[i]);
      for (guint c = 0; c < self->columns->len; c++)
        {
          fputc (',', out);
          write_value (self, c, i, FALSE, out);
        }
      fprintf (out, ",%s\n", self->segments[i] < self->n_segments
                               ? self->segment_keys[self->segments[i]] : "");
      if (ferror (out))
        break;
    }
  return check_written (out, error);
}

gboolean
fid_segmentation_write_json (FidSegmentation *self,
                             FILE            *out,
                             GError         **error)
{
  g_return_val_if_fail (FID_IS_SEGMENTATION (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  fputs ("[", out);
  for (gsize i = 0; i < self->n; i++)
    {
      fprintf (out, "%s\n  {\"customer_id\": %" G_GINT64_FORMAT, i > 0 ? "," : "", self->ids[i]);
      for (guint c = 0; c < self->columns->len; c++)
        {
          fprintf (out, ", \"%s\": ", g_array_index (self->columns, Column, c).name);
          write_value (self, c, i, TRUE, out);
        }
      fprintf (out, ", \"%s\": \"%s\"}", self->segment_column, self->segments[i] < self->n_segments
                                                ? self->segment_keys[self->segments[i]] : "");
      if (ferror (out))
        break;
    }
  fputs (self->n > 0 ? "\n]\n" : "]\n", out);
  return check_written (out, error);
}
