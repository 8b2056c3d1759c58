/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidImport: loading a file into a table, mapping its columns, and
 * running the check and the write (issue 9). The fields and values are
 * fid-import-fields.c, the checks fid-import-check.c, the SQL
 * fid-store-import.c. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fid-import-private.h"
#include "fid-vcard.h"

G_DEFINE_FINAL_TYPE (FidImport, fid_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (fid-import-error-quark, fid_import_error)

/* The report */

static void
problem_free (FidImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->column_name);
  g_free (problem->reason);
  g_free (problem);
}

char *
fid_import_problem_to_string (const FidImportProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->line == 0)
    return g_strdup (problem->reason);
  if (problem->column == 0 && problem->column_name != NULL)
    return g_strdup_printf (_("line %u (%s): %s"), problem->line, problem->column_name, problem->reason);
  if (problem->column == 0)
    return g_strdup_printf (_("line %u: %s"), problem->line, problem->reason);
  if (problem->column_name != NULL && *problem->column_name != '\0')
    return g_strdup_printf (_("line %u, column %u (%s): %s"),
                            problem->line, problem->column, problem->column_name, problem->reason);
  return g_strdup_printf (_("line %u, column %u: %s"), problem->line, problem->column, problem->reason);
}

void
fid_import_add_problem (FidImport  *self,
                        guint       line,
                        int         column,
                        const char *format,
                        ...)
{
  FidImportProblem *problem;
  va_list args;

  if (self->too_many)
    return;
  problem = g_new0 (FidImportProblem, 1);
  if (self->problems->len >= FID_IMPORT_MAX_PROBLEMS)
    {
      self->too_many = TRUE;
      problem->reason = g_strdup_printf (_("too many problems: the check stopped after %u"),
                                         FID_IMPORT_MAX_PROBLEMS);
      g_ptr_array_add (self->problems, problem);
      return;
    }
  problem->line = line;
  if (column >= 0)
    {
      /* A vCard's columns are ours, not the file's: only their names mean
       * something to the user. */
      problem->column = self->format == FID_IMPORT_FORMAT_VCARD ? 0 : column + 1;
      if ((guint) column < self->columns->len)
        problem->column_name = g_strdup (g_ptr_array_index (self->columns, column));
    }
  va_start (args, format);
  problem->reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->problems, problem);
}

void
fid_import_clear_report (FidImport *self)
{
  g_ptr_array_set_size (self->problems, 0);
  self->too_many = FALSE;
  self->n_imported = 0;
  g_clear_pointer (&self->records, g_ptr_array_unref);
}

/* Sets @error from the report; always FALSE. */
static gboolean
report_error (FidImport  *self,
              GError    **error)
{
  guint n = self->problems->len;

  g_set_error (error, FID_IMPORT_ERROR, FID_IMPORT_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u problem in the file: nothing was imported",
                            "%u problems in the file: nothing was imported", n),
               n);
  return FALSE;
}

void
fid_import_progress (FidImport               *self,
                     const FidImportProgress *progress,
                     double                   done)
{
  double fraction = progress->start + progress->span * CLAMP (done, 0.0, 1.0);

  g_atomic_int_set (&self->fraction, (int) (fraction * 10000));
  if (progress->func != NULL)
    progress->func (fraction, progress->data);
}

/* The object */

static void
fid_import_finalize (GObject *object)
{
  FidImport *self = FID_IMPORT (object);

  g_free (self->name);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (fid_import_parent_class)->finalize (object);
}

static void
fid_import_class_init (FidImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fid_import_finalize;
}

static void
fid_import_init (FidImport *self)
{
  self->separator = ',';
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_csv_record_free);
  self->mapping = g_array_new (FALSE, TRUE, sizeof (int));
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
}

FidImport *
fid_import_new (FidImportKind kind)
{
  FidImport *self;

  g_return_val_if_fail ((guint) kind < FID_IMPORT_N_KINDS, NULL);

  self = g_object_new (FID_TYPE_IMPORT, NULL);
  self->kind = kind;
  return self;
}

FidImportKind
fid_import_get_kind (FidImport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), FID_IMPORT_CUSTOMERS);
  return self->kind;
}

void
fid_import_set_kind (FidImport     *self,
                     FidImportKind  kind)
{
  g_return_if_fail (FID_IS_IMPORT (self));
  g_return_if_fail ((guint) kind < FID_IMPORT_N_KINDS);

  self->kind = kind;
  fid_import_guess_mapping (self);
}

/* Loading */

static void
reset_table (FidImport *self)
{
  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->mapping, 0);
  self->header_line = 1;
  fid_import_clear_report (self);
}

