-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rows written at schema version 5 (used once a version 6 exists). No
-- audit rows here: from version 5 on each carries a hash that only
-- FidStore computes, and the rows of fixtures 1-4 are in the chain.

INSERT INTO consents (customer_id, channel, marketing, given_at, source) VALUES
  (4, 'branch', 1, '2024-07-01T11:05:00', 'branch');
INSERT INTO holdings (id, customer_id, product_id, opened_on, closed_on, balance_cents) VALUES
  (4, 4, 1, '2024-07-01', NULL, 0);
