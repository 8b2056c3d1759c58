/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: the SQLite file behind Fidelis.
 *
 * Opening is careful because the user may hand us anything: the file is
 * checked (exists, is SQLite, is not truncated, is a Fidelis database, is
 * not from a newer Fidelis) before a single byte is written, so a refused
 * file is left exactly as it was. Only then are WAL and the migrations
 * applied, each migration in its own transaction.
 *
 * A FidStore is one connection: use it from one thread at a time (a worker
 * thread opens its own store on the same path). */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fid-sql-resources.h"
#include "fid-store-audit.h"
#include "fid-store-private.h"
#include "fid-text.h"

#define SQL_RESOURCE_PATH "/io/github/fidelis/Fidelis/sql"
#define APPLICATION_MARK  "io.github.fidelis.Fidelis"

struct _FidStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *actor;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt*, owned */
  GArray     *audit_pending; /* FidAuditPendingView: 360 views not yet in the audit log */
  int         schema_version;
  guint       read_only : 1;
};

G_DEFINE_FINAL_TYPE (FidStore, fid_store, G_TYPE_OBJECT)

/* Domain tables in schema order: what `info` counts and the digest covers. */
static const char * const table_names[] = {
  "branches", "advisors", "households", "customers", "consents", "customer_stats",
  "products", "holdings", "transactions", "campaigns", "campaign_targets",
  "interactions", "tickets", "life_events", "opportunities", "surveys",
  "survey_items", "survey_responses", "survey_answers", "segment_snapshots",
  "audit_log", NULL
};

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
clear_pending_view (gpointer data)
{
  FidAuditPendingView *view = data;

  g_clear_pointer (&view->at, g_free);
}

static void
fid_store_dispose (GObject *object)
{
  FidStore *self = FID_STORE (object);

  /* A last try for the 360 views still queued (another program held the
   * lock when they were opened), waiting as long as any write would. */
  if (self->db != NULL && self->audit_pending != NULL && self->audit_pending->len > 0 &&
      !self->read_only && sqlite3_get_autocommit (self->db))
    {
      g_autoptr(GError) local_error = NULL;

      if (!fid_store_begin (self, &local_error) ||
          !fid_store_audit_flush_pending (self, &local_error))
        g_warning ("%u opening(s) of a customer could not be written to the audit log: %s",
                   self->audit_pending->len, local_error->message);
    }

  /* Statements must be finalized before the connection closes. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }

  G_OBJECT_CLASS (fid_store_parent_class)->dispose (object);
}

static void
fid_store_finalize (GObject *object)
{
  FidStore *self = FID_STORE (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->audit_pending, g_array_unref);

  G_OBJECT_CLASS (fid_store_parent_class)->finalize (object);
}

static void
fid_store_class_init (FidStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fid_store_dispose;
  object_class->finalize = fid_store_finalize;
}

static void
fid_store_init (FidStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  /* Who writes, until the application names the advisor
   * (fid_store_set_actor_advisor) or the CLI says "cli:LOGIN". */
  self->actor = g_strdup (g_get_user_name ());
  self->audit_pending = g_array_new (FALSE, FALSE, sizeof (FidAuditPendingView));
  g_array_set_clear_func (self->audit_pending, clear_pending_view);
}

/* Private helpers shared with the other fid-store-*.c files. */

sqlite3 *
fid_store_get_db (FidStore *self)
{
  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  return self->db;
}

const char *
fid_store_get_actor (FidStore *self)
{
  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  return self->actor;
}

GArray *
fid_store_get_audit_pending (FidStore *self)
{
  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  return self->audit_pending;
}

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return FID_STORE_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:
      return FID_STORE_ERROR_CORRUPT;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return FID_STORE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return FID_STORE_ERROR_BUSY;
    case SQLITE_CANTOPEN:
      return FID_STORE_ERROR_NOT_FOUND;
    default:
      return FID_STORE_ERROR_FAILED;
    }
}