/* Contacts as a table with the customers' fields as columns. */
static void
load_cards (FidImport *self,
            GPtrArray *cards)
{
  static const int fields[] = {
    C_KIND, C_TITLE, C_FIRST_NAME, C_LAST_NAME, C_EMAIL, C_PHONE, C_ADDRESS, C_POSTCODE, C_CITY,
    C_BIRTH_DATE,
  };

  /* Contacts are customers: as another kind, the check says so. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      int field = self->kind == FID_IMPORT_CUSTOMERS ? fields[i] : -1;

      g_ptr_array_add (self->columns, g_strdup (fid_import_field_get_label (FID_IMPORT_CUSTOMERS, fields[i])));
      g_array_append_val (self->mapping, field);
    }

  for (guint i = 0; i < cards->len; i++)
    {
      FidVcard *card = g_ptr_array_index (cards, i);
      FidCsvRecord *row = g_new0 (FidCsvRecord, 1);
      g_autofree char *first = g_strdup (card->given_name);
      g_autofree char *last = g_strdup (card->family_name);
      gboolean company = card->is_organization && card->organization != NULL;

      /* No structured name: the formatted one, split before its last word;
       * no name at all: the organisation, as a company. */
      if (company)
        {
          g_clear_pointer (&first, g_free);
          g_free (last);
          last = g_strdup (card->organization);
        }
      else if (first == NULL && last == NULL && card->formatted_name != NULL)
        {
          const char *space = strrchr (card->formatted_name, ' ');

          if (space != NULL)
            {
              first = g_strndup (card->formatted_name, space - card->formatted_name);
              last = g_strdup (space + 1);
            }
          else
            last = g_strdup (card->formatted_name);
        }
      else if (first == NULL && last == NULL && card->organization != NULL)
        {
          company = TRUE;
          last = g_strdup (card->organization);
        }

      row->line = card->line;
      row->fields = g_new0 (char *, G_N_ELEMENTS (fields) + 1);
      row->fields[0] = g_strdup (company ? "company" : "person");
      row->fields[1] = g_strdup (card->prefix ? card->prefix : "");
      row->fields[2] = g_strdup (first ? first : "");
      row->fields[3] = g_strdup (last ? last : "");
      row->fields[4] = g_strdup (card->email ? card->email : "");
      row->fields[5] = g_strdup (card->phone ? card->phone : "");
      row->fields[6] = g_strdup (card->street ? card->street : "");
      row->fields[7] = g_strdup (card->postcode ? card->postcode : "");
      row->fields[8] = g_strdup (card->locality ? card->locality : "");
      row->fields[9] = g_strdup (card->birthday ? card->birthday : card->bad_birthday ? card->bad_birthday : "");
      g_ptr_array_add (self->rows, row);
    }
}

static gboolean
load_csv (FidImport   *self,
          const char  *text,
          gsize        length)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  FidCsvRecord *header;
  guint line = 0, column = 0;

  self->separator = fid_csv_detect_separator (text, length);
  records = fid_csv_parse_strict (text, length, self->separator, &line, &column, &error);
  if (records == NULL)
    {
      fid_import_add_problem (self, line, (int) column - 1, "%s", error->message);
      return FALSE;
    }
  if (records->len == 0)
    {
      fid_import_add_problem (self, 1, -1, _("the file is empty"));
      return FALSE;
    }

  header = g_ptr_array_steal_index (records, 0);
  self->header_line = header->line;
  for (guint i = 0; header->fields[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header->fields[i]));

      g_ptr_array_add (self->columns, *name != '\0' ? g_steal_pointer (&name)
                                                    : g_strdup_printf (_("Column %u"), i + 1));
    }
  fid_csv_record_free (header);
  g_array_set_size (self->mapping, self->columns->len);
  for (guint i = 0; i < self->mapping->len; i++)
    g_array_index (self->mapping, int, i) = -1;

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (self->rows, g_steal_pointer (&g_ptr_array_index (records, i)));
  g_ptr_array_set_free_func (records, NULL);

  if (self->rows->len == 0)
    {
      fid_import_add_problem (self, self->header_line, -1,
                              _("the file has a header line but nothing under it"));
      return FALSE;
    }
  fid_import_guess_mapping (self);
  return TRUE;
}

static gboolean
name_is_vcard (const char *name)
{
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard"));
}

