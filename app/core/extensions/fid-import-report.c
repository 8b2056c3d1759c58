/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidImportReport: the outcome of FidChannel's import, shown to the user
 * as a validation report (line, reason). */

#include "config.h"

#include "fid-import-report.h"

typedef struct
{
  guint  line;
  char  *reason;
} Problem;

struct _FidImportReport
{
  GObject  parent_instance;

  guint    n_rows;
  guint    n_imported;
  guint    n_created;
  GArray  *problems;
};

G_DEFINE_FINAL_TYPE (FidImportReport, fid_import_report, G_TYPE_OBJECT)

static void
clear_problem (gpointer data)
{
  Problem *problem = data;

  g_free (problem->reason);
}

static void
fid_import_report_finalize (GObject *object)
{
  FidImportReport *self = FID_IMPORT_REPORT (object);

  g_clear_pointer (&self->problems, g_array_unref);

  G_OBJECT_CLASS (fid_import_report_parent_class)->finalize (object);
}

static void
fid_import_report_class_init (FidImportReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fid_import_report_finalize;
}

static void
fid_import_report_init (FidImportReport *self)
{
  self->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (self->problems, clear_problem);
}

FidImportReport *
fid_import_report_new (void)
{
  return g_object_new (FID_TYPE_IMPORT_REPORT, NULL);
}

guint
fid_import_report_get_n_rows (FidImportReport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT_REPORT (self), 0);

  return self->n_rows;
}

void
fid_import_report_set_n_rows (FidImportReport *self,
                              guint            n_rows)
{
  g_return_if_fail (FID_IS_IMPORT_REPORT (self));

  self->n_rows = n_rows;
}

guint
fid_import_report_get_n_imported (FidImportReport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT_REPORT (self), 0);

  return self->n_imported;
}

void
fid_import_report_set_n_imported (FidImportReport *self,
                                  guint            n_imported)
{
  g_return_if_fail (FID_IS_IMPORT_REPORT (self));

  self->n_imported = n_imported;
}

guint
fid_import_report_get_n_created (FidImportReport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT_REPORT (self), 0);

  return self->n_created;
}

void
fid_import_report_set_n_created (FidImportReport *self,
                                 guint            n_created)
{
  g_return_if_fail (FID_IS_IMPORT_REPORT (self));

  self->n_created = n_created;
}

void
fid_import_report_add_problem (FidImportReport *self,
                               guint            line,
                               const char      *reason)
{
  Problem problem;

  g_return_if_fail (FID_IS_IMPORT_REPORT (self));
  g_return_if_fail (reason != NULL);

  problem.line = line;
  problem.reason = g_strdup (reason);
  g_array_append_val (self->problems, problem);
}

guint
fid_import_report_get_n_problems (FidImportReport *self)
{
  g_return_val_if_fail (FID_IS_IMPORT_REPORT (self), 0);

  return self->problems->len;
}

guint
fid_import_report_get_problem_line (FidImportReport *self,
                                    guint            index)
{
  g_return_val_if_fail (FID_IS_IMPORT_REPORT (self), 0);
  g_return_val_if_fail (index < self->problems->len, 0);

  return g_array_index (self->problems, Problem, index).line;
}

const char *
fid_import_report_get_problem_reason (FidImportReport *self,
                                      guint            index)
{
  g_return_val_if_fail (FID_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);

  return g_array_index (self->problems, Problem, index).reason;
}

/* Forgets the counts and problems, e.g. before a second try. */
void
fid_import_report_clear (FidImportReport *self)
{
  g_return_if_fail (FID_IS_IMPORT_REPORT (self));

  self->n_rows = self->n_imported = self->n_created = 0;
  g_array_set_size (self->problems, 0);
}
