-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rows written at schema version 4: a customer and a contact whose
-- dashboard counts the triggers keep.

INSERT INTO customers (id, first_name, last_name, sort_name, city, branch_id, lifecycle_stage,
                       created_at, updated_at) VALUES
  (4, 'Anne', 'Roux', 'roux anne', 'Brest', 2, 'new', '2024-07-01', '2024-07-01');
INSERT INTO interactions (id, customer_id, channel, direction, at, subject) VALUES
  (5, 4, 'branch', 'inbound', '2024-07-01T11:00:00', 'Ouverture de compte');
INSERT INTO audit_log (id, at, actor, action, entity, entity_id, details) VALUES
  (10, '2024-07-01T11:00:00', 'Élodie Martin', 'create', 'customer', 4, NULL);