void
fid_store_set_sqlite_error (FidStore    *self,
                            GError     **error,
                            int          rc,
                            const char  *doing)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int code = error_code_for_sqlite (rc);

  if (code == FID_STORE_ERROR_CORRUPT)
    g_set_error (error, FID_STORE_ERROR, code,
                 _("“%s” is damaged (%s). Restore it from a backup."),
                 self->path, detail);
  else if (code == FID_STORE_ERROR_READ_ONLY)
    g_set_error (error, FID_STORE_ERROR, code,
                 _("Cannot write to “%s” (%s). Check that the file and its folder are writable."),
                 self->path, detail);
  else if (code == FID_STORE_ERROR_BUSY)
    /* After the busy timeout: SQLite's own words ("database is locked")
     * tell a user nothing; what happened and what to do does. */
    g_set_error (error, FID_STORE_ERROR, code,
                 _("“%s” is being saved by another Fidelis window or program (an import, a backup) "
                   "and did not become free in time. Nothing was changed: try again in a moment."),
                 self->path);
  else
    g_set_error (error, FID_STORE_ERROR, code,
                 _("Could not %s in “%s”: %s"), doing, self->path, detail);
}

sqlite3_stmt *
fid_store_prepare (FidStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      fid_store_set_sqlite_error (self, error, rc, _("prepare a query"));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
fid_store_exec (FidStore    *self,
                const char  *sql,
                GError     **error)
{
  int rc;

  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      fid_store_set_sqlite_error (self, error, rc, _("run a statement"));
      return FALSE;
    }
  return TRUE;
}

gboolean
fid_store_step_row (FidStore      *self,
                    sqlite3_stmt  *stmt,
                    const char    *doing,
                    GError       **error,
                    const char    *not_found,
                    ...)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *message = NULL;
      va_list args;

      va_start (args, not_found);
      message = g_strdup_vprintf (not_found, args);
      va_end (args);
      g_set_error_literal (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND, message);
    }
  else
    fid_store_set_sqlite_error (self, error, rc, doing);
  return FALSE;
}

