/* SPDX-License-Identifier: GPL-3.0-or-later */

/* fidelis-cli customer show ID FILE: a customer's 360 view as one JSON
 * document. Money is written as a decimal string in euros ("1234.50"), the
 * form of the CSV export, because a JSON number would go through a double
 * and could print 0.1 as 0.10000000000000001. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fid-cli-admin.h"
#include "fid-cli-private.h"
#include "fid-store-audit.h"
#include "fid-store-export.h"
#include "fid-text.h"

#define TIMELINE_HEAD 20

/* Properties shown elsewhere in the document than under "identity": the
 * joined names under "advisor" and "branch", the store's aggregates under
 * "aggregates". */
static const char * const identity_skipped[] = {
  "advisor-name", "branch-name", "tx-count", "tx-sum-cents", "margin-cents",
  "first-tx-date", "last-tx-date", "last-contact-at", NULL
};

static int
compare_pspec_names (gconstpointer a,
                     gconstpointer b)
{
  const GParamSpec *pa = *(const GParamSpec * const *) a;
  const GParamSpec *pb = *(const GParamSpec * const *) b;

  return strcmp (pa->name, pb->name);
}

static void
add_money (JsonBuilder *builder,
           const char  *member,
           gint64       cents)
{
  g_autofree char *euros = fid_text_cents_to_decimal (cents);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, euros);
}

/* NULL and "" both mean "none" in the store (last-contact-at is '' until
 * the first interaction); JSON says null. */
static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL || value[0] == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

/* Every readable property of @object as a member, except @skipped, so that
 * a field added to the model shows up here without a change. Names use
 * underscores like the CSV columns; "x-cents" becomes "x" in euros; a
 * reference id of 0 and an int64 equal to a -1 "unknown" default are null. */
static void
add_properties (JsonBuilder        *builder,
                GObject            *object,
                const char * const *skipped)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  /* The class lists them in hash order; sorting keeps the output stable. */
  qsort (pspecs, n_pspecs, sizeof *pspecs, compare_pspec_names);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *member = NULL;

      if (!(pspec->flags & G_PARAM_READABLE) ||
          (skipped != NULL && g_strv_contains (skipped, pspec->name)))
        continue;

      member = g_strdelimit (g_strdup (pspec->name), "-", '_');
      g_value_init (&value, pspec->value_type);
      g_object_get_property (object, pspec->name, &value);

      if (pspec->value_type == G_TYPE_STRING)
        {
          json_builder_set_member_name (builder, member);
          if (g_value_get_string (&value) == NULL)
            json_builder_add_null_value (builder);
          else
            json_builder_add_string_value (builder, g_value_get_string (&value));
        }
      else if (pspec->value_type == G_TYPE_BOOLEAN)
        {
          json_builder_set_member_name (builder, member);
          json_builder_add_boolean_value (builder, g_value_get_boolean (&value));
        }
      else if (pspec->value_type == G_TYPE_INT64)
        {
          gint64 number = g_value_get_int64 (&value);
          gboolean unknown = (number == -1 && G_PARAM_SPEC_INT64 (pspec)->default_value == -1) ||
                             (number == 0 && g_str_has_suffix (member, "_id"));

          if (g_str_has_suffix (member, "_cents"))
            member[strlen (member) - strlen ("_cents")] = '\0';

          if (unknown)
            {
              json_builder_set_member_name (builder, member);
              json_builder_add_null_value (builder);
            }
          else if (g_str_has_suffix (pspec->name, "-cents"))
            {
              add_money (builder, member, number);
            }
          else
            {
              json_builder_set_member_name (builder, member);
              json_builder_add_int_value (builder, number);
            }
        }
    }
}

/* {"id": …, "name": …} or null when @id is 0 (none). */
static void
add_reference (JsonBuilder *builder,
               const char  *member,
               gint64       id,
               const char  *name)
{
  json_builder_set_member_name (builder, member);
  if (id == 0)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  add_string_or_null (builder, "name", name);
  json_builder_end_object (builder);
}

