/* SPDX-License-Identifier: GPL-3.0-or-later */

/* GeoJSON territories: a whole-file validation first, so that a file with
 * one bad feature imports nothing. Errors name the feature as a person
 * counts (the first is 1) and, once it is known, its code. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "fid-geojson.h"

G_DEFINE_QUARK (fid-geojson-error-quark, fid_geojson_error)

void
fid_territory_free (FidTerritory *territory)
{
  if (territory == NULL)
    return;
  g_free (territory->code);
  g_free (territory->name);
  g_clear_pointer (&territory->geometry, fid_geometry_unref);
  g_free (territory);
}

typedef struct
{
  guint    feature;     /* 1-based */
  guint    n_positions; /* in the whole file */
  gboolean any_not_swapped;
} Parse;

static gboolean
read_number (JsonNode *node,
             double   *value)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;
  return isfinite (*value);
}

/* A ring: at least 4 positions, closed, in range. Appended to @geometry
 * without its closing position. */
static gboolean
read_ring (Parse        *parse,
           JsonNode     *node,
           FidGeometry  *geometry,
           GError      **error)
{
  JsonArray *array;
  guint n;
  g_autoptr(GArray) points = NULL;
  FidPoint *first, *last;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_BAD_COORDINATES,
                   _("Feature %u: a ring of its outline is not a list of positions."), parse->feature);
      return FALSE;
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < 4)
    {
      g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_RING_TOO_SHORT,
                   _("Feature %u: a ring has %u positions; it needs at least 4 (a triangle and its closing point)."),
                   parse->feature, n);
      return FALSE;
    }
  parse->n_positions += n;
  if (parse->n_positions > FID_GEOJSON_MAX_POSITIONS)
    {
      g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_TOO_LARGE,
                   _("Feature %u: the file has more than %u positions; simplify the outlines first."),
                   parse->feature, (guint) FID_GEOJSON_MAX_POSITIONS);
      return FALSE;
    }
  points = g_array_sized_new (FALSE, FALSE, sizeof (FidPoint), n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *pos = json_array_get_element (array, i);
      JsonArray *xy;
      FidPoint p;

      if (!JSON_NODE_HOLDS_ARRAY (pos)
          || json_array_get_length (xy = json_node_get_array (pos)) < 2
          || !read_number (json_array_get_element (xy, 0), &p.x)
          || !read_number (json_array_get_element (xy, 1), &p.y))
        {
          g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_BAD_COORDINATES,
                       _("Feature %u: position %u is not a pair of numbers [longitude, latitude]."),
                       parse->feature, i + 1);
          return FALSE;
        }
      if (fabs (p.x) > 180 || fabs (p.y) > 90)
        {
          g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_OUT_OF_RANGE,
                       _("Feature %u: position %u (%g, %g) is not a longitude and latitude in degrees; "
                         "the file must use WGS 84 degrees (EPSG:4326), not projected metres."),
                       parse->feature, i + 1, p.x, p.y);
          return FALSE;
        }
      /* A French territory read with latitude first has its "longitudes"
       * between 41 and 52 and its "latitudes" between −6 and 10. */
      if (!(p.x >= 41 && p.x <= 52 && p.y >= -6 && p.y <= 10))
        parse->any_not_swapped = TRUE;
      g_array_append_val (points, p);
    }
  first = &g_array_index (points, FidPoint, 0);
  last = &g_array_index (points, FidPoint, n - 1);
  if (first->x != last->x || first->y != last->y)
    {
      g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_RING_NOT_CLOSED,
                   _("Feature %u: a ring is not closed (its last position must repeat its first)."),
                   parse->feature);
      return FALSE;
    }
  fid_geometry_add_ring (geometry, (const FidPoint *) (gpointer) points->data, n - 1);
  return TRUE;
}

static gboolean
read_polygon (Parse        *parse,
              JsonNode     *node,
              FidGeometry  *geometry,
              GError      **error)
{
  JsonArray *rings;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node)
      || json_array_get_length (rings = json_node_get_array (node)) == 0)
    {
      g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_BAD_COORDINATES,
                   _("Feature %u: a polygon has no rings."), parse->feature);
      return FALSE;
    }
  fid_geometry_begin_polygon (geometry);
  for (guint r = 0; r < json_array_get_length (rings); r++)
    if (!read_ring (parse, json_array_get_element (rings, r), geometry, error))
      return FALSE;
  return TRUE;
}

static FidGeometry *
read_geometry (Parse       *parse,
               JsonObject  *feature,
               GError     **error)
{
  JsonNode *node = json_object_get_member (feature, "geometry");
  g_autoptr(FidGeometry) geometry = fid_geometry_new ();
  JsonObject *object;
  const char *type;
  JsonNode *coordinates;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_GEOMETRY_TYPE,
                   _("Feature %u has no geometry; a territory needs a Polygon or a MultiPolygon."),
                   parse->feature);
      return NULL;
    }
  object = json_node_get_object (node);
  type = json_object_get_string_member_with_default (object, "type", "");
  coordinates = json_object_get_member (object, "coordinates");
  if (g_strcmp0 (type, "Polygon") == 0)
    {
      if (!read_polygon (parse, coordinates, geometry, error))
        return NULL;
    }
  else if (g_strcmp0 (type, "MultiPolygon") == 0)
    {
      JsonArray *polygons;

      if (coordinates == NULL || !JSON_NODE_HOLDS_ARRAY (coordinates)
          || json_array_get_length (polygons = json_node_get_array (coordinates)) == 0)
        {
          g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_BAD_COORDINATES,
                       _("Feature %u: its MultiPolygon has no polygons."), parse->feature);
          return NULL;
        }
      for (guint p = 0; p < json_array_get_length (polygons); p++)
        if (!read_polygon (parse, json_array_get_element (polygons, p), geometry, error))
          return NULL;
    }
  else
    {
      g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_GEOMETRY_TYPE,
                   _("Feature %u is a “%s”; a territory must be a Polygon or a MultiPolygon."),
                   parse->feature, type);
      return NULL;
    }
  return g_steal_pointer (&geometry);
}

