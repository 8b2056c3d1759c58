-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rows first possible at schema 8 (loyalty programme, referrals and
-- engagement score, issue 14). Relies on fixture-1's customer 1 and
-- product 1, and fixture-4's branch 2.
-- Hélène Dupont (1) joins the programme and refers a prospect, who opens a
-- current account: the holding's trigger converts the referral and credits
-- her 500 points. She has a year of relationship credited and redeems a
-- reward; an engagement weight is edited and her score cached.
INSERT INTO customers (id, first_name, last_name, sort_name, city, branch_id, lifecycle_stage,
                       created_at, updated_at) VALUES
  (8001, 'Léa', 'Garnier', 'garnier lea', 'Lyon', 2, 'prospect', '2024-10-01', '2024-10-01');
INSERT INTO loyalty_members (customer_id, joined_on) VALUES (1, '2024-01-01');
INSERT INTO referrals (id, referrer_id, referred_id, referred_on, converted_on, created_at) VALUES
  (1, 1, 8001, '2024-10-01', NULL, '2024-10-01T09:00:00');
INSERT INTO holdings (id, customer_id, product_id, opened_on, closed_on, balance_cents) VALUES
  (8001, 8001, 1, '2024-10-15', NULL, 10000);
INSERT INTO points_ledger (customer_id, points, reason, source_kind, source_id, posted_on, expires_on) VALUES
  (1, 50, 'year of relationship', 'relationship_year', 5, '2024-03-01', '2026-03-01');
INSERT INTO redemptions (id, customer_id, reward_id, points, redeemed_at) VALUES
  (1, 1, 1, 300, '2024-11-02T10:00:00');
INSERT INTO points_ledger (customer_id, points, reason, source_kind, source_id, posted_on, expires_on) VALUES
  (1, -300, 'One month without account fees', 'redemption', 1, '2024-11-02', NULL);
INSERT INTO rewards (id, name, cost_points, active) VALUES (100, 'Bouquet de fleurs', 200, 0);
UPDATE loyalty_rules SET points = 600 WHERE kind = 'referral_converted';
UPDATE engagement_weights SET value = 35 WHERE name = 'recency_points';
UPDATE loyalty_settings SET points_validity_months = 36, engagement_as_of = '2024-11-30';
UPDATE customer_stats SET engagement_score = 42 WHERE customer_id = 1;