static gboolean
add_household (JsonBuilder  *builder,
               FidStore     *store,
               FidCustomer  *customer,
               GError      **error)
{
  gint64 household_id = fid_customer_get_household_id (customer);
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *name = NULL;

  json_builder_set_member_name (builder, "household");
  if (household_id == 0)
    {
      json_builder_add_null_value (builder);
      return TRUE;
    }

  name = fid_store_dup_household_name (store, household_id, error);
  if (name == NULL)
    return FALSE;
  members = fid_store_get_household_members (store, fid_customer_get_id (customer), error);
  if (members == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, household_id);
  add_string_or_null (builder, "name", name);
  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < members->len; i++)
    {
      FidCustomer *member = g_ptr_array_index (members, i);
      g_autofree char *member_name = fid_customer_dup_display_name (member);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, fid_customer_get_id (member));
      add_string_or_null (builder, "name", member_name);
      add_string_or_null (builder, "role", fid_customer_get_household_role (member));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_consents (JsonBuilder  *builder,
              FidStore     *store,
              gint64        customer_id,
              GError      **error)
{
  g_autoptr(GPtrArray) consents = fid_store_get_consents (store, customer_id, error);

  if (consents == NULL)
    return FALSE;

  /* Keyed by channel: "consents": {"email": {"marketing": true, …}}. */
  json_builder_set_member_name (builder, "consents");
  json_builder_begin_object (builder);
  for (guint i = 0; i < consents->len; i++)
    {
      FidConsent *consent = g_ptr_array_index (consents, i);

      json_builder_set_member_name (builder, consent->channel);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "marketing");
      json_builder_add_boolean_value (builder, consent->marketing);
      add_string_or_null (builder, "given_at", consent->given_at);
      add_string_or_null (builder, "source", consent->source);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_holdings (JsonBuilder  *builder,
              FidStore     *store,
              gint64        customer_id,
              GError      **error)
{
  g_autoptr(GPtrArray) holdings = fid_store_get_holdings (store, customer_id, error);

  if (holdings == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "holdings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < holdings->len; i++)
    {
      json_builder_begin_object (builder);
      add_properties (builder, g_ptr_array_index (holdings, i), NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static void
add_aggregates (JsonBuilder *builder,
                FidCustomer *customer)
{
  json_builder_set_member_name (builder, "aggregates");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tx_count");
  json_builder_add_int_value (builder, fid_customer_get_tx_count (customer));
  add_money (builder, "revenue", fid_customer_get_tx_sum_cents (customer));
  add_money (builder, "margin", fid_customer_get_margin_cents (customer));
  add_string_or_null (builder, "first_tx_date", fid_customer_get_first_tx_date (customer));
  add_string_or_null (builder, "last_tx_date", fid_customer_get_last_tx_date (customer));
  add_string_or_null (builder, "last_contact_at", fid_customer_get_last_contact_at (customer));
  json_builder_end_object (builder);
}

static gboolean
add_timeline (JsonBuilder  *builder,
              FidStore     *store,
              gint64        customer_id,
              GError      **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  entries = fid_store_get_timeline (store, customer_id, NULL, TIMELINE_HEAD, error);
  if (entries == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "timeline");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      FidTimelineEntry *entry = g_ptr_array_index (entries, i);
      const char *kind = fid_timeline_entry_get_kind (entry);
      gint64 amount = fid_timeline_entry_get_amount_cents (entry);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "kind", kind);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, fid_timeline_entry_get_id (entry));
      add_string_or_null (builder, "at", fid_timeline_entry_get_at (entry));
      add_string_or_null (builder, "channel", fid_timeline_entry_get_channel (entry));
      add_string_or_null (builder, "title", fid_timeline_entry_get_title (entry));
      add_string_or_null (builder, "detail", fid_timeline_entry_get_detail (entry));
      add_string_or_null (builder, "author", fid_timeline_entry_get_author (entry));
      add_string_or_null (builder, "status", fid_timeline_entry_get_status (entry));
      /* Only transactions carry money; elsewhere the store's 0 means none. */
      if (amount != 0 || g_strcmp0 (kind, "transaction") == 0)
        add_money (builder, "amount", amount);
      else
        add_string_or_null (builder, "amount", NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static int
customer_show (FidStore *store,
               gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FidCustomer) customer = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  customer = fid_store_get_customer (store, id, &error);
  if (customer == NULL)
    return fid_cli_runtime_error (error);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "identity");
  json_builder_begin_object (builder);
  add_properties (builder, G_OBJECT (customer), identity_skipped);
  json_builder_end_object (builder);

  if (!add_household (builder, store, customer, &error))
    return fid_cli_runtime_error (error);
  add_reference (builder, "advisor", fid_customer_get_advisor_id (customer),
                 fid_customer_get_advisor_name (customer));
  add_reference (builder, "branch", fid_customer_get_branch_id (customer),
                 fid_customer_get_branch_name (customer));
  if (!add_consents (builder, store, id, &error) ||
      !add_holdings (builder, store, id, &error))
    return fid_cli_runtime_error (error);
  add_aggregates (builder, customer);
  if (!add_timeline (builder, store, id, &error))
    return fid_cli_runtime_error (error);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);

  return FID_CLI_EXIT_OK;
}

/* fidelis-cli customer show ID FILE */
int
fid_cli_customer (int    argc,
                  char **argv)
{
  g_autoptr(FidStore) store = NULL;
  gint64 id;
  int status;

  if (argc < 1)
    return fid_cli_usage_error (_("customer needs a subcommand: show"));
  if (!g_str_equal (argv[0], "show"))
    return fid_cli_usage_error (_("unknown customer subcommand “%s”"), argv[0]);
  if (argc != 3)
    return fid_cli_usage_error (_("customer show takes two arguments, the customer id and the database file"));
  if (!fid_cli_parse_id (argv[1], &id))
    return fid_cli_usage_error (_("“%s” is not a customer id (a positive whole number)"), argv[1]);

  store = fid_cli_open_audited_store (argv[2]);
  if (store == NULL)
    return FID_CLI_EXIT_FAILURE;

  status = customer_show (store, id);
  /* Showing the 360 view is an opening of it (audit trail). */
  if (status == FID_CLI_EXIT_OK)
    fid_store_audit_customer_view (store, id, NULL);
  return status;
}
