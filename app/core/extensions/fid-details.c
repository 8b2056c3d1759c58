/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading and writing members of an interaction's details (JSON). */

#include "config.h"

#include "fid-details.h"

JsonObject *
fid_details_parse (const char *details)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (details == NULL || details[0] == '\0')
    return json_object_new ();

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, details, -1, NULL))
    return json_object_new ();

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return json_object_new ();

  return json_object_ref (json_node_get_object (root));
}

char *
fid_details_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (object != NULL, NULL);

  json_node_set_object (node, object);

  return json_to_string (node, FALSE);
}

static JsonObject *
parse_interaction (FidInteraction *interaction)
{
  return fid_details_parse (fid_interaction_get_details (interaction));
}

static void
store_interaction (FidInteraction *interaction,
                   JsonObject     *object)
{
  g_autofree char *text = fid_details_to_string (object);

  fid_interaction_set_details (interaction, text);
}

char *
fid_details_dup_string (FidInteraction *interaction,
                        const char     *key)
{
  g_autoptr(JsonObject) object = NULL;
  JsonNode *node;

  g_return_val_if_fail (FID_IS_INTERACTION (interaction), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  object = parse_interaction (interaction);
  node = json_object_get_member (object, key);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

gint64
fid_details_get_int (FidInteraction *interaction,
                     const char     *key,
                     gint64          fallback)
{
  g_autoptr(JsonObject) object = NULL;
  JsonNode *node;

  g_return_val_if_fail (FID_IS_INTERACTION (interaction), fallback);
  g_return_val_if_fail (key != NULL, fallback);

  object = parse_interaction (interaction);
  node = json_object_get_member (object, key);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;

  return json_node_get_int (node);
}

gboolean
fid_details_get_boolean (FidInteraction *interaction,
                         const char     *key,
                         gboolean        fallback)
{
  g_autoptr(JsonObject) object = NULL;
  JsonNode *node;

  g_return_val_if_fail (FID_IS_INTERACTION (interaction), fallback);
  g_return_val_if_fail (key != NULL, fallback);

  object = parse_interaction (interaction);
  node = json_object_get_member (object, key);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;

  return json_node_get_boolean (node);
}

char **
fid_details_dup_strv (FidInteraction *interaction,
                      const char     *key)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node;
  JsonArray *array;

  g_return_val_if_fail (FID_IS_INTERACTION (interaction), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  object = parse_interaction (interaction);
  node = json_object_get_member (object, key);
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }

  return g_strv_builder_end (builder);
}

void
fid_details_set_string (FidInteraction *interaction,
                        const char     *key,
                        const char     *value)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_if_fail (FID_IS_INTERACTION (interaction));
  g_return_if_fail (key != NULL);

  object = parse_interaction (interaction);
  if (value != NULL)
    json_object_set_string_member (object, key, value);
  else
    json_object_remove_member (object, key);
  store_interaction (interaction, object);
}

void
fid_details_set_int (FidInteraction *interaction,
                     const char     *key,
                     gint64          value)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_if_fail (FID_IS_INTERACTION (interaction));
  g_return_if_fail (key != NULL);

  object = parse_interaction (interaction);
  json_object_set_int_member (object, key, value);
  store_interaction (interaction, object);
}

void
fid_details_set_boolean (FidInteraction *interaction,
                         const char     *key,
                         gboolean        value)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_if_fail (FID_IS_INTERACTION (interaction));
  g_return_if_fail (key != NULL);

  object = parse_interaction (interaction);
  json_object_set_boolean_member (object, key, value);
  store_interaction (interaction, object);
}

void
fid_details_set_strv (FidInteraction     *interaction,
                      const char         *key,
                      const char * const *value)
{
  g_autoptr(JsonObject) object = NULL;
  JsonArray *array;

  g_return_if_fail (FID_IS_INTERACTION (interaction));
  g_return_if_fail (key != NULL);

  object = parse_interaction (interaction);
  array = json_array_new ();
  for (guint i = 0; value != NULL && value[i] != NULL; i++)
    json_array_add_string_element (array, value[i]);
  json_object_set_array_member (object, key, array);
  store_interaction (interaction, object);
}
