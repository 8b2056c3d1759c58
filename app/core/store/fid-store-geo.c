/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FidStore: territories and the assignment of customers to them.
 *
 * The assignment is one pass over the customers with coordinates, joined
 * to the R*Tree of territory boxes (SQLite walks the tree once per
 * customer, inside the statement), then an exact point-in-polygon test in
 * C on the two or three candidates, on outlines decoded once. The nearest
 * branch is a scan of the branches in Lambert-93 metres (a bank has tens
 * to hundreds of them). The rows are written in the caller's transaction. */

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fid-store-geo.h"
#include "fid-store-private.h"

void
fid_geo_territory_free (FidGeoTerritory *territory)
{
  if (territory == NULL)
    return;
  g_free (territory->code);
  g_free (territory->name);
  g_clear_pointer (&territory->geometry, fid_geometry_unref);
  g_free (territory);
}

void
fid_geo_branch_free (FidGeoBranch *branch)
{
  if (branch == NULL)
    return;
  g_free (branch->code);
  g_free (branch->name);
  g_free (branch);
}

double
fid_geo_branch_own_share (const FidGeoBranch *branch)
{
  return branch->customers > 0 ? (double) branch->own_in_cell / (double) branch->customers : 0;
}

double
fid_geo_territory_value (const FidGeoTerritory *territory,
                         FidGeoMeasure          measure)
{
  switch (measure)
    {
    case FID_GEO_MEASURE_CUSTOMERS:
      return (double) territory->customers;
    case FID_GEO_MEASURE_REVENUE:
      return (double) territory->revenue_cents;
    case FID_GEO_MEASURE_PENETRATION:
      return territory->penetration;
    case FID_GEO_MEASURE_MEAN_MARGIN:
      return territory->customers > 0 ? (double) territory->margin_cents / (double) territory->customers : 0;
    case FID_GEO_MEASURE_SEGMENT:
      return territory->customers > 0 ? (double) territory->segment_customers / (double) territory->customers : 0;
    default:
      return 0;
    }
}

static gint64
current_set_id (FidStore  *self,
                GError   **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self, "SELECT id FROM territory_sets WHERE is_current = 1", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the territories"));
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

char *
fid_store_geo_dup_current_set (FidStore  *self,
                               GError   **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self, "SELECT name FROM territory_sets WHERE is_current = 1", error);
  char *name = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = g_strdup (fid_sqlite_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    fid_store_set_sqlite_error (self, error, rc, _("read the territories"));
  sqlite3_reset (stmt);
  return name;
}

/* Assignment ------------------------------------------------------------- */

typedef struct
{
  gint64 id;
  double x;
  double y;
} Site;

static GArray *
read_sites (FidStore  *self,
            GError   **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self,
    "SELECT id, longitude, latitude FROM branches"
    " WHERE longitude IS NOT NULL AND latitude IS NOT NULL ORDER BY id", error);
  g_autoptr(GArray) sites = g_array_new (FALSE, FALSE, sizeof (Site));
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Site site = { sqlite3_column_int64 (stmt, 0), 0, 0 };

      fid_lambert93_project (sqlite3_column_double (stmt, 1), sqlite3_column_double (stmt, 2), &site.x, &site.y);
      g_array_append_val (sites, site);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the branches"));
      return NULL;
    }
  return g_steal_pointer (&sites);
}

/* Territory id → FidGeometry, for the current set. */
static GHashTable *
read_outlines (FidStore  *self,
               gint64     set_id,
               GError   **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self, "SELECT id, geometry FROM territories WHERE set_id = ?1", error);
  g_autoptr(GHashTable) outlines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify) fid_geometry_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, set_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidGeometry *geometry = fid_geometry_deserialize (sqlite3_column_blob (stmt, 1),
                                                        (gsize) sqlite3_column_bytes (stmt, 1));

      if (geometry == NULL)
        {
          g_set_error (error, FID_STORE_ERROR, FID_STORE_ERROR_CORRUPT,
                       _("The outline of territory %" PRId64 " is damaged."), (gint64) sqlite3_column_int64 (stmt, 0));
          sqlite3_reset (stmt);
          return NULL;
        }
      g_hash_table_insert (outlines, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                           geometry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the territories"));
      return NULL;
    }
  return g_steal_pointer (&outlines);
}

