/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <inttypes.h>
#include <glib/gi18n.h>

#include "fid-csv.h"
#include "fid-customers-export.h"
#include "fid-text.h"
#include "fid-window.h"

/* Rows read per store call: the list's own pages, walked by cursor. */
#define PAGE_SIZE 2000
/* Search results are capped the way the list caps them. */
#define SEARCH_LIMIT 100000

static const char * const columns[] = {
  "id", "last_name", "first_name", "city", "email", "phone", "advisor", "branch",
  "lifecycle_stage", "segment", "revenue_12m", "last_contact",
};

FidCustomersExport *
fid_customers_export_new (const FidCustomerFilter *filter,
                          const char              *search)
{
  FidCustomersExport *self = g_new0 (FidCustomersExport, 1);

  if (filter != NULL)
    {
      self->advisor_id = filter->advisor_id;
      self->branch_id = filter->branch_id;
      self->segment = g_strdup (filter->segment);
      self->lifecycle_stage = g_strdup (filter->lifecycle_stage);
      /* The page may replace its selection meanwhile: a copy of its own. */
      if (filter->ids != NULL)
        {
          self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), filter->ids->len);
          g_array_append_vals (self->ids, filter->ids->data, filter->ids->len);
        }
    }
  self->search = search != NULL && search[0] != '\0' ? g_strdup (search) : NULL;
  return self;
}

void
fid_customers_export_free (FidCustomersExport *self)
{
  if (self == NULL)
    return;
  g_free (self->segment);
  g_free (self->lifecycle_stage);
  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self->search);
  g_free (self);
}

static gboolean
write_customer (GOutputStream  *stream,
                FidCustomer    *customer,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fid_customer_get_id (customer));
  g_autofree char *revenue = fid_text_cents_to_decimal (fid_customer_get_revenue_12m_cents (customer));
  const char *row[] = {
    id, fid_customer_get_last_name (customer), fid_customer_get_first_name (customer),
    fid_customer_get_city (customer), fid_customer_get_email (customer), fid_customer_get_phone (customer),
    fid_customer_get_advisor_name (customer), fid_customer_get_branch_name (customer),
    fid_customer_get_lifecycle_stage (customer), fid_customer_get_segment (customer), revenue,
    fid_customer_get_last_contact_at (customer),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (row) == G_N_ELEMENTS (columns));
  return fid_csv_write_row (stream, row, G_N_ELEMENTS (row), cancellable, error);
}

gboolean
fid_customers_export_write (FidCustomersExport  *self,
                            FidStore            *store,
                            GOutputStream       *stream,
                            guint64             *n_rows,
                            GCancellable        *cancellable,
                            GError             **error)
{
  FidCustomerFilter filter = {
    .advisor_id = self->advisor_id, .branch_id = self->branch_id,
    .segment = self->segment, .lifecycle_stage = self->lifecycle_stage, .ids = self->ids,
  };
  g_autoptr(FidCustomerCursor) after = NULL;
  guint64 n = 0;

  g_return_val_if_fail (FID_IS_STORE (store), FALSE);

  *n_rows = 0;
  if (!fid_csv_write_row (stream, columns, G_N_ELEMENTS (columns), cancellable, error))
    return FALSE;

  if (self->search != NULL)
    {
      g_autoptr(GPtrArray) found = fid_store_search_customers_filtered (store, &filter, self->search,
                                                                        SEARCH_LIMIT, error);

      if (found == NULL)
        return FALSE;
      for (guint i = 0; i < found->len; i++)
        if (!write_customer (stream, found->pdata[i], cancellable, error))
          return FALSE;
      *n_rows = found->len;
      return TRUE;
    }

  for (;;)
    {
      g_autoptr(GPtrArray) page = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      page = fid_store_list_customers (store, &filter, FID_CUSTOMER_SORT_NAME, after, PAGE_SIZE, error);
      if (page == NULL)
        return FALSE;
      for (guint i = 0; i < page->len; i++)
        if (!write_customer (stream, page->pdata[i], cancellable, error))
          return FALSE;
      n += page->len;
      if (page->len < PAGE_SIZE)
        break;
      g_clear_pointer (&after, fid_customer_cursor_free);
      after = fid_customer_cursor_new_for (FID_CUSTOMER_SORT_NAME, page->pdata[page->len - 1]);
    }
  *n_rows = n;
  return TRUE;
}

/* The command ------------------------------------------------------------------------ */

typedef struct
{
  FidCustomersExport *export;
  char               *path;     /* the database */
  GFile              *file;
  GtkWidget          *page;
  guint64             n_rows;
} Job;

static void
job_free (Job *job)
{
  fid_customers_export_free (job->export);
  g_free (job->path);
  g_clear_object (&job->file);
  g_clear_object (&job->page);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = fid_store_open (job->path, FID_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(GFileOutputStream) stream = NULL;

  /* Replaced whole or not at all: a failed export leaves the old file. */
  if (store != NULL)
    stream = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!fid_customers_export_write (job->export, store, G_OUTPUT_STREAM (stream), &job->n_rows,
                                   cancellable, &error))
    {
      /* Closing after an error discards the new file (REPLACE_DESTINATION). */
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  GtkRoot *root = gtk_widget_get_root (job->page);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *name = g_file_get_basename (job->file);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    /* Translators: a toast: the file, then why */
    text = g_strdup_printf (_("Could not export the list to %s: %s"), name, error->message);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " customer exported to %s",
                                         "%" PRIu64 " customers exported to %s", job->n_rows),
                            (uint64_t) job->n_rows, name);
  escaped = g_markup_escape_text (text, -1);
  if (FID_IS_WINDOW (root))
    fid_window_add_toast (FID_WINDOW (root), adw_toast_new (escaped));
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        Job             *job)
{
  g_autoptr(GTask) task = NULL;

  job->file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_object_unref (chooser);
  if (job->file == NULL)
    {
      job_free (job);
      return;
    }
  task = g_task_new (NULL, NULL, on_exported_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
}

void
fid_customers_export_run (FidCustomersExport *self,
                          GtkWidget          *page,
                          FidStore           *store)
{
  GtkRoot *root = gtk_widget_get_root (page);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  Job *job = g_new0 (Job, 1);

  job->export = self;
  job->path = g_strdup (fid_store_get_path (store));
  job->page = g_object_ref (page);

  chooser = gtk_file_chooser_native_new (_("Export the List as CSV"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name of an exported customer list */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("customers.csv"));
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