/* A property as text: strings as they are, integers written out (some
 * files carry codes as numbers). NULL when absent or blank. */
static char *
read_property (JsonObject *properties,
               const char *name)
{
  JsonNode *node = properties ? json_object_get_member (properties, name) : NULL;
  g_autofree char *text = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    text = g_strstrip (g_strdup (json_node_get_string (node)));
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (text == NULL || *text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

static FidTerritory *
read_feature (Parse       *parse,
              JsonNode    *node,
              const char  *name_property,
              const char  *code_property,
              GError     **error)
{
  g_autoptr(FidTerritory) territory = g_new0 (FidTerritory, 1);
  JsonObject *feature, *properties = NULL;
  JsonNode *props;

  if (!JSON_NODE_HOLDS_OBJECT (node)
      || g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node), "type", ""),
                    "Feature") != 0)
    {
      g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_NOT_FEATURES,
                   _("Feature %u is not a GeoJSON Feature object."), parse->feature);
      return NULL;
    }
  feature = json_node_get_object (node);
  props = json_object_get_member (feature, "properties");
  if (props != NULL && JSON_NODE_HOLDS_OBJECT (props))
    properties = json_node_get_object (props);
  territory->code = read_property (properties, code_property);
  if (territory->code == NULL)
    {
      g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_MISSING_PROPERTY,
                   _("Feature %u has no “%s” property for its code."), parse->feature, code_property);
      return NULL;
    }
  territory->name = read_property (properties, name_property);
  if (territory->name == NULL)
    {
      g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_MISSING_PROPERTY,
                   _("Feature %u (code %s) has no “%s” property for its name."),
                   parse->feature, territory->code, name_property);
      return NULL;
    }
  territory->geometry = read_geometry (parse, feature, error);
  if (territory->geometry == NULL)
    return NULL;
  return g_steal_pointer (&territory);
}

GPtrArray *
fid_geojson_parse_territories (const char  *data,
                               gsize        length,
                               const char  *name_property,
                               const char  *code_property,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) territories = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_territory_free);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  Parse parse = { 0 };
  JsonNode *root;
  JsonObject *object;
  const char *type;
  JsonArray *features = NULL;
  guint n;

  g_return_val_if_fail (name_property != NULL && code_property != NULL, NULL);
  if (length > FID_GEOJSON_MAX_BYTES)
    {
      g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB; simplify the outlines first."),
                   (guint) (FID_GEOJSON_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_SYNTAX,
                   _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_NOT_FEATURES,
                           _("The file is not a GeoJSON FeatureCollection."));
      return NULL;
    }
  object = json_node_get_object (root);
  type = json_object_get_string_member_with_default (object, "type", "");
  if (g_strcmp0 (type, "FeatureCollection") == 0)
    {
      JsonNode *node = json_object_get_member (object, "features");

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        features = json_node_get_array (node);
    }
  else if (g_strcmp0 (type, "Feature") == 0)
    {
      features = json_array_new ();
      json_array_add_element (features, json_node_copy (root));
      g_object_set_data_full (G_OBJECT (parser), "features", features, (GDestroyNotify) json_array_unref);
    }
  n = features ? json_array_get_length (features) : 0;
  if (n == 0)
    {
      g_set_error_literal (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_NOT_FEATURES,
                           _("The file has no features: a GeoJSON FeatureCollection of polygons is expected."));
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      FidTerritory *territory;

      parse.feature = i + 1;
      territory = read_feature (&parse, json_array_get_element (features, i), name_property, code_property, error);
      if (territory == NULL)
        return NULL;
      if (g_hash_table_contains (codes, territory->code))
        {
          g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_DUPLICATE_CODE,
                       _("Feature %u has the code %s, like an earlier feature; codes must be unique."),
                       parse.feature, territory->code);
          fid_territory_free (territory);
          return NULL;
        }
      g_ptr_array_add (territories, territory);
      g_hash_table_add (codes, territory->code);
    }
  if (!parse.any_not_swapped)
    {
      g_set_error_literal (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_SWAPPED,
                           _("Feature 1: the coordinates look like latitude, longitude (every “longitude” "
                             "between 41 and 52, every “latitude” between −6 and 10, which is France "
                             "turned around); GeoJSON wants longitude first."));
      return NULL;
    }
  return g_steal_pointer (&territories);
}

GPtrArray *
fid_geojson_load_territories (GFile       *file,
                              const char  *name_property,
                              const char  *code_property,
                              GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > FID_GEOJSON_MAX_BYTES)
    {
      g_set_error (error, FID_GEOJSON_ERROR, FID_GEOJSON_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB; simplify the outlines first."),
                   (guint) (FID_GEOJSON_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;
  return fid_geojson_parse_territories (contents, length, name_property, code_property, error);
}
