/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidDemo: writes a plausible French retail bank into a new Fidelis file.
 *
 * The bank is a pure function of (seed, number of customers, reference
 * date): one xoshiro stream drives every draw in a fixed order, dates are
 * computed from the reference date and never from the clock, and rows are
 * inserted in generation order, so their ids repeat too.
 *
 * Customers are drawn a batch of about a hundred at a time (households
 * whole), written with one multi-row INSERT, then their rows (transactions,
 * contacts, tickets…) are streamed through FidBulkLoader's prepared
 * statements. Only the small tables (branches, advisors, products,
 * campaigns, survey items) and the current batch stay in memory, so a
 * million customers cost no more memory than a thousand; the rest is
 * SQLite's page cache.
 *
 * Revenue is Pareto-shaped on purpose: each customer gets a lognormal scale
 * that multiplies every flow, so about a tenth of the customers make about
 * two thirds of the revenue, as the ABC analysis of the course expects.
 *
 * This file has the FidDemo object, the writing (sync and async, with
 * progress) and the generation loop; fid-demo-people.c draws the branches,
 * advisors, products and customers, fid-demo-activity.c everything they do.
 * fid-demo-private.h has the generation context they share. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "fid-demo-private.h"
#include "fid-store-loyalty.h"
#include "fid-text.h"
#include "fid-tx-columns.h"

struct _FidDemo
{
  GObject  parent_instance;

  guint    n_customers;
  guint64  seed;
  int      reference_day;   /* days since 1970-01-01 */
};

enum {
  PROP_0,
  PROP_N_CUSTOMERS,
  PROP_SEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FidDemo, fid_demo, G_TYPE_OBJECT)

/* Async: progress crosses from the generating thread to the caller's main
 * context. The relay is shared by the task and by every queued update, and
 * the caller's data is released, in that context, when the last of them is
 * gone. Updates are idle sources attached to the context rather than
 * g_main_context_invoke_full(): a GTask worker's thread-default context is
 * the global default, so invoke would run the callback right there in the
 * worker whenever it can acquire a default context nobody is iterating. */
typedef struct
{
  gatomicrefcount      ref_count;
  GMainContext        *context;
  FidDemoProgressFunc  func;
  gpointer             data;
  GDestroyNotify       destroy;
  /* Worker thread only. */
  gint64               last_sent;
  const char          *last_stage;
} ProgressRelay;

typedef struct
{
  ProgressRelay *relay;
  double         fraction;
  char          *stage;
} ProgressUpdate;

typedef struct
{
  FidDemo       *snapshot;  /* settings frozen at the call */
  char          *path;
  ProgressRelay *relay;
} WriteData;

/* At most this many progress updates per second reach the main context. */
#define PROGRESS_RATE 20

static ProgressRelay *
progress_relay_ref (ProgressRelay *relay)
{
  g_atomic_ref_count_inc (&relay->ref_count);
  return relay;
}

static void
progress_relay_unref (ProgressRelay *relay)
{
  if (!g_atomic_ref_count_dec (&relay->ref_count))
    return;
  if (relay->destroy != NULL)
    relay->destroy (relay->data);
  g_main_context_unref (relay->context);
  g_free (relay);
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  progress_relay_unref (update->relay);
  g_free (update->stage);
  g_free (update);
}

