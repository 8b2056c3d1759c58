-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rows first possible at schema 9 (géomarketing territories and catchment
-- areas, issue 13): a current set of two territories (a square around Lyon,
-- a triangle near Brest, serialized as fid_geometry_serialize writes them),
-- their boxes through the trigger, and the assignment of customers 1 and 3
-- (fixture-1) with their nearest branch.
INSERT INTO territory_sets (id, name, source_file, code_property, name_property, imported_at,
                            assigned_at, is_current) VALUES
  (1, 'Test territories', 'test.geojson', 'code', 'nom', '2026-11-25T08:00:00',
   '2026-11-25T08:00:01', 1);
INSERT INTO territories (id, set_id, code, name, geometry, min_lon, min_lat, max_lon, max_lat) VALUES
  (1, 1, '69', 'Lyon area',
   X'46474531010000000100000004000000C029CD0200022E1B80F0FA0200022E1B80F0FA02C0C85B1BC029CD02C0C85B1B',
   4.7, 45.6, 5.0, 45.9),
  (2, 1, '29', 'Brest area',
   X'46474531010000000100000003000000801842FDC0FEC91C40DF6FFDC0FEC91C40DF6FFD4083E81C',
   -4.6, 48.3, -4.3, 48.5);
INSERT INTO customer_territories (customer_id, territory_id, nearest_branch_id, branch_distance_m) VALUES
  (1, 1, 1, 812.5),
  (3, 2, 2, 120.0);
