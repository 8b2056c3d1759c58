/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli audit verify FILE: checks the audit trail's hash chain and
 * names the first row that breaks it.
 * fidelis-cli audit list FILE [--customer ID] [--limit N]: the rows, newest
 * first, tab-separated. */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>

#include "fid-cli-admin.h"
#include "fid-store-audit.h"

#define PAGE_SIZE 1000

static void
set_cli_actor (FidStore *store)
{
  g_autofree char *actor = g_strdup_printf ("cli:%s", g_get_user_name ());

  fid_store_set_actor (store, actor);
}

FidStore *
fid_cli_open_writable_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  FidStore *store;

  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      fid_cli_runtime_error (error);
      return NULL;
    }
  set_cli_actor (store);
  return store;
}

FidStore *
fid_cli_open_audited_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  FidStore *store;

  store = fid_store_open (path, FID_STORE_OPEN_DEFAULT, &error);
  if (store == NULL && g_error_matches (error, FID_STORE_ERROR, FID_STORE_ERROR_READ_ONLY))
    {
      g_clear_error (&error);
      store = fid_store_open (path, FID_STORE_OPEN_READ_ONLY, &error);
      if (store != NULL)
        fprintf (stderr, "fidelis-cli: %s\n",
                 _("note: the file is read-only, so this command is not recorded in its audit trail."));
    }
  if (store == NULL)
    {
      fid_cli_runtime_error (error);
      return NULL;
    }
  set_cli_actor (store);
  return store;
}

static int
audit_verify (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  FidAuditVerification result;

  store = fid_cli_open_store (path);
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;
  if (!fid_store_audit_verify (store, &result, NULL, &error))
    return fid_cli_runtime_error (error);

  if (result.broken_id != 0)
    {
      printf (_("Audit trail broken at row %" PRId64 ": %s\n"), result.broken_id, result.reason);
      fid_audit_verification_clear (&result);
      return FID_CLI_EXIT_FAILURE;
    }
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "Audit trail intact: %" PRId64 " row, last hash %s\n",
                       "Audit trail intact: %" PRId64 " rows, last hash %s\n",
                       result.n_rows),
          result.n_rows, result.head_hash);
  fid_audit_verification_clear (&result);
  return FID_CLI_EXIT_OK;
}

static char *
tsv_field (const char *text)
{
  return g_strdelimit (g_strdup (text ? text : ""), "\t\r\n", ' ');
}

static int
audit_list (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidStore) store = NULL;
  const char *path = NULL;
  gint64 customer_id = 0;
  gint64 limit = G_MAXINT64;
  gint64 before = 0;
  gint64 printed = 0;

  for (int i = 0; i < argc; i++)
    {
      gboolean matched;
      const char *value;

      value = fid_cli_take_option_value (argc, argv, &i, "--customer", &matched);
      if (matched)
        {
          if (value == NULL || !fid_cli_parse_id (value, &customer_id))
            return fid_cli_usage_error (_("--customer takes a customer id (a positive whole number)"));
          continue;
        }
      value = fid_cli_take_option_value (argc, argv, &i, "--limit", &matched);
      if (matched)
        {
          if (value == NULL || !fid_cli_parse_id (value, &limit))
            return fid_cli_usage_error (_("--limit takes a positive whole number"));
          continue;
        }
      if (argv[i][0] == '-' || path != NULL)
        return fid_cli_usage_error (_("unexpected argument “%s”"), argv[i]);
      path = argv[i];
    }
  if (path == NULL)
    return fid_cli_usage_error (_("audit list takes the database file"));

  store = fid_cli_open_store (path);
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;

  printf ("id\tat\tactor\taction\tentity\tentity_id\tcustomer_id\tdetails\n");
  while (printed < limit)
    {
      g_autoptr(GPtrArray) rows = fid_store_audit_list (store, customer_id, before, PAGE_SIZE, &error);

      if (rows == NULL)
        return fid_cli_runtime_error (error);
      for (guint i = 0; i < rows->len && printed < limit; i++, printed++)
        {
          FidAuditEntry *row = g_ptr_array_index (rows, i);
          g_autofree char *actor = tsv_field (row->actor);
          g_autofree char *details = tsv_field (row->details);
          g_autofree char *entity_id = row->entity_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, row->entity_id)
                                                          : g_strdup ("");
          g_autofree char *customer = row->customer_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, row->customer_id)
                                                           : g_strdup ("");

          printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
                  row->id, row->at, actor, row->action, row->entity, entity_id, customer, details);
          before = row->id;
        }
      if (rows->len < PAGE_SIZE)
        break;
    }
  return FID_CLI_EXIT_OK;
}

/* fidelis-cli audit verify|list … */
int
fid_cli_audit (int    argc,
               char **argv)
{
  if (argc < 1)
    return fid_cli_usage_error (_("audit needs a subcommand: verify or list"));
  if (g_str_equal (argv[0], "verify"))
    {
      if (argc != 2)
        return fid_cli_usage_error (_("audit verify takes one argument, the database file"));
      return audit_verify (argv[1]);
    }
  if (g_str_equal (argv[0], "list"))
    return audit_list (argc - 1, argv + 1);
  return fid_cli_usage_error (_("unknown audit subcommand “%s”"), argv[0]);
}
