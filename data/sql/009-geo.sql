-- Schema 9: géomarketing territories and catchment areas (issue 13).

-- A file of territories as imported (départements, a bank's own sales
-- areas…). One set is current: the one customers are assigned to and the
-- map shows. Importing a set under an existing name replaces it.
CREATE TABLE territory_sets (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE CHECK (length (name) BETWEEN 1 AND 200),
  source_file   TEXT NOT NULL,
  code_property TEXT NOT NULL,
  name_property TEXT NOT NULL,
  imported_at   TEXT NOT NULL,
  -- When customers were last assigned to it (NULL: never).
  assigned_at   TEXT,
  is_current    INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1))
) STRICT;
-- At most one current set.
CREATE UNIQUE INDEX territory_sets_current ON territory_sets (is_current) WHERE is_current = 1;

-- One territory: its outline as a compact blob (fid_geometry_serialize:
-- 32-bit integers of 1e-7 degree, about a third of the GeoJSON text), and
-- its bounding box in degrees, repeated in the R*Tree below.
CREATE TABLE territories (
  id       INTEGER PRIMARY KEY,
  set_id   INTEGER NOT NULL REFERENCES territory_sets (id) ON DELETE CASCADE,
  code     TEXT NOT NULL CHECK (length (code) BETWEEN 1 AND 100),
  name     TEXT NOT NULL CHECK (length (name) >= 1),
  geometry BLOB NOT NULL CHECK (length (geometry) >= 8),
  min_lon  REAL NOT NULL CHECK (min_lon BETWEEN -180 AND 180),
  min_lat  REAL NOT NULL CHECK (min_lat BETWEEN -90 AND 90),
  max_lon  REAL NOT NULL CHECK (max_lon BETWEEN -180 AND 180),
  max_lat  REAL NOT NULL CHECK (max_lat BETWEEN -90 AND 90),
  CHECK (min_lon <= max_lon AND min_lat <= max_lat),
  UNIQUE (set_id, code)
) STRICT;

-- The territories' bounding boxes, so that placing a customer tests the
-- outlines of the two or three territories whose box holds the point, not
-- all of them. The id is the territory's.
CREATE VIRTUAL TABLE territory_boxes USING rtree (id, min_lon, max_lon, min_lat, max_lat);

-- Keeps the R*Tree in step with the territories (a virtual table cannot
-- have a foreign key).
CREATE TRIGGER territories_ai AFTER INSERT ON territories BEGIN
  INSERT INTO territory_boxes (id, min_lon, max_lon, min_lat, max_lat)
  VALUES (new.id, new.min_lon, new.max_lon, new.min_lat, new.max_lat);
END;
CREATE TRIGGER territories_ad AFTER DELETE ON territories BEGIN
  DELETE FROM territory_boxes WHERE id = old.id;
END;

-- Where each customer with coordinates lives, against the current set,
-- and the branch nearest to them (distance in metres in Lambert-93, the
-- plane the catchment cells are drawn in, so both always agree). Kept by
-- each assignment (fid_store_geo_assign), which only writes the rows that
-- changed. territory_id NULL: outside every territory.
-- territory_id has no foreign key on purpose: replacing a set rewrites the
-- assignment in the same transaction, and a cascade (SET NULL) would first
-- write every one of a million rows for nothing. Readers join on the
-- current set's territories.
CREATE TABLE customer_territories (
  customer_id       INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  territory_id      INTEGER,
  nearest_branch_id INTEGER REFERENCES branches (id) ON DELETE SET NULL,
  branch_distance_m REAL CHECK (branch_distance_m IS NULL OR branch_distance_m >= 0)
) STRICT;
-- The summary groups by territory, the customer list filters by it.
CREATE INDEX customer_territories_territory ON customer_territories (territory_id, customer_id);