gboolean
fid_import_load_bytes (FidImport   *self,
                       GBytes      *bytes,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize size, length = 0;
  guint line = 0;

  g_return_val_if_fail (FID_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  reset_table (self);
  g_free (self->name);
  self->name = g_strdup (name != NULL ? name : _("import"));
  self->format = FID_IMPORT_FORMAT_CSV;
  self->encoding = FID_CSV_ENCODING_UTF8;

  data = g_bytes_get_data (bytes, &size);
  if (size > FID_IMPORT_MAX_FILE_BYTES)
    {
      fid_import_add_problem (self, 0, -1, _("the file is too large (more than %u MB)"),
                              FID_IMPORT_MAX_FILE_BYTES / (1024 * 1024));
      return report_error (self, error);
    }

  text = fid_csv_decode (data, size, &length, &self->encoding, &line, &local_error);
  if (text == NULL)
    {
      fid_import_add_problem (self, line, -1, "%s", local_error->message);
      return report_error (self, error);
    }

  if (name_is_vcard (name) || fid_vcard_sniff (text, length))
    {
      g_autoptr(GPtrArray) cards = NULL;

      self->format = FID_IMPORT_FORMAT_VCARD;
      cards = fid_vcard_parse (text, length, &line, &local_error);
      if (cards == NULL)
        {
          fid_import_add_problem (self, line, -1, "%s", local_error->message);
          return report_error (self, error);
        }
      load_cards (self, cards);
      return TRUE;
    }

  if (!load_csv (self, text, length))
    return report_error (self, error);
  return TRUE;
}

gboolean
fid_import_load_file (FidImport     *self,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (FID_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) > FID_IMPORT_MAX_FILE_BYTES)
    {
      reset_table (self);
      g_free (self->name);
      self->name = g_steal_pointer (&name);
      fid_import_add_problem (self, 0, -1, _("the file is too large (more than %u MB)"),
                              FID_IMPORT_MAX_FILE_BYTES / (1024 * 1024));
      return report_error (self, error);
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return FALSE;
  return fid_import_load_bytes (self, bytes, name, error);
}

const char *
fid_import_get_name (FidImport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), NULL);
  return self->name;
}

FidImportFormat
fid_import_get_format (FidImport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), FID_IMPORT_FORMAT_CSV);
  return self->format;
}

FidCsvEncoding
fid_import_get_encoding (FidImport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), FID_CSV_ENCODING_UTF8);
  return self->encoding;
}

char
fid_import_get_separator (FidImport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), ',');
  return self->separator;
}

guint
fid_import_get_n_columns (FidImport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), 0);
  return self->columns->len;
}

const char *
fid_import_get_column_name (FidImport *self,
                            guint      column)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, column);
}

guint
fid_import_get_n_rows (FidImport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), 0);
  return self->rows->len;
}

const char *
fid_import_get_cell (FidImport *self,
                     guint      row,
                     guint      column)
{
  const FidCsvRecord *record;

  g_return_val_if_fail (FID_IS_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  record = g_ptr_array_index (self->rows, row);
  for (guint i = 0; i <= column; i++)
    if (record->fields[i] == NULL)
      return NULL;
  return record->fields[column];
}

guint
fid_import_get_row_line (FidImport *self,
                         guint      row)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);
  return ((const FidCsvRecord *) g_ptr_array_index (self->rows, row))->line;
}

/* Mapping */

int
fid_import_get_mapping (FidImport *self,
                        guint      column)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), -1);
  g_return_val_if_fail (column < self->mapping->len, -1);
  return g_array_index (self->mapping, int, column);
}

void
fid_import_set_mapping (FidImport *self,
                        guint      column,
                        int        field)
{
  g_return_if_fail (FID_IS_IMPORT (self));
  g_return_if_fail (column < self->mapping->len);
  g_return_if_fail (field < (int) fid_import_kind_get_n_fields (self->kind));

  if (field >= 0)
    for (guint i = 0; i < self->mapping->len; i++)
      if (g_array_index (self->mapping, int, i) == field)
        g_array_index (self->mapping, int, i) = -1;
  g_array_index (self->mapping, int, column) = field < 0 ? -1 : field;
}

void
fid_import_guess_mapping (FidImport *self)
{
  guint n_fields;
  gboolean taken[64] = { FALSE };

  g_return_if_fail (FID_IS_IMPORT (self));

  n_fields = fid_import_kind_get_n_fields (self->kind);
  g_assert (n_fields <= G_N_ELEMENTS (taken));
  for (guint i = 0; i < self->mapping->len; i++)
    {
      int field = fid_import_field_find (self->kind, g_ptr_array_index (self->columns, i));

      /* A vCard's columns are the customers' fields themselves. */
      if (field >= 0 && !taken[field])
        taken[field] = TRUE;
      else
        field = -1;
      g_array_index (self->mapping, int, i) = field;
    }
}