gboolean
fid_store_begin (FidStore  *self,
                 GError   **error)
{
  /* IMMEDIATE takes the write lock now, so a second instance waits (busy
   * timeout) instead of failing halfway through with SQLITE_BUSY. */
  return fid_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
fid_store_commit (FidStore  *self,
                  GError   **error)
{
  if (!fid_store_exec (self, "COMMIT", error))
    {
      fid_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
fid_store_rollback (FidStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
fid_store_audit (FidStore    *self,
                 const char  *action,
                 const char  *entity,
                 gint64       entity_id,
                 const char  *details,
                 GError     **error)
{
  /* One writer of the audit log: the hash chain is computed there. */
  return fid_store_audit_append (self, action, entity, entity_id, details, error);
}

const char *
fid_sqlite_text (sqlite3_stmt *stmt,
                 int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

void
fid_sqlite_bind_text_or_null (sqlite3_stmt *stmt,
                              int           index,
                              const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
fid_store_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}

/* Opening */

/* fid_fold (text): fid_text_fold in SQL, for the migrations. Nothing stored
 * in the schema calls it, so other SQLite clients can still write. */
static void
sql_fold (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *folded = NULL;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  folded = fid_text_fold (text);
  sqlite3_result_text (context, folded, -1, SQLITE_TRANSIENT);
}

/* Reads up to the first @length bytes of @path and its size through a
 * read-only SQLite connection's own file handle. Never with a descriptor of
 * our own: closing any descriptor of a file drops every POSIX lock this
 * process holds on it, so a plain open-read-close while another connection
 * of the process has the bank open (the refresh thread, a backup) would
 * silently release that connection's locks, and another program could
 * then write under it. SQLite's VFS keeps its descriptors open until no
 * lock needs them. */
static gboolean
read_file_start (const char  *path,
                 guint8      *buffer,
                 gsize        length,
                 gsize       *n_read,
                 goffset     *size,
                 GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_file *file = NULL;
  sqlite3_int64 file_size = 0;
  int rc;

  *n_read = 0;
  *size = 0;
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc == SQLITE_OK && (file == NULL || file->pMethods == NULL))
    rc = SQLITE_CANTOPEN;
  if (rc == SQLITE_OK)
    rc = file->pMethods->xFileSize (file, &file_size);
  if (rc == SQLITE_OK && file_size > 0)
    {
      *n_read = (gsize) MIN ((sqlite3_int64) length, file_size);
      rc = file->pMethods->xRead (file, buffer, (int) *n_read, 0);
    }
  if (rc != SQLITE_OK)
    g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_READ_ONLY,
                 _("Cannot read “%s”: %s"), path, sqlite3_errstr (rc));
  *size = file_size;
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

/* Reads the 100-byte SQLite header, if the file has one. A file that does
 * not start with the magic string is not SQLite; one shorter than its
 * header's page count says is truncated. Both are refused before SQLite
 * ever opens them for writing. */
static gboolean
check_file_header (const char  *path,
                   GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  gsize n_read = 0;
  guint32 page_size, page_count, change_counter, valid_for;
  goffset size = 0;

  if (!read_file_start (path, header, sizeof header, &n_read, &size, error))
    return FALSE;
  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Fidelis database (it is not an SQLite file). "
                     "Choose a file created by Fidelis, or import it instead."), path);
      return FALSE;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = GUINT32_FROM_BE (*(guint32 *) (header + 28));
  change_counter = GUINT32_FROM_BE (*(guint32 *) (header + 24));
  valid_for = GUINT32_FROM_BE (*(guint32 *) (header + 92));
  /* The in-header size is only trustworthy when the writer kept it current,
   * which SQLite signals by matching these two counters. */
  if (page_count > 0 && change_counter == valid_for && (goffset) page_size * page_count > size)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_CORRUPT,
                   _("“%s” is truncated: it should hold %u pages but the file stops early. "
                     "Restore it from a backup."), path, page_count);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (FidStore    *self,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *out = 0;
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the schema"));
      return FALSE;
    }
  return TRUE;
}

/* A database is ours when it is empty (we create the schema) or carries our
 * mark in fidelis_meta. Any other SQLite file is refused untouched. */
static gboolean
check_identity (FidStore  *self,
                GError   **error)
{
  int n_objects = 0, has_meta = 0, marked = 0;

  if (!query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error) ||
      !query_int (self, "PRAGMA user_version", &self->schema_version, error))
    return FALSE;

  if (n_objects == 0 && self->schema_version == 0)
    return TRUE;

  if (!query_int (self, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'fidelis_meta'",
                  &has_meta, error))
    return FALSE;
  if (has_meta &&
      !query_int (self, "SELECT count(*) FROM fidelis_meta WHERE key = 'application' AND value = '" APPLICATION_MARK "'",
                  &marked, error))
    return FALSE;
  if (!marked)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database but not a Fidelis one. "
                     "Choose a file created by Fidelis."), self->path);
      return FALSE;
    }
  if (self->schema_version > fid_store_get_latest_schema_version ())
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Fidelis (schema %d; this version knows up to %d). "
                     "Update Fidelis to open it."),
                   self->path, self->schema_version, fid_store_get_latest_schema_version ());
      return FALSE;
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char **
list_migrations (void)
{
  /* The resource is used directly rather than through the global registry:
   * nothing else references it, and a static library would drop it. */
  g_auto(GStrv) names = g_resource_enumerate_children (fid_sql_get_resource (), SQL_RESOURCE_PATH, 0, NULL);
  GPtrArray *sql_names = g_ptr_array_new ();
  /* Tests build a database of an earlier version through the store itself
   * (the migrations with C steps): FIDELIS_TEST_SCHEMA_LIMIT=N stops there. */
  const char *limit_text = g_getenv ("FIDELIS_TEST_SCHEMA_LIMIT");
  int limit = limit_text != NULL ? atoi (limit_text) : 0;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql") && g_ascii_isdigit (names[i][0]) &&
        (limit <= 0 || atoi (names[i]) <= limit))
      g_ptr_array_add (sql_names, g_strdup (names[i]));
  g_ptr_array_sort (sql_names, compare_names);
  g_ptr_array_add (sql_names, NULL);
  return (char **) g_ptr_array_free (sql_names, FALSE);
}

