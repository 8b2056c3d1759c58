-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rows first possible at schema version 2: channel details on an
-- interaction, a ticket edited since (row version), a customer in the
-- trash with its rows.

INSERT INTO interactions (id, customer_id, channel, direction, at, subject, status, details) VALUES
  (4, 1, 'sms', 'outbound', '2024-04-01T09:00:00', 'Rappel', 'failed', '{"to": "+33612345678", "error": "unreachable"}');
UPDATE tickets SET version = 2 WHERE id = 1;
INSERT INTO trash (id, entity, entity_id, label, trashed_at, actor) VALUES
  (1, 'customer', 9, 'Jean Moreau', '2024-05-01T10:00:00', 'fidelis');
INSERT INTO trash_rows (trash_id, tbl, cols, v0, v1, v2, v3, v4, v5, v6) VALUES
  (1, 'customers', 'id,first_name,last_name,sort_name,city,created_at,updated_at',
   9, 'Jean', 'Moreau', 'moreau jean', 'Brest', '2020-01-01', '2020-01-01');
INSERT INTO audit_log (id, at, actor, action, entity, entity_id, details) VALUES
  (8, '2024-05-01T10:00:00', 'fidelis', 'trash', 'customer', 9, '{"trash": 1}');