static void
invoke_in_context (GMainContext   *context,
                   GSourceFunc     func,
                   gpointer        data,
                   GDestroyNotify  notify)
{
  GSource *source = g_idle_source_new ();

  /* Same priority as the GTask's completion, and attached before it, so
   * every update is delivered before the result. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[fidelis] demo progress");
  g_source_attach (source, context);
  g_source_unref (source);
}

static gboolean
release_in_context (gpointer data)
{
  return G_SOURCE_REMOVE;
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *update = data;

  update->relay->func (update->fraction, update->stage, update->relay->data);
  return G_SOURCE_REMOVE;
}

/* Runs in the generating thread. */
static void
relay_progress (double      fraction,
                const char *stage,
                gpointer    user_data)
{
  ProgressRelay *relay = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressUpdate *update;

  /* Stage changes and the final update always go through; the rest are
   * thinned to PROGRESS_RATE a second so a fast generator cannot flood the
   * main loop. Stage strings are static translations: pointers compare. */
  if (stage == relay->last_stage && fraction < 1.0 &&
      now - relay->last_sent < G_USEC_PER_SEC / PROGRESS_RATE)
    return;
  relay->last_sent = now;
  relay->last_stage = stage;

  update = g_new0 (ProgressUpdate, 1);
  update->relay = progress_relay_ref (relay);
  update->fraction = fraction;
  update->stage = g_strdup (stage);
  invoke_in_context (relay->context, deliver_progress, update, progress_update_free);
}

static void
write_data_free (gpointer data)
{
  WriteData *write_data = data;

  g_clear_object (&write_data->snapshot);
  g_free (write_data->path);
  /* The task may be finalized in the worker thread: drop our reference in
   * the caller's context, so that progress_data_destroy runs there. */
  if (write_data->relay != NULL)
    invoke_in_context (write_data->relay->context, release_in_context, write_data->relay,
                       (GDestroyNotify) progress_relay_unref);
  g_free (write_data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (fid_demo_write (data->snapshot, data->path, cancellable,
                      data->relay != NULL ? relay_progress : NULL, data->relay, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The generator */

#define CHECKPOINT_EVERY  50000  /* customers per commit: keeps the WAL bounded */

/* A name reduced to the characters of an e-mail address. */
char *
fid_demo_email_part (const char *name)
{
  g_autofree char *folded = fid_text_fold (name);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static char **
email_parts_for (const char * const *names,
                 gsize                stride,
                 guint                n)
{
  char **parts = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    parts[i] = fid_demo_email_part (*(const char * const *) ((const char *) names + i * stride));
  return parts;
}

static void
init_first_name_pickers (Gen                    *gen,
                         int                     female,
                         const FidDemoFirstName *names,
                         guint                   n)
{
  g_autofree guint32 *weights = g_new (guint32, n);

  for (guint era = 0; era < N_ERAS; era++)
    {
      double centre = 1925 + 10 * era;

      /* A name is given around its peak year, fading over a generation. */
      for (guint i = 0; i < n; i++)
        {
          double distance = (centre - names[i].peak_year) / 13.0;

          weights[i] = (guint32) (1 + 100.0 * names[i].weight * exp (-distance * distance));
        }
      fid_demo_picker_init (&gen->first_names[female][era], weights, n);
    }
}

static void
gen_init (Gen *gen)
{
  g_autofree guint32 *weights = NULL;

  init_first_name_pickers (gen, 1, fid_demo_female_names, fid_demo_female_names_len);
  init_first_name_pickers (gen, 0, fid_demo_male_names, fid_demo_male_names_len);

  weights = g_new (guint32, MAX (fid_demo_surnames_len, fid_demo_cities_len));
  for (guint i = 0; i < fid_demo_surnames_len; i++)
    weights[i] = fid_demo_surnames[i].weight;
  fid_demo_picker_init (&gen->surnames, weights, fid_demo_surnames_len);
  for (guint i = 0; i < fid_demo_cities_len; i++)
    weights[i] = fid_demo_cities[i].population;
  fid_demo_picker_init (&gen->cities, weights, fid_demo_cities_len);

  gen->email_female = email_parts_for (&fid_demo_female_names[0].name, sizeof (FidDemoFirstName),
                                       fid_demo_female_names_len);
  gen->email_male = email_parts_for (&fid_demo_male_names[0].name, sizeof (FidDemoFirstName),
                                     fid_demo_male_names_len);
  gen->email_surnames = email_parts_for (&fid_demo_surnames[0].name, sizeof (FidDemoSurname),
                                         fid_demo_surnames_len);

  gen->batch = g_new0 (Customer, CUSTOMER_BATCH);
  gen->batch_rows = g_new0 (FidBulkCustomer, CUSTOMER_BATCH);
  gen->batch_ids = g_new0 (gint64, CUSTOMER_BATCH);

  for (guint c = 0; c < N_CHANNELS; c++)
    gen->notes_by_channel[c] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < fid_demo_notes_len; i++)
    for (guint c = 0; c < N_CHANNELS; c++)
      if (g_str_equal (fid_demo_notes[i].channel, channel_names[c]))
        g_array_append_val (gen->notes_by_channel[c], i);
  for (guint i = 0; i < fid_demo_notes_len; i++)
    if (g_str_equal (fid_demo_notes[i].subject, "Reprise de contact"))
      gen->reprise_note = i;
  for (guint k = 0; k < G_N_ELEMENTS (ticket_kinds); k++)
    {
      gen->tickets_by_kind[k] = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < fid_demo_ticket_subjects_len; i++)
        if (g_str_equal (fid_demo_ticket_subjects[i].kind, ticket_kinds[k]))
          g_array_append_val (gen->tickets_by_kind[k], i);
    }
}

static void
gen_clear (Gen *gen)
{
  for (guint s = 0; s < 2; s++)
    for (guint era = 0; era < N_ERAS; era++)
      fid_demo_picker_clear (&gen->first_names[s][era]);
  fid_demo_picker_clear (&gen->surnames);
  fid_demo_picker_clear (&gen->cities);
  g_strfreev (gen->email_female);
  g_strfreev (gen->email_male);
  g_strfreev (gen->email_surnames);
  for (guint c = 0; c < fid_demo_cities_len && gen->city_branches != NULL; c++)
    g_array_unref (gen->city_branches[c]);
  g_free (gen->city_branches);
  g_free (gen->nearest_branch);
  g_free (gen->branches);
  g_free (gen->advisor_ids);
  g_free (gen->product_ids);
  for (guint f = 0; f < N_FAMILIES; f++)
    {
      fid_demo_picker_clear (&gen->family_products[f]);
      g_free (gen->family_members[f]);
    }
  g_free (gen->batch);
  g_free (gen->batch_rows);
  g_free (gen->batch_ids);
  g_free (gen->kano_items);
  g_free (gen->servqual_items);
  for (guint i = 0; i < G_N_ELEMENTS (gen->campaigns); i++)
    g_free (gen->campaigns[i].subject);
  for (guint c = 0; c < N_CHANNELS; c++)
    g_clear_pointer (&gen->notes_by_channel[c], g_array_unref);
  for (guint k = 0; k < G_N_ELEMENTS (gen->tickets_by_kind); k++)
    g_clear_pointer (&gen->tickets_by_kind[k], g_array_unref);
  g_clear_object (&gen->loader);
}

static void
report (Gen        *gen,
        double      fraction,
        const char *stage)
{
  if (gen->progress != NULL)
    gen->progress (fraction, stage, gen->progress_data);
}

/* The share of the progress bar where the analysis cache is built. */
#define ANALYSIS_PROGRESS_FROM 0.97

/* fid_tx_columns_rebuild's progress, as the last part of the generation's. */
static void
report_analysis_progress (double   fraction,
                          gpointer user_data)
{
  report (user_data, ANALYSIS_PROGRESS_FROM + (1.0 - ANALYSIS_PROGRESS_FROM) * fraction,
          _("Preparing the analyses"));
}

/* The rows that hang off a written customer. */
static gboolean
add_customer_rows (Gen       *gen,
                   Customer  *c,
                   GError   **error)
{
  return fid_demo_gen_add_consents (gen, c, error) &&
         fid_demo_gen_add_holdings (gen, c, error) &&
         fid_demo_gen_add_transactions (gen, c, error) &&
         fid_demo_gen_add_interactions (gen, c, error) &&
         fid_demo_gen_add_ticket (gen, c, error) &&
         fid_demo_gen_add_life_event (gen, c, error) &&
         fid_demo_gen_add_opportunity (gen, c, error) &&
         fid_demo_gen_add_campaign_targets (gen, c, error) &&
         fid_demo_gen_add_survey_responses (gen, c, error);
}

/* Customers are drawn a batch at a time, written with one multi-row INSERT,
 * then their transactions, contacts and the rest follow. */
static gboolean
add_customer_batch (Gen       *gen,
                    guint      n,
                    GError   **error)
{
  guint drawn = 0;

  while (drawn < n)
    {
      /* A household never straddles two batches. */
      guint added = fid_demo_gen_draw_group (gen, &gen->batch[drawn], MIN (4, n - drawn), error);

      if (added == 0)
        return FALSE;
      drawn += added;
      if (drawn + 4 > CUSTOMER_BATCH)
        break;
    }
  for (guint i = 0; i < drawn; i++)
    fid_demo_gen_prepare_customer_row (gen, &gen->batch[i], &gen->batch_rows[i]);
  if (!fid_bulk_loader_add_customers (gen->loader, gen->batch_rows, drawn, gen->batch_ids, error))
    return FALSE;
  for (guint i = 0; i < drawn; i++)
    {
      gen->batch[i].id = gen->batch_ids[i];
      if (!add_customer_rows (gen, &gen->batch[i], error))
        return FALSE;
    }
  gen->n_done += drawn;
  return TRUE;
}

static gboolean
fid_demo_generate (FidStore             *store,
                   guint                 n_customers,
                   guint64               seed,
                   int                   today,
                   GCancellable         *cancellable,
                   FidDemoProgressFunc   progress,
                   gpointer              user_data,
                   GError              **error)
{
  const char *stage;
  Gen gen = { 0, };
  guint next_checkpoint = CHECKPOINT_EVERY;
  guint report_every = MAX (1, n_customers / 1000);
  guint next_report = 0;
  gboolean ok = FALSE;

  gen.today = today;
  gen.n_customers = n_customers;
  gen.cancellable = cancellable;
  gen.progress = progress;
  gen.progress_data = user_data;
  fid_demo_rng_seed (&gen.rng, seed);
  gen_init (&gen);

  report (&gen, 0.0, _("Preparing branches and products"));
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  gen.loader = fid_bulk_loader_new_full (store, FID_BULK_LOADER_FRESH_FILE, error);
  if (gen.loader == NULL ||
      !fid_demo_gen_add_products (&gen, error) ||
      !fid_demo_gen_add_branches (&gen, error) ||
      !fid_demo_gen_add_campaigns (&gen, error) ||
      !fid_demo_gen_add_surveys (&gen, error))
    goto out;

  stage = _("Generating customers");
  while (gen.n_done < n_customers)
    {
      if (gen.n_done >= next_report)
        {
          report (&gen, 0.02 + 0.93 * gen.n_done / n_customers, stage);
          next_report = gen.n_done + report_every;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      if (!add_customer_batch (&gen, MIN (CUSTOMER_BATCH, n_customers - gen.n_done), error))
        goto out;

      /* Commit now and then, so that dirty pages go to the file instead
       * of piling up in memory. */
      if (gen.n_done >= next_checkpoint)
        {
          if (!fid_bulk_loader_checkpoint (gen.loader, error))
            goto out;
          next_checkpoint += CHECKPOINT_EVERY;
        }
    }

  report (&gen, 0.95, _("Writing the file"));
  ok = fid_bulk_loader_commit (gen.loader, error);

  /* The analyses read the transactions from a cache file that the load
   * left to be built (fid-tx-columns.c): built now, a new bank is ready
   * for them. The loader goes first, to put the connection's settings
   * back. */
  if (ok)
    {
      g_clear_object (&gen.loader);
      report_analysis_progress (0.0, &gen);
      ok = fid_tx_columns_rebuild (store, report_analysis_progress, &gen, cancellable, error);
    }
  /* The loyalty programme and the engagement scores (issue 14). */
  if (ok)
    {
      char today_iso[11];

      fid_demo_format_date (today_iso, today);
      ok = fid_store_loyalty_seed_demo (store, today_iso, error);
    }

out:
  gen_clear (&gen);
  return ok;
}

/* Files */

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static gboolean
refuse_existing (const char  *path,
                 GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("“%s” already exists. Choose another file name, or remove it first."), path);
  return FALSE;
}

/* GObject */

static void
fid_demo_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FidDemo *self = FID_DEMO (object);

  switch (prop_id)
    {
    case PROP_N_CUSTOMERS:
      g_value_set_uint (value, self->n_customers);
      break;
    case PROP_SEED:
      g_value_set_uint64 (value, self->seed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_demo_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  FidDemo *self = FID_DEMO (object);

  switch (prop_id)
    {
    case PROP_N_CUSTOMERS:
      self->n_customers = g_value_get_uint (value);
      break;
    case PROP_SEED:
      self->seed = g_value_get_uint64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fid_demo_class_init (FidDemoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = fid_demo_get_property;
  object_class->set_property = fid_demo_set_property;

  properties[PROP_N_CUSTOMERS] =
    g_param_spec_uint ("n-customers", NULL, NULL, 0, G_MAXUINT, 1000,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEED] =
    g_param_spec_uint64 ("seed", NULL, NULL, 0, G_MAXUINT64, 1,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fid_demo_init (FidDemo *self)
{
  self->reference_day = fid_demo_days_from_civil (2026, 6, 30);
}

/* Public API */

FidDemo *
fid_demo_new (guint   n_customers,
              guint64 seed)
{
  return g_object_new (FID_TYPE_DEMO,
                       "n-customers", n_customers,
                       "seed", seed,
                       NULL);
}

guint
fid_demo_get_n_customers (FidDemo *self)
{
  g_return_val_if_fail (FID_IS_DEMO (self), 0);
  return self->n_customers;
}

guint64
fid_demo_get_seed (FidDemo *self)
{
  g_return_val_if_fail (FID_IS_DEMO (self), 0);
  return self->seed;
}

void
fid_demo_set_reference_date (FidDemo *self,
                             GDate   *date)
{
  g_return_if_fail (FID_IS_DEMO (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->reference_day = fid_demo_days_from_civil (g_date_get_year (date),
                                                  g_date_get_month (date),
                                                  g_date_get_day (date));
}

gboolean
fid_demo_write (FidDemo              *self,
                const char           *path,
                GCancellable         *cancellable,
                FidDemoProgressFunc   progress,
                gpointer              user_data,
                GError              **error)
{
  g_autofree char *partial = NULL;
  g_autoptr(FidStore) store = NULL;
  gboolean ok;

  g_return_val_if_fail (FID_IS_DEMO (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_existing (path, error))
    return FALSE;

  /* A .partial left by a crashed run is ours to replace. */
  partial = g_strconcat (path, ".partial", NULL);
  remove_database_files (partial);

  store = fid_store_open (partial, FID_STORE_OPEN_CREATE, error);
  if (store == NULL)
    {
      remove_database_files (partial);
      return FALSE;
    }

  ok = fid_demo_generate (store, self->n_customers, self->seed, self->reference_day,
                          cancellable, progress, user_data, error);

  /* Closing checkpoints the WAL into the file and removes -wal and -shm,
   * so only the finished file is renamed. */
  g_clear_object (&store);

  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok && !refuse_existing (path, error))
    ok = FALSE;
  if (ok && g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not move the demo bank to “%s”: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    {
      remove_database_files (partial);
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, _("Done"), user_data);
  return TRUE;
}

void
fid_demo_write_async (FidDemo              *self,
                      const char           *path,
                      GCancellable         *cancellable,
                      FidDemoProgressFunc   progress,
                      gpointer              progress_data,
                      GDestroyNotify        progress_data_destroy,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (FID_IS_DEMO (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (WriteData, 1);
  data->snapshot = fid_demo_new (self->n_customers, self->seed);
  data->snapshot->reference_day = self->reference_day;
  data->path = g_strdup (path);
  if (progress != NULL)
    {
      data->relay = g_new0 (ProgressRelay, 1);
      g_atomic_ref_count_init (&data->relay->ref_count);
      data->relay->context = g_main_context_ref_thread_default ();
      data->relay->func = progress;
      data->relay->data = progress_data;
      data->relay->destroy = progress_data_destroy;
    }
  else if (progress_data_destroy != NULL)
    {
      progress_data_destroy (progress_data);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fid_demo_write_async);
  g_task_set_task_data (task, data, write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
fid_demo_write_finish (FidDemo       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (FID_IS_DEMO (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