int
fid_store_get_latest_schema_version (void)
{
  g_auto(GStrv) names = list_migrations ();
  guint n = g_strv_length (names);

  return n > 0 ? atoi (names[n - 1]) : 0;
}

/* What a migration needs beyond its SQL, run after it in its transaction. */
static const struct
{
  int        version;
  gboolean (*run) (FidStore *self, GError **error);
} migration_steps[] = {
  /* 005-audit.sql: the version-4 audit rows get their hash chain. */
  { 5, fid_store_audit_migrate_v4 },
};

static gboolean
run_migration_steps (FidStore  *self,
                     int        version,
                     GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (migration_steps); i++)
    if (migration_steps[i].version == version && !migration_steps[i].run (self, error))
      return FALSE;
  return TRUE;
}

static gboolean
apply_migrations (FidStore  *self,
                  GError   **error)
{
  g_auto(GStrv) names = list_migrations ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      int version = atoi (names[i]);
      g_autofree char *resource = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (version <= self->schema_version)
        continue;

      resource = g_build_path ("/", SQL_RESOURCE_PATH, names[i], NULL);
      bytes = g_resource_lookup_data (fid_sql_get_resource (), resource, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

      /* One transaction per migration, with the version bump inside it: a
       * crash leaves the file at the previous version, never in between. */
      if (!fid_store_begin (self, error))
        return FALSE;
      if (!fid_store_exec (self, sql, error) || !run_migration_steps (self, version, error) ||
          !fid_store_exec (self, set_version, error))
        {
          fid_store_rollback (self);
          g_prefix_error (error, _("Upgrading to schema %d failed: "), version);
          return FALSE;
        }
      if (!fid_store_commit (self, error))
        return FALSE;
      self->schema_version = version;
    }
  return TRUE;
}