/* The customer fields of @kind, -1 for customers. */
static void
customer_fields (FidImportKind  kind,
                 int           *id_field,
                 int           *email_field)
{
  *id_field = *email_field = -1;
  switch (kind)
    {
    case FID_IMPORT_TRANSACTIONS:
      *id_field = T_CUSTOMER, *email_field = T_EMAIL;
      break;
    case FID_IMPORT_HOLDINGS:
      *id_field = H_CUSTOMER, *email_field = H_EMAIL;
      break;
    case FID_IMPORT_INTERACTIONS:
      *id_field = I_CUSTOMER, *email_field = I_EMAIL;
      break;
    case FID_IMPORT_CUSTOMERS:
    case FID_IMPORT_N_KINDS:
    default:
      break;
    }
}

static gboolean
field_is_mapped (FidImport *self,
                 int        field)
{
  for (guint i = 0; i < self->mapping->len; i++)
    if (g_array_index (self->mapping, int, i) == field)
      return TRUE;
  return FALSE;
}

char **
fid_import_dup_missing_fields (FidImport *self)
{
  GPtrArray *missing;
  int id_field, email_field;

  g_return_val_if_fail (FID_IS_IMPORT (self), NULL);

  missing = g_ptr_array_new ();
  customer_fields (self->kind, &id_field, &email_field);
  if (id_field >= 0 && !field_is_mapped (self, id_field) && !field_is_mapped (self, email_field))
    /* Translators: the field a transaction, holding or interaction file must have. */
    g_ptr_array_add (missing, g_strdup (_("Customer number or e-mail")));
  for (guint f = 0; f < fid_import_kind_get_n_fields (self->kind); f++)
    if (fid_import_field_is_required (self->kind, f) && !field_is_mapped (self, f))
      g_ptr_array_add (missing, g_strdup (fid_import_field_get_label (self->kind, f)));
  g_ptr_array_add (missing, NULL);
  return (char **) g_ptr_array_free (missing, FALSE);
}

FidImportKind
fid_import_guess_kind (FidImport *self)
{
  g_autoptr(GArray) mapping = NULL;
  FidImportKind kind, best = FID_IMPORT_CUSTOMERS;
  int best_score = -1;

  g_return_val_if_fail (FID_IS_IMPORT (self), FID_IMPORT_CUSTOMERS);

  if (self->format == FID_IMPORT_FORMAT_VCARD)
    return FID_IMPORT_CUSTOMERS;
  kind = self->kind;
  mapping = g_array_copy (self->mapping);
  for (guint k = 0; k < FID_IMPORT_N_KINDS; k++)
    {
      g_auto(GStrv) missing = NULL;
      int score = 0;

      self->kind = k;
      fid_import_guess_mapping (self);
      missing = fid_import_dup_missing_fields (self);
      if (missing[0] == NULL)
        score += 1000;
      for (guint i = 0; i < self->mapping->len; i++)
        score += g_array_index (self->mapping, int, i) >= 0;
      if (score > best_score)
        best = k, best_score = score;
    }
  self->kind = kind;
  g_array_set_size (self->mapping, 0);
  g_array_append_vals (self->mapping, mapping->data, mapping->len);
  return best;
}

gboolean
fid_import_map (FidImport   *self,
                const char  *spec,
                GError     **error)
{
  const char *eq;
  g_autofree char *column_text = NULL;
  const char *field_text;
  int column = -1, field = -1;
  gint64 number;

  g_return_val_if_fail (FID_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if ((eq = strrchr (spec, '=')) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a mapping: write COLUMN=FIELD"), spec);
      return FALSE;
    }
  column_text = g_strstrip (g_strndup (spec, eq - spec));
  field_text = eq + 1;

  for (guint i = 0; i < self->columns->len && column < 0; i++)
    if (g_utf8_collate (column_text, g_ptr_array_index (self->columns, i)) == 0)
      column = i;
  for (guint i = 0; i < self->columns->len && column < 0; i++)
    {
      g_autofree char *a = fid_import_normalize (column_text);
      g_autofree char *b = fid_import_normalize (g_ptr_array_index (self->columns, i));

      if (*a != '\0' && g_str_equal (a, b))
        column = i;
    }
  if (column < 0 && g_ascii_string_to_signed (column_text, 10, 1, self->columns->len, &number, NULL))
    column = number - 1;
  if (column < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the file has no column “%s”"), column_text);
      return FALSE;
    }

  if (*field_text != '\0' && !g_str_equal (field_text, "-"))
    {
      field = fid_import_field_find (self->kind, field_text);
      if (field < 0)
        {
          g_autoptr(GString) keys = g_string_new (NULL);

          for (guint i = 0; i < fid_import_kind_get_n_fields (self->kind); i++)
            g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "", fid_import_field_get_key (self->kind, i));
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a field of %s (%s, or - for none)"),
                       field_text, fid_import_kind_to_key (self->kind), keys->str);
          return FALSE;
        }
    }
  fid_import_set_mapping (self, column, field);
  return TRUE;
}

