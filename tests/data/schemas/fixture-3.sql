-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rows first possible at schema version 3: a saved segment snapshot's
-- parameters, and a customer listed for the analysis cache.

INSERT INTO segment_snapshot_info (scheme, taken_on, created_at, window_days, parameters, customers) VALUES
  ('rfm', '2024-01-31', '2024-02-01T08:00:00', 365, '{"window_days": 365}', 2);
INSERT INTO transactions (id, customer_id, date, amount_cents, margin_cents, product_family, channel) VALUES
  (5, 3, '2024-06-01', 7000, 700, 'current_account', 'branch');
INSERT INTO audit_log (id, at, actor, action, entity, entity_id, details) VALUES
  (9, '2024-02-01T08:00:00', 'fidelis', 'save', 'segment_snapshot', NULL, 'rfm 2024-01-31');