FidStore *
fid_store_open (const char         *path,
                FidStoreOpenFlags   flags,
                GError            **error)
{
  g_autoptr(FidStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean exists;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (FID_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & FID_STORE_OPEN_READ_ONLY) != 0;

  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NO_DIRECTORY,
                   _("Cannot open “%s”: the folder “%s” does not exist. Create it or choose another location."),
                   path, dir);
      return NULL;
    }
  if (!self->read_only && !fid_store_check_local_filesystem (path, dir, error))
    return NULL;

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && (!(flags & FID_STORE_OPEN_CREATE) || self->read_only))
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist. Check the name, or create a demo bank with “fidelis-cli demo”."),
                   path);
      return NULL;
    }
  if (exists)
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_NOT_A_DATABASE,
                       _("“%s” is a folder, not a Fidelis database."), path);
          return NULL;
        }
      if (!check_file_header (path, error))
        return NULL;
      if (!self->read_only && access (path, W_OK) != 0)
        {
          g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_READ_ONLY,
                       _("“%s” is read-only: Fidelis needs to write to it. "
                         "Make it writable, or copy it to a folder of yours."), path);
          return NULL;
        }
    }
  else if (access (dir, W_OK) != 0)
    {
      g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_READ_ONLY,
                   _("Cannot create “%s”: the folder “%s” is not writable."), path, dir);
      return NULL;
    }

  open_flags = self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (!exists)
    open_flags |= SQLITE_OPEN_CREATE;
  rc = sqlite3_open_v2 (path, &self->db, open_flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      fid_store_set_sqlite_error (self, error, rc, _("open the database"));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  /* A second instance writing the same file waits up to 5 s for the lock
   * instead of reporting "database is locked". */
  sqlite3_busy_timeout (self->db, FID_STORE_BUSY_TIMEOUT_MS);
  sqlite3_create_function_v2 (self->db, "fid_fold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, sql_fold, NULL, NULL, NULL);

  if (!check_identity (self, error))
    return NULL;

  /* 16 MiB of page cache (SQLite's default is 2 MiB): a filtered list
   * sorts a portfolio's few thousand rows for every page it shows, and
   * after the first page they are read from here instead of the file.
   * (64 MiB made the 360 view slower: more fresh pages to fault in.) */
  if (!fid_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384", error))
    return NULL;

  if (self->read_only)
    {
      if (self->schema_version < fid_store_get_latest_schema_version () &&
          !(flags & FID_STORE_OPEN_ANY_VERSION))
        {
          g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_READ_ONLY,
                       _("“%s” uses an older schema (%d) and must be upgraded: open it once in Fidelis with write access."),
                       path, self->schema_version);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  /* WAL: readers never block the writer; synchronous=FULL because these are
   * a bank's customer records and an edit must survive a power cut. */
  if (!fid_store_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", error) ||
      !apply_migrations (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
fid_store_forget_statements (FidStore *self)
{
  g_return_if_fail (FID_IS_STORE (self));

  g_hash_table_remove_all (self->statements);
}

gboolean
fid_store_reload_schema (FidStore  *self,
                         GError   **error)
{
  g_return_val_if_fail (FID_IS_STORE (self), FALSE);

  /* The statements were prepared for the old schema: SQLite re-prepares
   * them, but dropping them keeps nothing of the old file alive. */
  fid_store_forget_statements (self);
  if (!check_identity (self, error))
    return FALSE;
  return self->read_only || apply_migrations (self, error);
}

const char *
fid_store_get_path (FidStore *self)
{
  g_return_val_if_fail (FID_IS_STORE (self), NULL);
  return self->path;
}

int
fid_store_get_schema_version (FidStore *self)
{
  g_return_val_if_fail (FID_IS_STORE (self), 0);
  return self->schema_version;
}

gboolean
fid_store_is_read_only (FidStore *self)
{
  g_return_val_if_fail (FID_IS_STORE (self), TRUE);
  return self->read_only;
}

void
fid_store_set_actor (FidStore   *self,
                     const char *actor)
{
  g_return_if_fail (FID_IS_STORE (self));
  g_return_if_fail (actor != NULL);

  g_free (self->actor);
  self->actor = g_strdup (actor);
}

GArray *
fid_store_count_rows (FidStore             *self,
                      const char * const  **names,
                      GError              **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  for (guint i = 0; table_names[i] != NULL; i++)
    {
      /* Table names come from our static list, never from the caller. */
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table_names[i]);
      sqlite3_stmt *stmt = fid_store_prepare (self, sql, error);
      gint64 count;
      int rc;

      if (stmt == NULL)
        return NULL;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          fid_store_set_sqlite_error (self, error, rc, _("count rows"));
          return NULL;
        }
      count = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      g_array_append_val (counts, count);
    }

  if (names != NULL)
    *names = table_names;
  return g_steal_pointer (&counts);
}

char *
fid_store_content_digest (FidStore  *self,
                          GError   **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (FID_IS_STORE (self), NULL);

  for (guint i = 0; table_names[i] != NULL; i++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      /* The audit log records wall-clock times: not content. */
      if (g_str_equal (table_names[i], "audit_log"))
        continue;

      /* ORDER BY every column gives one order for any table shape. */
      sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2, 3", table_names[i]);
      rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          fid_store_set_sqlite_error (self, error, rc, _("compute the digest"));
          return NULL;
        }
      g_checksum_update (checksum, (const guchar *) table_names[i], -1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          int n = sqlite3_column_count (stmt);

          for (int c = 0; c < n; c++)
            {
              const guchar *text = sqlite3_column_text (stmt, c);

              g_checksum_update (checksum, text ? text : (const guchar *) "\1NULL", -1);
              g_checksum_update (checksum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (checksum, (const guchar *) "\x1e", 1);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          fid_store_set_sqlite_error (self, error, rc, _("compute the digest"));
          return NULL;
        }
    }

  return g_strdup (g_checksum_get_string (checksum));
}