static void
nearest_site (const GArray *sites,
              double        longitude,
              double        latitude,
              gint64       *branch_id,
              double       *distance)
{
  double x, y, best = INFINITY;

  *branch_id = 0;
  fid_lambert93_project (longitude, latitude, &x, &y);
  for (guint i = 0; i < sites->len; i++)
    {
      const Site *s = &g_array_index (sites, Site, i);
      double d2 = (s->x - x) * (s->x - x) + (s->y - y) * (s->y - y);

      /* Strictly nearer: on a tie the branch with the smaller id stays. */
      if (d2 < best)
        {
          best = d2;
          *branch_id = s->id;
        }
    }
  *distance = *branch_id > 0 ? sqrt (best) : 0;
}

/* A customer outside every outline: simplified coastlines leave harbour
 * fronts in the sea, so the nearest territory within FID_GEO_SNAP_METRES
 * takes them (on a tie, the smaller id). Farther away (abroad) they stay
 * outside. Only these customers pay for this second R*Tree query. */
static gboolean
snap_to_nearest (FidStore    *self,
                 GHashTable  *outlines,
                 double       longitude,
                 double       latitude,
                 gint64      *territory_id,
                 GError     **error)
{
  double x_scale = 111320.0 * cos (latitude * G_PI / 180.0), y_scale = 110540.0;
  double best = FID_GEO_SNAP_METRES;
  sqlite3_stmt *stmt = fid_store_prepare (self,
    "SELECT id FROM territory_boxes WHERE max_lon >= ?1 - ?3 AND min_lon <= ?1 + ?3"
    " AND max_lat >= ?2 - ?4 AND min_lat <= ?2 + ?4 ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_double (stmt, 1, longitude);
  sqlite3_bind_double (stmt, 2, latitude);
  sqlite3_bind_double (stmt, 3, FID_GEO_SNAP_METRES / MAX (x_scale, 1.0));
  sqlite3_bind_double (stmt, 4, FID_GEO_SNAP_METRES / y_scale);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      FidGeometry *outline = g_hash_table_lookup (outlines, &id);
      double distance;

      if (outline == NULL)
        continue;
      distance = fid_geometry_boundary_distance (outline, longitude, latitude, x_scale, y_scale);
      if (distance < best)
        {
          best = distance;
          *territory_id = id;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("place the customers"));
      return FALSE;
    }
  return TRUE;
}

/* Re-assigning mostly finds every row as it was: compare, write only
 * what changed. */
#define UPSERT_SQL \
  "INSERT INTO customer_territories (customer_id, territory_id, nearest_branch_id, branch_distance_m)" \
  " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (customer_id) DO UPDATE SET" \
  " territory_id = excluded.territory_id, nearest_branch_id = excluded.nearest_branch_id," \
  " branch_distance_m = excluded.branch_distance_m" \
  " WHERE territory_id IS NOT excluded.territory_id OR nearest_branch_id IS NOT excluded.nearest_branch_id" \
  " OR branch_distance_m IS NOT excluded.branch_distance_m"

/* @insert: UPSERT_SQL, prepared once by the caller (a million rows: the
 * statement cache's lookup by text would cost more than the write). */
static gboolean
write_assignment (FidStore     *self,
                  sqlite3_stmt *insert,
                  gint64        customer_id,
                  gint64        territory_id,
                  gint64        branch_id,
                  double        distance,
                  GError      **error)
{
  sqlite3_reset (insert);
  sqlite3_clear_bindings (insert);
  sqlite3_bind_int64 (insert, 1, customer_id);
  fid_sqlite_bind_id_or_null (insert, 2, territory_id);
  fid_sqlite_bind_id_or_null (insert, 3, branch_id);
  if (branch_id > 0)
    sqlite3_bind_double (insert, 4, round (distance * 10) / 10);
  return fid_store_step_write (self, insert, _("place a customer"), error);
}