/* Checking and writing */

static gboolean
check (FidImport               *self,
       FidStore                *store,
       const FidImportProgress *progress,
       GCancellable            *cancellable,
       GError                 **error)
{
  fid_import_clear_report (self);
  if (self->columns->len == 0)
    {
      fid_import_add_problem (self, 0, -1, _("no file was read"));
      return report_error (self, error);
    }
  if (self->format == FID_IMPORT_FORMAT_VCARD && self->kind != FID_IMPORT_CUSTOMERS)
    {
      fid_import_add_problem (self, 0, -1, _("a vCard file holds contacts: import it as customers"));
      return report_error (self, error);
    }
  if (!fid_import_check_rows (self, store, progress, cancellable, error))
    return FALSE;
  if (self->problems->len == 0 && self->records->len == 0)
    fid_import_add_problem (self, 0, -1, _("the file has no rows to import"));
  if (self->problems->len > 0)
    {
      g_clear_pointer (&self->records, g_ptr_array_unref);
      return report_error (self, error);
    }
  self->n_imported = self->records->len;
  return TRUE;
}

gboolean
fid_import_check (FidImport     *self,
                  FidStore      *store,
                  GCancellable  *cancellable,
                  GError       **error)
{
  FidImportProgress progress = { NULL, NULL, 0.0, 1.0 };

  g_return_val_if_fail (FID_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (FID_IS_STORE (store), FALSE);

  return check (self, store, &progress, cancellable, error);
}

static void
on_written (guint    n_written,
            guint    n_total,
            gpointer user_data)
{
  gpointer *args = user_data;

  fid_import_progress (args[0], args[1], n_total > 0 ? (double) n_written / n_total : 1.0);
}

gboolean
fid_import_run (FidImport              *self,
                FidStore               *store,
                gboolean                dry_run,
                GCancellable           *cancellable,
                FidImportProgressFunc   progress,
                gpointer                user_data,
                GError                **error)
{
  /* Checking is reading; writing, with the triggers, takes longer. */
  FidImportProgress checking = { progress, user_data, 0.0, dry_run ? 1.0 : 0.3 };
  FidImportProgress writing = { progress, user_data, 0.3, 0.7 };
  gpointer args[2] = { self, &writing };

  g_return_val_if_fail (FID_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (FID_IS_STORE (store), FALSE);

  g_atomic_int_set (&self->fraction, 0);
  if (!check (self, store, &checking, cancellable, error))
    return FALSE;
  if (dry_run)
    return TRUE;
  if (!fid_store_import_write (store, self->kind, self->records, self->name, cancellable,
                               on_written, args, error))
    {
      self->n_imported = 0;
      return FALSE;
    }
  fid_import_progress (self, &writing, 1.0);
  return TRUE;
}

typedef struct
{
  char     *path;
  gboolean  dry_run;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_free (run->path);
  g_free (run);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  FidImport *self = source_object;
  RunData *run = task_data;
  g_autoptr(FidStore) store = NULL;
  GError *error = NULL;

  store = fid_store_open (run->path, FID_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !fid_import_run (self, store, run->dry_run, cancellable, NULL, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
fid_import_run_async (FidImport           *self,
                      const char          *path,
                      gboolean             dry_run,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *run;

  g_return_if_fail (FID_IS_IMPORT (self));
  g_return_if_fail (path != NULL);

  run = g_new0 (RunData, 1);
  run->path = g_strdup (path);
  run->dry_run = dry_run;
  g_atomic_int_set (&self->fraction, 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fid_import_run_async);
  g_task_set_task_data (task, run, run_data_free);
  g_task_run_in_thread (task, run_thread);
}

gboolean
fid_import_run_finish (FidImport     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

double
fid_import_get_fraction (FidImport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), 0.0);
  return g_atomic_int_get (&self->fraction) / 10000.0;
}

guint
fid_import_get_n_problems (FidImport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), 0);
  return self->problems->len;
}

const FidImportProblem *
fid_import_get_problem (FidImport *self,
                        guint      index)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);
  return g_ptr_array_index (self->problems, index);
}

guint
fid_import_get_n_imported (FidImport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT (self), 0);
  return self->n_imported;
}