/* In the caller's transaction. */
static gboolean
assign_in_transaction (FidStore           *self,
                       FidGeoAssignStats  *stats,
                       GError            **error)
{
  gint64 set_id = current_set_id (self, error);
  g_autoptr(GHashTable) outlines = NULL;
  g_autoptr(GArray) sites = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt, *update, *insert;
  gint64 customer = 0, best = 0;
  double longitude = 0, latitude = 0;
  int rc;

  if (set_id < 0 || (sites = read_sites (self, error)) == NULL)
    return FALSE;
  if (set_id > 0 && (outlines = read_outlines (self, set_id, error)) == NULL)
    return FALSE;
  /* Customers who lost their coordinates since the last assignment. */
  if (!fid_store_exec (self,
                       "DELETE FROM customer_territories WHERE customer_id IN"
                       " (SELECT id FROM customers WHERE longitude IS NULL OR latitude IS NULL)", error))
    return FALSE;

  insert = fid_store_prepare (self, UPSERT_SQL, error);
  if (insert == NULL)
    return FALSE;
  /* One row per (customer, candidate territory); a customer's rows are
   * consecutive since the customers are the outer loop. LEFT JOIN: a
   * customer outside every box still gets their nearest branch. */
  stmt = fid_store_prepare (self,
    "SELECT c.id, c.longitude, c.latitude, b.id FROM customers c"
    " LEFT JOIN territory_boxes b ON b.min_lon <= c.longitude AND b.max_lon >= c.longitude"
    "  AND b.min_lat <= c.latitude AND b.max_lat >= c.latitude"
    " WHERE c.longitude IS NOT NULL AND c.latitude IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  for (;;)
    {
      gint64 id, candidate;

      rc = sqlite3_step (stmt);
      id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      if (customer != 0 && id != customer)
        {
          gint64 branch_id;
          double distance;

          if (best == 0 && outlines != NULL
              && !snap_to_nearest (self, outlines, longitude, latitude, &best, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          nearest_site (sites, longitude, latitude, &branch_id, &distance);
          if (!write_assignment (self, insert, customer, best, branch_id, distance, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          stats->customers++;
          stats->in_territory += best > 0;
        }
      if (rc != SQLITE_ROW)
        break;
      if (id != customer)
        {
          customer = id;
          best = 0;
          longitude = sqlite3_column_double (stmt, 1);
          latitude = sqlite3_column_double (stmt, 2);
        }
      candidate = sqlite3_column_int64 (stmt, 3);
      /* A point on a shared edge is in both territories (fid-geometry.h):
       * the smaller id wins, whatever order the tree gives them in. */
      if (candidate > 0 && (best == 0 || candidate < best) && outlines != NULL)
        {
          FidGeometry *outline = g_hash_table_lookup (outlines, &candidate);

          if (outline != NULL && fid_geometry_contains (outline, longitude, latitude))
            best = candidate;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("place the customers"));
      return FALSE;
    }

  stmt = fid_store_prepare (self, "SELECT count(*) FROM customers WHERE longitude IS NULL OR latitude IS NULL", error);
  if (stmt == NULL || !fid_store_step_row (self, stmt, _("count the customers"), error, "%s", ""))
    return FALSE;
  stats->without_coordinates = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  now = fid_store_now_iso ();
  update = fid_store_prepare (self, "UPDATE territory_sets SET assigned_at = ?1 WHERE id = ?2", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (update, 2, set_id);
  return fid_store_step_write (self, update, _("place the customers"), error);
}

gboolean
fid_store_geo_assign (FidStore           *self,
                      FidGeoAssignStats  *stats,
                      GError            **error)
{
  FidGeoAssignStats local = { 0 };
  gint64 start = g_get_monotonic_time ();

  if (stats == NULL)
    stats = &local;
  memset (stats, 0, sizeof *stats);
  if (!fid_store_begin (self, error))
    return FALSE;
  if (!assign_in_transaction (self, stats, error) || !fid_store_commit (self, error))
    {
      fid_store_rollback (self);
      return FALSE;
    }
  stats->seconds = (g_get_monotonic_time () - start) / 1e6;
  return TRUE;
}

/* Import ----------------------------------------------------------------- */

static gboolean
insert_set (FidStore    *self,
            const char  *set_name,
            const char  *source_file,
            const char  *name_property,
            const char  *code_property,
            gint64      *set_id,
            GError     **error)
{
  g_autofree char *now = fid_store_now_iso ();
  sqlite3_stmt *stmt;

  /* Replacing a set of the same name: its territories go with it, and the
   * customers placed in them lose their territory until the assignment
   * below. */
  stmt = fid_store_prepare (self, "DELETE FROM territory_sets WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, set_name, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("replace the territories"), error)
      || !fid_store_exec (self, "UPDATE territory_sets SET is_current = 0 WHERE is_current = 1", error))
    return FALSE;
  stmt = fid_store_prepare (self,
    "INSERT INTO territory_sets (name, source_file, code_property, name_property, imported_at, is_current)"
    " VALUES (?1, ?2, ?3, ?4, ?5, 1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, set_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, source_file, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, code_property, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, name_property, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_write (self, stmt, _("import the territories"), error))
    return FALSE;
  *set_id = sqlite3_last_insert_rowid (fid_store_get_db (self));
  return TRUE;
}

static gboolean
insert_territory (FidStore      *self,
                  gint64         set_id,
                  FidTerritory  *territory,
                  GError       **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self,
    "INSERT INTO territories (set_id, code, name, geometry, min_lon, min_lat, max_lon, max_lat)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  g_autoptr(GBytes) blob = NULL;
  FidBBox box;
  gsize size;
  gconstpointer data;

  if (stmt == NULL)
    return FALSE;
  blob = fid_geometry_serialize (territory->geometry);
  data = g_bytes_get_data (blob, &size);
  box = fid_geometry_get_bbox (territory->geometry);
  sqlite3_bind_int64 (stmt, 1, set_id);
  sqlite3_bind_text (stmt, 2, territory->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, territory->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 4, data, (int) size, SQLITE_TRANSIENT);
  /* The R*Tree keeps 32-bit floats, rounded outwards by SQLite; the
   * exact test on the outline follows anyway. */
  sqlite3_bind_double (stmt, 5, box.min_x);
  sqlite3_bind_double (stmt, 6, box.min_y);
  sqlite3_bind_double (stmt, 7, box.max_x);
  sqlite3_bind_double (stmt, 8, box.max_y);
  return fid_store_step_write (self, stmt, _("import the territories"), error);
}

gboolean
fid_store_geo_import (FidStore           *self,
                      const char         *set_name,
                      const char         *source_file,
                      const char         *name_property,
                      const char         *code_property,
                      GPtrArray          *territories,
                      FidGeoAssignStats  *stats,
                      GError            **error)
{
  FidGeoAssignStats local = { 0 };
  gint64 start = g_get_monotonic_time ();
  g_autofree char *details = NULL;
  g_autofree char *name_json = NULL;
  gint64 set_id = 0;

  g_return_val_if_fail (territories != NULL, FALSE);
  if (fid_text_is_blank (set_name))
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                           _("The territories need a name."));
      return FALSE;
    }
  if (territories->len == 0)
    {
      g_set_error_literal (error, FID_VALIDATION_ERROR, FID_VALIDATION_ERROR_INVALID_VALUE,
                           _("There are no territories to import."));
      return FALSE;
    }
  if (stats == NULL)
    stats = &local;
  memset (stats, 0, sizeof *stats);
  if (!fid_store_begin (self, error))
    return FALSE;
  if (!insert_set (self, set_name, source_file ? source_file : "", name_property, code_property, &set_id, error))
    goto fail;
  for (guint i = 0; i < territories->len; i++)
    if (!insert_territory (self, set_id, g_ptr_array_index (territories, i), error))
      goto fail;
  name_json = fid_store_json_string (set_name);
  details = g_strdup_printf ("{\"name\": %s, \"territories\": %u}", name_json, territories->len);
  if (!fid_store_audit (self, "geo_import", "territory_set", set_id, details, error)
      || !assign_in_transaction (self, stats, error)
      || !fid_store_commit (self, error))
    goto fail;
  stats->seconds = (g_get_monotonic_time () - start) / 1e6;
  return TRUE;

fail:
  fid_store_rollback (self);
  return FALSE;
}

/* Figures ---------------------------------------------------------------- */

/* The latest snapshot, of any scheme, that has @segment: its scheme and date. */
static gboolean
find_segment_snapshot (FidStore    *self,
                       const char  *segment,
                       char       **scheme,
                       char       **taken_on,
                       GError     **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self,
    "SELECT i.scheme, i.taken_on FROM segment_snapshot_info i"
    " WHERE i.taken_on = (SELECT max (taken_on) FROM segment_snapshot_info WHERE scheme = i.scheme)"
    "  AND EXISTS (SELECT 1 FROM segment_snapshots s WHERE s.scheme = i.scheme"
    "              AND s.taken_on = i.taken_on AND s.segment = ?1)"
    " ORDER BY i.created_at DESC LIMIT 1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, segment, -1, SQLITE_TRANSIENT);
  if (!fid_store_step_row (self, stmt, _("read the segments"), error,
                           _("No saved segmentation has a segment “%s”."), segment))
    return FALSE;
  *scheme = g_strdup (fid_sqlite_text (stmt, 0));
  *taken_on = g_strdup (fid_sqlite_text (stmt, 1));
  sqlite3_reset (stmt);
  return TRUE;
}

GPtrArray *
fid_store_geo_list_territories (FidStore    *self,
                                const char  *segment,
                                GError     **error)
{
  g_autoptr(GPtrArray) territories = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_geo_territory_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *scheme = NULL, *taken_on = NULL;
  gint64 set_id = current_set_id (self, error), placed = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (set_id < 0)
    return NULL;
  if (set_id == 0)
    return g_steal_pointer (&territories);
  if (segment != NULL && !find_segment_snapshot (self, segment, &scheme, &taken_on, error))
    return NULL;

  stmt = fid_store_prepare (self, "SELECT id, code, name, geometry FROM territories WHERE set_id = ?1 ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, set_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidGeoTerritory *t = g_new0 (FidGeoTerritory, 1);

      t->id = sqlite3_column_int64 (stmt, 0);
      t->code = g_strdup (fid_sqlite_text (stmt, 1));
      t->name = g_strdup (fid_sqlite_text (stmt, 2));
      t->geometry = fid_geometry_deserialize (sqlite3_column_blob (stmt, 3), (gsize) sqlite3_column_bytes (stmt, 3));
      if (t->geometry == NULL)
        t->geometry = fid_geometry_new ();
      g_ptr_array_add (territories, t);
      g_hash_table_insert (by_id, &t->id, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the territories"));
      return NULL;
    }

  /* One pass in territory order (its index), a probe of the customer's
   * figures and, for a segment, of the snapshot's primary key. */
  stmt = fid_store_prepare (self,
    "SELECT ct.territory_id, count (*), total (s.revenue_12m_cents), total (s.margin_cents),"
    "  count (g.segment)"
    " FROM customer_territories ct"
    " LEFT JOIN customer_stats s ON s.customer_id = ct.customer_id"
    " LEFT JOIN segment_snapshots g ON g.scheme = ?1 AND g.taken_on = ?2"
    "  AND g.customer_id = ct.customer_id AND g.segment = ?3"
    " WHERE ct.territory_id IS NOT NULL GROUP BY ct.territory_id", error);
  if (stmt == NULL)
    return NULL;
  fid_sqlite_bind_text_or_null (stmt, 1, scheme);
  fid_sqlite_bind_text_or_null (stmt, 2, taken_on);
  fid_sqlite_bind_text_or_null (stmt, 3, segment);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      FidGeoTerritory *t = g_hash_table_lookup (by_id, &id);

      if (t == NULL)
        continue;
      t->customers = sqlite3_column_int64 (stmt, 1);
      t->revenue_cents = (gint64) sqlite3_column_double (stmt, 2);
      t->margin_cents = (gint64) sqlite3_column_double (stmt, 3);
      t->segment_customers = sqlite3_column_int64 (stmt, 4);
      placed += t->customers;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the territories' figures"));
      return NULL;
    }
  for (guint i = 0; i < territories->len; i++)
    {
      FidGeoTerritory *t = g_ptr_array_index (territories, i);

      t->penetration = placed > 0 ? (double) t->customers / (double) placed : 0;
    }
  return g_steal_pointer (&territories);
}

GPtrArray *
fid_store_geo_list_branches (FidStore  *self,
                             GError   **error)
{
  g_autoptr(GPtrArray) branches = g_ptr_array_new_with_free_func ((GDestroyNotify) fid_geo_branch_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = fid_store_prepare (self,
    "SELECT id, code, name, longitude, latitude FROM branches"
    " WHERE longitude IS NOT NULL AND latitude IS NOT NULL ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FidGeoBranch *b = g_new0 (FidGeoBranch, 1);

      b->id = sqlite3_column_int64 (stmt, 0);
      b->code = g_strdup (fid_sqlite_text (stmt, 1));
      b->name = g_strdup (fid_sqlite_text (stmt, 2));
      b->longitude = sqlite3_column_double (stmt, 3);
      b->latitude = sqlite3_column_double (stmt, 4);
      g_ptr_array_add (branches, b);
      g_hash_table_insert (by_id, &b->id, b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the branches"));
      return NULL;
    }

  /* One pass: (own branch, nearest branch) pairs. */
  stmt = fid_store_prepare (self,
    "SELECT c.branch_id, ct.nearest_branch_id, count (*) FROM customer_territories ct"
    " JOIN customers c ON c.id = ct.customer_id GROUP BY 1, 2", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 own = sqlite3_column_int64 (stmt, 0), nearest = sqlite3_column_int64 (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 2);
      FidGeoBranch *b;

      if ((b = g_hash_table_lookup (by_id, &own)) != NULL)
        {
          b->customers += n;
          if (own == nearest)
            b->own_in_cell += n;
        }
      if ((b = g_hash_table_lookup (by_id, &nearest)) != NULL)
        b->catchment += n;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the catchment areas"));
      return NULL;
    }
  return g_steal_pointer (&branches);
}

static GArray *
list_ids (FidStore    *self,
          const char  *sql,
          gint64       id,
          const char  *doing,
          GError     **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, value);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, doing);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
fid_store_geo_list_customers (FidStore  *self,
                              gint64     territory_id,
                              GError   **error)
{
  return list_ids (self,
                   "SELECT c.id FROM customer_territories ct JOIN customers c ON c.id = ct.customer_id"
                   " WHERE ct.territory_id = ?1 ORDER BY c.sort_name, c.id",
                   territory_id, _("list the territory's customers"), error);
}

GArray *
fid_store_geo_list_catchment (FidStore  *self,
                              gint64     branch_id,
                              GError   **error)
{
  /* No index on nearest_branch_id (it would slow every assignment): one
   * pass over the assignment, which is small rows. */
  return list_ids (self,
                   "SELECT c.id FROM customer_territories ct JOIN customers c ON c.id = ct.customer_id"
                   " WHERE ct.nearest_branch_id = ?1 ORDER BY c.sort_name, c.id",
                   branch_id, _("list the branch's catchment area"), error);
}

char **
fid_store_geo_list_segments (FidStore   *self,
                             char     ***schemes,
                             GError    **error)
{
  sqlite3_stmt *stmt = fid_store_prepare (self,
    "SELECT DISTINCT s.scheme, s.segment FROM segment_snapshot_info i"
    " JOIN segment_snapshots s ON s.scheme = i.scheme AND s.taken_on = i.taken_on"
    " WHERE i.taken_on = (SELECT max (taken_on) FROM segment_snapshot_info WHERE scheme = i.scheme)"
    " ORDER BY 1, 2", error);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) of = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_strv_builder_add (of, fid_sqlite_text (stmt, 0));
      g_strv_builder_add (keys, fid_sqlite_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fid_store_set_sqlite_error (self, error, rc, _("read the segments"));
      return NULL;
    }
  *schemes = g_strv_builder_end (of);
  return g_strv_builder_end (keys);
}
